//! Engine benchmarks, natively at opt-level 3 (`make bench`). The target case
//! from the issues: 6 offers over a 26-week rota of about 130 shifts, < 100 µs.

use criterion::{criterion_group, criterion_main, Criterion};
use offer_compare::codec::json::scenario_from_json;
use offer_compare::engine::compare;
use offer_compare::engine::rota::Shift;
use offer_compare::engine::scenario::{Column, Scenario};
use offer_compare::engine::time::{ClockTime, Weekday};
use std::hint::black_box;

/// A 26-week rota cycling through day, long-day, night and weekend weeks:
/// 5 shifts a week, 130 in all.
fn big_scenario() -> Scenario {
    let mut s = scenario_from_json(offer_compare::DEFAULT_SCENARIO).expect("default scenario");
    let patterns: [(&[Weekday], &str, u32); 4] = [
        (&Weekday::ALL[..5], "09:00", 480),
        (&Weekday::ALL[..5], "08:00", 750),
        (&Weekday::ALL[..5], "20:30", 750),
        (&Weekday::ALL[2..], "08:00", 750),
    ];
    let rota = &mut s.rotas[0];
    rota.weeks = 26;
    rota.shifts = (1..=26u8)
        .flat_map(|week| {
            let (days, start, minutes) = patterns[usize::from(week) % patterns.len()];
            days.iter().map(move |&day| Shift {
                week,
                day,
                start: ClockTime::parse(start).expect("time"),
                minutes,
                kind: Default::default(),
                label: None,
                expected_work: vec![],
            })
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
        s.columns.push(Column {
            id: format!("c{i}"),
            offer: offer.id.clone(),
            rota: rota_id(&s),
            pay_date: None,
            readings: Default::default(),
        });
        s.offers.push(offer);
    }
    s.baseline = Some("c0".into());
    s
}

fn rota_id(s: &Scenario) -> String {
    s.rotas[0].id.clone()
}

fn benches(c: &mut Criterion) {
    let default = scenario_from_json(offer_compare::DEFAULT_SCENARIO).expect("default scenario");
    c.bench_function("compare: default scenario (2 offers, 4 weeks)", |b| {
        b.iter(|| compare(black_box(&default)))
    });
    let big = big_scenario();
    assert_eq!(big.rotas[0].shifts.len(), 130);
    assert!(compare(&big).is_ok());
    c.bench_function("compare: 6 offers × 26-week rota of 130 shifts", |b| {
        b.iter(|| compare(black_box(&big)))
    });
}

criterion_group!(engine, benches);
criterion_main!(engine);
