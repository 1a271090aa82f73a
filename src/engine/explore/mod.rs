//! The scenario explorer: one quantity of a scenario varied over a range.
//!
//! - [`quantity`]: what is varied, and the scenario at a value of it;
//! - [`sweep`]: every column's gross annual pay at evenly spaced values, and
//!   where the columns' order changes;
//! - [`break_even`]: the least value at which one column pays at least as much
//!   as another, exactly;
//! - [`gains`]: every column over a set of rotas, against the baseline;
//! - [`choices`]: the quantities a scenario offers, labelled;
//! - [`words`]: the sentences the page and the command line both print.
//!
//! Only the columns a quantity can change are recomputed at each value
//! (`evaluate`): a premium rate of one offer leaves the other offers' columns
//! as they are, so they are computed once.

pub mod break_even;
pub mod choices;
pub mod evaluate;
pub mod gains;
pub mod quantity;
pub mod rota_edit;
pub mod sweep;
pub mod words;

pub use crate::engine::model::exploration::{Exploration, Quantity};
pub use break_even::{break_even, BreakEven, Outcome};
pub use choices::{quantity_choices, QuantityChoice};
pub use evaluate::Cell;
pub use gains::{gains, standard_cases, Case, Gains};
pub use quantity::apply;
pub use sweep::{sweep, Crossover, Sweep, SweepPoint};
pub use words::{Extreme, GainsRow, GAINS_CAPTION};
