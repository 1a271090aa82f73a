//! The page: yew function components over the engine. Components never compute
//! a figure and touch no browser API while rendering, so they also render
//! natively (server-side rendering in tests).

mod app;
mod browser;
mod doctor;
pub mod explore;
pub mod first_screen;
mod first_visit;
pub mod history;
pub mod offers;
pub mod results;
pub mod rota;
mod share;
pub mod state;
pub mod view;
mod widgets;

pub use app::App;
pub use doctor::job::{job_form, JobFormProps};
pub use doctor::take_home::{take_home_form, TakeHomeFormProps};
pub use offers::editor::{OfferEditor, OfferEditorProps};
pub use results::column_details::column_details;
pub use results::table::{ResultsTable, ResultsTableProps};
pub use rota::grid::{rota_grid, RotaGridProps};
pub use rota::paste_import::{PasteImport, PasteImportProps};

/// Mounts the app into `#app` (or the body when that element is missing).
#[cfg(target_arch = "wasm32")]
pub fn start() {
    mount::<App>();
}

/// Mounts `C` into `#app` (or the body when that element is missing), after
/// reading the preset files the page carries. Each page's program starts here.
#[cfg(target_arch = "wasm32")]
pub(crate) fn mount<C: yew::BaseComponent<Properties = ()>>() {
    read_page_presets();
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"));
    match root {
        Some(root) => {
            // The first screen written into the page (ui::first_screen) gives
            // way to the app.
            root.set_inner_html("");
            yew::Renderer::<C>::with_root(root).render();
        }
        None => {
            yew::Renderer::<C>::new().render();
        }
    }
}

/// Reads the preset files the page carries (`external-presets`), before any
/// preset is used. Without them (or with a broken block) every preset fails
/// to parse, and the page says so where the presets are offered, as for any
/// preset that does not load.
#[cfg(target_arch = "wasm32")]
fn read_page_presets() {
    #[cfg(feature = "external-presets")]
    if let Some(text) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("presets"))
        .and_then(|e| e.text_content())
    {
        let _ = crate::presets::provide_external(&text);
    }
}
