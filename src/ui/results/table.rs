//! The side-by-side results table. Every cell carries `data-offer` (column id),
//! `data-line` (figure id) and `data-value` (the unformatted decimal), so tests
//! read values, not formatted text. Each value is a button that opens its
//! explanation — rule, arithmetic, source — below the table.

use crate::engine::compare::Comparison;
use crate::engine::explain::{format_figure, render_text, Unit};
use crate::engine::figure::FigureKind;
use crate::engine::offer::Marker;
use rust_decimal::Decimal;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`ResultsTable`].
#[derive(Properties, PartialEq)]
pub struct ResultsTableProps {
    /// The comparison to show.
    pub comparison: Rc<Comparison>,
}

/// One row per figure, one column per offer.
#[component]
pub fn ResultsTable(props: &ResultsTableProps) -> Html {
    let comparison = &props.comparison;
    let rows = comparison.figure_rows();
    let rest_rows = comparison.metric_rows();
    let baseline = comparison.baseline.as_deref();
    let selected = use_state(|| None::<(String, String)>);
    let select = {
        let selected = selected.clone();
        Callback::from(move |key: (String, String)| {
            let same = selected.as_ref() == Some(&key);
            selected.set(if same { None } else { Some(key) });
        })
    };
    let is_open = |column: &str, line: &str| {
        selected
            .as_ref()
            .is_some_and(|(c, l)| c == column && l == line)
    };
    // Gains and losses are told apart in words, not by colour or sign alone.
    let direction = |value: Decimal| match value.cmp(&Decimal::ZERO) {
        std::cmp::Ordering::Less => "lower",
        std::cmp::Ordering::Greater => "higher",
        std::cmp::Ordering::Equal => "same",
    };
    let cell = |column: &str,
                line: &str,
                value: Decimal,
                unit: Unit,
                difference: bool,
                marker: Option<Marker>| {
        let key = (column.to_string(), line.to_string());
        let onclick = select.reform(move |_: MouseEvent| key.clone());
        html! {
            <td data-offer={column.to_string()} data-line={line.to_string()} data-value={value.to_string()}>
                <button type="button" class="figure" aria-expanded={is_open(column, line).to_string()}
                    aria-controls="why" {onclick}>
                    { format_figure(value, unit) }
                </button>
                if let Some(m) = marker.filter(|m| *m != Marker::Verified) {
                    { " " }<abbr class="marker" title={marker_meaning(m)}>{ m.tag() }</abbr>
                }
                if difference {
                    <span class={classes!("direction", direction(value))}>{ direction(value) }</span>
                }
            </td>
        }
    };
    let figure_row = |id: &str, label: &str| {
        html! {
            <tr>
                <th scope="row">
                    { label }
                    if let Some(term) = glossary_term(id) {
                        { " " }<a class="term" href={format!("#term-{term}")}
                            aria-label={format!("What is {}?", label.to_ascii_lowercase())}>{ "?" }</a>
                    }
                </th>
                { for comparison.columns.iter().map(|c| match c.figure_in_row(id, label) {
                    Some(f) => cell(&c.id, &f.id, f.value, f.unit, f.kind == FigureKind::Difference || f.id == "net:diff_annual", f.marker),
                    None => empty_cell(),
                }) }
            </tr>
        }
    };
    // Take-home rows (ids `net:…`) form a group of their own.
    let (take_home_rows, pay_rows): (Vec<_>, Vec<_>) =
        rows.iter().partition(|(id, _)| id.starts_with("net:"));
    html! {
        <>
        <div class="table-scroll" tabindex="0" role="region" aria-label="Results table">
            <table class="results">
                <caption>{ "Pay per year for each offer, on the same rota" }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Figure" }</th>
                        { for comparison.columns.iter().map(|c| html! {
                            <th scope="col">
                                { &c.offer_name }
                                <span class="pay-year">{ format!("{} scale, paid {}", c.pay.pay_year, c.pay_date) }</span>
                                if baseline == Some(c.id.as_str()) {
                                    <span class="baseline-tag">{ "baseline" }</span>
                                }
                            </th>
                        }) }
                    </tr>
                </thead>
                <tbody>
                    { for pay_rows.iter().map(|(id, label)| figure_row(id, label)) }
                </tbody>
                if !take_home_rows.is_empty() {
                    <tbody class="take-home">
                        <tr><th scope="rowgroup" colspan={(comparison.columns.len() + 1).to_string()}>
                            { take_home_heading(comparison) }
                        </th></tr>
                        { for take_home_rows.iter().map(|(id, label)| figure_row(id, label)) }
                    </tbody>
                }
                <tbody class="rest">
                    <tr><th scope="rowgroup" colspan={(comparison.columns.len() + 1).to_string()}>{ "Rest" }</th></tr>
                    { for rest_rows.iter().map(|(id, label)| html! {
                        <tr>
                            <th scope="row">{ *label }</th>
                            { for comparison.columns.iter().map(|c| match c.metric(id) {
                                Some(m) => cell(&c.id, &m.id, m.value, m.unit, false, None),
                                None => empty_cell(),
                            }) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
        <div id="why" class="why" aria-live="polite">
            { match selected.as_ref() {
                Some((column, line)) => why(comparison, column, line),
                None => html! { <p class="muted">{ "Choose any figure to see how it was worked out, and its source." }</p> },
            } }
        </div>
        </>
    }
}

/// The explanation of one figure or rest metric, line by line. A figure's
/// calculation and rounding also travel as data (`data-calculation`,
/// `data-rounding`), so a test can recompute them independently.
pub(super) fn why(comparison: &Comparison, column: &str, line: &str) -> Html {
    let Some(c) = comparison.columns.iter().find(|c| c.id == column) else {
        return html! {};
    };
    let (text, calculation, rounding) = match (c.figure(line), c.metric(line)) {
        (Some(f), _) => (
            render_text(&f.explanation, f.unit),
            serde_json::to_string(&f.explanation.calculation).ok(),
            serde_json::to_string(&f.explanation.rounding).ok(),
        ),
        (None, Some(m)) => (
            format!("{}\n  How it is measured: {}", m.label, m.definition),
            None,
            None,
        ),
        (None, None) => return html! {},
    };
    let mut lines = text.lines();
    html! {
        <section aria-label="Explanation" data-offer={column.to_string()} data-line={line.to_string()}
            data-calculation={calculation} data-rounding={rounding}>
            <h2>{ format!("Why: {} — {}", c.offer_name, lines.next().unwrap_or_default()) }</h2>
            <ul>{ for lines.map(|l| html! { <li>{ l.trim() }</li> }) }</ul>
        </section>
    }
}

/// The take-home group's heading: the tax years used.
fn take_home_heading(comparison: &Comparison) -> String {
    let mut years: Vec<&str> = Vec::new();
    for t in comparison
        .columns
        .iter()
        .filter_map(|c| c.take_home.as_ref())
    {
        if let Some(y) = t.tax_year.as_deref() {
            if !years.contains(&y) {
                years.push(y);
            }
        }
    }
    match years.len() {
        0 => "Take-home pay".into(),
        1 => format!("Take-home pay (tax year {})", years[0]),
        _ => format!("Take-home pay (tax years {})", years.join(", ")),
    }
}

/// What a marker says, for the tooltip and screen readers.
fn marker_meaning(marker: Marker) -> &'static str {
    match marker {
        Marker::Verified => "verified in the primary source",
        Marker::Secondary => "from a secondary source, not verified in the primary one",
        Marker::Derived => "derived from sourced values",
        Marker::Assumed => "assumed or unverified: check before quoting",
    }
}

/// The glossary entry a row's label needs, if any.
fn glossary_term(line: &str) -> Option<&'static str> {
    match line {
        "basic" => Some("nodal-point"),
        "banding" => Some("banding"),
        "allowance:weekend" => Some("one-in-n"),
        l if l.starts_with("allowance:on-call") => Some("non-resident-on-call"),
        "average_weekly_hours" => Some("rota-cycle"),
        _ => None,
    }
}

fn empty_cell() -> Html {
    html! { <td><span aria-label="not applicable">{ "–" }</span></td> }
}
