//! Break-even: the least value of a quantity at which column B pays at least
//! as much as column A, exact on the quantity's grid (to the penny, since pay
//! lines are rounded figures; to 0.01 percentage point for rates).

use super::evaluate::Evaluator;
use super::quantity::Quantity;
use crate::engine::model::scenario::Scenario;
use crate::engine::reference::Reference;
use rust_decimal::{Decimal, RoundingStrategy};

/// Most grid values a scan visits (bisection has no limit). A value costs
/// about 0.2 ms natively (a 1,000,000-value scan took about 220 s), more in
/// the browser: 10,001 values — every 0.01 of a 0–100 % rate — keep a scan to
/// a few seconds, and a range past that is refused with what to do instead.
pub const MAX_SCAN: u64 = 10_001;

/// Where B reaches A.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// B pays at least as much as A already at the start of the range.
    AtStart {
        /// The start of the range (on the grid).
        x: Decimal,
        /// B's gross minus A's there, £.
        difference: Decimal,
    },
    /// B pays exactly what A pays at `x`, and less just below it.
    Equal {
        /// The least value on the grid with B ≥ A.
        x: Decimal,
    },
    /// B jumps past A at `x`: the difference goes from `before` (below 0, at
    /// the grid value before `x`) to `after` (above 0) — a step of
    /// `after − before`, by a band edge or by the grid's own step.
    Jump {
        /// The least value on the grid with B ≥ A.
        x: Decimal,
        /// B − A at the grid value before, £.
        before: Decimal,
        /// B − A at `x`, £.
        after: Decimal,
    },
    /// B pays less than A at every value of the range.
    Never {
        /// The value at which B comes closest.
        best_x: Decimal,
        /// B − A there (below 0), £.
        best_difference: Decimal,
    },
}

/// How the range was searched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// B − A is monotone in the quantity (see [`Quantity::raises_pay`] — one
    /// of the two columns changes, and only upwards): bisection.
    Bisection,
    /// Every grid value from the start, until B ≥ A.
    Scan,
}

/// A break-even search and its answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BreakEven {
    /// The answer.
    pub outcome: Outcome,
    /// How it was found.
    pub method: Method,
    /// Values computed.
    pub evaluations: usize,
}

/// The grid values `lo + k × step` of `[from, to]`, and how many.
struct Grid {
    lo: Decimal,
    step: Decimal,
    count: u64,
}

impl Grid {
    fn x(&self, k: u64) -> Result<Decimal, String> {
        self.step
            .checked_mul(Decimal::from(k))
            .and_then(|v| v.checked_add(self.lo))
            .ok_or_else(|| "the range is too large".to_string())
    }
}

/// Searches `[from, to]` for the least value at which column `b` pays at least
/// as much as column `a` (gross annual pay). Bisects when B − A is monotone,
/// otherwise scans the grid from `from` up.
pub fn break_even(
    scenario: &Scenario,
    reference: &Reference,
    quantity: &Quantity,
    a: &str,
    b: &str,
    from: Decimal,
    to: Decimal,
) -> Result<BreakEven, String> {
    let position = |id: &str| {
        scenario
            .columns
            .iter()
            .position(|c| c.id == id)
            .ok_or_else(|| {
                let ids: Vec<&str> = scenario.columns.iter().map(|c| c.id.as_str()).collect();
                format!("no column '{id}' (columns: {})", ids.join(", "))
            })
    };
    let (ia, ib) = (position(a)?, position(b)?);
    let dp = quantity.decimals();
    let lo = from.round_dp_with_strategy(dp, RoundingStrategy::ToPositiveInfinity);
    let hi = to.round_dp_with_strategy(dp, RoundingStrategy::ToNegativeInfinity);
    let step = Decimal::new(1, dp);
    let count = hi
        .checked_sub(lo)
        .and_then(|span| span.checked_div(step))
        .and_then(|n| u64::try_from(n).ok())
        .and_then(|n| n.checked_add(1))
        .filter(|_| lo <= hi)
        .ok_or_else(|| format!("no value of {quantity} on its grid lies from {from} to {to}"))?;
    let grid = Grid { lo, step, count };
    let mut evaluator = Evaluator::new(scenario, reference, quantity)?;
    let (a_moves, b_moves) = (evaluator.affects(ia), evaluator.affects(ib));
    let mut evaluations = 0;
    let mut difference = |k: u64| -> Result<(Decimal, Decimal), String> {
        let x = grid.x(k)?;
        let cells = evaluator.at(x)?;
        evaluations += 1;
        let d = cells[ib]
            .gross
            .checked_sub(cells[ia].gross)
            .ok_or_else(|| "pay too large to compare".to_string())?;
        Ok((x, d))
    };
    let monotone = quantity.raises_pay() && !(a_moves && b_moves);
    let (outcome, method) = if monotone {
        (bisect(&grid, &mut difference, a_moves)?, Method::Bisection)
    } else {
        (scan(&grid, &mut difference)?, Method::Scan)
    };
    Ok(BreakEven {
        outcome,
        method,
        evaluations,
    })
}

