//! Reading a rota pasted from a spreadsheet (issue #9).
//!
//! [`parse_paste`] turns cells copied from Excel, Google Sheets or LibreOffice
//! (tab-separated), or CSV text (commas or semicolons, `"quoted"` cells with
//! `""` for a quote, which may hold the delimiter or a line break), into
//! shifts for the rota editor to preview. Nothing is imported here: the page
//! shows the [`PastePreview`] — the shifts, every row that could not be read
//! and why, and notes on how the paste was understood — and asks before
//! replacing the rota. No input makes it panic.
//!
//! Cells are split at tabs when the paste holds any; otherwise at semicolons
//! or commas, whichever appears more often outside quotes (semicolons win a
//! tie; with neither outside quotes, semicolons if there are any). Lines end with LF or CRLF; blank rows, surrounding spaces in cells
//! and a leading byte-order mark are ignored.
//!
//! # Two shapes, recognised automatically
//!
//! ## List: one row per shift
//!
//! | column | accepted |
//! |---|---|
//! | `week` | a number, 1–52 |
//! | `day` | `Mon` or `Monday` in any case, or `1` (Monday) to `7` (Sunday) |
//! | `date` (instead of week and day) | `DD/MM/YYYY` or `YYYY-MM-DD` |
//! | `start` | `08:00`, `8:00` or `0800` |
//! | `end` | a time as for `start`; at or before the start means the next day (a night), `24:00` is the midnight that ends the day |
//! | `hours` | used when `end` is empty: decimal hours (`12.5`, or `12,5`) that come to whole minutes, or `h:mm` (`12:30`) |
//! | `kind` (optional) | empty or `worked` (the default), `on-call` (= non-resident), `non-resident on-call`, `resident on-call`; any case, `-` or space |
//! | `label` (optional) | any text, e.g. `long day` |
//!
//! When the first non-blank row holds a cell named `start` (and does not
//! name five days, which makes it a grid's header) it is the header: cells
//! named `week`, `day`, `date`, `start`, `end`, `hours`, `kind` and `label`
//! (any case, any order) say where each field is, other columns are ignored,
//! and the header must name `start`, `end` or `hours`, and `date` or both
//! `week` and `day`. A `date` column wins over `week` and `day`: the Monday of
//! the week of the earliest date starts week 1. The cycle is as many weeks as
//! the last week holding a shift.
//!
//! Without a header, every row is `week, day, start, end[, kind][, label]`
//! (the paste is a list when some row has a week number, a day and a time in
//! its first three cells); a fifth cell that names no kind is the label when
//! there is no sixth.
//!
//! Without a header the paste is otherwise a grid when some row holds a
//! built-in code or an off code, or has a time in its second cell (a legend
//! row); anything else is refused.
//!
//! ## Grid: one row per week
//!
//! One column per day, Monday to Sunday, each cell a shift code. An optional
//! first column labels the week (it is taken as a label when a row's first
//! cell starts with a digit or `week`, or a row has eight filled cells). An
//! optional first row naming at least five days (`Mon`, `Monday`) is the
//! header: then the days' columns may be in any order and other columns are
//! ignored. Weeks are numbered by row; a row of at least five empty cells (as
//! a copied rectangle writes it) is a week with no shifts. An empty cell,
//! `OFF`, `O` or `-` is a day off.
//!
//! Below the grid, after a blank row (fewer than five cells) or a row whose
//! first cell is `Legend` or `Key`, every row is a legend row giving a code
//! its times: `code, start, end or hours[, kind][, label]` — e.g.
//! `LD<TAB>08:00<TAB>20:30<TAB>long day` — or `code, off`. The third cell is
//! an end time when it holds `:` or four digits, and hours otherwise; kind
//! and label are read as in a list without a header. A row whose second cell
//! is a time is a legend row anywhere, and a legend row whose second cell is
//! `Start` (the legend's header) is skipped. Codes are matched ignoring case,
//! the first definition winning. Codes the legend does not define fall back
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
//! code as written in the legend. A bad cell is reported and the rest of its
//! week still read.
//!
//! # What is checked
//!
//! Each shift must last at least a minute and at most 24 hours when worked (72
//! hours on call), lie in weeks 1–52, and have a label of at most 200
//! characters. Each row that cannot be read is reported with its line number
//! (from 1), its text (cut to 80 characters) and the first thing wrong with
//! it. Overlapping shifts are left to the engine's validation, which names
//! them. On-call periods come with no expected work: the editor adds it.

