//! Take-home pay: from a column's gross pay lines to net pay, annual and
//! monthly, under one tax year's rules (`rules.rs`, data with sources in
//! `src/presets/tax/`). Each deduction is a line with its explanation, its
//! sources and the weakest marker among the values it used.
//!
//! Order, as payroll does it: NHS Pension contributions come off before income
//! tax (the "net pay arrangement") but not before National Insurance or student
//! loans, which are both charged on gross earnings.
//!
//! **Rounding, in one place** (`line`, which makes every [`NetLine`]): every line is
//! evaluated exactly from its explanation and rounded once to the penny
//! (halves away from zero, [`Rounding::Pennies`]); income tax and NI are the
//! sums of their already-rounded band lines, net pay the gross less the
//! rounded deductions. Monthly values are the annual ones ÷ 12, to the penny,
//! so monthly lines may differ from the monthly net by a penny. Real payroll
//! works per pay period (and rounds loans down to the pound); this is the
//! annual equivalent, and a note on each result says so.

pub mod loans;
pub mod ni;
pub mod pension;
pub mod rules;
pub mod tax;

use crate::engine::explain::figure::ComputeError;
use crate::engine::explain::{format_pounds, Calculation, Explanation, Factor, Op, Term, Unit};
use crate::engine::model::offer::Marker;
pub use crate::engine::model::settings::Residence;
use crate::engine::num::fraction::Fraction;
use crate::engine::num::rounding::Rounding;
use rules::{Band, LoanPlan, Sourced, TaxYearRules};
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

/// Take-home pay for one column.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NetPay {
    /// The tax year's id (`2016-17`).
    pub tax_year: String,
    /// Every line in reading order: gross, bases, deductions, net.
    pub lines: Vec<NetLine>,
    /// Annual gross pay.
    #[serde(with = "rust_decimal::serde::str")]
    pub gross_annual: Decimal,
    /// Annual net pay.
    #[serde(with = "rust_decimal::serde::str")]
    pub net_annual: Decimal,
    /// Monthly net pay (annual ÷ 12, to the penny).
    #[serde(with = "rust_decimal::serde::str")]
    pub net_monthly: Decimal,
    /// Assumptions and what is not modelled, in words (the year's notes first).
    pub notes: Vec<String>,
}

impl NetPay {
    /// The line with this id, if any.
    pub fn line(&self, id: &str) -> Option<&NetLine> {
        self.lines.iter().find(|l| l.id == id)
    }

    /// The annual value of the line with this id, zero if there is none (a
    /// deduction that is not due has no line).
    pub fn annual(&self, id: &str) -> Decimal {
        self.line(id).map(|l| l.annual).unwrap_or_default()
    }
}

/// Net pay for `lines` under `rules`.
///
/// Fails only when a value overflows `Decimal` or the share of full time is
/// not above zero (a whole-time-equivalent tier cannot be found then); never
/// panics.
pub fn net(
    lines: &[GrossLine],
    rules: &TaxYearRules,
    options: &NetOptions,
) -> Result<NetPay, ComputeError> {
    let mut out: Vec<NetLine> = Vec::new();
    let mut notes = rules.notes.clone();
    notes.push(
        "Annual equivalent: payroll deducts per pay period (and rounds student loans down to \
         the pound), so a payslip can differ by pence"
            .to_string(),
    );

    for g in lines {
        let e = product(
            "A gross pay element of the offer",
            "The comparison's pay lines".to_string(),
            vec![factor("annual", g.annual, Unit::Pounds)],
        );
        out.push(line(
            &format!("pay:{}", g.id),
            &g.label,
            LineKind::Gross,
            e,
            None,
        )?);
    }
    let gross = sum_line(
        "gross",
        "Gross pay",
        LineKind::Gross,
        "Gross pay: the sum of the pay elements",
        lines
            .iter()
            .map(|g| term(&g.label, g.annual, false))
            .collect(),
        None,
    )?;
    let gross_annual = gross.annual;
    out.push(gross);

    let pension = pension::contribution(lines, &rules.pension, options, &mut notes)?;
    let contribution = pension.iter().find(|l| l.id == "pension").map(|l| l.annual);
    out.extend(pension);

    let income_tax = match (options.residence, &rules.scottish_income_tax) {
        (Residence::Scotland, Some(scottish)) => scottish,
        (Residence::Scotland, None) => {
            notes.push(format!(
                "The reference has no Scottish income tax table for {}: the rest-of-UK rates are used [?]",
                rules.name
            ));
            &rules.income_tax
        }
        (Residence::RestOfUk, _) => &rules.income_tax,
    };
    out.extend(tax::income_tax(
        gross_annual,
        contribution.unwrap_or_default(),
        income_tax,
        options.residence,
    )?);
    out.extend(ni::national_insurance(
        gross_annual,
        &rules.national_insurance,
        options.pension_member,
    )?);
    out.extend(loans::repayments(
        gross_annual,
        &rules.student_loans,
        &options.loans,
        &rules.name,
        &mut notes,
    )?);

    let mut terms = vec![term("gross pay", gross_annual, false)];
    terms.extend(
        out.iter()
            .filter(|l| l.kind == LineKind::Deduction)
            .map(|l| term(&l.label, l.annual, true)),
    );
    let net = sum_line(
        "net",
        "Net pay",
        LineKind::Net,
        "Net pay: gross pay less every deduction",
        terms,
        None,
    )?;
    let net_annual = net.annual;
    let net_monthly = net.monthly;
    out.push(net);
    Ok(NetPay {
        tax_year: rules.id.clone(),
        lines: out,
        gross_annual,
        net_annual,
        net_monthly,
        notes,
    })
}

/// The rules for the tax year containing `date` (each column's pay date), if
/// one of `years` does.
pub fn year_for(
    years: &[TaxYearRules],
    date: crate::engine::num::date::Date,
) -> Option<&TaxYearRules> {
    years.iter().find(|y| y.contains(date))
}

// ---- shared helpers: the one place lines are made and rounded ----

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
