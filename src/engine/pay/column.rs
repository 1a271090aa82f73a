//! Earnings for one column: looks up the inputs, computes basic salary and
//! additional hours, and gathers the premium and allowance lines and totals.

use crate::engine::explain::figure::{ComputeError, Figure, FigureKind};
use crate::engine::explain::{format_quantity, Explanation, Unit};
use crate::engine::model::offer::Offer;
use crate::engine::model::rota::Rota;
use crate::engine::model::scenario::{Column, Scenario};
use crate::engine::num::date::Date;
use crate::engine::num::fraction::Fraction;
use crate::engine::pay::allowance_lines::allowance_lines;
use crate::engine::pay::banded_lines::{banded_lines, protection_line, ProtectedPay};
use crate::engine::pay::banding::BandDecision;
use crate::engine::pay::inputs::{basic_line, lookup, or_unsourced, Inputs};
use crate::engine::pay::premium_lines::{premium_lines, WindowHours};
use crate::engine::pay::totals::totals;
use crate::engine::windows::premium::Piece;
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
            crate::engine::explain::format_quantity(contracted, Unit::Number),
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
