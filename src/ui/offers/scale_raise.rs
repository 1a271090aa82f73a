//! "Raise a pay scale": an offer's pay scale — this one's or another's in the
//! comparison — with every point raised by a percentage, the quickest way to
//! ask "what if basic pay rose by 2%?".

use rust_decimal::Decimal;
use serde_json::Value;
use yew::prelude::*;

/// A pay scale that can be raised, and whose it is.
#[derive(Debug, Clone, PartialEq)]
pub struct ScaleSource {
    /// The offer's id and version (`tcs-2016@1`), named in the new points' sources.
    pub key: String,
    /// The offer's name.
    pub name: String,
    /// Its pay scale's JSON.
    pub scale: Value,
}

/// Props of [`ScaleRaise`].
#[derive(Properties, PartialEq)]
pub struct ScaleRaiseProps {
    /// The scales to start from (the edited offer's first).
    pub sources: Vec<ScaleSource>,
    /// Receives the chosen scale, the percentage and whose scale it was.
    pub on_raise: Callback<(Value, Decimal, String)>,
}

/// See the module docs.
#[component]
pub fn ScaleRaise(props: &ScaleRaiseProps) -> Html {
    let chosen = use_state(|| 0_usize);
    let percent = use_state(String::new);
    let error = use_state(|| None::<String>);
    let on_choose = {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            chosen.set(select.value().parse().unwrap_or(0));
        })
    };
    let on_percent = {
        let percent = percent.clone();
        Callback::from(move |e: InputEvent| {
            percent.set(
                e.target_unchecked_into::<web_sys::HtmlInputElement>()
                    .value(),
            );
        })
    };
    let on_apply = {
        let (sources, on_raise) = (props.sources.clone(), props.on_raise.clone());
        let (chosen, percent, error) = (chosen.clone(), percent.clone(), error.clone());
        Callback::from(move |_: MouseEvent| {
            let text = percent.trim().trim_end_matches('%').trim();
            match (text.parse::<Decimal>(), sources.get(*chosen)) {
                (Ok(p), Some(source)) if p > Decimal::from(-100) && p <= Decimal::ONE_HUNDRED => {
                    error.set(None);
                    on_raise.emit((source.scale.clone(), p.normalize(), source.key.clone()));
                }
                _ => error.set(Some("write a percentage from -99 to 100, e.g. 2.5".into())),
            }
        })
    };
    html! {
        <fieldset class="scale-raise">
            <legend>{ "Raise a pay scale" }</legend>
            <div class="field">
                <label for="scale-raise-from">{ "Start from the pay scale of" }</label>
                <select id="scale-raise-from" onchange={on_choose}>
                    { for props.sources.iter().enumerate().map(|(i, s)| html! {
                        <option value={i.to_string()} selected={i == *chosen}>{ &s.name }</option>
                    }) }
                </select>
            </div>
            <div class={classes!("field", error.is_some().then_some("field-invalid"))}>
                <label for="scale-raise-percent">{ "Raise every pay point by (%)" }</label>
                if let Some(message) = error.as_ref() {
                    <p class="field-error" id="scale-raise-error"><span class="visually-hidden">{ "Error: " }</span>{ message }</p>
                }
                <input id="scale-raise-percent" type="text" inputmode="decimal" value={(*percent).clone()} oninput={on_percent}
                    aria-invalid={error.is_some().to_string()} aria-describedby={error.is_some().then_some("scale-raise-error")} />
            </div>
            <button type="button" onclick={on_apply}>{ "Use the raised scale" }</button>
        </fieldset>
    }
}
