//! Engine I½ worked examples: frequency conditions, shift rules, weekend and
//! on-call allowances. Arithmetic in the comments; basic £30,000 unless said,
//! so one hour a week for a year at 37 % is 30,000 ÷ 40 × 0.37 = £277.50
//! (the 52.143s cancel: hourly = basic ÷ 52.143 ÷ 40, × 52.143 weeks).
use crate::common::*;
use offer_compare::engine::offer::{
    CountingUnit, FrequencyCondition, LtftWeekendRule, OnCallAllowance, OneIn, ShiftRule,
    WeekendDefinition,
};
use offer_compare::engine::rota::{ShiftKind, WorkBlock};
use offer_compare::engine::rounding::Rounding;
use offer_compare::engine::time::Weekday::*;

fn tcs_offer(rules: Vec<ShiftRule>) -> offer_compare::engine::offer::Offer {
    let mut o = offer(
        "tcs",
        "30000",
        vec![window("night", &EVERY_DAY, "21:00", "07:00", "37%")],
    );
    o.terms.shift_rules = rules;
    o
}

fn one_shift(start: &str, minutes: u32) -> offer_compare::engine::rota::Rota {
    rota(1, vec![shift(1, Mon, start, minutes)])
}

#[test]
fn the_2016_night_extension_at_exactly_8_hours_and_at_7_h_59() {
    // 20:00 + 8 h = 04:00: night window 21:00–04:00 = 7 h → 750 × 0.37 × 7 = £1,942.50;
    // the extension adds 20:00–21:00 = 1 h → £277.50.
    let c = run(&scenario(
        one_shift("20:00", 480),
        vec![tcs_offer(vec![night_extension_2016()])],
    ));
    assert_eq!(value(&c, "tcs", "premium:night"), Some(d("1942.50")));
    assert_eq!(value(&c, "tcs", "premium:ext"), Some(d("277.50")));
    // 20:00 + 7 h 59 does not qualify: only the window's 6 h 59 → 750 × 0.37 × 419/60 = 1,937.875 → £1,937.88.
    let c = run(&scenario(
        one_shift("20:00", 479),
        vec![tcs_offer(vec![night_extension_2016()])],
    ));
    assert_eq!(value(&c, "tcs", "premium:ext"), None);
    assert_eq!(value(&c, "tcs", "premium:night"), Some(d("1937.88")));
}

#[test]
fn the_extension_runs_until_10_00_and_no_further() {
    // 22:00 + 13 h = 11:00: window 22:00–07:00 = 9 h (£2,497.50); extension 07:00–10:00 = 3 h
    // (750 × 0.37 × 3 = £832.50); 10:00–11:00 is plain time.
    let c = run(&scenario(
        one_shift("22:00", 780),
        vec![tcs_offer(vec![night_extension_2016()])],
    ));
    assert_eq!(value(&c, "tcs", "premium:night"), Some(d("2497.50")));
    assert_eq!(value(&c, "tcs", "premium:ext"), Some(d("832.50")));
}

#[test]
fn the_hsj_reading_needs_more_than_8_hours() {
    // Same 20:00 + 8 h shift, HSJ reading ("lasts more than eight hours"): no extension.
    let mut s = scenario(
        one_shift("20:00", 480),
        vec![tcs_offer(vec![night_extension_2016()])],
    );
    s.columns[0].readings.insert("ext".into(), "hsj".into());
    let c = run(&s);
    assert_eq!(value(&c, "tcs", "premium:ext"), None);
    // 8 h 01 qualifies under HSJ and ends 04:01, by 10:00: 1 h extension again.
    s.rotas[0].shifts[0].minutes = 481;
    let c = run(&s);
    assert_eq!(value(&c, "tcs", "premium:ext"), Some(d("277.50")));
    let text = &c.columns[0].figure("premium:ext").unwrap().explanation.rule;
    assert!(text.contains("reading used: hsj"), "{text}");
}

