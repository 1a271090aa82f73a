//! Component tests in a real headless Chromium (`wasm-bindgen-test`): each test
//! mounts into a fresh element, flushes yew's scheduler, then reads the DOM.
#![cfg(target_arch = "wasm32")]

use offer_compare::codec::json::scenario_from_json;
use offer_compare::engine::compare;
use offer_compare::engine::explain::format_figure;
use offer_compare::ui::{column_details, ResultsTable, ResultsTableProps};
use std::rc::Rc;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The example with two offers written out in full (stable figures for assertions).
const INLINE: &str = include_str!("../examples/inline-offers.json");

fn fresh_root() -> web_sys::Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").expect("create element");
    gloo::utils::body()
        .append_child(&root)
        .expect("append root");
    root
}

/// The page's stateless parts are functions, not components (each component
/// costs the bundle about 0.6 KB); this mounts one as a component would be.
#[derive(yew::Properties)]
struct ViewProps {
    view: Rc<dyn Fn() -> yew::Html>,
}

impl PartialEq for ViewProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.view, &other.view)
    }
}

#[yew::component]
fn Mounted(props: &ViewProps) -> yew::Html {
    (props.view)()
}

/// Renders `view` into `root`.
fn mount(root: &web_sys::Element, view: impl Fn() -> yew::Html + 'static) {
    yew::Renderer::<Mounted>::with_root_and_props(
        root.clone(),
        ViewProps {
            view: Rc::new(view),
        },
    )
    .render();
}

/// Types `value` into `field` as a person would: its value, then an input event.
fn type_into(field: &web_sys::HtmlInputElement, value: &str) {
    field.set_value(value);
    let event = web_sys::InputEvent::new("input").expect("input event");
    field.dispatch_event(&event).expect("dispatch");
}

#[wasm_bindgen_test]
async fn results_table_shows_every_figure_with_its_value_and_formatting() {
    let scenario = scenario_from_json(offer_compare::DEFAULT_SCENARIO).expect("default parses");
    let comparison =
        Rc::new(compare(&scenario, offer_compare::reference()).expect("default computes"));
    let root = fresh_root();
    yew::Renderer::<ResultsTable>::with_root_and_props(
        root.clone(),
        ResultsTableProps {
            comparison: comparison.clone(),
        },
    )
    .render();
    yew::scheduler::flush().await;

    let cells = root.query_selector_all("[data-value]").expect("query");
    let expected: usize = comparison
        .columns
        .iter()
        .map(|c| c.figures().count() + c.rest.metrics.len())
        .sum();
    assert_eq!(cells.length() as usize, expected);
    for column in &comparison.columns {
        for figure in column.figures() {
            let selector = format!("[data-offer='{}'][data-line='{}']", column.id, figure.id);
            let cell = root
                .query_selector(&selector)
                .expect("query")
                .unwrap_or_else(|| panic!("no cell {selector}"));
            assert_eq!(
                cell.get_attribute("data-value"),
                Some(figure.value.to_string())
            );
            let button = cell
                .query_selector("button")
                .expect("query")
                .expect("value button");
            assert_eq!(
                button.text_content().map(|t| t.trim().to_string()),
                Some(format_figure(figure.value, figure.unit))
            );
        }
    }
    let headers = root
        .query_selector_all("thead th[scope='col']")
        .expect("query");
    assert_eq!(headers.length() as usize, comparison.columns.len() + 1);
}

