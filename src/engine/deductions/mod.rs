//! Take-home pay: the deduction rules of a tax year (`rules.rs`, data with sources in
//! `src/presets/tax/`). Each deduction is a line with its explanation, its
//! sources and the weakest marker among the values it used.

pub mod rules;

use rules::TaxYearRules;

/// The rules for the tax year containing `date` (each column's pay date), if
/// one of `years` does.
pub fn year_for(years: &[TaxYearRules], date: crate::engine::date::Date) -> Option<&TaxYearRules> {
    years.iter().find(|y| y.contains(date))
}
