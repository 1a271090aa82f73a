//! The terms diff: two offers side by side, term by term. The expected rows of
//! the preset pairs are read off the preset JSON files by hand (each with the
//! values it comes from), not pasted from the output.
use crate::common::{allowance, date, limit, offer, window, EVERY_DAY};
use offer_compare::engine::date::Date;
use offer_compare::engine::fraction::Fraction;
use offer_compare::engine::offer::{LimitRule, Offer, RotaType};
use offer_compare::engine::terms::{describe, diff, percent, TermDiff};
use offer_compare::engine::time::Weekday::{self, *};
use offer_compare::presets::{find_offer, offer_presets, OFFER_FILES};

/// 3 August 2016: inside the first pay period of every 2016 preset.
fn aug_2016() -> Date {
    date("2016-08-03")
}

fn preset(key: &str) -> Offer {
    find_offer(key).unwrap_or_else(|| panic!("preset {key}"))
}

type Row = (&'static str, String, String, String);

fn differing(rows: &[TermDiff]) -> Vec<Row> {
    rows.iter()
        .filter(|r| r.differs)
        .map(|r| (r.section, r.term.clone(), r.a.clone(), r.b.clone()))
        .collect()
}

fn row(section: &'static str, term: &str, a: &str, b: &str) -> Row {
    (section, term.into(), a.into(), b.into())
}

const FLAGGED: &str = "; breach: flagged";

#[test]
fn the_november_2015_offer_against_the_imposed_contract() {
    let rows = diff(
        &preset("gov-offer-2015-11@1"),
        &preset("imposed-2016-02@1"),
        aug_2016(),
    );
    let basic = "Basic pay";
    let premium = "Premium time";
    let limits = "Limits";
    let expected = vec![
        // Period labels: "2016/17 (proposed)" vs "2016/17 (proposed; values
        // assumed)", both 2016-04-01 to 2017-04-01.
        row(
            basic,
            "Scale period",
            "2016/17 (proposed), from 2016-04-01 until 2017-04-01",
            "2016/17 (proposed; values assumed), from 2016-04-01 until 2017-04-01",
        ),
        // Nov 2015: FY1 → F1 25,500; FY2 → F2 31,600; CT1–2, ST1–2 → Reg1
        // 37,400; CT3, ST3–4 → Reg2 42,500; ST5–6 → Reg3 48,400; ST7–8 → Reg4
        // 55,000. Imposed: FY1 → NP1 26,350; FY2 → NP2 30,500; CT1–2, ST1–2 →
        // NP3 36,100; CT3 and ST3–8 → NP4 45,750.
        row(basic, "FY1", "£25,500.00 (F1)", "£26,350.00 (NP1)"),
        row(basic, "FY2", "£31,600.00 (F2)", "£30,500.00 (NP2)"),
        row(basic, "CT1", "£37,400.00 (Reg1)", "£36,100.00 (NP3)"),
        row(basic, "CT2", "£37,400.00 (Reg1)", "£36,100.00 (NP3)"),
        row(basic, "CT3", "£42,500.00 (Reg2)", "£45,750.00 (NP4)"),
        row(basic, "ST1", "£37,400.00 (Reg1)", "£36,100.00 (NP3)"),
        row(basic, "ST2", "£37,400.00 (Reg1)", "£36,100.00 (NP3)"),
        row(basic, "ST3", "£42,500.00 (Reg2)", "£45,750.00 (NP4)"),
        row(basic, "ST4", "£42,500.00 (Reg2)", "£45,750.00 (NP4)"),
        row(basic, "ST5", "£48,400.00 (Reg3)", "£45,750.00 (NP4)"),
        row(basic, "ST6", "£48,400.00 (Reg3)", "£45,750.00 (NP4)"),
        row(basic, "ST7", "£55,000.00 (Reg4)", "£45,750.00 (NP4)"),
        row(basic, "ST8", "£55,000.00 (Reg4)", "£45,750.00 (NP4)"),
        // Nights: Nov 2015 22:00–07:00, imposed 21:00–07:00, both 1/2 every
        // day; so 21:00–22:00 differs on weekdays…
        row(premium, "Mon–Fri 21:00–22:00", "plain time", "50%"),
        // …imposed: Saturday 07:00–17:00 at 30% for 1 in 4 Saturdays or more
        // (window_days_worked, one_in 4); Nov 2015 has no Saturday-day window.
        row(
            premium,
            "Sat 07:00–17:00",
            "plain time",
            "30% if work on ≥ 1 in 4 Saturdays",
        ),
        // Imposed: Saturday 17:00–21:00 at 1/3; Nov 2015: Saturday 19:00–22:00
        // at 1/3, so 17:00–19:00 differs and 19:00–21:00 is the same.
        row(premium, "Sat 17:00–19:00", "plain time", "33⅓%"),
        // Saturday 21:00–22:00: Nov 2015's Saturday evening (1/3) vs the
        // imposed night (1/2); Sunday 21:00–22:00: Nov 2015's Sunday 07:00–22:00
        // (1/3) vs the imposed night (1/2, higher than its all-Sunday 1/3).
        row(premium, "Sat, Sun 21:00–22:00", "33⅓%", "50%"),
        // Limits: Nov 2015 has 72 in 168 (the same as imposed) and a 56-hour
        // average; imposed 48 and five more limits.
        row(
            limits,
            "Max average weekly hours",
            &format!("at most 56 h a week on average over the rota cycle{FLAGGED}"),
            &format!("at most 48 h a week on average over the rota cycle{FLAGGED}"),
        ),
        row(
            limits,
            "Max shift length",
            "—",
            &format!("at most 13 h{FLAGGED}"),
        ),
        row(
            limits,
            "Min rest between shifts",
            "—",
            &format!("at least 11 h between shifts{FLAGGED}"),
        ),
        row(
            limits,
            "Max consecutive nights",
            "—",
            &format!("at most 4 consecutive nights{FLAGGED}"),
        ),
        row(
            limits,
            "Max consecutive long shifts",
            "—",
            &format!("at most 5 consecutive long shifts{FLAGGED}"),
        ),
        row(
            limits,
            "Max consecutive weekends",
            "—",
            &format!(
                "at most 1 consecutive weekend(s) (any work between Saturday 00:00 and \
                 Monday 00:00){FLAGGED}"
            ),
        ),
    ];
    assert_eq!(differing(&rows), expected);
    // The shared terms are rows too: Sunday 07:00–21:00 is 1/3 in both.
    assert!(rows
        .iter()
        .any(|r| r.term == "Sun 07:00–21:00" && r.a == "33⅓%" && r.b == "33⅓%" && !r.differs));
}

#[test]
fn the_imposed_contract_against_the_may_2016_terms() {
    let rows = diff(
        &preset("imposed-2016-02@1"),
        &preset("tcs-2016@1"),
        aug_2016(),
    );
    let premium = "Premium time";
    let limits = "Limits";
    let expected = vec![
        // Same points (NP1–NP4, same amounts and grades); the May 2016 scale
        // starts on 3 Aug 2016 and has another label.
        row(
            "Basic pay",
            "Scale period",
            "2016/17 (proposed; values assumed), from 2016-04-01 until 2017-04-01",
            "2016/17, from 2016-08-03 until 2017-04-01",
        ),
        // Nights 21:00–07:00 every day: imposed 1/2, May 2016 37%. Imposed's
        // all-Sunday 1/3 loses to its night at 21:00–07:00, so every night
        // differs the same way.
        row(premium, "Mon–Sun 21:00–07:00", "50%", "37%"),
        // Imposed weekend windows; May 2016 has none (it pays a weekend
        // allowance instead).
        row(
            premium,
            "Sat 07:00–17:00",
            "30% if work on ≥ 1 in 4 Saturdays",
            "plain time",
        ),
        row(premium, "Sat 17:00–21:00", "33⅓%", "plain time"),
        row(premium, "Sun 07:00–21:00", "33⅓%", "plain time"),
        // May 2016 only: the night-shift extension (37%, worked shifts, two
        // readings), the weekend allowance (bands 1 in 2 … 1 in 8) and the 8%
        // on-call availability allowance.
        row(
            "Shift rules",
            "night-extension",
            "—",
            "Night shift hours until 10:00 (37%): 37%; readings: 1) BMA/HFMA: shifts of 8 \
             hours or longer starting 20:00–23:59, hours worked until 10:00; 2) HSJ: starts \
             20:00–23:59, lasts more than 8 hours and finishes by 10:00; hours until 10:00",
        ),
        row(
            "Weekend / frequency allowances",
            "weekend",
            "—",
            "Weekend allowance: share of basic by frequency ≥ 1 in 2: 10%, ≥ 1 in 3: 7.5%, \
             ≥ 1 in 4: 7.5%, ≥ 1 in 5: 6%, ≥ 1 in 6: 4%, ≥ 1 in 7: 4%, ≥ 1 in 8: 3%; a \
             weekend worked is a shift beginning on a Saturday or Sunday; LTFT: band by own \
             frequency, pro rata",
        ),
        row(
            "On-call allowances",
            "on-call",
            "—",
            "On-call availability allowance (8%): 8% of basic, for non-resident on-call",
        ),
        // Limits: both have 48 average, 72 in 168, 13 h, 11 h rest, 4 nights,
        // 5 long shifts. May 2016 adds max 8 shifts with 48 h after, 46 h after
        // 3 nights, 48 h after 5 long shifts, max 4 long late evenings with
        // 48 h after, and weekends at most 1 in 2; imposed alone has "no
        // consecutive weekends" (max_consecutive_weekends 1).
        row(
            limits,
            "Max consecutive shifts",
            "—",
            &format!("at most 8 consecutive shifts{FLAGGED}"),
        ),
        row(
            limits,
            "Rest after consecutive shifts",
            "—",
            &format!("at least 48 h off after a run of 8 or more consecutive shifts{FLAGGED}"),
        ),
        row(
            limits,
            "Rest after consecutive nights",
            "—",
            &format!("at least 46 h off after a run of 3 or more consecutive nights{FLAGGED}"),
        ),
        row(
            limits,
            "Rest after consecutive long shifts",
            "—",
            &format!("at least 48 h off after a run of 5 or more consecutive long shifts{FLAGGED}"),
        ),
        row(
            limits,
            "Max consecutive long late evenings",
            "—",
            &format!("at most 4 consecutive long late evenings{FLAGGED}"),
        ),
        row(
            limits,
            "Rest after consecutive long late evenings",
            "—",
            &format!(
                "at least 48 h off after a run of 4 or more consecutive long late \
                 evenings{FLAGGED}"
            ),
        ),
        row(
            limits,
            "Max weekend frequency",
            "—",
            &format!(
                "at most 1 weekend in 2 (any work between Saturday 00:00 and Monday \
                 00:00){FLAGGED}"
            ),
        ),
        row(
            limits,
            "Max consecutive weekends",
            &format!(
                "at most 1 consecutive weekend(s) (any work between Saturday 00:00 and \
                 Monday 00:00){FLAGGED}"
            ),
            "—",
        ),
        // Allowances: imposed rounds to the penny, May 2016 up to the pound.
        row(
            "Rounding",
            "Allowances",
            "rounded to the penny, halves away from zero",
            "rounded up to the whole pound, as the pay circulars print",
        ),
    ];
    assert_eq!(differing(&rows), expected);
}

/// Every preset at 3 Aug 2016 and at the start of each of its pay periods.
fn dates() -> Vec<Date> {
    let mut dates = vec![aug_2016()];
    for offer in offer_presets() {
        dates.extend(offer.terms.pay_scale.periods.iter().map(|p| p.from));
    }
    dates
}

#[test]
fn an_offer_against_itself_differs_nowhere_and_is_its_description() {
    let presets = offer_presets();
    assert_eq!(presets.len(), OFFER_FILES.len());
    for at in dates() {
        for x in &presets {
            let rows = diff(x, x, at);
            assert!(differing(&rows).is_empty(), "{} at {at}", x.id);
            let sides: Vec<(&str, &str, &str)> = rows
                .iter()
                .map(|r| (r.section, r.term.as_str(), r.a.as_str()))
                .collect();
            let described = describe(x, at);
            let own: Vec<(&str, &str, &str)> = described
                .iter()
                .map(|r| (r.section, r.term.as_str(), r.text.as_str()))
                .collect();
            assert_eq!(sides, own, "{} at {at}", x.id);
        }
    }
}

#[test]
fn swapping_the_offers_swaps_the_sides() {
    let presets = offer_presets();
    for at in [aug_2016(), date("2024-06-01")] {
        for a in &presets {
            for b in &presets {
                let swapped: Vec<TermDiff> = diff(b, a, at)
                    .into_iter()
                    .map(|r| TermDiff {
                        a: r.b,
                        b: r.a,
                        ..r
                    })
                    .collect();
                assert_eq!(diff(a, b, at), swapped, "{} / {} at {at}", a.id, b.id);
            }
        }
    }
}

#[test]
fn every_term_of_an_offer_has_its_row_in_a_diff() {
    let presets = offer_presets();
    for a in &presets {
        let own = describe(a, aug_2016());
        let terms: Vec<(&str, &str)> = own.iter().map(|r| (r.section, r.term.as_str())).collect();
        for (i, key) in terms.iter().enumerate() {
            assert!(!terms[..i].contains(key), "{} has {key:?} twice", a.id);
        }
        for b in &presets {
            let rows = diff(a, b, aug_2016());
            // Premium stretches are cut where either offer's pay changes, so an
            // offer's own stretches may be split; what each of its stretches
            // pays still appears on its side, and nothing else does.
            let is_stretch =
                |section: &str, term: &str| section == "Premium time" && term != "Combine rule";
            for r in &own {
                if is_stretch(r.section, &r.term) {
                    assert!(
                        rows.iter().any(|d| d.section == r.section && d.a == r.text),
                        "{} / {}: {r:?}",
                        a.id,
                        b.id
                    );
                } else {
                    assert!(
                        rows.iter()
                            .any(|d| (d.section, &d.term, &d.a) == (r.section, &r.term, &r.text)),
                        "{} / {}: {r:?}",
                        a.id,
                        b.id
                    );
                }
            }
            for d in rows.iter().filter(|d| is_stretch(d.section, &d.term)) {
                assert!(own.iter().any(|r| r.section == d.section && r.text == d.a));
            }
        }
    }
}

#[test]
fn percentages_print_thirds_as_thirds_and_other_fractions_exactly() {
    let p = |text: &str| percent(&text.parse::<Fraction>().unwrap());
    assert_eq!(p("1/3"), "33⅓%");
    assert_eq!(p("2/3"), "66⅔%");
    assert_eq!(p("4/3"), "133⅓%");
    assert_eq!(p("1/6"), "16⅔%");
    assert_eq!(p("0.375"), "37.5%");
    assert_eq!(p("37%"), "37%");
    assert_eq!(p("1/2"), "50%");
    assert_eq!(p("0"), "0%");
    assert_eq!(p("1/7"), "≈14.2857% (exactly 100/7%)");
}

fn with_windows(windows: Vec<offer_compare::engine::offer::PremiumWindow>) -> Offer {
    offer("o", "30000", windows)
}

fn premium_rows(rows: &[offer_compare::engine::terms::TermRow]) -> Vec<(&str, &str)> {
    rows.iter()
        .filter(|r| r.section == "Premium time" && r.term != "Combine rule")
        .map(|r| (r.term.as_str(), r.text.as_str()))
        .collect()
}

#[test]
fn premium_stretches_share_a_row_across_days() {
    const WEEKDAYS: [Weekday; 5] = [Mon, Tue, Wed, Thu, Fri];
    let nights = with_windows(vec![window("n", &WEEKDAYS, "21:00", "07:00", "1/2")]);
    assert_eq!(
        premium_rows(&describe(&nights, aug_2016())),
        [
            ("Mon–Fri 21:00–07:00", "50%"),
            ("Tue–Fri 07:00–21:00", "plain time"),
            // Saturday morning to Monday evening: one stretch, by its start.
            ("Sat 07:00 – Mon 21:00", "plain time"),
        ]
    );

    // Whole days count day by day; a stretch across the week's end starts on
    // Sunday; windows that meet join.
    let weekend = with_windows(vec![
        window("sat", &[Sat], "00:00", "24:00", "1/3"),
        window("sun", &[Sun], "00:00", "24:00", "1/3"),
    ]);
    assert_eq!(
        premium_rows(&describe(&weekend, aug_2016())),
        [
            ("Mon–Fri 00:00–24:00", "plain time"),
            ("Sat, Sun 00:00–24:00", "33⅓%")
        ]
    );
    let long = with_windows(vec![
        window("sat", &[Sat], "17:00", "24:00", "1/2"),
        window("sun", &[Sun], "00:00", "07:00", "1/2"),
        window("sun-mon", &[Sun], "07:00", "07:00", "1/2"),
    ]);
    assert_eq!(
        premium_rows(&describe(&long, aug_2016())),
        [
            ("Mon 07:00 – Sat 17:00", "plain time"),
            ("Sat 17:00 – Mon 07:00", "50%"),
        ]
    );
    let none = with_windows(vec![]);
    assert_eq!(
        premium_rows(&describe(&none, aug_2016())),
        [("Mon–Sun 00:00–24:00", "plain time")]
    );
    let every_night = with_windows(vec![window("n", &EVERY_DAY, "23:00", "06:00", "1/2")]);
    let rows = diff(&nights, &every_night, aug_2016());
    let night_rows: Vec<(&str, &str, &str)> = rows
        .iter()
        .filter(|r| r.section == "Premium time" && r.term != "Combine rule")
        .map(|r| (r.term.as_str(), r.a.as_str(), r.b.as_str()))
        .collect();
    assert_eq!(
        night_rows,
        [
            // Monday 00:00–06:00 belongs to Sunday's row (B's Sunday night).
            ("Mon 06:00–21:00", "plain time", "plain time"),
            ("Mon–Fri 21:00–23:00", "50%", "plain time"),
            ("Mon–Fri 23:00–06:00", "50%", "50%"),
            // A's nights end at 07:00, B's at 06:00: Tuesday to Saturday mornings.
            ("Tue–Sat 06:00–07:00", "50%", "plain time"),
            ("Tue–Fri 07:00–21:00", "plain time", "plain time"),
            ("Sat 07:00–23:00", "plain time", "plain time"),
            ("Sat, Sun 23:00–06:00", "plain time", "50%"),
            ("Sun 06:00–23:00", "plain time", "plain time"),
        ]
    );
}

#[test]
fn limits_on_one_term_are_told_apart_and_nothing_is_lost() {
    let mut a = with_windows(vec![]);
    let shift = |minutes| LimitRule::MaxShiftLength {
        minutes,
        include_on_call: false,
        weekend_minutes: None,
    };
    let mut on_call_only = limit("oc", shift(1920));
    on_call_only.applies_to = vec![RotaType::OnCall];
    a.terms.rest.limits = vec![limit("x", shift(780)), limit("y", shift(720)), on_call_only];
    a.terms.allowances = vec![
        allowance("lw", "1000", false),
        allowance("lw", "2000", true),
    ];
    let texts =
        |rows: &[offer_compare::engine::terms::TermRow], section: &str| -> Vec<(String, String)> {
            rows.iter()
                .filter(|r| r.section == section)
                .map(|r| (r.term.clone(), r.text.clone()))
                .collect()
        };
    let rows = describe(&a, aug_2016());
    let limits: Vec<(String, String)> = texts(&rows, "Limits")
        .into_iter()
        .filter(|(term, _)| term.starts_with("Max shift"))
        .collect();
    assert_eq!(
        limits,
        [
            ("Max shift length".into(), format!("at most 13 h{FLAGGED}")),
            (
                "Max shift length (2)".into(),
                format!("at most 12 h{FLAGGED}")
            ),
            (
                "Max shift length (on-call rota)".into(),
                format!("at most 32 h{FLAGGED}")
            ),
        ]
    );
    assert_eq!(
        texts(&rows, "Allowances"),
        [
            ("lw".into(), "lw: £1,000.00 a year".into()),
            (
                "lw (2)".into(),
                "lw: £2,000.00 a year, pro rata LTFT".into()
            ),
        ]
    );
    // Against an offer with one 13-hour limit, the first pairs with it.
    let mut b = with_windows(vec![]);
    b.terms.rest.limits = vec![limit("max-13h", shift(780))];
    let limit_rows: Vec<(String, bool)> = diff(&a, &b, aug_2016())
        .into_iter()
        .filter(|r| r.term.starts_with("Max shift"))
        .map(|r| (r.term, r.differs))
        .collect();
    assert_eq!(
        limit_rows,
        [
            ("Max shift length".into(), false),
            ("Max shift length (2)".into(), true),
            ("Max shift length (on-call rota)".into(), true),
        ]
    );
}

#[test]
fn an_offer_without_a_scale_at_the_date_says_so() {
    let rows = diff(&preset("tcs-2016@1"), &preset("tcs-today@1"), aug_2016());
    let basic: Vec<(&str, &str)> = rows
        .iter()
        .filter(|r| r.section == "Basic pay" && r.differs)
        .map(|r| (r.term.as_str(), r.b.as_str()))
        .collect();
    assert!(basic.contains(&("Scale period", "no scale at this date")));
    assert!(basic.contains(&("FY1", "—")));
}

#[test]
fn odd_offers_diff_without_panicking() {
    use offer_compare::engine::offer::{Combine, CountingUnit, FrequencyCondition, OneIn};
    let huge = "79228162514264337593543950335";
    let mut odd = with_windows(vec![
        window("huge", &EVERY_DAY, "00:00", "12:00", huge),
        window("also-huge", &EVERY_DAY, "06:00", "18:00", huge),
        window("zero", &[Sat], "07:00", "17:00", "0"),
        window("no-days", &[], "07:00", "17:00", "1/2"),
        window("all-day", &[Sun], "09:00", "09:00", "1/7"),
    ]);
    odd.terms.premium_windows[2].condition = Some(FrequencyCondition {
        counts: CountingUnit::WindowDaysWorked,
        at_least: OneIn { one_in: 0 },
        kinds: vec![],
    });
    odd.terms.pay_scale.periods[0].grades = Default::default();
    let mut many = with_windows(
        (0..70)
            .map(|i| window(&format!("w{i}"), &[Mon], "00:00", "00:01", "1/3"))
            .collect(),
    );
    many.terms.combine = Combine::Additive;
    many.terms.pay_scale.periods[0].grades.insert(
        offer_compare::engine::offer::Grade::FY1,
        vec!["missing".into(), "P".into()],
    );
    let offers = [odd, many, preset("contract-2002@1")];
    for a in &offers {
        for b in &offers {
            let rows = diff(a, b, aug_2016());
            assert!(rows.iter().any(|r| r.section == "Premium time"));
            assert!(!describe(a, date("1900-01-01")).is_empty());
        }
    }
    let described = describe(&offers[1], aug_2016());
    let fy1 = described.iter().find(|r| r.term == "FY1").unwrap();
    assert_eq!(
        fy1.text,
        "missing (not in the scale), £30,000.00 (missing to P)"
    );
}

mod command_line {
    use offer_compare::cli::run;
    use offer_compare::presets::OFFER_FILES;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn diffs_presets_files_and_scenario_offers() {
        let out = run(&args(&["diff", "imposed-2016-02@1", "tcs-2016@1"])).unwrap();
        assert!(out.starts_with("Terms at 2016-08-03\n  A: Imposed contract, Feb 2016"));
        assert!(out.contains("\nSection "), "{out}");
        let line = out
            .lines()
            .find(|l| l.contains("Mon–Sun 21:00–07:00"))
            .unwrap();
        assert!(
            line.starts_with("Premium time ") && line.contains(" | 50% "),
            "{line}"
        );
        assert!(line.ends_with("| 37%"), "{line}");
        // Only differing rows without --all.
        assert!(!out.contains("Full-time hours"));

        let all = run(&args(&[
            "diff",
            "imposed-2016-02@1",
            "tcs-2016@1",
            "--all",
            "--date",
            "2016-10-01",
        ]))
        .unwrap();
        assert!(all.starts_with("Terms at 2016-10-01\n"));
        assert!(all
            .lines()
            .any(|l| l.starts_with("  Hours ") && l.contains("Full-time hours")));
        assert!(all.lines().any(|l| l.starts_with("≠ Premium time ")));

        // A file holding the same offer as a preset gives the same table.
        let dir = std::env::temp_dir().join(format!("offer-compare-terms-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("imposed.json");
        let (_, text) = OFFER_FILES
            .iter()
            .find(|(k, _)| *k == "imposed-2016-02@1")
            .unwrap();
        std::fs::write(&file, text).unwrap();
        let from_file = run(&args(&["diff", file.to_str().unwrap(), "tcs-2016@1"])).unwrap();
        assert_eq!(from_file, out);
        std::fs::remove_dir_all(&dir).ok();

        // Offers of a scenario, at its pay date (26 Apr 2016): Nov 2015 nights
        // start at 22:00, Jan 2016 at 21:00.
        let scenario = run(&args(&[
            "diff",
            "examples/inline-offers.json",
            "gov-offer-2015-11",
            "gov-offer-2016-01@1",
        ]))
        .unwrap();
        assert!(scenario.starts_with("Terms at 2016-04-26\n"), "{scenario}");
        assert!(scenario
            .lines()
            .any(|l| l.contains("Mon–Fri 21:00–22:00") && l.ends_with("| 50%")));
    }

    #[test]
    fn names_what_it_cannot_find() {
        let err = run(&args(&["diff", "nope@1", "tcs-2016@1"])).unwrap_err();
        assert!(
            err.starts_with("nope@1: neither a preset (known: "),
            "{err}"
        );
        assert!(err.contains("tcs-2016@1"), "{err}");
        let err = run(&args(&[
            "diff",
            "examples/inline-offers.json",
            "gov-offer-2015-11",
            "x",
        ]))
        .unwrap_err();
        assert_eq!(
            err,
            "examples/inline-offers.json: no offer 'x' (offers: gov-offer-2015-11, gov-offer-2016-01)"
        );
        let err = run(&args(&["diff", "tcs-2016@1"])).unwrap_err();
        assert!(err.starts_with("diff needs two offers\nusage:"), "{err}");
        let err = run(&args(&["diff", "a", "b", "--date", "2016-13-01"])).unwrap_err();
        assert!(
            err.starts_with("--date: '2016-13-01' is not a date"),
            "{err}"
        );
        let err = run(&args(&["diff", "a", "b", "--bogus"])).unwrap_err();
        assert!(err.starts_with("unknown option '--bogus'"), "{err}");
        let help = run(&args(&["diff", "--help"])).unwrap();
        assert!(help.contains("offer-compare diff A B [--date YYYY-MM-DD] [--all]"));
    }
}
