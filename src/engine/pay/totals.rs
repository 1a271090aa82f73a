//! Totals and derived pay figures: gross per year and per month, the basic
//! hourly rate, average weekly hours and pay per hour worked.

use crate::engine::explain::figure::{ComputeError, Figure, FigureKind};
use crate::engine::explain::{Calculation, Explanation, Op, Term, Unit};
use crate::engine::num::fraction::Fraction;
use crate::engine::num::rounding::Rounding;
use crate::engine::pay::inputs::{factor, or_unsourced, pounds, Inputs};
use rust_decimal::Decimal;

/// A monthly figure: the annual one ÷ 12, to the penny.
pub(crate) fn a_twelfth(rule: &str, label: &str, annual: Decimal) -> Explanation {
    Explanation {
        rule: rule.into(),
        source: "arithmetic".into(),
        calculation: Calculation::Product {
            factors: vec![
                pounds(label, annual),
                factor(
                    Op::DividedBy,
                    "months",
                    Fraction::from_decimal(Decimal::from(12)),
                    Unit::Months,
                ),
            ],
        },
        rounding: Rounding::Pennies,
        notes: vec![],
    }
}

/// The totals of a column from its rounded pay lines.
pub(super) fn totals(inputs: &Inputs, lines: &[Figure]) -> Result<Vec<Figure>, ComputeError> {
    let gross = Figure::new(
        "gross_annual",
        "Gross pay per year",
        FigureKind::Total,
        Unit::Pounds,
        Explanation {
            rule: "Gross annual pay: the sum of the pay lines, each already rounded".into(),
            source: "this comparison's pay lines".into(),
            calculation: Calculation::Sum {
                terms: lines
                    .iter()
                    .map(|l| Term {
                        label: l.label.clone(),
                        value: l.value,
                        negate: false,
                    })
                    .collect(),
            },
            rounding: Rounding::Pennies,
            notes: vec![],
        },
    )?;
    let monthly = Figure::new(
        "gross_monthly",
        "Gross pay per month",
        FigureKind::Total,
        Unit::Pounds,
        a_twelfth(
            "Gross monthly pay: a twelfth of the annual gross",
            "gross pay per year",
            gross.value,
        ),
    )?;
    let hourly = Figure::new(
        "basic_hourly_rate",
        "Basic hourly rate",
        FigureKind::Total,
        Unit::Pounds,
        Explanation {
            rule: "Basic hourly rate: full-time basic ÷ weeks per year ÷ full-time weekly hours"
                .into(),
            source: or_unsourced(&inputs.terms.weeks_per_year.source),
            calculation: Calculation::Product {
                factors: inputs.hourly_factors(),
            },
            rounding: Rounding::Pennies,
            notes: vec!["Shown rounded; every line uses the exact rate.".into()],
        },
    )?;
    let weekly_hours = inputs
        .rota
        .average_weekly_hours()
        .ok_or_else(|| ComputeError {
            figure: "average_weekly_hours".into(),
        })?;
    let hours = Figure::new(
        "average_weekly_hours",
        "Average weekly hours",
        FigureKind::RotaFact,
        Unit::HoursPerWeek,
        Explanation {
            rule: "Average weekly hours of work over the rota cycle".into(),
            source: "the rota".into(),
            calculation: Calculation::Product {
                factors: vec![
                    factor(
                        Op::Times,
                        "hours of work per cycle",
                        Fraction::from_ints(inputs.rota.work_minutes(), 60)
                            .unwrap_or(Fraction::ZERO),
                        Unit::Hours,
                    ),
                    factor(
                        Op::DividedBy,
                        "weeks in the cycle",
                        Fraction::from_decimal(Decimal::from(inputs.rota.weeks)),
                        Unit::Weeks,
                    ),
                ],
            },
            rounding: Rounding::Hundredths,
            notes: vec![],
        },
    )?;
    let mut out = vec![gross.clone(), monthly, hourly, hours];
    if !weekly_hours.is_zero() {
        out.push(Figure::new(
            "pay_per_hour",
            "Pay per hour worked",
            FigureKind::Total,
            Unit::Pounds,
            Explanation {
                rule: "Gross annual pay ÷ (average weekly hours × weeks per year)".into(),
                source: "arithmetic".into(),
                calculation: Calculation::Product {
                    factors: vec![
                        pounds("gross pay per year", gross.value),
                        factor(Op::DividedBy, "average weekly hours", weekly_hours, Unit::HoursPerWeek),
                        factor(
                            Op::DividedBy,
                            "weeks per year",
                            Fraction::from_decimal(inputs.terms.weeks_per_year.value),
                            Unit::WeeksPerYear,
                        ),
                    ],
                },
                rounding: Rounding::Pennies,
                notes: vec![
                    "Annual leave and bank holidays are not deducted: every week of the year is assumed to follow the rota."
                        .into(),
                ],
            },
        )?);
    }
    Ok(out)
}
