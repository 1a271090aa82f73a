//! The 2002 contract: banding derived from the rota, flexible trainees and pay
//! protection. Worked examples use the shipped preset (2016/17 scale: FY1 point 0
//! £22,862; FY2 point 0 £28,357 — PC (M&D) 1/2016).
use crate::common::*;
use offer_compare::engine::offer::{Band, Grade, Offer, RotaType};
use offer_compare::engine::scenario::{Protection, ProtectionSection};
use offer_compare::engine::time::Weekday::*;
use proptest::prelude::*;

fn contract_2002() -> Offer {
    serde_json::from_str(include_str!(
        "../../src/presets/offers/contract-2002@1.json"
    ))
    .expect("2002 preset parses")
}

fn band_of(c: &offer_compare::engine::compare::Comparison) -> Band {
    c.columns[0].pay.band.as_ref().expect("banded").band
}

fn on_2002(r: offer_compare::engine::rota::Rota) -> offer_compare::engine::Scenario {
    let mut s = scenario(r, vec![contract_2002()]);
    s.pay_date = date("2016-04-26");
    s
}

fn days(
    week: u8,
    ds: &[offer_compare::engine::time::Weekday],
    start: &str,
    minutes: u32,
) -> Vec<offer_compare::engine::rota::Shift> {
    ds.iter().map(|&d| shift(week, d, start, minutes)).collect()
}

#[test]
fn an_fy1_post_in_band_1a() {
    // 2 weeks: Mon–Fri 08:00–17:00 (45 h); Mon–Thu 08:00–17:00 + Sat 08:00–16:00 (44 h) → 44.5 h,
    // over 40 and at most 48 → band 1. Weekends 1 in 2, more often than 1 in 4 → most unsocial → 1A.
    // Supplement 50% of £22,862 = £11,431.00; gross £34,293.00.
    let mut shifts = days(1, &[Mon, Tue, Wed, Thu, Fri], "08:00", 540);
    shifts.extend(days(2, &[Mon, Tue, Wed, Thu], "08:00", 540));
    shifts.push(shift(2, Sat, "08:00", 480));
    let mut s = on_2002(rota(2, shifts));
    s.doctor.grade = Grade::FY1;
    let c = run(&s);
    assert_eq!(band_of(&c), Band::B1A);
    assert_eq!(value(&c, "contract-2002", "basic"), Some(d("22862")));
    assert_eq!(value(&c, "contract-2002", "banding"), Some(d("11431.00")));
    assert_eq!(
        value(&c, "contract-2002", "gross_annual"),
        Some(d("34293.00"))
    );
    let reason = &c.columns[0].pay.band.as_ref().unwrap().reason;
    assert!(
        reason.contains("weekends worked more often than 1 in 4"),
        "{reason}"
    );
    // No additional-hours line: the 2002 contract pays extra hours through banding.
    assert_eq!(value(&c, "contract-2002", "additional_hours"), None);
}

#[test]
fn an_unbanded_40_hour_day_job_and_a_38_hour_rota_with_nights() {
    // Mon–Fri 08:00–16:00 = 40 h, all inside 08:00–19:00 weekdays → unbanded, FY2 0%.
    let c = run(&on_2002(rota(
        1,
        days(1, &[Mon, Tue, Wed, Thu, Fri], "08:00", 480),
    )));
    assert_eq!(band_of(&c), Band::Unbanded);
    assert_eq!(value(&c, "contract-2002", "banding"), Some(d("0")));
    // Week 1 Mon–Fri 09:00–17:00 (40 h), week 2 Mon–Thu nights 21:00–07:00 (40 h)… shortened to
    // 36 h by making the nights 9 h: 76 h / 2 = 38 h ≤ 40, but work at night → not unbanded.
    // 36 of 76 hours outside 07:00–19:00 weekdays > 1/3 → most unsocial → 1A: 50% of £28,357 = £14,178.50.
    let mut shifts = days(1, &[Mon, Tue, Wed, Thu, Fri], "09:00", 480);
    shifts.extend(days(2, &[Mon, Tue, Wed, Thu], "22:00", 540));
    let c = run(&on_2002(rota(2, shifts)));
    assert_eq!(band_of(&c), Band::B1A);
    assert_eq!(value(&c, "contract-2002", "banding"), Some(d("14178.50")));
}

