//! Two offers' terms side by side, term by term: "Sat 17:00–21:00: 33⅓% vs
//! plain time" says what differs as a *term*, where the figures only say what
//! it is worth for one rota.
//!
//! Every term becomes a row of text keyed by section and term name. Keys are
//! chosen so that the same term of two offers lands on the same row: premium
//! time by the minutes of the week (computed for both offers at once), limits
//! by what they constrain (limit ids differ between offers for the same rule),
//! everything else by its id or its place in the model.

use crate::engine::explain::{format_pounds, format_quantity, Unit};
use crate::engine::model::offer::{
    all_kinds, Banding, Combine, Consequence, CountingUnit, Limit, LimitRule, LtftWeekendRule,
    Offer, PremiumWindow, ScalePeriod, Terms,
};
use crate::engine::model::rota::ShiftKind;
use crate::engine::model::scenario::Scenario;
use crate::engine::num::date::Date;
use crate::engine::num::fraction::Fraction;
use crate::engine::num::sort::sort_by_less;
use crate::engine::num::time::{describe_weekday_minute, ClockTime, Weekday, DAY, WEEK};
use crate::engine::rest::limits::describe_rule;
use crate::engine::rest::{describe_night, describe_pattern};
use crate::engine::windows::premium::UpliftMap;
use rust_decimal::Decimal;
use std::cmp::Ordering;

/// The sections, in display order.
const SECTIONS: [&str; 10] = [
    "Basic pay",
    "Hours",
    "Premium time",
    "Shift rules",
    "Allowances",
    "Weekend / frequency allowances",
    "On-call allowances",
    "Limits",
    "Banding",
    "Rounding",
];
const BASIC: usize = 0;
const HOURS: usize = 1;
const PREMIUM: usize = 2;
const SHIFT_RULES: usize = 3;
const ALLOWANCES: usize = 4;
const FREQUENCY: usize = 5;
const ON_CALL: usize = 6;
const LIMITS: usize = 7;
const BANDING: usize = 8;
const ROUNDING: usize = 9;

/// What a diff shows for a term the other offer does not have.
const ABSENT: &str = "—";
/// What premium time shows for minutes no window pays.
const PLAIN: &str = "plain time";

/// One term of an offer, as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermRow {
    /// The section ("Premium time").
    pub section: &'static str,
    /// The term within it ("Sat 17:00–21:00"); unique within the section.
    pub term: String,
    /// The offer's term in words ("33⅓%").
    pub text: String,
}

/// One row of the side-by-side: the same term in two offers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermDiff {
    /// The section.
    pub section: &'static str,
    /// The term.
    pub term: String,
    /// Offer A's term in words ("—" when A does not have it).
    pub a: String,
    /// Offer B's term in words.
    pub b: String,
    /// Whether the two texts differ: the rows to highlight.
    pub differs: bool,
}

/// A row before ordering. `rank` places it within its section (a grade's
/// position, a premium stretch's first minute) so that both offers' rows
/// fall in one order whichever offer is A.
struct Row {
    section: usize,
    rank: u64,
    term: String,
    text: String,
}

/// An offer's terms at a pay date, in a fixed section order.
pub fn describe(offer: &Offer, date: Date) -> Vec<TermRow> {
    let mut rows = rows(offer, date);
    rows.extend(
        premium_stretches(&offer.terms, None)
            .into_iter()
            .map(|(rank, term, text, _)| Row {
                section: PREMIUM,
                rank,
                term,
                text,
            }),
    );
    sort_by_less(&mut rows, |x, y| display_order(x, y) == Ordering::Less);
    rows.into_iter()
        .map(|r| TermRow {
            section: SECTIONS[r.section],
            term: r.term,
            text: r.text,
        })
        .collect()
}

