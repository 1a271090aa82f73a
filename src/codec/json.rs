//! The versioned JSON scenario format (`docs/scenario-format.md`) and the JSON
//! form of results.

pub use crate::decode::{from_text, from_value, DecodeError};
use crate::engine::compare::Comparison;
use crate::engine::edit::source_key;
use crate::engine::explain::render_text;
use crate::engine::scenario::{Scenario, FORMAT_VERSION};
pub use crate::presets::{Entry, Library};
use serde::Serialize;
use serde_json::Value;

/// Largest scenario text accepted, in bytes (a 52-week rota with many offers is
/// far smaller; anything bigger is a mistake or hostile).
pub const MAX_SCENARIO_BYTES: usize = 2 * 1024 * 1024;

/// Most offers in one scenario: one per column (at most
/// [`MAX_COLUMNS`](crate::engine::validate::MAX_COLUMNS)), twice over for
/// offers kept but not shown. Checked before any preset is resolved, so a
/// short link naming a preset thousands of times is refused, not expanded.
pub const MAX_OFFERS: usize = 24;
/// Most rotas in one scenario (as [`MAX_OFFERS`]).
pub const MAX_ROTAS: usize = 24;

/// Refuses a list of more than `most` items, naming the list and the cap.
fn check_count(value: &Value, list: &str, most: usize) -> Result<(), DecodeError> {
    match value.get(list).and_then(Value::as_array) {
        Some(items) if items.len() > most => Err(DecodeError::new(
            list,
            format!(
                "there are {} {list}; a scenario has at most {most} (it shows at most {} columns)",
                items.len(),
                crate::engine::validate::MAX_COLUMNS
            ),
        )),
        _ => Ok(()),
    }
}

/// Replaces every `"id@version"` string in `list` by the preset's JSON.
/// Callers cap the list first ([`check_count`]): each use is a copy.
fn resolve_presets<T>(
    value: &mut serde_json::Value,
    list: &str,
    entries: &[Entry<T>],
) -> Result<(), DecodeError> {
    let Some(items) = value.get_mut(list).and_then(|v| v.as_array_mut()) else {
        return Ok(());
    };
    let keys: Vec<Option<String>> = items
        .iter()
        .map(|i| i.as_str().map(str::to_string))
        .collect();
    for (i, item) in items.iter_mut().enumerate() {
        if let Some(key) = item.as_str() {
            let entry = entries.iter().find(|e| e.key == key).ok_or_else(|| {
                let known: Vec<&str> = entries.iter().map(|e| e.key.as_str()).collect();
                DecodeError::new(
                    format!("{list}[{i}]"),
                    format!("there is no preset '{key}' (known: {})", known.join(", ")),
                )
            })?;
            *item = entry.json.clone();
        }
    }
    // Validation refuses two items with one id at `offers[i].id`, a place a
    // reference (`"tcs-2016@1"`) does not have in the file: a reference
    // repeating an id is refused here instead, at the reference.
    let mut seen = std::collections::BTreeMap::new();
    for (i, (item, key)) in items.iter().zip(&keys).enumerate() {
        let Some(id) = item.get("id").and_then(Value::as_str) else {
            continue;
        };
        match (seen.insert(id, i), key) {
            (Some(j), Some(key)) => {
                return Err(DecodeError::new(
                    format!("{list}[{i}]"),
                    format!(
                    "'{key}' has the id '{id}', which {list}[{j}] has too; each needs its own id"
                ),
                ))
            }
            (Some(j), None) => {
                // Keep the first place, as validation does.
                seen.insert(id, j);
            }
            (None, _) => {}
        }
    }
    Ok(())
}

/// Parses a scenario, resolving presets named by `id@version` from the built-in
/// presets. Unknown fields and numbers where text is expected are rejected; the
/// format version is checked first so an old or future file says so instead of
/// failing on some field.
pub fn scenario_from_json(text: &str) -> Result<Scenario, DecodeError> {
    scenario_from_json_in(text, crate::presets::library())
}

