//! The rota timeline for one chosen column: each shift across its hours, each
//! stretch patterned by how that column's offer pays it, shifts involved in a
//! breached limit outlined; a key, and the same facts as text.

use crate::engine::compare::Comparison;
use crate::engine::scenario::Scenario;
use crate::engine::timeline::{timeline, PayClass, Timeline};
use crate::ui::results::chart_geometry::INK;
use crate::ui::rota::timeline_geometry::{
    blocks, paint, pay_class, pay_name, units, BREACH_STROKE, GUTTER, ROW_HEIGHT, ROW_WIDTH,
};
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`RotaTimeline`].
#[derive(Properties, PartialEq)]
pub struct RotaTimelineProps {
    /// The scenario.
    pub scenario: Rc<Scenario>,
    /// Its comparison (the timeline is drawn only when it is current).
    pub comparison: Rc<Comparison>,
    /// The source line of the timeline saved as a file (versions and presets).
    pub source: AttrValue,
}

const CLASSES: [PayClass; 5] = [
    PayClass::Plain,
    PayClass::Night,
    PayClass::Weekend,
    PayClass::OtherPremium,
    PayClass::OnCallAvailability,
];

/// A key entry's sample of how `pay` (or a breached shift) is drawn.
fn swatch(pay: PayClass, breached: bool) -> Html {
    let p = paint(pay);
    match breached {
        true => {
            html! { <rect x="1" y="1" width="22" height="12" fill={p.fill} stroke={BREACH_STROKE} stroke-width="2" /> }
        }
        false => {
            html! { <rect width="24" height="14" fill={p.fill} stroke={p.stroke} stroke-dasharray={p.dash} /> }
        }
    }
}

/// Hours and minutes, "12 h 30 min".
fn duration(minutes: u32) -> String {
    match minutes % 60 {
        0 => format!("{} h", minutes / 60),
        m => format!("{} h {m} min", minutes / 60),
    }
}

/// See the module docs.
#[component]
pub fn RotaTimeline(props: &RotaTimelineProps) -> Html {
    let columns = &props.comparison.columns;
    let chosen = use_state(|| {
        columns
            .get(1)
            .or(columns.first())
            .map(|c| c.id.clone())
            .unwrap_or_default()
    });
    let column = columns.iter().find(|c| c.id == *chosen).or(columns.first());
    let Some(column) = column else {
        return html! {};
    };
    let Some(t) = timeline(&props.scenario, &props.comparison, &column.id) else {
        return html! {};
    };
    let onchange = {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| {
            chosen.set(
                e.target_unchecked_into::<web_sys::HtmlSelectElement>()
                    .value(),
            )
        })
    };
    let rota = props
        .scenario
        .rotas
        .first()
        .map(|r| r.name.clone())
        .unwrap_or_default();
    let on_download = {
        let title = format!("Timeline of {rota} paid as under {}", column.offer_name);
        let source = props.source.clone();
        Callback::from(move |_: MouseEvent| {
            crate::ui::browser::download_chart(
                "rota-timeline",
                "offer-compare-timeline.svg",
                &title,
                &source,
            )
        })
    };
    html! {
        <section class="rota-timeline" id="rota-timeline" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">{ "Rota timeline" }</h2>
            <div class="field">
                <label for="timeline-offer">{ "Paid as under" }</label>
                <select id="timeline-offer" {onchange}>
                    { for columns.iter().map(|c| html! { <option value={c.id.clone()} selected={c.id == column.id}>{ &c.offer_name }</option> }) }
                </select>
            </div>
            <TimelineChart timeline={Rc::new(t)} offer={column.offer_name.clone()}
                rota={rota.clone()} />
            <button type="button" class="download" onclick={on_download}>{ "Download timeline (SVG)" }</button>
        </section>
    }
}

/// Props of [`TimelineChart`].
#[derive(Properties, PartialEq)]
pub struct TimelineChartProps {
    /// What to draw (compared by value: an edit that changes no shift or pay
    /// class does not draw the chart again).
    pub timeline: Rc<Timeline>,
    /// The offer it is paid under.
    pub offer: AttrValue,
    /// The rota's name.
    pub rota: AttrValue,
}

