//! Offer Compare: put junior doctors' contract offers side by side and see what
//! each does to a doctor's earnings and rest.
//!
//! - [`engine`]: the pure, exact calculation core (also used natively).
//! - [`codec`]: scenario and result encodings (JSON, CSV).
//! - [`ui`]: yew function components over the engine.
//! - `cli`: the command line (native targets only).
#![warn(missing_docs)]

pub mod codec;
pub mod engine;
/// Released offer and rota presets, embedded and referenced by `id@version`.
pub mod presets;
pub mod ui;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
/// The command line's readable table (native targets only).
#[cfg(not(target_arch = "wasm32"))]
mod cli_table;

/// The scenario the page opens with (`examples/default.json`).
pub const DEFAULT_SCENARIO: &str = include_str!("../examples/default.json");
