//! Everything the comparison assumed, in one place: each offer's assumptions
//! (the [?] values of its preset), how figures are rounded, what is not
//! counted — so a quoted figure can be checked.

use crate::engine::compare::Comparison;
use crate::engine::scenario::Scenario;
use yew::prelude::*;

/// Assumptions that hold for every comparison.
const GENERAL: [&str; 4] = [
    "Figures are gross, before tax, National Insurance, pension and student loan.",
    "Annual leave and bank holidays are not deducted: every week of the year is assumed to follow the rota, averaged over its cycle.",
    "Each pay line is rounded once, by the rule its offer names (to the penny, halves away from zero; or up to the whole pound, as the pay circulars print); totals are sums of rounded lines.",
    "The hourly rate is annual basic ÷ 52.143 weeks ÷ contracted weekly hours (52.143 reproduces the circulars' tables; it is derived, not read in the contract text).",
];

/// The assumptions section. A function, not a component: it keeps no state,
/// and each component costs the bundle about a kilobyte.
pub fn assumptions_panel(scenario: &Scenario, comparison: &Comparison) -> Html {
    let offers = comparison.offer_ids();
    html! {
        <section class="assumptions" aria-labelledby="assumptions-heading">
            <h2 id="assumptions-heading">{ "What this comparison assumes" }</h2>
            <ul>{ for GENERAL.iter().map(|a| html! { <li>{ *a }</li> }) }</ul>
            { for offers.iter().filter_map(|id| scenario.offer(id)).map(|o| html! {
                <>
                    <h3>{ &o.name }</h3>
                    if o.assumptions.is_empty() {
                        <p class="muted">{ "No assumptions recorded." }</p>
                    } else {
                        <ul data-offer-assumptions={o.id.clone()}>{ for o.assumptions.iter().map(|a| html! { <li>{ a }</li> }) }</ul>
                    }
                </>
            }) }
        </section>
    }
}