/// The chart, its key and its text version.
#[component]
fn TimelineChart(props: &TimelineChartProps) -> Html {
    let t = &props.timeline;
    let height = u32::from(t.weeks) * ROW_HEIGHT;
    let breached = t.shifts.iter().filter(|s| !s.breaches.is_empty()).count();
    let description = format!(
        "{} shifts over {} weeks under {}; {} involved in a breached limit. The list below gives each shift's hours by how they are paid.",
        t.shifts.len(), t.weeks, props.offer, breached
    );
    html! {
        <>
            <ul class="timeline-key">
                { for CLASSES.iter().map(|&p| html! {
                    <li><svg width="24" height="14" aria-hidden="true">{ swatch(p, false) }</svg>{ pay_name(p) }</li>
                }) }
                <li><svg width="24" height="14" aria-hidden="true">{ swatch(PayClass::Plain, true) }</svg>{ "shift in a breached limit" }</li>
            </ul>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Timeline">
                <svg class="timeline" viewBox={format!("0 0 {} {}", GUTTER + ROW_WIDTH, height + 14)} role="img"
                    aria-labelledby="timeline-title timeline-desc" preserveAspectRatio="xMinYMin meet">
                    <title id="timeline-title">{ format!("Timeline of {} paid as under {}", props.rota, props.offer) }</title>
                    <desc id="timeline-desc">{ &description }</desc>
                    <defs>
                        <pattern id="hatch-night" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                            <rect width="4" height="4" fill="#1f3f6b" /><line x1="0" y1="0" x2="0" y2="4" stroke="#ffffff" stroke-width="1.5" />
                        </pattern>
                        <pattern id="dots-weekend" width="4" height="4" patternUnits="userSpaceOnUse">
                            <rect width="4" height="4" fill="#f2c46d" /><circle cx="2" cy="2" r="1" fill="#5c3b00" />
                        </pattern>
                    </defs>
                    { for (0..t.weeks).map(|w| html! {
                        <text x="0" y={(u32::from(w) * ROW_HEIGHT + 13).to_string()} font-size="10" fill={INK}>{ format!("Week {}", w + 1) }</text>
                    }) }
                    { for ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].iter().enumerate().map(|(i, d)| html! {
                        <text x={(GUTTER + i as u32 * ROW_WIDTH / 7 + 2).to_string()} y={(height + 12).to_string()} font-size="10" fill={INK}>{ *d }</text>
                    }) }
                    <g transform={format!("translate({GUTTER} 0)")}>
                        { for blocks(t).iter().map(|b| {
                            let p = paint(b.pay);
                            html! {
                                <rect x={units(b.x)} y={(b.y + 2).to_string()} width={units(b.width)} height={(ROW_HEIGHT - 4).to_string()}
                                    class={classes!(pay_class(b.pay), b.breached.then_some("breached"))}
                                    fill={p.fill} stroke={if b.breached { Some(BREACH_STROKE) } else { p.stroke }}
                                    stroke-width={if b.breached { "2" } else { "1" }} stroke-dasharray={p.dash} />
                            }
                        }) }
                    </g>
                </svg>
            </div>
            <details>
                <summary>{ "The timeline as text" }</summary>
                <ul class="timeline-text">
                    { for t.shifts.iter().map(|s| {
                        let parts: Vec<String> = CLASSES.iter().filter_map(|&p| {
                            let m: u32 = s.segments.iter().filter(|g| g.pay == p).map(|g| g.minutes).sum();
                            (m > 0).then(|| format!("{} {}", duration(m), pay_name(p)))
                        }).collect();
                        let breaches = if s.breaches.is_empty() { String::new() } else { format!("; breaches: {}", s.breaches.join(", ")) };
                        html! { <li>{ format!("Week {} {} {}, {}: {}{breaches}", s.week, s.day.short_name(), s.label.as_deref().unwrap_or("shift"), duration(s.minutes), parts.join(", ")) }</li> }
                    }) }
                </ul>
            </details>
        </>
    }
}