use crate::engine::date::Date;
use crate::engine::rota::{Shift, ShiftKind, MAX_CYCLE_WEEKS};
use crate::engine::time::{ClockTime, Weekday};
use crate::engine::validate::MAX_TEXT;

/// Largest paste read, in bytes: a 52-week list with labels is far smaller.
pub const MAX_PASTE_BYTES: usize = 200 * 1024;
/// Most non-blank rows read (a rota has at most 2,000 shifts).
pub const MAX_PASTE_ROWS: usize = 2_000;

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

const fn code(
    code: &'static str,
    start: &'static str,
    end: &'static str,
    kind: ShiftKind,
    label: &'static str,
) -> DefaultCode {
    DefaultCode {
        code,
        start,
        end,
        kind,
        label,
    }
}

/// The built-in grid codes. They are common NHS patterns, not rules: a legend
/// in the paste overrides any of them.
pub const DEFAULT_CODES: [DefaultCode; 6] = [
    code("D", "09:00", "17:00", ShiftKind::Worked, "normal day"),
    code("LD", "08:00", "20:30", ShiftKind::Worked, "long day"),
    code("L", "14:00", "22:00", ShiftKind::Worked, "late"),
    code("E", "14:00", "22:00", ShiftKind::Worked, "evening"),
    code("N", "20:00", "08:30", ShiftKind::Worked, "night"),
    code(
        "OC",
        "17:00",
        "09:00",
        ShiftKind::NonResidentOnCall,
        "on call",
    ),
];

/// Grid cells meaning "no shift this day", besides an empty cell.
pub const OFF_CODES: [&str; 3] = ["OFF", "O", "-"];

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
    /// How the paste was understood ("row 1 read as the header", "legend:
    /// LD, N"), for the preview.
    pub notes: Vec<String>,
}

const EMPTY: &str =
    "The paste is empty: copy the rota's cells from the spreadsheet and paste them here.";

/// Header names, in the order of the column indexes below.
const NAMES: [&str; 8] = [
    "week", "day", "date", "start", "end", "hours", "kind", "label",
];
const WEEK: usize = 0;
const DAY: usize = 1;
const DATE: usize = 2;
const START: usize = 3;
const END: usize = 4;
const HOURS: usize = 5;
const KIND: usize = 6;
const LABEL: usize = 7;

/// Where each of [`NAMES`] is in a row.
type Columns = [Option<usize>; 8];

/// Start, length in minutes, kind and label (empty for none).
type Times = (ClockTime, u32, ShiftKind, String);

