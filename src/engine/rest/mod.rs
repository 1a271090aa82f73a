//! Rest: how a rota treats the doctor's time, measured on the cyclic timeline
//! with the offer's own definitions of a night, a long shift, a long evening
//! and a weekend. Limits are checked against these facts in `limits`.

pub mod limits;

use crate::engine::explain::Unit;
use crate::engine::model::offer::{RestDefinitions, RunKind, WeekendDefinition};
use crate::engine::model::rota::{Rota, ShiftKind};
use crate::engine::num::fraction::Fraction;
use crate::engine::num::rounding::round_quantity;
use crate::engine::num::time::{describe_minute, Interval, DAY, WEEK};
use crate::engine::windows::shift_rules::matches;
use rust_decimal::Decimal;
use serde::Serialize;

/// One duty period (a shift or an on-call period) with what it counts as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Period {
    /// Index of the shift in the rota.
    pub shift: usize,
    /// The period, starting inside the cycle (it may end past it).
    pub span: Interval,
    /// Day of the cycle it starts on (0 = week 1 Monday).
    pub day: u64,
    /// Whether it is on call rather than worked.
    pub on_call: bool,
    /// Its kind (what a limit's `counts` selects by).
    pub kind: ShiftKind,
    /// Night, long shift, long late evening.
    pub night: bool,
    /// Long shift.
    pub long: bool,
    /// Long late evening.
    pub long_evening: bool,
}

impl Period {
    /// Whether the period counts for runs of `kind`.
    pub fn is(&self, kind: RunKind) -> bool {
        match kind {
            RunKind::Shifts => true,
            RunKind::Nights => self.night,
            RunKind::LongShifts => self.long,
            RunKind::LongEvenings => self.long_evening,
        }
    }
}

/// The rota's periods and work, classified once per column.
#[derive(Debug, Clone)]
pub struct RestFacts {
    /// Periods sorted by start.
    pub periods: Vec<Period>,
    /// Work intervals sorted by start (worked shifts, expected on-call work).
    pub work: Vec<Interval>,
    /// The shift each work interval belongs to.
    pub work_shift: Vec<usize>,
    /// Cycle length in minutes.
    pub cycle: u64,
    /// Weeks in the cycle.
    pub weeks: u64,
    /// Gap after each period (sorted order) until the next, cyclically.
    gaps: Vec<u64>,
    /// Cyclic runs of consecutive days, per [`RunKind`] (in `RUN_KINDS` order).
    runs: Vec<Vec<(usize, usize)>>,
    /// Most work in any 168 hours, where that window starts, the shifts in it.
    worst: (u64, u64, Vec<usize>),
}

/// Every run kind, in the order `RestFacts` stores their runs.
const RUN_KINDS: [RunKind; 4] = [
    RunKind::Shifts,
    RunKind::Nights,
    RunKind::LongShifts,
    RunKind::LongEvenings,
];

/// Minutes of `span` inside the daily window (which may cross midnight).
fn minutes_in_daily_window(span: Interval, definitions: &RestDefinitions) -> u64 {
    let (from, to) = (
        definitions.night_window.from.minutes(),
        definitions.night_window.to.minutes(),
    );
    let length = if to > from {
        to - from
    } else {
        DAY - from + to
    };
    // The window is daily, so moving the span a day later changes nothing and
    // guarantees the occurrence from the evening before exists (day ≥ 1).
    let span = span.shifted(DAY);
    let first = span.start / DAY;
    let last = span.end.saturating_sub(1) / DAY;
    (first - 1..=last)
        .filter_map(|d| span.intersect(&Interval::new(d * DAY + from, d * DAY + from + length)))
        .map(|i| i.len())
        .sum()
}

