//! The few browser services the page uses, in one place, each a no-op off the
//! browser so components still render natively: the address bar (share links),
//! downloads, reading a chosen file, and the clipboard. Only the root component
//! calls these, from effects and event handlers — never while rendering, but
//! for reading the address once when the page starts.

use crate::codec::keep::{Store, StoreError};
use crate::engine::date::Date;
use yew::Callback;

/// The address bar's fragment without `#` (empty off the browser).
pub fn fragment() -> String {
    #[cfg(target_arch = "wasm32")]
    if let Some(hash) = web_sys::window().and_then(|w| w.location().hash().ok()) {
        return hash.trim_start_matches('#').to_string();
    }
    String::new()
}

/// The address bar's query without `?` (empty off the browser).
pub fn search() -> String {
    #[cfg(target_arch = "wasm32")]
    if let Some(search) = web_sys::window().and_then(|w| w.location().search().ok()) {
        return search.trim_start_matches('?').to_string();
    }
    String::new()
}

/// Shows `query` as the address bar's query, without a new history entry.
pub fn replace_search(query: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("?{query}")),
        );
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = query;
}

/// The page's whole address (`./` off the browser, so addresses built on
/// it stay relative there).
pub fn address() -> String {
    #[cfg(target_arch = "wasm32")]
    if let Some(href) = web_sys::window().and_then(|w| w.location().href().ok()) {
        return href;
    }
    "./".to_string()
}

/// Puts `address` (same page, another view) in the address bar as a new
/// history entry, so Back returns to where the person was.
pub fn push_address(address: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(address));
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = address;
}

/// The printed footer: the bottom margin box of every page (`@page` in
/// `styles/main.css`) shows `text`, set as the root's `--page-footer`. A
/// margin box, not a fixed element: Chromium printed a fixed footer pushed
/// into the margin at the top of the next page, over the text, and none on
/// page 1. Set through the CSS object model: the page's CSP refuses style
/// attributes.
pub fn set_print_footer(text: &str) {
    let value = css_string(text);
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen::JsCast;
    #[cfg(target_arch = "wasm32")]
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = root.style().set_property("--page-footer", &value);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = value;
}

/// `text` as a CSS string: quotes and backslashes escaped, control
/// characters as hex escapes, so a name from a file cannot end the string.
fn css_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push_str(&format!("\\{:x} ", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The tab's title (the browser's history lists it for each view).
pub fn set_title(title: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(title);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = title;
}

/// Shows `fragment` in the address bar without a new history entry (edits
/// would otherwise fill the back button) and without scrolling.
pub fn replace_fragment(fragment: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let url = format!("#{fragment}");
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = fragment;
}

/// A listener on the window, removed when dropped.
pub struct Listener {
    #[cfg(target_arch = "wasm32")]
    event: &'static str,
    #[cfg(target_arch = "wasm32")]
    closure: wasm_bindgen::closure::Closure<dyn FnMut(web_sys::Event)>,
}

impl Drop for Listener {
    fn drop(&mut self) {
        #[cfg(target_arch = "wasm32")]
        if let Some(window) = web_sys::window() {
            use wasm_bindgen::JsCast;
            let _ = window.remove_event_listener_with_callback(
                self.event,
                self.closure.as_ref().unchecked_ref(),
            );
        }
    }
}

/// Calls `handler` for every `event` on the window while the result lives.
fn listen(event: &'static str, handler: impl FnMut(web_sys::Event) + 'static) -> Listener {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let closure = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::Event)>::new(handler);
        if let Some(window) = web_sys::window() {
            let _ =
                window.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
        }
        Listener { event, closure }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (event, handler);
        Listener {}
    }
}

/// Calls `on_change` with the new fragment whenever the address bar's fragment
/// changes (a pasted link, the back button, an in-page link).
pub fn on_fragment_change(on_change: Callback<String>) -> Listener {
    listen("hashchange", move |_| on_change.emit(fragment()))
}

/// Calls `on_move` when Back or Forward (or a fragment navigation) moves
/// the page to another history entry; the address bar already shows it.
pub fn on_history_move(on_move: Callback<()>) -> Listener {
    listen("popstate", move |_| on_move.emit(()))
}

