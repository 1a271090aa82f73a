//! Reading a rota pasted from a spreadsheet (issue #9).
//!
//! [`parse_paste`] turns cells copied from Excel, Google Sheets or LibreOffice
//! (tab-separated), or CSV text (commas or semicolons, `"quoted"` cells with
//! `""` for a quote), into shifts for the rota editor to preview. Nothing is
//! imported here: the page shows the [`PastePreview`] — the shifts, every row
//! that could not be read and why, and notes on how the paste was understood —
//! and asks before replacing the rota. No input makes it panic.
//!
//! Line endings may be CRLF, LF or CR; a trailing empty line, surrounding
//! spaces in cells and a byte-order mark are ignored. Text with no tabs,
//! commas or semicolons at all is split at runs of spaces (best effort: a
//! label or header of several words then spans several cells).
//!
//! # Two shapes, recognised automatically
//!
//! ## List: one row per shift
//!
//! | column | accepted |
//! |---|---|
//! | `week` | 1–52 (also `Week 3`, `wk3`, `W3`) |
//! | `day` | `Mon`, `Monday`, `mon`, `MON`, `Tu`, `Thurs`…, or `1` (Monday) to `7` (Sunday) |
//! | `date` (instead of week and day) | `DD/MM/YYYY` (UK order; also `-` or `.` between, or a 2-digit year), `YYYY-MM-DD`, `5 Aug 2024`; a leading day name is checked |
//! | `start` | `08:00`, `8:00`, `0800`, `08.00`, `8am`, `8.30pm`, `08:00:00` |
//! | `end` | a time as for `start`; at or before the start means the next day (a night), `24:00` is the midnight that ends the day |
//! | `hours` (or `duration`, `length`) | used when `end` is empty: `12.5`, `12,5`, `12:30`, `12h30`, `750 min` |
//! | `kind` (optional) | `worked` (the default), `on-call` (= non-resident), `non-resident on-call`, `resident on-call` |
//! | `label` (optional) | any text, e.g. `long day` |
//!
//! With dates, the Monday of the week of the earliest date starts week 1 and
//! the cycle is as many weeks as the dates span. With a header, columns may be
//! in any order and unknown columns are ignored; with a `day` column but no
//! `week` or `date`, a new week starts whenever the day goes back (Sun, then
//! Mon). Without a header the columns are `week, day, start, end[, kind][,
//! label]` or `date, start, end[, kind][, label]` (or `day, start, end…`),
//! told apart by the first cell; there `end` may also be a length of time such
//! as `12.5`, and the start and end may share a cell (`08:00-20:30`).
//!
//! ## Grid: one row per week
//!
//! One column per day, Monday to Sunday, each cell a shift code; an optional
//! first column labels the week (`1`, `Week 1`); an optional header row names
//! the days (then the columns may be in any order, and other columns are
//! ignored). Weeks are numbered by row. A cell may hold two codes joined by
//! `+` (`D+OC`); an empty cell, `OFF`, `O`, `REST` or `-` is a day off.
//!
//! Below the grid, after a blank row or a row starting `Legend` or `Key`, a
//! legend gives each code its times: `code, start, end or hours[, kind][,
//! label]` — e.g. `LD<TAB>08:00<TAB>20:30<TAB>long day` — or `code, off`.
//! Codes are matched ignoring case. Codes the legend does not define fall back
//! to the built-in [`DEFAULT_CODES`]:
//!
//! | code | times | kind | label |
//! |---|---|---|---|
//! | `D` | 09:00–17:00 | worked | normal day |
//! | `LD` | 08:00–20:30 | worked | long day |
//! | `L` | 14:00–22:00 | worked | late |
//! | `E` | 14:00–22:00 | worked | evening |
//! | `N` | 20:00–08:30 (next day) | worked | night |
//! | `OC` | 17:00–09:00 (next day) | non-resident on-call | on call |
//!
//! A shift from a legend code is labelled with the legend's label, or else the
//! code itself. A bad cell is reported and the rest of its week still read.
//!
//! # What is checked
//!
//! Each shift must last at least a minute and at most 24 hours when worked (72
//! hours on call), lie in weeks 1–52, and have a label of at most 200
//! characters. Overlapping shifts are left to the engine's validation, which
//! names them. On-call periods come with no expected work: the editor adds it.

use crate::engine::date::Date;
use crate::engine::rota::{Shift, ShiftKind, MAX_CYCLE_WEEKS};
use crate::engine::time::{ClockTime, Weekday};
use crate::engine::validate::MAX_TEXT;
use std::collections::BTreeSet;

/// Largest paste read, in bytes: a 52-week list with labels is far smaller.
pub const MAX_PASTE_BYTES: usize = 200 * 1024;
/// Most non-blank rows read (a rota has at most 2,000 shifts).
pub const MAX_PASTE_ROWS: usize = 2_000;
/// A row is quoted in a [`RowProblem`] up to this many characters.
const EXCERPT_CHARS: usize = 80;
/// A header row is looked for among this many first non-blank rows, so a
/// title above it does not hide it.
const HEADER_SEARCH_ROWS: usize = 5;
/// A grid's header (five or more day names, which no other row has) is looked
/// for further down, below a legend placed above the grid.
const GRID_HEADER_SEARCH_ROWS: usize = 60;
/// A quoted cell may span at most this many line breaks; a stray quote then
/// cannot swallow the rest of the paste.
const MAX_QUOTED_LINE_BREAKS: usize = 10;
/// Most codes joined by `+` in one grid cell.
const MAX_CODES_PER_CELL: usize = 4;

/// A built-in grid code, used when the paste's legend does not define it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DefaultCode {
    /// The code as written in a grid cell (matched ignoring case).
    pub code: &'static str,
    /// Start time, `HH:MM`.
    pub start: &'static str,
    /// End time, `HH:MM`; at or before the start means the next day.
    pub end: &'static str,
    /// Worked or on call.
    pub kind: ShiftKind,
    /// The label the shift gets.
    pub label: &'static str,
}

/// The built-in grid codes. They are common NHS patterns, not rules: a legend
/// in the paste overrides any of them.
pub const DEFAULT_CODES: [DefaultCode; 6] = [
    DefaultCode {
        code: "D",
        start: "09:00",
        end: "17:00",
        kind: ShiftKind::Worked,
        label: "normal day",
    },
    DefaultCode {
        code: "LD",
        start: "08:00",
        end: "20:30",
        kind: ShiftKind::Worked,
        label: "long day",
    },
    DefaultCode {
        code: "L",
        start: "14:00",
        end: "22:00",
        kind: ShiftKind::Worked,
        label: "late",
    },
    DefaultCode {
        code: "E",
        start: "14:00",
        end: "22:00",
        kind: ShiftKind::Worked,
        label: "evening",
    },
    DefaultCode {
        code: "N",
        start: "20:00",
        end: "08:30",
        kind: ShiftKind::Worked,
        label: "night",
    },
    DefaultCode {
        code: "OC",
        start: "17:00",
        end: "09:00",
        kind: ShiftKind::NonResidentOnCall,
        label: "on call",
    },
];

/// Grid cells meaning "no shift this day", besides an empty cell.
pub const OFF_CODES: [&str; 6] = ["OFF", "O", "REST", "-", "–", "—"];

/// Which of the two documented shapes the paste was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasteShape {
    /// One row per shift.
    List,
    /// One row per week, one column per day, cells holding shift codes.
    Grid,
}

/// A row (or, in a grid, a cell of a row) that was not imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    /// Line number in the paste, from 1 (where the row starts).
    pub row: usize,
    /// The row as pasted, cut to 80 characters (with `…` when cut).
    pub text: String,
    /// What is wrong, in words a doctor can act on.
    pub reason: String,
}

/// What a paste would import, for the editor to show before asking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PastePreview {
    /// How the paste was read.
    pub shape: PasteShape,
    /// Cycle length in weeks (1–52).
    pub weeks: u8,
    /// The shifts read, sorted by week, day and start. May be empty when
    /// every row had a problem.
    pub shifts: Vec<Shift>,
    /// Rows not imported, with the reason, by row number.
    pub rows: Vec<RowProblem>,
    /// How the paste was understood ("row 1 read as the header", "legend: 4
    /// codes (LD, N, D, OC)"), for the preview.
    pub notes: Vec<String>,
}

