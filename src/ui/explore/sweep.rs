//! "Explore": sweep one quantity (of the rota, the doctor or an offer) over a
//! range and see every column's gross pay as a line, where the lines cross,
//! and the break-even of two columns — the engine's `explore` module, drawn.

use crate::codec::csv::sweep_to_csv;
use crate::engine::explain::format_pounds;
use crate::engine::explore::break_even::break_even;
use crate::engine::explore::choices::{quantity_choices, QuantityChoice};
use crate::engine::explore::quantity::Quantity;
use crate::engine::explore::sweep::{sweep, Sweep, Sweeper};
use crate::engine::explore::Exploration;
use crate::engine::scenario::Scenario;
use crate::ui::explore::sweep_geometry::{
    sweep_geometry, BOTTOM, LEFT, LINE_COLOURS, SWEEP_HEIGHT, SWEEP_WIDTH,
};
use crate::ui::results::chart_geometry::whole;
use crate::ui::state::Action;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`Explorer`].
#[derive(Properties, PartialEq)]
pub struct ExplorerProps {
    /// The scenario explored: its figures are never changed by exploring;
    /// the explorer's settings are kept in it.
    pub scenario: Rc<Scenario>,
    /// Receives the settings to keep.
    pub on_action: Callback<Action>,
}

/// Values computed between two draws of the page: about 50 ms of work where
/// net pay is computed at every value too (a 10,000-point sweep of the
/// default comparison measured 955 ms, 150 ms between draws, with slices of
/// 1,000), so the page keeps answering.
const SLICE: usize = 500;

/// A sweep being computed slice by slice; abandoned when the scenario changes.
struct Slices {
    sweeper: Rc<RefCell<Option<Sweeper>>>,
    generation: Rc<RefCell<u64>>,
    mine: u64,
    result: UseStateHandle<Option<Result<Rc<Sweep>, String>>>,
    progress: UseStateHandle<Option<(usize, usize)>>,
}

impl Slices {
    fn next(self) {
        if *self.generation.borrow() != self.mine {
            return;
        }
        let step = match self.sweeper.borrow_mut().as_mut() {
            Some(sweeper) => sweeper
                .advance(crate::reference(), SLICE)
                .map(|done| (done, sweeper.progress())),
            None => return,
        };
        match step {
            Err(e) => {
                self.progress.set(None);
                self.result.set(Some(Err(e)));
            }
            Ok((true, _)) => {
                self.progress.set(None);
                if let Some(sweeper) = self.sweeper.borrow_mut().take() {
                    self.result.set(Some(Ok(Rc::new(sweeper.finish()))));
                }
            }
            Ok((false, done)) => {
                self.progress.set(Some(done));
                crate::ui::browser::after(0, move || self.next());
            }
        }
    }
}

/// The inputs as the explorer shows them for `settings` (or the first quantity).
fn inputs_for(
    settings: Option<&Exploration>,
    first: Option<&QuantityChoice>,
) -> (String, String, String, String) {
    match (settings, first) {
        (Some(e), _) => (
            e.quantity.to_string(),
            e.quantity.format_value(e.from),
            e.quantity.format_value(e.to),
            e.steps.to_string(),
        ),
        (None, Some(o)) => (o.spec.clone(), o.from.into(), o.to.into(), "100".into()),
        (None, None) => Default::default(),
    }
}

