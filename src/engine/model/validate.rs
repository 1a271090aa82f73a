//! Validation of a scenario: every problem, located, never a panic. The bounds
//! are generous enough for any real contract and small enough that checked
//! arithmetic on them can never overflow.

use crate::engine::model::offer::{Band, Banding, LimitRule, Offer, OneIn, Terms};
use crate::engine::model::rota::{Rota, ShiftKind, MAX_CYCLE_WEEKS};
use crate::engine::model::scenario::{Issue, Issues, ProtectionSection, Scenario, FORMAT_VERSION};
use crate::engine::model::settings::{RealTerms, TakeHome, MAX_INDEX, MAX_YEAR, MIN_YEAR};
use crate::engine::num::fraction::Fraction;
use crate::engine::num::time::Interval;
use rust_decimal::Decimal;

/// Largest annual amount accepted anywhere (£10 million).
pub const MAX_ANNUAL: Decimal = Decimal::from_parts(10_000_000, 0, 0, false, 0);
/// Largest uplift or multiplier accepted (1 000 %).
const MAX_RATE: Decimal = Decimal::TEN;
/// Largest premium over basic accepted (200%).
const MAX_PREMIUM: Decimal = Decimal::TWO;
/// Most shifts in one rota.
pub const MAX_SHIFTS: usize = 2_000;
/// Most columns in one comparison.
pub const MAX_COLUMNS: usize = 12;
/// Shortest full-time week accepted, in hours: a full-time week of 0.0001
/// hours once made every hour worth £16 billion a year.
pub const MIN_FULL_TIME_HOURS: u32 = 20;
/// Longest full-time week accepted, in hours.
pub const MAX_FULL_TIME_HOURS: u32 = 60;
/// Most periods (pay years) in one pay scale: a century of yearly scales.
pub const MAX_PERIODS: usize = 100;
/// Longest free text accepted (names, labels).
pub const MAX_TEXT: usize = 200;

/// Every problem in the scenario; empty when it can be computed.
pub fn validate(scenario: &Scenario) -> Vec<Issue> {
    let mut issues = Issues::default();
    issues.check(
        scenario.version != FORMAT_VERSION,
        || "version".into(),
        || {
            format!(
                "format version {} is not supported (expected {FORMAT_VERSION})",
                scenario.version
            )
        },
    );
    check_text(&mut issues, || "title".into(), &scenario.title, true);
    validate_doctor(scenario, &mut issues);
    check_unique(
        &mut issues,
        || "rotas".into(),
        scenario.rotas.iter().map(|r| r.id.as_str()),
    );
    for (i, rota) in scenario.rotas.iter().enumerate() {
        validate_rota(rota, &format!("rotas[{i}]"), &mut issues);
    }
    check_unique(
        &mut issues,
        || "offers".into(),
        scenario.offers.iter().map(|o| o.id.as_str()),
    );
    for (i, offer) in scenario.offers.iter().enumerate() {
        validate_offer(offer, &format!("offers[{i}]"), &mut issues);
    }
    validate_columns(scenario, &mut issues);
    validate_explore(scenario, &mut issues);
    if let Some(settings) = &scenario.take_home {
        validate_take_home(settings, "take_home", &mut issues);
        check_pensionable_lines(scenario, settings, &mut issues);
    }
    issues.into_vec()
}

/// Pay lines any offer can have, whatever its terms (`engine::pay`).
const COMMON_LINES: [&str; 5] = [
    "basic",
    "specialty_premium",
    "additional_hours",
    "banding",
    "pay_protection",
];

/// Every pay line id the scenario's offers can produce on some rota: the
/// common lines, a `premium:` line per premium window and shift rule, an
/// `allowance:` line per allowance — each once, in that order.
pub fn pay_line_ids(scenario: &Scenario) -> Vec<String> {
    let mut ids: Vec<String> = COMMON_LINES.iter().map(|s| s.to_string()).collect();
    // A set beside the list: a hostile file may hold thousands of windows.
    // Filled by insert, not collect: collecting a set sorts with the standard
    // sort, which costs kilobytes of WebAssembly per element type.
    let mut seen = std::collections::BTreeSet::new();
    for id in &ids {
        seen.insert(id.clone());
    }
    for terms in scenario.offers.iter().map(|o| &o.terms) {
        let premiums = (terms.premium_windows.iter().map(|w| &w.id))
            .chain(terms.shift_rules.iter().map(|r| &r.id))
            .map(|id| format!("premium:{id}"));
        let allowances = (terms.allowances.iter().map(|a| &a.id))
            .chain(terms.frequency_allowances.iter().map(|a| &a.id))
            .chain(terms.on_call_allowances.iter().map(|a| &a.id))
            .map(|id| format!("allowance:{id}"));
        for id in premiums.chain(allowances) {
            if seen.insert(id.clone()) {
                ids.push(id);
            }
        }
    }
    ids
}

