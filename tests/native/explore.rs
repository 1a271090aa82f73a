//! The scenario explorer: break-even values derived by hand, sweeps against
//! direct comparisons, crossovers and the command line.
use crate::common::*;
use offer_compare::engine::compare::compare;
use offer_compare::engine::explore::break_even::{BreakEven, Method};
use offer_compare::engine::explore::{
    apply, break_even, gains, standard_cases, sweep, Case, Outcome, Quantity,
};
use offer_compare::engine::offer::WeekendDefinition;
use offer_compare::engine::scenario::Scenario;
use offer_compare::engine::time::Weekday::*;
use proptest::prelude::*;

fn default_scenario() -> Scenario {
    offer_compare::codec::json::scenario_from_json(crate::common::STRIKE_2016).expect("default")
}

fn q(spec: &str) -> Quantity {
    Quantity::parse(spec).expect("spec")
}

/// Mon–Thu 09:00–17:00 for 4 weeks: 32 h a week, no weekend.
fn weekday_rota() -> offer_compare::engine::rota::Rota {
    let days = [Mon, Tue, Wed, Thu];
    rota(
        4,
        (1..=4u8)
            .flat_map(|w| days.map(|day| shift(w, day, "09:00", 480)))
            .collect(),
    )
}

/// Break-even of `column` against May 2016 in the default scenario, as
/// `offer`'s Saturday 07:00–17:00 premium goes from 0 to `to` per cent.
fn saturday_break_even(offer: &str, column: &str, to: &str) -> BreakEven {
    let sat = q(&format!("premium_rate:{offer}:sat-day"));
    break_even(
        &default_scenario(),
        offer_compare::reference(),
        &sat,
        "may-2016",
        column,
        d("0"),
        d(to),
    )
    .unwrap()
}

/// The imposed contract's Saturday 07:00–17:00 premium (30%, paid at 1 in 4
/// Saturdays) against the May 2016 deal on the default FY2 rota.
///
/// Saturday hours in 07:00–17:00 on `fy2-medical@1`: week 4's long day
/// 08:00–20:30 gives 9 h, week 7's Friday night 20:00–08:30 gives
/// 07:00–08:30 = 1.5 h: 10.5 h per 8 weeks = 1.3125 h a week. The line is
/// £30,500 × rate × 1.3125 / 40 = £1,000.78125 × rate (at 30%: £300.234375 →
/// £300.23, as the comparison shows). Without it the imposed column is
/// £38,282.26 − £300.23 = £37,982.03; May 2016 pays £39,400.30, so the line
/// must reach £1,418.27. At 141.71%: £1,418.2071 → £1,418.21, £0.06 short; at
/// 141.72%: £1,418.3072 → £1,418.31, £0.04 over — a step of £0.10, the
/// penny-rounded value of 0.01 percentage point.
#[test]
fn break_even_of_the_saturday_premium_on_the_default_rota() {
    let s = default_scenario();
    let sat = q("premium_rate:imposed-2016-02:sat-day");
    let found = saturday_break_even("imposed-2016-02", "imposed", "200");
    assert_eq!(
        found.outcome,
        Outcome::Jump {
            x: d("141.72"),
            before: d("-0.06"),
            after: d("0.04"),
        }
    );
    assert_eq!(found.method, Method::Bisection);
    // 20,001 values of the grid, found in about log2(20,001) ≈ 15 steps.
    assert!(found.evaluations <= 17, "{}", found.evaluations);
    // The same by a direct comparison either side.
    for (x, diff) in [("141.71", "-0.06"), ("141.72", "0.04")] {
        let c = compare(&apply(&s, &sat, d(x)).unwrap(), offer_compare::reference()).unwrap();
        let gross = |id: &str| {
            c.columns
                .iter()
                .find(|k| k.id == id)
                .unwrap()
                .gross_annual()
        };
        assert_eq!(gross("imposed") - gross("may-2016"), d(diff), "{x}");
    }
}

