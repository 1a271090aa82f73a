//! The page: yew function components over the engine. Components never compute
//! a figure and touch no browser API while rendering, so they also render
//! natively (server-side rendering in tests).

mod app;
mod assumptions_panel;
mod browser;
pub mod chart_geometry;
mod choice;
mod column_details;
mod explorer;
mod gains_panel;
mod job_form;
mod method_and_sources;
mod offer_columns;
pub mod offer_draft;
mod offer_editor;
mod paste_import;
mod pay_chart;
mod presentation;
mod rest_chart;
mod results_table;
mod rota_editor;
mod rota_grid;
mod rota_picker;
mod rota_timeline;
mod saved_comparisons;
mod scale_raise;
mod share_and_save;
mod share_panel;
mod shift_form;
pub mod state;
pub mod sweep_geometry;
mod take_home_form;
mod terms_diff;
mod text_field;
pub mod timeline_geometry;

pub use app::App;
pub use column_details::{ColumnDetails, ColumnDetailsProps};
pub use job_form::{JobForm, JobFormProps};
pub use offer_editor::{OfferEditor, OfferEditorProps};
pub use paste_import::{PasteImport, PasteImportProps};
pub use results_table::{ResultsTable, ResultsTableProps};
pub use rota_grid::{RotaGrid, RotaGridProps};
pub use take_home_form::{TakeHomeForm, TakeHomeFormProps};

/// Mounts the app into `#app` (or the body when that element is missing).
#[cfg(target_arch = "wasm32")]
pub fn start() {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"));
    match root {
        Some(root) => {
            yew::Renderer::<App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<App>::new().render();
        }
    }
}
