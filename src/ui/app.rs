//! The root component: owns the state (one reducer) and lays out the page.
//! Leaf components get props and callbacks; none computes a figure.

use super::assumptions_panel::AssumptionsPanel;
use super::column_details::ColumnDetails;
use super::job_form::JobForm;
use super::method_and_sources::MethodAndSources;
use super::offer_columns::OfferColumns;
use super::pay_chart::PayChart;
use super::rest_chart::RestChart;
use super::results_table::ResultsTable;
use super::rota_picker::RotaPicker;
use super::state::{Action, State};
use crate::engine::Issue;
use crate::presets;
use crate::DEFAULT_SCENARIO;
use std::rc::Rc;
use yew::prelude::*;

/// The form field an engine issue belongs to, if it has one on this page.
fn field_for(path: &str) -> Option<&'static str> {
    match path {
        "doctor.ltft" => Some("ltft"),
        "doctor.years_at_grade" => Some("years"),
        "doctor.specialty_premium" => Some("premium"),
        "doctor.grade" => Some("grade"),
        "pay_date" => Some("pay-date"),
        p if p.starts_with("columns") => Some("add-offer"),
        _ => None,
    }
}

fn error_summary(issues: &[Issue]) -> Html {
    html! {
        <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
            <h2 id="error-summary-title">{ "There is a problem" }</h2>
            <ul>
                { for issues.iter().map(|i| match field_for(&i.path) {
                    Some(id) => html! { <li><a href={format!("#{id}")}>{ &i.message }</a></li> },
                    None => html! { <li>{ i.to_string() }</li> },
                }) }
            </ul>
        </div>
    }
}

/// Marks a moment for the browser's performance timeline, read by the
/// end-to-end tests (input → updated results, navigation → first results).
fn mark(name: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = name;
}

/// The whole app.
#[component]
pub fn App() -> Html {
    let state = use_reducer(|| State::from_json(DEFAULT_SCENARIO));
    // The codec's library already holds every parsed offer preset.
    let offer_presets = use_memo((), |_| {
        presets::library()
            .offers
            .iter()
            .map(|e| e.item.clone())
            .collect::<Vec<_>>()
    });
    let rota_presets = use_memo((), |_| presets::rota_presets());
    let on_action = {
        let state = state.clone();
        Callback::from(move |action: Action| {
            mark("oc-dispatch");
            state.dispatch(action);
        })
    };
    // After the render that shows new results has been committed to the page.
    use_effect_with(state.shown.clone(), |_| mark("oc-rendered"));
    let scenario = state.scenario.clone();
    let rota_id = scenario
        .rotas
        .first()
        .map(|r| r.id.clone())
        .unwrap_or_default();
    html! {
        <>
            <header class="masthead">
                <p class="brand">{ "Offer Compare" }</p>
                <p class="tagline">{ "Contract offers side by side: what each does to your earnings and rest." }</p>
                <nav aria-label="On this page">
                    <a href="#results-heading">{ "Results" }</a>
                    <a href="#assumptions-heading">{ "Assumptions" }</a>
                    <a href="#method-heading">{ "Method and sources" }</a>
                    <a href="#glossary">{ "Glossary" }</a>
                </nav>
            </header>
            <main id="main">
                <h1>{ if scenario.title.is_empty() { "Compare offers".to_string() } else { scenario.title.clone() } }</h1>
                if !state.issues.is_empty() {
                    { error_summary(&state.issues) }
                }
                <form class="inputs" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                    <JobForm doctor={scenario.doctor.clone()} pay_date={scenario.pay_date} on_action={on_action.clone()} />
                    <RotaPicker presets={Rc::clone(&rota_presets)} current={rota_id} on_action={on_action.clone()} />
                    <OfferColumns scenario={scenario.clone()} presets={Rc::clone(&offer_presets)} on_action={on_action} />
                </form>
                if let Some(c) = state.shown.as_ref() {
                    <section class={classes!("results", state.is_stale().then_some("stale"))} aria-labelledby="results-heading">
                        <h2 id="results-heading">{ "Results" }</h2>
                        if state.is_stale() {
                            <p class="stale-note" role="status">
                                <strong>{ "Out of date: " }</strong>
                                { "these results are from before your last change, which has a problem (see above)." }
                            </p>
                        }
                        <ResultsTable comparison={c.clone()} />
                        <PayChart comparison={c.clone()} />
                        <RestChart comparison={c.clone()} />
                        <ColumnDetails comparison={c.clone()} />
                    </section>
                    <AssumptionsPanel scenario={scenario.clone()} comparison={c.clone()} />
                    <MethodAndSources scenario={scenario.clone()} comparison={c.clone()} />
                }
            </main>
        </>
    }
}
