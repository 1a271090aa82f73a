//! The offer editor's engine-side rules: duplicating a preset into a custom
//! offer, checking drafts field by field, and what the presets teach the form.

use offer_compare::codec::json::{origins, scenario_from_json, scenario_to_json};
use offer_compare::codec::link::{scenario_from_link, scenario_to_link};
use offer_compare::engine::date::Date;
use offer_compare::engine::offer::Offer;
use offer_compare::engine::Scenario;
use offer_compare::presets;
use offer_compare::ui::offers::draft::{
    check, get, path_text, raise_scale, remove, set, set_text, Path, Problem, Schema, Step,
};
use offer_compare::ui::state::{Action, State};
use rust_decimal::Decimal;
use serde_json::{json, Value};
use std::rc::Rc;
use yew::Reducible;

fn start() -> Rc<State> {
    Rc::new(State::from_json(crate::common::STRIKE_2016))
}

fn today() -> Date {
    Date::new(2026, 11, 25).unwrap()
}

fn path(text: &str) -> Path {
    // "terms.premium_windows.1.uplift": numbers are indices.
    text.split('.')
        .map(|s| match s.parse() {
            Ok(i) => Step::Index(i),
            Err(_) => Step::Key(s.into()),
        })
        .collect()
}

fn duplicated(column: &str) -> Rc<State> {
    start().reduce(Action::DuplicateOffer {
        column: column.into(),
        today: today(),
    })
}

fn draft_of(state: &State, id: &str) -> (Value, usize) {
    let index = state
        .scenario
        .offers
        .iter()
        .position(|o| o.id == id)
        .unwrap();
    let text = serde_json::to_string(&state.scenario.offers[index]).unwrap();
    (serde_json::from_str(&text).unwrap(), index)
}

fn gross(state: &State, column: &str) -> Decimal {
    let c = state.shown.as_ref().unwrap();
    let i = state
        .scenario
        .columns
        .iter()
        .position(|c| c.id == column)
        .unwrap();
    c.columns[i].gross_annual()
}

#[test]
fn duplicating_a_preset_makes_a_hypothetical_offer_beside_it_and_opens_the_editor() {
    let s = duplicated("may-2016");
    let ids: Vec<&str> = s.scenario.columns.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "contract-2002",
            "nov-2015",
            "imposed",
            "bma",
            "may-2016",
            "tcs-2016-custom"
        ]
    );
    let offer = s.scenario.offer("tcs-2016-custom").unwrap();
    assert_eq!(offer.derived_from.as_deref(), Some("tcs-2016@1"));
    assert_eq!(offer.version, 1);
    assert!(offer.name.ends_with("(edited)"), "{}", offer.name);
    let last = offer.status.last().unwrap();
    assert_eq!(last.date, today());
    assert!(last.status.starts_with("hypothetical"), "{}", last.status);
    // The sources and assumptions it came with are kept.
    let preset = presets::find_offer("tcs-2016@1").unwrap();
    assert_eq!(offer.sources, preset.sources);
    assert_eq!(offer.assumptions, preset.assumptions);
    assert_eq!(offer.terms, preset.terms);
    assert_eq!(s.editing.as_deref(), Some("tcs-2016-custom"));
    // Same terms, same figures; one undo step takes it away.
    assert_eq!(gross(&s, "tcs-2016-custom"), gross(&s, "may-2016"));
    assert_eq!(s.past.len(), 1);
    assert_eq!(origins(&s.scenario)[5], "custom, from tcs-2016@1");
    // A copy of the copy is named after the original and still says where it came from.
    let s = s.reduce(Action::DuplicateOffer {
        column: "tcs-2016-custom".into(),
        today: today(),
    });
    let copy = s.scenario.offer("tcs-2016-custom-2").unwrap();
    assert_eq!(copy.derived_from.as_deref(), Some("tcs-2016@1"));
    assert!(!copy.name.contains("(edited) (edited)"), "{}", copy.name);
}

/// The rep's question: the May 2016 deal with 30% for Saturday daytime.
fn add_saturday_premium(draft: &mut Value, schema: &Schema) {
    let windows = path("terms.premium_windows");
    let items = get(draft, &windows).unwrap().as_array().unwrap().clone();
    let mut item = schema.new_item(&windows, &items).unwrap();
    let map = item.as_object_mut().unwrap();
    map.remove("condition");
    map.insert("name".into(), json!("Saturday daytime (30%)"));
    map.insert("days".into(), json!(["sat"]));
    map.insert("from".into(), json!("07:00"));
    map.insert("to".into(), json!("17:00"));
    map.insert("uplift".into(), json!("30%"));
    map.insert("source".into(), json!("what if"));
    let mut all = items;
    all.push(item);
    set(draft, &windows, Value::Array(all));
}

