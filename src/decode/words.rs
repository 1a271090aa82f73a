//! serde's messages in the words of the person who wrote the file.
//!
//! serde and its derives describe what they expected in Rust's terms
//! (`expected u8`, `expected struct Offer`, `a Decimal type representing a
//! fixed-point number`, "unknown variant"). Someone editing a scenario file
//! knows JSON at most, so every message leaving the decoder is rewritten here,
//! once, rather than at each of the many types that could produce it. A
//! message that matches none of serde's shapes (the model's own, such as
//! "'1/0' divides by zero") is already in plain words and passes unchanged.

/// Longest piece of the user's own text quoted back in a message: enough to
/// recognise it, short enough that a 100,000-digit "amount" is not echoed.
const QUOTE_AT_MOST: usize = 40;

/// `text`, cut to [`QUOTE_AT_MOST`] characters with "…" when longer.
pub(super) fn shorten(text: &str) -> String {
    match text.char_indices().nth(QUOTE_AT_MOST) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

/// The days as a file writes them.
const DAY: &str = "a day in quotes: 'mon', 'tue', 'wed', 'thu', 'fri', 'sat' or 'sun'";
/// The kinds of shift as a file writes them.
const KIND: &str =
    "a kind of shift in quotes: 'worked', 'non_resident_on_call' or 'resident_on_call'";

/// How to write a field whose type says too little or too much: serde reads
/// a cycle's weeks as "a whole number from 0 to 255", but a cycle has 1 to 52
/// weeks, and a grade given as a number gets no list of grades. Keyed by the
/// end of the field's path with list positions emptied (`rotas[].weeks` for
/// `rotas[0].weeks`). The ranges are the model's bounds
/// (`engine::model::validate`, `rota::MAX_CYCLE_WEEKS`, `sweep::MAX_POINTS`)
/// and the choices its enums', as validation and serde name them;
/// `tests/native/hostile.rs` keeps the two equal.
const FORMS: [(&str, &str); 20] = [
    ("rotas[].weeks", "a whole number of weeks from 1 to 52"),
    ("shifts[].week", "a whole number from 1 to the rota's weeks"),
    (
        "shifts[].minutes",
        "a whole number of minutes from 1 to 1440 (4320 on call)",
    ),
    ("offset_minutes", "a whole number of minutes, 0 or more"),
    (
        "expected_work[].minutes",
        "a whole number of minutes, 1 or more",
    ),
    ("min_minutes", "a whole number of minutes, 0 or more"),
    ("night_minutes", "a whole number of minutes, 0 or more"),
    (
        "doctor.years_at_grade",
        "a whole number of years from 0 to 20",
    ),
    ("version", "a whole number, such as 1"),
    ("year", "a year from 1900 to 2100"),
    ("one_in", "a whole number from 1 to 52 (N in '1 in N')"),
    ("explore.steps", "a whole number of steps from 1 to 100000"),
    ("full_time_hours.value", "hours in quotes, from 20 to 60"),
    ("weeks_per_year.value", "weeks in quotes, from 1 to 53"),
    (
        "values[].value",
        "an index value in quotes, such as \"121.7\"",
    ),
    (
        "grade",
        "a grade in quotes: 'FY1', 'FY2', 'CT1' to 'CT3' or 'ST1' to 'ST8'",
    ),
    ("day", DAY),
    ("days[]", DAY),
    ("shifts[].kind", KIND),
    ("kinds[]", KIND),
];

/// The form of the field at `path` ([`FORMS`]), if it has its own.
fn form_at(path: &str) -> Option<&'static str> {
    // `rotas[0].shifts[2].week` → `rotas[].shifts[].week`: one short copy.
    let mut bare = String::with_capacity(path.len());
    for c in path.chars() {
        if !c.is_ascii_digit() || !bare.ends_with('[') {
            bare.push(c);
        }
    }
    FORMS.iter().find_map(|&(key, form)| {
        let before = bare.strip_suffix(key)?;
        (before.is_empty() || before.ends_with('.')).then_some(form)
    })
}

