//! The history's chart: basic pay in pounds of the end year (solid) and in
//! cash (dashed), one point per pay year, the base and end years marked; the
//! table below it is its text equivalent. Drawn 360 units wide so its labels
//! read on a phone.

use crate::engine::explain::figure::Figure;
use crate::engine::history::{pay_year, History};
use crate::ui::results::chart_geometry::{fixed2, INK};
use rust_decimal::prelude::ToPrimitive;
use yew::prelude::*;

const WIDTH: f32 = 360.0;
const HEIGHT: f32 = 210.0;
/// Room for the pound labels on the left and the years below.
const LEFT: f32 = 46.0;
const BOTTOM: f32 = 22.0;
const TOP: f32 = 8.0;
const RIGHT: f32 = 8.0;
/// The real-terms line, the page's accent.
const REAL: &str = "#0b5cad";
/// The cash line.
const CASH: &str = "#5c5c66";

/// Pounds on the chart's scale, for the axis.
fn amount(f: &Figure) -> f32 {
    f.value.to_f32().unwrap_or(0.0)
}

/// The axis's pounds: `£34k`.
fn thousands(pounds: f32) -> String {
    format!("£{}k", (pounds / 1000.0).round() as i64)
}

/// Gridline step and range covering `lo..hi` in whole thousands, four to
/// eight lines.
fn axis(lo: f32, hi: f32) -> (f32, f32, f32) {
    let span = (hi - lo).max(1.0);
    let step = [1000.0, 2000.0, 5000.0, 10_000.0, 20_000.0]
        .into_iter()
        .find(|s| span / s <= 7.0)
        .unwrap_or(50_000.0);
    ((lo / step).floor() * step, (hi / step).ceil() * step, step)
}

/// The chart, or nothing when fewer than two years have figures; `source`
/// is the source line of the chart saved as a file (the command that prints
/// the same figures).
pub fn history_chart(history: &History, base: u16, end: u16, source: &str) -> Html {
    let years: Vec<u16> = history.years.iter().map(|y| y.year).collect();
    let (Some(&first), Some(&last)) = (years.first(), years.last()) else {
        return html! {};
    };
    let values: Vec<f32> = history
        .years
        .iter()
        .flat_map(|y| y.cash.iter().chain(y.real.as_ref().ok()).map(amount))
        .collect();
    if values.len() < 2 || last == first {
        return html! {};
    }
    let (lo, hi, step) = axis(
        values.iter().copied().fold(f32::MAX, f32::min),
        values.iter().copied().fold(f32::MIN, f32::max),
    );
    let x =
        |year: u16| LEFT + (year - first) as f32 * (WIDTH - LEFT - RIGHT) / (last - first) as f32;
    let y = |pounds: f32| TOP + (hi - pounds) * (HEIGHT - TOP - BOTTOM) / (hi - lo);
    // A line per measure, broken where a year is unknown.
    let line = |pick: &dyn Fn(&crate::engine::history::HistoryYear) -> Option<f32>| -> Vec<String> {
        let mut runs = vec![String::new()];
        for year in &history.years {
            match pick(year) {
                Some(v) => {
                    if let Some(run) = runs.last_mut() {
                        run.push_str(&format!("{},{} ", fixed2(x(year.year)), fixed2(y(v))));
                    }
                }
                None if !runs.last().is_some_and(String::is_empty) => runs.push(String::new()),
                None => {}
            }
        }
        runs.retain(|r| !r.is_empty());
        runs
    };
    let real = line(&|yr| yr.real.as_ref().ok().map(amount));
    let cash = line(&|yr| yr.cash.as_ref().map(amount));
    let gridlines: Vec<f32> = (0..)
        .map(|i| lo + i as f32 * step)
        .take_while(|v| *v <= hi + 0.5)
        .collect();
    let marked: Vec<(u16, f32)> = history
        .years
        .iter()
        .filter(|yr| yr.year == base || yr.year == end)
        .filter_map(|yr| yr.real.as_ref().ok().map(|f| (yr.year, amount(f))))
        .collect();
    let end_year = pay_year(end);
    let title = format!("Basic pay in {end_year} pounds (solid) and in cash (dashed)");
    let on_download = {
        let (title, source) = (title.clone(), source.to_string());
        Callback::from(move |_: MouseEvent| {
            crate::ui::browser::download_chart(
                "history-chart",
                "offer-compare-pay-history.svg",
                &title,
                &source,
            )
        })
    };
    html! {
        <figure class="chart history-chart" id="history-chart" aria-labelledby="history-chart-title">
            <figcaption id="history-chart-title">{ title }</figcaption>
            <svg viewBox={format!("0 0 {WIDTH} {HEIGHT}")} role="img" aria-labelledby="history-chart-title history-chart-desc">
                <desc id="history-chart-desc">{ format!("One point per pay year from {} to {}; the base and end years circled. The table below gives every value.", pay_year(first), pay_year(last)) }</desc>
                { for gridlines.iter().map(|v| html! {
                    <g>
                        <line x1={fixed2(LEFT)} x2={fixed2(WIDTH - RIGHT)} y1={fixed2(y(*v))} y2={fixed2(y(*v))} stroke="#d0d0d8" />
                        <text x={fixed2(LEFT - 4.0)} y={fixed2(y(*v) + 4.0)} font-size="11" text-anchor="end" fill={INK}>{ thousands(*v) }</text>
                    </g>
                }) }
                { for years.iter().filter(|yr| (**yr - first) % 4 == 0).map(|yr| html! {
                    <text x={fixed2(x(*yr))} y={fixed2(HEIGHT - 6.0)} font-size="11" text-anchor="middle" fill={INK}>{ yr.to_string() }</text>
                }) }
                { for cash.iter().map(|points| html! {
                    <polyline points={points.clone()} fill="none" stroke={CASH} stroke-width="1.5" stroke-dasharray="4 3" />
                }) }
                { for real.iter().map(|points| html! {
                    <polyline points={points.clone()} fill="none" stroke={REAL} stroke-width="2.5" />
                }) }
                { for marked.iter().map(|(yr, v)| html! {
                    <circle cx={fixed2(x(*yr))} cy={fixed2(y(*v))} r="4" fill="none" stroke={REAL} stroke-width="2" />
                }) }
            </svg>
            <button type="button" class="download" onclick={on_download}>{ "Download chart (SVG)" }</button>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_axis_covers_the_values_in_whole_steps_of_four_to_eight_lines() {
        assert_eq!(axis(21_862.0, 41_815.22), (20_000.0, 45_000.0, 5000.0));
        assert_eq!(axis(25_494.0, 28_296.01), (25_000.0, 29_000.0, 1000.0));
        assert_eq!(thousands(34_000.0), "£34k");
    }
}
