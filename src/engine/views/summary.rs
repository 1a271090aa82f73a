//! The answer first: a comparison told in one plain sentence and one row per
//! column (gross and net pay, the difference from the baseline in words, pay
//! per hour worked, the rest verdict and the offer's status), for the top of
//! the page and the start of the command line's table, so both say the same.
//!
//! Nothing here computes pay: every amount is a figure of the comparison,
//! named by id so its explanation can be opened, and printed with the same
//! rounding as in the full table.

use crate::engine::compare::{ColumnResult, Comparison};
use crate::engine::explain::{format_figure, format_quantity, Unit};
use crate::engine::model::offer::{Consequence, Marker, Offer};
use crate::engine::model::rota::ShiftKind;
use crate::engine::model::scenario::Scenario;
use crate::engine::net::deductions::weaker;
use crate::engine::num::date::Date;
use crate::engine::num::fraction::Fraction;
use crate::engine::rest::limits::LimitCheck;
use rust_decimal::Decimal;
use serde::Serialize;
use std::cmp::Ordering;

/// The comparison in brief.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// One sentence stating the comparison in plain words.
    pub sentence: String,
    /// The figures the sentence quotes, in the order it quotes them.
    pub sentence_figures: Vec<FigureRef>,
    /// One row per column, in column order (the baseline where it stands,
    /// flagged), so the rows line up with the full table's columns.
    pub rows: Vec<SummaryRow>,
    /// How the page groups the rows into cards, in order.
    pub cards: Vec<Card>,
}

/// One card of the answer: a row, and the row of the same offer's doctor in
/// post when the comparison has one — the two sides of the 2016 dispute (no
/// doctor in post loses; new entrants do) read together, not cards apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Card {
    /// Index of the card's row in [`Summary::rows`].
    pub row: usize,
    /// Index of the doctor-in-post row shown in this card.
    pub in_post: Option<usize>,
}

/// The cards: every column once. A column with 2002 pay protection goes in
/// the card of the first column without it that has the same offer, rota and
/// pay date (its new entrant) — one to a card; any other has its own card.
fn cards(comparison: &Comparison, scenario: &Scenario) -> Vec<Card> {
    let protected = |c: &ColumnResult| {
        scenario
            .columns
            .iter()
            .any(|s| s.id == c.id && s.protection.is_some())
    };
    let columns = &comparison.columns;
    let host = |k: usize| {
        let p = &columns[k];
        columns.iter().position(|c| {
            !protected(c)
                && c.offer_id == p.offer_id
                && c.rota_id == p.rota_id
                && c.pay_date == p.pay_date
        })
    };
    // One doctor in post per card: a second protected twin (another
    // protection section) keeps a card of its own.
    let mut hosts: Vec<Option<usize>> = vec![None; columns.len()];
    for k in 0..columns.len() {
        if protected(&columns[k]) {
            hosts[k] = host(k).filter(|j| !hosts.contains(&Some(*j)));
        }
    }
    (0..columns.len())
        .filter(|&i| hosts[i].is_none())
        .map(|row| Card {
            row,
            in_post: hosts.iter().position(|h| *h == Some(row)),
        })
        .collect()
}

/// A figure of the comparison: the column and the figure's id (a rest
/// metric's id, `rest:…`, for rest figures).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FigureRef {
    /// Column id.
    pub column: String,
    /// Figure or metric id.
    pub figure: String,
}

