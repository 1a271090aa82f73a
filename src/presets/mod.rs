//! Presets: released offers and rotas, embedded in the program and referenced
//! by `id@version` (`tcs-2016@1`, `fy2-medical@1`).
//!
//! Every preset is a JSON file under `src/presets/offers/` or
//! `src/presets/rotas/`, embedded with `include_str!` (without layout
//! whitespace, see `build.rs`), so the page works
//! offline and a saved scenario or link that names a preset always finds the
//! same text. **A released preset is immutable**: a correction is a new file
//! with a new version (`tcs-2016@2`), never an edit, so an old file or link
//! keeps reproducing the figures it showed. `tests/native/presets.rs` holds a hash of
//! every released file and fails if one changes or disappears.
//!
//! Offers are ordinary [`Offer`]s: each value carries its source and marker,
//! each offer its dated status history, its sources and the assumptions it had
//! to make (see `docs/presets.md`). Rotas are illustrative, not any trust's
//! real rota, and come with the figures they are meant to produce
//! ([`RotaExpectations`]), which the tests check against the engine.
//!
//! Every file is read once, by one loader ([`load`]) that checks the file's
//! `id@version` against its name; every accessor here ([`library`],
//! [`find_offer`], [`rota_presets`], [`reference`]…) reads that one result.
//! Parsing never panics: what does not parse is left out and reported as a
//! [`PresetError`] (the tests require that there is none).

use crate::decode::from_text;
use crate::engine::offer::Offer;
use crate::engine::reference::{NamedRota, Reference};
use crate::engine::rota::Rota;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// A preset file's text: embedded in the program (`include_str!` of the copy
/// `build.rs` writes without layout whitespace), or — with the
/// `external-presets` feature, as the release page is built — a reference
/// to the same text carried by the page (see [`text`]). Data is a third of
/// the bundle, and the download budget counts only the WebAssembly.
#[cfg(not(feature = "external-presets"))]
macro_rules! preset_file {
    ($path:literal) => {
        include_str!(concat!(env!("OUT_DIR"), "/presets/", $path))
    };
}

/// See the embedded form above: here the path, marked by a leading NUL.
#[cfg(feature = "external-presets")]
macro_rules! preset_file {
    ($path:literal) => {
        concat!("\u{0}", $path)
    };
}

/// Preset texts the page supplied (`external-presets`), by path.
static EXTERNAL: OnceLock<std::collections::BTreeMap<String, String>> = OnceLock::new();

/// Takes the preset texts the page carries (`{"offers/x@1.json": "…", …}`,
/// written into `index.html` by `scripts/post-build.mjs`); call before any
/// preset is read. Refuses a second call or text that is not such a map.
pub fn provide_external(json: &str) -> Result<(), String> {
    let map = serde_json::from_str(json).map_err(|e| format!("the page's presets: {e}"))?;
    EXTERNAL
        .set(map)
        .map_err(|_| "the page's presets were already given".to_string())
}