/// Reads pasted spreadsheet cells as a rota (see the module documentation for
/// the shapes). Rows that cannot be read are listed in
/// [`PastePreview::rows`] and skipped. `Err` says why nothing at all could be
/// used: an empty paste, one over 200 KB or 2,000 rows, binary data, or text
/// in neither shape.
pub fn parse_paste(text: &str) -> Result<PastePreview, String> {
    check_text(text)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let delim = detect_delim(text);
    let records = match delim.byte() {
        Some(byte) => split_delimited(text, byte),
        None => split_spaces(text),
    };
    let filled = records.iter().filter(|r| !r.is_blank()).count();
    if filled == 0 {
        return Err(
            "The paste is empty: copy the rota's cells from the spreadsheet and paste them here."
                .into(),
        );
    }
    if filled > MAX_PASTE_ROWS {
        return Err(format!(
            "The paste has {filled} rows; at most {MAX_PASTE_ROWS} can be read. Paste one rota at a time."
        ));
    }
    let mut out = Out::default();
    out.notes.push(delim.describe().into());
    let shape = find_shape(&records)?;
    let (shape, weeks) = match shape {
        Found::ListHeader(at, columns) => (
            PasteShape::List,
            parse_list(&records, Some((at, columns)), None, &mut out)?,
        ),
        Found::List(layout) => (
            PasteShape::List,
            parse_list(&records, None, Some(layout), &mut out)?,
        ),
        Found::GridHeader(at, days) => (
            PasteShape::Grid,
            parse_grid(&records, Some((at, days)), delim, &mut out)?,
        ),
        Found::Grid => (
            PasteShape::Grid,
            parse_grid(&records, None, delim, &mut out)?,
        ),
    };
    Ok(out.finish(shape, weeks))
}

/// Rejects what cannot be a spreadsheet paste before any work is done.
fn check_text(text: &str) -> Result<(), String> {
    if text.len() > MAX_PASTE_BYTES {
        return Err(format!(
            "The paste is {} KB; at most {} KB can be read. Paste one rota at a time.",
            text.len().div_ceil(1024),
            MAX_PASTE_BYTES / 1024
        ));
    }
    let (mut chars, mut odd) = (0usize, 0usize);
    for c in text.chars() {
        chars += 1;
        if c == '\0' {
            odd = usize::MAX / 2;
            break;
        }
        if (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{fffd}' {
            odd += 1;
        }
    }
    // A stray control character is a row problem; many mean a binary file.
    if odd > 0 && odd.saturating_mul(20) > chars {
        return Err("This does not look like text copied from a spreadsheet (it holds control characters). Copy the cells and paste them here.".into());
    }
    if text.trim().is_empty() {
        return Err(
            "The paste is empty: copy the rota's cells from the spreadsheet and paste them here."
                .into(),
        );
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Splitting into rows and cells
// ---------------------------------------------------------------------------

/// What separates cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Delim {
    Tab,
    Comma,
    Semicolon,
    Spaces,
}

impl Delim {
    fn byte(self) -> Option<u8> {
        match self {
            Delim::Tab => Some(b'\t'),
            Delim::Comma => Some(b','),
            Delim::Semicolon => Some(b';'),
            Delim::Spaces => None,
        }
    }

    fn describe(self) -> &'static str {
        match self {
            Delim::Tab => "read as tab-separated cells",
            Delim::Comma => "read as comma-separated cells",
            Delim::Semicolon => "read as semicolon-separated cells",
            Delim::Spaces => "no tabs, commas or semicolons: cells split at spaces",
        }
    }
}

/// Tabs win (spreadsheets copy as TSV, and labels may hold commas). Otherwise
/// semicolons win ties with commas: semicolon CSV writes decimal commas
/// (`12,5` hours), so commas also appear in its rows.
fn detect_delim(text: &str) -> Delim {
    let count = |respect_quotes: bool| {
        let (mut tabs, mut semi_lines, mut comma_lines) = (0usize, 0usize, 0usize);
        let (mut quoted, mut semi, mut comma) = (false, false, false);
        for b in text.bytes().chain(std::iter::once(b'\n')) {
            match b {
                b'"' if respect_quotes => quoted = !quoted,
                _ if quoted => {}
                b'\t' => tabs += 1,
                b';' => semi = true,
                b',' => comma = true,
                b'\n' | b'\r' => {
                    semi_lines += usize::from(semi);
                    comma_lines += usize::from(comma);
                    (semi, comma) = (false, false);
                }
                _ => {}
            }
        }
        (tabs, semi_lines, comma_lines)
    };
    let mut counts = count(true);
    if counts == (0, 0, 0) {
        // An unbalanced quote hid everything after it: count without quotes.
        counts = count(false);
    }
    match counts {
        (t, _, _) if t > 0 => Delim::Tab,
        (_, s, c) if s > 0 && s >= c => Delim::Semicolon,
        (_, _, c) if c > 0 => Delim::Comma,
        _ => Delim::Spaces,
    }
}

/// One row of the paste.
#[derive(Debug)]
struct Record<'a> {
    /// Line number where it starts, from 1.
    row: usize,
    /// The row as pasted, without its line break.
    raw: &'a str,
    /// Cells, trimmed, quotes removed.
    cells: Vec<String>,
}

impl Record<'_> {
    /// The cell at `i`, or "" past the end.
    fn cell(&self, i: usize) -> &str {
        self.cells.get(i).map_or("", String::as_str)
    }

    fn is_blank(&self) -> bool {
        self.cells.iter().all(String::is_empty)
    }

    /// Cells up to the last non-empty one (a copied rectangle pads rows).
    fn filled(&self) -> &[String] {
        let n = self
            .cells
            .iter()
            .rposition(|c| !c.is_empty())
            .map_or(0, |i| i + 1);
        self.cells.get(..n).unwrap_or_default()
    }
}

/// Splits CSV/TSV. A cell starting with `"` (after spaces) runs to the next
/// lone `"`, and may hold delimiters, `""` and line breaks — the way
/// spreadsheets copy such cells. A quote with no partner is kept as a
/// character, and so is every quote after it: searching again for each would
/// be quadratic, and the text is malformed from there anyway.
fn split_delimited(text: &str, delim: u8) -> Vec<Record<'_>> {
    let bytes = text.as_bytes();
    // Every position sliced at is next to an ASCII byte, so on a char boundary;
    // `get` keeps that from ever being a panic.
    let slice = |a: usize, b: usize| text.get(a..b).unwrap_or("");
    let field_end = |from: usize| {
        let mut k = from;
        while let Some(&b) = bytes.get(k) {
            if b == delim || b == b'\n' || b == b'\r' {
                break;
            }
            k += 1;
        }
        k
    };
    let mut records = Vec::new();
    let (mut i, mut row, mut quotes_literal) = (0usize, 1usize, false);
    while i < bytes.len() {
        let (start, start_row) = (i, row);
        let mut cells = Vec::new();
        loop {
            let mut cell = String::new();
            let mut j = i;
            while bytes.get(j) == Some(&b' ') {
                j += 1;
            }
            if !quotes_literal && bytes.get(j) == Some(&b'"') {
                match closing_quote(bytes, j + 1) {
                    Closing::At(close) => {
                        let inner = slice(j + 1, close);
                        row += line_breaks(inner);
                        cell.push_str(&inner.replace("\"\"", "\""));
                        i = close + 1;
                    }
                    Closing::TooFar => {}
                    Closing::Never => quotes_literal = true,
                }
            }
            let end = field_end(i);
            cell.push_str(slice(i, end));
            i = end;
            cells.push(cell.trim().to_string());
            if bytes.get(i) == Some(&delim) {
                i += 1;
            } else {
                break;
            }
        }
        let raw = slice(start, i);
        match bytes.get(i) {
            Some(b'\r') if bytes.get(i + 1) == Some(&b'\n') => i += 2,
            Some(b'\r' | b'\n') => i += 1,
            _ => {}
        }
        row += 1;
        records.push(Record {
            row: start_row,
            raw,
            cells,
        });
    }
    records
}

enum Closing {
    At(usize),
    TooFar,
    Never,
}

/// The closing quote of a quoted cell whose content starts at `from`.
fn closing_quote(bytes: &[u8], from: usize) -> Closing {
    let (mut k, mut breaks) = (from, 0usize);
    while let Some(&b) = bytes.get(k) {
        match b {
            b'"' if bytes.get(k + 1) == Some(&b'"') => k += 1,
            b'"' => return Closing::At(k),
            b'\n' => {
                breaks += 1;
                if breaks > MAX_QUOTED_LINE_BREAKS {
                    return Closing::TooFar;
                }
            }
            _ => {}
        }
        k += 1;
    }
    Closing::Never
}

/// Line breaks in `text`, a CRLF counting once.
fn line_breaks(text: &str) -> usize {
    text.matches('\n').count() + text.matches('\r').count() - text.matches("\r\n").count()
}

