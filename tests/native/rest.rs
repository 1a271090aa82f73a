//! Engine II worked examples: rest metrics and every kind of limit at its exact
//! edge, with breaches located by week, day and shift.
use crate::common::*;
use offer_compare::engine::offer::{LimitRule::*, RunKind::*};
use offer_compare::engine::time::Weekday::{self, *};

fn checked(
    r: offer_compare::engine::rota::Rota,
    rule: offer_compare::engine::offer::LimitRule,
) -> offer_compare::engine::limits::LimitCheck {
    let c = run(&scenario(r, vec![limited_offer(vec![limit("l", rule)])]));
    check(&c, "l").clone()
}

#[test]
fn a_13_hour_shift_passes_a_13_hour_maximum_and_13_h_01_fails() {
    let rule = MaxShiftLength {
        minutes: 780,
        include_on_call: false,
        weekend_minutes: None,
    };
    assert!(checked(rota(1, vec![shift(1, Tue, "08:00", 780)]), rule).passed);
    let k = checked(rota(1, vec![shift(1, Tue, "08:00", 781)]), rule);
    assert!(!k.passed);
    assert_eq!(k.breaches.len(), 1);
    assert_eq!(k.breaches[0].measured, "a 13.02 h shift");
    assert_eq!(
        (k.breaches[0].location.week, k.breaches[0].location.day),
        (1, Tue)
    );
    assert_eq!(k.breaches[0].location.shifts, vec![0]);
    assert_eq!(k.allowed, "at most 13 h");
}

#[test]
fn exactly_72_hours_in_168_passes_and_one_minute_more_fails() {
    // Six 12-hour days Mon–Sat = 72 h inside one week; a second week empty.
    let days = [Mon, Tue, Wed, Thu, Fri, Sat];
    let week = |extra: u32| {
        let mut shifts: Vec<_> = days.iter().map(|&d| shift(1, d, "08:00", 720)).collect();
        shifts[5].minutes += extra;
        rota(2, shifts)
    };
    let rule = MaxHoursIn168 { hours: d("72") };
    assert!(checked(week(0), rule).passed);
    let k = checked(week(1), rule);
    assert!(!k.passed);
    assert_eq!(
        k.breaches[0].measured,
        "72.02 h in the 168 hours from week 1 Mon 08:00"
    );
    assert_eq!(k.breaches[0].location.shifts, vec![0, 1, 2, 3, 4, 5]);
}

fn three_nights_then(next_start: &str) -> offer_compare::engine::rota::Rota {
    // Nights Mon–Wed 21:00–08:00 (11 h, 7 h inside 23:00–06:00); the last ends Thu 08:00.
    let mut shifts: Vec<_> = [Mon, Tue, Wed]
        .iter()
        .map(|&d| shift(1, d, "21:00", 660))
        .collect();
    shifts.push(shift(1, Sat, next_start, 480));
    rota(1, shifts)
}

#[test]
fn forty_six_hours_after_three_nights_is_met_by_46_h_00_and_not_by_45_h_59() {
    let rule = RestAfterRun {
        what: Nights,
        after_run: 3,
        minutes: 46 * 60,
    };
    // Thu 08:00 + 46 h = Sat 06:00.
    assert!(checked(three_nights_then("06:00"), rule).passed);
    let k = checked(three_nights_then("05:59"), rule);
    assert!(!k.passed);
    assert_eq!(
        k.breaches[0].measured,
        "45.98 h off after 3 consecutive nights"
    );
    assert_eq!(k.breaches[0].location.at, "week 1 Thu 08:00");
    assert_eq!(k.breaches[0].location.shifts, vec![0, 1, 2]);
    // Two nights are not "a run of 3 or more".
    let mut two = three_nights_then("05:59");
    two.shifts.remove(2);
    assert!(checked(two, rule).passed);
}

