//! The rota timeline (issue #9): exact segments for hand-built shifts under the
//! 2016 TCS, the BMA position and the 2002 contract; the default scenario's
//! premium hours and pounds recomputed from the segments alone; breach ids on
//! the shifts of the breaches preset; and, for random valid rotas, segments that
//! tile every shift and add up to the column's window hours.
use crate::common::*;
use offer_compare::codec::json::scenario_from_json;
use offer_compare::engine::compare::{compare, Comparison};
use offer_compare::engine::explain::Calculation;
use offer_compare::engine::fraction::Fraction;
use offer_compare::engine::offer::{Combine, Offer};
use offer_compare::engine::rota::{Rota, Shift, ShiftKind, WorkBlock};
use offer_compare::engine::time::{Weekday, DAY, WEEK};
use offer_compare::engine::timeline::{timeline, PayClass, Segment, Timeline, TimelineShift};
use offer_compare::engine::Scenario;
use offer_compare::presets::{find_offer, find_rota};
use proptest::prelude::*;

fn preset(key: &str) -> Offer {
    find_offer(key).unwrap_or_else(|| panic!("preset {key}"))
}

fn timeline_of(s: &Scenario, c: &Comparison, column: &str) -> Timeline {
    timeline(s, c, column).unwrap_or_else(|| panic!("no timeline for column {column}"))
}

/// The shift with rota index `index`.
fn shift_of(t: &Timeline, index: usize) -> &TimelineShift {
    t.shifts
        .iter()
        .find(|s| s.index == index)
        .expect("shift on the timeline")
}

/// Segments as (start minute, minutes, class, window ids, uplift) for comparing.
type Row = (u32, u32, PayClass, Vec<String>, Option<Fraction>);

fn rows(segments: &[Segment]) -> Vec<Row> {
    segments
        .iter()
        .map(|s| {
            (
                s.start_minute,
                s.minutes,
                s.pay,
                s.windows.clone(),
                s.uplift,
            )
        })
        .collect()
}

fn row(start: u64, minutes: u32, pay: PayClass, windows: &[&str], uplift: Option<&str>) -> Row {
    (
        start as u32,
        minutes,
        pay,
        windows.iter().map(|w| w.to_string()).collect(),
        uplift.map(|u| u.parse().expect("rate")),
    )
}

const SAT: u64 = 5 * DAY;
const SUN: u64 = 6 * DAY;

/// A one-week rota: index 0 a Saturday day 08:00–20:00, 1 a Monday night
/// 20:00–08:00, 2 a Sunday night 20:00–08:00 that runs past the cycle end.
fn three_shifts() -> Rota {
    let mut r = rota(
        1,
        vec![
            shift(1, Weekday::Sat, "08:00", 720),
            shift(1, Weekday::Mon, "20:00", 720),
            shift(1, Weekday::Sun, "20:00", 720),
        ],
    );
    r.shifts[1].label = Some("night".into());
    r
}

/// The hand-built rota under the 2016 TCS, the BMA position and the 2002 contract.
fn three_offers() -> (Scenario, Comparison) {
    let s = scenario(
        three_shifts(),
        vec![
            preset("tcs-2016@1"),
            preset("bma-position-2016-02@1"),
            preset("contract-2002@1"),
        ],
    );
    let c = run(&s);
    (s, c)
}

#[test]
fn shifts_come_in_cycle_order_with_their_rota_facts() {
    let (s, c) = three_offers();
    let t = timeline_of(&s, &c, "tcs-2016");
    assert_eq!(t.weeks, 1);
    let order: Vec<(usize, u32, u32)> = t
        .shifts
        .iter()
        .map(|x| (x.index, x.start_minute, x.minutes))
        .collect();
    assert_eq!(
        order,
        vec![
            (1, 20 * 60, 720),
            (0, (SAT + 8 * 60) as u32, 720),
            (2, (SUN + 20 * 60) as u32, 720),
        ]
    );
    let night = shift_of(&t, 1);
    assert_eq!(
        (night.week, night.day, night.kind, night.label.as_deref()),
        (1, Weekday::Mon, ShiftKind::Worked, Some("night"))
    );
    assert_eq!(timeline(&s, &c, "no-such-column"), None);
}