/// Splits each line at runs of whitespace (no quoting). Lines end at LF,
/// CRLF or a lone CR.
fn split_spaces(text: &str) -> Vec<Record<'_>> {
    let bytes = text.as_bytes();
    let mut lines = Vec::new();
    let (mut start, mut i) = (0usize, 0usize);
    while let Some(&b) = bytes.get(i) {
        if b == b'\n' || b == b'\r' {
            lines.push(text.get(start..i).unwrap_or(""));
            i += if b == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                2
            } else {
                1
            };
            start = i;
        } else {
            i += 1;
        }
    }
    if start < bytes.len() {
        lines.push(text.get(start..).unwrap_or(""));
    }
    lines
        .into_iter()
        .enumerate()
        .map(|(i, raw)| Record {
            row: i + 1,
            raw,
            cells: raw.split_whitespace().map(str::to_string).collect(),
        })
        .collect()
}

/// A row's text for a [`RowProblem`].
fn excerpt(raw: &str) -> String {
    let mut chars = raw.chars();
    let head: String = chars.by_ref().take(EXCERPT_CHARS).collect();
    if chars.next().is_some() {
        head + "…"
    } else {
        head
    }
}

/// A cell quoted in a reason, cut so one long cell cannot flood the message.
fn quote(text: &str) -> String {
    let text = text.trim();
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(30).collect();
    if chars.next().is_some() {
        head + "…"
    } else {
        head
    }
}

// ---------------------------------------------------------------------------
// Reading single cells
// ---------------------------------------------------------------------------

/// Lower case, anything but letters and digits as single spaces: header names
/// and kinds compare this way (`Start time`, `start_time`, `On-Call`).
fn norm(text: &str) -> String {
    let lower = text.to_lowercase();
    let spaced: String = lower
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn all_digits(text: &str, max_len: usize) -> bool {
    !text.is_empty() && text.len() <= max_len && text.bytes().all(|b| b.is_ascii_digit())
}

/// Digits of at most four characters as a number (so no overflow).
fn small_number(text: &str) -> Option<u32> {
    all_digits(text, 4).then(|| text.parse().ok()).flatten()
}

/// A time of day: `08:00`, `8:00`, `0800`, `830`, `08.00`, `08:00:00`, `8am`,
/// `8.30 pm`, `12am` (midnight). `24:00` is accepted (the end of a day).
fn parse_clock(text: &str) -> Result<ClockTime, String> {
    let bad = || format!("'{}' is not a time of day", quote(text));
    let compact: String = text
        .trim()
        .to_ascii_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let (body, pm) = if let Some(b) = compact
        .strip_suffix("am")
        .or_else(|| compact.strip_suffix("a.m."))
    {
        (b, Some(false))
    } else if let Some(b) = compact
        .strip_suffix("pm")
        .or_else(|| compact.strip_suffix("p.m."))
    {
        (b, Some(true))
    } else {
        (compact.as_str(), None)
    };
    let (h, m) = if body.contains(':') {
        let mut parts = body.split(':');
        let (h, m, s) = (parts.next(), parts.next(), parts.next());
        if parts.next().is_some() || s.is_some_and(|s| s != "00") {
            return Err(bad());
        }
        (h.unwrap_or(""), m.unwrap_or(""))
    } else if let Some((h, m)) = body.split_once('.') {
        (h, m)
    } else if all_digits(body, 4) && body.len() >= 3 {
        body.split_at(body.len() - 2)
    } else if pm.is_some() && all_digits(body, 2) {
        (body, "00")
    } else {
        return Err(bad());
    };
    if !all_digits(h, 2) || !all_digits(m, 2) || m.len() != 2 {
        return Err(bad());
    }
    let (mut h, m) = (
        small_number(h).ok_or_else(bad)?,
        small_number(m).ok_or_else(bad)?,
    );
    if let Some(pm) = pm {
        if !(1..=12).contains(&h) {
            return Err(bad());
        }
        h = h % 12 + if pm { 12 } else { 0 };
    }
    let (h, m) = (
        u16::try_from(h).map_err(|_| bad())?,
        u16::try_from(m).map_err(|_| bad())?,
    );
    ClockTime::hm(h, m).ok_or_else(bad)
}

/// A start time: any time of day but `24:00`.
fn parse_start(text: &str) -> Result<ClockTime, String> {
    if text.trim().is_empty() {
        return Err("no start time".into());
    }
    let start = parse_clock(text)?;
    if start == ClockTime::END_OF_DAY {
        return Err(format!(
            "'{}' ends a day: a shift starting at midnight starts at 00:00",
            quote(text)
        ));
    }
    Ok(start)
}

/// Minutes from `start` to `end`; an end at or before the start is the next day.
fn span(start: ClockTime, end: ClockTime) -> u32 {
    let (s, e) = (start.minutes(), end.minutes());
    let minutes = if e > s { e - s } else { e + 1_440 - s };
    u32::try_from(minutes).unwrap_or(u32::MAX)
}

/// `08:00-20:30`, `08:00 – 20:30`, `0800 to 2030`: the two sides, when both
/// hold a digit (so `-` alone, a day off, is not a range).
fn split_range(text: &str) -> Option<(&str, &str)> {
    let lower = text.to_ascii_lowercase();
    let (a, b) = if let Some(at) = lower.find(" to ") {
        (text.get(..at)?, text.get(at + 4..)?)
    } else {
        text.split_once(['–', '—', '-'])?
    };
    let digit = |s: &str| s.bytes().any(|b| b.is_ascii_digit());
    (digit(a) && digit(b)).then(|| (a.trim(), b.trim()))
}

/// A length of time: `12.5`, `12,5`, `12:30`, `12h30`, `12 h`, `12.5 hours`,
/// `750 min`. Decimal hours must come to whole minutes.
fn parse_duration(text: &str) -> Result<u32, String> {
    let bad = || {
        format!(
            "'{}' is not a length of time (write hours, e.g. 12.5 or 12:30)",
            quote(text)
        )
    };
    let compact: String = text
        .trim()
        .to_ascii_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    for suffix in ["minutes", "minute", "mins", "min"] {
        if let Some(n) = compact.strip_suffix(suffix) {
            return small_number(n).ok_or_else(bad);
        }
    }
    let body = ["hours", "hour", "hrs", "hr"]
        .iter()
        .find_map(|s| compact.strip_suffix(s))
        .unwrap_or(&compact);
    // `12.5h` is hours with a unit; `12h30` is hours and minutes.
    let body = match body.strip_suffix('h') {
        Some(b) if !b.contains('h') => b,
        _ => body,
    };
    let minutes_part = |m: &str| -> Option<u32> {
        let m = m
            .strip_suffix("min")
            .or_else(|| m.strip_suffix('m'))
            .unwrap_or(m);
        all_digits(m, 2)
            .then(|| small_number(m))
            .flatten()
            .filter(|m| *m < 60)
    };
    if let Some((h, m)) = body.split_once('h') {
        let h = small_number(h).ok_or_else(bad)?;
        let m = minutes_part(m).ok_or_else(bad)?;
        return Ok(h * 60 + m);
    }
    if body.contains(':') {
        let mut parts = body.split(':');
        let (h, m, s) = (parts.next(), parts.next(), parts.next());
        if parts.next().is_some() || s.is_some_and(|s| s != "00") {
            return Err(bad());
        }
        let (h, m) = (h.unwrap_or(""), m.unwrap_or(""));
        if m.len() != 2 {
            return Err(bad());
        }
        let h = small_number(h).ok_or_else(bad)?;
        let m = small_number(m).filter(|m| *m < 60).ok_or_else(bad)?;
        return Ok(h * 60 + m);
    }
    if let Some((whole, frac)) = body.split_once(['.', ',']) {
        let whole = if whole.is_empty() {
            0
        } else {
            small_number(whole).ok_or_else(bad)?
        };
        if !all_digits(frac, 6) {
            return Err(bad());
        }
        let scale = 10u64.pow(u32::try_from(frac.len()).unwrap_or(6));
        let frac: u64 = frac.parse().map_err(|_| bad())?;
        // Exact: 12.5 h is 750 minutes; 8.33 h is not a whole number of minutes.
        if (frac * 60) % scale != 0 {
            return Err(format!(
                "'{}' hours is not a whole number of minutes",
                quote(text)
            ));
        }
        let minutes = u64::from(whole) * 60 + frac * 60 / scale;
        return u32::try_from(minutes).map_err(|_| bad());
    }
    small_number(body).map(|h| h * 60).ok_or_else(bad)
}

/// A day name (`Mon`, `monday`, `Tu`, `Thurs`, with or without a final dot).
fn day_name(text: &str) -> Option<Weekday> {
    let lower = text.trim().trim_end_matches('.').to_lowercase();
    let day = match lower.as_str() {
        "mon" | "monday" | "mo" => Weekday::Mon,
        "tue" | "tues" | "tuesday" | "tu" => Weekday::Tue,
        "wed" | "weds" | "wednesday" | "we" => Weekday::Wed,
        "thu" | "thur" | "thurs" | "thursday" | "th" => Weekday::Thu,
        "fri" | "friday" | "fr" => Weekday::Fri,
        "sat" | "saturday" | "sa" => Weekday::Sat,
        "sun" | "sunday" | "su" => Weekday::Sun,
        _ => return None,
    };
    Some(day)
}

/// A day: a name, or `1` (Monday) to `7` (Sunday).
fn parse_day(text: &str) -> Result<Weekday, String> {
    if let Some(day) = day_name(text) {
        return Ok(day);
    }
    match small_number(text.trim()) {
        Some(n @ 1..=7) => Ok(Weekday::from_day_number(u64::from(n - 1))),
        _ if text.trim().is_empty() => Err("no day".into()),
        _ => Err(format!("day '{}' is not a day of the week", quote(text))),
    }
}

/// The number in a week label (`3`, `Week 3`, `wk3`, `W3`), if it is one.
fn week_label(text: &str) -> Option<u32> {
    let n = norm(text);
    let rest = ["week", "wk", "w"]
        .iter()
        .find_map(|p| n.strip_prefix(p))
        .unwrap_or(&n)
        .trim();
    all_digits(rest, 3).then(|| rest.parse().ok()).flatten()
}

/// A week of the cycle, 1–52.
fn parse_week(text: &str) -> Result<u8, String> {
    if text.trim().is_empty() {
        return Err("no week".into());
    }
    match week_label(text) {
        Some(n) => u8::try_from(n)
            .ok()
            .filter(|w| (1..=MAX_CYCLE_WEEKS).contains(w))
            .ok_or_else(|| format!("week {n} is outside 1–{MAX_CYCLE_WEEKS}")),
        None => Err(format!("'{}' is not a week number", quote(text))),
    }
}

/// A calendar day, as a day number (1970-01-01 = 0) and its date.
#[derive(Debug, Clone, Copy)]
struct CalDay {
    number: i64,
    year: u16,
    month: u8,
    day: u8,
}

impl CalDay {
    fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday (index 3).
        Weekday::from_day_number((self.number + 3).rem_euclid(7).unsigned_abs())
    }

    fn uk(self) -> String {
        format!("{:02}/{:02}/{:04}", self.day, self.month, self.year)
    }
}

