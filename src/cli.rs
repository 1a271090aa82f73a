//! The command line: `offer-compare SCENARIO.json [--format table|json|csv]`.
//! It prints exactly the figures the page shows, so any published number can be
//! reproduced outside the browser.

use crate::codec::csv::results_to_csv;
use crate::codec::json::{comparison_to_json, scenario_from_json};
use crate::engine::compare::{compare, CompareError, Comparison};
use crate::engine::explain::format_figure;
use crate::engine::figure::Figure;
use std::process::ExitCode;

const USAGE: &str = "usage: offer-compare SCENARIO.json [--format table|json|csv]

Reads a scenario file (see docs/scenario-format.md) and prints every figure of
the comparison: a readable table by default, or JSON / CSV with every line and
its explanation.";

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Table,
    Json,
    Csv,
}

/// Entry point of the native binary.
pub fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(out) => {
            print!("{out}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

/// Runs the command line on `args`; the text to print, or the error message.
pub fn run(args: &[String]) -> Result<String, String> {
    let mut path = None;
    let mut format = Format::Table;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "-h" | "--help" => return Ok(format!("{USAGE}\n")),
            "--format" => {
                format = match iter.next().map(String::as_str) {
                    Some("table") => Format::Table,
                    Some("json") => Format::Json,
                    Some("csv") => Format::Csv,
                    other => return Err(format!("unknown format {other:?}\n{USAGE}")),
                }
            }
            flag if flag.starts_with('-') => {
                return Err(format!("unknown option '{flag}'\n{USAGE}"))
            }
            file if path.is_none() => path = Some(file.to_string()),
            extra => return Err(format!("unexpected argument '{extra}'\n{USAGE}")),
        }
    }
    let path = path.ok_or_else(|| USAGE.to_string())?;
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: cannot read: {e}"))?;
    let scenario = scenario_from_json(&text).map_err(|e| format!("{path}: {e}"))?;
    let comparison = compare(&scenario).map_err(|e| match e {
        CompareError::Invalid(issues) => issues
            .iter()
            .map(|i| format!("{path}: {i}"))
            .collect::<Vec<_>>()
            .join("\n"),
        CompareError::Compute(e) => format!("{path}: {e}"),
    })?;
    Ok(match format {
        Format::Table => table(&comparison),
        Format::Json => comparison_to_json(&comparison) + "\n",
        Format::Csv => results_to_csv(&scenario, &comparison),
    })
}

fn show(figure: &Figure) -> String {
    format_figure(figure.value, figure.unit)
}

/// Rows are pay figures then rest metrics (in first-seen order), columns are
/// the comparison's columns; then limit checks and notes.
fn table(comparison: &Comparison) -> String {
    let rows: Vec<(&str, &str)> = comparison
        .figure_rows()
        .into_iter()
        .chain(comparison.metric_rows())
        .collect();
    let header: Vec<String> = comparison
        .columns
        .iter()
        .map(|c| format!("{} ({})", c.offer_name, c.pay.pay_year))
        .collect();
    let mut grid = vec![std::iter::once(String::new())
        .chain(header)
        .collect::<Vec<_>>()];
    for (id, label) in &rows {
        let cells = comparison.columns.iter().map(|c| {
            c.figure_in_row(id, label)
                .map(show)
                .or_else(|| c.metric(id).map(|m| format_figure(m.value, m.unit)))
                .unwrap_or_else(|| "–".into())
        });
        grid.push(std::iter::once(label.to_string()).chain(cells).collect());
    }
    let widths: Vec<usize> = (0..grid[0].len())
        .map(|i| grid.iter().map(|r| r[i].chars().count()).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for row in &grid {
        for (i, cell) in row.iter().enumerate() {
            let pad = widths[i] - cell.chars().count();
            if i == 0 {
                out.push_str(&format!("{cell}{}", " ".repeat(pad)));
            } else {
                out.push_str(&format!("  {}{cell}", " ".repeat(pad)));
            }
        }
        out.push('\n');
    }
    out.push_str(&limits(comparison));
    if let Some(base) = &comparison.baseline {
        out.push_str(&format!("\nDifferences are against column '{base}'.\n"));
    }
    for column in &comparison.columns {
        let remarks = column.pay.notes.iter().chain(&column.pay.warnings);
        for (i, remark) in remarks.enumerate() {
            if i == 0 {
                out.push_str(&format!("\n{} ({}):\n", column.offer_name, column.id));
            }
            out.push_str(&format!("  - {remark}\n"));
        }
    }
    out
}

/// Each column's limit checks: pass or breach, and where.
fn limits(comparison: &Comparison) -> String {
    let mut out = String::new();
    for column in &comparison.columns {
        if column.rest.checks.is_empty() {
            continue;
        }
        out.push_str(&format!(
            "\nLimits, {} ({}):\n",
            column.offer_name, column.id
        ));
        for check in &column.rest.checks {
            let verdict = if check.passed { "ok    " } else { "BREACH" };
            out.push_str(&format!("  {verdict} {} [{}]\n", check.text, check.allowed));
            for breach in &check.breaches {
                out.push_str(&format!(
                    "         {} at {}\n",
                    breach.measured, breach.location.at
                ));
            }
        }
    }
    out
}