#[wasm_bindgen_test]
async fn column_details_show_each_limit_kept_or_breached_and_where() {
    // The default scenario's first offer with one limit it keeps and one it breaches.
    let mut scenario = scenario_from_json(INLINE).expect("example parses");
    let limit = |id: &str, rule| offer_compare::engine::offer::Limit {
        id: id.into(),
        text: format!("limit {id}"),
        rule,
        consequence: Default::default(),
        applies_to: vec![],
        counts: None,
        source: "test source".into(),
        marker: None,
    };
    use offer_compare::engine::offer::LimitRule::*;
    scenario.offers[0].terms.rest.limits = vec![
        limit("rest-11", MinRestBetweenShifts { minutes: 660 }),
        limit(
            "shift-12",
            MaxShiftLength {
                minutes: 720,
                include_on_call: false,
                weekend_minutes: None,
            },
        ),
    ];
    let comparison = Rc::new(compare(&scenario, offer_compare::reference()).expect("computes"));
    let root = fresh_root();
    mount(&root, move || column_details(&comparison));
    yew::scheduler::flush().await;
    let row = |id: &str| {
        root.query_selector(&format!("tr[data-offer='nov2015'][data-limit='{id}']"))
            .expect("query")
            .unwrap_or_else(|| panic!("no row {id}"))
    };
    // Shortest rest 11.5 h: kept. Longest shift 12.5 h > 12 h: breached, at each long day and night.
    assert_eq!(
        row("rest-11").get_attribute("data-passed").as_deref(),
        Some("true")
    );
    let breached = row("shift-12");
    assert_eq!(
        breached.get_attribute("data-passed").as_deref(),
        Some("false")
    );
    let text = breached.text_content().unwrap_or_default();
    assert!(text.contains("✗ breached"), "{text}");
    assert!(
        text.contains("a 12.5 h shift at week 2 Fri 08:00"),
        "{text}"
    );
    assert!(text.contains("Source: test source"), "{text}");
}

#[wasm_bindgen_test]
async fn choosing_a_figure_opens_its_explanation_with_arithmetic_and_source() {
    use wasm_bindgen::JsCast;
    let scenario = scenario_from_json(INLINE).expect("example parses");
    let comparison = Rc::new(compare(&scenario, offer_compare::reference()).expect("computes"));
    let root = fresh_root();
    yew::Renderer::<ResultsTable>::with_root_and_props(
        root.clone(),
        ResultsTableProps { comparison },
    )
    .render();
    yew::scheduler::flush().await;
    let button: web_sys::HtmlElement = root
        .query_selector("[data-offer='nov2015'][data-line='premium:night'] button")
        .expect("query")
        .expect("night premium button")
        .dyn_into()
        .expect("an HTML element");
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    button.click();
    yew::scheduler::flush().await;
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    let why = root
        .query_selector("#why")
        .expect("query")
        .expect("explanation region");
    let text = why.text_content().unwrap_or_default();
    // 36 night hours over 4 weeks = 9 h/week; £31,600 ÷ 40 × 50% × 9 = £3,555.00.
    assert!(
        text.contains("× 9 h/week (hours per week it pays)"),
        "{text}"
    );
    assert!(text.contains("= £3,555.00"), "{text}");
    assert!(text.contains("Source: NHS Employers"), "{text}");
    // Choosing it again closes it.
    button.click();
    yew::scheduler::flush().await;
    assert!(root
        .query_selector("#why section")
        .expect("query")
        .is_none());
}

#[wasm_bindgen_test]
async fn the_job_form_reports_bad_input_beside_the_field_and_dispatches_good_input() {
    use offer_compare::engine::date::Date;
    use offer_compare::engine::fraction::Fraction;
    use offer_compare::ui::state::Action;
    use offer_compare::ui::{job_form, JobFormProps};
    use std::cell::RefCell;
    use wasm_bindgen::JsCast;

    let scenario = scenario_from_json(INLINE).expect("example parses");
    let received: Rc<RefCell<Vec<Action>>> = Rc::default();
    let sink = received.clone();
    let root = fresh_root();
    let props = JobFormProps {
        doctor: scenario.doctor.clone(),
        pay_date: Date::APRIL_2016_STRIKE,
        title: "".into(),
        generated_title: "An FY2 doctor on a ward rota, April 2016".into(),
        on_action: yew::Callback::from(move |a| sink.borrow_mut().push(a)),
    };
    mount(&root, move || job_form(&props));
    yew::scheduler::flush().await;
    let ltft: web_sys::HtmlInputElement = root
        .query_selector("#ltft")
        .expect("query")
        .expect("LTFT field")
        .dyn_into()
        .expect("an input");
    type_into(&ltft, "abc");
    yew::scheduler::flush().await;
    assert!(
        received.borrow().is_empty(),
        "nothing is dispatched for text that is not a percentage"
    );
    assert_eq!(ltft.get_attribute("aria-invalid").as_deref(), Some("true"));
    let message = root
        .query_selector("#ltft-error")
        .expect("query")
        .expect("message beside the field");
    assert!(message
        .text_content()
        .unwrap_or_default()
        .contains("percentage of full time"));
    type_into(&ltft, "60");
    yew::scheduler::flush().await;
    assert_eq!(
        *received.borrow(),
        vec![Action::SetLtft("60/100".parse::<Fraction>().unwrap())]
    );
    assert_eq!(ltft.get_attribute("aria-invalid").as_deref(), Some("false"));
    assert!(root.query_selector("#ltft-error").expect("query").is_none());

    // The title: its hint shows the heading written from the comparison; too
    // long a title is refused at the field, a short one is set trimmed.
    let hint = root
        .query_selector("#title-hint")
        .expect("query")
        .expect("title hint");
    assert_eq!(
        hint.text_content().unwrap_or_default(),
        "Leave empty to use: An FY2 doctor on a ward rota, April 2016"
    );
    let title: web_sys::HtmlInputElement = root
        .query_selector("#title")
        .expect("query")
        .expect("title field")
        .dyn_into()
        .expect("an input");
    received.borrow_mut().clear();
    type_into(&title, &"x".repeat(201));
    yew::scheduler::flush().await;
    assert!(received.borrow().is_empty());
    let message = root
        .query_selector("#title-error")
        .expect("query")
        .expect("message beside the title");
    assert!(message
        .text_content()
        .unwrap_or_default()
        .contains("at most 200 characters (this one has 201)"));
    type_into(&title, "  Our rota  ");
    yew::scheduler::flush().await;
    assert_eq!(
        *received.borrow(),
        vec![Action::SetTitle("Our rota".into())]
    );
}

