//! The one CSV writer, used by the command line and the page's export.

use super::json::{origins, stamp};
use crate::engine::compare::Comparison;
use crate::engine::explain::render_text;
use crate::engine::explore::{Gains, Sweep};
use crate::engine::history::{pay_year, History, Reading};
use crate::engine::scenario::Scenario;

/// Quotes a field when it needs it (RFC 4180), and defuses spreadsheet
/// formulas: text from a file is data, never something a spreadsheet runs.
fn field(text: &str) -> String {
    // A leading tab or carriage return is skipped by some spreadsheets before
    // they look for a formula, so it is defused too.
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r'])
        && text.parse::<rust_decimal::Decimal>().is_err()
    {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// The results of `scenario` as CSV: a header of `#` rows saying what produced
/// them — the scenario's title and pay date, the app and format versions, and
/// each offer and rota with its preset version (or "custom") and sources —
/// then [`comparison_to_csv`]. The header lets a figure quoted from the file be
/// traced and reproduced.
pub fn results_to_csv(scenario: &Scenario, comparison: &Comparison) -> String {
    let stamp = stamp();
    let mut out = String::new();
    let mut row = |cells: &[&str]| push_row(&mut out, cells);
    row(&["# Offer Compare results", &scenario.title]);
    row(&["# pay date", &scenario.pay_date.to_string()]);
    row(&[
        "# made with",
        stamp["app"].as_str().unwrap_or_default(),
        &format!("scenario format {}", stamp["format"]),
    ]);
    let mut origins = origins(scenario).into_iter();
    for offer in &scenario.offers {
        let sources: Vec<&str> = offer.sources.iter().map(|s| s.title.as_str()).collect();
        let origin = origins.next().unwrap_or_default();
        row(&["# offer", &offer.name, &origin, &sources.join("; ")]);
    }
    for rota in &scenario.rotas {
        row(&["# rota", &rota.name, &origins.next().unwrap_or_default()]);
    }
    if let Some(settings) = &scenario.take_home {
        row(&["# take-home", &settings.describe()]);
        for column in &comparison.columns {
            let year = column
                .take_home
                .as_ref()
                .and_then(|t| t.tax_year.as_deref());
            row(&["# tax year", &column.id, year.unwrap_or("none shipped")]);
        }
    }
    out + &comparison_to_csv(comparison)
}

/// A sweep as CSV: `#` rows naming the app and the quantity, then one row per
/// value: `x`, and each column's gross annual pay, its net annual pay when the
/// scenario shows take-home pay (empty where no tax year is shipped), and
/// whether it breaches a limit (`yes` / `no`).
pub fn sweep_to_csv(sweep: &Sweep) -> String {
    let stamp = stamp();
    let mut out = String::new();
    let quantity = sweep.quantity.to_string();
    push_row(&mut out, &["# Offer Compare sweep", &quantity]);
    let app = stamp["app"].as_str().unwrap_or_default();
    push_row(&mut out, &["# made with", app]);
    let with_net = sweep
        .points
        .iter()
        .any(|p| p.cells.iter().any(|c| c.net.is_some()));
    let mut header = vec!["x".to_string()];
    for id in &sweep.columns {
        header.push(format!("{id} gross_annual"));
        if with_net {
            header.push(format!("{id} net_annual"));
        }
        header.push(format!("{id} breach"));
    }
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    push_row(&mut out, &header);
    for point in &sweep.points {
        let mut row = vec![sweep.quantity.format_value(point.x)];
        for cell in &point.cells {
            row.push(cell.gross.to_string());
            if with_net {
                row.push(cell.net.map(|n| n.to_string()).unwrap_or_default());
            }
            row.push(if cell.breach { "yes" } else { "no" }.to_string());
        }
        let row: Vec<&str> = row.iter().map(String::as_str).collect();
        push_row(&mut out, &row);
    }
    out
}

/// Who gains and who loses as CSV: one row per rota and column — the rota,
/// its weight, the column, its gross annual pay, the change against the
/// baseline on that rota, and whether it breaches a limit.
pub fn gains_to_csv(gains: &Gains) -> String {
    let mut out = String::new();
    let app = stamp();
    push_row(
        &mut out,
        &[
            "# Offer Compare gains",
            app["app"].as_str().unwrap_or_default(),
        ],
    );
    push_row(
        &mut out,
        &[
            "rota",
            "weight",
            "column",
            "gross_annual",
            "change",
            "breach",
        ],
    );
    for (case, cells) in &gains.cases {
        for (k, (id, cell)) in gains.columns.iter().zip(cells).enumerate() {
            let change = gains
                .change(cells, k)
                .map(|d| d.to_string())
                .unwrap_or_default();
            let row = [
                case.label.clone(),
                case.weight.to_string(),
                id.clone(),
                cell.gross.to_string(),
                change,
                if cell.breach { "yes" } else { "no" }.to_string(),
            ];
            let row: Vec<&str> = row.iter().map(String::as_str).collect();
            push_row(&mut out, &row);
        }
    }
    out
}

/// A pay history as CSV: `#` rows naming the app, the command that prints the
/// same figures, the answer and its two figures; then one row per pay year —
/// the year, the scale and point paid, basic pay in cash and in pounds of the
/// end year (empty where unknown).
pub fn history_to_csv(command: &str, reading: &Reading, history: &History) -> String {
    let mut out = String::new();
    let app = stamp();
    let mut row = |cells: &[&str]| push_row(&mut out, cells);
    row(&[
        "# Offer Compare pay history",
        app["app"].as_str().unwrap_or_default(),
    ]);
    row(&["# same as", command]);
    row(&["# answer", &history.sentence(reading)]);
    for f in [&history.change, &history.restoration] {
        row(&[&format!("# {}", f.label), &f.value.to_string()]);
    }
    let real = format!("in_{}_pounds", reading.prices.year);
    row(&["pay_year", "scale", "point", "basic_pay", &real]);
    for y in &history.years {
        let (scale, point) = y.scale.clone().unwrap_or_default();
        let cash = y
            .cash
            .as_ref()
            .map(|f| f.value.to_string())
            .unwrap_or_default();
        let real = y
            .real
            .as_ref()
            .map(|f| f.value.to_string())
            .unwrap_or_default();
        row(&[&pay_year(y.year), &scale, &point, &cash, &real]);
    }
    out
}

/// Appends one CSV row, each field quoted as it needs.
fn push_row(out: &mut String, cells: &[&str]) {
    let cells: Vec<String> = cells.iter().map(|c| field(c)).collect();
    out.push_str(&cells.join(","));
    out.push_str("\r\n");
}

/// Every figure, rest metric and limit check of every column, one per row,
/// with its explanation. A limit's value is its number of breaches.
pub fn comparison_to_csv(comparison: &Comparison) -> String {
    let mut out =
        String::from("column,offer,offer_version,pay_date,line,label,value,explanation\r\n");
    for column in &comparison.columns {
        let mut row = |line: &str, label: &str, value: String, explanation: String| {
            let cells = [
                field(&column.id),
                field(&column.offer_id),
                column.offer_version.to_string(),
                column.pay_date.to_string(),
                field(line),
                field(label),
                value,
                field(&explanation),
            ];
            out.push_str(&cells.join(","));
            out.push_str("\r\n");
        };
        for f in column.figures() {
            row(
                &f.id,
                &f.label,
                f.value.to_string(),
                render_text(&f.explanation, f.unit),
            );
        }
        for m in column.rest.metrics.iter() {
            row(&m.id, &m.label, m.value.to_string(), m.definition.clone());
        }
        for check in &column.rest.checks {
            let mut text = format!(
                "{}; allowed: {}; source: {}",
                if check.passed { "kept" } else { "BREACHED" },
                check.allowed,
                check.source
            );
            for b in &check.breaches {
                text.push_str(&format!("; {} at {}", b.measured, b.location.at));
            }
            row(
                &format!("limit:{}", check.id),
                &check.text,
                check.breaches.len().to_string(),
                text,
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::field;

    #[test]
    fn fields_are_quoted_and_formulas_defused() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("=HYPERLINK(1)"), "'=HYPERLINK(1)");
        assert_eq!(field("-12.5"), "-12.5");
        assert_eq!(field("\t=1+1"), "'\t=1+1");
        assert_eq!(field("\r=1+1"), "\"'\r=1+1\"");
        assert_eq!(field("+44 20"), "'+44 20");
    }
}