/// The BMA reconstruction's Saturday daytime premium can never close the gap
/// to May 2016 within 0–100%: the line is £30,426.80 × rate × 1.3125 / 40 =
/// £998.379375 × rate (at ⅓: £332.79, as shown), the rest of the column
/// £38,223.67 − £332.79 = £37,890.88; at 100% £998.38 gives £38,889.26,
/// £511.04 short of £39,400.30.
#[test]
fn break_even_never_in_range() {
    assert_eq!(
        saturday_break_even("bma-position-2016-02", "bma", "100").outcome,
        Outcome::Never {
            best_x: d("100"),
            best_difference: d("-511.04"),
        }
    );
}

/// Equal exactly: B's basic £20,000 raised by 50% is A's £30,000 (40 h a
/// week of weekday work, so no other line); at 49.99% it is £29,998.00.
#[test]
fn break_even_exactly_equal() {
    let days = [Mon, Tue, Wed, Thu, Fri];
    let r = rota(1, days.map(|day| shift(1, day, "09:00", 480)).to_vec());
    let s = scenario(
        r,
        vec![offer("a", "30000", vec![]), offer("b", "20000", vec![])],
    );
    let found = break_even(
        &s,
        offer_compare::reference(),
        &q("basic_pay:b"),
        "a",
        "b",
        d("0"),
        d("100"),
    )
    .unwrap();
    assert_eq!(found.outcome, Outcome::Equal { x: d("50") });
    // A already pays more than B at any raise of A's own pay: B never catches up.
    let found = break_even(
        &s,
        offer_compare::reference(),
        &q("basic_pay:a"),
        "a",
        "b",
        d("0"),
        d("10"),
    )
    .unwrap();
    assert_eq!(
        found.outcome,
        Outcome::Never {
            best_x: d("0"),
            best_difference: d("-10000"),
        }
    );
}

/// A jump at a weekend-frequency band edge. A pays £30,000 + a £1,000 flat
/// allowance; B pays £30,000 + the 2016 weekend allowance. With no weekend B
/// is £1,000 behind; one weekend of long days in 4 weeks (Sat and Sun
/// 08:00–20:30, 25 h: 32 + 6.25 = 38.25 h a week, under 40, so no additional
/// hours) is 1 in 4: 7.5% × £30,000 = £2,250, so B leads by £1,250 — a jump of
/// £2,250 at x = 1.
#[test]
fn break_even_by_a_jump_at_a_band_edge() {
    let mut a = offer("a", "30000", vec![]);
    a.terms.allowances.push(allowance("flat", "1000", false));
    let mut b = offer("b", "30000", vec![]);
    b.terms
        .frequency_allowances
        .push(weekend_allowance(WeekendDefinition::ShiftBeginsOnWeekend));
    let s = scenario(weekday_rota(), vec![a, b]);
    let found = break_even(
        &s,
        offer_compare::reference(),
        &q("weekends_worked"),
        "a",
        "b",
        d("0"),
        d("4"),
    )
    .unwrap();
    assert_eq!(
        found.outcome,
        Outcome::Jump {
            x: d("1"),
            before: d("-1000"),
            after: d("1250"),
        }
    );
    assert_eq!(found.method, Method::Scan);
    // Two weekends in 4 (1 in 2) pay 10%: £3,000; 50 h of weekend in 4 weeks
    // make 32 + 12.5 = 44.5 h a week, 4.5 above 40 at £30,000 / 40 a year
    // per weekly hour: £3,375. £30,000 + £3,000 + £3,375 = £36,375.
    let at_two = apply(&s, &q("weekends_worked"), d("2")).unwrap();
    let c = compare(&at_two, offer_compare::reference()).unwrap();
    assert_eq!(value(&c, "b", "gross_annual"), Some(d("36375")));
}

