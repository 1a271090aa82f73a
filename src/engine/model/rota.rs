//! Rotas: a cycle of 1–52 weeks of shifts, placed on the cyclic timeline.

use crate::engine::num::fraction::Fraction;
use crate::engine::num::time::{ClockTime, Interval, Weekday, DAY, WEEK};
use serde::{Deserialize, Serialize};

/// Longest cycle accepted, in weeks.
pub const MAX_CYCLE_WEEKS: u8 = 52;
/// Longest worked shift, in minutes (24 h).
pub const MAX_WORKED_MINUTES: u32 = 24 * 60;
/// Longest on-call period, in minutes (72 h).
pub const MAX_ON_CALL_MINUTES: u32 = 72 * 60;

/// What a shift is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ShiftKind {
    /// Rostered work: every minute is work.
    #[default]
    Worked,
    /// Non-resident on-call (from home): availability, with expected work as timed blocks.
    NonResidentOnCall,
    /// Resident on-call (2002 contract): on site for the whole period; duty, with
    /// expected work as timed blocks.
    ResidentOnCall,
}

impl ShiftKind {
    /// Shift kinds in words ("worked shifts and resident on-call"): the
    /// kinds an allowance or a limit counts.
    pub fn describe_all(kinds: &[ShiftKind]) -> String {
        let words: Vec<&str> = kinds
            .iter()
            .map(|k| match k {
                ShiftKind::Worked => "worked shifts",
                ShiftKind::NonResidentOnCall => "non-resident on-call",
                ShiftKind::ResidentOnCall => "resident on-call",
            })
            .collect();
        words.join(" and ")
    }

    /// The longest period of this kind, in minutes.
    pub fn max_minutes(self) -> u32 {
        match self {
            ShiftKind::Worked => MAX_WORKED_MINUTES,
            ShiftKind::NonResidentOnCall | ShiftKind::ResidentOnCall => MAX_ON_CALL_MINUTES,
        }
    }
}

/// Expected work inside an on-call period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkBlock {
    /// Minutes after the start of the on-call period.
    pub offset_minutes: u32,
    /// Length in minutes.
    pub minutes: u32,
}

/// One shift or on-call period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Shift {
    /// Week of the cycle, from 1.
    pub week: u8,
    /// Day of that week.
    pub day: Weekday,
    /// Start time.
    pub start: ClockTime,
    /// Length in minutes; crossing midnight and the cycle end is normal.
    pub minutes: u32,
    /// Worked or on-call.
    #[serde(default, skip_serializing_if = "is_default")]
    pub kind: ShiftKind,
    /// A name shown in the rota ("long day", "night").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// For on-call periods: the work expected within them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub expected_work: Vec<WorkBlock>,
}

fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

impl Shift {
    /// Why `minutes` cannot be this shift's length in a cycle of
    /// `cycle_minutes`, naming the shift ("the shift of week 1 Mon 09:00 …"):
    /// at least one minute, at most its kind's longest, shorter than the
    /// cycle. The page checks a typed length with it at the field, and
    /// validation checks every shift of a file with it, so a 25-hour day is
    /// refused with the same words wherever it comes from (never wrapped into
    /// "09:00–10:00 next day").
    pub fn length_problem(&self, minutes: u32, cycle_minutes: u64) -> Option<String> {
        let what = match self.kind {
            ShiftKind::Worked => "a worked shift lasts at most 24 hours",
            _ => "an on-call period lasts at most 72 hours",
        };
        let problem = if minutes == 0 {
            "it must last at least one minute".to_string()
        } else if minutes > self.kind.max_minutes() {
            format!("{what}, not {}:{:02}", minutes / 60, minutes % 60)
        } else if u64::from(minutes) >= cycle_minutes {
            "it is longer than the whole cycle".to_string()
        } else {
            return None;
        };
        let label = self
            .label
            .as_deref()
            .map_or(String::new(), |l| format!(" ({l})"));
        Some(format!(
            "the shift of {}{label}: {problem}",
            crate::engine::num::time::describe_minute(self.start_minute()),
        ))
    }

    /// Start minute in the cycle (week 1 Monday 00:00 = 0).
    pub fn start_minute(&self) -> u64 {
        (u64::from(self.week.saturating_sub(1)) * 7 + self.day.index()) * DAY + self.start.minutes()
    }

    /// The period on the unwrapped timeline; its end may pass the cycle end.
    pub fn interval(&self) -> Interval {
        let start = self.start_minute();
        Interval::new(start, start + u64::from(self.minutes))
    }

    /// The intervals in which the doctor works: the whole shift when worked,
    /// the expected-work blocks when on call.
    pub fn work_intervals(&self) -> impl Iterator<Item = Interval> + '_ {
        let start = self.start_minute();
        let worked = self.kind == ShiftKind::Worked;
        let whole = worked.then(|| self.interval());
        let blocks = self
            .expected_work
            .iter()
            .filter(move |_| !worked)
            .map(move |b| {
                let s = start + u64::from(b.offset_minutes);
                Interval::new(s, s + u64::from(b.minutes))
            });
        whole.into_iter().chain(blocks)
    }

    /// Minutes of work in this shift.
    pub fn work_minutes(&self) -> u64 {
        self.work_intervals().map(|i| i.len()).sum()
    }
}

/// A rota cycle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rota {
    /// Identifier, unique in the scenario.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Cycle length in weeks (1–52).
    pub weeks: u8,
    /// The less-than-full-time fraction the rota was designed for, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub designed_for_ltft: Option<Fraction>,
    /// The shifts, in any order.
    pub shifts: Vec<Shift>,
}

impl Rota {
    /// Cycle length in minutes.
    pub fn cycle_minutes(&self) -> u64 {
        u64::from(self.weeks) * WEEK
    }

    /// Total minutes of work in one cycle.
    pub fn work_minutes(&self) -> u64 {
        self.shifts.iter().map(Shift::work_minutes).sum()
    }

    /// Average weekly hours of work over the cycle, exactly.
    pub fn average_weekly_hours(&self) -> Option<Fraction> {
        Fraction::from_ints(self.work_minutes(), 60 * u64::from(self.weeks))
    }
}