fn schema() -> Schema {
    let values: Vec<Value> = presets::library()
        .offers
        .iter()
        .map(|e| e.json.clone())
        .collect();
    Schema::learn(&values)
}

#[test]
fn a_saturday_premium_added_in_the_draft_pays_exactly_its_hours() {
    let s = duplicated("may-2016");
    let (mut draft, index) = draft_of(&s, "tcs-2016-custom");
    add_saturday_premium(&mut draft, &schema());
    let offer = check(&draft, &s.scenario, index).expect("a valid draft");
    assert_eq!(offer.terms.premium_windows.len(), 2);
    assert_eq!(
        offer.terms.premium_windows[1].id, "night-2",
        "a new item gets an id of its own"
    );
    let s = s.reduce(Action::ReplaceOffer {
        offer: Rc::new(offer),
        field: 1,
    });
    assert!(s.issues.is_empty(), "{:?}", s.issues);
    let extra = gross(&s, "tcs-2016-custom") - gross(&s, "may-2016");
    assert!(
        extra > Decimal::ZERO,
        "Saturday work on this rota earns more"
    );
    // The scenario carries the custom offer through a file and a link, figures and all.
    let file = scenario_from_json(&scenario_to_json(&s.scenario)).unwrap();
    assert_eq!(file, *s.scenario);
    let text = scenario_to_link(&s.scenario);
    println!("link with the custom offer: {} characters", text.len());
    // The copy compresses against the preset it came from: a link stays short
    // enough for a message (570 characters measured).
    assert!(text.len() <= 1_000, "{} characters", text.len());
    let link = scenario_from_link(&text).unwrap();
    assert_eq!(link, *s.scenario);
}

fn problems(draft: &Value, scenario: &Scenario, index: usize) -> Vec<(String, String)> {
    check(draft, scenario, index)
        .err()
        .unwrap_or_default()
        .into_iter()
        .map(|Problem { path, message }| (path, message))
        .collect()
}

fn edited(draft: &Value, at: &str, text: &str) -> Value {
    let mut draft = draft.clone();
    set_text(&mut draft, &path(at), text).unwrap();
    draft
}

#[test]
fn every_bad_draft_is_refused_at_its_field_and_the_offer_stays() {
    let s = duplicated("may-2016");
    let (draft, i) = draft_of(&s, "tcs-2016-custom");
    let sc = &s.scenario;
    let cases = [
        // "500" typed for a rate: five hundred per cent, refused.
        (
            "terms.premium_windows.0.uplift",
            "500%",
            "terms.premium_windows[0].uplift",
            "is more than 200%: write 30% (or 0.3) for thirty per cent",
        ),
        (
            "terms.premium_windows.0.to",
            "21:00",
            "terms.premium_windows[0].to",
            "a window cannot end when it starts (use 00:00–24:00 for a whole day)",
        ),
        (
            "terms.premium_windows.0.from",
            "9pm",
            "terms.premium_windows[0].from",
            "'9pm' is not a time of day: write HH:MM, e.g. 07:30",
        ),
        (
            "terms.frequency_allowances.0.bands.1.rate",
            "12%",
            "terms.frequency_allowances[0].bands[1].rate",
            "bands out of order: 1 in 3 pays more than the more frequent 1 in 2",
        ),
        (
            "terms.full_time_hours.value",
            "0",
            "terms.full_time_hours",
            "a full-time week is 20 to 60 hours (the contracts use 40)",
        ),
        ("name", " ", "name", "must not be empty"),
    ];
    for (at, text, expected_path, expected) in cases {
        let found = problems(&edited(&draft, at, text), sc, i);
        assert!(
            found.contains(&(expected_path.to_string(), expected.to_string())),
            "{at} = {text}: {found:?}"
        );
    }
    // A window with no day, and a pay scale with no period.
    let mut no_days = draft.clone();
    set(
        &mut no_days,
        &path("terms.premium_windows.0.days"),
        json!([]),
    );
    assert_eq!(
        problems(&no_days, sc, i),
        [(
            "terms.premium_windows[0].days".to_string(),
            "choose at least one day".to_string()
        )]
    );
    let mut no_scale = draft.clone();
    set(&mut no_scale, &path("terms.pay_scale.periods"), json!([]));
    let found = problems(&no_scale, sc, i);
    assert!(
        found
            .iter()
            .any(|(p, m)| p == "terms.pay_scale.periods"
                && m == "a pay scale needs at least one period"),
        "{found:?}"
    );
    // Removing the pay year a column is paid in: said about the column, as a
    // problem of the comparison around the offer.
    let mut no_year = draft.clone();
    remove(&mut no_year, &path("terms.pay_scale.periods.0"));
    let found = problems(&no_year, sc, i);
    assert!(
        found.iter().any(|(p, m)| p.is_empty()
            && m.starts_with("columns[5].pay_date:")
            && m.contains("has no pay scale for 2016-08-03")),
        "{found:?}"
    );
    // The id is not the editor's to change.
    let renamed = edited(&draft, "id", "other");
    assert_eq!(
        problems(&renamed, sc, i),
        [(
            "id".to_string(),
            "the offer's id cannot change here".to_string()
        )]
    );
    // Nothing above touched the scenario.
    assert_eq!(
        s.scenario.offer("tcs-2016-custom").unwrap().terms,
        presets::find_offer("tcs-2016@1").unwrap().terms
    );
}

