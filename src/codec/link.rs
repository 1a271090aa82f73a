//! Share links: a whole scenario in a URL fragment, `#v2.<data>`, so a link
//! reproduces a comparison to the penny without any server seeing it.
//!
//! `<data>` is URL-safe base64 of the compact scenario JSON (the file format,
//! presets named by `id@version`, custom ones in full), compressed by
//! [`super::lz`] against the format's dictionary: everything the app ships that
//! a scenario is likely to repeat — the released presets' JSON and the
//! format's vocabulary. An edited preset offer therefore costs only its edits.
//! The prefix names the link format, which fixes the dictionary. Each format
//! adds presets released since the previous one and a vocabulary to the
//! previous format's dictionary; every dictionary is frozen (their
//! hashes are pinned in the tests), links are written in the newest format and
//! every older one is still read, so a link made once opens for ever.
//! Decoding goes through the same checks as a file, with size limits first.

use super::base64url;
use super::json::{scenario_from_json_in, scenario_to_value_in, DecodeError, Library};
use super::lz::{compress, decompress, Dictionary};
use crate::engine::scenario::Scenario;
use std::sync::OnceLock;

/// Longest fragment accepted. A 52-week custom rota with several custom offers
/// stays far below; browsers themselves cut URLs at a few megabytes.
pub const MAX_LINK_CHARS: usize = 200_000;

/// Largest scenario text a link may expand to (a file may be larger).
pub const MAX_LINK_SCENARIO_BYTES: usize = 1024 * 1024;

/// A link format: the prefix of its fragments and what its dictionary adds to
/// the previous format's.
struct Format {
    /// The start of the fragment (after `#`): `"v2."`.
    prefix: &'static str,
    /// Presets whose JSON is added, in order.
    presets: &'static [&'static str],
    /// Words and fragments added after them, nearest the data.
    vocabulary: &'static str,
}

/// Every link format, oldest first. Frozen: a new dictionary is a new format.
const FORMATS: [Format; 2] = [
    Format {
        prefix: "v1.",
        presets: &DICTIONARY_1_PRESETS,
        vocabulary: DICTIONARY_1_VOCABULARY,
    },
    Format {
        prefix: "v2.",
        presets: &DICTIONARY_2_PRESETS,
        vocabulary: DICTIONARY_2_VOCABULARY,
    },
];

/// The link format links are written in: the newest.
pub const LATEST_FORMAT: usize = FORMATS.len();

/// The start of every link's fragment (after `#`) written today.
pub const PREFIX: &str = FORMATS[LATEST_FORMAT - 1].prefix;

/// The presets in dictionary 1, in order. Frozen: presets released later are
/// still named or written out in links, just not abbreviated by this dictionary.
const DICTIONARY_1_PRESETS: [&str; 18] = [
    "gov-offer-2015-11@1",
    "gov-offer-2016-01@1",
    "gov-final-offer-2016-02-09@1",
    "imposed-2016-02@1",
    "bma-position-2016-02@1",
    "tcs-2016@1",
    "tcs-2019@1",
    "tcs-today@1",
    "contract-2002@1",
    "fy1-ward@1",
    "fy2-medical@1",
    "core-surgical@1",
    "em-evenings@1",
    "registrar-on-call@1",
    "anaesthetics-24h-on-call@1",
    "ltft-60@1",
    "em-26-week@1",
    "breaches-2016@1",
];

