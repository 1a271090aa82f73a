//! The 2002 contract's banding: one flat supplement for the whole post, decided
//! by the average hours of actual work, how unsocial they are and whether the
//! New Deal limits for the rota type are met. Only a New Deal breach (a limit
//! whose consequence is band 3) pushes a post into band 3; Working Time
//! Regulations breaches are flagged, never paid.

use crate::engine::model::offer::{
    Band, Banding, Combine, Consequence, PremiumWindow, RotaType, WeekendDefinition,
};
use crate::engine::model::rota::{Rota, ShiftKind};
use crate::engine::num::fraction::Fraction;
use crate::engine::num::time::Interval;
use crate::engine::rest::limits::LimitCheck;
use crate::engine::rest::RestFacts;
use crate::engine::windows::premium::UpliftMap;
use rust_decimal::Decimal;
use serde::Serialize;

/// How unsocial a rota's hours are, by the banding's criteria.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unsocial {
    /// Most unsocial (1A, 2A; flexible A).
    Most,
    /// Moderately unsocial (1B; flexible B).
    Moderate,
    /// Least unsocial: out-of-hours duty only as non-resident on-call (1C, 2B; flexible C).
    Least,
}

/// The band of a post and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BandDecision {
    /// The band paid.
    pub band: Band,
    /// The criterion that set it, in words.
    pub reason: String,
    /// Whether the user chose the band.
    pub overridden: bool,
    /// The rota type used.
    pub rota_type: RotaType,
    /// Whether the rota type was suggested from the rota (not chosen).
    pub rota_type_suggested: bool,
    /// Unsociality.
    pub unsocial: Unsocial,
}

/// The rota type a rota most likely is: on-call periods make an on-call rota.
pub fn suggest_rota_type(rota: &Rota) -> RotaType {
    if rota.shifts.iter().any(|s| s.kind != ShiftKind::Worked) {
        RotaType::OnCall
    } else {
        RotaType::FullShift
    }
}

/// Minutes of work inside a weekly window (days × hours), by interval arithmetic.
fn work_inside(
    work: &[Interval],
    days: &[crate::engine::num::time::Weekday],
    hours: crate::engine::model::offer::ClockRange,
) -> u64 {
    let window = PremiumWindow {
        id: "w".into(),
        name: "w".into(),
        days: days.to_vec(),
        from: hours.from,
        to: hours.to,
        uplift: Fraction::ONE,
        condition: None,
        source: String::new(),
        marker: None,
    };
    let map = UpliftMap::build(std::slice::from_ref(&window), &[], Combine::HighestApplies);
    work.iter()
        .flat_map(|w| map.split(*w))
        .filter(|p| !p.windows.is_empty())
        .map(|p| p.span.len())
        .sum()
}

/// Minutes of work outside plain time that fall in worked shifts (not on-call).
fn worked_out_of_hours(rota: &Rota, banding: &Banding) -> u64 {
    let worked: Vec<Interval> = rota
        .shifts
        .iter()
        .filter(|s| s.kind == ShiftKind::Worked)
        .map(|s| s.interval())
        .collect();
    let inside = work_inside(&worked, &banding.plain_days, banding.plain_hours);
    worked.iter().map(Interval::len).sum::<u64>() - inside
}