/// The date a scenario's two offers are compared at: the later of their
/// columns' pay dates (the scenario's for a column without one), so an offer
/// whose scale starts later is not shown as having none. The page and the
/// command line both use it.
pub fn diff_date(scenario: &Scenario, a: &str, b: &str) -> Date {
    let date_of = |offer: &str| {
        scenario
            .columns
            .iter()
            .find(|c| c.offer == offer)
            .and_then(|c| c.pay_date)
            .unwrap_or(scenario.pay_date)
    };
    date_of(a).max(date_of(b))
}

/// Every term of both offers aligned, in section order; a term one offer does
/// not have reads "—" on its side ("plain time" in premium time).
pub fn diff(a: &Offer, b: &Offer, date: Date) -> Vec<TermDiff> {
    let (rows_a, rows_b) = (rows(a, date), rows(b, date));
    let mut out: Vec<(Row, String)> = Vec::with_capacity(rows_a.len() + rows_b.len());
    // Both lists are sorted by key: a merge pairs the rows of one term.
    let mut b_rows = rows_b.into_iter().peekable();
    for row in rows_a {
        while let Some(other) = b_rows.next_if(|o| key_order(o, &row) == Ordering::Less) {
            out.push((absent(&other), other.text));
        }
        let other = b_rows.next_if(|o| key_order(o, &row) == Ordering::Equal);
        let b_text = other.map_or_else(|| ABSENT.to_string(), |o| o.text);
        out.push((row, b_text));
    }
    out.extend(b_rows.map(|other| (absent(&other), other.text)));
    for (rank, term, a_text, b_text) in premium_stretches(&a.terms, Some(&b.terms)) {
        let row = Row {
            section: PREMIUM,
            rank,
            term,
            text: a_text,
        };
        out.push((row, b_text));
    }
    sort_by_less(&mut out, |x, y| display_order(&x.0, &y.0) == Ordering::Less);
    out.into_iter()
        .map(|(row, b)| TermDiff {
            section: SECTIONS[row.section],
            differs: row.text != b,
            term: row.term,
            a: row.text,
            b,
        })
        .collect()
}

/// The row of a term A does not have: B's key, A's side absent.
fn absent(other: &Row) -> Row {
    Row {
        section: other.section,
        rank: other.rank,
        term: other.term.clone(),
        text: ABSENT.to_string(),
    }
}

fn key_order(x: &Row, y: &Row) -> Ordering {
    (x.section, &x.term).cmp(&(y.section, &y.term))
}

fn display_order(x: &Row, y: &Row) -> Ordering {
    (x.section, x.rank, &x.term).cmp(&(y.section, y.rank, &y.term))
}

/// A rate as a percentage: `37%`, `37.5%`, thirds as `33⅓%` (the contracts'
/// time-and-a-third), any other non-terminating value with its exact fraction.
pub fn percent(value: &Fraction) -> String {
    let thirds = Fraction::from_ints(300, 1)
        .and_then(|k| value.checked_mul(&k))
        .filter(|t| t.terminates_within(0))
        .and_then(|t| t.to_decimal());
    if let Some(n) = thirds.filter(|n| !n.is_sign_negative()) {
        let three = Decimal::from(3);
        let rem = n.checked_rem(three).unwrap_or_default();
        let whole = n
            .checked_sub(rem)
            .and_then(|w| w.checked_div(three))
            .unwrap_or_default()
            .normalize();
        let whole = if whole.is_zero() {
            String::new()
        } else {
            whole.to_string()
        };
        if rem == Decimal::ONE {
            return format!("{whole}⅓%");
        }
        if rem == Decimal::TWO {
            return format!("{whole}⅔%");
        }
    }
    format_quantity(*value, Unit::Rate)
}

