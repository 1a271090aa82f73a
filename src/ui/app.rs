//! The root component: owns the state (one reducer) and the view, and lays
//! out the page. Leaf components get props and callbacks; none computes a
//! figure.

use crate::codec::json::preset_key;
use crate::codec::keep;
use crate::codec::link::scenario_to_link;
use crate::engine::title::{self, heading};
use crate::engine::Issue;
use crate::presets;
use crate::ui::browser;
use crate::ui::doctor::job::{job_form, JobFormProps};
use crate::ui::doctor::take_home::{take_home_form, TakeHomeFormProps};
use crate::ui::explore::gains::GainsPanel;
use crate::ui::explore::sweep::Explorer;
use crate::ui::first_screen::masthead;
use crate::ui::first_visit::{self, Finish, Question, Step};
use crate::ui::offers::columns::OfferColumns;
use crate::ui::offers::editor::OfferEditor;
use crate::ui::offers::terms_diff::TermsDiff;
use crate::ui::results::answer::Answer;
use crate::ui::results::assumptions::assumptions_panel;
use crate::ui::results::column_details::column_details;
use crate::ui::results::method_and_sources::method_and_sources;
use crate::ui::results::pay_chart::pay_chart;
use crate::ui::results::presentation::Presentation;
use crate::ui::results::rest_chart::rest_chart;
use crate::ui::results::table::ResultsTable;
use crate::ui::rota::editor::RotaEditor;
use crate::ui::rota::picker::rota_picker;
use crate::ui::rota::timeline::RotaTimeline;
use crate::ui::share::handlers::{share_panel, stamp};
use crate::ui::share::saved::SavedComparisons;
use crate::ui::state::{is_link, open_link, Action, Notice, State};
use crate::ui::view::View;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// The form field an engine issue belongs to, if it has one on this page.
fn field_for(path: &str) -> Option<String> {
    let id = match path {
        "doctor.ltft" => "ltft",
        "doctor.years_at_grade" => "years",
        "doctor.specialty_premium" => "premium",
        "doctor.grade" => "grade",
        "pay_date" => "pay-date",
        p if p.starts_with("take_home") => "take-home-on",
        p if p.starts_with("columns") => "add-offer",
        p => {
            // A shift's problem links to the shift in the grid.
            let shift = p.strip_prefix("rotas[0].shifts[")?;
            let (index, _) = shift.split_once(']')?;
            return index.parse::<usize>().ok().map(|i| format!("shift-{i}"));
        }
    };
    Some(id.to_string())
}

fn error_summary(issues: &[Issue]) -> Html {
    html! {
        <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
            <h2 id="error-summary-title">{ "There is a problem" }</h2>
            <ul>
                { for issues.iter().map(|i| match field_for(&i.path) {
                    Some(id) => html! { <li><a href={format!("#{id}")}>{ &i.message }</a></li> },
                    None => html! { <li>{ i.to_string() }</li> },
                }) }
            </ul>
        </div>
    }
}

/// A part of the page shown in `views` (the first is its home, where links
/// into it lead) when `current` is one of them. Hidden parts stay in the
/// page, so their components keep what they hold (a sweep, a half-typed
/// paste) from one view to the next, and print shows them all as before
/// (styles/main.css). Never inlined: one copy for the page's ten parts.
#[inline(never)]
fn part(current: View, views: &[View], children: Html) -> Html {
    html! {
        <div class="view-part" data-home={views.first().map(|v| v.id())} hidden={!views.contains(&current)}>
            { children }
        </div>
    }
}

/// Where the page is: the view shown, on the page's address (without query
/// or fragment), for the listeners that outlive a render.
struct Place {
    view: View,
    page: String,
}

/// Shows the view `to` (a new history entry, so Back returns), then focuses
/// the element `target`, if any, once the view shows (after the render).
#[inline(never)]
fn go(place: &RefCell<Place>, redraw: &UseForceUpdateHandle, to: View, target: Option<String>) {
    let mut here = place.borrow_mut();
    if to != here.view {
        browser::push_address(&to.address(&here.page, &browser::fragment()));
        here.view = to;
        show_title(to);
        redraw.force_update();
    }
    if let Some(id) = target {
        browser::focus(&id);
    }
}