/// A rota of three shifts, the second with a problem the engine reported.
fn small_rota() -> offer_compare::engine::rota::Rota {
    let text = r#"{"id": "r", "name": "Test rota", "weeks": 2, "shifts": [
        {"week": 1, "day": "mon", "start": "09:00", "minutes": 480, "label": "normal day"},
        {"week": 1, "day": "sat", "start": "20:00", "minutes": 1800, "label": "night"},
        {"week": 2, "day": "sun", "start": "17:00", "minutes": 960, "kind": "non_resident_on_call"}]}"#;
    serde_json::from_str(text).expect("rota")
}

#[wasm_bindgen_test]
async fn the_rota_grid_places_each_shift_in_its_week_and_day_and_shows_its_problem() {
    use offer_compare::engine::Issue;
    use offer_compare::ui::state::Action;
    use offer_compare::ui::{rota_grid, RotaGridProps};
    use std::cell::RefCell;
    let root = fresh_root();
    let selected = Rc::new(RefCell::new(None));
    let actions = Rc::new(RefCell::new(Vec::new()));
    let (sel, act) = (selected.clone(), actions.clone());
    let props = RotaGridProps {
        rota: Rc::new(small_rota()),
        issues: Rc::new(vec![Issue {
            path: "rotas[0].shifts[1].minutes".into(),
            message: "a worked shift lasts at most 24 hours".into(),
        }]),
        selected: Some(0),
        on_select: yew::Callback::from(move |i| *sel.borrow_mut() = i),
        add: yew::Callback::from(|(week, day)| {
            offer_compare::engine::edit::rota::built_in_templates()[0].shift(week, day)
        }),
        on_action: yew::Callback::from(move |a: Action| act.borrow_mut().push(a)),
    };
    mount(&root, move || rota_grid(&props));
    yew::scheduler::flush().await;
    let text = |selector: &str| {
        root.query_selector(selector)
            .expect("query")
            .and_then(|e| e.text_content())
            .unwrap_or_default()
    };
    let rows = root.query_selector_all("tbody tr").expect("query");
    assert_eq!(rows.length(), 2);
    // Week 1 Monday is the second cell of the first row; week 2 Sunday the last of the second.
    assert!(text("tbody tr:nth-child(1) td:nth-of-type(1)").contains("09:00–17:00"));
    assert!(
        text("tbody tr:nth-child(2) td:nth-of-type(7)").contains("17:00–09:00 next day on call")
    );
    assert!(text("tbody tr:nth-child(1) td:nth-of-type(6)").contains("20:00–02:00 +2 days"));
    // The engine's message sits at its shift, and is tied to it for screen readers.
    assert_eq!(
        text("#shift-1-error"),
        "a worked shift lasts at most 24 hours"
    );
    let chip = root
        .query_selector("#shift-1")
        .expect("query")
        .expect("chip");
    assert_eq!(
        chip.get_attribute("aria-describedby").as_deref(),
        Some("shift-1-error")
    );
    assert_eq!(
        root.query_selector_all(".shift-invalid")
            .expect("query")
            .length(),
        1
    );
    assert_eq!(
        root.query_selector("#shift-0")
            .expect("query")
            .expect("chip")
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("true")
    );
    // Clicking a shift selects it; "+" adds the template's shift on that day.
    use wasm_bindgen::JsCast;
    chip.dyn_ref::<web_sys::HtmlElement>()
        .expect("button")
        .click();
    assert_eq!(*selected.borrow(), Some(1));
    let add = root
        .query_selector("button[aria-label='Add a shift on week 2 Wed']")
        .expect("query")
        .expect("add button");
    add.dyn_ref::<web_sys::HtmlElement>()
        .expect("button")
        .click();
    let added = match actions.borrow().first() {
        Some(Action::EditRota(offer_compare::engine::edit::rota::RotaEdit::Add(shift))) => {
            shift.clone()
        }
        other => panic!("expected an added shift, got {other:?}"),
    };
    assert_eq!(
        (
            added.week,
            added.day,
            added.start.to_string(),
            added.minutes
        ),
        (
            2,
            offer_compare::engine::time::Weekday::Wed,
            "09:00".into(),
            480
        )
    );
}

