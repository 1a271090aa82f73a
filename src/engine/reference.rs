//! The reference data a comparison reads besides the scenario: deduction
//! rules by tax year, price indices, and the standard set of rotas that
//! who-gains runs every offer over. The engine takes them as a parameter so
//! it reads no global table; `presets::reference()` builds the shipped ones,
//! and a test may pass its own.

use crate::engine::model::rota::Rota;
use crate::engine::net::deductions::rules::TaxYearRules;
use crate::engine::net::real_terms::PriceIndices;

/// Everything [`crate::engine::compare`] and the explorer read besides the
/// scenario.
#[derive(Debug, Clone, Default)]
pub struct Reference {
    /// Deduction rules, one per tax year; a column paid in a year not listed
    /// gets no take-home figures, with a note saying so.
    pub tax_years: Vec<TaxYearRules>,
    /// Price index series for real terms; a value not listed is asked of the
    /// user.
    pub price_indices: PriceIndices,
    /// The rotas who-gains adds to the scenario's own
    /// ([`crate::engine::explore::gains::standard_cases`]).
    pub standard_rotas: Vec<NamedRota>,
}

/// A rota of the standard set, and the key that names it (`fy1-ward@1`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedRota {
    /// How the rota is named in labels (`fy1-ward@1`).
    pub key: String,
    /// The rota.
    pub rota: Rota,
}