/// Reads pasted spreadsheet cells as a rota (see the module documentation for
/// the shapes). Rows that cannot be read are listed in
/// [`PastePreview::rows`] and skipped. `Err` says why nothing at all could be
/// used: an empty paste, one over 200 KB or 2,000 rows, binary data, or text
/// in neither shape.
pub fn parse_paste(text: &str) -> Result<PastePreview, String> {
    if text.len() > MAX_PASTE_BYTES {
        return Err(format!(
            "The paste is {} KB; at most {} KB can be read. Paste one rota at a time.",
            text.len().div_ceil(1024),
            MAX_PASTE_BYTES / 1024
        ));
    }
    let odd = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r') || *c == '\u{fffd}')
        .count();
    // A stray control character is a row problem; many mean a binary file.
    if text.contains('\0') || odd * 20 > text.len() {
        return Err("This does not look like text copied from a spreadsheet (it holds control characters). Copy the cells and paste them here.".into());
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let recs = split(text);
    let (Some(first), Some(head)) = (
        recs.iter().position(|r| !r.blank()),
        recs.iter().find(|r| !r.blank()),
    ) else {
        return Err(EMPTY.into());
    };
    let filled = recs.iter().filter(|r| !r.blank()).count();
    if filled > MAX_PASTE_ROWS {
        return Err(format!(
            "The paste has {filled} rows; at most {MAX_PASTE_ROWS} can be read. Paste one rota at a time."
        ));
    }
    let mut out = Out {
        shifts: Vec::new(),
        rows: Vec::new(),
        notes: Vec::new(),
    };
    let (mut cols, mut days, mut named) = ([None; 8], [None; 7], 0);
    for (i, cell) in head.cells.iter().enumerate() {
        if let Some(k) = NAMES.iter().position(|n| cell.eq_ignore_ascii_case(n)) {
            cols[k].get_or_insert(i);
        }
        if let Some(d) = day_name(cell).and_then(|d| days.get_mut(d)) {
            *d = Some(i);
            named += 1;
        }
    }
    let header = named >= 5 || cols[START].is_some();
    if header {
        out.notes
            .push(format!("row {} read as the header", head.row));
    }
    let rest = recs.get(first + usize::from(header)..).unwrap_or_default();
    let (shape, weeks) = if named >= 5 {
        (PasteShape::Grid, grid(rest, Some(days), &mut out)?)
    } else if header {
        let has = |k: usize| cols[k].is_some();
        if !(has(END) || has(HOURS)) || !(has(DATE) || has(WEEK) && has(DAY)) {
            return Err(
                "The header needs columns named start, end (or hours), and date (or week and day)."
                    .into(),
            );
        }
        (PasteShape::List, list(rest, &cols, false, &mut out)?)
    } else if recs
        .iter()
        .any(|r| week(r.cell(0)).is_ok() && day(r.cell(1)).is_ok() && time(r.cell(2)).is_ok())
    {
        let cols = [
            Some(0),
            Some(1),
            None,
            Some(2),
            Some(3),
            None,
            Some(4),
            Some(5),
        ];
        (PasteShape::List, list(rest, &cols, true, &mut out)?)
    } else if recs.iter().any(|r| {
        time(r.cell(1)).is_ok()
            || r.cells.iter().any(|c| {
                DEFAULT_CODES.iter().any(|d| c.eq_ignore_ascii_case(d.code))
                    || OFF_CODES.iter().any(|o| c.eq_ignore_ascii_case(o))
            })
    }) {
        (PasteShape::Grid, grid(rest, None, &mut out)?)
    } else {
        return Err(
            "This paste is in neither shape the rota editor reads: one row per shift \
             (week, day, start, end — or date, start, end), or one row per week with a \
             column per day (Mon to Sun) holding shift codes. See the help for examples."
                .into(),
        );
    };
    if out.shifts.iter().any(|s| s.kind != ShiftKind::Worked) {
        out.notes
            .push("on-call periods have no expected work yet: add it in the editor".into());
    }
    Ok(PastePreview {
        shape,
        weeks: weeks.clamp(1, i64::from(MAX_CYCLE_WEEKS)) as u8,
        shifts: out.shifts,
        rows: out.rows,
        notes: out.notes,
    })
}

// ---------------------------------------------------------------------------
// Rows and cells
// ---------------------------------------------------------------------------

/// One row of the paste.
struct Rec<'a> {
    /// Line number where it starts, from 1.
    row: usize,
    /// The row as pasted, without its line break.
    raw: &'a str,
    /// Cells, trimmed, quotes removed.
    cells: Vec<String>,
}

impl Rec<'_> {
    /// The cell at `i`, or "" past the end.
    fn cell(&self, i: usize) -> &str {
        self.cells.get(i).map_or("", String::as_str)
    }

    fn blank(&self) -> bool {
        self.cells.iter().all(String::is_empty)
    }
}