/// A pensionable line no offer can have would silently add £0 to pensionable
/// pay (a typo, `basci`, gave no pension at all), so it is refused, naming the
/// lines there are. Checked against the offers' terms rather than one rota's
/// results, so a sweep or a rota change that drops a line keeps it valid.
fn check_pensionable_lines(scenario: &Scenario, settings: &TakeHome, issues: &mut Issues) {
    let Some(lines) = &settings.pensionable else {
        return;
    };
    let known = pay_line_ids(scenario);
    let mut set = std::collections::BTreeSet::new();
    for id in &known {
        set.insert(id.as_str());
    }
    // The list of lines is said once, at the first unknown id: a long list of
    // typos must not repeat it for each.
    let mut listed = false;
    for (i, line) in lines.iter().enumerate() {
        let unknown = !line.is_empty() && line.len() <= 100 && !set.contains(line.as_str());
        issues.check(
            unknown,
            || format!("take_home.pensionable[{i}]"),
            || match std::mem::replace(&mut listed, true) {
                false => format!(
                    "no offer has a pay line '{line}' (the pay lines are {})",
                    known.join(", ")
                ),
                true => format!("no offer has a pay line '{line}'"),
            },
        );
    }
}

/// The saved explorer request, checked on opening rather than when the
/// explorer next runs: a file is refused at once, naming the field.
fn validate_explore(scenario: &Scenario, issues: &mut Issues) {
    let Some(explore) = &scenario.explore else {
        return;
    };
    // A file asking for more once opened, to fail only when swept.
    let max = crate::engine::model::exploration::MAX_STEPS;
    issues.check(
        !(1..=max).contains(&explore.steps),
        || "explore.steps".into(),
        || format!("a sweep has 1 to {max} steps"),
    );
    issues.check(
        explore.from > explore.to,
        || "explore.to".into(),
        || format!("must not be below 'from' ({})", explore.from),
    );
    if let Some(offer) = explore.quantity.offer() {
        issues.check(
            !scenario.offers.iter().any(|o| o.id == offer),
            || "explore.quantity".into(),
            || format!("names offer '{offer}', which this scenario does not have"),
        );
    }
    if let Some((a, b)) = &explore.pair {
        for id in [a, b] {
            issues.check(
                !scenario.columns.iter().any(|c| &c.id == id),
                || "explore.pair".into(),
                || format!("names column '{id}', which this scenario does not have"),
            );
        }
    }
}

/// Every problem in one offer read on its own (an offer file given to
/// `diff`), located from the top of that file (`terms.full_time_hours`).
pub fn validate_offer_alone(offer: &Offer) -> Vec<Issue> {
    let mut issues = Issues::default();
    validate_offer(offer, "offer", &mut issues);
    let mut found = issues.into_vec();
    for issue in &mut found {
        if let Some(inside) = issue.path.strip_prefix("offer.") {
            issue.path = inside.to_string();
        }
    }
    found
}

fn check_text(issues: &mut Issues, path: impl Fn() -> String, text: &str, may_be_empty: bool) {
    if !may_be_empty && text.trim().is_empty() {
        issues.push(path(), "must not be empty");
    }
    if text.len() > MAX_TEXT * 4 || text.chars().count() > MAX_TEXT {
        issues.push(path(), format!("is longer than {MAX_TEXT} characters"));
    }
}

fn check_unique<'a>(
    issues: &mut Issues,
    path: impl Fn() -> String,
    ids: impl Iterator<Item = &'a str>,
) {
    // A set, not a scan of the earlier ids: a hostile file may hold a 2 MB
    // list, and a quadratic scan of it took seconds.
    let mut seen = std::collections::BTreeSet::new();
    for (i, id) in ids.enumerate() {
        check_text(issues, || format!("{}[{i}].id", path()), id, false);
        if !seen.insert(id) {
            issues.push(
                format!("{}[{i}].id", path()),
                format!("'{id}' is used twice"),
            );
        }
    }
}