/// Days from 1970-01-01 (proleptic Gregorian), exact for any year.
fn day_number(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A date: `DD/MM/YYYY` (UK order; `-` or `.` also separate; `YY` is
/// 20YY), `YYYY-MM-DD`, `5 Aug 2024`, `5th August 2024`, optionally after a
/// day name, which must match.
fn parse_date(text: &str) -> Result<CalDay, String> {
    let bad = || {
        format!(
            "'{}' is not a date (write DD/MM/YYYY or YYYY-MM-DD)",
            quote(text)
        )
    };
    let lower = text.trim().to_lowercase();
    let mut tokens: Vec<&str> = lower
        .split(['/', '-', '.', ' ', ','])
        .filter(|t| !t.is_empty())
        .collect();
    let named = tokens.first().and_then(|t| day_name(t));
    if named.is_some() {
        tokens.remove(0);
    }
    let [a, b, c] = tokens.as_slice() else {
        return Err(bad());
    };
    let number = |t: &str| small_number(t).ok_or_else(bad);
    let month = |t: &str| -> Result<u32, String> {
        if let Some(n) = small_number(t) {
            return Ok(n);
        }
        let found = (t.len() >= 3)
            .then(|| MONTHS.iter().position(|m| m.starts_with(t)))
            .flatten();
        found
            .and_then(|i| u32::try_from(i + 1).ok())
            .ok_or_else(bad)
    };
    let (y, m, d) = if a.len() == 4 {
        (number(a)?, month(b)?, number(c)?)
    } else {
        let d = ["st", "nd", "rd", "th"]
            .iter()
            .find_map(|s| a.strip_suffix(s))
            .unwrap_or(a);
        let y = match c.len() {
            2 => 2000 + number(c)?,
            4 => number(c)?,
            _ => return Err(bad()),
        };
        (y, month(b)?, number(d)?)
    };
    let (Ok(y16), Ok(m8), Ok(d8)) = (u16::try_from(y), u8::try_from(m), u8::try_from(d)) else {
        return Err(bad());
    };
    if Date::new(y16, m8, d8).is_none() {
        // Most likely a US-ordered date from a US-locale spreadsheet.
        if a.len() != 4 && m > 12 && (1..=12).contains(&d) {
            return Err(format!(
                "'{}' is not a date: dates are read day first (DD/MM/YYYY)",
                quote(text)
            ));
        }
        return Err(bad());
    }
    let day = CalDay {
        number: day_number(i64::from(y), i64::from(m), i64::from(d)),
        year: y16,
        month: m8,
        day: d8,
    };
    match named {
        Some(n) if n != day.weekday() => Err(format!(
            "{} is a {}, not a {}",
            day.uk(),
            day.weekday().short_name(),
            n.short_name()
        )),
        _ => Ok(day),
    }
}

/// A shift kind by name; `None` when the text names none.
fn parse_kind(text: &str) -> Option<ShiftKind> {
    let kind = match norm(text).as_str() {
        "worked" | "work" | "working" | "rostered" | "worked shift" | "rostered shift" => {
            ShiftKind::Worked
        }
        "on call"
        | "oncall"
        | "oc"
        | "non resident on call"
        | "non resident oncall"
        | "nonresident on call"
        | "non resident"
        | "nroc"
        | "non res on call"
        | "non resident oc"
        | "on call from home"
        | "from home" => ShiftKind::NonResidentOnCall,
        "resident on call" | "resident oncall" | "resident" | "roc" | "res on call"
        | "resident oc" | "on site on call" => ShiftKind::ResidentOnCall,
        _ => return None,
    };
    Some(kind)
}

/// The cells after the times, without a header: any naming a kind set it, the
/// others (joined) are the label. Multi-word kinds split at spaces are tried
/// whole first.
fn kind_and_label(rest: &[String]) -> (ShiftKind, Option<String>) {
    let parts: Vec<&str> = rest
        .iter()
        .map(String::as_str)
        .filter(|s| !s.is_empty())
        .collect();
    let label = |parts: &[&str]| (!parts.is_empty()).then(|| parts.join(" "));
    if parts.is_empty() {
        return (ShiftKind::Worked, None);
    }
    if let Some(kind) = parse_kind(&parts.join(" ")) {
        return (kind, None);
    }
    if let Some((first, others)) = parts.split_first() {
        if let Some(kind) = parse_kind(first) {
            return (kind, label(others));
        }
    }
    if let Some((last, others)) = parts.split_last() {
        if let Some(kind) = parse_kind(last) {
            return (kind, label(others));
        }
    }
    (ShiftKind::Worked, label(&parts))
}

fn unknown_kind(text: &str) -> String {
    format!(
        "kind '{}' is not worked, on-call, non-resident on-call or resident on-call",
        quote(text)
    )
}

/// Start and length from cells `start, end-or-length, …` (or `start-end, …`);
/// also how many cells they took. A second cell that is not a time but a
/// length (`12.5`, `12h`) is read as the length; one that tries to be a
/// time (`25:00`, `2530`) stays an error.
fn parse_times(cells: &[String]) -> Result<(ClockTime, u32, usize), String> {
    let cell = |i: usize| cells.get(i).map_or("", String::as_str);
    if let Some((a, b)) = split_range(cell(0)) {
        let start = parse_start(a)?;
        let end = parse_clock(b)?;
        return Ok((start, span(start, end), 1));
    }
    let start = parse_start(cell(0))?;
    let second = cell(1);
    if second.is_empty() {
        return Err("no end time or hours after the start".into());
    }
    match parse_clock(second) {
        Ok(end) => Ok((start, span(start, end), 2)),
        Err(e) => {
            let tries_time = second.contains(':') || all_digits(second, 4) && second.len() >= 3;
            if tries_time {
                return Err(e);
            }
            parse_duration(second).map(|m| (start, m, 2))
        }
    }
}

/// "25 h 30 min".
fn describe_minutes(minutes: u32) -> String {
    match minutes % 60 {
        0 => format!("{} h", minutes / 60),
        m => format!("{} h {m} min", minutes / 60),
    }
}

/// The checks the engine's validation would make of one shift on its own.
fn check_length(minutes: u32, kind: ShiftKind) -> Result<(), String> {
    if minutes == 0 {
        return Err("a shift must last at least one minute (this one lasts 0)".into());
    }
    if minutes > kind.max_minutes() {
        return Err(match kind {
            ShiftKind::Worked => format!(
                "a worked shift lasts at most 24 h (this one lasts {})",
                describe_minutes(minutes)
            ),
            _ => format!(
                "an on-call period lasts at most 72 h (this one lasts {})",
                describe_minutes(minutes)
            ),
        });
    }
    Ok(())
}

fn check_label(label: Option<&str>) -> Result<(), String> {
    match label {
        Some(l) if l.len() > MAX_TEXT * 4 || l.chars().count() > MAX_TEXT => {
            Err(format!("the label is longer than {MAX_TEXT} characters"))
        }
        _ => Ok(()),
    }
}

fn make_shift(
    week: u8,
    day: Weekday,
    start: ClockTime,
    minutes: u32,
    kind: ShiftKind,
    label: Option<String>,
) -> Result<Shift, String> {
    if week == 0 || week > MAX_CYCLE_WEEKS {
        return Err(format!("week {week} is outside 1–{MAX_CYCLE_WEEKS}"));
    }
    check_length(minutes, kind)?;
    check_label(label.as_deref())?;
    Ok(Shift {
        week,
        day,
        start,
        minutes,
        kind,
        label,
        expected_work: Vec::new(),
    })
}

// ---------------------------------------------------------------------------
// Which shape
// ---------------------------------------------------------------------------

/// A list column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    Week,
    Day,
    Date,
    Start,
    End,
    Hours,
    Kind,
    Label,
}

/// The column a header cell names, if any.
fn column_name(text: &str) -> Option<Col> {
    let col = match norm(text).as_str() {
        "week" | "wk" | "week no" | "week number" | "week num" | "wk no" | "rota week"
        | "cycle week" => Col::Week,
        "day" | "weekday" | "day of week" | "day of the week" | "dow" | "day name" => Col::Day,
        "date" | "shift date" | "day date" => Col::Date,
        "start" | "start time" | "starts" | "from" | "begin" | "begins" | "time from"
        | "start at" | "starting" => Col::Start,
        "end" | "end time" | "ends" | "finish" | "finish time" | "finishes" | "to" | "until"
        | "time to" | "end at" | "stop" => Col::End,
        "hours" | "hrs" | "duration" | "length" | "duration hours" | "length hours"
        | "duration hrs" | "hours worked" | "shift length" | "shift hours" => Col::Hours,
        "kind" | "type" | "shift type" | "shift kind" | "category" | "work type" => Col::Kind,
        "label" | "name" | "shift" | "shift name" | "description" | "notes" | "note"
        | "comment" | "code" | "shift code" => Col::Label,
        _ => return None,
    };
    Some(col)
}

/// A cell that holds a time, or a range of times.
fn time_cell(text: &str) -> bool {
    parse_clock(text).is_ok()
        || split_range(text).is_some_and(|(a, b)| parse_clock(a).is_ok() && parse_clock(b).is_ok())
}

/// Where the cells of a list row are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layout {
    /// `week, day, start, …`
    WeekDay,
    /// `date, start, …`
    Date,
    /// `day, start, …`
    Day,
}

