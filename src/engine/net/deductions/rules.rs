//! The deduction rules of one tax year as data: every number with its source
//! and marker, read from `src/presets/tax/*.json` (the `presets` module builds them).
//! Nothing here computes; `tax.rs`, `ni.rs`, `pension.rs` and `loans.rs` do.

use crate::engine::model::offer::Marker;
pub use crate::engine::model::settings::LoanPlan;
use crate::engine::num::date::Date;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// One number with where it comes from and how sure it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sourced {
    /// The value: pounds, or a rate as a fraction (`0.2` is 20%).
    #[serde(with = "rust_decimal::serde::str")]
    pub value: Decimal,
    /// Where it comes from (the contract reference's section and its source).
    pub source: String,
    /// How sure it is, exactly as the reference marks it.
    pub marker: Marker,
}

/// A rate that applies from a threshold up to the next band's threshold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    /// Short name (`basic`, `higher`, `main`).
    pub name: String,
    /// Where the band starts (for income tax: in taxable income, after the
    /// personal allowance, because that is how the law sets the bands and why
    /// they do not move when the allowance tapers).
    pub from: Sourced,
    /// The marginal rate inside the band.
    pub rate: Sourced,
}

/// Income tax for one part of the UK.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IncomeTax {
    /// The standard personal allowance.
    pub personal_allowance: Sourced,
    /// Income above which the allowance tapers.
    pub taper_threshold: Sourced,
    /// Allowance lost per pound over the threshold (`0.5`: £1 per £2).
    pub taper_rate: Sourced,
    /// Bands on taxable income, in ascending order of `from`.
    pub bands: Vec<Band>,
}

/// The employee's contracted-out rebate (members of a contracted-out scheme,
/// such as the NHS Pension Scheme, until 5 April 2016).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rebate {
    /// Lower end of the earnings it applies to.
    pub from: Sourced,
    /// Upper end of the earnings it applies to.
    pub to: Sourced,
    /// The rebate rate.
    pub rate: Sourced,
}

/// Employee class 1 National Insurance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NationalInsurance {
    /// Bands on gross earnings, ascending; below the first band nothing is due.
    pub bands: Vec<Band>,
    /// The contracted-out rebate, in the years it existed.
    pub contracted_out_rebate: Option<Rebate>,
}

/// What decides a member's NHS Pension contribution tier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PensionBasis {
    /// Whole-time-equivalent pensionable pay (until 1 Oct 2022): a part-time
    /// doctor pays the rate of the full-time pay of their post.
    WholeTimeEquivalent,
    /// Actual pensionable pay (from 1 Oct 2022).
    Actual,
}

/// One NHS Pension contribution tier: its rate applies to *all* pensionable
/// pay when the tier's pay applies (not marginally), hence the cliffs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tier {
    /// 1-based tier number, as the scheme names them.
    pub tier: u32,
    /// Pay at and above which the tier applies (until the next tier's).
    pub from: Sourced,
    /// Contribution rate on all pensionable pay.
    pub rate: Sourced,
}

/// NHS Pension (England & Wales) member contributions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pension {
    /// Which pay picks the tier.
    pub basis: PensionBasis,
    /// Where the basis comes from.
    pub basis_source: String,
    /// How sure the basis is.
    pub basis_marker: Marker,
    /// Tiers in ascending order of `from`.
    pub tiers: Vec<Tier>,
}

/// One plan's terms in one year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Loan {
    /// Which plan.
    pub plan: LoanPlan,
    /// Earnings above which repayments are due.
    pub threshold: Sourced,
    /// Share of earnings above the threshold repaid.
    pub rate: Sourced,
}

/// Every deduction rule of one tax year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaxYearRules {
    /// `2016-17`.
    pub id: String,
    /// Name for people (`Tax year 2016/17`).
    pub name: String,
    /// First day (6 April).
    pub from: Date,
    /// First day of the next tax year (exclusive end).
    pub until: Date,
    /// What is assumed or missing this year, in words.
    pub notes: Vec<String>,
    /// Income tax outside Scotland.
    pub income_tax: IncomeTax,
    /// Income tax for Scottish residents; `None` where the reference has no
    /// table (the rest-of-UK rules are then used, and a note says so).
    pub scottish_income_tax: Option<IncomeTax>,
    /// Employee National Insurance.
    pub national_insurance: NationalInsurance,
    /// NHS Pension member contributions.
    pub pension: Pension,
    /// The plans that existed this year; a plan not listed did not.
    pub student_loans: Vec<Loan>,
}

impl TaxYearRules {
    /// Whether `date` falls in this tax year.
    pub fn contains(&self, date: Date) -> bool {
        self.from <= date && date < self.until
    }
}