#[test]
fn sweep_lists_the_points_and_where_columns_cross() {
    let s = default_scenario();
    let sat = q("premium_rate:imposed-2016-02:sat-day");
    let result = sweep(&s, offer_compare::reference(), &sat, d("140"), d("142"), 11).unwrap();
    assert_eq!(result.points.len(), 11);
    assert_eq!(result.points[3].x, d("140.6"));
    let imposed = result.columns.iter().position(|c| c == "imposed").unwrap();
    let may = result.columns.iter().position(|c| c == "may-2016").unwrap();
    // £37,982.03 + £1,000.78125 × 1.406 = £37,982.03 + £1,407.10 = £39,389.13.
    assert_eq!(result.points[3].cells[imposed].gross, d("39389.13"));
    assert_eq!(result.points[3].cells[may].gross, d("39400.30"));
    assert_eq!(result.crossovers.len(), 1);
    let c = result.crossovers[0];
    assert_eq!((c.a, c.b, c.ahead), (imposed, may, imposed));
    assert_eq!((c.from, c.to, c.equal_at), (d("141.6"), d("141.8"), None));

    // Exactly equal at a point: B = A at 50%, the order changes across it.
    let days = [Mon, Tue, Wed, Thu, Fri];
    let r = rota(1, days.map(|day| shift(1, day, "09:00", 480)).to_vec());
    let s = scenario(
        r,
        vec![offer("a", "30000", vec![]), offer("b", "20000", vec![])],
    );
    let result = sweep(
        &s,
        offer_compare::reference(),
        &q("basic_pay:b"),
        d("49"),
        d("51"),
        3,
    )
    .unwrap();
    let c = result.crossovers[0];
    assert_eq!(
        (c.from, c.to, c.equal_at, c.ahead),
        (d("49"), d("51"), Some(d("50")), 1)
    );
    // Whole weekends only: 0 to 1 in 100 steps is two points.
    let result = sweep(
        &s,
        offer_compare::reference(),
        &q("weekends_worked"),
        d("0"),
        d("1"),
        100,
    )
    .unwrap();
    assert_eq!(result.points.len(), 2);
}

#[test]
fn breaches_are_flagged_not_dropped() {
    // Three weekends in 8 weeks puts two in a row somewhere: the 2016 limits flag it.
    let s = default_scenario();
    let result = sweep(
        &s,
        offer_compare::reference(),
        &q("weekends_worked"),
        d("0"),
        d("8"),
        9,
    )
    .unwrap();
    assert_eq!(result.points.len(), 9);
    let may = result.columns.iter().position(|c| c == "may-2016").unwrap();
    assert!(!result.points[2].cells[may].breach);
    assert!(result.points[3].cells[may].breach);
}

#[test]
fn values_out_of_range_are_errors_with_messages() {
    let s = default_scenario();
    let cases = [
        ("weekends_worked", "9", "from 0 to 8"),
        ("weekends_worked", "1.5", "whole number"),
        ("nights_per_cycle", "57", "from 0 to 56"),
        ("hours_per_week", "0", "above 0"),
        (
            "hours_per_week",
            "100",
            "a worked shift lasts at most 24 hours",
        ),
        ("ltft_percent", "0", "above 0%"),
        ("ltft_percent", "101", "up to 100%"),
        ("premium_rate:tcs-2016:night", "201", "up to 200%"),
        (
            "premium_rate:tcs-2016:nope",
            "10",
            "no premium window or shift rule 'nope'",
        ),
        ("premium_rate:nope:night", "10", "no offer 'nope'"),
        ("window_start:tcs-2016:night", "1441", "from 0 to 1440"),
        (
            "frequency_threshold:tcs-2016:weekend:9",
            "3",
            "bands 1 to 7, not 9",
        ),
        ("frequency_threshold:tcs-2016:weekend:1", "0", "from 1"),
        ("basic_pay:tcs-2016", "-101", "at most 100%"),
        ("weekends_worked:nope", "1", "no rota 'nope'"),
    ];
    for (spec, x, message) in cases {
        let e = apply(&s, &q(spec), d(x)).expect_err(spec);
        assert!(e.contains(message), "{spec} = {x}: {e}");
    }
    // Bands out of order are the engine's validation error.
    let e = apply(&s, &q("frequency_threshold:tcs-2016:weekend:1"), d("5")).unwrap_err();
    assert!(e.contains("frequency_allowances"), "{e}");
    for bad in [
        "",
        "premium_rate",
        "premium_rate:a",
        "nope:a:b",
        "frequency_threshold:a:b:x",
    ] {
        assert!(Quantity::parse(bad).is_err(), "{bad}");
    }
    assert!(sweep(
        &s,
        offer_compare::reference(),
        &q("ltft_percent"),
        d("2"),
        d("1"),
        3
    )
    .is_err());
    assert!(sweep(
        &s,
        offer_compare::reference(),
        &q("ltft_percent"),
        d("1"),
        d("2"),
        0
    )
    .is_err());
    assert!(break_even(
        &s,
        offer_compare::reference(),
        &q("ltft_percent"),
        "x",
        "bma",
        d("1"),
        d("2")
    )
    .is_err());
}

