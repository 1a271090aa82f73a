//! The browser work behind "Share and save": the link, saving and opening
//! scenario files, and the results CSV, wired to the presentational
//! [`share_section`]. Called by the root, which owns the state.

use crate::codec::csv::results_to_csv;
use crate::codec::json::{origins, scenario_from_json, scenario_to_json, MAX_SCENARIO_BYTES};
use crate::codec::link::PREFIX;
use crate::engine::scenario::{Scenario, FORMAT_VERSION};
use crate::engine::title::heading;
use crate::ui::browser;
use crate::ui::share::panel::{share_section, SharePanelProps};
use crate::ui::state::{Action, Notice, State};
use std::rc::Rc;
use yew::prelude::*;

/// A file name for a scenario, from its heading (the title, or the one
/// written from the comparison).
fn file_name(scenario: &Scenario, extension: &str) -> String {
    let slug: String = heading(scenario)
        .to_ascii_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(8)
        .collect::<Vec<_>>()
        .join("-");
    let slug = if slug.is_empty() { "scenario" } else { &slug };
    format!("offer-compare-{slug}.{extension}")
}

/// What produced the page's figures, links and files (matching every offer
/// against the presets: worth computing once per scenario, not per render).
pub fn stamp(scenario: &Scenario) -> AttrValue {
    AttrValue::from(format!(
        "offer-compare {} · scenario format {FORMAT_VERSION} · link format {} · {}",
        env!("CARGO_PKG_VERSION"),
        PREFIX.trim_end_matches('.'),
        origins(scenario).join(", ")
    ))
}

/// Share link, files and CSV: the browser work behind [`share_section`].
pub fn share_panel(state: &UseReducerHandle<State>, link: &str, stamp: AttrValue) -> Html {
    let dispatch = state.dispatcher();
    let on_copy = {
        let (dispatch, link) = (dispatch.clone(), link.to_string());
        Callback::from(move |()| {
            let dispatch = dispatch.clone();
            browser::copy_text(
                &link,
                Callback::from(move |copied| {
                    dispatch.dispatch(Action::Notify(if copied {
                        Notice::info("Link copied.").at_share()
                    } else {
                        Notice::error("The browser did not allow copying: select the link and copy it yourself.").at_share()
                    }))
                }),
            )
        })
    };
    let on_save = {
        let (dispatch, scenario) = (dispatch.clone(), state.scenario.clone());
        Callback::from(move |()| {
            let name = file_name(&scenario, "json");
            browser::download(&name, "application/json", &scenario_to_json(&scenario));
            dispatch.dispatch(Action::Notify(
                Notice::info(format!("Saved {name}.")).at_share(),
            ));
        })
    };
    let on_csv = {
        let dispatch = dispatch.clone();
        let (scenario, shown, current) = (
            state.scenario.clone(),
            state.shown.clone(),
            state.issues.is_empty(),
        );
        Callback::from(move |()| {
            match (&shown, current) {
            (Some(comparison), true) => {
                let name = file_name(&scenario, "csv");
                browser::download(&name, "text/csv", &results_to_csv(&scenario, comparison));
                dispatch.dispatch(Action::Notify(Notice::info(format!("Saved {name}.")).at_share()));
            }
            _ => dispatch.dispatch(Action::Notify(Notice::error(
                "The results on screen are out of date: fix the problem at the top of the page before downloading them.",
            ).at_share())),
        }
        })
    };
    let on_open = Callback::from(move |input: web_sys::HtmlInputElement| {
        let dispatch = dispatch.clone();
        browser::read_chosen_file(
            &input,
            MAX_SCENARIO_BYTES,
            Callback::from(move |read: Result<(String, String), String>| {
                dispatch.dispatch(match read {
                    Ok((name, text)) => match scenario_from_json(&text) {
                        Ok(scenario) => Action::Open {
                            scenario: Rc::new(scenario),
                            from: format!("the file {name}"),
                        },
                        Err(e) => Action::Notify(Notice::error(format!(
                            "Could not open the file {name}: {e}. Nothing was changed."
                        ))),
                    },
                    Err(message) => Action::Notify(Notice::error(format!(
                        "Could not open the file: {message}. Nothing was changed."
                    ))),
                })
            }),
        );
        // Choosing the same file again (after fixing it) is a change too.
        input.set_value("");
    });
    share_section(&SharePanelProps {
        link: AttrValue::from(link.to_string()),
        stamp,
        said: state.notice.clone().filter(|n| n.at_share),
        on_copy,
        on_save,
        on_open,
        on_csv,
    })
}
