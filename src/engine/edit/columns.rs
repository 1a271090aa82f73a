//! Edits to the columns: which offers and rota they compare, their order, and
//! pay protection.

use super::error::EditError;
use super::ids::fresh_id;
use crate::engine::model::offer::Offer;
use crate::engine::model::rota::Rota;
use crate::engine::model::scenario::{Column, Protection, ProtectionSection, Scenario};
use crate::engine::num::date::Date;

/// The column with id `id`.
pub(super) fn find<'a>(s: &'a mut Scenario, id: &str) -> Result<&'a mut Column, EditError> {
    s.columns
        .iter_mut()
        .find(|c| c.id == id)
        .ok_or_else(|| EditError::NoColumn(id.to_string()))
}

/// A column id not used yet, from `base` (an offer's id).
pub(super) fn fresh_column_id(s: &Scenario, base: &str) -> String {
    fresh_id(base, |id| s.columns.iter().any(|c| c.id == id))
}

/// See [`super::Edit::UseRota`].
pub(super) fn use_rota(s: &mut Scenario, rota: Rota) {
    let id = rota.id.clone();
    s.rotas = vec![rota];
    for c in &mut s.columns {
        c.rota = id.clone();
    }
}

/// See [`super::Edit::AddColumn`].
pub(super) fn add(s: &mut Scenario, offer: Offer) {
    let pay_date = match offer.terms.pay_scale.period_at(s.pay_date) {
        Some(_) => None,
        None => offer.terms.pay_scale.periods.iter().map(|p| p.from).max(),
    };
    let id = fresh_column_id(s, &offer.id);
    let rota = s.rotas.first().map(|r| r.id.clone()).unwrap_or_default();
    let offer_id = offer.id.clone();
    if !s.offers.iter().any(|o| o.id == offer.id) {
        s.offers.push(offer);
    }
    s.columns.push(Column {
        id,
        offer: offer_id,
        rota,
        pay_date,
        readings: Default::default(),
        rota_type: None,
        band_override: None,
        protection: None,
    });
}

/// See [`super::Edit::RemoveColumn`].
pub(super) fn remove(s: &mut Scenario, id: &str) -> Result<(), EditError> {
    find(s, id)?;
    s.columns.retain(|c| c.id != id);
    if s.baseline.as_deref() == Some(id) {
        s.baseline = s.columns.first().map(|c| c.id.clone());
    }
    let columns = &s.columns;
    s.offers.retain(|o| {
        columns
            .iter()
            .any(|c| c.offer == o.id || c.protection.as_ref().is_some_and(|p| p.offer == o.id))
    });
    Ok(())
}

/// See [`super::Edit::MoveColumn`].
pub(super) fn shift(s: &mut Scenario, id: &str, delta: i8) -> Result<(), EditError> {
    let i = s
        .columns
        .iter()
        .position(|c| c.id == id)
        .ok_or_else(|| EditError::NoColumn(id.to_string()))?;
    let j = i as isize + isize::from(delta);
    if j >= 0 && (j as usize) < s.columns.len() {
        s.columns.swap(i, j as usize);
    }
    Ok(())
}

/// See [`super::Edit::SetProtection`].
pub(super) fn protect(s: &mut Scenario, id: &str, against: Option<Offer>) -> Result<(), EditError> {
    find(s, id)?;
    let protection = against.map(|offer| {
        let protection = Protection {
            section: ProtectionSection::CashFloor,
            offer: offer.id.clone(),
            // The day before the first transfers to the 2016 TCS (3 Aug 2016).
            day_before: Date::new(2016, 8, 2).unwrap_or(Date::APRIL_2016_STRIKE),
            band_2015: None,
        };
        if !s.offers.iter().any(|o| o.id == offer.id) {
            s.offers.push(offer);
        }
        protection
    });
    find(s, id)?.protection = protection;
    Ok(())
}