#[test]
fn rota_quantities_do_what_they_say() {
    let s = default_scenario();
    let rota =
        |q: &str, x: &str| apply(&s, &Quantity::parse(q).unwrap(), d(x)).unwrap().rotas[0].clone();
    // 2 weekends worked (weeks 4 and 7): 1 removes week 7's, 3 adds week 1's.
    let one = rota("weekends_worked", "1");
    assert!(one.shifts.iter().all(|s| s.week != 7 || s.day < Sat));
    assert_eq!(one.shifts.len(), 39 - 2);
    let three = rota("weekends_worked", "3");
    assert_eq!(three.shifts.len(), 39 + 2);
    assert!(three.shifts.iter().any(|s| s.week == 1 && s.day == Sat));
    // 7 nights (weeks 2 and 7): 5 drops the last two (week 7 Sat, Sun).
    let five = rota("nights_per_cycle", "5");
    assert_eq!(five.shifts.len(), 39 - 2);
    // 44.63 h a week now (21,420 minutes in 8 weeks); 40 h is 19,200 minutes.
    let forty = rota("hours_per_week", "40");
    assert_eq!(forty.work_minutes(), 19_200);
    let ltft = apply(&s, &q("ltft_percent"), d("80")).unwrap();
    assert_eq!(ltft.doctor.ltft, "0.8".parse().unwrap());
}

#[test]
fn quantities_read_and_write_their_specs() {
    for spec in [
        "weekends_worked",
        "nights_per_cycle:fy2-medical",
        "hours_per_week",
        "ltft_percent",
        "premium_rate:tcs-2016:night",
        "window_start:tcs-2016:night",
        "window_end:tcs-2016:night",
        "frequency_threshold:tcs-2016:weekend:2",
        "basic_pay:tcs-2016",
    ] {
        assert_eq!(q(spec).to_string(), spec);
    }
    let json = serde_json::to_string(&q("premium_rate:tcs-2016:night")).unwrap();
    assert_eq!(
        json,
        r#"{"kind":"premium_rate","offer":"tcs-2016","window":"night"}"#
    );
    let back: Quantity = serde_json::from_str(&json).unwrap();
    assert_eq!(back, q("premium_rate:tcs-2016:night"));
    let unknown = r#"{"kind":"overtime_rate","offer":"x"}"#;
    assert!(serde_json::from_str::<Quantity>(unknown).is_err());
    let start = q("window_start:tcs-2016:night");
    assert_eq!(start.parse_value("21:30").unwrap(), d("1290"));
    assert_eq!(start.format_value(d("1290")), "21:30");
}

