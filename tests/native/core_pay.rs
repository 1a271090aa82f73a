//! Engine I worked examples: each states its arithmetic in the comments, so a
//! reader can check the expected figure by hand.
use crate::common::*;
use offer_compare::engine::compare::CompareError;
use offer_compare::engine::explain::{render_text, Calculation};
use offer_compare::engine::offer::Combine;
use offer_compare::engine::rounding::Rounding;
use offer_compare::engine::time::Weekday::*;

/// The Nov 2015 offer's windows: 50% 22:00–07:00 every day; 33⅓% Saturday
/// 19:00–22:00 and Sunday 07:00–22:00.
fn nov_2015_windows() -> Vec<offer_compare::engine::offer::PremiumWindow> {
    vec![
        window("night", &EVERY_DAY, "22:00", "07:00", "1/2"),
        window("sat-evening", &[Sat], "19:00", "22:00", "1/3"),
        window("sunday", &[Sun], "07:00", "22:00", "1/3"),
    ]
}

#[test]
fn saturday_evening_shift_under_the_nov_2015_windows() {
    // Sat 14:00–23:00 (9 h) in a 1-week cycle, basic £31,600 → hourly £31,600 ÷ 52.143 ÷ 40.
    // 14:00–19:00 plain (5 h); 19:00–22:00 Saturday evening (3 h); 22:00–23:00 night (1 h).
    // Saturday evening: 31,600 ÷ 52.143 ÷ 40 × 1/3 × 3 h/week × 52.143 = 790 × 1/3 × 3 = £790.00.
    // Night: 790 × 1/2 × 1 = £395.00.
    let s = scenario(
        rota(1, vec![shift(1, Sat, "14:00", 9 * 60)]),
        vec![offer("nov", "31600", nov_2015_windows())],
    );
    let c = run(&s);
    assert_eq!(value(&c, "nov", "premium:sat-evening"), Some(d("790.00")));
    assert_eq!(value(&c, "nov", "premium:night"), Some(d("395.00")));
    assert_eq!(value(&c, "nov", "premium:sunday"), None);
    // Basic £31,600, no additional hours (9 h < 40 h), gross = 31,600 + 790 + 395.
    assert_eq!(value(&c, "nov", "additional_hours"), None);
    assert_eq!(value(&c, "nov", "gross_annual"), Some(d("32785.00")));
    // Monthly: 32,785 ÷ 12 = 2,732.0833… → £2,732.08.
    assert_eq!(value(&c, "nov", "gross_monthly"), Some(d("2732.08")));
    // Hours in each window are reported per cycle.
    let hours: Vec<u64> = c.columns[0]
        .pay
        .window_hours
        .iter()
        .map(|w| w.minutes_per_cycle)
        .collect();
    assert_eq!(hours, vec![60, 180, 0]);
}

#[test]
fn a_night_crossing_into_sunday() {
    // Sat 22:00 → Sun 08:00 (10 h). Night window Sat 22:00–Sun 07:00 = 9 h at 1/2;
    // Sun 07:00–08:00 = 1 h in the Sunday window at 1/3 (the night window has ended).
    // Night: 790 × 1/2 × 9 = £3,555.00. Sunday: 790 × 1/3 × 1 = 263.333… → £263.33.
    let s = scenario(
        rota(1, vec![shift(1, Sat, "22:00", 10 * 60)]),
        vec![offer("nov", "31600", nov_2015_windows())],
    );
    let c = run(&s);
    assert_eq!(value(&c, "nov", "premium:night"), Some(d("3555.00")));
    assert_eq!(value(&c, "nov", "premium:sunday"), Some(d("263.33")));
    assert_eq!(value(&c, "nov", "premium:sat-evening"), None);
}

#[test]
fn a_night_at_the_cycle_end_wraps_to_week_one() {
    // Week 2 Sunday 22:00 → Monday 08:00 of week 1 of the next cycle (2-week cycle).
    // Night 22:00–07:00 = 9 h per 2 weeks = 4.5 h/week; Sunday 22:00 is outside the
    // Sunday window (07:00–22:00). Night: 790 × 1/2 × 4.5 = £1,777.50.
    let s = scenario(
        rota(2, vec![shift(2, Sun, "22:00", 10 * 60)]),
        vec![offer("nov", "31600", nov_2015_windows())],
    );
    let c = run(&s);
    assert_eq!(value(&c, "nov", "premium:night"), Some(d("1777.50")));
    assert_eq!(value(&c, "nov", "premium:sunday"), None);
}

