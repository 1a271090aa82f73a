//! Take-home pay in the comparison: each column's deductions, net pay per
//! year, per month and per hour worked, and how much of an extra pound the
//! doctor keeps — computed from the column's own pay lines under the tax year
//! of the column's pay date (`deductions`), so columns paid in different
//! years are taxed as they were.
//!
//! The figures are ordinary [`Figure`]s (ids starting `net:`), so the page,
//! the command line, the CSV and the JSON show them with their explanations
//! like every other figure.

use crate::engine::explain::figure::{Figure, FigureKind};
use crate::engine::explain::{Calculation, Explanation, Op, Unit};
use crate::engine::model::offer::Marker;
pub use crate::engine::model::settings::TakeHome;
pub use crate::engine::model::validate::validate_take_home;
use crate::engine::net::deductions::rules::TaxYearRules;
use crate::engine::net::deductions::{net, year_for, GrossLine, LineKind, NetOptions, NetPay};
use crate::engine::net::real_terms::{in_reference_money, IndexBasis, PriceIndices};
use crate::engine::num::date::Date;
use crate::engine::num::fraction::Fraction;
use crate::engine::num::rounding::Rounding;
use crate::engine::pay::inputs::{factor, pounds};
use crate::engine::pay::totals::a_twelfth;
use crate::engine::pay::ColumnPay;
use rust_decimal::Decimal;
use serde::Serialize;

/// Whether a pay line is pensionable when the scenario does not say: basic
/// pay, the flexible pay premium and pay protection are; banding (2002),
/// additional hours over the 40 contracted, unsocial-hours premiums and
/// allowances are not (contract reference §6: "under the 2016 TCS
/// pensionable pay covers hours up to 40 a week, London weighting and pay
/// protection"; "under the 2002 contract banding supplements were not
/// pensionable").
pub fn is_pensionable_by_default(line: &str) -> bool {
    matches!(line, "basic" | "specialty_premium" | "pay_protection")
}

/// One column's take-home figures, or why there are none.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ColumnTakeHome {
    /// The tax year applied (`2016-17`); `None` when none is shipped for the
    /// column's pay date.
    pub tax_year: Option<String>,
    /// The figures (ids `net:…`), in reading order.
    pub figures: Vec<Figure>,
    /// Assumptions and what is not modelled, in words.
    pub notes: Vec<String>,
}

/// The extra pay used to measure what is kept of a pound: big enough that
/// rounding each deduction to the penny does not blur the rate.
const EXTRA: Decimal = Decimal::ONE_HUNDRED;

/// How much of the take-home calculation to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    /// Every figure: deductions, net, what is kept of a pound, real terms.
    Full,
    /// Net pay per year only: what a sweep needs at each of thousands of
    /// points (every other figure costs time there and is not shown).
    NetOnly,
}

/// What take-home pay reads of a column: its pay date and its pay.
#[derive(Debug, Clone, Copy)]
pub struct GrossPay<'a> {
    /// The column's pay date, which picks the tax year.
    pub pay_date: Date,
    /// The column's pay lines and totals.
    pub pay: &'a ColumnPay,
}

impl GrossPay<'_> {
    /// A pay line or total by id.
    fn figure(&self, id: &str) -> Option<&Figure> {
        self.pay
            .lines
            .iter()
            .chain(&self.pay.totals)
            .find(|f| f.id == id)
    }
}

/// Take-home figures for one column under the tax year of its pay date, and
/// gross and net pay in the reference year's money when asked.
pub fn column_take_home(
    column: &GrossPay<'_>,
    settings: &TakeHome,
    full_time_share: Fraction,
    (years, indices): (&[TaxYearRules], &PriceIndices),
    detail: Detail,
) -> ColumnTakeHome {
    let mut result = net_figures(column, settings, full_time_share, years, detail);
    if let (Some(real), Detail::Full) = (&settings.real_terms, detail) {
        // A financial-year average is named by the year it starts in.
        let from = match real.basis {
            IndexBasis::FinancialYear => column.pay_date.pay_year(),
            IndexBasis::AnnualAverage | IndexBasis::April => column.pay_date.year(),
        };
        let net = result
            .figures
            .iter()
            .find(|f| f.id == "net:annual")
            .cloned();
        let amounts = [
            (
                "real_gross",
                "Gross pay per year",
                column.figure("gross_annual").cloned(),
            ),
            ("real_net", "Net pay per year", net),
        ];
        for (id, what, amount) in amounts {
            let Some(amount) = amount else { continue };
            let label = format!("{what}, in {} money", real.year);
            let made = in_reference_money(
                amount.value,
                &amount.label.to_ascii_lowercase(),
                from,
                real,
                indices,
            )
            .map_err(|e| e.to_string())
            .and_then(|e| figure(id, &label, e).map_err(|e| e.to_string()));
            match made {
                Ok(mut f) => {
                    // An index value that is not verified (shipped as [?], or
                    // entered by the user) taints the figure: each has a note.
                    f.marker = match f.explanation.notes.is_empty() {
                        true => amount.marker,
                        false => Some(Marker::Assumed),
                    };
                    result.figures.push(f);
                }
                Err(e) => result.notes.push(format!("{label} is not computed: {e}")),
            }
        }
    }
    result
}