fn check_amount(issues: &mut Issues, path: impl Fn() -> String, value: Decimal, allow_zero: bool) {
    if value.is_sign_negative() && !value.is_zero() {
        issues.push(path(), "must not be negative");
    } else if value.is_zero() && !allow_zero {
        issues.push(path(), "must be more than zero");
    } else if value > MAX_ANNUAL {
        issues.push(path(), "is more than £10,000,000 a year");
    }
}

fn check_rate(issues: &mut Issues, path: impl FnOnce() -> String, rate: &Fraction) {
    check_at_most(issues, path, rate, MAX_RATE, "is more than 1000%");
}

/// A premium over basic: no contract pays more than double time, so a larger
/// one is almost always "30" typed for "30%" — refused rather than shown as
/// a figure nobody offered.
fn check_premium(issues: &mut Issues, path: impl FnOnce() -> String, rate: &Fraction) {
    check_at_most(
        issues,
        path,
        rate,
        MAX_PREMIUM,
        "is more than 200%: write 30% (or 0.3) for thirty per cent",
    );
}

fn check_at_most(
    issues: &mut Issues,
    path: impl FnOnce() -> String,
    rate: &Fraction,
    max: Decimal,
    message: &str,
) {
    let too_big = rate
        .cmp_exact(&Fraction::from_decimal(max))
        .is_none_or(|o| o.is_gt());
    issues.check(too_big, path, || message.into());
}

fn validate_doctor(scenario: &Scenario, issues: &mut Issues) {
    let doctor = &scenario.doctor;
    let ltft = &doctor.ltft;
    let out_of_range = ltft.is_zero() || ltft.cmp_exact(&Fraction::ONE).is_none_or(|o| o.is_gt());
    issues.check(
        out_of_range,
        || "doctor.ltft".into(),
        || "must be more than 0% and at most 100% (full time)".into(),
    );
    issues.check(
        doctor.years_at_grade > 20,
        || "doctor.years_at_grade".into(),
        || "must be at most 20".into(),
    );
    check_amount(
        issues,
        || "doctor.specialty_premium".into(),
        doctor.specialty_premium,
        true,
    );
}

fn validate_rota(rota: &Rota, path: &str, issues: &mut Issues) {
    check_text(issues, || format!("{path}.name"), &rota.name, false);
    if rota.weeks == 0 || rota.weeks > MAX_CYCLE_WEEKS {
        issues.push(
            format!("{path}.weeks"),
            format!("a cycle has 1 to {MAX_CYCLE_WEEKS} weeks"),
        );
        return;
    }
    if let Some(f) = &rota.designed_for_ltft {
        let bad = f.is_zero() || f.cmp_exact(&Fraction::ONE).is_none_or(|o| o.is_gt());
        issues.check(
            bad,
            || format!("{path}.designed_for_ltft"),
            || "must be more than 0% and at most 100%".into(),
        );
    }
    if rota.shifts.len() > MAX_SHIFTS {
        issues.push(
            format!("{path}.shifts"),
            format!("more than {MAX_SHIFTS} shifts"),
        );
        return;
    }
    let cycle = rota.cycle_minutes();
    let mut placed: Vec<(Interval, usize)> = Vec::with_capacity(rota.shifts.len());
    for (i, shift) in rota.shifts.iter().enumerate() {
        // Paths are only formatted when something is wrong: this runs on every edit.
        let at = || format!("{path}.shifts[{i}]");
        let mut ok = true;
        if shift.week == 0 || shift.week > rota.weeks {
            issues.push(
                format!("{}.week", at()),
                format!("must be between 1 and {}", rota.weeks),
            );
            ok = false;
        }
        if let Some(problem) = shift.length_problem(shift.minutes, cycle) {
            issues.push(format!("{}.minutes", at()), problem);
            ok = false;
        }
        if let Some(label) = &shift.label {
            check_text(issues, || format!("{}.label", at()), label, true);
        }
        if shift.kind != ShiftKind::Worked || !shift.expected_work.is_empty() {
            validate_work_blocks(shift, &at(), issues);
        }
        if ok {
            placed.push((shift.interval(), i));
        }
    }
    check_overlaps(&mut placed, cycle, path, issues);
}