/// One column in brief.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SummaryRow {
    /// Column id.
    pub column: String,
    /// The offer's name.
    pub offer_name: String,
    /// The offer's status in words ("imposed, never introduced").
    pub status: String,
    /// The pay scale's year as the offer labels it ("2016/17 (proposed)").
    pub pay_year: String,
    /// The pay date of the column.
    pub pay_date: Date,
    /// True for the baseline column.
    pub baseline: bool,
    /// Gross pay per year (`gross_annual`).
    pub gross: SummaryFigure,
    /// Net pay per year (`net:annual`), when take-home pay is shown.
    pub net: Option<SummaryFigure>,
    /// The gross difference from the baseline (`diff_annual`, `diff_percent`);
    /// `None` for the baseline and when there is no baseline.
    pub difference: Option<Difference>,
    /// The net difference from the baseline (`net:diff_annual`).
    pub net_difference: Option<Difference>,
    /// Gross pay per hour worked (`pay_per_hour`).
    pub per_hour: Option<SummaryFigure>,
    /// The rota against the offer's limits.
    pub rest: RestVerdict,
}

/// A figure as the summary quotes it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SummaryFigure {
    /// The figure's id in its column.
    pub figure: String,
    /// Its value.
    #[serde(with = "rust_decimal::serde::str")]
    pub value: Decimal,
    /// Its unit.
    pub unit: Unit,
    /// The weakest source marker the figure rests on, when its figure carries
    /// one (take-home figures do; figures of an offer's own terms keep theirs
    /// in the explanation's source text).
    pub marker: Option<Marker>,
}

impl SummaryFigure {
    fn of(column: &ColumnResult, id: &str) -> Option<SummaryFigure> {
        column.figure(id).map(|f| SummaryFigure {
            figure: f.id.clone(),
            value: f.value,
            unit: f.unit,
            marker: f.marker,
        })
    }

    /// The value as the full table prints it, with its marker (`£28,053.30 [S]`).
    pub fn text(&self) -> String {
        with_marker(format_figure(self.value, self.unit), self.marker)
    }
}

/// `text` followed by the marker's tag, when there is one.
pub fn with_marker(text: String, marker: Option<Marker>) -> String {
    match marker {
        Some(m) => format!("{text} {}", m.tag()),
        None => text,
    }
}

/// Which way a difference goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Pays more than the baseline.
    More,
    /// Pays less than the baseline.
    Less,
    /// Pays the same.
    Same,
}

/// A difference from the baseline, in pounds (and per cent) and in words.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Difference {
    /// The difference per year in pounds (signed, as the figure holds it).
    pub pounds: SummaryFigure,
    /// The difference as a percentage of the baseline (gross only).
    pub percent: Option<SummaryFigure>,
    /// More, less or the same.
    pub direction: Direction,
    /// In words, never with a bare minus sign: "£1,417.54 (3.57%) less a year".
    pub words: String,
    /// The weakest marker of the figures quoted.
    pub marker: Option<Marker>,
    /// Set when the column and the baseline are paid in different pay years:
    /// the amounts are not in one year's money.
    pub warning: Option<String>,
}

impl Difference {
    fn new(pounds: SummaryFigure, percent: Option<SummaryFigure>, warning: Option<String>) -> Self {
        let direction = match pounds.value.cmp(&Decimal::ZERO) {
            Ordering::Greater => Direction::More,
            Ordering::Less => Direction::Less,
            Ordering::Equal => Direction::Same,
        };
        let marker = match (pounds.marker, percent.as_ref().and_then(|p| p.marker)) {
            (Some(a), Some(b)) => Some(weaker(a, b)),
            (a, b) => a.or(b),
        };
        let amount = format_figure(pounds.value.abs(), pounds.unit);
        let share = percent
            .as_ref()
            .map(|p| format!(" ({})", format_figure(p.value.abs(), p.unit)))
            .unwrap_or_default();
        let words = match direction {
            Direction::More => format!("{amount}{share} more a year"),
            Direction::Less => format!("{amount}{share} less a year"),
            Direction::Same => "the same a year".to_string(),
        };
        Difference {
            pounds,
            percent,
            direction,
            words,
            marker,
            warning,
        }
    }

    /// The difference measured against `whom`: "£1,417.54 (3.57%) less a
    /// year than A", but "the same a year as A".
    pub fn against(&self, whom: &str) -> String {
        let word = match self.direction {
            Direction::Same => "as",
            _ => "than",
        };
        format!("{} {word} {whom}", self.words)
    }
}

