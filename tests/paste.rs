//! The spreadsheet paste parser (issue #9): both shapes, every documented cell
//! format, row problems with their row numbers and reasons, hostile input, and
//! property tests that nothing panics and that a list round-trips exactly.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{offer, rota, scenario};
use offer_compare::codec::paste::{
    parse_paste, PastePreview, PasteShape, RowProblem, DEFAULT_CODES, MAX_PASTE_BYTES,
};
use offer_compare::engine::rota::{Shift, ShiftKind};
use offer_compare::engine::time::{ClockTime, Weekday};
use offer_compare::engine::validate::validate;
use proptest::prelude::*;
use Weekday::*;

fn at(h: u16, m: u16) -> ClockTime {
    ClockTime::hm(h, m).expect("clock")
}

fn sh(week: u8, day: Weekday, start: ClockTime, minutes: u32) -> Shift {
    Shift {
        week,
        day,
        start,
        minutes,
        kind: ShiftKind::Worked,
        label: None,
        expected_work: vec![],
    }
}

fn labelled(mut shift: Shift, label: &str) -> Shift {
    shift.label = Some(label.into());
    shift
}

fn kind(mut shift: Shift, kind: ShiftKind) -> Shift {
    shift.kind = kind;
    shift
}

fn parse(text: &str) -> PastePreview {
    parse_paste(text).unwrap_or_else(|e| panic!("paste refused: {e}"))
}

/// (row, reason) of each problem.
fn problems(preview: &PastePreview) -> Vec<(usize, &str)> {
    preview
        .rows
        .iter()
        .map(|p| (p.row, p.reason.as_str()))
        .collect()
}

/// An 8-week rota as a doctor would copy it from Excel: header, a night
/// crossing midnight, an on-call period, a bad time and an unknown day.
const EIGHT_WEEKS_TSV: &str = "Week\tDay\tStart\tEnd\tKind\tLabel\n\
1\tMon\t08:00\t20:30\t\tlong day\n\
1\tTuesday\t08:00\t20:30\tworked\tlong day\n\
2\tFRI\t20:00\t08:30\t\tnight\n\
3\tsat\t17:00\t09:00\ton-call\tweekend on call\n\
4\tWed\t25:00\t17:00\t\t\n\
5\tFunday\t09:00\t17:00\t\t\n\
 6 \t Thu \t 9:00 \t 17:00 \t\t\n\
7\tSun\t0900\t1700\t\t\n\
8\tMon\t09:00\t24:00\tresident on call\t\n\
\n";

fn eight_week_shifts() -> Vec<Shift> {
    vec![
        labelled(sh(1, Mon, at(8, 0), 750), "long day"),
        labelled(sh(1, Tue, at(8, 0), 750), "long day"),
        labelled(sh(2, Fri, at(20, 0), 750), "night"),
        labelled(
            kind(sh(3, Sat, at(17, 0), 960), ShiftKind::NonResidentOnCall),
            "weekend on call",
        ),
        sh(6, Thu, at(9, 0), 480),
        sh(7, Sun, at(9, 0), 480),
        kind(sh(8, Mon, at(9, 0), 900), ShiftKind::ResidentOnCall),
    ]
}

#[test]
fn eight_week_list_with_header_reads_every_good_row_and_names_the_bad_ones() {
    let preview = parse(EIGHT_WEEKS_TSV);
    assert_eq!(preview.shape, PasteShape::List);
    assert_eq!(preview.weeks, 8);
    assert_eq!(preview.shifts.len(), 7);
    assert_eq!(preview.shifts, eight_week_shifts());
    assert_eq!(
        preview.rows,
        vec![
            RowProblem {
                row: 6,
                text: "4\tWed\t25:00\t17:00\t\t".into(),
                reason: "'25:00' is not a time of day".into(),
            },
            RowProblem {
                row: 7,
                text: "5\tFunday\t09:00\t17:00\t\t".into(),
                reason: "day 'Funday' is not a day of the week".into(),
            },
        ]
    );
    assert_eq!(
        preview.notes,
        vec![
            "read as tab-separated cells",
            "row 1 read as the header",
            "weeks with no shifts: 4, 5",
            "2 shifts end the next day",
            "on-call periods have no expected work yet: add it in the editor",
        ]
    );
}

