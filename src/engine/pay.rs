//! Earnings lines for one column: basic, additional hours, premium windows,
//! allowances, and the totals derived from them.

use super::date::Date;
use super::explain::{Calculation, Explanation, Factor, Op, Term, Unit};
use super::figure::{ComputeError, Figure, FigureKind};
use super::fraction::Fraction;
use super::offer::{Offer, ScalePeriod, ScalePoint, Terms};
use super::premium::{Piece, UpliftMap};
use super::rota::Rota;
use super::rounding::Rounding;
use super::scenario::{Column, Doctor, Scenario};
use rust_decimal::Decimal;
use serde::Serialize;

/// Hours a column's rota spends in one premium window.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WindowHours {
    /// Window id.
    pub id: String,
    /// Window name.
    pub name: String,
    /// Minutes attributed to the window per cycle.
    pub minutes_per_cycle: u64,
}

/// Everything computed about pay for one column.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ColumnPay {
    /// Pay scale year used (`"2016/17"`).
    pub pay_year: String,
    /// Elements of pay.
    pub lines: Vec<Figure>,
    /// Totals and derived figures.
    pub totals: Vec<Figure>,
    /// Hours in each premium window.
    pub window_hours: Vec<WindowHours>,
    /// How each shift is paid, piece by piece in shift order, so the page can
    /// draw it without computing.
    pub pieces: Vec<Piece>,
    /// Things the user should know (e.g. rota designed for another LTFT fraction).
    pub warnings: Vec<String>,
}

fn factor(op: Op, label: impl Into<String>, value: Fraction, unit: Unit) -> Factor {
    Factor {
        op,
        label: label.into(),
        value,
        unit,
    }
}

fn pounds(label: impl Into<String>, value: Decimal) -> Factor {
    factor(
        Op::Times,
        label,
        Fraction::from_decimal(value),
        Unit::Pounds,
    )
}

fn or_unsourced(source: &str) -> String {
    if source.trim().is_empty() {
        "no source given (user-entered value)".to_string()
    } else {
        source.to_string()
    }
}

/// The inputs of one column, looked up once.
struct Inputs<'a> {
    doctor: &'a Doctor,
    terms: &'a Terms,
    rota: &'a Rota,
    period: &'a ScalePeriod,
    point: &'a ScalePoint,
}

impl Inputs<'_> {
    /// Full-time basic ÷ weeks per year ÷ full-time hours: the basic hourly rate.
    fn hourly_factors(&self) -> Vec<Factor> {
        vec![
            pounds(
                format!("full-time basic, {} {}", self.point.id, self.period.label),
                self.point.annual,
            ),
            factor(
                Op::DividedBy,
                "weeks per year",
                Fraction::from_decimal(self.terms.weeks_per_year.value),
                Unit::WeeksPerYear,
            ),
            factor(
                Op::DividedBy,
                "full-time weekly hours",
                Fraction::from_decimal(self.terms.full_time_hours.value),
                Unit::HoursPerWeek,
            ),
        ]
    }

    /// `rate × hours per week × weeks per year` on top of the hourly rate.
    fn hourly_line(
        &self,
        rate: Option<(&str, Fraction)>,
        hours_per_week: Fraction,
        hours_label: &str,
    ) -> Calculation {
        let mut factors = self.hourly_factors();
        if let Some((label, rate)) = rate {
            factors.push(factor(Op::Times, label, rate, Unit::Rate));
        }
        factors.push(factor(
            Op::Times,
            hours_label,
            hours_per_week,
            Unit::HoursPerWeek,
        ));
        factors.push(factor(
            Op::Times,
            "weeks per year",
            Fraction::from_decimal(self.terms.weeks_per_year.value),
            Unit::WeeksPerYear,
        ));
        Calculation::Product { factors }
    }

    fn ltft_factor(&self) -> Option<Factor> {
        (self.doctor.ltft != Fraction::ONE)
            .then(|| factor(Op::Times, "LTFT fraction", self.doctor.ltft, Unit::Rate))
    }

    /// Minutes per cycle → exact hours per week.
    fn per_week(&self, minutes: u64) -> Option<Fraction> {
        Fraction::from_ints(minutes, 60 * u64::from(self.rota.weeks))
    }
}

