//! Presets: every released offer and rota parses, carries its sources, computes
//! over every rota, and reproduces hand-worked figures; released files never
//! change; the BMA reconstruction's basic reduction is what bisection finds.
//!
//! Hand arithmetic: hourly = basic ÷ 52.143 ÷ 40 and a line is hourly × rate ×
//! hours a week × 52.143, so the 52.143s cancel: a premium line is
//! basic ÷ 40 × uplift × premium hours a week. Lines are rounded to the penny
//! (halves away from zero); the 2016 TCS allowances up to whole pounds, as the
//! pay circulars print them.
use crate::common::fnv1a64;
use offer_compare::engine::compare::{compare, ColumnResult};
use offer_compare::engine::offer::{Marker, Offer, ScalePeriod};
use offer_compare::engine::rota::Rota;
use offer_compare::engine::scenario::Scenario;
use offer_compare::presets::{
    find_offer, find_rota, load_offers, load_rotas, offer_key, offer_presets, rota_presets,
    OFFER_FILES, ROTA_FILES,
};
use rust_decimal::Decimal;
use serde_json::{json, Value};
use std::str::FromStr;

fn d(text: &str) -> Decimal {
    Decimal::from_str(text).expect("decimal")
}

fn offer(key: &str) -> Offer {
    find_offer(key).unwrap_or_else(|| panic!("offer preset {key}"))
}

fn rota(key: &str) -> Rota {
    find_rota(key)
        .unwrap_or_else(|| panic!("rota preset {key}"))
        .rota
}

/// One doctor (full time, 0 years at grade), one rota, one column "c".
fn scenario(
    offer: &Offer,
    rota: &Rota,
    grade: &str,
    pay_date: &str,
    reading: Option<(&str, &str)>,
) -> Scenario {
    let mut column = json!({"id": "c", "offer": offer.id, "rota": rota.id});
    if let Some((rule, chosen)) = reading {
        column["readings"] = json!({ rule: chosen });
    }
    serde_json::from_value(json!({
        "version": 1,
        "title": "preset test",
        "pay_date": pay_date,
        "doctor": {"grade": grade},
        "rotas": [rota],
        "offers": [offer],
        "columns": [column],
    }))
    .expect("scenario builds")
}

fn run(offer: &Offer, rota: &Rota, grade: &str, pay_date: &str) -> ColumnResult {
    run_reading(offer, rota, grade, pay_date, None)
}

fn run_reading(
    offer: &Offer,
    rota: &Rota,
    grade: &str,
    pay_date: &str,
    reading: Option<(&str, &str)>,
) -> ColumnResult {
    let s = scenario(offer, rota, grade, pay_date, reading);
    let mut c = compare(&s, offer_compare::reference()).unwrap_or_else(|e| {
        panic!(
            "{} on {} ({grade}, {pay_date}): {e:?}",
            offer_key(offer),
            rota.id
        )
    });
    c.columns.remove(0)
}

fn column(offer_key: &str, rota_key: &str, grade: &str, pay_date: &str) -> ColumnResult {
    run(&offer(offer_key), &rota(rota_key), grade, pay_date)
}

fn value(c: &ColumnResult, id: &str) -> Option<Decimal> {
    c.figure(id).map(|f| f.value)
}

/// Asserts each listed figure, and that the gross is the sum of every line.
fn assert_figures(c: &ColumnResult, expected: &[(&str, Option<&str>)]) {
    for (id, want) in expected {
        assert_eq!(
            value(c, id),
            want.map(d),
            "{id} of {} on {}",
            c.offer_id,
            c.rota_id
        );
    }
    let sum: Decimal = c.pay.lines.iter().map(|l| l.value).sum();
    assert_eq!(Some(sum), value(c, "gross_annual"));
}

const MY_OFFERS: [&str; 8] = [
    "gov-offer-2015-11@1",
    "gov-offer-2016-01@1",
    "gov-final-offer-2016-02-09@1",
    "imposed-2016-02@1",
    "bma-position-2016-02@1",
    "tcs-2016@1",
    "tcs-2019@1",
    "tcs-today@1",
];

const ROTAS: [&str; 8] = [
    "fy1-ward@1",
    "fy2-medical@1",
    "core-surgical@1",
    "em-evenings@1",
    "registrar-on-call@1",
    "anaesthetics-24h-on-call@1",
    "ltft-60@1",
    "breaches-2016@1",
];

// ---------------------------------------------------------------- parsing

#[test]
fn every_preset_parses_and_is_found_by_its_key() {
    let (offers, errors) = load_offers();
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(offers.len(), OFFER_FILES.len());
    let (rotas, errors) = load_rotas();
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(rotas.len(), ROTA_FILES.len());
    assert_eq!(offer_presets().len(), OFFER_FILES.len());
    assert_eq!(rota_presets().len(), ROTA_FILES.len());

    for key in MY_OFFERS {
        let o = offer(key);
        assert_eq!(offer_key(&o), key);
        assert_eq!(o.version, 1);
    }
    for key in ROTAS {
        let r = find_rota(key).expect("rota preset");
        assert_eq!(r.key, key);
        assert_eq!(format!("{}@1", r.rota.id), key);
    }
    let mut keys: Vec<&str> = OFFER_FILES.iter().map(|(k, _)| *k).collect();
    keys.extend(ROTA_FILES.iter().map(|(k, _)| *k));
    let mut unique = keys.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), keys.len(), "keys are unique");

    // A version that was never released is not found; a bare id is not a key.
    assert_eq!(offer("tcs-2016@2").version, 2);
    assert!(find_offer("tcs-2016@3").is_none());
    assert!(find_offer("tcs-2016").is_none());
    assert!(find_rota("fy1-ward@2").is_none());
}

#[test]
fn a_key_that_does_not_match_the_file_is_an_error_not_a_panic() {
    let text = OFFER_FILES[0].1;
    let e = offer_compare::presets::parse_offer("something-else@1", text).unwrap_err();
    assert!(e.message.contains("not something-else@1"), "{e}");
    let e = offer_compare::presets::parse_offer("x@1", "{\"id\": 1}").unwrap_err();
    assert_eq!(e.key, "x@1");
    let e = offer_compare::presets::parse_rota("fy1-ward@1", "[]").unwrap_err();
    assert_eq!(e.key, "fy1-ward@1");
}

#[test]
fn every_offer_has_a_name_dated_status_sources_and_assumptions() {
    for o in offer_presets() {
        let key = offer_key(&o);
        assert!(!o.name.trim().is_empty(), "{key}: name");
        assert!(!o.status.is_empty(), "{key}: status");
        assert!(
            o.status.windows(2).all(|w| w[0].date <= w[1].date),
            "{key}: status oldest first"
        );
        assert!(
            o.status.iter().all(|e| !e.status.trim().is_empty()),
            "{key}: status text"
        );
        assert!(!o.sources.is_empty(), "{key}: sources");
        assert!(
            o.sources
                .iter()
                .all(|s| !s.id.trim().is_empty() && !s.title.trim().is_empty()),
            "{key}: source id and title"
        );
        assert!(!o.assumptions.is_empty(), "{key}: assumptions");
    }
    // The reconstruction says so in its name and first assumption.
    let bma = offer("bma-position-2016-02@1");
    assert!(bma.name.contains("the BMA never published numbers"));
    assert!(bma.assumptions[0].starts_with("RECONSTRUCTION"));
    // The unverified 2026/27 values are labelled in the assumptions and the period.
    let today = offer("tcs-today@1");
    assert!(today
        .assumptions
        .iter()
        .any(|a| a.contains("2026/27") && a.contains("ASSUMED")));
}

const VALUE_KEYS: [&str; 5] = ["annual", "value", "uplift", "rate", "multiplier"];
const MARKERS: [&str; 4] = ["verified", "secondary", "derived", "assumed"];

fn has_source(o: &serde_json::Map<String, Value>) -> bool {
    o.get("source")
        .and_then(Value::as_str)
        .is_some_and(|s| !s.trim().is_empty())
}

