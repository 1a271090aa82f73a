//! The scenario format and the command line, run as a user would.
use offer_compare::codec::json::{scenario_from_json, scenario_to_json};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_offer-compare");

const INLINE: &str = include_str!("../../examples/inline-offers.json");

/// The example with its offers written out in full, to edit in tests.
fn default_json() -> serde_json::Value {
    serde_json::from_str(INLINE).unwrap()
}

fn decode_error(value: &serde_json::Value) -> (String, String) {
    let e = scenario_from_json(&value.to_string()).expect_err("should be rejected");
    (e.path, e.message)
}

#[test]
fn money_as_a_json_number_is_rejected_with_its_path() {
    let mut v = default_json();
    v["offers"][0]["terms"]["pay_scale"]["periods"][0]["points"][1]["annual"] =
        serde_json::json!(31600);
    let (path, message) = decode_error(&v);
    assert_eq!(
        path,
        "offers[0].terms.pay_scale.periods[0].points[1].annual"
    );
    assert_eq!(
        message,
        "expected an amount like \"31785.50\" (in quotes, without £ or commas), found the number 31600"
    );
}

#[test]
fn unknown_fields_are_rejected() {
    let mut v = default_json();
    v["doctor"]["salary"] = serde_json::json!("1");
    let (path, message) = decode_error(&v);
    assert_eq!(path, "doctor.salary");
    assert!(
        message.starts_with("there is no field 'salary' here; the fields are 'grade', "),
        "{message}"
    );
}

#[test]
fn another_format_version_says_so() {
    let mut v = default_json();
    v["version"] = serde_json::json!(2);
    let (path, message) = decode_error(&v);
    assert_eq!(path, "version");
    assert!(
        message.contains("format version 2 is not supported"),
        "{message}"
    );
}

#[test]
fn a_bad_time_names_the_shift() {
    let mut v = default_json();
    v["rotas"][0]["shifts"][3]["start"] = serde_json::json!("25:00");
    let (path, message) = decode_error(&v);
    assert_eq!(path, "rotas[0].shifts[3].start");
    assert!(
        message.contains("'25:00' is not a time of day"),
        "{message}"
    );
}

#[test]
fn garbage_and_truncated_text_are_errors_not_panics() {
    for text in [
        "",
        "{",
        "null",
        "[]",
        "\"x\"",
        "{\"version\":1}",
        &INLINE[..200],
    ] {
        assert!(scenario_from_json(text).is_err(), "{text:?}");
    }
}

#[test]
fn a_scenario_survives_a_round_trip() {
    for text in [INLINE, crate::common::STRIKE_2016] {
        let s = scenario_from_json(text).unwrap();
        assert_eq!(scenario_from_json(&scenario_to_json(&s)).unwrap(), s);
    }
}

