//! Every variant of the enums read by hand (`engine::tagged`) written by
//! serde's derived `Serialize`, then read back equal — with and without each
//! optional field.
//!
//! Why: the readers in `engine::offer` map each variant to its fields by
//! index; a variant added, reordered or renamed on one side only would write
//! limits and counting rules that read back as something else (or not at
//! all). The lists below name every variant, so a new one fails to compile
//! here until it is added.

use offer_compare::engine::offer::{CountingUnit, Extent, LimitRule, RunKind, WeekendDefinition};
use offer_compare::engine::time::ClockTime;
use rust_decimal::Decimal;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::fmt::Debug;

fn round_trip<T: Serialize + DeserializeOwned + PartialEq + Debug>(value: &T) {
    let json = serde_json::to_value(value).expect("serializes");
    let back: T = serde_json::from_value(json.clone()).expect("reads back");
    assert_eq!(&back, value, "{json}");
    let text = serde_json::to_string(value).expect("serializes");
    assert_eq!(
        &serde_json::from_str::<T>(&text).expect("reads back"),
        value
    );
}

/// Fails to compile when a variant is added, so the lists stay complete.
fn limit_variant(rule: &LimitRule) -> usize {
    match rule {
        LimitRule::MaxAverageWeeklyHours { .. } => 0,
        LimitRule::MaxAverageWeeklyDuty { .. } => 1,
        LimitRule::MaxHoursIn168 { .. } => 2,
        LimitRule::MaxShiftLength { .. } => 3,
        LimitRule::MaxConsecutive { .. } => 4,
        LimitRule::RestAfterRun { .. } => 5,
        LimitRule::MinRestBetweenShifts { .. } => 6,
        LimitRule::MaxWeekendFrequency { .. } => 7,
        LimitRule::MaxConsecutiveWeekends { .. } => 8,
        LimitRule::MaxPeriodsInDays { .. } => 9,
        LimitRule::MaxDayAfterLength { .. } => 10,
        LimitRule::MinExpectedRestOnCall { .. } => 11,
    }
}

#[test]
fn every_limit_rule_round_trips() {
    let hours = Decimal::new(485, 1);
    let mut rules = vec![
        LimitRule::MaxAverageWeeklyHours {
            hours,
            reference_weeks: None,
        },
        LimitRule::MaxAverageWeeklyHours {
            hours: Decimal::new(72, 0),
            reference_weeks: Some(26),
        },
        LimitRule::MaxAverageWeeklyDuty { hours },
        LimitRule::MaxHoursIn168 { hours },
    ];
    for include_on_call in [false, true] {
        for weekend_minutes in [None, Some(3_360)] {
            rules.push(LimitRule::MaxShiftLength {
                minutes: 780,
                include_on_call,
                weekend_minutes,
            });
        }
    }
    for what in [
        RunKind::Shifts,
        RunKind::Nights,
        RunKind::LongShifts,
        RunKind::LongEvenings,
    ] {
        rules.push(LimitRule::MaxConsecutive { what, count: 4 });
        rules.push(LimitRule::RestAfterRun {
            what,
            after_run: 3,
            minutes: 2_760,
        });
    }
    rules.push(LimitRule::MinRestBetweenShifts { minutes: 660 });
    rules.push(LimitRule::MaxWeekendFrequency { one_in: 3 });
    rules.push(LimitRule::MaxConsecutiveWeekends { count: 2 });
    rules.push(LimitRule::MaxPeriodsInDays { count: 3, days: 7 });
    rules.push(LimitRule::MaxDayAfterLength { minutes: 600 });
    rules.push(LimitRule::MinExpectedRestOnCall {
        minutes: 480,
        continuous: 300,
        from: ClockTime::parse("22:00").expect("time"),
        to: ClockTime::parse("07:00").expect("time"),
    });
    let mut seen = [false; 12];
    for rule in &rules {
        round_trip(rule);
        seen[limit_variant(rule)] = true;
    }
    assert!(seen.iter().all(|&s| s), "every variant is listed");
}

#[test]
fn every_counting_unit_and_extent_round_trips() {
    for unit in [
        CountingUnit::WindowDaysWorked,
        CountingUnit::WeekendsWorked {
            definition: WeekendDefinition::ShiftBeginsOnWeekend,
        },
        CountingUnit::WeekendsWorked {
            definition: WeekendDefinition::AnyWorkOnWeekend,
        },
    ] {
        // Fails to compile when a variant is added.
        match unit {
            CountingUnit::WindowDaysWorked | CountingUnit::WeekendsWorked { .. } => {}
        }
        round_trip(&unit);
    }
    for extent in [
        Extent::WholeShift,
        Extent::Until {
            time: ClockTime::parse("10:00").expect("time"),
        },
        Extent::Until {
            time: ClockTime::parse("00:00").expect("time"),
        },
        Extent::NormalWindowsOnly,
    ] {
        match extent {
            Extent::WholeShift | Extent::Until { .. } | Extent::NormalWindowsOnly => {}
        }
        round_trip(&extent);
    }
}