#[wasm_bindgen_test]
async fn pasting_previews_both_shapes_lists_bad_rows_and_imports_only_when_asked() {
    use offer_compare::engine::edit::rota::RotaEdit;
    use offer_compare::ui::state::Action;
    use offer_compare::ui::{PasteImport, PasteImportProps};
    use std::cell::RefCell;
    use wasm_bindgen::JsCast;
    let root = fresh_root();
    let actions = Rc::new(RefCell::new(Vec::new()));
    let act = actions.clone();
    yew::Renderer::<PasteImport>::with_root_and_props(
        root.clone(),
        PasteImportProps {
            on_action: yew::Callback::from(move |a: Action| act.borrow_mut().push(a)),
        },
    )
    .render();
    yew::scheduler::flush().await;
    let paste = |text: &str| {
        let area: web_sys::HtmlTextAreaElement = root
            .query_selector("#paste-text")
            .expect("query")
            .expect("textarea")
            .dyn_into()
            .expect("textarea");
        area.set_value(text);
        let event = web_sys::InputEvent::new("input").expect("event");
        area.dispatch_event(&event).expect("dispatch");
    };
    let click = |selector: &str| {
        let found = root.query_selector_all("button").expect("query");
        for i in 0..found.length() {
            let b: web_sys::HtmlElement = found.get(i).expect("node").dyn_into().expect("button");
            if b.text_content().unwrap_or_default().starts_with(selector) {
                b.click();
                return;
            }
        }
        panic!("no button {selector}");
    };
    let status = || {
        root.query_selector(".paste-preview")
            .expect("query")
            .and_then(|e| e.text_content())
            .unwrap_or_default()
    };

    // List shape, one bad row.
    paste("week\tday\tstart\tend\tlabel\n1\tMon\t08:00\t20:30\tlong day\n1\tTue\t25:00\t08:00\tnight\n2\tSat\t20:00\t08:30\tnight\n");
    yew::scheduler::flush().await;
    click("Preview");
    yew::scheduler::flush().await;
    let shown = status();
    assert!(
        shown.contains("Read as one row per shift: 2 shifts over 2 weeks."),
        "{shown}"
    );
    assert!(shown.contains("Row 3: "), "{shown}");
    assert!(shown.contains("25:00"), "{shown}");
    assert!(
        actions.borrow().is_empty(),
        "nothing is imported before confirming"
    );

    // Grid shape with a legend.
    paste("Week\tMon\tTue\tWed\tThu\tFri\tSat\tSun\n1\tLD\tLD\tOFF\tN\tN\t\t\n2\tD\tD\tD\tD\tD\tOFF\tOFF\n\nLegend\nLD\t08:00\t20:30\tlong day\nN\t20:00\t08:00\tnight\n");
    yew::scheduler::flush().await;
    click("Preview");
    yew::scheduler::flush().await;
    let shown = status();
    assert!(
        shown.contains("Read as a grid of weeks and days: 9 shifts over 2 weeks."),
        "{shown}"
    );
    click("Import 9 shifts");
    yew::scheduler::flush().await;
    match actions.borrow().as_slice() {
        [Action::EditRota(RotaEdit::Replace { weeks: 2, shifts })] => {
            assert_eq!(shifts.len(), 9);
            let night = shifts
                .iter()
                .find(|s| s.label.as_deref() == Some("night"))
                .expect("a night");
            assert_eq!(
                (night.start.to_string(), night.minutes),
                ("20:00".into(), 720)
            );
        }
        other => panic!("expected one import, got {other:?}"),
    }
    assert!(root
        .query_selector(".paste-preview")
        .expect("query")
        .is_none());
}