/// The layout of a row that looks like one shift without a header.
fn list_like(rec: &Record) -> Option<Layout> {
    let (c0, c1, c2) = (rec.cell(0), rec.cell(1), rec.cell(2));
    if parse_date(c0).is_ok() && time_cell(c1) {
        Some(Layout::Date)
    } else if week_label(c0).is_some() && parse_day(c1).is_ok() && time_cell(c2) {
        Some(Layout::WeekDay)
    } else if parse_day(c0).is_ok() && time_cell(c1) {
        Some(Layout::Day)
    } else {
        None
    }
}

/// A legend row: a code, then a time (`LD, 08:00, 20:30, long day`).
fn legend_like(rec: &Record) -> bool {
    let c0 = rec.cell(0);
    !c0.is_empty()
        && c0.chars().count() <= 12
        && week_label(c0).is_none()
        && parse_day(c0).is_err()
        && parse_date(c0).is_err()
        && !time_cell(c0)
        && time_cell(rec.cell(1))
}

/// `Legend`, `Key:`, `Shift codes`: the legend starts on this row.
fn is_marker(text: &str) -> bool {
    matches!(
        norm(text).as_str(),
        "legend" | "key" | "codes" | "shift codes" | "shift key" | "code key" | "legend key"
    )
}

/// A word saying "no shift", in a legend or a list row.
fn is_off_word(text: &str) -> bool {
    matches!(
        norm(text).as_str(),
        "off"
            | "o"
            | "rest"
            | "rest day"
            | "off day"
            | "none"
            | "day off"
            | "no shift"
            | "leave"
            | "zero"
            | "zero day"
    ) || matches!(text.trim(), "-" | "–" | "—")
}

fn is_off(code: &str) -> bool {
    let code = code.trim();
    code.is_empty() || OFF_CODES.iter().any(|o| o.eq_ignore_ascii_case(code))
}

/// A legend's header row (`Code, Start, End, Description`): it names
/// columns, not a code.
fn legend_header(rec: &Record) -> bool {
    matches!(
        norm(rec.cell(0)).as_str(),
        "code" | "codes" | "shift code" | "shift" | "key"
    ) && column_name(rec.cell(1)).is_some()
}

/// Codes that make a row look like a week of the grid (upper case).
struct Known(BTreeSet<String>);

impl Known {
    fn from(records: &[Record]) -> Known {
        let mut codes: BTreeSet<String> =
            DEFAULT_CODES.iter().map(|d| d.code.to_string()).collect();
        codes.extend(
            records
                .iter()
                .filter(|r| legend_like(r))
                .map(|r| r.cell(0).to_uppercase()),
        );
        Known(codes)
    }

    fn knows(&self, cell: &str) -> bool {
        let one = |c: &str| {
            let c = c.trim();
            (!c.is_empty() && is_off(c)) || self.0.contains(&c.to_uppercase())
        };
        one(cell) || (cell.contains('+') && cell.split('+').all(one))
    }
}

/// A row of codes: no times or dates, at most a label and seven days, and at
/// least half its codes known.
fn grid_like(rec: &Record, known: &Known) -> bool {
    let cells = rec.filled();
    let skip = usize::from(week_label(rec.cell(0)).is_some());
    let codes = cells.get(skip..).unwrap_or_default();
    if codes.is_empty() || codes.len() > 8 {
        return false;
    }
    if codes.iter().any(|c| time_cell(c) || parse_date(c).is_ok()) {
        return false;
    }
    let filled: Vec<&String> = codes.iter().filter(|c| !c.is_empty()).collect();
    let hits = filled.iter().filter(|c| known.knows(c)).count();
    hits > 0 && hits * 2 >= filled.len()
}

/// A list header: which column each cell names. Needs a start and a week,
/// day or date column, and no cell that is itself data.
fn list_header(rec: &Record) -> Option<Vec<Option<Col>>> {
    let cols: Vec<Option<Col>> = rec.cells.iter().map(|c| column_name(c)).collect();
    let has = |col: Col| cols.contains(&Some(col));
    let ok = has(Col::Start)
        && (has(Col::Week) || has(Col::Day) || has(Col::Date))
        && list_like(rec).is_none();
    ok.then_some(cols)
}

/// A grid header: the column of each day, when at least five distinct days are
/// named (`Mon`, `Monday`, `Mon 5/8`).
fn grid_header(rec: &Record) -> Option<[Option<usize>; 7]> {
    let mut days = [None; 7];
    let mut named = 0;
    for (i, cell) in rec.cells.iter().enumerate() {
        let first = cell.split([' ', ',']).next().unwrap_or("");
        if let Some(day) = day_name(first) {
            let slot = days.get_mut(usize::try_from(day.index()).unwrap_or(0))?;
            if slot.is_some() {
                return None;
            }
            *slot = Some(i);
            named += 1;
        }
    }
    (named >= 5).then_some(days)
}

/// The shape found, with where its header is.
enum Found {
    ListHeader(usize, Vec<Option<Col>>),
    List(Layout),
    GridHeader(usize, [Option<usize>; 7]),
    Grid,
}