/// Days in words, runs of three or more as ranges: `Mon–Fri`, `Sat, Sun`.
fn days_text(days: &[Weekday]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut run: Vec<Weekday> = Vec::new();
    for day in Weekday::ALL {
        if days.contains(&day) {
            run.push(day);
        }
        if !days.contains(&day) || day == Weekday::Sun {
            match run.as_slice() {
                [] => {}
                [first, .., last] if run.len() >= 3 => {
                    parts.push(format!("{}–{}", first.short_name(), last.short_name()))
                }
                some => parts.extend(some.iter().map(|d| d.short_name().to_string())),
            }
            run.clear();
        }
    }
    if parts.is_empty() {
        "no days".into()
    } else {
        parts.join(", ")
    }
}

/// A clock time from minutes after midnight, `24:00` at the day's end.
fn clock(minutes: u64) -> ClockTime {
    ClockTime::hm((minutes / 60) as u16, (minutes % 60) as u16).unwrap_or(ClockTime::MIDNIGHT)
}

/// One stretch of the week and how each offer pays it.
struct Stretch<'a> {
    start: u64,
    len: u64,
    a: &'a str,
    b: &'a str,
}

/// Premium time of two offers (or one, against no windows) as rows
/// `(first minute, term, a, b)`, in week order: the week is cut wherever
/// either offer's pay changes, equal neighbours are joined (also across
/// midnight and the week's end), and stretches with the same clock times and
/// the same pair of texts on several days share a row.
fn premium_stretches(a: &Terms, b: Option<&Terms>) -> Vec<(u64, String, String, String)> {
    let texts_a = week_texts(a);
    let texts_b = b.map(week_texts).unwrap_or_default();
    let mut cuts: Vec<u64> = texts_a
        .iter()
        .chain(&texts_b)
        .flat_map(|(start, end, _)| [*start, *end])
        .chain([0, WEEK])
        .filter(|m| *m <= WEEK)
        .collect();
    crate::engine::num::sort::sort(&mut cuts);
    cuts.dedup();
    let mut stretches: Vec<Stretch> = Vec::new();
    for pair in cuts.windows(2) {
        let (start, end) = (pair[0], pair[1]);
        let (a, b) = (text_at(&texts_a, start), text_at(&texts_b, start));
        match stretches.last_mut() {
            Some(last) if last.a == a && last.b == b => last.len += end - start,
            _ => stretches.push(Stretch {
                start,
                len: end - start,
                a,
                b,
            }),
        }
    }
    // Sunday night runs on into Monday morning: one stretch, starting Sunday.
    if let [first, .., last] = stretches.as_slice() {
        if first.a == last.a && first.b == last.b {
            let first = stretches.remove(0);
            if let Some(last) = stretches.last_mut() {
                last.len += first.len;
            }
        }
    }
    group(&stretches)
}

/// The text of the segment holding `minute`; plain time outside every segment.
fn text_at(texts: &[(u64, u64, String)], minute: u64) -> &str {
    texts
        .iter()
        .find(|(start, end, _)| *start <= minute && minute < *end)
        .map_or(PLAIN, |t| t.2.as_str())
}

/// Each of an offer's premium segments as `(start, end, text)`.
fn week_texts(terms: &Terms) -> Vec<(u64, u64, String)> {
    let windows = &terms.premium_windows;
    UpliftMap::build(windows, &[], terms.combine)
        .segments()
        .iter()
        .map(|seg| {
            let paying: Vec<&PremiumWindow> =
                seg.windows.iter().filter_map(|i| windows.get(i)).collect();
            if seg.uplift.is_zero() {
                return (seg.span.start, seg.span.end, PLAIN.to_string());
            }
            let mut text = percent(&seg.uplift);
            for w in &paying {
                let Some(condition) = w.condition.as_ref().filter(|_| !w.uplift.is_zero()) else {
                    continue;
                };
                let what = match condition.counts {
                    CountingUnit::WindowDaysWorked => match w.days.as_slice() {
                        [day] => PLURAL_DAYS[day.index() as usize].to_string(),
                        days => format!("{} days", days_text(days)),
                    },
                    CountingUnit::WeekendsWorked { definition } => {
                        format!("weekends ({})", definition.describe())
                    }
                };
                let mut rule = format!("work on ≥ 1 in {} {what}", condition.at_least.one_in);
                rule.push_str(&counting(&condition.kinds));
                // Added windows: say which part of the sum the condition holds back.
                if paying.len() == 1 {
                    text.push_str(&format!(" if {rule}"));
                } else {
                    text.push_str(&format!(" ({} of it if {rule})", percent(&w.uplift)));
                }
            }
            (seg.span.start, seg.span.end, text)
        })
        .collect()
}