#[test]
fn the_2019_rule_at_03_59_04_00_04_01_and_midnight() {
    let o = || vec![tcs_offer(vec![ends_by_four_2019()])];
    // 16:00 → 04:00 (12 h): qualifies; whole shift at 37 %: window 21:00–04:00 = 7 h (£1,942.50)
    // and the rule adds 16:00–21:00 = 5 h (750 × 0.37 × 5 = £1,387.50).
    let c = run(&scenario(one_shift("16:00", 720), o()));
    assert_eq!(value(&c, "tcs", "premium:night"), Some(d("1942.50")));
    assert_eq!(value(&c, "tcs", "premium:late"), Some(d("1387.50")));
    // 16:00 → 03:59 qualifies too: 5 h from the rule again.
    let c = run(&scenario(one_shift("16:00", 719), o()));
    assert_eq!(value(&c, "tcs", "premium:late"), Some(d("1387.50")));
    // 16:00 → 04:01 does not: nothing from the rule.
    let c = run(&scenario(one_shift("16:00", 721), o()));
    assert_eq!(value(&c, "tcs", "premium:late"), None);
    // 16:00 → 00:00 (a late shift ending at midnight) does not "finish after 00:00".
    let c = run(&scenario(one_shift("16:00", 480), o()));
    assert_eq!(value(&c, "tcs", "premium:late"), None);
    // Under the "normal windows only" reading the rule adds nothing.
    let mut s = scenario(one_shift("16:00", 720), o());
    s.columns[0].readings.insert("late".into(), "window".into());
    assert_eq!(value(&run(&s), "tcs", "premium:late"), None);
}

/// A `weeks`-week rota with a Saturday day shift in the first `worked` weeks and
/// a Monday shift in the others.
fn weekend_rota(weeks: u8, worked: u8) -> offer_compare::engine::rota::Rota {
    let shifts = (1..=weeks)
        .map(|w| shift(w, if w <= worked { Sat } else { Mon }, "08:00", 480))
        .collect();
    rota(weeks, shifts)
}

fn allowance_for(basic: &str, weeks: u8, worked: u8) -> Option<rust_decimal::Decimal> {
    let mut o = offer("o", basic, vec![]);
    o.terms.frequency_allowances = vec![weekend_allowance(WeekendDefinition::ShiftBeginsOnWeekend)];
    o.terms.rounding.allowance = Rounding::WholePoundsUp;
    value(
        &run(&scenario(weekend_rota(weeks, worked), vec![o])),
        "o",
        "allowance:weekend",
    )
}

#[test]
fn weekend_allowance_bands_at_their_exact_edges() {
    // NP1 2017/18 £26,614. Exactly 1 in 2 → 10% = 2,661.40 → £2,662 (whole pounds up).
    assert_eq!(allowance_for("26614", 2, 1), Some(d("2662")));
    // 11 weekends in 24 weeks is just under 1 in 2 → "< 1 in 2 to 1 in 3": 7.5% = 1,996.05 → £1,997.
    assert_eq!(allowance_for("26614", 24, 11), Some(d("1997")));
    // Exactly 1 in 3 → 7.5% → £1,997.
    assert_eq!(allowance_for("26614", 3, 1), Some(d("1997")));
    // Exactly 1 in 8 → 3% = 798.42 → £799.
    assert_eq!(allowance_for("26614", 8, 1), Some(d("799")));
    // 1 in 9 is less than 1 in 8: nothing.
    assert_eq!(allowance_for("26614", 9, 1), None);
}

#[test]
fn the_published_2017_18_weekend_allowance_table_is_reproduced_from_rotas() {
    // PC (M&D) 1/2017, £/yr, whole pounds rounded up. Rows: 1 in 2 (10%), 1 in 3 (7.5%),
    // 1 in 5 (6%), 1 in 6 (4%), 1 in 8 (3%); columns NP1–NP4.
    let basics = ["26614", "30805", "36461", "46208"];
    let table: [(u8, [&str; 4]); 5] = [
        (2, ["2662", "3081", "3647", "4621"]),
        (3, ["1997", "2311", "2735", "3466"]),
        (5, ["1597", "1849", "2188", "2773"]),
        (6, ["1065", "1233", "1459", "1849"]),
        (8, ["799", "925", "1094", "1387"]),
    ];
    for (weeks, row) in table {
        for (basic, printed) in basics.iter().zip(row) {
            assert_eq!(
                allowance_for(basic, weeks, 1),
                Some(d(printed)),
                "1 in {weeks}, basic {basic}"
            );
        }
    }
}