fn validate_work_blocks(shift: &crate::engine::model::rota::Shift, at: &str, issues: &mut Issues) {
    if shift.kind == ShiftKind::Worked {
        issues.check(
            !shift.expected_work.is_empty(),
            || format!("{at}.expected_work"),
            || "only on-call periods have expected work; a worked shift is all work".into(),
        );
        return;
    }
    let mut end_of_previous = 0u64;
    let mut blocks: Vec<_> = shift.expected_work.iter().enumerate().collect();
    crate::engine::num::sort::sort_by_key(&mut blocks, |(_, b)| b.offset_minutes);
    for (j, block) in blocks {
        let start = u64::from(block.offset_minutes);
        let end = start + u64::from(block.minutes);
        let bp = format!("{at}.expected_work[{j}]");
        if block.minutes == 0 {
            issues.push(format!("{bp}.minutes"), "must be at least one minute");
        } else if end > u64::from(shift.minutes) {
            issues.push(bp, "ends after the on-call period");
        } else if start < end_of_previous {
            issues.push(bp, "overlaps another block of expected work");
        }
        end_of_previous = end_of_previous.max(end);
    }
}

/// Shifts sorted by start overlap iff some shift ends after the next one
/// starts; the last is compared with the first of the next cycle.
fn check_overlaps(placed: &mut [(Interval, usize)], cycle: u64, path: &str, issues: &mut Issues) {
    crate::engine::num::sort::sort(placed);
    for pair in placed.windows(2) {
        let ((a, i), (b, j)) = (pair[0], pair[1]);
        if a.end > b.start {
            issues.push(
                format!("{path}.shifts[{j}]"),
                format!(
                    "overlaps shift {} ({})",
                    i + 1,
                    crate::engine::num::time::describe_minute(a.start)
                ),
            );
        }
    }
    if let (Some(&(last, i)), Some(&(first, j))) = (placed.last(), placed.first()) {
        if placed.len() > 1 && last.end > first.start + cycle {
            issues.push(
                format!("{path}.shifts[{i}]"),
                format!(
                    "runs past the end of the cycle into shift {} of the next cycle",
                    j + 1
                ),
            );
        }
    }
}

fn validate_offer(offer: &Offer, path: &str, issues: &mut Issues) {
    check_text(issues, || format!("{path}.name"), &offer.name, false);
    let terms = &offer.terms;
    validate_scale(terms, path, issues);
    let ft = terms.full_time_hours.value;
    issues.check(
        ft < Decimal::from(MIN_FULL_TIME_HOURS) || ft > Decimal::from(MAX_FULL_TIME_HOURS),
        || format!("{path}.terms.full_time_hours"),
        || {
            format!(
                "a full-time week is {MIN_FULL_TIME_HOURS} to {MAX_FULL_TIME_HOURS} hours \
                 (the contracts use 40)"
            )
        },
    );
    let wpy = terms.weeks_per_year.value;
    issues.check(
        wpy < Decimal::ONE || wpy > Decimal::from(53),
        || format!("{path}.terms.weeks_per_year"),
        || "must be between 1 and 53".into(),
    );
    if let Some(additional) = &terms.additional_hours {
        check_rate(
            issues,
            || format!("{path}.terms.additional_hours.multiplier"),
            &additional.multiplier,
        );
    }
    issues.check(
        terms.premium_windows.len() + terms.shift_rules.len()
            > crate::engine::model::offer::MAX_WINDOWS,
        || format!("{path}.terms.premium_windows"),
        || {
            format!(
                "at most {} premium windows and shift rules together",
                crate::engine::model::offer::MAX_WINDOWS
            )
        },
    );
    let ids = terms
        .premium_windows
        .iter()
        .map(|w| w.id.as_str())
        .chain(terms.shift_rules.iter().map(|r| r.id.as_str()))
        .chain(terms.allowances.iter().map(|a| a.id.as_str()))
        .chain(terms.frequency_allowances.iter().map(|a| a.id.as_str()))
        .chain(terms.on_call_allowances.iter().map(|a| a.id.as_str()));
    check_unique(issues, || format!("{path}.terms.rules"), ids);
    for (i, w) in terms.premium_windows.iter().enumerate() {
        let wp = || format!("{path}.terms.premium_windows[{i}]");
        check_text(issues, || format!("{}.name", wp()), &w.name, false);
        issues.check(
            w.days.is_empty(),
            || format!("{}.days", wp()),
            || "choose at least one day".into(),
        );
        issues.check(
            w.from == w.to,
            || format!("{}.to", wp()),
            || "a window cannot end when it starts (use 00:00–24:00 for a whole day)".into(),
        );
        issues.check(
            w.from.minutes() == 1440,
            || format!("{}.from", wp()),
            || "a window cannot start at 24:00".into(),
        );
        check_premium(issues, || format!("{}.uplift", wp()), &w.uplift);
    }
    validate_conditional_terms(terms, path, issues);
    for (i, a) in terms.allowances.iter().enumerate() {
        let ap = || format!("{path}.terms.allowances[{i}]");
        check_text(issues, || format!("{}.name", ap()), &a.name, false);
        check_amount(issues, || format!("{}.annual", ap()), a.annual, true);
    }
}