#[test]
fn a_parsed_rota_without_overlaps_passes_the_engines_validation() {
    let preview = parse(EIGHT_WEEKS_TSV);
    let mut parsed = rota(preview.weeks, preview.shifts);
    let offers = vec![offer("o", "30000", vec![])];
    assert_eq!(validate(&scenario(parsed.clone(), offers.clone())), vec![]);
    // Overlaps are the engine's to find, not the parser's: a second night on
    // week 2 Friday is read, and validation names it.
    let overlapping = parse("week\tday\tstart\tend\n2\tFri\t20:00\t08:30\n2\tFri\t22:00\t06:00\n");
    assert_eq!(overlapping.shifts.len(), 2);
    assert!(overlapping.rows.is_empty());
    parsed.shifts.extend(overlapping.shifts);
    let issues = validate(&scenario(parsed, offers));
    assert_eq!(issues.len(), 2, "{issues:?}");
    assert!(issues
        .iter()
        .all(|i| i.message.starts_with("overlaps shift")));
}

#[test]
fn the_same_rota_as_csv_with_semicolons_quotes_and_crlf_reads_the_same() {
    let csv = "\"Week\";\"Day\";\"Start\";\"End\";\"Kind\";\"Label\"\r\n\
1;Mon;08:00;20:30;;\"long day\"\r\n\
1;Tuesday;\"08:00\";20:30;worked;long day\r\n\
2;FRI;20:00;08:30;;\"night; the \"\"big\"\" one\"\r\n\
3;sat;17:00;09:00;\"on-call\";weekend on call\r\n\
4;Wed;25:00;17:00;;\r\n\
5;Funday;09:00;17:00;;\r\n\
 6 ; Thu ; 9:00 ; 17:00 ;;\r\n\
7;Sun;0900;1700;;\r\n\
8;Mon;09:00;24:00;resident on call;\r\n\
\r\n";
    let preview = parse(csv);
    let mut expected = eight_week_shifts();
    expected[2].label = Some("night; the \"big\" one".into());
    assert_eq!(preview.shifts, expected);
    assert_eq!(preview.weeks, 8);
    assert_eq!(
        problems(&preview),
        vec![
            (6, "'25:00' is not a time of day"),
            (7, "day 'Funday' is not a day of the week"),
        ]
    );
    assert_eq!(preview.notes[0], "read as semicolon-separated cells");

    // And with commas; a quoted label may hold a comma and a line break, and
    // the row numbers still count lines of the paste.
    let commas = "week,day,start,end,label\n\
1,Mon,08:00,20:30,\"long day, ward 5\"\n\
2,Fri,20:00,08:30,\"night\nsecond line\"\n\
3,Sat,25:00,09:00,\n";
    let preview = parse(commas);
    assert_eq!(
        preview.shifts,
        vec![
            labelled(sh(1, Mon, at(8, 0), 750), "long day, ward 5"),
            labelled(sh(2, Fri, at(20, 0), 750), "night\nsecond line"),
        ]
    );
    assert_eq!(
        problems(&preview),
        vec![(5, "'25:00' is not a time of day")]
    );
    assert_eq!(preview.weeks, 3);
}