/// Words and fragments of the scenario format in the order the compact JSON
/// writes them (keys sorted), nearest the data so they are cheapest to refer to.
const DICTIONARY_1_VOCABULARY: &str = concat!(
    r#"{"baseline":"contract-2002","columns":[{"id":"contract-2002","offer":"contract-2002","pay_date":"2016-08-03","protection":{"#,
    r#""readings":{},"rota":"fy2-medical","rota_type":"full_shift"},{"id":"tcs-2016","offer":"tcs-2016","rota":"fy1-ward"},"#,
    r#"{"band_override":"1a"}],"doctor":{"grade":"FY1","ltft":"0.6","specialty_premium":"0","years_at_grade":0},"#,
    r#""offers":["contract-2002@1","gov-offer-2015-11@1","gov-offer-2016-01@1","gov-final-offer-2016-02-09@1","#,
    r#""imposed-2016-02@1","bma-position-2016-02@1","tcs-2016@1","tcs-2019@1","tcs-today@1"],"pay_date":"2016-04-26","#,
    r#""rotas":["fy1-ward@1","fy2-medical@1","core-surgical@1","em-evenings@1","registrar-on-call@1","#,
    r#""anaesthetics-24h-on-call@1","ltft-60@1","em-26-week@1","breaches-2016@1"],"#,
    r#""stamp":{"app":"offer-compare 0.1.0","format":1},"title":"The April 2016 all-out strike: "#,
    r#"a doctor on a typical rota, the 2002 contract, the Government's offer, the BMA's position, "#,
    r#"the imposed 2016 contract, 2019 and today","version":1,"working_time_regulations":true}"#,
    r#"{"day":"mon","label":"normal day","minutes":480,"start":"09:00","week":1}"#,
    r#"{"day":"sat","kind":"on_call","label":"long day","minutes":750,"start":"08:00","week":2}"#,
    r#"{"day":"sun","label":"night","minutes":750,"start":"20:00","week":26}"#,
);

/// The presets dictionary 2 adds: every preset released after format 1, in
/// the order of the preset tables. Frozen like dictionary 1.
const DICTIONARY_2_PRESETS: [&str; 10] = [
    "gov-offer-2015-11@2",
    "gov-offer-2016-01@2",
    "gov-final-offer-2016-02-09@2",
    "imposed-2016-02@2",
    "bma-position-2016-02@2",
    "tcs-2016@2",
    "tcs-2019@2",
    "tcs-today@2",
    "tcs-today@3",
    "contract-2002@2",
];

/// What dictionary 2 adds after its presets: the newest versions as a
/// scenario names them, the doctor-in-post protection, and the default
/// scenario of format 2's release, nearest the data (its link is a few
/// characters; an edit of it costs about what the edit writes).
const DICTIONARY_2_VOCABULARY: &str = concat!(
    r#""offers":["contract-2002@2","gov-offer-2015-11@2","gov-offer-2016-01@2","gov-final-offer-2016-02-09@2","#,
    r#""imposed-2016-02@2","bma-position-2016-02@2","tcs-2016@2","tcs-2019@2","tcs-today@3"],"#,
    r#""take_home":{"loans":["plan2"],"pension_member":false,"real_terms":{"basis":"april","measure":"cpi","year":2016},"#,
    r#""residence":"scotland"},"#,
    r#"{"baseline":"contract-2002","columns":[{"id":"contract-2002","offer":"contract-2002","rota":"fy2-medical"},"#,
    r#"{"id":"imposed","offer":"imposed-2016-02","rota":"fy2-medical"},"#,
    r#"{"id":"may-2016","offer":"tcs-2016","pay_date":"2016-08-03","rota":"fy2-medical"},"#,
    r#"{"id":"may-2016+","offer":"tcs-2016","pay_date":"2016-08-03","protection":"#,
    r#"{"day_before":"2016-08-02","offer":"contract-2002","section":"cash_floor"},"rota":"fy2-medical"}],"#,
    r#""doctor":{"grade":"FY2","ltft":"1","specialty_premium":"0","years_at_grade":0},"#,
    r#""offers":["contract-2002@2","imposed-2016-02@2","tcs-2016@2"],"pay_date":"2016-04-26","#,
    r#""rotas":["fy2-medical@1"],"stamp":{"app":"offer-compare 0.1.0","format":1},"take_home":{},"title":"","version":1}"#,
);

/// Format `n`'s dictionary (1-based), built on first use (a few milliseconds)
/// from the presets.
fn dictionary(n: usize) -> &'static Dictionary {
    static DICTIONARIES: [OnceLock<Dictionary>; FORMATS.len()] =
        [const { OnceLock::new() }; FORMATS.len()];
    DICTIONARIES[n - 1]
        .get_or_init(|| Dictionary::new(dictionary_bytes(crate::presets::library(), n)))
}