#[test]
fn a_breach_that_only_appears_across_the_cycle_wrap() {
    // Sunday 13:00–23:00, then Monday 09:00 of the next cycle: 10 h rest.
    let r = rota(
        1,
        vec![shift(1, Mon, "09:00", 480), shift(1, Sun, "13:00", 600)],
    );
    let k = checked(r, MinRestBetweenShifts { minutes: 660 });
    assert_eq!(k.breaches.len(), 1);
    assert_eq!(k.breaches[0].measured, "10 h between shifts");
    assert_eq!(k.breaches[0].location.at, "week 1 Sun 23:00");
    assert_eq!(k.breaches[0].location.shifts, vec![1, 0]);
}

#[test]
fn runs_of_nights_and_shifts_are_counted_by_calendar_day_across_the_wrap() {
    // Nights Fri, Sat, Sun of the only week, and Mon, Tue: five consecutive via the wrap.
    let nights: Vec<_> = [Mon, Tue, Fri, Sat, Sun]
        .iter()
        .map(|&d| shift(1, d, "21:00", 600))
        .collect();
    let k = checked(
        rota(1, nights.clone()),
        MaxConsecutive {
            what: Nights,
            count: 4,
        },
    );
    assert_eq!(k.breaches.len(), 1);
    assert_eq!(k.breaches[0].measured, "5 consecutive nights");
    assert_eq!(
        (k.breaches[0].location.week, k.breaches[0].location.day),
        (1, Fri)
    );
    assert!(
        checked(
            rota(1, nights),
            MaxConsecutive {
                what: Nights,
                count: 5
            }
        )
        .passed
    );
}

#[test]
fn weekend_frequency_and_consecutive_weekends() {
    // 4 weeks; weekends worked in weeks 1 and 4: 1 in 2 (allowed at "at most 1 in 2"),
    // and consecutive across the wrap (week 4 then week 1).
    let r = rota(
        4,
        vec![shift(1, Sat, "08:00", 480), shift(4, Sun, "08:00", 480)],
    );
    assert!(checked(r.clone(), MaxWeekendFrequency { one_in: 2 }).passed);
    let k = checked(r.clone(), MaxWeekendFrequency { one_in: 3 });
    assert_eq!(k.breaches[0].measured, "1 in 2 (weekends of weeks 1, 4)");
    let k = checked(r, MaxConsecutiveWeekends { count: 1 });
    assert_eq!(k.breaches.len(), 1);
    assert_eq!(k.breaches[0].measured, "2 consecutive weekends");
    assert_eq!(k.breaches[0].location.week, 4);
}

#[test]
fn a_friday_night_counts_as_a_weekend_worked_for_frequency_limits() {
    // The default weekend definition for limits is any work on Saturday or Sunday.
    let r = rota(
        2,
        vec![shift(1, Fri, "20:00", 720), shift(2, Sat, "08:00", 480)],
    );
    let k = checked(r, MaxWeekendFrequency { one_in: 2 });
    assert_eq!(k.breaches[0].measured, "1 in 1 (weekends of weeks 1, 2)");
}

#[test]
fn average_weekly_hours_over_the_cycle_and_over_a_reference_period() {
    // 2 weeks: 48 h then 48 h 01 → average 48.008… over the cycle: breach.
    let fortyeight = |week, extra| {
        (0..4).map(move |d| {
            shift(
                week,
                Weekday::ALL[d],
                "08:00",
                720 + if d == 0 { extra } else { 0 },
            )
        })
    };
    let r = rota(2, fortyeight(1, 0).chain(fortyeight(2, 1)).collect());
    let k = checked(
        r.clone(),
        MaxAverageWeeklyHours {
            hours: d("48"),
            reference_weeks: None,
        },
    );
    assert_eq!(
        k.breaches[0].measured,
        "48.01 h a week on average over the cycle"
    );
    // Over a 1-week reference period only week 2 breaches, located at its start.
    let k = checked(
        r,
        MaxAverageWeeklyHours {
            hours: d("48"),
            reference_weeks: Some(1),
        },
    );
    assert_eq!(k.breaches.len(), 1);
    assert_eq!(k.breaches[0].location.week, 2);
    let exact = rota(1, fortyeight(1, 0).collect());
    assert!(
        checked(
            exact,
            MaxAverageWeeklyHours {
                hours: d("48"),
                reference_weeks: None
            }
        )
        .passed
    );
}

