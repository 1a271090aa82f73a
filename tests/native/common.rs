//! Builders for test scenarios: small, explicit offers and rotas so each worked
//! example states every number it depends on.

use offer_compare::engine::compare::{compare, Comparison};
use offer_compare::engine::date::Date;
use offer_compare::engine::offer::{
    AdditionalHours, ClockRange, Combine, Extent, FlatAllowance, FrequencyAllowance, FrequencyBand,
    Grade, LtftWeekendRule, Offer, OneIn, Param, PayScale, PremiumWindow, RoundingRules,
    ScalePeriod, ScalePoint, ShiftPattern, ShiftRule, ShiftRuleReading, Terms, WeekendDefinition,
};
use offer_compare::engine::rota::{Rota, Shift, ShiftKind};
use offer_compare::engine::scenario::{Column, Doctor, Scenario, FORMAT_VERSION};
use offer_compare::engine::sorted_map::SortedMap;
use offer_compare::engine::time::{ClockTime, Weekday};
use rust_decimal::Decimal;
use std::str::FromStr;

pub fn d(text: &str) -> Decimal {
    Decimal::from_str(text).expect("decimal")
}

pub fn date(text: &str) -> Date {
    Date::parse(text).expect("date")
}

pub fn t(text: &str) -> ClockTime {
    ClockTime::parse(text).expect("time")
}

pub fn shift(week: u8, day: Weekday, start: &str, minutes: u32) -> Shift {
    Shift {
        week,
        day,
        start: t(start),
        minutes,
        kind: ShiftKind::Worked,
        label: None,
        expected_work: vec![],
    }
}

pub fn rota(weeks: u8, shifts: Vec<Shift>) -> Rota {
    Rota {
        id: "r".into(),
        name: "test rota".into(),
        weeks,
        designed_for_ltft: None,
        shifts,
    }
}

pub fn window(id: &str, days: &[Weekday], from: &str, to: &str, uplift: &str) -> PremiumWindow {
    PremiumWindow {
        id: id.into(),
        name: id.into(),
        days: days.to_vec(),
        from: t(from),
        to: t(to),
        uplift: uplift.parse().expect("rate"),
        condition: None,
        source: "test".into(),
        marker: None,
    }
}

pub const EVERY_DAY: [Weekday; 7] = Weekday::ALL;

/// A one-period scale (2016-04-01 to 2017-04-01) paying `annual` to every grade.
pub fn scale(annual: &str) -> PayScale {
    period_scale(&[("2016/17", "2016-04-01", "2017-04-01", annual)])
}

/// A scale with one point per period, for every grade.
pub fn period_scale(periods: &[(&str, &str, &str, &str)]) -> PayScale {
    PayScale {
        periods: periods
            .iter()
            .map(|(label, from, until, annual)| ScalePeriod {
                label: (*label).into(),
                from: date(from),
                until: date(until),
                points: vec![ScalePoint {
                    id: "P".into(),
                    annual: d(annual),
                    source: "test".into(),
                    marker: None,
                }],
                grades: Grade::ALL
                    .iter()
                    .map(|g| (*g, vec!["P".to_string()]))
                    .collect::<SortedMap<_, _>>(),
            })
            .collect(),
    }
}

pub fn offer(id: &str, annual: &str, windows: Vec<PremiumWindow>) -> Offer {
    Offer {
        id: id.into(),
        version: 1,
        name: format!("offer {id}"),
        derived_from: None,
        status: vec![],
        sources: vec![],
        assumptions: vec![],
        terms: Terms {
            pay_scale: scale(annual),
            full_time_hours: Param {
                value: d("40"),
                source: "test".into(),
                marker: None,
            },
            weeks_per_year: Param {
                value: d("52.143"),
                source: "test".into(),
                marker: None,
            },
            additional_hours: Some(AdditionalHours::default()),
            premium_windows: windows,
            combine: Combine::HighestApplies,
            allowances: vec![],
            shift_rules: vec![],
            frequency_allowances: vec![],
            on_call_allowances: vec![],
            rest: Default::default(),
            banding: None,
            rounding: RoundingRules::default(),
        },
    }
}

