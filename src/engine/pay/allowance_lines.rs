//! Allowance lines: flat £/yr allowances, the specialty premium, allowances by
//! weekend frequency, and on-call availability allowances.

use crate::engine::explain::figure::{ComputeError, Figure, FigureKind};
use crate::engine::explain::Op;
use crate::engine::explain::{format_quantity, Calculation, Explanation, Factor, Unit};
use crate::engine::model::offer::{FrequencyAllowance, FrequencyBand, LtftWeekendRule};
use crate::engine::num::fraction::Fraction;
use crate::engine::pay::inputs::{factor, or_unsourced, pounds, Inputs};
use crate::engine::windows::frequency::{one_in, weekends_worked};
use rust_decimal::Decimal;

/// An allowance line: a product of factors, with its rule and source.
fn allowance_figure(
    inputs: &Inputs,
    id: &str,
    name: &str,
    rule: String,
    source: &str,
    factors: Vec<Factor>,
) -> Result<Figure, ComputeError> {
    let explanation = Explanation {
        rule,
        source: or_unsourced(source),
        calculation: Calculation::Product { factors },
        rounding: inputs.terms.rounding.allowance,
        notes: vec![],
    };
    Figure::new(id, name, FigureKind::PayLine, Unit::Pounds, explanation)
}

/// Every allowance line of the column, in the offer's order.
pub(super) fn allowance_lines(
    inputs: &Inputs,
    notes: &mut Vec<String>,
) -> Result<Vec<Figure>, ComputeError> {
    let terms = inputs.terms;
    let mut lines = Vec::new();
    for allowance in &terms.allowances {
        let mut factors = vec![pounds(
            format!("{} (full time)", allowance.name),
            allowance.annual,
        )];
        if allowance.pro_rata_ltft {
            factors.extend(inputs.ltft_factor());
        }
        let pro_rata = if allowance.pro_rata_ltft {
            ", pro rata for LTFT"
        } else {
            ""
        };
        let rule = format!("{}: a flat £ per year{pro_rata}", allowance.name);
        let id = format!("allowance:{}", allowance.id);
        lines.push(allowance_figure(
            inputs,
            &id,
            &allowance.name,
            rule,
            &allowance.source,
            factors,
        )?);
    }
    for allowance in &terms.frequency_allowances {
        if allowance.in_force(inputs.date) {
            lines.extend(frequency_allowance(inputs, allowance, notes)?);
        }
    }
    for allowance in &terms.on_call_allowances {
        if !inputs
            .rota
            .shifts
            .iter()
            .any(|s| allowance.kinds.contains(&s.kind))
        {
            continue;
        }
        let mut factors = vec![inputs.full_time_basic()];
        factors.extend(inputs.ltft_factor());
        factors.push(factor(
            Op::Times,
            "allowance rate",
            allowance.rate,
            Unit::Rate,
        ));
        let rule = format!(
            "{}: {} of basic salary for a rota with on-call periods, whatever their frequency",
            allowance.name,
            format_quantity(allowance.rate, Unit::Rate)
        );
        let id = format!("allowance:{}", allowance.id);
        lines.push(allowance_figure(
            inputs,
            &id,
            &allowance.name,
            rule,
            &allowance.source,
            factors,
        )?);
    }
    if !inputs.doctor.specialty_premium.is_zero() {
        let mut factors = vec![pounds(
            "specialty premium (full time)",
            inputs.doctor.specialty_premium,
        )];
        factors.extend(inputs.ltft_factor());
        let rule =
            "Flexible pay premium for the specialty, as entered for the doctor, pro rata for LTFT"
                .into();
        let source = "entered by the user (the doctor's specialty premium)";
        lines.push(allowance_figure(
            inputs,
            "specialty_premium",
            "Specialty premium",
            rule,
            source,
            factors,
        )?);
    }
    Ok(lines)
}

/// The most frequent band whose threshold `count` weekends in `weeks` weeks
/// meet, where `weeks` may be scaled (full-time-equivalent frequency).
fn band_for(bands: &[FrequencyBand], count: u64, weeks: Fraction) -> Option<&FrequencyBand> {
    let mut sorted: Vec<&FrequencyBand> = bands.iter().collect();
    crate::engine::num::sort::sort_by_key(&mut sorted, |b| b.at_least.one_in);
    sorted.into_iter().find(|b| {
        // count / weeks ≥ 1 / N  ⇔  count × N × den ≥ weeks.num (exactly).
        let lhs = Decimal::from(count)
            .checked_mul(Decimal::from(b.at_least.one_in))
            .and_then(|v| v.checked_mul(weeks.den()));
        b.at_least.one_in > 0 && lhs.is_some_and(|lhs| lhs >= weeks.num())
    })
}

fn frequency_allowance(
    inputs: &Inputs,
    allowance: &FrequencyAllowance,
    notes: &mut Vec<String>,
) -> Result<Option<Figure>, ComputeError> {
    let rota = inputs.rota;
    let weeks = u64::from(rota.weeks);
    let count = weekends_worked(rota, allowance.definition, &allowance.kinds);
    let ltft = inputs.doctor.ltft;
    let scaled_weeks = match allowance.ltft {
        LtftWeekendRule::FullTimeEquivalentProRata => Fraction::from_decimal(Decimal::from(weeks))
            .checked_mul(&ltft)
            .ok_or_else(|| ComputeError {
                figure: allowance.id.clone(),
            })?,
        _ => Fraction::from_decimal(Decimal::from(weeks)),
    };
    let counted = format!(
        "{}: {count} {} worked in the {weeks}-week cycle = {} (a weekend worked is {})",
        allowance.name,
        if count == 1 { "weekend" } else { "weekends" },
        one_in(count, weeks),
        allowance.definition.describe()
    );
    let Some(band) = band_for(&allowance.bands, count, scaled_weeks) else {
        notes.push(format!("{counted}; below every band, so nothing is paid."));
        return Ok(None);
    };
    notes.push(format!(
        "{counted}; band {} pays {}.",
        band_label(band),
        format_quantity(band.rate, Unit::Rate)
    ));
    let mut factors = vec![
        inputs.full_time_basic(),
        factor(
            Op::Times,
            format!("band {}", band_label(band)),
            band.rate,
            Unit::Rate,
        ),
    ];
    if allowance.ltft != LtftWeekendRule::None {
        factors.extend(inputs.ltft_factor());
    }
    let mut line = allowance_figure(
        inputs,
        &format!("allowance:{}", allowance.id),
        &allowance.name,
        counted,
        &allowance.source,
        factors,
    )?;
    if ltft != Fraction::ONE {
        line.explanation.notes.push(match allowance.ltft {
            LtftWeekendRule::FullTimeEquivalentProRata => "LTFT: the band is chosen on the full-time-equivalent frequency (weekends ÷ LTFT fraction) and the amount is pro rata [?]",
            LtftWeekendRule::ActualFrequencyProRata => "LTFT: the band is chosen on the doctor's own rota frequency and the amount is pro rata to the LTFT fraction (the contract says 'pro rata to the commitment to the full-time weekend rota') [?]",
            LtftWeekendRule::None => "LTFT: this allowance is not pro-rated",
        }.to_string());
    }
    Ok(Some(line))
}

fn band_label(band: &FrequencyBand) -> String {
    if band.label.trim().is_empty() {
        format!("1 in {} or more often", band.at_least.one_in)
    } else {
        band.label.clone()
    }
}
