//! A sweep: every column's gross annual pay at evenly spaced values of one
//! quantity, and where each pair of columns changes order.

use super::evaluate::{Cell, Evaluator};
use super::quantity::Quantity;
use crate::engine::model::scenario::Scenario;
use crate::engine::reference::Reference;
use rust_decimal::Decimal;
use std::cmp::Ordering;

/// Most points in one sweep (memory and time stay bounded whatever is asked).
pub const MAX_POINTS: u32 = crate::engine::model::exploration::MAX_STEPS;

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
    reference: &Reference,
    quantity: &Quantity,
    from: Decimal,
    to: Decimal,
    steps: u32,
) -> Result<Sweep, String> {
    let mut sweeper = Sweeper::new(scenario.clone(), quantity.clone(), from, to, steps)?;
    sweeper.advance(reference, usize::MAX)?;
    Ok(sweeper.finish())
}

/// A sweep computed a slice of values at a time, so that a page can draw a
/// progress bar and stay responsive between slices; the result is exactly
/// [`sweep`]'s.
#[derive(Debug, Clone)]
pub struct Sweeper {
    scenario: Scenario,
    quantity: Quantity,
    /// The values, on the grid, without repeats.
    values: Vec<Decimal>,
    points: Vec<SweepPoint>,
}

impl Sweeper {
    /// Checks the range and lays out its values; computes nothing yet.
    pub fn new(
        scenario: Scenario,
        quantity: Quantity,
        from: Decimal,
        to: Decimal,
        steps: u32,
    ) -> Result<Sweeper, String> {
        if !(1..=MAX_POINTS).contains(&steps) {
            return Err(format!("steps must be from 1 to {MAX_POINTS}, not {steps}"));
        }
        if from > to {
            return Err(format!("the range starts ({from}) after it ends ({to})"));
        }
        let span = to
            .checked_sub(from)
            .ok_or_else(|| format!("the range {from} to {to} is too large"))?;
        let gaps = Decimal::from(steps.saturating_sub(1).max(1));
        let mut values: Vec<Decimal> = Vec::with_capacity(steps as usize);
        for i in 0..steps {
            let x = span
                .checked_mul(Decimal::from(i))
                .and_then(|v| v.checked_div(gaps))
                .and_then(|v| v.checked_add(from))
                .map(|x| quantity.snap(x))
                .ok_or_else(|| format!("the range {from} to {to} is too large"))?;
            if values.last() != Some(&x) {
                values.push(x);
            }
        }
        Ok(Sweeper {
            scenario,
            quantity,
            values,
            points: Vec::new(),
        })
    }

    /// How many values the sweep has, and how many are computed.
    pub fn progress(&self) -> (usize, usize) {
        (self.points.len(), self.values.len())
    }

    /// Computes up to `count` more values, reading tax years and price
    /// indices from `reference`; true when every value is done.
    pub fn advance(&mut self, reference: &Reference, count: usize) -> Result<bool, String> {
        let done = self.points.len();
        let Some(next) = self.values.get(done..) else {
            return Ok(true);
        };
        if next.is_empty() {
            return Ok(true);
        }
        let mut evaluator = Evaluator::new(&self.scenario, reference, &self.quantity)?;
        for &x in next.iter().take(count) {
            let cells = evaluator.at(x)?;
            self.points.push(SweepPoint { x, cells });
        }
        Ok(self.points.len() == self.values.len())
    }

    /// The sweep, with its crossovers (of the values computed).
    pub fn finish(self) -> Sweep {
        let n = self.scenario.columns.len();
        let crossovers = (0..n)
            .flat_map(|a| (a + 1..n).map(move |b| (a, b)))
            .flat_map(|(a, b)| crossings(&self.points, a, b))
            .collect();
        Sweep {
            quantity: self.quantity,
            columns: self.scenario.columns.iter().map(|c| c.id.clone()).collect(),
            points: self.points,
            crossovers,
        }
    }
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