fn has_marker(o: &serde_json::Map<String, Value>) -> bool {
    o.get("marker")
        .and_then(Value::as_str)
        .is_some_and(|m| MARKERS.contains(&m))
}

/// Every value-bearing object must say where its value comes from and how sure
/// it is. Frequency bands are covered by their allowance; a shift rule's
/// sources are its readings' (it has no source of its own) and its marker
/// covers them.
fn walk(v: &Value, path: &str, parent_key: &str, problems: &mut Vec<String>) {
    match v {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                walk(item, &format!("{path}[{i}]"), parent_key, problems);
            }
        }
        Value::Object(o) => {
            let valued = o.keys().any(|k| VALUE_KEYS.contains(&k.as_str()));
            let mut need = |ok: bool, what: &str| {
                if !ok {
                    problems.push(format!("{path}: {what}"));
                }
            };
            if parent_key == "bands" {
                // Covered by the allowance (checked below as an object with "bands").
            } else if parent_key == "readings" {
                need(has_source(o), "reading without a source");
            } else if o.contains_key("readings") {
                need(has_marker(o), "shift rule without a marker");
            } else if parent_key == "limits" || o.contains_key("bands") || valued {
                need(has_source(o), "no source");
                need(has_marker(o), "no marker");
            }
            for (k, child) in o {
                walk(child, &format!("{path}.{k}"), k, problems);
            }
        }
        _ => {}
    }
}

#[test]
fn every_value_in_every_offer_carries_a_source_and_a_marker() {
    let mut problems = Vec::new();
    let mut counted = 0;
    for (key, text) in OFFER_FILES {
        let v: Value = serde_json::from_str(text).expect("json");
        walk(&v, key, "", &mut problems);
        counted += text.matches("\"marker\"").count();
    }
    assert!(problems.is_empty(), "{problems:#?}");
    assert!(counted > 100, "{counted} markers");
    // The walk does see the things it must check: a limit without a source fails.
    let tcs_2016 = OFFER_FILES
        .iter()
        .find(|(k, _)| *k == "tcs-2016@1")
        .expect("tcs-2016@1")
        .1;
    let mut v: Value = serde_json::from_str(tcs_2016).expect("json");
    v["terms"]["rest"]["limits"][0]["source"] = json!("");
    v["terms"]["shift_rules"][0]["readings"][1]
        .as_object_mut()
        .expect("reading")
        .remove("source");
    v["terms"]["pay_scale"]["periods"][0]["points"][0]
        .as_object_mut()
        .expect("point")
        .remove("marker");
    let mut found = Vec::new();
    walk(&v, "t", "", &mut found);
    assert_eq!(found.len(), 3, "{found:#?}");
}

#[test]
fn rota_presets_are_described_as_illustrative() {
    for r in rota_presets() {
        assert!(r.description.contains("llustrative"), "{}", r.key);
        assert!(r.rota.name.contains("illustrative"), "{}", r.key);
    }
    let ltft = rota("ltft-60@1");
    let designed = ltft.designed_for_ltft.expect("designed for LTFT");
    let sixty: offer_compare::engine::fraction::Fraction = "0.6".parse().expect("rate");
    assert_eq!(designed.cmp_exact(&sixty), Some(std::cmp::Ordering::Equal));
}

// ---------------------------------------------------------------- computing

#[test]
fn every_offer_computes_over_every_rota_in_every_pay_period_and_explains_every_line() {
    let rotas = rota_presets();
    let mut runs = 0;
    for o in offer_presets() {
        for period in &o.terms.pay_scale.periods {
            let date = period.from.to_string();
            for r in &rotas {
                let c = run(&o, &r.rota, "FY2", &date);
                assert!(value(&c, "gross_annual").is_some_and(|g| g > Decimal::ZERO));
                assert!(value(&c, "basic").is_some_and(|b| b > Decimal::ZERO));
                assert!(!c.rest.checks.is_empty() || o.terms.rest.limits.is_empty());
                // Every explanation evaluates exactly to its line and names its source.
                for f in c.figures() {
                    assert_eq!(
                        f.explanation.evaluate(),
                        Some(f.value),
                        "{} {} {}",
                        o.id,
                        r.key,
                        f.id
                    );
                    let text = offer_compare::engine::explain::render_text(&f.explanation, f.unit);
                    assert!(
                        text.contains(&format!("Source: {}", f.explanation.source)),
                        "{text}"
                    );
                    assert!(
                        !f.explanation.source.contains("no source given"),
                        "{} {}: {text}",
                        o.id,
                        f.id
                    );
                }
                runs += 1;
            }
        }
    }
    assert!(runs >= 8 * 8, "{runs}");
}

// ---------------------------------------------------------------- rota metadata

fn weekends_begun(r: &Rota) -> u32 {
    use offer_compare::engine::time::Weekday;
    let mut weeks: Vec<u8> = r
        .shifts
        .iter()
        .filter(|s| matches!(s.day, Weekday::Sat | Weekday::Sun))
        .map(|s| s.week)
        .collect();
    weeks.sort();
    weeks.dedup();
    weeks.len() as u32
}

#[test]
fn rota_metadata_equals_the_engines_figures_under_the_2016_tcs() {
    let tcs = offer("tcs-2016@1");
    for preset in rota_presets() {
        let key = &preset.key;
        let e = &preset.expected;
        let c = run(&tcs, &preset.rota, "FY2", "2017-04-01");
        assert_eq!(
            value(&c, "average_weekly_hours"),
            Some(e.average_weekly_hours),
            "{key}: average weekly hours"
        );
        let metric = |id: &str| c.metric(id).map(|m| m.value);
        assert_eq!(
            metric("rest:average_weekly_work"),
            Some(e.average_weekly_hours),
            "{key}"
        );
        assert_eq!(
            metric("rest:nights"),
            Some(Decimal::from(e.nights_per_cycle)),
            "{key}: nights"
        );
        assert_eq!(
            metric("rest:longest_shift"),
            Some(e.longest_shift_hours),
            "{key}: longest shift"
        );
        assert_eq!(
            weekends_begun(&preset.rota),
            e.weekends_worked,
            "{key}: weekends"
        );
        // The weekend allowance counts the same weekends (shift beginning Sat/Sun).
        let noun = if e.weekends_worked == 1 {
            "weekend"
        } else {
            "weekends"
        };
        let note = format!("Weekend allowance: {} {noun} worked", e.weekends_worked);
        assert!(
            c.pay.notes.iter().any(|n| n.starts_with(&note)),
            "{key}: {:?}",
            c.pay.notes
        );
        let mut failed: Vec<&str> = c
            .rest
            .checks
            .iter()
            .filter(|k| !k.passed)
            .map(|k| k.id.as_str())
            .collect();
        failed.sort();
        let mut expected: Vec<&str> = e.breaches.iter().map(String::as_str).collect();
        expected.sort();
        assert_eq!(failed, expected, "{key}: breaches");
        for id in &expected {
            assert!(
                tcs.terms.rest.limits.iter().any(|l| &l.id == id),
                "{key}: {id} is a tcs-2016 limit"
            );
        }
    }
}

// ---------------------------------------------------------------- released files

