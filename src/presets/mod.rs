//! Presets: released offers and rotas, embedded in the program and referenced
//! by `id@version` (`tcs-2016@1`, `fy2-medical@1`).
//!
//! Every preset is a JSON file under `src/presets/offers/` or
//! `src/presets/rotas/`, embedded with `include_str!` (without layout
//! whitespace, see `build.rs`), so the page works
//! offline and a saved scenario or link that names a preset always finds the
//! same text. **A released preset is immutable**: a correction is a new file
//! with a new version (`tcs-2016@2`), never an edit, so an old file or link
//! keeps reproducing the figures it showed. `tests/presets.rs` holds a hash of
//! every released file and fails if one changes or disappears.
//!
//! Offers are ordinary [`Offer`]s: each value carries its source and marker,
//! each offer its dated status history, its sources and the assumptions it had
//! to make (see `docs/presets.md`). Rotas are illustrative, not any trust's
//! real rota, and come with the figures they are meant to produce
//! ([`RotaExpectations`]), which the tests check against the engine.
//!
//! Parsing never panics: the loaders return what parsed and a list of
//! [`PresetError`]s for what did not (the tests require that list to be empty).

use crate::codec::json::{from_text, Entry, Library};
use crate::engine::offer::Offer;
use crate::engine::rota::Rota;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

pub mod price_indices;
pub mod tax_years;

/// Every offer preset file as (`id@version`, JSON text), in a stable order.
pub const OFFER_FILES: &[(&str, &str)] = &[
    (
        "gov-offer-2015-11@1",
        include_str!(concat!(
            env!("OUT_DIR"),
            "/presets/offers/gov-offer-2015-11@1.json"
        )),
    ),
    (
        "gov-offer-2016-01@1",
        include_str!(concat!(
            env!("OUT_DIR"),
            "/presets/offers/gov-offer-2016-01@1.json"
        )),
    ),
    (
        "gov-final-offer-2016-02-09@1",
        include_str!(concat!(
            env!("OUT_DIR"),
            "/presets/offers/gov-final-offer-2016-02-09@1.json"
        )),
    ),
    (
        "imposed-2016-02@1",
        include_str!(concat!(
            env!("OUT_DIR"),
            "/presets/offers/imposed-2016-02@1.json"
        )),
    ),
    (
        "bma-position-2016-02@1",
        include_str!(concat!(
            env!("OUT_DIR"),
            "/presets/offers/bma-position-2016-02@1.json"
        )),
    ),
    (
        "tcs-2016@1",
        include_str!(concat!(env!("OUT_DIR"), "/presets/offers/tcs-2016@1.json")),
    ),
    (
        "tcs-2019@1",
        include_str!(concat!(env!("OUT_DIR"), "/presets/offers/tcs-2019@1.json")),
    ),
    (
        "tcs-today@1",
        include_str!(concat!(env!("OUT_DIR"), "/presets/offers/tcs-today@1.json")),
    ),
    (
        "contract-2002@1",
        include_str!(concat!(
            env!("OUT_DIR"),
            "/presets/offers/contract-2002@1.json"
        )),
    ),
];

/// Every rota preset file as (`id@version`, JSON text), in a stable order.
pub const ROTA_FILES: &[(&str, &str)] = &[
    (
        "fy1-ward@1",
        include_str!(concat!(env!("OUT_DIR"), "/presets/rotas/fy1-ward@1.json")),
    ),
    (
        "fy2-medical@1",
        include_str!(concat!(
            env!("OUT_DIR"),
            "/presets/rotas/fy2-medical@1.json"
        )),
    ),
    (
        "core-surgical@1",
        include_str!(concat!(
            env!("OUT_DIR"),
            "/presets/rotas/core-surgical@1.json"
        )),
    ),
    (
        "em-evenings@1",
        include_str!(concat!(
            env!("OUT_DIR"),
            "/presets/rotas/em-evenings@1.json"
        )),
    ),
    (
        "registrar-on-call@1",
        include_str!(concat!(
            env!("OUT_DIR"),
            "/presets/rotas/registrar-on-call@1.json"
        )),
    ),
    (
        "anaesthetics-24h-on-call@1",
        include_str!(concat!(
            env!("OUT_DIR"),
            "/presets/rotas/anaesthetics-24h-on-call@1.json"
        )),
    ),
    (
        "ltft-60@1",
        include_str!(concat!(env!("OUT_DIR"), "/presets/rotas/ltft-60@1.json")),
    ),
    (
        "em-26-week@1",
        include_str!(concat!(env!("OUT_DIR"), "/presets/rotas/em-26-week@1.json")),
    ),
    (
        "breaches-2016@1",
        include_str!(concat!(
            env!("OUT_DIR"),
            "/presets/rotas/breaches-2016@1.json"
        )),
    ),
];