impl RestFacts {
    /// Classifies a rota's shifts by an offer's definitions.
    pub fn new(rota: &Rota, definitions: &RestDefinitions) -> RestFacts {
        let mut periods: Vec<Period> = rota
            .shifts
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let span = s.interval();
                Period {
                    shift: i,
                    span,
                    day: span.start / DAY,
                    on_call: s.kind != ShiftKind::Worked,
                    kind: s.kind,
                    night: minutes_in_daily_window(span, definitions)
                        >= u64::from(definitions.night_minutes),
                    long: matches(s, &definitions.long_shift),
                    long_evening: matches(s, &definitions.long_evening),
                }
            })
            .collect();
        crate::engine::num::sort::sort_by_key(&mut periods, |p| (p.span.start, p.shift));
        let mut work: Vec<(Interval, usize)> = rota
            .shifts
            .iter()
            .enumerate()
            .flat_map(|(i, s)| s.work_intervals().map(move |w| (w, i)))
            .collect();
        crate::engine::num::sort::sort(&mut work);
        RestFacts::finish(periods, work, rota.cycle_minutes(), u64::from(rota.weeks))
    }

    /// The same facts for the periods of some kinds only, shift indices kept:
    /// a limit that counts only some kinds (the 2016 rest rules leave out
    /// non-resident on call) measures gaps and runs between those alone.
    pub fn only(&self, kinds: &[ShiftKind]) -> RestFacts {
        let periods: Vec<Period> = self
            .periods
            .iter()
            .filter(|p| kinds.contains(&p.kind))
            .cloned()
            .collect();
        // Every shift is one period, so a shift's kind is its period's.
        let mut counted = vec![false; self.periods.len()];
        for p in &periods {
            if let Some(c) = counted.get_mut(p.shift) {
                *c = true;
            }
        }
        let work: Vec<(Interval, usize)> = self
            .work
            .iter()
            .zip(&self.work_shift)
            .filter(|(_, &shift)| counted.get(shift).copied().unwrap_or(false))
            .map(|(w, &shift)| (*w, shift))
            .collect();
        RestFacts::finish(periods, work, self.cycle, self.weeks)
    }

    /// Facts from sorted periods and work: metrics and limits both read the
    /// gaps, runs and worst week, so each is computed once here.
    fn finish(
        periods: Vec<Period>,
        work: Vec<(Interval, usize)>,
        cycle: u64,
        weeks: u64,
    ) -> RestFacts {
        let mut facts = RestFacts {
            periods,
            work: work.iter().map(|(w, _)| *w).collect(),
            work_shift: work.iter().map(|(_, i)| *i).collect(),
            cycle,
            weeks,
            gaps: Vec::new(),
            runs: Vec::new(),
            worst: (0, 0, Vec::new()),
        };
        facts.gaps = (0..facts.periods.len())
            .map(|i| facts.compute_gap_after(i))
            .collect();
        facts.runs = RUN_KINDS
            .iter()
            .map(|&k| cyclic_runs(&facts.day_flags(k)))
            .collect();
        facts.worst = facts.compute_worst_168();
        facts
    }

    /// The gap after period `i` (sorted order) until the next one starts, cyclically.
    pub fn gap_after(&self, i: usize) -> u64 {
        self.gaps.get(i).copied().unwrap_or(0)
    }

    /// Cyclic runs of consecutive days starting a period of `kind`, as (first day, length).
    pub fn runs(&self, kind: RunKind) -> &[(usize, usize)] {
        let index = RUN_KINDS.iter().position(|&k| k == kind).unwrap_or(0);
        self.runs.get(index).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The most work in any 168 consecutive hours, where that window starts,
    /// and the shifts in it.
    pub fn worst_168(&self) -> (u64, u64, &[usize]) {
        (self.worst.0, self.worst.1, &self.worst.2)
    }

    /// Days in the cycle.
    pub fn days(&self) -> u64 {
        self.weeks * 7
    }

    /// The periods starting on `day` of the cycle (taken modulo the cycle):
    /// sorted by start, they form one block, found by binary search.
    pub fn periods_on_day(&self, day: u64) -> &[Period] {
        let day = day % self.days().max(1);
        let from = self.periods.partition_point(|p| p.day < day);
        let to = self.periods.partition_point(|p| p.day <= day);
        &self.periods[from..to]
    }

    /// The position (in sorted order) of a period.
    pub fn position(&self, period: &Period) -> usize {
        self.periods
            .partition_point(|p| (p.span.start, p.shift) < (period.span.start, period.shift))
    }

    fn compute_gap_after(&self, i: usize) -> u64 {
        let n = self.periods.len();
        let next = &self.periods[(i + 1) % n];
        let next_start = if i + 1 < n {
            next.span.start
        } else {
            next.span.start + self.cycle
        };
        next_start.saturating_sub(self.periods[i].span.end)
    }

    /// The worst window starts where some work starts, so only those starts
    /// are tried, on the doubled timeline (it wraps), with prefix sums: O(n log n).
    fn compute_worst_168(&self) -> (u64, u64, Vec<usize>) {
        let n = self.work.len();
        let doubled: Vec<Interval> = (0..2 * n)
            .map(|k| self.work[k % n].shifted(if k < n { 0 } else { self.cycle }))
            .collect();
        let mut prefix = vec![0u64; 2 * n + 1];
        for (k, w) in doubled.iter().enumerate() {
            prefix[k + 1] = prefix[k] + w.len();
        }
        let (mut best, mut best_start, mut best_range) = (0, 0, (0, 0));
        for i in 0..n {
            let end = doubled[i].start + WEEK;
            // Work intervals are disjoint and sorted: all of i..j start inside the
            // window and only the last can run past its end. At most one copy of each.
            let j = doubled.partition_point(|w| w.start < end).min(i + n);
            let overshoot = doubled[j - 1].end.saturating_sub(end);
            let total = prefix[j] - prefix[i] - overshoot;
            if total > best {
                (best, best_start, best_range) = (total, doubled[i].start, (i, j));
            }
        }
        let mut shifts: Vec<usize> = (best_range.0..best_range.1)
            .map(|k| self.work_shift[k % n])
            .collect();
        shifts.dedup();
        (best, best_start % self.cycle.max(1), shifts)
    }

    /// Day flags: whether a period of `kind` starts on each day of the cycle.
    fn day_flags(&self, kind: RunKind) -> Vec<bool> {
        let mut flags = vec![false; self.days() as usize];
        for p in self.periods.iter().filter(|p| p.is(kind)) {
            if let Some(f) = flags.get_mut((p.day % self.days()) as usize) {
                *f = true;
            }
        }
        flags
    }

    /// Weeks whose weekend is worked, by the definition.
    pub fn weekend_flags(&self, definition: WeekendDefinition) -> Vec<bool> {
        let mut flags = vec![false; self.weeks as usize];
        for p in &self.periods {
            match definition.weekends_touched(p.span, self.weeks) {
                None => {
                    if p.day % 7 >= 5 {
                        flags[((p.day / 7) % self.weeks) as usize] = true;
                    }
                }
                Some(touched) => {
                    for k in touched {
                        flags[k as usize] = true;
                    }
                }
            }
        }
        flags
    }

    /// Minutes of work in each week of the cycle (work past the cycle end wraps to week 1).
    pub fn work_per_week(&self) -> Vec<u64> {
        let mut per_week = vec![0u64; self.weeks as usize];
        for w in &self.work {
            for k in w.start / WEEK..=w.end.saturating_sub(1) / WEEK {
                if let Some(hit) = w.intersect(&Interval::new(k * WEEK, (k + 1) * WEEK)) {
                    per_week[(k % self.weeks) as usize] += hit.len();
                }
            }
        }
        per_week
    }
}

