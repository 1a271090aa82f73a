//! "Share and save": the link to this comparison, the scenario as a file (save
//! and open), and the results as CSV. Presentational: the root does the
//! browser work through the callbacks.

use crate::ui::state::Notice;
use yew::prelude::*;

/// What [`share_section`] shows and where it sends the user's actions.
pub struct SharePanelProps {
    /// The full link to the comparison (empty until it has been made).
    pub link: AttrValue,
    /// What made the link and files: app, formats, presets.
    pub stamp: AttrValue,
    /// What the last copy, save or download did, said beside its button.
    pub said: Option<Notice>,
    /// Copy the link.
    pub on_copy: Callback<()>,
    /// Save the scenario as a file.
    pub on_save: Callback<()>,
    /// A file was chosen to open.
    pub on_open: Callback<web_sys::HtmlInputElement>,
    /// Download the results as CSV.
    pub on_csv: Callback<()>,
}

/// See the module docs. A function, not a component: it keeps no state, and each component costs
/// the bundle about 0.6 KB gzipped.
pub fn share_section(props: &SharePanelProps) -> Html {
    let click = |callback: &Callback<()>| {
        let callback = callback.clone();
        Callback::from(move |_: MouseEvent| callback.emit(()))
    };
    let onchange = {
        let on_open = props.on_open.clone();
        Callback::from(move |e: Event| on_open.emit(e.target_unchecked_into()))
    };
    html! {
        <section class="share" aria-labelledby="share-heading">
            <h2 id="share-heading">{ "Share and save" }</h2>
            <p class="hint">{ "Everything stays in your browser: the link carries the whole comparison, and no server sees it." }</p>
            <div class="field">
                <label for="share-link">{ "Link to this comparison" }</label>
                <span class="hint" id="share-link-hint">
                    { format!("{} characters; the address bar always holds it too.", props.link.chars().count()) }
                </span>
                <input id="share-link" type="text" readonly=true value={props.link.clone()} aria-describedby="share-link-hint" />
            </div>
            <div class="actions">
                <button type="button" onclick={click(&props.on_copy)}>{ "Copy link" }</button>
                <button type="button" onclick={click(&props.on_save)}>{ "Save scenario file (JSON)" }</button>
                <button type="button" onclick={click(&props.on_csv)}>{ "Download results (CSV)" }</button>
            </div>
            if let Some(said) = props.said.as_ref() {
                <p class={classes!("notice", said.error.then_some("notice-error"))}
                    role={if said.error { "alert" } else { "status" }}>{ &said.text }</p>
            }
            <div class="field">
                <label for="open-file">{ "Open a scenario file" }</label>
                <span class="hint" id="open-file-hint">{ "A file saved from this page or written by hand (docs/scenario-format.md). Your comparison is kept if the file cannot be opened." }</span>
                <input id="open-file" type="file" accept=".json,application/json" aria-describedby="open-file-hint" {onchange} />
            </div>
            <p class="stamp">{ "Stamp: " }{ &props.stamp }</p>
        </section>
    }
}