/// Mon 08:00–18:00, then Tue starting `tue_start` for 10 h, then Wed–Fri 08:00–16:00: 44 h.
fn one_short_rest(tue_start: &str) -> offer_compare::engine::rota::Rota {
    let mut shifts = vec![shift(1, Mon, "08:00", 600), shift(1, Tue, tue_start, 600)];
    shifts.extend(days(1, &[Wed, Thu, Fri], "08:00", 480));
    rota(1, shifts)
}

#[test]
fn one_short_rest_pushes_a_post_into_band_3_depending_on_the_rota_type() {
    // 7 h 59 off (Mon 18:00 → Tue 01:59) on a full-shift rota breaks the 8-h rule → band 3 (100%).
    let c = run(&on_2002(one_short_rest("01:59")));
    assert_eq!(band_of(&c), Band::B3);
    assert_eq!(value(&c, "contract-2002", "banding"), Some(d("28357")));
    let reason = &c.columns[0].pay.band.as_ref().unwrap().reason;
    assert!(
        reason.contains("at least 8 hours off duty between duties"),
        "{reason}"
    );
    // 10 h off (Tue 04:00): fine on a full-shift rota (band 1B: 44 h, 3 h of 44 outside plain time,
    // no weekends → moderately unsocial): 40% of £28,357 = £11,342.80.
    let c = run(&on_2002(one_short_rest("04:00")));
    assert_eq!(band_of(&c), Band::B1B);
    assert_eq!(value(&c, "contract-2002", "banding"), Some(d("11342.80")));
    // The same 10 h on an on-call rota breaks its 12-h rule → band 3.
    let mut s = on_2002(one_short_rest("04:00"));
    s.columns[0].rota_type = Some(RotaType::OnCall);
    assert_eq!(band_of(&run(&s)), Band::B3);
}

#[test]
fn a_50_hour_rota_is_2b_or_2a_by_the_unsocial_criterion() {
    // Mon–Fri 08:00–18:00 = 50 h, no weekends, all in plain time → 2B: 50% × £28,357 = £14,178.50.
    let c = run(&on_2002(rota(
        1,
        days(1, &[Mon, Tue, Wed, Thu, Fri], "08:00", 600),
    )));
    eprintln!(
        "REASON {:?} {:?}",
        c.columns[0].pay.band, c.columns[0].offer_id
    );
    assert_eq!(band_of(&c), Band::B2B);
    assert_eq!(value(&c, "contract-2002", "banding"), Some(d("14178.50")));
    // 2 weeks of 50 h, the second with Sat and Sun: weekends 1 in 2 → 2A: 80% = £22,685.60.
    let mut shifts = days(1, &[Mon, Tue, Wed, Thu, Fri], "08:00", 600);
    shifts.extend(days(2, &[Mon, Tue, Wed, Sat, Sun], "08:00", 600));
    let c = run(&on_2002(rota(2, shifts)));
    assert_eq!(band_of(&c), Band::B2A);
    assert_eq!(value(&c, "contract-2002", "banding"), Some(d("22685.60")));
}

#[test]
fn a_flexible_trainee_at_f7b() {
    // LTFT 60%, 30 h a week (hours band F7: 28–32 h): Mon, Wed 08:00–18:00 and Tue 12:00–22:00
    // (3 h of 30 outside plain time, no weekends → moderately unsocial → B).
    // Basic 0.7 × £28,357 = £19,849.90; supplement 0.7 × 40% × £28,357 = £7,939.96;
    // total £27,789.86 = 0.98 × £28,357 (the BMA's F7B).
    let r = rota(
        1,
        vec![
            shift(1, Mon, "08:00", 600),
            shift(1, Tue, "12:00", 600),
            shift(1, Wed, "08:00", 600),
        ],
    );
    let mut s = on_2002(r);
    s.doctor.ltft = "0.6".parse().unwrap();
    let c = run(&s);
    assert_eq!(value(&c, "contract-2002", "basic"), Some(d("19849.90")));
    assert_eq!(value(&c, "contract-2002", "banding"), Some(d("7939.96")));
    assert_eq!(
        value(&c, "contract-2002", "gross_annual"),
        Some(d("27789.86"))
    );
    assert_eq!(d("28357") * d("0.98"), d("27789.86"));
}

