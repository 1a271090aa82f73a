//! The offer editor's draft: an offer as a JSON tree that the form edits field
//! by field, checked after every edit by the same decoder and validation as a
//! scenario file. Kept free of web types so every rule here is tested natively.
//!
//! The form mirrors the offer model without a hand-written component per
//! struct: what fields an object may gain, and what a new list item looks like,
//! are learned from the released presets ([`Schema`]), so a term added to the
//! model and used by a preset is editable without UI work.

use crate::codec::json::from_value;
use crate::engine::compare::{compare, CompareError};
use crate::engine::offer::Offer;
use crate::engine::rounding::Rounding;
use crate::engine::scenario::Scenario;
use rust_decimal::Decimal;
use serde_json::{Map, Value};

/// One step into the tree: an object's key or a list's index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// A key of an object.
    Key(String),
    /// An index into a list.
    Index(usize),
}

/// A place in the draft.
pub type Path = Vec<Step>;

/// `terms.premium_windows[2].uplift` — the spelling of validation's paths.
pub fn path_text(path: &[Step]) -> String {
    let mut out = String::new();
    for step in path {
        match step {
            Step::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Step::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

/// The value at `path`.
pub fn get<'a>(value: &'a Value, path: &[Step]) -> Option<&'a Value> {
    path.iter().try_fold(value, |v, step| match step {
        Step::Key(k) => v.get(k.as_str()),
        Step::Index(i) => v.get(*i),
    })
}

fn get_mut<'a>(value: &'a mut Value, path: &[Step]) -> Option<&'a mut Value> {
    path.iter().try_fold(value, |v, step| match step {
        Step::Key(k) => v.get_mut(k.as_str()),
        Step::Index(i) => v.get_mut(*i),
    })
}

/// Puts `new` at `path` (an existing place, or a new key of an existing object).
pub fn set(value: &mut Value, path: &[Step], new: Value) {
    let Some((last, parent)) = path.split_last() else {
        *value = new;
        return;
    };
    match (get_mut(value, parent), last) {
        (Some(Value::Object(map)), Step::Key(k)) => {
            map.insert(k.clone(), new);
        }
        (Some(Value::Array(items)), Step::Index(i)) => {
            if let Some(slot) = items.get_mut(*i) {
                *slot = new;
            }
        }
        _ => {}
    }
}

/// Typed text into the leaf at `path`, keeping the leaf's kind: a number
/// field takes only a whole number, and otherwise keeps its value and says why
/// (the form shows the typed text with the message, and the draft counts as
/// invalid while any field has one). An amount a year (`annual`) may be typed
/// as "£31,785.50" and is kept as the file writes it ("31785.50").
pub fn set_text(value: &mut Value, path: &[Step], text: &str) -> Result<(), String> {
    if matches!(get(value, path), Some(Value::Number(_))) {
        let n = text
            .trim()
            .parse::<u64>()
            .map_err(|_| "enter a whole number".to_string())?;
        set(value, path, Value::from(n));
    } else if matches!(path.last(), Some(Step::Key(k)) if k == "annual") {
        let amount = crate::engine::num::typed_amount(text)
            .ok_or("enter an amount in pounds, such as 31785.50 or £31,785.50")?;
        set(value, path, Value::String(amount.to_string()));
    } else {
        set(value, path, Value::String(text.to_string()));
    }
    Ok(())
}

/// Removes the list item or object key at `path`.
pub fn remove(value: &mut Value, path: &[Step]) {
    let Some((last, parent)) = path.split_last() else {
        return;
    };
    match (get_mut(value, parent), last) {
        (Some(Value::Object(map)), Step::Key(k)) => {
            map.remove(k.as_str());
        }
        (Some(Value::Array(items)), Step::Index(i)) if *i < items.len() => {
            items.remove(*i);
        }
        _ => {}
    }
}

/// The key an object or list sits under (its own name for a list, the list's
/// name for a list item); `""` at the root.
pub fn owner_key(path: &[Step]) -> &str {
    path.iter()
        .rev()
        .find_map(|s| match s {
            Step::Key(k) => Some(k.as_str()),
            Step::Index(_) => None,
        })
        .unwrap_or("")
}

/// A field learned from the presets.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// The key of the objects it belongs to ([`owner_key`]).
    pub owner: String,
    /// Its key.
    pub key: String,
    /// A value it takes in some preset: the template for adding it (a
    /// non-empty one, for a list).
    pub example: Value,
    /// Whether some preset's object leaves it out.
    pub optional: bool,
    /// How many objects of its owner have it.
    seen: usize,
}

