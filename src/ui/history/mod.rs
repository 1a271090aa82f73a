//! The pay-history page (`history.html`, issue #24): one grade's basic pay
//! year by year, in cash and in one year's money by a chosen index, the
//! change since a base year and the restoration figure; the published claims
//! beside the same choices here. Its own small program (`src/history_page.rs`),
//! loaded only by this page, so the comparison's download does not carry it.

pub mod address;
mod chart;

use crate::codec::csv::history_to_csv;
use crate::engine::explain::figure::Figure;
use crate::engine::explain::{format_figure, render_text};
use crate::engine::history::{pay_history, pay_year, History};
use crate::engine::model::offer::{Grade, PayScale};
use crate::engine::model::settings::{IndexBasis, Measure};
use crate::presets::history::{
    basis_id, grade_id, measure_id, Choices, PayLine, CLAIMS, PAY_LINES,
};
use crate::ui::browser;
use crate::ui::widgets::choice::choice;
use address::to_query;
use yew::prelude::*;

/// A reading's history, or why there is none, in words.
type Answer = Result<History, String>;

/// Each published claim's history: they never change, so the page computes
/// them once for its claims and its side-by-side table.
fn claim_answers() -> Vec<Answer> {
    CLAIMS
        .iter()
        .map(|claim| history_for(&claim.choices).map(|(_, h)| h))
        .collect()
}

/// The history for `choices`, or why there is none, in words.
pub fn history_for(choices: &Choices) -> Result<(PayScale, History), String> {
    let scale = choices.line.scale()?;
    let history = pay_history(
        &scale,
        &choices.reading(),
        &crate::presets::reference().price_indices,
    )
    .map_err(|e| e.to_string())?;
    Ok((scale, history))
}

/// The pay years `scale` covers, first to last.
fn years_of(scale: &PayScale) -> Vec<u16> {
    let first = scale.periods.iter().map(|p| p.from.pay_year()).min();
    let last = scale.periods.iter().map(|p| p.until.pay_year()).max();
    match (first, last) {
        (Some(a), Some(b)) => (a..b).collect(),
        _ => Vec::new(),
    }
}

/// A figure as a button that opens its explanation beside it.
fn figure_button(f: &Figure, open: &UseStateHandle<Option<String>>) -> Html {
    let expanded = open.as_deref() == Some(f.id.as_str());
    let onclick = {
        let (open, id) = (open.clone(), f.id.clone());
        Callback::from(move |_: MouseEvent| {
            open.set((open.as_deref() != Some(id.as_str())).then(|| id.clone()))
        })
    };
    html! {
        <button type="button" class="figure" aria-expanded={expanded.to_string()}
            aria-controls={format!("why-{}", f.id)} data-figure={f.id.clone()}
            data-value={f.value.to_string()} {onclick}>
            { format_figure(f.value, f.unit) }
        </button>
    }
}

/// The explanation of `f`, line by line, when it is the open one.
fn explanation(f: &Figure, open: &Option<String>) -> Html {
    if open.as_deref() != Some(f.id.as_str()) {
        return html! {};
    }
    let text = render_text(&f.explanation, f.unit);
    let mut lines = text.lines();
    html! {
        <section class="why" id={format!("why-{}", f.id)} aria-label="Explanation">
            <h2>{ format!("Why: {} — {}", f.label, lines.next().unwrap_or_default()) }</h2>
            <ul>{ for lines.map(|l| html! { <li>{ l.trim() }</li> }) }</ul>
        </section>
    }
}

