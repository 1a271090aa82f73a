//! Property tests of the pay engine (2,000 cases each), with generators that
//! favour the edges: 1-minute and 24-hour shifts, 1- and 52-week cycles,
//! shifts wrapping the cycle end, huge salaries and rates.
use crate::common::*;
use offer_compare::engine::compare;
use offer_compare::engine::offer::{
    Combine, CountingUnit, FrequencyCondition, LtftWeekendRule, Offer, OneIn, PremiumWindow,
    WeekendDefinition,
};
use offer_compare::engine::rota::{Rota, Shift};
use offer_compare::engine::time::{ClockTime, Weekday, DAY, WEEK};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 2_000,
        ..ProptestConfig::default()
    }
}

/// A worked shift starting at cycle minute `m` (taken modulo the cycle).
fn shift_at(m: u64, weeks: u8, minutes: u32) -> Shift {
    let m = m % (u64::from(weeks) * WEEK);
    let (week, day, clock) = (m / WEEK + 1, (m % WEEK) / DAY, m % DAY);
    shift(
        week as u8,
        Weekday::from_day_number(day),
        &ClockTime::hm((clock / 60) as u16, (clock % 60) as u16)
            .unwrap()
            .to_string(),
        minutes,
    )
}

fn weeks() -> impl Strategy<Value = u8> {
    prop_oneof![Just(1u8), Just(52u8), 1u8..=8, 1u8..=52]
}

fn shift_length() -> impl Strategy<Value = u32> {
    prop_oneof![Just(1u32), Just(1440u32), 1u32..=1440]
}

/// A valid rota: shifts laid end to end with gaps from a random offset, so they
/// never overlap, and the last may wrap past the cycle end.
fn valid_rota() -> impl Strategy<Value = Rota> {
    (
        weeks(),
        any::<u64>(),
        prop::collection::vec(
            (prop_oneof![Just(0u64), 0u64..3_000], shift_length()),
            0..40,
        ),
    )
        .prop_map(|(weeks, offset, parts)| {
            let cycle = u64::from(weeks) * WEEK;
            let offset = offset % cycle;
            let mut pos = offset;
            let mut shifts = Vec::new();
            for (gap, len) in parts {
                let start = pos + gap;
                if start + u64::from(len) > offset + cycle {
                    break;
                }
                shifts.push(shift_at(start, weeks, len));
                pos = start + u64::from(len);
            }
            rota(weeks, shifts)
        })
}

fn a_window(index: usize) -> impl Strategy<Value = PremiumWindow> {
    (
        prop::collection::vec(0usize..7, 1..=7),
        0u16..1440,
        1u16..1440,
        0u32..=300,
        1u32..=30,
    )
        .prop_map(move |(days, from, span, num, den)| {
            let days: Vec<Weekday> = days.into_iter().map(|i| Weekday::ALL[i]).collect();
            let to = (from + span) % 1440;
            let fmt = |m: u16| ClockTime::hm(m / 60, m % 60).unwrap().to_string();
            window(
                &format!("w{index}"),
                &days,
                &fmt(from),
                &fmt(to),
                // Premiums up to the 200% validation accepts.
                &format!("{}/{}", num.min(den * 2), den),
            )
        })
}

/// An offer made of windows only (no conditions or allowances).
fn window_offer() -> impl Strategy<Value = Offer> {
    (
        prop_oneof![Just(1u64), Just(10_000_000u64), 1u64..=200_000],
        prop::collection::vec(0usize..1, 0..5),
        any::<bool>(),
    )
        .prop_flat_map(|(annual, slots, additive)| {
            let windows: Vec<_> = (0..slots.len()).map(a_window).collect();
            (Just(annual), windows, Just(additive))
        })
        .prop_map(|(annual, windows, additive)| {
            let mut o = offer("o", &annual.to_string(), windows);
            if additive {
                o.terms.combine = Combine::Additive;
            }
            o
        })
}