#[test]
fn a_band_override_is_used_and_said() {
    let mut s = on_2002(rota(1, days(1, &[Mon, Tue, Wed, Thu, Fri], "08:00", 480)));
    s.columns[0].band_override = Some(Band::B1C);
    let c = run(&s);
    assert_eq!(band_of(&c), Band::B1C);
    assert_eq!(value(&c, "contract-2002", "banding"), Some(d("5671.40")));
    let line = c.columns[0].figure("banding").unwrap();
    assert!(
        line.explanation
            .rule
            .contains("chosen by the user (the rota gives unbanded"),
        "{}",
        line.explanation.rule
    );
}

#[test]
fn pay_protection_raises_a_2016_column_to_the_protected_floor() {
    // 2016-style offer: NP2 £30,500 for 40 h, additional hours at plain time. Rota Mon–Fri 08:00–17:00
    // = 45 h → additional 5 h: 30,500 ÷ 40 × 5 = £3,812.50; gross £34,312.50.
    // Protection, section 1: 2002 FY2 point 0 on 2016-08-02 (2016/17: £28,357) + band 1A as at
    // 31 Oct 2015: 28,357 + 50% = £42,535.50. Protection line: 42,535.50 − 34,312.50 = £8,223.00.
    let r = rota(1, days(1, &[Mon, Tue, Wed, Thu, Fri], "08:00", 540));
    let mut s = scenario(r, vec![offer("tcs", "30500", vec![]), contract_2002()]);
    s.columns.truncate(1);
    s.columns[0].protection = Some(Protection {
        section: ProtectionSection::CashFloor,
        offer: "contract-2002".into(),
        day_before: date("2016-08-02"),
        band_2015: Some(Band::B1A),
    });
    let c = run(&s);
    assert_eq!(value(&c, "tcs", "additional_hours"), Some(d("3812.50")));
    assert_eq!(value(&c, "tcs", "pay_protection"), Some(d("8223.00")));
    assert_eq!(value(&c, "tcs", "gross_annual"), Some(d("42535.50")));
    let rule = &c.columns[0]
        .figure("pay_protection")
        .unwrap()
        .explanation
        .rule;
    assert!(rule.contains("section 1 (cash floor)"), "{rule}");
    // A band-3 post is protected at 2A: 28,357 × 1.8 = £51,042.60 → line 51,042.60 − 34,312.50.
    s.columns[0].protection.as_mut().unwrap().band_2015 = Some(Band::B3);
    let c = run(&s);
    assert_eq!(value(&c, "tcs", "pay_protection"), Some(d("16730.10")));
    // Without a floor above the 2016 pay, nothing is added and a note says so.
    s.columns[0].protection.as_mut().unwrap().band_2015 = Some(Band::Unbanded);
    let c = run(&s);
    assert_eq!(value(&c, "tcs", "pay_protection"), None);
    assert!(c.columns[0]
        .pay
        .notes
        .iter()
        .any(|n| n.contains("nothing is added")));
}

#[test]
fn section_2_keeps_the_doctor_on_the_2002_system() {
    // Section 2 pays the 2002 amount (here 2B: 28,357 × 1.5 = £42,535.50 for a 45-h weekday rota)
    // whatever the 2016 column gives: the line is the difference, of either sign.
    let r = rota(1, days(1, &[Mon, Tue, Wed, Thu, Fri], "08:00", 540));
    let mut s = scenario(r, vec![offer("tcs", "60000", vec![]), contract_2002()]);
    s.columns.truncate(1);
    s.pay_date = date("2016-10-05");
    s.columns[0].protection = Some(Protection {
        section: ProtectionSection::StayOn2002,
        offer: "contract-2002".into(),
        day_before: date("2016-08-02"),
        band_2015: None,
    });
    let c = run(&s);
    // 2016 column: 60,000 + 60,000 ÷ 40 × 5 = £67,500.00; the 2002 pay: 45 h → band 1B 40% →
    // 28,357 × 1.4 = £39,699.80; line 39,699.80 − 67,500.00 = −£27,800.20.
    assert_eq!(value(&c, "tcs", "pay_protection"), Some(d("-27800.20")));
    assert_eq!(value(&c, "tcs", "gross_annual"), Some(d("39699.80")));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, ..ProptestConfig::default() })]

    #[test]
    fn the_band_never_drops_when_a_new_deal_breach_is_added(start in 0u16..1440, minutes in 481u32..=1440, gap in 1u32..480) {
        // A weekday rota, then a second shift starting within 8 h of the first one's end:
        // a full-shift 8-h rest breach, which must give band 3 and never less than before.
        let clock = |m: u16| offer_compare::engine::time::ClockTime::hm(m / 60, m % 60).unwrap().to_string();
        let first = shift(1, Mon, &clock(start), minutes.min(600));
        let end = u64::from(start) + u64::from(minutes.min(600));
        let base = on_2002(rota(1, vec![first.clone()]));
        let before = band_of(&run(&base));
        let next = end + u64::from(gap);
        let second = shift(1, offer_compare::engine::time::Weekday::from_day_number(next / 1440), &clock((next % 1440) as u16), 60);
        let after = band_of(&run(&on_2002(rota(1, vec![first, second]))));
        prop_assert!(after >= before, "{:?} < {:?}", after, before);
        prop_assert_eq!(after, Band::B3);
    }
}