/// The bytes of format `n`'s dictionary (1-based): the presets of every
/// format up to `n` as a scenario holds them (compact JSON, sorted keys), then
/// their vocabularies, so the words stay near the data (cheap to refer to).
pub fn dictionary_bytes(library: &Library, n: usize) -> Vec<u8> {
    let offers = library.offers.iter().map(|e| (&e.key, &e.json));
    let rotas = library.rotas.iter().map(|e| (&e.key, &e.json));
    let all: Vec<_> = offers.chain(rotas).collect();
    let mut bytes = Vec::new();
    for key in FORMATS[..n].iter().flat_map(|f| f.presets) {
        if let Some((_, json)) = all.iter().find(|(k, _)| k.as_str() == *key) {
            bytes.extend_from_slice(json.to_string().as_bytes());
        }
    }
    for format in &FORMATS[..n] {
        bytes.extend_from_slice(format.vocabulary.as_bytes());
    }
    bytes
}

/// The fragment (without `#`) that reproduces `scenario`, in the newest format.
pub fn scenario_to_link(scenario: &Scenario) -> String {
    scenario_to_link_in_format(scenario, LATEST_FORMAT)
}

/// The fragment in link format `n` (1-based). The app writes only the newest;
/// the tests write older ones, to check they still open as they did.
pub fn scenario_to_link_in_format(scenario: &Scenario, n: usize) -> String {
    let library = crate::presets::library();
    let json = scenario_to_value_in(scenario, library).to_string();
    format!(
        "{}{}",
        FORMATS[n - 1].prefix,
        base64url::encode(&compress(json.as_bytes(), dictionary(n)))
    )
}

/// Reads a link's fragment (with or without `#`) back into a scenario; every
/// way it can be wrong is an error that says what, never a panic.
pub fn scenario_from_link(fragment: &str) -> Result<Scenario, DecodeError> {
    let error = |message: &str| DecodeError {
        path: "link".into(),
        message: message.into(),
    };
    // A whole address pasted instead of its fragment works too.
    let fragment = fragment.rsplit_once('#').map_or(fragment, |(_, f)| f);
    if fragment.len() > MAX_LINK_CHARS {
        return Err(error("the link is too long to be a comparison"));
    }
    let format =
        (1..=LATEST_FORMAT).find_map(|n| Some((n, fragment.strip_prefix(FORMATS[n - 1].prefix)?)));
    let Some((n, data)) = format else {
        return Err(match fragment.split_once('.') {
            Some((v, _)) if v.starts_with('v') && v.len() < 8 => error(&format!(
                "this link was made by another version of the app (link format '{v}'); this one opens 'v1' to '{}' links",
                PREFIX.trim_end_matches('.')
            )),
            _ => error("this is not an Offer Compare link"),
        });
    };
    let bytes = base64url::decode(data).map_err(|e| error(&e))?;
    let json = decompress(&bytes, dictionary(n).bytes(), MAX_LINK_SCENARIO_BYTES).map_err(error)?;
    let text = String::from_utf8(json)
        .map_err(|_| error("the link is corrupted (it does not hold text)"))?;
    scenario_from_json_in(&text, crate::presets::library()).map_err(|e| {
        // The app only ever writes well-formed JSON, and the stream has no end
        // marker or checksum: a link cut where a run of literal text ends
        // decompresses to the start of a scenario, and a changed character to
        // garbled text. Say which, rather than "EOF while parsing … column 86".
        match serde_json::from_str::<serde::de::IgnoredAny>(&text) {
            Err(j) if j.is_eof() => {
                error("the link has been cut short (the scenario in it ends early)")
            }
            Err(j) if j.is_syntax() => error(&format!(
                "the link is corrupted (the scenario in it is garbled: {j})"
            )),
            _ => DecodeError {
                path: format!("link: {}", e.path),
                message: e.message,
            },
        }
    })
}
