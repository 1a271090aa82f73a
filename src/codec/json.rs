//! The versioned JSON scenario format (`docs/scenario-format.md`) and the JSON
//! form of results.

use crate::engine::compare::Comparison;
use crate::engine::explain::render_text;
use crate::engine::scenario::{Scenario, FORMAT_VERSION};
use serde::Serialize;

/// Largest scenario text accepted, in bytes (a 52-week rota with many offers is
/// far smaller; anything bigger is a mistake or hostile).
pub const MAX_SCENARIO_BYTES: usize = 2 * 1024 * 1024;

/// Why a text is not a scenario: where in the JSON, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DecodeError {
    /// JSON path (`rotas[0].shifts[2].start`), or `.` for the whole text.
    pub path: String,
    /// The reason.
    pub message: String,
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Parses a scenario. Unknown fields and numbers where text is expected are
/// rejected; the format version is checked first so an old or future file
/// says so instead of failing on some field.
pub fn scenario_from_json(text: &str) -> Result<Scenario, DecodeError> {
    if text.len() > MAX_SCENARIO_BYTES {
        return Err(DecodeError {
            path: ".".into(),
            message: format!(
                "the file is larger than {} MB",
                MAX_SCENARIO_BYTES / (1024 * 1024)
            ),
        });
    }
    if let Ok(value) = serde_json::from_str::<serde_json::Value>(text) {
        match value.get("version") {
            Some(v) if v.as_u64() == Some(u64::from(FORMAT_VERSION)) => {}
            Some(v) => {
                return Err(DecodeError {
                    path: "version".into(),
                    message: format!(
                    "format version {v} is not supported (this app reads version {FORMAT_VERSION})"
                ),
                })
            }
            None if value.is_object() => {
                return Err(DecodeError {
                    path: "version".into(),
                    message: "missing: a scenario file starts with \"version\": 1".into(),
                })
            }
            None => {}
        }
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let scenario: Scenario = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        DecodeError {
            path: if path.is_empty() || path == "." {
                ".".into()
            } else {
                path
            },
            message: e.into_inner().to_string(),
        }
    })?;
    de.end().map_err(|e| DecodeError {
        path: ".".into(),
        message: format!("unexpected text after the scenario: {e}"),
    })?;
    Ok(scenario)
}

/// Writes a scenario as pretty JSON.
pub fn scenario_to_json(scenario: &Scenario) -> String {
    serde_json::to_string_pretty(scenario).unwrap_or_default()
}

/// One figure in the flat `figures` list of the JSON results.
#[derive(Debug, Serialize)]
struct FlatFigure<'a> {
    offer: &'a str,
    line: &'a str,
    label: &'a str,
    value: String,
    explanation: String,
}

#[derive(Serialize)]
struct ResultsJson<'a> {
    format: &'static str,
    app_version: &'static str,
    figures: Vec<FlatFigure<'a>>,
    comparison: &'a Comparison,
}

/// The results as JSON: a flat `figures` list of pay figures and rest metrics
/// (`offer` is the column id, `line` the figure id, `value` the unformatted
/// decimal — the same triple the page puts in `data-offer`, `data-line`,
/// `data-value`), then the full comparison with every explanation, limit
/// check and breach.
pub fn comparison_to_json(comparison: &Comparison) -> String {
    let figures = comparison
        .columns
        .iter()
        .flat_map(|c| {
            let pay = c.figures().map(move |f| FlatFigure {
                offer: &c.id,
                line: &f.id,
                label: &f.label,
                value: f.value.to_string(),
                explanation: render_text(&f.explanation, f.unit),
            });
            let rest = c.rest.metrics.iter().map(move |m| FlatFigure {
                offer: &c.id,
                line: &m.id,
                label: &m.label,
                value: m.value.to_string(),
                explanation: format!("{}: {}", m.label, m.definition),
            });
            pay.chain(rest)
        })
        .collect();
    let doc = ResultsJson {
        format: "offer-compare results",
        app_version: env!("CARGO_PKG_VERSION"),
        figures,
        comparison,
    };
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}