#[test]
fn a_full_time_doctor_typed_as_100_percent_is_full_time() {
    // The page turns "100" into 100/100: it must behave exactly like 1 (no flexible band,
    // no LTFT factor in the arithmetic).
    let r = rota(1, days(1, &[Mon, Tue, Wed, Thu, Fri], "08:00", 540));
    let one = run(&on_2002(r.clone()));
    let mut s = on_2002(r);
    s.doctor.ltft = "100/100".parse().unwrap();
    let hundred = run(&s);
    assert_eq!(all_values(&one), all_values(&hundred));
    let basic = hundred.columns[0].figure("basic").unwrap();
    assert!(
        !offer_compare::engine::explain::render_text(&basic.explanation, basic.unit)
            .contains("LTFT")
    );
}

#[test]
fn an_extreme_unsocial_share_in_a_hostile_file_does_not_panic() {
    // A denominator at rust_decimal's maximum overflows an unchecked product. Evening shifts
    // (14:00–00:00, 5 h a day after 19:00) put work outside plain time, so it is multiplied.
    let mut o = contract_2002();
    o.terms.banding.as_mut().unwrap().most_unsocial_share_over =
        "1/79228162514264337593543950335".parse().unwrap();
    let mut s = scenario(
        rota(1, days(1, &[Mon, Tue, Wed, Thu, Fri], "14:00", 600)),
        vec![o],
    );
    s.pay_date = date("2016-04-26");
    let c = offer_compare::engine::compare(&s, offer_compare::reference()).expect("computes");
    // 50 h → band 2; the overflowing comparison fails closed (not "most unsocial") → 2B.
    assert_eq!(band_of(&c), Band::B2B);
}

// ---------------------------------------------------------------- contract-2002@2: the band edges

fn preset(key: &str) -> Offer {
    offer_compare::presets::find_offer(key).unwrap_or_else(|| panic!("offer preset {key}"))
}

/// The rota on the 2002 preset `key` (2016/17 scale), FY2 full time.
fn on(key: &str, r: offer_compare::engine::rota::Rota) -> Comparison {
    let mut s = scenario(r, vec![preset(key)]);
    s.pay_date = date("2016-04-26");
    run(&s)
}

fn reason(c: &Comparison) -> String {
    c.columns[0]
        .pay
        .band
        .as_ref()
        .expect("banded")
        .reason
        .clone()
}

use offer_compare::engine::compare::Comparison;