#[test]
fn the_same_rota_is_lawful_under_one_offer_and_not_another() {
    // Five 12.5-h nights (62.5 h, under 72 h in 168; then 10 days off): breaches only the
    // 2016 "max 4 consecutive nights", and passes the old 7-night limit.
    let nights = rota(
        2,
        (0..5)
            .map(|d| shift(1, Weekday::ALL[d], "20:30", 750))
            .collect(),
    );
    let mut strict = limited_offer(limits_2016());
    strict.id = "strict".into();
    let mut old = limited_offer(vec![limit(
        "max-7-nights",
        MaxConsecutive {
            what: Nights,
            count: 7,
        },
    )]);
    old.id = "old".into();
    let c = run(&scenario(nights, vec![strict, old]));
    let failed = |col: usize| -> Vec<String> {
        c.columns[col]
            .rest
            .checks
            .iter()
            .filter(|k| !k.passed)
            .map(|k| k.id.clone())
            .collect()
    };
    assert_eq!(failed(0), vec!["max-4-nights".to_string()]);
    assert!(failed(1).is_empty());
}

#[test]
fn working_time_regulations_are_an_optional_flag_only_rule_set() {
    let r = rota(
        1,
        vec![shift(1, Mon, "08:00", 600), shift(1, Mon, "20:00", 120)],
    );
    let mut s = scenario(r, vec![limited_offer(vec![])]);
    assert!(run(&s).columns[0].rest.checks.is_empty());
    s.working_time_regulations = true;
    let c = run(&s);
    let wtr = check(&c, "wtr-11h-rest");
    assert!(!wtr.passed);
    assert_eq!(
        wtr.consequence,
        offer_compare::engine::offer::Consequence::Flag
    );
    assert!(check(&c, "wtr-48h").passed);
}

#[test]
fn rest_metrics_of_a_small_rota_by_hand() {
    // 2-week cycle: week 1 Mon–Wed nights 21:00–08:00 (11 h); week 2 Sat 08:00–20:00 (12 h).
    // Work 45 h → 22.5 h/week. Worst 168 h: 45 h (all of it fits in one week).
    // Rests: Tue 08:00→21:00 13 h, Wed 08:00→21:00 13 h, Thu 08:00 → week 2 Sat 08:00 = 9 days
    // = 216 h, Sat 20:00 → week 1 Mon 21:00 = 49 h. Shortest 13 h, none under 11 h.
    // Weekends off: week 1 only (week 2 Saturday worked). Days touched: Mon–Thu of week 1
    // (the Wed night ends Thu) and Sat of week 2 → 14 − 5 = 9 days off.
    // 48-h breaks: after Thu 08:00 (216 h) and after Sat 20:00 (49 h), so the stretches are
    // Sat 08:00–20:00 (12 h) and Mon 21:00–Thu 08:00 (59 h).
    let mut shifts: Vec<_> = [Mon, Tue, Wed]
        .iter()
        .map(|&d| shift(1, d, "21:00", 660))
        .collect();
    shifts.push(shift(2, Sat, "08:00", 720));
    let c = run(&scenario(rota(2, shifts), vec![limited_offer(vec![])]));
    assert_eq!(metric(&c, "average_weekly_work"), d("22.5"));
    assert_eq!(metric(&c, "worst_168_hours"), d("45"));
    assert_eq!(metric(&c, "longest_shift"), d("12"));
    assert_eq!(metric(&c, "shortest_rest"), d("13"));
    assert_eq!(metric(&c, "rests_under_11h"), d("0"));
    assert_eq!(metric(&c, "longest_run_nights"), d("3"));
    assert_eq!(metric(&c, "longest_run_shifts"), d("3"));
    // Nights are 11 h (> 10 h) so also long shifts; the Saturday is not consecutive with them.
    assert_eq!(metric(&c, "longest_run_long_shifts"), d("3"));
    assert_eq!(metric(&c, "weekends_off"), d("1"));
    assert_eq!(metric(&c, "days_off"), d("9"));
    assert_eq!(metric(&c, "nights"), d("3"));
    assert_eq!(metric(&c, "longest_without_48h_off"), d("59"));
}

