//! The rota: picking a preset, the editor (cycle grid, shift form, spreadsheet
//! paste) and the timeline.

pub(super) mod editor;
pub(super) mod grid;
pub(super) mod paste_import;
pub(super) mod picker;
pub(super) mod shift_form;
pub(super) mod timeline;
pub mod timeline_geometry;