fn find_shape(records: &[Record]) -> Result<Found, String> {
    let filled = records.iter().enumerate().filter(|(_, r)| !r.is_blank());
    for (n, (at, rec)) in filled.take(GRID_HEADER_SEARCH_ROWS).enumerate() {
        if let Some(days) = grid_header(rec) {
            return Ok(Found::GridHeader(at, days));
        }
        if n < HEADER_SEARCH_ROWS {
            if let Some(cols) = list_header(rec) {
                return Ok(Found::ListHeader(at, cols));
            }
        }
    }
    let known = Known::from(records);
    let (mut list, mut grid, mut first_layout) = (0usize, 0usize, None);
    for rec in records.iter().filter(|r| !r.is_blank()) {
        if let Some(layout) = list_like(rec) {
            list += 1;
            first_layout.get_or_insert(layout);
        } else if grid_like(rec, &known) {
            grid += 1;
        }
    }
    match first_layout {
        Some(layout) if list >= grid => Ok(Found::List(layout)),
        _ if grid > 0 => Ok(Found::Grid),
        _ => Err(
            "This paste is in neither shape the rota editor reads: one row per shift \
                  (week, day, start, end — or date, start, end), or one row per week with a \
                  column per day (Mon to Sun) holding shift codes. See the help for examples."
                .into(),
        ),
    }
}

// ---------------------------------------------------------------------------
// The list shape
// ---------------------------------------------------------------------------

/// Where a list row's fields are: from a header, or by position.
struct Columns {
    week: Option<usize>,
    day: Option<usize>,
    date: Option<usize>,
    start: usize,
    end: Option<usize>,
    hours: Option<usize>,
    kind: Option<usize>,
    label: Option<usize>,
    /// Without a header: the times are read by position from `start`, and
    /// the cells after them give the kind and label.
    positional_rest: bool,
}

/// When a row's shift is, before weeks are known for dates and day lists.
#[derive(Clone, Copy)]
enum When {
    Week(u8, Weekday),
    Date(CalDay),
    Day(Weekday),
}

/// One list row read so far.
struct ListRow<'r> {
    rec: &'r Record<'r>,
    when: Option<When>,
    times: Option<(ClockTime, u32, ShiftKind, Option<String>)>,
    errors: Vec<String>,
    /// Marked as a day off (`Sat, OFF`): no shift, and not a problem.
    off: bool,
}

fn header_columns(cols: &[Option<Col>], header: &Record, out: &mut Out) -> Result<Columns, String> {
    let find = |col: Col| cols.iter().position(|c| *c == Some(col));
    let mut ignored: Vec<String> = Vec::new();
    for (i, col) in cols.iter().enumerate() {
        let first = col.is_some_and(|c| find(c) == Some(i));
        if !first && !header.cell(i).is_empty() {
            ignored.push(format!("'{}'", quote(header.cell(i))));
        }
    }
    if !ignored.is_empty() {
        out.notes
            .push(format!("columns not read: {}", ignored.join(", ")));
    }
    if find(Col::End).is_none() && find(Col::Hours).is_none() {
        return Err(
            "The header has no 'end' or 'hours' column: each shift needs an end time or a length."
                .into(),
        );
    }
    if find(Col::Week).is_some() && find(Col::Day).is_none() && find(Col::Date).is_none() {
        return Err(
            "The header has a 'week' column but no 'day' column: say which day each shift is on."
                .into(),
        );
    }
    Ok(Columns {
        week: find(Col::Week),
        day: find(Col::Day),
        date: find(Col::Date),
        start: find(Col::Start).unwrap_or(0),
        end: find(Col::End),
        hours: find(Col::Hours),
        kind: find(Col::Kind),
        label: find(Col::Label),
        positional_rest: false,
    })
}

fn positional_columns(layout: Layout) -> Columns {
    let (week, day, date, start) = match layout {
        Layout::WeekDay => (Some(0), Some(1), None, 2),
        Layout::Date => (None, None, Some(0), 1),
        Layout::Day => (None, Some(0), None, 1),
    };
    Columns {
        week,
        day,
        date,
        start,
        end: None,
        hours: None,
        kind: None,
        label: None,
        positional_rest: true,
    }
}

/// Reads the rows after the header (or all rows); returns the cycle length.
fn parse_list(
    records: &[Record],
    header: Option<(usize, Vec<Option<Col>>)>,
    layout: Option<Layout>,
    out: &mut Out,
) -> Result<u8, String> {
    let (first, columns) = match (&header, layout) {
        (Some((at, cols)), _) => {
            let rec = records.get(*at).ok_or("no header")?;
            out.notes
                .push(format!("row {} read as the header", rec.row));
            for above in records.get(..*at).unwrap_or_default() {
                if !above.is_blank() {
                    out.problem(above, "above the header row: not read");
                }
            }
            (at + 1, header_columns(cols, rec, out)?)
        }
        (None, Some(layout)) => (0, positional_columns(layout)),
        (None, None) => return Err("no layout".into()),
    };
    let rows: Vec<ListRow> = records
        .get(first..)
        .unwrap_or_default()
        .iter()
        .filter(|r| !r.is_blank())
        .map(|rec| read_list_row(rec, &columns))
        .collect();
    if rows.is_empty() {
        return Err("The paste has a header row but no rows of shifts below it.".into());
    }
    let weeks = place_list_rows(rows, &columns, out);
    Ok(weeks)
}

fn read_list_row<'r>(rec: &'r Record<'r>, c: &Columns) -> ListRow<'r> {
    let mut errors = Vec::new();
    let cell = |i: Option<usize>| i.map_or("", |i| rec.cell(i));
    let when = if let Some(i) = c.date {
        match parse_date(rec.cell(i)) {
            Ok(date) => {
                let named = cell(c.day);
                match parse_day(named) {
                    Ok(day) if day != date.weekday() => {
                        errors.push(format!(
                            "{} is a {}, not a {}",
                            date.uk(),
                            date.weekday().short_name(),
                            day.short_name()
                        ));
                        None
                    }
                    Err(e) if !named.is_empty() => {
                        errors.push(e);
                        None
                    }
                    _ => Some(When::Date(date)),
                }
            }
            Err(e) => {
                errors.push(e);
                None
            }
        }
    } else {
        let day = parse_day(cell(c.day)).map_err(|e| errors.push(e)).ok();
        match c.week {
            Some(i) => {
                let week = parse_week(rec.cell(i)).map_err(|e| errors.push(e)).ok();
                week.zip(day).map(|(w, d)| When::Week(w, d))
            }
            None => day.map(When::Day),
        }
    };
    if marked_off(rec, c) {
        return ListRow {
            rec,
            when,
            times: None,
            errors,
            off: true,
        };
    }
    let times = if c.positional_rest {
        let from = rec.cells.get(c.start..).unwrap_or_default();
        parse_times(from).map(|(start, minutes, used)| {
            let rest = from.get(used..).unwrap_or_default();
            let (kind, label) = kind_and_label(rest);
            (start, minutes, kind, label)
        })
    } else {
        mapped_times(rec, c)
    };
    let times = times.map_err(|e| errors.push(e)).ok();
    ListRow {
        rec,
        when,
        times,
        errors,
        off: false,
    }
}

/// A row saying there is no shift: without a header, `OFF` where the start
/// would be; with one, no times and `OFF` in the times, kind or label.
fn marked_off(rec: &Record, c: &Columns) -> bool {
    if c.positional_rest {
        return is_off_word(rec.cell(c.start));
    }
    let cell = |i: Option<usize>| i.map_or("", |i| rec.cell(i));
    let times = [rec.cell(c.start), cell(c.end), cell(c.hours)];
    times.iter().all(|t| t.is_empty() || is_off_word(t))
        && times
            .iter()
            .chain(&[cell(c.kind), cell(c.label)])
            .any(|t| is_off_word(t))
}

/// Times, kind and label of a row read through a header.
fn mapped_times(
    rec: &Record,
    c: &Columns,
) -> Result<(ClockTime, u32, ShiftKind, Option<String>), String> {
    let cell = |i: Option<usize>| i.map_or("", |i| rec.cell(i));
    let (start_cell, end_cell, hours_cell) = (rec.cell(c.start), cell(c.end), cell(c.hours));
    let (start, minutes) = match split_range(start_cell) {
        Some((a, b)) if end_cell.is_empty() && hours_cell.is_empty() => {
            let start = parse_start(a)?;
            (start, span(start, parse_clock(b)?))
        }
        _ => {
            let start = parse_start(start_cell)?;
            // The end wins over hours: a rota's hours are often paid hours, net of breaks.
            let minutes = if !end_cell.is_empty() {
                span(start, parse_clock(end_cell)?)
            } else if !hours_cell.is_empty() {
                parse_duration(hours_cell)?
            } else {
                return Err("no end time or hours".into());
            };
            (start, minutes)
        }
    };
    let kind_cell = cell(c.kind);
    let kind = if kind_cell.is_empty() {
        ShiftKind::Worked
    } else {
        parse_kind(kind_cell).ok_or_else(|| unknown_kind(kind_cell))?
    };
    let label = Some(cell(c.label).to_string()).filter(|l| !l.is_empty());
    Ok((start, minutes, kind, label))
}

