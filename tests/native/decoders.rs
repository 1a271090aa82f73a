//! Property tests that the decoders never panic, whatever they are given.
//!
//! Why: links and files come from other people, so the decoders are the app's
//! attack surface, and a panic in the page is a blank screen (in the release
//! build `panic = "abort"`, so nothing can catch it). `tests/native/hostile.rs` lists
//! the inputs we thought of; these generate the ones we did not: arbitrary
//! bytes and strings, arbitrary JSON, hand-shaped LZ streams, and small
//! mutations of real scenarios and links — which get furthest, past the
//! decoder into `compare`. Whatever decodes is compared too, since validation
//! is what stands between a hostile value and the arithmetic.
//!
//! The two broad properties (arbitrary bytes as links, arbitrary JSON as
//! files) run 10,000 cases each, as CI requires; the slower mutation
//! properties, whose every case decodes and compares a whole scenario, fewer.
use offer_compare::codec::base64url;
use offer_compare::codec::json::scenario_from_json;
use offer_compare::codec::link::{scenario_from_link, scenario_to_link_in_format, LATEST_FORMAT};
use offer_compare::engine::compare::compare;
use offer_compare::engine::scenario::Scenario;
use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::{Map, Value};
use std::sync::OnceLock;

const DEFAULT: &str = offer_compare::DEFAULT_SCENARIO;
const INLINE: &str = include_str!("../../examples/inline-offers.json");

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        ..ProptestConfig::default()
    }
}

/// Decodes a file and, when that works, compares: neither may panic.
fn file_must_not_panic(text: &str) {
    if let Ok(scenario) = scenario_from_json(text) {
        let _ = compare(&scenario, offer_compare::reference());
    }
}

/// Decodes a link and, when that works, compares: neither may panic.
fn link_must_not_panic(text: &str) {
    if let Ok(scenario) = scenario_from_link(text) {
        let _ = compare(&scenario, offer_compare::reference());
    }
}

// ---------------------------------------------------------------------------
// Links.

fn push_varint(out: &mut Vec<u8>, mut n: usize) {
    while n >= 0x80 {
        out.push((n as u8 & 0x7f) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// Base64url-ish text after a `v1.` or `v2.` prefix: encoded random bytes, random
/// characters of the alphabet (any length, so also the impossible ones),
/// the alphabet with intruders, and strings with no prefix at all.
fn link_text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => (link_prefix(), prop::collection::vec(any::<u8>(), 0..600)).prop_map(|(v, b)| format!("{v}{}", base64url::encode(&b))),
        2 => (link_prefix(), "[A-Za-z0-9_-]{0,400}").prop_map(|(v, s)| format!("{v}{s}")),
        1 => (link_prefix(), "[A-Za-z0-9_\\-+/=.#%! é\u{0}]{0,80}").prop_map(|(v, s)| format!("#{v}{s}")),
        1 => any::<String>(),
    ]
}

/// The prefix of a link format the app reads (every one is still read).
fn link_prefix() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec!["v1.", "v2."])
}

/// A literal run that looks like the scenario JSON it would be part of.
fn json_fragment() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        "[\\[\\]{}\",:0-9a-z@._ -]{0,12}".prop_map(String::into_bytes),
        prop::collection::vec(any::<u8>(), 0..6),
    ]
}

/// A hand-shaped LZ stream: sequences of JSON-ish literals and back-references
/// of plausible lengths, reaching into the dictionary (138,019 bytes) and the
/// output, sometimes beyond either; the last sequence is literals only.
fn lz_stream() -> impl Strategy<Value = Vec<u8>> {
    let distance = prop_oneof![
        1usize..64,
        1usize..2_000,
        1usize..140_000,
        Just(138_019usize),
        any::<u32>().prop_map(|d| d as usize % (1 << 28) + 1),
    ];
    let length = prop_oneof![4usize..40, 4usize..400, Just(1_100_000usize)];
    let sequence = (json_fragment(), length, distance);
    (prop::collection::vec(sequence, 0..24), json_fragment()).prop_map(|(sequences, tail)| {
        let mut out = Vec::new();
        for (literals, length, distance) in sequences {
            push_varint(&mut out, literals.len());
            out.extend_from_slice(&literals);
            push_varint(&mut out, length - 4);
            push_varint(&mut out, distance - 1);
        }
        push_varint(&mut out, tail.len());
        out.extend_from_slice(&tail);
        out
    })
}

/// Links the app really makes: the default scenario and one with inline offers.
fn real_links() -> &'static [String] {
    static LINKS: OnceLock<Vec<String>> = OnceLock::new();
    LINKS.get_or_init(|| {
        // Every link format is still read, so each is mutated.
        [DEFAULT, INLINE]
            .iter()
            .flat_map(|text| {
                let scenario = scenario_from_json(text).unwrap();
                (1..=LATEST_FORMAT).map(move |n| scenario_to_link_in_format(&scenario, n))
            })
            .collect()
    })
}

#[derive(Debug, Clone)]
enum Edit {
    Replace(Index, char),
    Insert(Index, char),
    Delete(Index),
}

