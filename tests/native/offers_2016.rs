//! The `@2` versions of the 2015–16 offers (issue #22 points 5–7): the January
//! 2016 offer's enhanced rate for all Saturdays at 1 in 3 Saturdays or more,
//! the imposed contract's run limits, the November 2015 offer's sourced
//! corrections, and what each `@2` says it assumes.
//!
//! Hand arithmetic as in `presets.rs`: a premium line is basic ÷ 40 × uplift ×
//! premium hours a week (the 52.143s cancel), rounded to the penny. The
//! scenarios of `common` are for an FY2 doctor, full time, on 3 Aug 2016: the
//! 2016/17 nodal point NP2 is £30,500, £762.50 per weekly hour a year.
use crate::common::*;
use offer_compare::engine::compare::Comparison;
use offer_compare::engine::offer::Offer;
use offer_compare::engine::rota::Rota;
use offer_compare::engine::time::Weekday::*;
use offer_compare::presets::{find_offer, find_rota};

fn preset(key: &str) -> Offer {
    find_offer(key).unwrap_or_else(|| panic!("offer preset {key}"))
}

fn preset_rota(key: &str) -> Rota {
    find_rota(key)
        .unwrap_or_else(|| panic!("rota preset {key}"))
        .rota
}

/// A `weeks`-week rota: a Saturday 08:00–16:00 in week 1, a Monday in the others.
fn one_saturday_in(weeks: u8) -> Rota {
    let shifts = (1..=weeks)
        .map(|w| shift(w, if w == 1 { Sat } else { Mon }, "08:00", 480))
        .collect();
    rota(weeks, shifts)
}

fn on(key: &str, r: Rota) -> Comparison {
    run(&scenario(r, vec![preset(key)]))
}

fn failed(c: &Comparison) -> Vec<&str> {
    c.columns[0]
        .rest
        .checks
        .iter()
        .filter(|k| !k.passed)
        .map(|k| k.id.as_str())
        .collect()
}

// ---------------------------------------------------------------- Jan 2016: all Saturdays at 1 in 3

#[test]
fn the_jan_2016_offer_pays_every_saturday_at_1_in_3_saturdays_and_not_at_1_in_4() {
    // 1 in 3 (exactly: the edge is inclusive): Saturday 08:00–16:00 = 8 h / 3 weeks at 33⅓%
    //   → 762.5 × 8 ÷ 9 = 677.777… → £677.78. (At the 50% reading: 762.5 × 0.5 × 8 ÷ 3 = £1,016.67.)
    let c = on("gov-offer-2016-01@2", one_saturday_in(3));
    assert_eq!(
        value(&c, "gov-offer-2016-01", "premium:sat-day"),
        Some(d("677.78"))
    );
    assert!(
        c.columns[0]
            .pay
            .notes
            .iter()
            .any(|n| n.contains("1 in 3 or more often, so the premium applies")),
        "{:?}",
        c.columns[0].pay.notes
    );
    // Gross = 30,500 + 677.78 (8 h a week: no additional hours).
    assert_eq!(
        value(&c, "gov-offer-2016-01", "gross_annual"),
        Some(d("31177.78"))
    );
    // 1 in 4 is short of 1 in 3: plain time, and a note says why.
    let c = on("gov-offer-2016-01@2", one_saturday_in(4));
    assert_eq!(value(&c, "gov-offer-2016-01", "premium:sat-day"), None);
    assert!(
        c.columns[0]
            .pay
            .notes
            .iter()
            .any(|n| n.contains("short of the required 1 in 3")),
        "{:?}",
        c.columns[0].pay.notes
    );
    // The final offer and the imposed contract pay 30% at 1 in 4: 762.5 × 0.3 × 8 ÷ 4 = £457.50.
    for key in ["gov-final-offer-2016-02-09@2", "imposed-2016-02@2"] {
        let c = on(key, one_saturday_in(4));
        let id = key.split('@').next().unwrap();
        assert_eq!(value(&c, id, "premium:sat-day"), Some(d("457.50")), "{key}");
    }
    // @1 still pays nothing for Saturday daytime at 1 in 3: released presets never change.
    let c = on("gov-offer-2016-01@1", one_saturday_in(3));
    assert_eq!(value(&c, "gov-offer-2016-01", "premium:sat-day"), None);
}

