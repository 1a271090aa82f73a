//! The cycle timeline in whole minutes. Minute 0 is Monday 00:00 of week 1; a
//! cycle of `W` weeks is `W × 10 080` minutes and wraps. Intervals are
//! half-open `[start, end)`, so a window edge or midnight is never counted twice.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// Minutes in a day.
pub const DAY: u64 = 1_440;
/// Minutes in a week.
pub const WEEK: u64 = 7 * DAY;

/// A day of the week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Weekday {
    /// Monday.
    Mon,
    /// Tuesday.
    Tue,
    /// Wednesday.
    Wed,
    /// Thursday.
    Thu,
    /// Friday.
    Fri,
    /// Saturday.
    Sat,
    /// Sunday.
    Sun,
}

impl Weekday {
    /// Monday to Sunday.
    pub const ALL: [Weekday; 7] = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];

    /// Days since Monday.
    pub fn index(self) -> u64 {
        self as u64
    }

    /// The weekday of a day number counted from Monday of week 1.
    pub fn from_day_number(day: u64) -> Weekday {
        Weekday::ALL[(day % 7) as usize]
    }

    /// Three-letter English name.
    pub fn short_name(self) -> &'static str {
        ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][self as usize]
    }
}

/// A time of day in minutes after midnight, `00:00` to `24:00` inclusive
/// (`24:00` only makes sense as the end of a window).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClockTime(u16);

impl ClockTime {
    /// Midnight at the start of a day.
    pub const MIDNIGHT: ClockTime = ClockTime(0);
    /// Midnight at the end of a day.
    pub const END_OF_DAY: ClockTime = ClockTime(1_440);

    /// From hours and minutes; `None` past 24:00.
    pub fn hm(hours: u16, minutes: u16) -> Option<ClockTime> {
        let total = hours.checked_mul(60)?.checked_add(minutes)?;
        (minutes < 60 && total <= 1_440).then_some(ClockTime(total))
    }

    /// Minutes after midnight.
    pub fn minutes(self) -> u64 {
        u64::from(self.0)
    }

    /// Parses `HH:MM` (also `H:MM`).
    pub fn parse(text: &str) -> Result<ClockTime, String> {
        let bad = || format!("'{text}' is not a time of day: write HH:MM, e.g. 07:30");
        let (h, m) = text.trim().split_once(':').ok_or_else(bad)?;
        if h.is_empty() || h.len() > 2 || m.len() != 2 {
            return Err(bad());
        }
        let h: u16 = h.parse().map_err(|_| bad())?;
        let m: u16 = m.parse().map_err(|_| bad())?;
        ClockTime::hm(h, m).ok_or_else(bad)
    }
}

impl fmt::Display for ClockTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.0 / 60, self.0 % 60)
    }
}

impl Serialize for ClockTime {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for ClockTime {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = super::text_in_form(
            deserializer,
            "a time of day in quotes, written HH:MM, such as \"07:30\"",
        )?;
        ClockTime::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// A half-open interval `[start, end)` of minutes on the (unwrapped) timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Interval {
    /// First minute inside.
    pub start: u64,
    /// First minute after.
    pub end: u64,
}

impl Interval {
    /// `[start, end)`; empty when `end <= start`.
    pub fn new(start: u64, end: u64) -> Interval {
        Interval { start, end }
    }

    /// Length in minutes.
    pub fn len(&self) -> u64 {
        self.end.saturating_sub(self.start)
    }

    /// True when it holds no minute.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The common part, if any.
    pub fn intersect(&self, other: &Interval) -> Option<Interval> {
        let start = self.start.max(other.start);
        let end = self.end.min(other.end);
        (start < end).then_some(Interval { start, end })
    }

    /// The same interval moved later by `by` minutes.
    pub fn shifted(&self, by: u64) -> Interval {
        Interval {
            start: self.start + by,
            end: self.end + by,
        }
    }
}

/// Renders a cycle minute as `week 2 Sat 07:00`.
pub fn describe_minute(minute: u64) -> String {
    format!(
        "week {} {}",
        minute / WEEK + 1,
        describe_weekday_minute(minute)
    )
}

/// Renders a minute as its weekday and clock time, `Sat 07:00` (the week left out).
pub fn describe_weekday_minute(minute: u64) -> String {
    let weekday = Weekday::from_day_number(minute / DAY);
    let clock = ClockTime((minute % DAY) as u16);
    format!("{} {clock}", weekday.short_name())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_times_parse_and_print() {
        assert_eq!(ClockTime::parse("07:30").unwrap().minutes(), 450);
        assert_eq!(ClockTime::parse("7:30").unwrap().to_string(), "07:30");
        assert_eq!(ClockTime::parse("24:00").unwrap(), ClockTime::END_OF_DAY);
        for bad in [
            "24:01", "7", "07:3", "ab:cd", "", "-1:00", "07:60", "123:00",
        ] {
            assert!(ClockTime::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn minutes_describe_week_day_and_clock() {
        assert_eq!(describe_minute(0), "week 1 Mon 00:00");
        assert_eq!(describe_minute(WEEK + 5 * DAY + 7 * 60), "week 2 Sat 07:00");
    }

    #[test]
    fn intervals_are_half_open() {
        let a = Interval::new(0, 60);
        assert_eq!(a.intersect(&Interval::new(60, 120)), None);
        assert_eq!(
            a.intersect(&Interval::new(59, 120)),
            Some(Interval::new(59, 60))
        );
    }
}