fn link_char() -> impl Strategy<Value = char> {
    prop_oneof![
        8 => prop::sample::select(base64url::ALPHABET.map(char::from).to_vec()),
        1 => any::<char>(),
    ]
}

fn link_edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<Index>(), link_char()).prop_map(|(i, c)| Edit::Replace(i, c)),
        (any::<Index>(), link_char()).prop_map(|(i, c)| Edit::Insert(i, c)),
        any::<Index>().prop_map(Edit::Delete),
    ]
}

/// Applies edits to the data after the link's prefix, by character.
fn edit_link(link: &str, edits: &[Edit]) -> String {
    let (prefix, data) = link.split_at(3);
    let mut chars: Vec<char> = data.chars().collect();
    for edit in edits {
        match *edit {
            Edit::Replace(i, c) if !chars.is_empty() => {
                let at = i.index(chars.len());
                chars[at] = c;
            }
            Edit::Insert(i, c) => chars.insert(i.index(chars.len() + 1), c),
            Edit::Delete(i) if !chars.is_empty() => {
                chars.remove(i.index(chars.len()));
            }
            _ => {}
        }
    }
    format!("{prefix}{}", chars.into_iter().collect::<String>())
}

// ---------------------------------------------------------------------------
// JSON.

/// Strings a scenario is made of, and their near misses.
const WORDS: &[&str] = &[
    "",
    "1",
    "0",
    "-1",
    "0.6",
    "1/3",
    "100/3%",
    "37%",
    "0%",
    "1/0",
    "-0",
    "1e3",
    "NaN",
    "Infinity",
    "99999999999",
    "79228162514264337593543950335",
    "0.0000000000000000000000000001",
    "FY1",
    "FY2",
    "ST3",
    "ST8",
    "1a",
    "3",
    "2016-04-26",
    "2016-02-29",
    "2015-02-29",
    "9999-12-31",
    "0000-01-01",
    "09:00",
    "00:00",
    "23:59",
    "24:00",
    "mon",
    "sun",
    "on_call",
    "full_shift",
    "contract-2002",
    "tcs-2016",
    "fy2-medical",
    "tcs-2016@1",
    "contract-2002@1",
    "fy2-medical@1",
    "tcs-2016@9",
    "cash_floor",
    "stay_on2002",
    "stay_on_2002",
    "<script>",
    "\u{0}",
    "\u{feff}",
];

const KEYS: &[&str] = &[
    "version",
    "title",
    "pay_date",
    "doctor",
    "rotas",
    "offers",
    "columns",
    "baseline",
    "working_time_regulations",
    "stamp",
    "grade",
    "years_at_grade",
    "ltft",
    "specialty_premium",
    "id",
    "offer",
    "rota",
    "readings",
    "rota_type",
    "band_override",
    "protection",
    "section",
    "day_before",
    "band_2015",
    "name",
    "weeks",
    "shifts",
    "week",
    "day",
    "start",
    "minutes",
    "kind",
    "label",
    "terms",
    "app",
    "format",
];

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(WORDS).prop_map(str::to_string),
        1 => any::<String>(),
    ]
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(KEYS).prop_map(str::to_string),
        1 => "[a-z_]{0,12}",
    ]
}

/// A JSON number: the edges of every integer type the format uses, and floats.
fn number() -> impl Strategy<Value = Value> {
    prop_oneof![
        prop::sample::select(vec![
            0i64,
            1,
            -1,
            2,
            7,
            20,
            21,
            52,
            53,
            255,
            256,
            1440,
            1441,
            65_535,
            65_536,
            4_294_967_295,
            4_294_967_296,
            i64::MIN,
            i64::MAX,
        ])
        .prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
    ]
}

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        number(),
        word().prop_map(Value::String),
    ]
}

/// Any JSON value, up to 5 levels deep.
fn value() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(5, 96, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..8)
                .prop_map(|members| Value::Object(members.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// An object that gets past the version check: `"version": 1` and the
/// scenario's keys, with arbitrary values.
fn scenario_shaped() -> impl Strategy<Value = Value> {
    prop::collection::vec((key(), value()), 0..10).prop_map(|members| {
        let mut object: Map<String, Value> = members.into_iter().collect();
        object.insert("version".into(), Value::from(1));
        Value::Object(object)
    })
}

/// Scenarios to mutate: as written (presets by name) and in full (every
/// offer's terms spelled out, so mutations reach them).
fn bases() -> &'static [Value] {
    static BASES: OnceLock<Vec<Value>> = OnceLock::new();
    BASES.get_or_init(|| {
        let full = |text: &str| {
            let scenario: Scenario = scenario_from_json(text).unwrap();
            serde_json::to_value(&scenario).unwrap()
        };
        vec![
            serde_json::from_str(DEFAULT).unwrap(),
            serde_json::from_str(INLINE).unwrap(),
            full(DEFAULT),
            full(INLINE),
        ]
    })
}

/// Every position in a value: leaves (and containers) as JSON pointers.
fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                pointers(item, format!("{at}/{i}"), out);
            }
        }
        Value::Object(members) => {
            for (k, item) in members {
                pointers(
                    item,
                    format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        _ => {}
    }
    if !at.is_empty() {
        out.push(at);
    }
}

#[derive(Debug, Clone)]
enum Mutation {
    /// Replace the value at a position.
    Replace(Index, Value),
    /// Remove a member or array item.
    Delete(Index),
    /// Add (or overwrite) a member of an object.
    Add(Index, String, Value),
    /// Duplicate an array item (duplicate ids, doubled shifts).
    Duplicate(Index),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        4 => (any::<Index>(), prop_oneof![3 => leaf(), 1 => value()])
            .prop_map(|(i, v)| Mutation::Replace(i, v)),
        2 => any::<Index>().prop_map(Mutation::Delete),
        1 => (any::<Index>(), key(), leaf()).prop_map(|(i, k, v)| Mutation::Add(i, k, v)),
        1 => any::<Index>().prop_map(Mutation::Duplicate),
    ]
}