/// The text of a preset file entry: itself when embedded, else the page's
/// text for its path (empty when the page did not carry it, which the
/// loader reports as a file that does not parse).
pub(crate) fn text(raw: &'static str) -> &'static str {
    match raw.strip_prefix('\u{0}') {
        Some(path) => EXTERNAL
            .get()
            .and_then(|map| map.get(path))
            .map_or("", String::as_str),
        None => raw,
    }
}

pub mod history;
pub mod price_indices;
pub mod tax_years;

/// Every offer preset file as (`id@version`, JSON text), in a stable order.
pub const OFFER_FILES: &[(&str, &str)] = &[
    (
        "gov-offer-2015-11@1",
        preset_file!("offers/gov-offer-2015-11@1.json"),
    ),
    (
        "gov-offer-2015-11@2",
        preset_file!("offers/gov-offer-2015-11@2.json"),
    ),
    (
        "gov-offer-2016-01@1",
        preset_file!("offers/gov-offer-2016-01@1.json"),
    ),
    (
        "gov-offer-2016-01@2",
        preset_file!("offers/gov-offer-2016-01@2.json"),
    ),
    (
        "gov-final-offer-2016-02-09@1",
        preset_file!("offers/gov-final-offer-2016-02-09@1.json"),
    ),
    (
        "gov-final-offer-2016-02-09@2",
        preset_file!("offers/gov-final-offer-2016-02-09@2.json"),
    ),
    (
        "imposed-2016-02@1",
        preset_file!("offers/imposed-2016-02@1.json"),
    ),
    (
        "imposed-2016-02@2",
        preset_file!("offers/imposed-2016-02@2.json"),
    ),
    (
        "bma-position-2016-02@1",
        preset_file!("offers/bma-position-2016-02@1.json"),
    ),
    (
        "bma-position-2016-02@2",
        preset_file!("offers/bma-position-2016-02@2.json"),
    ),
    ("tcs-2016@1", preset_file!("offers/tcs-2016@1.json")),
    ("tcs-2016@2", preset_file!("offers/tcs-2016@2.json")),
    ("tcs-2019@1", preset_file!("offers/tcs-2019@1.json")),
    ("tcs-2019@2", preset_file!("offers/tcs-2019@2.json")),
    ("tcs-today@1", preset_file!("offers/tcs-today@1.json")),
    ("tcs-today@2", preset_file!("offers/tcs-today@2.json")),
    ("tcs-today@3", preset_file!("offers/tcs-today@3.json")),
    (
        "contract-2002@1",
        preset_file!("offers/contract-2002@1.json"),
    ),
    (
        "contract-2002@2",
        preset_file!("offers/contract-2002@2.json"),
    ),
    (
        "contract-2002@3",
        preset_file!("offers/contract-2002@3.json"),
    ),
];

/// Every rota preset file as (`id@version`, JSON text), in a stable order.
pub const ROTA_FILES: &[(&str, &str)] = &[
    ("fy1-ward@1", preset_file!("rotas/fy1-ward@1.json")),
    ("fy2-medical@1", preset_file!("rotas/fy2-medical@1.json")),
    (
        "core-surgical@1",
        preset_file!("rotas/core-surgical@1.json"),
    ),
    ("em-evenings@1", preset_file!("rotas/em-evenings@1.json")),
    (
        "registrar-on-call@1",
        preset_file!("rotas/registrar-on-call@1.json"),
    ),
    (
        "anaesthetics-24h-on-call@1",
        preset_file!("rotas/anaesthetics-24h-on-call@1.json"),
    ),
    ("ltft-60@1", preset_file!("rotas/ltft-60@1.json")),
    ("em-26-week@1", preset_file!("rotas/em-26-week@1.json")),
    (
        "breaches-2016@1",
        preset_file!("rotas/breaches-2016@1.json"),
    ),
];

/// A preset in a [`Library`]: its key, the parsed item and the JSON it came
/// from (spliced into scenarios as is, so no second encoder is compiled in).
#[derive(Debug, Clone)]
pub struct Entry<T> {
    /// `id@version`.
    pub key: String,
    /// The parsed preset.
    pub item: T,
    /// Its JSON.
    pub json: serde_json::Value,
}

/// Preset offers and rotas that a scenario may name by `id@version` instead of
/// writing them out. Presets never change once released, so a name keeps
/// reproducing the figures it showed.
#[derive(Debug, Clone, Default)]
pub struct Library {
    /// Offer presets.
    pub offers: Vec<Entry<Offer>>,
    /// Rota presets.
    pub rotas: Vec<Entry<Rota>>,
}

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

/// Applies a JSON merge patch (RFC 7396): objects merge key by key, `null`
/// removes a key, anything else (arrays included) replaces.
fn merge(base: &mut serde_json::Value, patch: serde_json::Value) {
    match (base, patch) {
        (serde_json::Value::Object(base), serde_json::Value::Object(patch)) => {
            for (key, value) in patch {
                if value.is_null() {
                    base.remove(&key);
                } else {
                    merge(base.entry(key).or_insert(serde_json::Value::Null), value);
                }
            }
        }
        (base, patch) => *base = patch,
    }
}

/// An offer preset's JSON with its `"extends"` chain applied: a patch on a
/// patch is applied to its base's resolved JSON in turn. `depth` bounds the
/// chain (a file extending itself, directly or not, is an error).
fn resolve(text: &str, depth: usize) -> Result<serde_json::Value, String> {
    let mut json: serde_json::Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let Some(base) = json.as_object_mut().and_then(|o| o.remove("extends")) else {
        return Ok(json);
    };
    let name = base.as_str().unwrap_or_default();
    let base_text = OFFER_FILES
        .iter()
        .find(|(k, _)| *k == name)
        .map(|(_, t)| crate::presets::text(t))
        .ok_or_else(|| format!("it extends '{name}', which is not a preset"))?;
    if depth == 0 {
        return Err(format!("its chain of 'extends' loops back (at '{name}')"));
    }
    let mut merged = resolve(base_text, depth - 1)?;
    merge(&mut merged, json);
    Ok(merged)
}

/// Parses one offer preset, keeping its JSON, and checks that its id and
/// version match its key. A file with `"extends": "<key>"` is a merge patch
/// on that earlier preset: a new version ships only what it corrects, which
/// keeps the download small (the app carries every version).
fn offer_entry(key: &str, text: &str) -> Result<Entry<Offer>, PresetError> {
    let error = |message: String| PresetError {
        key: key.to_string(),
        message,
    };
    let json = resolve(text, OFFER_FILES.len()).map_err(error)?;
    let offer: Offer = crate::decode::from_value(json.clone()).map_err(|e| error(e.to_string()))?;
    if offer_key(&offer) != key {
        return Err(error(format!(
            "the file holds {}, not {key}",
            offer_key(&offer)
        )));
    }
    Ok(Entry {
        key: key.to_string(),
        item: offer,
        json,
    })
}

/// Parses one rota preset, keeping its rota's JSON, and checks that its rota
/// id matches its key.
fn rota_entry(key: &str, text: &str) -> Result<Entry<RotaPreset>, PresetError> {
    let error = |message: String| PresetError {
        key: key.to_string(),
        message,
    };
    let (mut preset, mut json): (RotaPreset, _) =
        from_text(text).map_err(|e| error(e.to_string()))?;
    let id = key.split('@').next().unwrap_or_default();
    if preset.rota.id != id {
        return Err(error(format!(
            "the file holds rota '{}', not '{id}'",
            preset.rota.id
        )));
    }
    preset.key = key.to_string();
    Ok(Entry {
        key: key.to_string(),
        item: preset,
        json: json
            .get_mut("rota")
            .map(serde_json::Value::take)
            .unwrap_or_default(),
    })
}

/// Parses one offer preset and checks that its id and version match its key.
pub fn parse_offer(key: &str, text: &str) -> Result<Offer, PresetError> {
    offer_entry(key, text).map(|e| e.item)
}

/// Parses one rota preset and checks that its rota id matches its key.
pub fn parse_rota(key: &str, text: &str) -> Result<RotaPreset, PresetError> {
    rota_entry(key, text).map(|e| e.item)
}

/// The one loader: what parses of a file table, and an error for each file
/// that does not.
fn load<T>(
    files: &[(&str, &'static str)],
    parse: fn(&str, &str) -> Result<T, PresetError>,
) -> (Vec<T>, Vec<PresetError>) {
    let mut items = Vec::with_capacity(files.len());
    let mut errors = Vec::new();
    for (key, raw) in files {
        match parse(key, text(raw)) {
            Ok(item) => items.push(item),
            Err(e) => errors.push(e),
        }
    }
    (items, errors)
}

/// Every offer and rota preset, loaded once.
struct Loaded {
    /// The offers, and the rotas without what they are meant to produce.
    library: Library,
    /// The rota presets in full.
    rotas: Vec<RotaPreset>,
    offer_errors: Vec<PresetError>,
    rota_errors: Vec<PresetError>,
}

fn loaded() -> &'static Loaded {
    static LOADED: OnceLock<Loaded> = OnceLock::new();
    LOADED.get_or_init(|| {
        let (offers, offer_errors) = load(OFFER_FILES, offer_entry);
        let (entries, rota_errors) = load(ROTA_FILES, rota_entry);
        let rotas = entries
            .iter()
            .map(|e| Entry {
                key: e.key.clone(),
                item: e.item.rota.clone(),
                json: e.json.clone(),
            })
            .collect();
        Loaded {
            library: Library { offers, rotas },
            rotas: entries.into_iter().map(|e| e.item).collect(),
            offer_errors,
            rota_errors,
        }
    })
}

/// Every offer preset that parses, and an error for each that does not.
pub fn load_offers() -> (Vec<Offer>, Vec<PresetError>) {
    let loaded = loaded();
    let offers = loaded.library.offers.iter().map(|e| e.item.clone());
    (offers.collect(), loaded.offer_errors.clone())
}

/// Every rota preset that parses, and an error for each that does not.
pub fn load_rotas() -> (Vec<RotaPreset>, Vec<PresetError>) {
    let loaded = loaded();
    (loaded.rotas.clone(), loaded.rota_errors.clone())
}

/// Every offer preset, parsed; one that fails to parse is left out (see
/// [`load_offers`] for the errors).
pub fn offer_presets() -> Vec<Offer> {
    load_offers().0
}

/// Every rota preset, parsed; one that fails to parse is left out (see
/// [`load_rotas`] for the errors).
pub fn rota_presets() -> Vec<RotaPreset> {
    loaded().rotas.clone()
}

/// The offer preset with this key (`"tcs-2016@1"`), if there is one and it parses.
pub fn find_offer(key: &str) -> Option<Offer> {
    let offers = &loaded().library.offers;
    offers.iter().find(|e| e.key == key).map(|e| e.item.clone())
}

/// The rota preset with this key (`"fy1-ward@1"`), if there is one and it parses.
pub fn find_rota(key: &str) -> Option<RotaPreset> {
    loaded().rotas.iter().find(|r| r.key == key).cloned()
}

/// The built-in presets as the codec's library: a scenario file or link may
/// name any of them by `id@version`. A file that does not parse is left out
/// (the tests require that none fails).
pub fn library() -> &'static Library {
    &loaded().library
}

/// The shipped reference data, built once: every tax year, the price
/// indices, and every rota preset as the standard set for who-gains. The
/// page, the command line, the benches and the tests all compare with it.
pub fn reference() -> &'static Reference {
    static REFERENCE: OnceLock<Reference> = OnceLock::new();
    REFERENCE.get_or_init(|| Reference {
        tax_years: tax_years::load_tax_years().0,
        // If the file does not parse the set is empty, so every conversion
        // asks the user for its values rather than failing the page (the
        // tests require the file to parse).
        price_indices: price_indices::parse_price_indices(text(price_indices::PRICE_INDICES_FILE))
            .unwrap_or_default(),
        standard_rotas: loaded()
            .rotas
            .iter()
            .map(|r| NamedRota {
                key: r.key.clone(),
                rota: r.rota.clone(),
            })
            .collect(),
    })
}