#[test]
fn hours_instead_of_end_and_the_other_time_formats() {
    let text = "Week,Day,Start,Hours\n\
1,Mon,9am,8\n\
1,Tue,8.30pm,12.5\n\
1,Wed,08:00,12:30\n\
1,Thu,7:00 AM,10h30\n\
1,Fri,12am,750 min\n\
2,Mon,08:00,8.33\n\
2,Tue,08:00,0\n\
2,Wed,08:00,25\n\
2,Thu,24:00,8\n\
2,Fri,08:00,\n";
    let preview = parse(text);
    assert_eq!(
        preview.shifts,
        vec![
            sh(1, Mon, at(9, 0), 480),
            sh(1, Tue, at(20, 30), 750),
            sh(1, Wed, at(8, 0), 750),
            sh(1, Thu, at(7, 0), 630),
            sh(1, Fri, at(0, 0), 750),
        ]
    );
    assert_eq!(
        problems(&preview),
        vec![
            (7, "'8.33' hours is not a whole number of minutes"),
            (
                8,
                "a shift must last at least one minute (this one lasts 0)"
            ),
            (9, "a worked shift lasts at most 24 h (this one lasts 25 h)"),
            (
                10,
                "'24:00' ends a day: a shift starting at midnight starts at 00:00"
            ),
            (11, "no end time or hours"),
        ]
    );
    // Weeks outside 1–52 and an on-call period over 72 hours.
    let preview = parse("week\tday\tstart\thours\tkind\n0\tMon\t08:00\t8\n53\tMon\t08:00\t8\n1\tSat\t09:00\t72:30\ton call\n1\tSat\t09:00\t72\ton call\n1\tSun\t09:00\t8\tholiday\n");
    assert_eq!(
        problems(&preview),
        vec![
            (2, "week 0 is outside 1–52"),
            (3, "week 53 is outside 1–52"),
            (
                4,
                "an on-call period lasts at most 72 h (this one lasts 72 h 30 min)"
            ),
            (
                6,
                "kind 'holiday' is not worked, on-call, non-resident on-call or resident on-call"
            ),
        ]
    );
    assert_eq!(
        preview.shifts,
        vec![kind(
            sh(1, Sat, at(9, 0), 4320),
            ShiftKind::NonResidentOnCall
        )]
    );
}

#[test]
fn a_date_list_counts_weeks_from_the_monday_of_the_first_date() {
    // No header; UK dates; 7 August 2024 is a Wednesday, so week 1 starts on
    // Monday 5 August; rows need not be in order.
    let text = "12/08/2024\t09:00\t17:00\n\
07/08/2024\t20:00\t08:30\ton call\n\
7/8/2024\t08:00\t12.5\tlong day\n\
18/08/2024\t09:00\t17:00\n\
32/08/2024\t09:00\t17:00\n\
Mon 13/08/2024\t09:00\t17:00\n\
08/13/2024\t09:00\t17:00\n";
    let preview = parse(text);
    assert_eq!(preview.shape, PasteShape::List);
    assert_eq!(preview.weeks, 2);
    assert_eq!(
        preview.shifts,
        vec![
            labelled(sh(1, Wed, at(8, 0), 750), "long day"),
            kind(sh(1, Wed, at(20, 0), 750), ShiftKind::NonResidentOnCall),
            sh(2, Mon, at(9, 0), 480),
            sh(2, Sun, at(9, 0), 480),
        ]
    );
    assert_eq!(
        problems(&preview),
        vec![
            (
                5,
                "'32/08/2024' is not a date (write DD/MM/YYYY or YYYY-MM-DD)"
            ),
            (6, "13/08/2024 is a Tue, not a Mon"),
            (
                7,
                "'08/13/2024' is not a date: dates are read day first (DD/MM/YYYY)"
            ),
        ]
    );
}

