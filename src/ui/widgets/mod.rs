//! Form controls shared by several panels.

pub(super) mod choice;
pub(super) mod text_field;
