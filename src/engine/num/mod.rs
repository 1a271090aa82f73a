//! Numbers, time and order: exact rates, the one rounding rule, the cyclic
//! week timeline, calendar dates and a small stable sort. Depends on nothing
//! else in the engine.

pub mod date;
pub mod fraction;
pub mod rounding;
pub(crate) mod sort;
pub mod time;
