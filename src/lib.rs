//! Offer Compare: put junior doctors' contract offers side by side and see what
//! each does to a doctor's earnings and rest.
//!
//! - [`engine`]: the pure, exact calculation core (also used natively).
//! - [`decode`]: JSON decoding with the path of the first problem.
//! - [`presets`]: the shipped offers, rotas and reference tables.
//! - [`codec`]: scenario and result encodings (JSON, CSV, links).
//! - [`ui`]: yew function components over the engine.
//! - `cli`: the command line (native targets only).
#![warn(missing_docs)]

pub mod codec;
pub mod decode;
pub mod engine;
/// Released offer and rota presets, embedded and referenced by `id@version`.
pub mod presets;
pub mod ui;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
/// The command line's readable table (native targets only).
#[cfg(not(target_arch = "wasm32"))]
mod cli_table;

/// The one place the engine is given its reference data: the page, the
/// command line, the benches and the tests all compare with the shipped
/// tables (tax years, price indices, the standard rotas), built once.
pub use presets::reference;

/// The scenario the page opens with (`examples/default.json`).
pub const DEFAULT_SCENARIO: &str = include_str!("../examples/default.json");
