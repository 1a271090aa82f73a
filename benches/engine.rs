//! Engine benchmark: the default scenario's comparison, natively at opt-level 3.

use criterion::{criterion_group, criterion_main, Criterion};
use offer_compare::codec::json::scenario_from_json;
use offer_compare::engine::compare;
use std::hint::black_box;

fn default_scenario(c: &mut Criterion) {
    let scenario =
        scenario_from_json(offer_compare::DEFAULT_SCENARIO).expect("default scenario parses");
    c.bench_function("compare default scenario", |b| {
        b.iter(|| compare(black_box(&scenario)))
    });
}

criterion_group!(benches, default_scenario);
criterion_main!(benches);
