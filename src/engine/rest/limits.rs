//! Checks an offer's hour and rest limits against a rota: pass or breach, and
//! for each breach where (week, day, the shifts concerned), the measured value
//! against the allowed one, and the rule's text and source.

use crate::engine::model::offer::{
    Consequence, Limit, LimitRule, Marker, RestDefinitions, RotaType, RunKind,
};
use crate::engine::model::rota::ShiftKind;
use crate::engine::num::fraction::Fraction;
use crate::engine::num::rounding::round_quantity;
use crate::engine::num::time::{describe_minute, ClockTime, Interval, Weekday, DAY, WEEK};
use crate::engine::rest::{cyclic_runs, Period, RestFacts};
use rust_decimal::Decimal;
use serde::Serialize;

/// Where a breach happens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Location {
    /// Week of the cycle, from 1.
    pub week: u64,
    /// Day of that week.
    pub day: Weekday,
    /// The moment in words (`week 2 Sat 07:00`).
    pub at: String,
    /// Indices of the shifts concerned.
    pub shifts: Vec<usize>,
}

/// One breach of a limit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Breach {
    /// What was measured there.
    pub measured: String,
    /// Where.
    pub location: Location,
}

/// "60 h at week 2 Sat 07:00": how the page and the command line list a breach.
impl std::fmt::Display for Breach {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} at {}", self.measured, self.location.at)
    }
}

/// The outcome of one limit for one column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LimitCheck {
    /// Limit id.
    pub id: String,
    /// The limit in the contract's words.
    pub text: String,
    /// Where it comes from.
    pub source: String,
    /// How sure it is.
    pub marker: Option<Marker>,
    /// What a breach does.
    pub consequence: Consequence,
    /// The allowed value, in words.
    pub allowed: String,
    /// True when the rota keeps the limit.
    pub passed: bool,
    /// Every breach, located.
    pub breaches: Vec<Breach>,
}

fn hours(minutes: u64) -> String {
    let h = round_quantity(Decimal::from(minutes) / Decimal::from(60), 2);
    format!("{} h", h.normalize())
}

fn hours_decimal(value: Decimal) -> String {
    format!("{} h", round_quantity(value, 2).normalize())
}

/// A location at a cycle minute, concerning some shifts.
fn at(facts: &RestFacts, minute: u64, shifts: Vec<usize>) -> Location {
    let m = minute % facts.cycle.max(1);
    Location {
        week: m / WEEK + 1,
        day: Weekday::from_day_number(m / DAY),
        at: describe_minute(m),
        shifts,
    }
}

/// The Working Time Regulations 1998, as an optional rule set: flagged, never paid.
pub fn working_time_regulations() -> Vec<Limit> {
    let source =
        "Working Time Regulations 1998; contract reference §1 (flagged, not paid as band 3)";
    let limit = |id: &str, text: &str, rule| Limit {
        id: id.into(),
        text: text.into(),
        rule,
        consequence: Consequence::Flag,
        applies_to: Vec::new(),
        counts: None,
        source: source.into(),
        marker: Some(Marker::Secondary),
    };
    vec![
        limit(
            "wtr-48h",
            "WTR: at most 48 hours of work a week on average over 17 weeks (unless opted out)",
            LimitRule::MaxAverageWeeklyHours {
                hours: Decimal::from(48),
                reference_weeks: Some(17),
            },
        ),
        limit(
            "wtr-11h-rest",
            "WTR: at least 11 hours' rest in each 24 hours",
            LimitRule::MinRestBetweenShifts { minutes: 660 },
        ),
    ]
}

/// Checks every limit that applies to the rota type.
pub fn check_limits(
    facts: &RestFacts,
    definitions: &RestDefinitions,
    limits: &[Limit],
    rota_type: RotaType,
) -> Vec<LimitCheck> {
    // Facts for the periods of some kinds only, built once per kind set.
    let mut only: Vec<(&[ShiftKind], RestFacts)> = Vec::new();
    limits
        .iter()
        .filter(|limit| limit.applies_to.is_empty() || limit.applies_to.contains(&rota_type))
        .map(|limit| {
            let counted = match limit.counts.as_deref() {
                None => facts,
                Some(kinds) => {
                    let index = match only.iter().position(|(k, _)| *k == kinds) {
                        Some(i) => i,
                        None => {
                            only.push((kinds, facts.only(kinds)));
                            only.len() - 1
                        }
                    };
                    &only[index].1
                }
            };
            let scope = Scope {
                all: facts,
                counted,
                kinds: limit.counts.as_deref(),
            };
            let (allowed, breaches) = check(&scope, definitions, limit.rule);
            LimitCheck {
                id: limit.id.clone(),
                text: limit.text.clone(),
                source: if limit.source.trim().is_empty() {
                    "no source given (user-entered limit)".into()
                } else {
                    limit.source.clone()
                },
                marker: limit.marker,
                consequence: limit.consequence,
                allowed,
                passed: breaches.is_empty(),
                breaches,
            }
        })
        .collect()
}