/// Every released preset file and the FNV-1a hash of its bytes. A released
/// preset never changes: a correction is a new file with a new version, added
/// here.
const RELEASED: &[(&str, u64)] = &[
    ("offers/bma-position-2016-02@1.json", 0xcfc8_c07d_7442_95af),
    ("offers/bma-position-2016-02@2.json", 0x492a_2ad9_9aad_430e),
    ("offers/contract-2002@1.json", 0x62c5_4514_5200_85bb),
    ("offers/contract-2002@2.json", 0x46b8_e044_87a1_b8d6),
    ("offers/contract-2002@3.json", 0xbf9c_56ed_a943_3764),
    (
        "offers/gov-final-offer-2016-02-09@1.json",
        0x69c3_d2dd_499c_dc94,
    ),
    (
        "offers/gov-final-offer-2016-02-09@2.json",
        0xe018_6e34_1819_bed8,
    ),
    ("offers/gov-offer-2015-11@1.json", 0xe7b0_d690_2439_2e8e),
    ("offers/gov-offer-2015-11@2.json", 0x943e_35b6_b5f5_0321),
    ("offers/gov-offer-2016-01@1.json", 0x1feb_03ad_0da0_4bd6),
    ("offers/gov-offer-2016-01@2.json", 0xc991_93c6_5431_356f),
    ("offers/imposed-2016-02@1.json", 0x5f48_35e4_4fc9_68f0),
    ("offers/imposed-2016-02@2.json", 0xf8bb_d72d_3ce1_7fbc),
    ("offers/tcs-2016@1.json", 0xeedd_e9e9_2588_16c1),
    ("offers/tcs-2016@2.json", 0x9b14_cde7_f437_4da8),
    ("offers/tcs-2019@1.json", 0x3224_c71c_f90f_f061),
    ("offers/tcs-2019@2.json", 0x8be9_0320_e84a_16b7),
    ("offers/tcs-today@1.json", 0x4b3b_a214_076b_8539),
    ("offers/tcs-today@2.json", 0x751a_47f7_3f69_412d),
    ("offers/tcs-today@3.json", 0x1b5e_c549_0481_ee59),
    (
        "rotas/anaesthetics-24h-on-call@1.json",
        0xff05_2a2e_e572_898b,
    ),
    ("rotas/breaches-2016@1.json", 0x1bef_af5a_9491_da13),
    ("rotas/core-surgical@1.json", 0xed7e_8c1f_5b4a_c770),
    ("rotas/em-26-week@1.json", 0x4939_14cc_0b88_87fe),
    ("rotas/em-evenings@1.json", 0x8022_0d7d_96a1_6777),
    ("rotas/fy1-ward@1.json", 0xc299_656a_2230_bbc6),
    ("rotas/fy2-medical@1.json", 0x3957_ef51_64e5_471c),
    ("rotas/ltft-60@1.json", 0xbee1_445a_d52c_8126),
    ("rotas/registrar-on-call@1.json", 0xb468_35c9_af5d_8570),
];

#[test]
fn released_preset_files_never_change_or_disappear() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/presets");
    let mut on_disk = Vec::new();
    for sub in ["offers", "rotas"] {
        for entry in std::fs::read_dir(dir.join(sub)).expect("preset directory") {
            let name = entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .to_string();
            if name.ends_with(".json") {
                on_disk.push(format!("{sub}/{name}"));
            }
        }
    }
    on_disk.sort();
    let mut released: Vec<String> = RELEASED.iter().map(|(p, _)| p.to_string()).collect();
    released.sort();
    assert_eq!(
        on_disk, released,
        "every preset file must be in RELEASED (add new files with their hash)"
    );
    for (path, hash) in RELEASED {
        let bytes = std::fs::read(dir.join(path)).unwrap_or_else(|_| panic!("{path} is gone"));
        assert_eq!(
            fnv1a64(&bytes),
            *hash,
            "{path} changed: a released preset never changes, add a new version instead \
             (its hash is now {:#018x})",
            fnv1a64(&bytes)
        );
        // The embedded text is the file.
        let (sub, file) = path.split_once('/').expect("path");
        let key = file.trim_end_matches(".json");
        let table = if sub == "offers" {
            OFFER_FILES
        } else {
            ROTA_FILES
        };
        let text = table
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, t)| *t)
            .unwrap_or_else(|| panic!("{key} is not embedded"));
        // Embedded without layout (build.rs): the same JSON, byte for byte
        // apart from whitespace between tokens.
        let file: Value = serde_json::from_slice(&bytes).expect("json");
        let embedded: Value = serde_json::from_str(text).expect("json");
        assert_eq!(embedded, file, "{key} embedded");
        assert!(
            text.len() < bytes.len() && !text.contains("\n  "),
            "{key} minified"
        );
    }
    assert_eq!(OFFER_FILES.len() + ROTA_FILES.len(), RELEASED.len());
}

// ---------------------------------------------------------------- golden figures

#[test]
fn golden_gov_offer_2015_11_fy2_medical() {
    // FY2 → F2 £31,600 (assumed mapping); basic ÷ 40 = £790 per weekly hour a year.
    // Rota: 357 h in 8 weeks = 44.625 h/week → 4.625 additional hours × 790 = £3,653.75.
    // Nights 22:00–07:00 at 50%: seven 20:00–08:30 nights × 9 h = 63 h / 8 = 7.875 h/week
    //   → 790 × 0.5 × 7.875 = 3,110.625 → £3,110.63.
    // Saturday 19:00–22:00 at 1/3: long day 19:00–20:30 (1.5 h) + Saturday night 20:00–22:00 (2 h)
    //   = 3.5 h / 8 = 0.4375 h/week → 790 × 0.4375 ÷ 3 = 115.2083 → £115.21.
    // Sunday 07:00–22:00 at 1/3: long day 12.5 h + end of Saturday night 07:00–08:30 (1.5 h)
    //   + start of Sunday night 20:00–22:00 (2 h) = 16 h / 8 = 2 h/week → 790 × 2 ÷ 3 = £526.67.
    // Gross = 31,600 + 3,653.75 + 3,110.63 + 115.21 + 526.67 = £39,006.26.
    let c = column("gov-offer-2015-11@1", "fy2-medical@1", "FY2", "2016-08-03");
    assert_eq!(c.pay.pay_year, "2016/17 (proposed)");
    assert_figures(
        &c,
        &[
            ("basic", Some("31600.00")),
            ("additional_hours", Some("3653.75")),
            ("premium:night", Some("3110.63")),
            ("premium:sat-evening", Some("115.21")),
            ("premium:sunday", Some("526.67")),
            ("gross_annual", Some("39006.26")),
        ],
    );
    assert_eq!(c.pay.lines.len(), 5);
}

#[test]
fn golden_gov_offer_2016_01_em_evenings() {
    // FY1 → NP1 £26,350 (assumed Aug 2016 value); ÷ 40 = £658.75.
    // 270 h in 6 weeks = 45 h/week → 5 × 658.75 = £3,293.75 additional.
    // Nights 21:00–07:00 at 50%: 9 lates 14:00–00:00 × 3 h + 8 twilights 15:00–01:00 × 4 h
    //   + 4 nights 22:00–08:00 × 9 h = 27 + 32 + 36 = 95 h / 6 weeks
    //   → 658.75 × 0.5 × 95 ÷ 6 = 5,215.104 → £5,215.10.
    // Saturday 17:00–21:00 at 1/3: Saturday twilight 4 h + Saturday late 4 h = 8 h / 6
    //   → 658.75 × 8 ÷ 18 = 292.78.
    // Sunday 07:00–21:00 at 1/3: Sunday twilight 15:00–21:00 (6 h) + Sunday late 14:00–21:00 (7 h)
    //   = 13 h / 6 → 658.75 × 13 ÷ 18 = 475.764 → £475.76.
    // Gross = 26,350 + 3,293.75 + 5,215.10 + 292.78 + 475.76 = £35,627.39.
    let c = column("gov-offer-2016-01@1", "em-evenings@1", "FY1", "2016-04-26");
    assert_figures(
        &c,
        &[
            ("basic", Some("26350.00")),
            ("additional_hours", Some("3293.75")),
            ("premium:night", Some("5215.10")),
            ("premium:sat-evening", Some("292.78")),
            ("premium:sunday", Some("475.76")),
            ("gross_annual", Some("35627.39")),
        ],
    );
}