/// Gives every row its week (from dates, or counting days), makes the shifts
/// and returns the cycle length.
fn place_list_rows(rows: Vec<ListRow>, c: &Columns, out: &mut Out) -> u8 {
    let first_date = rows
        .iter()
        .filter_map(|r| match r.when {
            Some(When::Date(d)) => Some(d),
            _ => None,
        })
        .min_by_key(|d| d.number);
    let monday = first_date.map(|d| d.number - i64::from(d.weekday() as u8));
    if let Some(d) = first_date {
        out.notes.push(format!(
            "weeks from dates: week 1 is the week of {} (Monday to Sunday)",
            d.uk()
        ));
    }
    if c.date.is_none() && c.week.is_none() {
        out.notes.push(
            "no week column: a new week starts each time the day goes back (e.g. Sun, then Mon)"
                .into(),
        );
    }
    let (mut weeks, mut counted_week, mut last_day) = (0u8, 1u32, None::<Weekday>);
    let mut off_rows = 0usize;
    for mut row in rows {
        let placed = match row.when {
            Some(When::Week(w, d)) => Some((u32::from(w), d)),
            Some(When::Date(date)) => {
                let offset = date.number - monday.unwrap_or(date.number);
                let week = u32::try_from(offset / 7 + 1).unwrap_or(u32::MAX);
                Some((week, date.weekday()))
            }
            Some(When::Day(d)) => {
                if last_day.is_some_and(|last| d < last) {
                    counted_week += 1;
                }
                last_day = Some(d);
                Some((counted_week, d))
            }
            None => None,
        };
        let mut week_ok = None;
        if let Some((week, day)) = placed {
            match u8::try_from(week)
                .ok()
                .filter(|w| (1..=MAX_CYCLE_WEEKS).contains(w))
            {
                Some(w) => {
                    weeks = weeks.max(w);
                    week_ok = Some((w, day));
                }
                None => row.errors.push(match first_date {
                    Some(d) if c.date.is_some() => format!(
                        "more than {MAX_CYCLE_WEEKS} weeks after the first date ({})",
                        d.uk()
                    ),
                    _ => format!("week {week} is outside 1–{MAX_CYCLE_WEEKS}"),
                }),
            }
        }
        if let (Some((week, day)), Some((start, minutes, kind, label)), true) =
            (week_ok, row.times.take(), row.errors.is_empty())
        {
            match make_shift(week, day, start, minutes, kind, label) {
                Ok(shift) => out.shifts.push(shift),
                Err(e) => row.errors.push(e),
            }
        }
        if !row.errors.is_empty() {
            out.problem(row.rec, row.errors.join("; "));
        } else if row.off {
            off_rows += 1;
        }
    }
    if off_rows > 0 {
        out.notes.push(format!(
            "{off_rows} row{} marked off: no shift",
            if off_rows == 1 { "" } else { "s" }
        ));
    }
    let empty: Vec<String> = (1..=weeks)
        .filter(|w| !out.shifts.iter().any(|s| s.week == *w))
        .map(|w| w.to_string())
        .collect();
    if !empty.is_empty() && !out.shifts.is_empty() {
        out.notes
            .push(format!("weeks with no shifts: {}", empty.join(", ")));
    }
    weeks.max(1)
}

// ---------------------------------------------------------------------------
// The grid shape
// ---------------------------------------------------------------------------

/// What a code means.
#[derive(Debug, Clone)]
enum CodeDef {
    Off,
    Shift {
        start: ClockTime,
        minutes: u32,
        kind: ShiftKind,
        label: String,
    },
}

/// The legend's codes, then the built-in ones.
struct Codes {
    /// Upper-cased code, its meaning, as the legend gave them.
    legend: Vec<(String, CodeDef)>,
    defaults: Vec<(String, CodeDef)>,
}

impl Codes {
    fn new() -> Codes {
        let defaults = DEFAULT_CODES
            .iter()
            .filter_map(|d| {
                let start = parse_clock(d.start).ok()?;
                let end = parse_clock(d.end).ok()?;
                let def = CodeDef::Shift {
                    start,
                    minutes: span(start, end),
                    kind: d.kind,
                    label: d.label.to_string(),
                };
                Some((d.code.to_string(), def))
            })
            .collect();
        Codes {
            legend: Vec::new(),
            defaults,
        }
    }

    fn get(&self, code: &str) -> Option<CodeDef> {
        let key = code.trim().to_uppercase();
        let found = |list: &[(String, CodeDef)]| {
            list.iter()
                .find(|(k, _)| *k == key)
                .map(|(_, def)| def.clone())
        };
        found(&self.legend)
            .or_else(|| found(&self.defaults))
            .or_else(|| is_off(&key).then_some(CodeDef::Off))
    }

