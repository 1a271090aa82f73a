//! The comparison's heading: the title the user gave, or one written from
//! the comparison itself (grade, rota, pay date, offers), so that a heading
//! never describes a doctor or rota the page no longer shows.

use crate::engine::model::scenario::Scenario;
use crate::engine::num::date::Date;

/// How many offers are named before the rest are counted ("and 2 others"):
/// a heading must stay readable on a phone.
const NAMED_OFFERS: usize = 3;

/// The heading of the comparison: the scenario's own title when it has one,
/// else "An FY2 doctor on FY2 general medicine, April 2016: A vs B vs C".
pub fn heading(scenario: &Scenario) -> String {
    match scenario.title.trim() {
        "" => generated(scenario),
        typed => typed.to_string(),
    }
}

/// The heading written from the comparison (used when the title is empty).
pub fn generated(scenario: &Scenario) -> String {
    let grade = format!("{:?}", scenario.doctor.grade);
    // Said letter by letter: "an FY1", "an ST3", but "a CT1".
    let article = if grade.starts_with('C') { "A" } else { "An" };
    let mut out = format!("{article} {grade} doctor");
    let rotas = distinct(
        (scenario.columns.iter())
            .filter_map(|c| scenario.rota(&c.rota))
            .map(|r| without_asides(&r.name)),
    );
    match rotas.as_slice() {
        [] => {}
        [one] => out.push_str(&format!(" on {one}")),
        many => out.push_str(&format!(" on {} rotas", many.len())),
    }
    out.push_str(&format!(", {}", month_year(scenario.pay_date)));
    let offers = distinct(
        (scenario.columns.iter())
            .filter_map(|c| scenario.offer(&c.offer))
            .map(|o| without_asides(&o.name)),
    );
    if !offers.is_empty() {
        out.push_str(": ");
        out.push_str(&offer_list(&offers));
    }
    out
}

/// The names in order of first appearance, each once (a scenario has at most
/// a dozen columns, so a scan is enough).
fn distinct(names: impl Iterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for name in names {
        if !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

/// "A vs B vs C", then "and 2 other offers": offer names hold commas
/// ("Imposed contract, Feb 2016"), so a comma-separated list would misread.
fn offer_list(names: &[String]) -> String {
    let shown = names[..names.len().min(NAMED_OFFERS)].join(" vs ");
    match names.len().saturating_sub(NAMED_OFFERS) {
        0 => shown,
        1 => format!("{shown} and 1 other offer"),
        n => format!("{shown} and {n} other offers"),
    }
}

/// A name without its bracketed asides ("2002 contract (New Deal hours and
/// banding)" → "2002 contract"): the full names are in the summary below the
/// heading, and the heading must fit a phone's screen in a few lines. A name
/// that is all aside is kept whole.
fn without_asides(name: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in name.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    let words = out.split_whitespace().collect::<Vec<_>>().join(" ");
    match words.trim_end_matches([',', ';', ':']).trim() {
        "" => name.trim().to_string(),
        short => short.to_string(),
    }
}

/// "April 2016".
fn month_year(date: Date) -> String {
    format!("{} {}", date.month_name(), date.year())
}
