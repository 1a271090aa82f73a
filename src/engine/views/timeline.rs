//! The rota as a timeline for one column (issue #9): every shift across its
//! minutes, each stretch classed by how the column's offer pays it, and the
//! limits each shift is involved in breaching.
//!
//! Nothing here decides pay. The stretches are the pieces the pay calculation
//! itself produced ([`ColumnPay::pieces`](crate::engine::pay::ColumnPay::pieces): the
//! weekly windows split by [`UpliftMap`](crate::engine::windows::premium::UpliftMap), the shift
//! rules laid over them), so the picture can never disagree with the premium figures, and drawing a
//! column costs one pass over its pieces instead of another comparison.
//!
//! # How a stretch is classed ([`PayClass`])
//!
//! Offers carry no "kind" for a window, so the class is read from the offer's
//! own data — times, days and its rest definition of night — never from ids or
//! names, which users may write as they like:
//!
//! - a premium **window** is [`PayClass::Night`] when at least half of its daily
//!   hours lie inside the offer's night window (`rest.definitions.night_window`,
//!   23:00–06:00 in every preset): 21:00–07:00 and 22:00–07:00 are nights, an
//!   all-day Sunday or a Sunday 07:00–24:00 is not;
//! - otherwise it is [`PayClass::Weekend`] when it starts only on Saturdays
//!   and/or Sundays (Saturday day, Saturday evening, Sunday);
//! - otherwise [`PayClass::OtherPremium`];
//! - a **shift rule** is [`PayClass::Night`] when one of its readings picks
//!   shifts by a start or end time inside the night window (the 2016 "starting
//!   20:00–23:59" and 2019 "finishing after 00:00 and by 04:00" rules: they pay
//!   the night rate for whole shifts), otherwise [`PayClass::OtherPremium`];
//! - a stretch paid by several windows at once (additive offers) takes the
//!   first of Night, Weekend, OtherPremium among them;
//! - a worked stretch paid by no window is [`PayClass::Plain`]; the minutes of
//!   an on-call period outside its expected work are
//!   [`PayClass::OnCallAvailability`].

use crate::engine::compare::{ColumnResult, Comparison};
use crate::engine::model::offer::{ClockRange, Offer, ShiftRule, Terms};
use crate::engine::model::rota::{Rota, Shift, ShiftKind};
use crate::engine::model::scenario::Scenario;
use crate::engine::num::fraction::Fraction;
use crate::engine::num::time::{Interval, Weekday, DAY};
use crate::engine::windows::premium::{Piece, WindowSet};
use serde::Serialize;
use std::ops::Range;

/// One column's rota, ready to draw.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Timeline {
    /// Weeks in the cycle; the timeline spans `weeks × 10 080` minutes.
    pub weeks: u8,
    /// Every shift, by start in the cycle (then by index).
    pub shifts: Vec<TimelineShift>,
}

/// One shift or on-call period on the timeline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimelineShift {
    /// Index of the shift in the rota's `shifts` (what breach locations name).
    pub index: usize,
    /// Week of the cycle, from 1.
    pub week: u8,
    /// Day it starts on.
    pub day: Weekday,
    /// Minute of the cycle it starts at (0 = Monday 00:00 of week 1).
    pub start_minute: u32,
    /// Length in minutes.
    pub minutes: u32,
    /// Worked or on call.
    pub kind: ShiftKind,
    /// Its name in the rota, if any.
    pub label: Option<String>,
    /// Its minutes in time order, tiling the shift exactly; a shift crossing the
    /// cycle end continues at minute 0.
    pub segments: Vec<Segment>,
    /// Ids of the limits whose breaches name this shift, in the order the
    /// column's checks list them, each once.
    pub breaches: Vec<String>,
}

/// A stretch of a shift paid one way.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Segment {
    /// Minute of the cycle it starts at, within `[0, cycle)`; it never runs
    /// past the cycle end (a shift crossing it is split there).
    pub start_minute: u32,
    /// Length in minutes (at least 1).
    pub minutes: u32,
    /// How it is paid, for colouring.
    pub pay: PayClass,
    /// Ids of the premium windows and shift rules its minutes count towards,
    /// exactly as the column's premium hours count them.
    pub windows: Vec<String>,
    /// The combined uplift over basic, when some window or rule pays it.
    pub uplift: Option<Fraction>,
}