/// How the rota fares against the offer's limits, and its longest periods.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RestVerdict {
    /// Ids of the limits checked.
    pub checked: Vec<String>,
    /// Ids of the limits breached, in the offer's order.
    pub breached: Vec<String>,
    /// Id of the worst breach: one that moves pay (2002 band 3) first, then
    /// the one breached most often, then the first.
    pub worst: Option<String>,
    /// The verdict in words: "all 7 limits kept", or "2 of 7 limits
    /// breached; worst: …".
    pub words: String,
    /// The longest worked shift (`rest:longest_shift`), in hours.
    pub longest_shift: Option<SummaryFigure>,
    /// The longest on-call period of the rota in hours, when it has on-call
    /// periods. Read from the rota's shifts: not a figure of the comparison.
    pub on_call_hours: Option<Decimal>,
    /// "longest shift 12.5 h", with "; on call up to 24 h" when the rota has
    /// on-call periods, so a 24-hour on-call rota is not read as short shifts.
    pub hours: String,
}

/// The comparison in brief: the sentence and one row per column.
///
/// `scenario` is the one the comparison was computed from: it gives the
/// offers' status histories, the doctor's grade and the rotas' on-call periods.
pub fn summarise(comparison: &Comparison, scenario: &Scenario) -> Summary {
    let base = comparison
        .baseline
        .as_deref()
        .and_then(|id| comparison.columns.iter().find(|c| c.id == id));
    let rows: Vec<SummaryRow> = comparison
        .columns
        .iter()
        .map(|column| row(column, base, scenario))
        .collect();
    let (sentence, sentence_figures) = sentence(&rows, comparison, scenario);
    Summary {
        sentence,
        sentence_figures,
        rows,
        cards: cards(comparison, scenario),
    }
}

fn row(column: &ColumnResult, base: Option<&ColumnResult>, scenario: &Scenario) -> SummaryRow {
    let is_base = base.is_some_and(|b| b.id == column.id);
    let warning = base
        .filter(|_| !is_base)
        .and_then(|b| pay_year_warning(column.pay_date, b.pay_date));
    let gross = SummaryFigure::of(column, "gross_annual").unwrap_or(SummaryFigure {
        figure: "gross_annual".into(),
        value: column.gross_annual(),
        unit: Unit::Pounds,
        marker: None,
    });
    let difference = SummaryFigure::of(column, "diff_annual").map(|pounds| {
        let percent = SummaryFigure::of(column, "diff_percent");
        Difference::new(pounds, percent, warning.clone())
    });
    let net_difference = SummaryFigure::of(column, "net:diff_annual")
        .map(|pounds| Difference::new(pounds, None, warning.clone()));
    SummaryRow {
        column: column.id.clone(),
        offer_name: column.offer_name.clone(),
        status: status_words(scenario.offer(&column.offer_id)),
        pay_year: column.pay.pay_year.clone(),
        pay_date: column.pay_date,
        baseline: is_base,
        gross,
        net: SummaryFigure::of(column, "net:annual"),
        difference,
        net_difference,
        per_hour: SummaryFigure::of(column, "pay_per_hour"),
        rest: rest_verdict(column, scenario),
    }
}

/// The pay year (1 April to 31 March) a date falls in, as "2016/17".
fn pay_year_of(date: Date) -> String {
    let year = date.year();
    let start = match Date::new(year, 4, 1) {
        Some(april) if date < april => year.saturating_sub(1),
        _ => year,
    };
    format!("{start}/{:02}", (start + 1) % 100)
}

/// Set when two pay dates fall in different pay years: pounds of different
/// years are not the same money.
fn pay_year_warning(ours: Date, theirs: Date) -> Option<String> {
    let (ours, theirs) = (pay_year_of(ours), pay_year_of(theirs));
    (ours != theirs)
        .then(|| format!("compares pay of {ours} with pay of {theirs}: not in one year's money"))
}