const PLURAL_DAYS: [&str; 7] = [
    "Mondays",
    "Tuesdays",
    "Wednesdays",
    "Thursdays",
    "Fridays",
    "Saturdays",
    "Sundays",
];

/// Rows from stretches: the same clock times, length and texts on several
/// days share a row ("Mon–Fri 21:00–07:00"); whole days count day by day
/// ("Sat, Sun 00:00–24:00"); any other stretch of a day or more keeps its own
/// row ("Sat 17:00 – Mon 07:00"). A row's rank is its first minute in the week.
fn group(stretches: &[Stretch]) -> Vec<(u64, String, String, String)> {
    let mut pieces: Vec<(u64, u64, &str, &str)> = Vec::new();
    for s in stretches {
        if s.start % DAY == 0 && s.len % DAY == 0 {
            pieces.extend((0..s.len / DAY).map(|k| (s.start + k * DAY, DAY, s.a, s.b)));
        } else {
            pieces.push((s.start, s.len, s.a, s.b));
        }
    }
    let mut used = vec![false; pieces.len()];
    let mut rows = Vec::new();
    for (i, &(start, len, a, b)) in pieces.iter().enumerate() {
        if used[i] {
            continue;
        }
        let from = start % DAY;
        let term = if len < DAY || (len == DAY && from == 0) {
            let mut days = vec![Weekday::from_day_number(start / DAY)];
            for (j, other) in pieces.iter().enumerate().skip(i + 1) {
                if !used[j] && (other.0 % DAY, other.1, other.2, other.3) == (from, len, a, b) {
                    used[j] = true;
                    days.push(Weekday::from_day_number(other.0 / DAY));
                }
            }
            let to = (from + len - 1) % DAY + 1;
            format!("{} {}–{}", days_text(&days), clock(from), clock(to))
        } else {
            format!(
                "{} – {}",
                describe_weekday_minute(start),
                describe_weekday_minute(start + len)
            )
        };
        rows.push((start % WEEK, term, a.to_string(), b.to_string()));
    }
    rows
}

/// Shift kinds in words.
fn kinds_text(kinds: &[ShiftKind]) -> String {
    ShiftKind::describe_all(kinds)
}

/// ", counting resident on-call" when only some shift kinds count; nothing
/// when every kind does (the default).
fn counting(kinds: &[ShiftKind]) -> String {
    if all_kinds().iter().all(|k| kinds.contains(k)) {
        String::new()
    } else {
        format!(", counting {}", kinds_text(kinds))
    }
}