#[test]
fn golden_gov_final_offer_saturday_30_percent_at_1_in_4_and_not_at_1_in_8() {
    // FY2 → NP2 £30,500 (assumed); ÷ 40 = £762.50. fy1-ward: 181.5 h / 4 weeks = 45.375 h/week
    //   → 5.375 × 762.5 = 4,098.4375 → £4,098.44 additional.
    // One Saturday in 4 has work in 07:00–17:00 (count × 4 ≥ 4 weeks): the 30% applies to
    //   Saturday 08:00–17:00 = 9 h / 4 = 2.25 h/week → 762.5 × 0.3 × 2.25 = 514.6875 → £514.69.
    // Saturday 17:00–21:00 at 1/3: 17:00–20:30 = 3.5 h / 4 → 762.5 × 0.875 ÷ 3 = £222.40.
    // Sunday 07:00–21:00 at 1/3: 12.5 h / 4 → 762.5 × 3.125 ÷ 3 = 794.27.
    // Gross = 30,500 + 4,098.44 + 514.69 + 222.40 + 794.27 = £36,129.80.
    let c = column(
        "gov-final-offer-2016-02-09@1",
        "fy1-ward@1",
        "FY2",
        "2016-08-03",
    );
    assert_figures(
        &c,
        &[
            ("basic", Some("30500.00")),
            ("additional_hours", Some("4098.44")),
            ("premium:sat-day", Some("514.69")),
            ("premium:sat-evening", Some("222.40")),
            ("premium:sunday", Some("794.27")),
            ("premium:night", None),
            ("gross_annual", Some("36129.80")),
        ],
    );
    assert!(c
        .pay
        .notes
        .iter()
        .any(|n| n.contains("1 in 4 or more often, so the premium applies")));
    // registrar-on-call works one Saturday (on call, 08:00–13:00) in 8: short of 1 in 4.
    let c = column(
        "gov-final-offer-2016-02-09@1",
        "registrar-on-call@1",
        "FY2",
        "2016-08-03",
    );
    assert_eq!(value(&c, "premium:sat-day"), None);
    assert!(c.pay.notes.iter().any(|n| n.contains("does not apply")));
}

#[test]
fn golden_imposed_2016_02_core_surgical_st3() {
    // ST3 → NP4 £45,750 (assumed); ÷ 40 = £1,143.75. 286.5 h / 6 weeks = 47.75 h/week
    //   → 7.75 × 1,143.75 = 8,864.0625 → £8,864.06 additional.
    // Saturdays with work in 07:00–17:00: week 2 (long day) and week 6 (Friday night ends
    //   Saturday 08:30) = 2 in 6, at least 1 in 4, so the 30% applies to 9 h + 1.5 h = 10.5 h / 6
    //   = 1.75 h/week → 1,143.75 × 0.3 × 1.75 = 600.46875 → £600.47.
    // Nights 21:00–07:00 at 50%: seven 20:00–08:30 nights × 10 h = 70 h / 6
    //   → 1,143.75 × 0.5 × 70 ÷ 6 = 6,671.875 → £6,671.88.
    // Saturday 17:00–21:00 at 1/3: long day 3.5 h + Saturday night 20:00–21:00 1 h = 4.5 h / 6
    //   = 0.75 h/week → 1,143.75 × 0.75 ÷ 3 = 285.9375 → £285.94.
    // All of Sunday at 1/3 (night hours take the 50%): long day 12.5 h + 07:00–08:30 after the
    //   Saturday night 1.5 h + Sunday night 20:00–21:00 1 h = 15 h / 6 = 2.5 h/week
    //   → 1,143.75 × 2.5 ÷ 3 = 953.125 → £953.13.
    // Gross = 45,750 + 8,864.06 + 600.47 + 6,671.88 + 285.94 + 953.13 = £63,125.48.
    let c = column("imposed-2016-02@1", "core-surgical@1", "ST3", "2016-08-03");
    assert_figures(
        &c,
        &[
            ("basic", Some("45750.00")),
            ("additional_hours", Some("8864.06")),
            ("premium:sat-day", Some("600.47")),
            ("premium:night", Some("6671.88")),
            ("premium:sat-evening", Some("285.94")),
            ("premium:sunday", Some("953.13")),
            ("gross_annual", Some("63125.48")),
        ],
    );
    // Its limits: no consecutive weekends (weeks 2 and 6 of 6) and the rest pass.
    assert!(
        c.rest.checks.iter().all(|k| k.passed),
        "{:?}",
        c.rest.checks
    );
}

#[test]
fn golden_tcs_2016_fy2_medical_2017_18_reproduces_the_circular() {
    // FY2 → NP2, 2017/18 (PC 1/2017) £30,805; ÷ 40 = £770.125.
    // 44.625 h/week → 4.625 × 770.125 = 3,561.828 → £3,561.83 additional.
    // Night hours 21:00–07:00 at 37%: seven 20:00–08:30 nights × 10 h = 70 h / 8 = 8.75 h/week
    //   → 770.125 × 0.37 × 8.75 = 2,493.2797 → £2,493.28.
    // Night extension (BMA reading: ≥ 8 h starting 20:00–23:59, until 10:00): the rest of each
    //   night, 20:00–21:00 and 07:00–08:30 = 2.5 h × 7 = 17.5 h / 8 = 2.1875 h/week
    //   → 770.125 × 0.37 × 2.1875 = 623.3199 → £623.32.
    // Weekend allowance: weekends beginning with a shift on Sat/Sun: 2 in 8 = 1 in 4
    //   → 7.5% × 30,805 = 2,310.375 → £2,311, as PC (M&D) 1/2017 prints it.
    // Gross = 30,805 + 3,561.83 + 2,493.28 + 623.32 + 2,311 = £39,794.43.
    let c = column("tcs-2016@1", "fy2-medical@1", "FY2", "2017-06-01");
    assert_eq!(c.pay.pay_year, "2017/18");
    assert_figures(
        &c,
        &[
            ("basic", Some("30805.00")),
            ("additional_hours", Some("3561.83")),
            ("premium:night", Some("2493.28")),
            ("premium:night-extension", Some("623.32")),
            ("allowance:weekend", Some("2311")),
            ("allowance:on-call", None),
            ("gross_annual", Some("39794.43")),
        ],
    );
    // The HSJ reading (more than 8 h, finishing by 10:00) pays these nights the same.
    let c2 = run_reading(
        &offer("tcs-2016@1"),
        &rota("fy2-medical@1"),
        "FY2",
        "2017-06-01",
        Some(("night-extension", "hsj")),
    );
    assert_eq!(value(&c2, "premium:night-extension"), Some(d("623.32")));
}

#[test]
fn golden_tcs_2016_registrar_on_call_2018_19() {
    // ST3 → NP4, 2018/19 (PC 3/2018) £47,132; ÷ 40 = £1,178.30.
    // Expected work 350 h / 8 weeks = 43.75 h/week → 3.75 × 1,178.3 = 4,418.625 → £4,418.63.
    // Night hours: on-call work 01:00–02:00 in five weekday periods and 02:00–03:00 after the
    //   weekend = 6 h / 8 = 0.75 h/week → 1,178.3 × 0.37 × 0.75 = 326.978 → £326.98.
    //   (The night extension applies to worked shifts only.)
    // Weekend allowance: one weekend on call in 8 = 1 in 8 → 3% × 47,132 = 1,413.96 → £1,414.
    // On-call availability: 8% × 47,132 = 3,770.56 → £3,771 (whole pounds up).
    // Gross = 47,132 + 4,418.63 + 326.98 + 1,414 + 3,771 = £57,062.61.
    let c = column("tcs-2016@1", "registrar-on-call@1", "ST3", "2018-04-01");
    assert_figures(
        &c,
        &[
            ("basic", Some("47132.00")),
            ("additional_hours", Some("4418.63")),
            ("premium:night", Some("326.98")),
            ("premium:night-extension", None),
            ("allowance:weekend", Some("1414")),
            ("allowance:on-call", Some("3771")),
            ("gross_annual", Some("57062.61")),
        ],
    );
}