/// The offer's status in words, from its dated history (free text, so read
/// by the words the presets use): a custom offer is "hypothetical"; a
/// reconstruction says so; an offer that never came in says whether it was
/// imposed; one introduced is "in force" (and closed to new entrants when it
/// was); an offer not introduced is "offer" with its fate. Otherwise the
/// latest event, as written.
fn status_words(offer: Option<&Offer>) -> String {
    let Some(offer) = offer else {
        return "status not given".into();
    };
    let events: Vec<String> = offer
        .status
        .iter()
        .map(|e| e.status.to_ascii_lowercase())
        .collect();
    let any = |word: &str| events.iter().any(|e| e.contains(word));
    let latest = events.last().map(String::as_str).unwrap_or_default();
    if let Some(origin) = &offer.derived_from {
        return format!("hypothetical, edited from {origin}");
    }
    if any("hypothetical") {
        return "hypothetical".into();
    }
    if any("reconstruction") || offer.name.to_ascii_lowercase().contains("reconstruction") {
        return "reconstruction".into();
    }
    if any("never introduced") {
        return match any("imposition") || any("imposed") {
            true => "imposed, never introduced".into(),
            false => "never introduced".into(),
        };
    }
    let introduced = events.iter().any(|e| {
        e.contains("in force") || (e.contains("introduced") && !e.contains("never introduced"))
    });
    if introduced {
        let closed = offer.status.iter().rev().find(|e| {
            e.status
                .to_ascii_lowercase()
                .contains("closed to new entrants")
        });
        return match closed {
            Some(e) => format!("in force, closed to new entrants from {}", e.date),
            None => "in force".into(),
        };
    }
    if latest.contains("superseded") {
        return "offer, superseded".into();
    }
    if latest.contains("not agreed") || latest.contains("rejected") {
        return "offer, not agreed".into();
    }
    if any("offer") {
        return "offer".into();
    }
    offer
        .status
        .last()
        .map_or_else(|| "status not given".into(), |e| e.status.clone())
}

fn rest_verdict(column: &ColumnResult, scenario: &Scenario) -> RestVerdict {
    let checks = &column.rest.checks;
    let breached: Vec<&LimitCheck> = checks.iter().filter(|c| !c.passed).collect();
    // Pay first (a 2002 band-3 breach changes the pay), then how often.
    let worst = breached
        .iter()
        .copied()
        .fold(None::<&LimitCheck>, |worst, c| {
            let weight = |c: &LimitCheck| (c.consequence == Consequence::Band3, c.breaches.len());
            match worst {
                Some(w) if weight(w) >= weight(c) => Some(w),
                _ => Some(c),
            }
        });
    let words = match (checks.len(), breached.len()) {
        (0, _) => "no limits to check".to_string(),
        (1, 0) => "its one limit kept".to_string(),
        (n, 0) => format!("all {n} limits kept"),
        (n, b) => format!(
            "{b} of {n} limit{} breached; worst: {}",
            if n == 1 { "" } else { "s" },
            worst.map(breach_words).unwrap_or_default()
        ),
    };
    let longest_shift = column.metric("rest:longest_shift").map(|m| SummaryFigure {
        figure: m.id.clone(),
        value: m.value,
        unit: m.unit,
        marker: None,
    });
    let on_call_hours = scenario.rota(&column.rota_id).and_then(|rota| {
        rota.shifts
            .iter()
            .filter(|s| s.kind != ShiftKind::Worked)
            .map(|s| s.minutes)
            .max()
            .and_then(|minutes| Fraction::from_ints(u64::from(minutes), 60))
    });
    let mut hours = longest_shift
        .as_ref()
        .map(|f| format!("longest shift {}", format_figure(f.value, f.unit)))
        .unwrap_or_default();
    if let Some(on_call) = on_call_hours {
        if !hours.is_empty() {
            hours.push_str("; ");
        }
        hours.push_str(&format!(
            "on call up to {}",
            format_quantity(on_call, Unit::Hours)
        ));
    }
    RestVerdict {
        checked: checks.iter().map(|c| c.id.clone()).collect(),
        breached: breached.iter().map(|c| c.id.clone()).collect(),
        worst: worst.map(|c| c.id.clone()),
        words,
        longest_shift,
        on_call_hours: on_call_hours.and_then(|h| h.to_decimal()),
        hours,
    }
}