#[test]
fn the_default_fy2_rota_is_1a_under_contract_2002_v2_and_1b_under_v1() {
    // fy2-medical@1 works 2 weekends in its 8 weeks (a weekend of nights, a weekend of long
    // days): exactly 1 in 4, which is "1 in 4 or more often" → 1A: 50% of £28,357 = £14,178.50.
    let fy2 = offer_compare::presets::find_rota("fy2-medical@1")
        .expect("rota preset")
        .rota;
    let c = on("contract-2002@2", fy2.clone());
    assert_eq!(band_of(&c), Band::B1A);
    assert_eq!(value(&c, "contract-2002", "banding"), Some(d("14178.50")));
    assert_eq!(
        value(&c, "contract-2002", "gross_annual"),
        Some(d("42535.50"))
    );
    assert_eq!(
        reason(&c),
        "band 1A: more than 40 and at most 48 h (44.63 h a week of actual work on average); \
         most unsocial: weekends worked 1 in 4 or more often (2 in 8 weeks; a weekend worked is \
         any work between Friday 19:00 and Monday 07:00)"
    );
    let rendered = {
        let line = c.columns[0].figure("banding").unwrap();
        offer_compare::engine::explain::render_text(&line.explanation, line.unit)
    };
    assert!(rendered.contains("1 in 4 or more often"), "{rendered}");
    // @1 ("more often than 1 in 4") keeps its old answer, so old links reproduce: 1B, 40%.
    let c = on("contract-2002@1", fy2);
    assert_eq!(band_of(&c), Band::B1B);
    assert_eq!(value(&c, "contract-2002", "banding"), Some(d("11342.80")));
}

/// `weeks` weeks of Mon–Fri 08:00–17:00 (45 h), where week 1 swaps its Friday
/// for `swap` (a day and a start, 9 h).
fn weekday_rota_with(
    weeks: u8,
    swap: (offer_compare::engine::time::Weekday, &str),
) -> offer_compare::engine::rota::Rota {
    let mut shifts = days(1, &[Mon, Tue, Wed, Thu], "08:00", 540);
    shifts.push(shift(1, swap.0, swap.1, 540));
    for w in 2..=weeks {
        shifts.extend(days(w, &[Mon, Tue, Wed, Thu, Fri], "08:00", 540));
    }
    rota(weeks, shifts)
}

#[test]
fn exactly_1_in_4_weekends_is_most_unsocial_and_1_in_5_is_not() {
    // 45 h a week, one Saturday 08:00–17:00 in 4 weeks: 1 in 4 → 1A (50%: £14,178.50).
    let c = on("contract-2002@2", weekday_rota_with(4, (Sat, "08:00")));
    assert_eq!(band_of(&c), Band::B1A);
    assert_eq!(value(&c, "contract-2002", "banding"), Some(d("14178.50")));
    assert!(
        reason(&c).contains("1 in 4 or more often (1 in 4 weeks"),
        "{}",
        reason(&c)
    );
    // The same week in a 5-week cycle: 1 in 5 → 1B (40%: £11,342.80).
    let c = on("contract-2002@2", weekday_rota_with(5, (Sat, "08:00")));
    assert_eq!(band_of(&c), Band::B1B);
    assert_eq!(value(&c, "contract-2002", "banding"), Some(d("11342.80")));
    // @1 reads the edge strictly: exactly 1 in 4 is 1B there.
    let c = on("contract-2002@1", weekday_rota_with(4, (Sat, "08:00")));
    assert_eq!(band_of(&c), Band::B1B);
}

#[test]
fn a_friday_evening_is_a_weekend_worked_for_2002_banding() {
    // Week 1's Friday runs 14:00–23:00: 4 h after 19:00 on Friday. DRS counts that weekend
    // (Friday 19:00 – Monday 07:00): 1 in 4 → 1A under @2. @1 counted only Saturday and Sunday.
    let c = on("contract-2002@2", weekday_rota_with(4, (Fri, "14:00")));
    assert_eq!(band_of(&c), Band::B1A);
    let c = on("contract-2002@1", weekday_rota_with(4, (Fri, "14:00")));
    assert_eq!(band_of(&c), Band::B1B);
    // Monday 06:00 belongs to the weekend before it, even in week 1 (the cycle's last weekend).
    let c = on("contract-2002@2", {
        let mut r = weekday_rota_with(4, (Fri, "08:00"));
        r.shifts[0] = shift(1, Mon, "06:00", 540);
        r
    });
    assert_eq!(band_of(&c), Band::B1A);
}

/// `weeks` weeks of Mon–Fri 08:00–18:00 (50 h); the weeks listed swap Friday for Saturday.
fn fifty_hours_with_saturdays(weeks: u8, saturdays: &[u8]) -> offer_compare::engine::rota::Rota {
    let mut shifts = Vec::new();
    for w in 1..=weeks {
        shifts.extend(days(w, &[Mon, Tue, Wed, Thu], "08:00", 600));
        let last = if saturdays.contains(&w) { Sat } else { Fri };
        shifts.push(shift(w, last, "08:00", 600));
    }
    rota(weeks, shifts)
}

