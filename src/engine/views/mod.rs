//! Views of a comparison for people: two offers' terms side by side, and a
//! column's rota as a classified timeline.

pub mod terms;
pub mod timeline;
