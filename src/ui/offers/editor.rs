//! The offer editor: every term of a custom offer, section by section, as a
//! form generated from the offer's JSON (see [`crate::ui::offers::draft`]). A draft
//! that checks replaces the offer in the comparison at once; one that does not
//! shows each problem at its field and changes nothing.

use crate::engine::offer::Offer;
use crate::engine::scenario::Scenario;
use crate::ui::offers::draft::{
    check, choices, get, label, offer_value, ordered, owner_key, path_text, raise_scale, remove,
    set, set_text, Path, Problem, Schema, Step,
};
use crate::ui::offers::scale_raise::{ScaleRaise, ScaleSource};
use crate::ui::state::Action;
use serde_json::Value;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`OfferEditor`].
#[derive(Properties, PartialEq)]
pub struct OfferEditorProps {
    /// The scenario holding the offer.
    pub scenario: Rc<Scenario>,
    /// The id of the offer edited.
    pub offer: AttrValue,
    /// Receives checked offers and "close".
    pub on_action: Callback<Action>,
}

/// One change to the draft.
pub enum Change {
    /// Text typed into a leaf.
    Text(Path, String),
    /// A whole value put in place (a checkbox, a list of days, a new field).
    Set(Path, Value),
    /// A list item or optional field taken out.
    Remove(Path),
    /// A new item at the end of the list at the path.
    Add(Path),
    /// A section opened or closed.
    Toggle(String),
    /// Start again from an offer (it changed elsewhere: undo, a file).
    Reset(Rc<Value>),
    /// The pay scale replaced by a raised one, with the assumption saying so.
    Raise(Value, String),
}

/// The draft: the offer's JSON as edited, the fields holding text that is not
/// their kind of value, and the open sections.
#[derive(Clone, PartialEq)]
pub struct Draft {
    value: Value,
    typed: Vec<(String, String, String)>,
    open: Vec<String>,
    schema: Rc<Schema>,
    /// Bumped on each edit of the value, to check it again.
    generation: u32,
    /// The field edited last (see [`Action::ReplaceOffer`]).
    last: String,
}

impl Reducible for Draft {
    type Action = Change;

    fn reduce(self: Rc<Self>, change: Change) -> Rc<Self> {
        let mut next = (*self).clone();
        next.generation = next.generation.wrapping_add(1);
        // Only typing into one field merges into one undo step; any other
        // change is a step of its own.
        next.last = format!("#{}", next.generation);
        match change {
            Change::Text(path, text) => {
                let at = path_text(&path);
                next.last = at.clone();
                next.typed.retain(|(p, _, _)| *p != at);
                if let Err(message) = set_text(&mut next.value, &path, &text) {
                    next.typed.push((at, text, message));
                }
            }
            Change::Set(path, value) => set(&mut next.value, &path, value),
            Change::Remove(path) => {
                remove(&mut next.value, &path);
                // Indices after a removed item move: typed text no longer matches.
                next.typed.clear();
            }
            Change::Add(path) => {
                let items = get(&next.value, &path)
                    .and_then(Value::as_array)
                    .cloned()
                    .unwrap_or_default();
                let item = next.schema.new_item(&path, &items).or_else(|| {
                    items
                        .iter()
                        .all(Value::is_string)
                        .then(|| Value::String(String::new()))
                });
                if let Some(item) = item {
                    next.open.push(path_text(
                        &[&path[..], &[Step::Index(items.len())]].concat(),
                    ));
                    let mut items = items;
                    items.push(item);
                    set(&mut next.value, &path, Value::Array(items));
                }
            }
            Change::Toggle(at) => {
                next.generation = self.generation;
                match next.open.iter().position(|p| *p == at) {
                    Some(i) => {
                        next.open.remove(i);
                    }
                    None => next.open.push(at),
                }
            }
            Change::Reset(value) => {
                next.value = (*value).clone();
                next.typed.clear();
            }
            Change::Raise(scale, note) => {
                set(&mut next.value, &key_path(&["terms", "pay_scale"]), scale);
                let at = key_path(&["assumptions"]);
                let mut notes = get(&next.value, &at)
                    .and_then(Value::as_array)
                    .cloned()
                    .unwrap_or_default();
                notes.push(Value::String(note));
                set(&mut next.value, &at, Value::Array(notes));
            }
        }
        Rc::new(next)
    }
}