/// A window-only offer plus conditions, shift rules and a weekend allowance —
/// the properties that hold for every offer (order, rotation, no panic).
fn conditional_offer() -> impl Strategy<Value = Offer> {
    (
        window_offer(),
        1u32..=10,
        any::<bool>(),
        any::<bool>(),
        prop_oneof![
            Just(LtftWeekendRule::ActualFrequencyProRata),
            Just(LtftWeekendRule::FullTimeEquivalentProRata),
            Just(LtftWeekendRule::None)
        ],
    )
        .prop_map(|(mut o, n, by_weekends, any_work, ltft)| {
            let definition = if any_work {
                WeekendDefinition::AnyWorkOnWeekend
            } else {
                WeekendDefinition::ShiftBeginsOnWeekend
            };
            if let Some(w) = o.terms.premium_windows.first_mut() {
                w.condition = Some(FrequencyCondition {
                    counts: if by_weekends {
                        CountingUnit::WeekendsWorked { definition }
                    } else {
                        CountingUnit::WindowDaysWorked
                    },
                    at_least: OneIn { one_in: n },
                    kinds: offer_compare::engine::offer::all_kinds(),
                });
            }
            o.terms.shift_rules = vec![night_extension_2016(), ends_by_four_2019()];
            let mut allowance = weekend_allowance(definition);
            allowance.ltft = ltft;
            o.terms.frequency_allowances = vec![allowance];
            o
        })
}

fn gross(s: &offer_compare::engine::Scenario) -> Decimal {
    run(s).columns[0].gross_annual()
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn no_input_panics(
        weeks in 0u8..=60,
        raw in prop::collection::vec((any::<u8>(), 0usize..7, 0u16..=1440, any::<u32>()), 0..30),
        o in conditional_offer(),
        ltft in prop_oneof![Just("0"), Just("1"), Just("0.5"), Just("1.5"), Just("1/3")],
    ) {
        let shifts = raw
            .into_iter()
            .map(|(week, day, start, minutes)| {
                let mut s = shift(1, Weekday::ALL[day], "00:00", minutes);
                s.week = week;
                s.start = ClockTime::hm(start / 60, start % 60).unwrap_or(ClockTime::MIDNIGHT);
                s
            })
            .collect();
        let mut s = scenario(rota(weeks, shifts), vec![o]);
        s.doctor.ltft = ltft.parse().unwrap();
        let _ = compare(&s, offer_compare::reference());
    }

    #[test]
    fn shuffling_shifts_changes_nothing(
        (r, order) in valid_rota().prop_flat_map(|r| {
            let n = r.shifts.len();
            (Just(r), Just((0..n).collect::<Vec<_>>()).prop_shuffle())
        }),
        o in conditional_offer(),
        ltft in prop_oneof![Just("1"), Just("0.6"), Just("1/3")],
    ) {
        let with = |r| {
            let mut s = scenario(r, vec![o.clone()]);
            s.doctor.ltft = ltft.parse().unwrap();
            run(&s)
        };
        let mut shuffled = r.clone();
        shuffled.shifts = order.iter().map(|&i| r.shifts[i].clone()).collect();
        prop_assert_eq!(all_values(&with(r)), all_values(&with(shuffled)));
    }

    #[test]
    fn rotating_by_whole_weeks_changes_no_figure(r in valid_rota(), k in 0u8..52, o in conditional_offer()) {
        let before = run(&scenario(r.clone(), vec![o.clone()]));
        let mut rotated = r.clone();
        for s in &mut rotated.shifts {
            s.week = (s.week - 1 + k % r.weeks) % r.weeks + 1;
        }
        let after = run(&scenario(rotated, vec![o]));
        prop_assert_eq!(all_values(&before), all_values(&after));
        prop_assert_eq!(&before.columns[0].pay.notes, &after.columns[0].pay.notes);
    }

    #[test]
    fn splitting_a_shift_changes_no_figure(r in valid_rota(), pick in any::<usize>(), at in any::<u32>(), o in window_offer()) {
        let n = r.shifts.len();
        // The first shift long enough to split, counting from a random one.
        let Some(i) = (0..n).map(|k| (pick % n.max(1) + k) % n).find(|&i| r.shifts[i].minutes >= 2) else {
            return Ok(());
        };
        let whole = r.shifts[i].clone();
        let first_len = 1 + at % (whole.minutes - 1);
        let mut split = r.clone();
        split.shifts[i].minutes = first_len;
        split.shifts.push(shift_at(whole.start_minute() + u64::from(first_len), r.weeks, whole.minutes - first_len));
        let before = run(&scenario(r, vec![o.clone()]));
        let after = run(&scenario(split, vec![o]));
        prop_assert_eq!(all_values(&before), all_values(&after));
        prop_assert_eq!(&before.columns[0].pay.window_hours, &after.columns[0].pay.window_hours);
    }

    #[test]
    fn adding_a_shift_never_lowers_gross_pay(r in valid_rota(), o in window_offer()) {
        let mut fewer = r.clone();
        if fewer.shifts.pop().is_none() {
            return Ok(());
        }
        let with = gross(&scenario(r, vec![o.clone()]));
        let without = gross(&scenario(fewer, vec![o]));
        prop_assert!(with >= without, "{} < {}", with, without);
    }
}

