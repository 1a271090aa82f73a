//! Per column: the 2002 band and why, every limit checked (kept or breached,
//! and where), and the notes and warnings of the calculation.

use crate::engine::compare::{ColumnResult, Comparison};
use crate::engine::offer::Consequence;
use yew::prelude::*;

/// One section per column of `comparison`. A function, not a component: it
/// keeps no state, and each component costs the bundle about 0.6 KB gzipped.
pub fn column_details(comparison: &Comparison) -> Html {
    html! {
        <section class="column-details" aria-labelledby="details-heading">
            <h2 id="details-heading">{ "Limits, banding and notes, offer by offer" }</h2>
            { for comparison.columns.iter().map(column) }
        </section>
    }
}

fn column(c: &ColumnResult) -> Html {
    let heading = format!("details-{}", c.id);
    html! {
        <section class="column" aria-labelledby={heading.clone()} data-offer={c.id.clone()}>
            <h3 id={heading}>{ &c.offer_name }</h3>
            if let Some(band) = &c.pay.band {
                <p class="band" data-band={band.band.name()}>
                    <strong>{ format!("2002 band {}. ", band.band.name()) }</strong>
                    { &band.reason }
                </p>
            }
            { limits(c) }
            if let Some(t) = &c.take_home {
                <p class="take-home-notes-heading"><strong>{ match &t.tax_year {
                    Some(y) => format!("Take-home pay, tax year {y}:"),
                    None => "Take-home pay:".to_string(),
                } }</strong></p>
                <ul class="notes take-home-notes">
                    { for t.notes.iter().map(|n| html! { <li>{ n }</li> }) }
                </ul>
            }
            if !c.pay.notes.is_empty() || !c.pay.warnings.is_empty() {
                <ul class="notes">
                    { for c.pay.warnings.iter().map(|w| html! { <li class="warning"><strong>{ "Warning: " }</strong>{ w }</li> }) }
                    { for c.pay.notes.iter().map(|n| html! { <li>{ n }</li> }) }
                </ul>
            }
        </section>
    }
}

fn limits(c: &ColumnResult) -> Html {
    if c.rest.checks.is_empty() {
        return html! { <p class="muted">{ "This offer states no hour or rest limits." }</p> };
    }
    let breached = c.rest.checks.iter().filter(|k| !k.passed).count();
    html! {
        <div class="table-scroll" tabindex="0" role="region" aria-label={format!("Limits of {}", c.offer_name)}>
            <table class="limits">
                <caption>{ format!("{} limits checked: {} kept, {} breached", c.rest.checks.len(), c.rest.checks.len() - breached, breached) }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Limit" }</th>
                        <th scope="col">{ "Allowed" }</th>
                        <th scope="col">{ "Result" }</th>
                        <th scope="col">{ "Where" }</th>
                    </tr>
                </thead>
                <tbody>
                    { for c.rest.checks.iter().map(|k| html! {
                        <tr data-offer={c.id.clone()} data-limit={k.id.clone()} data-passed={k.passed.to_string()}>
                            <th scope="row">
                                { &k.text }
                                <span class="source">{ format!("Source: {}", k.source) }</span>
                            </th>
                            <td>{ &k.allowed }</td>
                            <td class={if k.passed { "kept" } else { "breached" }}>
                                { match (k.passed, k.consequence) {
                                    (true, _) => "✓ kept",
                                    (false, Consequence::Flag) => "✗ breached",
                                    (false, Consequence::Band3) => "✗ breached — band 3",
                                } }
                            </td>
                            <td>
                                <ul class="breaches">
                                    { for k.breaches.iter().map(|b| html! { <li>{ b.to_string() }</li> }) }
                                </ul>
                            </td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}
