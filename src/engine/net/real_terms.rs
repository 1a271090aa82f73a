//! Real terms: pounds of one year restated in pounds of another by a price
//! index, so offers paid in different years can be compared fairly.
//!
//! The indices are data (`src/presets/indices/price-indices.json`, read by
//! `presets::price_indices`, passed in through the engine's `Reference`), each
//! value with its source and marker (the ONS series; `docs/contract-reference.md`
//! lists the copies read). Not every year is shipped for every series (CPIH
//! annual averages stop at 2022), so the user can enter or correct a value for
//! any year; what they enter wins over what is shipped, and the explanation
//! says which was used.

use crate::engine::explain::{Calculation, Explanation, Factor, Op, Unit};
use crate::engine::model::offer::Marker;
pub use crate::engine::model::settings::{
    IndexBasis, Measure, RealTerms, UserIndex, MAX_INDEX, MAX_YEAR, MIN_YEAR,
};
pub use crate::engine::model::validate::validate_real_terms;
use crate::engine::net::deductions::rules::Sourced;
use crate::engine::num::fraction::Fraction;
use crate::engine::num::rounding::Rounding;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// One year's index value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndexPoint {
    /// The calendar year.
    pub year: u16,
    /// The index value, with its source and marker.
    pub value: Sourced,
}

/// One index series: a measure on one basis, year by year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Series {
    /// The index.
    pub measure: Measure,
    /// Which value of each year.
    pub basis: IndexBasis,
    /// Name for people, with the ONS series id and base year.
    pub name: String,
    /// Where the series comes from.
    pub source: String,
    /// Values by year; a year not listed is simply unknown.
    pub values: Vec<IndexPoint>,
}

impl Series {
    /// The value for `year`, if the series has one.
    pub fn value(&self, year: u16) -> Option<&Sourced> {
        self.values
            .iter()
            .find(|p| p.year == year)
            .map(|p| &p.value)
    }
}

/// Every shipped index series, with what is uncertain about them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PriceIndices {
    /// What is assumed or unverified, for people.
    pub notes: Vec<String>,
    /// The series, at most one per measure and basis.
    pub series: Vec<Series>,
}

impl PriceIndices {
    /// The series of `measure` on `basis`, if shipped.
    pub fn series(&self, measure: Measure, basis: IndexBasis) -> Option<&Series> {
        self.series
            .iter()
            .find(|s| s.measure == measure && s.basis == basis)
    }
}

/// The index value for `year` on the chosen series: the user's if they entered
/// one, else the shipped one. Returns the value, its source, and its marker
/// (`None` when the user entered it).
pub fn index_for(
    settings: &RealTerms,
    data: &PriceIndices,
    year: u16,
) -> Option<(Decimal, String, Option<Marker>)> {
    if let Some(entry) = settings.values.iter().find(|e| e.year == year) {
        return Some((entry.value, "entered by you".to_string(), None));
    }
    let value = data.series(settings.measure, settings.basis)?.value(year)?;
    Some((value.value, value.source.clone(), Some(value.marker)))
}

/// Why an amount could not be restated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RealTermsError {
    /// Neither the user nor the shipped data has the index for a year.
    Missing {
        /// The index.
        measure: Measure,
        /// Which value of the year.
        basis: IndexBasis,
        /// The year without a value.
        year: u16,
    },
    /// The value for a year is zero or negative, so it cannot divide (only
    /// reachable when the settings were not validated).
    NotPositive {
        /// The index.
        measure: Measure,
        /// Which value of the year.
        basis: IndexBasis,
        /// The year with the bad value.
        year: u16,
    },
}

impl std::fmt::Display for RealTermsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RealTermsError::Missing {
                measure,
                basis,
                year,
            } => write!(
                f,
                "No {} {} for {year}: enter it under Real terms",
                measure.name(),
                basis.name()
            ),
            RealTermsError::NotPositive {
                measure,
                basis,
                year,
            } => write!(
                f,
                "The {} {} for {year} must be more than zero: correct it under Real terms",
                measure.name(),
                basis.name()
            ),
        }
    }
}

