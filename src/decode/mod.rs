//! Decoding JSON into typed values, with the path of the first problem
//! (`rotas[0].shifts[2].start: invalid type…`) instead of a line and column.
//! Knows no file format and no preset: the presets and the codecs decode
//! through it. Depends only on serde and serde_json.
//!
//! Every message leaving here is in the words of someone editing a file
//! (`words`), and a key repeated in one object is refused (`strict`).

mod path;
mod strict;
mod words;

use path::path_at;
use serde::de::DeserializeOwned;
use serde::Serialize;
pub use words::in_words;

/// Why a text is not a scenario: where in the JSON, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DecodeError {
    /// JSON path (`rotas[0].shifts[2].start`), or `.` for the whole text.
    pub path: String,
    /// The reason.
    pub message: String,
}

impl DecodeError {
    /// The error at `path` (`.` for the whole text).
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> DecodeError {
        DecodeError {
            path: path.into(),
            message: message.into(),
        }
    }
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

impl std::error::Error for DecodeError {}

/// Decodes a JSON value, naming the path of the first problem. Every decoder
/// goes through here, so the (large) decoding code exists once in the bundle.
pub fn from_value<T: DeserializeOwned>(value: serde_json::Value) -> Result<T, DecodeError> {
    let text = value.to_string();
    serde_json::from_str(&text).map_err(|e| located(&text, &e))
}

/// A decoding error of `text` at the field it concerns, in plain words.
// Never inlined: every decoder's error path calls it, and a copy in each
// cost kilobytes of WebAssembly.
#[inline(never)]
fn located(text: &str, e: &serde_json::Error) -> DecodeError {
    let message = e.to_string();
    // serde_json appends the position, which means nothing to a person;
    // the path replaces it.
    let message = message
        .rsplit_once(" at line ")
        .map_or(message.as_str(), |(m, _)| m);
    let mut path = path_at(
        text,
        e.line(),
        e.column(),
        message.starts_with("missing field"),
    );
    // A list of the wrong length is found at its end, inside it: the problem
    // is the list, not its last item.
    if message.starts_with("invalid length") && path.ends_with(']') {
        path.truncate(path.rfind('[').unwrap_or_default());
        if path.is_empty() {
            path.push('.');
        }
    }
    let message = words::in_words(&path, message);
    DecodeError::new(path, message)
}

/// Parses JSON text into a value, refusing a key repeated in one object
/// (located at the key: `doctor.grade`). Syntax errors are located at `.` and
/// name the line and column (the text may not be JSON at all, so there is no
/// path), in words. Linear in the text.
// Never inlined, for the same reason as `located`.
#[inline(never)]
pub fn parse(text: &str) -> Result<serde_json::Value, DecodeError> {
    serde_json::from_str::<strict::Strict>(text)
        .map(|s| s.0)
        .map_err(|e| match e.to_string().starts_with(strict::REPEATED) {
            true => located(text, &e),
            false => DecodeError::new(".", words::syntax_in_words(&e)),
        })
}

/// Parses JSON text into a value (see [`parse`]) and decodes it.
pub fn from_text<T: DeserializeOwned>(text: &str) -> Result<(T, serde_json::Value), DecodeError> {
    let value = parse(text)?;
    Ok((from_value(value.clone())?, value))
}