fn key_path(keys: &[&str]) -> Path {
    keys.iter().map(|k| Step::Key((*k).to_string())).collect()
}

/// A number naming a field, so a run of typing into it is one undo step.
fn field_hash(path: &str) -> usize {
    path.bytes().fold(0x811c_9dc5_usize, |h, b| {
        (h ^ usize::from(b)).wrapping_mul(0x0100_0193)
    })
}

/// See the module docs.
#[component]
pub fn OfferEditor(props: &OfferEditorProps) -> Html {
    let index = props
        .scenario
        .offers
        .iter()
        .position(|o| *o.id == *props.offer);
    let offer = index.map(|i| props.scenario.offers[i].clone());
    let schema = use_memo((), |_| {
        let examples: Vec<Value> = crate::presets::library()
            .offers
            .iter()
            .map(|e| e.json.clone())
            .collect();
        Schema::learn(&examples)
    });
    let draft = use_reducer({
        let (value, schema) = (
            offer.as_ref().map_or(Value::Null, offer_value),
            schema.clone(),
        );
        move || Draft {
            value,
            typed: Vec::new(),
            open: vec!["terms".into()],
            schema,
            generation: 0,
            last: String::new(),
        }
    });
    let problems = use_state(Vec::<Problem>::new);
    // The last offer this editor put in the scenario: any other change to the
    // offer (undo, an opened file) starts the draft again from it.
    let emitted = use_mut_ref(|| offer.clone());
    {
        let (dispatcher, emitted) = (draft.dispatcher(), emitted.clone());
        use_effect_with(offer.clone(), move |offer| {
            if *emitted.borrow() != *offer {
                *emitted.borrow_mut() = offer.clone();
                if let Some(offer) = offer {
                    dispatcher.dispatch(Change::Reset(Rc::new(offer_value(offer))));
                }
            }
        });
    }
    {
        let (scenario, on_action, problems) = (
            props.scenario.clone(),
            props.on_action.clone(),
            problems.clone(),
        );
        let (value, typed, emitted, last) = (
            draft.value.clone(),
            draft.typed.is_empty(),
            emitted.clone(),
            draft.last.clone(),
        );
        use_effect_with(draft.generation, move |_| {
            let Some(index) = index else { return };
            match check(&value, &scenario, index) {
                Ok(checked) => {
                    problems.set(Vec::new());
                    if typed && Some(&checked) != emitted.borrow().as_ref() {
                        *emitted.borrow_mut() = Some(checked.clone());
                        on_action.emit(Action::ReplaceOffer {
                            offer: Rc::new(checked),
                            field: field_hash(&last),
                        });
                    }
                }
                Err(found) => problems.set(found),
            }
        });
    }
    let (Some(offer), Some(_)) = (offer, index) else {
        return html! {};
    };

    let close = props
        .on_action
        .reform(|_: MouseEvent| Action::EditOffer(None));
    // The edited offer's own scale first, then the others in the comparison.
    let mut offers: Vec<&Offer> = vec![&offer];
    offers.extend(props.scenario.offers.iter().filter(|o| o.id != offer.id));
    let scale_sources: Vec<ScaleSource> = offers
        .into_iter()
        .map(|o| ScaleSource {
            key: format!("{}@{}", o.id, o.version),
            name: o.name.clone(),
            scale: offer_value(o)
                .get("terms")
                .and_then(|t| t.get("pay_scale"))
                .cloned()
                .unwrap_or(Value::Null),
        })
        .collect();
    let on_raise = {
        let dispatcher = draft.dispatcher();
        Callback::from(
            move |(scale, percent, from): (Value, rust_decimal::Decimal, String)| {
                if let Some(raised) = raise_scale(&scale, percent, &from) {
                    dispatcher.dispatch(Change::Raise(
                    raised,
                    format!("Pay scale: {from}'s, every point raised by {percent}% (rounded to the penny) [hypothetical]"),
                ));
                }
            },
        )
    };
    let stale = !problems.is_empty() || !draft.typed.is_empty();
    let ctx = Ctx {
        draft: &draft,
        problems: &problems,
        dispatch: draft.dispatcher(),
        sources: scale_sources,
        on_raise,
    };
    html! {
        <section class="offer-editor" aria-labelledby="offer-editor-heading">
            <h2 id="offer-editor-heading">{ format!("Edit the terms of {}", offer.name) }</h2>
            <p class="hint">
                { "A custom offer: " }
                { offer.derived_from.as_deref().map(|f| format!("edited from {f}. ")).unwrap_or_default() }
                { "Every change that checks is used in the comparison at once (Ctrl+Z undoes it). Rates: 30%, 0.3 or 1/3; times HH:MM; money in pounds a year." }
            </p>
            if stale {
                <div class="error-summary" role="alert">
                    <h3>{ "This draft is not used yet" }</h3>
                    <p>{ "The comparison still uses the last version of the offer that checked. Fix:" }</p>
                    <ul>
                        { for draft.typed.iter().map(|(p, _, m)| summary_item(p, m)) }
                        { for problems.iter().map(|p| summary_item(&p.path, &p.message)) }
                    </ul>
                </div>
            }
            { ctx.node(&Vec::new(), &draft.value) }
            <button type="button" onclick={close}>{ "Close the editor" }</button>
        </section>
    }
}