/// The form: every choice that moves the answer.
fn form(c: &Choices, years: &[u16], set: &Callback<Choices>) -> Html {
    let on = |f: fn(&mut Choices, &str)| {
        let (set, c) = (set.clone(), *c);
        Callback::from(move |v: String| {
            let mut next = c;
            f(&mut next, &v);
            set.emit(next)
        })
    };
    let year_options = || years.iter().map(|y| (y.to_string(), pay_year(*y)));
    html! {
        <form class="inputs history-form" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            { choice(("history-line", "Pay scales"), PAY_LINES.iter().map(|l| (l.id, l.name)), c.line.id, false,
                on(|c, v| if let Some(l) = PayLine::find(v) { c.line = l })) }
            { choice(("history-grade", "Grade"), Grade::ALL.iter().map(|g| (grade_id(*g), grade_id(*g))), &grade_id(c.grade), false,
                on(|c, v| if let Some(g) = Grade::ALL.into_iter().find(|g| grade_id(*g) == v) { c.grade = g })) }
            { choice(("history-years", "Completed years at the grade"), (0..=10u8).map(|n| (n.to_string(), n.to_string())), &c.years.to_string(), false,
                on(|c, v| c.years = v.parse().unwrap_or(0))) }
            { choice(("history-index", "Price index"), Measure::ALL.iter().map(|m| (measure_id(*m), m.name())), measure_id(c.measure), false,
                on(|c, v| if let Some(m) = Measure::ALL.into_iter().find(|m| measure_id(*m) == v) { c.measure = m })) }
            { choice(("history-basis", "Which value of each year"), IndexBasis::ALL.iter().map(|b| (basis_id(*b), b.name())), basis_id(c.basis), false,
                on(|c, v| if let Some(b) = IndexBasis::ALL.into_iter().find(|b| basis_id(*b) == v) { c.basis = b })) }
            { choice(("history-from", "Base year"), year_options(), &c.from.to_string(), false,
                on(|c, v| c.from = v.parse().unwrap_or(c.from))) }
            { choice(("history-to", "End year (pounds of this year)"), year_options(), &c.to.to_string(), false,
                on(|c, v| c.to = v.parse().unwrap_or(c.to))) }
        </form>
    }
}

/// Each published claim beside the same choices here.
fn claims(set: &Callback<Choices>, answers: &[Answer]) -> Html {
    html! {
        <section class="claims" aria-labelledby="claims-title">
            <h2 id="claims-title">{ "Published claims, and the same choices here" }</h2>
            <p>{ "Each claim's stated basis set up here: choose one to see its years below." }</p>
            <ol class="claim-list">
                { for CLAIMS.iter().zip(answers).enumerate().map(|(i, (claim, answer))| {
                    let here = match answer {
                        Ok(h) => h.sentence(&claim.choices.reading()),
                        Err(e) => e.clone(),
                    };
                    let onclick = {
                        let (set, c) = (set.clone(), claim.choices);
                        Callback::from(move |_: MouseEvent| set.emit(c))
                    };
                    html! {
                        <li data-claim={i.to_string()}>
                            <p><strong>{ format!("{}, {}: ", claim.who, claim.when) }</strong>{ format!("“{}”", claim.said) }</p>
                            <p class="hint">
                                { "Source: " }
                                if claim.link.is_empty() { { claim.source } } else { <a href={claim.link}>{ claim.source }</a> }
                            </p>
                            <p data-claim-here="">{ format!("Here: {here}") }</p>
                            <p>{ claim.note }</p>
                            <button type="button" {onclick}>{ format!("Show these choices ({} to {}, {})", pay_year(claim.choices.from), pay_year(claim.choices.to), claim.choices.measure.name()) }</button>
                        </li>
                    }
                }) }
            </ol>
        </section>
    }
}

/// One reading's row of the side-by-side table: its choices and its two
/// figures (or "unknown", with the reason on hover).
fn reading_row(name: Html, c: &Choices, answer: Result<&History, &String>, actions: Html) -> Html {
    let figures = match answer {
        Ok(h) => [&h.change, &h.restoration].map(|f| {
            html! { <td data-value={f.value.to_string()}>{ format_figure(f.value, f.unit) }</td> }
        }),
        Err(e) => [(); 2].map(|_| html! { <td title={e.clone()}>{ "unknown" }</td> }),
    };
    let [change, restoration] = figures;
    html! {
        <tr data-reading={address::reading_id(c)}>
            <th scope="row">{ name }</th>
            <td>{ c.line.id }</td>
            <td>{ grade_id(c.grade) }</td>
            <td>{ c.measure.name() }</td>
            <td>{ c.basis.name() }</td>
            <td>{ format!("{} to {}", pay_year(c.from), pay_year(c.to)) }</td>
            { change }
            { restoration }
            <td>{ actions }</td>
        </tr>
    }
}