#[test]
fn a_four_week_grid_with_header_and_legend() {
    let text = "Week\tMon\tTue\tWed\tThu\tFri\tSat\tSun\n\
1\tLD\tLD\tOFF\tD\td\t\t\n\
2\tN\tN\tN\t\t\t\t\n\
3\tSD\tD\tX\tD\tD\tOC\tOC\n\
4\t\t\t-\t\tD+OC\tLD\tLD\n\
\t\t\t\t\t\t\t\n\
Legend\t\t\t\t\t\t\t\n\
LD\t08:00\t20:30\tlong day\t\t\t\t\n\
N\t20:00\t08:00\t\tnight\t\t\t\n\
SD\t09:00\t13:00\tshort day\t\t\t\t\n\
OC\t17:00\t09:00\ton-call\tevening on call\t\t\t\n\
D\t08:00\t16:00\t\t\t\t\t\n";
    let preview = parse(text);
    assert_eq!(preview.shape, PasteShape::Grid);
    assert_eq!(preview.weeks, 4);
    let ld = |w, d| labelled(sh(w, d, at(8, 0), 750), "long day");
    let d = |w, day| labelled(sh(w, day, at(8, 0), 480), "D");
    let n = |day| labelled(sh(2, day, at(20, 0), 720), "night");
    let oc = |w, day| {
        labelled(
            kind(sh(w, day, at(17, 0), 960), ShiftKind::NonResidentOnCall),
            "evening on call",
        )
    };
    assert_eq!(
        preview.shifts,
        vec![
            ld(1, Mon),
            ld(1, Tue),
            d(1, Thu),
            d(1, Fri),
            n(Mon),
            n(Tue),
            n(Wed),
            labelled(sh(3, Mon, at(9, 0), 240), "short day"),
            d(3, Tue),
            d(3, Thu),
            d(3, Fri),
            oc(3, Sat),
            oc(3, Sun),
            d(4, Fri),
            oc(4, Fri),
            ld(4, Sat),
            ld(4, Sun),
        ]
    );
    assert_eq!(
        problems(&preview),
        vec![(
            4,
            "Wed: unknown code 'X' (legend has LD, N, SD, OC, D; built in: L, E)"
        )]
    );
    assert_eq!(
        preview.notes,
        vec![
            "read as tab-separated cells",
            "row 1 read as the header",
            "legend: 5 codes (LD, N, SD, OC, D)",
            "6 shifts end the next day",
            "on-call periods have no expected work yet: add it in the editor",
        ]
    );
}

#[test]
fn a_grid_without_legend_uses_the_built_in_codes() {
    // No header, no week column, commas, a week off in the middle.
    let text = "D,D,D,D,D,,\n\
LD,LD,,,N,N,N\n\
,,,,,,\n\
off,OFF,L,E,OC,-,rest\n";
    let preview = parse(text);
    assert_eq!(preview.shape, PasteShape::Grid);
    assert_eq!(preview.weeks, 4);
    let day = |w, d| labelled(sh(w, d, at(9, 0), 480), "normal day");
    let ld = |d| labelled(sh(2, d, at(8, 0), 750), "long day");
    let n = |d| labelled(sh(2, d, at(20, 0), 750), "night");
    assert_eq!(
        preview.shifts,
        vec![
            day(1, Mon),
            day(1, Tue),
            day(1, Wed),
            day(1, Thu),
            day(1, Fri),
            ld(Mon),
            ld(Tue),
            n(Fri),
            n(Sat),
            n(Sun),
            labelled(sh(4, Wed, at(14, 0), 480), "late"),
            labelled(sh(4, Thu, at(14, 0), 480), "evening"),
            labelled(
                kind(sh(4, Fri, at(17, 0), 960), ShiftKind::NonResidentOnCall),
                "on call"
            ),
        ]
    );
    assert!(preview.rows.is_empty(), "{:?}", preview.rows);
    assert!(preview
        .notes
        .contains(&"no legend: built-in codes used".to_string()));

    // An unknown code without a legend says which codes exist.
    let preview = parse("Week 1\tD\tZZ\tD\tD\tD\t\t\n");
    assert_eq!(preview.shifts.len(), 4);
    assert_eq!(
        problems(&preview),
        vec![(
            1,
            "Tue: unknown code 'ZZ' (built-in codes: D, LD, L, E, N, OC; add a legend to define others)"
        )]
    );
}