fn validate_scale(terms: &Terms, path: &str, issues: &mut Issues) {
    let scale = &terms.pay_scale;
    let sp = format!("{path}.terms.pay_scale.periods");
    issues.check(
        scale.periods.is_empty(),
        || sp.clone(),
        || "a pay scale needs at least one period".into(),
    );
    if scale.periods.len() > MAX_PERIODS {
        // Checked first: the overlap check below compares every pair.
        issues.push(
            sp,
            format!("a pay scale has at most {MAX_PERIODS} periods (pay years)"),
        );
        return;
    }
    for (i, p) in scale.periods.iter().enumerate() {
        let pp = || format!("{sp}[{i}]");
        issues.check(
            p.from >= p.until,
            || format!("{}.until", pp()),
            || "must be after 'from'".into(),
        );
        for (j, q) in scale.periods.iter().enumerate().skip(i + 1) {
            issues.check(
                p.from < q.until && q.from < p.until,
                || format!("{sp}[{j}]"),
                || format!("overlaps period {} ({})", i + 1, p.label),
            );
        }
        check_unique(
            issues,
            || format!("{}.points", pp()),
            p.points.iter().map(|x| x.id.as_str()),
        );
        for (j, point) in p.points.iter().enumerate() {
            check_amount(
                issues,
                || format!("{}.points[{j}].annual", pp()),
                point.annual,
                false,
            );
        }
        let point_ids: std::collections::BTreeSet<&str> =
            p.points.iter().map(|x| x.id.as_str()).collect();
        for (grade, ids) in &p.grades {
            let gp = || format!("{}.grades.{grade:?}", pp());
            issues.check(ids.is_empty(), gp, || "names no pay point".into());
            for id in ids {
                issues.check(!point_ids.contains(id.as_str()), gp, || {
                    format!("names pay point '{id}', which this period does not have")
                });
            }
        }
    }
}

fn validate_columns(scenario: &Scenario, issues: &mut Issues) {
    issues.check(
        scenario.columns.is_empty(),
        || "columns".into(),
        || "add at least one offer to compare".into(),
    );
    issues.check(
        scenario.columns.len() > MAX_COLUMNS,
        || "columns".into(),
        || format!("at most {MAX_COLUMNS} columns"),
    );
    check_unique(
        issues,
        || "columns".into(),
        scenario.columns.iter().map(|c| c.id.as_str()),
    );
    for (i, column) in scenario.columns.iter().enumerate() {
        let cp = format!("columns[{i}]");
        let rota_known = scenario.rota(&column.rota).is_some();
        issues.check(
            !rota_known,
            || format!("{cp}.rota"),
            || format!("no rota '{}'", column.rota),
        );
        let Some(offer) = scenario.offer(&column.offer) else {
            issues.push(
                format!("{cp}.offer"),
                format!("no offer '{}'", column.offer),
            );
            continue;
        };
        for (rule_id, reading_id) in &column.readings {
            let known = offer
                .terms
                .shift_rules
                .iter()
                .find(|r| &r.id == rule_id)
                .is_some_and(|r| r.readings.iter().any(|x| &x.id == reading_id));
            issues.check(
                !known,
                || format!("{cp}.readings.{rule_id}"),
                || {
                    format!(
                        "{} has no shift rule '{rule_id}' with a reading '{reading_id}'",
                        offer.name
                    )
                },
            );
        }
        validate_column_banding(scenario, offer, column, &cp, issues);
        let date = scenario.pay_date_of(column);
        let date_path = if column.pay_date.is_some() {
            format!("{cp}.pay_date")
        } else {
            "pay_date".to_string()
        };
        match offer.terms.pay_scale.period_at(date) {
            None => issues.push(
                date_path,
                format!(
                    "{} has no pay scale for {date} (it covers {})",
                    offer.name,
                    covered(offer)
                ),
            ),
            Some(period) if !period.grades.contains_key(&scenario.doctor.grade) => issues.push(
                "doctor.grade",
                format!(
                    "{} has no pay for {:?} in {}",
                    offer.name, scenario.doctor.grade, period.label
                ),
            ),
            Some(_) => {}
        }
    }
    if let Some(baseline) = &scenario.baseline {
        issues.check(
            !scenario.columns.iter().any(|c| &c.id == baseline),
            || "baseline".into(),
            || format!("no column '{baseline}'"),
        );
    }
}

