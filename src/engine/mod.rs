//! The pure calculation core: scenario in, comparison out. No web types, no
//! floating point, no panics on any input; every figure carries its explanation.

mod allowance_lines;
pub mod banded_lines;
pub mod banding;
pub mod compare;
pub mod date;
pub mod deductions;
pub mod explain;
pub mod explore;
pub mod figure;
pub mod fraction;
pub mod frequency;
pub mod limits;
pub mod offer;
pub mod pay;
pub mod premium;
pub mod premium_lines;
pub mod real_terms;
pub mod rest;
pub mod rota;
pub mod rounding;
pub mod scenario;
pub mod shift_rules;
pub(crate) mod sort;
pub mod sorted_map;
pub mod summary;
mod tagged;
pub mod take_home;
pub mod terms;
pub mod time;
pub mod timeline;
mod totals;
pub mod validate;

pub use compare::{compare, compare_with, ColumnResult, CompareError, Comparison};
pub use scenario::{Issue, Scenario};
