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

pub mod lines;
pub mod loans;
pub mod ni;
pub mod pension;
pub mod rules;
pub mod tax;

use crate::engine::explain::figure::ComputeError;
use crate::engine::explain::Unit;
pub use crate::engine::model::settings::Residence;
pub(crate) use lines::weaker;
use lines::{factor, line, product, sum_line, term};
pub use lines::{GrossLine, LineKind, NetLine, NetOptions};
use rules::TaxYearRules;
use rust_decimal::Decimal;
use serde::Serialize;

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
