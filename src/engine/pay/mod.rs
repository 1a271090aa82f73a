//! Pay: every line of a column's earnings. The inputs are looked up once
//! ([`inputs`]); the weekly premium windows and shift rules become premium
//! lines, allowances and the 2002 banding their own lines, and the totals are
//! derived from the lines ([`column`] gathers them).

mod allowance_lines;
pub mod banded_lines;
pub mod banding;
pub mod column;
pub(crate) mod inputs;
pub mod premium_lines;
pub(crate) mod totals;

pub use column::{column_pay, protected_lines, ColumnPay, PayOptions};