/// The facts a limit is checked on: the whole rota's, and those of the
/// kinds it counts (the same when it counts every kind).
struct Scope<'a> {
    all: &'a RestFacts,
    counted: &'a RestFacts,
    kinds: Option<&'a [ShiftKind]>,
}

/// The kinds a limit counts, in words ("worked shifts and resident on-call").
fn kinds_words(kinds: &[ShiftKind]) -> String {
    if kinds.is_empty() {
        "no shifts".to_string()
    } else {
        ShiftKind::describe_all(kinds)
    }
}

fn check(scope: &Scope, definitions: &RestDefinitions, rule: LimitRule) -> (String, Vec<Breach>) {
    let facts = scope.counted;
    let mut breaches = Vec::new();
    match rule {
        LimitRule::MaxAverageWeeklyHours {
            hours: max,
            reference_weeks,
        } => {
            let per_week = facts.work_per_week();
            let weeks = facts.weeks.max(1);
            let span = reference_weeks.map_or(weeks, |r| u64::from(r).clamp(1, weeks));
            let starts = if span >= weeks { 1 } else { weeks };
            for k in 0..starts {
                let total: u64 = (k..k + span).map(|w| per_week[(w % weeks) as usize]).sum();
                let average = Fraction::from_ints(total, 60 * span)
                    .and_then(|f| f.to_decimal())
                    .unwrap_or_default();
                if average > max {
                    let weeks_text = if span >= weeks {
                        "over the cycle".to_string()
                    } else {
                        format!("over weeks {}–{}", k + 1, (k + span - 1) % weeks + 1)
                    };
                    breaches.push(Breach {
                        measured: format!(
                            "{} a week on average {weeks_text}",
                            hours_decimal(average)
                        ),
                        location: at(facts, k * WEEK, Vec::new()),
                    });
                }
            }
        }
        LimitRule::MaxAverageWeeklyDuty { hours: max } => {
            let duty: u64 = facts.periods.iter().map(|p| p.span.len()).sum();
            let average = Fraction::from_ints(duty, 60 * facts.weeks.max(1))
                .and_then(|f| f.to_decimal())
                .unwrap_or_default();
            if average > max {
                breaches.push(Breach {
                    measured: format!("{} of duty a week on average", hours_decimal(average)),
                    location: at(facts, 0, Vec::new()),
                });
            }
        }
        LimitRule::MaxHoursIn168 { hours: max } => {
            let (worst, start, shifts) = facts.worst_168();
            if Decimal::from(worst) > max * Decimal::from(60) {
                breaches.push(Breach {
                    measured: format!(
                        "{} in the 168 hours from {}",
                        hours(worst),
                        describe_minute(start)
                    ),
                    location: at(facts, start, shifts.to_vec()),
                });
            }
        }
        LimitRule::MaxShiftLength {
            minutes,
            include_on_call,
            weekend_minutes,
        } => {
            // A limit that names the kinds it counts needs no second filter.
            let on_call_counts = include_on_call || scope.kinds.is_some();
            for p in facts
                .periods
                .iter()
                .filter(|p| on_call_counts || !p.on_call)
            {
                let max = match weekend_minutes {
                    Some(w) if touches_weekend(p.span) => w,
                    _ => minutes,
                };
                if p.span.len() > u64::from(max) {
                    breaches.push(Breach {
                        measured: format!("a {} shift", hours(p.span.len())),
                        location: at(facts, p.span.start, vec![p.shift]),
                    });
                }
            }
        }
        LimitRule::MaxConsecutive { what, count } => {
            for &(start, len) in facts.runs(what) {
                if len as u64 > u64::from(count) {
                    breaches.push(Breach {
                        measured: format!("{len} consecutive {}", what.describe()),
                        location: at(
                            facts,
                            start as u64 * DAY,
                            run_shifts(facts, what, start, len),
                        ),
                    });
                }
            }
        }
        LimitRule::RestAfterRun {
            what,
            after_run,
            minutes,
        } => {
            for &(start, len) in facts.runs(what) {
                if (len as u64) < u64::from(after_run) {
                    continue;
                }
                let last = facts
                    .periods_on_day((start + len - 1) as u64)
                    .iter()
                    .filter(|p| p.is(what))
                    .max_by_key(|p| p.span.end)
                    .map(|p| (facts.position(p), p));
                if let Some((i, p)) = last {
                    let gap = facts.gap_after(i);
                    if gap < u64::from(minutes) {
                        breaches.push(Breach {
                            // "after 1 consecutive nights" reads badly on the page.
                            measured: if len == 1 {
                                format!("{} off after a single {}", hours(gap), what.describe_one())
                            } else {
                                format!(
                                    "{} off after {len} consecutive {}",
                                    hours(gap),
                                    what.describe()
                                )
                            },
                            location: at(facts, p.span.end, run_shifts(facts, what, start, len)),
                        });
                    }
                }
            }
        }
        LimitRule::MinRestBetweenShifts { minutes } => {
            for (i, p) in facts.periods.iter().enumerate() {
                let gap = facts.gap_after(i);
                if gap < u64::from(minutes) {
                    let next = facts.periods[(i + 1) % facts.periods.len()].shift;
                    breaches.push(Breach {
                        measured: format!("{} between shifts", hours(gap)),
                        location: at(facts, p.span.end, vec![p.shift, next]),
                    });
                }
            }
        }
        LimitRule::MaxWeekendFrequency { one_in } => {
            let flags = facts.weekend_flags(definitions.weekend);
            let count = flags.iter().filter(|f| **f).count() as u64;
            if count * u64::from(one_in) > facts.weeks {
                let first = flags.iter().position(|f| *f).unwrap_or(0) as u64;
                let worked: Vec<String> = (0..flags.len())
                    .filter(|&w| flags[w])
                    .map(|w| (w + 1).to_string())
                    .collect();
                breaches.push(Breach {
                    measured: format!(
                        "{} (weekends of weeks {})",
                        crate::engine::windows::frequency::one_in(count, facts.weeks),
                        worked.join(", ")
                    ),
                    location: at(facts, first * WEEK + 5 * DAY, Vec::new()),
                });
            }
        }
        LimitRule::MaxConsecutiveWeekends { count } => {
            for (start, len) in cyclic_runs(&facts.weekend_flags(definitions.weekend)) {
                if len as u64 > u64::from(count) {
                    breaches.push(Breach {
                        measured: format!("{len} consecutive weekends"),
                        location: at(facts, start as u64 * WEEK + 5 * DAY, Vec::new()),
                    });
                }
            }
        }
        LimitRule::MaxPeriodsInDays { count, days } => {
            breaches = periods_in_days(facts, count, days);
        }
        LimitRule::MaxDayAfterLength { minutes } => {
            let kinds = scope
                .kinds
                .unwrap_or(&[ShiftKind::NonResidentOnCall, ShiftKind::ResidentOnCall]);
            breaches = day_after(scope.all, kinds, minutes);
        }
        LimitRule::MinExpectedRestOnCall {
            minutes,
            continuous,
            from,
            to,
        } => {
            // Without `counts`, on-call periods of both kinds: worked shifts
            // have no rest inside them to check.
            let fallback;
            let facts = match scope.kinds {
                Some(_) => facts,
                None => {
                    fallback = scope
                        .all
                        .only(&[ShiftKind::NonResidentOnCall, ShiftKind::ResidentOnCall]);
                    &fallback
                }
            };
            breaches = expected_rest(facts, minutes, continuous, (from, to));
        }
    }
    (describe_rule(rule, definitions, scope.kinds), breaches)
}