/// The element id of the field at `at` (a validation path).
fn dom_id(at: &str) -> String {
    format!("oe-{}", at.replace(['.', '['], "-").replace(']', ""))
}

/// A line of the error summary, linking to its field when it has one.
fn summary_item(at: &str, message: &str) -> Html {
    let text = format!("{}: {message}", words(at));
    match at.is_empty() {
        true => html! { <li>{ text }</li> },
        false => html! { <li><a href={format!("#{}", dom_id(at))}>{ text }</a></li> },
    }
}

/// A path in words: `terms.premium_windows[1].uplift` → "Terms › Premium windows 2 › Uplift".
fn words(path: &str) -> String {
    if path.is_empty() {
        return "The comparison".into();
    }
    path.split('.')
        .map(|part| match part.split_once('[') {
            Some((key, rest)) => {
                let n: usize = rest.trim_end_matches(']').parse().unwrap_or(0);
                format!("{} {}", label(key), n + 1)
            }
            None => label(part),
        })
        .collect::<Vec<_>>()
        .join(" › ")
}

struct Ctx<'a> {
    draft: &'a Draft,
    problems: &'a [Problem],
    dispatch: UseReducerDispatcher<Draft>,
    /// Pay scales to raise (the pay scale section's tool).
    sources: Vec<ScaleSource>,
    on_raise: Callback<(Value, rust_decimal::Decimal, String)>,
}

/// What every kind of field shows besides its control.
struct Field<'a> {
    path: &'a Path,
    /// The path as validation spells it.
    at: String,
    dom_id: String,
    key: &'a str,
    title: String,
    errors: Vec<String>,
    error_list: Html,
    remove_button: Option<Html>,
}

