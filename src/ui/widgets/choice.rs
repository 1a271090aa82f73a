//! A labelled select whose chosen value is reported as text, shared by the
//! forms (rota editor, take-home pay).

use yew::prelude::*;

/// A `<select>` with its label; `options` are (value, text), `inline` drops
/// the space below for controls set in a row.
pub(in crate::ui) fn choice<V: AsRef<str>, T: AsRef<str>>(
    (id, label): (&str, &str),
    options: impl IntoIterator<Item = (V, T)>,
    selected: &str,
    inline: bool,
    onchange: Callback<String>,
) -> Html {
    let onchange = Callback::from(move |e: Event| {
        onchange.emit(
            e.target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value(),
        )
    });
    html! {
        <div class={classes!("field", inline.then_some("inline-field"))}>
            <label for={id.to_string()}>{ label }</label>
            <select id={id.to_string()} {onchange}>
                { for options.into_iter().map(|(value, text)| {
                    let chosen = value.as_ref() == selected;
                    html! { <option selected={chosen} value={value.as_ref().to_string()}>{ text.as_ref() }</option> }
                }) }
            </select>
        </div>
    }
}
