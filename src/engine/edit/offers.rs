//! Edits to the offers themselves: a custom copy of one, and a changed one put
//! in its place.

use super::columns::fresh_column_id;
use super::error::EditError;
use super::ids::fresh_id;
use crate::engine::model::offer::{Offer, StatusEvent};
use crate::engine::model::scenario::Scenario;
use crate::engine::num::date::Date;

/// The `id@version` a custom (or edited) offer started from: the one it
/// records, else its own. (An unchanged preset is named by its preset key.)
pub fn source_key(offer: &Offer) -> String {
    offer
        .derived_from
        .clone()
        .unwrap_or_else(|| format!("{}@{}", offer.id, offer.version))
}

/// See [`super::Edit::DuplicateOffer`].
pub(super) fn duplicate(
    s: &mut Scenario,
    column: &str,
    today: Date,
    preset: Option<String>,
) -> Result<(), EditError> {
    let at = s
        .columns
        .iter()
        .position(|c| c.id == column)
        .ok_or_else(|| EditError::NoColumn(column.to_string()))?;
    let source = s
        .offer(&s.columns[at].offer)
        .cloned()
        .ok_or_else(|| EditError::NoOffer(s.columns[at].offer.clone()))?;
    let origin = preset.unwrap_or_else(|| source_key(&source));
    // A copy of a copy is named after the original, not `…-custom-custom`.
    let stem = source.id.split("-custom").next().unwrap_or_default();
    let id = fresh_id(&format!("{stem}-custom"), |id| {
        s.offers.iter().any(|o| o.id == id)
    });
    let mut offer = source;
    offer.name = format!("{} (edited)", offer.name.trim_end_matches(" (edited)"));
    offer.status.push(StatusEvent {
        date: today,
        status: format!(
            "hypothetical: edited from {origin} in Offer Compare, not an offer anyone made"
        ),
    });
    offer.id = id.clone();
    offer.version = 1;
    offer.derived_from = Some(origin);
    s.offers.push(offer);
    let mut copy = s.columns[at].clone();
    copy.id = fresh_column_id(s, &id);
    copy.offer = id;
    s.columns.insert(at + 1, copy);
    Ok(())
}

/// See [`super::Edit::ReplaceOffer`].
pub(super) fn replace(s: &mut Scenario, offer: Offer) -> Result<(), EditError> {
    let slot = s
        .offers
        .iter_mut()
        .find(|o| o.id == offer.id)
        .ok_or_else(|| EditError::NoOffer(offer.id.clone()))?;
    *slot = offer;
    Ok(())
}