/// Every term except premium stretches (which need both offers), keys unique,
/// sorted by key.
fn rows(offer: &Offer, date: Date) -> Vec<Row> {
    let terms = &offer.terms;
    let mut rows = Vec::new();
    let mut push = |section: usize, rank: u64, term: String, text: String| {
        rows.push(Row {
            section,
            rank,
            term,
            text,
        })
    };

    match terms.pay_scale.period_at(date) {
        None => push(
            BASIC,
            0,
            "Scale period".into(),
            "no scale at this date".into(),
        ),
        Some(period) => {
            let text = format!(
                "{}, from {} until {}",
                period.label, period.from, period.until
            );
            push(BASIC, 0, "Scale period".into(), text);
            for (grade, ids) in &period.grades {
                let text = points_text(period, ids);
                push(BASIC, 1 + *grade as u64, format!("{grade:?}"), text);
            }
        }
    }

    let quantity = |p: &crate::engine::model::offer::Param, unit| {
        format_quantity(Fraction::from_decimal(p.value), unit)
    };
    push(
        HOURS,
        0,
        "Full-time hours".into(),
        quantity(&terms.full_time_hours, Unit::HoursPerWeek),
    );
    push(
        HOURS,
        1,
        "Weeks per year".into(),
        quantity(&terms.weeks_per_year, Unit::WeeksPerYear),
    );
    let additional = terms.additional_hours.as_ref().map_or_else(
        || "not paid separately".to_string(),
        |h| format!("{} × the basic hourly rate", h.multiplier),
    );
    push(HOURS, 2, "Additional hours".into(), additional);

    let combine = match terms.combine {
        Combine::HighestApplies => "where windows overlap, only the highest uplift applies",
        Combine::Additive => "where windows overlap, their uplifts add up",
    };
    push(PREMIUM, u64::MAX, "Combine rule".into(), combine.into());

    for rule in &terms.shift_rules {
        let mut text = format!("{}: {}", rule.name, percent(&rule.uplift));
        if rule.kinds != [ShiftKind::Worked] {
            text.push_str(&format!(" for {}", kinds_text(&rule.kinds)));
        }
        for (i, reading) in rule.readings.iter().enumerate() {
            let sep = if i == 0 { "; readings: " } else { "; " };
            text.push_str(&format!("{sep}{}) {}", i + 1, reading.label));
        }
        push(SHIFT_RULES, 0, rule.id.clone(), text);
    }

    for allowance in &terms.allowances {
        let mut text = format!(
            "{}: {} a year",
            allowance.name,
            format_pounds(allowance.annual)
        );
        if allowance.pro_rata_ltft {
            text.push_str(", pro rata LTFT");
        }
        push(ALLOWANCES, 0, allowance.id.clone(), text);
    }

    for allowance in &terms.frequency_allowances {
        let mut bands: Vec<_> = allowance.bands.iter().collect();
        sort_by_less(&mut bands, |x, y| x.at_least.one_in < y.at_least.one_in);
        let bands: Vec<String> = bands
            .iter()
            .map(|b| format!("≥ 1 in {}: {}", b.at_least.one_in, percent(&b.rate)))
            .collect();
        let ltft = match allowance.ltft {
            LtftWeekendRule::ActualFrequencyProRata => "band by own frequency, pro rata",
            LtftWeekendRule::FullTimeEquivalentProRata => {
                "band by full-time-equivalent frequency, pro rata"
            }
            LtftWeekendRule::None => "not pro rata",
        };
        let mut text = format!(
            "{}: share of basic by frequency {}; a weekend worked is {}",
            allowance.name,
            bands.join(", "),
            allowance.definition.describe(),
        );
        text.push_str(&counting(&allowance.kinds));
        text.push_str(&format!("; LTFT: {ltft}"));
        push(FREQUENCY, 0, allowance.id.clone(), text);
    }

    for allowance in &terms.on_call_allowances {
        let text = format!(
            "{}: {} of basic, for {}",
            allowance.name,
            percent(&allowance.rate),
            kinds_text(&allowance.kinds)
        );
        push(ON_CALL, 0, allowance.id.clone(), text);
    }

    let definitions = &terms.rest.definitions;
    for limit in &terms.rest.limits {
        let (term, rank) = limit_key(limit);
        let mut text = describe_rule(limit.rule, definitions, limit.counts.as_deref());
        // With `counts` the kinds are already said, and `include_on_call` is unused.
        if let (
            LimitRule::MaxShiftLength {
                include_on_call: true,
                ..
            },
            None,
        ) = (limit.rule, &limit.counts)
        {
            text.push_str(", on-call periods included");
        }
        text.push_str(match limit.consequence {
            Consequence::Flag => "; breach: flagged",
            Consequence::Band3 => "; breach: band 3 (2002)",
        });
        push(LIMITS, rank, term, text);
    }
    let long_shift = describe_pattern("a long shift", &definitions.long_shift);
    let long_evening = describe_pattern("a long late evening", &definitions.long_evening);
    let definition_rows = [
        ("Definition: night", describe_night(definitions)),
        ("Definition: long shift", long_shift),
        ("Definition: long late evening", long_evening),
        (
            "Definition: weekend worked (limits)",
            definitions.weekend.describe().to_string(),
        ),
    ];
    for (i, (term, text)) in definition_rows.into_iter().enumerate() {
        push(LIMITS, 100 + i as u64, term.into(), text);
    }

    match &terms.banding {
        None => push(BANDING, 0, "Banding".into(), "none".into()),
        Some(banding) => {
            for (i, (term, text)) in banding_rows(banding).into_iter().enumerate() {
                push(BANDING, i as u64, term.into(), text);
            }
        }
    }

    let rounding = &terms.rounding;
    let rules = [
        ("Basic salary", rounding.basic),
        ("Additional hours", rounding.additional_hours),
        ("Premium time", rounding.premium),
        ("Allowances", rounding.allowance),
    ];
    for (i, (term, rule)) in rules.into_iter().enumerate() {
        push(ROUNDING, i as u64, term.into(), rule.describe().into());
    }

    unique(&mut rows);
    rows
}