/// Clicks the first button in `root` whose text starts with `text`.
fn click_button(root: &web_sys::Element, text: &str) {
    use wasm_bindgen::JsCast;
    let buttons = root.query_selector_all("button").expect("query");
    let button = (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        .find(|b| b.text_content().unwrap_or_default().starts_with(text))
        .unwrap_or_else(|| panic!("no button '{text}'"));
    button.click();
}

#[wasm_bindgen_test]
async fn the_offer_editor_shows_every_section_refuses_bad_drafts_at_the_field_and_sends_good_ones()
{
    use offer_compare::ui::state::{Action, State};
    use offer_compare::ui::{OfferEditor, OfferEditorProps};
    use std::cell::RefCell;
    use wasm_bindgen::JsCast;
    use yew::Reducible;

    let state =
        Rc::new(State::from_json(offer_compare::DEFAULT_SCENARIO)).reduce(Action::DuplicateOffer {
            column: "may-2016".into(),
            today: offer_compare::engine::date::Date::APRIL_2016_STRIKE,
        });
    let received: Rc<RefCell<Vec<Action>>> = Rc::default();
    let sink = received.clone();
    let root = fresh_root();
    yew::Renderer::<OfferEditor>::with_root_and_props(
        root.clone(),
        OfferEditorProps {
            scenario: state.scenario.clone(),
            offer: "tcs-2016-custom".into(),
            on_action: yew::Callback::from(move |a| sink.borrow_mut().push(a)),
        },
    )
    .render();
    yew::scheduler::flush().await;
    let text = root.text_content().unwrap_or_default();
    // The offer model section by section (terms open; the others one click away).
    for section in [
        "Status (",
        "Sources (",
        "Assumptions (",
        "Pay scale",
        "Full time hours",
        "Weeks per year",
        "Additional hours",
        "Premium windows (1)",
        "Combine",
        "Add allowances",
        "Shift rules (",
        "Frequency allowances (",
        "Rest",
        "Rounding",
    ] {
        assert!(text.contains(section), "no section '{section}' in {text}");
    }
    click_button(&root, "Premium windows");
    yew::scheduler::flush().await;
    click_button(&root, "1. Night hours");
    yew::scheduler::flush().await;
    let days = root
        .query_selector_all("#oe-terms-premium_windows-0-days input[type=checkbox]")
        .expect("query");
    assert_eq!(days.length(), 7, "a checkbox per day");
    assert!(
        root.text_content()
            .unwrap_or_default()
            .contains("Add condition"),
        "a window may gain the imposed contract's kind of condition"
    );
    let uplift: web_sys::HtmlInputElement = root
        .query_selector("#oe-terms-premium_windows-0-uplift")
        .expect("query")
        .expect("uplift field")
        .dyn_into()
        .expect("an input");
    assert_eq!(
        uplift.value(),
        "37%",
        "rates read as the contract writes them"
    );
    type_into(&uplift, "500%");
    yew::scheduler::flush().await;
    yew::scheduler::flush().await;
    assert!(received.borrow().is_empty(), "a bad draft is not sent");
    let message = root
        .query_selector("#oe-terms-premium_windows-0-uplift-error")
        .expect("query")
        .expect("message at the field");
    assert!(message
        .text_content()
        .unwrap_or_default()
        .contains("is more than 200%"));
    assert_eq!(
        uplift.get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    assert!(root
        .text_content()
        .unwrap_or_default()
        .contains("This draft is not used yet"));
    type_into(&uplift, "40%");
    yew::scheduler::flush().await;
    yew::scheduler::flush().await;
    let sent = received.borrow();
    let Some(Action::ReplaceOffer { offer, .. }) = sent.last() else {
        panic!("a good draft is sent: {sent:?}");
    };
    assert_eq!(offer.id, "tcs-2016-custom");
    assert_eq!(
        offer.terms.premium_windows[0].uplift,
        "0.4".parse().unwrap()
    );
    assert!(root
        .query_selector("#oe-terms-premium_windows-0-uplift-error")
        .expect("query")
        .is_none());
}

#[wasm_bindgen_test]
async fn the_take_home_form_sends_each_setting_and_refuses_a_bad_index_at_its_field() {
    use offer_compare::engine::deductions::rules::LoanPlan;
    use offer_compare::engine::real_terms::{IndexBasis, Measure, RealTerms, UserIndex};
    use offer_compare::engine::take_home::TakeHome;
    use offer_compare::ui::state::Action;
    use offer_compare::ui::{take_home_form, TakeHomeFormProps};
    use std::cell::RefCell;
    use wasm_bindgen::JsCast;

    let received: Rc<RefCell<Vec<Action>>> = Rc::default();
    let sink = received.clone();
    let root = fresh_root();
    let real = RealTerms {
        measure: Measure::Cpi,
        basis: IndexBasis::AnnualAverage,
        year: 2022,
        values: vec![],
    };
    let settings = TakeHome {
        real_terms: Some(real.clone()),
        ..TakeHome::default()
    };
    let props = TakeHomeFormProps {
        settings: Some(settings.clone()),
        pay_years: vec![2016],
        pay_lines: vec![
            ("basic".into(), "Basic salary".into()),
            ("banding".into(), "Banding supplement".into()),
        ],
        on_action: yew::Callback::from(move |a| sink.borrow_mut().push(a)),
    };
    mount(&root, move || take_home_form(&props));
    yew::scheduler::flush().await;
    let input = |id: &str| -> web_sys::HtmlInputElement {
        root.query_selector(&format!("#{id}"))
            .expect("query")
            .unwrap_or_else(|| panic!("no #{id}"))
            .dyn_into()
            .expect("an input")
    };
    // Shown with the defaults: a pension scheme member, no loans.
    assert!(input("take-home-on").checked());
    assert!(input("pension-member").checked());
    assert!(!input("loan-plan2").checked());
    // The index values used: 2016 (the pay year) and 2022 (the reference), shipped and sourced.
    assert_eq!(input("index-2016").value(), "100.7");
    assert_eq!(input("index-2022").value(), "121.7");
    let text = root.text_content().unwrap_or_default();
    assert!(text.contains("D7BT"), "the series and its source: {text}");
    assert!(text.contains("[V]"), "{text}");

    // Pensionable lines as the contracts say: basic yes, 2002 banding no.
    assert!(input("pensionable-basic").checked());
    assert!(!input("pensionable-banding").checked());
    input("pensionable-banding").click();
    yew::scheduler::flush().await;
    assert_eq!(
        received.borrow().last(),
        Some(&Action::SetTakeHome {
            settings: Some(TakeHome {
                pensionable: Some(vec!["basic".into(), "banding".into()]),
                ..settings.clone()
            }),
            typed: None,
        })
    );

    input("loan-plan2").click();
    yew::scheduler::flush().await;
    assert_eq!(
        received.borrow().last(),
        Some(&Action::SetTakeHome {
            settings: Some(TakeHome {
                loans: vec![LoanPlan::Plan2],
                ..settings.clone()
            }),
            typed: None,
        })
    );

    // A zero index is refused beside its field; nothing is sent.
    let before = received.borrow().len();
    let index = input("index-2022");
    type_into(&index, "0");
    yew::scheduler::flush().await;
    assert_eq!(received.borrow().len(), before);
    let message = root
        .query_selector("#index-2022-error")
        .expect("query")
        .expect("message beside the field");
    assert!(message
        .text_content()
        .unwrap_or_default()
        .contains("more than 0"));
    // A corrected value is sent as the user's own, for that year.
    type_into(&index, "120");
    yew::scheduler::flush().await;
    match received.borrow().last() {
        Some(Action::SetTakeHome {
            settings: Some(s),
            typed: Some(_),
        }) => assert_eq!(
            s.real_terms.as_ref().map(|r| r.values.clone()),
            Some(vec![UserIndex {
                year: 2022,
                value: "120".parse().unwrap()
            }])
        ),
        other => panic!("{other:?}"),
    }
    // Switching take-home off sends no settings at all.
    input("take-home-on").click();
    yew::scheduler::flush().await;
    assert_eq!(
        received.borrow().last(),
        Some(&Action::SetTakeHome {
            settings: None,
            typed: None
        })
    );
}