/// Maximal runs of `true` in a cyclic sequence, as (first index, length).
/// When every entry is true, one run of the whole length starting at 0.
pub fn cyclic_runs(flags: &[bool]) -> Vec<(usize, usize)> {
    let n = flags.len();
    let Some(off) = flags.iter().position(|f| !f) else {
        return if n == 0 { vec![] } else { vec![(0, n)] };
    };
    let mut runs = Vec::new();
    let mut k = 0;
    while k < n {
        let i = (off + 1 + k) % n;
        if flags[i] {
            let start = i;
            let mut len = 0;
            while k < n && flags[(off + 1 + k) % n] {
                len += 1;
                k += 1;
            }
            runs.push((start, len));
        } else {
            k += 1;
        }
    }
    runs
}

/// A rest measure for one column.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Metric {
    /// Stable id (`rest:shortest_rest`).
    pub id: String,
    /// Label for people.
    pub label: String,
    /// The value (hours to 2 decimals, or a count).
    #[serde(with = "rust_decimal::serde::str")]
    pub value: Decimal,
    /// Its unit.
    pub unit: Unit,
    /// How it is measured, with the definitions used.
    pub definition: String,
}

fn hours(minutes: u64) -> Decimal {
    round_quantity(Decimal::from(minutes) / Decimal::from(60), 2)
}

