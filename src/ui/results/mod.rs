//! The results: the table, each column's details, the pay and rest charts,
//! assumptions, method and sources, the presentation view.

pub(super) mod answer;
pub(super) mod assumptions;
pub mod chart_geometry;
pub(super) mod column_details;
pub(super) mod method_and_sources;
pub(super) mod pay_chart;
pub(super) mod presentation;
pub(super) mod rest_chart;
pub(super) mod table;