#[test]
fn golden_tcs_2019_em_evenings_and_the_2019_rule_readings() {
    // FY2 → NP2, 2019/20 (PC 2/2019) £32,050; ÷ 40 = £801.25.
    // 45 h/week → 5 × 801.25 = £4,006.25 additional.
    // Night hours 21:00–07:00 at 37%: 95 h / 6 (as in the Jan 2016 test)
    //   → 801.25 × 0.37 × 95 ÷ 6 = 4,693.990 → £4,693.99.
    // Night extension: the four 22:00–08:00 nights add 07:00–08:00 = 4 h / 6
    //   → 801.25 × 0.37 × 4 ÷ 6 = 197.642 → £197.64.
    // 2019 rule (finishes after 00:00 and by 04:00; whole shift): the eight 15:00–01:00 twilights
    //   add 15:00–21:00 = 6 h each = 48 h / 6 = 8 h/week → 801.25 × 0.37 × 8 = £2,371.70.
    //   Lates ending at 00:00 end at 24:00 and do not qualify.
    // Weekend allowance (from 4 Dec 2019): 2 in 6 = 1 in 3 → 10% × 32,050 = £3,205.
    // Gross = 32,050 + 4,006.25 + 4,693.99 + 197.64 + 2,371.70 + 3,205 = £46,524.58.
    let tcs = offer("tcs-2019@1");
    let em = rota("em-evenings@1");
    let c = run(&tcs, &em, "FY2", "2019-08-07");
    assert_figures(
        &c,
        &[
            ("basic", Some("32050.00")),
            ("additional_hours", Some("4006.25")),
            ("premium:night", Some("4693.99")),
            ("premium:night-extension", Some("197.64")),
            ("premium:ends-00-04", Some("2371.70")),
            ("allowance:weekend", Some("3205")),
            ("gross_annual", Some("46524.58")),
        ],
    );
    // Reading "normal windows only": the rule adds nothing → 46,524.58 − 2,371.70 = £44,152.88.
    let c = run_reading(
        &tcs,
        &em,
        "FY2",
        "2019-08-07",
        Some(("ends-00-04", "normal-windows-only")),
    );
    assert_figures(
        &c,
        &[
            ("premium:ends-00-04", None),
            ("gross_annual", Some("44152.88")),
        ],
    );
}

#[test]
fn golden_tcs_2019_np5_from_october_2020() {
    // ST6 is on NP4 (£49,036, PC 1/2020) until 6 Oct 2020 and on NP5 (£52,036) from 7 Oct 2020.
    let before = column("tcs-2019@1", "fy1-ward@1", "ST6", "2020-10-06");
    let after = column("tcs-2019@1", "fy1-ward@1", "ST6", "2020-10-07");
    assert_eq!(value(&before, "basic"), Some(d("49036.00")));
    assert_eq!(value(&after, "basic"), Some(d("52036.00")));
    // ST5 stays on NP4.
    let st5 = column("tcs-2019@1", "fy1-ward@1", "ST5", "2020-10-07");
    assert_eq!(value(&st5, "basic"), Some(d("49036.00")));
}

#[test]
fn golden_tcs_today_anaesthetics_24h_on_call_2025_26() {
    // FY1 → NP1, 2025/26 (HCSA) £38,831; ÷ 40 = £970.775.
    // Expected work 381.5 h / 8 weeks = 47.6875 h/week → 7.6875 × 970.775 = 7,462.833 → £7,462.83.
    // Night hours: each 24-h resident period has work 22:00–01:00 and 03:00–04:30 = 4.5 h × 7
    //   = 31.5 h / 8 = 3.9375 h/week → 970.775 × 0.37 × 3.9375 = 1,414.298 → £1,414.30.
    // No night extension or 2019 rule (they apply to worked shifts); no on-call allowance
    //   (resident on call is not non-resident on call).
    // Weekend allowance (2019 table): periods beginning on a Saturday (week 2) and a Sunday
    //   (week 6) = 2 in 8 = 1 in 4 → 7.5% × 38,831 = 2,912.325 → £2,913.
    // Gross = 38,831 + 7,462.83 + 1,414.30 + 2,913 = £50,621.13.
    let c = column(
        "tcs-today@1",
        "anaesthetics-24h-on-call@1",
        "FY1",
        "2025-06-01",
    );
    assert_figures(
        &c,
        &[
            ("basic", Some("38831.00")),
            ("additional_hours", Some("7462.83")),
            ("premium:night", Some("1414.30")),
            ("premium:night-extension", None),
            ("premium:ends-00-04", None),
            ("allowance:on-call", None),
            ("allowance:weekend", Some("2913")),
            ("gross_annual", Some("50621.13")),
        ],
    );
    // 2024/25 NP5 (ST6) £70,425; 2026/27 is labelled as assumed.
    let st6 = column("tcs-today@1", "fy1-ward@1", "ST6", "2024-04-01");
    assert_eq!(value(&st6, "basic"), Some(d("70425.00")));
    let assumed = column("tcs-today@1", "fy1-ward@1", "FY1", "2026-04-01");
    assert_eq!(assumed.pay.pay_year, "2026/27 (assumed)");
    assert_eq!(value(&assumed, "basic"), Some(d("40190.00")));
}

// ---------------------------------------------------------------- the BMA reconstruction

/// The named reference set of the BMA reconstruction (docs/presets.md): every
/// rota preset except the LTFT one, × FY1, FY2 and ST3, equal weights, full
/// time, at 3 Aug 2016. Fixed for bma-position-2016-02@1: new rota presets do
/// not join it.
const BMA_SET_ROTAS: [&str; 7] = [
    "fy1-ward@1",
    "fy2-medical@1",
    "core-surgical@1",
    "em-evenings@1",
    "registrar-on-call@1",
    "anaesthetics-24h-on-call@1",
    "breaches-2016@1",
];
const BMA_SET_GRADES: [&str; 3] = ["FY1", "FY2", "ST3"];
const BMA_SET_DATE: &str = "2016-08-03";

/// Total gross pay over the reference set, equal weights.
fn reference_total(o: &Offer, rotas: &[Rota]) -> Decimal {
    let mut total = Decimal::ZERO;
    for grade in BMA_SET_GRADES {
        for r in rotas {
            total += value(&run(o, r, grade, BMA_SET_DATE), "gross_annual").expect("gross");
        }
    }
    total
}

/// The BMA preset with every point = the imposed contract's point × (1 − c).
fn with_reduction(bma: &Offer, imposed: &Offer, c: Decimal) -> Offer {
    let mut o = bma.clone();
    let base = &imposed.terms.pay_scale.periods[0].points;
    for period in &mut o.terms.pay_scale.periods {
        for p in &mut period.points {
            let ours = base.iter().find(|b| b.id == p.id).expect("same points");
            p.annual = ours.annual * (Decimal::ONE - c);
        }
    }
    o
}

/// The reduction c the shipped preset uses, checked to be one c for every point.
fn shipped_reduction(bma: &Offer, imposed: &Offer) -> Decimal {
    let base = &imposed.terms.pay_scale.periods[0].points;
    let ours = &bma.terms.pay_scale.periods[0].points;
    assert_eq!(base.len(), ours.len());
    let c = Decimal::ONE - ours[0].annual / base[0].annual;
    for (b, p) in base.iter().zip(ours) {
        assert_eq!(b.id, p.id);
        assert_eq!(
            p.annual,
            b.annual * (Decimal::ONE - c),
            "{} × (1 − c)",
            p.id
        );
    }
    c
}