/// A grade's pay points: `£26,350.00 (NP1)`; an incremental scale's points
/// by years at the grade as `£22,862.00, £24,289.00, £25,716.00 (FY1-0 to FY1-2)`.
fn points_text(period: &ScalePeriod, ids: &[String]) -> String {
    let amounts: Vec<String> = ids
        .iter()
        .map(|id| {
            period.points.iter().find(|p| p.id == *id).map_or_else(
                || format!("{id} (not in the scale)"),
                |p| format_pounds(p.annual),
            )
        })
        .collect();
    match ids {
        [] => "no pay point".into(),
        [id] => format!("{} ({id})", amounts.join("")),
        [first, .., last] => format!("{} ({first} to {last})", amounts.join(", ")),
    }
}

/// A limit's row key, by what it constrains, and its rank in the section.
/// Limits for some rota types only (the 2002 New Deal) name them in the key:
/// they are other terms than a limit for every rota.
fn limit_key(limit: &Limit) -> (String, u64) {
    let (mut key, rank) = match limit.rule {
        LimitRule::MaxAverageWeeklyHours { .. } => ("Max average weekly hours".into(), 0),
        LimitRule::MaxAverageWeeklyDuty { .. } => ("Max average weekly duty".into(), 1),
        LimitRule::MaxHoursIn168 { .. } => ("Max hours in any 168 h".into(), 2),
        LimitRule::MaxShiftLength { .. } => ("Max shift length".into(), 3),
        LimitRule::MinRestBetweenShifts { .. } => ("Min rest between shifts".into(), 4),
        LimitRule::MaxConsecutive { what, .. } => (
            format!("Max consecutive {}", what.describe()),
            10 + 2 * what as u64,
        ),
        // Keyed without the run length: "46 h after 3 nights" and "46 h after
        // any night" are the same term with different values.
        LimitRule::RestAfterRun { what, .. } => (
            format!("Rest after consecutive {}", what.describe()),
            11 + 2 * what as u64,
        ),
        LimitRule::MaxWeekendFrequency { .. } => ("Max weekend frequency".into(), 30),
        LimitRule::MaxConsecutiveWeekends { .. } => ("Max consecutive weekends".into(), 31),
        LimitRule::MaxPeriodsInDays { days, .. } => (format!("Max periods in {days} days"), 40),
        LimitRule::MaxDayAfterLength { .. } => ("Max duty on the day after".into(), 41),
        LimitRule::MinExpectedRestOnCall { .. } => ("Min expected rest on call".into(), 42),
    };
    // A rule over on-call periods only is another term than the same rule
    // over shifts (the 24-hour on-call limit beside the 13-hour shift limit);
    // one counting shifts keeps its key, so @1 and @2 rows line up.
    if let Some(kinds) = &limit.counts {
        if !kinds.contains(&ShiftKind::Worked) {
            key.push_str(&format!(" ({})", kinds_text(kinds)));
        }
    }
    if !limit.applies_to.is_empty() {
        let types: Vec<&str> = limit.applies_to.iter().map(|t| t.describe()).collect();
        key.push_str(&format!(" ({})", types.join(", ")));
    }
    (key, rank)
}