#[test]
fn a_shift_at_monday_midnight_of_week_one_is_a_night() {
    // Week 1 Mon 00:00–07:00 lies in the 23:00–06:00 window that began on the previous
    // day (week 2 Sunday of the previous cycle): 6 h ≥ 3 h, so it is a night.
    let c = run(&scenario(
        rota(2, vec![shift(1, Mon, "00:00", 420)]),
        vec![limited_offer(vec![])],
    ));
    assert_eq!(metric(&c, "nights"), d("1"));
}

#[test]
fn the_csv_carries_rest_metrics_and_located_breaches() {
    let r = rota(
        1,
        vec![shift(1, Mon, "09:00", 480), shift(1, Sun, "13:00", 600)],
    );
    let c = run(&scenario(
        r,
        vec![limited_offer(vec![limit(
            "11h",
            MinRestBetweenShifts { minutes: 660 },
        )])],
    ));
    let csv = offer_compare::codec::csv::comparison_to_csv(&c);
    assert!(
        csv.contains("o,o,1,2016-08-03,rest:shortest_rest,Shortest rest between shifts,10,"),
        "{csv}"
    );
    assert!(csv.contains("limit:11h,limit 11h,1,BREACHED; allowed: at least 11 h between shifts; source: test; 10 h between shifts at week 1 Sun 23:00"), "{csv}");
}

// ---------------------------------------------------------------- on call (issue 22, point 8)

use offer_compare::engine::rota::{Shift, ShiftKind, WorkBlock};

fn on_call(week: u8, day: Weekday, start: &str, minutes: u32, work: &[(u32, u32)]) -> Shift {
    let mut s = shift(week, day, start, minutes);
    s.kind = ShiftKind::NonResidentOnCall;
    s.expected_work = work
        .iter()
        .map(|&(offset_minutes, minutes)| WorkBlock {
            offset_minutes,
            minutes,
        })
        .collect();
    s
}

/// The check of one limit that counts only `kinds`.
fn checked_counting(
    r: offer_compare::engine::rota::Rota,
    rule: offer_compare::engine::offer::LimitRule,
    kinds: &[ShiftKind],
) -> offer_compare::engine::limits::LimitCheck {
    let mut l = limit("l", rule);
    l.counts = Some(kinds.to_vec());
    let c = run(&scenario(r, vec![limited_offer(vec![l])]));
    check(&c, "l").clone()
}

const NROC: [ShiftKind; 1] = [ShiftKind::NonResidentOnCall];
const SHIFTS: [ShiftKind; 2] = [ShiftKind::Worked, ShiftKind::ResidentOnCall];