#[test]
fn command_line_sweeps_and_finds_break_even() {
    // Arguments as one line, split at spaces.
    let run = |line: &str| {
        let args: Vec<String> = line.split_whitespace().map(String::from).collect();
        offer_compare::cli::run(&args)
    };
    let sweep = "sweep examples/strike-2016.json --quantity premium_rate:imposed-2016-02:sat-day";
    let out = run(&format!("{sweep} --from 140 --to 142 --steps 11")).unwrap();
    // The page's sentences, the columns named by their offers.
    let crossing = "Between 141.6 and 141.8, Imposed contract, Feb 2016 (TCS v1) overtakes 2016 TCS (May 2016 terms, as introduced).";
    assert!(out.contains(crossing), "{out}");
    assert!(out.contains("£39,389.13"), "{out}");
    let csv = run(&format!(
        "{sweep} --from 140 --to 142 --steps 3 --format csv"
    ))
    .unwrap();
    let rows: Vec<&str> = csv.lines().collect();
    let title = "# Offer Compare sweep,premium_rate:imposed-2016-02:sat-day";
    assert_eq!(rows[0], title);
    // The default scenario shows take-home pay, so each column has its net too.
    assert!(rows[2].starts_with(
        "x,contract-2002 gross_annual,contract-2002 net_annual,contract-2002 breach,"
    ));
    assert!(
        rows[3].starts_with("140,39699.80,28053.30,no,"),
        "{}",
        rows[3]
    );
    assert_eq!(rows.len(), 6);
    let out = run("break-even examples/strike-2016.json may-2016 imposed --quantity premium_rate:imposed-2016-02:sat-day --from 0 --to 200").unwrap();
    let answer = "Imposed contract, Feb 2016 (TCS v1) jumps past 2016 TCS (May 2016 terms, as introduced) at 141.72:";
    assert!(out.contains(answer), "{out}");
    let out = run("gains examples/strike-2016.json").unwrap();
    assert!(out.contains("may-2016"), "{out}");
    let csv = run("gains examples/strike-2016.json --format csv").unwrap();
    let header = csv.lines().nth(1);
    assert_eq!(
        header,
        Some("rota,weight,column,gross_annual,change,breach")
    );
    let night = "sweep examples/strike-2016.json --quantity window_start:tcs-2016:night";
    let out = run(&format!("{night} --from 20:00 --to 22:00 --steps 3")).unwrap();
    assert!(out.contains("21:00"), "{out}");
    for bad in [
        "sweep examples/strike-2016.json --from 1 --to 2",
        "sweep examples/strike-2016.json --quantity nope --from 1 --to 2",
        &format!("{sweep} --from x --to 2"),
        &format!("{sweep} --from 1 --to 300"),
        "break-even examples/strike-2016.json may-2016 --quantity ltft_percent --from 1 --to 2",
        "gains examples/strike-2016.json --format json",
    ] {
        assert!(run(bad).is_err(), "{bad}");
    }
}

