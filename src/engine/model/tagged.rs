//! Reading internally tagged enums (`{"kind": "until", "time": "10:00"}`) once,
//! without serde's derived code for them.
//!
//! The derived `Deserialize` of an internally tagged enum buffers the map into
//! serde's private `Content` and then runs a second, complete deserializer over
//! it for every variant: for `LimitRule` alone that was ~20 KB of wasm. Here the
//! map is read once as a [`Value`] (whose decoder is in the bundle anyway) and
//! each field is converted on its own. The accepted inputs and the error
//! messages are those of the derived code: the fields are visited in the
//! order the decoder saw them, the first unknown or ill-typed one is reported
//! as serde reports it, then the first missing one in declaration order; a
//! unit variant ignores other fields; the array form (`["until", "10:00"]`:
//! the tag, then the fields in declaration order) is accepted too. Errors are
//! raised once the whole map has been read, as before, so their JSON paths
//! (`decode::path`) are the same.

use serde::de::{
    DeserializeOwned, Deserializer, Error as _, MapAccess, SeqAccess, Unexpected, Visitor,
};
use serde_json::{Error, Map, Value};

/// What serde names the type of `value` in an "invalid type" message.
fn unexpected(value: &Value) -> Unexpected<'_> {
    match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => Unexpected::Unsigned(u),
            (_, Some(i)) => Unexpected::Signed(i),
            _ => Unexpected::Float(n.as_f64().unwrap_or(0.0)),
        },
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

/// An internally tagged enum's value: which variant, and its fields by name.
pub struct Tagged {
    /// Index of the variant in the list given to [`read`].
    pub variant: usize,
    fields: Map<String, Value>,
    names: &'static [&'static str],
}

/// The enum being read: its tag's name, the type's name, its variants and
/// each variant's fields.
pub struct Shape {
    /// The tag's key (`"kind"`).
    pub tag: &'static str,
    /// The type's name, for "expected internally tagged enum …".
    pub name: &'static str,
    /// The variants' names.
    pub variants: &'static [&'static str],
    /// Each variant's field names, in declaration order.
    pub fields: &'static [&'static [&'static str]],
}

impl Shape {
    /// The variant a tag's value names. Called as soon as the tag is read, so
    /// the decoder places the error at the tag, as serde's derived code does.
    fn variant(&self, name: Value) -> Result<usize, Error> {
        let Value::String(name) = name else {
            return Err(Error::invalid_type(
                unexpected(&name),
                &"variant identifier",
            ));
        };
        self.variants
            .iter()
            .position(|v| *v == name)
            .ok_or_else(|| Error::unknown_variant(&name, self.variants))
    }
}

impl<'de> Visitor<'de> for &Shape {
    type Value = Tagged;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "internally tagged enum {}", self.name)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Tagged, A::Error> {
        let mut variant = None;
        let mut fields = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let value: Value = map.next_value()?;
            if key == self.tag {
                if variant.is_some() {
                    return Err(A::Error::duplicate_field(self.tag));
                }
                variant = Some(self.variant(value).map_err(A::Error::custom)?);
            } else {
                fields.insert(key, value);
            }
        }
        let variant = variant.ok_or_else(|| A::Error::missing_field(self.tag))?;
        Ok(Tagged {
            variant,
            fields,
            names: self.fields[variant],
        })
    }

    /// The array form: the tag, then the fields in declaration order.
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Tagged, A::Error> {
        let name: Value = seq
            .next_element()?
            .ok_or_else(|| A::Error::missing_field(self.tag))?;
        let variant = self.variant(name).map_err(A::Error::custom)?;
        let names = self.fields[variant];
        let mut fields = Map::new();
        while let Some(value) = seq.next_element::<Value>()? {
            let Some(key) = names.get(fields.len()) else {
                return Err(A::Error::invalid_length(
                    fields.len() + 1,
                    &"fewer elements in sequence",
                ));
            };
            fields.insert(key.to_string(), value);
        }
        Ok(Tagged {
            variant,
            fields,
            names,
        })
    }
}

impl Tagged {
    /// Hands each field to `visit` by its index in the variant's field list,
    /// in order; an unknown field (of a variant that has fields) is an error.
    pub fn each(
        self,
        visit: &mut dyn FnMut(usize, Value) -> Result<(), Error>,
    ) -> Result<(), Error> {
        if self.names.is_empty() {
            return Ok(());
        }
        for (key, value) in self.fields {
            let index = self
                .names
                .iter()
                .position(|n| *n == key)
                .ok_or_else(|| Error::unknown_field(&key, self.names))?;
            visit(index, value)?;
        }
        Ok(())
    }
}

