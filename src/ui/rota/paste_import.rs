//! "Paste from a spreadsheet": rota cells copied from Excel, Google Sheets or
//! LibreOffice are read (see `src/codec/paste.rs` for the shapes), previewed
//! with every row that could not be read and why, and replace the rota only
//! when the user confirms.

use crate::codec::paste::{parse_paste, PastePreview, PasteShape};
use crate::engine::edit::rota::RotaEdit;
use crate::ui::rota::grid::shift_times;
use crate::ui::state::Action;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`PasteImport`].
#[derive(Properties, PartialEq)]
pub struct PasteImportProps {
    /// Receives the import.
    pub on_action: Callback<Action>,
}

/// See the module docs.
#[component]
pub fn PasteImport(props: &PasteImportProps) -> Html {
    let text = use_state(String::new);
    let preview = use_state(|| None::<Rc<Result<PastePreview, String>>>);
    let oninput = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            text.set(
                e.target_unchecked_into::<web_sys::HtmlTextAreaElement>()
                    .value(),
            )
        })
    };
    let on_preview = {
        let (text, preview) = (text.clone(), preview.clone());
        Callback::from(move |_: MouseEvent| preview.set(Some(Rc::new(parse_paste(&text)))))
    };
    let on_cancel = {
        let preview = preview.clone();
        Callback::from(move |_: MouseEvent| preview.set(None))
    };
    let shown = preview.as_ref().map(|p| match p.as_ref() {
        Err(message) => html! { <p class="field-error" role="alert">{ message }</p> },
        Ok(p) => {
            let on_import = {
                let (on_action, preview, weeks, shifts) = (props.on_action.clone(), preview.clone(), p.weeks, p.shifts.clone());
                Callback::from(move |_: MouseEvent| {
                    on_action.emit(Action::EditRota(RotaEdit::Replace { weeks, shifts: shifts.clone() }));
                    preview.set(None);
                })
            };
            let shape = match p.shape {
                PasteShape::List => "one row per shift",
                PasteShape::Grid => "a grid of weeks and days",
            };
            html! {
                <div class="paste-preview" role="status">
                    <p>{ format!("Read as {shape}: {} shifts over {} weeks.", p.shifts.len(), p.weeks) }</p>
                    if !p.notes.is_empty() {
                        <ul class="hint">{ for p.notes.iter().map(|n| html! { <li>{ n }</li> }) }</ul>
                    }
                    if !p.rows.is_empty() {
                        <h4>{ format!("{} rows could not be read (fix them above and preview again, or import without them)", p.rows.len()) }</h4>
                        <ul class="paste-problems">
                            { for p.rows.iter().map(|r| html! { <li>{ format!("Row {}: {} — “{}”", r.row, r.reason, r.text) }</li> }) }
                        </ul>
                    }
                    <details>
                        <summary>{ "The shifts read" }</summary>
                        <ul>{ for p.shifts.iter().map(|x| html! {
                            <li>{ format!("Week {} {} {} {}", x.week, x.day.short_name(), shift_times(x), x.label.as_deref().unwrap_or("")) }</li>
                        }) }</ul>
                    </details>
                    <button type="button" onclick={on_import} disabled={p.shifts.is_empty()}>
                        { format!("Import {} shifts (replaces your rota)", p.shifts.len()) }</button>
                    <button type="button" onclick={on_cancel}>{ "Cancel" }</button>
                </div>
            }
        }
    });
    html! {
        <details class="paste-import">
            <summary>{ "Paste from a spreadsheet" }</summary>
            <div class="field">
                <label for="paste-text">{ "Rota copied from a spreadsheet" }</label>
                <span class="hint" id="paste-hint">
                    { "Either one row per shift — week, day (or a date), start, end (or hours), and optionally kind and label — or one row per week with a code per day (D, LD, L, E, N, OC, OFF) and, below it, a legend: code, start, end, label." }
                </span>
                <textarea id="paste-text" rows="8" aria-describedby="paste-hint" value={(*text).clone()} {oninput} />
            </div>
            <button type="button" onclick={on_preview}>{ "Preview" }</button>
            { shown.unwrap_or_default() }
        </details>
    }
}
