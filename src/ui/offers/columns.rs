//! "Offers": the columns of the comparison — add a preset, move, remove, choose
//! the baseline, and turn pay protection on for 2016-family offers.

use crate::engine::offer::{Band, Offer};
use crate::engine::scenario::Scenario;
use crate::ui::state::Action;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`OfferColumns`].
#[derive(Properties, PartialEq)]
pub struct OfferColumnsProps {
    /// The scenario (columns, offers, baseline).
    pub scenario: Rc<Scenario>,
    /// Offer presets that can be added.
    pub presets: Rc<Vec<Offer>>,
    /// Receives changes.
    pub on_action: Callback<Action>,
}

/// See the module docs.
#[component]
pub fn OfferColumns(props: &OfferColumnsProps) -> Html {
    let s = &props.scenario;
    let emit = |action: Action| {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(action.clone()))
    };
    // Added by a button, not on the list's change: with the keyboard a
    // closed list changes on every ArrowDown, which added an offer per press.
    let chooser = use_node_ref();
    let on_add = {
        let on_action = props.on_action.clone();
        let chooser = chooser.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(select) = chooser.cast::<web_sys::HtmlSelectElement>() {
                let key = select.value();
                if !key.is_empty() {
                    on_action.emit(Action::AddPresetOffer(key));
                    select.set_value("");
                }
            }
        })
    };
    let duplicate = |column: String| {
        props
            .on_action
            .reform(move |_: MouseEvent| Action::DuplicateOffer {
                column: column.clone(),
                today: crate::ui::browser::today(),
            })
    };
    let baseline_offer = s
        .baseline
        .as_ref()
        .and_then(|b| s.columns.iter().find(|c| c.id == *b))
        .map(|c| c.offer.clone());
    let last = s.columns.len().saturating_sub(1);
    html! {
        <fieldset class="offers">
            <legend>{ "Offers compared" }</legend>
            <ol class="columns">
                { for s.columns.iter().enumerate().map(|(i, c)| {
                    let name = s.offer(&c.offer).map(|o| o.name.clone()).unwrap_or_else(|| c.offer.clone());
                    let banded = s.offer(&c.offer).is_some_and(|o| o.terms.banding.is_some());
                    let custom = s.offer(&c.offer).is_some_and(|o| o.derived_from.is_some());
                    let on_protect = {
                        let (on_action, id) = (props.on_action.clone(), c.id.clone());
                        Callback::from(move |e: Event| {
                            let on = e.target_unchecked_into::<web_sys::HtmlInputElement>().checked();
                            on_action.emit(Action::SetProtection(id.clone(), on));
                        })
                    };
                    let on_band = {
                        let (on_action, id) = (props.on_action.clone(), c.id.clone());
                        Callback::from(move |e: Event| {
                            let value = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
                            let band = value.parse::<usize>().ok().and_then(|k| Band::ALL.get(k).copied());
                            on_action.emit(Action::SetBandOverride(id.clone(), band));
                        })
                    };
                    html! {
                        <li data-column={c.id.clone()}>
                            <span class="column-name">{ &name }</span>
                            <label class="inline">
                                <input type="radio" name="baseline" checked={s.baseline.as_deref() == Some(c.id.as_str())}
                                    onclick={emit(Action::SetBaseline(c.id.clone()))} />
                                { " baseline" }
                            </label>
                            if banded {
                                <label class="inline">
                                    { " band " }
                                    <select onchange={on_band} aria-label={format!("Band for {name}")}>
                                        <option value="" selected={c.band_override.is_none()}>{ "from the rota" }</option>
                                        { for Band::ALL.iter().enumerate().map(|(k, b)| html! {
                                            <option value={k.to_string()} selected={c.band_override == Some(*b)}>{ b.name() }</option>
                                        }) }
                                    </select>
                                </label>
                            }
                            if !banded {
                                <label class="inline">
                                    <input type="checkbox" checked={c.protection.is_some()} onchange={on_protect} />
                                    { " pay protection (2002)" }
                                </label>
                            }
                            <span class="buttons">
                                <button type="button" onclick={duplicate(c.id.clone())}
                                    aria-label={format!("Duplicate and edit {name}")}>{ "Duplicate and edit" }</button>
                                if custom {
                                    <button type="button" onclick={emit(Action::EditOffer(Some(c.offer.clone())))}
                                        aria-label={format!("Edit terms of {name}")}>{ "Edit terms" }</button>
                                }
                                if let Some(base) = baseline_offer.as_ref().filter(|b| **b != c.offer) {
                                    <a href="#terms-heading" onclick={emit(Action::CompareTerms(base.clone(), c.offer.clone()))}
                                        aria-label={format!("Terms vs baseline: {name}")}>{ "Terms vs baseline" }</a>
                                }
                                <button type="button" disabled={i == 0} onclick={emit(Action::MoveColumn(c.id.clone(), -1))}
                                    aria-label={format!("Move {name} left")}>{ "←" }</button>
                                <button type="button" disabled={i == last} onclick={emit(Action::MoveColumn(c.id.clone(), 1))}
                                    aria-label={format!("Move {name} right")}>{ "→" }</button>
                                <button type="button" onclick={emit(Action::RemoveColumn(c.id.clone()))}
                                    aria-label={format!("Remove {name}")}>{ "Remove" }</button>
                            </span>
                        </li>
                    }
                }) }
            </ol>
            <div class="field">
                <label for="add-offer">{ "Add an offer" }</label>
                <span class="inline-add">
                    <select id="add-offer" ref={chooser}>
                        <option value="" selected=true>{ "Choose an offer…" }</option>
                        { for props.presets.iter().map(|o| html! {
                            <option value={format!("{}@{}", o.id, o.version)}>{ &o.name }</option>
                        }) }
                    </select>
                    <button type="button" id="add-offer-button" onclick={on_add}>{ "Add" }</button>
                </span>
            </div>
        </fieldset>
    }
}
