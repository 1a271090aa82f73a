//! Engine benchmarks, natively at opt-level 3 (`make bench`). The target case
//! from the issues: pay and rest for 6 offers (each with the 2016 limits) over a
//! 26-week rota of 130 shifts, < 100 µs.

use criterion::{criterion_group, criterion_main, Criterion};
use offer_compare::codec::json::scenario_from_json;
use offer_compare::engine::compare;
use offer_compare::engine::explore::{gains, standard_cases, sweep, Quantity};
use offer_compare::engine::offer::{Consequence, Limit, LimitRule::*, RunKind};
use offer_compare::engine::rota::Shift;
use offer_compare::engine::scenario::{Column, Scenario};
use offer_compare::engine::time::{ClockTime, Weekday};
use rust_decimal::Decimal;
use std::hint::black_box;

/// One week of a rota pattern: (days, start, minutes).
type Week = &'static [(&'static [Weekday], &'static str, u32)];

/// A 26-week rota of 130 shifts (5 a week) cycling through `weeks`.
/// The example with two offers written out in full (the page's default names
/// five presets, one of them paid at a later date, so it cannot be cycled).
const INLINE: &str = include_str!("../examples/inline-offers.json");

fn big_scenario(weeks: &[Week]) -> Scenario {
    let mut s = scenario_from_json(INLINE).expect("inline example");
    let rota = &mut s.rotas[0];
    rota.weeks = 26;
    rota.shifts = (1..=26u8)
        .flat_map(|week| {
            weeks[usize::from(week - 1) % weeks.len()].iter().flat_map(
                move |&(days, start, minutes)| {
                    days.iter().map(move |&day| Shift {
                        week,
                        day,
                        start: ClockTime::parse(start).expect("time"),
                        minutes,
                        kind: Default::default(),
                        label: None,
                        expected_work: vec![],
                    })
                },
            )
        })
        .collect();
    // Six columns: the two offers, each three times with shifted night windows.
    let base = s.offers.clone();
    s.offers.clear();
    s.columns.clear();
    for (i, offer) in base.iter().cycle().take(6).enumerate() {
        let mut offer = offer.clone();
        offer.id = format!("{}-{i}", offer.id);
        if let Some(w) = offer.terms.premium_windows.first_mut() {
            w.from = ClockTime::hm(19 + (i as u16 % 3), 0).expect("time");
        }
        offer.terms.rest.limits = limits_2016();
        s.columns.push(Column {
            id: format!("c{i}"),
            offer: offer.id.clone(),
            rota: rota_id(&s),
            pay_date: None,
            readings: Default::default(),
            rota_type: None,
            band_override: None,
            protection: None,
        });
        s.offers.push(offer);
    }
    s.baseline = Some("c0".into());
    s
}

/// The 2016 TCS limits as introduced (contract reference §2).
fn limits_2016() -> Vec<Limit> {
    let limit = |id: &str, rule| Limit {
        id: id.into(),
        text: id.into(),
        rule,
        consequence: Consequence::Flag,
        applies_to: vec![],
        counts: None,
        source: String::new(),
        marker: None,
    };
    vec![
        limit(
            "avg-48",
            MaxAverageWeeklyHours {
                hours: Decimal::from(48),
                reference_weeks: None,
            },
        ),
        limit(
            "72-in-168",
            MaxHoursIn168 {
                hours: Decimal::from(72),
            },
        ),
        limit(
            "max-13h",
            MaxShiftLength {
                minutes: 780,
                include_on_call: false,
                weekend_minutes: None,
            },
        ),
        limit(
            "max-5-long",
            MaxConsecutive {
                what: RunKind::LongShifts,
                count: 5,
            },
        ),
        limit(
            "max-4-nights",
            MaxConsecutive {
                what: RunKind::Nights,
                count: 4,
            },
        ),
        limit(
            "46h",
            RestAfterRun {
                what: RunKind::Nights,
                after_run: 3,
                minutes: 46 * 60,
            },
        ),
        limit(
            "max-8",
            MaxConsecutive {
                what: RunKind::Shifts,
                count: 8,
            },
        ),
        limit("11h", MinRestBetweenShifts { minutes: 660 }),
        limit("weekends", MaxWeekendFrequency { one_in: 2 }),
    ]
}

fn rota_id(s: &Scenario) -> String {
    s.rotas[0].id.clone()
}

use Weekday::*;

/// Days, long days, nights, weekend: within every 2016 TCS limit (checked below).
const COMPLIANT: [Week; 4] = [
    &[(&[Mon, Tue, Wed, Thu, Fri], "09:00", 480)],
    &[
        (&[Mon, Tue], "08:00", 750),
        (&[Wed, Thu, Fri], "09:00", 480),
    ],
    &[
        (&[Mon, Tue, Wed, Thu], "21:00", 600),
        (&[Sun], "08:00", 480),
    ],
    &[
        (&[Tue, Wed, Thu], "09:00", 480),
        (&[Sat, Sun], "08:00", 720),
    ],
];

