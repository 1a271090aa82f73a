//! "Your rota": pick one of the rota presets (the rota editor is its own page).

use crate::presets::RotaPreset;
use crate::ui::state::Action;
use yew::prelude::*;

/// The rota field: `presets` to choose from, the id of the rota in use
/// (`current`), and its name when it is not an unchanged preset (`custom`).
/// A function, not a component: it keeps no state, and each component costs
/// the bundle about a kilobyte.
pub fn rota_picker(
    presets: &[RotaPreset],
    current: &str,
    custom: Option<&str>,
    on_action: &Callback<Action>,
) -> Html {
    let onchange = {
        let on_action = on_action.clone();
        Callback::from(move |e: Event| {
            let key = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            on_action.emit(Action::UsePresetRota(key));
        })
    };
    let shown = presets.iter().find(|p| p.rota.id == current);
    html! {
        <fieldset class="rota">
            <legend>{ "Your rota" }</legend>
            <div class="field">
                <label for="rota">{ "Rota" }</label>
                <span class="hint" id="rota-hint">{ "Illustrative rotas to start from; change any shift, or paste your own, under Your rota." }</span>
                <select id="rota" aria-describedby="rota-hint" {onchange}>
                    if let Some(name) = custom {
                        <option value="" selected=true disabled=true>{ format!("Your rota: {name}") }</option>
                    }
                    { for presets.iter().map(|p| html! {
                        <option value={p.key.clone()} selected={custom.is_none() && p.rota.id == current}>{ &p.rota.name }</option>
                    }) }
                </select>
            </div>
            if let (Some(p), None) = (shown, custom) {
                <p class="rota-description">{ &p.description }</p>
            }
        </fieldset>
    }
}