/// The readings side by side: these choices, each published claim's and each
/// the reader added, so which choice moves the answer shows at a glance.
fn side_by_side(
    (c, answer): (&Choices, Result<&History, &String>),
    claim_answers: &[Answer],
    readings: &UseStateHandle<Vec<Choices>>,
    set: &Callback<Choices>,
) -> Html {
    let show = |r: Choices| {
        let set = set.clone();
        html! { <button type="button" onclick={Callback::from(move |_: MouseEvent| set.emit(r))}>{ "Show" }</button> }
    };
    let full = readings.len() >= address::MAX_READINGS || readings.contains(c);
    let on_add = {
        let (readings, c) = (readings.clone(), *c);
        Callback::from(move |_: MouseEvent| {
            let mut next = (*readings).clone();
            next.push(c);
            readings.set(next)
        })
    };
    html! {
        <section class="readings" aria-labelledby="readings-title">
            <h2 id="readings-title">{ "Readings side by side" }</h2>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="readings-title">
                <table class="results readings-table">
                    <thead><tr>
                        <th scope="col">{ "Reading" }</th>
                        <th scope="col">{ "Scales" }</th>
                        <th scope="col">{ "Grade" }</th>
                        <th scope="col">{ "Index" }</th>
                        <th scope="col">{ "Value of each year" }</th>
                        <th scope="col">{ "Years" }</th>
                        <th scope="col">{ "Change in real pay" }</th>
                        <th scope="col">{ "Rise to restore" }</th>
                        <th scope="col"><span class="visually-hidden">{ "Actions" }</span></th>
                    </tr></thead>
                    <tbody>
                        { reading_row(html! { "These choices" }, c, answer, html! {}) }
                        { for CLAIMS.iter().zip(claim_answers).map(|(claim, a)| reading_row(html! { { format!("{}, {}", claim.who, claim.when) } }, &claim.choices, a.as_ref(), show(claim.choices))) }
                        { for readings.iter().enumerate().map(|(i, r)| {
                            let on_remove = {
                                let readings = readings.clone();
                                Callback::from(move |_: MouseEvent| {
                                    let mut next = (*readings).clone();
                                    next.remove(i);
                                    readings.set(next)
                                })
                            };
                            let answer = history_for(r).map(|(_, h)| h);
                            reading_row(html! { { format!("Your reading {}", i + 1) } }, r, answer.as_ref(), html! {
                                <>
                                    { show(*r) }
                                    <button type="button" onclick={on_remove} aria-label={format!("Remove your reading {}", i + 1)}>{ "Remove" }</button>
                                </>
                            })
                        }) }
                    </tbody>
                </table>
            </div>
            <p class="buttons">
                <button type="button" onclick={on_add} disabled={full}>{ "Add these choices to the table" }</button>
                if full {
                    <span class="hint">{ if readings.contains(c) { "These choices are in the table." } else { "The table holds 8 readings: remove one first." } }</span>
                }
            </p>
        </section>
    }
}