#[test]
fn band_2a_needs_weekends_1_in_3_or_more_often() {
    // 50 h a week. 2 weekends in 7 weeks is more often than 1 in 4 but less than 1 in 3:
    // 2B under @2 (50%: £14,178.50); @1 used 1 in 4 for band 2 too and said 2A (80%: £22,685.60).
    let r = fifty_hours_with_saturdays(7, &[1, 4]);
    let c = on("contract-2002@2", r.clone());
    assert_eq!(band_of(&c), Band::B2B);
    assert_eq!(value(&c, "contract-2002", "banding"), Some(d("14178.50")));
    let c = on("contract-2002@1", r);
    assert_eq!(band_of(&c), Band::B2A);
    assert_eq!(value(&c, "contract-2002", "banding"), Some(d("22685.60")));
    // Exactly 1 in 3 → 2A under @2.
    let c = on("contract-2002@2", fifty_hours_with_saturdays(3, &[1]));
    assert_eq!(band_of(&c), Band::B2A);
    assert!(
        reason(&c).contains("1 in 3 or more often (1 in 3 weeks"),
        "{}",
        reason(&c)
    );
}

#[test]
fn exactly_a_third_of_hours_outside_plain_time_is_not_most_unsocial() {
    // Mon–Thu 11:30–22:45 (11.25 h): 3.75 h after 19:00 each, 15 of 45 h = exactly 1/3.
    // @2 ships "more than 1/3" (BMA guide) → 1B, 40%: £11,342.80. (DRS would say 1A.)
    let r = rota(1, days(1, &[Mon, Tue, Wed, Thu], "11:30", 675));
    let c = on("contract-2002@2", r);
    assert_eq!(band_of(&c), Band::B1B);
    assert_eq!(value(&c, "contract-2002", "banding"), Some(d("11342.80")));
    // One more minute after 19:00: 901 of 2,701 minutes > 1/3 → 1A.
    let mut shifts = days(1, &[Mon, Tue, Wed], "11:30", 675);
    shifts.push(shift(1, Thu, "11:30", 676));
    let c = on("contract-2002@2", rota(1, shifts));
    assert_eq!(band_of(&c), Band::B1A);
    assert!(
        reason(&c).contains("more than ≈33.3333% (exactly 100/3%) of work outside plain time"),
        "{}",
        reason(&c)
    );
}

#[test]
fn the_gp_registrar_supplement_is_45_percent_when_chosen() {
    // PC (M&D) 1/2009: 45% of basic in a GP placement: 45% of £28,357 = £12,760.65.
    let mut s = scenario(
        rota(1, days(1, &[Mon, Tue, Wed, Thu, Fri], "08:00", 480)),
        vec![preset("contract-2002@2")],
    );
    s.pay_date = date("2016-04-26");
    s.columns[0].band_override = Some(Band::GpRegistrar);
    let c = run(&s);
    assert_eq!(value(&c, "contract-2002", "banding"), Some(d("12760.65")));
    let line = c.columns[0].figure("banding").unwrap();
    let text = offer_compare::engine::explain::render_text(&line.explanation, line.unit);
    assert!(text.contains("GP registrar supplement"), "{text}");
}

#[test]
fn an_unbanded_post_says_so_in_words() {
    // Not "band unbanded supplement": an FY2 day job has no supplement, an FY1 one 5%.
    let r = rota(1, days(1, &[Mon, Tue, Wed, Thu, Fri], "08:00", 480));
    let c = on("contract-2002@2", r.clone());
    let line = c.columns[0].figure("banding").unwrap();
    let text = offer_compare::engine::explain::render_text(&line.explanation, line.unit);
    assert!(text.contains("unbanded: no supplement"), "{text}");
    assert!(!text.contains("band unbanded"), "{text}");
    let mut s = scenario(r, vec![preset("contract-2002@2")]);
    s.pay_date = date("2016-04-26");
    s.doctor.grade = Grade::FY1;
    let c = run(&s);
    assert_eq!(value(&c, "contract-2002", "banding"), Some(d("1143.10")));
    let line = c.columns[0].figure("banding").unwrap();
    let text = offer_compare::engine::explain::render_text(&line.explanation, line.unit);
    assert!(text.contains("FY1 unbanded supplement"), "{text}");
}