#[test]
fn tcs_2016_pays_nights_and_their_edges_at_37_percent_and_saturday_as_plain_time() {
    let (s, c) = three_offers();
    let t = timeline_of(&s, &c, "tcs-2016");
    // No weekend window in 2016: the Saturday day is plain time.
    assert_eq!(
        rows(&shift_of(&t, 0).segments),
        vec![row(SAT + 8 * 60, 720, PayClass::Plain, &[], None)]
    );
    // Mon 20:00–08:00: 21:00–07:00 in the night window; the rule (≥ 8 h starting
    // 20:00–23:59, 37 % until 10:00) pays 20:00–21:00 and 07:00–08:00 too.
    assert_eq!(
        rows(&shift_of(&t, 1).segments),
        vec![
            row(
                20 * 60,
                60,
                PayClass::Night,
                &["night-extension"],
                Some("37%")
            ),
            row(21 * 60, 600, PayClass::Night, &["night"], Some("37%")),
            row(
                DAY + 7 * 60,
                60,
                PayClass::Night,
                &["night-extension"],
                Some("37%")
            ),
        ]
    );
    // Sun 20:00 – Mon 08:00 of the next cycle: split at the cycle end, and the
    // night window's Sunday-to-Monday stretch continues at minute 0.
    assert_eq!(
        rows(&shift_of(&t, 2).segments),
        vec![
            row(
                SUN + 20 * 60,
                60,
                PayClass::Night,
                &["night-extension"],
                Some("37%")
            ),
            row(SUN + 21 * 60, 180, PayClass::Night, &["night"], Some("37%")),
            row(0, 420, PayClass::Night, &["night"], Some("37%")),
            row(
                7 * 60,
                60,
                PayClass::Night,
                &["night-extension"],
                Some("37%")
            ),
        ]
    );
}

#[test]
fn a_night_across_the_week_boundary_inside_the_cycle_is_one_stretch() {
    // Week 1 Sunday 20:00 – week 2 Monday 08:00 of a two-week cycle: the night
    // window is one stretch, though the weekly map ends at Sunday 24:00.
    let s = scenario(
        rota(2, vec![shift(1, Weekday::Sun, "20:00", 720)]),
        vec![preset("tcs-2016@1")],
    );
    let c = run(&s);
    let t = timeline_of(&s, &c, "tcs-2016");
    assert_eq!(
        rows(&t.shifts[0].segments),
        vec![
            row(
                SUN + 20 * 60,
                60,
                PayClass::Night,
                &["night-extension"],
                Some("37%")
            ),
            row(SUN + 21 * 60, 600, PayClass::Night, &["night"], Some("37%")),
            row(
                WEEK + 7 * 60,
                60,
                PayClass::Night,
                &["night-extension"],
                Some("37%")
            ),
        ]
    );
}

#[test]
fn the_bma_position_pays_saturday_and_sunday_as_weekend_time() {
    let (s, c) = three_offers();
    let t = timeline_of(&s, &c, "bma-position-2016-02");
    // Saturday 07:00–17:00 and 17:00–21:00 windows, both at a third.
    assert_eq!(
        rows(&shift_of(&t, 0).segments),
        vec![
            row(
                SAT + 8 * 60,
                540,
                PayClass::Weekend,
                &["sat-day"],
                Some("1/3")
            ),
            row(
                SAT + 17 * 60,
                180,
                PayClass::Weekend,
                &["sat-evening"],
                Some("1/3")
            ),
        ]
    );
    // Sunday at a third until the night window (time-and-a-half) takes over at
    // 21:00; the night ends 07:00 Monday, leaving an hour of plain time.
    assert_eq!(
        rows(&shift_of(&t, 2).segments),
        vec![
            row(
                SUN + 20 * 60,
                60,
                PayClass::Weekend,
                &["sunday"],
                Some("1/3")
            ),
            row(SUN + 21 * 60, 180, PayClass::Night, &["night"], Some("1/2")),
            row(0, 420, PayClass::Night, &["night"], Some("1/2")),
            row(7 * 60, 60, PayClass::Plain, &[], None),
        ]
    );
}