/// See the module docs.
#[component]
pub fn Explorer(props: &ExplorerProps) -> Html {
    let s = &props.scenario;
    let options = use_memo(s.clone(), |s| quantity_choices(s));
    let initial = inputs_for(s.explore.as_ref(), options.first());
    let spec = use_state(|| initial.0.clone());
    let from = use_state(|| initial.1.clone());
    let to = use_state(|| initial.2.clone());
    let steps = use_state(|| initial.3.clone());
    let column_at = |id: &str| s.columns.iter().position(|c| c.id == id).unwrap_or(0);
    let initial_pair = s
        .explore
        .as_ref()
        .and_then(|e| e.pair.as_ref())
        .map_or((0, 1), |(a, b)| (column_at(a), column_at(b)));
    let pair = use_state(|| initial_pair);
    let error = use_state(|| None::<String>);
    {
        // Settings changed elsewhere (undo, a file, a link): the inputs follow.
        let (spec, from, to, steps) = (spec.clone(), from.clone(), to.clone(), steps.clone());
        use_effect_with(s.explore.clone(), move |e| {
            if let Some(e) = e {
                let (q, a, b, n) = inputs_for(Some(e), None);
                spec.set(q);
                from.set(a);
                to.set(b);
                steps.set(n);
            }
        });
    }
    // The results come from the scenario's settings, so a saved file or a
    // link shows the same sweep and break-even, recomputed with every edit —
    // a slice of values at a time, the page drawn between slices.
    let result = use_state(|| None::<Result<Rc<Sweep>, String>>);
    let progress = use_state(|| None::<(usize, usize)>);
    let generation = use_mut_ref(|| 0_u64);
    {
        let (result, progress) = (result.clone(), progress.clone());
        use_effect_with(s.clone(), move |s| {
            *generation.borrow_mut() += 1;
            let Some(e) = s.explore.as_ref() else {
                result.set(None);
                progress.set(None);
                return;
            };
            match Sweeper::new((**s).clone(), e.quantity.clone(), e.from, e.to, e.steps) {
                Ok(sweeper) => {
                    let run = Slices {
                        sweeper: Rc::new(RefCell::new(Some(sweeper))),
                        generation: generation.clone(),
                        mine: *generation.borrow(),
                        result,
                        progress,
                    };
                    run.next();
                }
                Err(err) => result.set(Some(Err(err))),
            }
        });
    }
    let found = use_memo(s.clone(), |s| {
        let e = s.explore.as_ref()?;
        let (a, b) = e.pair.as_ref()?;
        Some(
            break_even(s, crate::reference(), &e.quantity, a, b, e.from, e.to)
                .map(|r| {
                    r.outcome
                        .sentence(&e.quantity, &s.column_name(a), &s.column_name(b))
                })
                .unwrap_or_else(|e| format!("Cannot search: {e}")),
        )
    });
    let text = |handle: &UseStateHandle<String>| {
        let handle = handle.clone();
        Callback::from(move |e: InputEvent| {
            handle.set(
                e.target_unchecked_into::<web_sys::HtmlInputElement>()
                    .value(),
            )
        })
    };
    let on_quantity = {
        let (spec, from, to, options) = (spec.clone(), from.clone(), to.clone(), options.clone());
        Callback::from(move |e: Event| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            if let Some(o) = options.iter().find(|o| o.spec == value) {
                from.set(o.from.to_string());
                to.set(o.to.to_string());
            }
            spec.set(value);
        })
    };
    // Reads the inputs into settings; `pair` asks for a break-even too.
    let ask = {
        let (scenario, spec, from, to, steps, error, on_action) = (
            s.clone(),
            spec.clone(),
            from.clone(),
            to.clone(),
            steps.clone(),
            error.clone(),
            props.on_action.clone(),
        );
        move |pair: Option<(usize, usize)>| {
            let read = || -> Result<Exploration, String> {
                let quantity = Quantity::parse(&spec)?;
                let from = quantity
                    .parse_value(&from)
                    .map_err(|e| format!("From: {e}"))?;
                let to = quantity.parse_value(&to).map_err(|e| format!("To: {e}"))?;
                let steps = steps
                    .trim()
                    .parse()
                    .map_err(|_| format!("Steps: '{}' is not a whole number", *steps))?;
                let id = |k: usize| scenario.columns.get(k).map(|c| c.id.clone());
                let pair = match pair {
                    Some((a, b)) => id(a).zip(id(b)),
                    None => scenario.explore.as_ref().and_then(|e| e.pair.clone()),
                };
                if !(1..=PAGE_POINTS).contains(&steps) {
                    return Err(format!(
                        "Steps: from 1 to {PAGE_POINTS} here (the command line takes more)"
                    ));
                }
                // The range's ends, checked here so that a bad range is said
                // beside the inputs and never saved with the scenario.
                sweep(&scenario, crate::reference(), &quantity, from, to, 1)?;
                Ok(Exploration {
                    quantity,
                    from,
                    to,
                    steps,
                    pair,
                })
            };
            match read() {
                Ok(settings) => {
                    error.set(None);
                    on_action.emit(Action::SetExploration(settings));
                }
                Err(e) => error.set(Some(e)),
            }
        }
    };
    let on_run = {
        let ask = ask.clone();
        Callback::from(move |_: MouseEvent| ask(None))
    };
    let on_break_even = {
        let pair = pair.clone();
        Callback::from(move |_: MouseEvent| ask(Some(*pair)))
    };
    let choose = |second: bool| {
        let pair = pair.clone();
        Callback::from(move |e: Event| {
            let k: usize = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value()
                .parse()
                .unwrap_or(0);
            pair.set(if second { (pair.0, k) } else { (k, pair.1) });
        })
    };
    let column_options = |selected: usize| {
        html! {
            for (k, c) in s.columns.iter().enumerate() {
                <option value={k.to_string()} selected={k == selected}>
                    { s.column_name(&c.id) }
                </option>
            }
        }
    };
    html! {
        <section class="explorer" aria-labelledby="explore-heading">
            <h2 id="explore-heading">{ "Explore: sweep a quantity, find the break-even" }</h2>
            <p class="hint">{ "Vary one quantity over a range and see every offer's gross pay. The comparison above is not changed." }</p>
            <div class="explore-inputs">
                <div class="field">
                    <label for="explore-quantity">{ "Quantity" }</label>
                    <select id="explore-quantity" onchange={on_quantity}>
                        { for options.iter().map(|o| html! { <option value={o.spec.clone()} selected={*spec == o.spec}>{ &o.label }</option> }) }
                    </select>
                </div>
                <div class="field">
                    <label for="explore-from">{ "From" }</label>
                    <input id="explore-from" type="text" inputmode="decimal" value={(*from).clone()} oninput={text(&from)} />
                </div>
                <div class="field">
                    <label for="explore-to">{ "To" }</label>
                    <input id="explore-to" type="text" inputmode="decimal" value={(*to).clone()} oninput={text(&to)} />
                </div>
                <div class="field">
                    <label for="explore-steps">{ "Steps" }</label>
                    <input id="explore-steps" type="text" inputmode="numeric" value={(*steps).clone()} oninput={text(&steps)} />
                </div>
                <button type="button" onclick={on_run}>{ "Sweep" }</button>
            </div>
            if let Some(e) = error.as_ref() {
                <p class="field-error" role="alert">{ e }</p>
            }
            if let Some((done, total)) = *progress {
                <p class="sweep-progress">
                    <label for="sweep-progress">{ format!("Sweeping: {done} of {total} values ") }</label>
                    <progress id="sweep-progress" max={total.to_string()} value={done.to_string()}></progress>
                </p>
            }
            { match result.as_ref() {
                None => html! {},
                Some(Err(e)) => html! { <p class="field-error" role="alert">{ e }</p> },
                Some(Ok(sweep)) => sweep_view(s, sweep, &options),
            } }
            <div class="explore-inputs">
                <div class="field">
                    <label for="explore-a">{ "Offer A" }</label>
                    <select id="explore-a" onchange={choose(false)}>{ column_options(pair.0) }</select>
                </div>
                <div class="field">
                    <label for="explore-b">{ "Offer B" }</label>
                    <select id="explore-b" onchange={choose(true)}>{ column_options(pair.1) }</select>
                </div>
                <button type="button" onclick={on_break_even}>{ "Find where B pays at least as much as A" }</button>
            </div>
            if let Some(text) = found.as_ref() {
                <p class="break-even" role="status">{ text }</p>
            }
        </section>
    }
}

