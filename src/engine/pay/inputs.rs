//! The inputs of one column's pay (its scale point, terms, rota and doctor),
//! looked up once, the factors every pay line is built from, and the basic
//! salary line that other lines start from.

use crate::engine::explain::figure::{ComputeError, Figure, FigureKind};
use crate::engine::explain::{Calculation, Explanation, Factor, Op, Unit};
use crate::engine::model::offer::{Offer, ScalePeriod, ScalePoint, Terms};
use crate::engine::model::rota::Rota;
use crate::engine::model::scenario::{Column, Doctor, Scenario};
use crate::engine::num::date::Date;
use crate::engine::num::fraction::Fraction;
use rust_decimal::Decimal;

pub(crate) fn factor(op: Op, label: impl Into<String>, value: Fraction, unit: Unit) -> Factor {
    Factor {
        op,
        label: label.into(),
        value,
        unit,
    }
}

pub(crate) fn pounds(label: impl Into<String>, value: Decimal) -> Factor {
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
    /// The column's pay date (dated allowance rates are chosen by it).
    pub(super) date: Date,
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

pub(super) fn lookup<'a>(
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
    let doctor = &scenario.doctor;
    if !period.grades.contains_key(&doctor.grade) {
        return Err(missing("grade"));
    }
    let point = period
        .point_for(doctor.grade, doctor.years_at_grade)
        .ok_or_else(|| missing("pay point"))?;
    let inputs = Inputs {
        basic_label: format!("full-time basic, {} {}", point.id, period.label),
        doctor: &scenario.doctor,
        terms: &offer.terms,
        rota,
        period,
        point,
        date,
    };
    Ok(inputs)
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
