//! Changes to a scenario, as the page and the command line make them: one
//! [`Edit`] at a time through [`Scenario::apply`]. The edits take the data they
//! need (a preset offer or rota) as values, so the engine reads no preset table.

mod columns;
mod error;
mod ids;
mod offers;
pub mod rota;

use super::model::offer::{Band, Offer};
use super::model::rota::Rota;
use super::model::scenario::Scenario;
use super::num::date::Date;
pub use error::EditError;
pub use offers::source_key;
use rota::RotaEdit;

/// One change to a scenario.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Use this rota for every column, in place of the scenario's rotas.
    UseRota(Rota),
    /// Add a column for this offer (the offer too, unless one with its id is
    /// there), paid at the scenario's date when the offer covers it, else at
    /// the start of the offer's latest pay year.
    AddColumn(Offer),
    /// Remove a column, and the offers no column uses or protects against; a
    /// removed baseline passes to the first column left.
    RemoveColumn(String),
    /// Move a column left (-1) or right (+1); past either end it stays.
    MoveColumn(String, i8),
    /// Make a column the baseline.
    SetBaseline(String),
    /// Pay a 2002-contract column at a chosen band (`None`: the band its rota earns).
    SetBandOverride(String, Option<Band>),
    /// Protect a column's pay (2016 TCS Schedule 14 section 1, the cash floor)
    /// against this 2002-contract offer, added to the scenario unless one with
    /// its id is there; `None` takes the protection off.
    SetProtection(String, Option<Offer>),
    /// Copy a column's offer into a custom offer (new id, name marked edited,
    /// status "hypothetical" dated `today`, the offer it came from kept) in a
    /// new column beside it.
    DuplicateOffer {
        /// The column whose offer is copied.
        column: String,
        /// Today's date.
        today: Date,
        /// The copied offer's preset key when it is an unchanged preset (see
        /// [`source_key`] for the rule otherwise).
        preset: Option<String>,
    },
    /// Put an offer in place of the offer with its id.
    ReplaceOffer(Offer),
    /// Change the rota in use.
    Rota(RotaEdit),
}

impl Scenario {
    /// Makes `edit`, or says why not and leaves the scenario as it was.
    pub fn apply(&mut self, edit: Edit) -> Result<(), EditError> {
        match edit {
            Edit::UseRota(rota) => {
                columns::use_rota(self, rota);
                Ok(())
            }
            Edit::AddColumn(offer) => {
                columns::add(self, offer);
                Ok(())
            }
            Edit::RemoveColumn(id) => columns::remove(self, &id),
            Edit::MoveColumn(id, delta) => columns::shift(self, &id, delta),
            Edit::SetBaseline(id) => {
                columns::find(self, &id)?;
                self.baseline = Some(id);
                Ok(())
            }
            Edit::SetBandOverride(id, band) => {
                columns::find(self, &id)?.band_override = band;
                Ok(())
            }
            Edit::SetProtection(id, against) => columns::protect(self, &id, against),
            Edit::DuplicateOffer {
                column,
                today,
                preset,
            } => offers::duplicate(self, &column, today, preset),
            Edit::ReplaceOffer(offer) => offers::replace(self, offer),
            Edit::Rota(edit) => {
                rota::apply(self, edit);
                Ok(())
            }
        }
    }

    /// The offer of the column with id `column`.
    pub fn offer_of(&self, column: &str) -> Option<&Offer> {
        let column = self.columns.iter().find(|c| c.id == column)?;
        self.offer(&column.offer)
    }
}