/// How a stretch of time is paid, for colouring (see the module documentation
/// for how windows and rules are classed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PayClass {
    /// Worked at the basic rate.
    Plain,
    /// Worked in a night window, or under a rule that pays nights.
    Night,
    /// Worked in a weekend or Saturday window.
    Weekend,
    /// Worked in another premium window or rule.
    OtherPremium,
    /// On call but not working (outside the expected work).
    OnCallAvailability,
}

/// The timeline of column `column_id`, drawn from `comparison` — which must be
/// the comparison of `scenario`.
///
/// `None` when the column is not in both, or when the comparison no longer
/// fits the scenario (the page keeps showing the last valid comparison while
/// the scenario being edited is invalid): a shift whose pieces do not tile
/// its worked minutes, or a different offer or rota, gives no timeline rather
/// than a wrong one. Classes and window ids are read from the scenario's offer.
/// Never panics.
pub fn timeline(scenario: &Scenario, comparison: &Comparison, column_id: &str) -> Option<Timeline> {
    let column = scenario.columns.iter().find(|c| c.id == column_id)?;
    let result = comparison.columns.iter().find(|c| c.id == column_id)?;
    let offer = scenario.offer(&column.offer)?;
    let rota = scenario.rota(&column.rota)?;
    if result.offer_id != offer.id
        || result.offer_version != offer.version
        || result.rota_id != rota.id
    {
        return None;
    }
    column_timeline(offer, rota, result)
}

/// [`timeline`] from a column's offer, rota and result, already looked up.
///
/// One pass over the column's pieces and breaches: no pay or rest is computed
/// again, and scratch space is shared by all shifts.
pub fn column_timeline(offer: &Offer, rota: &Rota, result: &ColumnResult) -> Option<Timeline> {
    let cycle = rota.cycle_minutes();
    // Segment minutes are u32 on the page; a validated cycle is at most 52 weeks.
    u32::try_from(cycle).ok().filter(|&c| c > 0)?;
    // Validation keeps every shift shorter than the cycle, so it wraps at most once.
    if rota.shifts.iter().any(|s| u64::from(s.minutes) >= cycle) {
        return None;
    }
    let count = rota.shifts.len();
    let all_pieces = &result.pay.pieces;
    let ranges = piece_ranges(all_pieces, count)?;
    let mut breaches = breaches_by_shift(result, count);
    let mut draw = Drawer {
        terms: &offer.terms,
        classes: classes(&offer.terms),
        cycle,
        ids: Vec::new(),
        pieces: Vec::new(),
        work: Vec::new(),
        stretches: Vec::new(),
    };
    let mut shifts = Vec::with_capacity(count);
    for (index, (shift, range)) in rota.shifts.iter().zip(ranges).enumerate() {
        let segments = draw.segments(shift, all_pieces.get(range)?)?;
        shifts.push(TimelineShift {
            index,
            week: shift.week,
            day: shift.day,
            start_minute: u32::try_from(shift.start_minute() % cycle).ok()?,
            minutes: shift.minutes,
            kind: shift.kind,
            label: shift.label.clone(),
            segments,
            breaches: breaches
                .get_mut(index)
                .map(std::mem::take)
                .unwrap_or_default(),
        });
    }
    crate::engine::num::sort::sort_by_key(&mut shifts, |s| (s.start_minute, s.index));
    Some(Timeline {
        weeks: rota.weeks,
        shifts,
    })
}

/// The class of every window, then every shift rule — the order of the bits
/// in a piece's [`WindowSet`].
fn classes(terms: &Terms) -> Vec<PayClass> {
    let night = terms.rest.definitions.night_window;
    let windows = terms.premium_windows.iter().map(|w| {
        let span = daily_span(w.from.minutes(), w.to.minutes());
        if 2 * overlap_in_day(span, daily_range(night)) >= span.len() {
            PayClass::Night
        } else if !w.days.is_empty()
            && w.days
                .iter()
                .all(|d| matches!(d, Weekday::Sat | Weekday::Sun))
        {
            PayClass::Weekend
        } else {
            PayClass::OtherPremium
        }
    });
    let rules = terms.shift_rules.iter().map(|rule| rule_class(rule, night));
    windows.chain(rules).collect()
}

fn rule_class(rule: &ShiftRule, night: ClockRange) -> PayClass {
    let night = daily_range(night);
    let picks_nights = rule.readings.iter().any(|reading| {
        [reading.pattern.starts, reading.pattern.ends]
            .into_iter()
            .flatten()
            .any(|range| overlap_in_day(daily_range(range), night) > 0)
    });
    if picks_nights {
        PayClass::Night
    } else {
        PayClass::OtherPremium
    }
}