/// What the presets show about the offer model's shape.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Schema {
    fields: Vec<Field>,
    /// How many objects were seen per owner key.
    owners: Vec<(String, usize)>,
}

impl Schema {
    /// Learns from preset offers' JSON.
    pub fn learn(offers: &[Value]) -> Schema {
        let mut schema = Schema::default();
        for offer in offers {
            schema.walk("", offer);
        }
        // No released offer has a flat allowance, yet the model (and a "what
        // if") does: the form is shown one to start from.
        if !schema.fields.iter().any(|f| f.key == "allowances") {
            schema.fields.push(Field {
                owner: "terms".into(),
                key: "allowances".into(),
                example: serde_json::json!([{
                    "id": "allowance",
                    "name": "New allowance",
                    "annual": "1000",
                    "pro_rata_ltft": true,
                    "source": "hypothetical"
                }]),
                optional: true,
                seen: 0,
            });
        }
        // A key some objects of its owner lack is optional.
        for field in &mut schema.fields {
            let objects = schema
                .owners
                .iter()
                .find(|(o, _)| *o == field.owner)
                .map_or(0, |(_, n)| *n);
            field.optional |= field.seen < objects;
        }
        schema
    }

    fn walk(&mut self, owner: &str, value: &Value) {
        let Value::Object(map) = value else {
            if let Value::Array(items) = value {
                for item in items {
                    self.walk(owner, item);
                }
            }
            return;
        };
        match self.owners.iter_mut().find(|(o, _)| o == owner) {
            Some((_, n)) => *n += 1,
            None => self.owners.push((owner.to_string(), 1)),
        }
        for (key, child) in map {
            let known = self
                .fields
                .iter_mut()
                .find(|f| f.owner == owner && f.key == *key);
            match known {
                Some(field) => {
                    field.seen += 1;
                    // Prefer a full list as the example, for "add".
                    if field.example.as_array().is_some_and(Vec::is_empty) {
                        field.example = child.clone();
                    }
                }
                None => self.fields.push(Field {
                    owner: owner.to_string(),
                    key: key.clone(),
                    example: child.clone(),
                    optional: false,
                    seen: 1,
                }),
            }
            self.walk(key, child);
        }
    }

    /// The optional fields an object at `path` could still have.
    pub fn addable(&self, path: &[Step], object: &Map<String, Value>) -> Vec<&Field> {
        let owner = owner_key(path);
        self.fields
            .iter()
            .filter(|f| f.owner == owner && f.optional && !object.contains_key(&f.key))
            .collect()
    }

    /// Whether the key at the end of `path` may be left out.
    pub fn is_optional(&self, path: &[Step]) -> bool {
        let Some((Step::Key(key), parent)) = path.split_last() else {
            return false;
        };
        let owner = owner_key(parent);
        self.fields
            .iter()
            .any(|f| f.owner == owner && f.key == *key && f.optional)
    }

    /// A new item for the list at `path`: the first item of a preset's list
    /// of that name, else a copy of the list's last item — with an id of its own.
    pub fn new_item(&self, path: &[Step], items: &[Value]) -> Option<Value> {
        let (owner, key) = match path.split_last() {
            Some((Step::Key(key), parent)) => (owner_key(parent), key.as_str()),
            _ => return None,
        };
        let from_presets = self
            .fields
            .iter()
            .find(|f| f.owner == owner && f.key == key)
            .and_then(|f| f.example.as_array().and_then(|a| a.first().cloned()));
        let mut item = from_presets.or_else(|| items.last().cloned())?;
        if let Some(id) = item.get("id").and_then(Value::as_str).map(str::to_string) {
            let taken = |candidate: &str| {
                items
                    .iter()
                    .any(|i| i.get("id").and_then(Value::as_str) == Some(candidate))
            };
            let mut n = 2;
            let mut fresh = id.clone();
            while taken(&fresh) {
                fresh = format!("{id}-{n}");
                n += 1;
            }
            if let Some(map) = item.as_object_mut() {
                map.insert("id".into(), Value::String(fresh));
            }
        }
        Some(item)
    }
}

/// A problem with the draft, at a path into the offer (`""` for the offer as
/// a whole or for the comparison around it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where, in [`path_text`] spelling.
    pub path: String,
    /// What is wrong.
    pub message: String,
}