/// [`scenario_from_json`] with a given library of presets.
pub fn scenario_from_json_in(text: &str, library: &Library) -> Result<Scenario, DecodeError> {
    if text.len() > MAX_SCENARIO_BYTES {
        return Err(DecodeError::new(
            ".",
            format!(
                "the file is larger than {} MB",
                MAX_SCENARIO_BYTES / (1024 * 1024)
            ),
        ));
    }
    // Some Windows editors start a saved file with a byte-order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut value = crate::decode::parse(text)?;
    match value.get("version") {
        Some(v) if v.as_u64() == Some(u64::from(FORMAT_VERSION)) => {}
        Some(v) => {
            return Err(DecodeError::new(
                "version",
                format!(
                    "format version {v} is not supported (this app reads version {FORMAT_VERSION})"
                ),
            ))
        }
        None if value.is_object() => {
            return Err(DecodeError::new(
                "version",
                "missing: a scenario file starts with \"version\": 1",
            ))
        }
        None => {
            return Err(DecodeError::new(
                ".",
                "this is not a scenario: expected a JSON object starting {\"version\": 1, …",
            ))
        }
    }
    // The stamp says what wrote the file; it changes no figure.
    if let Some(object) = value.as_object_mut() {
        if object.remove("stamp").is_some_and(|s| !s.is_object()) {
            return Err(DecodeError::new(
                "stamp",
                "expected an object saying which app and format wrote the file",
            ));
        }
    }
    // serde reads a struct from an array too (its fields by position), which
    // would let `"take_home": ["scotland"]` mean something no one wrote.
    for pointer in ["/doctor", "/take_home", "/take_home/real_terms", "/explore"] {
        if value.pointer(pointer).is_some_and(Value::is_array) {
            return Err(DecodeError::new(
                pointer[1..].replace('/', "."),
                "expected an object with named fields, not a list",
            ));
        }
    }
    check_count(&value, "offers", MAX_OFFERS)?;
    check_count(&value, "rotas", MAX_ROTAS)?;
    check_count(&value, "columns", crate::engine::validate::MAX_COLUMNS)?;
    resolve_presets(&mut value, "offers", &library.offers)?;
    resolve_presets(&mut value, "rotas", &library.rotas)?;
    from_value(value)
}

/// Writes a scenario as pretty JSON, naming unchanged built-in presets by
/// `id@version` so files and links stay small, and stamped with the app and
/// format versions that wrote it.
pub fn scenario_to_json(scenario: &Scenario) -> String {
    serde_json::to_string_pretty(&scenario_to_value_in(scenario, crate::presets::library()))
        .unwrap_or_default()
}

/// What wrote a file or link, for whoever checks a figure later: the app's
/// version and the scenario format's. (Preset versions are in the names.)
pub fn stamp() -> serde_json::Value {
    serde_json::json!({ "app": concat!("offer-compare ", env!("CARGO_PKG_VERSION")), "format": FORMAT_VERSION })
}

/// The `id@version` of the preset `item` is, unchanged; `None` for a custom
/// (or edited) one.
pub fn preset_key<'a, T: PartialEq>(entries: &'a [Entry<T>], item: &T) -> Option<&'a str> {
    entries
        .iter()
        .find(|e| &e.item == item)
        .map(|e| e.key.as_str())
}

/// Where each offer and then each rota of `scenario` comes from:
/// `preset tcs-2016@1`, or `custom, from tcs-2016@1` for an edited offer, or
/// `custom` for a rota entered by hand.
pub fn origins(scenario: &Scenario) -> Vec<String> {
    let library = crate::presets::library();
    let offers = scenario.offers.iter().map(offer_origin);
    let rotas = scenario.rotas.iter().map(|r| {
        preset_key(&library.rotas, r)
            .map_or_else(|| "custom".to_string(), |k| format!("preset {k}"))
    });
    offers.chain(rotas).collect()
}

/// Where one offer comes from: `preset tcs-2016@1` only when it is that
/// released preset unchanged, else `custom, from tcs-2016@1` (an edited file
/// keeps its preset's id and version but is not that preset).
pub fn offer_origin(offer: &crate::engine::offer::Offer) -> String {
    match preset_key(&crate::presets::library().offers, offer) {
        Some(key) => format!("preset {key}"),
        None => format!("custom, from {}", source_key(offer)),
    }
}

