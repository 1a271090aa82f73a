//! The offers: the columns compared, the offer editor and its draft, a raised pay
//! scale, two offers' terms side by side.

pub(super) mod columns;
pub mod draft;
pub(super) mod editor;
pub(super) mod scale_raise;
pub(super) mod terms_diff;
