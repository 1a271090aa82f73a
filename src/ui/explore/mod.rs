//! "Explore" and "Who gains, who loses": sweeps, break-even and gains across
//! rotas.

pub(super) mod gains;
pub(super) mod sweep;
pub mod sweep_geometry;