/// What a rule allows, in words ("at most 72 h in any 168 hours"): the text
/// of a limit check, and of the limit's row in a terms diff. `counts`, the
/// limit's shift kinds when it names them, is said where it changes the rule.
pub fn describe_rule(
    rule: LimitRule,
    definitions: &RestDefinitions,
    counts: Option<&[ShiftKind]>,
) -> String {
    let on_call = || counts.map_or("on call".to_string(), kinds_words);
    let text = match rule {
        LimitRule::MaxAverageWeeklyHours {
            hours: max,
            reference_weeks,
        } => {
            let reference =
                reference_weeks.map_or("the rota cycle".to_string(), |r| format!("{r} weeks"));
            format!(
                "at most {} a week on average over {reference}",
                hours_decimal(max)
            )
        }
        LimitRule::MaxAverageWeeklyDuty { hours: max } => {
            format!("at most {} of duty a week on average", hours_decimal(max))
        }
        LimitRule::MaxHoursIn168 { hours: max } => {
            format!("at most {} in any 168 hours", hours_decimal(max))
        }
        LimitRule::MaxShiftLength {
            minutes,
            weekend_minutes,
            ..
        } => match weekend_minutes {
            Some(w) => format!(
                "at most {} ({} at weekends)",
                hours(u64::from(minutes)),
                hours(u64::from(w))
            ),
            None => format!("at most {}", hours(u64::from(minutes))),
        },
        LimitRule::MaxConsecutive { what, count } => {
            format!("at most {count} consecutive {}", what.describe())
        }
        LimitRule::RestAfterRun {
            what,
            after_run,
            minutes,
        } => {
            let run = if after_run <= 1 {
                format!("any of the {}", what.describe())
            } else {
                format!(
                    "a run of {after_run} or more consecutive {}",
                    what.describe()
                )
            };
            format!("at least {} off after {run}", hours(u64::from(minutes)))
        }
        LimitRule::MinRestBetweenShifts { minutes } => {
            format!("at least {} between shifts", hours(u64::from(minutes)))
        }
        LimitRule::MaxWeekendFrequency { one_in } => format!(
            "at most 1 weekend in {one_in} ({})",
            definitions.weekend.describe()
        ),
        LimitRule::MaxConsecutiveWeekends { count } => format!(
            "at most {count} consecutive weekend(s) ({})",
            definitions.weekend.describe()
        ),
        LimitRule::MaxPeriodsInDays { count, days } => {
            return format!(
                "at most {count} period{} of {} in any {days} days in a row (a period over 24 hours counts once for each 24 hours)",
                if count == 1 { "" } else { "s" },
                counts.map_or("duty".to_string(), kinds_words)
            )
        }
        LimitRule::MaxDayAfterLength { minutes } => {
            return format!(
                "at most {} of duty on the day after {}",
                hours(u64::from(minutes)),
                on_call()
            )
        }
        LimitRule::MinExpectedRestOnCall {
            minutes,
            continuous,
            from,
            to,
        } => {
            return format!(
                "at least {} of rest in each 24 hours of {}, {} of it in one stretch between {from} and {to}, as the rota's expected work leaves it",
                hours(u64::from(minutes)),
                on_call(),
                hours(u64::from(continuous))
            )
        }
    };
    match counts {
        Some(kinds) => format!("{text}, counting {} only", kinds_words(kinds)),
        None => text,
    }
}