/// A (baseline) pays £30,000; B £29,000 and 50% for any Saturday hour. On
/// Mon–Fri 09:00–17:00 (40 h) B is £1,000 behind; on Mon–Thu and Saturday
/// 09:00–17:00 (still 40 h, so no additional hours) B adds £29,000 × 50% ×
/// 8 h / 40 h = £2,900: £1,900 ahead. Weighted 3 : 1, the median is −£1,000,
/// a quarter better off and three quarters worse off.
#[test]
fn gains_over_weighted_rotas() {
    let weekdays = |days: &[offer_compare::engine::time::Weekday]| {
        rota(
            1,
            days.iter()
                .map(|&day| shift(1, day, "09:00", 480))
                .collect(),
        )
    };
    let a = offer("a", "30000", vec![]);
    let b = offer(
        "b",
        "29000",
        vec![window("sat", &[Sat], "00:00", "24:00", "0.5")],
    );
    let s = scenario(weekdays(&[Mon, Tue, Wed, Thu, Fri]), vec![a, b]);
    let case = |label: &str, rota, weight: &str| Case {
        label: label.into(),
        rota,
        ltft: None,
        grade: None,
        weight: d(weight),
    };
    let cases = [
        case("weekdays", weekdays(&[Mon, Tue, Wed, Thu, Fri]), "3"),
        case("saturday", weekdays(&[Mon, Tue, Wed, Thu, Sat]), "1"),
    ];
    let found = gains(&s, offer_compare::reference(), &cases).unwrap();
    let b = &found.summary[1];
    assert_eq!(
        (b.best, b.worst, b.median),
        ((d("1900"), 1), (d("-1000"), 0), d("-1000"))
    );
    assert_eq!((b.better, b.worse), (d("0.25"), d("0.75")));
    assert_eq!(found.summary[0].best.0, d("0"));
    assert!(found.failed.is_empty());
    // The pay bill: a pays 30,000 on both rotas, b 29,000 on weekdays and
    // 29,000 + 2,900 with the Saturday: 3 × 30,000 + 1 × 30,000 = 120,000
    // against 3 × 29,000 + 1 × 31,900 = 118,900, a change of −1,100 / 120,000
    // = −0.9166…% → −0.92%: b is not cost-neutral, it saves.
    assert_eq!(found.summary[0].pay_bill, d("120000"));
    assert_eq!(found.summary[1].pay_bill, d("118900"));
    assert_eq!(found.pay_bill_change(1), Some(d("-0.92")));
    assert_eq!(found.pay_bill_change(0), Some(d("0")));
    // The standard set: the scenario's rota and the presets, with variations.
    let standard = standard_cases(&default_scenario(), offer_compare::reference());
    assert!(standard
        .iter()
        .any(|c| c.label == "preset fy1-ward@1, +1 weekend"));
    assert!(standard
        .iter()
        .any(|c| c.label == "scenario rota fy2-medical, LTFT 60%"));
    // Each at five grades; the scenario's own (FY2) goes unsaid.
    assert!(standard
        .iter()
        .any(|c| c.label == "preset fy1-ward@1, +1 weekend, ST3"));
    assert_eq!(standard.len() % 5, 0);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    /// Any sweep point equals a direct comparison of the scenario at that value.
    #[test]
    fn sweep_points_equal_direct_comparisons(
        which in 0usize..6,
        a in 0u32..10_000,
        b in 0u32..10_000,
    ) {
        let (spec, lo, span) = [
            ("premium_rate:imposed-2016-02:sat-day", 0, 200),
            ("basic_pay:tcs-2016", -50, 100),
            ("weekends_worked", 0, 8),
            ("hours_per_week", 38, 10),
            ("ltft_percent", 50, 50),
            ("window_start:tcs-2016:night", 1140, 240),
        ][which];
        let at = |k: u32| d(&(Decimal::from(lo) + Decimal::from(span) * Decimal::from(k) / Decimal::from(10_000)).to_string());
        let (from, to) = (at(a.min(b)), at(a.max(b)));
        let s = default_scenario();
        let quantity = q(spec);
        let result = sweep(&s, offer_compare::reference(), &quantity, from, to, 3).unwrap();
        for point in &result.points {
            let direct = compare(&apply(&s, &quantity, point.x).unwrap(), offer_compare::reference()).unwrap();
            for (cell, column) in point.cells.iter().zip(&direct.columns) {
                prop_assert_eq!(cell.gross, column.gross_annual());
                // The default scenario shows take-home pay: the net too.
                prop_assert_eq!(cell.net, column.figure("net:annual").map(|f| f.value));
                prop_assert!(cell.net.is_some());
                prop_assert_eq!(cell.breach, column.rest.checks.iter().any(|c| !c.passed));
            }
        }
    }
}

use rust_decimal::Decimal;

