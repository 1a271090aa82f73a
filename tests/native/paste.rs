//! The spreadsheet paste parser (issue #9): both shapes, every documented cell
//! format, row problems with their row numbers and reasons, hostile input, and
//! property tests that nothing panics and that a list round-trips exactly.
use crate::common::{offer, rota, scenario};
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
            "row 1 read as the header",
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
    let csv = "\u{feff}\"Week\";\"Day\";\"Start\";\"End\";\"Kind\";\"Label\"\r\n\
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
        preview.rows,
        vec![
            RowProblem {
                row: 6,
                text: "4;Wed;25:00;17:00;;".into(),
                reason: "'25:00' is not a time of day".into(),
            },
            RowProblem {
                row: 7,
                text: "5;Funday;09:00;17:00;;".into(),
                reason: "day 'Funday' is not a day of the week".into(),
            },
        ]
    );

    // And with commas; a quoted label may hold a comma and a line break, and
    // the row numbers still count lines of the paste. Columns in another
    // order, an unknown column ignored.
    let commas = "Label,DAY,Notes,week,start,END\n\
\"long day, ward 5\",Mon,x,1,08:00,20:30\n\
\"night\nsecond line\",Fri,,2,20:00,08:30\n\
,Sat,,3,25:00,09:00\n";
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
    assert_eq!(preview.weeks, 2);
}

