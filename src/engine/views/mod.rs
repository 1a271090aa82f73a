//! Views of a comparison for people: its heading, the comparison in brief (a sentence and
//! the figures that answer it), two offers' terms side by side, and a
//! column's rota as a classified timeline.

pub mod summary;
pub mod terms;
pub mod timeline;
pub mod title;