    fn unknown(&self, code: &str) -> String {
        let names = |list: &[(String, CodeDef)]| {
            list.iter()
                .map(|(k, _)| k.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
        if self.legend.is_empty() {
            format!(
                "unknown code '{}' (built-in codes: {}; add a legend to define others)",
                quote(code),
                names(&self.defaults)
            )
        } else {
            let built_in: Vec<(String, CodeDef)> = self
                .defaults
                .iter()
                .filter(|(k, _)| !self.legend.iter().any(|(l, _)| l == k))
                .cloned()
                .collect();
            let mut text = format!(
                "unknown code '{}' (legend has {}",
                quote(code),
                names(&self.legend)
            );
            if !built_in.is_empty() {
                text.push_str(&format!("; built in: {}", names(&built_in)));
            }
            text + ")"
        }
    }
}

/// A legend row, from cell `from` on: `code, start, end-or-hours[, kind][,
/// label]`, `code, start-end, …` or `code, off`.
fn legend_entry(rec: &Record, from: usize) -> Result<(String, CodeDef), String> {
    let cells = rec.cells.get(from..).unwrap_or_default();
    let code = cells.first().map_or("", String::as_str);
    if code.is_empty() {
        return Err("a legend row starts with the code".into());
    }
    if code.chars().count() > 20 {
        return Err(format!(
            "code '{}' is longer than 20 characters",
            quote(code)
        ));
    }
    let spec = cells.get(1..).unwrap_or_default();
    let first = spec.first().map_or("", String::as_str);
    if is_off_word(first) {
        return Ok((code.to_uppercase(), CodeDef::Off));
    }
    if spec.iter().all(String::is_empty) {
        return Err(format!(
            "code '{}' has no times: give a start and an end (or hours), or write 'off'",
            quote(code)
        ));
    }
    let (start, minutes, used) = parse_times(spec)?;
    let (kind, label) = kind_and_label(spec.get(used..).unwrap_or_default());
    check_length(minutes, kind)?;
    let label = label.unwrap_or_else(|| code.to_string());
    check_label(Some(&label))?;
    Ok((
        code.to_uppercase(),
        CodeDef::Shift {
            start,
            minutes,
            kind,
            label,
        },
    ))
}

/// A row of the grid: a week, or an empty row (a week off, unless it trails).
enum GridRow<'r> {
    Week(&'r Record<'r>),
    Empty,
}

/// Reads the grid and its legend; returns the cycle length.
fn parse_grid(
    records: &[Record],
    header: Option<(usize, [Option<usize>; 7])>,
    delim: Delim,
    out: &mut Out,
) -> Result<u8, String> {
    let body_from = header.map_or(0, |(at, _)| at + 1);
    let mut legend: Vec<(&Record, usize)> = Vec::new();
    let mut header_width = None;
    if let Some((at, days)) = header {
        if let Some(rec) = records.get(at) {
            out.notes
                .push(format!("row {} read as the header", rec.row));
            header_width = Some(rec.filled().len());
            let ignored: Vec<String> = rec
                .filled()
                .iter()
                .enumerate()
                .filter(|(i, c)| {
                    !c.is_empty() && !days.contains(&Some(*i)) && column_name(c) != Some(Col::Week)
                })
                .map(|(_, c)| format!("'{}'", quote(c)))
                .collect();
            if !ignored.is_empty() {
                out.notes
                    .push(format!("columns not read: {}", ignored.join(", ")));
            }
        }
        // A legend may sit above the grid; anything else there is reported.
        let mut above_legend = false;
        for above in records.get(..at).unwrap_or_default() {
            if above.is_blank() {
                continue;
            }
            if is_marker(above.cell(0)) {
                above_legend = true;
                if above.cells.iter().skip(1).any(|c| !c.is_empty()) {
                    legend.push((above, 1));
                }
            } else if legend_header(above) {
                above_legend = true;
            } else if above_legend || legend_like(above) {
                legend.push((above, 0));
            } else {
                out.problem(above, "above the header row: not read");
            }
        }
    }
    let body = records.get(body_from..).unwrap_or_default();
    let known = Known::from(records);
    // Sort rows into weeks and legend rows.
    let (mut started, mut in_legend, mut saw_blank) = (header.is_some(), false, false);
    let mut rows: Vec<GridRow> = Vec::new();
    for rec in body {
        if rec.is_blank() {
            if started && !in_legend {
                // A copied rectangle writes an empty week as a row of empty cells.
                if rec.cells.len() >= 5 {
                    rows.push(GridRow::Empty);
                }
                saw_blank = true;
            }
            continue;
        }
        if is_marker(rec.cell(0)) {
            in_legend = true;
            if rec.cells.iter().skip(1).any(|c| !c.is_empty()) {
                legend.push((rec, 1));
            }
            continue;
        }
        if in_legend {
            legend.push((rec, 0));
            continue;
        }
        if legend_header(rec) {
            in_legend = started;
            continue;
        }
        if legend_like(rec) {
            // A legend above the grid does not end it.
            in_legend = started;
            legend.push((rec, 0));
            continue;
        }
        let grid = grid_like(rec, &known);
        if !started {
            if grid {
                started = true;
            } else {
                out.problem(rec, "above the first week of the grid: not read");
                continue;
            }
        }
        if saw_blank && !grid {
            in_legend = true;
            legend.push((rec, 0));
            continue;
        }
        rows.push(GridRow::Week(rec));
    }
    while matches!(rows.last(), Some(GridRow::Empty)) {
        rows.pop();
    }
    let codes = read_legend(&legend, out);
    if rows.is_empty() {
        return Err("The paste has no rows of shift codes (one row per week, Mon to Sun).".into());
    }
    let days = match header {
        Some((_, days)) => days,
        None => {
            // A first column of week labels, or of anything but codes when
            // rows have eight cells (also an empty first column copied along).
            let labelled = rows.iter().any(|r| match r {
                GridRow::Week(rec) => {
                    week_label(rec.cell(0)).is_some()
                        || (rec.filled().len() >= 8 && !known.knows(rec.cell(0)))
                }
                GridRow::Empty => false,
            });
            if labelled {
                out.notes.push("first column read as week labels".into());
            }
            let offset = usize::from(labelled);
            std::array::from_fn(|d| Some(d + offset))
        }
    };
    // With a header, its named columns (week labels, totals) are not extra cells.
    let width = days
        .iter()
        .flatten()
        .max()
        .map_or(0, |m| m + 1)
        .max(header_width.unwrap_or(0));
    let mut weeks = 0u8;
    for (i, row) in rows.iter().enumerate() {
        let week = i + 1;
        let GridRow::Week(rec) = row else {
            weeks = weeks.max(u8::try_from(week).unwrap_or(u8::MAX).min(MAX_CYCLE_WEEKS));
            continue;
        };
        let Some(week) = u8::try_from(week).ok().filter(|w| *w <= MAX_CYCLE_WEEKS) else {
            out.problem(
                rec,
                format!("week {week}: a rota cycle has at most {MAX_CYCLE_WEEKS} weeks"),
            );
            continue;
        };
        weeks = week;
        read_week(rec, week, &days, width, &codes, delim, out);
    }
    if !codes.legend.is_empty() {
        let names: Vec<&str> = codes.legend.iter().map(|(k, _)| k.as_str()).collect();
        out.notes.push(format!(
            "legend: {} code{} ({})",
            names.len(),
            if names.len() == 1 { "" } else { "s" },
            names.join(", ")
        ));
    } else {
        out.notes.push("no legend: built-in codes used".into());
    }
    Ok(weeks.max(1))
}

fn read_legend(rows: &[(&Record, usize)], out: &mut Out) -> Codes {
    let mut codes = Codes::new();
    let mut defined_at: Vec<(String, usize)> = Vec::new();
    for (rec, from) in rows {
        if *from == 0 && legend_header(rec) {
            continue;
        }
        match legend_entry(rec, *from) {
            Ok((code, def)) => {
                if let Some((_, row)) = defined_at.iter().find(|(c, _)| *c == code) {
                    out.problem(
                        rec,
                        format!(
                            "code '{}' is already defined in row {row}; this row was not used",
                            quote(&code)
                        ),
                    );
                } else {
                    defined_at.push((code.clone(), rec.row));
                    codes.legend.push((code, def));
                }
            }
            Err(e) => out.problem(rec, format!("legend: {e}")),
        }
    }
    codes
}

/// The shifts of one week row.
fn read_week(
    rec: &Record,
    week: u8,
    days: &[Option<usize>; 7],
    width: usize,
    codes: &Codes,
    delim: Delim,
    out: &mut Out,
) {
    let first_day = days.iter().flatten().min().copied().unwrap_or(0);
    if delim == Delim::Spaces && rec.cells.len() < width {
        out.problem(
            rec,
            format!(
                "only {} day{}: with cells split at spaces, write OFF for a day off",
                rec.cells.len().saturating_sub(first_day),
                if rec.cells.len().saturating_sub(first_day) == 1 {
                    ""
                } else {
                    "s"
                }
            ),
        );
        return;
    }
    for (day, column) in Weekday::ALL.iter().zip(days) {
        let Some(column) = column else { continue };
        let cell = rec.cell(*column);
        let parts: Vec<&str> = if codes.get(cell).is_some() || !cell.contains('+') {
            vec![cell]
        } else {
            cell.split('+').map(str::trim).collect()
        };
        if parts.len() > MAX_CODES_PER_CELL {
            out.problem(
                rec,
                format!(
                    "{}: more than {MAX_CODES_PER_CELL} codes in one cell",
                    day.short_name()
                ),
            );
            continue;
        }
        for part in parts {
            match codes.get(part) {
                Some(CodeDef::Off) => {}
                Some(CodeDef::Shift {
                    start,
                    minutes,
                    kind,
                    label,
                }) => match make_shift(week, *day, start, minutes, kind, Some(label)) {
                    Ok(shift) => out.shifts.push(shift),
                    Err(e) => out.problem(rec, format!("{}: {e}", day.short_name())),
                },
                None => out.problem(
                    rec,
                    format!("{}: {}", day.short_name(), codes.unknown(part)),
                ),
            }
        }
    }
    let extra: Vec<String> = rec
        .cells
        .iter()
        .enumerate()
        .filter(|(i, c)| *i >= width && !c.is_empty())
        .map(|(_, c)| format!("'{}'", quote(c)))
        .collect();
    if !extra.is_empty() {
        out.problem(
            rec,
            format!(
                "cells after the last day were not read: {}",
                extra.join(", ")
            ),
        );
    }
}

// ---------------------------------------------------------------------------
// The result
// ---------------------------------------------------------------------------

#[derive(Default)]
struct Out {
    shifts: Vec<Shift>,
    problems: Vec<RowProblem>,
    notes: Vec<String>,
}

impl Out {
    fn problem(&mut self, rec: &Record, reason: impl Into<String>) {
        self.problems.push(RowProblem {
            row: rec.row,
            text: excerpt(rec.raw),
            reason: reason.into(),
        });
    }

    fn finish(mut self, shape: PasteShape, weeks: u8) -> PastePreview {
        self.shifts.sort_by_key(|s| (s.week, s.day, s.start));
        self.problems.sort_by_key(|p| p.row);
        let overnight = self
            .shifts
            .iter()
            .filter(|s| s.start.minutes() + u64::from(s.minutes) > 1_440)
            .count();
        if overnight > 0 {
            self.notes.push(format!(
                "{overnight} shift{} end{} the next day",
                if overnight == 1 { "" } else { "s" },
                if overnight == 1 { "s" } else { "" }
            ));
        }
        if self.shifts.iter().any(|s| s.kind != ShiftKind::Worked) {
            self.notes
                .push("on-call periods have no expected work yet: add it in the editor".into());
        }
        PastePreview {
            shape,
            weeks: weeks.clamp(1, MAX_CYCLE_WEEKS),
            shifts: self.shifts,
            rows: self.problems,
            notes: self.notes,
        }
    }
}
