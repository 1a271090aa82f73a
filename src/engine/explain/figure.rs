//! A figure: one value on the page or in the command line's output, with the
//! explanation that produced it.

use crate::engine::explain::{Explanation, Unit};
use crate::engine::model::offer::Marker;
use rust_decimal::Decimal;
use serde::Serialize;

/// What kind of figure it is; decides where it is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FigureKind {
    /// An element of pay, summed into the gross.
    PayLine,
    /// A total or a derived pay figure.
    Total,
    /// A fact about the rota (hours).
    RotaFact,
    /// A difference from the baseline column.
    Difference,
    /// Take-home pay: deductions, net pay, what is kept of a pound.
    TakeHome,
}

/// One computed value.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    /// Stable id (`basic`, `premium:night`, `gross_annual`).
    pub id: String,
    /// Label for people.
    pub label: String,
    /// Where it belongs.
    pub kind: FigureKind,
    /// Unit of the value.
    pub unit: Unit,
    /// The value, rounded by its rule.
    #[serde(with = "rust_decimal::serde::str")]
    pub value: Decimal,
    /// How it was computed.
    pub explanation: Explanation,
    /// How sure the rule values behind it are, where they are data with
    /// markers (take-home pay); `None` for figures of the offer's own terms,
    /// whose markers are in the explanation's source.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marker: Option<Marker>,
}

/// Why a figure could not be computed (only reachable with values beyond the
/// validated bounds).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ComputeError {
    /// What was being computed.
    pub figure: String,
}

impl std::fmt::Display for ComputeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: could not be computed (overflow, division by zero or a missing reference)",
            self.figure
        )
    }
}

impl std::error::Error for ComputeError {}

impl Figure {
    /// Evaluates the explanation into a figure.
    pub fn new(
        id: impl Into<String>,
        label: impl Into<String>,
        kind: FigureKind,
        unit: Unit,
        explanation: Explanation,
    ) -> Result<Figure, ComputeError> {
        let id = id.into();
        let value = explanation
            .evaluate()
            .ok_or_else(|| ComputeError { figure: id.clone() })?;
        Ok(Figure {
            id,
            label: label.into(),
            kind,
            unit,
            value,
            explanation,
            marker: None,
        })
    }
}