/// Decides the band of a rota under a 2002 offer.
pub fn decide(
    banding: &Banding,
    rota: &Rota,
    facts: &RestFacts,
    checks: &[LimitCheck],
    weekend: WeekendDefinition,
    rota_type: Option<RotaType>,
    band_override: Option<Band>,
) -> BandDecision {
    let (rota_type, rota_type_suggested) = match rota_type {
        Some(t) => (t, false),
        None => (suggest_rota_type(rota), true),
    };
    let work: u64 = facts.work.iter().map(Interval::len).sum();
    let weeks = facts.weeks.max(1);
    let outside = work - work_inside(&facts.work, &banding.plain_days, banding.plain_hours);
    let definition = banding.weekend.unwrap_or(weekend);
    let weekends = facts
        .weekend_flags(definition)
        .iter()
        .filter(|w| **w)
        .count() as u64;
    let share = banding.most_unsocial_share_over;
    let over = |h: u64| work > h * 60 * weeks;
    // Band 2 has its own weekend test (1 in 3 for 2A where 1A needs 1 in 4).
    let test = banding.weekend_test(over(48));
    let by_weekends = test.is_some_and(|t| t.met_by(weekends, weeks));
    // Share over s: outside × den > work × num.
    // Checked: the share comes from offer data (files, links), which may be extreme.
    let by_share = match (
        Decimal::from(outside).checked_mul(share.den()),
        Decimal::from(work).checked_mul(share.num()),
    ) {
        (Some(out), Some(all)) => out > all,
        _ => false,
    };
    let on_call_only = rota
        .shifts
        .iter()
        .any(|s| s.kind == ShiftKind::NonResidentOnCall)
        && worked_out_of_hours(rota, banding) == 0;
    let (unsocial, why) = if by_weekends || by_share {
        let what = match test {
            Some(test) if by_weekends => format!(
                "weekends worked {} ({weekends} in {weeks} weeks; a weekend worked is {})",
                test.describe(),
                definition.describe()
            ),
            _ => format!(
                "more than {} of work outside plain time ({:.1} of {:.1} h per cycle)",
                crate::engine::explain::format_quantity(share, crate::engine::explain::Unit::Rate),
                Decimal::from(outside) / Decimal::from(60),
                Decimal::from(work) / Decimal::from(60)
            ),
        };
        (Unsocial::Most, format!("most unsocial: {what}"))
    } else if on_call_only {
        (
            Unsocial::Least,
            "least unsocial: out-of-hours duty only as non-resident on-call".into(),
        )
    } else {
        (Unsocial::Moderate, "moderately unsocial".into())
    };
    let hours_text = format!(
        "{} h a week of actual work on average",
        crate::engine::num::rounding::round_quantity(
            Decimal::from(work) / Decimal::from(60 * weeks),
            2
        )
        .normalize()
    );
    let breach = checks
        .iter()
        .find(|c| !c.passed && c.consequence == Consequence::Band3);
    let (band, reason) = if let Some(c) = breach {
        let first = c
            .breaches
            .first()
            .map(|b| format!(": {} at {}", b.measured, b.location.at))
            .unwrap_or_default();
        (
            Band::B3,
            format!(
                "band 3: the New Deal limit '{}' ({}) is not met{first}",
                c.text,
                rota_type.describe()
            ),
        )
    } else if over(56) {
        (Band::B3, format!("band 3: more than 56 h ({hours_text})"))
    } else if over(48) {
        let band = if unsocial == Unsocial::Most {
            Band::B2A
        } else {
            Band::B2B
        };
        (
            band,
            format!(
                "band {}: more than 48 and at most 56 h ({hours_text}); {why}",
                band.name()
            ),
        )
    } else if !over(40)
        && work_inside(&facts.work, &banding.unbanded_days, banding.unbanded_hours) == work
    {
        (
            Band::Unbanded,
            format!(
                "unbanded: at most 40 h ({hours_text}) and all work between {} and {} on weekdays",
                banding.unbanded_hours.from, banding.unbanded_hours.to
            ),
        )
    } else {
        let band = match unsocial {
            Unsocial::Most => Band::B1A,
            Unsocial::Moderate => Band::B1B,
            Unsocial::Least => Band::B1C,
        };
        let hours = if over(40) {
            "more than 40 and at most 48 h"
        } else {
            "at most 40 h but with work outside weekdays 08:00–19:00"
        };
        (
            band,
            format!("band {}: {hours} ({hours_text}); {why}", band.name()),
        )
    };
    match band_override {
        Some(chosen) => BandDecision {
            band: chosen,
            reason: format!(
                "band {} chosen by the user (the rota gives {})",
                chosen.name(),
                reason
            ),
            overridden: true,
            rota_type,
            rota_type_suggested,
            unsocial,
        },
        None => BandDecision {
            band,
            reason,
            overridden: false,
            rota_type,
            rota_type_suggested,
            unsocial,
        },
    }
}
