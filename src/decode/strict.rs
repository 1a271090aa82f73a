//! Reading JSON text into a `serde_json::Value` that refuses a key repeated
//! in one object.
//!
//! serde_json keeps the last of two equal keys without a word, so
//! `{"title":"a","title":"b"}` would open as "b" and a file edited by hand (or
//! crafted to show one thing to a reviewer and another to the app) would say
//! something no one meant. The check rides on the one parse every untrusted
//! text already gets: one look-up per key in the object being built (a
//! `BTreeMap`: n log n in the keys of one object), and the error is raised by
//! the parser right after the repeated key, so its position locates it
//! (`doctor.grade`) like any other decoding error.

use serde::de::{Deserialize, Deserializer, Error, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

/// The start of the message for a repeated key; the decoder recognises it to
/// locate the error at the key rather than inside its object.
pub(super) const REPEATED: &str = "the key '";

/// A JSON value read with every object's keys checked for repeats.
pub(super) struct Strict(pub Value);

impl<'de> Deserialize<'de> for Strict {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Strict, D::Error> {
        deserializer.deserialize_any(StrictVisitor)
    }
}

struct StrictVisitor;

impl<'de> Visitor<'de> for StrictVisitor {
    type Value = Strict;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E: Error>(self, v: bool) -> Result<Strict, E> {
        Ok(Strict(Value::Bool(v)))
    }

    fn visit_i64<E: Error>(self, v: i64) -> Result<Strict, E> {
        Ok(Strict(Value::from(v)))
    }

    fn visit_u64<E: Error>(self, v: u64) -> Result<Strict, E> {
        Ok(Strict(Value::from(v)))
    }

    fn visit_f64<E: Error>(self, v: f64) -> Result<Strict, E> {
        // JSON text cannot hold NaN or infinity, so this is always a number.
        Ok(Strict(
            serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number),
        ))
    }

    fn visit_str<E: Error>(self, v: &str) -> Result<Strict, E> {
        Ok(Strict(Value::String(v.to_owned())))
    }

    fn visit_string<E: Error>(self, v: String) -> Result<Strict, E> {
        Ok(Strict(Value::String(v)))
    }

    fn visit_unit<E: Error>(self) -> Result<Strict, E> {
        Ok(Strict(Value::Null))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Strict, A::Error> {
        let mut items = Vec::new();
        while let Some(Strict(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(Strict(Value::Array(items)))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Strict, A::Error> {
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            // Asked at the key, before its value is read, so the parser's
            // position (and the path recovered from it) is the repeated key.
            if object.contains_key(&key) {
                return Err(A::Error::custom(format!(
                    "{REPEATED}{}' appears twice in one object; keep one of them",
                    super::words::shorten(&key)
                )));
            }
            let Strict(value) = map.next_value()?;
            object.insert(key, value);
        }
        Ok(Strict(Value::Object(object)))
    }
}
