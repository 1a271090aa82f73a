//! Calendar dates (`YYYY-MM-DD`): pay dates, scale periods and status history.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A calendar date; ordering is chronological.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    /// 26 April 2016, the first all-out strike: the default pay date.
    pub const APRIL_2016_STRIKE: Date = Date {
        year: 2016,
        month: 4,
        day: 26,
    };

    /// A valid date between years 1900 and 2200, or `None`.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        ((1900..=2200).contains(&year) && (1..=days).contains(&day)).then_some(Date {
            year,
            month,
            day,
        })
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Result<Date, String> {
        let bad = || format!("'{text}' is not a date: write YYYY-MM-DD, e.g. 2016-04-26");
        let parts: Vec<&str> = text.trim().split('-').collect();
        let [y, m, d] = parts.as_slice() else {
            return Err(bad());
        };
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return Err(bad());
        }
        let (Ok(y), Ok(m), Ok(d)) = (y.parse(), m.parse(), d.parse()) else {
            return Err(bad());
        };
        Date::new(y, m, d).ok_or_else(bad)
    }

    /// The year.
    pub fn year(&self) -> u16 {
        self.year
    }

    /// The month's name in English ("April").
    pub fn month_name(&self) -> &'static str {
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        // A Date's month is 1 to 12 (checked by `new`).
        MONTHS[usize::from(self.month).saturating_sub(1) % 12]
    }

    /// The calendar year the pay year (from 1 April) containing this date
    /// starts in: 2009 for 2009-04-01 and for 2010-03-31.
    pub fn pay_year(&self) -> u16 {
        if self.month >= 4 {
            self.year
        } else {
            self.year - 1
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = super::text_in_form(
            deserializer,
            "a date in quotes, written YYYY-MM-DD, such as \"2016-04-26\"",
        )?;
        Date::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_valid_dates_only() {
        assert_eq!(Date::parse("2016-04-26").unwrap().to_string(), "2016-04-26");
        assert!(Date::parse("2016-02-29").is_ok());
        for bad in [
            "2015-02-29",
            "2016-13-01",
            "2016-4-26",
            "26/04/2016",
            "",
            "2016-04-00",
        ] {
            assert!(Date::parse(bad).is_err(), "{bad}");
        }
        assert!(Date::parse("2016-04-26").unwrap() < Date::parse("2016-08-03").unwrap());
        assert_eq!(Date::parse("2009-04-01").unwrap().pay_year(), 2009);
        assert_eq!(Date::parse("2010-03-31").unwrap().pay_year(), 2009);
    }
}
