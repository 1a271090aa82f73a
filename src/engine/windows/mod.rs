//! Where a rota's hours fall under an offer's rules: the weekly premium
//! windows as one map over the week, shift rules laid over them, and how
//! often a rota works weekends, nights or a window's days.

pub mod frequency;
pub mod premium;
pub mod shift_rules;
