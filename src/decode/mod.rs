//! Decoding JSON into typed values, with the path of the first problem
//! (`rotas[0].shifts[2].start: invalid type…`) instead of a line and column.
//! Knows no file format and no preset: the presets and the codecs decode
//! through it. Depends only on serde and serde_json.

mod path;

use path::path_at;
use serde::de::DeserializeOwned;
use serde::Serialize;

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
    serde_json::from_str(&text).map_err(|e| {
        let message = e.to_string();
        // serde_json appends the position, which means nothing to a person;
        // the path replaces it.
        let message = message
            .rsplit_once(" at line ")
            .map_or(message.as_str(), |(m, _)| m);
        DecodeError::new(
            path_at(
                &text,
                e.line(),
                e.column(),
                message.starts_with("missing field"),
            ),
            message,
        )
    })
}

/// Parses JSON text into a value and decodes it.
pub fn from_text<T: DeserializeOwned>(text: &str) -> Result<(T, serde_json::Value), DecodeError> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| DecodeError::new(".", e.to_string()))?;
    Ok((from_value(value.clone())?, value))
}