#[test]
fn four_on_call_periods_in_seven_days_breach_at_most_three() {
    let rule = MaxPeriodsInDays { count: 3, days: 7 };
    // 1 week: on call from 17:00 on Monday, Wednesday and Friday: 3 in 7, allowed.
    let three = vec![
        on_call(1, Mon, "17:00", 960, &[]),
        on_call(1, Wed, "17:00", 960, &[]),
        on_call(1, Fri, "17:00", 960, &[]),
    ];
    assert!(checked_counting(rota(1, three.clone()), rule, &NROC).passed);
    // A fourth on Sunday: 4 in any 7 days (the cycle repeats), one breach.
    let mut four = three;
    four.push(on_call(1, Sun, "17:00", 900, &[]));
    let k = checked_counting(rota(1, four), rule, &NROC);
    assert_eq!(k.breaches.len(), 1);
    assert_eq!(
        k.breaches[0].to_string(),
        "4 periods in the 7 days starting at week 1 Mon 00:00"
    );
    assert_eq!(k.breaches[0].location.shifts.len(), 4);
    assert_eq!(
        k.allowed,
        "at most 3 periods of non-resident on-call in any 7 days in a row \
         (a period over 24 hours counts once for each 24 hours)"
    );
    // 2 weeks: Wednesday and Friday evenings and one Sat 08:00 – Mon 08:00 weekend period,
    // which stands for the Saturday and the Sunday periods: 4 in the 7 days from Wednesday.
    let weekend = vec![
        on_call(1, Wed, "17:00", 960, &[]),
        on_call(1, Fri, "17:00", 900, &[]),
        on_call(1, Sat, "08:00", 2880, &[]),
    ];
    let k = checked_counting(rota(2, weekend), rule, &NROC);
    assert_eq!(
        k.breaches[0].to_string(),
        "4 periods in the 7 days starting at week 1 Wed 00:00"
    );
    // Worked shifts are not counted by a limit counting on call only.
    let days: Vec<Shift> = [Mon, Tue, Wed, Thu, Fri]
        .iter()
        .map(|&d| shift(1, d, "08:00", 480))
        .collect();
    assert!(checked_counting(rota(1, days), rule, &NROC).passed);
}

#[test]
fn an_11_hour_day_after_on_call_breaches_the_10_hour_limit() {
    let rule = MaxDayAfterLength { minutes: 600 };
    // On call Monday 17:00 – Tuesday 09:00, then an 11-hour day from 09:00 Tuesday.
    let r = rota(
        1,
        vec![
            on_call(1, Mon, "17:00", 960, &[]),
            shift(1, Tue, "09:00", 660),
        ],
    );
    let k = checked_counting(r, rule, &NROC);
    assert_eq!(k.breaches.len(), 1);
    assert_eq!(
        k.breaches[0].to_string(),
        "11 h of duty on the day after the period beginning week 1 Mon 17:00, \
         starting at week 1 Tue 09:00"
    );
    assert_eq!(k.breaches[0].location.shifts, vec![0, 1]);
    assert_eq!(
        k.allowed,
        "at most 10 h of duty on the day after non-resident on-call"
    );
    // Exactly 10 hours is allowed.
    let r = rota(
        1,
        vec![
            on_call(1, Mon, "17:00", 960, &[]),
            shift(1, Tue, "09:00", 600),
        ],
    );
    assert!(checked_counting(r, rule, &NROC).passed);
    // Saturday and Sunday on call back to back: the rule applies after the last, Monday.
    let r = rota(
        1,
        vec![
            on_call(1, Sat, "08:00", 1440, &[]),
            on_call(1, Sun, "08:00", 1440, &[]),
            shift(1, Mon, "08:00", 660),
        ],
    );
    let k = checked_counting(r, rule, &NROC);
    assert_eq!(k.breaches.len(), 1);
    assert_eq!(k.breaches[0].location.day, Mon);
}