#[test]
fn the_2002_contract_has_no_windows_so_every_minute_is_plain() {
    let (s, c) = three_offers();
    let t = timeline_of(&s, &c, "contract-2002");
    assert_eq!(
        rows(&shift_of(&t, 0).segments),
        vec![row(SAT + 8 * 60, 720, PayClass::Plain, &[], None)]
    );
    assert_eq!(
        rows(&shift_of(&t, 1).segments),
        vec![row(20 * 60, 720, PayClass::Plain, &[], None)]
    );
    // Still split at the cycle end: each segment lies within the cycle.
    assert_eq!(
        rows(&shift_of(&t, 2).segments),
        vec![
            row(SUN + 20 * 60, 240, PayClass::Plain, &[], None),
            row(0, 480, PayClass::Plain, &[], None),
        ]
    );
}

#[test]
fn on_call_hours_outside_expected_work_are_availability() {
    // Non-resident on call Wed 17:00 for 15 h, working 21:00–23:00 and 06:00–07:00.
    let mut on_call = shift(1, Weekday::Wed, "17:00", 15 * 60);
    on_call.kind = ShiftKind::NonResidentOnCall;
    // Listed out of time order on purpose.
    on_call.expected_work = vec![
        WorkBlock {
            offset_minutes: 13 * 60,
            minutes: 60,
        },
        WorkBlock {
            offset_minutes: 4 * 60,
            minutes: 120,
        },
    ];
    let s = scenario(rota(1, vec![on_call]), vec![preset("tcs-2016@1")]);
    let c = run(&s);
    let t = timeline_of(&s, &c, "tcs-2016");
    let wed = 2 * DAY;
    assert_eq!(
        rows(&t.shifts[0].segments),
        vec![
            row(wed + 17 * 60, 240, PayClass::OnCallAvailability, &[], None),
            row(wed + 21 * 60, 120, PayClass::Night, &["night"], Some("37%")),
            row(wed + 23 * 60, 420, PayClass::OnCallAvailability, &[], None),
            row(
                wed + DAY + 6 * 60,
                60,
                PayClass::Night,
                &["night"],
                Some("37%")
            ),
            row(
                wed + DAY + 7 * 60,
                60,
                PayClass::OnCallAvailability,
                &[],
                None
            ),
        ]
    );
}

/// Minutes the timeline attributes to each id, and Σ minutes × uplift.
fn timeline_totals(t: &Timeline, id: &str) -> (u64, Fraction) {
    let mut minutes = 0u64;
    let mut weighted = Fraction::ZERO;
    for seg in t.shifts.iter().flat_map(|s| &s.segments) {
        if seg.windows.iter().any(|w| w == id) {
            minutes += u64::from(seg.minutes);
            let uplift = seg.uplift.expect("a paid segment has an uplift");
            let part = Fraction::from_ints(u64::from(seg.minutes), 1)
                .unwrap()
                .checked_mul(&uplift)
                .unwrap();
            weighted = weighted.checked_add(&part).unwrap();
        }
    }
    (minutes, weighted)
}