/// Takes over plain left clicks (no modifier: a new tab or window still
/// opens the link's own address) on links that go to another view: those
/// marked `data-view="<id>"`, and in-page links `#<id>` to an element inside
/// a hidden part of the page (`data-home="<id>" hidden`, the view it is
/// shown in first). Calls `on_view` with the view's id and, for an in-page
/// link, the element to go to once that view shows.
pub fn on_view_link(on_view: Callback<(String, Option<String>)>) -> Listener {
    listen("click", move |event| {
        #[cfg(target_arch = "wasm32")]
        {
            use wasm_bindgen::JsCast;
            let Some(click) = event.dyn_ref::<web_sys::MouseEvent>() else {
                return;
            };
            let plain = click.button() == 0
                && !(click.ctrl_key() || click.meta_key() || click.shift_key() || click.alt_key());
            if !plain || event.default_prevented() {
                return;
            }
            let Some(link) = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|e| e.closest("a[href]").ok().flatten())
            else {
                return;
            };
            let to = match link.get_attribute("data-view") {
                Some(view) => Some((view, None)),
                None => link
                    .get_attribute("href")
                    .and_then(|href| href.strip_prefix('#').map(str::to_string))
                    .and_then(|id| {
                        let part = web_sys::window()?
                            .document()?
                            .get_element_by_id(&id)?
                            .closest("[data-home][hidden]")
                            .ok()??;
                        Some((part.get_attribute("data-home")?, Some(id)))
                    }),
            };
            if let Some(to) = to {
                event.prevent_default();
                on_view.emit(to);
            }
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = (event, &on_view);
    })
}

/// Calls `on_undo` with `false` for Ctrl/Cmd+Z and `true` for Ctrl/Cmd+Shift+Z
/// or Ctrl+Y — except in a text field, where the browser's own undo of the
/// typing applies.
pub fn on_undo_keys(on_undo: Callback<bool>) -> Listener {
    listen("keydown", move |event| {
        #[cfg(target_arch = "wasm32")]
        {
            use wasm_bindgen::JsCast;
            let Some(key) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
                return;
            };
            if !(key.ctrl_key() || key.meta_key()) || key.alt_key() {
                return;
            }
            let in_text = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|e| {
                    let tag = e.tag_name().to_ascii_lowercase();
                    let text_input = tag == "input"
                        && !matches!(
                            e.get_attribute("type").as_deref(),
                            Some("radio" | "checkbox" | "button" | "submit" | "file")
                        );
                    text_input || tag == "textarea" || e.has_attribute("contenteditable")
                });
            if in_text {
                return;
            }
            let redo = match key.key().to_ascii_lowercase().as_str() {
                "z" => key.shift_key(),
                "y" if key.ctrl_key() => true,
                _ => return,
            };
            event.prevent_default();
            on_undo.emit(redo);
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = (event, &on_undo);
    })
}

/// Offers `text` as a file download named `name`.
pub fn download(name: &str, mime: &str, text: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
            return;
        };
        let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
            return;
        };
        let anchor = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.create_element("a").ok())
            .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok());
        if let Some(anchor) = anchor {
            anchor.set_href(&url);
            anchor.set_download(name);
            anchor.click();
        }
        let _ = web_sys::Url::revoke_object_url(&url);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (name, mime, text);
}