/// A serde message (without serde_json's position) about the field at `path`
/// in the words of someone editing the file: what was expected is the
/// field's own form when it has one ([`FORMS`]). Any other message is
/// unchanged. Every decoding error is passed through it.
pub fn in_words(path: &str, message: &str) -> String {
    if let Some(rest) = message
        .strip_prefix("invalid type: ")
        .or_else(|| message.strip_prefix("invalid value: "))
    {
        if let Some((found, expected)) = rest.split_once(", expected ") {
            return format!(
                "expected {}, found {}",
                form_at(path).map_or_else(|| expected_words(expected), str::to_string),
                found_words(found)
            );
        }
    }
    if let Some(rest) = message.strip_prefix("invalid length ") {
        if let Some((count, expected)) = rest.split_once(", expected ") {
            // "struct PayScale with 1 element": the count is the derive's, not
            // anything the person wrote.
            let expected = expected.split(" with ").next().unwrap_or(expected);
            let items = if count == "1" { "item" } else { "items" };
            return format!(
                "expected {}, found a list of {count} {items}",
                expected_words(expected)
            );
        }
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        let (name, choices) = named_and_listed(rest);
        let choices = listed(&choices, "the choices are", "the only choice is");
        return format!("'{name}' is not one of the choices here; {choices}");
    }
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let (name, fields) = named_and_listed(rest);
        return match fields.is_empty() {
            true => format!("there is no field '{name}' here; this takes no fields"),
            false => format!(
                "there is no field '{name}' here; {}",
                listed(&fields, "the fields are", "the only field is")
            ),
        };
    }
    // serde_json's word for a choice given as a number, list or null (the text
    // decoded here is always well-formed JSON, so it means nothing else).
    if message == "expected value" {
        let form = form_at(path).unwrap_or("one of the choices, as text in quotes");
        return format!("expected {form}");
    }
    if let Some(rest) = message.strip_prefix("missing field ") {
        return format!("the field '{}' is missing", rest.trim_matches('`'));
    }
    if let Some(rest) = message.strip_prefix("duplicate field ") {
        return format!("the field '{}' appears twice", rest.trim_matches('`'));
    }
    message.to_string()
}

/// A JSON syntax error in words, with its line and column: serde_json's
/// own ("EOF while parsing an object", "trailing characters") are a parser's.
pub(super) fn syntax_in_words(e: &serde_json::Error) -> String {
    let message = e.to_string();
    let what = message
        .rsplit_once(" at line ")
        .map_or(message.as_str(), |(m, _)| m);
    let reason = match what {
        m if m.starts_with("EOF while parsing") => "it ends too early",
        "trailing comma" => "a comma before ] or }",
        "trailing characters" => "more text after the end",
        "expected value" => "expected a value",
        "key must be a string" => "a key must be in quotes",
        "number out of range" => "a number too large",
        "recursion limit exceeded" => "nested more than 128 deep",
        m if m.starts_with("control character") => "a line break inside quotes",
        other => other,
    };
    format!(
        "not valid JSON at line {}, column {}: {reason}",
        e.line(),
        e.column()
    )
}

/// The first `` `name` `` of a message and every later one (serde's list of
/// what was expected).
fn named_and_listed(rest: &str) -> (String, Vec<&str>) {
    let mut quoted = rest.split('`').skip(1).step_by(2);
    let name = shorten(quoted.next().unwrap_or_default());
    (name, quoted.collect())
}

/// "the choices are 'a', 'b' or 'c'" (`many`), or "the only choice is 'a'"
/// (`one`).
fn listed(items: &[&str], many: &str, one: &str) -> String {
    let quoted: Vec<String> = items.iter().map(|i| format!("'{i}'")).collect();
    match quoted.split_last() {
        None => "there are none".to_string(),
        Some((only, [])) => format!("{one} {only}"),
        Some((last, rest)) => format!("{many} {} or {last}", rest.join(", ")),
    }
}

/// What serde says it found (`integer `7``, `string "x"`), in words.
fn found_words(found: &str) -> String {
    let tick = |s: &str| s.trim_matches('`').to_string();
    if let Some(n) = found
        .strip_prefix("integer ")
        .or_else(|| found.strip_prefix("floating point "))
    {
        return format!("the number {}", shorten(&tick(n)));
    }
    if let Some(text) = found.strip_prefix("string ") {
        // serde quotes it as Rust would (`"a\"b"`); the quotes are JSON's too.
        let inner = text.strip_prefix('"').and_then(|t| t.strip_suffix('"'));
        return format!("the text \"{}\"", shorten(inner.unwrap_or(text)));
    }
    if let Some(b) = found.strip_prefix("boolean ") {
        return tick(b);
    }
    match found {
        "unit value" | "null" => "null".into(),
        "sequence" => "a list".into(),
        "map" => "an object".into(),
        other => other.into(),
    }
}