fn metric(id: &str, label: &str, value: Decimal, unit: Unit, definition: String) -> Metric {
    Metric {
        id: format!("rest:{id}"),
        label: label.into(),
        value,
        unit,
        definition,
    }
}

/// Every rest metric of a rota under an offer's definitions.
pub fn metrics(facts: &RestFacts, definitions: &RestDefinitions) -> Vec<Metric> {
    let weeks = facts.weeks.max(1);
    let per_week = |minutes: u64| {
        Fraction::from_ints(minutes, 60 * weeks)
            .and_then(|f| f.to_decimal())
            .map(|d| round_quantity(d, 2))
            .unwrap_or_default()
    };
    let work: u64 = facts.work.iter().map(Interval::len).sum();
    let duty: u64 = facts.periods.iter().map(|p| p.span.len()).sum();
    let (worst, at, _) = facts.worst_168();
    let longest = facts
        .periods
        .iter()
        .filter(|p| !p.on_call)
        .map(|p| p.span.len())
        .max()
        .unwrap_or(0);
    let gaps: Vec<u64> = (0..facts.periods.len())
        .map(|i| facts.gap_after(i))
        .collect();
    let run = |kind| {
        cyclic_runs(&facts.day_flags(kind))
            .iter()
            .map(|r| r.1)
            .max()
            .unwrap_or(0) as u64
    };
    let off_weekends = facts
        .weekend_flags(WeekendDefinition::AnyWorkOnWeekend)
        .iter()
        .filter(|w| !**w)
        .count();
    let busy_days = busy_days(facts);
    let nights = facts.periods.iter().filter(|p| p.night).count();
    let night_def = describe_night(definitions);
    let mut out = vec![
        metric(
            "average_weekly_work",
            "Average weekly hours of work",
            per_week(work),
            Unit::HoursPerWeek,
            "worked shifts and expected work on call, averaged over the cycle".into(),
        ),
        metric(
            "average_weekly_duty",
            "Average weekly hours of duty",
            per_week(duty),
            Unit::HoursPerWeek,
            "worked shifts plus whole on-call periods, averaged over the cycle".into(),
        ),
        metric(
            "worst_168_hours",
            "Most hours of work in any 168 hours",
            hours(worst),
            Unit::Hours,
            format!(
                "rolling 7 × 24 hours over the cycle, wrapping at its end; worst window starts {}",
                describe_minute(at)
            ),
        ),
        metric(
            "longest_shift",
            "Longest shift",
            hours(longest),
            Unit::Hours,
            "worked shifts; on-call periods are not shifts".into(),
        ),
    ];
    if let Some(&shortest) = gaps.iter().min() {
        out.push(metric("shortest_rest", "Shortest rest between shifts", hours(shortest), Unit::Hours,
            "from the end of one shift or on-call period to the start of the next, across the cycle wrap".into()));
    }
    out.extend([
        metric("rests_under_11h", "Rests under 11 hours", Decimal::from(gaps.iter().filter(|g| **g < 660).count()), Unit::Number,
            "gaps between consecutive shifts or on-call periods shorter than 11 h, per cycle".into()),
        metric("longest_run_shifts", "Most consecutive days with a shift", Decimal::from(run(RunKind::Shifts)), Unit::Number,
            "consecutive calendar days on which a shift or on-call period starts".into()),
        metric("longest_run_nights", "Most consecutive nights", Decimal::from(run(RunKind::Nights)), Unit::Number, night_def.clone()),
        metric("longest_run_long_shifts", "Most consecutive long shifts", Decimal::from(run(RunKind::LongShifts)), Unit::Number,
            describe_pattern("a long shift", &definitions.long_shift)),
        metric("longest_run_long_evenings", "Most consecutive long late evenings", Decimal::from(run(RunKind::LongEvenings)), Unit::Number,
            describe_pattern("a long late evening", &definitions.long_evening)),
        metric("weekends_off", "Weekends fully off per cycle", Decimal::from(off_weekends), Unit::Number,
            "no shift or on-call period between Saturday 00:00 and Monday 00:00".into()),
        metric("days_off", "Days fully off per cycle", Decimal::from(facts.days() - busy_days), Unit::Number,
            "calendar days (00:00–24:00) with no shift or on-call period at all".into()),
        metric("nights", "Nights per cycle", Decimal::from(nights as u64), Unit::Number, night_def),
        metric("longest_without_48h_off", "Longest stretch without 48 hours off", hours(longest_without_48h(facts, &gaps)), Unit::Hours,
            "from the end of one break of 48 h or more to the start of the next; the whole cycle if there is none".into()),
    ]);
    out
}