/// A clock range as minutes from its start's midnight, crossing into the next
/// day when it ends at or before it starts (as windows do).
fn daily_span(from: u64, to: u64) -> Interval {
    let to = if to > from { to } else { to + DAY };
    Interval::new(from, to)
}

fn daily_range(range: ClockRange) -> Interval {
    daily_span(range.from.minutes(), range.to.minutes())
}

/// Minutes two daily-recurring spans (each at most a day long) share per day.
fn overlap_in_day(a: Interval, b: Interval) -> u64 {
    // `b` recurs every day: the copies a day before, on and after `a`'s day
    // are the only ones a span under two days long can meet.
    let a = a.shifted(DAY);
    (0..3)
        .filter_map(|k| a.intersect(&b.shifted(k * DAY)))
        .map(|i| i.len())
        .sum()
}

/// Where each shift's pieces lie in the column's pieces, which the pay
/// calculation emits shift by shift. `None` when a piece names a shift the rota
/// does not have, or a shift's pieces are not together (not this rota's pieces).
fn piece_ranges(pieces: &[Piece], shifts: usize) -> Option<Vec<Range<usize>>> {
    let mut ranges: Vec<Range<usize>> = vec![0..0; shifts];
    let mut start = 0;
    while let Some(first) = pieces.get(start) {
        let len = pieces[start..]
            .iter()
            .take_while(|p| p.shift == first.shift)
            .count();
        let range = ranges.get_mut(first.shift)?;
        if range.start < range.end {
            return None;
        }
        *range = start..start + len;
        start += len;
    }
    Some(ranges)
}

/// The ids of the limits whose breaches name each shift.
fn breaches_by_shift(result: &ColumnResult, shifts: usize) -> Vec<Vec<String>> {
    let mut by_shift: Vec<Vec<String>> = vec![Vec::new(); shifts];
    for check in &result.rest.checks {
        for breach in &check.breaches {
            for &shift in &breach.location.shifts {
                if let Some(ids) = by_shift.get_mut(shift) {
                    if !ids.contains(&check.id) {
                        ids.push(check.id.clone());
                    }
                }
            }
        }
    }
    by_shift
}

/// A stretch on the unwrapped timeline, before it is placed in the cycle.
struct Stretch {
    span: Interval,
    windows: WindowSet,
    uplift: Option<Fraction>,
    pay: PayClass,
}

/// What drawing every shift of a column shares: the offer's classes, the ids
/// of each set of windows met so far, and scratch space reused shift to shift.
struct Drawer<'a> {
    terms: &'a Terms,
    classes: Vec<PayClass>,
    cycle: u64,
    ids: Vec<(WindowSet, Vec<String>)>,
    pieces: Vec<&'a Piece>,
    work: Vec<Interval>,
    stretches: Vec<Stretch>,
}

impl<'a> Drawer<'a> {
    /// The segments of one shift from its pieces; `None` unless the pieces
    /// tile its work exactly.
    fn segments(&mut self, shift: &Shift, pieces: &'a [Piece]) -> Option<Vec<Segment>> {
        self.pieces.clear();
        self.pieces.extend(pieces);
        // Expected-work blocks may be listed in any order; their pieces follow that order.
        crate::engine::num::sort::sort_by_key(&mut self.pieces, |p| p.span.start);
        self.work.clear();
        self.work.extend(shift.work_intervals());
        crate::engine::num::sort::sort(&mut self.work);
        if !tiles(&self.pieces, &self.work) {
            return None;
        }
        let period = shift.interval();
        let gap = |start: u64, end: u64| Stretch {
            span: Interval::new(start, end),
            windows: WindowSet::default(),
            uplift: None,
            pay: PayClass::OnCallAvailability,
        };
        self.stretches.clear();
        let mut cursor = period.start;
        for piece in &self.pieces {
            if piece.span.start > cursor {
                self.stretches.push(gap(cursor, piece.span.start));
            }
            let stretch = Stretch {
                span: piece.span,
                windows: piece.windows,
                uplift: (!piece.windows.is_empty()).then_some(piece.uplift),
                pay: class_of(piece.windows, &self.classes),
            };
            match self.stretches.last_mut() {
                // One window across a week boundary comes as two pieces (the
                // week's map ends at Sunday 24:00): draw it as one stretch.
                Some(last)
                    if last.span.end == stretch.span.start
                        && last.windows == stretch.windows
                        && last.pay == stretch.pay
                        && last.uplift == stretch.uplift =>
                {
                    last.span.end = stretch.span.end;
                }
                _ => self.stretches.push(stretch),
            }
            cursor = piece.span.end;
        }
        if cursor < period.end {
            self.stretches.push(gap(cursor, period.end));
        }

        let cycle = self.cycle;
        let mut out = Vec::with_capacity(self.stretches.len() + 1);
        for stretch in &self.stretches {
            let windows = ids(&mut self.ids, stretch.windows, self.terms);
            let start = stretch.span.start % cycle;
            let len = stretch.span.len();
            // A shift is shorter than the cycle, so a stretch wraps at most once.
            let first = len.min(cycle - start);
            for (start, len) in [(start, first), (0, len - first)] {
                if len > 0 {
                    out.push(Segment {
                        start_minute: u32::try_from(start).ok()?,
                        minutes: u32::try_from(len).ok()?,
                        pay: stretch.pay,
                        windows: windows.to_vec(),
                        uplift: stretch.uplift,
                    });
                }
            }
        }
        Some(out)
    }
}

