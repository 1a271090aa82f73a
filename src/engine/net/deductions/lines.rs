//! The pieces every deduction is built from: the gross lines and options
//! going in, the net lines coming out, and the helpers that cite a rule's
//! values and write a line's explanation.

use super::rules::{Band, LoanPlan, Sourced};
use crate::engine::explain::figure::ComputeError;
use crate::engine::explain::{format_pounds, Calculation, Explanation, Factor, Op, Term, Unit};
use crate::engine::model::offer::Marker;
use crate::engine::model::settings::Residence;
use crate::engine::num::fraction::Fraction;
use crate::engine::num::rounding::Rounding;
use rust_decimal::Decimal;
use serde::Serialize;

/// One element of gross pay, as the comparison computes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GrossLine {
    /// Stable id (`basic`, `premium:night`).
    pub id: String,
    /// Label for people.
    pub label: String,
    /// Annual amount in pounds.
    pub annual: Decimal,
    /// Whether NHS Pension contributions are due on it: an input because it
    /// belongs to the offer (2002 banding was not pensionable; under the 2016
    /// TCS hours up to 40 a week, London weighting and pay protection are).
    pub pensionable: bool,
}

/// The doctor's circumstances that the pay lines do not carry.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NetOptions {
    /// Which income tax table applies.
    pub residence: Residence,
    /// The student loan plans the doctor repays, in any combination.
    pub loans: Vec<LoanPlan>,
    /// Whether the doctor is a member of the NHS Pension Scheme.
    pub pension_member: bool,
    /// The share of full time worked (`0.6` for LTFT at 60%); picks the
    /// pension tier in years when tiers went by whole-time-equivalent pay.
    pub full_time_share: Fraction,
}

impl Default for NetOptions {
    fn default() -> Self {
        NetOptions {
            residence: Residence::RestOfUk,
            loans: Vec::new(),
            pension_member: true,
            full_time_share: Fraction::ONE,
        }
    }
}

/// What a line is, which decides how it is shown and whether it is summed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LineKind {
    /// A gross pay element or the gross total.
    Gross,
    /// A quantity a deduction is charged on (pensionable pay, allowance).
    Basis,
    /// One band's share of a deduction, summed into it.
    Part,
    /// A deduction taken from gross pay.
    Deduction,
    /// The net pay.
    Net,
}

/// One line of the take-home calculation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NetLine {
    /// Stable id (`income_tax`, `ni:main`, `loan:plan2`).
    pub id: String,
    /// Label for people.
    pub label: String,
    /// What the line is.
    pub kind: LineKind,
    /// Annual value, rounded to the penny.
    #[serde(with = "rust_decimal::serde::str")]
    pub annual: Decimal,
    /// Monthly value: annual ÷ 12, to the penny.
    #[serde(with = "rust_decimal::serde::str")]
    pub monthly: Decimal,
    /// How the annual value was computed; its `source` lists every rule value
    /// used, each with its marker.
    pub explanation: Explanation,
    /// The weakest marker among the rule values used; `None` for lines that
    /// use no rule value (the gross pay).
    pub marker: Option<Marker>,
}

/// The weaker of two markers: an assumption taints what it touches.
pub(crate) fn weaker(a: Marker, b: Marker) -> Marker {
    let rank = |m: Marker| match m {
        Marker::Verified => 0,
        Marker::Derived => 1,
        Marker::Secondary => 2,
        Marker::Assumed => 3,
    };
    if rank(b) > rank(a) {
        b
    } else {
        a
    }
}

/// The weakest marker of `values`, and their sources as one text.
pub(crate) fn cite(values: &[(&str, &Sourced)]) -> (Option<Marker>, String) {
    let mut marker = None;
    let mut text = Vec::with_capacity(values.len());
    for (what, v) in values {
        marker = Some(marker.map_or(v.marker, |m| weaker(m, v.marker)));
        text.push(format!("{what}: {} {}", v.source, v.marker.tag()));
    }
    (marker, text.join("; "))
}

/// A factor of a product (the first one's `op` is ignored by the evaluator).
pub(crate) fn factor(label: &str, value: Decimal, unit: Unit) -> Factor {
    Factor {
        op: Op::Times,
        label: label.to_string(),
        value: Fraction::from_decimal(value),
        unit,
    }
}

/// A term of a sum.
pub(crate) fn term(label: &str, value: Decimal, negate: bool) -> Term {
    Term {
        label: label.to_string(),
        value,
        negate,
    }
}