/// A period as the 24-hour periods it stands for: their count (a period of
/// 24 hours or less is one).
fn day_periods(p: &Period) -> u64 {
    p.span.len().div_ceil(DAY).max(1)
}

/// Windows of `days` calendar days (cyclic) holding more than `count`
/// periods: one breach per window that starts on a day a period starts,
/// overlapping windows after a reported one left out (they repeat it).
fn periods_in_days(facts: &RestFacts, count: u32, days: u32) -> Vec<Breach> {
    let n = facts.days();
    if n == 0 || days == 0 {
        return Vec::new();
    }
    let mut per_day = vec![0u64; n as usize];
    for p in &facts.periods {
        for k in 0..day_periods(p) {
            per_day[((p.day + k) % n) as usize] += 1;
        }
    }
    // A window longer than the cycle would count a day twice.
    let span = u64::from(days).min(n);
    let mut breaches = Vec::new();
    let mut next_free = 0;
    for start in 0..n {
        if start < next_free || per_day[start as usize] == 0 {
            continue;
        }
        let total: u64 = (start..start + span)
            .map(|d| per_day[(d % n) as usize])
            .sum();
        if total > u64::from(count) {
            let shifts: Vec<usize> = (start..start + span)
                .flat_map(|d| facts.periods_on_day(d).iter().map(|p| p.shift))
                .collect();
            breaches.push(Breach {
                measured: format!("{total} periods in the {span} days starting"),
                location: at(facts, start * DAY, shifts),
            });
            next_free = start + span;
        }
    }
    breaches
}

/// For each period of `kinds` that no other such period follows on its day
/// after (the last of a Saturday–Sunday pair), the duty of other kinds
/// starting on that day against the maximum.
fn day_after(facts: &RestFacts, kinds: &[ShiftKind], max: u32) -> Vec<Breach> {
    let mut breaches = Vec::new();
    for p in facts.periods.iter().filter(|p| kinds.contains(&p.kind)) {
        // The day after a period on Monday is Tuesday, whether it ends on
        // Monday evening or at 08:00 on Tuesday; after a 48-hour weekend, Monday.
        let next_day = p.day + day_periods(p);
        let on_next_day = facts.periods_on_day(next_day);
        if on_next_day.iter().any(|q| kinds.contains(&q.kind)) {
            continue;
        }
        let duty: Vec<&Period> = on_next_day
            .iter()
            .filter(|q| !kinds.contains(&q.kind))
            .collect();
        let total: u64 = duty.iter().map(|q| q.span.len()).sum();
        if total > u64::from(max) {
            let start = duty.first().map_or(next_day * DAY, |q| q.span.start);
            breaches.push(Breach {
                measured: format!(
                    "{} of duty on the day after the period beginning {}, starting",
                    hours(total),
                    describe_minute(p.span.start % facts.cycle.max(1))
                ),
                location: at(
                    facts,
                    start,
                    std::iter::once(p.shift)
                        .chain(duty.iter().map(|q| q.shift))
                        .collect(),
                ),
            });
        }
    }
    breaches
}