pub fn allowance(id: &str, annual: &str, pro_rata: bool) -> FlatAllowance {
    FlatAllowance {
        id: id.into(),
        name: id.into(),
        annual: d(annual),
        pro_rata_ltft: pro_rata,
        source: "test".into(),
        marker: None,
    }
}

/// One doctor (FY2, full time), one rota, one column per offer; the first is the baseline.
pub fn scenario(rota: Rota, offers: Vec<Offer>) -> Scenario {
    let columns = offers
        .iter()
        .map(|o| Column {
            id: o.id.clone(),
            offer: o.id.clone(),
            rota: rota.id.clone(),
            pay_date: None,
            readings: SortedMap::new(),
            rota_type: None,
            band_override: None,
            protection: None,
        })
        .collect::<Vec<_>>();
    Scenario {
        version: FORMAT_VERSION,
        title: "test".into(),
        pay_date: date("2016-08-03"),
        doctor: Doctor {
            grade: Grade::FY2,
            years_at_grade: 0,
            ltft: offer_compare::engine::fraction::Fraction::ONE,
            specialty_premium: Decimal::ZERO,
        },
        baseline: columns.first().map(|c| c.id.clone()),
        working_time_regulations: false,
        explore: None,
        take_home: None,
        rotas: vec![rota],
        offers,
        columns,
    }
}

pub fn run(scenario: &Scenario) -> Comparison {
    compare(scenario, offer_compare::reference())
        .unwrap_or_else(|e| panic!("comparison failed: {e:?}"))
}

/// The value of figure `line` in column `column`, if present.
pub fn value(comparison: &Comparison, column: &str, line: &str) -> Option<Decimal> {
    comparison
        .columns
        .iter()
        .find(|c| c.id == column)?
        .figure(line)
        .map(|f| f.value)
}

/// Every figure as (column, line, value), for comparing whole results.
pub fn all_values(comparison: &Comparison) -> Vec<(String, String, Decimal)> {
    comparison
        .columns
        .iter()
        .flat_map(|c| {
            c.figures()
                .map(move |f| (c.id.clone(), f.id.clone(), f.value))
        })
        .collect()
}

pub fn range(from: &str, to: &str) -> Option<ClockRange> {
    Some(ClockRange {
        from: t(from),
        to: t(to),
    })
}

pub fn reading(
    id: &str,
    min: u32,
    inclusive: bool,
    starts: Option<ClockRange>,
    ends: Option<ClockRange>,
    extent: Extent,
) -> ShiftRuleReading {
    ShiftRuleReading {
        id: id.into(),
        label: id.into(),
        pattern: ShiftPattern {
            min_minutes: min,
            min_inclusive: inclusive,
            starts,
            ends,
        },
        extent,
        source: "test".into(),
    }
}

/// 2016 TCS: ≥ 8 h starting 20:00–23:59, 37 % until 10:00 (BMA); HSJ: more than 8 h.
pub fn night_extension_2016() -> ShiftRule {
    let until_ten = Extent::Until { time: t("10:00") };
    ShiftRule {
        id: "ext".into(),
        name: "night extension".into(),
        uplift: "37%".parse().unwrap(),
        kinds: vec![ShiftKind::Worked],
        readings: vec![
            reading("bma", 480, true, range("20:00", "23:59"), None, until_ten),
            reading(
                "hsj",
                480,
                false,
                range("20:00", "23:59"),
                range("00:00", "10:00"),
                until_ten,
            ),
        ],
        marker: None,
    }
}

/// 2019: shifts finishing after 00:00 and by 04:00; the whole shift (BMA wording) or only the normal windows.
pub fn ends_by_four_2019() -> ShiftRule {
    ShiftRule {
        id: "late".into(),
        name: "finishes 00:00–04:00".into(),
        uplift: "37%".parse().unwrap(),
        kinds: vec![ShiftKind::Worked],
        readings: vec![
            reading(
                "whole",
                0,
                true,
                None,
                range("00:00", "04:00"),
                Extent::WholeShift,
            ),
            reading(
                "window",
                0,
                true,
                None,
                range("00:00", "04:00"),
                Extent::NormalWindowsOnly,
            ),
        ],
        marker: None,
    }
}

