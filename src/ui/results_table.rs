//! The side-by-side results table. Every cell carries `data-offer` (column id),
//! `data-line` (figure id) and `data-value` (the unformatted decimal), so tests
//! read values, not formatted text.

use crate::engine::compare::Comparison;
use crate::engine::explain::{format_figure, render_text};
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
    let mut rows: Vec<(&str, &str)> = Vec::new();
    let mut rest_rows: Vec<(&str, &str)> = Vec::new();
    for column in &comparison.columns {
        for f in column.figures() {
            if !rows.iter().any(|(id, _)| *id == f.id) {
                rows.push((&f.id, &f.label));
            }
        }
        for m in column.rest.metrics.iter() {
            if !rest_rows.iter().any(|(id, _)| *id == m.id) {
                rest_rows.push((&m.id, &m.label));
            }
        }
    }
    let baseline = comparison.baseline.as_deref();
    html! {
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
                    { for rows.iter().map(|(id, label)| html! {
                        <tr>
                            <th scope="row">{ *label }</th>
                            { for comparison.columns.iter().map(|c| match c.figure(id) {
                                Some(f) => html! {
                                    <td data-offer={c.id.clone()} data-line={f.id.clone()}
                                        data-value={f.value.to_string()}
                                        title={render_text(&f.explanation, f.unit)}>
                                        { format_figure(f.value, f.unit) }
                                    </td>
                                },
                                None => html! { <td><span aria-label="not applicable">{ "–" }</span></td> },
                            }) }
                        </tr>
                    }) }
                </tbody>
                <tbody class="rest">
                    <tr><th scope="rowgroup" colspan={(comparison.columns.len() + 1).to_string()}>{ "Rest" }</th></tr>
                    { for rest_rows.iter().map(|(id, label)| html! {
                        <tr>
                            <th scope="row">{ *label }</th>
                            { for comparison.columns.iter().map(|c| match c.metric(id) {
                                Some(m) => html! {
                                    <td data-offer={c.id.clone()} data-line={m.id.clone()}
                                        data-value={m.value.to_string()} title={m.definition.clone()}>
                                        { format_figure(m.value, m.unit) }
                                    </td>
                                },
                                None => html! { <td><span aria-label="not applicable">{ "–" }</span></td> },
                            }) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}
