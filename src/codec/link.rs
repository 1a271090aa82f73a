//! Share links: a whole scenario in a URL fragment, `#v1.<data>`, so a link
//! reproduces a comparison to the penny without any server seeing it.
//!
//! `<data>` is URL-safe base64 of the compact scenario JSON (the file format,
//! presets named by `id@version`, custom ones in full), compressed by
//! [`super::lz`] against dictionary 1: everything the app ships that a scenario
//! is likely to repeat — the released presets' JSON and the format's
//! vocabulary. An edited preset offer therefore costs only its edits. The
//! prefix names the link format, which fixes the dictionary: dictionary 1 is
//! frozen (its hash is pinned in the tests), and a new one would be `v2.`.
//! Decoding goes through the same checks as a file, with size limits first.

use super::base64url;
use super::json::{scenario_from_json_in, scenario_to_value_in, DecodeError, Library};
use super::lz::{compress, decompress, Dictionary};
use crate::engine::scenario::Scenario;
use std::sync::OnceLock;

/// The start of every link's fragment (after `#`) in link format 1.
pub const PREFIX: &str = "v1.";

/// Longest fragment accepted. A 52-week custom rota with several custom offers
/// stays far below; browsers themselves cut URLs at a few megabytes.
pub const MAX_LINK_CHARS: usize = 200_000;

/// Largest scenario text a link may expand to (a file may be larger).
pub const MAX_LINK_SCENARIO_BYTES: usize = 1024 * 1024;

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

/// Dictionary 1, built on first use (a few milliseconds) from the presets.
fn dictionary() -> &'static Dictionary {
    static DICTIONARY: OnceLock<Dictionary> = OnceLock::new();
    DICTIONARY.get_or_init(|| Dictionary::new(dictionary_1_bytes(crate::presets::library())))
}

/// The bytes of dictionary 1: each listed preset's JSON as a scenario holds it,
/// compact with sorted keys, then the vocabulary.
pub fn dictionary_1_bytes(library: &Library) -> Vec<u8> {
    let offers = library.offers.iter().map(|e| (&e.key, &e.json));
    let rotas = library.rotas.iter().map(|e| (&e.key, &e.json));
    let all: Vec<_> = offers.chain(rotas).collect();
    let mut bytes = Vec::new();
    for key in DICTIONARY_1_PRESETS {
        if let Some((_, json)) = all.iter().find(|(k, _)| k.as_str() == key) {
            bytes.extend_from_slice(json.to_string().as_bytes());
        }
    }
    bytes.extend_from_slice(DICTIONARY_1_VOCABULARY.as_bytes());
    bytes
}

/// The fragment (without `#`) that reproduces `scenario`.
pub fn scenario_to_link(scenario: &Scenario) -> String {
    let library = crate::presets::library();
    let json = scenario_to_value_in(scenario, library).to_string();
    format!(
        "{PREFIX}{}",
        base64url::encode(&compress(json.as_bytes(), dictionary()))
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
    let Some(data) = fragment.strip_prefix(PREFIX) else {
        return Err(match fragment.split_once('.') {
            Some((v, _)) if v.starts_with('v') && v.len() < 8 => error(&format!(
                "this link was made by another version of the app (link format '{v}'); this one opens 'v1' links"
            )),
            _ => error("this is not an Offer Compare link"),
        });
    };
    let bytes = base64url::decode(data).map_err(|e| error(&e))?;
    let json = decompress(&bytes, dictionary().bytes(), MAX_LINK_SCENARIO_BYTES).map_err(error)?;
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