type Difference<'a> = dyn FnMut(u64) -> Result<(Decimal, Decimal), String> + 'a;

/// The outcome at the first grid value `x` with B − A = `after` ≥ 0.
fn reached(k: u64, x: Decimal, before: Decimal, after: Decimal) -> Outcome {
    match (k, after.is_zero()) {
        (0, _) => Outcome::AtStart {
            x,
            difference: after,
        },
        (_, true) => Outcome::Equal { x },
        _ => Outcome::Jump { x, before, after },
    }
}

/// B − A is non-decreasing (only B moves, or neither) or non-increasing (only
/// A moves, `falling`): the first value with B ≥ A is found by bisection.
fn bisect(grid: &Grid, difference: &mut Difference, falling: bool) -> Result<Outcome, String> {
    let (x0, d0) = difference(0)?;
    if d0 >= Decimal::ZERO {
        return Ok(reached(0, x0, d0, d0));
    }
    let last = grid.count - 1;
    if falling || last == 0 {
        // Non-increasing: below zero at the start, below zero throughout.
        return Ok(Outcome::Never {
            best_x: x0,
            best_difference: d0,
        });
    }
    let (x1, d1) = difference(last)?;
    if d1 < Decimal::ZERO {
        return Ok(Outcome::Never {
            best_x: x1,
            best_difference: d1,
        });
    }
    // Invariant: below zero at `lo`, at least zero at `hi`.
    let (mut lo, mut hi) = ((0, d0), (last, (x1, d1)));
    while hi.0 - lo.0 > 1 {
        let mid = lo.0 + (hi.0 - lo.0) / 2;
        let (x, d) = difference(mid)?;
        if d >= Decimal::ZERO {
            hi = (mid, (x, d));
        } else {
            lo = (mid, d);
        }
    }
    let (k, (x, after)) = hi;
    Ok(reached(k, x, lo.1, after))
}

/// Every grid value from the start until B ≥ A.
fn scan(grid: &Grid, difference: &mut Difference) -> Result<Outcome, String> {
    if grid.count > MAX_SCAN {
        return Err(format!(
            "from {} to {} there are {} values to try at steps of {}; when both columns change with \
             the quantity every value is tried, and at most {MAX_SCAN} are: narrow the range",
            grid.lo,
            grid.x(grid.count - 1)?,
            grid.count,
            grid.step
        ));
    }
    let mut best: Option<(Decimal, Decimal)> = None;
    let mut before = Decimal::ZERO;
    for k in 0..grid.count {
        let (x, d) = difference(k)?;
        if d >= Decimal::ZERO {
            return Ok(reached(k, x, before, d));
        }
        if best.is_none_or(|(_, b)| d > b) {
            best = Some((x, d));
        }
        before = d;
    }
    let (best_x, best_difference) = best.unwrap_or_default();
    Ok(Outcome::Never {
        best_x,
        best_difference,
    })
}
