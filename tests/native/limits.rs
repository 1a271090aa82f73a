//! Issue #23: bounded memory for any file or link, no abort on a closed
//! stream, and `diff` checking what it is given. Each test feeds the input that
//! used to take over 1 GB, hang or abort, and asserts the refusal names the
//! limit.

use offer_compare::codec::base64url;
use offer_compare::codec::json::{scenario_from_json, MAX_OFFERS, MAX_SCENARIO_BYTES};
use offer_compare::codec::link::scenario_from_link;
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_offer-compare");
const DEFAULT: &str = include_str!("../../examples/default.json");

/// The default scenario with its offers replaced by `count` copies of one
/// preset reference (8,000 of them once took 1.25 GB to open).
fn with_preset_refs(count: usize) -> String {
    let mut value: serde_json::Value = serde_json::from_str(DEFAULT).unwrap();
    value["offers"] = serde_json::Value::Array(vec!["tcs-2016@1".into(); count]);
    value.to_string()
}

fn run(args: &[&str]) -> Result<String, String> {
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    offer_compare::cli::run(&args)
}

fn temp_file(name: &str, text: &[u8]) -> String {
    let path = std::env::temp_dir().join(format!("offer-compare-limits-{name}"));
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn thousands_of_preset_references_are_refused_before_any_is_expanded() {
    let e = scenario_from_json(&with_preset_refs(8_000)).unwrap_err();
    assert_eq!(e.path, "offers");
    assert_eq!(
        e.message,
        "there are 8000 offers; a scenario has at most 24 (it shows at most 12 columns)"
    );
}

#[test]
fn the_same_references_in_a_link_are_refused_the_same_way() {
    // One run of literals after a zero-length first sequence: the link
    // format's LZ stream (src/codec/lz.rs) with no back-references.
    let text = with_preset_refs(8_000);
    let mut stream = Vec::new();
    let mut n = text.len();
    while n >= 0x80 {
        stream.push((n as u8 & 0x7f) | 0x80);
        n >>= 7;
    }
    stream.push(n as u8);
    stream.extend_from_slice(text.as_bytes());
    let e = scenario_from_link(&format!("v1.{}", base64url::encode(&stream))).unwrap_err();
    assert!(
        e.message
            .contains("there are 8000 offers; a scenario has at most 24"),
        "{e}"
    );
}

/// The default scenario with `count` offers written out, each the inline
/// example's first offer under its own id (one preset referenced many times is
/// refused: its copies would share one id).
fn with_inline_offers(count: usize) -> String {
    let inline: serde_json::Value =
        serde_json::from_str(include_str!("../../examples/inline-offers.json")).unwrap();
    let mut value: serde_json::Value = serde_json::from_str(DEFAULT).unwrap();
    value["offers"] = (0..count)
        .map(|i| {
            let mut offer = inline["offers"][0].clone();
            offer["id"] = format!("offer-{i}").into();
            offer
        })
        .collect();
    value.to_string()
}

#[test]
fn the_most_offers_allowed_still_open() {
    let scenario = scenario_from_json(&with_inline_offers(MAX_OFFERS)).unwrap();
    assert_eq!(scenario.offers.len(), 24);
    assert_eq!(scenario.offers[23].id, "offer-23");
    let e = scenario_from_json(&with_preset_refs(MAX_OFFERS)).unwrap_err();
    assert_eq!(e.path, "offers[1]");
    assert_eq!(
        e.message,
        "'tcs-2016@1' has the id 'tcs-2016', which offers[0] has too; each needs its own id"
    );
    let e = scenario_from_json(&with_preset_refs(MAX_OFFERS + 1)).unwrap_err();
    assert!(e.message.starts_with("there are 25 offers"), "{e}");
}

#[test]
fn an_endless_file_is_refused_after_reading_one_byte_past_the_limit() {
    let e = run(&["/dev/zero"]).unwrap_err();
    assert_eq!(
        e,
        "/dev/zero: the file is larger than 2 MB, the most a scenario or offer file may be"
    );
    let big = temp_file("big.json", &vec![b' '; MAX_SCENARIO_BYTES + 1]);
    let e = run(&[&big]).unwrap_err();
    assert!(e.ends_with("the file is larger than 2 MB, the most a scenario or offer file may be"));
    // diff's offer files have the same limit.
    let e = run(&["diff", "tcs-2016@1", &big]).unwrap_err();
    assert!(e.contains("larger than 2 MB"), "{e}");
    std::fs::remove_file(big).unwrap();
}

#[test]
fn a_file_that_is_not_text_says_so() {
    let path = temp_file("binary.json", &[0xff, 0xfe, 0x00, 0x80]);
    assert_eq!(
        run(&[&path]).unwrap_err(),
        format!("{path}: the file is not text (UTF-8)")
    );
    std::fs::remove_file(path).unwrap();
}

#[test]
fn diff_given_a_scenario_says_it_was_given_a_scenario() {
    let path = temp_file("scenario.json", DEFAULT.as_bytes());
    let e = run(&["diff", &path, "tcs-2016@1"]).unwrap_err();
    assert_eq!(
        e,
        format!(
            "{path}: this is a scenario, not an offer; to compare two of its offers use \
             `diff {path} OFFER_A OFFER_B`"
        )
    );
    std::fs::remove_file(path).unwrap();
}

#[test]
fn diff_checks_an_offer_file_as_the_comparison_does() {
    let library = offer_compare::presets::library();
    let entry = library
        .offers
        .iter()
        .find(|e| e.key == "tcs-2016@1")
        .unwrap();
    let mut offer = entry.json.clone();
    offer["terms"]["full_time_hours"]["value"] = "0".into();
    let path = temp_file("zero-hours-offer.json", offer.to_string().as_bytes());
    let e = run(&["diff", "tcs-2016@1", &path]).unwrap_err();
    assert_eq!(
        e,
        format!("{path}: terms.full_time_hours: a full-time week is 20 to 60 hours (the contracts use 40)")
    );
    std::fs::remove_file(path).unwrap();
}

#[test]
fn an_error_written_to_a_closed_stderr_does_not_abort() {
    // Both pipes are closed before the program can write its refusal of
    // `--format xml`: it must exit 1 (refused), never 101 (panicked).
    let mut child = Command::new(BIN)
        .args(["examples/default.json", "--format", "xml"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    drop(child.stderr.take());
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(1));
}

#[test]
fn diff_never_labels_an_edited_file_as_the_released_preset() {
    let library = offer_compare::presets::library();
    let entry = library
        .offers
        .iter()
        .find(|e| e.key == "tcs-2016@1")
        .unwrap();
    let mut offer = entry.json.clone();
    offer["name"] = "Terms and conditions 2016 (edited)".into();
    let path = temp_file("edited-offer.json", offer.to_string().as_bytes());
    let out = run(&["diff", "tcs-2016@1", &path]).unwrap();
    let header: Vec<&str> = out.lines().take(3).collect();
    assert_eq!(
        header[1],
        format!("  A: {} (preset tcs-2016@1)", entry.item.name)
    );
    assert_eq!(
        header[2],
        "  B: Terms and conditions 2016 (edited) (custom, from tcs-2016@1)"
    );
    std::fs::remove_file(path).unwrap();
}

/// The inline example with `extra` more pay points in its first offer's only
/// period, every one named by its first grade.
fn with_points(extra: usize) -> serde_json::Value {
    let mut value: serde_json::Value =
        serde_json::from_str(include_str!("../../examples/inline-offers.json")).unwrap();
    let period = &mut value["offers"][0]["terms"]["pay_scale"]["periods"][0];
    let grades = period["grades"].as_object_mut().unwrap();
    let grade = grades.values_mut().next().unwrap().as_array_mut().unwrap();
    grade.extend((0..extra).map(|i| format!("P{i}").into()));
    let points = period["points"].as_array_mut().unwrap();
    points.extend(
        (0..extra).map(|i| serde_json::json!({ "id": format!("P{i}"), "annual": "30000" })),
    );
    value
}

#[test]
fn a_scale_of_forty_thousand_points_is_checked_in_near_linear_time() {
    // 1.9 MB of points and grade references: 46 s to open before (a scan of
    // every point for every reference), about 1 s now in a debug build.
    let value = with_points(40_000);
    let path = temp_file("points.json", value.to_string().as_bytes());
    let started = std::time::Instant::now();
    let out = run(&[&path]).unwrap();
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
    assert!(
        out.contains("Differences are against A (nov2015)."),
        "{out}"
    );
    std::fs::remove_file(path).unwrap();
}

#[test]
fn a_repeated_pay_point_is_still_found_and_located() {
    let mut value = with_points(3);
    let points = value["offers"][0]["terms"]["pay_scale"]["periods"][0]["points"]
        .as_array_mut()
        .unwrap();
    let first = points[0].clone();
    points.push(first);
    let at = points.len() - 1;
    let path = temp_file("repeated-point.json", value.to_string().as_bytes());
    let e = run(&[&path]).unwrap_err();
    assert!(
        e.contains(&format!(
            "offers[0].terms.pay_scale.periods[0].points[{at}].id: 'F1' is used twice"
        )),
        "{e}"
    );
    std::fs::remove_file(path).unwrap();
}

#[test]
fn a_scale_of_more_periods_than_a_century_is_refused_naming_the_cap() {
    let mut value: serde_json::Value =
        serde_json::from_str(include_str!("../../examples/inline-offers.json")).unwrap();
    let periods = value["offers"][0]["terms"]["pay_scale"]["periods"]
        .as_array_mut()
        .unwrap();
    let one = periods[0].clone();
    periods.extend(std::iter::repeat_n(one, 100));
    let path = temp_file("periods.json", value.to_string().as_bytes());
    let e = run(&[&path]).unwrap_err();
    assert!(
        e.contains(
            "offers[0].terms.pay_scale.periods: a pay scale has at most 100 periods (pay years)"
        ),
        "{e}"
    );
    std::fs::remove_file(path).unwrap();
}

#[test]
fn a_terminal_escape_in_an_offer_name_reaches_the_terminal_escaped() {
    let mut value: serde_json::Value =
        serde_json::from_str(include_str!("../../examples/inline-offers.json")).unwrap();
    value["offers"][0]["name"] = "Nov \u{1b}[2J\u{202e}offer".into();
    let path = temp_file("escape.json", value.to_string().as_bytes());
    let out = Command::new(BIN).arg(&path).output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(!stdout.contains('\u{1b}') && !stdout.contains('\u{202e}'));
    assert!(stdout.contains("Nov \\u{1b}[2J\\u{202e}offer"), "{stdout}");
    std::fs::remove_file(path).unwrap();
}

#[test]
fn a_full_time_week_of_a_ten_thousandth_of_an_hour_is_refused() {
    let mut value: serde_json::Value =
        serde_json::from_str(include_str!("../../examples/inline-offers.json")).unwrap();
    value["offers"][0]["terms"]["full_time_hours"]["value"] = "0.0001".into();
    let path = temp_file("tiny-week.json", value.to_string().as_bytes());
    let e = run(&[&path]).unwrap_err();
    assert!(
        e.contains(
            "offers[0].terms.full_time_hours: a full-time week is 20 to 60 hours (the contracts use 40)"
        ),
        "{e}"
    );
    value["offers"][0]["terms"]["full_time_hours"]["value"] = "20".into();
    std::fs::write(&path, value.to_string()).unwrap();
    assert!(run(&[&path]).is_ok());
    std::fs::remove_file(path).unwrap();
}

#[test]
fn a_saved_explore_section_is_checked_on_opening() {
    let mut value: serde_json::Value = serde_json::from_str(DEFAULT).unwrap();
    value["explore"] = serde_json::json!({
        "quantity": "premium_rate:no-such-offer:night",
        "from": "10",
        "to": "5",
        "steps": 0,
        "pair": ["a", "nowhere"]
    });
    let path = temp_file("explore.json", value.to_string().as_bytes());
    let e = run(&[&path]).unwrap_err();
    for expected in [
        "explore.steps: a sweep has 1 to 100000 steps",
        "explore.to: must not be below 'from' (10)",
        "explore.quantity: names offer 'no-such-offer', which this scenario does not have",
        "explore.pair: names column 'nowhere', which this scenario does not have",
    ] {
        assert!(e.contains(expected), "{expected} not in {e}");
    }
    std::fs::remove_file(path).unwrap();
}

#[test]
fn a_pensionable_line_given_on_the_command_line_is_blamed_on_the_flag() {
    let e = run(&["examples/default.json", "--pensionable", "basic,basci"]).unwrap_err();
    assert!(
        e.starts_with(
            "--pensionable: no offer has a pay line 'basci' (the pay lines are basic, specialty_premium, "
        ),
        "{e}"
    );
    assert!(run(&[
        "examples/default.json",
        "--pensionable",
        "basic,premium:night"
    ])
    .is_ok());
}

#[test]
fn every_pay_line_computed_is_one_a_pensionable_list_may_name() {
    // The list the check accepts is built from the offers' terms; were a new
    // kind of pay line added to the engine without it, a correct pensionable
    // list would be refused.
    use offer_compare::engine::validate::pay_line_ids;
    for text in [DEFAULT, include_str!("../../examples/strike-2016.json")] {
        let mut scenario = scenario_from_json(text).unwrap();
        scenario.doctor.ltft = "0.6".parse().unwrap();
        let known = pay_line_ids(&scenario);
        let comparison =
            offer_compare::engine::compare::compare(&scenario, offer_compare::reference()).unwrap();
        for line in comparison.columns.iter().flat_map(|c| &c.pay.lines) {
            assert!(known.contains(&line.id), "{} is not in {known:?}", line.id);
        }
    }
}

#[test]
fn gains_on_a_column_naming_a_missing_rota_says_what_the_comparison_says() {
    let mut value: serde_json::Value = serde_json::from_str(DEFAULT).unwrap();
    value["columns"][1]["rota"] = "nowhere".into();
    let file = temp_file("missing-rota.json", value.to_string().as_bytes());
    let plain = run(&[&file]).unwrap_err();
    assert_eq!(run(&["gains", &file]).unwrap_err(), plain);
    assert_eq!(plain, format!("{file}: columns[1].rota: no rota 'nowhere'"));
}

#[test]
fn a_sweep_names_the_offer_where_the_file_has_it() {
    // The sweep computes a copy holding only the columns the quantity reaches
    // (here one offer, the file's third); a problem is still located in the
    // file as written.
    let e = run(&[
        "sweep",
        "examples/strike-2016.json",
        "--quantity",
        "window_start:imposed-2016-02:night",
        "--from",
        "420",
        "--to",
        "420",
        "--steps",
        "1",
    ])
    .unwrap_err();
    assert_eq!(
        e,
        "window_start:imposed-2016-02:night = 07:00: offers[2].terms.premium_windows[0].to: \
         a window cannot end when it starts (use 00:00–24:00 for a whole day)"
    );
}

#[test]
fn a_sweep_with_steps_out_of_range_blames_the_flag() {
    for steps in ["0", "100001", "many"] {
        let e = run(&[
            "sweep",
            "examples/default.json",
            "--quantity",
            "weekends_worked",
            "--from",
            "1",
            "--to",
            "2",
            "--steps",
            steps,
        ])
        .unwrap_err();
        assert_eq!(
            e,
            format!(
                "--steps: '{steps}' is not a number of steps: write a whole number from 1 to 100000"
            )
        );
    }
}

#[test]
fn a_repeated_key_in_a_diff_offer_file_is_refused_at_the_key() {
    let offer = r#"{"id":"x","id":"y"}"#;
    let file = temp_file("repeated-key-offer.json", offer.as_bytes());
    assert_eq!(
        run(&["diff", &file, "tcs-2016@1"]).unwrap_err(),
        format!("{file}: id: the key 'id' appears twice in one object; keep one of them")
    );
}

#[test]
fn a_repeated_key_check_is_near_linear_in_the_text() {
    // 100,000 distinct keys in one object, then one repeated: a check that
    // compared each key with every other would take minutes.
    let mut text = String::from("{\"version\":1,\"x\":{");
    for i in 0..100_000 {
        text.push_str(&format!("\"k{i}\":0,"));
    }
    text.push_str("\"k5\":1}}");
    let started = std::time::Instant::now();
    let e = scenario_from_json(&text).unwrap_err();
    assert_eq!(
        (e.path.as_str(), e.message.as_str()),
        (
            "x.k5",
            "the key 'k5' appears twice in one object; keep one of them"
        )
    );
    assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
}

#[test]
fn an_unknown_output_format_is_blamed_on_the_flag_naming_the_choices() {
    // Once `unknown format Some("xml")`: a Rust value, and no hint what to write.
    let e = run(&["examples/default.json", "--format", "xml"]).unwrap_err();
    assert!(
        e.starts_with("--format: 'xml' is not one of table, json or csv\n"),
        "{e}"
    );
    let e = run(&["gains", "examples/default.json", "--format", "xml"]).unwrap_err();
    assert!(
        e.starts_with("--format: 'xml' is not one of table or csv\n"),
        "{e}"
    );
}

#[test]
fn a_share_link_opens_on_the_command_line_as_the_page_opens_it() {
    // The argument itself (an address or a fragment), or a file holding it:
    // the same figures as the scenario file, through the page's decoder.
    let scenario = scenario_from_json(DEFAULT).unwrap();
    let link = offer_compare::codec::link::scenario_to_link(&scenario);
    let from_file = run(&["examples/default.json"]).unwrap();
    let address = format!("https://example.org/offer-compare/?view=offers#{link}");
    assert_eq!(run(&[&address]).unwrap(), from_file);
    assert_eq!(run(&[&format!("#{link}")]).unwrap(), from_file);
    let held = temp_file("link.txt", format!("{link}\n").as_bytes());
    assert_eq!(run(&[&held]).unwrap(), from_file);
    // A broken link is refused with the page's message, naming the file when
    // it came in one.
    assert_eq!(
        run(&["#v2.AAAA"]).unwrap_err(),
        "link: the link has been cut short"
    );
    let broken = temp_file("broken-link.txt", b"#v2.AAAA");
    assert_eq!(
        run(&[&broken]).unwrap_err(),
        format!("{broken}: link: the link has been cut short")
    );
}
