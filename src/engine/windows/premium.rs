//! Premium windows as one piecewise-constant map over the week, built once per
//! offer; a shift's premium minutes are then interval intersections — linear in
//! shifts, with no per-minute loops.

use crate::engine::model::offer::{Combine, PremiumWindow};
use crate::engine::num::fraction::Fraction;
use crate::engine::num::time::{Interval, DAY, WEEK};
use serde::{Serialize, Serializer};
use std::cmp::Ordering;

/// A set of window indices, as bits: pieces of shifts are the hot path, and a
/// set that needs no allocation keeps a comparison in microseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct WindowSet(u64);

impl WindowSet {
    /// The set holding `index` alone (indices ≥ 64 are ignored; validation forbids them).
    pub fn single(index: usize) -> WindowSet {
        WindowSet(1u64.checked_shl(index as u32).unwrap_or(0))
    }

    /// Adds `index`.
    pub fn with(self, index: usize) -> WindowSet {
        WindowSet(self.0 | WindowSet::single(index).0)
    }

    /// True when empty.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The indices, ascending; visits only the set bits.
    pub fn iter(self) -> impl Iterator<Item = usize> {
        let mut bits = self.0;
        std::iter::from_fn(move || {
            (bits != 0).then(|| {
                let index = bits.trailing_zeros() as usize;
                bits &= bits - 1;
                index
            })
        })
    }
}

impl Serialize for WindowSet {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

/// A stretch of the week with one uplift.
#[derive(Debug, Clone, PartialEq)]
pub struct WeekSegment {
    /// The stretch, within `[0, WEEK)`.
    pub span: Interval,
    /// Combined uplift.
    pub uplift: Fraction,
    /// The windows its minutes are attributed to: the winner under
    /// highest-applies, every covering window when additive.
    pub windows: WindowSet,
}

/// The week's premium time, sorted, disjoint, premium stretches only.
#[derive(Debug, Clone, PartialEq)]
pub struct UpliftMap {
    segments: Vec<WeekSegment>,
}

/// A piece of a shift and how it is paid.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Piece {
    /// Index of the shift in its rota.
    pub shift: usize,
    /// The minutes, on the cycle timeline (may pass the cycle end).
    pub span: Interval,
    /// Combined uplift over basic (0 = plain time).
    pub uplift: Fraction,
    /// The windows (indices in the offer's `premium_windows`) that pay it.
    pub windows: WindowSet,
}

/// The weekly intervals of a window, split at the week's end.
fn weekly_intervals(window: &PremiumWindow) -> Vec<Interval> {
    let (from, to) = (window.from.minutes(), window.to.minutes());
    let mut out = Vec::new();
    for day in &window.days {
        let start = day.index() * DAY + from;
        let end = if to > from {
            day.index() * DAY + to
        } else {
            (day.index() + 1) * DAY + to
        };
        if end > WEEK {
            out.push(Interval::new(start, WEEK));
            out.push(Interval::new(0, end - WEEK));
        } else {
            out.push(Interval::new(start, end));
        }
    }
    out
}

impl UpliftMap {
    /// Builds the map from an offer's windows; `enabled[i]` false leaves window
    /// `i` out (its frequency condition is not met).
    pub fn build(windows: &[PremiumWindow], enabled: &[bool], combine: Combine) -> UpliftMap {
        let covers: Vec<(usize, Interval)> = windows
            .iter()
            .enumerate()
            .filter(|(i, _)| enabled.get(*i).copied().unwrap_or(true))
            .flat_map(|(i, w)| weekly_intervals(w).into_iter().map(move |iv| (i, iv)))
            .collect();
        let mut cuts: Vec<u64> = covers
            .iter()
            .flat_map(|(_, iv)| [iv.start, iv.end])
            .collect();
        cuts.extend([0, WEEK]);
        crate::engine::num::sort::sort(&mut cuts);
        cuts.dedup();
        let mut segments: Vec<WeekSegment> = Vec::new();
        for pair in cuts.windows(2) {
            let span = Interval::new(pair[0], pair[1]);
            let mut active: Vec<usize> = covers
                .iter()
                .filter(|(_, iv)| iv.start <= span.start && span.end <= iv.end)
                .map(|(i, _)| *i)
                .collect();
            crate::engine::num::sort::sort(&mut active);
            active.dedup();
            let Some((uplift, attributed)) = combine_uplifts(windows, &active, combine) else {
                continue;
            };
            match segments.last_mut() {
                Some(last)
                    if last.span.end == span.start
                        && last.windows == attributed
                        && last.uplift == uplift =>
                {
                    last.span.end = span.end;
                }
                _ => segments.push(WeekSegment {
                    span,
                    uplift,
                    windows: attributed,
                }),
            }
        }
        UpliftMap { segments }
    }