/// Splits the paste into rows and cells (see the module documentation). A
/// cell starting with `"` (after spaces) runs to the next lone `"`; a quote
/// with no partner is kept as a character, and so is every quote after it.
fn split(text: &str) -> Vec<Rec<'_>> {
    let tabs = text.contains('\t');
    let (mut semi, mut comma, mut quoted) = (0usize, 0usize, false);
    for b in text.bytes() {
        match b {
            b'"' => quoted = !quoted,
            b';' if !quoted => semi += 1,
            b',' if !quoted => comma += 1,
            _ => {}
        }
    }
    let delim = if tabs {
        b'\t'
    } else if semi >= comma && semi > 0 || comma == 0 && text.contains(';') {
        b';'
    } else {
        b','
    };
    let bytes = text.as_bytes();
    // Every position sliced at is next to an ASCII byte, so on a char
    // boundary; `get` keeps that from ever being a panic.
    let slice = |a: usize, b: usize| text.get(a..b).unwrap_or("");
    let mut recs = Vec::new();
    let (mut i, mut row, mut literal) = (0usize, 1usize, false);
    while i < bytes.len() {
        let (start, first_row) = (i, row);
        let mut cells = Vec::new();
        loop {
            let mut cell = String::new();
            let mut j = i;
            while bytes.get(j) == Some(&b' ') {
                j += 1;
            }
            if !literal && bytes.get(j) == Some(&b'"') {
                let mut k = j + 1;
                loop {
                    match bytes.get(k) {
                        None => {
                            literal = true;
                            break;
                        }
                        Some(b'"') if bytes.get(k + 1) == Some(&b'"') => k += 2,
                        Some(b'"') => {
                            let inner = slice(j + 1, k);
                            row += inner.matches('\n').count();
                            cell = inner.replace("\"\"", "\"");
                            i = k + 1;
                            break;
                        }
                        _ => k += 1,
                    }
                }
            }
            let mut end = i;
            while bytes.get(end).is_some_and(|b| *b != delim && *b != b'\n') {
                end += 1;
            }
            cell.push_str(slice(i, end));
            cells.push(cell.trim().to_string());
            i = end + 1;
            if bytes.get(end) != Some(&delim) {
                break;
            }
        }
        let raw = slice(start, i - 1);
        recs.push(Rec {
            row: first_row,
            raw: raw.strip_suffix('\r').unwrap_or(raw),
            cells,
        });
        row += 1;
    }
    recs
}

/// `text` cut to `n` characters, with `…` when cut.
fn cut(text: &str, n: usize) -> String {
    match text.char_indices().nth(n) {
        Some((at, _)) => text.get(..at).unwrap_or("").to_string() + "…",
        None => text.to_string(),
    }
}

/// A cell quoted in a reason, cut so one long cell cannot flood the message.
fn quote(text: &str) -> String {
    cut(text, 30)
}

// ---------------------------------------------------------------------------
// Reading single cells
// ---------------------------------------------------------------------------

/// One to `max` (at most 4) ASCII digits as a number.
fn num(text: &str, max: usize) -> Option<u32> {
    (!text.is_empty() && text.len() <= max && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.bytes().fold(0, |n, b| n * 10 + u32::from(b - b'0')))
}

/// A time of day: `08:00`, `8:00` or `0800`; `24:00` is accepted (the end of
/// a day).
fn time(text: &str) -> Result<ClockTime, String> {
    let (h, m) = match text.split_once(':') {
        Some(parts) => parts,
        None if text.len() == 4 => text.split_at_checked(2).unwrap_or_default(),
        None => ("", ""),
    };
    num(h, 2)
        .zip(num(m, 2).filter(|_| m.len() == 2))
        .and_then(|(h, m)| ClockTime::hm(h as u16, m as u16))
        .ok_or_else(|| format!("'{}' is not a time of day", quote(text)))
}

/// Minutes from `start` to `end`; an end at or before the start is the next day.
fn span(start: ClockTime, end: ClockTime) -> u32 {
    let (s, e) = (start.minutes(), end.minutes());
    (if e > s { e - s } else { e + 1_440 - s }) as u32
}

