//! The history's choices in the page's address (`history.html?line=2016&grade=FY1
//! &index=rpi&basis=annual&from=2008&to=2025`), with the command line's flag
//! names and values, so a link reproduces the same figures and reads as the
//! command that prints them.

use crate::engine::model::offer::Grade;
use crate::engine::model::settings::{IndexBasis, Measure};
use crate::presets::history::{basis_id, grade_id, measure_id, Choices, PayLine, CLAIMS};

/// Longest address query read: anything longer is not one the page wrote.
const MAX_QUERY: usize = 600;

/// The choices a first visit shows: an FY1 through today's contract, by RPI
/// annual averages from 2008/09, the BMA's base year, to the last pay year
/// with a full year of index values — the BMA's 2025 claim's choices.
pub const DEFAULT: Choices = CLAIMS[2].choices;

/// At most this many readings are kept beside the choices.
pub const MAX_READINGS: usize = 8;

/// What the address holds: the choices shown, the readings set beside them,
/// and each value not understood, with its field and what is wrong in words
/// (that field keeps its default; a reading not understood is left out).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Address {
    /// The choices shown.
    pub choices: Choices,
    /// Readings added to the side-by-side table.
    pub readings: Vec<Choices>,
    /// (field, message) for each value not understood.
    pub problems: Vec<(&'static str, String)>,
}

/// The values of `c`'s fields, in the order of [`FIELDS`].
fn values(c: &Choices) -> [String; 7] {
    [
        c.line.id.to_string(),
        grade_id(c.grade),
        c.years.to_string(),
        measure_id(c.measure).to_string(),
        basis_id(c.basis).to_string(),
        c.from.to_string(),
        c.to.to_string(),
    ]
}

/// The query (without `?`) for `choices` and the `readings` beside them.
pub fn to_query(c: &Choices, readings: &[Choices]) -> String {
    let mut q: Vec<String> = FIELDS
        .iter()
        .zip(values(c))
        .map(|(k, v)| format!("{k}={v}"))
        .collect();
    q.extend(readings.iter().map(|r| format!("r={}", reading_id(r))));
    q.join("&")
}

/// A reading in one parameter: `2002.FY1.0.rpi.annual.2008.2022`, the
/// fields in the order of the query's.
pub fn reading_id(c: &Choices) -> String {
    values(c).join(".")
}

/// The fields of a query, in order: each is also a part of a reading's id.
const FIELDS: [&str; 7] = ["line", "grade", "years", "index", "basis", "from", "to"];

/// Sets the field `key` of `c` from `value`, or says what is wrong; `Ok`
/// for a key that is not a field (a tracking tag a messenger adds).
fn set(c: &mut Choices, key: &str, value: &str) -> Result<(), String> {
    let bad = |what: &str| Err(format!("'{value}' is not {what}"));
    let year = || {
        value
            .parse::<u16>()
            .ok()
            .filter(|y| (2000..=2100).contains(y))
    };
    match key {
        "line" => match PayLine::find(value) {
            Some(line) => c.line = line,
            None => return bad("a pay line (2016 or 2002)"),
        },
        "grade" => match Grade::ALL
            .into_iter()
            .find(|g| grade_id(*g).eq_ignore_ascii_case(value))
        {
            Some(g) => c.grade = g,
            None => return bad("a grade (FY1, FY2, CT1–CT3, ST1–ST8)"),
        },
        "years" => match value.parse::<u8>() {
            Ok(n) if n <= 20 => c.years = n,
            _ => return bad("a number of years from 0 to 20"),
        },
        "index" => match Measure::ALL.into_iter().find(|m| measure_id(*m) == value) {
            Some(m) => c.measure = m,
            None => return bad("an index (cpi, cpih or rpi)"),
        },
        "basis" => match IndexBasis::ALL.into_iter().find(|b| basis_id(*b) == value) {
            Some(b) => c.basis = b,
            None => return bad("a basis (annual, april or fy)"),
        },
        "from" | "to" => match year() {
            Some(y) if key == "from" => c.from = y,
            Some(y) => c.to = y,
            None => return bad("a year such as 2008 (for 2008/09)"),
        },
        _ => {}
    }
    Ok(())
}