#[test]
fn a_pay_scale_raised_by_a_percentage_is_exact_to_the_penny_and_says_so() {
    let preset = presets::find_offer("tcs-2016@1").unwrap();
    let scale: Value =
        serde_json::from_str(&serde_json::to_string(&preset.terms.pay_scale).unwrap()).unwrap();
    let raised = raise_scale(&scale, "1.5".parse().unwrap(), "tcs-2016@1").unwrap();
    let point = &raised["periods"][0]["points"][0];
    let before: Decimal = scale["periods"][0]["points"][0]["annual"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    // 26,350 × 1.015 = 26,745.25.
    assert_eq!(before, Decimal::from(26_350));
    assert_eq!(point["annual"], "26745.25");
    assert!(point["source"]
        .as_str()
        .unwrap()
        .ends_with("tcs-2016@1 26350, raised by 1.5%"));
    assert!(raise_scale(&scale, Decimal::from(-200), "x").is_none());
}

#[test]
fn the_presets_teach_the_form_what_can_be_added_and_left_out() {
    let schema = schema();
    let tcs = presets::find_offer("tcs-2016@1").unwrap();
    let value: Value = serde_json::from_str(&serde_json::to_string(&tcs).unwrap()).unwrap();
    let window = path("terms.premium_windows.0");
    let addable: Vec<&str> = schema
        .addable(&window, get(&value, &window).unwrap().as_object().unwrap())
        .iter()
        .map(|f| f.key.as_str())
        .collect();
    assert_eq!(
        addable,
        ["condition"],
        "the imposed contract's Saturday rule"
    );
    assert!(schema.is_optional(&path("terms.premium_windows.0.condition")));
    assert!(!schema.is_optional(&path("terms.premium_windows.0.uplift")));
    let terms = path("terms");
    let addable: Vec<&str> = schema
        .addable(&terms, get(&value, &terms).unwrap().as_object().unwrap())
        .iter()
        .map(|f| f.key.as_str())
        .collect();
    assert!(addable.contains(&"banding"), "{addable:?}");
    assert_eq!(
        path_text(&path("terms.premium_windows.0.uplift")),
        "terms.premium_windows[0].uplift"
    );
}

#[test]
fn a_valid_draft_replaces_the_offer_and_typing_is_one_undo_step() {
    let s = duplicated("may-2016");
    let (draft, i) = draft_of(&s, "tcs-2016-custom");
    let steps = s.past.len();
    let mut state = s;
    for text in ["4", "40", "40%"] {
        let offer = check(
            &edited(&draft, "terms.premium_windows.0.uplift", text),
            &state.scenario,
            i,
        );
        // "4" is 400%: refused, the scenario keeps the last valid offer.
        if let Ok(offer) = offer {
            state = state.reduce(Action::ReplaceOffer {
                offer: Rc::new(offer),
                field: 7,
            });
        }
    }
    let o: &Offer = state.scenario.offer("tcs-2016-custom").unwrap();
    assert_eq!(o.terms.premium_windows[0].uplift, "0.4".parse().unwrap());
    assert_eq!(state.past.len(), steps + 1);
    let back = state.reduce(Action::Undo);
    assert_eq!(
        back.scenario
            .offer("tcs-2016-custom")
            .unwrap()
            .terms
            .premium_windows[0]
            .uplift,
        "37%".parse().unwrap()
    );
}

#[test]
fn a_2002_column_can_be_paid_at_a_chosen_band_and_back() {
    use offer_compare::engine::offer::Band;
    let s = start();
    let derived = gross(&s, "contract-2002");
    let s = s.reduce(Action::SetBandOverride(
        "contract-2002".into(),
        Some(Band::B3),
    ));
    assert_eq!(s.scenario.columns[0].band_override, Some(Band::B3));
    assert!(
        gross(&s, "contract-2002") > derived,
        "band 3 pays 100% on basic"
    );
    let s = s.reduce(Action::SetBandOverride("contract-2002".into(), None));
    assert_eq!(gross(&s, "contract-2002"), derived);
    assert_eq!(s.past.len(), 2, "each choice is an undo step");
}
