//! The top of the page, shared by the app and by the first screen written
//! into `index.html` at build time, which shows the default comparison's
//! answer before the WebAssembly has arrived (issue #21: the first summary in
//! under 2.5 s on a phone).
//!
//! The written copy is `src/ui/first_screen.html`, checked against a fresh
//! render of [`FirstScreen`] by the native tests (`first_screen::`): a change
//! to the default scenario, the answer or the masthead fails that test until
//! the copy is written again (`OC_WRITE_FIRST_SCREEN=1 cargo test --test native
//! first_screen`). The page shows the copy only when it opens with no link and
//! no autosaved work (the inline script in `index.html`), so it never shows a
//! figure the app would not.

use crate::engine::title::heading;
use crate::ui::results::answer::Answer;
use crate::ui::state::State;
use yew::prelude::*;

/// The brand, the tagline and the page's navigation.
pub fn masthead() -> Html {
    html! {
        <header class="masthead">
            <p class="brand">{ "Offer Compare" }</p>
            <p class="tagline">{ "Contract offers side by side: what each does to your earnings and rest." }</p>
            <nav aria-label="On this page">
                <a href="#results-heading">{ "Results" }</a>
                <a href="#terms-heading">{ "Terms" }</a>
                <a href="#explore-heading">{ "Explore" }</a>
                <a href="#rota-editor-heading">{ "Your rota" }</a>
                <a href="#share-heading">{ "Share and save" }</a>
                <a href="#saved-heading">{ "Saved" }</a>
                <a href="#assumptions-heading">{ "Assumptions" }</a>
                <a href="#method-heading">{ "Method and sources" }</a>
                <a href="#glossary">{ "Glossary" }</a>
            </nav>
        </header>
    }
}

/// The default comparison's first screen as the app first renders it: the
/// masthead, the heading and the answer (nothing that takes input, so
/// nothing typed before the app starts can be lost).
#[component]
pub fn FirstScreen() -> Html {
    let state = State::start("", None);
    html! {
        <>
            { masthead() }
            <main id="main">
                <h1>{ heading(&state.scenario) }</h1>
                if let Some(c) = state.shown.as_ref() {
                    <Answer comparison={c.clone()} scenario={state.scenario.clone()} stale={false} />
                }
            </main>
        </>
    }
}
