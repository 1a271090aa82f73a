//! The comparison in brief (`engine::summary`): the sentence the page and the
//! command line open with, and one row per column, each figure the
//! comparison's own (by id).

use offer_compare::codec::json::scenario_from_json;
use offer_compare::engine::compare::{compare, split_role, Comparison};
use offer_compare::engine::offer::Marker;
use offer_compare::engine::scenario::Scenario;
use offer_compare::engine::summary::{summarise, Direction, Summary, SummaryFigure};
use rust_decimal::Decimal;
use serde_json::{json, Value};
use std::str::FromStr;

const THEN_AND_NOW: &str = include_str!("../../examples/then-and-now.json");

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// The default scenario's JSON, to edit.
fn default_json() -> Value {
    serde_json::from_str(crate::common::STRIKE_2016).unwrap()
}

/// The scenario through the codec the command line uses, its comparison and summary.
fn summary_of(json: &str) -> (Scenario, Comparison, Summary) {
    let scenario = scenario_from_json(json).expect("a valid scenario");
    let comparison = compare(&scenario, offer_compare::reference()).expect("compares");
    let summary = summarise(&comparison, &scenario);
    (scenario, comparison, summary)
}

/// Every figure the summary quotes is the comparison's own: same id, value,
/// unit and marker in the same column (a rest metric for `rest:` ids).
fn assert_figures_are_the_comparisons(comparison: &Comparison, summary: &Summary) {
    for (row, column) in summary.rows.iter().zip(&comparison.columns) {
        assert_eq!(row.column, column.id);
        let check = |f: &SummaryFigure| match column.figure(&f.figure) {
            Some(figure) => {
                assert_eq!(
                    (figure.value, figure.unit, figure.marker),
                    (f.value, f.unit, f.marker),
                    "{} {}",
                    row.column,
                    f.figure
                );
            }
            None => {
                let metric = column.metric(&f.figure).expect(&f.figure);
                assert_eq!((metric.value, metric.unit), (f.value, f.unit));
            }
        };
        check(&row.gross);
        row.net.iter().for_each(check);
        row.per_hour.iter().for_each(check);
        row.rest.longest_shift.iter().for_each(check);
        for diff in row.difference.iter().chain(&row.net_difference) {
            check(&diff.pounds);
            diff.percent.iter().for_each(check);
        }
        let checked: Vec<&str> = column.rest.checks.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(row.rest.checked, checked);
    }
    for r in &summary.sentence_figures {
        let column = comparison.columns.iter().find(|c| c.id == r.column);
        assert!(column.and_then(|c| c.figure(&r.figure)).is_some(), "{r:?}");
    }
}

#[test]
fn the_page_opens_on_the_new_entrant_beside_the_doctor_in_post() {
    // contract-2002@2 puts fy2-medical@1 (weekends 1 in 4) in band 1A: 28,357 × 1.5 = £42,535.50.
    // A doctor in post is protected at that 2002 pay (cash floor, 2016/17 scale on 2 Aug 2016);
    // a new entrant gets the new contract's own pay.
    let (_, comparison, summary) = summary_of(offer_compare::DEFAULT_SCENARIO);
    let columns: Vec<(&str, &str, Decimal)> = comparison
        .columns
        .iter()
        .map(|c| (c.id.as_str(), c.offer_name.as_str(), c.gross_annual()))
        .collect();
    assert_eq!(
        columns,
        [
            (
                "contract-2002",
                "2002 contract (New Deal hours and banding)",
                d("42535.50")
            ),
            (
                "imposed",
                "Imposed contract, Feb 2016 (TCS v1) — new entrant",
                d("38282.26")
            ),
            (
                "imposed+",
                "Imposed contract, Feb 2016 (TCS v1) — doctor in post (2002 pay protection)",
                d("42535.50")
            ),
            (
                "may-2016",
                "2016 TCS (May 2016 terms, as introduced) — new entrant",
                d("39400.30")
            ),
            (
                "may-2016+",
                "2016 TCS (May 2016 terms, as introduced) — doctor in post (2002 pay protection)",
                d("42535.50")
            ),
        ]
    );
    // The protection line lifts each new contract's pay to the floor:
    // 42,535.50 − 38,282.26 (imposed) and 42,535.50 − 39,400.30 (May 2016).
    let protection = |i: usize| {
        comparison.columns[i]
            .figure("pay_protection")
            .map(|f| f.value)
    };
    assert_eq!(protection(2), Some(d("4253.24")));
    assert_eq!(protection(4), Some(d("3135.20")));
    // Each doctor in post is shown in the card of its new entrant: three
    // cards, the 2002 baseline alone.
    let cards: Vec<(usize, Option<usize>)> =
        summary.cards.iter().map(|c| (c.row, c.in_post)).collect();
    assert_eq!(cards, [(0, None), (1, Some(2)), (3, Some(4))]);
    // The brief names the widest gap: the imposed contract's new entrant, £4,253.24 less.
    // The default is on the corrected presets: imposed-2016-02@2 has 13 sourced limits
    // (@1 had 7), and pays as @1 on a rota without on call.
    assert_eq!(
        comparison
            .columns
            .iter()
            .map(|c| c.offer_version)
            .collect::<Vec<_>>(),
        [2, 2, 2, 2, 2]
    );
    assert_eq!(
        summary.sentence,
        "Under ‘Imposed contract, Feb 2016 (TCS v1) — new entrant’ this FY2 doctor earns \
         £4,253.24 (10%) less a year than under ‘2002 contract (New Deal hours and banding)’ for \
         the same rota; all 13 of its limits are kept. The other 3 offers pay between £3,135.20 \
         less and the same a year."
    );
    assert_figures_are_the_comparisons(&comparison, &summary);
}