#[test]
fn overlapping_windows_highest_applies_versus_additive() {
    // Basic £41,600 → 41,600 ÷ 40 = £1,040 per hour (the 52.143s cancel).
    // A: all of Saturday at 20%. B: 20:00–08:00 every day at 50%.
    // Shift Sat 18:00 → Sun 02:00 (8 h): Sat 18–20 only A; Sat 20–24 A and B; Sun 00–02 only B.
    let windows = vec![
        window("a", &[Sat], "00:00", "24:00", "20%"),
        window("b", &EVERY_DAY, "20:00", "08:00", "50%"),
    ];
    let rota = rota(1, vec![shift(1, Sat, "18:00", 8 * 60)]);
    let highest = offer("highest", "41600", windows.clone());
    let mut additive = offer("additive", "41600", windows);
    additive.terms.combine = Combine::Additive;
    let c = run(&scenario(rota, vec![highest, additive]));
    // Highest applies: A gets 2 h → 1,040 × 0.2 × 2 = £416.00; B gets 6 h → 1,040 × 0.5 × 6 = £3,120.00.
    assert_eq!(value(&c, "highest", "premium:a"), Some(d("416.00")));
    assert_eq!(value(&c, "highest", "premium:b"), Some(d("3120.00")));
    // Additive: A gets all 6 Saturday hours → 1,040 × 0.2 × 6 = £1,248.00; B still £3,120.00.
    assert_eq!(value(&c, "additive", "premium:a"), Some(d("1248.00")));
    assert_eq!(value(&c, "additive", "premium:b"), Some(d("3120.00")));
    // The per-shift pieces show the additive uplift of 70% for Sat 20:00–24:00.
    let pieces = &c.columns[1].pay.pieces;
    let combined: Vec<String> = pieces.iter().map(|p| p.uplift.to_string()).collect();
    assert_eq!(combined, vec!["0.2", "0.7", "0.5"]);
}

#[test]
fn an_ltft_doctor_with_additional_hours() {
    // LTFT 60%: contracted 0.6 × 40 = 24 h/week. Rota: Mon–Wed 08:00–18:00 = 30 h/week.
    // Basic: £30,500 × 0.6 = £18,300.00.
    // Additional: 30,500 ÷ 52.143 ÷ 40 × (30 − 24) × 52.143 = 30,500 × 6 ÷ 40 = £4,575.00.
    let mut s = scenario(
        rota(
            1,
            vec![
                shift(1, Mon, "08:00", 600),
                shift(1, Tue, "08:00", 600),
                shift(1, Wed, "08:00", 600),
            ],
        ),
        vec![offer("o", "30500", vec![])],
    );
    s.doctor.ltft = "60%".parse().unwrap();
    let c = run(&s);
    assert_eq!(value(&c, "o", "basic"), Some(d("18300.00")));
    assert_eq!(value(&c, "o", "additional_hours"), Some(d("4575.00")));
    assert_eq!(value(&c, "o", "average_weekly_hours"), Some(d("30")));
    // Pay per hour worked: 22,875 ÷ 30 ÷ 52.143 = 14.6232… → £14.62.
    assert_eq!(value(&c, "o", "pay_per_hour"), Some(d("14.62")));
}

#[test]
fn a_rota_designed_for_another_ltft_fraction_warns() {
    let mut s = scenario(
        rota(1, vec![shift(1, Mon, "08:00", 600)]),
        vec![offer("o", "30500", vec![])],
    );
    s.rotas[0].designed_for_ltft = Some("0.6".parse().unwrap());
    let c = run(&s);
    assert_eq!(
        c.columns[0].pay.warnings.len(),
        1,
        "{:?}",
        c.columns[0].pay.warnings
    );
    assert!(c.columns[0].pay.warnings[0].contains("60%"));
}

#[test]
fn half_up_and_not_bankers_rounding_on_a_half_penny() {
    // Basic £20,000.01 at LTFT 50% = £10,000.005 exactly. Banker's rounding would give
    // £10,000.00 (round half to even); the payroll rule gives £10,000.01.
    let mut s = scenario(
        rota(1, vec![shift(1, Mon, "09:00", 60)]),
        vec![offer("o", "20000.01", vec![])],
    );
    s.doctor.ltft = "0.5".parse().unwrap();
    let c = run(&s);
    assert_eq!(d("10000.005").round_dp(2), d("10000.00"));
    assert_eq!(value(&c, "o", "basic"), Some(d("10000.01")));
}