/// A length of time: decimal hours (`12.5`, `12,5`) or `h:mm`.
fn hours(text: &str) -> Result<u32, String> {
    let (whole, part, colon) = match text.split_once(':') {
        Some((a, b)) => (a, b, true),
        None => {
            let (a, b) = text.split_once(['.', ',']).unwrap_or((text, ""));
            (a, b, false)
        }
    };
    let minutes = match (colon, part.len()) {
        (false, 0) => Some(0),
        (true, 2) => num(part, 2).filter(|m| *m < 60),
        (false, n @ (1 | 2)) => {
            let scale = if n == 1 { 10 } else { 100 };
            num(part, 2)
                .map(|f| f * 60)
                .filter(|f| f % scale == 0)
                .map(|f| f / scale)
        }
        _ => None,
    };
    num(whole, 3)
        .zip(minutes)
        .map(|(h, m)| h * 60 + m)
        .ok_or_else(|| {
            format!(
                "'{}' is not hours and whole minutes (write e.g. 12.5 or 12:30)",
                quote(text)
            )
        })
}

const DAY_NAMES: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The index (Monday = 0) of a day name, `Mon` or `Monday` in any case.
fn day_name(text: &str) -> Option<usize> {
    DAY_NAMES.iter().position(|n| {
        text.eq_ignore_ascii_case(n) || n.get(..3).is_some_and(|s| text.eq_ignore_ascii_case(s))
    })
}

/// A day, Monday = 0: a name, or `1` (Monday) to `7` (Sunday).
fn day(text: &str) -> Result<i64, String> {
    match (day_name(text), num(text, 1)) {
        (Some(d), _) => Ok(d as i64),
        (_, Some(n @ 1..=7)) => Ok(i64::from(n) - 1),
        _ => Err(format!("day '{}' is not a day of the week", quote(text))),
    }
}

/// A week number (its range is checked with the shift).
fn week(text: &str) -> Result<i64, String> {
    num(text, 3)
        .map(i64::from)
        .ok_or_else(|| format!("week '{}' is not a number", quote(text)))
}

/// A date, `DD/MM/YYYY` or `YYYY-MM-DD`, as a day number whose remainder by
/// 7 is the weekday (Monday = 0).
fn date(text: &str) -> Result<i64, String> {
    let parts: Vec<&str> = text.split(['/', '-']).collect();
    let (y, m, d) = match parts.as_slice() {
        [y, m, d] if y.len() == 4 && text.contains('-') => (*y, *m, *d),
        [d, m, y] if y.len() == 4 && text.contains('/') => (*y, *m, *d),
        _ => ("", "", ""),
    };
    let (y, m, d) = (
        num(y, 4).unwrap_or(0),
        num(m, 2).unwrap_or(0),
        num(d, 2).unwrap_or(0),
    );
    if Date::new(y as u16, m as u8, d as u8).is_none() {
        return Err(format!(
            "'{}' is not a date (write DD/MM/YYYY or YYYY-MM-DD)",
            quote(text)
        ));
    }
    // Days from 1 March of year 0 (proleptic Gregorian); that day was a Wednesday.
    let (y, m, d) = (i64::from(y), i64::from(m), i64::from(d));
    let y = if m <= 2 { y - 1 } else { y };
    let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
    Ok(y * 365 + y / 4 - y / 100 + y / 400 + doy + 2)
}

/// A shift kind by name; `None` when the text names none.
fn kind(text: &str) -> Option<ShiftKind> {
    match text.to_ascii_lowercase().replace('-', " ").as_str() {
        "" | "worked" => Some(ShiftKind::Worked),
        "on call" | "non resident on call" => Some(ShiftKind::NonResidentOnCall),
        "resident on call" => Some(ShiftKind::ResidentOnCall),
        _ => None,
    }
}

/// Start, length, kind and label from their cells. With `loose`, a kind cell
/// naming no kind is the label when the label cell is empty.
fn times(
    start: &str,
    end: &str,
    length: &str,
    kind_cell: &str,
    label: &str,
    loose: bool,
) -> Result<Times, String> {
    let start = time(start)?;
    if start == ClockTime::END_OF_DAY {
        return Err("a shift cannot start at 24:00 (write 00:00)".into());
    }
    let minutes = if !end.is_empty() {
        span(start, time(end)?)
    } else if !length.is_empty() {
        hours(length)?
    } else {
        return Err("no end time or hours".into());
    };
    let (kind, label) = match kind(kind_cell) {
        Some(k) => (k, label),
        None if loose && label.is_empty() => (ShiftKind::Worked, kind_cell),
        None => {
            return Err(format!(
                "kind '{}' is not worked, on-call, non-resident on-call or resident on-call",
                quote(kind_cell)
            ))
        }
    };
    if minutes == 0 || minutes > kind.max_minutes() {
        return Err(format!(
            "{} lasts 1 minute to {} h (this one lasts {minutes} min)",
            if kind == ShiftKind::Worked {
                "a worked shift"
            } else {
                "an on-call period"
            },
            kind.max_minutes() / 60
        ));
    }
    Ok((start, minutes, kind, label.to_string()))
}

