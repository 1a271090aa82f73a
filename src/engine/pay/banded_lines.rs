//! Pay lines of the 2002 contract: basic (the flexible-trainee multiplier for
//! LTFT doctors) and the banding supplement; and the transitional pay
//! protection line of a 2016-family column.

use crate::engine::explain::figure::{ComputeError, Figure, FigureKind};
use crate::engine::explain::{format_quantity, Calculation, Explanation, Op, Term, Unit};
use crate::engine::model::offer::{Band, Banding, Grade};
use crate::engine::model::scenario::ProtectionSection;
use crate::engine::num::fraction::Fraction;
use crate::engine::num::rounding::Rounding;
use crate::engine::pay::banding::{BandDecision, Unsocial};
use crate::engine::pay::inputs::{factor, or_unsourced, Inputs};
use rust_decimal::Decimal;
use serde::Serialize;

fn line(
    id: &str,
    label: &str,
    rule: String,
    source: &str,
    factors: Vec<crate::engine::explain::Factor>,
    notes: Vec<String>,
    rounding: Rounding,
) -> Result<Figure, ComputeError> {
    let explanation = Explanation {
        rule,
        source: or_unsourced(source),
        calculation: Calculation::Product { factors },
        rounding,
        notes,
    };
    Figure::new(id, label, FigureKind::PayLine, Unit::Pounds, explanation)
}

/// The flexible band and letter for an LTFT doctor, if the table covers their hours.
fn flexible<'a>(
    inputs: &Inputs,
    banding: &'a Banding,
    decision: &BandDecision,
) -> Option<(
    &'a crate::engine::model::offer::FlexibleBand,
    char,
    Fraction,
)> {
    if inputs.doctor.ltft == Fraction::ONE {
        return None;
    }
    let hours = inputs.rota.average_weekly_hours()?.to_decimal()?;
    let band = banding
        .flexible
        .iter()
        .find(|b| b.from_hours <= hours && hours < b.to_hours)?;
    let index = match decision.unsocial {
        Unsocial::Most => 0,
        Unsocial::Moderate => 1,
        Unsocial::Least => 2,
    };
    let supplement = *banding.flexible_supplements.get(index)?;
    Some((band, ['A', 'B', 'C'][index], supplement))
}

/// Basic salary and banding supplement under a 2002 offer.
pub(super) fn banded_lines(
    inputs: &Inputs,
    banding: &Banding,
    decision: &BandDecision,
) -> Result<Vec<Figure>, ComputeError> {
    let rounding = inputs.terms.rounding;
    let mut notes = Vec::new();
    if decision.rota_type_suggested {
        notes.push(format!(
            "Rota type: {} (suggested from the rota; choose another for the column if it is wrong)",
            decision.rota_type.describe()
        ));
    }
    if let Some((band, letter, supplement)) = flexible(inputs, banding, decision) {
        let basic = line(
            "basic",
            "Basic salary",
            format!(
                "Flexible trainee (2002): {} h a week of actual work is hours band {} → {} of full-time basic [?]",
                inputs.rota.average_weekly_hours().map(|h| format_quantity(h, Unit::Number)).unwrap_or_default(),
                band.id,
                format_quantity(band.fraction, Unit::Rate)
            ),
            &banding.source,
            vec![inputs.full_time_basic(), factor(Op::Times, format!("hours band {}", band.id), band.fraction, Unit::Rate)],
            vec!["The flexible-trainee table is unverified except F7B = 0.98 of full basic (BMA model letter 2006) [?]".into()],
            rounding.basic,
        )?;
        let supplement_line = line(
            "banding",
            "Banding supplement",
            format!("Flexible band {}{letter}: {}", band.id, decision.reason),
            &banding.source,
            vec![
                inputs.full_time_basic(),
                factor(
                    Op::Times,
                    format!("hours band {}", band.id),
                    band.fraction,
                    Unit::Rate,
                ),
                factor(
                    Op::Times,
                    format!("supplement {letter}"),
                    supplement,
                    Unit::Rate,
                ),
            ],
            notes,
            rounding.allowance,
        )?;
        return Ok(vec![basic, supplement_line]);
    }
    let rate = match decision.band {
        Band::Unbanded if inputs.doctor.grade == Grade::FY1 => banding.fy1_unbanded,
        band => banding.supplement(band).unwrap_or(Fraction::ZERO),
    };
    let mut factors = vec![inputs.full_time_basic()];
    factors.extend(inputs.ltft_factor());
    let basic = crate::engine::pay::inputs::basic_line(inputs)?;
    let label = match decision.band {
        Band::Unbanded if inputs.doctor.grade == Grade::FY1 => "FY1 unbanded supplement".into(),
        Band::Unbanded => "unbanded: no supplement".into(),
        Band::GpRegistrar => "GP registrar supplement".into(),
        band => format!("band {} supplement", band.name()),
    };
    factors.push(factor(Op::Times, label, rate, Unit::Rate));
    if decision.overridden {
        notes.push("The band was chosen by the user, not derived from the rota.".into());
    }
    let supplement = line(
        "banding",
        "Banding supplement",
        format!("Banding: {}", decision.reason),
        &banding.source,
        factors,
        notes,
        rounding.allowance,
    )?;
    Ok(vec![basic, supplement])
}

