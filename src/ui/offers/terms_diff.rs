//! "Terms side by side": two offers of the comparison term by term (from
//! [`crate::engine::terms::diff`]), only what differs by default, so the
//! difference between offers is visible as terms and not only as money.

use crate::engine::scenario::Scenario;
use crate::engine::terms::{diff, diff_date};
use crate::ui::state::Action;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`TermsDiff`].
#[derive(Properties, PartialEq)]
pub struct TermsDiffProps {
    /// The scenario (offers, columns, dates).
    pub scenario: Rc<Scenario>,
    /// The two offers chosen (ids); the baseline's and the next column's otherwise.
    pub pair: Option<(String, String)>,
    /// Receives a new choice.
    pub on_action: Callback<Action>,
}

/// The pair shown: the chosen one while both offers exist, else the
/// baseline's offer against the first other offer in the columns.
fn pair_shown(s: &Scenario, chosen: Option<&(String, String)>) -> Option<(String, String)> {
    let exists = |id: &str| s.offer(id).is_some();
    if let Some((a, b)) = chosen.filter(|(a, b)| exists(a) && exists(b)) {
        return Some((a.clone(), b.clone()));
    }
    let baseline = s
        .baseline
        .as_ref()
        .and_then(|b| s.columns.iter().find(|c| c.id == *b))
        .or(s.columns.first())?;
    let other = s.columns.iter().find(|c| c.offer != baseline.offer)?;
    Some((baseline.offer.clone(), other.offer.clone()))
}

/// See the module docs.
#[component]
pub fn TermsDiff(props: &TermsDiffProps) -> Html {
    let only_differences = use_state(|| true);
    let s = &props.scenario;
    let Some((a_id, b_id)) = pair_shown(s, props.pair.as_ref()) else {
        return html! {};
    };
    let (Some(a), Some(b)) = (s.offer(&a_id), s.offer(&b_id)) else {
        return html! {};
    };
    let date = diff_date(s, &a_id, &b_id);
    let rows = diff(a, b, date);
    let differing = rows.iter().filter(|r| r.differs).count();
    let choose = |first: bool| {
        let (on_action, a, b) = (props.on_action.clone(), a_id.clone(), b_id.clone());
        Callback::from(move |e: Event| {
            let id = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            on_action.emit(match first {
                true => Action::CompareTerms(id, b.clone()),
                false => Action::CompareTerms(a.clone(), id),
            });
        })
    };
    let options = |selected: &str| {
        html! {
            for o in s.offers.iter() {
                <option value={o.id.clone()} selected={o.id == selected}>{ &o.name }</option>
            }
        }
    };
    let on_only = {
        let only_differences = only_differences.clone();
        Callback::from(move |e: Event| {
            only_differences.set(
                e.target_unchecked_into::<web_sys::HtmlInputElement>()
                    .checked(),
            );
        })
    };
    let shown = rows.iter().filter(|r| r.differs || !*only_differences);
    html! {
        <section class="terms-diff" aria-labelledby="terms-heading">
            <h2 id="terms-heading">{ "Terms side by side" }</h2>
            <div class="terms-choice">
                <div class="field">
                    <label for="terms-a">{ "Offer A" }</label>
                    <select id="terms-a" onchange={choose(true)}>{ options(&a_id) }</select>
                </div>
                <div class="field">
                    <label for="terms-b">{ "Offer B" }</label>
                    <select id="terms-b" onchange={choose(false)}>{ options(&b_id) }</select>
                </div>
                <label class="inline">
                    <input type="checkbox" id="terms-only" checked={*only_differences} onchange={on_only} />
                    { " Only the terms that differ" }
                </label>
            </div>
            <p role="status">{ match differing {
                0 => "These two offers have the same terms.".to_string(),
                1 => "1 term differs.".to_string(),
                n => format!("{n} terms differ."),
            } }</p>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Terms side by side">
                <table class="terms-table">
                    <caption>{ format!("{} (A) and {} (B); pay scales as at {date}", a.name, b.name) }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "Section" }</th>
                            <th scope="col">{ "Term" }</th>
                            <th scope="col">{ "A: " }{ &a.name }</th>
                            <th scope="col">{ "B: " }{ &b.name }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for shown.map(|r| html! {
                            <tr class={classes!(r.differs.then_some("differs"))}>
                                <td>{ r.section }</td>
                                <th scope="row">
                                    if r.differs && !*only_differences {
                                        <span class="differs-mark" aria-hidden="true">{ "≠ " }</span>
                                        <span class="visually-hidden">{ "Differs: " }</span>
                                    }
                                    { &r.term }
                                </th>
                                <td>{ &r.a }</td>
                                <td>{ &r.b }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}
