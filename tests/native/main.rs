//! Every native integration test, as modules of one test binary.
//!
//! Why one binary: each `tests/*.rs` file is its own crate, linked against the
//! library, yew's server-side renderer and proptest; 22 of them made linking a
//! large share of `make test` on two cores. As modules they link once. The
//! browser's component tests stay a separate target (`tests/components.rs`),
//! built for wasm32 and run in headless Chromium.
//!
//! Run one module with `cargo test --test native banding::`. To add one, put
//! the file next to this one and name it below.
#![cfg(not(target_arch = "wasm32"))]
// clippy.toml keeps methods that bloat the WebAssembly out of the program;
// tests run natively and may use them (the standard sorts as oracles).
#![allow(clippy::disallowed_methods)]

mod banding;
mod base64url;
mod cli;
mod common;
mod conditional_pay;
mod core_pay;
mod decoders;
mod deductions;
mod edits;
mod explore;
mod first_screen;
mod fraction;
mod golden_links;
mod history;
mod hostile;
mod json_paths;
mod keep;
mod layers;
mod limits;
mod links;
mod lz;
mod offer_editor;
mod offers_2016;
mod page_presets;
mod paste;
mod presets;
mod properties;
mod real_terms;
mod render;
mod rest;
mod sorted_map;
mod summary;
mod tagged;
mod take_home;
mod terms_diff;
mod timeline;