#[test]
fn golden_gov_offer_2016_01_v2_core_surgical_st3() {
    // core-surgical@1 has work in Saturday 07:00–17:00 in weeks 2 (long day) and 6 (Friday night
    //   ending 08:30) of 6 = 1 in 3: the Saturday rate applies.
    // ST3 → NP4 £45,750 (assumed); ÷ 40 = £1,143.75. Additional 7.75 h/week → £8,864.06.
    // Saturday 07:00–17:00 at 1/3: 9 h + 1.5 h = 10.5 h / 6 = 1.75 h/week → 1,143.75 × 1.75 ÷ 3
    //   = 667.1875 → £667.19 (the imposed contract's 30% on the same hours: £600.47).
    // Nights 21:00–07:00 at 50%: 70 h / 6 → £6,671.88.
    // Saturday 17:00–21:00 at 1/3: 4.5 h / 6 → £285.94.
    // Sunday 07:00–21:00 at 1/3: long day 12.5 h + 07:00–08:30 after the Saturday night 1.5 h
    //   + Sunday night 20:00–21:00 1 h = 15 h / 6 = 2.5 h/week → 1,143.75 × 2.5 ÷ 3 → £953.13.
    // Gross = 45,750 + 8,864.06 + 667.19 + 6,671.88 + 285.94 + 953.13 = £63,192.20.
    let mut s = scenario(
        preset_rota("core-surgical@1"),
        vec![preset("gov-offer-2016-01@2")],
    );
    s.doctor.grade = offer_compare::engine::offer::Grade::ST3;
    let c = run(&s);
    let v = |line: &str| value(&c, "gov-offer-2016-01", line);
    assert_eq!(v("basic"), Some(d("45750.00")));
    assert_eq!(v("additional_hours"), Some(d("8864.06")));
    assert_eq!(v("premium:sat-day"), Some(d("667.19")));
    assert_eq!(v("premium:night"), Some(d("6671.88")));
    assert_eq!(v("premium:sat-evening"), Some(d("285.94")));
    assert_eq!(v("premium:sunday"), Some(d("953.13")));
    assert_eq!(v("gross_annual"), Some(d("63192.20")));
}

// ---------------------------------------------------------------- the imposed contract's run limits

/// Long late evenings 14:00–01:00 (11 h, ending after 23:00) on `days`
/// consecutive weekdays from Monday, in week 1 of a 2-week rota (27.5 h a week
/// at most on average, so the 48-hour average is kept).
fn late_evenings(days: usize) -> Rota {
    let shifts = [Mon, Tue, Wed, Thu, Fri]
        .into_iter()
        .take(days)
        .map(|day| shift(1, day, "14:00", 660))
        .collect();
    rota(2, shifts)
}

#[test]
fn five_late_evenings_in_a_row_breach_the_imposed_contracts_v2_limits_and_four_do_not() {
    let c = on("imposed-2016-02@2", late_evenings(5));
    assert_eq!(
        failed(&c),
        ["max-4-long-evenings"],
        "{:#?}",
        c.columns[0].rest.checks
    );
    let check = c.columns[0]
        .rest
        .checks
        .iter()
        .find(|k| k.id == "max-4-long-evenings")
        .unwrap();
    assert_eq!(check.breaches.len(), 1);
    // The 48 hours are counted from the end of the run (the engine's rule): after Friday's
    // evening ends on Saturday at 01:00 the next shift is Monday 14:00 of the next cycle, 61 h
    // later. Four evenings and a Saturday day shift 32 h after the fourth breach the rest.
    let mut r = late_evenings(4);
    r.shifts.push(shift(1, Sat, "09:00", 480));
    assert_eq!(
        failed(&on("imposed-2016-02@2", r)),
        ["48h-after-4-long-evenings"]
    );
    // Four in a row are allowed, and so was the fifth under @1, which had no such limit.
    assert!(failed(&on("imposed-2016-02@2", late_evenings(4))).is_empty());
    assert!(failed(&on("imposed-2016-02@1", late_evenings(5))).is_empty());
    // The final offer carries the same limits.
    assert_eq!(
        failed(&on("gov-final-offer-2016-02-09@2", late_evenings(5))),
        ["max-4-long-evenings"]
    );
}