/// A shift in week `week` on day `day` (Monday = 0), checking the week and
/// the label.
fn make_shift(week: i64, day: i64, (start, minutes, kind, label): Times) -> Result<Shift, String> {
    if !(1..=i64::from(MAX_CYCLE_WEEKS)).contains(&week) {
        return Err(format!("week {week} is outside 1–{MAX_CYCLE_WEEKS}"));
    }
    if label.len() > MAX_TEXT * 4 || label.chars().count() > MAX_TEXT {
        return Err(format!("the label is longer than {MAX_TEXT} characters"));
    }
    Ok(Shift {
        week: week as u8,
        day: Weekday::from_day_number(day.unsigned_abs()),
        start,
        minutes,
        kind,
        label: (!label.is_empty()).then_some(label),
        expected_work: Vec::new(),
    })
}

// ---------------------------------------------------------------------------
// The two shapes
// ---------------------------------------------------------------------------

/// Reads list rows through `cols`; returns the cycle length.
fn list(rows: &[Rec], cols: &Columns, loose: bool, out: &mut Out) -> Result<i64, String> {
    let rows: Vec<&Rec> = rows.iter().filter(|r| !r.blank()).collect();
    if rows.is_empty() {
        return Err("The paste has a header row but no rows of shifts below it.".into());
    }
    let read = |r: &Rec| -> Result<(i64, Times), String> {
        let cell = |k: usize| cols[k].map_or("", |i| r.cell(i));
        let day = match cols[DATE] {
            Some(_) => date(cell(DATE))?,
            None => (week(cell(WEEK))? - 1) * 7 + day(cell(DAY))?,
        };
        let times = times(
            cell(START),
            cell(END),
            cell(HOURS),
            cell(KIND),
            cell(LABEL),
            loose,
        )?;
        Ok((day, times))
    };
    let read: Vec<_> = rows.iter().map(|r| read(r)).collect();
    // Dates count weeks from the Monday before the earliest; weeks from 0.
    let first = read.iter().flatten().map(|(d, _)| *d).min().unwrap_or(0);
    let base = if cols[DATE].is_some() {
        first - first.rem_euclid(7)
    } else {
        0
    };
    let mut weeks = 0;
    for (r, row) in rows.iter().zip(read) {
        match row.and_then(|(d, t)| make_shift((d - base).div_euclid(7) + 1, d.rem_euclid(7), t)) {
            Ok(shift) => {
                weeks = weeks.max(i64::from(shift.week));
                out.shift(shift);
            }
            Err(e) => out.problem(r, e),
        }
    }
    Ok(weeks)
}