/// The 2016 TCS weekend allowance bands (to 3 Dec 2019), whole pounds up as the circulars print.
pub fn weekend_allowance(definition: WeekendDefinition) -> FrequencyAllowance {
    let band = |n: u32, rate: &str| FrequencyBand {
        at_least: OneIn { one_in: n },
        rate: rate.parse().unwrap(),
        label: format!("1 in {n}"),
    };
    FrequencyAllowance {
        id: "weekend".into(),
        name: "weekend allowance".into(),
        definition,
        kinds: offer_compare::engine::offer::all_kinds(),
        bands: vec![
            band(2, "10%"),
            band(3, "7.5%"),
            band(4, "7.5%"),
            band(5, "6%"),
            band(6, "4%"),
            band(7, "4%"),
            band(8, "3%"),
        ],
        ltft: LtftWeekendRule::ActualFrequencyProRata,
        from: None,
        until: None,
        source: "PC (M&D) 1/2017".into(),
        marker: None,
    }
}

pub fn limit(
    id: &str,
    rule: offer_compare::engine::offer::LimitRule,
) -> offer_compare::engine::offer::Limit {
    offer_compare::engine::offer::Limit {
        id: id.into(),
        text: format!("limit {id}"),
        rule,
        consequence: Default::default(),
        applies_to: vec![],
        counts: None,
        source: "test".into(),
        marker: None,
    }
}

/// The 2016 TCS limits as introduced (contract reference §2), all flag-only.
pub fn limits_2016() -> Vec<offer_compare::engine::offer::Limit> {
    use offer_compare::engine::offer::{LimitRule::*, RunKind::*};
    vec![
        limit(
            "avg-48",
            MaxAverageWeeklyHours {
                hours: d("48"),
                reference_weeks: None,
            },
        ),
        limit("72-in-168", MaxHoursIn168 { hours: d("72") }),
        limit(
            "max-13h",
            MaxShiftLength {
                minutes: 13 * 60,
                include_on_call: false,
                weekend_minutes: None,
            },
        ),
        limit(
            "max-5-long",
            MaxConsecutive {
                what: LongShifts,
                count: 5,
            },
        ),
        limit(
            "max-4-nights",
            MaxConsecutive {
                what: Nights,
                count: 4,
            },
        ),
        limit(
            "46h-after-3-nights",
            RestAfterRun {
                what: Nights,
                after_run: 3,
                minutes: 46 * 60,
            },
        ),
        limit(
            "max-8-shifts",
            MaxConsecutive {
                what: Shifts,
                count: 8,
            },
        ),
        limit("11h-rest", MinRestBetweenShifts { minutes: 11 * 60 }),
        limit("1-in-2-weekends", MaxWeekendFrequency { one_in: 2 }),
    ]
}

/// An offer with no pay features but the given limits.
pub fn limited_offer(limits: Vec<offer_compare::engine::offer::Limit>) -> Offer {
    let mut o = offer("o", "30000", vec![]);
    o.terms.rest.limits = limits;
    o
}

/// The check of limit `id` in the first column.
pub fn check<'a>(c: &'a Comparison, id: &str) -> &'a offer_compare::engine::limits::LimitCheck {
    c.columns[0]
        .rest
        .checks
        .iter()
        .find(|k| k.id == id)
        .expect("limit checked")
}

/// The value of rest metric `id` in the first column.
pub fn metric(c: &Comparison, id: &str) -> Decimal {
    c.columns[0]
        .metric(&format!("rest:{id}"))
        .expect("metric")
        .value
}

/// FNV-1a, 64 bits: a fingerprint of frozen bytes (released preset files, the
/// link dictionary), so a test fails if one byte of them changes.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[test]
fn fnv1a64_matches_the_published_test_vectors() {
    assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
    assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
    assert_eq!(fnv1a64(b"foobar"), 0x8594_4171_f739_67e8);
}

/// The page's default scenario as it was before the doctor-in-post columns
/// (`examples/strike-2016.json`: `contract-2002@1`, five new-entrant columns):
/// the fixture the feature tests' figures were worked out on, kept so they
/// test their feature rather than the choice of default.
pub const STRIKE_2016: &str = include_str!("../../examples/strike-2016.json");
