//! Encodings of scenarios and results. The engine knows no file format; this
//! module owns JSON, CSV and share links, so the command line and the page
//! write exactly the same bytes.

pub mod base64url;
pub mod csv;
pub mod json;
pub mod keep;
pub mod link;
pub mod lz;
pub mod paste;
