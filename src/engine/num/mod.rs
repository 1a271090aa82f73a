//! Numbers, time and order: exact rates, the one rounding rule, the cyclic
//! week timeline, calendar dates and a small stable sort. Depends on nothing
//! else in the engine.

pub mod date;
pub mod fraction;
pub mod rounding;
pub(crate) mod sort;
pub mod time;

/// Reads text in quotes for a value written as text (a rate, a date, a time
/// of day). Anything else is refused naming `form`, the way to write it
/// ("expected a rate in quotes, such as \"37%\"…, found the number 0.5"):
/// reading a plain `String` would say only "expected a string". One visitor
/// for all three, so the decoder's code for it exists once in the bundle.
pub(crate) fn text_in_form<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
    form: &'static str,
) -> Result<String, D::Error> {
    struct Form(&'static str);
    impl serde::de::Visitor<'_> for Form {
        type Value = String;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(self.0)
        }
        fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<String, E> {
            Ok(text.to_owned())
        }
    }
    deserializer.deserialize_str(Form(form))
}

/// An amount of money as a person types it into the page: "31785.50",
/// "£31,785.50", "-£5" or "1,000" — a leading "£" and commas between
/// groups of three digits are allowed; nothing else ("1,00", "£1.000,50",
/// "1e3" are not amounts). Files take the plain form only (`"31785.50"`), as
/// the format says.
pub fn typed_amount(text: &str) -> Option<rust_decimal::Decimal> {
    let text = text.trim();
    let (minus, text) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text),
    };
    let text = text.strip_prefix('£').unwrap_or(text).trim_start();
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let mut groups = whole.split(',');
    let first = groups.next().unwrap_or_default();
    let grouped = whole.contains(',');
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let well_formed = !first.is_empty()
        && digits(first)
        && digits(fraction)
        && (!grouped || first.len() <= 3)
        && groups.all(|g| g.len() == 3 && digits(g))
        && !(text.contains('.') && fraction.is_empty());
    if !well_formed {
        return None;
    }
    format!("{minus}{}.{fraction}", whole.replace(',', ""))
        .trim_end_matches('.')
        .parse()
        .ok()
}
