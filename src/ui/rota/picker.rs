//! "Your rota": pick one of the rota presets (the rota editor is its own page).

use crate::presets::RotaPreset;
use crate::ui::state::Action;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`RotaPicker`].
#[derive(Properties, PartialEq)]
pub struct RotaPickerProps {
    /// The presets to offer.
    pub presets: Rc<Vec<RotaPreset>>,
    /// The id of the rota in use.
    pub current: AttrValue,
    /// The name of the rota in use when it is not an unchanged preset.
    #[prop_or_default]
    pub custom: Option<AttrValue>,
    /// Receives changes.
    pub on_action: Callback<Action>,
}

/// See the module docs.
#[component]
pub fn RotaPicker(props: &RotaPickerProps) -> Html {
    let onchange = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: Event| {
            let key = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            on_action.emit(Action::UsePresetRota(key));
        })
    };
    let current = props
        .presets
        .iter()
        .find(|p| p.rota.id == props.current.as_str());
    html! {
        <fieldset class="rota">
            <legend>{ "Your rota" }</legend>
            <div class="field">
                <label for="rota">{ "Rota" }</label>
                <span class="hint" id="rota-hint">{ "Illustrative rotas to start from; change any shift, or paste your own, under Your rota." }</span>
                <select id="rota" aria-describedby="rota-hint" {onchange}>
                    if let Some(name) = &props.custom {
                        <option value="" selected=true disabled=true>{ format!("Your rota: {name}") }</option>
                    }
                    { for props.presets.iter().map(|p| html! {
                        <option value={p.key.clone()} selected={props.custom.is_none() && p.rota.id == props.current.as_str()}>{ &p.rota.name }</option>
                    }) }
                </select>
            </div>
            if let (Some(p), None) = (current, &props.custom) {
                <p class="rota-description">{ &p.description }</p>
            }
        </fieldset>
    }
}