/// Each 24 hours of each period (the last part may be shorter), against the
/// rest its expected work leaves: `minutes` in all (pro rata in a shorter
/// part) and `continuous` in one stretch inside the daily window (where the
/// part holds that much of the window).
fn expected_rest(
    facts: &RestFacts,
    minutes: u32,
    continuous: u32,
    window: (ClockTime, ClockTime),
) -> Vec<Breach> {
    let mut breaches = Vec::new();
    for p in &facts.periods {
        let work: Vec<Interval> = facts
            .work
            .iter()
            .zip(&facts.work_shift)
            .filter(|(_, &s)| s == p.shift)
            .map(|(w, _)| *w)
            .collect();
        let mut part_start = p.span.start;
        while part_start < p.span.end {
            let part = Interval::new(part_start, (part_start + DAY).min(p.span.end));
            part_start = part.end;
            let worked: u64 = work
                .iter()
                .filter_map(|w| w.intersect(&part))
                .map(|w| w.len())
                .sum();
            let rest = part.len().saturating_sub(worked);
            let needed = u64::from(minutes) * part.len() / DAY;
            let mut short = Vec::new();
            if rest < needed {
                short.push(format!("{} of rest in all", hours(rest)));
            }
            let (room, stretch) = longest_free_in_window(part, &work, window);
            if room >= u64::from(continuous) && stretch < u64::from(continuous) {
                short.push(format!(
                    "{} at most in one stretch between {} and {}",
                    hours(stretch),
                    window.0,
                    window.1
                ));
            }
            if !short.is_empty() {
                breaches.push(Breach {
                    measured: format!(
                        "expected work leaves {} in the {} on call starting",
                        short.join(" and "),
                        hours(part.len())
                    ),
                    location: at(facts, part.start, vec![p.shift]),
                });
            }
        }
    }
    breaches
}

/// How much of the daily window lies in `part` (its longest occurrence there)
/// and the longest stretch of it free of `work`.
fn longest_free_in_window(
    part: Interval,
    work: &[Interval],
    (from, to): (ClockTime, ClockTime),
) -> (u64, u64) {
    let (from, to) = (from.minutes(), to.minutes());
    let length = if to > from {
        to - from
    } else {
        DAY - from + to
    };
    let (mut room, mut best) = (0, 0);
    // The window is daily, so moving everything a day later changes nothing
    // and makes sure the occurrence from the evening before exists (day ≥ 1).
    let part = part.shifted(DAY);
    let work: Vec<Interval> = work.iter().map(|w| w.shifted(DAY)).collect();
    for d in part.start / DAY - 1..=part.end / DAY {
        let Some(occurrence) =
            Interval::new(d * DAY + from, d * DAY + from + length).intersect(&part)
        else {
            continue;
        };
        room = room.max(occurrence.len());
        let mut cursor = occurrence.start;
        let mut busy: Vec<Interval> = work
            .iter()
            .filter_map(|w| w.intersect(&occurrence))
            .collect();
        // The shared sort: the standard one costs ~8 KB of WebAssembly per type.
        crate::engine::num::sort::sort_by_key(&mut busy, |w| w.start);
        for w in busy {
            best = best.max(w.start.saturating_sub(cursor));
            cursor = cursor.max(w.end);
        }
        best = best.max(occurrence.end.saturating_sub(cursor));
    }
    (room, best)
}

/// Whether a period touches Saturday 00:00 – Monday 00:00 of any week.
fn touches_weekend(span: Interval) -> bool {
    (span.start / WEEK..=span.end.saturating_sub(1) / WEEK).any(|k| {
        span.intersect(&Interval::new(k * WEEK + 5 * DAY, (k + 1) * WEEK))
            .is_some()
    })
}

/// The shifts of `what` starting on the days of a run.
fn run_shifts(facts: &RestFacts, what: RunKind, start: usize, len: usize) -> Vec<usize> {
    (0..len as u64)
        .flat_map(|k| {
            facts
                .periods_on_day(start as u64 + k)
                .iter()
                .filter(|p| p.is(what))
                .map(|p| p.shift)
        })
        .collect()
}