#[test]
fn the_default_scenario_premium_hours_and_pounds_come_back_from_the_segments() {
    let s = scenario_from_json(crate::common::STRIKE_2016).expect("default scenario");
    let c = compare(&s, offer_compare::reference()).expect("default comparison");
    let mut windows_checked = 0;
    for (column, result) in s.columns.iter().zip(&c.columns) {
        let offer = s.offer(&column.offer).unwrap();
        let rota = s.rota(&column.rota).unwrap();
        let t = timeline_of(&s, &c, &column.id);
        assert_eq!(t.shifts.len(), rota.shifts.len());
        let uplifts: Vec<(&str, Fraction)> = offer
            .terms
            .premium_windows
            .iter()
            .map(|w| (w.id.as_str(), w.uplift))
            .chain(
                offer
                    .terms
                    .shift_rules
                    .iter()
                    .map(|r| (r.id.as_str(), r.uplift)),
            )
            .collect();
        assert_eq!(
            result.pay.window_hours.len(),
            uplifts.len(),
            "{}",
            column.id
        );
        for (hours, (id, uplift)) in result.pay.window_hours.iter().zip(uplifts) {
            assert_eq!(hours.id, id);
            let (minutes, weighted) = timeline_totals(&t, id);
            assert_eq!(minutes, hours.minutes_per_cycle, "{} {id}", column.id);
            // Every offer here is highest-applies: each minute at the window's own uplift.
            assert_eq!(offer.terms.combine, Combine::HighestApplies);
            let expected = Fraction::from_ints(minutes, 1)
                .unwrap()
                .checked_mul(&uplift)
                .unwrap();
            assert_eq!(weighted, expected, "{} {id}", column.id);
            // The pay line, recomputed with the timeline's hours, is the figure shown.
            let figure = result.figure(&format!("premium:{id}"));
            assert_eq!(figure.is_some(), minutes > 0, "{} {id}", column.id);
            if let Some(figure) = figure {
                let mut explanation = figure.explanation.clone();
                let Calculation::Product { factors } = &mut explanation.calculation else {
                    panic!("a premium line is a product");
                };
                let per_week = Fraction::from_ints(minutes, 60 * u64::from(t.weeks)).unwrap();
                let hours = factors
                    .iter_mut()
                    .find(|f| f.label == "hours per week it pays")
                    .expect("hours factor");
                assert_eq!(hours.value, per_week);
                hours.value = per_week;
                let rate = factors
                    .iter()
                    .find(|f| f.label == "uplift")
                    .expect("uplift factor");
                assert_eq!(rate.value, uplift);
                assert_eq!(explanation.evaluate(), Some(figure.value));
                windows_checked += 1;
            }
        }
    }
    // Nights in four offers, Sunday and Saturday evening windows, the night extension.
    assert!(windows_checked >= 8, "only {windows_checked} windows paid");
}

#[test]
fn breaches_are_outlined_on_the_shifts_the_checks_name() {
    let preset_rota = find_rota("breaches-2016@1").expect("preset rota").rota;
    let s = scenario(preset_rota.clone(), vec![preset("tcs-2016@1")]);
    let c = run(&s);
    let t = timeline_of(&s, &c, "tcs-2016");
    let checks = &c.columns[0].rest.checks;
    for (index, _) in preset_rota.shifts.iter().enumerate() {
        let expected: Vec<String> = checks
            .iter()
            .filter(|k| {
                k.breaches
                    .iter()
                    .any(|b| b.location.shifts.contains(&index))
            })
            .map(|k| k.id.clone())
            .collect();
        assert_eq!(shift_of(&t, index).breaches, expected, "shift {index}");
    }
    // The preset's story: five nights in a row (shifts 0–4) break "at most 4
    // consecutive nights", the 14-hour day (shift 9) "at most 13 hours"; nothing else.
    let outlined: Vec<(usize, Vec<String>)> = t
        .shifts
        .iter()
        .filter(|x| !x.breaches.is_empty())
        .map(|x| (x.index, x.breaches.clone()))
        .collect();
    let nights = vec!["max-4-nights".to_string()];
    assert_eq!(
        outlined,
        vec![
            (0, nights.clone()),
            (1, nights.clone()),
            (2, nights.clone()),
            (3, nights.clone()),
            (4, nights),
            (9, vec!["max-13h".to_string()]),
        ]
    );
}

#[test]
fn a_comparison_of_another_scenario_gives_no_timeline() {
    let (s, c) = three_offers();
    // The page keeps the last valid comparison while an edit is invalid.
    let mut edited = s.clone();
    edited.rotas[0].shifts[1].minutes = 600;
    assert_eq!(timeline(&edited, &c, "tcs-2016"), None);
    let mut fewer = s.clone();
    fewer.rotas[0].shifts.pop();
    assert_eq!(timeline(&fewer, &c, "tcs-2016"), None);
    let mut other_offer = s.clone();
    other_offer.columns[0].offer = "bma-position-2016-02".into();
    assert_eq!(timeline(&other_offer, &c, "tcs-2016"), None);
    // A label is not part of the pay: still drawn, with the new label.
    let mut relabelled = s;
    relabelled.rotas[0].shifts[0].label = Some("weekend day".into());
    let t = timeline_of(&relabelled, &c, "tcs-2016");
    assert_eq!(shift_of(&t, 0).label.as_deref(), Some("weekend day"));
}