#[test]
fn rest_rules_counting_shifts_leave_out_non_resident_on_call() {
    // Days 08:00–17:00 Monday and Tuesday with non-resident on call between them.
    let r = |kind| {
        let mut call = on_call(1, Mon, "17:00", 900, &[(300, 60)]);
        call.kind = kind;
        rota(
            1,
            vec![
                shift(1, Mon, "08:00", 540),
                call,
                shift(1, Tue, "08:00", 540),
            ],
        )
    };
    let rule = MinRestBetweenShifts { minutes: 660 };
    // Counted as a shift (every kind, as @1 files are read): no rest at all between them.
    let k = checked(r(ShiftKind::NonResidentOnCall), rule);
    assert_eq!(k.breaches.len(), 2);
    assert_eq!(k.breaches[0].measured, "0 h between shifts");
    // Counting shifts only: 15 h from Monday 17:00 to Tuesday 08:00.
    let k = checked_counting(r(ShiftKind::NonResidentOnCall), rule, &SHIFTS);
    assert!(k.passed, "{:?}", k.breaches);
    assert_eq!(
        k.allowed,
        "at least 11 h between shifts, counting worked shifts and resident on-call only"
    );
    // Resident on call is a shift: the breaches stay.
    let k = checked_counting(r(ShiftKind::ResidentOnCall), rule, &SHIFTS);
    assert_eq!(k.breaches.len(), 2);
    // A night of non-resident on call is no night for "46 hours after any night".
    let night = rota(
        1,
        vec![
            on_call(1, Mon, "17:00", 960, &[(540, 60)]),
            shift(1, Wed, "08:00", 540),
        ],
    );
    let after_night = RestAfterRun {
        what: Nights,
        after_run: 1,
        minutes: 2760,
    };
    assert!(!checked(night.clone(), after_night).passed);
    assert!(checked_counting(night, after_night, &SHIFTS).passed);
}

#[test]
fn expected_rest_on_call_is_checked_against_the_expected_work() {
    let rule = MinExpectedRestOnCall {
        minutes: 480,
        continuous: 300,
        from: t("22:00"),
        to: t("07:00"),
    };
    // 24 h from Monday 08:00: the day's work 08:00–17:30 and a call 01:00–02:00 leave
    // 02:00–07:00, 5 h in one stretch, and 13.5 h in all.
    let call = |work: &[(u32, u32)]| rota(1, vec![on_call(1, Mon, "08:00", 1440, work)]);
    assert!(checked_counting(call(&[(0, 570), (1020, 60)]), rule, &NROC).passed);
    // A call 02:00–03:00 instead splits the night into 4 h + 4 h.
    let k = checked_counting(call(&[(0, 570), (1080, 60)]), rule, &NROC);
    assert_eq!(
        k.breaches[0].to_string(),
        "expected work leaves 4 h at most in one stretch between 22:00 and 07:00 \
         in the 24 h on call starting at week 1 Mon 08:00"
    );
    // From Monday 00:00 the night window of the evening before (Sunday 22:00, across the
    // cycle wrap) is in the period from 00:00 to 07:00: a call 02:00–03:00 leaves 4 h at most.
    let midnight = rota(1, vec![on_call(1, Mon, "00:00", 1440, &[(120, 60)])]);
    let k = checked_counting(midnight, rule, &NROC);
    assert_eq!(k.breaches.len(), 1);
    assert!(
        k.breaches[0].measured.contains("4 h at most"),
        "{:?}",
        k.breaches
    );
    // 17 h of expected work leave 7 h of rest in all.
    let k = checked_counting(call(&[(0, 1020)]), rule, &NROC);
    assert_eq!(
        k.breaches[0].measured,
        "expected work leaves 7 h of rest in all in the 24 h on call starting"
    );
    assert_eq!(
        k.allowed,
        "at least 8 h of rest in each 24 hours of non-resident on-call, 5 h of it \
         in one stretch between 22:00 and 07:00, as the rota's expected work leaves it"
    );
}

#[test]
fn a_limit_counting_no_shift_kind_is_refused_and_the_new_rules_are_range_checked() {
    use offer_compare::engine::validate::validate_offer_alone;
    let mut l = limit("l", MaxPeriodsInDays { count: 3, days: 7 });
    l.counts = Some(vec![]);
    let mut bad = limit("m", MaxPeriodsInDays { count: 0, days: 7 });
    bad.counts = Some(NROC.to_vec());
    let issues = validate_offer_alone(&limited_offer(vec![l, bad]));
    let paths: Vec<&str> = issues.iter().map(|i| i.path.as_str()).collect();
    assert!(
        paths.iter().any(|p| p.ends_with("limits[0].counts")),
        "{issues:?}"
    );
    assert!(
        paths.iter().any(|p| p.ends_with("limits[1].rule")),
        "{issues:?}"
    );
}