/// Checks a draft of offer number `index` of `scenario`: decodes it as an
/// offer file would be, then runs the comparison with it in place. The offer,
/// when the comparison computes with it; every problem otherwise.
pub fn check(draft: &Value, scenario: &Scenario, index: usize) -> Result<Offer, Vec<Problem>> {
    let offer: Offer = from_value(draft.clone()).map_err(|e| {
        vec![Problem {
            path: e.path.trim_start_matches('.').to_string(),
            message: e.message,
        }]
    })?;
    let mut trial = scenario.clone();
    match trial.offers.get_mut(index) {
        Some(slot) if slot.id == offer.id => *slot = offer.clone(),
        _ => {
            return Err(vec![Problem {
                path: "id".into(),
                message: "the offer's id cannot change here".into(),
            }])
        }
    }
    let prefix = format!("offers[{index}].");
    match compare(&trial, crate::reference()) {
        Ok(_) => Ok(offer),
        Err(CompareError::Invalid(issues)) => Err(issues
            .into_iter()
            .map(|i| Problem {
                path: i
                    .path
                    .strip_prefix(&prefix)
                    .map_or(String::new(), str::to_string),
                message: match i.path.strip_prefix(&prefix) {
                    Some(_) => i.message,
                    None => i.to_string(),
                },
            })
            .collect()),
        Err(CompareError::Compute(e)) => Err(vec![Problem {
            path: String::new(),
            message: e.to_string(),
        }]),
    }
}

/// `scale` (a pay scale's JSON) with every pay point raised by `percent`,
/// rounded to the penny, each point's source saying so.
pub fn raise_scale(scale: &Value, percent: Decimal, from: &str) -> Option<Value> {
    let factor = Decimal::ONE.checked_add(percent.checked_div(Decimal::ONE_HUNDRED)?)?;
    if factor.is_sign_negative() {
        return None;
    }
    let mut scale = scale.clone();
    for period in scale.get_mut("periods")?.as_array_mut()? {
        for point in period.get_mut("points")?.as_array_mut()? {
            let annual: Decimal = point.get("annual")?.as_str()?.parse().ok()?;
            let raised = Rounding::Pennies.apply(annual.checked_mul(factor)?);
            let source = point.get("source").and_then(Value::as_str).unwrap_or("");
            let note = format!("{from} {}, raised by {percent}%", annual.normalize());
            let source = if source.is_empty() {
                note
            } else {
                format!("{source}; {note}")
            };
            let point = point.as_object_mut()?;
            point.insert(
                "annual".into(),
                Value::String(raised.normalize().to_string()),
            );
            point.insert("source".into(), Value::String(source));
        }
    }
    Some(scale)
}

/// The model's order of fields, for the form (JSON objects here keep keys
/// sorted by name); keys not listed follow in name order.
const FIELD_ORDER: [&str; 36] = [
    "id",
    "version",
    "name",
    "label",
    "text",
    "derived_from",
    "date",
    "status",
    "title",
    "sources",
    "assumptions",
    "terms",
    "pay_scale",
    "full_time_hours",
    "weeks_per_year",
    "additional_hours",
    "premium_windows",
    "combine",
    "allowances",
    "shift_rules",
    "frequency_allowances",
    "on_call_allowances",
    "rest",
    "banding",
    "rounding",
    "days",
    "from",
    "to",
    "until",
    "value",
    "annual",
    "uplift",
    "rate",
    "condition",
    "source",
    "marker",
];

/// An object's fields in the model's order.
pub fn ordered(map: &Map<String, Value>) -> Vec<(&String, &Value)> {
    let mut fields: Vec<(&String, &Value)> = map.iter().collect();
    let rank = |key: &str| {
        FIELD_ORDER
            .iter()
            .position(|k| *k == key)
            .unwrap_or(FIELD_ORDER.len())
    };
    crate::engine::sort::sort_by_key(&mut fields, |(k, _)| rank(k));
    fields
}

/// The keys whose values are rates (exact fractions in the model).
const RATE_KEYS: [&str; 6] = [
    "uplift",
    "rate",
    "multiplier",
    "fraction",
    "fy1_unbanded",
    "flexible_supplements",
];

/// An offer as the form shows it: its JSON, with rates that are whole
/// hundredths written as percentages (`37/100` → `37%`), as contracts write
/// them. Thirds and the like stay exact fractions.
pub fn offer_value(offer: &Offer) -> Value {
    let mut value = serde_json::to_string(offer)
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or(Value::Null);
    percentages(&mut value, false);
    value
}