#[test]
fn a_legend_may_come_first_with_its_own_header_and_ranges_and_off_codes() {
    // Legend above the grid, with a header row; days in the header in any
    // order; a totals column; a title row.
    let text = "Code\tStart\tEnd\tDescription\n\
SD\t09:00-13:00\tshort day\n\
AL\toff\n\
N\t21:00\t08:00\tnight\n\
\n\
Week\tSun\tMon\tTue\tWed\tThu\tFri\tSat\tTotal\n\
1\tN\tSD\tAL\tal\tD\tD\t\t20\n\
2\t\tN\tN\tQ\t\t\t\t24\textra\n";
    let preview = parse(text);
    assert_eq!(preview.shape, PasteShape::Grid);
    assert_eq!(preview.weeks, 2);
    let day = |d| labelled(sh(1, d, at(9, 0), 480), "normal day");
    let night = |w, d| labelled(sh(w, d, at(21, 0), 660), "night");
    assert_eq!(
        preview.shifts,
        vec![
            labelled(sh(1, Mon, at(9, 0), 240), "short day"),
            day(Thu),
            day(Fri),
            night(1, Sun),
            night(2, Mon),
            night(2, Tue),
        ]
    );
    assert_eq!(
        problems(&preview),
        vec![
            (
                8,
                "Wed: unknown code 'Q' (legend has SD, AL, N; built in: D, LD, L, E, OC)"
            ),
            (8, "cells after the last day were not read: 'extra'"),
        ]
    );
    assert_eq!(
        preview.notes[1..3],
        ["row 6 read as the header", "columns not read: 'Total'"]
    );

    // Without a header, an eighth column of anything but codes labels the weeks.
    let preview = parse("Block A,D,,,,,,LD\nBlock B,N,N,,,,,\n");
    assert_eq!(
        preview.shifts,
        vec![
            labelled(sh(1, Mon, at(9, 0), 480), "normal day"),
            labelled(sh(1, Sun, at(8, 0), 750), "long day"),
            labelled(sh(2, Mon, at(20, 0), 750), "night"),
            labelled(sh(2, Tue, at(20, 0), 750), "night"),
        ]
    );
    assert!(preview.rows.is_empty());
}

#[test]
fn list_rows_marked_off_are_counted_not_reported_and_days_alone_count_weeks() {
    let text = "Day\tStart\tEnd\tLabel\n\
Sat\t08:00\t20:30\tlong day\n\
Sun\t\t\tOFF\n\
Mon\t09:00\t17:00\t\n\
Fri\t-\t\t\n\
Tue\t\t\tteaching\n\
Mon\t20:00\t08:00\tnight\n";
    let preview = parse(text);
    // Sat Sun | Mon Fri | Tue | Mon: the day goes back twice more.
    assert_eq!(preview.weeks, 4);
    assert_eq!(
        preview.shifts,
        vec![
            labelled(sh(1, Sat, at(8, 0), 750), "long day"),
            sh(2, Mon, at(9, 0), 480),
            labelled(sh(4, Mon, at(20, 0), 720), "night"),
        ]
    );
    assert_eq!(problems(&preview), vec![(6, "no start time")]);
    assert!(preview
        .notes
        .contains(&"2 rows marked off: no shift".to_string()));
    assert!(preview
        .notes
        .contains(&"weeks with no shifts: 3".to_string()));
}

#[test]
fn every_built_in_code_is_a_valid_shift() {
    let row: Vec<&str> = DEFAULT_CODES.iter().map(|c| c.code).collect();
    let preview = parse(&(row.join("\t") + "\n"));
    assert_eq!(preview.shifts.len(), DEFAULT_CODES.len());
    for (shift, code) in preview.shifts.iter().zip(DEFAULT_CODES) {
        assert_eq!(shift.start.to_string(), code.start);
        assert_eq!(shift.kind, code.kind);
        assert_eq!(shift.label.as_deref(), Some(code.label));
    }
}

