//! Geometry of the rota timeline: a row per week, Monday 00:00 at the left,
//! each shift's segments as rectangles, cut at week ends so a night from
//! Sunday into Monday continues at the start of the next row. Pure: drawing
//! units only (the amounts stay in the engine).

use crate::engine::timeline::{PayClass, Timeline};

/// Minutes in a week.
const WEEK: u32 = 7 * 24 * 60;
/// Width of a week row, in drawing units.
pub const ROW_WIDTH: u32 = 700;
/// Height of a week row.
pub const ROW_HEIGHT: u32 = 18;
/// Space for the week labels at the left.
pub const GUTTER: u32 = 56;

/// One rectangle to draw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// Left edge, in hundredths of a drawing unit.
    pub x: u32,
    /// Top edge, in drawing units.
    pub y: u32,
    /// Width, in hundredths of a drawing unit (at least one unit, so a
    /// short stretch stays visible).
    pub width: u32,
    /// How the stretch is paid.
    pub pay: PayClass,
    /// Whether its shift is involved in a breached limit (outlined).
    pub breached: bool,
    /// The shift's index in the rota.
    pub shift: usize,
}

/// The CSS class (and pattern) of a pay class.
pub fn pay_class(pay: PayClass) -> &'static str {
    match pay {
        PayClass::Plain => "pay-plain",
        PayClass::Night => "pay-night",
        PayClass::Weekend => "pay-weekend",
        PayClass::OtherPremium => "pay-other",
        PayClass::OnCallAvailability => "pay-on-call",
    }
}

/// How a pay class is drawn: written into the SVG as attributes (not a
/// stylesheet) so the timeline saved as a file looks as it does on the page.
/// Patterns as well as colours, so the classes differ in greyscale too.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paint {
    /// Fill: a colour or one of the timeline's patterns.
    pub fill: &'static str,
    /// Outline, if any.
    pub stroke: Option<&'static str>,
    /// Dashes of the outline, if any.
    pub dash: Option<&'static str>,
}

/// The outline of a shift in a breached limit (the page's `--loss`).
pub const BREACH_STROKE: &str = "#a3261b";

/// How `pay` is drawn.
pub fn paint(pay: PayClass) -> Paint {
    let (fill, stroke, dash) = match pay {
        PayClass::Plain => ("#d5dbe6", None, None),
        PayClass::Night => ("url(#hatch-night)", None, None),
        PayClass::Weekend => ("url(#dots-weekend)", None, None),
        PayClass::OtherPremium => ("#9c6bb3", None, None),
        PayClass::OnCallAvailability => ("#ffffff", Some("#1d1d1f"), Some("2 2")),
    };
    Paint { fill, stroke, dash }
}

/// Its name in the key and the text description.
pub fn pay_name(pay: PayClass) -> &'static str {
    match pay {
        PayClass::Plain => "plain time",
        PayClass::Night => "night premium",
        PayClass::Weekend => "weekend or Saturday premium",
        PayClass::OtherPremium => "other premium",
        PayClass::OnCallAvailability => "on call, not working",
    }
}

/// Every rectangle of the timeline, in order.
pub fn blocks(timeline: &Timeline) -> Vec<Block> {
    let cycle = u32::from(timeline.weeks.max(1)) * WEEK;
    let mut out = Vec::new();
    for shift in &timeline.shifts {
        for segment in &shift.segments {
            let mut start = segment.start_minute % cycle;
            let mut left = segment.minutes;
            while left > 0 {
                let in_week = start % WEEK;
                let take = left.min(WEEK - in_week);
                out.push(Block {
                    x: in_week * ROW_WIDTH * 100 / WEEK,
                    y: (start / WEEK) * ROW_HEIGHT,
                    width: (take * ROW_WIDTH * 100 / WEEK).max(100),
                    pay: segment.pay,
                    breached: !shift.breaches.is_empty(),
                    shift: shift.index,
                });
                left -= take;
                start = (start + take) % cycle;
            }
        }
    }
    out
}

/// Hundredths as SVG text.
pub fn units(hundredths: u32) -> String {
    format!("{}.{:02}", hundredths / 100, hundredths % 100)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rota::ShiftKind;
    use crate::engine::time::Weekday;
    use crate::engine::timeline::{Segment, TimelineShift};

    #[test]
    fn a_night_from_the_last_sunday_continues_on_the_first_row() {
        let segment = |start_minute, minutes, pay| Segment {
            start_minute,
            minutes,
            pay,
            windows: vec![],
            uplift: None,
        };
        let timeline = Timeline {
            weeks: 2,
            shifts: vec![TimelineShift {
                index: 3,
                week: 2,
                day: Weekday::Sun,
                start_minute: 2 * WEEK - 240,
                minutes: 720,
                kind: ShiftKind::Worked,
                label: None,
                segments: vec![
                    segment(2 * WEEK - 240, 240, PayClass::Night),
                    segment(0, 480, PayClass::Plain),
                ],
                breaches: vec!["max-4-nights".into()],
            }],
        };
        let b = blocks(&timeline);
        assert_eq!(b.len(), 2);
        // Sunday 20:00 of week 2: row 2, 4 hours before the right edge.
        assert_eq!((b[0].x, b[0].y, b[0].width), (68_333, ROW_HEIGHT, 1_666));
        assert_eq!((b[1].x, b[1].y, b[1].width), (0, 0, 3_333));
        assert!(b.iter().all(|x| x.breached && x.shift == 3));
        assert_eq!(units(68_333), "683.33");
    }
}