/// The points the grade is paid on, in words: each point with the years it
/// covers (`FY1-0 2008/09–2015/16; NP1 2016/17–2026/27`), so the mapping from
/// the 2002 scale to the 2016 nodal points is in plain sight.
fn points_in_words(history: &History) -> String {
    let mut runs: Vec<(String, u16, u16)> = Vec::new();
    for y in &history.years {
        let Some((_, point)) = &y.scale else { continue };
        match runs.last_mut() {
            Some((p, _, last)) if p == point => *last = y.year,
            _ => runs.push((point.clone(), y.year, y.year)),
        }
    }
    runs.iter()
        .map(|(p, a, b)| match a == b {
            true => format!("{p} {}", pay_year(*a)),
            false => format!("{p} {}–{}", pay_year(*a), pay_year(*b)),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The years as a table, each figure opening its explanation in a row below.
fn years_table(c: &Choices, history: &History, open: &UseStateHandle<Option<String>>) -> Html {
    html! {
        <div class="table-scroll" tabindex="0" role="region" aria-label="Pay year by year">
            <table class="results history-table">
                <caption>{ format!("{} basic pay, full time, year by year: in cash and in pounds of {}", grade_id(c.grade), pay_year(c.to)) }</caption>
                <thead><tr>
                    <th scope="col">{ "Pay year" }</th>
                    <th scope="col">{ "Scale" }</th>
                    <th scope="col">{ "Point" }</th>
                    <th scope="col">{ "Basic pay" }</th>
                    <th scope="col">{ format!("In {} pounds", pay_year(c.to)) }</th>
                </tr></thead>
                <tbody>
                    { for history.years.iter().map(|y| {
                        let (label, point) = y.scale.clone().unwrap_or_else(|| ("not published or not found".into(), String::new()));
                        let base = (y.year == c.from || y.year == c.to).then_some("reading-year");
                        html! {
                            <>
                                <tr data-year={y.year.to_string()} class={classes!(base)}>
                                    <th scope="row">{ pay_year(y.year) }</th>
                                    <td class="scale-label">{ label }</td>
                                    <td>{ point }</td>
                                    <td>{ y.cash.as_ref().map_or_else(|| html! { "unknown" }, |f| figure_button(f, open)) }</td>
                                    <td>{ match &y.real { Ok(f) => figure_button(f, open), Err(why) => html! { <span title={why.clone()}>{ "unknown" }</span> } } }</td>
                                </tr>
                                if let Some(f) = y.cash.iter().chain(y.real.as_ref().ok()).find(|f| open.as_deref() == Some(f.id.as_str())) {
                                    <tr class="why-row"><td colspan="5">{ explanation(f, open) }</td></tr>
                                }
                            </>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}

/// The page's heading.
const TITLE: &str = "Pay history and restoration";

/// The brand and the links between the two pages.
fn masthead() -> Html {
    html! {
        <header class="masthead">
            <p class="brand">{ "Offer Compare" }</p>
            <nav class="views" aria-label="Pages">
                <ul>
                    <li><a href="./">{ "Compare offers" }</a></li>
                    <li><a href="history.html" aria-current="page">{ "Pay history" }</a></li>
                </ul>
            </nav>
        </header>
    }
}

/// The answer: the sentence and its two figures, each opening its
/// explanation beside it; or why there is none, in words.
fn answer(
    c: &Choices,
    result: &Result<(PayScale, History), String>,
    open: &UseStateHandle<Option<String>>,
) -> Html {
    match result {
        Ok((_, h)) => html! {
            <section class="answer history-answer" aria-label="The answer">
                <p class="summary-sentence" data-history-sentence="">{ h.sentence(&c.reading()) }</p>
                <ul class="answer-figures">
                    <li>{ format!("{}: ", h.change.label) }{ figure_button(&h.change, open) }{ explanation(&h.change, open) }</li>
                    <li>{ format!("{}: ", h.restoration.label) }{ figure_button(&h.restoration, open) }{ explanation(&h.restoration, open) }</li>
                </ul>
            </section>
        },
        Err(e) => {
            html! { <p class="field-error" role="alert" data-history-error="">{ format!("No answer for these choices: {e}.") }</p> }
        }
    }
}

/// The default choices' masthead, heading and answer as the page first
/// renders them: written into `history.html` at build time
/// (`src/ui/history/first_screen.html`, kept current by a native test), so
/// the answer shows before the program arrives. Nothing in it takes input.
#[component]
pub fn HistoryFirstScreen() -> Html {
    let open = use_state(|| None::<String>);
    html! {
        <>
            { masthead() }
            <main id="main">
                <h1>{ TITLE }</h1>
                { answer(&address::DEFAULT, &history_for(&address::DEFAULT), &open) }
            </main>
        </>
    }
}

/// The page: the answer, the choices, the claims, the years.
#[component]
pub fn HistoryPage() -> Html {
    let start = use_memo((), |_| address::from_query(&browser::search()));
    let choices = use_state(|| start.choices);
    let readings = use_state(|| start.readings.clone());
    let problems = use_state(|| start.problems.clone());
    let open = use_state(|| None::<String>);
    let claim_answers = use_memo((), |_| claim_answers());
    {
        // The address always holds the choices shown and the readings beside
        // them: a reload, a bookmark or a copied link opens the same figures.
        let query = to_query(&choices, &readings);
        use_effect_with(query, |q| browser::replace_search(q));
    }
    let set = {
        let (choices, problems, open) = (choices.clone(), problems.clone(), open.clone());
        Callback::from(move |c: Choices| {
            choices.set(c);
            problems.set(Vec::new());
            open.set(None);
        })
    };
    let c = *choices;
    let result = history_for(&c);
    let years = match &result {
        Ok((scale, _)) => years_of(scale),
        Err(_) => c.line.scale().map(|s| years_of(&s)).unwrap_or_default(),
    };
    let on_csv = {
        let c = *choices;
        Callback::from(move |_: MouseEvent| {
            if let Ok((_, h)) = history_for(&c) {
                browser::download(
                    "offer-compare-pay-history.csv",
                    "text/csv",
                    &history_to_csv(&c.command(), &c.reading(), &h),
                )
            }
        })
    };
    html! {
        <>
            { masthead() }
            <main id="main">
                <h1>{ TITLE }</h1>
                if !problems.is_empty() {
                    <div class="error-summary" role="alert">
                        <h2>{ "Part of the link was not understood" }</h2>
                        <ul>{ for problems.iter().map(|(field, message)| html! {
                            <li><a href={format!("#history-{field}")}>{ format!("{field}: {message}") }</a>{ " — the default is shown." }</li>
                        }) }</ul>
                    </div>
                }
                { answer(&c, &result, &open) }
                { form(&c, &years, &set) }
                if let Ok((_, h)) = &result {
                    { chart::history_chart(h, c.from, c.to, &c.command()) }
                    <p class="hint" data-history-points="">{ format!("Points paid ({} with {} completed years): {}.", grade_id(c.grade), c.years, points_in_words(h)) }</p>
                    { years_table(&c, h, &open) }
                    <p class="buttons"><button type="button" onclick={on_csv}>{ "Download the years (CSV)" }</button></p>
                }
                { side_by_side((&c, result.as_ref().map(|(_, h)| h)), &claim_answers, &readings, &set) }
                { claims(&set, &claim_answers) }
                <section class="method" aria-labelledby="history-method">
                    <h2 id="history-method">{ "How these figures are made" }</h2>
                    <p>{ "A year is a pay year, named by the calendar year it starts in (2008 = 2008/09). Its pay is the scale in force on its last day, 31 March, so an award paid from October counts for its year. Its price level is the chosen index's April value or annual average for that calendar year, or the average from April to March of the pay year itself. A year no scale covers, or with no index value, is shown as unknown, never filled in." }</p>
                    <p>{ "Pay scales: NHS Employers pay circulars PC (M&D), year by year, as each value's explanation cites. Price indices: ONS series D7BT (CPI), L522 (CPIH) and CHAW (RPI). Markers: [V] read in the primary source, [S] secondary, [D] derived with the arithmetic written down, [?] assumed." }</p>
                    <p>{ "The same figures on the command line: " }<code>{ c.command() }</code></p>
                </section>
            </main>
        </>
    }
}

/// Mounts the history page into `#app`, reading the preset files the page
/// carries first (as the comparison page does).
#[cfg(target_arch = "wasm32")]
pub fn start() {
    super::mount::<HistoryPage>();
}