fn covered(offer: &Offer) -> String {
    let mut spans: Vec<String> = offer
        .terms
        .pay_scale
        .periods
        .iter()
        .map(|p| format!("{} to {}", p.from, p.until))
        .collect();
    crate::engine::num::sort::sort(&mut spans);
    if spans.is_empty() {
        "no dates".into()
    } else {
        spans.join(", ")
    }
}

fn check_one_in(issues: &mut Issues, path: impl FnOnce() -> String, one_in: OneIn) {
    issues.check(one_in.one_in == 0 || one_in.one_in > 52, path, || {
        "'1 in N' needs N from 1 to 52".into()
    });
}

/// Conditions, shift rules, frequency and on-call allowances.
fn validate_conditional_terms(terms: &Terms, path: &str, issues: &mut Issues) {
    for (i, w) in terms.premium_windows.iter().enumerate() {
        if let Some(c) = &w.condition {
            check_one_in(
                issues,
                || format!("{path}.terms.premium_windows[{i}].condition.at_least"),
                c.at_least,
            );
        }
    }
    for (i, rule) in terms.shift_rules.iter().enumerate() {
        let rp = || format!("{path}.terms.shift_rules[{i}]");
        check_text(issues, || format!("{}.name", rp()), &rule.name, false);
        check_premium(issues, || format!("{}.uplift", rp()), &rule.uplift);
        issues.check(
            rule.readings.is_empty(),
            || format!("{}.readings", rp()),
            || "needs at least one reading".into(),
        );
        check_unique(
            issues,
            || format!("{}.readings", rp()),
            rule.readings.iter().map(|r| r.id.as_str()),
        );
        for (j, reading) in rule.readings.iter().enumerate() {
            check_text(
                issues,
                || format!("{}.readings[{j}].label", rp()),
                &reading.label,
                false,
            );
            issues.check(
                reading.pattern.min_minutes > crate::engine::model::rota::MAX_ON_CALL_MINUTES,
                || format!("{}.readings[{j}].min_minutes", rp()),
                || "is longer than 72 hours".into(),
            );
        }
    }
    for (i, a) in terms.frequency_allowances.iter().enumerate() {
        let ap = || format!("{path}.terms.frequency_allowances[{i}]");
        check_text(issues, || format!("{}.name", ap()), &a.name, false);
        issues.check(
            a.bands.is_empty(),
            || format!("{}.bands", ap()),
            || "needs at least one band".into(),
        );
        for (j, band) in a.bands.iter().enumerate() {
            check_one_in(
                issues,
                || format!("{}.bands[{j}].at_least", ap()),
                band.at_least,
            );
            check_premium(issues, || format!("{}.bands[{j}].rate", ap()), &band.rate);
            issues.check(
                a.bands[..j].iter().any(|b| b.at_least == band.at_least),
                || format!("{}.bands[{j}].at_least", ap()),
                || format!("two bands start at 1 in {}", band.at_least.one_in),
            );
            // A rarer pattern paying more than a more frequent one is a table
            // typed out of order: the engine would pay it as written.
            if let Some(more_often) = a.bands.iter().find(|b| {
                b.at_least.one_in < band.at_least.one_in
                    && b.rate.cmp_exact(&band.rate) == Some(std::cmp::Ordering::Less)
            }) {
                issues.push(
                    format!("{}.bands[{j}].rate", ap()),
                    format!(
                        "bands out of order: 1 in {} pays more than the more frequent 1 in {}",
                        band.at_least.one_in, more_often.at_least.one_in
                    ),
                );
            }
        }
    }
    validate_limits(terms, path, issues);
    if let Some(banding) = &terms.banding {
        validate_banding(banding, &format!("{path}.terms.banding"), issues);
    }
    for (i, a) in terms.on_call_allowances.iter().enumerate() {
        let ap = || format!("{path}.terms.on_call_allowances[{i}]");
        check_text(issues, || format!("{}.name", ap()), &a.name, false);
        check_premium(issues, || format!("{}.rate", ap()), &a.rate);
        issues.check(
            a.kinds.is_empty(),
            || format!("{}.kinds", ap()),
            || "name at least one shift kind".into(),
        );
    }
}