/// A breached limit in words: the limit, what was measured where, how often,
/// and whether it moves pay.
fn breach_words(check: &LimitCheck) -> String {
    let mut out = check.text.clone();
    if let Some(first) = check.breaches.first() {
        out.push_str(&format!(" ({} at {}", first.measured, first.location.at));
        match check.breaches.len() {
            1 => {}
            2 => out.push_str(", and once more"),
            n => out.push_str(&format!(", and {} more times", n - 1)),
        }
        out.push(')');
    }
    if check.consequence == Consequence::Band3 {
        out.push_str(", which puts the post in pay band 3");
    }
    out
}

/// Who the doctor is, for the sentence: "this FY2 doctor" (at LTFT, "this
/// FY2 doctor working 60% of full time").
fn doctor_words(scenario: &Scenario) -> String {
    let grade = format!("{:?}", scenario.doctor.grade);
    match scenario.doctor.ltft.to_decimal() {
        Some(d) if d == Decimal::ONE => format!("this {grade} doctor"),
        _ => format!(
            "this {grade} doctor working {} of full time",
            format_quantity(scenario.doctor.ltft, Unit::Rate)
        ),
    }
}

/// The limits clause of the sentence: "all 7 of its limits are kept".
fn limits_clause(rest: &RestVerdict) -> String {
    match (rest.checked.len(), rest.breached.len()) {
        (0, _) => "it has no limits to check".into(),
        (1, 0) => "its one limit is kept".into(),
        (n, 0) => format!("all {n} of its limits are kept"),
        (1, _) => "its one limit is breached".into(),
        (n, b) => format!("{b} of its {n} limits are breached"),
    }
}