/// Most points a sweep on the page may have: 10,000 take about half a second.
const PAGE_POINTS: u32 = 10_000;

/// Most rows the sweep's table shows.
const TABLE_ROWS: usize = 200;

/// The sweep: its chart, the crossovers in words, and the points as a table.
fn sweep_view(s: &Scenario, sweep: &Rc<Sweep>, options: &[QuantityChoice]) -> Html {
    let g = sweep_geometry(sweep);
    let name = |k: usize| {
        s.columns
            .get(k)
            .map(|c| s.column_name(&c.id))
            .unwrap_or_default()
    };
    // The quantity in words, as the (memoised) list names it ("Imposed contract…: Saturday
    // daytime, rate %"), not its spec.
    let q = &sweep.quantity;
    let label = options
        .iter()
        .find(|c| c.quantity == sweep.quantity)
        .map_or_else(|| sweep.quantity.to_string(), |c| c.label.clone());
    let description = sweep.crossover_sentences(&name).join(" ");
    let plot_bottom = SWEEP_HEIGHT - BOTTOM;
    // A table of 10,000 rows helps no one and slows the page: a sample, and
    // every point in the CSV.
    let step = sweep.points.len().div_ceil(TABLE_ROWS).max(1);
    let on_csv = {
        let sweep = sweep.clone();
        Callback::from(move |_: MouseEvent| {
            crate::ui::browser::download(
                "offer-compare-sweep.csv",
                "text/csv",
                &sweep_to_csv(&sweep),
            )
        })
    };
    html! {
        <figure class="chart sweep-chart">
            <figcaption>{ format!("Gross pay per year as {label} varies") }</figcaption>
            <svg viewBox={format!("0 0 {} {}", whole(SWEEP_WIDTH), whole(SWEEP_HEIGHT))} role="img" aria-labelledby="sweep-desc"
                preserveAspectRatio="xMinYMin meet">
                <desc id="sweep-desc">{ &description }</desc>
                { for g.y_ticks.iter().map(|(y, v)| html! {
                    <text x="0" y={y.clone()} font-size="11" fill="#1d1d1f">{ format_pounds(*v) }</text>
                }) }
                { for g.x_ticks.iter().map(|(x, v)| html! {
                    <text x={x.clone()} y={whole(SWEEP_HEIGHT - 6.0)} font-size="11" fill="#1d1d1f" text-anchor="middle">{ q.format_value(*v) }</text>
                }) }
                <line x1={whole(LEFT)} y1={whole(plot_bottom)} x2={whole(SWEEP_WIDTH)} y2={whole(plot_bottom)} stroke="#4a4a55" />
                { for g.crossings.iter().map(|(x, _)| html! {
                    <line x1={x.clone()} y1="0" x2={x.clone()} y2={whole(plot_bottom)} stroke="#4a4a55" stroke-dasharray="3 3" />
                }) }
                { for g.lines.iter().enumerate().map(|(k, d)| html! {
                    <path d={d.clone()} fill="none" stroke={LINE_COLOURS[k % LINE_COLOURS.len()]} stroke-width="2" />
                }) }
            </svg>
            <ul class="legend">
                { for sweep.columns.iter().enumerate().map(|(k, _)| html! {
                    <li>
                        <svg class="swatch" viewBox="0 0 1 1" aria-hidden="true"><rect width="1" height="1" fill={LINE_COLOURS[k % LINE_COLOURS.len()]} /></svg>
                        { name(k) }
                    </li>
                }) }
            </ul>
            <p class="crossovers">{ description }</p>
            <button type="button" class="download" onclick={on_csv}>{ "Download the sweep (CSV)" }</button>
            <details>
                <summary>{ match sweep.points.len() > TABLE_ROWS {
                    true => format!("The sweep as a table ({} points, one in {} shown; the CSV has them all)", sweep.points.len(), step),
                    false => format!("The sweep as a table ({} points)", sweep.points.len()),
                } }</summary>
                <div class="table-scroll" tabindex="0" role="region" aria-label="The sweep as a table">
                    <table class="chart-table">
                        <thead>
                            <tr>
                                <th scope="col">{ label.clone() }</th>
                                { for sweep.columns.iter().enumerate().map(|(k, _)| html! { <th scope="col">{ name(k) }</th> }) }
                            </tr>
                        </thead>
                        <tbody>
                            { for sweep.points.iter().step_by(step).map(|p| html! {
                                <tr>
                                    <th scope="row">{ q.format_value(p.x) }</th>
                                    { for p.cells.iter().map(|c| html! {
                                        <td>
                                            { format_pounds(c.gross) }
                                            if let Some(n) = c.net { <span class="net">{ format!(" · net {}", format_pounds(n)) }</span> }
                                            { if c.breach { " (breaches a limit)" } else { "" } }
                                        </td>
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