#[test]
fn a_friday_night_shift_under_both_weekend_definitions() {
    // Fri 20:00 → Sat 08:00 in a 2-week cycle, the only shift near a weekend.
    // Shift *beginning* on Sat/Sun: no weekend worked → no allowance.
    // Any work on Sat/Sun: 1 weekend in 2 → 10% of £30,000 = £3,000.00.
    let r = rota(2, vec![shift(1, Fri, "20:00", 720)]);
    for (definition, expected) in [
        (WeekendDefinition::ShiftBeginsOnWeekend, None),
        (WeekendDefinition::AnyWorkOnWeekend, Some(d("3000.00"))),
    ] {
        let mut o = offer("o", "30000", vec![]);
        o.terms.frequency_allowances = vec![weekend_allowance(definition)];
        let c = run(&scenario(r.clone(), vec![o]));
        assert_eq!(
            value(&c, "o", "allowance:weekend"),
            expected,
            "{definition:?}"
        );
        // "1 weekend worked", never "1 weekends worked".
        let counted = if expected.is_some() {
            "1 weekend worked in the 2-week cycle"
        } else {
            "0 weekends worked in the 2-week cycle"
        };
        assert!(
            c.columns[0].pay.notes.iter().any(|n| n.contains(counted)),
            "{:?}",
            c.columns[0].pay.notes
        );
    }
}

fn saturday_30_percent() -> offer_compare::engine::offer::Offer {
    let mut w = window("sat-day", &[Sat], "07:00", "17:00", "30%");
    w.condition = Some(FrequencyCondition {
        counts: CountingUnit::WindowDaysWorked,
        at_least: OneIn { one_in: 4 },
        kinds: offer_compare::engine::offer::all_kinds(),
    });
    offer("feb", "30000", vec![w])
}

#[test]
fn the_feb_2016_saturday_rule_at_exactly_1_in_4_and_just_under() {
    // 4-week cycle, one Saturday 08:00–16:00: 1 in 4 → applies: 8 h / 4 weeks = 2 h/week
    // → 750 × 0.3 × 2 = £450.00.
    let c = run(&scenario(weekend_rota(4, 1), vec![saturday_30_percent()]));
    assert_eq!(value(&c, "feb", "premium:sat-day"), Some(d("450.00")));
    // 5-week cycle, one Saturday: 1 in 5 < 1 in 4 → no premium, and a note says why.
    let c = run(&scenario(weekend_rota(5, 1), vec![saturday_30_percent()]));
    assert_eq!(value(&c, "feb", "premium:sat-day"), None);
    assert!(
        c.columns[0].pay.notes[0].contains("short of the required 1 in 4"),
        "{:?}",
        c.columns[0].pay.notes
    );
}

#[test]
fn the_saturday_rule_counts_saturdays_worked_in_its_window_not_weekends() {
    // 8 weeks: a Saturday day shift in week 1 and a Saturday evening 18:00–23:00 in week 5.
    // Two weekends worked (1 in 4), but only one Saturday with work in 07:00–17:00 (1 in 8).
    let r = rota(
        8,
        vec![shift(1, Sat, "08:00", 480), shift(5, Sat, "18:00", 300)],
    );
    let c = run(&scenario(r, vec![saturday_30_percent()]));
    assert_eq!(value(&c, "feb", "premium:sat-day"), None);
}

