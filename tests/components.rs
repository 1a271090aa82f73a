//! Component tests in a real headless Chromium (`wasm-bindgen-test`): each test
//! mounts into a fresh element, flushes yew's scheduler, then reads the DOM.
#![cfg(target_arch = "wasm32")]

use offer_compare::codec::json::scenario_from_json;
use offer_compare::engine::compare;
use offer_compare::engine::explain::format_figure;
use offer_compare::ui::{ColumnDetails, ColumnDetailsProps, ResultsTable, ResultsTableProps};
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

#[wasm_bindgen_test]
async fn results_table_shows_every_figure_with_its_value_and_formatting() {
    let scenario = scenario_from_json(offer_compare::DEFAULT_SCENARIO).expect("default parses");
    let comparison = Rc::new(compare(&scenario).expect("default computes"));
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
    let comparison = Rc::new(compare(&scenario).expect("computes"));
    let root = fresh_root();
    yew::Renderer::<ColumnDetails>::with_root_and_props(
        root.clone(),
        ColumnDetailsProps { comparison },
    )
    .render();
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
    let comparison = Rc::new(compare(&scenario).expect("computes"));
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
    use offer_compare::ui::{JobForm, JobFormProps};
    use std::cell::RefCell;
    use wasm_bindgen::JsCast;

    let scenario = scenario_from_json(INLINE).expect("example parses");
    let received: Rc<RefCell<Vec<Action>>> = Rc::default();
    let sink = received.clone();
    let root = fresh_root();
    yew::Renderer::<JobForm>::with_root_and_props(
        root.clone(),
        JobFormProps {
            doctor: scenario.doctor.clone(),
            pay_date: Date::APRIL_2016_STRIKE,
            on_action: yew::Callback::from(move |a| sink.borrow_mut().push(a)),
        },
    )
    .render();
    yew::scheduler::flush().await;
    let ltft: web_sys::HtmlInputElement = root
        .query_selector("#ltft")
        .expect("query")
        .expect("LTFT field")
        .dyn_into()
        .expect("an input");
    let type_into = |value: &str| {
        ltft.set_value(value);
        let event = web_sys::InputEvent::new("input").expect("input event");
        ltft.dispatch_event(&event).expect("dispatch");
    };
    type_into("abc");
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
    type_into("60");
    yew::scheduler::flush().await;
    assert_eq!(
        *received.borrow(),
        vec![Action::SetLtft("60/100".parse::<Fraction>().unwrap())]
    );
    assert_eq!(ltft.get_attribute("aria-invalid").as_deref(), Some("false"));
    assert!(root.query_selector("#ltft-error").expect("query").is_none());
}
