//! The scenario explorer: one quantity of a scenario varied over a range.
//!
//! - [`quantity`]: what is varied, and the scenario at a value of it;
//! - [`sweep`]: every column's gross annual pay at evenly spaced values, and
//!   where the columns' order changes;
//! - [`break_even`]: the least value at which one column pays at least as much
//!   as another, exactly;
//! - [`gains`]: every column over a set of rotas, against the baseline;
//! - [`choices`]: the quantities a scenario offers, labelled;
//! - [`words`]: the sentences the page and the command line both print.
//!
//! Only the columns a quantity can change are recomputed at each value
//! ([`Evaluator`]): a premium rate of one offer leaves the other offers' columns
//! as they are, so they are computed once.

pub mod break_even;
pub mod choices;
pub mod gains;
pub mod quantity;
pub mod rota_edit;
pub mod sweep;
pub mod words;

pub use break_even::{break_even, BreakEven, Outcome};
pub use choices::{quantity_choices, QuantityChoice};
pub use gains::{gains, standard_cases, Case, Gains};
pub use quantity::{apply, Quantity};
pub use sweep::{sweep, Crossover, Sweep, SweepPoint};
pub use words::{Extreme, GainsRow, GAINS_CAPTION};

use crate::engine::compare::{compare_with, ColumnResult};
use crate::engine::scenario::Scenario;
use crate::engine::take_home::Detail;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A problem at a value of the quantity.
pub(crate) fn at_value(quantity: &Quantity, x: Decimal, problem: &str) -> String {
    format!("{quantity} = {}: {problem}", quantity.format_value(x))
}

/// What the page's explorer was last asked: saved with the scenario, so a
/// file or link reproduces the sweep and break-even shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exploration {
    /// The quantity swept, written as its spec (`premium_rate:tcs-2016:night`):
    /// readable, and a string costs the bundle far less than a tagged enum.
    #[serde(with = "spec")]
    pub quantity: Quantity,
    /// The range's start, in the quantity's unit.
    #[serde(with = "rust_decimal::serde::str")]
    pub from: Decimal,
    /// The range's end.
    #[serde(with = "rust_decimal::serde::str")]
    pub to: Decimal,
    /// Steps of the sweep.
    pub steps: u32,
    /// The break-even's column A and B (ids), when one was asked for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pair: Option<(String, String)>,
}

/// [`Quantity`] as its spec in files and links.
mod spec {
    use super::Quantity;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(quantity: &Quantity, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(quantity)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Quantity, D::Error> {
        let text = String::deserialize(deserializer)?;
        Quantity::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// One column at one value: gross annual pay, and whether any limit is breached.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell {
    /// Gross annual pay, £.
    pub gross: Decimal,
    /// Net annual pay, £, when the scenario shows take-home pay (and a tax
    /// year is shipped for the column's pay date).
    pub net: Option<Decimal>,
    /// Whether the column breaches any of its limits there (flagged, not dropped).
    pub breach: bool,
}

impl Cell {
    fn of(column: &ColumnResult) -> Cell {
        Cell {
            gross: column.gross_annual(),
            net: column.figure("net:annual").map(|f| f.value),
            breach: column.rest.checks.iter().any(|c| !c.passed),
        }
    }
}

/// Computes a scenario's columns at values of a quantity, recomputing only
/// the columns the quantity affects, on one working copy of a scenario that
/// holds just those columns and what they refer to.
pub(crate) struct Evaluator<'a> {
    quantity: &'a Quantity,
    /// Every column at the scenario as written.
    fixed: Vec<Cell>,
    /// Positions of the affected columns in the scenario.
    affected: Vec<usize>,
    /// The affected columns' scenario as written, and the working copy.
    base: Scenario,
    work: Scenario,
}

impl<'a> Evaluator<'a> {
    /// Checks the scenario computes and the quantity changes some column.
    pub(crate) fn new(
        scenario: &Scenario,
        quantity: &'a Quantity,
    ) -> Result<Evaluator<'a>, String> {
        let fixed = compare_with(scenario, Detail::NetOnly)
            .map_err(|e| e.to_string())?
            .columns
            .iter()
            .map(Cell::of)
            .collect();
        let affected: Vec<usize> = (0..scenario.columns.len())
            .filter(|&i| quantity.affects(&scenario.columns[i]))
            .collect();
        if affected.is_empty() {
            return Err(format!(
                "{quantity}: no column of the scenario depends on it"
            ));
        }
        let columns: Vec<_> = affected
            .iter()
            .map(|&i| scenario.columns[i].clone())
            .collect();
        let used = |id: &str| {
            columns.iter().any(|c| {
                c.offer == id
                    || c.rota == id
                    || c.protection.as_ref().is_some_and(|p| p.offer == id)
            })
        };
        let base = Scenario {
            version: scenario.version,
            title: scenario.title.clone(),
            pay_date: scenario.pay_date,
            doctor: scenario.doctor.clone(),
            working_time_regulations: scenario.working_time_regulations,
            explore: None,
            take_home: scenario.take_home.clone(),
            rotas: scenario
                .rotas
                .iter()
                .filter(|r| used(&r.id))
                .cloned()
                .collect(),
            offers: scenario
                .offers
                .iter()
                .filter(|o| used(&o.id))
                .cloned()
                .collect(),
            // Differences from the baseline are not needed, only gross pay.
            baseline: None,
            columns,
        };
        Ok(Evaluator {
            quantity,
            fixed,
            affected,
            work: base.clone(),
            base,
        })
    }

    /// Whether column `i` of the scenario changes with the quantity.
    pub(crate) fn affects(&self, i: usize) -> bool {
        self.affected.contains(&i)
    }

    /// Every column at `x`.
    pub(crate) fn at(&mut self, x: Decimal) -> Result<Vec<Cell>, String> {
        let problem = |e: String| at_value(self.quantity, x, &e);
        quantity::set(&mut self.work, &self.base, self.quantity, x).map_err(problem)?;
        let result =
            compare_with(&self.work, Detail::NetOnly).map_err(|e| problem(e.to_string()))?;
        let mut cells = self.fixed.clone();
        for (&i, column) in self.affected.iter().zip(&result.columns) {
            cells[i] = Cell::of(column);
        }
        Ok(cells)
    }
}