#[test]
fn explorer_settings_travel_with_the_scenario_and_change_no_figure() {
    use offer_compare::codec::json::{scenario_from_json, scenario_to_json};
    use offer_compare::codec::link::{scenario_from_link, scenario_to_link};
    use offer_compare::engine::explore::Exploration;
    let mut scenario = scenario_from_json(crate::common::STRIKE_2016).unwrap();
    let before = offer_compare::engine::compare(&scenario, offer_compare::reference()).unwrap();
    scenario.explore = Some(Exploration {
        quantity: Quantity::parse("premium_rate:imposed-2016-02:sat-day").unwrap(),
        from: Decimal::ZERO,
        to: Decimal::from(200),
        steps: 1000,
        pair: Some(("bma".into(), "imposed".into())),
    });
    let json = scenario_to_json(&scenario);
    // The quantity is written as its spec.
    assert!(
        json.contains(r#""quantity": "premium_rate:imposed-2016-02:sat-day""#),
        "{json}"
    );
    assert_eq!(scenario_from_json(&json).unwrap(), scenario);
    assert_eq!(
        scenario_from_link(&scenario_to_link(&scenario)).unwrap(),
        scenario
    );
    assert_eq!(
        offer_compare::engine::compare(&scenario, offer_compare::reference()).unwrap(),
        before
    );
    // A spec that names nothing readable is refused with the decoder's path.
    let bad = json.replace("premium_rate:imposed-2016-02:sat-day", "premium_rate");
    let e = scenario_from_json(&bad).unwrap_err();
    assert_eq!(e.path, "explore.quantity");
}

/// The sentences the page and the command line share (`explore/words.rs`),
/// one per outcome: B named first, amounts a year, never-reached as "short".
#[test]
fn break_even_and_crossover_sentences() {
    use offer_compare::engine::explore::{Crossover, Outcome};
    let rate = q("premium_rate:tcs-2016:night");
    let say = |o: Outcome| o.sentence(&rate, "A", "B");
    assert_eq!(
        say(Outcome::AtStart {
            x: d("0"),
            difference: d("12.5")
        }),
        "B already pays at least as much as A at 0 (£12.50 a year more)."
    );
    assert_eq!(
        say(Outcome::Equal { x: d("37") }),
        "B pays exactly what A pays at 37, and less below it."
    );
    assert_eq!(
        say(Outcome::Jump {
            x: d("24.15"),
            before: d("-0.05"),
            after: d("0.05")
        }),
        "B jumps past A at 24.15: from -£0.05 to £0.05 a year against it (a step of £0.10)."
    );
    assert_eq!(
        say(Outcome::Never {
            best_x: d("20"),
            best_difference: d("-1218.11")
        }),
        "B never pays as much as A in this range; closest at 20, £1,218.11 a year short."
    );
    let start = q("window_start:tcs-2016:night");
    let name = |k: usize| ["A", "B"][k].to_string();
    let crossing = |equal_at| Crossover {
        a: 0,
        b: 1,
        from: d("1260"),
        to: d("1320"),
        equal_at,
        ahead: 1,
    };
    assert_eq!(
        crossing(None).sentence(&start, &name),
        "Between 21:00 and 22:00, B overtakes A."
    );
    assert_eq!(
        crossing(Some(d("1290"))).sentence(&start, &name),
        "A and B are equal at 21:30; above it B pays more."
    );
}

/// LTFT changes every column, so no bisection: 0.01 % to 200 % at steps of
/// 0.01 is (200 − 0.01) ÷ 0.01 + 1 = 20,000 values, past the bound of 10,001,
/// and is refused before any value is computed, saying what to do.
#[test]
fn a_scan_past_its_bound_is_refused_with_what_to_do() {
    let s = default_scenario();
    let refused = break_even(
        &s,
        offer_compare::reference(),
        &q("ltft_percent"),
        "contract-2002",
        "imposed",
        d("0.01"),
        d("200"),
    )
    .unwrap_err();
    assert_eq!(
        refused,
        "from 0.01 to 200.00 there are 20000 values to try at steps of 0.01; when both columns \
         change with the quantity every value is tried, and at most 10001 are: narrow the range"
    );
}
