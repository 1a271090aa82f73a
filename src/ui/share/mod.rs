//! "Share and save": the panel, what its buttons do in the browser, and the saved
//! comparisons.

pub(super) mod handlers;
pub(super) mod panel;
pub(super) mod saved;