#[test]
fn hours_instead_of_end_and_the_rejected_times_and_lengths() {
    let text = "Week\tDay\tStart\tHours\n\
1\tMon\t0900\t8\n\
1\tTue\t8:30\t12.5\n\
1\tWed\t08:00\t12:30\n\
1\tThu\t07:00\t10,5\n\
1\tFri\t00:00\t12.25\n\
2\tMon\t08:00\t8.33\n\
2\tTue\t08:00\t0\n\
2\tWed\t08:00\t25\n\
2\tThu\t24:00\t8\n\
2\tFri\t08:00\t\n\
2\tSat\t8am\t8\n\
2\tSun\t08:00\t12h30\n\
3\tMon\t08:00:00\t8\n\
3\tTue\t08:60\t8\n";
    let preview = parse(text);
    assert_eq!(
        preview.shifts,
        vec![
            sh(1, Mon, at(9, 0), 480),
            sh(1, Tue, at(8, 30), 750),
            sh(1, Wed, at(8, 0), 750),
            sh(1, Thu, at(7, 0), 630),
            sh(1, Fri, at(0, 0), 735),
        ]
    );
    assert_eq!(preview.weeks, 1);
    assert_eq!(
        problems(&preview),
        vec![
            (
                7,
                "'8.33' is not hours and whole minutes (write e.g. 12.5 or 12:30)"
            ),
            (
                8,
                "a worked shift lasts 1 minute to 24 h (this one lasts 0 min)"
            ),
            (
                9,
                "a worked shift lasts 1 minute to 24 h (this one lasts 1500 min)"
            ),
            (10, "a shift cannot start at 24:00 (write 00:00)"),
            (11, "no end time or hours"),
            (12, "'8am' is not a time of day"),
            (
                13,
                "'12h30' is not hours and whole minutes (write e.g. 12.5 or 12:30)"
            ),
            (14, "'08:00:00' is not a time of day"),
            (15, "'08:60' is not a time of day"),
        ]
    );
    // Weeks outside 1–52, an on-call period over 72 hours, an unknown kind.
    let preview = parse("week\tday\tstart\thours\tkind\n0\tMon\t08:00\t8\n53\tMon\t08:00\t8\n1\tSat\t09:00\t72:30\ton call\n1\tSat\t09:00\t72\tOn-Call\n1\tSun\t09:00\t8\tholiday\nW1\tSun\t09:00\t8\n");
    assert_eq!(
        problems(&preview),
        vec![
            (2, "week 0 is outside 1–52"),
            (3, "week 53 is outside 1–52"),
            (
                4,
                "an on-call period lasts 1 minute to 72 h (this one lasts 4350 min)"
            ),
            (
                6,
                "kind 'holiday' is not worked, on-call, non-resident on-call or resident on-call"
            ),
            (7, "week 'W1' is not a number"),
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
    // UK dates and ISO dates; 7 August 2024 is a Wednesday, so week 1 starts
    // on Monday 5 August; rows need not be in order.
    let text = "Date\tStart\tEnd\tKind\tLabel\n\
12/08/2024\t09:00\t17:00\n\
07/08/2024\t20:00\t08:30\ton call\n\
2024-08-07\t08:00\t20:30\t\tlong day\n\
18/08/2024\t09:00\t17:00\n\
32/08/2024\t09:00\t17:00\n\
13/08/24\t09:00\t17:00\n\
08/13/2024\t09:00\t17:00\n\
Tue 13/08/2024\t09:00\t17:00\n\
01/01/2026\t09:00\t17:00\n";
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
    let not_a_date = |d: &str| format!("'{d}' is not a date (write DD/MM/YYYY or YYYY-MM-DD)");
    assert_eq!(
        problems(&preview),
        vec![
            (6, not_a_date("32/08/2024").as_str()),
            (7, not_a_date("13/08/24").as_str()),
            (8, not_a_date("08/13/2024").as_str()),
            (9, not_a_date("Tue 13/08/2024").as_str()),
            (10, "week 74 is outside 1–52"),
        ]
    );
    // A date across a year end and a leap day.
    let preview = parse(
        "date,start,end\n2023-12-31,09:00,17:00\n29/02/2024,09:00,17:00\n29/02/2023,09:00,17:00\n",
    );
    assert_eq!(
        preview.shifts,
        vec![sh(1, Sun, at(9, 0), 480), sh(10, Thu, at(9, 0), 480)]
    );
    assert_eq!(
        problems(&preview),
        vec![(4, not_a_date("29/02/2023").as_str())]
    );
    assert_eq!(preview.weeks, 10);
}

#[test]
fn a_list_without_a_header_is_week_day_start_end_kind_label() {
    let text = "1\tMon\t08:00\t20:30\tlong day\n\
1\tTUESDAY\t08:00\t20:30\ton-call\n\
1\t3\t09:00\t17:00\tresident on call\tward round\n\
1\tthu\t09:00\t17:00\t\tteaching\n\
2\t7\t09:00\t17:00\n\
2\tFri\t09:00\t17:00\tholiday\tx\n\
2\t8\t09:00\t17:00\n\
\n";
    let preview = parse(text);
    assert_eq!(preview.shape, PasteShape::List);
    assert_eq!(preview.weeks, 2);
    assert_eq!(
        preview.shifts,
        vec![
            labelled(sh(1, Mon, at(8, 0), 750), "long day"),
            kind(sh(1, Tue, at(8, 0), 750), ShiftKind::NonResidentOnCall),
            labelled(
                kind(sh(1, Wed, at(9, 0), 480), ShiftKind::ResidentOnCall),
                "ward round"
            ),
            labelled(sh(1, Thu, at(9, 0), 480), "teaching"),
            sh(2, Sun, at(9, 0), 480),
        ]
    );
    assert_eq!(
        problems(&preview),
        vec![
            (
                6,
                "kind 'holiday' is not worked, on-call, non-resident on-call or resident on-call"
            ),
            (7, "day '8' is not a day of the week"),
        ]
    );
    assert_eq!(
        preview.notes,
        vec!["on-call periods have no expected work yet: add it in the editor"]
    );
}

#[test]
fn a_four_week_grid_with_header_and_legend() {
    let text = "Week\tMon\tTue\tWed\tThu\tFri\tSat\tSun\n\
1\tLD\tLD\tOFF\tD\td\t\t\n\
2\tN\tN\tN\t\t\t\t\n\
3\tSD\tD\tX\tD\tD\tOC\tOC\n\
4\t\t\t-\t\tOC\tLD\tLD\n\
\t\t\t\t\t\t\t\n\
Legend\t\t\t\t\t\t\t\n\
LD\t08:00\t20:30\tlong day\t\t\t\t\n\
N\t20:00\t08:00\t\tnight\t\t\t\n\
SD\t09:00\t13:00\tshort day\t\t\t\t\n\
OC\t17:00\t09:00\ton-call\tevening on call\t\t\t\n\
D\t08:00\t16:00\t\t\t\t\t\n\
D\t07:00\t16:00\t\t\t\t\t\n";
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
            oc(4, Fri),
            ld(4, Sat),
            ld(4, Sun),
        ]
    );
    assert_eq!(
        problems(&preview),
        vec![(
            4,
            "Wed: unknown code 'X' (known codes: LD, N, SD, OC, D, L, E, OFF, O, -)"
        )]
    );
    assert_eq!(
        preview.notes,
        vec![
            "row 1 read as the header",
            "legend: LD, N, SD, OC, D, D",
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
off,OFF,L,E,OC,-,o\n";
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
    assert_eq!(
        preview.notes,
        vec![
            "no legend: built-in codes used",
            "on-call periods have no expected work yet: add it in the editor",
        ]
    );

    // An unknown code without a legend says which codes exist; a week label.
    let preview = parse("Week 1\tD\tZZ\tD\tD\tD\t\t\n");
    assert_eq!(preview.shifts.len(), 4);
    assert_eq!(
        problems(&preview),
        vec![(
            1,
            "Tue: unknown code 'ZZ' (known codes: D, LD, L, E, N, OC, OFF, O, -)"
        )]
    );
    // Week 53 of a grid is reported once.
    let preview = parse(&"D\n".repeat(53));
    assert_eq!(preview.weeks, 52);
    assert_eq!(preview.shifts.len(), 52);
    assert_eq!(problems(&preview), vec![(53, "week 53 is outside 1–52")]);
}

#[test]
fn a_grid_header_in_any_order_a_key_legend_with_its_header_hours_and_off_codes() {
    // Days in the header in any order; a totals column is ignored; the legend
    // starts at `Key`, has its own header row, hours instead of an end, an
    // off code, a kind and a bad row.
    let text = "Week\tSun\tMon\tTue\tWed\tThu\tFri\tSat\tTotal\n\
1\tN\tSD\tAL\tal\tD\tD\t\t20\n\
2\t\tN\tN\tQ\t\t\t\t24\n\
Key\n\
Code\tStart\tEnd\tLabel\n\
SD\t09:00\t4\tshort day\n\
AL\toff\n\
N\t21:00\t0800\tnight\n\
RC\t09:00\t25:00\n\
OC\t09:00\t24\tresident on call\n";
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
                3,
                "Wed: unknown code 'Q' (known codes: SD, AL, N, OC, D, LD, L, E, OFF, O, -)"
            ),
            (9, "'25:00' is not a time of day"),
        ]
    );
    assert_eq!(preview.notes[1], "legend: SD, AL, N, OC");

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
    let empty =
        "The paste is empty: copy the rota's cells from the spreadsheet and paste them here.";
    assert_eq!(refused(""), empty);
    assert_eq!(refused(" \r\n\t\n\n"), empty);
    assert_eq!(refused("\u{feff}"), empty);
    assert_eq!(refused(",,\n,\n"), empty);
    let neither = "This paste is in neither shape the rota editor reads: one row per shift \
        (week, day, start, end — or date, start, end), or one row per week with a column per \
        day (Mon to Sun) holding shift codes. See the help for examples.";
    assert_eq!(refused("hello world\nthis is not a rota\n"), neither);
    assert_eq!(refused("{\"rotas\": [1, 2, 3]}"), neither);
    let binary_message = "This does not look like text copied from a spreadsheet (it holds \
        control characters). Copy the cells and paste them here.";
    assert_eq!(refused("\u{0}\u{1}\u{2}PK\u{3}\u{4}"), binary_message);
    let binary: String = (0u8..=255).cycle().take(5_000).map(char::from).collect();
    assert_eq!(refused(&binary), binary_message);
    let huge = "1\tMon\t08:00\t17:00\n".repeat(MAX_PASTE_BYTES / 10);
    assert_eq!(
        refused(&huge),
        "The paste is 360 KB; at most 200 KB can be read. Paste one rota at a time."
    );
    let many = "1\tMon\t08:00\t17:00\n".repeat(2_001);
    assert_eq!(
        refused(&many),
        "The paste has 2001 rows; at most 2000 can be read. Paste one rota at a time."
    );
    assert_eq!(
        refused("week\tday\tstart\tend\n"),
        "The paste has a header row but no rows of shifts below it."
    );
    let header =
        "The header needs columns named start, end (or hours), and date (or week and day).";
    assert_eq!(
        refused("week\tday\tstart\tlabel\n1\tMon\t08:00\tx\n"),
        header
    );
    assert_eq!(refused("week\tstart\tend\n1\t08:00\t17:00\n"), header);
    assert_eq!(
        refused("Mon\tTue\tWed\tThu\tFri\n\nLegend\nX\t08:00\t09:00\n"),
        "The paste has no rows of shift codes (one row per week, Mon to Sun)."
    );
    // 2,000 rows are still read.
    let most = "1\tMon\t08:00\t17:00\n".repeat(2_000);
    assert_eq!(parse(&most).shifts.len(), 2_000);
    // A stray control character is a row problem, not a refusal.
    let preview = parse("1\tMon\t08:00\t17:00\n1\tTue\t08:00\u{7}\t17:00\n");
    assert_eq!(preview.shifts.len(), 1);
    assert_eq!(
        problems(&preview),
        vec![(2, "'08:00\u{7}' is not a time of day")]
    );
}