/// The sentence, and the figures it quotes.
///
/// With a baseline it tells the column that differs most from it (in pounds
/// a year, the first such column on a tie): the widest gap is the headline a
/// reader needs, and one clause per offer would make a five-offer sentence
/// of several hundred characters. The other columns follow as a range, so no
/// column's result is left out; each row says the rest. Without a baseline
/// (or with one column) it states the best- and worst-paid columns.
fn sentence(
    rows: &[SummaryRow],
    comparison: &Comparison,
    scenario: &Scenario,
) -> (String, Vec<FigureRef>) {
    let doctor = doctor_words(scenario);
    let cite = |row: &SummaryRow, f: &SummaryFigure| FigureRef {
        column: row.column.clone(),
        figure: f.figure.clone(),
    };
    let mut figures = Vec::new();
    let base = rows.iter().find(|r| r.baseline);
    let others: Vec<(&SummaryRow, &Difference)> = rows
        .iter()
        .filter_map(|r| r.difference.as_ref().map(|d| (r, d)))
        .collect();
    let widest =
        others.iter().copied().fold(
            None::<(&SummaryRow, &Difference)>,
            |best, (r, d)| match best {
                Some((_, b)) if b.pounds.value.abs() >= d.pounds.value.abs() => best,
                _ => Some((r, d)),
            },
        );
    let (Some(base), Some((row, diff))) = (base, widest) else {
        return (without_baseline(rows, &doctor, &mut figures), figures);
    };
    figures.push(cite(row, &diff.pounds));
    figures.extend(diff.percent.iter().map(|p| cite(row, p)));
    let same_rota = comparison
        .columns
        .iter()
        .filter(|c| c.id == row.column || c.id == base.column)
        .map(|c| c.rota_id.as_str())
        .collect::<Vec<_>>()
        .windows(2)
        .all(|w| w[0] == w[1]);
    let rota = if same_rota {
        "for the same rota"
    } else {
        "on its own rota"
    };
    let earns = match diff.direction {
        Direction::Same => format!("earns the same a year as under ‘{}’", base.offer_name),
        _ => format!("earns {} than under ‘{}’", diff.words, base.offer_name),
    };
    let warning = diff
        .warning
        .as_ref()
        .map(|w| format!(" ({w})"))
        .unwrap_or_default();
    let mut text = format!(
        "Under ‘{}’ {doctor} {earns} {rota}{warning}; {}.",
        row.offer_name,
        limits_clause(&row.rest)
    );
    let rest: Vec<&Difference> = others
        .iter()
        .filter(|(r, _)| r.column != row.column)
        .map(|(r, d)| {
            figures.push(cite(r, &d.pounds));
            *d
        })
        .collect();
    let short = |d: &Difference| match d.direction {
        Direction::More => format!("{} more", format_figure(d.pounds.value.abs(), Unit::Pounds)),
        Direction::Less => format!("{} less", format_figure(d.pounds.value.abs(), Unit::Pounds)),
        Direction::Same => "the same".into(),
    };
    let low = rest.iter().min_by_key(|d| d.pounds.value);
    let high = rest.iter().max_by_key(|d| d.pounds.value);
    match (rest.len(), low, high) {
        (1, Some(only), _) => {
            text.push_str(&format!(" The other offer pays {} a year.", short(only)))
        }
        (n, Some(low), Some(high)) if low.pounds.value == high.pounds.value => text.push_str(
            &format!(" The other {n} offers each pay {} a year.", short(low)),
        ),
        (n, Some(low), Some(high)) => text.push_str(&format!(
            " The other {n} offers pay between {} and {} a year.",
            short(low),
            short(high)
        )),
        _ => {}
    }
    (text, figures)
}

/// The sentence for one column, or several with no baseline: the best- and
/// worst-paid, each with its limits.
fn without_baseline(rows: &[SummaryRow], doctor: &str, figures: &mut Vec<FigureRef>) -> String {
    let mut cite = |row: &SummaryRow| {
        figures.push(FigureRef {
            column: row.column.clone(),
            figure: row.gross.figure.clone(),
        })
    };
    // The first of equals, in column order.
    let pick = |better: fn(Decimal, Decimal) -> bool| {
        rows.iter().fold(None::<&SummaryRow>, |kept, r| match kept {
            Some(k) if !better(r.gross.value, k.gross.value) => Some(k),
            _ => Some(r),
        })
    };
    let best = pick(|a, b| a > b);
    let worst = pick(|a, b| a < b);
    match (rows, best, worst) {
        ([], _, _) | (_, None, _) | (_, _, None) => "There is nothing to compare.".into(),
        ([only], _, _) => {
            cite(only);
            let per_hour = only
                .per_hour
                .as_ref()
                .map(|f| format!(", {} per hour worked", f.text()))
                .unwrap_or_default();
            format!(
                "Under ‘{}’ {doctor} earns {} a year{per_hour}; {}.",
                only.offer_name,
                only.gross.text(),
                limits_clause(&only.rest)
            )
        }
        (_, Some(best), Some(worst)) => {
            cite(best);
            cite(worst);
            format!(
                "With no baseline chosen: ‘{}’ pays {doctor} the most, {} a year ({}), and ‘{}’ the least, {} a year ({}).",
                best.offer_name,
                best.gross.text(),
                limits_clause(&best.rest),
                worst.offer_name,
                worst.gross.text(),
                limits_clause(&worst.rest)
            )
        }
    }
}