// ---------------------------------------------------------------------------
// Properties

/// A shift (worked or on call) starting at cycle minute `m`.
fn period_at(m: u64, weeks: u8, minutes: u32, kind: ShiftKind, blocks: Vec<WorkBlock>) -> Shift {
    let m = m % (u64::from(weeks) * WEEK);
    let clock = m % DAY;
    let mut s = shift(
        (m / WEEK + 1) as u8,
        Weekday::from_day_number(m / DAY),
        &format!("{:02}:{:02}", clock / 60, clock % 60),
        minutes,
    );
    s.kind = kind;
    s.expected_work = blocks;
    s
}

/// Expected-work blocks laid end to end (with gaps) inside `len` minutes.
fn blocks(len: u32, parts: &[(u32, u32)]) -> Vec<WorkBlock> {
    let mut out = Vec::new();
    let mut pos = 0u32;
    for &(gap, minutes) in parts {
        let start = pos + gap;
        if start + minutes > len {
            break;
        }
        out.push(WorkBlock {
            offset_minutes: start,
            minutes,
        });
        pos = start + minutes;
    }
    // Any order is valid; the timeline must sort them.
    out.reverse();
    out
}

/// A valid rota of worked shifts and on-call periods laid end to end from a
/// random offset, the last possibly wrapping past the cycle end.
fn valid_rota() -> impl Strategy<Value = Rota> {
    let period = (
        prop_oneof![Just(0u64), 0u64..3_000],
        prop_oneof![
            3 => (prop_oneof![Just(1u32), Just(1440u32), 1u32..=1440], Just(ShiftKind::Worked)),
            1 => (1u32..=72 * 60, Just(ShiftKind::NonResidentOnCall)),
            1 => (1u32..=72 * 60, Just(ShiftKind::ResidentOnCall)),
        ],
        prop::collection::vec((0u32..600, 1u32..600), 0..4),
    );
    (
        prop_oneof![Just(1u8), Just(52u8), 1u8..=8],
        any::<u64>(),
        prop::collection::vec(period, 0..30),
    )
        .prop_map(|(weeks, offset, parts)| {
            let cycle = u64::from(weeks) * WEEK;
            let offset = offset % cycle;
            let mut pos = offset;
            let mut shifts = Vec::new();
            for (gap, (len, kind), work) in parts {
                let start = pos + gap;
                if start + u64::from(len) > offset + cycle || u64::from(len) >= cycle {
                    break;
                }
                let work = if kind == ShiftKind::Worked {
                    Vec::new()
                } else {
                    blocks(len, &work)
                };
                shifts.push(period_at(start, weeks, len, kind, work));
                pos = start + u64::from(len);
            }
            rota(weeks, shifts)
        })
}

/// A preset offer, or one of random windows (additive or not) with the 2016
/// and 2019 shift rules, each under a random reading.
fn any_offer() -> impl Strategy<Value = (Offer, usize, usize)> {
    let presets = prop::sample::select(vec![
        "tcs-2016@1",
        "tcs-2019@1",
        "tcs-today@1",
        "bma-position-2016-02@1",
        "imposed-2016-02@1",
        "gov-final-offer-2016-02-09@1",
        "gov-offer-2015-11@1",
        "gov-offer-2016-01@1",
        "contract-2002@1",
    ])
    .prop_map(preset);
    let windows = (
        prop::collection::vec(
            (
                prop::collection::vec(0usize..7, 1..=7),
                0u64..1440,
                1u64..1440,
                0u32..=150,
            ),
            0..5,
        ),
        any::<bool>(),
    )
        .prop_map(|(specs, additive)| {
            let fmt = |m: u64| format!("{:02}:{:02}", m / 60, m % 60);
            let windows = specs
                .into_iter()
                .enumerate()
                .map(|(i, (days, from, span, pct))| {
                    let days: Vec<Weekday> = days.into_iter().map(|d| Weekday::ALL[d]).collect();
                    window(
                        &format!("w{i}"),
                        &days,
                        &fmt(from),
                        &fmt((from + span) % 1440),
                        &format!("{pct}%"),
                    )
                })
                .collect();
            let mut o = offer("random", "30000", windows);
            if additive {
                o.terms.combine = Combine::Additive;
            }
            o.terms.shift_rules = vec![night_extension_2016(), ends_by_four_2019()];
            o
        });
    (prop_oneof![presets, windows], 0usize..2, 0usize..2)
}