#[test]
fn long_rows_and_cells_are_cut_in_problems_and_long_labels_refused() {
    let long_label = "x".repeat(300);
    let text = format!(
        "week\tday\tstart\tend\tlabel\n1\tMon\t08:00\t17:00\t{long_label}\n1\t{}\t08:00\t17:00\n1\tTue\t08:00\t17:00\t{}\n",
        "y".repeat(40),
        "é".repeat(200)
    );
    let preview = parse(&text);
    assert_eq!(
        preview.shifts,
        vec![labelled(sh(1, Tue, at(8, 0), 540), &"é".repeat(200))]
    );
    assert_eq!(preview.rows.len(), 2);
    assert_eq!(preview.rows[0].row, 2);
    assert_eq!(
        preview.rows[0].reason,
        "the label is longer than 200 characters"
    );
    assert_eq!(
        preview.rows[0].text,
        format!("1\tMon\t08:00\t17:00\t{}…", "x".repeat(62))
    );
    assert_eq!(
        preview.rows[1].reason,
        format!("day '{}…' is not a day of the week", "y".repeat(30))
    );
    // A quote that is never closed is kept as a character.
    let preview =
        parse("week,day,start,end,label\n1,Mon,08:00,17:00,\"open\n1,Tue,08:00,17:00,x\n");
    assert_eq!(
        preview.shifts,
        vec![
            labelled(sh(1, Mon, at(8, 0), 540), "\"open"),
            labelled(sh(1, Tue, at(8, 0), 540), "x"),
        ]
    );
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
        Just("OC".to_string()),
        Just("Key".to_string()),
        Just("date".to_string()),
        Just("-".to_string()),
        Just("–".to_string()),
        Just("on-call".to_string()),
        regex("[0-9]{1,5}"),
        regex("[0-9]{1,2}:[0-9]{2}"),
        regex("[0-9]{1,2}/[0-9]{1,2}/[0-9]{2,4}"),
        regex("[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"),
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
        let mut text = String::from("day;label;WEEK;kind;hours;Start\n");
        for s in &shifts {
            let row = [
                (s.day as u8 + 1).to_string(),
                field(s.label.as_deref().unwrap_or(""), ';'),
                s.week.to_string(),
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