fn validate_limits(terms: &Terms, path: &str, issues: &mut Issues) {
    let rest = &terms.rest;
    issues.check(
        rest.definitions.night_minutes == 0 || rest.definitions.night_minutes > 1440,
        || format!("{path}.terms.rest.definitions.night_minutes"),
        || "must be between 1 and 1440 minutes".into(),
    );
    check_unique(
        issues,
        || format!("{path}.terms.rest.limits"),
        rest.limits.iter().map(|l| l.id.as_str()),
    );
    for (i, limit) in rest.limits.iter().enumerate() {
        let lp = || format!("{path}.terms.rest.limits[{i}].rule");
        check_text(
            issues,
            || format!("{path}.terms.rest.limits[{i}].text"),
            &limit.text,
            false,
        );
        let week = Decimal::from(168);
        let bad = match limit.rule {
            LimitRule::MaxAverageWeeklyHours {
                hours,
                reference_weeks,
            } => hours <= Decimal::ZERO || hours > week || reference_weeks == Some(0),
            LimitRule::MaxAverageWeeklyDuty { hours } | LimitRule::MaxHoursIn168 { hours } => {
                hours <= Decimal::ZERO || hours > week
            }
            LimitRule::MaxShiftLength { minutes, .. } => {
                minutes == 0 || minutes > crate::engine::model::rota::MAX_ON_CALL_MINUTES
            }
            LimitRule::MaxConsecutive { count, .. }
            | LimitRule::MaxConsecutiveWeekends { count } => count == 0 || count > 364,
            LimitRule::RestAfterRun {
                after_run, minutes, ..
            } => after_run == 0 || after_run > 364 || minutes > 7 * 1440,
            LimitRule::MinRestBetweenShifts { minutes } => minutes > 7 * 1440,
            LimitRule::MaxWeekendFrequency { one_in } => one_in == 0 || one_in > 52,
            LimitRule::MaxPeriodsInDays { count, days } => {
                count == 0 || count > 364 || days == 0 || days > 364
            }
            LimitRule::MaxDayAfterLength { minutes } => minutes > 1440,
            LimitRule::MinExpectedRestOnCall {
                minutes,
                continuous,
                ..
            } => minutes > 1440 || continuous > 1440,
        };
        issues.check(bad, lp, || {
            "a value is out of range (hours 0–168, counts 1–364, 1 in N with N 1–52)".into()
        });
        // An empty list would check nothing and always pass, which reads as kept.
        issues.check(
            limit.counts.as_ref().is_some_and(Vec::is_empty),
            || format!("{path}.terms.rest.limits[{i}].counts"),
            || "must name at least one shift kind (or be left out to count every kind)".into(),
        );
    }
}

fn validate_banding(banding: &Banding, path: &str, issues: &mut Issues) {
    for (i, s) in banding.supplements.iter().enumerate() {
        check_rate(issues, || format!("{path}.supplements[{i}].rate"), &s.rate);
        issues.check(
            banding.supplements[..i].iter().any(|t| t.band == s.band),
            || format!("{path}.supplements[{i}].band"),
            || format!("band {} is listed twice", s.band.name()),
        );
    }
    check_rate(
        issues,
        || format!("{path}.fy1_unbanded"),
        &banding.fy1_unbanded,
    );
    if let Some(often) = banding.most_unsocial_weekends_more_often_than {
        check_one_in(
            issues,
            || format!("{path}.most_unsocial_weekends_more_often_than"),
            often,
        );
    }
    if let Some(per_band) = banding.most_unsocial_weekends {
        check_one_in(
            issues,
            || format!("{path}.most_unsocial_weekends.band1"),
            per_band.band1,
        );
        check_one_in(
            issues,
            || format!("{path}.most_unsocial_weekends.band2"),
            per_band.band2,
        );
    }
    issues.check(
        banding.weekend_test(false).is_none(),
        || format!("{path}.most_unsocial_weekends"),
        || "give the weekend test for 'most unsocial' (1 in N weekends)".into(),
    );
    issues.check(
        banding.band3_protected_as == Band::B3,
        || format!("{path}.band3_protected_as"),
        || "pay protection never uses band 3".into(),
    );
    for (i, f) in banding.flexible.iter().enumerate() {
        issues.check(
            f.from_hours >= f.to_hours || f.from_hours.is_sign_negative(),
            || format!("{path}.flexible[{i}]"),
            || "hours must run from a lower to a higher number".into(),
        );
        check_rate(
            issues,
            || format!("{path}.flexible[{i}].fraction"),
            &f.fraction,
        );
        if let Some(k) = banding.flexible[..i]
            .iter()
            .position(|g| f.from_hours < g.to_hours && g.from_hours < f.to_hours)
        {
            issues.push(
                format!("{path}.flexible[{i}]"),
                format!("hours overlap band {} ({})", k + 1, banding.flexible[k].id),
            );
        }
    }
    issues.check(
        !banding.flexible.is_empty() && banding.flexible_supplements.len() != 3,
        || format!("{path}.flexible_supplements"),
        || "give three supplements: most, moderately and least unsocial (A, B, C)".into(),
    );
}