#[test]
fn the_bma_basic_reduction_makes_it_cost_neutral_on_the_reference_set() {
    let imposed = offer("imposed-2016-02@1");
    let bma = offer("bma-position-2016-02@1");
    let rotas: Vec<Rota> = BMA_SET_ROTAS.iter().map(|k| rota(k)).collect();
    assert!(rotas.iter().all(|r| r.designed_for_ltft.is_none()));
    // The set is named and fixed: new rota presets do not change the reconstruction.
    assert_eq!(BMA_SET_ROTAS.len(), 7);
    let target = reference_total(&imposed, &rotas);

    // Bisection: the BMA total falls as c rises. Stop below 0.0001 pp.
    let (mut lo, mut hi) = (Decimal::ZERO, d("0.2"));
    assert!(reference_total(&with_reduction(&bma, &imposed, lo), &rotas) > target);
    assert!(reference_total(&with_reduction(&bma, &imposed, hi), &rotas) < target);
    while hi - lo > d("0.000001") {
        let mid = ((lo + hi) / Decimal::TWO).round_dp(8);
        if reference_total(&with_reduction(&bma, &imposed, mid), &rotas) > target {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    let found = (lo + hi) / Decimal::TWO;

    let shipped = shipped_reduction(&bma, &imposed);
    assert_eq!(shipped, shipped.round_dp(4), "c is in 0.01 pp steps");
    assert!(
        (shipped - found).abs() <= d("0.0001"),
        "shipped c = {shipped}, bisection finds {found}"
    );
    let pct = format!("{:.2}%", shipped * Decimal::ONE_HUNDRED);
    assert!(
        bma.assumptions.iter().any(|a| a.contains(&pct)),
        "the assumptions state c = {pct}"
    );
    // At the shipped c the two totals agree to within 0.01% of the total.
    let at_shipped = reference_total(&bma, &rotas);
    assert!(
        (at_shipped - target).abs() * d("10000") <= target,
        "{at_shipped} vs {target}"
    );
}

#[test]
fn golden_bma_position_core_surgical_st3_and_a_rare_saturday() {
    // ST3 → NP4: the imposed £45,750 × (1 − 0.24%) = £45,640.20; ÷ 40 = £1,141.005.
    // Hours as in the imposed test: 7.75 additional hours/week → 1,141.005 × 7.75 = 8,842.789
    //   → £8,842.79.
    // Saturday 07:00–17:00 at 1/3 for everyone: 1.75 h/week → 1,141.005 × 1.75 ÷ 3 = 665.586
    //   → £665.59 (the imposed contract paid 30%: £600.47).
    // Nights 21:00–07:00 at 50%: 70 h / 6 → 1,141.005 × 0.5 × 70 ÷ 6 = 6,655.8625 → £6,655.86.
    // Saturday 17:00–21:00 at 1/3: 0.75 h/week → 1,141.005 × 0.25 = 285.251 → £285.25.
    // Sunday at 1/3: 2.5 h/week → 1,141.005 × 2.5 ÷ 3 = 950.8375 → £950.84.
    // Gross = 45,640.20 + 8,842.79 + 665.59 + 6,655.86 + 285.25 + 950.84 = £63,040.53.
    let c = column(
        "bma-position-2016-02@1",
        "core-surgical@1",
        "ST3",
        "2016-08-03",
    );
    assert_figures(
        &c,
        &[
            ("basic", Some("45640.20")),
            ("additional_hours", Some("8842.79")),
            ("premium:sat-day", Some("665.59")),
            ("premium:night", Some("6655.86")),
            ("premium:sat-evening", Some("285.25")),
            ("premium:sunday", Some("950.84")),
            ("gross_annual", Some("63040.53")),
        ],
    );
    // anaesthetics-24h-on-call works one Saturday daytime in 8 (on call, 08:00–17:00 of the
    // 08:00–20:00 block = 9 h): the imposed 30% needs 1 in 4, so nothing; the BMA's 1/3 is paid:
    // FY1 → 26,350 × 0.9976 = £26,286.76; ÷ 40 = 657.169 × 9/8 ÷ 3 = 246.438 → £246.44.
    let imposed = column(
        "imposed-2016-02@1",
        "anaesthetics-24h-on-call@1",
        "FY1",
        "2016-08-03",
    );
    assert_eq!(value(&imposed, "premium:sat-day"), None);
    let bma = column(
        "bma-position-2016-02@1",
        "anaesthetics-24h-on-call@1",
        "FY1",
        "2016-08-03",
    );
    assert_eq!(value(&bma, "basic"), Some(d("26286.76")));
    assert_eq!(value(&bma, "premium:sat-day"), Some(d("246.44")));
}

// ---------------------------------------------------------------- the 2016 pay line, 2016/17 → 2026/27

#[test]
fn tcs_2016_v2_has_a_sourced_scale_for_a_pay_date_in_every_year() {
    // (pay date, grade, basic): one date in each pay year, and the in-year steps.
    let expected = [
        ("2016-09-01", "FY1", "26350"), // [D] PC 1/2017 ÷ 1.01
        ("2017-06-01", "FY1", "26614"), // PC (M&D) 1/2017
        ("2018-06-01", "FY1", "26614"), // 2018/19 award only from 1 Oct 2018
        ("2018-10-01", "FY1", "27146"), // PC (M&D) 3/2018
        ("2019-06-01", "FY1", "27689"), // PC (M&D) 2/2019 R2
        ("2020-06-01", "FY1", "28243"), // PC (M&D) 1/2020 R1
        ("2021-06-01", "FY1", "28808"), // PC (M&D) 1/2021
        ("2022-06-01", "FY1", "29384"), // PC (M&D) 1/2022
        ("2023-06-01", "FY1", "32398"), // 2023/24 as first paid (BMA)
        ("2024-06-01", "FY1", "36616"), // HCSA 2024/25
        ("2025-06-01", "FY1", "38831"), // 2025/26
        ("2026-06-01", "FY1", "41226"), // PC (M&D) 1/2026 R2
        ("2026-06-01", "ST7", "77348"), // R2 point 5b
    ];
    let o = offer("tcs-2016@2");
    let r = rota("fy1-ward@1");
    for (date, grade, basic) in expected {
        let c = run(&o, &r, grade, date);
        assert_eq!(value(&c, "basic"), Some(d(basic)), "{grade} on {date}");
        let period = o
            .terms
            .pay_scale
            .period_at(offer_compare::engine::date::Date::parse(date).unwrap())
            .expect("a period");
        assert!(
            period
                .points
                .iter()
                .all(|p| !p.source.is_empty() && p.marker.is_some()),
            "{date}"
        );
    }
    // Before 2016/17 began, and after 2026/27, there is no scale: an error, not a guess.
    assert!(o
        .terms
        .pay_scale
        .period_at(offer_compare::engine::date::Date::parse("2027-04-01").unwrap())
        .is_none());
}

#[test]
fn nodal_point_5_starts_on_1_october_2020() {
    // ST6 on 30 Sep 2020 is on NP4 (£49,036, PC 1/2020 R1); on 1 Oct 2020 on NP5: 49,036 + 3,000.
    let o = offer("tcs-2016@2");
    let r = rota("fy1-ward@1");
    assert_eq!(
        value(&run(&o, &r, "ST6", "2020-09-30"), "basic"),
        Some(d("49036"))
    );
    assert_eq!(
        value(&run(&o, &r, "ST6", "2020-10-01"), "basic"),
        Some(d("52036"))
    );
    assert_eq!(
        value(&run(&o, &r, "ST6", "2021-09-30"), "basic"),
        Some(d("53077"))
    );
    assert_eq!(
        value(&run(&o, &r, "ST6", "2021-10-01"), "basic"),
        Some(d("56077"))
    );
    // @1 still stops at 7 Aug 2019, as released.
    let old = offer("tcs-2016@1");
    assert!(old
        .terms
        .pay_scale
        .period_at(offer_compare::engine::date::Date::parse("2019-08-07").unwrap())
        .is_none());
}

#[test]
fn the_2019_weekend_table_starts_on_4_december_2019() {
    // em-26-week@1 works 9 weekends in 26 weeks: at least 1 in 3, less than 1 in 2. FY1 on
    // NP1 2019/20 (£27,689, PC (M&D) 2/2019 R2). On 3 Dec 2019 the 2016 table pays 7.5%
    // (2,076.675 → £2,077, as the circular prints); from 4 Dec 2019 the 2019 table pays 10%
    // (2,768.90 → £2,769, as printed).
    let o = offer("tcs-2019@2");
    let r = rota("em-26-week@1");
    let before = run(&o, &r, "FY1", "2019-12-03");
    assert_eq!(
        value(&before, "allowance:weekend-to-3-dec-2019"),
        Some(d("2077"))
    );
    assert_eq!(value(&before, "allowance:weekend"), None);
    let after = run(&o, &r, "FY1", "2019-12-04");
    assert_eq!(value(&after, "allowance:weekend"), Some(d("2769")));
    assert_eq!(value(&after, "allowance:weekend-to-3-dec-2019"), None);
    // @1 applied the 2019 table from 7 Aug 2019, and still does (old links reproduce).
    let old = run(&offer("tcs-2019@1"), &r, "FY1", "2019-12-03");
    assert_eq!(value(&old, "allowance:weekend"), Some(d("2769")));
    // NP5 from 1 Oct 2020 in @2 (tcs-2019@1 began it on 7 Oct).
    assert_eq!(
        value(&run(&o, &r, "ST6", "2020-10-01"), "basic"),
        Some(d("52036"))
    );
}

#[test]
fn todays_terms_v3_pay_the_sourced_2026_27_points_and_v2_keeps_the_assumed_ones() {
    // PC (M&D) 1/2026 R2 (24 Jul 2026), as transcribed [S]: ten nodal points from 1 Apr
    // 2026; tcs-today@2 kept 2025/26 × 1.035 [?], which is PC (M&D) 1/2026R's five points.
    let (v2, v3) = (offer("tcs-today@2"), offer("tcs-today@3"));
    let r = rota("fy1-ward@1");
    for (grade, assumed, sourced) in [
        ("FY1", "40190", "41226"),
        ("FY2", "45994", "47610"),
        ("CT1", "54499", "55355"),
        ("ST3", "67325", "67325"), // 4a
        ("ST4", "67325", "67998"), // 4b
        ("ST5", "67325", "67998"), // 4c pays as 4b
        ("ST6", "76582", "76582"), // 5a
        ("ST7", "76582", "77348"), // 5b
        ("ST8", "76582", "77348"), // 5c pays as 5b
    ] {
        let basic = |o: &Offer| value(&run(o, &r, grade, "2026-06-01"), "basic");
        assert_eq!(basic(&v2), Some(d(assumed)), "{grade} @2");
        assert_eq!(basic(&v3), Some(d(sourced)), "{grade} @3");
    }
    let period = |o: &Offer, date: &str| {
        let date = offer_compare::engine::date::Date::parse(date).unwrap();
        o.terms
            .pay_scale
            .period_at(date)
            .cloned()
            .expect("a period")
    };
    // Every 2026/27 point is sourced now, and the same as the 2016 contract's pay line.
    let today = period(&v3, "2026-06-01");
    assert!(today
        .points
        .iter()
        .all(|p| p.marker == Some(Marker::Secondary) && p.source.contains("1/2026 R2")));
    assert_eq!(today, period(&offer("tcs-2016@2"), "2026-06-01"));
    // Nothing else changed: 2025/26 pay (now citing the public pages, not the team's
    // notes) and the rest rules are @2's.
    let pay = |p: ScalePeriod| {
        (
            p.points.iter().map(|p| p.annual).collect::<Vec<_>>(),
            p.grades,
        )
    };
    assert_eq!(
        pay(period(&v3, "2025-06-01")),
        pay(period(&v2, "2025-06-01"))
    );
    assert_eq!(v3.terms.rest, v2.terms.rest);
    assert!(v3.assumptions.iter().any(|a| a.contains("1/2026R")));
    assert!(!v3.assumptions.iter().any(|a| a.contains("ASSUMED")));
}

#[test]
fn contract_2002_v3_pays_the_2026_27_closed_scales_and_keeps_every_earlier_year_of_v2() {
    // PC (M&D) 1/2026R (30 Jun 2026) Annex A §8 p19 and 1/2026 R2 (24 Jul 2026) p21, the
    // same closed-grade table, as transcribed in github.com/casomoltd/nhs-pay [S]; rates
    // effective 1 Apr 2026. StR (full, MN37) stands for CT and ST as in @2.
    let (v2, v3) = (offer("contract-2002@2"), offer("contract-2002@3"));
    assert_eq!((v3.id.as_str(), v3.version), ("contract-2002", 3));
    let r = rota("fy1-ward@1");
    for (grade, annual) in [
        ("FY1", "35309"), // FY1 Min
        ("FY2", "42995"), // FY2 Min
        ("CT1", "45715"), // StR Min
        ("ST2", "48309"), // StR 1
        ("ST3", "51931"), // StR 2
        ("ST8", "64690"), // StR 7
    ] {
        let c = run(&v3, &r, grade, "2026-06-01");
        assert_eq!(value(&c, "basic"), Some(d(annual)), "{grade} 2026/27");
    }
    let date = |s: &str| offer_compare::engine::date::Date::parse(s).unwrap();
    let scale = &v3.terms.pay_scale;
    let now = scale.period_at(date("2026-04-01")).expect("2026/27");
    assert_eq!(
        (now.from, now.until),
        (date("2026-04-01"), date("2027-04-01"))
    );
    let values: Vec<String> = now.points.iter().map(|p| p.annual.to_string()).collect();
    assert_eq!(
        values,
        [
            "35309", "37305", "39301", "42995", "45588", "48182", "45715", "48309", "51931",
            "54121", "56763", "59406", "62049", "64690", "67333", "69976"
        ]
    );
    assert!(now
        .points
        .iter()
        .all(|p| p.marker == Some(Marker::Secondary)
            && p.source.contains("1/2026 R2")
            && p.source.contains("1/2026R")));
    assert_eq!(scale.period_at(date("2027-04-01")), None);
    // 2024/25 and 2025/26 were not found as published: no scale, not a derived one.
    for gap in ["2024-04-01", "2025-06-01", "2026-03-31"] {
        assert_eq!(scale.period_at(date(gap)), None, "{gap}");
    }
    let s = scenario(&v3, &r, "FY1", "2025-06-01", None);
    assert!(compare(&s, offer_compare::reference()).is_err());
    assert!(v3
        .assumptions
        .iter()
        .any(|a| a.contains("2024/25") && a.contains("not found")));
    // Every period of @2 is @3's, unchanged (2023/24 still as first paid), and so are
    // the other terms; @2 itself still stops on 31 Mar 2024.
    let n = v2.terms.pay_scale.periods.len();
    assert_eq!(scale.periods.len(), n + 1);
    assert_eq!(scale.periods[..n], v2.terms.pay_scale.periods[..]);
    assert_eq!(
        run(&v3, &r, "FY1", "2023-06-01").gross_annual(),
        run(&v2, &r, "FY1", "2023-06-01").gross_annual()
    );
    assert_eq!(v3.terms.banding, v2.terms.banding);
    assert_eq!(v3.terms.rest, v2.terms.rest);
    assert_eq!(v3.terms.full_time_hours, v2.terms.full_time_hours);
    assert_eq!(v2.terms.pay_scale.period_at(date("2026-06-01")), None);
    for rota_key in ROTAS {
        for grade in ["FY1", "FY2", "ST3"] {
            let pay = |o: &Offer| run(o, &rota(rota_key), grade, "2016-08-03").gross_annual();
            assert_eq!(pay(&v3), pay(&v2), "{rota_key} {grade}");
        }
    }
}

#[test]
fn the_newest_version_of_every_offer_cites_only_public_documents() {
    // Issue 22 point 10: "Offer Compare contract reference (shared/domain/…)" was the
    // team's working notes, which no reader can open. The `@1` files keep citing them
    // (released presets never change); every newest version cites the public page.
    let offers = offer_presets();
    for o in &offers {
        let newer = offers.iter().any(|n| n.id == o.id && n.version > o.version);
        if newer {
            continue;
        }
        let json = serde_json::to_string(o).expect("json");
        assert!(!json.contains("shared/domain"), "{}", offer_key(o));
        if json.contains("contract reference §") {
            let reference = o.sources.iter().find(|s| s.id == "Reference");
            assert!(
                reference.is_some_and(|s| s.title.contains("docs/contract-reference.md")),
                "{}: its 'contract reference §n' citations name the public page",
                offer_key(o)
            );
        }
    }
}

#[test]
fn the_bma_reconstruction_v2_takes_the_imposed_v2_limits_and_pays_as_v1() {
    let (v1, v2) = (
        offer("bma-position-2016-02@1"),
        offer("bma-position-2016-02@2"),
    );
    let ids = |o: &Offer| {
        o.terms
            .rest
            .limits
            .iter()
            .map(|l| l.id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&v2), ids(&offer("imposed-2016-02@2")));
    assert_eq!((ids(&v1).len(), ids(&v2).len()), (7, 13));
    assert!(v2
        .terms
        .rest
        .limits
        .iter()
        .all(|l| l.marker == Some(Marker::Assumed)));
    for rota in ROTAS {
        for grade in ["FY1", "FY2", "ST3"] {
            let pay = |o: &Offer| run(o, &self::rota(rota), grade, "2016-08-03").gross_annual();
            assert_eq!(pay(&v2), pay(&v1), "{rota} {grade}");
        }
    }
    // Its limits find what the imposed contract's find, on every rota.
    for rota in ROTAS {
        assert_eq!(
            breached("bma-position-2016-02@2", rota, "2016-08-03"),
            breached("imposed-2016-02@2", rota, "2016-08-03"),
            "{rota}"
        );
    }
}

#[test]
fn a_new_version_extends_the_old_one_and_keeps_what_it_does_not_correct() {
    // tcs-2019@2 is a merge patch on tcs-2019@1: only the scale and the weekend allowance change.
    let (old, new) = (offer("tcs-2019@1"), offer("tcs-2019@2"));
    assert_eq!(new.terms.premium_windows, old.terms.premium_windows);
    // The rest terms change only where the on-call rules do (issue 22 point 8):
    // @1's limits keep their rules, some now counting only some shift kinds.
    assert_eq!(
        new.terms.rest.definitions.night_window,
        old.terms.rest.definitions.night_window
    );
    for limit in &old.terms.rest.limits {
        let kept = new.terms.rest.limits.iter().find(|l| l.id == limit.id);
        assert_eq!(kept.map(|l| l.rule), Some(limit.rule), "{}", limit.id);
    }
    assert_eq!(new.terms.frequency_allowances.len(), 2);
    assert_eq!(old.terms.frequency_allowances.len(), 1);
    // contract-2002@2 drops @1's strict weekend field (a null in the patch removes it).
    let banding = offer("contract-2002@2").terms.banding.expect("banding");
    assert_eq!(banding.most_unsocial_weekends_more_often_than, None);
    assert!(banding.most_unsocial_weekends.is_some());
    let e = offer_compare::presets::parse_offer("x@2", r#"{"extends": "nope@1"}"#).unwrap_err();
    assert_eq!(e.message, "it extends 'nope@1', which is not a preset");
}

// ---------------------------------------------------------------- on call and rest (issue 22, point 8)

/// Ids of the limits a preset rota breaches under an offer, with the number of breaches.
fn breached(offer_key: &str, rota_key: &str, pay_date: &str) -> Vec<(String, usize)> {
    column(offer_key, rota_key, "ST3", pay_date)
        .rest
        .checks
        .iter()
        .filter(|k| !k.passed)
        .map(|k| (k.id.clone(), k.breaches.len()))
        .collect()
}

fn ids(list: &[(&str, usize)]) -> Vec<(String, usize)> {
    list.iter().map(|(id, n)| (id.to_string(), *n)).collect()
}

#[test]
fn the_registrar_on_call_rota_keeps_the_2016_rest_rules_under_the_at_2_presets() {
    // Five weekday 24-h non-resident on-call periods and one Sat 08:00 – Mon 08:00 weekend,
    // each followed by a day off. tcs-2019@1 counted each overnight on-call period as a
    // night shift and flagged the 2019 "46 hours after any night" 5 times (24 h off after
    // each weekday period). In the TCS an on-call period is not a shift: @2 counts worked
    // shifts and resident on call only, and the breaches go.
    assert_eq!(
        breached("tcs-2019@1", "registrar-on-call@1", "2020-04-01"),
        ids(&[("46h-after-any-night", 5)])
    );
    let old = column("tcs-2019@1", "registrar-on-call@1", "ST3", "2020-04-01");
    assert_eq!(
        check_of(&old, "46h-after-any-night").breaches[0].to_string(),
        "24 h off after a single night at week 2 Thu 08:00"
    );
    // What @2 still flags is the new expected-rest rule, once: the weekend's second 24 hours
    // (Sun 08:00 – Mon 08:00) expect work Mon 02:00–03:00, which splits 22:00–07:00 into
    // 4 h + 4 h, short of 5 h in one stretch.
    let expected_rest = ids(&[("on-call-expected-rest", 1)]);
    assert_eq!(
        breached("tcs-2019@2", "registrar-on-call@1", "2020-04-01"),
        expected_rest
    );
    let c = column("tcs-2019@2", "registrar-on-call@1", "ST3", "2020-04-01");
    let rest = check_of(&c, "on-call-expected-rest");
    assert_eq!(
        rest.breaches[0].to_string(),
        "expected work leaves 4 h at most in one stretch between 22:00 and 07:00 \
         in the 24 h on call starting at week 5 Sun 08:00"
    );
    // The 2016 rules: nothing before, the same expected-rest finding after.
    assert_eq!(
        breached("tcs-2016@1", "registrar-on-call@1", "2018-04-01"),
        ids(&[])
    );
    assert_eq!(
        breached("tcs-2016@2", "registrar-on-call@1", "2018-04-01"),
        expected_rest
    );
    // Today's terms: @1 flags the same 5 false breaches as tcs-2019@1; @2 takes
    // tcs-2019@2's rest rules and flags only the expected rest.
    assert_eq!(
        breached("tcs-today@1", "registrar-on-call@1", "2025-04-01"),
        ids(&[("46h-after-any-night", 5)])
    );
    assert_eq!(
        breached("tcs-today@2", "registrar-on-call@1", "2025-04-01"),
        expected_rest
    );
    // Its pay is today@1's: only the rest rules changed.
    assert_eq!(
        column("tcs-today@2", "registrar-on-call@1", "ST3", "2025-04-01").gross_annual(),
        column("tcs-today@1", "registrar-on-call@1", "ST3", "2025-04-01").gross_annual()
    );
    // The other on-call limits are kept: 1 in 8 is far from 3 in 7, the weekend period
    // is 48 h (Saturday and Sunday back to back), and every day after is off.
    for id in [
        "on-call-max-24h",
        "on-call-3-in-7",
        "on-call-day-after-10h",
        "11h-rest",
    ] {
        assert!(check_of(&c, id).passed, "{id}");
    }
    // The old versions keep their figures (released presets never change).
    assert!(find_offer("tcs-2019@1")
        .expect("tcs-2019@1")
        .terms
        .rest
        .limits
        .iter()
        .all(|l| l.counts.is_none()));
}

#[test]
fn resident_on_call_is_a_shift_for_the_2016_rules() {
    // anaesthetics-24h-on-call@1 (2002 style): seven 24-h resident on-call periods 08:00–08:00.
    // A doctor on call while on site is not on call in the TCS: each period is a 24-hour
    // shift, over the 13-hour maximum, and under the 2019 rules a night needing 46 h off.
    assert_eq!(
        breached("tcs-2016@1", "anaesthetics-24h-on-call@1", "2018-04-01"),
        ids(&[])
    );
    assert_eq!(
        breached("tcs-2016@2", "anaesthetics-24h-on-call@1", "2018-04-01"),
        ids(&[("max-13h", 7)])
    );
    assert_eq!(
        breached("tcs-2019@1", "anaesthetics-24h-on-call@1", "2020-04-01"),
        ids(&[("46h-after-any-night", 5), ("1-in-3-weekends", 1)])
    );
    assert_eq!(
        breached("tcs-2019@2", "anaesthetics-24h-on-call@1", "2020-04-01"),
        ids(&[
            ("max-13h", 7),
            ("46h-after-any-night", 5),
            ("1-in-3-weekends", 1)
        ])
    );
    let c = column(
        "tcs-2016@2",
        "anaesthetics-24h-on-call@1",
        "ST3",
        "2018-04-01",
    );
    let k = check_of(&c, "max-13h");
    assert_eq!(
        k.allowed,
        "at most 13 h, counting worked shifts and resident on-call only"
    );
    assert_eq!(
        k.breaches[0].to_string(),
        "a 24 h shift at week 1 Mon 08:00"
    );
}

fn check_of<'a>(c: &'a ColumnResult, id: &str) -> &'a offer_compare::engine::limits::LimitCheck {
    c.rest
        .checks
        .iter()
        .find(|k| k.id == id)
        .unwrap_or_else(|| panic!("limit {id}"))
}
