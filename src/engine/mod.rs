//! The pure calculation core: scenario and reference data in, comparison out.
//! No web types, no floating point, no panics on any input; every figure
//! carries its explanation.
//!
//! The folders follow the pipeline, each using only those before it:
//! [`num`] ← [`model`] ← [`explain`] ← [`windows`] ← [`rest`] ← [`pay`] ←
//! [`net`] ← [`reference`](mod@reference), [`compare`] ← {[`views`], [`explore`]};
//! [`edit`] changes a scenario; [`history`] follows one grade's pay over the
//! years (it needs only `model`, `explain` and `net`). `tests/native/layers.rs`
//! checks that no folder imports a later one and that no two files import
//! each other.

pub mod compare;
pub mod edit;
pub mod explain;
pub mod explore;
pub mod history;
pub mod model;
pub mod net;
pub mod num;
pub mod pay;
pub mod reference;
pub mod rest;
pub mod views;
pub mod windows;

// The modules' earlier flat paths (`engine::offer`, `engine::take_home`…),
// kept so the page, the command line and the tests name them as before.
pub use explain::figure;
pub use model::{offer, rota, scenario, sorted_map, validate};
pub use net::{deductions, real_terms, take_home};
pub(crate) use num::sort;
pub use num::{date, fraction, rounding, time};
pub use rest::limits;
pub use views::{summary, terms, timeline, title};
pub use windows::premium;

pub use compare::{compare, compare_with, ColumnResult, CompareError, Comparison};
pub use reference::{NamedRota, Reference};
pub use scenario::{Issue, Scenario};
