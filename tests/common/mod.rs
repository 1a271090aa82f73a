//! Builders for test scenarios: small, explicit offers and rotas so each worked
//! example states every number it depends on.
#![allow(dead_code)]

use offer_compare::engine::compare::{compare, Comparison};
use offer_compare::engine::date::Date;
use offer_compare::engine::offer::{
    AdditionalHours, Combine, FlatAllowance, Grade, Offer, Param, PayScale, PremiumWindow,
    RoundingRules, ScalePeriod, ScalePoint, Terms,
};
use offer_compare::engine::rota::{Rota, Shift, ShiftKind};
use offer_compare::engine::scenario::{Column, Doctor, Scenario, FORMAT_VERSION};
use offer_compare::engine::time::{ClockTime, Weekday};
use rust_decimal::Decimal;
use std::collections::BTreeMap;
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
                    .collect::<BTreeMap<_, _>>(),
            })
            .collect(),
    }
}

pub fn offer(id: &str, annual: &str, windows: Vec<PremiumWindow>) -> Offer {
    Offer {
        id: id.into(),
        version: 1,
        name: format!("offer {id}"),
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
            additional_hours: AdditionalHours::default(),
            premium_windows: windows,
            combine: Combine::HighestApplies,
            allowances: vec![],
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
        rotas: vec![rota],
        offers,
        columns,
    }
}

pub fn run(scenario: &Scenario) -> Comparison {
    compare(scenario).unwrap_or_else(|e| panic!("comparison failed: {e:?}"))
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