/// The scenario of one column: `offer` on `rota`, at a date its scale covers,
/// with the given reading of each shift rule.
fn one_column(r: Rota, (offer, first, second): (Offer, usize, usize)) -> Scenario {
    let mut s = scenario(r, vec![offer.clone()]);
    let column = &mut s.columns[0];
    column.pay_date = offer.terms.pay_scale.periods.first().map(|p| p.from);
    for (rule, pick) in offer.terms.shift_rules.iter().zip([first, second]) {
        if let Some(reading) = rule.readings.get(pick % rule.readings.len().max(1)) {
            column.readings.insert(rule.id.clone(), reading.id.clone());
        }
    }
    s
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1_000, ..ProptestConfig::default() })]

    #[test]
    fn segments_tile_every_shift_and_add_up_to_the_window_hours(
        r in valid_rota(),
        o in any_offer(),
    ) {
        let s = one_column(r, o);
        let Ok(c) = compare(&s, offer_compare::reference()) else {
            // Only invalid input is refused; the generated rotas never are.
            return Err(TestCaseError::fail(format!("{:?}", compare(&s, offer_compare::reference()).err())));
        };
        let t = timeline(&s, &c, &s.columns[0].id).expect("timeline of a valid scenario");
        let rota = &s.rotas[0];
        let cycle = rota.cycle_minutes();
        prop_assert_eq!(t.weeks, rota.weeks);
        prop_assert_eq!(t.shifts.len(), rota.shifts.len());
        let mut indices: Vec<usize> = t.shifts.iter().map(|x| x.index).collect();
        indices.sort_unstable();
        prop_assert_eq!(indices, (0..rota.shifts.len()).collect::<Vec<_>>());
        for x in &t.shifts {
            let shift = &rota.shifts[x.index];
            prop_assert_eq!(u64::from(x.start_minute), shift.start_minute());
            prop_assert_eq!(x.minutes, shift.minutes);
            // Back to back from the shift's start, wrapping once at the cycle end.
            let mut at = u64::from(x.start_minute);
            let mut total = 0u64;
            let mut worked = 0u64;
            for seg in &x.segments {
                prop_assert!(seg.minutes > 0);
                prop_assert_eq!(u64::from(seg.start_minute), at % cycle);
                prop_assert!(u64::from(seg.start_minute) + u64::from(seg.minutes) <= cycle);
                at = u64::from(seg.start_minute) + u64::from(seg.minutes);
                total += u64::from(seg.minutes);
                if seg.pay == PayClass::OnCallAvailability {
                    prop_assert!(shift.kind != ShiftKind::Worked);
                } else {
                    worked += u64::from(seg.minutes);
                }
                prop_assert_eq!(seg.windows.is_empty(), seg.uplift.is_none());
                prop_assert_eq!(
                    seg.windows.is_empty(),
                    matches!(seg.pay, PayClass::Plain | PayClass::OnCallAvailability)
                );
            }
            prop_assert_eq!(total, u64::from(shift.minutes));
            prop_assert_eq!(worked, shift.work_minutes());
        }
        for hours in &c.columns[0].pay.window_hours {
            prop_assert_eq!(timeline_totals(&t, &hours.id).0, hours.minutes_per_cycle, "{}", &hours.id);
        }
    }
}