/// An explanation that multiplies its factors, rounded to the penny.
pub(crate) fn product(rule: &str, source: String, factors: Vec<Factor>) -> Explanation {
    Explanation {
        rule: rule.to_string(),
        source,
        calculation: Calculation::Product { factors },
        rounding: Rounding::Pennies,
        notes: Vec::new(),
    }
}

/// Evaluates an explanation into a line: the one place values are rounded.
pub(crate) fn line(
    id: &str,
    label: &str,
    kind: LineKind,
    explanation: Explanation,
    marker: Option<Marker>,
) -> Result<NetLine, ComputeError> {
    let error = || ComputeError {
        figure: id.to_string(),
    };
    let annual = explanation.evaluate().ok_or_else(error)?;
    let monthly = Rounding::Pennies.apply(annual.checked_div(Decimal::from(12)).ok_or_else(error)?);
    Ok(NetLine {
        id: id.to_string(),
        label: label.to_string(),
        kind,
        annual,
        monthly,
        explanation,
        marker,
    })
}

/// A line that sums already-rounded terms.
pub(crate) fn sum_line(
    id: &str,
    label: &str,
    kind: LineKind,
    rule: &str,
    terms: Vec<Term>,
    marker: Option<Marker>,
) -> Result<NetLine, ComputeError> {
    let e = Explanation {
        rule: rule.to_string(),
        source: "The lines above".to_string(),
        calculation: Calculation::Sum { terms },
        rounding: Rounding::Pennies,
        notes: Vec::new(),
    };
    line(id, label, kind, e, marker)
}

/// `amount` clamped to `[lower, upper]` minus `lower`: how much of it falls in
/// a band (zero below, the band's width above). `None` on overflow.
pub(crate) fn in_band(amount: Decimal, lower: Decimal, upper: Option<Decimal>) -> Option<Decimal> {
    let capped = upper.map_or(amount, |u| amount.min(u));
    Some(capped.checked_sub(lower)?.max(Decimal::ZERO))
}

/// One `Part` line per band that `amount` reaches, and the sum as a
/// `Deduction` line; shared by income tax (on taxable income) and NI (on
/// gross earnings), whose bands have the same shape.
pub(crate) fn banded(
    prefix: &str,
    label: &str,
    base_label: &str,
    amount: Decimal,
    bands: &[Band],
) -> Result<Vec<NetLine>, ComputeError> {
    let mut parts = Vec::new();
    for (i, band) in bands.iter().enumerate() {
        let upper = bands.get(i + 1).map(|b| b.from.value);
        let share = in_band(amount, band.from.value, upper).ok_or_else(|| ComputeError {
            figure: format!("{prefix}:{}", band.name),
        })?;
        if share.is_zero() {
            continue;
        }
        let mut cited = vec![("from", &band.from), ("rate", &band.rate)];
        if let Some(next) = bands.get(i + 1) {
            cited.push(("up to", &next.from));
        }
        let (marker, source) = cite(&cited);
        let range = match upper {
            Some(u) => format!(
                "from {} to {}",
                format_pounds(band.from.value),
                format_pounds(u)
            ),
            None => format!("above {}", format_pounds(band.from.value)),
        };
        let what = format!("{base_label} in the {} band ({range})", band.name);
        let e = product(
            &format!("{label}: the {} rate on {base_label} {range}", band.name),
            source,
            vec![
                factor(&what, share, Unit::Pounds),
                factor(&format!("{} rate", band.name), band.rate.value, Unit::Rate),
            ],
        );
        parts.push(line(
            &format!("{prefix}:{}", band.name),
            &format!("{label}, {} rate", band.name),
            LineKind::Part,
            e,
            marker,
        )?);
    }
    let total = total_line(prefix, label, &parts, &[])?;
    parts.push(total);
    Ok(parts)
}

/// The `Deduction` line summing `parts`, less `credits` (each with the
/// amount of it used), with the weakest marker among them.
pub(crate) fn total_line(
    id: &str,
    label: &str,
    parts: &[NetLine],
    credits: &[(&NetLine, Decimal)],
) -> Result<NetLine, ComputeError> {
    let mut marker: Option<Marker> = None;
    let mut terms = Vec::new();
    let added = parts.iter().map(|l| (l, l.annual, false));
    let taken = credits.iter().map(|(l, used)| (*l, *used, true));
    for (l, value, negate) in added.chain(taken) {
        if let Some(m) = l.marker {
            marker = Some(marker.map_or(m, |w| weaker(w, m)));
        }
        terms.push(term(&l.label, value, negate));
    }
    sum_line(
        id,
        label,
        LineKind::Deduction,
        &format!("{label}: the sum of its parts"),
        terms,
        marker,
    )
}