/// Reads the file chosen in a file input: `(name, text)`, or why not. Files
/// larger than `max_bytes` are refused before they are read.
pub fn read_chosen_file(
    input: &web_sys::HtmlInputElement,
    max_bytes: usize,
    done: Callback<Result<(String, String), String>>,
) {
    #[cfg(target_arch = "wasm32")]
    {
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        let name = file.name();
        if file.size() > max_bytes as f64 {
            done.emit(Err(format!(
                "{name} is larger than {} MB, too large to be a scenario file",
                max_bytes / (1024 * 1024)
            )));
            return;
        }
        wasm_bindgen_futures::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
            done.emit(match text.ok().and_then(|t| t.as_string()) {
                Some(text) => Ok((name, text)),
                None => Err(format!("{name} could not be read as text")),
            });
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (input, max_bytes, done);
}

/// Copies `text` to the clipboard; `done` learns whether it worked.
pub fn copy_text(text: &str, done: Callback<bool>) {
    #[cfg(target_arch = "wasm32")]
    if let Some(window) = web_sys::window() {
        let promise = window.navigator().clipboard().write_text(text);
        wasm_bindgen_futures::spawn_local(async move {
            done.emit(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (text, done);
}

/// The browser's `localStorage` as a [`Store`]: every failure (storage
/// disabled, full, or absent off the browser) is an error to report, never a
/// panic, and the page keeps working with what it has in memory.
pub struct BrowserStore;

#[cfg(target_arch = "wasm32")]
fn local_storage() -> Result<web_sys::Storage, StoreError> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or_else(|| {
            StoreError("this browser does not let the page keep anything (private mode?)".into())
        })
}

#[cfg(target_arch = "wasm32")]
fn refused(_: wasm_bindgen::JsValue) -> StoreError {
    StoreError("the browser refused to store it (its storage may be full or disabled)".into())
}

impl Store for BrowserStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        #[cfg(target_arch = "wasm32")]
        return local_storage()?.get_item(key).map_err(refused);
        // Off the browser (server-side rendering) nothing was kept.
        #[cfg(not(target_arch = "wasm32"))]
        {
            let _ = key;
            Ok(None)
        }
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        #[cfg(target_arch = "wasm32")]
        return local_storage()?.set_item(key, value).map_err(refused);
        #[cfg(not(target_arch = "wasm32"))]
        {
            let _ = (key, value);
            Err(StoreError("no browser storage here".into()))
        }
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        #[cfg(target_arch = "wasm32")]
        return local_storage()?.remove_item(key).map_err(refused);
        #[cfg(not(target_arch = "wasm32"))]
        {
            let _ = key;
            Err(StoreError("no browser storage here".into()))
        }
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        #[cfg(target_arch = "wasm32")]
        let keys = {
            let storage = local_storage()?;
            let n = storage.length().map_err(refused)?;
            (0..n)
                .filter_map(|i| storage.key(i).ok().flatten())
                .collect()
        };
        #[cfg(not(target_arch = "wasm32"))]
        let keys = Vec::new();
        Ok(keys)
    }
}

/// The time now, ISO 8601 (for saved comparisons' dates).
pub fn now() -> String {
    #[cfg(target_arch = "wasm32")]
    return String::from(js_sys::Date::new_0().to_iso_string());
    #[cfg(not(target_arch = "wasm32"))]
    String::new()
}

/// Calls `on_escape` when Esc is pressed anywhere on the page.
pub fn on_escape(on_escape: Callback<()>) -> Listener {
    listen("keydown", move |event| {
        #[cfg(target_arch = "wasm32")]
        {
            use wasm_bindgen::JsCast;
            if event
                .dyn_ref::<web_sys::KeyboardEvent>()
                .is_some_and(|k| k.key() == "Escape")
            {
                on_escape.emit(());
            }
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = (event, &on_escape);
    })
}

/// Saves the chart in the element `figure` (its `<svg>` panels) as an SVG
/// file with its title and source line.
pub fn download_chart(figure: &str, name: &str, title: &str, source: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        let Some(list) = web_sys::window().and_then(|w| w.document()).and_then(|d| {
            d.query_selector_all(&format!("#{figure} svg[role=img]"))
                .ok()
        }) else {
            return;
        };
        use wasm_bindgen::JsCast;
        let panels: Vec<String> = (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
            .map(|e| e.outer_html())
            .collect();
        let file = crate::ui::results::chart_geometry::chart_file(&panels, title, source);
        download(name, "image/svg+xml", &file);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (figure, name, title, source);
}

/// Opens the browser's print dialogue (print, or save as PDF).
pub fn print() {
    #[cfg(target_arch = "wasm32")]
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// Today's date by the browser's clock (off the browser a fixed date, so
/// native renders stay deterministic).
pub fn today() -> Date {
    Date::parse(now().get(..10).unwrap_or_default()).unwrap_or(Date::APRIL_2016_STRIKE)
}

/// Calls `f` once after `ms` milliseconds (a no-op off the browser).
pub fn after(ms: i32, f: impl FnOnce() + 'static) {
    after_boxed(ms, Box::new(f));
}

/// [`after`] for any function: one copy of the JavaScript glue, not one per caller.
#[inline(never)]
fn after_boxed(ms: i32, f: Box<dyn FnOnce()>) {
    #[cfg(target_arch = "wasm32")]
    if let Some(window) = web_sys::window() {
        use wasm_bindgen::JsCast;
        let closure = wasm_bindgen::closure::Closure::once_into_js(f);
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(closure.unchecked_ref(), ms);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (ms, f);
}

/// Moves the keyboard focus to the element with `id` (given `tabindex` if it
/// takes no focus of its own) and scrolls it into view, once the page has
/// rendered; nothing happens when there is no such element.
pub fn focus(id: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        let id = id.to_string();
        after(0, move || {
            use wasm_bindgen::JsCast;
            let element = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(&id))
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(element) = element {
                if !element.has_attribute("tabindex") {
                    let _ = element.set_attribute("tabindex", "-1");
                }
                let _ = element.focus();
                element.scroll_into_view();
            }
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = id;
}

#[cfg(test)]
mod tests {
    use super::css_string;

    #[test]
    fn a_footer_cannot_end_its_css_string() {
        assert_eq!(css_string("preset tcs-2016@2"), "\"preset tcs-2016@2\"");
        assert_eq!(
            css_string("a \"quoted\" \\ name\n;} body{x"),
            "\"a \\\"quoted\\\" \\\\ name\\a ;} body{x\""
        );
    }
}