/// The JSON value of [`scenario_to_json`], with a given library of presets.
pub fn scenario_to_value_in(scenario: &Scenario, library: &Library) -> serde_json::Value {
    // Through text rather than `to_value`: the model's serializer is then the
    // text one already in the bundle, not a second one building values (the
    // same value either way; ~3 KB smaller compressed).
    let Ok(mut value) = serde_json::to_string(scenario)
        .and_then(|text| serde_json::from_str::<serde_json::Value>(&text))
    else {
        return serde_json::Value::Null;
    };
    let offer_keys: Vec<Option<&str>> = scenario
        .offers
        .iter()
        .map(|o| preset_key(&library.offers, o))
        .collect();
    let rota_keys: Vec<Option<&str>> = scenario
        .rotas
        .iter()
        .map(|r| preset_key(&library.rotas, r))
        .collect();
    for (list, keys) in [("offers", offer_keys), ("rotas", rota_keys)] {
        if let Some(items) = value.get_mut(list).and_then(|v| v.as_array_mut()) {
            for (item, key) in items.iter_mut().zip(keys) {
                if let Some(key) = key {
                    *item = serde_json::Value::String(key.to_string());
                }
            }
        }
    }
    if let Some(object) = value.as_object_mut() {
        object.insert("stamp".into(), stamp());
    }
    value
}

/// One figure in the flat `figures` list of the JSON results.
#[derive(Debug, Serialize)]
struct FlatFigure<'a> {
    offer: &'a str,
    line: &'a str,
    label: &'a str,
    value: String,
    explanation: String,
}

#[derive(Serialize)]
struct ResultsJson<'a> {
    format: &'static str,
    app_version: &'static str,
    figures: Vec<FlatFigure<'a>>,
    comparison: &'a Comparison,
}

/// The results as JSON: a flat `figures` list of pay figures and rest metrics
/// (`offer` is the column id, `line` the figure id, `value` the unformatted
/// decimal — the same triple the page puts in `data-offer`, `data-line`,
/// `data-value`), then the full comparison with every explanation, limit
/// check and breach.
pub fn comparison_to_json(comparison: &Comparison) -> String {
    let figures = comparison
        .columns
        .iter()
        .flat_map(|c| {
            let pay = c.figures().map(move |f| FlatFigure {
                offer: &c.id,
                line: &f.id,
                label: &f.label,
                value: f.value.to_string(),
                explanation: render_text(&f.explanation, f.unit),
            });
            let rest = c.rest.metrics.iter().map(move |m| FlatFigure {
                offer: &c.id,
                line: &m.id,
                label: &m.label,
                value: m.value.to_string(),
                explanation: format!("{}: {}", m.label, m.definition),
            });
            pay.chain(rest)
        })
        .collect();
    let doc = ResultsJson {
        format: "offer-compare results",
        app_version: env!("CARGO_PKG_VERSION"),
        figures,
        comparison,
    };
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_model_through_text_is_the_value_to_value_gives() {
        let mut texts = vec![crate::DEFAULT_SCENARIO];
        texts.push(include_str!("../../examples/inline-offers.json"));
        for text in texts {
            let scenario = scenario_from_json(text).unwrap();
            let through_text: serde_json::Value =
                serde_json::from_str(&serde_json::to_string(&scenario).unwrap()).unwrap();
            assert_eq!(through_text, serde_json::to_value(&scenario).unwrap());
        }
        fn same<T: Serialize>(item: &T) {
            let through_text: serde_json::Value =
                serde_json::from_str(&serde_json::to_string(item).unwrap()).unwrap();
            assert_eq!(through_text, serde_json::to_value(item).unwrap());
        }
        let library = crate::presets::library();
        library.offers.iter().for_each(|e| same(&e.item));
        library.rotas.iter().for_each(|e| same(&e.item));
        assert!(!library.offers.is_empty() && !library.rotas.is_empty());
    }
}
