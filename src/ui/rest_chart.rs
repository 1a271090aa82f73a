//! The rest chart: hours per week, shortest rest and weekends off, a panel
//! each with a bar per offer, drawn from [`super::chart_geometry`], with a
//! description and a table equivalent.

use super::chart_geometry::{fixed2, rest_panels, whole, BAR, LABEL, WIDTH};

/// Vertical step between bars: their labels sit inside them, so no label row.
const STEP: f32 = BAR + 6.0;
use crate::engine::compare::Comparison;
use crate::engine::explain::format_figure;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`RestChart`].
#[derive(Properties, PartialEq)]
pub struct RestChartProps {
    /// The comparison to draw.
    pub comparison: Rc<Comparison>,
}

/// See the module docs.
#[component]
pub fn RestChart(props: &RestChartProps) -> Html {
    let panels = rest_panels(&props.comparison);
    html! {
        <figure class="chart rest-chart" aria-labelledby="rest-chart-title">
            <figcaption id="rest-chart-title">{ "Rest: hours per week, shortest rest, weekends off" }</figcaption>
            { for panels.iter().enumerate().map(|(p, panel)| {
                let h = LABEL + panel.bars.len() as f32 * STEP;
                let description = panel.bars.iter().map(|(name, v, _)| format!("{name}: {}", format_figure(*v, panel.unit))).collect::<Vec<_>>().join("; ");
                let title_id = format!("rest-panel-{p}");
                html! {
                    <svg viewBox={format!("0 0 {} {}", whole(WIDTH), whole(h))} role="img" aria-labelledby={title_id.clone()} preserveAspectRatio="xMinYMin meet">
                        <title id={title_id}>{ format!("{}. {description}", panel.label) }</title>
                        <text x="0" y="12" class="panel-label">{ &panel.label }</text>
                        { for panel.bars.iter().enumerate().map(|(i, (name, value, width))| {
                            let y = LABEL + i as f32 * STEP;
                            html! {
                                <g>
                                    <rect x="0" y={fixed2(y)} width={fixed2(*width)} height={fixed2(BAR)} class="seg-rest" />
                                    <text x="4" y={fixed2(y + 15.0)} class="bar-value">{ format!("{name}: {}", format_figure(*value, panel.unit)) }</text>
                                </g>
                            }
                        }) }
                    </svg>
                }
            }) }
            <details>
                <summary>{ "The rest chart as a table" }</summary>
                <table class="chart-table">
                    <thead>
                        <tr>
                            <th scope="col">{ "Offer" }</th>
                            { for panels.iter().map(|p| html! { <th scope="col">{ &p.label }</th> }) }
                        </tr>
                    </thead>
                    <tbody>
                        { for props.comparison.columns.iter().enumerate().map(|(i, c)| html! {
                            <tr>
                                <th scope="row">{ &c.offer_name }</th>
                                { for panels.iter().map(|p| html! {
                                    <td>{ p.bars.get(i).map(|b| format_figure(b.1, p.unit)).unwrap_or_default() }</td>
                                }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </details>
        </figure>
    }
}