/// The ids of a set of windows, looked up once per distinct set (a column has
/// a handful).
fn ids<'c>(
    cache: &'c mut Vec<(WindowSet, Vec<String>)>,
    windows: WindowSet,
    terms: &Terms,
) -> &'c [String] {
    let at = match cache.iter().position(|(set, _)| *set == windows) {
        Some(at) => at,
        None => {
            cache.push((windows, window_ids(windows, terms)));
            cache.len() - 1
        }
    };
    &cache[at].1
}

/// Whether `pieces` (sorted) cover the sorted, disjoint `work` intervals
/// exactly, back to back.
fn tiles(pieces: &[&Piece], work: &[Interval]) -> bool {
    let mut pieces = pieces.iter();
    for interval in work.iter().filter(|i| !i.is_empty()) {
        let mut cursor = interval.start;
        while cursor < interval.end {
            match pieces.next() {
                Some(p) if p.span.start == cursor && p.span.end > cursor => cursor = p.span.end,
                _ => return false,
            }
        }
        if cursor != interval.end {
            return false;
        }
    }
    pieces.next().is_none()
}

/// The class of a stretch paid by `windows`: the first of Night, Weekend,
/// OtherPremium among its windows' classes; Plain when none pays it.
fn class_of(windows: WindowSet, classes: &[PayClass]) -> PayClass {
    let mut found = PayClass::Plain;
    for class in windows.iter().filter_map(|i| classes.get(i).copied()) {
        let rank = |c: PayClass| match c {
            PayClass::Night => 0,
            PayClass::Weekend => 1,
            _ => 2,
        };
        if found == PayClass::Plain || rank(class) < rank(found) {
            found = class;
        }
    }
    if found == PayClass::Plain && !windows.is_empty() {
        // A bit with no window behind it cannot come from a matching
        // comparison; still paid, so not drawn as plain time.
        return PayClass::OtherPremium;
    }
    found
}

/// The ids of the windows (then the shift rules) in a set.
fn window_ids(windows: WindowSet, terms: &Terms) -> Vec<String> {
    let count = terms.premium_windows.len();
    windows
        .iter()
        .filter_map(|i| match terms.premium_windows.get(i) {
            Some(w) => Some(w.id.clone()),
            None => terms.shift_rules.get(i - count).map(|r| r.id.clone()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::num::time::ClockTime;

    fn span(from: &str, to: &str) -> Interval {
        daily_span(
            ClockTime::parse(from).unwrap().minutes(),
            ClockTime::parse(to).unwrap().minutes(),
        )
    }

    #[test]
    fn daily_spans_meet_across_midnight() {
        let night = span("23:00", "06:00");
        assert_eq!(overlap_in_day(span("21:00", "07:00"), night), 420);
        assert_eq!(overlap_in_day(span("00:00", "07:00"), night), 360);
        // All of Sunday meets both ends of the night: 23:00–24:00 and 00:00–06:00.
        assert_eq!(overlap_in_day(span("00:00", "24:00"), night), 420);
        assert_eq!(overlap_in_day(span("17:00", "21:00"), night), 0);
        assert_eq!(overlap_in_day(span("07:00", "07:00"), night), 420);
    }
}
