//! The input model: a scenario (doctor, rotas, offers, columns, baseline and
//! settings), its offers and rotas as data, and its validation. What a file
//! or link holds; everything later in the engine reads it.

pub mod exploration;
pub mod offer;
pub mod rota;
pub mod scenario;
pub mod settings;
pub mod sorted_map;
mod tagged;
pub mod validate;