/// What a rota preset is meant to produce, as stated by its author and checked
/// by the tests against the engine (under the `tcs-2016@1` definitions).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RotaExpectations {
    /// Average weekly hours of work over the cycle, to two decimals (`"45.38"`).
    #[serde(with = "rust_decimal::serde::str")]
    pub average_weekly_hours: Decimal,
    /// Weekends per cycle with a shift or on-call period beginning on a
    /// Saturday or Sunday (the weekend allowance's definition).
    pub weekends_worked: u32,
    /// Night shifts per cycle (at least 3 hours between 23:00 and 06:00;
    /// on-call periods count as the engine counts them).
    pub nights_per_cycle: u32,
    /// The longest worked shift in hours, to two decimals (`"12.50"`);
    /// on-call periods are not shifts.
    #[serde(with = "rust_decimal::serde::str")]
    pub longest_shift_hours: Decimal,
    /// Ids of the `tcs-2016@1` limits the rota breaches (usually none).
    pub breaches: Vec<String>,
}

/// A rota preset: the rota, what it illustrates, and what it should produce.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RotaPreset {
    /// The preset's key (`fy1-ward@1`), from the file table; not in the file.
    #[serde(skip)]
    pub key: String,
    /// The rota, as in a scenario.
    pub rota: Rota,
    /// What the rota illustrates (every preset rota is illustrative).
    pub description: String,
    /// The figures it is meant to produce.
    pub expected: RotaExpectations,
}

/// A preset that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PresetError {
    /// The preset's key (`tcs-2016@1`).
    pub key: String,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for PresetError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "preset {}: {}", self.key, self.message)
    }
}

impl std::error::Error for PresetError {}

/// The key of an offer: `id@version`.
pub fn offer_key(offer: &Offer) -> String {
    format!("{}@{}", offer.id, offer.version)
}

/// Parses one offer preset and checks that its id and version match its key.
pub fn parse_offer(key: &str, text: &str) -> Result<Offer, PresetError> {
    let error = |message: String| PresetError {
        key: key.to_string(),
        message,
    };
    let (offer, _): (Offer, _) = from_text(text).map_err(|e| error(e.to_string()))?;
    if offer_key(&offer) != key {
        return Err(error(format!(
            "the file holds {}, not {key}",
            offer_key(&offer)
        )));
    }
    Ok(offer)
}

/// Parses one rota preset and checks that its rota id matches its key.
pub fn parse_rota(key: &str, text: &str) -> Result<RotaPreset, PresetError> {
    let error = |message: String| PresetError {
        key: key.to_string(),
        message,
    };
    let (mut preset, _): (RotaPreset, _) = from_text(text).map_err(|e| error(e.to_string()))?;
    let id = key.split('@').next().unwrap_or_default();
    if preset.rota.id != id {
        return Err(error(format!(
            "the file holds rota '{}', not '{id}'",
            preset.rota.id
        )));
    }
    preset.key = key.to_string();
    Ok(preset)
}

/// What parses of a file table, and an error for each file that does not.
fn load<T>(
    files: &[(&str, &str)],
    parse: fn(&str, &str) -> Result<T, PresetError>,
) -> (Vec<T>, Vec<PresetError>) {
    let mut items = Vec::with_capacity(files.len());
    let mut errors = Vec::new();
    for (key, text) in files {
        match parse(key, text) {
            Ok(item) => items.push(item),
            Err(e) => errors.push(e),
        }
    }
    (items, errors)
}

/// Every offer preset that parses, and an error for each that does not.
pub fn load_offers() -> (Vec<Offer>, Vec<PresetError>) {
    load(OFFER_FILES, parse_offer)
}

/// Every rota preset that parses, and an error for each that does not.
pub fn load_rotas() -> (Vec<RotaPreset>, Vec<PresetError>) {
    load(ROTA_FILES, parse_rota)
}

/// Every offer preset, parsed; one that fails to parse is left out (see
/// [`load_offers`] for the errors).
pub fn offer_presets() -> Vec<Offer> {
    load_offers().0
}

/// Every rota preset, parsed; one that fails to parse is left out (see
/// [`load_rotas`] for the errors).
pub fn rota_presets() -> Vec<RotaPreset> {
    load_rotas().0
}

/// The offer preset with this key (`"tcs-2016@1"`), if there is one and it parses.
pub fn find_offer(key: &str) -> Option<Offer> {
    OFFER_FILES
        .iter()
        .find(|(k, _)| *k == key)
        .and_then(|(k, text)| parse_offer(k, text).ok())
}

/// The rota preset with this key (`"fy1-ward@1"`), if there is one and it parses.
pub fn find_rota(key: &str) -> Option<RotaPreset> {
    ROTA_FILES
        .iter()
        .find(|(k, _)| *k == key)
        .and_then(|(k, text)| parse_rota(k, text).ok())
}

/// The built-in presets as the codec's library, parsed once: a scenario file or
/// link may name any of them by `id@version`. A file that does not parse is
/// left out (the tests require that none fails).
pub fn library() -> &'static Library {
    static LIBRARY: OnceLock<Library> = OnceLock::new();
    LIBRARY.get_or_init(|| {
        let offers = OFFER_FILES
            .iter()
            .filter_map(|(key, text)| {
                let (item, json) = from_text::<Offer>(text).ok()?;
                Some(Entry {
                    key: key.to_string(),
                    item,
                    json,
                })
            })
            .collect();
        let rotas = ROTA_FILES
            .iter()
            .filter_map(|(key, text)| {
                let (preset, mut json) = from_text::<RotaPreset>(text).ok()?;
                Some(Entry {
                    key: key.to_string(),
                    item: preset.rota,
                    json: json.get_mut("rota")?.take(),
                })
            })
            .collect();
        Library { offers, rotas }
    })
}
