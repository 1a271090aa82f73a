//! The pay chart: one stacked bar per offer, drawn from [`crate::ui::results::chart_geometry`],
//! with a title, a description and a table giving the same numbers.

use crate::engine::compare::Comparison;
use crate::engine::explain::format_pounds;
use crate::ui::results::chart_geometry::{
    fixed2, height, pay_bars, whole, Bar, Group, BAR, INK, LABEL, WIDTH,
};
use yew::prelude::*;

/// The pay chart of `comparison`; `source` is the source line of the chart saved as a file. A function, not a component: it keeps no state,
/// and each component costs the bundle about a kilobyte.
pub fn pay_chart(comparison: &Comparison, source: &AttrValue) -> Html {
    let bars = pay_bars(comparison);
    let h = height(bars.len());
    let with_net = bars.iter().any(|b| b.net.is_some());
    let amounts = |b: &Bar| match b.net {
        Some((net, _)) => format!(
            "{} gross, {} net",
            format_pounds(b.gross),
            format_pounds(net)
        ),
        None => format_pounds(b.gross),
    };
    let description = bars
        .iter()
        .map(|b| format!("{}: {} a year", b.label, amounts(b)))
        .collect::<Vec<_>>()
        .join("; ");
    let title = match with_net {
        true => "Gross pay per year, by element, with net pay marked",
        false => "Gross pay per year, by element",
    };
    let on_download = {
        let source = source.clone();
        Callback::from(move |_: MouseEvent| {
            crate::ui::browser::download_chart(
                "pay-chart",
                "offer-compare-pay-chart.svg",
                title,
                &source,
            )
        })
    };
    html! {
        <figure class="chart" id="pay-chart" aria-labelledby="pay-chart-title">
            <figcaption id="pay-chart-title">{ title }</figcaption>
            <svg viewBox={format!("0 0 {} {}", whole(WIDTH), whole(h))} role="img" aria-labelledby="pay-chart-svg-title pay-chart-desc"
                preserveAspectRatio="xMinYMin meet">
                <title id="pay-chart-svg-title">{ format!("{title}, for each offer") }</title>
                <desc id="pay-chart-desc">{ description }</desc>
                { for bars.iter().map(|b| html! {
                    <g>
                        <text x="0" y={whole(b.y + 13.0)} font-size="13" fill={INK}>
                            // Gross only: with the net too, long offer names would
                            // run past the chart's width (the net is the mark,
                            // its tooltip, the description and the table).
                            { format!("{} — {}", b.label, format_pounds(b.gross)) }
                        </text>
                        { for b.segments.iter().map(|s| html! {
                            <rect x={fixed2(s.x)} y={fixed2(s.y)} width={fixed2(s.width)}
                                height={fixed2(s.height)} fill={s.group.colour()}>
                                <title>{ format!("{}: {}", s.group.label(), format_pounds(s.amount)) }</title>
                            </rect>
                        }) }
                        if let Some((net, x)) = b.net {
                            <line x1={fixed2(x)} x2={fixed2(x)} y1={fixed2(b.y + LABEL - 3.0)} y2={fixed2(b.y + LABEL + BAR + 3.0)}
                                stroke={INK} stroke-width="3">
                                <title>{ format!("Net pay: {}", format_pounds(net)) }</title>
                            </line>
                        }
                    </g>
                }) }
            </svg>
            <ul class="legend">
                { for Group::ALL.iter().map(|g| html! {
                    <li>
                        <svg class="swatch" viewBox="0 0 1 1" aria-hidden="true"><rect width="1" height="1" fill={g.colour()} /></svg>
                        { g.label() }
                    </li>
                }) }
                if with_net {
                    <li>
                        <svg class="swatch" viewBox="0 0 1 1" aria-hidden="true"><rect x="0.35" width="0.3" height="1" fill={INK} /></svg>
                        { "Net pay (after deductions)" }
                    </li>
                }
            </ul>
            <button type="button" class="download" onclick={on_download}>{ "Download chart (SVG)" }</button>
            <details>
                <summary>{ "The chart as a table" }</summary>
                <div class="table-scroll" tabindex="0" role="region" aria-label="Pay chart as a table">
                    <table class="chart-table">
                        <thead>
                            <tr>
                                <th scope="col">{ "Offer" }</th>
                                { for Group::ALL.iter().map(|g| html! { <th scope="col">{ g.label() }</th> }) }
                                <th scope="col">{ "Gross" }</th>
                                if with_net { <th scope="col">{ "Net" }</th> }
                            </tr>
                        </thead>
                        <tbody>
                            { for bars.iter().map(|b| html! {
                                <tr>
                                    <th scope="row">{ &b.label }</th>
                                    { for Group::ALL.iter().map(|g| {
                                        let amount = b.segments.iter().find(|s| s.group == *g).map(|s| s.amount).unwrap_or_default();
                                        html! { <td>{ format_pounds(amount) }</td> }
                                    }) }
                                    <td>{ format_pounds(b.gross) }</td>
                                    if let Some((net, _)) = b.net { <td>{ format_pounds(net) }</td> }
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            </details>
        </figure>
    }
}
