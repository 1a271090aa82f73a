//! "Saved comparisons": name and save the comparison on screen, and open,
//! duplicate, rename or delete those saved in this browser (`localStorage`,
//! through [`crate::codec::keep`]). The list is read after rendering and after
//! each change, never while rendering. A storage failure is a message; the
//! comparison on screen is never touched by it.

use crate::codec::keep::{self, Saved, Unreadable};
use crate::engine::scenario::Scenario;
use crate::ui::browser::{now, BrowserStore};
use crate::ui::state::{Action, Notice};
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`SavedComparisons`].
#[derive(Properties, PartialEq)]
pub struct SavedComparisonsProps {
    /// The comparison on screen.
    pub scenario: Rc<Scenario>,
    /// Receives an opened comparison, and messages.
    pub on_action: Callback<Action>,
}

type Listing = Rc<(Vec<Saved>, Vec<Unreadable>)>;

/// The list as stored now; when it cannot be read, an empty list and why.
fn read_list() -> (Listing, Option<String>) {
    match keep::list(&BrowserStore) {
        Ok(list) => (Rc::new(list), None),
        Err(e) => (Rc::default(), Some(e.to_string())),
    }
}

/// See the module docs.
#[component]
pub fn SavedComparisons(props: &SavedComparisonsProps) -> Html {
    let listing = use_state(Listing::default);
    let name = use_state(String::new);
    {
        let (listing, on_action) = (listing.clone(), props.on_action.clone());
        use_effect_with((), move |_| {
            let (list, problem) = read_list();
            listing.set(list);
            if let Some(e) = problem {
                on_action.emit(Action::Notify(Notice::error(format!(
                    "Saved comparisons cannot be read: {e}. Your comparison on screen is unaffected."
                ))));
            }
        });
    }
    // Reports a storage operation and refreshes the list (a list that cannot
    // be read was reported when the page opened; the operation's own message
    // is the one to show now).
    let run = {
        let (listing, on_action) = (listing.clone(), props.on_action.clone());
        move |result: Result<String, String>| {
            on_action.emit(Action::Notify(match result {
                Ok(done) => Notice::info(done),
                Err(e) => Notice::error(format!("{e}. Nothing else was changed.")),
            }));
            listing.set(read_list().0);
        }
    };
    let oninput = {
        let name = name.clone();
        Callback::from(move |e: InputEvent| {
            name.set(
                e.target_unchecked_into::<web_sys::HtmlInputElement>()
                    .value(),
            )
        })
    };
    let on_save = {
        let (run, name, scenario) = (run.clone(), name.clone(), props.scenario.clone());
        Callback::from(move |_: MouseEvent| {
            let result = keep::save(&mut BrowserStore, &name, &scenario, &now())
                .map(|s| format!("Saved “{}”.", s.name));
            run(result.map_err(|e| format!("Could not save: {e}")));
        })
    };
    let item_button = |label: &'static str,
                       id: &str,
                       item: &str,
                       op: fn(&str, &str, &str) -> Result<String, String>| {
        let (run, id, item, name) = (run.clone(), id.to_string(), item.to_string(), name.clone());
        html! {
            <button type="button" aria-label={format!("{label} “{item}”")}
                onclick={Callback::from(move |_: MouseEvent| run(op(&id, &item, name.as_str())))}>{ label }</button>
        }
    };
    let open = {
        let on_action = props.on_action.clone();
        move |id: &str, item: &str| {
            let (on_action, id, item) = (on_action.clone(), id.to_string(), item.to_string());
            html! {
                <button type="button" aria-label={format!("Open “{item}”")} onclick={Callback::from(move |_: MouseEvent| {
                    on_action.emit(match keep::open(&BrowserStore, &id) {
                        Ok(scenario) => Action::Open { scenario: Rc::new(scenario), from: format!("the saved comparison “{item}”") },
                        Err(e) => Action::Notify(Notice::error(format!("“{item}” {e}. Nothing was changed."))),
                    })
                })}>{ "Open" }</button>
            }
        }
    };
    html! {
        <section class="saved" aria-labelledby="saved-heading">
            <h2 id="saved-heading">{ "Saved comparisons" }</h2>
            <p class="hint">{ "Kept in this browser only. Your latest work is also kept automatically and comes back when you return." }</p>
            <div class="field">
                <label for="saved-name">{ "Name" }</label>
                <span class="hint" id="saved-name-hint">{ "for saving, or to rename a saved comparison" }</span>
                <input id="saved-name" type="text" value={(*name).clone()} {oninput} aria-describedby="saved-name-hint" />
            </div>
            <button type="button" onclick={on_save}>{ "Save this comparison" }</button>
            if !listing.0.is_empty() {
                <table class="saved-list">
                    <caption class="visually-hidden">{ "Saved comparisons, newest first" }</caption>
                    <thead><tr><th scope="col">{ "Name" }</th><th scope="col">{ "Saved" }</th><th scope="col">{ "Actions" }</th></tr></thead>
                    <tbody>
                        { for listing.0.iter().map(|s| html! {
                            <tr data-saved={s.id.clone()}>
                                <th scope="row">{ &s.name }</th>
                                <td>{ s.saved_at.get(..16).unwrap_or(&s.saved_at).replace('T', " ") }</td>
                                <td class="actions">
                                    { open(&s.id, &s.name) }
                                    { item_button("Duplicate", &s.id, &s.name, |id, item, _| keep::duplicate(&mut BrowserStore, id, &format!("{item} (copy)"), &now()).map(|c| format!("Saved “{}”.", c.name))) }
                                    { item_button("Rename", &s.id, &s.name, |id, item, name| keep::rename(&mut BrowserStore, id, name).map(|()| format!("Renamed “{item}” to “{}”.", name.trim())).map_err(|e| format!("Could not rename “{item}”: {e}"))) }
                                    { item_button("Delete", &s.id, &s.name, |id, item, _| keep::delete(&mut BrowserStore, id).map(|()| format!("Deleted “{item}”."))) }
                                </td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            }
            if !listing.1.is_empty() {
                <ul class="saved-unreadable">
                    { for listing.1.iter().map(|u| html! {
                        <li>
                            { format!("A saved comparison (number {}) cannot be opened: {}. ", u.id, u.reason) }
                            { item_button("Delete", &u.id, &format!("number {}", u.id), |id, item, _| keep::delete(&mut BrowserStore, id).map(|()| format!("Deleted {item}."))) }
                        </li>
                    }) }
                </ul>
            }
        </section>
    }
}
