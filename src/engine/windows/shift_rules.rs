//! Shift rules: premiums that depend on a whole shift (≥ 8 h starting 20:00–23:59,
//! enhanced until 10:00; finishing after 00:00 and by 04:00), laid over the
//! pieces the weekly windows produced.

use crate::engine::model::offer::{ClockRange, Combine, Extent, ShiftPattern, ShiftRuleReading};
use crate::engine::model::rota::Shift;
use crate::engine::num::fraction::Fraction;
use crate::engine::num::time::{Interval, DAY};
use crate::engine::windows::premium::{Piece, WindowSet};
use std::cmp::Ordering;

/// `t` within `[from, to]`, wrapping past midnight when `to < from`.
fn within_inclusive(t: u64, range: ClockRange) -> bool {
    let (from, to) = (range.from.minutes(), range.to.minutes());
    if from <= to {
        from <= t && t <= to
    } else {
        t >= from || t <= to
    }
}

/// `t` within `(after, by]`, wrapping past midnight when `by <= after`.
fn within_after_by(t: u64, range: ClockRange) -> bool {
    let (after, by) = (range.from.minutes(), range.to.minutes());
    if after < by {
        after < t && t <= by
    } else {
        t > after || t <= by
    }
}

/// Whether a shift matches a pattern (length, start window, end window).
pub fn matches(shift: &Shift, pattern: &ShiftPattern) -> bool {
    let long_enough = if pattern.min_inclusive {
        shift.minutes >= pattern.min_minutes
    } else {
        shift.minutes > pattern.min_minutes
    };
    let start = shift.start.minutes();
    // The end as a time of day in (00:00, 24:00], so a shift ending at midnight
    // ends at 24:00 and does not "finish after 00:00".
    let end = match (start + u64::from(shift.minutes)) % DAY {
        0 => DAY,
        t => t,
    };
    long_enough
        && pattern.starts.is_none_or(|r| within_inclusive(start, r))
        && pattern.ends.is_none_or(|r| within_after_by(end, r))
}

/// The minutes of a qualifying shift the rule enhances.
pub fn extent(shift: &Shift, reading: &ShiftRuleReading) -> Option<Interval> {
    let span = shift.interval();
    match reading.extent {
        Extent::WholeShift => Some(span),
        Extent::NormalWindowsOnly => None,
        Extent::Until { time } => {
            let start_of_day = span.start % DAY;
            let ahead = match (time.minutes() + DAY - start_of_day) % DAY {
                0 => DAY,
                d => d,
            };
            Some(Interval::new(span.start, span.end.min(span.start + ahead)))
        }
    }
}

/// Lays a rule's interval over one shift's pieces (`pieces`), combining its
/// uplift with the windows' as the offer declares.
pub fn overlay(
    pieces: &mut Vec<Piece>,
    over: Interval,
    bit: usize,
    uplift: Fraction,
    combine: Combine,
) {
    let mut out = Vec::with_capacity(pieces.len() + 2);
    for piece in pieces.drain(..) {
        let Some(hit) = piece.span.intersect(&over) else {
            out.push(piece);
            continue;
        };
        if hit.start > piece.span.start {
            out.push(Piece {
                span: Interval::new(piece.span.start, hit.start),
                ..piece.clone()
            });
        }
        let (combined, windows) = match combine {
            Combine::HighestApplies => {
                if uplift.cmp_exact(&piece.uplift) == Some(Ordering::Greater) {
                    (uplift, WindowSet::single(bit))
                } else {
                    (piece.uplift, piece.windows)
                }
            }
            Combine::Additive => (
                piece.uplift.checked_add(&uplift).unwrap_or(piece.uplift),
                piece.windows.with(bit),
            ),
        };
        out.push(Piece {
            shift: piece.shift,
            span: hit,
            uplift: combined,
            windows,
        });
        if hit.end < piece.span.end {
            out.push(Piece {
                span: Interval::new(hit.end, piece.span.end),
                ..piece
            });
        }
    }
    *pieces = out;
}