#[test]
fn nothing_usable_is_an_error_with_a_message() {
    let refused = |text: &str| parse_paste(text).expect_err(text);
    assert!(refused("").starts_with("The paste is empty"));
    assert!(refused(" \r\n\t\n\n").starts_with("The paste is empty"));
    assert!(refused("\u{feff}").starts_with("The paste is empty"));
    assert!(
        refused("hello world\nthis is not a rota\n").starts_with("This paste is in neither shape")
    );
    assert!(refused("{\"rotas\": [1, 2, 3]}").starts_with("This paste is in neither shape"));
    assert!(refused("\u{0}\u{1}\u{2}PK\u{3}\u{4}").starts_with("This does not look like text"));
    let binary: String = (0u8..=255).cycle().take(5_000).map(char::from).collect();
    assert!(refused(&binary).starts_with("This does not look like text"));
    let huge = "1\tMon\t08:00\t17:00\n".repeat(MAX_PASTE_BYTES / 10);
    assert!(refused(&huge).starts_with("The paste is "));
    assert!(refused(&huge).contains("at most 200 KB"));
    let many = "1\tMon\t08:00\t17:00\n".repeat(2_001);
    assert_eq!(
        refused(&many),
        "The paste has 2001 rows; at most 2000 can be read. Paste one rota at a time."
    );
    assert!(refused("week\tday\tstart\tend\n").contains("no rows of shifts"));
    assert!(refused("week\tday\tstart\tlabel\n1\tMon\t08:00\tx\n").contains("no 'end' or 'hours'"));
    // 2,000 rows are still read.
    let most = "1\tMon\t08:00\t17:00\n".repeat(2_000);
    assert_eq!(parse(&most).shifts.len(), 2_000);
}

#[test]
fn rows_above_a_header_and_long_rows_are_reported_not_dropped() {
    let long_label = "x".repeat(300);
    let text = format!(
        "My rota for August\nweek\tday\tstart\tend\tlabel\n1\tMon\t08:00\t17:00\t{long_label}\n"
    );
    let preview = parse(&text);
    assert!(preview.shifts.is_empty());
    assert_eq!(preview.rows.len(), 2);
    assert_eq!(
        preview.rows[0],
        RowProblem {
            row: 1,
            text: "My rota for August".into(),
            reason: "above the header row: not read".into(),
        }
    );
    assert_eq!(preview.rows[1].row, 3);
    assert_eq!(
        preview.rows[1].reason,
        "the label is longer than 200 characters"
    );
    assert_eq!(preview.rows[1].text.chars().count(), 81);
    assert!(preview.rows[1].text.ends_with('…'));
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 2_000,
        ..ProptestConfig::default()
    }
}

/// A compiled regex strategy (a `&str` strategy recompiles on every case).
fn regex(pattern: &str) -> proptest::string::RegexGeneratorStrategy<String> {
    proptest::string::string_regex(pattern).expect("regex")
}

/// Text shaped like a paste: times, days, codes, delimiters, quotes, breaks.
fn pasteish() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        Just("\t".to_string()),
        Just(",".to_string()),
        Just(";".to_string()),
        Just("\"".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("\r".to_string()),
        Just(" ".to_string()),
        Just("Mon".to_string()),
        Just("week".to_string()),
        Just("start".to_string()),
        Just("end".to_string()),
        Just("Legend".to_string()),
        Just("LD".to_string()),
        Just("N".to_string()),
        Just("D+OC".to_string()),
        Just("-".to_string()),
        Just("–".to_string()),
        Just("on-call".to_string()),
        regex("[0-9]{1,5}"),
        regex("[0-9]{1,2}:[0-9]{2}"),
        regex("[0-9]{1,2}/[0-9]{1,2}/[0-9]{2,4}"),
        regex("[0-9]{1,3}[.,][0-9]{0,7}"),
        regex("[a-zA-Z]{1,6}"),
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(token, 0..120).prop_map(|t| t.concat())
}