/// Reads the grid and its legend; returns the cycle length.
fn grid(rows: &[Rec], header: Option<[Option<usize>; 7]>, out: &mut Out) -> Result<i64, String> {
    let mut weeks: Vec<Option<&Rec>> = Vec::new();
    let mut codes: Vec<(String, Option<Times>)> = Vec::new();
    let mut in_legend = false;
    for r in rows {
        let c0 = r.cell(0);
        if r.blank() {
            // A copied rectangle writes an empty week as a row of empty cells.
            if r.cells.len() >= 5 && !in_legend {
                weeks.push(None);
            } else {
                in_legend |= !weeks.is_empty();
            }
        } else if c0.eq_ignore_ascii_case("legend") || c0.eq_ignore_ascii_case("key") {
            in_legend = true;
        } else if in_legend || time(r.cell(1)).is_ok() {
            let second = r.cell(1);
            if second.eq_ignore_ascii_case("start") {
                continue;
            }
            let e = r.cell(2);
            let is_end = e.contains(':') || e.len() == 4 && num(e, 4).is_some();
            let def = if second.eq_ignore_ascii_case("off") {
                Ok(None)
            } else {
                let (end, length) = if is_end { (e, "") } else { ("", e) };
                times(second, end, length, r.cell(3), r.cell(4), true).map(|mut t| {
                    if t.3.is_empty() {
                        t.3 = c0.to_string();
                    }
                    Some(t)
                })
            };
            match def {
                Ok(def) => codes.push((c0.to_ascii_uppercase(), def)),
                Err(e) => out.problem(r, e),
            }
        } else {
            weeks.push(Some(r));
        }
    }
    if codes.is_empty() {
        out.notes.push("no legend: built-in codes used".into());
    } else {
        let names: Vec<&str> = codes.iter().map(|c| c.0.as_str()).collect();
        out.notes
            .push(format!("legend: {}", cut(&names.join(", "), 200)));
    }
    for d in DEFAULT_CODES {
        codes.push((
            d.code.into(),
            time(d.start)
                .and_then(|s| Ok((s, span(s, time(d.end)?), d.kind, d.label.into())))
                .ok(),
        ));
    }
    for o in OFF_CODES {
        codes.push((o.into(), None));
    }
    let mut known: Vec<&str> = Vec::new();
    for (c, _) in &codes {
        if !known.contains(&c.as_str()) {
            known.push(c);
        }
    }
    let known = cut(&known.join(", "), 200);
    while matches!(weeks.last(), Some(None)) {
        weeks.pop();
    }
    if weeks.is_empty() {
        return Err("The paste has no rows of shift codes (one row per week, Mon to Sun).".into());
    }
    let days = header.unwrap_or_else(|| {
        let labelled = weeks.iter().flatten().any(|r| {
            let c0 = r.cell(0).to_ascii_lowercase();
            c0.starts_with(|c: char| c.is_ascii_digit())
                || c0.starts_with("week")
                || r.cells.iter().rposition(|c| !c.is_empty()) >= Some(7)
        });
        std::array::from_fn(|d| Some(d + usize::from(labelled)))
    });
    for (w, r) in (1..).zip(&weeks) {
        let Some(r) = r else { continue };
        if w > i64::from(MAX_CYCLE_WEEKS) {
            out.problem(r, format!("week {w} is outside 1–{MAX_CYCLE_WEEKS}"));
            continue;
        }
        for (d, column) in (0..).zip(days) {
            let Some(cell) = column.map(|i| r.cell(i)) else {
                continue;
            };
            let code = cell.to_ascii_uppercase();
            let shift = match codes.iter().find(|c| c.0 == code) {
                _ if cell.is_empty() => continue,
                Some((_, None)) => continue,
                Some((_, Some(t))) => make_shift(w, d, t.clone()),
                None => Err(format!(
                    "unknown code '{}' (known codes: {known})",
                    quote(cell)
                )),
            };
            match shift {
                Ok(s) => out.shift(s),
                Err(e) => out.problem(
                    r,
                    format!(
                        "{}: {e}",
                        Weekday::from_day_number(d.unsigned_abs()).short_name()
                    ),
                ),
            }
        }
    }
    Ok(weeks.len() as i64)
}

// ---------------------------------------------------------------------------
// The result
// ---------------------------------------------------------------------------

struct Out {
    shifts: Vec<Shift>,
    rows: Vec<RowProblem>,
    notes: Vec<String>,
}

impl Out {
    /// Records a problem, keeping them in row order.
    fn problem(&mut self, rec: &Rec, reason: String) {
        let at = self.rows.partition_point(|p| p.row <= rec.row);
        self.rows.insert(
            at,
            RowProblem {
                row: rec.row,
                text: cut(rec.raw, 80),
                reason,
            },
        );
    }

    /// Records a shift, keeping them by week, day and start.
    fn shift(&mut self, shift: Shift) {
        let key = |s: &Shift| (s.week, s.day, s.start);
        let at = self.shifts.partition_point(|s| key(s) <= key(&shift));
        self.shifts.insert(at, shift);
    }
}
