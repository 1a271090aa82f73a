//! The root component: owns the scenario and derives the comparison from it.

use super::column_details::ColumnDetails;
use super::results_table::ResultsTable;
use crate::codec::json::scenario_from_json;
use crate::engine::compare::{compare, CompareError};
use crate::DEFAULT_SCENARIO;
use std::rc::Rc;
use yew::prelude::*;

/// The whole app.
#[component]
pub fn App() -> Html {
    let scenario = use_memo((), |_| scenario_from_json(DEFAULT_SCENARIO));
    let comparison = use_memo(scenario.clone(), |scenario| match scenario.as_ref() {
        Ok(s) => compare(s).map(Rc::new),
        Err(e) => Err(CompareError::Invalid(vec![crate::engine::Issue {
            path: e.path.clone(),
            message: e.message.clone(),
        }])),
    });
    let title = match scenario.as_ref() {
        Ok(s) => s.title.clone(),
        Err(_) => "Offer Compare".to_string(),
    };
    let body = match comparison.as_ref() {
        Ok(c) => html! {
            <>
                <ResultsTable comparison={c.clone()} />
                <ColumnDetails comparison={c.clone()} />
            </>
        },
        Err(CompareError::Invalid(issues)) => html! {
            <div class="error-summary" role="alert">
                <h2>{ "There is a problem with the scenario" }</h2>
                <ul>{ for issues.iter().map(|i| html! { <li>{ i.to_string() }</li> }) }</ul>
            </div>
        },
        Err(CompareError::Compute(e)) => html! {
            <div class="error-summary" role="alert"><p>{ e.to_string() }</p></div>
        },
    };
    html! {
        <>
            <header class="masthead">
                <p class="brand">{ "Offer Compare" }</p>
                <p class="tagline">{ "Contract offers side by side: what each does to your earnings and rest." }</p>
            </header>
            <main id="main">
                <h1>{ title }</h1>
                { body }
            </main>
        </>
    }
}