fn percentages(value: &mut Value, rate: bool) {
    match value {
        Value::Object(map) => {
            for (key, child) in map.iter_mut() {
                percentages(child, RATE_KEYS.contains(&key.as_str()));
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| percentages(v, rate)),
        Value::String(text) if rate => {
            let percent = text
                .parse::<crate::engine::fraction::Fraction>()
                .ok()
                .and_then(|f| {
                    f.checked_mul(&crate::engine::fraction::Fraction::from_decimal(
                        Decimal::ONE_HUNDRED,
                    ))
                })
                .filter(|p| p.terminates_within(4))
                .and_then(|p| p.to_decimal());
            if let Some(p) = percent {
                *text = format!("{}%", p.normalize());
            }
        }
        _ => {}
    }
}

/// A field's label: the model's key in words (`full_time_hours` → "Full time hours").
pub fn label(key: &str) -> String {
    let words = key.replace('_', " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => std::iter::once(first.to_ascii_uppercase())
            .chain(chars)
            .collect(),
        None => words,
    }
}

/// The values a field may take, when it is one of the model's named choices.
pub fn choices(key: &str) -> Option<&'static [&'static str]> {
    Some(match key {
        "days" | "unbanded_days" | "plain_days" => {
            &["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        }
        "kinds" => &["worked", "non_resident_on_call", "resident_on_call"],
        "applies_to" => &["full_shift", "partial_shift", "on_call"],
        "combine" => &["highest_applies", "additive"],
        "basic" | "additional_hours" | "premium" | "allowance" => {
            &["pennies", "whole_pounds_up", "hundredths"]
        }
        "marker" => &["verified", "secondary", "derived", "assumed"],
        "consequence" => &["flag", "band3"],
        "definition" | "weekend" => &["shift_begins_on_weekend", "any_work_on_weekend"],
        "what" => &["shifts", "nights", "long_shifts", "long_evenings"],
        "ltft" => &[
            "actual_frequency_pro_rata",
            "full_time_equivalent_pro_rata",
            "none",
        ],
        "band" | "band3_protected_as" => &["unbanded", "1C", "1B", "1A", "2B", "2A", "3"],
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(s: &str) -> Step {
        Step::Key(s.into())
    }

    #[test]
    fn paths_are_spelled_as_validation_spells_them() {
        let p = vec![
            k("terms"),
            k("premium_windows"),
            Step::Index(2),
            k("uplift"),
        ];
        assert_eq!(path_text(&p), "terms.premium_windows[2].uplift");
        assert_eq!(owner_key(&p[..3]), "premium_windows");
    }

    #[test]
    fn rates_read_as_percentages_and_thirds_stay_exact() {
        let mut v = serde_json::json!({"uplift": "37/100", "name": "1/2", "rate": "1/3", "bands": [{"rate": "0.075"}]});
        percentages(&mut v, false);
        assert_eq!(v["uplift"], "37%");
        assert_eq!(v["name"], "1/2");
        assert_eq!(v["rate"], "1/3");
        assert_eq!(v["bands"][0]["rate"], "7.5%");
    }

    #[test]
    fn an_amount_a_year_takes_pounds_and_thousands_commas() {
        let mut v = serde_json::json!({"annual": "1000"});
        let p = vec![k("annual")];
        assert_eq!(set_text(&mut v, &p, "£31,785.50"), Ok(()));
        assert_eq!(v["annual"], serde_json::json!("31785.50"));
        assert_eq!(
            set_text(&mut v, &p, "£31,78.50"),
            Err("enter an amount in pounds, such as 31785.50 or £31,785.50".to_string())
        );
        assert_eq!(v["annual"], serde_json::json!("31785.50"));
    }

    #[test]
    fn a_number_field_takes_only_a_whole_number() {
        let mut v = serde_json::json!({"a": {"n": 3}});
        let p = vec![k("a"), k("n")];
        assert_eq!(set_text(&mut v, &p, "4"), Ok(()));
        assert_eq!(v["a"]["n"], 4);
        assert_eq!(
            set_text(&mut v, &p, "four"),
            Err("enter a whole number".to_string())
        );
        assert_eq!(v["a"]["n"], 4);
        assert_eq!(set_text(&mut v, &p, " 5 "), Ok(()));
        assert_eq!(v["a"]["n"], 5);
    }
}
