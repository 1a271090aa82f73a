//! Contract offers as data: a pay scale with dates, premium windows, allowances
//! and rounding rules, each value with its source — never code per offer.

use super::date::Date;
use super::fraction::Fraction;
use super::rounding::Rounding;
use super::time::{ClockTime, Weekday};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How sure a value is (the reference's markers).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Marker {
    /// [V] read in the primary document.
    Verified,
    /// [S] from a secondary source.
    Secondary,
    /// [D] derived by arithmetic from verified figures.
    Derived,
    /// [?] an assumption, labelled as such in the app.
    Assumed,
}

impl Marker {
    /// The bracketed tag used in the reference.
    pub fn tag(self) -> &'static str {
        match self {
            Marker::Verified => "[V]",
            Marker::Secondary => "[S]",
            Marker::Derived => "[D]",
            Marker::Assumed => "[?]",
        }
    }
}

/// A training grade.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[allow(missing_docs)]
pub enum Grade {
    FY1,
    FY2,
    CT1,
    CT2,
    CT3,
    ST1,
    ST2,
    ST3,
    ST4,
    ST5,
    ST6,
    ST7,
    ST8,
}

impl Grade {
    /// Every grade, most junior first.
    pub const ALL: [Grade; 13] = [
        Grade::FY1,
        Grade::FY2,
        Grade::CT1,
        Grade::CT2,
        Grade::CT3,
        Grade::ST1,
        Grade::ST2,
        Grade::ST3,
        Grade::ST4,
        Grade::ST5,
        Grade::ST6,
        Grade::ST7,
        Grade::ST8,
    ];
}

/// One event in an offer's life ("offered", "rejected by members"…).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusEvent {
    /// When.
    pub date: Date,
    /// What happened.
    pub status: String,
}

/// A document an offer draws on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Short key used by values (`"PC 1/2017"`).
    pub id: String,
    /// Full citation.
    pub title: String,
}

/// A number with its provenance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Param {
    /// The value.
    #[serde(with = "rust_decimal::serde::str")]
    pub value: Decimal,
    /// Where it comes from.
    #[serde(default)]
    pub source: String,
    /// How sure it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<Marker>,
}

/// One point of a pay scale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScalePoint {
    /// Identifier (`"NP2"`, `"FY1-0"`).
    pub id: String,
    /// Full-time annual basic salary, £.
    #[serde(with = "rust_decimal::serde::str")]
    pub annual: Decimal,
    /// Where the figure comes from.
    #[serde(default)]
    pub source: String,
    /// How sure it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<Marker>,
}

/// A pay scale in force over `[from, until)`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScalePeriod {
    /// Pay year as printed (`"2016/17"`).
    pub label: String,
    /// First day in force.
    pub from: Date,
    /// First day no longer in force. Required: a date past the last period is
    /// an error, never a fallback to the nearest year.
    pub until: Date,
    /// The points.
    pub points: Vec<ScalePoint>,
    /// Grade → point ids by completed years at that grade (the last applies
    /// beyond the list, as at the top of an incremental scale).
    pub grades: BTreeMap<Grade, Vec<String>>,
}

/// A dated pay scale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PayScale {
    /// Periods, in any order, not overlapping.
    pub periods: Vec<ScalePeriod>,
}

impl PayScale {
    /// The period covering `date`, if any.
    pub fn period_at(&self, date: Date) -> Option<&ScalePeriod> {
        self.periods
            .iter()
            .find(|p| p.from <= date && date < p.until)
    }
}

/// Pay for rostered hours beyond the contracted hours.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AdditionalHours {
    /// Multiple of the basic hourly rate (1 = plain time).
    pub multiplier: Fraction,
    /// Where the rule comes from.
    #[serde(default)]
    pub source: String,
    /// How sure it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<Marker>,
}

impl Default for AdditionalHours {
    fn default() -> Self {
        AdditionalHours {
            multiplier: Fraction::ONE,
            source: String::new(),
            marker: None,
        }
    }
}

/// A weekly window of premium time (`21:00–07:00` every day at 37 %).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PremiumWindow {
    /// Identifier, unique in the offer.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Days on which the window *starts*.
    pub days: Vec<Weekday>,
    /// Start time.
    pub from: ClockTime,
    /// End time; at or before `from` means the window crosses midnight.
    pub to: ClockTime,
    /// Uplift over the basic hourly rate (0.5 = time-and-a-half).
    pub uplift: Fraction,
    /// Where it comes from.
    #[serde(default)]
    pub source: String,
    /// How sure it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<Marker>,
}

/// How overlapping windows combine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Combine {
    /// Only the highest uplift applies to a minute (first declared wins a tie).
    #[default]
    HighestApplies,
    /// Uplifts of all windows covering a minute add up.
    Additive,
}

/// A flat allowance in £ per year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FlatAllowance {
    /// Identifier, unique in the offer.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Full-time amount, £/yr.
    #[serde(with = "rust_decimal::serde::str")]
    pub annual: Decimal,
    /// Scaled by the doctor's LTFT fraction.
    #[serde(default)]
    pub pro_rata_ltft: bool,
    /// Where it comes from.
    #[serde(default)]
    pub source: String,
    /// How sure it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<Marker>,
}

/// Rounding rule per kind of line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoundingRules {
    /// Basic salary.
    #[serde(default)]
    pub basic: Rounding,
    /// Additional hours.
    #[serde(default)]
    pub additional_hours: Rounding,
    /// Premium-window lines.
    #[serde(default)]
    pub premium: Rounding,
    /// Allowances.
    #[serde(default)]
    pub allowance: Rounding,
}

/// The terms of an offer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Terms {
    /// Dated scale of annual basic salaries.
    pub pay_scale: PayScale,
    /// Contracted full-time weekly hours (40 in the 2016 TCS).
    pub full_time_hours: Param,
    /// Weeks per year used for the hourly rate (52.143).
    pub weeks_per_year: Param,
    /// Rostered hours above contracted hours.
    #[serde(default)]
    pub additional_hours: AdditionalHours,
    /// Premium windows.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub premium_windows: Vec<PremiumWindow>,
    /// How overlapping windows combine.
    #[serde(default)]
    pub combine: Combine,
    /// Flat allowances.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allowances: Vec<FlatAllowance>,
    /// Rounding per line kind.
    #[serde(default)]
    pub rounding: RoundingRules,
}

/// A contract offer: terms plus the history and sources that make it quotable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Offer {
    /// Identifier, unique in the scenario.
    pub id: String,
    /// Version; a released preset never changes, a correction is a new version.
    pub version: u32,
    /// Display name.
    pub name: String,
    /// Dated status history, oldest first.
    #[serde(default)]
    pub status: Vec<StatusEvent>,
    /// Documents drawn on.
    #[serde(default)]
    pub sources: Vec<Source>,
    /// What had to be assumed.
    #[serde(default)]
    pub assumptions: Vec<String>,
    /// The terms.
    pub terms: Terms,
}
