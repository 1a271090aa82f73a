//! Real terms: pounds of one year restated in pounds of another by a price
//! index, so offers paid in different years can be compared fairly.
//!
//! The indices are data (`src/presets/indices/price-indices.json`, read by
//! `crate::presets::price_indices`), each value with its source and marker, as
//! the contract reference gives them. The reference verifies them only to 2022,
//! so the user can enter or correct a value for any year; what they enter wins
//! over what is shipped, and the explanation says which was used.

use super::deductions::rules::Sourced;
use super::explain::{Calculation, Explanation, Factor, Op, Unit};
use super::fraction::Fraction;
use super::offer::Marker;
use super::rounding::Rounding;
use super::scenario::Issues;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Earliest reference or index year accepted: the indices shipped start in
/// 2014, and nothing in the app predates the 2002 contract by a century.
pub const MIN_YEAR: u16 = 1900;
/// Latest reference or index year accepted.
pub const MAX_YEAR: u16 = 2100;
/// Largest index value accepted: the RPI, the largest shipped series, is in
/// the hundreds; a value beyond this is a typing slip, not an index.
pub const MAX_INDEX: Decimal = Decimal::from_parts(100_000, 0, 0, false, 0);

/// Which price index measures inflation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// Consumer prices index (ONS D7BT, 2015 = 100): the official measure.
    Cpi,
    /// CPI including owner occupiers' housing costs (ONS L522, 2015 = 100).
    Cpih,
    /// Retail prices index (ONS CHAW, January 1987 = 100): the measure the
    /// BMA's pay-erosion figures use, though no longer a national statistic.
    Rpi,
}

impl Measure {
    /// Every measure, in the order they are offered.
    pub const ALL: [Measure; 3] = [Measure::Cpi, Measure::Cpih, Measure::Rpi];

    /// Name for people (`CPI`).
    pub fn name(self) -> &'static str {
        match self {
            Measure::Cpi => "CPI",
            Measure::Cpih => "CPIH",
            Measure::Rpi => "RPI",
        }
    }
}

/// Which value of a year stands for that year's prices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IndexBasis {
    /// The average of the year's twelve monthly values: right for pay earned
    /// across a calendar year.
    AnnualAverage,
    /// The April value: pay awards take effect in April, so it matches a pay
    /// scale's own year.
    April,
}

impl IndexBasis {
    /// Every basis, in the order they are offered.
    pub const ALL: [IndexBasis; 2] = [IndexBasis::AnnualAverage, IndexBasis::April];

    /// Name for people (`annual average`).
    pub fn name(self) -> &'static str {
        match self {
            IndexBasis::AnnualAverage => "annual average",
            IndexBasis::April => "April",
        }
    }

    /// The plural, for a rule that uses two values (`annual averages`).
    fn plural(self) -> &'static str {
        match self {
            IndexBasis::AnnualAverage => "annual averages",
            IndexBasis::April => "April values",
        }
    }
}

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

/// An index value the user entered or corrected for the chosen series.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserIndex {
    /// The calendar year.
    pub year: u16,
    /// The index value, on the chosen series' base.
    #[serde(with = "rust_decimal::serde::str")]
    pub value: Decimal,
}

/// The user's real-terms settings, saved with the scenario.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RealTerms {
    /// The index.
    pub measure: Measure,
    /// Which value of each year.
    pub basis: IndexBasis,
    /// The year whose pounds every amount is restated in.
    pub year: u16,
    /// Values entered or corrected by the user; each wins over the shipped
    /// value for its year, because the shipped values after 2022 are unverified.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<UserIndex>,
}

/// Checks the settings, recording each problem under `path` (`real_terms`).
pub fn validate_real_terms(settings: &RealTerms, path: &str, issues: &mut Issues) {
    let year_in_range = |year: u16| (MIN_YEAR..=MAX_YEAR).contains(&year);
    issues.check(
        !year_in_range(settings.year),
        || format!("{path}.year"),
        || format!("must be between {MIN_YEAR} and {MAX_YEAR}"),
    );
    for (i, entry) in settings.values.iter().enumerate() {
        issues.check(
            !year_in_range(entry.year),
            || format!("{path}.values[{i}].year"),
            || format!("must be between {MIN_YEAR} and {MAX_YEAR}"),
        );
        if entry.value <= Decimal::ZERO {
            issues.push(
                format!("{path}.values[{i}].value"),
                "must be more than zero (an index value, such as 121.7)",
            );
        } else if entry.value > MAX_INDEX {
            issues.push(
                format!("{path}.values[{i}].value"),
                "must be at most 100,000 (an index value, such as 121.7)",
            );
        }
        if let Some(first) = settings.values[..i]
            .iter()
            .position(|e| e.year == entry.year)
        {
            issues.push(
                format!("{path}.values[{i}].year"),
                format!(
                    "{} is entered twice (also at values[{first}]): keep one",
                    entry.year
                ),
            );
        }
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
