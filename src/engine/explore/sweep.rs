//! A sweep: every column's gross annual pay at evenly spaced values of one
//! quantity, and where each pair of columns changes order.

use super::{Cell, Evaluator, Quantity};
use crate::engine::scenario::Scenario;
use rust_decimal::Decimal;
use std::cmp::Ordering;

/// Most points in one sweep (memory and time stay bounded whatever is asked).
pub const MAX_POINTS: u32 = 100_000;

/// The columns at one value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SweepPoint {
    /// The value of the quantity.
    pub x: Decimal,
    /// One cell per column of the scenario, in column order.
    pub cells: Vec<Cell>,
}

/// Where two columns change order: `ahead` pays less than the other at `from`
/// and more at `to`, the neighbouring points of the sweep; `equal_at` is the
/// first point between them where the two pay exactly the same, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Crossover {
    /// The earlier column of the pair (position in the scenario).
    pub a: usize,
    /// The later column of the pair.
    pub b: usize,
    /// The last value at which the old order held (strictly).
    pub from: Decimal,
    /// The first value at which the new order holds (strictly).
    pub to: Decimal,
    /// The first value in between at which they are equal.
    pub equal_at: Option<Decimal>,
    /// The column that pays more from `to` on (`a` or `b`).
    pub ahead: usize,
}

/// The result of a sweep.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sweep {
    /// What was varied.
    pub quantity: Quantity,
    /// The column ids, in order.
    pub columns: Vec<String>,
    /// The points, by increasing value.
    pub points: Vec<SweepPoint>,
    /// Every change of order between every pair of columns, pair by pair.
    pub crossovers: Vec<Crossover>,
}

/// Sweeps `quantity` from `from` to `to` over `steps` evenly spaced values
/// (both ends included), each rounded to the quantity's grid
/// ([`Quantity::decimals`]: whole weekends, minutes…, hundredths of a
/// percentage point or an hour); a value the rounding repeats is computed once.
/// Any value at which the scenario is invalid is an error naming the value.
pub fn sweep(
    scenario: &Scenario,
    quantity: &Quantity,
    from: Decimal,
    to: Decimal,
    steps: u32,
) -> Result<Sweep, String> {
    if !(1..=MAX_POINTS).contains(&steps) {
        return Err(format!("steps must be from 1 to {MAX_POINTS}, not {steps}"));
    }
    if from > to {
        return Err(format!("the range starts ({from}) after it ends ({to})"));
    }
    let mut evaluator = Evaluator::new(scenario, quantity)?;
    let span = to
        .checked_sub(from)
        .ok_or_else(|| format!("the range {from} to {to} is too large"))?;
    let gaps = Decimal::from(steps.saturating_sub(1).max(1));
    let mut points: Vec<SweepPoint> = Vec::with_capacity(steps as usize);
    for i in 0..steps {
        let x = span
            .checked_mul(Decimal::from(i))
            .and_then(|v| v.checked_div(gaps))
            .and_then(|v| v.checked_add(from))
            .map(|x| quantity.snap(x))
            .ok_or_else(|| format!("the range {from} to {to} is too large"))?;
        if points.last().is_some_and(|p| p.x == x) {
            continue;
        }
        let cells = evaluator.at(x)?;
        points.push(SweepPoint { x, cells });
    }
    let n = scenario.columns.len();
    let crossovers = (0..n)
        .flat_map(|a| (a + 1..n).map(move |b| (a, b)))
        .flat_map(|(a, b)| crossings(&points, a, b))
        .collect();
    Ok(Sweep {
        quantity: quantity.clone(),
        columns: scenario.columns.iter().map(|c| c.id.clone()).collect(),
        points,
        crossovers,
    })
}

/// The changes of order between columns `a` and `b` along the points.
fn crossings(points: &[SweepPoint], a: usize, b: usize) -> Vec<Crossover> {
    let mut out = Vec::new();
    let mut last: Option<(Ordering, Decimal)> = None;
    let mut equal_at = None;
    for p in points {
        let order = p.cells[b].gross.cmp(&p.cells[a].gross);
        if order == Ordering::Equal {
            equal_at = equal_at.or(Some(p.x));
            continue;
        }
        if let Some((before, from)) = last.filter(|(before, _)| *before != order) {
            out.push(Crossover {
                a,
                b,
                from,
                to: p.x,
                equal_at,
                ahead: if before == Ordering::Less { b } else { a },
            });
        }
        last = Some((order, p.x));
        equal_at = None;
    }
    out
}
