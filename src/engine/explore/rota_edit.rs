//! How the rota quantities change a rota. Each edit starts from the rota as
//! written and is deterministic: the same value always gives the same rota, so
//! a sweep point can be reproduced from the scenario and the value alone.
//!
//! Added shifts keep 11 hours clear of every other shift on both sides (the
//! 2016 minimum rest between shifts), so an edit never creates a rest breach
//! by itself and never an overlap; a value with no room left is an error.

use crate::engine::model::offer::RestDefinitions;
use crate::engine::model::rota::{Rota, Shift, ShiftKind};
use crate::engine::num::time::{ClockTime, Interval, Weekday};
use crate::engine::rest::RestFacts;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};

/// `x` as a whole number in `lo..=hi`, or a message naming the quantity.
pub(super) fn whole(x: Decimal, lo: u32, hi: u32, what: &str) -> Result<u32, String> {
    x.fract()
        .is_zero()
        .then(|| x.to_u32())
        .flatten()
        .filter(|n| (lo..=hi).contains(n))
        .ok_or_else(|| format!("{what} must be a whole number from {lo} to {hi}, not {x}"))
}

/// Time kept clear either side of an added shift, in minutes.
const CLEAR: u64 = 11 * 60;
/// The added weekend shifts: a long day 08:00–20:30 on Saturday and Sunday.
const LONG_DAY: (u16, u32) = (8 * 60, 750);
/// The added night: 20:00–08:30.
const NIGHT: (u16, u32) = (20 * 60, 750);

fn template(week: u8, day: Weekday, (start, minutes): (u16, u32), label: &str) -> Shift {
    Shift {
        week,
        day,
        start: ClockTime::hm(start / 60, start % 60).unwrap_or(ClockTime::MIDNIGHT),
        minutes,
        kind: ShiftKind::Worked,
        label: Some(label.into()),
        expected_work: vec![],
    }
}

/// Whether `shift` comes within [`CLEAR`] of a shift of `rota`, cyclically.
fn clashes(rota: &Rota, shift: &Shift) -> bool {
    let cycle = rota.cycle_minutes();
    // Everything moved one cycle later, so the margin never goes below zero.
    let new = shift.interval();
    let wide = Interval::new(new.start + cycle - CLEAR, new.end + cycle + CLEAR);
    rota.shifts.iter().any(|s| {
        let old = s.interval();
        (0..3).any(|k| wide.intersect(&old.shifted(k * cycle)).is_some())
    })
}

fn is_weekend(shift: &Shift) -> bool {
    matches!(shift.day, Weekday::Sat | Weekday::Sun)
}

/// The weeks (from 1) whose weekend has a shift beginning on it, in order.
pub(super) fn worked_weekends(rota: &Rota) -> Vec<u8> {
    let worked = |week: u8| rota.shifts.iter().any(|s| s.week == week && is_weekend(s));
    (1..=rota.weeks).filter(|w| worked(*w)).collect()
}

/// The rota's worked night shifts (positions in the rota), earliest first.
pub(super) fn nights(rota: &Rota) -> Vec<usize> {
    let facts = RestFacts::new(rota, &RestDefinitions::default());
    // Periods are sorted by start.
    (facts.periods.iter())
        .filter(|p| p.night && !p.on_call)
        .map(|p| p.shift)
        .collect()
}

/// Sets the weekends worked per cycle to `x`, where a weekend is worked when a
/// shift (of any kind) begins on its Saturday or Sunday. Fewer: every shift
/// beginning on the weekend is removed, last weeks first. More: a long day
/// 08:00–20:30 on both Saturday and Sunday is added to weekends without work,
/// first weeks first, skipping any where those days would come within
/// 11 hours of another shift.
pub fn set_weekends(rota: &Rota, x: Decimal) -> Result<Rota, String> {
    let target = whole(x, 0, u32::from(rota.weeks), "weekends worked")?;
    let mut weeks = worked_weekends(rota);
    let worked = |week: u8| weeks.contains(&week);
    let mut out = rota.clone();
    let have = weeks.len() as u32;
    if target < have {
        weeks.drain(..target as usize);
        out.shifts
            .retain(|s| !(is_weekend(s) && weeks.contains(&s.week)));
        return Ok(out);
    }
    let mut missing = target - have;
    let free: Vec<u8> = (1..=rota.weeks).filter(|w| !worked(*w)).collect();
    for week in free {
        if missing == 0 {
            break;
        }
        let pair = [Weekday::Sat, Weekday::Sun].map(|d| template(week, d, LONG_DAY, "long day"));
        if pair.iter().all(|s| !clashes(&out, s)) {
            out.shifts.extend(pair);
            missing -= 1;
        }
    }
    match missing {
        0 => Ok(out),
        _ => Err(format!(
            "{target} weekends worked: only {} weekends can take Saturday and Sunday long days \
             (08:00–20:30) with 11 hours off either side",
            target - missing
        )),
    }
}