/// Random valid shifts, each a week 1–`weeks`, with labels that need quoting.
fn shifts(weeks: u8, on_call_long: bool) -> impl Strategy<Value = Vec<Shift>> {
    let max_on_call = if on_call_long { 72 * 60 } else { 24 * 60 };
    let one = (
        1..=weeks,
        0usize..7,
        0u16..1_440,
        prop_oneof![
            Just(ShiftKind::Worked),
            Just(ShiftKind::NonResidentOnCall),
            Just(ShiftKind::ResidentOnCall)
        ],
        1u32..=max_on_call,
        proptest::option::of("[A-Za-z0-9][A-Za-z0-9 ,;\"'/()&-]{0,30}[A-Za-z0-9)]"),
    )
        .prop_map(|(week, day, start, kind, minutes, label)| Shift {
            week,
            day: Weekday::ALL[day],
            start: ClockTime::hm(start / 60, start % 60).expect("clock"),
            minutes: if kind == ShiftKind::Worked {
                minutes.min(24 * 60)
            } else {
                minutes
            },
            kind,
            label,
            expected_work: vec![],
        });
    prop::collection::vec(one, 1..60)
}

/// A CSV field, quoted when needed (RFC 4180).
fn field(text: &str, delim: char) -> String {
    if text.contains([delim, '"', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

fn kind_name(kind: ShiftKind) -> &'static str {
    match kind {
        ShiftKind::Worked => "worked",
        ShiftKind::NonResidentOnCall => "non-resident on-call",
        ShiftKind::ResidentOnCall => "Resident On Call",
    }
}

fn sorted(mut shifts: Vec<Shift>) -> Vec<Shift> {
    shifts.sort_by_key(|s| (s.week, s.day, s.start));
    shifts
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        let _ = parse_paste(&text);
    }

    #[test]
    fn paste_shaped_text_never_panics(text in pasteish()) {
        if let Ok(preview) = parse_paste(&text) {
            prop_assert!((1..=52).contains(&preview.weeks));
            for s in &preview.shifts {
                prop_assert!(s.minutes >= 1 && s.minutes <= s.kind.max_minutes());
                prop_assert!((1..=preview.weeks).contains(&s.week));
            }
            for p in &preview.rows {
                prop_assert!(p.row >= 1 && p.text.chars().count() <= 81);
            }
        }
    }

    /// A list with a header, ends as times (so at most 24 h), tabs or commas.
    #[test]
    fn a_list_with_end_times_round_trips(shifts in shifts(52, false), tabs in any::<bool>()) {
        let delim = if tabs { '\t' } else { ',' };
        let sep = delim.to_string();
        let mut text = ["Week", "Day", "Start", "End", "Kind", "Label"].join(&sep) + "\r\n";
        for s in &shifts {
            let end = (s.start.minutes() + u64::from(s.minutes)) % 1_440;
            let end = ClockTime::hm((end / 60) as u16, (end % 60) as u16).expect("clock");
            let row = [
                s.week.to_string(),
                s.day.short_name().to_string(),
                s.start.to_string(),
                end.to_string(),
                kind_name(s.kind).to_string(),
                field(s.label.as_deref().unwrap_or(""), delim),
            ];
            text += &(row.join(&sep) + "\r\n");
        }
        let preview = parse_paste(&text).expect("a valid list");
        prop_assert_eq!(&preview.rows, &vec![]);
        prop_assert_eq!(preview.weeks, shifts.iter().map(|s| s.week).max().unwrap_or(1));
        prop_assert_eq!(preview.shifts, sorted(shifts));
    }

    /// A list with hours (on-call up to 72 h), days as numbers, semicolons.
    #[test]
    fn a_list_with_hours_round_trips(shifts in shifts(8, true)) {
        let mut text = String::from("day;label;wk;kind;duration;from\n");
        for s in &shifts {
            let row = [
                (s.day as u8 + 1).to_string(),
                field(s.label.as_deref().unwrap_or(""), ';'),
                format!("Week {}", s.week),
                kind_name(s.kind).to_string(),
                format!("{}:{:02}", s.minutes / 60, s.minutes % 60),
                s.start.to_string(),
            ];
            text += &(row.join(";") + "\n");
        }
        let preview = parse_paste(&text).expect("a valid list");
        prop_assert_eq!(&preview.rows, &vec![]);
        prop_assert_eq!(preview.shifts, sorted(shifts));
    }
}
