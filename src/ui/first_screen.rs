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
use crate::ui::view::View;
use yew::prelude::*;

/// The brand, the tagline and the navigation between the views, `current`
/// marked. Each view's link is a real address (`base` with `?view=<id>` and
/// the share link's `fragment`), so it opens in a new tab; a plain click is
/// taken over by the page (`browser::on_view_link`).
pub fn masthead(current: View, base: &str, fragment: &str) -> Html {
    html! {
        <header class="masthead">
            <p class="brand">{ "Offer Compare" }</p>
            <p class="tagline">{ "Contract offers side by side: what each does to your earnings and rest." }</p>
            <nav class="views" aria-label="Views">
                <ul>
                    { for View::ALL.into_iter().map(|view| {
                        let short = view.short_label();
                        let more = view.label().strip_prefix(short).unwrap_or_default();
                        html! {
                            <li><a href={view.address(base, fragment)} data-view={view.id()}
                                aria-current={(view == current).then_some("page")}>{ short }
                                if !more.is_empty() {
                                    <span class="nav-more">{ more }</span>
                                }
                            </a></li>
                        }
                    }) }
                    // Another page, with its own program (ui::history).
                    <li><a href="history.html">{ "Pay history" }</a></li>
                </ul>
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
            // No share link yet: the app puts the default's in the address
            // bar when it starts.
            { masthead(View::Compare, "./", "") }
            <main id="main">
                <h1>{ heading(&state.scenario) }</h1>
                if let Some(c) = state.shown.as_ref() {
                    <Answer comparison={c.clone()} scenario={state.scenario.clone()} stale={false} />
                }
            </main>
        </>
    }
}