/// Sets the night shifts per cycle to `x`, a night having at least 3 hours
/// between 23:00 and 06:00 (the engine's default definition). Fewer: worked
/// nights are removed, latest first. More: single nights 20:00–08:30 are added
/// on the first days (from week 1 Monday) where one fits with 11 hours off
/// either side; consecutive free days so become blocks of nights.
pub fn set_nights(rota: &Rota, x: Decimal) -> Result<Rota, String> {
    let limit = u32::from(rota.weeks) * 7;
    let target = whole(x, 0, limit, "nights per cycle")?;
    let nights = nights(rota);
    let have = nights.len() as u32;
    if target < have {
        let drop = &nights[target as usize..];
        let mut out = rota.clone();
        out.shifts = (rota.shifts.iter().enumerate())
            .filter(|(i, _)| !drop.contains(i))
            .map(|(_, s)| s.clone())
            .collect();
        return Ok(out);
    }
    let mut out = rota.clone();
    let mut missing = target - have;
    for day in 0..u64::from(limit) {
        if missing == 0 {
            break;
        }
        let week = u8::try_from(day / 7 + 1).unwrap_or(u8::MAX);
        let night = template(week, Weekday::from_day_number(day), NIGHT, "night");
        if !clashes(&out, &night) {
            out.shifts.push(night);
            missing -= 1;
        }
    }
    match missing {
        0 => Ok(out),
        _ => Err(format!(
            "{target} nights: only {} fit (20:00–08:30 with 11 hours off either side)",
            target - missing
        )),
    }
}

/// Sets the average weekly hours of work to `x` (0 < x ≤ 168) by scaling the
/// length of every worked shift in proportion (starts stay; on-call periods
/// and their expected work are unchanged). The cycle's worked minutes become
/// `x × 60 × weeks` less the expected on-call work, rounded to the minute,
/// halves up; each shift gets its proportional share rounded down, and the
/// minutes left over go one each to the first worked shifts in rota order —
/// so the rota's average is `x` to within half a minute per cycle. A shift
/// that would then overlap the next or pass 24 hours is the validation's error.
pub fn set_hours(rota: &Rota, x: Decimal) -> Result<Rota, String> {
    let too_many = || format!("hours a week must be above 0 and at most 168, not {x}");
    if x <= Decimal::ZERO || x > Decimal::from(168) {
        return Err(too_many());
    }
    let total = x
        .checked_mul(Decimal::from(60 * u64::from(rota.weeks)))
        .map(|m| m.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero))
        .and_then(|m| m.to_u64())
        .ok_or_else(too_many)?;
    let worked = |s: &&Shift| s.kind == ShiftKind::Worked;
    let now: u64 = rota
        .shifts
        .iter()
        .filter(worked)
        .map(|s| u64::from(s.minutes))
        .sum();
    let on_call = rota.work_minutes().saturating_sub(now);
    let want = total.checked_sub(on_call).filter(|_| now > 0).ok_or_else(|| {
        format!("{x} hours a week: the rota has no worked shifts to lengthen, or on-call work alone is more")
    })?;
    let mut out = rota.clone();
    let mut given = 0u64;
    for shift in out
        .shifts
        .iter_mut()
        .filter(|s| s.kind == ShiftKind::Worked)
    {
        // At most 1,440 × 524,160 minutes: no overflow in u64.
        let share = u64::from(shift.minutes) * want / now;
        shift.minutes = u32::try_from(share).unwrap_or(u32::MAX);
        given += share;
    }
    let mut left = want - given;
    for shift in out
        .shifts
        .iter_mut()
        .filter(|s| s.kind == ShiftKind::Worked)
    {
        if left == 0 {
            break;
        }
        shift.minutes = shift.minutes.saturating_add(1);
        left -= 1;
    }
    Ok(out)
}
