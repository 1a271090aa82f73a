//! The scenario's take-home settings: where the doctor lives, student loans,
//! pension membership, pensionable lines and real terms. Part of the scenario,
//! so a file or link reproduces the net figures it showed; the net stage
//! (`engine::net`) computes with them.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// What the pay lines do not say about the doctor's deductions; part of the
/// scenario, so a file or link reproduces the net figures it showed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TakeHome {
    /// Where the doctor lives (Scottish income tax for Scottish residents).
    #[serde(default, skip_serializing_if = "is_rest_of_uk")]
    pub residence: Residence,
    /// The student loan plans the doctor repays, in any combination.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub loans: Vec<LoanPlan>,
    /// Whether the doctor is a member of the NHS Pension Scheme (most are).
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub pension_member: bool,
    /// Pay line ids that are pensionable, instead of the offer's rule
    /// (`engine::take_home::is_pensionable_by_default`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pensionable: Option<Vec<String>>,
    /// Gross and net pay also in one year's money, by a price index.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub real_terms: Option<RealTerms>,
}

impl Default for TakeHome {
    fn default() -> Self {
        TakeHome {
            residence: Residence::RestOfUk,
            loans: Vec::new(),
            pension_member: true,
            pensionable: None,
            real_terms: None,
        }
    }
}

impl TakeHome {
    /// The settings in words, for the headers of exported results.
    pub fn describe(&self) -> String {
        let mut parts = vec![
            match self.residence {
                Residence::RestOfUk => "income tax for the rest of the UK".to_string(),
                Residence::Scotland => "Scottish income tax".to_string(),
            },
            match self.pension_member {
                true => "NHS Pension member".to_string(),
                false => "not an NHS Pension member".to_string(),
            },
        ];
        parts.push(match self.loans.is_empty() {
            true => "no student loan".to_string(),
            false => self
                .loans
                .iter()
                .map(|l| l.label())
                .collect::<Vec<_>>()
                .join(" + "),
        });
        parts.push(match &self.pensionable {
            None => "pensionable: the contracts' rule".to_string(),
            Some(ids) => format!("pensionable: {}", ids.join(", ")),
        });
        if let Some(r) = &self.real_terms {
            parts.push(format!(
                "real terms: {} {}, {} money{}",
                r.measure.name(),
                r.basis.name(),
                r.year,
                match r.values.len() {
                    0 => String::new(),
                    n => format!(", {n} index value(s) entered by the user"),
                }
            ));
        }
        parts.join("; ")
    }
}

fn yes() -> bool {
    true
}

fn is_true(value: &bool) -> bool {
    *value
}

fn is_rest_of_uk(value: &Residence) -> bool {
    *value == Residence::RestOfUk
}

/// Where the doctor lives, which decides the income tax table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Residence {
    /// England, Wales or Northern Ireland.
    #[default]
    RestOfUk,
    /// Scotland (Scottish income tax; NI is UK-wide).
    Scotland,
}

/// A student loan repayment plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LoanPlan {
    /// Plan 1.
    Plan1,
    /// Plan 2.
    Plan2,
    /// Plan 4 (Scotland).
    Plan4,
    /// Plan 5.
    Plan5,
    /// Postgraduate loan (repaid on top of any undergraduate plan).
    Postgraduate,
}

impl LoanPlan {
    /// Every plan, in the order lines are shown.
    pub const ALL: [LoanPlan; 5] = [
        LoanPlan::Plan1,
        LoanPlan::Plan2,
        LoanPlan::Plan4,
        LoanPlan::Plan5,
        LoanPlan::Postgraduate,
    ];

    /// Stable id (`plan1`, `postgraduate`), as in the data files.
    pub fn id(self) -> &'static str {
        match self {
            LoanPlan::Plan1 => "plan1",
            LoanPlan::Plan2 => "plan2",
            LoanPlan::Plan4 => "plan4",
            LoanPlan::Plan5 => "plan5",
            LoanPlan::Postgraduate => "postgraduate",
        }
    }

    /// Name for people.
    pub fn label(self) -> &'static str {
        match self {
            LoanPlan::Plan1 => "Student loan plan 1",
            LoanPlan::Plan2 => "Student loan plan 2",
            LoanPlan::Plan4 => "Student loan plan 4",
            LoanPlan::Plan5 => "Student loan plan 5",
            LoanPlan::Postgraduate => "Postgraduate loan",
        }
    }

    /// Parses `1`, `2`, `4`, `5`, `pg` / `postgraduate`, or an id.
    pub fn parse(text: &str) -> Option<LoanPlan> {
        match text.trim().to_ascii_lowercase().as_str() {
            "1" | "plan1" => Some(LoanPlan::Plan1),
            "2" | "plan2" => Some(LoanPlan::Plan2),
            "4" | "plan4" => Some(LoanPlan::Plan4),
            "5" | "plan5" => Some(LoanPlan::Plan5),
            "pg" | "postgraduate" => Some(LoanPlan::Postgraduate),
            _ => None,
        }
    }
}

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
    /// The average of the twelve months from April to March: the pay year
    /// itself, as the BMA, the Nuffield Trust and the IFS measure it. Year
    /// 2008 stands for 2008/09.
    FinancialYear,
}

impl IndexBasis {
    /// Every basis, in the order they are offered.
    pub const ALL: [IndexBasis; 3] = [
        IndexBasis::AnnualAverage,
        IndexBasis::April,
        IndexBasis::FinancialYear,
    ];

    /// Name for people (`annual average`).
    pub fn name(self) -> &'static str {
        match self {
            IndexBasis::AnnualAverage => "annual average",
            IndexBasis::April => "April",
            IndexBasis::FinancialYear => "financial-year average",
        }
    }

    /// The plural, for a rule that uses two values (`annual averages`).
    pub(crate) fn plural(self) -> &'static str {
        match self {
            IndexBasis::AnnualAverage => "annual averages",
            IndexBasis::April => "April values",
            IndexBasis::FinancialYear => "financial-year averages",
        }
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