#[test]
fn the_imposed_contract_v2_limits_are_the_ones_the_sources_give() {
    let o = preset("imposed-2016-02@2");
    let ids: Vec<&str> = o.terms.rest.limits.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "72-in-168",
            "max-4-nights",
            "48h-after-4-nights",
            "max-5-long",
            "48h-after-5-long",
            "max-4-long-evenings",
            "48h-after-4-long-evenings",
            "max-8-shifts",
            "48h-after-8-shifts",
            "11h-rest",
            "no-consecutive-weekends",
            "avg-48",
            "max-13h",
        ]
    );
    // Nine consecutive shifts breach the 8; eight do not.
    let days = |n: u8| {
        let week = [Mon, Tue, Wed, Thu, Fri, Sat, Sun];
        let shifts = (0..n)
            .map(|i| shift(1 + i / 7, week[usize::from(i % 7)], "09:00", 480))
            .collect();
        rota(4, shifts)
    };
    let nine = on("imposed-2016-02@2", days(9));
    let breached = failed(&nine);
    assert_eq!(breached, ["max-8-shifts"]);
    let eight = on("imposed-2016-02@2", days(8));
    let breached = failed(&eight);
    assert!(breached.is_empty(), "{breached:?}");
}

#[test]
fn the_imposed_contract_v2_pays_as_v1_on_every_rota_without_on_call() {
    // @2 changes citations, markers and limits, and adds a 2% on-call floor: the pay of a rota
    // without non-resident on call is unchanged (the default comparison's imposed column stays
    // £38,282.26 for FY2 on fy2-medical@1).
    for key in [
        "fy1-ward@1",
        "fy2-medical@1",
        "core-surgical@1",
        "em-evenings@1",
        "anaesthetics-24h-on-call@1",
        "ltft-60@1",
        "em-26-week@1",
        "breaches-2016@1",
    ] {
        let r = preset_rota(key);
        let one = run(&scenario(r.clone(), vec![preset("imposed-2016-02@1")]));
        let two = run(&scenario(r, vec![preset("imposed-2016-02@2")]));
        assert_eq!(
            value(&one, "imposed-2016-02", "gross_annual"),
            value(&two, "imposed-2016-02", "gross_annual"),
            "{key}"
        );
    }
    let c = on("imposed-2016-02@2", preset_rota("fy2-medical@1"));
    assert_eq!(
        value(&c, "imposed-2016-02", "gross_annual"),
        Some(d("38282.26"))
    );
}

// ---------------------------------------------------------------- Nov 2015

#[test]
fn the_nov_2015_offer_v2_pays_the_lowest_offered_on_call_rate_and_keeps_its_points() {
    // registrar-on-call@1 (non-resident on call 1 in 8): 2% × F2 31,600 = £632.00.
    let c = on("gov-offer-2015-11@2", preset_rota("registrar-on-call@1"));
    assert_eq!(
        value(&c, "gov-offer-2015-11", "allowance:on-call"),
        Some(d("632.00"))
    );
    assert_eq!(value(&c, "gov-offer-2015-11", "basic"), Some(d("31600.00")));
    // F1 25,500 is now a secondary source's value; the others stay assumed.
    let o = preset("gov-offer-2015-11@2");
    let points = &o.terms.pay_scale.periods[0].points;
    let f1 = points.iter().find(|p| p.id == "F1").unwrap();
    assert_eq!(f1.annual, d("25500"));
    assert!(f1.source.contains("BBC 4 Nov 2015"), "{}", f1.source);
    assert!(points
        .iter()
        .filter(|p| p.id != "F1")
        .all(|p| p.source.contains("Not found")));
}

// ---------------------------------------------------------------- what each @2 says

#[test]
fn each_v2_names_its_readings_and_alternatives_in_its_assumptions() {
    let says = |key: &str, words: &[&str]| {
        let o = preset(key);
        assert_eq!(o.version, 2, "{key}");
        for w in words {
            assert!(
                o.assumptions.iter().any(|a| a.contains(w)),
                "{key} does not say {w:?}"
            );
        }
        // Every source is public: no team notes.
        assert!(
            o.sources.iter().all(|s| !s.title.contains("shared/domain")),
            "{key}"
        );
    };
    says(
        "gov-offer-2016-01@2",
        &[
            "1 in 3 Saturdays or more",
            "the Sunday rate, 33⅓% [?]",
            "50%, the night rate",
            "No consecutive Saturdays",
            "NOT modelled",
        ],
    );
    says(
        "imposed-2016-02@2",
        &[
            "13.5% average",
            "'10%-11%'",
            "1.135 ÷ 1.105 − 1 = 2.71%",
            "[D]",
            "Alternative reading: 30%",
        ],
    );
    says(
        "gov-offer-2015-11@2",
        &[
            "2015/16",
            "PC (M&D) 1/2015",
            "not found: listed as unknown, not filled",
            "2% to 6%",
        ],
    );
    says(
        "gov-final-offer-2016-02-09@2",
        &[
            "one in four or more Saturdays",
            "Alternative reading: 30%",
            "200%",
        ],
    );
}