/// Five-day blocks of days, long days, 12.5-h nights and long weekends: many breaches.
const BREACHING: [Week; 4] = [
    &[(&[Mon, Tue, Wed, Thu, Fri], "09:00", 480)],
    &[(&[Mon, Tue, Wed, Thu, Fri], "08:00", 750)],
    &[(&[Mon, Tue, Wed, Thu, Fri], "20:30", 750)],
    &[(&[Wed, Thu, Fri, Sat, Sun], "08:00", 750)],
];

fn breaches(s: &Scenario) -> usize {
    let result = compare(s, offer_compare::reference()).expect("scenario computes");
    result.columns[0]
        .rest
        .checks
        .iter()
        .map(|k| k.breaches.len())
        .sum()
}

fn benches(c: &mut Criterion) {
    let inline = scenario_from_json(INLINE).expect("inline example");
    c.bench_function("compare: inline example (2 offers, 4 weeks)", |b| {
        b.iter(|| compare(black_box(&inline), offer_compare::reference()))
    });
    let default = scenario_from_json(offer_compare::DEFAULT_SCENARIO).expect("default scenario");
    c.bench_function(
        "compare: the page's default scenario (5 offers, 8 weeks), with take-home pay",
        |b| b.iter(|| compare(black_box(&default), offer_compare::reference())),
    );
    let gross_only = offer_compare::engine::Scenario {
        take_home: None,
        ..default.clone()
    };
    c.bench_function(
        "compare: the page's default scenario (5 offers, 8 weeks), gross only",
        |b| b.iter(|| compare(black_box(&gross_only), offer_compare::reference())),
    );
    let compliant = big_scenario(&COMPLIANT);
    assert_eq!(compliant.rotas[0].shifts.len(), 130);
    assert_eq!(
        breaches(&compliant),
        0,
        "the compliant rota must keep every limit"
    );
    c.bench_function(
        "compare: 6 offers × 26-week rota of 130 shifts, compliant",
        |b| b.iter(|| compare(black_box(&compliant), offer_compare::reference())),
    );
    let breaching = big_scenario(&BREACHING);
    eprintln!(
        "breaching rota: {} breaches per column",
        breaches(&breaching)
    );
    c.bench_function(
        "compare: 6 offers × 26-week rota of 130 shifts, breaching",
        |b| b.iter(|| compare(black_box(&breaching), offer_compare::reference())),
    );
}

/// 10,000-point sweeps: the premium of one offer of a 2-column scenario (one
/// column recomputed per point), LTFT over the same (both recomputed), and
/// the premium in the 5-column default scenario.
fn sweeps(c: &mut Criterion) {
    let mut group = c.benchmark_group("sweep");
    group.sample_size(10);
    let inline = scenario_from_json(INLINE).expect("inline example");
    let default = scenario_from_json(offer_compare::DEFAULT_SCENARIO).expect("default scenario");
    let gross_only = offer_compare::engine::Scenario {
        take_home: None,
        ..default.clone()
    };
    let cases = [
        (
            "10,000 points, 2 columns: a night premium 0–99.99%",
            &inline,
            "premium_rate:gov-offer-2016-01:night",
            "0",
            "99.99",
        ),
        (
            "10,000 points, 2 columns: LTFT 0.01–100%",
            &inline,
            "ltft_percent",
            "0.01",
            "100",
        ),
        (
            "10,000 points, default scenario (5 columns, net pay too): Saturday premium 0–99.99%",
            &default,
            "premium_rate:imposed-2016-02:sat-day",
            "0",
            "99.99",
        ),
        (
            "10,000 points, default scenario (5 columns, gross only): Saturday premium 0–99.99%",
            &gross_only,
            "premium_rate:imposed-2016-02:sat-day",
            "0",
            "99.99",
        ),
    ];
    for (name, scenario, spec, from, to) in cases {
        let quantity = Quantity::parse(spec).expect("quantity");
        let (from, to) = (from.parse().expect("from"), to.parse().expect("to"));
        let points = sweep(
            scenario,
            offer_compare::reference(),
            &quantity,
            from,
            to,
            10_000,
        )
        .expect("sweep");
        assert_eq!(points.points.len(), 10_000, "{name}");
        group.bench_function(name, |b| {
            b.iter(|| {
                sweep(
                    black_box(scenario),
                    offer_compare::reference(),
                    &quantity,
                    from,
                    to,
                    10_000,
                )
            })
        });
    }
    // Who gains: 1,000 rotas (the standard set — the scenario's 26-week rota
    // and the presets, with their variations — repeated) × 6 offers.
    let six = big_scenario(&COMPLIANT);
    let cases: Vec<_> = standard_cases(&six, offer_compare::reference())
        .into_iter()
        .cycle()
        .take(1_000)
        .collect();
    assert!(gains(&six, offer_compare::reference(), &cases)
        .expect("gains")
        .failed
        .is_empty());
    group.bench_function("gains: 1,000 rotas × 6 offers", |b| {
        b.iter(|| gains(black_box(&six), offer_compare::reference(), &cases))
    });
    group.finish();
}

criterion_group!(engine, benches, sweeps);
criterion_main!(engine);