/// Band overrides and pay protection of one column.
fn validate_column_banding(
    scenario: &Scenario,
    offer: &Offer,
    column: &crate::engine::model::scenario::Column,
    cp: &str,
    issues: &mut Issues,
) {
    issues.check(
        column.band_override.is_some() && offer.terms.banding.is_none(),
        || format!("{cp}.band_override"),
        || format!("{} has no 2002 banding to override", offer.name),
    );
    let Some(p) = &column.protection else { return };
    match scenario.offer(&p.offer) {
        Some(old) if old.terms.banding.is_some() => {
            let date = match p.section {
                ProtectionSection::CashFloor => p.day_before,
                ProtectionSection::StayOn2002 => scenario.pay_date_of(column),
            };
            match old.terms.pay_scale.period_at(date) {
                None => issues.push(
                    format!("{cp}.protection.day_before"),
                    format!("{} has no pay scale for {date}", old.name),
                ),
                Some(period) if !period.grades.contains_key(&scenario.doctor.grade) => issues.push(
                    "doctor.grade",
                    format!(
                        "{} has no pay for {:?} in {}",
                        old.name, scenario.doctor.grade, period.label
                    ),
                ),
                Some(_) => {}
            }
        }
        _ => issues.push(
            format!("{cp}.protection.offer"),
            format!(
                "'{}' is not a 2002-style offer with banding in this scenario",
                p.offer
            ),
        ),
    }
}

/// Checks the settings, locating each problem under `path`.
pub fn validate_take_home(settings: &TakeHome, path: &str, issues: &mut Issues) {
    for (i, loan) in settings.loans.iter().enumerate() {
        issues.check(
            settings.loans[..i].contains(loan),
            || format!("{path}.loans[{i}]"),
            || format!("{} is listed twice", loan.label()),
        );
    }
    if let Some(lines) = &settings.pensionable {
        for (i, line) in lines.iter().enumerate() {
            issues.check(
                line.is_empty() || line.len() > 100,
                || format!("{path}.pensionable[{i}]"),
                || "a pay line id is 1 to 100 characters".to_string(),
            );
        }
    }
    if let Some(real) = &settings.real_terms {
        validate_real_terms(real, &format!("{path}.real_terms"), issues);
    }
}

/// Checks the settings, recording each problem under `path` (`real_terms`).
pub fn validate_real_terms(settings: &RealTerms, path: &str, issues: &mut Issues) {
    let year_in_range = |year: u16| (MIN_YEAR..=MAX_YEAR).contains(&year);
    issues.check(
        !year_in_range(settings.year),
        || format!("{path}.year"),
        || format!("must be between {MIN_YEAR} and {MAX_YEAR}"),
    );
    for (i, entry) in settings.values.iter().enumerate() {
        issues.check(
            !year_in_range(entry.year),
            || format!("{path}.values[{i}].year"),
            || format!("must be between {MIN_YEAR} and {MAX_YEAR}"),
        );
        if entry.value <= Decimal::ZERO {
            issues.push(
                format!("{path}.values[{i}].value"),
                "must be more than zero (an index value, such as 121.7)",
            );
        } else if entry.value > MAX_INDEX {
            issues.push(
                format!("{path}.values[{i}].value"),
                "must be at most 100,000 (an index value, such as 121.7)",
            );
        }
        if let Some(first) = settings.values[..i]
            .iter()
            .position(|e| e.year == entry.year)
        {
            issues.push(
                format!("{path}.values[{i}].year"),
                format!(
                    "{} is entered twice (also at values[{first}]): keep one",
                    entry.year
                ),
            );
        }
    }
}