fn lookup<'a>(
    scenario: &'a Scenario,
    column: &Column,
    date: Date,
) -> Result<(Inputs<'a>, &'a Offer), ComputeError> {
    let missing = |what: &str| ComputeError {
        figure: format!("column '{}': {what}", column.id),
    };
    let offer = scenario
        .offer(&column.offer)
        .ok_or_else(|| missing("offer"))?;
    let rota = scenario.rota(&column.rota).ok_or_else(|| missing("rota"))?;
    let period = offer
        .terms
        .pay_scale
        .period_at(date)
        .ok_or_else(|| missing("pay scale"))?;
    let ids = period
        .grades
        .get(&scenario.doctor.grade)
        .ok_or_else(|| missing("grade"))?;
    let index = usize::from(scenario.doctor.years_at_grade).min(ids.len().saturating_sub(1));
    let id = ids.get(index).ok_or_else(|| missing("pay point"))?;
    let point = period
        .points
        .iter()
        .find(|p| &p.id == id)
        .ok_or_else(|| missing("pay point"))?;
    let inputs = Inputs {
        doctor: &scenario.doctor,
        terms: &offer.terms,
        rota,
        period,
        point,
    };
    Ok((inputs, offer))
}

/// Computes the pay of one column of a validated scenario.
pub fn column_pay(
    scenario: &Scenario,
    column: &Column,
    map: &UpliftMap,
) -> Result<ColumnPay, ComputeError> {
    let (inputs, offer) = lookup(scenario, column, scenario.pay_date_of(column))?;
    let terms = &offer.terms;
    let rota = inputs.rota;
    let mut lines = Vec::new();
    let mut warnings = Vec::new();

    lines.push(basic_line(&inputs)?);
    if let Some(line) = additional_hours_line(&inputs)? {
        lines.push(line);
    }

    let mut window_minutes = vec![0u64; terms.premium_windows.len()];
    let mut pieces = Vec::with_capacity(rota.shifts.len() * 3);
    for (index, shift) in rota.shifts.iter().enumerate() {
        for span in shift.work_intervals() {
            map.split_into(index, span, &mut pieces);
        }
    }
    for piece in &pieces {
        for w in piece.windows.iter() {
            if let Some(m) = window_minutes.get_mut(w) {
                *m += piece.span.len();
            }
        }
    }
    for (window, &minutes) in terms.premium_windows.iter().zip(&window_minutes) {
        if minutes == 0 {
            continue;
        }
        let per_week = inputs.per_week(minutes).ok_or_else(|| ComputeError {
            figure: window.id.clone(),
        })?;
        let explanation = Explanation {
            rule: format!(
                "{}: {} more than the basic hourly rate for hours worked {}–{} ({})",
                window.name,
                super::explain::format_quantity(window.uplift, Unit::Rate),
                window.from,
                window.to,
                window
                    .days
                    .iter()
                    .map(|d| d.short_name())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            source: or_unsourced(&window.source),
            calculation: inputs.hourly_line(
                Some(("uplift", window.uplift)),
                per_week,
                "hours per week in the window",
            ),
            rounding: terms.rounding.premium,
            notes: vec![format!(
                "{} h in this window over the {}-week cycle",
                super::explain::format_quantity(
                    Fraction::from_ints(minutes, 60).unwrap_or(Fraction::ZERO),
                    Unit::Number
                ),
                rota.weeks
            )],
        };
        lines.push(Figure::new(
            format!("premium:{}", window.id),
            window.name.clone(),
            FigureKind::PayLine,
            Unit::Pounds,
            explanation,
        )?);
    }

    for allowance in &terms.allowances {
        let mut factors = vec![pounds(
            format!("{} (full time)", allowance.name),
            allowance.annual,
        )];
        if allowance.pro_rata_ltft {
            factors.extend(inputs.ltft_factor());
        }
        let explanation = Explanation {
            rule: format!(
                "{}: a flat £ per year{}",
                allowance.name,
                if allowance.pro_rata_ltft {
                    ", pro rata for LTFT"
                } else {
                    ""
                }
            ),
            source: or_unsourced(&allowance.source),
            calculation: Calculation::Product { factors },
            rounding: terms.rounding.allowance,
            notes: vec![],
        };
        lines.push(Figure::new(
            format!("allowance:{}", allowance.id),
            allowance.name.clone(),
            FigureKind::PayLine,
            Unit::Pounds,
            explanation,
        )?);
    }

    if !inputs.doctor.specialty_premium.is_zero() {
        let mut factors = vec![pounds(
            "specialty premium (full time)",
            inputs.doctor.specialty_premium,
        )];
        factors.extend(inputs.ltft_factor());
        let explanation = Explanation {
            rule: "Flexible pay premium for the specialty, as entered for the doctor, pro rata for LTFT".into(),
            source: "entered by the user (the doctor's specialty premium)".into(),
            calculation: Calculation::Product { factors },
            rounding: terms.rounding.allowance,
            notes: vec![],
        };
        lines.push(Figure::new(
            "specialty_premium",
            "Specialty premium",
            FigureKind::PayLine,
            Unit::Pounds,
            explanation,
        )?);
    }

    if let Some(designed) = rota.designed_for_ltft {
        if designed.cmp_exact(&inputs.doctor.ltft) != Some(std::cmp::Ordering::Equal) {
            warnings.push(format!(
                "The rota '{}' was designed for {} of full time, but the doctor works {}.",
                rota.name,
                super::explain::format_quantity(designed, Unit::Rate),
                super::explain::format_quantity(inputs.doctor.ltft, Unit::Rate)
            ));
        }
    }

    let totals = totals(&inputs, &lines)?;
    let window_hours = terms
        .premium_windows
        .iter()
        .zip(window_minutes)
        .map(|(w, minutes_per_cycle)| WindowHours {
            id: w.id.clone(),
            name: w.name.clone(),
            minutes_per_cycle,
        })
        .collect();
    Ok(ColumnPay {
        pay_year: inputs.period.label.clone(),
        lines,
        totals,
        window_hours,
        pieces,
        warnings,
    })
}

fn basic_line(inputs: &Inputs) -> Result<Figure, ComputeError> {
    let mut factors = vec![pounds(
        format!(
            "full-time basic, {} {}",
            inputs.point.id, inputs.period.label
        ),
        inputs.point.annual,
    )];
    factors.extend(inputs.ltft_factor());
    let explanation = Explanation {
        rule: format!(
            "Annual basic salary: pay point {} of the {} scale{}",
            inputs.point.id,
            inputs.period.label,
            if inputs.doctor.ltft == Fraction::ONE {
                ""
            } else {
                ", pro rata for LTFT"
            }
        ),
        source: or_unsourced(&inputs.point.source),
        calculation: Calculation::Product { factors },
        rounding: inputs.terms.rounding.basic,
        notes: vec![],
    };
    Figure::new(
        "basic",
        "Basic salary",
        FigureKind::PayLine,
        Unit::Pounds,
        explanation,
    )
}

fn additional_hours_line(inputs: &Inputs) -> Result<Option<Figure>, ComputeError> {
    let err = || ComputeError {
        figure: "additional_hours".into(),
    };
    let weeks = u64::from(inputs.rota.weeks);
    let contracted = Fraction::from_decimal(inputs.terms.full_time_hours.value)
        .checked_mul(&inputs.doctor.ltft)
        .ok_or_else(err)?;
    // Minutes per cycle the contract covers: contracted h/week × 60 × weeks.
    let covered = contracted
        .checked_mul(&Fraction::from_decimal(Decimal::from(60 * weeks)))
        .and_then(|f| f.to_decimal())
        .ok_or_else(err)?;
    let worked = Decimal::from(inputs.rota.work_minutes());
    let extra = worked.checked_sub(covered).ok_or_else(err)?;
    if extra <= Decimal::ZERO {
        return Ok(None);
    }
    let per_week = Fraction::new(extra, Decimal::from(60 * weeks)).ok_or_else(err)?;
    let multiplier = inputs.terms.additional_hours.multiplier;
    let rate =
        (multiplier != Fraction::ONE).then_some(("multiplier of the hourly rate", multiplier));
    let explanation = Explanation {
        rule: format!(
            "Additional rostered hours above the contracted {} h/week, paid at {} × the basic hourly rate",
            super::explain::format_quantity(contracted, Unit::Number),
            multiplier
        ),
        source: or_unsourced(&inputs.terms.additional_hours.source),
        calculation: inputs.hourly_line(rate, per_week, "additional hours per week"),
        rounding: inputs.terms.rounding.additional_hours,
        notes: vec!["Hours are the rota's rostered hours averaged over its cycle.".into()],
    };
    Figure::new(
        "additional_hours",
        "Additional hours",
        FigureKind::PayLine,
        Unit::Pounds,
        explanation,
    )
    .map(Some)
}

fn totals(inputs: &Inputs, lines: &[Figure]) -> Result<Vec<Figure>, ComputeError> {
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
        Explanation {
            rule: "Gross monthly pay: a twelfth of the annual gross".into(),
            source: "arithmetic".into(),
            calculation: Calculation::Product {
                factors: vec![
                    pounds("gross pay per year", gross.value),
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
        },
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