fn net_figures(
    column: &GrossPay<'_>,
    settings: &TakeHome,
    full_time_share: Fraction,
    years: &[TaxYearRules],
    detail: Detail,
) -> ColumnTakeHome {
    let Some(rules) = year_for(years, column.pay_date) else {
        let shipped: Vec<&str> = years.iter().map(|y| y.name.as_str()).collect();
        return ColumnTakeHome {
            tax_year: None,
            figures: Vec::new(),
            notes: vec![format!(
                "Take-home pay is not computed: no tax year containing the pay date {} is shipped ({})",
                column.pay_date,
                shipped.join(", ")
            )],
        };
    };
    let options = NetOptions {
        residence: settings.residence,
        loans: settings.loans.clone(),
        pension_member: settings.pension_member,
        full_time_share,
    };
    let pensionable = |id: &str| match &settings.pensionable {
        Some(ids) => ids.iter().any(|p| p == id),
        None => is_pensionable_by_default(id),
    };
    let lines: Vec<GrossLine> = column
        .pay
        .lines
        .iter()
        .map(|f| GrossLine {
            id: f.id.clone(),
            label: f.label.clone(),
            annual: f.value,
            pensionable: pensionable(&f.id),
        })
        .collect();
    let failed = |e: crate::engine::explain::figure::ComputeError| ColumnTakeHome {
        tax_year: Some(rules.id.clone()),
        figures: Vec::new(),
        notes: vec![format!("Take-home pay is not computed: {e}")],
    };
    let pay = match net(&lines, rules, &options) {
        Ok(pay) => pay,
        Err(e) => return failed(e),
    };
    let mut notes = pay.notes.clone();
    // Under the 2016 TCS hours up to 40 a week are pensionable: for a
    // part-time doctor some additional hours are, which the rule by pay line
    // cannot say.
    let part_time = full_time_share.cmp_exact(&Fraction::ONE) == Some(std::cmp::Ordering::Less);
    if part_time && settings.pensionable.is_none() && column.figure("additional_hours").is_some() {
        notes.push(
            "Less than full time: the 2016 TCS makes hours up to 40 a week pensionable, so part of \
             the additional hours may be; here none are (tick them under Pensionable pay lines to \
             count them all) [?]"
                .into(),
        );
    }
    match figures(column, &lines, &pay, (rules, &options), detail) {
        Ok(figures) => ColumnTakeHome {
            tax_year: Some(rules.id.clone()),
            figures,
            notes,
        },
        Err(e) => failed(e),
    }
}

/// A figure of the take-home group.
fn figure(
    id: &str,
    label: &str,
    explanation: Explanation,
) -> Result<Figure, crate::engine::explain::figure::ComputeError> {
    Figure::new(
        format!("net:{id}"),
        label,
        FigureKind::TakeHome,
        Unit::Pounds,
        explanation,
    )
}