/// The minutes of the week a premium row's term names, as `(start, length)`:
/// "Mon–Fri 21:00–07:00", "Sat, Sun 00:00–24:00", "Sat 17:00 – Mon 07:00".
fn term_minutes(term: &str) -> Vec<(u64, u64)> {
    let day = |name: &str| {
        Weekday::ALL
            .iter()
            .position(|d| d.short_name() == name)
            .unwrap() as u64
    };
    let clock = |text: &str| ClockTime::parse(text).unwrap().minutes();
    let at = |text: &str| {
        let (d, c) = text.split_once(' ').unwrap();
        day(d) * DAY + clock(c)
    };
    if let Some((from, to)) = term.split_once(" – ") {
        return vec![(at(from), (at(to) + WEEK - at(from)) % WEEK)];
    }
    let (days, times) = term.rsplit_once(' ').unwrap();
    let (from, to) = times.split_once('–').unwrap();
    let (from, to) = (clock(from), clock(to));
    let len = if to > from {
        to - from
    } else {
        to + DAY - from
    };
    days.split(", ")
        .flat_map(|part| match part.split_once('–') {
            Some((first, last)) => day(first)..=day(last),
            None => day(part)..=day(part),
        })
        .map(|d| (d * DAY + from, len))
        .collect()
}

proptest! {
    #![proptest_config(config())]

    /// Premium rows cover every minute of the week once, each side saying what
    /// its offer pays there; sides swap with the offers; an offer never differs
    /// from itself.
    #[test]
    fn terms_diffs_cover_the_week_and_swap(a in conditional_offer(), b in conditional_offer()) {
        use offer_compare::engine::premium::UpliftMap;
        use offer_compare::engine::terms::{diff, percent, TermDiff};
        use offer_compare::engine::time::Interval;
        let at = date("2016-08-03");
        let rows = diff(&a, &b, at);
        let swapped: Vec<TermDiff> = diff(&b, &a, at)
            .into_iter()
            .map(|r| TermDiff { a: r.b, b: r.a, ..r })
            .collect();
        prop_assert_eq!(&rows, &swapped);
        prop_assert!(diff(&a, &a, at).iter().all(|r| !r.differs));
        let maps = [&a, &b].map(|o| {
            UpliftMap::build(&o.terms.premium_windows, &[], o.terms.combine)
        });
        let mut covered = vec![false; WEEK as usize];
        for r in rows.iter().filter(|r| r.section == "Premium time" && r.term != "Combine rule") {
            for (start, len) in term_minutes(&r.term) {
                prop_assert!(len > 0, "{}", r.term);
                for m in start..start + len {
                    let m = (m % WEEK) as usize;
                    prop_assert!(!covered[m], "{} again at {}", r.term, m);
                    covered[m] = true;
                }
                for m in [start, start + len - 1] {
                    for (map, text) in maps.iter().zip([&r.a, &r.b]) {
                        let uplift = map.split(Interval::new(m % WEEK, m % WEEK + 1))[0].uplift;
                        let expected = if uplift.is_zero() { "plain time".to_string() } else { percent(&uplift) };
                        let pays = *text == expected || text.starts_with(&format!("{expected} "));
                        prop_assert!(pays, "{}: {} is not {}", r.term, text, expected);
                    }
                }
            }
        }
        prop_assert!(covered.iter().all(|c| *c));
    }
}