#[test]
fn whole_pounds_up_when_the_offer_says_so() {
    // An allowance of 10% of £26,614 = £2,661.40 is printed £2,662 by the circulars.
    let mut o = offer("o", "26614", vec![]);
    o.terms.allowances = vec![allowance("wa", "2661.40", false)];
    o.terms.rounding.allowance = Rounding::WholePoundsUp;
    let c = run(&scenario(
        rota(1, vec![shift(1, Mon, "09:00", 60)]),
        vec![o],
    ));
    assert_eq!(value(&c, "o", "allowance:wa"), Some(d("2662")));
}

#[test]
fn two_columns_with_different_pay_dates() {
    // One offer with two pay years: 2016/17 £30,500 and 2017/18 £30,805 (PC 1/2017, NP2).
    let mut o = offer("o", "1", vec![]);
    o.terms.pay_scale = period_scale(&[
        ("2016/17", "2016-04-01", "2017-04-01", "30500"),
        ("2017/18", "2017-04-01", "2018-04-01", "30805"),
    ]);
    let mut s = scenario(rota(1, vec![shift(1, Mon, "09:00", 480)]), vec![o]);
    let mut later = s.columns[0].clone();
    later.id = "later".into();
    later.pay_date = Some(date("2017-08-02"));
    s.columns.push(later);
    let c = run(&s);
    assert_eq!(value(&c, "o", "basic"), Some(d("30500")));
    assert_eq!(value(&c, "later", "basic"), Some(d("30805")));
    assert_eq!(c.columns[0].pay.pay_year, "2016/17");
    assert_eq!(c.columns[1].pay.pay_year, "2017/18");
    // Difference: 30,805 − 30,500 = £305.00; 305 ÷ 30,500 × 100 = 1%.
    assert_eq!(value(&c, "later", "diff_annual"), Some(d("305.00")));
    assert_eq!(value(&c, "later", "diff_percent"), Some(d("1.00")));
    assert_eq!(c.best_paid, vec!["later".to_string()]);
}

#[test]
fn a_pay_date_the_scale_does_not_cover_is_a_located_error() {
    let mut s = scenario(
        rota(1, vec![shift(1, Mon, "09:00", 480)]),
        vec![offer("o", "30500", vec![])],
    );
    s.pay_date = date("2019-08-01");
    let Err(CompareError::Invalid(issues)) =
        offer_compare::engine::compare(&s, offer_compare::reference())
    else {
        panic!("expected a validation error");
    };
    assert_eq!(issues.len(), 1);
    assert_eq!(issues[0].path, "pay_date");
    assert!(
        issues[0].message.contains("no pay scale for 2019-08-01"),
        "{}",
        issues[0].message
    );
}

#[test]
fn every_problem_is_collected_with_its_location() {
    let mut s = scenario(
        rota(
            1,
            vec![
                shift(1, Mon, "08:00", 600),
                shift(1, Mon, "17:00", 120),  // overlaps the first
                shift(1, Tue, "08:00", 0),    // zero length
                shift(1, Wed, "08:00", 1441), // longer than 24 h
            ],
        ),
        vec![offer(
            "o",
            "-5",
            vec![window("w", &[], "10:00", "10:00", "2000%")],
        )],
    );
    s.doctor.specialty_premium = d("-1");
    let Err(CompareError::Invalid(issues)) =
        offer_compare::engine::compare(&s, offer_compare::reference())
    else {
        panic!("expected validation errors");
    };
    let paths: Vec<&str> = issues.iter().map(|i| i.path.as_str()).collect();
    for expected in [
        "doctor.specialty_premium",
        "rotas[0].shifts[1]",
        "rotas[0].shifts[2].minutes",
        "rotas[0].shifts[3].minutes",
        "offers[0].terms.pay_scale.periods[0].points[0].annual",
        "offers[0].terms.premium_windows[0].days",
        "offers[0].terms.premium_windows[0].to",
        "offers[0].terms.premium_windows[0].uplift",
    ] {
        assert!(paths.contains(&expected), "missing {expected} in {paths:?}");
    }
    let long = issues
        .iter()
        .find(|i| i.path == "rotas[0].shifts[3].minutes")
        .unwrap();
    assert_eq!(
        long.message,
        "the shift of week 1 Wed 08:00: a worked shift lasts at most 24 hours, not 24:01"
    );
}

