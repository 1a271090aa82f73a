//! Counting how often a rota does something — weekends worked, Saturdays worked
//! in a window — on the cyclic timeline, for frequency conditions and allowances.

use crate::engine::model::offer::{PremiumWindow, WeekendDefinition};
use crate::engine::model::rota::{Rota, ShiftKind};
use crate::engine::num::time::{Interval, DAY, WEEK};

/// Adds `item` to `set` unless it is there.
fn insert(set: &mut Vec<u64>, item: u64) {
    if !set.contains(&item) {
        set.push(item);
    }
}

/// Weeks of the cycle whose weekend (Saturday 00:00 – Monday 00:00) is worked,
/// by the definition given, counting only shifts of `kinds`.
pub fn weekends_worked(rota: &Rota, definition: WeekendDefinition, kinds: &[ShiftKind]) -> u64 {
    let weeks = u64::from(rota.weeks);
    // A list rather than a set: at most 52 weeks (× 7 days), and the set's
    // code is bigger than the app needs.
    let mut worked = Vec::new();
    for shift in rota.shifts.iter().filter(|s| kinds.contains(&s.kind)) {
        match definition.weekends_touched(shift.interval(), weeks) {
            None => {
                if shift.day.index() >= 5 {
                    insert(
                        &mut worked,
                        u64::from(shift.week.saturating_sub(1)) % weeks.max(1),
                    );
                }
            }
            Some(touched) => {
                for k in touched {
                    insert(&mut worked, k);
                }
            }
        }
    }
    worked.len() as u64
}

/// Occurrences of `window` in the cycle (one per listed day per week) with any
/// work in them from shifts of `kinds` — "Saturdays worked in 07:00–17:00".
pub fn window_days_worked(rota: &Rota, window: &PremiumWindow, kinds: &[ShiftKind]) -> u64 {
    let weeks = u64::from(rota.weeks).max(1);
    let (from, to) = (window.from.minutes(), window.to.minutes());
    let length = if to > from {
        to - from
    } else {
        DAY - from + to
    };
    let mut worked = Vec::new();
    for shift in rota.shifts.iter().filter(|s| kinds.contains(&s.kind)) {
        for span in shift.work_intervals() {
            if span.is_empty() {
                continue;
            }
            // An occurrence may start in the week before the span (Sunday night into
            // Monday) — for week 1 that is the last week of the previous cycle, so
            // look from one cycle later, where "the week before" always exists.
            let span = span.shifted(weeks * WEEK);
            let first = span.start / WEEK - 1;
            for k in first..=(span.end - 1) / WEEK {
                for day in &window.days {
                    let start = k * WEEK + day.index() * DAY + from;
                    if span
                        .intersect(&Interval::new(start, start + length))
                        .is_some()
                    {
                        insert(&mut worked, (k % weeks) * 7 + day.index());
                    }
                }
            }
        }
    }
    worked.len() as u64
}

/// "1 in N" for display: the cycle's weeks per occurrence, to two decimals.
pub fn one_in(count: u64, weeks: u64) -> String {
    if count == 0 {
        return "never".into();
    }
    let value = rust_decimal::Decimal::from(weeks) / rust_decimal::Decimal::from(count);
    format!(
        "1 in {}",
        crate::engine::num::rounding::round_quantity(value, 2).normalize()
    )
}