/// A required field's value, or serde's "missing field" error.
pub fn required<T>(slot: Option<T>, name: &'static str) -> Result<T, Error> {
    slot.ok_or_else(|| Error::missing_field(name))
}

/// One field's value, converted as serde would.
pub fn field<T: DeserializeOwned>(value: Value) -> Result<T, Error> {
    T::deserialize(value)
}

/// The generic part, once per decoder for every tagged enum: read the tag and
/// the fields, then convert them (`convert`), giving any error to the caller's
/// decoder, which adds the position (after the map, as with the derived code).
pub fn decode<'de, D: Deserializer<'de>, T>(
    deserializer: D,
    shape: &Shape,
    convert: fn(Tagged) -> Result<T, Error>,
) -> Result<T, D::Error> {
    let tagged = deserializer.deserialize_any(shape)?;
    convert(tagged).map_err(D::Error::custom)
}

#[cfg(test)]
mod tests {
    use crate::engine::model::offer::{CountingUnit, Extent, LimitRule, RunKind};

    fn error<T: serde::de::DeserializeOwned + std::fmt::Debug>(text: &str) -> String {
        let message = serde_json::from_str::<T>(text).unwrap_err().to_string();
        message
            .rsplit_once(" at line ")
            .map_or(message.clone(), |(m, _)| m.to_string())
    }

    #[test]
    fn reads_what_the_derived_code_read() {
        let rule: LimitRule = serde_json::from_str(
            r#"{"what":"nights","kind":"rest_after_run","after_run":3,"minutes":2760}"#,
        )
        .unwrap();
        assert_eq!(
            rule,
            LimitRule::RestAfterRun {
                what: RunKind::Nights,
                after_run: 3,
                minutes: 2760
            }
        );
        let rule: LimitRule = serde_json::from_str(r#"["max_shift_length", 780]"#).unwrap();
        assert_eq!(
            rule,
            LimitRule::MaxShiftLength {
                minutes: 780,
                include_on_call: false,
                weekend_minutes: None
            }
        );
        let extent: Extent =
            serde_json::from_str(r#"{"kind":"whole_shift","time":"10:00"}"#).unwrap();
        assert_eq!(extent, Extent::WholeShift);
        let unit: CountingUnit = serde_json::from_str(r#"{"unit":"window_days_worked"}"#).unwrap();
        assert_eq!(unit, CountingUnit::WindowDaysWorked);
    }

    #[test]
    fn says_what_the_derived_code_said() {
        for (text, message) in [
            (r#"{"kind":"max_hours_in168"}"#, "missing field `hours`"),
            (r#"{"count":1}"#, "missing field `kind`"),
            (
                r#"{"kind":"nope"}"#,
                "unknown variant `nope`, expected one of `max_average_weekly_hours`",
            ),
            (
                r#"{"kind":3}"#,
                "invalid type: integer `3`, expected variant identifier",
            ),
            (
                r#"{"kind":"max_hours_in168","hours":"72","x":1}"#,
                "unknown field `x`, expected `hours`",
            ),
            (
                r#"{"kind":"max_hours_in168","hours":72}"#,
                "invalid type: integer `72`, expected a Decimal",
            ),
            (
                r#"{"kind":"max_average_weekly_hours","hours":"1","reference_weeks":300}"#,
                "invalid value: integer `300`, expected u8",
            ),
            (
                r#"{"kind":"max_consecutive","what":"days","count":1}"#,
                "unknown variant `days`",
            ),
            (
                r#"{"kind":"max_shift_length","minutes":1,"include_on_call":null}"#,
                "invalid type: null, expected a boolean",
            ),
            (
                "5",
                "invalid type: integer `5`, expected internally tagged enum LimitRule",
            ),
        ] {
            let got = error::<LimitRule>(text);
            assert!(got.starts_with(message), "{text}: {got}");
        }
        assert_eq!(
            error::<Extent>(r#"{"kind":"until"}"#),
            "missing field `time`"
        );
        assert_eq!(
            error::<CountingUnit>(r#"{"unit":"weekends_worked","definition":"x"}"#),
            "unknown variant `x`, expected one of `shift_begins_on_weekend`, \
             `any_work_on_weekend`, `friday_evening_to_monday_morning`"
        );
    }
}
