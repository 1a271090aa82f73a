//! Encodings of scenarios and results. The engine knows no file format; this
//! module owns JSON and CSV (and, later, share links), so the command line and
//! the page write exactly the same bytes.

pub mod csv;
pub mod json;
