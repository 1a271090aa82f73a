//! Net pay: deductions by tax year (income tax, NI, pension, student loans),
//! each column's take-home figures, and real terms by a price index.

pub mod deductions;
pub mod real_terms;
pub mod take_home;
