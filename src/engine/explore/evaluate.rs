//! Computes a scenario's columns at values of a quantity, recomputing only
//! the columns the quantity affects.

use super::quantity::{self, at_value, Quantity};
use crate::engine::compare::{compare_with, ColumnResult};
use crate::engine::model::scenario::Scenario;
use crate::engine::net::take_home::Detail;
use crate::engine::reference::Reference;
use rust_decimal::Decimal;

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
    pub(super) fn of(column: &ColumnResult) -> Cell {
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
    reference: &'a Reference,
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
        reference: &'a Reference,
        quantity: &'a Quantity,
    ) -> Result<Evaluator<'a>, String> {
        let fixed = compare_with(scenario, reference, Detail::NetOnly)
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
            reference,
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
        let result = compare_with(&self.work, self.reference, Detail::NetOnly)
            .map_err(|e| problem(e.to_string()))?;
        let mut cells = self.fixed.clone();
        for (&i, column) in self.affected.iter().zip(&result.columns) {
            cells[i] = Cell::of(column);
        }
        Ok(cells)
    }
}