/// What makes a shift a night, in words.
pub(crate) fn describe_night(definitions: &RestDefinitions) -> String {
    format!(
        "a night has at least {} minutes between {} and {}",
        definitions.night_minutes, definitions.night_window.from, definitions.night_window.to
    )
}

/// A shift pattern in words: "`what` lasts more than 10 h, ending after …".
pub(crate) fn describe_pattern(
    what: &str,
    p: &crate::engine::model::offer::ShiftPattern,
) -> String {
    let mut text = format!(
        "{what} lasts {} {} h",
        if p.min_inclusive {
            "at least"
        } else {
            "more than"
        },
        hours(u64::from(p.min_minutes)).normalize()
    );
    if let Some(s) = p.starts {
        text.push_str(&format!(", starting {}–{}", s.from, s.to));
    }
    if let Some(e) = p.ends {
        text.push_str(&format!(", ending after {} and by {}", e.from, e.to));
    }
    text
}

/// Calendar days touched by any period.
fn busy_days(facts: &RestFacts) -> u64 {
    let days = facts.days();
    let mut busy = vec![false; days as usize];
    for p in &facts.periods {
        for d in p.span.start / DAY..=p.span.end.saturating_sub(1) / DAY {
            busy[(d % days) as usize] = true;
        }
    }
    busy.iter().filter(|b| **b).count() as u64
}

/// The longest time from the end of one break of 48 h or more to the start of
/// the next: a stretch starts after such a break and adds periods and the gaps
/// between them until the next such break.
fn longest_without_48h(facts: &RestFacts, gaps: &[u64]) -> u64 {
    const BREAK: u64 = 48 * 60;
    let n = facts.periods.len();
    let breaks: Vec<usize> = (0..n).filter(|&i| gaps[i] >= BREAK).collect();
    if n == 0 {
        return 0;
    }
    if breaks.is_empty() {
        return facts.cycle;
    }
    let mut best = 0;
    for &b in &breaks {
        let mut length = 0;
        let mut i = (b + 1) % n;
        loop {
            length += facts.periods[i].span.len();
            if gaps[i] >= BREAK {
                break;
            }
            length += gaps[i];
            i = (i + 1) % n;
        }
        best = best.max(length);
    }
    best
}