#[test]
fn the_command_line_prints_a_table_json_and_csv() {
    let table = Command::new(BIN)
        .arg("examples/inline-offers.json")
        .output()
        .unwrap();
    assert!(table.status.success());
    let text = String::from_utf8(table.stdout).unwrap();
    assert!(
        text.contains("Basic salary") && text.contains("£31,600.00"),
        "{text}"
    );

    let json = Command::new(BIN)
        .args(["examples/inline-offers.json", "--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let basic = v["figures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["offer"] == "nov2015" && f["line"] == "basic")
        .unwrap();
    assert_eq!(basic["value"], "31600");
    assert!(basic["explanation"].as_str().unwrap().contains("Source:"));

    let csv = Command::new(BIN)
        .args(["examples/inline-offers.json", "--format", "csv"])
        .output()
        .unwrap();
    let csv = String::from_utf8(csv.stdout).unwrap();
    // A header of `#` rows says what produced the figures, then the table.
    let (header, table) = csv
        .split_once("column,offer,offer_version,pay_date,line,label,value,explanation\r\n")
        .unwrap();
    assert!(header.starts_with("# Offer Compare results,"));
    assert!(header.contains("\r\n# pay date,2016-04-26\r\n"));
    assert!(header.contains(concat!(
        "# made with,offer-compare ",
        env!("CARGO_PKG_VERSION"),
        ",scenario format 1\r\n"
    )));
    assert!(header.lines().all(|l| l.starts_with('#')));
    assert!(header.contains("\r\n# offer,"));
    assert!(table.contains("nov2015,gov-offer-2015-11,1,2016-04-26,basic,Basic salary,31600,"));
}

#[test]
fn a_bad_file_names_the_file_the_path_and_the_reason() {
    let dir = std::env::temp_dir().join(format!("offer-compare-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("bad.json");
    let mut v = default_json();
    v["rotas"][0]["shifts"][0]["minutes"] = serde_json::json!(2000);
    std::fs::write(&file, v.to_string()).unwrap();
    let out = Command::new(BIN).arg(&file).output().unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains(
            "bad.json: rotas[0].shifts[0].minutes: the shift of week 1 Mon 09:00 (normal day): \
             a worked shift lasts at most 24 hours, not 33:20"
        ),
        "{err}"
    );

    let missing = Command::new(BIN)
        .arg(dir.join("nope.json"))
        .output()
        .unwrap();
    assert!(!missing.status.success());
    assert!(String::from_utf8(missing.stderr)
        .unwrap()
        .contains("cannot read"));

    let usage = Command::new(BIN)
        .args(["examples/strike-2016.json", "--format", "xml"])
        .output()
        .unwrap();
    assert!(!usage.status.success());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn presets_are_named_by_id_at_version_and_an_unknown_one_is_a_located_error() {
    let mut v: serde_json::Value = serde_json::from_str(crate::common::STRIKE_2016).unwrap();
    v["offers"][2] = serde_json::json!("imposed-2016-02@9");
    let (path, message) = decode_error(&v);
    assert_eq!(path, "offers[2]");
    assert!(
        message.contains("there is no preset 'imposed-2016-02@9'"),
        "{message}"
    );
    assert!(
        message.contains("imposed-2016-02@1"),
        "lists the known presets: {message}"
    );
    // Writing the default scenario names its unchanged presets again, so files stay small.
    let s = scenario_from_json(crate::common::STRIKE_2016).unwrap();
    let written: serde_json::Value = serde_json::from_str(&scenario_to_json(&s)).unwrap();
    assert_eq!(written["offers"][0], "contract-2002@1");
    assert_eq!(written["rotas"][0], "fy2-medical@1");
    // An edited preset is written out in full: it is no longer the released one.
    let mut edited = s.clone();
    edited.offers[1].name = "my variant".into();
    let written: serde_json::Value = serde_json::from_str(&scenario_to_json(&edited)).unwrap();
    assert_eq!(written["offers"][1]["name"], "my variant");
    assert_eq!(
        scenario_from_json(&scenario_to_json(&edited)).unwrap(),
        edited
    );
}

#[test]
fn net_prints_take_home_pay_per_column() {
    let run = |args: &[&str]| {
        offer_compare::cli::run(&args.iter().map(|a| a.to_string()).collect::<Vec<_>>())
    };
    let out = run(&["examples/strike-2016.json", "--net", "--loans", "2,pg"]).unwrap();
    // The 2016 TCS column (pay date in 2016/17): gross 39,400.30, pensionable basic 30,500.
    // Pension 9.3% × 30,500 = 2,836.50 [V]; tax 20% × (39,400.30 − 2,836.50 − 11,000) =
    // 5,112.76; NI 12% × (39,400.30 − 8,060) = 3,760.84; plan 2 9% × 18,400.30 = 1,656.03;
    // net 39,400.30 − 2,836.50 − 5,112.76 − 3,760.84 − 1,656.03 = 26,034.17.
    assert!(out.contains("(may-2016), tax year 2016-17"), "{out}");
    for figure in [
        "£2,836.50 [V]",
        "£5,112.76 [D]",
        "£3,760.84 [S]",
        "£1,656.03 [?]",
        "£26,034.17 [?]",
    ] {
        assert!(out.contains(figure), "{figure} in {out}");
    }
    // The postgraduate loan did not exist in 2016/17: said, not deducted.
    assert!(
        out.contains("Postgraduate loan: nothing is deducted"),
        "{out}"
    );
    assert!(run(&["examples/strike-2016.json", "--net", "--loans", "3"])
        .unwrap_err()
        .contains("unknown plan '3'"));
    // The same figures travel in the JSON, with the settings the flags gave.
    let json = run(&[
        "examples/strike-2016.json",
        "--net",
        "--loans",
        "2,pg",
        "--format",
        "json",
    ])
    .unwrap();
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let net = json["figures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["offer"] == "may-2016" && f["line"] == "net:annual")
        .unwrap();
    assert_eq!(net["value"], "26034.17");
    // Without the flags the default scenario's own settings apply: no loans.
    let plain = run(&["examples/strike-2016.json"]).unwrap();
    assert!(!plain.contains("Student loan plan 2"), "{plain}");
    assert!(plain.contains("£27,690.20 [S]"), "{plain}");
}

#[test]
fn the_table_opens_with_the_summary_and_fits_100_columns() {
    let out = offer_compare::cli::run(&["examples/strike-2016.json".to_string()]).unwrap();
    let scenario = scenario_from_json(crate::common::STRIKE_2016).unwrap();
    let comparison = offer_compare::engine::compare(&scenario, offer_compare::reference()).unwrap();
    let summary = offer_compare::engine::summary::summarise(&comparison, &scenario);
    // The heading, the sentence (each wrapped to the width), then the block of each column.
    let paragraphs: Vec<String> = out
        .split("\n\n")
        .take(2)
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    assert_eq!(
        paragraphs,
        [
            offer_compare::engine::title::heading(&scenario),
            summary.sentence
        ]
    );
    assert!(
        out.contains("\nC  Imposed contract, Feb 2016 (TCS v1)\n   imposed, never introduced;"),
        "{out}"
    );
    assert!(
        out.contains("gross £38,282.26 a year, £1,417.54 (3.57%) less a year than A"),
        "{out}"
    );
    for line in out.lines() {
        assert!(
            line.chars().count() <= 100,
            "{} characters: {line}",
            line.chars().count()
        );
    }
}

#[test]
fn an_offer_paying_the_same_as_the_baseline_is_said_to_pay_the_same_as_it() {
    // The default's doctor in post keeps 2002 pay (pay protection): column D.
    let out = Command::new(BIN)
        .arg("examples/default.json")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains(", the same a year as A;"), "{text}");
    assert!(!text.contains("the same a year than"), "{text}");
}
