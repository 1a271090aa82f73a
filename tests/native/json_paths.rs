//! The JSON path of a decoding error (`codec::json_path`, which recovers it
//! from serde_json's line and column) against `serde_path_to_error`, which
//! tracks it as the decoder goes: for a scenario broken at each of its values
//! in turn, both name the same place and say the same thing.
//!
//! Why: the path is what tells a person which field of their file to fix; a
//! scan that miscounts an array index or a key would send them to the wrong
//! one. Outside this oracle's reach: values inside the enums read by hand
//! (`engine::tagged` reads them as a whole value first, so the tracking
//! decoder stops at the enum while the scan names the field — the hostile
//! catalogue pins those messages).

use offer_compare::codec::json::from_value;
use offer_compare::decode::in_words;
use offer_compare::engine::scenario::Scenario;
use serde_json::Value;

const INLINE: &str = include_str!("../../examples/inline-offers.json");

/// The JSON pointer of every value in `value`, with its path as the decoder
/// names it (`offers[0].terms.pay_scale`).
fn places(value: &Value, pointer: String, path: String, out: &mut Vec<(String, String)>) {
    out.push((pointer.clone(), path.clone()));
    let join = |key: &str| {
        if path.is_empty() {
            key.to_string()
        } else {
            format!("{path}.{key}")
        }
    };
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                places(child, format!("{pointer}/{key}"), join(key), out);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                places(child, format!("{pointer}/{i}"), format!("{path}[{i}]"), out);
            }
        }
        _ => {}
    }
}

/// The field added by the unknown-field cases.
const UNKNOWN: &str = "no_such_field";

/// What the tracking decoder says: (path, message).
fn reference(value: &Value) -> Option<(String, String)> {
    // Over the same text as `from_value` reads, so serde_json's messages are
    // the same; the position it appends is what the path replaces.
    let text = value.to_string();
    let mut decoder = serde_json::Deserializer::from_str(&text);
    let error = serde_path_to_error::deserialize::<_, Scenario>(&mut decoder).err()?;
    let message = error.inner().to_string();
    let message = match message.rsplit_once(" at line ") {
        Some((message, _)) => message.to_string(),
        None => message,
    };
    Some((error.path().to_string(), message))
}

/// `ours` names the place `theirs` does. The tracking decoder writes `?` for
/// a map key that is not read as a string (a grade); the scan names it, so
/// there any key matches (keys here hold no dots).
fn same_place(ours: &str, theirs: &str) -> bool {
    let (ours, theirs): (Vec<&str>, Vec<&str>) =
        (ours.split('.').collect(), theirs.split('.').collect());
    ours.len() == theirs.len()
        && ours
            .iter()
            .zip(&theirs)
            .all(|(o, t)| match t.strip_prefix('?') {
                Some(index) => o.len() > index.len() && o.ends_with(index),
                None => o == t,
            })
}

/// Both decoders accept `broken`, or both refuse it at the same path with the
/// same message; the number of refusals compared.
fn agree(broken: &Value, place: &str) -> usize {
    match (
        from_value::<Scenario>(broken.clone()).err(),
        reference(broken),
    ) {
        (None, None) => 0,
        (Some(ours), Some((path, message))) => {
            if in_a_tagged_enum(&ours.path) || in_a_tagged_enum(&format!("{path}.")) {
                return 0;
            }
            assert!(
                same_place(&ours.path, &path) && ours.message == in_words(&ours.path, &message),
                "broken at {place}: ours {ours:?}, theirs {path} {message}"
            );
            1
        }
        (ours, theirs) => panic!("broken at {place}: ours {ours:?}, theirs {theirs:?}"),
    }
}

/// Whether `path` is inside a value read by `engine::tagged`.
fn in_a_tagged_enum(path: &str) -> bool {
    [".rule.", ".counts.", ".extent."]
        .iter()
        .any(|part| path.contains(part))
}

#[test]
fn a_wrong_type_anywhere_is_reported_at_its_path() {
    let scenario: Value = serde_json::from_str(INLINE).expect("example parses");
    let mut all = Vec::new();
    places(&scenario, String::new(), String::new(), &mut all);
    let mut checked = 0;
    for (pointer, path) in all.iter().skip(1) {
        // Each value replaced by a number, then by a string no field reads.
        for wrong in [Value::from(-1.5), Value::from("¿")] {
            let mut broken = scenario.clone();
            *broken.pointer_mut(pointer).expect("pointer") = wrong;
            checked += agree(&broken, path);
        }
    }
    assert!(checked > 100, "only {checked} places checked");
}

#[test]
fn missing_and_unknown_fields_are_reported_where_serde_path_to_error_says() {
    let scenario: Value = serde_json::from_str(INLINE).expect("example parses");
    let mut all = Vec::new();
    places(&scenario, String::new(), String::new(), &mut all);
    let mut checked = 0;
    for (pointer, path) in &all {
        if !scenario.pointer(pointer).is_some_and(Value::is_object) {
            continue;
        }
        let mut unknown = scenario.clone();
        if let Some(object) = unknown.pointer_mut(pointer).and_then(Value::as_object_mut) {
            object.insert(UNKNOWN.into(), Value::Bool(true));
        }
        checked += agree(&unknown, path);
        let keys = scenario.pointer(pointer).and_then(Value::as_object);
        for key in keys.into_iter().flat_map(|object| object.keys()) {
            let mut missing = scenario.clone();
            if let Some(object) = missing.pointer_mut(pointer).and_then(Value::as_object_mut) {
                object.remove(key);
            }
            checked += agree(&missing, path);
        }
    }
    assert!(checked > 20, "only {checked} places checked");
}
