//! "Who gains, who loses": every column's offer over a set of rotas (the
//! scenario's, every preset, and each with a weekend or a night more or fewer
//! and at LTFT 60% and 80%), set against the baseline on the same rota — best,
//! median and worst, the shares better and worse off — with the rota at each
//! extreme one click from being the comparison on screen.

use super::state::Action;
use crate::engine::explain::format_pounds;
use crate::engine::explore::gains::{gains, share_text, standard_cases, Case, Gains};
use crate::engine::scenario::Scenario;
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

/// See the module docs.
#[component]
pub fn GainsPanel(props: &GainsPanelProps) -> Html {
    let result = use_state(|| None::<Result<Rc<Gains>, String>>);
    let on_run = {
        let (scenario, result) = (props.scenario.clone(), result.clone());
        Callback::from(move |_: MouseEvent| {
            let cases = standard_cases(&scenario);
            result.set(Some(gains(&scenario, &cases).map(Rc::new)));
        })
    };
    let s = &props.scenario;
    let name = |id: &str| {
        s.columns
            .iter()
            .find(|c| c.id == id)
            .and_then(|c| s.offer(&c.offer))
            .map_or_else(|| id.to_string(), |o| o.name.clone())
    };
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
    let extreme = |g: &Rc<Gains>, (change, case): (Decimal, usize)| {
        let label = g
            .cases
            .get(case)
            .map(|(c, _)| c.label.clone())
            .unwrap_or_default();
        html! {
            <>
                { format_pounds(change) }
                <span class="case">{ format!(" ({label}) ") }</span>
                <button type="button" onclick={open(g, case)} aria-label={format!("Open the rota '{label}' as the comparison")}>{ "Open" }</button>
            </>
        }
    };
    html! {
        <section class="gains" aria-labelledby="gains-heading">
            <h2 id="gains-heading">{ "Who gains, who loses" }</h2>
            <p class="hint">{ "Every offer over the rota presets and this comparison's rota, each also with one weekend and one night more and fewer and at 60% and 80% of full time, each at FY1, FY2, CT1, ST3 and ST6, against the baseline on the same rota (every rota counts once). Rotas that break an offer's limits are counted and flagged, not left out." }</p>
            <button type="button" onclick={on_run}>{ "Run every offer over the set of rotas" }</button>
            { match result.as_ref() {
                None => html! {},
                Some(Err(e)) => html! { <p class="field-error" role="alert">{ e }</p> },
                Some(Ok(g)) => html! {
                    <>
                        <p role="status">{ format!("{} cases (rota, variation and grade) computed against {}.", g.cases.len(), name(&g.columns[g.baseline.min(g.columns.len().saturating_sub(1))])) }</p>
                        <div class="table-scroll">
                            <table class="gains-table">
                                <caption>{ "Change in gross pay per year against the baseline on the same rota and grade" }</caption>
                                <thead>
                                    <tr>
                                        <th scope="col">{ "Offer" }</th>
                                        <th scope="col">{ "Worst" }</th>
                                        <th scope="col">{ "Median" }</th>
                                        <th scope="col">{ "Best" }</th>
                                        <th scope="col">{ "Better off" }</th>
                                        <th scope="col">{ "Worse off" }</th>
                                        <th scope="col">{ "Cases breaching its limits" }</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    { for g.summary.iter().enumerate().filter(|(k, _)| *k != g.baseline).map(|(k, c)| html! {
                                        <tr data-column={g.columns[k].clone()}>
                                            <th scope="row">{ name(&g.columns[k]) }</th>
                                            <td class="worst">{ extreme(g, c.worst) }</td>
                                            <td class="median">{ format_pounds(c.median) }</td>
                                            <td class="best">{ extreme(g, c.best) }</td>
                                            <td>{ share_text(c.better) }</td>
                                            <td>{ share_text(c.worse) }</td>
                                            <td>{ c.breaching.len() }</td>
                                        </tr>
                                    }) }
                                </tbody>
                            </table>
                        </div>
                        if !g.failed.is_empty() {
                            <details>
                                <summary>{ format!("{} rotas could not be computed", g.failed.len()) }</summary>
                                <ul>{ for g.failed.iter().map(|(label, why)| html! { <li>{ format!("{label}: {why}") }</li> }) }</ul>
                            </details>
                        }
                    </>
                },
            } }
        </section>
    }
}