/// The 2002 banding's terms, in a fixed order.
fn banding_rows(banding: &Banding) -> Vec<(&'static str, String)> {
    let supplements: Vec<String> = banding
        .supplements
        .iter()
        .map(|s| format!("{} {}", s.band.name(), percent(&s.rate)))
        .collect();
    let flexible: Vec<String> = banding
        .flexible
        .iter()
        .map(|f| {
            format!(
                "{} {}–{} h: {} of basic",
                f.id,
                f.from_hours.normalize(),
                f.to_hours.normalize(),
                percent(&f.fraction)
            )
        })
        .collect();
    let flexible_supplements: Vec<String> = banding
        .flexible_supplements
        .iter()
        .enumerate()
        .map(|(i, rate)| {
            format!(
                "{} {}",
                ["A", "B", "C"].get(i).unwrap_or(&"?"),
                percent(rate)
            )
        })
        .collect();
    let window = |days: &[Weekday], hours: &crate::engine::model::offer::ClockRange| {
        format!("{} {}–{}", days_text(days), hours.from, hours.to)
    };
    vec![
        (
            "Banding",
            "one supplement on basic for the whole post, by band".into(),
        ),
        ("Band supplements", supplements.join(", ")),
        ("FY1 unbanded supplement", percent(&banding.fy1_unbanded)),
        (
            "Unbanded if all work in",
            window(&banding.unbanded_days, &banding.unbanded_hours),
        ),
        (
            "Plain time (for unsociality)",
            window(&banding.plain_days, &banding.plain_hours),
        ),
        ("Most unsocial if", {
            let weekends = match (banding.weekend_test(false), banding.weekend_test(true)) {
                (Some(one), Some(two)) if one == two => one.describe(),
                (Some(one), Some(two)) => {
                    format!("{} (band 1), {} (band 2)", one.describe(), two.describe())
                }
                _ => "no weekend test".into(),
            };
            format!(
                "weekends worked {weekends}, or more than {} of work outside plain time",
                percent(&banding.most_unsocial_share_over)
            )
        }),
        (
            "Flexible bands",
            format!(
                "{}; supplements {}",
                flexible.join(", "),
                flexible_supplements.join(", ")
            ),
        ),
        (
            "Band 3 protected as",
            banding.band3_protected_as.name().into(),
        ),
    ]
}

/// Sorts rows by key and makes keys unique: a second row on a key (ids are
/// meant to be unique, but any input must diff without losing a row) gets an
/// ordinal, "(2)".
fn unique(rows: &mut [Row]) {
    sort_by_less(rows, |x, y| key_order(x, y) == Ordering::Less);
    let keys: Vec<(usize, String)> = rows.iter().map(|r| (r.section, r.term.clone())).collect();
    let mut run_start = 0;
    for (i, row) in rows.iter_mut().enumerate() {
        if keys[i] != keys[run_start] {
            run_start = i;
        }
        if i > run_start {
            row.term = format!("{} ({})", keys[i].1, i - run_start + 1);
        }
    }
    sort_by_less(rows, |x, y| key_order(x, y) == Ordering::Less);
}
