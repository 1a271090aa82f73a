//! The presentation view, for a projector: the comparison and its charts in
//! large type with nothing else on screen, all offers or the baseline against
//! one other at a time. Esc (or the button) goes back to the page.

use crate::engine::compare::Comparison;
use crate::ui::results::pay_chart::pay_chart;
use crate::ui::results::rest_chart::rest_chart;
use crate::ui::results::table::ResultsTable;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`Presentation`].
#[derive(Properties, PartialEq)]
pub struct PresentationProps {
    /// The comparison shown.
    pub comparison: Rc<Comparison>,
    /// The scenario's title.
    pub title: AttrValue,
    /// Versions and presets, for the footer and charts saved as files.
    pub stamp: AttrValue,
    /// Back to the page.
    pub on_exit: Callback<()>,
}

/// The comparison with only the baseline and column `other` (all when empty).
fn pair(comparison: &Comparison, other: &str) -> Comparison {
    let mut shown = comparison.clone();
    if !other.is_empty() {
        shown
            .columns
            .retain(|c| c.id == other || comparison.baseline.as_deref() == Some(c.id.as_str()));
    }
    shown
}

/// See the module docs.
#[component]
pub fn Presentation(props: &PresentationProps) -> Html {
    let other = use_state(String::new);
    let shown = use_memo(
        (props.comparison.clone(), (*other).clone()),
        |(comparison, other)| Rc::new(pair(comparison, other)),
    );
    let on_exit = props.on_exit.reform(|_: MouseEvent| ());
    // Focus moves into the presentation (its first control), so a keyboard
    // user starts there rather than on a page that is no longer shown.
    let leave = use_node_ref();
    {
        let leave = leave.clone();
        use_effect_with((), move |_| {
            if let Some(button) = leave.cast::<web_sys::HtmlElement>() {
                let _ = button.focus();
            }
        });
    }
    {
        // Esc leaves wherever the focus is (a projector remote sends it too).
        let on_exit = props.on_exit.clone();
        use_effect_with((), move |_| {
            let listener = crate::ui::browser::on_escape(on_exit);
            move || drop(listener)
        });
    }
    let on_choose = {
        let other = other.clone();
        Callback::from(move |e: Event| {
            other.set(
                e.target_unchecked_into::<web_sys::HtmlSelectElement>()
                    .value(),
            );
        })
    };
    let baseline = props.comparison.baseline.clone().unwrap_or_default();
    html! {
        <main id="main" class="presentation">
            <div class="presentation-bar" role="toolbar" aria-label="Presentation">
                <button type="button" ref={leave} onclick={on_exit} aria-keyshortcuts="Escape">{ "Leave the presentation (Esc)" }</button>
                <label for="present-pair">{ "Show" }</label>
                <select id="present-pair" onchange={on_choose}>
                    <option value="" selected={other.is_empty()}>{ "every offer" }</option>
                    { for props.comparison.columns.iter().filter(|c| c.id != baseline).map(|c| html! {
                        <option value={c.id.clone()} selected={*other == c.id}>
                            { format!("the baseline and {}", c.offer_name) }
                        </option>
                    }) }
                </select>
            </div>
            <h1>{ &props.title }</h1>
            <ResultsTable comparison={(*shown).clone()} />
            <div class="presentation-charts">
                { pay_chart(&shown, &props.stamp) }
                { rest_chart(&shown, &props.stamp) }
            </div>
            <p class="page-footer">{ &props.stamp }</p>
        </main>
    }
}