#[test]
fn the_default_scenario_in_brief() {
    let (_, comparison, summary) = summary_of(crate::common::STRIKE_2016);
    // The widest gap from the 2002 contract is the BMA position's: £1,476.13.
    assert_eq!(
        summary.sentence,
        "Under ‘BMA position, Feb 2016 (reconstruction: the BMA never published numbers)’ this FY2 \
         doctor earns £1,476.13 (3.72%) less a year than under ‘2002 contract (New Deal hours and \
         banding)’ for the same rota; all 7 of its limits are kept. The other 3 offers pay between \
         £1,417.54 less and £299.50 less a year."
    );
    let quoted: Vec<(&str, &str)> = summary
        .sentence_figures
        .iter()
        .map(|r| (r.column.as_str(), r.figure.as_str()))
        .collect();
    assert_eq!(
        quoted,
        [
            ("bma", "diff_annual"),
            ("bma", "diff_percent"),
            ("nov-2015", "diff_annual"),
            ("imposed", "diff_annual"),
            ("may-2016", "diff_annual"),
        ]
    );
    assert_figures_are_the_comparisons(&comparison, &summary);

    let rows: Vec<(&str, &str, &str, bool)> = summary
        .rows
        .iter()
        .map(|r| {
            (
                r.column.as_str(),
                r.status.as_str(),
                r.pay_year.as_str(),
                r.baseline,
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (
                "contract-2002",
                "in force, closed to new entrants from 2016-10-05",
                "2016/17",
                true
            ),
            ("nov-2015", "offer, superseded", "2016/17 (proposed)", false),
            (
                "imposed",
                "imposed, never introduced",
                "2016/17 (proposed; values assumed)",
                false
            ),
            ("bma", "reconstruction", "2016/17 (reconstruction)", false),
            ("may-2016", "in force", "2016/17", false),
        ]
    );

    let base = &summary.rows[0];
    assert_eq!(base.gross.value, d("39699.80"));
    assert!(base.difference.is_none() && base.net_difference.is_none());
    assert_eq!(base.gross.marker, None);

    let imposed = &summary.rows[2];
    assert_eq!(
        (imposed.gross.figure.as_str(), imposed.gross.value),
        ("gross_annual", d("38282.26"))
    );
    let diff = imposed.difference.as_ref().unwrap();
    assert_eq!(diff.direction, Direction::Less);
    assert_eq!(diff.pounds.value, d("-1417.54"));
    assert_eq!(diff.percent.as_ref().unwrap().value, d("-3.57"));
    assert_eq!(diff.words, "£1,417.54 (3.57%) less a year");
    assert_eq!(diff.warning, None);
    let net = imposed.net.as_ref().unwrap();
    assert_eq!(
        (net.figure.as_str(), net.value),
        ("net:annual", d("26929.94"))
    );
    assert_eq!(net.marker, Some(Marker::Secondary));
    let net_diff = imposed.net_difference.as_ref().unwrap();
    assert_eq!(net_diff.words, "£1,123.36 less a year");
    assert_eq!(net_diff.marker, Some(Marker::Secondary));
    let per_hour = imposed.per_hour.as_ref().unwrap();
    assert_eq!(
        (per_hour.figure.as_str(), per_hour.value),
        ("pay_per_hour", d("16.45"))
    );

    // Every limit is kept on this rota, and it has no on-call periods.
    let verdicts: Vec<&str> = summary.rows.iter().map(|r| r.rest.words.as_str()).collect();
    assert_eq!(
        verdicts,
        [
            "all 4 limits kept",
            "all 2 limits kept",
            "all 7 limits kept",
            "all 7 limits kept",
            "all 13 limits kept"
        ]
    );
    for row in &summary.rows {
        assert!(row.rest.breached.is_empty() && row.rest.worst.is_none());
        assert_eq!(row.rest.hours, "longest shift 12.5 h");
        assert_eq!(row.rest.on_call_hours, None);
    }
}

#[test]
fn one_offer_is_stated_alone() {
    let mut v = default_json();
    v["columns"] = json!([{ "id": "may-2016", "offer": "tcs-2016", "rota": "fy2-medical", "pay_date": "2016-08-03" }]);
    v["baseline"] = Value::Null;
    let (_, comparison, summary) = summary_of(&v.to_string());
    let sentence = "Under ‘2016 TCS (May 2016 terms, as introduced)’ this FY2 doctor earns \
                    £39,400.30 a year, £16.93 per hour worked; all 13 of its limits are kept.";
    assert_eq!(summary.sentence, sentence);
    assert_eq!(summary.rows.len(), 1);
    assert!(summary.rows[0].difference.is_none());
    assert_figures_are_the_comparisons(&comparison, &summary);
    // As its own baseline it is still stated alone.
    v["baseline"] = json!("may-2016");
    assert_eq!(summary_of(&v.to_string()).2.sentence, sentence);
}

#[test]
fn without_a_baseline_the_best_and_worst_paid_are_stated() {
    let mut v = default_json();
    v["baseline"] = Value::Null;
    let (_, comparison, summary) = summary_of(&v.to_string());
    assert_eq!(
        summary.sentence,
        "With no baseline chosen: ‘2002 contract (New Deal hours and banding)’ pays this FY2 doctor \
         the most, £39,699.80 a year (all 4 of its limits are kept), and ‘BMA position, Feb 2016 \
         (reconstruction: the BMA never published numbers)’ the least, £38,223.67 a year (all 7 of \
         its limits are kept)."
    );
    assert!(summary.rows.iter().all(|r| r.difference.is_none()));
    assert_figures_are_the_comparisons(&comparison, &summary);
}

#[test]
fn breaches_and_on_call_are_said_in_the_verdict() {
    let mut v = default_json();
    v["doctor"]["ltft"] = json!("0.6");
    v["rotas"] = json!(["breaches-2016@1", "anaesthetics-24h-on-call@1"]);
    v["columns"] = json!([
        { "id": "2002", "offer": "contract-2002", "rota": "anaesthetics-24h-on-call" },
        { "id": "imposed", "offer": "imposed-2016-02", "rota": "breaches-2016" },
    ]);
    v["baseline"] = json!("2002");
    let (_, comparison, summary) = summary_of(&v.to_string());
    assert_figures_are_the_comparisons(&comparison, &summary);
    // A 24-hour on-call rota is not read as 9.5-hour shifts.
    let on_call = &summary.rows[0].rest;
    assert_eq!(on_call.words, "all 4 limits kept");
    assert_eq!(on_call.hours, "longest shift 9.5 h; on call up to 24 h");
    assert_eq!(on_call.on_call_hours, Some(d("24")));
    let breaching = &summary.rows[1].rest;
    let imposed = &comparison.columns[1];
    let breached: Vec<&str> = imposed
        .rest
        .checks
        .iter()
        .filter(|c| !c.passed)
        .map(|c| c.id.as_str())
        .collect();
    assert!(!breached.is_empty());
    assert_eq!(breaching.breached, breached);
    let worst = imposed
        .rest
        .checks
        .iter()
        .find(|c| Some(&c.id) == breaching.worst.as_ref())
        .expect("the worst breach is one of the breached limits");
    let prefix = format!(
        "{} of 7 limits breached; worst: {}",
        breached.len(),
        worst.text
    );
    assert!(breaching.words.starts_with(&prefix), "{}", breaching.words);
    assert!(
        breaching.words.contains(&worst.breaches[0].location.at),
        "{}",
        breaching.words
    );
    assert!(summary
        .sentence
        .contains("this FY2 doctor working 60% of full time earns"));
    assert!(
        summary.sentence.contains("on its own rota"),
        "{}",
        summary.sentence
    );
    assert!(
        summary
            .sentence
            .contains(&format!("{} of its 7 limits are breached", breached.len())),
        "{}",
        summary.sentence
    );
}

#[test]
fn different_pay_years_are_said_beside_the_difference() {
    let (_, comparison, summary) = summary_of(THEN_AND_NOW);
    assert_figures_are_the_comparisons(&comparison, &summary);
    let warning = "compares pay of 2025/26 with pay of 2016/17: not in one year's money";
    let today = &summary.rows[1];
    let diff = today.difference.as_ref().unwrap();
    assert_eq!(diff.direction, Direction::More);
    assert_eq!(diff.words, "£18,005.94 (45.7%) more a year");
    assert_eq!(diff.warning.as_deref(), Some(warning));
    assert_eq!(
        today.net_difference.as_ref().unwrap().warning.as_deref(),
        Some(warning)
    );
    assert_eq!(
        summary.sentence,
        format!(
            "Under ‘2016 TCS today (2024/25 to 2026/27)’ this FY2 doctor earns £18,005.94 (45.7%) \
             more a year than under ‘2016 TCS (May 2016 terms, as introduced)’ for the same rota \
             ({warning}); all 13 of its limits are kept."
        )
    );
    // Paid in the same pay year, no warning.
    let (_, _, default) = summary_of(crate::common::STRIKE_2016);
    assert!(default
        .rows
        .iter()
        .filter_map(|r| r.difference.as_ref())
        .all(|d| d.warning.is_none()));
}

/// The default scenario's JSON (examples/default.json), to edit.
fn current_default() -> Value {
    serde_json::from_str(include_str!("../../examples/default.json")).unwrap()
}

fn heading_of(json: &Value) -> String {
    let scenario = scenario_from_json(&json.to_string()).expect("a valid scenario");
    offer_compare::engine::title::heading(&scenario)
}

#[test]
fn the_default_heading_is_written_from_the_grade_rota_date_and_offers() {
    assert_eq!(
        heading_of(&current_default()),
        "An FY2 doctor on FY2 general medicine, April 2016: \
         2002 contract vs Imposed contract, Feb 2016 vs 2016 TCS"
    );
}

#[test]
fn the_heading_follows_a_change_of_grade_rota_and_date() {
    let mut json = current_default();
    json["doctor"]["grade"] = json!("ST3");
    json["rotas"] = json!(["anaesthetics-24h-on-call@1"]);
    json["pay_date"] = json!("2016-05-03");
    for column in json["columns"].as_array_mut().unwrap() {
        column["rota"] = json!("anaesthetics-24h-on-call");
    }
    let heading = heading_of(&json);
    assert!(
        heading.starts_with("An ST3 doctor on Anaesthetics"),
        "{heading}"
    );
    assert!(heading.contains(", May 2016: "), "{heading}");
    json["doctor"]["grade"] = json!("CT1");
    assert!(heading_of(&json).starts_with("A CT1 doctor on "));
}

#[test]
fn a_typed_title_is_kept_and_more_than_three_offers_are_counted() {
    let mut json = default_json();
    assert_eq!(
        heading_of(&json),
        "The April 2016 all-out strike: an FY2 doctor on a typical medical rota"
    );
    json["title"] = json!("   ");
    let heading = heading_of(&json);
    assert!(heading.ends_with(" and 2 other offers"), "{heading}");
    assert_eq!(heading.matches(" vs ").count(), 2, "{heading}");
}

#[test]
fn a_heading_splits_into_the_offer_and_which_doctor_only_at_a_known_role() {
    assert_eq!(
        split_role(
            "2016 TCS (May 2016 terms, as introduced) — doctor in post (2002 pay protection)"
        ),
        (
            "2016 TCS (May 2016 terms, as introduced)",
            Some("doctor in post (2002 pay protection)")
        )
    );
    assert_eq!(
        split_role("Imposed contract, Feb 2016 (TCS v1) — new entrant"),
        ("Imposed contract, Feb 2016 (TCS v1)", Some("new entrant"))
    );
    // A user's own name with a dash in it is left whole.
    assert_eq!(
        split_role("My offer — revised"),
        ("My offer — revised", None)
    );
    assert_eq!(split_role("2002 contract"), ("2002 contract", None));
}

#[test]
fn a_doctor_in_post_shares_a_card_only_with_its_own_new_entrant() {
    let mut value: Value = serde_json::from_str(offer_compare::DEFAULT_SCENARIO).unwrap();
    let columns = value["columns"].as_array_mut().unwrap();
    // A second doctor in post of the May 2016 deal (the other protection
    // section) and one paid on another date: neither has a card to share.
    columns.push(json!({ "id": "stay", "offer": "tcs-2016", "rota": "fy2-medical",
        "pay_date": "2016-08-03",
        "protection": { "section": "stay_on_2002", "offer": "contract-2002", "day_before": "2016-08-02" } }));
    columns.push(json!({ "id": "later", "offer": "tcs-2016", "rota": "fy2-medical",
        "pay_date": "2016-09-01",
        "protection": { "section": "cash_floor", "offer": "contract-2002", "day_before": "2016-08-02" } }));
    let (_, _, summary) = summary_of(&value.to_string());
    let cards: Vec<(usize, Option<usize>)> =
        summary.cards.iter().map(|c| (c.row, c.in_post)).collect();
    assert_eq!(
        cards,
        [(0, None), (1, Some(2)), (3, Some(4)), (5, None), (6, None)]
    );
}