/// What a protected doctor is guaranteed, computed under the 2002 offer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProtectedPay {
    /// Which section applies.
    pub section: ProtectionSection,
    /// The 2002 basic and banding lines making up the protected amount.
    pub lines: Vec<Figure>,
    /// The 2002 offer's name.
    pub offer_name: String,
}

/// The protection line: the 2002 amount minus this column's other lines — only
/// when positive under section 1 (a floor), whatever its sign under section 2.
pub(super) fn protection_line(
    protected: &ProtectedPay,
    lines: &[Figure],
    notes: &mut Vec<String>,
) -> Result<Option<Figure>, ComputeError> {
    let floor: Decimal = protected.lines.iter().map(|l| l.value).sum();
    let gross: Decimal = lines.iter().map(|l| l.value).sum();
    let (section, applies) = match protected.section {
        ProtectionSection::CashFloor => ("Schedule 14 section 1 (cash floor)", floor > gross),
        ProtectionSection::StayOn2002 => (
            "Schedule 14 section 2 (stays on the 2002 pay system)",
            floor != gross,
        ),
    };
    if !applies {
        notes.push(format!(
            "Pay protection, {section}: the protected {} is not above this column's pay, so nothing is added.",
            crate::engine::explain::format_pounds(floor)
        ));
        return Ok(None);
    }
    let terms = protected
        .lines
        .iter()
        .map(|l| Term {
            label: format!(
                "{} under {}",
                l.label.to_ascii_lowercase(),
                protected.offer_name
            ),
            value: l.value,
            negate: false,
        })
        .chain(lines.iter().map(|l| Term {
            label: l.label.clone(),
            value: l.value,
            negate: true,
        }))
        .collect();
    let rule = match protected.section {
        ProtectionSection::CashFloor => format!("Pay protection, {section}: at least the 2002 basic of the day before transfer plus the banding of the post as at 31 Oct 2015 (never band 3)"),
        ProtectionSection::StayOn2002 => format!("Pay protection, {section}: paid on the 2002 system (increments and banding, never band 3) until leaving the programme or the protection ends"),
    };
    let explanation = Explanation {
        rule,
        source: "2016 TCS Schedule 14; contract reference §2 [S]".into(),
        calculation: Calculation::Sum { terms },
        rounding: Rounding::Pennies,
        notes: protected
            .lines
            .iter()
            .map(|l| format!("{}: {}", l.label, l.explanation.rule))
            .collect(),
    };
    Figure::new(
        "pay_protection",
        "Pay protection",
        FigureKind::PayLine,
        Unit::Pounds,
        explanation,
    )
    .map(Some)
}
