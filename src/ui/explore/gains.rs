//! "Who gains, who loses": every column's offer over a set of rotas (the
//! scenario's, every preset, and each with a weekend or a night more or fewer
//! and at LTFT 60% and 80%), set against the baseline on the same rota — best,
//! median and worst, the shares better and worse off — with the rota at each
//! extreme one click from being the comparison on screen.

use crate::engine::explore::gains::{gains, standard_cases, Case, Gains};
use crate::engine::explore::words::{Extreme, GAINS_CAPTION};
use crate::engine::scenario::Scenario;
use crate::ui::state::Action;
use rust_decimal::Decimal;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`GainsPanel`].
#[derive(Properties, PartialEq)]
pub struct GainsPanelProps {
    /// The scenario whose offers are run.
    pub scenario: Rc<Scenario>,
    /// Receives "open this rota as the comparison".
    pub on_action: Callback<Action>,
}

/// The scenario with `case`'s rota (and LTFT) in every column: the comparison
/// behind one row of the set, to open like any other.
fn opened(scenario: &Scenario, case: &Case) -> Scenario {
    let mut s = scenario.clone();
    s.rotas = vec![case.rota.clone()];
    for column in &mut s.columns {
        column.rota = case.rota.id.clone();
    }
    if let Some(ltft) = case.ltft {
        s.doctor.ltft = ltft;
    }
    if let Some(grade) = case.grade {
        s.doctor.grade = grade;
    }
    s
}

/// The rota a case's label starts from ("preset fy1-ward@1" of
/// "preset fy1-ward@1, +1 weekend, ST3").
fn rota_of(label: &str) -> &str {
    label.split(", ").next().unwrap_or(label)
}