/// Names the view in the tab's title (and so in the browser's history).
fn show_title(view: View) {
    browser::set_title(&match view {
        View::Compare => "Offer Compare".to_string(),
        v => format!("{} · Offer Compare", v.label()),
    });
}

/// Marks a moment for the browser's performance timeline, read by the
/// end-to-end tests (input → updated results, navigation → first results).
fn mark(name: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = name;
}

/// The whole app.
#[component]
pub fn App() -> Html {
    // Opened with no link and no work of its own: the first-visit path is
    // offered (read before the autosave is restored, which may set it aside).
    let path = use_state(|| {
        let fresh = browser::fragment().is_empty()
            && !matches!(
                keep::Store::get(&browser::BrowserStore, keep::AUTOSAVE_KEY),
                Ok(Some(_))
            );
        if fresh {
            PathState::Offered
        } else {
            PathState::Gone
        }
    });
    let state = use_reducer(|| {
        State::open_page(
            &mut browser::BrowserStore,
            &browser::fragment(),
            &browser::now(),
        )
    });
    // After the render that shows new results has been committed to the page
    // (first among the effects, so later ones are not counted).
    use_effect_with(state.shown.clone(), |_| mark("oc-rendered"));
    // One callback for the life of the page, so components whose other props
    // did not change are not rendered again.
    // The view, from the address (`?view=`), where the listeners, which
    // outlive a render, read and change it.
    let place = use_mut_ref(|| {
        let address = browser::address();
        Place {
            view: View::from_address(&address),
            page: View::page_of(&address).to_string(),
        }
    });
    let redraw = use_force_update();
    let on_action = {
        let dispatcher = state.dispatcher();
        let (place, redraw) = (place.clone(), redraw.clone());
        use_callback((), move |action: Action, _| {
            mark("oc-dispatch");
            // The offer editor lives in Offers: opening it ("Duplicate and
            // edit", from Compare too) goes there.
            let editor = matches!(
                action,
                Action::DuplicateOffer { .. } | Action::EditOffer(Some(_))
            );
            dispatcher.dispatch(action);
            if editor {
                go(
                    &place,
                    &redraw,
                    View::Offers,
                    Some("offer-editor-heading".into()),
                );
            }
        })
    };
    // The share link's fragment for the scenario on screen, made after
    // rendering so the results never wait for it; the address bar follows it,
    // and the autosave keeps the scenario.
    let link = use_state(String::new);
    let stamp_text = use_memo(state.scenario.clone(), |scenario| stamp(scenario));
    let footer = format!(
        "Offer Compare · shown {} · {}",
        browser::today(),
        stamp_text
    );
    let latest_fragment = use_mut_ref(String::new);
    let started = use_mut_ref(|| false);
    {
        let (link, latest_fragment) = (link.clone(), latest_fragment.clone());
        // A link that failed to open stays in the address bar until the first
        // edit, so it can still be copied and reported.
        let keep_address = state.notice.as_ref().is_some_and(|n| n.error);
        // The reducer has already compared this scenario: no issues is what
        // `keep::check_keepable` would find, without comparing it again on
        // every keystroke.
        let keepable = state.issues.is_empty();
        // Autosave with the address bar, never after it: a reload just after
        // an edit would otherwise find a link newer than the autosave, and
        // keep that work aside as if a stranger's link had replaced it. A
        // failure is said once.
        let failed = use_mut_ref(|| false);
        let dispatch = state.dispatcher();
        let footer = footer.clone();
        // One effect for all three (each costs code).
        use_effect_with(state.scenario.clone(), move |scenario| {
            browser::set_print_footer(&footer);
            // A scenario with a problem is never put in the address bar (nor
            // the share link): a reload or a copied link would bring back work
            // that does not open, so the last valid link and autosave stay.
            if !keepable {
                return;
            }
            let fragment = scenario_to_link(scenario);
            if *started.borrow() || !keep_address {
                browser::replace_fragment(&fragment);
            }
            *started.borrow_mut() = true;
            link.set(fragment.clone());
            *latest_fragment.borrow_mut() = fragment;
            let result = keep::autosave_checked(&mut browser::BrowserStore, scenario);
            let was_failing = std::mem::replace(&mut *failed.borrow_mut(), result.is_err());
            if let (Err(e), false) = (result, was_failing) {
                dispatch.dispatch(Action::Notify(Notice::error(format!(
                    "Your work cannot be kept in this browser: {}. It stays on screen; save a file to keep it.",
                    e.0
                ))));
            }
        });
    }
    {
        // The page's listeners, for its life (one effect: each costs code).
        // A link pasted into the address bar opens; an in-page link (#results-heading)
        // scrolls, then the address bar gets the share link back.
        let dispatch = state.dispatcher();
        let (place, redraw) = (place.clone(), redraw.clone());
        use_effect_with((), move |_| {
            let undo = {
                let dispatch = dispatch.clone();
                browser::on_undo_keys(Callback::from(move |redo| {
                    dispatch.dispatch(if redo { Action::Redo } else { Action::Undo })
                }))
            };
            let restore = {
                let latest_fragment = latest_fragment.clone();
                move || {
                    let latest = latest_fragment.borrow().clone();
                    if !latest.is_empty() {
                        browser::replace_fragment(&latest);
                    }
                }
            };
            let fragments = {
                let restore = restore.clone();
                browser::on_fragment_change(Callback::from(move |fragment: String| {
                    if !is_link(&fragment) {
                        restore();
                    } else if fragment != *latest_fragment.borrow() {
                        dispatch.dispatch(open_link(&fragment, "Your comparison is unchanged."));
                    }
                }))
            };
            // A plain click on a view's link, or on a link into another view,
            // changes view in the page.
            let links = {
                let (place, redraw) = (place.clone(), redraw.clone());
                browser::on_view_link(Callback::from(
                    move |(id, target): (String, Option<String>)| {
                        if let Some(to) = View::from_id(&id) {
                            go(&place, &redraw, to, target);
                        }
                    },
                ))
            };
            show_title(place.borrow().view);
            // Back and Forward move between views.
            let history = browser::on_history_move(Callback::from(move |()| {
                let to = View::from_address(&browser::address());
                if to == place.borrow().view {
                    return;
                }
                // Back is not undo: the entry keeps the comparison it was
                // left with, and the one on screen stays (the fragment
                // listener then sees nothing new).
                restore();
                place.borrow_mut().view = to;
                show_title(to);
                redraw.force_update();
            }));
            move || drop((undo, fragments, links, history))
        });
    }
    // The codec's library already holds every parsed offer preset.
    let offer_presets = use_memo((), |_| {
        presets::library()
            .offers
            .iter()
            .map(|e| e.item.clone())
            .collect::<Vec<_>>()
    });
    let rota_presets = use_memo((), |_| presets::rota_presets());
    let scenario = state.scenario.clone();
    let rota = scenario.rotas.first().cloned().map(Rc::new);
    let rota_id = rota.as_ref().map(|r| r.id.clone()).unwrap_or_default();
    let custom_rota = rota
        .as_ref()
        .filter(|r| preset_key(&presets::library().rotas, &***r).is_none())
        .map(|r| r.name.clone());
    let presenting = use_state(|| false);
    // Leaving the presentation returns focus to the button that opened it
    // (the page is rendered anew, so the focus would otherwise be lost).
    let present_button = use_node_ref();
    let presented = use_mut_ref(|| false);
    {
        let (present_button, presented) = (present_button.clone(), presented.clone());
        use_effect_with(*presenting, move |now| {
            if *now {
                *presented.borrow_mut() = true;
            } else if *presented.borrow() {
                if let Some(button) = present_button.cast::<web_sys::HtmlElement>() {
                    let _ = button.focus();
                }
            }
        });
    }
    let present = {
        let presenting = presenting.clone();
        Callback::from(move |_: MouseEvent| presenting.set(true))
    };
    let on_step = {
        let (path, place, redraw) = (path.clone(), place.clone(), redraw.clone());
        Callback::from(move |step: Step| match step {
            Step::To(n) => {
                path.set(PathState::Asking(n));
                browser::focus("first-visit-question");
            }
            Step::Done(Finish::Answer) => {
                path.set(PathState::Gone);
                browser::focus("answer-heading");
            }
            // The rota editor is in "Your job and rota".
            Step::Done(Finish::OwnRota) => {
                path.set(PathState::Gone);
                go(
                    &place,
                    &redraw,
                    View::Job,
                    Some("rota-editor-heading".into()),
                );
            }
        })
    };
    if let (true, Some(c)) = (*presenting, state.shown.as_ref()) {
        let presenting = presenting.clone();
        return html! {
            <Presentation comparison={c.clone()} title={AttrValue::from(heading(&state.scenario))}
                stamp={(*stamp_text).clone()} on_exit={Callback::from(move |()| presenting.set(false))} />
        };
    }
    let (view, base) = {
        let place = place.borrow();
        (place.view, place.page.clone())
    };
    let share_link = if link.is_empty() {
        String::new()
    } else {
        view.address(&base, &link)
    };
    let results = state.shown.as_ref().map(|c| html! {
        <section class={classes!("results", state.is_stale().then_some("stale"))} aria-labelledby="results-heading">
            <h2 id="results-heading">{ "Results in full" }</h2>
            <ResultsTable comparison={c.clone()} />
            { pay_chart(c, &stamp_text) }
            { rest_chart(c, &stamp_text) }
            { column_details(c) }
        </section>
    });
    // Parts that need results that are current (a sweep or a timeline of a
    // scenario with a problem would not compute).
    let current = state.shown.as_ref().filter(|_| !state.is_stale());
    html! {
        <>
            { masthead(view, &base, &link) }
            <main id="main">
                if let PathState::Asking(n) = *path {
                    if !state.issues.is_empty() {
                        { error_summary(&state.issues) }
                    }
                    { first_visit::question(Question {
                        question: n,
                        scenario: &scenario,
                        blocked: !state.issues.is_empty(),
                        rota_presets: &rota_presets,
                        offer_presets: &offer_presets,
                        on_action: &on_action,
                        on_step: &on_step,
                    }) }
                } else {
                    <h1>{ heading(&scenario) }</h1>
                    if let Some(notice) = state.notice.as_ref().filter(|n| !n.at_share) {
                        <p class={classes!("notice", notice.error.then_some("notice-error"))}
                            role={if notice.error { "alert" } else { "status" }}>{ &notice.text }</p>
                    }
                    if !state.issues.is_empty() {
                        { error_summary(&state.issues) }
                    }
                    if let Some(c) = state.shown.as_ref() {
                        <Answer comparison={c.clone()} scenario={scenario.clone()} stale={state.is_stale()}
                            cards={view == View::Compare} />
                    }
                    if view == View::Compare && *path == PathState::Offered {
                        { first_visit::invitation(&on_step) }
                    }
                    if view != View::Compare {
                        <p class="to-answer">
                            <a href={View::Compare.address(&base, &link)} data-view="compare">{ "Each offer's pay and rest: Compare" }</a>
                        </p>
                    }
                    { part(view, &[View::Compare], html! {
                        <div class="toolbar" role="toolbar" aria-label="Changes">
                            <button type="button" disabled={!state.can_undo()} aria-keyshortcuts="Control+Z Meta+Z"
                                onclick={on_action.reform(|_: MouseEvent| Action::Undo)}>{ "Undo" }</button>
                            <button type="button" disabled={!state.can_redo()} aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y"
                                onclick={on_action.reform(|_: MouseEvent| Action::Redo)}>{ "Redo" }</button>
                            <span class="hint">{ "Ctrl+Z / Ctrl+Shift+Z (⌘ on a Mac) outside text fields" }</span>
                            <button type="button" ref={present_button} onclick={present} disabled={state.shown.is_none()}>{ "Presentation view" }</button>
                            <button type="button" onclick={Callback::from(|_: MouseEvent| browser::print())}>{ "Print or save as PDF" }</button>
                        </div>
                    }) }
                    <form class="inputs" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                        { part(view, &[View::Compare, View::Job], html! { <>
                            { job_form(&JobFormProps { doctor: scenario.doctor.clone(), pay_date: scenario.pay_date, on_action: on_action.clone(),
                                title: AttrValue::from(scenario.title.clone()), generated_title: AttrValue::from(title::generated(&scenario)) }) }
                            { rota_picker(&rota_presets, &rota_id, custom_rota.as_deref(), &on_action) }
                        </> }) }
                        { part(view, &[View::Compare, View::Offers], html! {
                            <OfferColumns scenario={scenario.clone()} presets={Rc::clone(&offer_presets)} on_action={on_action.clone()} />
                        }) }
                    </form>
                    { part(view, &[View::Compare], html! { <>{ for results }</> }) }
                    { part(view, &[View::Job], html! { <>
                        if let Some(rota) = rota {
                            <RotaEditor {rota} issues={state.issues.clone()} comparison={state.shown.clone()}
                                templates={state.templates.clone()} on_action={on_action.clone()} />
                        }
                        if let Some(c) = current {
                            <RotaTimeline scenario={scenario.clone()} comparison={c.clone()} source={(*stamp_text).clone()} />
                        }
                    </> }) }
                    { part(view, &[View::Offers], html! { <>
                        if let Some(id) = state.editing.as_deref() {
                            <OfferEditor key={id} scenario={scenario.clone()} offer={AttrValue::from(id.to_string())} on_action={on_action.clone()} />
                        }
                        if state.shown.is_some() {
                            <TermsDiff scenario={scenario.clone()} pair={state.terms.clone()} on_action={on_action.clone()} />
                        }
                    </> }) }
                    { part(view, &[View::Explore], html! { <>
                        if current.is_some() {
                            <Explorer scenario={scenario.clone()} on_action={on_action.clone()} />
                            <GainsPanel scenario={scenario.clone()} on_action={on_action.clone()} />
                        }
                    </> }) }
                    { part(view, &[View::TakeHome], html! {
                        <form class="inputs" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                            { take_home_form(&TakeHomeFormProps { settings: scenario.take_home.clone(), pay_years: pay_years(&scenario),
                                pay_lines: pay_lines(state.shown.as_deref()), on_action: on_action.clone() }) }
                        </form>
                    }) }
                    { part(view, &[View::Share], html! { <>
                        if state.shown.is_some() {
                            { share_panel(&state, &share_link, (*stamp_text).clone()) }
                            <SavedComparisons scenario={scenario.clone()} on_action={on_action.clone()} />
                        }
                    </> }) }
                    { part(view, &[View::Method], html! { <>
                        if let Some(c) = state.shown.as_ref() {
                            { assumptions_panel(&scenario, c) }
                            { method_and_sources(&scenario, c) }
                        }
                    </> }) }
                }
            </main>
            <footer class="page-footer">{ footer }</footer>
        </>
    }
}

