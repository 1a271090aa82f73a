//! Where in a JSON text a decoding error is, as a path (`rotas[0].shifts[2].start`).
//!
//! serde_json reports a line and column; people need the field. Rather than
//! wrap every deserializer to track the path as it goes (which doubled the
//! decoding code in the bundle), the path is recovered after the fact by
//! scanning the text up to the error's position.

/// One open container on the way to the error.
enum Step {
    /// An object and the key whose value is being read, if any.
    Object(Option<String>),
    /// An array and the index of the element being read.
    Array(usize),
}

/// The byte offset of a 1-based `line` and 0-based byte `column`.
fn offset(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (start + column).min(text.len())
}

/// The end of the string token starting at `i` (just after its closing quote),
/// and its text when it has no escapes.
fn string_at(bytes: &[u8], i: usize) -> (usize, Option<&[u8]>) {
    let mut j = i + 1;
    let mut plain = true;
    while j < bytes.len() {
        match bytes[j] {
            b'\\' => {
                plain = false;
                j += 2;
            }
            b'"' => return (j + 1, plain.then(|| &bytes[i + 1..j])),
            _ => j += 1,
        }
    }
    (bytes.len(), None)
}

/// The path of the value being read at `line`/`column` of `text` (as serde_json
/// reports them), `.` for the whole text. `closing` drops the last key, for
/// errors found at the end of an object ("missing field").
pub fn path_at(text: &str, line: usize, column: usize, closing: bool) -> String {
    let bytes = text.as_bytes();
    // serde_json's position is one past the byte it stopped at.
    let end = offset(text, line, column).saturating_sub(1);
    let mut stack: Vec<Step> = Vec::new();
    let mut expecting_key = false;
    let mut i = 0;
    while i < end {
        match bytes[i] {
            b'{' => {
                stack.push(Step::Object(None));
                expecting_key = true;
            }
            b'[' => stack.push(Step::Array(0)),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Step::Array(n)) => *n += 1,
                Some(Step::Object(key)) => {
                    *key = None;
                    expecting_key = true;
                }
                None => {}
            },
            b'"' => {
                let (after, plain) = string_at(bytes, i);
                if expecting_key {
                    if let Some(Step::Object(key)) = stack.last_mut() {
                        *key = Some(match plain {
                            Some(plain) => String::from_utf8_lossy(plain).into_owned(),
                            // A key with escapes (`"\u0074itle"`) is named as
                            // the person reads it (`title`).
                            None => text
                                .get(i..after)
                                .and_then(|token| serde_json::from_str(token).ok())
                                .unwrap_or_else(|| "?".into()),
                        });
                    }
                    expecting_key = false;
                }
                i = after;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    if closing {
        if let Some(Step::Object(key)) = stack.last_mut() {
            *key = None;
        }
    }
    let mut path = String::new();
    for step in &stack {
        match step {
            Step::Object(Some(key)) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Step::Object(None) => {}
            Step::Array(n) => path.push_str(&format!("[{n}]")),
        }
    }
    if path.is_empty() {
        ".".into()
    } else {
        path
    }
}

#[cfg(test)]
mod tests {
    use super::path_at;

    fn error_path<T: serde::de::DeserializeOwned>(text: &str) -> String {
        let e = serde_json::from_str::<T>(text).err().expect("an error");
        let message = e.to_string();
        path_at(
            text,
            e.line(),
            e.column(),
            message.starts_with("missing field"),
        )
    }

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Shift {
        start: u32,
        label: String,
    }

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Rota {
        name: String,
        shifts: Vec<Shift>,
    }

    #[test]
    fn finds_the_field_in_compact_and_pretty_text() {
        let compact =
            r#"{"name":"a","shifts":[{"start":1,"label":"x"},{"start":"2","label":"y"}]}"#;
        assert_eq!(error_path::<Rota>(compact), "shifts[1].start");
        let pretty = serde_json::to_string_pretty(
            &serde_json::from_str::<serde_json::Value>(compact).unwrap(),
        )
        .unwrap();
        assert_eq!(error_path::<Rota>(&pretty), "shifts[1].start");
        let unknown = r#"{"name":"a","shifts":[{"start":1,"label":"x","colour":"red"}]}"#;
        assert_eq!(error_path::<Rota>(unknown), "shifts[0].colour");
        let missing = r#"{"name":"a","shifts":[{"start":1}]}"#;
        assert_eq!(error_path::<Rota>(missing), "shifts[0]");
        let escaped = r#"{"name":"a \" {[","shifts":{}}"#;
        assert_eq!(error_path::<Rota>(escaped), "shifts");
        let escaped_key = r#"{"name":"a","\u0073hifts":{}}"#;
        assert_eq!(error_path::<Rota>(escaped_key), "shifts");
        assert_eq!(error_path::<Rota>("[1]"), "[0]");
        assert_eq!(error_path::<Rota>("5"), ".");
        assert_eq!(error_path::<Rota>(""), ".");
    }
}
