//! A labelled text field that keeps its own draft: text that parses becomes an
//! action; text that does not shows a message beside the field and changes
//! nothing else, so no keystroke can break the comparison.

use crate::ui::state::Action;
use yew::prelude::*;

/// Props of [`TextField`].
#[derive(Properties, PartialEq)]
pub struct TextFieldProps {
    /// Element id (also names the error message).
    pub id: AttrValue,
    /// Visible label.
    pub label: AttrValue,
    /// A hint under the label (format, unit).
    #[prop_or_default]
    pub hint: AttrValue,
    /// The current value, as text.
    pub value: AttrValue,
    /// Turns text into an action, or says what is wrong with it.
    pub parse: Callback<String, Result<Action, String>>,
    /// Receives the action.
    pub on_action: Callback<Action>,
    /// Input mode for on-screen keyboards ("decimal", "numeric").
    #[prop_or(AttrValue::Static("text"))]
    pub inputmode: AttrValue,
}

/// See the module docs.
#[component]
pub fn TextField(props: &TextFieldProps) -> Html {
    let draft = use_state(|| props.value.to_string());
    let error = use_state(|| None::<String>);
    {
        // A value changed elsewhere (another control, a loaded file) replaces the draft.
        let (draft, error) = (draft.clone(), error.clone());
        use_effect_with(props.value.clone(), move |value| {
            draft.set(value.to_string());
            error.set(None);
        });
    }
    let oninput = {
        let (draft, error, parse, on_action) = (
            draft.clone(),
            error.clone(),
            props.parse.clone(),
            props.on_action.clone(),
        );
        Callback::from(move |e: InputEvent| {
            let text = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .value();
            match parse.emit(text.clone()) {
                Ok(action) => {
                    error.set(None);
                    on_action.emit(action);
                }
                Err(message) => error.set(Some(message)),
            }
            draft.set(text);
        })
    };
    let error_id = format!("{}-error", props.id);
    let hint_id = format!("{}-hint", props.id);
    let described = match (error.is_some(), props.hint.is_empty()) {
        (true, true) => error_id.clone(),
        (true, false) => format!("{hint_id} {error_id}"),
        (false, false) => hint_id.clone(),
        (false, true) => String::new(),
    };
    html! {
        <div class={classes!("field", error.is_some().then_some("field-invalid"))}>
            <label for={props.id.clone()}>{ &props.label }</label>
            if !props.hint.is_empty() {
                <span class="hint" id={hint_id}>{ &props.hint }</span>
            }
            if let Some(message) = error.as_ref() {
                <p class="field-error" id={error_id}><span class="visually-hidden">{ "Error: " }</span>{ message }</p>
            }
            <input id={props.id.clone()} type="text" value={(*draft).clone()} {oninput}
                inputmode={props.inputmode.clone()} aria-invalid={error.is_some().to_string()}
                aria-describedby={(!described.is_empty()).then_some(described)} />
        </div>
    }
}