fn mutate(value: &mut Value, mutation: &Mutation) {
    let mut all = Vec::new();
    pointers(value, String::new(), &mut all);
    if all.is_empty() {
        return;
    }
    let pick = |i: &Index| all[i.index(all.len())].clone();
    match mutation {
        Mutation::Replace(i, new) => {
            if let Some(slot) = value.pointer_mut(&pick(i)) {
                *slot = new.clone();
            }
        }
        Mutation::Delete(i) | Mutation::Duplicate(i) => {
            let pointer = pick(i);
            let (parent, last) = pointer.rsplit_once('/').unwrap_or(("", &pointer));
            let last = last.replace("~1", "/").replace("~0", "~");
            match value.pointer_mut(parent) {
                Some(Value::Object(members)) if matches!(mutation, Mutation::Delete(_)) => {
                    members.remove(&last);
                }
                Some(Value::Array(items)) => {
                    if let Ok(n) = last.parse::<usize>() {
                        if matches!(mutation, Mutation::Delete(_)) {
                            items.remove(n);
                        } else {
                            let copy = items[n].clone();
                            items.insert(n, copy);
                        }
                    }
                }
                _ => {}
            }
        }
        Mutation::Add(i, k, new) => {
            if let Some(Value::Object(members)) = value.pointer_mut(&pick(i)) {
                members.insert(k.clone(), new.clone());
            }
        }
    }
}

// ---------------------------------------------------------------------------
// The properties.

proptest! {
    #![proptest_config(config(10_000))]

    /// Arbitrary bytes, base64url-encoded behind `v1.` or `v2.`, and base64url-ish text.
    #[test]
    fn arbitrary_bytes_as_a_link_never_panic(text in link_text()) {
        link_must_not_panic(&text);
    }

    /// Arbitrary JSON values, and objects shaped like a scenario, as files.
    #[test]
    fn arbitrary_json_as_a_file_never_panics(
        value in prop_oneof![value(), scenario_shaped()],
        pretty in any::<bool>(),
    ) {
        let text = if pretty {
            serde_json::to_string_pretty(&value).unwrap()
        } else {
            value.to_string()
        };
        file_must_not_panic(&text);
    }
}

proptest! {
    #![proptest_config(config(5_000))]

    /// Arbitrary strings, and strings made of JSON's punctuation, as files.
    #[test]
    fn arbitrary_text_as_a_file_never_panics(
        text in prop_oneof![any::<String>(), "[\\[\\]{}\",:0-9a-z.eE+ \\\\-]{0,200}"]
    ) {
        file_must_not_panic(&text);
    }

    /// Hand-shaped LZ streams: past base64 into the decompressor and the JSON.
    #[test]
    fn shaped_lz_streams_as_a_link_never_panic(v in link_prefix(), stream in lz_stream()) {
        link_must_not_panic(&format!("{v}{}", base64url::encode(&stream)));
    }
}

proptest! {
    #![proptest_config(config(2_000))]

    /// A real scenario with a few values replaced, removed, added or
    /// duplicated: mostly still decodes, so `compare` meets hostile values.
    #[test]
    fn mutated_scenarios_never_panic(
        base in any::<Index>(),
        mutations in prop::collection::vec(mutation(), 1..4),
    ) {
        let mut value = base.get(bases()).clone();
        for m in &mutations {
            mutate(&mut value, m);
        }
        file_must_not_panic(&value.to_string());
    }

    /// A real link with a few characters replaced, inserted or deleted.
    #[test]
    fn mutated_links_never_panic(
        base in any::<Index>(),
        edits in prop::collection::vec(link_edit(), 1..4),
    ) {
        link_must_not_panic(&edit_link(base.get::<String>(real_links()), &edits));
    }
}

#[test]
fn the_generators_reach_past_the_decoders() {
    // A property that never got past the first check would prove little: the
    // unmutated bases and links must decode and compare.
    for base in bases() {
        let scenario = scenario_from_json(&base.to_string()).unwrap();
        compare(&scenario, offer_compare::reference()).unwrap();
    }
    for link in real_links() {
        assert_eq!(edit_link(link, &[]), *link);
        compare(
            &scenario_from_link(link).unwrap(),
            offer_compare::reference(),
        )
        .unwrap();
    }
}