impl Ctx<'_> {
    fn send<E: 'static>(&self, make: impl Fn(E) -> Option<Change> + 'static) -> Callback<E> {
        let dispatch = self.dispatch.clone();
        Callback::from(move |e: E| {
            if let Some(change) = make(e) {
                dispatch.dispatch(change);
            }
        })
    }

    fn messages(&self, at: &str) -> Vec<String> {
        self.draft
            .typed
            .iter()
            .filter(|(p, _, _)| p == at)
            .map(|(_, _, m)| m.clone())
            .chain(
                self.problems
                    .iter()
                    .filter(|p| p.path == at)
                    .map(|p| p.message.clone()),
            )
            .collect()
    }

    /// Whether a problem lies inside `at`: its section is then kept open.
    fn troubled(&self, at: &str) -> bool {
        let inside = |p: &str| {
            p.strip_prefix(at)
                .is_some_and(|rest| rest.starts_with(['.', '[']))
        };
        at.is_empty()
            || self.draft.typed.iter().any(|(p, _, _)| inside(p))
            || self.problems.iter().any(|p| inside(&p.path))
    }

    fn node(&self, path: &Path, value: &Value) -> Html {
        let at = path_text(path);
        let key = match path.last() {
            Some(Step::Key(k)) => k.as_str(),
            _ => owner_key(path),
        };
        let title = match path.last() {
            Some(Step::Index(i)) => item_title(value, *i),
            _ => label(key),
        };
        let dom_id = dom_id(&at);
        let errors = self.messages(&at);
        let removable = path.last().is_some_and(|s| matches!(s, Step::Index(_)))
            || self.draft.schema.is_optional(path);
        let remove_button = removable.then(|| {
            let p = path.clone();
            html! {
                <button type="button" class="remove" onclick={self.send(move |_: MouseEvent| Some(Change::Remove(p.clone())))}
                    aria-label={format!("Remove {}", words(&at))}>{ "Remove" }</button>
            }
        });
        let error_list = html! {
            for m in errors.iter() {
                <p class="field-error" id={format!("{dom_id}-error")}><span class="visually-hidden">{ "Error: " }</span>{ m }</p>
            }
        };
        let field = Field {
            path,
            at,
            dom_id,
            key,
            title,
            errors,
            error_list,
            remove_button,
        };
        match value {
            Value::Object(map) => {
                let open = field.at.is_empty()
                    || self.draft.open.contains(&field.at)
                    || self.troubled(&field.at);
                let toggle = {
                    let at = field.at.clone();
                    self.send(move |_: MouseEvent| Some(Change::Toggle(at.clone())))
                };
                let body = open.then(|| {
                    let addable = self.draft.schema.addable(path, map);
                    html! {
                        <div class="editor-group" id={field.dom_id.clone()}>
                            { field.error_list.clone() }
                            if field.key == "pay_scale" {
                                <ScaleRaise sources={self.sources.clone()} on_raise={self.on_raise.clone()} />
                            }
                            { for ordered(map).into_iter().map(|(k, v)| {
                                let mut p = path.clone();
                                p.push(Step::Key(k.clone()));
                                self.node(&p, v)
                            }) }
                            { for addable.into_iter().map(|f| {
                                let mut p = path.clone();
                                p.push(Step::Key(f.key.clone()));
                                let example = f.example.clone();
                                html! {
                                    <button type="button" class="add" onclick={self.send(move |_: MouseEvent| Some(Change::Set(p.clone(), example.clone())))}>
                                        { format!("Add {}", label(&f.key).to_ascii_lowercase()) }
                                    </button>
                                }
                            }) }
                        </div>
                    }
                });
                if field.at.is_empty() {
                    return body.unwrap_or_default();
                }
                html! {
                    <div class={classes!("editor-section", (!field.errors.is_empty()).then_some("field-invalid"))}>
                        <button type="button" class="disclose" aria-expanded={open.to_string()} aria-controls={field.dom_id.clone()} onclick={toggle}>
                            { field.title }
                        </button>
                        { field.remove_button.clone() }
                        { body }
                    </div>
                }
            }
            Value::Array(items) => {
                if let Some(options) = choices(field.key) {
                    return self.checkboxes(&field, items, options);
                }
                let open = self.draft.open.contains(&field.at) || self.troubled(&field.at);
                let toggle = {
                    let at = field.at.clone();
                    self.send(move |_: MouseEvent| Some(Change::Toggle(at.clone())))
                };
                let add = {
                    let p = path.clone();
                    self.send(move |_: MouseEvent| Some(Change::Add(p.clone())))
                };
                html! {
                    <div class={classes!("editor-section", (!field.errors.is_empty()).then_some("field-invalid"))}>
                        <button type="button" class="disclose" aria-expanded={open.to_string()} aria-controls={field.dom_id.clone()} onclick={toggle}>
                            { format!("{} ({})", field.title, items.len()) }
                        </button>
                        { field.remove_button.clone() }
                        if open {
                            <div class="editor-group" id={field.dom_id.clone()}>
                                { field.error_list.clone() }
                                { for items.iter().enumerate().map(|(i, v)| {
                                    let mut p = path.clone();
                                    p.push(Step::Index(i));
                                    self.node(&p, v)
                                }) }
                                <button type="button" class="add" onclick={add}>{ format!("Add to {}", field.title.to_ascii_lowercase()) }</button>
                            </div>
                        }
                    </div>
                }
            }
            Value::Bool(on) => {
                let p = path.clone();
                let onchange = self.send(move |e: Event| {
                    let on = e
                        .target_unchecked_into::<web_sys::HtmlInputElement>()
                        .checked();
                    Some(Change::Set(p.clone(), Value::Bool(on)))
                });
                html! {
                    <div class="field">
                        <label class="inline"><input type="checkbox" id={field.dom_id} checked={*on} {onchange} />{ format!(" {}", field.title) }</label>
                        { field.remove_button.clone() }
                    </div>
                }
            }
            leaf => self.leaf(&field, leaf),
        }
    }

    fn leaf(&self, field: &Field, value: &Value) -> Html {
        let Field {
            path,
            at,
            dom_id,
            key,
            title,
            errors,
            ..
        } = field;
        let typed = self
            .draft
            .typed
            .iter()
            .find(|(p, _, _)| p == at)
            .map(|(_, t, _)| t.clone());
        let path = *path;
        let text = typed.unwrap_or_else(|| match value {
            Value::String(s) => s.clone(),
            Value::Null => String::new(),
            other => other.to_string(),
        });
        // The offer's identity is not the editor's to change: columns name it.
        let fixed = matches!(path.as_slice(), [Step::Key(k)] if k == "id" || k == "version" || k == "derived_from");
        let p = path.clone();
        let oninput = self.send(move |e: InputEvent| {
            let target: web_sys::HtmlInputElement = e.target_unchecked_into();
            Some(Change::Text(p.clone(), target.value()))
        });
        let p = path.clone();
        let onchange = self.send(move |e: Event| {
            let target: web_sys::HtmlSelectElement = e.target_unchecked_into();
            Some(Change::Text(p.clone(), target.value()))
        });
        let invalid = !errors.is_empty();
        let described = invalid.then(|| format!("{dom_id}-error"));
        let control = match choices(key) {
            Some(options) => html! {
                <select id={dom_id.to_string()} {onchange} aria-invalid={invalid.to_string()} aria-describedby={described}>
                    { for options.iter().map(|o| html! { <option value={*o} selected={text == *o}>{ label(o) }</option> }) }
                </select>
            },
            None if text.len() > 60 => html! {
                <textarea id={dom_id.to_string()} value={text} {oninput} readonly={fixed} rows="3"
                    aria-invalid={invalid.to_string()} aria-describedby={described} />
            },
            None => html! {
                <input id={dom_id.to_string()} type="text" value={text} {oninput} readonly={fixed}
                    aria-invalid={invalid.to_string()} aria-describedby={described} />
            },
        };
        html! {
            <div class={classes!("field", invalid.then_some("field-invalid"))}>
                <label for={dom_id.to_string()}>
                    { title }
                    if fixed {
                        <span class="hint">{ " (fixed: columns and links name it)" }</span>
                    }
                </label>
                { field.error_list.clone() }
                { control }
                { field.remove_button.clone() }
            </div>
        }
    }

    fn checkboxes(&self, field: &Field, items: &[Value], options: &'static [&'static str]) -> Html {
        let (path, dom_id, title) = (field.path, &field.dom_id, &field.title);
        html! {
            <fieldset class="editor-choices" id={dom_id.to_string()}>
                <legend>{ title }</legend>
                { field.error_list.clone() }
                { for options.iter().map(|o| {
                    let on = items.iter().any(|v| v.as_str() == Some(*o));
                    let (p, all) = (path.clone(), items.to_vec());
                    let onchange = self.send(move |e: Event| {
                        let checked = e.target_unchecked_into::<web_sys::HtmlInputElement>().checked();
                        // Kept in the model's order, whatever order they are ticked in.
                        let list: Vec<Value> = options
                            .iter()
                            .filter(|x| if **x == *o { checked } else { all.iter().any(|v| v.as_str() == Some(**x)) })
                            .map(|x| Value::String((*x).to_string()))
                            .collect();
                        Some(Change::Set(p.clone(), Value::Array(list)))
                    });
                    html! {
                        <label class="inline"><input type="checkbox" checked={on} {onchange} />{ format!(" {} ", label(o)) }</label>
                    }
                }) }
                { field.remove_button.clone() }
            </fieldset>
        }
    }
}

/// A list item's heading: its name, label, id or text, else its number.
fn item_title(value: &Value, index: usize) -> String {
    ["name", "label", "id", "text", "status", "title"]
        .iter()
        .find_map(|k| value.get(*k).and_then(Value::as_str))
        .map_or_else(
            || format!("Item {}", index + 1),
            |s| format!("{}. {s}", index + 1),
        )
}