#[test]
fn a_night_crossing_midnight_is_not_an_error_but_a_shift_into_the_next_is() {
    // Mon 20:00 + 12 h ends Tue 08:00: fine. A Tue 07:00 shift would overlap it.
    let ok = scenario(
        rota(1, vec![shift(1, Mon, "20:00", 720)]),
        vec![offer("o", "30500", vec![])],
    );
    assert!(offer_compare::engine::compare(&ok, offer_compare::reference()).is_ok());
    let clash = scenario(
        rota(
            1,
            vec![shift(1, Mon, "20:00", 720), shift(1, Tue, "07:00", 60)],
        ),
        vec![offer("o", "30500", vec![])],
    );
    assert!(offer_compare::engine::compare(&clash, offer_compare::reference()).is_err());
    // The wrap: Sun 20:00 + 12 h runs into a Mon 07:00 shift of the next cycle.
    let wrap = scenario(
        rota(
            1,
            vec![shift(1, Sun, "20:00", 720), shift(1, Mon, "07:00", 60)],
        ),
        vec![offer("o", "30500", vec![])],
    );
    assert!(offer_compare::engine::compare(&wrap, offer_compare::reference()).is_err());
}

#[test]
fn every_explanation_evaluates_to_its_figure_and_names_a_source() {
    let s = offer_compare::codec::json::scenario_from_json(crate::common::STRIKE_2016).unwrap();
    let c = run(&s);
    let mut seen = 0;
    for column in &c.columns {
        for f in column.figures() {
            assert_eq!(
                f.explanation.evaluate(),
                Some(f.value),
                "{} {}",
                column.id,
                f.id
            );
            assert!(
                !f.explanation.source.trim().is_empty(),
                "{} has no source",
                f.id
            );
            let text = render_text(&f.explanation, f.unit);
            assert!(text.contains(&f.explanation.source));
            if let Calculation::Product { factors } = &f.explanation.calculation {
                assert!(!factors.is_empty());
            }
            seen += 1;
        }
    }
    assert!(seen >= 20, "only {seen} figures");
}

#[test]
fn the_inline_offers_example_matches_hand_arithmetic() {
    // FY2, 4-week rota: 183.5 h → 45.875 h/week. Nov 2015 offer, F2 £31,600 → £790/h-week unit.
    // Additional hours: 790 × 5.875 = £4,641.25.
    // Nights: 4 nights 20:30–09:00 each have 22:00–07:00 = 9 h → 36 h / 4 weeks = 9 h/week;
    //   790 × 1/2 × 9 = £3,555.00.
    let s = offer_compare::codec::json::scenario_from_json(include_str!(
        "../../examples/inline-offers.json"
    ))
    .unwrap();
    let c = run(&s);
    assert_eq!(
        value(&c, "nov2015", "average_weekly_hours"),
        Some(d("45.88"))
    );
    assert_eq!(value(&c, "nov2015", "additional_hours"), Some(d("4641.25")));
    assert_eq!(value(&c, "nov2015", "premium:night"), Some(d("3555.00")));
}

#[test]
fn different_terms_under_one_id_get_rows_of_their_own() {
    // Both offers call their night window "night", but one starts at 21:00 and one at 22:00:
    // the table must not put them on one row under one offer's label.
    let mut early = offer(
        "early",
        "30000",
        vec![window("night", &EVERY_DAY, "21:00", "07:00", "1/2")],
    );
    early.terms.premium_windows[0].name = "Nights 21:00–07:00".into();
    let mut late = offer(
        "late",
        "30000",
        vec![window("night", &EVERY_DAY, "22:00", "07:00", "1/2")],
    );
    late.terms.premium_windows[0].name = "Nights 22:00–07:00".into();
    let c = run(&scenario(
        rota(1, vec![shift(1, Mon, "20:00", 600)]),
        vec![early, late],
    ));
    let rows: Vec<(&str, &str)> = c
        .figure_rows()
        .into_iter()
        .filter(|(id, _)| *id == "premium:night")
        .collect();
    assert_eq!(
        rows,
        vec![
            ("premium:night", "Nights 21:00–07:00"),
            ("premium:night", "Nights 22:00–07:00")
        ]
    );
    // 9 h and 8 h a week at 50% of 750: £3,375.00 and £3,000.00, each in its own row.
    assert_eq!(
        c.columns[0]
            .figure_in_row("premium:night", "Nights 21:00–07:00")
            .map(|f| f.value),
        Some(d("3375.00"))
    );
    assert_eq!(
        c.columns[0].figure_in_row("premium:night", "Nights 22:00–07:00"),
        None
    );
    assert_eq!(
        c.columns[1]
            .figure_in_row("premium:night", "Nights 22:00–07:00")
            .map(|f| f.value),
        Some(d("3000.00"))
    );
}
