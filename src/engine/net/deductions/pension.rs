//! NHS Pension (England & Wales) member contributions: one tier's rate on all
//! pensionable pay, the tier picked by whole-time-equivalent pay (until
//! 1 Oct 2022) or actual pay (after).

use super::lines::{
    cite, factor, line, product, sum_line, term, GrossLine, LineKind, NetLine, NetOptions,
};
use super::rules::{Pension, PensionBasis};
use crate::engine::explain::figure::ComputeError;
use crate::engine::explain::{format_pounds, Op, Unit};
use rust_decimal::Decimal;

/// The pension lines: pensionable pay, the whole-time-equivalent pay when that
/// picks the tier, and the contribution (none for a non-member).
///
/// Because one rate applies to all pay, a pound more can move the doctor into
/// the next tier and cost more than a pound: these are the cliffs listed in
/// `tests/native/deductions.rs`. A pay between two printed tier bounds (13,259.50
/// between "up to 13,259" and "13,260–") is in the lower tier [?]; the
/// whole-time-equivalent pay is rounded to the penny before the tier is
/// picked, like every line.
pub(super) fn contribution(
    lines: &[GrossLine],
    rules: &Pension,
    options: &NetOptions,
    notes: &mut Vec<String>,
) -> Result<Vec<NetLine>, ComputeError> {
    let err = |figure: &str| ComputeError {
        figure: figure.to_string(),
    };
    let mut out = Vec::new();
    let terms = lines
        .iter()
        .filter(|g| g.pensionable)
        .map(|g| term(&g.label, g.annual, false))
        .collect();
    let pensionable = sum_line(
        "pensionable",
        "Pensionable pay",
        LineKind::Basis,
        "The pay elements the offer makes pensionable (2002 banding was not)",
        terms,
        None,
    )?;
    let pay = pensionable.annual;
    out.push(pensionable);
    if !options.pension_member {
        notes.push("Not a member of the NHS Pension Scheme: no contribution".into());
        return Ok(out);
    }

    // Which pay picks the tier: the full-time pay of the post before Oct 2022.
    let tier_pay = match rules.basis {
        PensionBasis::Actual => pay,
        PensionBasis::WholeTimeEquivalent => {
            let share = options.full_time_share;
            if share.num() <= Decimal::ZERO || share.den() <= Decimal::ZERO {
                return Err(err("pension_wte_pay"));
            }
            let mut divide = factor("share of full time", Decimal::ONE, Unit::Rate);
            divide.op = Op::DividedBy;
            divide.value = share;
            let e = product(
                "Before 1 Oct 2022 the tier went by whole-time-equivalent pay: actual pensionable \
                 pay ÷ the share of full time worked",
                format!("{} {}", rules.basis_source, rules.basis_marker.tag()),
                vec![factor("pensionable pay", pay, Unit::Pounds), divide],
            );
            let wte = line(
                "pension_wte_pay",
                "Whole-time-equivalent pensionable pay",
                LineKind::Basis,
                e,
                Some(rules.basis_marker),
            )?;
            let value = wte.annual;
            out.push(wte);
            value
        }
    };
    let Some(tier) = rules.tiers.iter().rev().find(|t| t.from.value <= tier_pay) else {
        notes.push("No NHS Pension tier covers this pay: no contribution [?]".into());
        return Ok(out);
    };
    let (marker, source) = cite(&[("tier from", &tier.from), ("rate", &tier.rate)]);
    let marker = marker.map(|m| super::lines::weaker(m, rules.basis_marker));
    let basis = match rules.basis {
        PensionBasis::Actual => "actual pensionable pay",
        PensionBasis::WholeTimeEquivalent => "whole-time-equivalent pensionable pay",
    };
    let mut e = product(
        &format!(
            "NHS Pension member contribution: tier {}'s rate on all pensionable pay, the tier \
             picked by {basis}",
            tier.tier
        ),
        format!(
            "{source}; basis: {} {}",
            rules.basis_source,
            rules.basis_marker.tag()
        ),
        vec![
            factor("pensionable pay", pay, Unit::Pounds),
            factor(
                &format!("tier {} rate", tier.tier),
                tier.rate.value,
                Unit::Rate,
            ),
        ],
    );
    e.notes.push(format!(
        "Tier {} applies from {} of {basis} (here {}); deducted before income tax, not before NI",
        tier.tier,
        format_pounds(tier.from.value),
        format_pounds(tier_pay)
    ));
    out.push(line(
        "pension",
        "NHS Pension contribution",
        LineKind::Deduction,
        e,
        marker,
    )?);
    Ok(out)
}