impl std::error::Error for RealTermsError {}

/// One index value with where it comes from, as used in a conversion.
struct Used {
    year: u16,
    value: Decimal,
    source: String,
    marker: Option<Marker>,
}

fn lookup(settings: &RealTerms, data: &PriceIndices, year: u16) -> Result<Used, RealTermsError> {
    let (measure, basis) = (settings.measure, settings.basis);
    let (value, source, marker) =
        index_for(settings, data, year).ok_or(RealTermsError::Missing {
            measure,
            basis,
            year,
        })?;
    if value <= Decimal::ZERO {
        return Err(RealTermsError::NotPositive {
            measure,
            basis,
            year,
        });
    }
    Ok(Used {
        year,
        value,
        source,
        marker,
    })
}

/// `amount` (pounds of `from_year`) in pounds of the reference year:
/// amount × index(reference year) ÷ index(from year), to the penny. The
/// explanation names every index value, its source and how sure it is, so an
/// unverified value is never used silently.
pub fn in_reference_money(
    amount: Decimal,
    amount_label: &str,
    from_year: u16,
    settings: &RealTerms,
    data: &PriceIndices,
) -> Result<Explanation, RealTermsError> {
    let (measure, basis, to_year) = (settings.measure, settings.basis, settings.year);
    let series_name = data
        .series(measure, basis)
        .map(|s| s.name.clone())
        .unwrap_or_else(|| format!("{} {}", measure.name(), basis.name()));
    let amount_factor = Factor {
        op: Op::Times,
        label: amount_label.to_string(),
        value: Fraction::from_decimal(amount),
        unit: Unit::Pounds,
    };
    if from_year == to_year {
        // No index is needed (nor may one exist yet, for the current year).
        return Ok(Explanation {
            rule: format!("Already in pounds of {to_year}: no conversion"),
            source: series_name,
            calculation: Calculation::Product {
                factors: vec![amount_factor],
            },
            rounding: Rounding::Pennies,
            notes: Vec::new(),
        });
    }
    let to = lookup(settings, data, to_year)?;
    let from = lookup(settings, data, from_year)?;
    let index_factor = |op: Op, used: &Used| Factor {
        op,
        label: format!("{} {}, {}", measure.name(), used.year, basis.name()),
        value: Fraction::from_decimal(used.value),
        unit: Unit::Number,
    };
    let describe = |used: &Used| match used.marker {
        Some(marker) => format!(
            "{} = {} ({}) {}",
            used.year,
            used.value,
            used.source,
            marker.tag()
        ),
        None => format!("{} = {} entered by you", used.year, used.value),
    };
    let mut notes = Vec::new();
    for used in [&to, &from] {
        match used.marker {
            Some(Marker::Verified) => {}
            Some(marker) => notes.push(format!(
                "The {} {} for {} ({}) is not verified {}: check it against the ONS \
                 and correct it under Real terms",
                measure.name(),
                basis.name(),
                used.year,
                used.value,
                marker.tag()
            )),
            None => notes.push(format!(
                "The {} {} for {} ({}) is the value you entered, not the shipped one",
                measure.name(),
                basis.name(),
                used.year,
                used.value
            )),
        }
    }
    Ok(Explanation {
        rule: format!(
            "Pounds of {from_year} in pounds of {to_year}: × {m} {to_year} ÷ {m} {from_year} ({})",
            basis.plural(),
            m = measure.name()
        ),
        source: format!("{series_name}: {}; {}", describe(&to), describe(&from)),
        calculation: Calculation::Product {
            factors: vec![
                amount_factor,
                index_factor(Op::Times, &to),
                index_factor(Op::DividedBy, &from),
            ],
        },
        rounding: Rounding::Pennies,
        notes,
    })
}