fn figures(
    column: &GrossPay<'_>,
    lines: &[GrossLine],
    pay: &NetPay,
    (rules, options): (&TaxYearRules, &NetOptions),
    detail: Detail,
) -> Result<Vec<Figure>, crate::engine::explain::figure::ComputeError> {
    let net_line = pay
        .line("net")
        .ok_or_else(|| crate::engine::explain::figure::ComputeError {
            figure: "net".into(),
        })?;
    // Net pay is as sure as the least sure deduction.
    let marker = pay
        .lines
        .iter()
        .filter(|l| l.kind == LineKind::Deduction)
        .filter_map(|l| l.marker)
        .reduce(crate::engine::net::deductions::weaker);
    let mut annual = figure("annual", "Net pay per year", net_line.explanation.clone())?;
    annual.marker = marker;
    if detail == Detail::NetOnly {
        return Ok(vec![annual]);
    }
    let mut out = Vec::new();
    for l in &pay.lines {
        if l.kind == LineKind::Deduction || l.id == "pensionable" {
            let mut f = figure(&l.id, &l.label, l.explanation.clone())?;
            f.marker = l.marker;
            if l.kind == LineKind::Deduction {
                f.explanation.notes.push(format!(
                    "Per month: {} (a twelfth, to the penny).",
                    crate::engine::explain::format_pounds(l.monthly)
                ));
            }
            out.push(f);
        }
    }
    let monthly = figure(
        "monthly",
        "Net pay per month",
        a_twelfth(
            "Net monthly pay: a twelfth of the annual net",
            "net pay per year",
            annual.value,
        ),
    )?;
    let per_hour = per_hour_worked(column, annual.value)?;
    out.push(annual.clone());
    out.push(monthly);
    out.extend(per_hour);
    out.extend(kept_of_a_pound(lines, pay, rules, options)?);
    // What is derived from the deductions is as sure as they are.
    for f in out.iter_mut().filter(|f| f.id != "net:pensionable") {
        f.marker = f.marker.or(marker);
    }
    Ok(out)
}

/// Net pay per hour worked: the gross figure's own hours, with net pay on top.
fn per_hour_worked(
    column: &GrossPay<'_>,
    net_annual: Decimal,
) -> Result<Option<Figure>, crate::engine::explain::figure::ComputeError> {
    let Some(gross) = column.figure("pay_per_hour") else {
        return Ok(None);
    };
    let Calculation::Product { factors } = &gross.explanation.calculation else {
        return Ok(None);
    };
    let mut factors = factors.clone();
    if let Some(first) = factors.first_mut() {
        *first = pounds("net pay per year", net_annual);
    }
    figure(
        "per_hour",
        "Net pay per hour worked",
        Explanation {
            rule: "Net annual pay ÷ (average weekly hours × weeks per year), the hours of the gross pay per hour worked".into(),
            source: gross.explanation.source.clone(),
            calculation: Calculation::Product { factors },
            rounding: Rounding::Pennies,
            notes: gross.explanation.notes.clone(),
        },
    )
    .map(Some)
}

/// Of each extra pound of pensionable and of non-pensionable pay, what the
/// doctor keeps: the rise in net pay when £100 more is paid on the column's
/// first line of that kind, per pound. Measured rather than read off the
/// rates, so every interaction (the pension contribution lowering taxable
/// pay, the allowance taper, a loan threshold) is included.
fn kept_of_a_pound(
    lines: &[GrossLine],
    pay: &NetPay,
    rules: &TaxYearRules,
    options: &NetOptions,
) -> Result<Vec<Figure>, crate::engine::explain::figure::ComputeError> {
    let mut out = Vec::new();
    for (pensionable, id, what) in [
        (true, "keep:pensionable", "pensionable pay"),
        (false, "keep:other", "non-pensionable pay"),
    ] {
        let Some(i) = lines.iter().position(|l| l.pensionable == pensionable) else {
            continue;
        };
        let mut more = lines.to_vec();
        more[i].annual = more[i]
            .annual
            .checked_add(EXTRA)
            .ok_or_else(|| crate::engine::explain::figure::ComputeError { figure: id.into() })?;
        let after = net(&more, rules, options)?;
        let rise = after
            .net_annual
            .checked_sub(pay.net_annual)
            .ok_or_else(|| crate::engine::explain::figure::ComputeError { figure: id.into() })?;
        let mut notes = vec![format!(
            "Net pay per year {} becomes {} when {} more of {} is paid.",
            crate::engine::explain::format_pounds(pay.net_annual),
            crate::engine::explain::format_pounds(after.net_annual),
            crate::engine::explain::format_pounds(EXTRA),
            lines[i].label
        )];
        if pensionable && options.pension_member {
            notes.push("The pension contribution is not lost: it buys pension.".into());
        }
        notes.push(
            "The rate on the next £100, not an average: a step into the next pension tier or a \
             loan threshold can make it jump."
                .into(),
        );
        out.push(figure(
            id,
            &format!("Kept of each extra £1 of {what}"),
            Explanation {
                rule: format!("The rise in net pay when £100 more of {what} is paid, per pound"),
                source: "this column's take-home calculation, run twice".into(),
                calculation: Calculation::Product {
                    factors: vec![
                        pounds("rise in net pay", rise),
                        factor(
                            Op::DividedBy,
                            "extra pay",
                            Fraction::from_decimal(EXTRA),
                            Unit::Pounds,
                        ),
                    ],
                },
                rounding: Rounding::Pennies,
                notes,
            },
        )?);
    }
    Ok(out)
}
