//! The first-visit path (issue #21): three questions — your job, a rota like
//! yours, the offers — one per page, then the answer. It reuses the page's
//! own forms, so an answer here is the same edit as on the page (and undoes
//! the same way). Offered only to someone who opened the page with no link
//! and no work of their own; skippable at every step.

use crate::engine::offer::Offer;
use crate::engine::scenario::Scenario;
use crate::engine::title;
use crate::presets::RotaPreset;
use crate::ui::doctor::job::{job_form, JobFormProps};
use crate::ui::offers::columns::OfferColumns;
use crate::ui::rota::picker::rota_picker;
use crate::ui::state::Action;
use std::rc::Rc;
use yew::prelude::*;

/// How many questions the path asks.
pub const QUESTIONS: u8 = 3;

/// Where the path ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Finish {
    /// At the answer.
    Answer,
    /// At the rota editor, to enter or paste one's own rota.
    OwnRota,
}

/// A move along the path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// To question `n` (1 to [`QUESTIONS`]).
    To(u8),
    /// Out of the path.
    Done(Finish),
}

/// The offer to start the path, shown under the answer of the default
/// comparison.
pub fn invitation(on_step: &Callback<Step>) -> Html {
    html! {
        <aside class="first-visit-invitation" aria-labelledby="first-visit-title">
            <h2 id="first-visit-title">{ "Is this not you?" }</h2>
            <p>{ "Answer three questions — your job, a rota like yours, the offers — to see your own figures." }</p>
            <button type="button" id="first-visit-start" onclick={on_step.reform(|_: MouseEvent| Step::To(1))}>
                { "Start: 3 questions" }</button>
        </aside>
    }
}

/// What a question page shows and where its edits go. (The page's error
/// summary, above it, says any problem; each is also said at its field.)
pub struct Question<'a> {
    /// The question shown, 1 to [`QUESTIONS`].
    pub question: u8,
    /// The scenario being set up.
    pub scenario: &'a Rc<Scenario>,
    /// Whether the scenario has a problem: the path waits until it is fixed.
    pub blocked: bool,
    /// The rota presets.
    pub rota_presets: &'a Rc<Vec<RotaPreset>>,
    /// The offer presets.
    pub offer_presets: &'a Rc<Vec<Offer>>,
    /// Receives the edits.
    pub on_action: &'a Callback<Action>,
    /// Receives the moves along the path.
    pub on_step: &'a Callback<Step>,
}

/// One question of the path, on a page of its own. A function, not a
/// component: it keeps no state of its own, and a component's machinery
/// costs the bundle kilobytes.
pub fn question(props: Question) -> Html {
    let s = props.scenario;
    let n = props.question.clamp(1, QUESTIONS);
    let (heading, form) = match n {
        1 => (
            "What is your job?",
            html! {
                { job_form(&JobFormProps { doctor: s.doctor.clone(), pay_date: s.pay_date, on_action: props.on_action.clone(),
                    title: AttrValue::from(s.title.clone()), generated_title: AttrValue::from(title::generated(s)) }) }
            },
        ),
        2 => {
            let current = s.rotas.first().map(|r| r.id.clone()).unwrap_or_default();
            (
                "Which rota is most like yours?",
                html! {
                    <>
                        { rota_picker(props.rota_presets, &current, None, props.on_action) }
                        <p>{ "None of these? " }
                            <button type="button" class="link-button" id="first-visit-own-rota"
                                onclick={props.on_step.reform(|_: MouseEvent| Step::Done(Finish::OwnRota))}>
                                { "Enter or paste your own rota" }</button>
                        </p>
                    </>
                },
            )
        }
        _ => (
            "Which offers do you want to compare?",
            html! {
                <OfferColumns scenario={Rc::clone(s)} presets={Rc::clone(props.offer_presets)} on_action={props.on_action.clone()} />
            },
        ),
    };
    let next = if n < QUESTIONS {
        Step::To(n + 1)
    } else {
        Step::Done(Finish::Answer)
    };
    let blocked = props.blocked;
    html! {
        <section class="first-visit" aria-labelledby="first-visit-question">
            <p class="first-visit-count">{ format!("Question {n} of {QUESTIONS}") }</p>
            <h1 id="first-visit-question">{ heading }</h1>
            <form onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>{ form }</form>
            <div class="first-visit-moves">
                <button type="button" id="first-visit-next" disabled={blocked}
                    onclick={props.on_step.reform(move |_: MouseEvent| next)}>
                    { if n < QUESTIONS { "Continue" } else { "See your answer" } }</button>
                if n > 1 {
                    <button type="button" class="secondary" onclick={props.on_step.reform(move |_: MouseEvent| Step::To(n - 1))}>{ "Back" }</button>
                }
                <button type="button" class="link-button" id="first-visit-skip"
                    onclick={props.on_step.reform(|_: MouseEvent| Step::Done(Finish::Answer))}>{ "Skip to the answer" }</button>
            </div>
        </section>
    }
}