/// What serde expected (a Rust type, or a visitor's description), in words.
fn expected_words(expected: &str) -> String {
    if expected.starts_with("a Decimal") {
        return "an amount like \"31785.50\" (in quotes, without £ or commas)".into();
    }
    if let Some(name) = expected.strip_prefix("struct ") {
        return struct_words(name);
    }
    // An enum given the wrong kind of value (`["a"]` for a tag, `5` for a rule).
    for prefix in [
        "internally tagged enum ",
        "adjacently tagged enum ",
        "enum ",
    ] {
        if let Some(name) = expected.strip_prefix(prefix) {
            return format!("one of the kinds of {}", type_words(name));
        }
    }
    match expected {
        // Every whole-number field of the format has its own form (`FORMS`).
        "u8" | "u16" | "u32" | "u64" | "usize" => "a whole number, 0 or more".into(),
        "i8" | "i16" | "i32" | "i64" | "isize" => "a whole number".into(),
        "a string" | "a borrowed string" | "a character" => "text in quotes".into(),
        "a boolean" => "true or false".into(),
        "a sequence" => "a list in [ ]".into(),
        "a map" => "an object in { }".into(),
        "variant identifier" | "field identifier" => "a name in quotes".into(),
        other => other.into(),
    }
}

/// A model type serde names (`struct Offer`) as the thing the file holds.
fn struct_words(name: &str) -> String {
    let what = match name {
        "Scenario" => {
            "a scenario (an object with version, title, doctor, rotas, offers, columns, …)"
        }
        "Offer" => "an offer (an object with id, version, name and terms, …)",
        "Rota" => "a rota (an object with id, name, weeks and shifts)",
        "Shift" => "a shift (an object with week, day, start and minutes, …)",
        "Column" => "a column (an object with id, offer and rota)",
        "Doctor" => "the doctor (an object with grade, years_at_grade, ltft and specialty_premium)",
        "TakeHome" => "the take-home settings (an object with residence, loans, …)",
        other => return format!("an object with named fields ({})", type_words(other)),
    };
    what.into()
}

/// A type's name as words: `LimitRule` → "limit rule".
fn type_words(name: &str) -> String {
    let mut words = String::new();
    for c in name.chars() {
        if c.is_ascii_uppercase() && !words.is_empty() {
            words.push(' ');
        }
        words.push(c.to_ascii_lowercase());
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_shapes_become_plain_words() {
        assert_eq!(
            in_words(".", "invalid value: string \"NaN\", expected a Decimal type representing a fixed-point number"),
            "expected an amount like \"31785.50\" (in quotes, without £ or commas), found the text \"NaN\""
        );
        assert_eq!(
            in_words(".", "invalid value: integer `300`, expected u8"),
            "expected a whole number, 0 or more, found the number 300"
        );
        assert_eq!(
            in_words(
                ".",
                "unknown variant `FY9`, expected one of `FY1`, `FY2`, `ST3`"
            ),
            "'FY9' is not one of the choices here; the choices are 'FY1', 'FY2' or 'ST3'"
        );
        assert_eq!(
            in_words(".", "unknown variant `x`, expected `a`"),
            "'x' is not one of the choices here; the only choice is 'a'"
        );
        assert_eq!(
            in_words(".", "unknown field `age`, there are no fields"),
            "there is no field 'age' here; this takes no fields"
        );
        assert_eq!(
            in_words(".", "missing field `id`"),
            "the field 'id' is missing"
        );
        assert_eq!(
            in_words(".", "invalid type: null, expected struct Offer"),
            "expected an offer (an object with id, version, name and terms, …), found null"
        );
        assert_eq!(
            in_words(
                ".",
                "invalid type: integer `5`, expected internally tagged enum LimitRule"
            ),
            "expected one of the kinds of limit rule, found the number 5"
        );
        assert_eq!(
            in_words(".", "invalid type: sequence, expected struct PayScale"),
            "expected an object with named fields (pay scale), found a list"
        );
        assert_eq!(
            in_words(".", "'1/0' divides by zero"),
            "'1/0' divides by zero"
        );
        assert_eq!(shorten(&"9".repeat(100)).chars().count(), QUOTE_AT_MOST + 1);
    }
}