/// Breach locations of the limits that report every occurrence (not only the
/// worst or first), as (limit, week, day, shifts), sorted.
fn located_breaches(
    c: &offer_compare::engine::compare::Comparison,
    shift_weeks: u64,
    weeks: u64,
) -> Vec<(String, u64, usize, Vec<usize>)> {
    let mut out: Vec<_> = c.columns[0]
        .rest
        .checks
        .iter()
        .filter(|k| !matches!(k.id.as_str(), "72-in-168" | "1-in-2-weekends" | "avg-48"))
        .flat_map(|k| {
            k.breaches.iter().map(move |b| {
                let week = (b.location.week - 1 + shift_weeks) % weeks + 1;
                (
                    k.id.clone(),
                    week,
                    b.location.day as usize,
                    b.location.shifts.clone(),
                )
            })
        })
        .collect();
    out.sort();
    out
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn rest_metrics_do_not_depend_on_shift_order(
        (r, order) in valid_rota().prop_flat_map(|r| {
            let n = r.shifts.len();
            (Just(r), Just((0..n).collect::<Vec<_>>()).prop_shuffle())
        }),
    ) {
        let before = run(&scenario(r.clone(), vec![limited_offer(limits_2016())]));
        let mut shuffled = r.clone();
        shuffled.shifts = order.iter().map(|&i| r.shifts[i].clone()).collect();
        let after = run(&scenario(shuffled, vec![limited_offer(limits_2016())]));
        prop_assert_eq!(&before.columns[0].rest.metrics, &after.columns[0].rest.metrics);
        let verdicts = |c: &offer_compare::engine::compare::Comparison| -> Vec<(String, bool, usize)> {
            c.columns[0].rest.checks.iter().map(|k| (k.id.clone(), k.passed, k.breaches.len())).collect()
        };
        prop_assert_eq!(verdicts(&before), verdicts(&after));
    }

    #[test]
    fn rotating_by_whole_weeks_keeps_metrics_and_moves_breaches_with_it(r in valid_rota(), k in 0u8..52) {
        let k = k % r.weeks;
        let before = run(&scenario(r.clone(), vec![limited_offer(limits_2016())]));
        let mut rotated = r.clone();
        for s in &mut rotated.shifts {
            s.week = (s.week - 1 + k) % r.weeks + 1;
        }
        let after = run(&scenario(rotated, vec![limited_offer(limits_2016())]));
        let values = |c: &offer_compare::engine::compare::Comparison| -> Vec<_> {
            c.columns[0].rest.metrics.iter().map(|m| (m.id.clone(), m.value)).collect()
        };
        prop_assert_eq!(values(&before), values(&after));
        // A run covering every day of the cycle has no start of its own: skip that case.
        let every_day = before.columns[0].metric("rest:longest_run_shifts").map(|m| m.value)
            == Some(Decimal::from(u64::from(r.weeks) * 7));
        if !every_day {
            let weeks = u64::from(r.weeks);
            prop_assert_eq!(located_breaches(&before, u64::from(k), weeks), located_breaches(&after, 0, weeks));
        }
    }

    #[test]
    fn the_worst_168_hours_are_never_below_the_average_week(r in valid_rota()) {
        let c = run(&scenario(r, vec![limited_offer(vec![])]));
        let worst = c.columns[0].metric("rest:worst_168_hours").unwrap().value;
        let average = c.columns[0].metric("rest:average_weekly_work").unwrap().value;
        // Both are rounded to 2 decimals; the average by at most half a hundredth.
        prop_assert!(worst >= average - Decimal::new(1, 2), "{} < {}", worst, average);
    }
}