#[test]
fn an_ltft_weekend_allowance_under_both_readings() {
    // LTFT 60%, 5-week rota with one weekend (1 in 5), basic £30,000 full time.
    // Own frequency: band 1 in 5 → 6% × 30,000 × 0.6 = £1,080.00.
    // Full-time equivalent: 1 in (5 × 0.6) = 1 in 3 → 7.5% × 30,000 × 0.6 = £1,350.00.
    for (rule, expected) in [
        (LtftWeekendRule::ActualFrequencyProRata, "1080.00"),
        (LtftWeekendRule::FullTimeEquivalentProRata, "1350.00"),
    ] {
        let mut o = offer("o", "30000", vec![]);
        let mut a = weekend_allowance(WeekendDefinition::ShiftBeginsOnWeekend);
        a.ltft = rule;
        o.terms.frequency_allowances = vec![a];
        let mut s = scenario(weekend_rota(5, 1), vec![o]);
        s.doctor.ltft = "0.6".parse().unwrap();
        assert_eq!(
            value(&run(&s), "o", "allowance:weekend"),
            Some(d(expected)),
            "{rule:?}"
        );
    }
}

#[test]
fn on_call_work_at_night_is_paid_at_the_night_rate() {
    // Non-resident on call Sat 17:00 → Sun 17:00, expected work 22:00–24:00 (offset 5 h, 2 h)
    // and Sun 08:00–09:00 (offset 15 h, 1 h). Night 21:00–07:00 at 37%:
    // 2 h → 750 × 0.37 × 2 = £555.00. On-call allowance 8% of basic: 30,000 × 0.08 = £2,400.00.
    let mut on_call = shift(1, Sat, "17:00", 24 * 60);
    on_call.kind = ShiftKind::NonResidentOnCall;
    on_call.expected_work = vec![
        WorkBlock {
            offset_minutes: 300,
            minutes: 120,
        },
        WorkBlock {
            offset_minutes: 900,
            minutes: 60,
        },
    ];
    let mut o = tcs_offer(vec![]);
    o.terms.on_call_allowances = vec![OnCallAllowance {
        id: "on-call".into(),
        name: "on-call availability".into(),
        rate: "8%".parse().unwrap(),
        kinds: vec![ShiftKind::NonResidentOnCall],
        source: "test".into(),
        marker: None,
    }];
    let c = run(&scenario(rota(1, vec![on_call]), vec![o]));
    assert_eq!(value(&c, "tcs", "premium:night"), Some(d("555.00")));
    assert_eq!(value(&c, "tcs", "allowance:on-call"), Some(d("2400.00")));
    assert_eq!(value(&c, "tcs", "average_weekly_hours"), Some(d("3")));
}

#[test]
fn a_weekday_only_rota_gets_no_on_call_allowance_and_unknown_readings_are_located() {
    let mut o = tcs_offer(vec![night_extension_2016()]);
    o.terms.on_call_allowances = vec![OnCallAllowance {
        id: "on-call".into(),
        name: "on-call availability".into(),
        rate: "8%".parse().unwrap(),
        kinds: vec![ShiftKind::NonResidentOnCall],
        source: String::new(),
        marker: None,
    }];
    let mut s = scenario(one_shift("09:00", 480), vec![o]);
    assert_eq!(value(&run(&s), "tcs", "allowance:on-call"), None);
    s.columns[0].readings.insert("ext".into(), "nope".into());
    let err = offer_compare::engine::compare(&s, offer_compare::reference()).unwrap_err();
    assert!(
        format!("{err:?}").contains("columns[0].readings.ext"),
        "{err:?}"
    );
}

#[test]
fn a_window_occurrence_from_the_previous_cycle_counts() {
    // Window Sunday 16:00–02:00 at 30%, at least 1 in 2. 2-week cycle; the only shift is
    // week 1 Monday 00:00–01:00, inside the Sunday window that started in week 2 of the
    // previous cycle: 1 occurrence worked in 2 weeks = 1 in 2 → the premium applies:
    // 1 h / 2 weeks = 0.5 h/week → 750 × 0.3 × 0.5 = £112.50.
    let mut w = window("sun-night", &[Sun], "16:00", "02:00", "30%");
    w.condition = Some(FrequencyCondition {
        counts: CountingUnit::WindowDaysWorked,
        at_least: OneIn { one_in: 2 },
        kinds: offer_compare::engine::offer::all_kinds(),
    });
    let c = run(&scenario(
        rota(2, vec![shift(1, Mon, "00:00", 60)]),
        vec![offer("o", "30000", vec![w])],
    ));
    assert_eq!(value(&c, "o", "premium:sun-night"), Some(d("112.50")));
}