/// See the module docs.
#[component]
pub fn GainsPanel(props: &GainsPanelProps) -> Html {
    let result = use_state(|| None::<Result<Rc<Gains>, String>>);
    let cases = use_memo(props.scenario.clone(), |s| {
        standard_cases(s, crate::reference())
    });
    // Each rota (with its variations and grades) weighs what the user says:
    // how many doctors it stands for.
    let rotas = use_memo(cases.clone(), |cases| {
        let mut rotas: Vec<String> = Vec::new();
        for c in cases.iter() {
            let base = rota_of(&c.label).to_string();
            if !rotas.contains(&base) {
                rotas.push(base);
            }
        }
        rotas
    });
    let weights = use_state(Vec::<String>::new);
    let on_run = {
        let (scenario, result, cases, rotas, weights) = (
            props.scenario.clone(),
            result.clone(),
            cases.clone(),
            rotas.clone(),
            weights.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let weighed = || -> Result<Vec<Case>, String> {
                let mut out = (*cases).clone();
                for case in &mut out {
                    let k = rotas.iter().position(|r| r == rota_of(&case.label));
                    let text = k.and_then(|k| weights.get(k)).map_or("1", |w| w.trim());
                    let text = if text.is_empty() { "1" } else { text };
                    case.weight = text
                        .parse::<Decimal>()
                        .ok()
                        .filter(|w| !w.is_sign_negative())
                        .ok_or_else(|| {
                            format!(
                                "the weight '{text}' for {} is not a number of doctors",
                                rota_of(&case.label)
                            )
                        })?;
                }
                Ok(out)
            };
            result.set(Some(
                weighed()
                    .and_then(|cases| gains(&scenario, crate::reference(), &cases))
                    .map(Rc::new),
            ));
        })
    };
    let on_weight = |k: usize| {
        let (weights, count) = (weights.clone(), rotas.len());
        Callback::from(move |e: InputEvent| {
            let mut all = (*weights).clone();
            all.resize(count, String::new());
            all[k] = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .value();
            weights.set(all);
        })
    };
    let s = &props.scenario;
    let open = |g: &Rc<Gains>, case: usize| {
        let (scenario, gains, on_action) = (s.clone(), g.clone(), props.on_action.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some((case, _)) = gains.cases.get(case) {
                on_action.emit(Action::Open {
                    scenario: Rc::new(opened(&scenario, case)),
                    from: format!("the rota '{}'", case.label),
                });
            }
        })
    };
    let extreme = |g: &Rc<Gains>, change: &str, Extreme { label, case }: &Extreme| {
        html! {
            <>
                { change }
                <span class="case">{ format!(" ({label}) ") }</span>
                <button type="button" onclick={open(g, *case)} aria-label={format!("Open the rota '{label}' as the comparison")}>{ "Open" }</button>
            </>
        }
    };
    html! {
        <section class="gains" aria-labelledby="gains-heading">
            <h2 id="gains-heading">{ "Who gains, who loses" }</h2>
            <p class="hint">{ "Every offer over the rota presets and this comparison's rota, each also with one weekend and one night more and fewer and at 60% and 80% of full time, each at FY1, FY2, CT1, ST3 and ST6, against the baseline on the same rota (each rota counts once unless weighted). Rotas that break an offer's limits are counted and flagged, not left out." }</p>
            <details class="weights">
                <summary>{ "Weights: how many doctors each rota stands for (1 each unless you say)" }</summary>
                { for rotas.iter().enumerate().map(|(k, r)| html! {
                    <div class="field inline-field">
                        <label for={format!("weight-{k}")}>{ r }</label>
                        <input id={format!("weight-{k}")} type="text" inputmode="decimal" placeholder="1"
                            value={weights.get(k).cloned().unwrap_or_default()} oninput={on_weight(k)} />
                    </div>
                }) }
            </details>
            <button type="button" onclick={on_run}>{ "Run every offer over the set of rotas" }</button>
            { match result.as_ref() {
                None => html! {},
                Some(Err(e)) => html! { <p class="field-error" role="alert">{ e }</p> },
                Some(Ok(g)) => html! {
                    <>
                        <p role="status">{ g.summary_sentence(&g.columns.get(g.baseline).map(|c| s.column_name(c)).unwrap_or_default()) }</p>
                        <div class="table-scroll" tabindex="0" role="region" aria-label="Who gains, as a table">
                            <table class="gains-table">
                                <caption>{ GAINS_CAPTION }</caption>
                                <thead>
                                    <tr>
                                        <th scope="col">{ "Offer" }</th>
                                        <th scope="col">{ "Worst" }</th>
                                        <th scope="col">{ "Median" }</th>
                                        <th scope="col">{ "Best" }</th>
                                        <th scope="col">{ "Better off" }</th>
                                        <th scope="col">{ "Worse off" }</th>
                                        <th scope="col">{ "Cases breaching its limits" }</th>
                                        <th scope="col">{ "Pay bill" }</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    { for g.rows().into_iter().map(|r| html! {
                                        <tr data-column={r.id.clone()}>
                                            <th scope="row">{ s.column_name(&r.id) }</th>
                                            <td class="worst">{ extreme(g, &r.worst, &r.worst_case) }</td>
                                            <td class="median">{ r.median }</td>
                                            <td class="best">{ extreme(g, &r.best, &r.best_case) }</td>
                                            <td>{ r.better }</td>
                                            <td>{ r.worse }</td>
                                            <td>{ r.breaching }</td>
                                            <td class="pay-bill">{ r.pay_bill }</td>
                                        </tr>
                                    }) }
                                </tbody>
                            </table>
                        </div>
                        <p class="hint pay-bill-note">{ g.pay_bill_sentence() }</p>
                        if !g.failed.is_empty() {
                            <details>
                                <summary>{ format!("{} rotas could not be computed", g.failed.len()) }</summary>
                                <ul>{ for g.failure_sentences().into_iter().map(|f| html! { <li>{ f }</li> }) }</ul>
                            </details>
                        }
                    </>
                },
            } }
        </section>
    }
}