    /// The premium stretches of the week.
    pub fn segments(&self) -> &[WeekSegment] {
        &self.segments
    }

    /// Splits an interval of the cycle timeline into pieces that each have one
    /// uplift, covering it entirely (plain-time gaps included).
    pub fn split(&self, span: Interval) -> Vec<Piece> {
        let mut pieces = Vec::new();
        self.split_into(0, span, &mut pieces);
        pieces
    }

    /// [`UpliftMap::split`] for shift number `shift`, appending to `pieces`.
    pub fn split_into(&self, shift: usize, span: Interval, pieces: &mut Vec<Piece>) {
        if span.is_empty() {
            return;
        }
        let mut cursor = span.start;
        for week in span.start / WEEK..=(span.end - 1) / WEEK {
            let offset = week * WEEK;
            // Segments are sorted: skip those ending before the span, stop after it.
            for seg in &self.segments {
                if seg.span.start + offset >= span.end {
                    break;
                }
                let Some(hit) = seg.span.shifted(offset).intersect(&span) else {
                    continue;
                };
                if hit.start > cursor {
                    pieces.push(plain(shift, cursor, hit.start));
                }
                pieces.push(Piece {
                    shift,
                    span: hit,
                    uplift: seg.uplift,
                    windows: seg.windows,
                });
                cursor = hit.end;
            }
        }
        if cursor < span.end {
            pieces.push(plain(shift, cursor, span.end));
        }
    }
}

fn plain(shift: usize, start: u64, end: u64) -> Piece {
    Piece {
        shift,
        span: Interval::new(start, end),
        uplift: Fraction::ZERO,
        windows: WindowSet::default(),
    }
}

/// The combined uplift of the active windows and whom its minutes belong to.
fn combine_uplifts(
    windows: &[PremiumWindow],
    active: &[usize],
    combine: Combine,
) -> Option<(Fraction, WindowSet)> {
    match combine {
        Combine::HighestApplies => {
            let mut best: Option<usize> = None;
            for &i in active {
                let beats = match best {
                    None => true,
                    Some(b) => {
                        windows[i].uplift.cmp_exact(&windows[b].uplift) == Some(Ordering::Greater)
                    }
                };
                if beats {
                    best = Some(i);
                }
            }
            best.map(|b| (windows[b].uplift, WindowSet::single(b)))
        }
        Combine::Additive => {
            if active.is_empty() {
                return None;
            }
            let total = active.iter().try_fold(Fraction::ZERO, |acc, &i| {
                acc.checked_add(&windows[i].uplift)
            })?;
            let set = active
                .iter()
                .fold(WindowSet::default(), |set, &i| set.with(i));
            Some((total, set))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::num::time::{ClockTime, Weekday};

    fn window(id: &str, days: &[Weekday], from: &str, to: &str, uplift: &str) -> PremiumWindow {
        PremiumWindow {
            id: id.into(),
            name: id.into(),
            days: days.to_vec(),
            from: ClockTime::parse(from).unwrap(),
            to: ClockTime::parse(to).unwrap(),
            uplift: uplift.parse().unwrap(),
            condition: None,
            source: String::new(),
            marker: None,
        }
    }

    #[test]
    fn window_sets_list_their_members_in_order() {
        let set = WindowSet::single(63).with(0).with(5);
        assert_eq!(set.iter().collect::<Vec<_>>(), vec![0, 5, 63]);
        assert!(WindowSet::default().is_empty());
        assert!(WindowSet::single(64).is_empty());
    }

    #[test]
    fn a_night_window_on_sunday_wraps_to_monday_morning() {
        let w = [window("n", &[Weekday::Sun], "22:00", "07:00", "1/2")];
        let map = UpliftMap::build(&w, &[], Combine::HighestApplies);
        let spans: Vec<Interval> = map.segments().iter().map(|s| s.span).collect();
        // Monday 00:00–07:00 and Sunday 22:00–24:00.
        assert_eq!(
            spans,
            vec![Interval::new(0, 420), Interval::new(6 * DAY + 1320, WEEK)]
        );
    }

    #[test]
    fn midnight_neither_loses_nor_double_counts_a_minute() {
        // Two windows meeting at midnight; a shift 23:00–01:00 has 60 + 60 minutes.
        let w = [
            window("late", &[Weekday::Mon], "21:00", "24:00", "0.1"),
            window("early", &[Weekday::Tue], "00:00", "07:00", "0.2"),
        ];
        let map = UpliftMap::build(&w, &[], Combine::HighestApplies);
        let pieces = map.split(Interval::new(23 * 60, 25 * 60));
        let found: Vec<(u64, Vec<usize>)> = pieces
            .iter()
            .map(|p| (p.span.len(), p.windows.iter().collect()))
            .collect();
        assert_eq!(found, vec![(60, vec![0]), (60, vec![1])]);
    }
}
