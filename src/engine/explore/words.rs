//! The sentences the page and the command line both print about an
//! exploration's results — a break-even, where a sweep's columns change order,
//! who gains — written once here, so the two always say the same thing (and
//! the end-to-end tests hold them to it). Columns are named by the caller:
//! both pass the offer's name ([`Scenario::column_name`]).
//!
//! [`Scenario::column_name`]: crate::engine::scenario::Scenario::column_name

use super::break_even::Outcome;
use super::gains::{share_text, Gains};
use super::quantity::Quantity;
use super::sweep::{Crossover, Sweep};
use crate::engine::explain::{format_figure, format_pounds, Unit};

impl Outcome {
    /// Where column `b` reaches column `a` (both named), as one sentence:
    /// "B jumps past A at 24.15: from -£0.05 to £0.05 a year against it (a
    /// step of £0.10)." A search that never reaches says by how much B falls
    /// short at its closest, as a positive amount ("£N a year short"), which
    /// reads more plainly than a negative difference.
    pub fn sentence(&self, quantity: &Quantity, a: &str, b: &str) -> String {
        let at = |x| quantity.format_value(x);
        match *self {
            Outcome::AtStart { x, difference } => format!(
                "{b} already pays at least as much as {a} at {} ({} a year more).",
                at(x),
                format_pounds(difference)
            ),
            Outcome::Equal { x } => format!(
                "{b} pays exactly what {a} pays at {}, and less below it.",
                at(x)
            ),
            Outcome::Jump { x, before, after } => format!(
                "{b} jumps past {a} at {}: from {} to {} a year against it (a step of {}).",
                at(x),
                format_pounds(before),
                format_pounds(after),
                format_pounds(after.checked_sub(before).unwrap_or_default())
            ),
            Outcome::Never {
                best_x,
                best_difference,
            } => format!(
                "{b} never pays as much as {a} in this range; closest at {}, {} a year short.",
                at(best_x),
                format_pounds(best_difference.abs())
            ),
        }
    }
}

impl Crossover {
    /// Two columns changing order, with `name` naming a column by position:
    /// "A and B are equal at X; above it B pays more." or "Between X and Y, B
    /// overtakes A."
    pub fn sentence(&self, quantity: &Quantity, name: &dyn Fn(usize) -> String) -> String {
        let behind = if self.ahead == self.a { self.b } else { self.a };
        match self.equal_at {
            Some(x) => format!(
                "{} and {} are equal at {}; above it {} pays more.",
                name(self.a),
                name(self.b),
                quantity.format_value(x),
                name(self.ahead)
            ),
            None => format!(
                "Between {} and {}, {} overtakes {}.",
                quantity.format_value(self.from),
                quantity.format_value(self.to),
                name(self.ahead),
                name(behind)
            ),
        }
    }
}

impl Sweep {
    /// Every crossover as a sentence, in order; one sentence saying so when
    /// no two columns change order.
    pub fn crossover_sentences(&self, name: &dyn Fn(usize) -> String) -> Vec<String> {
        if self.crossovers.is_empty() {
            return vec!["No two offers change order in this range.".to_string()];
        }
        self.crossovers
            .iter()
            .map(|c| c.sentence(&self.quantity, name))
            .collect()
    }
}

/// What the who-gains table shows: the change in gross pay of each column
/// against the baseline.
pub const GAINS_CAPTION: &str =
    "Change in gross pay per year against the baseline on the same rota and grade";

/// The case where a column's change is largest or smallest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extreme {
    /// Its label ("preset registrar-on-call@1, +1 weekend, ST6").
    pub label: String,
    /// Its position in [`Gains::cases`], to open it.
    pub case: usize,
}

/// One column's row of the who-gains table, as text: the cells the page and
/// the command line both show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GainsRow {
    /// The column's id.
    pub id: String,
    /// The largest change, £.
    pub best: String,
    /// The case where it is largest.
    pub best_case: Extreme,
    /// The weighted median change, £.
    pub median: String,
    /// The smallest change, £.
    pub worst: String,
    /// The case where it is smallest.
    pub worst_case: Extreme,
    /// Share of the weight better off (`33.3%`).
    pub better: String,
    /// Share of the weight worse off.
    pub worse: String,
    /// How many cases breach a limit of the column's offer.
    pub breaching: String,
    /// The pay bill's change from the baseline's, in per cent (`–` when the
    /// baseline's bill is zero).
    pub pay_bill: String,
}

impl Gains {
    /// How many cases were computed, against which baseline (named): "330
    /// cases (rota, variation and grade) computed against 2002 contract."
    pub fn summary_sentence(&self, baseline: &str) -> String {
        format!(
            "{} cases (rota, variation and grade) computed against {baseline}.",
            self.cases.len()
        )
    }

    /// What the pay bill column means, with the baseline's bill.
    pub fn pay_bill_sentence(&self) -> String {
        let bill = self
            .summary
            .get(self.baseline)
            .map(|c| format_pounds(c.pay_bill))
            .unwrap_or_default();
        format!("Pay bill: each case's gross pay × its weight (doctors), summed — {bill} for the baseline — and each offer's change from it: the \"cost-neutral\" question for this set. Employer's NI and pension contributions are not included.")
    }

    /// A case that could not be computed, and why: "preset x@1: …".
    pub fn failure_sentences(&self) -> Vec<String> {
        self.failed
            .iter()
            .map(|(label, why)| format!("{label}: {why}"))
            .collect()
    }

    /// Every column but the baseline, as a row of the table.
    pub fn rows(&self) -> Vec<GainsRow> {
        let extreme = |case: usize| Extreme {
            label: self
                .cases
                .get(case)
                .map_or_else(String::new, |(c, _)| c.label.clone()),
            case,
        };
        let summary = self.summary.iter().enumerate();
        summary
            .filter(|(k, _)| *k != self.baseline)
            .map(|(k, g)| GainsRow {
                id: self.columns.get(k).cloned().unwrap_or_default(),
                best: format_pounds(g.best.0),
                best_case: extreme(g.best.1),
                median: format_pounds(g.median),
                worst: format_pounds(g.worst.0),
                worst_case: extreme(g.worst.1),
                better: share_text(g.better),
                worse: share_text(g.worse),
                breaching: g.breaching.len().to_string(),
                pay_bill: self
                    .pay_bill_change(k)
                    .map_or("–".into(), |p| format_figure(p, Unit::Percent)),
            })
            .collect()
    }
}