/// Where the visitor is on the first-visit path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PathState {
    /// Offered under the answer.
    Offered,
    /// At question `n`.
    Asking(u8),
    /// Walked, skipped, or not offered (the page opened a link or saved work).
    Gone,
}

/// Every pay line of the comparison shown, as (id, labels), each id once, in
/// the order the columns first show them.
fn pay_lines(comparison: Option<&crate::engine::Comparison>) -> Vec<(String, String)> {
    let mut lines: Vec<(String, String)> = Vec::new();
    for f in comparison
        .iter()
        .flat_map(|c| &c.columns)
        .flat_map(|c| &c.pay.lines)
    {
        // One choice per line id: offers naming the same line differently
        // (nights from 21:00 or 22:00) are listed together.
        match lines.iter_mut().find(|(id, _)| *id == f.id) {
            Some((_, label)) if !label.split(" / ").any(|l| l == f.label) => {
                label.push_str(" / ");
                label.push_str(&f.label);
            }
            Some(_) => {}
            None => lines.push((f.id.clone(), f.label.clone())),
        }
    }
    lines
}

/// The calendar years the columns are paid in, ascending, each once.
fn pay_years(scenario: &crate::engine::Scenario) -> Vec<u16> {
    let mut years: Vec<u16> = scenario
        .columns
        .iter()
        .map(|c| scenario.pay_date_of(c).year())
        .collect();
    crate::engine::sort::sort(&mut years);
    years.dedup();
    years
}
