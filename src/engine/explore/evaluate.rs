//! Computes a scenario's columns at values of a quantity, recomputing only
//! the columns the quantity affects.

use super::quantity::{self, at_value, Quantity};
use crate::engine::compare::{compare_with, ColumnResult, CompareError};
use crate::engine::model::scenario::{Issue, Scenario};
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
    /// Positions in the scenario of the working copy's rotas and offers, so
    /// a problem is reported where the person's file has it.
    rotas_at: Vec<usize>,
    offers_at: Vec<usize>,
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
        let rotas_at: Vec<usize> = (0..scenario.rotas.len())
            .filter(|&i| used(&scenario.rotas[i].id))
            .collect();
        let offers_at: Vec<usize> = (0..scenario.offers.len())
            .filter(|&i| used(&scenario.offers[i].id))
            .collect();
        let base = Scenario {
            version: scenario.version,
            title: scenario.title.clone(),
            pay_date: scenario.pay_date,
            doctor: scenario.doctor.clone(),
            working_time_regulations: scenario.working_time_regulations,
            explore: None,
            take_home: scenario.take_home.clone(),
            rotas: rotas_at
                .iter()
                .map(|&i| scenario.rotas[i].clone())
                .collect(),
            offers: offers_at
                .iter()
                .map(|&i| scenario.offers[i].clone())
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
            rotas_at,
            offers_at,
            work: base.clone(),
            base,
        })
    }

    /// Renumbers an issue found in the working copy (`offers[0].terms…`) to
    /// the scenario as written (`offers[3].terms…`).
    fn locate(&self, issue: &mut Issue) {
        let lists = [
            ("rotas[", &self.rotas_at),
            ("offers[", &self.offers_at),
            ("columns[", &self.affected),
        ];
        for (list, at) in lists {
            let Some((n, tail)) = issue
                .path
                .strip_prefix(list)
                .and_then(|r| r.split_once(']'))
            else {
                continue;
            };
            if let Some(i) = n.parse::<usize>().ok().and_then(|k| at.get(k)) {
                issue.path = format!("{list}{i}]{tail}");
            }
            return;
        }
    }

    /// Whether column `i` of the scenario changes with the quantity.
    pub(crate) fn affects(&self, i: usize) -> bool {
        self.affected.contains(&i)
    }

    /// Every column at `x`.
    pub(crate) fn at(&mut self, x: Decimal) -> Result<Vec<Cell>, String> {
        let problem = |e: String| at_value(self.quantity, x, &e);
        quantity::set(&mut self.work, &self.base, self.quantity, x).map_err(problem)?;
        let result = match compare_with(&self.work, self.reference, Detail::NetOnly) {
            Ok(result) => result,
            Err(CompareError::Invalid(mut issues)) => {
                issues.iter_mut().for_each(|i| self.locate(i));
                return Err(problem(CompareError::Invalid(issues).to_string()));
            }
            Err(e) => return Err(problem(e.to_string())),
        };
        let mut cells = self.fixed.clone();
        for (&i, column) in self.affected.iter().zip(&result.columns) {
            cells[i] = Cell::of(column);
        }
        Ok(cells)
    }
}
