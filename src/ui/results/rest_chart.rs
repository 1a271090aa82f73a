//! The rest chart: hours per week, shortest rest and weekends off, a panel
//! each with a bar per offer, drawn from [`crate::ui::results::chart_geometry`], with a
//! description and a table equivalent.

use crate::ui::results::chart_geometry::{
    fixed2, rest_panels, whole, BAR, INK, LABEL, REST_FILL, REST_WIDTH,
};

/// Vertical step between bars: their labels sit inside them, so no label row.
const STEP: f32 = BAR + 6.0;
use crate::engine::compare::Comparison;
use crate::engine::explain::format_figure;
use yew::prelude::*;

/// The rest chart of `comparison`; `source` is the source line of the chart saved as a file. A function, not a component: it keeps no state,
/// and each component costs the bundle about a kilobyte.
pub fn rest_chart(comparison: &Comparison, source: &AttrValue) -> Html {
    let panels = rest_panels(comparison);
    let on_download = {
        let source = source.clone();
        Callback::from(move |_: MouseEvent| {
            crate::ui::browser::download_chart(
                "rest-chart",
                "offer-compare-rest-chart.svg",
                "Rest: hours per week, shortest rest, weekends off",
                &source,
            )
        })
    };
    html! {
        <figure class="chart rest-chart" id="rest-chart" aria-labelledby="rest-chart-title">
            <figcaption id="rest-chart-title">{ "Rest: hours per week, shortest rest, weekends off" }</figcaption>
            { for panels.iter().enumerate().map(|(p, panel)| {
                let h = LABEL + panel.bars.len() as f32 * STEP;
                let description = panel.bars.iter().map(|(name, v, _)| format!("{name}: {}", format_figure(*v, panel.unit))).collect::<Vec<_>>().join("; ");
                let title_id = format!("rest-panel-{p}");
                html! {
                    <svg viewBox={format!("0 0 {} {}", whole(REST_WIDTH), whole(h))} role="img" aria-labelledby={title_id.clone()} preserveAspectRatio="xMinYMin meet">
                        <title id={title_id}>{ format!("{}. {description}", panel.label) }</title>
                        <text x="0" y="12" font-size="13" font-weight="600" fill={INK}>{ &panel.label }</text>
                        { for panel.bars.iter().enumerate().map(|(i, (name, value, width))| {
                            let y = LABEL + i as f32 * STEP;
                            html! {
                                <g>
                                    <rect x="0" y={fixed2(y)} width={fixed2(*width)} height={fixed2(BAR)} fill={REST_FILL} />
                                    <text x="4" y={fixed2(y + 15.0)} font-size="12" fill={INK}>{ format!("{name}: {}", format_figure(*value, panel.unit)) }</text>
                                </g>
                            }
                        }) }
                    </svg>
                }
            }) }
            <button type="button" class="download" onclick={on_download}>{ "Download chart (SVG)" }</button>
            <details>
                <summary>{ "The rest chart as a table" }</summary>
                <div class="table-scroll" tabindex="0" role="region" aria-label="Rest chart as a table">
                    <table class="chart-table">
                        <thead>
                            <tr>
                                <th scope="col">{ "Offer" }</th>
                                { for panels.iter().map(|p| html! { <th scope="col">{ &p.label }</th> }) }
                            </tr>
                        </thead>
                        <tbody>
                            { for comparison.columns.iter().enumerate().map(|(i, c)| html! {
                                <tr>
                                    <th scope="row">{ &c.offer_name }</th>
                                    { for panels.iter().map(|p| html! {
                                        <td>{ p.bars.get(i).map(|b| format_figure(b.1, p.unit)).unwrap_or_default() }</td>
                                    }) }
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            </details>
        </figure>
    }
}