/// The address's query (with or without `?`) read: see [`Address`].
pub fn from_query(query: &str) -> Address {
    let mut a = Address {
        choices: DEFAULT,
        readings: Vec::new(),
        problems: Vec::new(),
    };
    let query = query.trim_start_matches('?');
    if query.len() > MAX_QUERY {
        a.problems.push((
            "line",
            format!(
                "the address's choices are longer than {MAX_QUERY} characters, so none was read"
            ),
        ));
        return a;
    }
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        if key == "r" {
            let mut r = DEFAULT;
            let parts: Vec<&str> = value.split('.').collect();
            let read = parts.len() == FIELDS.len()
                && FIELDS
                    .iter()
                    .zip(&parts)
                    .all(|(k, v)| set(&mut r, k, v).is_ok());
            match (read, a.readings.len() < MAX_READINGS) {
                (true, true) => a.readings.push(r),
                (true, false) => a.problems.push((
                    "readings",
                    format!("only {MAX_READINGS} readings are kept beside the choices"),
                )),
                (false, _) => a
                    .problems
                    .push(("readings", format!("'{value}' is not a reading"))),
            }
        } else if let Err(message) = set(&mut a.choices, key, value) {
            let field = FIELDS.into_iter().find(|f| *f == key).unwrap_or("line");
            a.problems.push((field, message));
        }
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_round_trips_and_names_the_command_lines_flags() {
        let q = "line=2002&grade=ST3&years=2&index=cpih&basis=fy&from=2010&to=2022";
        let Address {
            choices: c,
            problems,
            ..
        } = from_query(&format!("?{q}"));
        assert!(problems.is_empty());
        assert_eq!(c.line.id, "2002");
        assert_eq!(c.grade, Grade::ST3);
        assert_eq!(
            (c.years, c.measure, c.basis, c.from, c.to),
            (2, Measure::Cpih, IndexBasis::FinancialYear, 2010, 2022)
        );
        assert_eq!(to_query(&c, &[]), q);
        assert_eq!(from_query("").choices, DEFAULT);
        let with = format!("{q}&r=2016.FY1.0.cpi.april.2010.2025");
        let a = from_query(&with);
        assert_eq!(a.readings.len(), 1);
        assert_eq!(
            (a.readings[0].measure, a.readings[0].from),
            (Measure::Cpi, 2010)
        );
        assert_eq!(to_query(&a.choices, &a.readings), with);
    }

    #[test]
    fn a_value_not_understood_is_named_at_its_field_and_the_rest_is_read() {
        let Address {
            choices: c,
            problems,
            ..
        } = from_query("grade=FY9&index=rpi&from=1066&to=2022&utm_source=x&r=2016.FY1");
        assert_eq!(c.grade, DEFAULT.grade);
        assert_eq!((c.measure, c.to), (Measure::Rpi, 2022));
        assert_eq!(
            problems,
            vec![
                (
                    "grade",
                    "'FY9' is not a grade (FY1, FY2, CT1–CT3, ST1–ST8)".to_string()
                ),
                (
                    "from",
                    "'1066' is not a year such as 2008 (for 2008/09)".to_string()
                ),
                ("readings", "'2016.FY1' is not a reading".to_string()),
            ]
        );
        let a = from_query(&"x".repeat(700));
        assert_eq!((a.choices, a.problems.len()), (DEFAULT, 1));
        let many = "&r=2016.FY1.0.cpi.april.2010.2025".repeat(9);
        let a = from_query(&many);
        assert_eq!((a.readings.len(), a.problems.len()), (MAX_READINGS, 1));
    }
}
