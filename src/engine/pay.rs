//! Earnings for one column: looks up the inputs, computes basic salary and
//! additional hours, and gathers the premium and allowance lines and totals.

use super::allowance_lines::allowance_lines;
use super::banded_lines::{banded_lines, protection_line, ProtectedPay};
use super::banding::BandDecision;
use super::date::Date;
use super::explain::{format_quantity, Calculation, Explanation, Factor, Op, Unit};
use super::figure::{ComputeError, Figure, FigureKind};
use super::fraction::Fraction;
use super::offer::{Offer, ScalePeriod, ScalePoint, Terms};
use super::premium::Piece;
use super::premium_lines::{premium_lines, WindowHours};
use super::rota::Rota;
use super::scenario::{Column, Doctor, Scenario};
use super::totals::totals;
use rust_decimal::Decimal;
use serde::Serialize;

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
    /// The 2002 band and why, for banded offers.
    pub band: Option<BandDecision>,
    /// How conditions were evaluated (frequencies counted, bands chosen).
    pub notes: Vec<String>,
    /// Things the user should know (e.g. rota designed for another LTFT fraction).
    pub warnings: Vec<String>,
}

pub(super) fn factor(op: Op, label: impl Into<String>, value: Fraction, unit: Unit) -> Factor {
    Factor {
        op,
        label: label.into(),
        value,
        unit,
    }
}

pub(super) fn pounds(label: impl Into<String>, value: Decimal) -> Factor {
    factor(
        Op::Times,
        label,
        Fraction::from_decimal(value),
        Unit::Pounds,
    )
}

pub(super) fn or_unsourced(source: &str) -> String {
    if source.trim().is_empty() {
        "no source given (user-entered value)".to_string()
    } else {
        source.to_string()
    }
}

/// The inputs of one column, looked up once.
pub(super) struct Inputs<'a> {
    pub(super) doctor: &'a Doctor,
    pub(super) terms: &'a Terms,
    pub(super) rota: &'a Rota,
    pub(super) period: &'a ScalePeriod,
    pub(super) point: &'a ScalePoint,
    /// "full-time basic, NP2 2016/17", formatted once: most lines start with it.
    basic_label: String,
}

impl Inputs<'_> {
    /// The full-time annual basic salary as the first factor of a line.
    pub(super) fn full_time_basic(&self) -> Factor {
        pounds(self.basic_label.clone(), self.point.annual)
    }

    /// Full-time basic ÷ weeks per year ÷ full-time hours: the basic hourly rate.
    pub(super) fn hourly_factors(&self) -> Vec<Factor> {
        vec![
            self.full_time_basic(),
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
    pub(super) fn hourly_line(
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

    pub(super) fn ltft_factor(&self) -> Option<Factor> {
        (self.doctor.ltft != Fraction::ONE)
            .then(|| factor(Op::Times, "LTFT fraction", self.doctor.ltft, Unit::Rate))
    }

    /// Minutes per cycle → exact hours per week.
    pub(super) fn per_week(&self, minutes: u64) -> Option<Fraction> {
        Fraction::from_ints(minutes, 60 * u64::from(self.rota.weeks))
    }
}

fn lookup<'a>(
    scenario: &'a Scenario,
    column: &Column,
    offer: &'a Offer,
    rota: &'a Rota,
    date: Date,
) -> Result<Inputs<'a>, ComputeError> {
    let missing = |what: &str| ComputeError {
        figure: format!("column '{}': {what}", column.id),
    };
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
        basic_label: format!("full-time basic, {} {}", point.id, period.label),
        doctor: &scenario.doctor,
        terms: &offer.terms,
        rota,
        period,
        point,
    };
    Ok(inputs)
}

/// What decides a column's pay besides its offer and rota.
pub struct PayOptions<'a> {
    /// The 2002 band, for offers with banding.
    pub band: Option<&'a BandDecision>,
    /// Transitional pay protection, when the column has it.
    pub protection: Option<&'a ProtectedPay>,
}

/// The 2002 basic and banding lines of a rota under a banded offer at a date
/// (for pay protection).
pub fn protected_lines(
    scenario: &Scenario,
    column: &Column,
    offer: &Offer,
    rota: &Rota,
    date: Date,
    band: &BandDecision,
) -> Result<Vec<Figure>, ComputeError> {
    let inputs = lookup(scenario, column, offer, rota, date)?;
    match &offer.terms.banding {
        Some(banding) => banded_lines(&inputs, banding, band),
        None => Ok(vec![basic_line(&inputs)?]),
    }
}

/// Computes the pay of one column of a validated scenario, given its offer and rota.
pub fn column_pay(
    scenario: &Scenario,
    column: &Column,
    offer: &Offer,
    rota: &Rota,
    options: PayOptions,
) -> Result<ColumnPay, ComputeError> {
    let inputs = lookup(scenario, column, offer, rota, scenario.pay_date_of(column))?;
    let rota = inputs.rota;
    let mut notes = Vec::new();
    let mut lines = match (options.band, &offer.terms.banding) {
        (Some(band), Some(banding)) => banded_lines(&inputs, banding, band)?,
        _ => vec![basic_line(&inputs)?],
    };
    lines.extend(additional_hours_line(&inputs)?);

    let premium = premium_lines(&inputs, column, &mut notes)?;
    lines.extend(premium.lines);
    lines.extend(allowance_lines(&inputs, &mut notes)?);
    if let Some(protected) = options.protection {
        lines.extend(protection_line(protected, &lines, &mut notes)?);
    }

    let mut warnings = Vec::new();
    if let Some(designed) = rota.designed_for_ltft {
        if designed.cmp_exact(&inputs.doctor.ltft) != Some(std::cmp::Ordering::Equal) {
            warnings.push(format!(
                "The rota '{}' was designed for {} of full time, but the doctor works {}.",
                rota.name,
                format_quantity(designed, Unit::Rate),
                format_quantity(inputs.doctor.ltft, Unit::Rate)
            ));
        }
    }
    let totals = totals(&inputs, &lines)?;
    Ok(ColumnPay {
        pay_year: inputs.period.label.clone(),
        lines,
        totals,
        band: options.band.cloned(),
        window_hours: premium.hours,
        pieces: premium.pieces,
        notes,
        warnings,
    })
}

pub(super) fn basic_line(inputs: &Inputs) -> Result<Figure, ComputeError> {
    let mut factors = vec![inputs.full_time_basic()];
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
    let Some(rule) = &inputs.terms.additional_hours else {
        return Ok(None);
    };
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
    let multiplier = rule.multiplier;
    let rate =
        (multiplier != Fraction::ONE).then_some(("multiplier of the hourly rate", multiplier));
    let explanation = Explanation {
        rule: format!(
            "Additional rostered hours above the contracted {} h/week, paid at {} × the basic hourly rate",
            super::explain::format_quantity(contracted, Unit::Number),
            multiplier
        ),
        source: or_unsourced(&rule.source),
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
