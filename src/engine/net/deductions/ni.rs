//! Employee class 1 National Insurance on gross earnings (pension
//! contributions do not reduce it), with the contracted-out rebate for NHS
//! Pension Scheme members in the years it existed (to 5 April 2016).

use super::lines::{banded, cite, factor, in_band, line, product, total_line, LineKind, NetLine};
use super::rules::NationalInsurance;
use crate::engine::explain::figure::ComputeError;
use crate::engine::explain::{format_pounds, Unit};
use rust_decimal::Decimal;

/// The NI lines: one per band reached, the rebate if due, and the total.
///
/// The rebate used is capped at the NI due on the bands: below the primary
/// threshold it would have been a credit, which is not modelled (no doctor's
/// pay is that low).
pub(super) fn national_insurance(
    gross: Decimal,
    rules: &NationalInsurance,
    pension_member: bool,
) -> Result<Vec<NetLine>, ComputeError> {
    let mut lines = banded("ni", "National Insurance", "earnings", gross, &rules.bands)?;
    let (Some(rebate), true) = (&rules.contracted_out_rebate, pension_member) else {
        return Ok(lines);
    };
    let err = || ComputeError {
        figure: "ni:rebate".to_string(),
    };
    let share = in_band(gross, rebate.from.value, Some(rebate.to.value)).ok_or_else(err)?;
    let Some(before) = lines.pop().filter(|_| share > Decimal::ZERO) else {
        return Ok(lines);
    };
    let (marker, source) = cite(&[
        ("from", &rebate.from),
        ("to", &rebate.to),
        ("rate", &rebate.rate),
    ]);
    let mut e = product(
        "Contracted-out rebate for members of the NHS Pension Scheme: the rebate rate on \
         earnings in the rebate band",
        source,
        vec![
            factor(
                &format!(
                    "earnings from {} to {}",
                    format_pounds(rebate.from.value),
                    format_pounds(rebate.to.value)
                ),
                share,
                Unit::Pounds,
            ),
            factor("rebate rate", rebate.rate.value, Unit::Rate),
        ],
    );
    e.notes.push(
        "Used at most up to the NI due: a credit below the primary threshold is not modelled"
            .into(),
    );
    let credit = line(
        "ni:rebate",
        "NI contracted-out rebate",
        LineKind::Part,
        e,
        marker,
    )?;
    let used = credit.annual.min(before.annual);
    let total = total_line("ni", "National Insurance", &lines, &[(&credit, used)])?;
    lines.push(credit);
    lines.push(total);
    Ok(lines)
}
