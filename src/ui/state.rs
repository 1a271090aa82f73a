//! All state changes in one reducer: the scenario, and the last comparison that
//! computed, so a bad edit leaves the previous results on screen (marked stale)
//! instead of a blank page.

use crate::codec::json::{preset_key, scenario_from_json};
use crate::codec::keep;
use crate::codec::link::scenario_from_link;
use crate::engine::compare::{compare, CompareError, Comparison};
use crate::engine::date::Date;
use crate::engine::edit::rota::{built_in_templates, RotaEdit, Template};
use crate::engine::edit::Edit;
use crate::engine::explore::Exploration;
use crate::engine::fraction::Fraction;
use crate::engine::offer::{Band, Grade, Offer};
use crate::engine::scenario::{Issue, Scenario};
use crate::engine::take_home::TakeHome;
use crate::presets;
use rust_decimal::Decimal;
use std::rc::Rc;
use yew::Reducible;

/// Every change a person can make.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Training grade.
    SetGrade(Grade),
    /// Completed years at the grade.
    SetYears(u8),
    /// LTFT fraction (1 = full time).
    SetLtft(Fraction),
    /// Specialty premium, £/yr.
    SetSpecialtyPremium(Decimal),
    /// The scenario's pay date.
    SetPayDate(Date),
    /// The comparison's title (empty: written from the comparison).
    SetTitle(String),
    /// Use a preset rota (by `id@version`) for every column.
    UsePresetRota(String),
    /// Add a preset offer (by `id@version`) as a new column.
    AddPresetOffer(String),
    /// Remove a column.
    RemoveColumn(String),
    /// Move a column left (-1) or right (+1).
    MoveColumn(String, i8),
    /// Make a column the baseline.
    SetBaseline(String),
    /// Pay a 2002-contract column at a chosen band (`None`: the band its rota earns).
    SetBandOverride(String, Option<Band>),
    /// Turn section-1 pay protection (against the 2002 contract) on or off for a column.
    SetProtection(String, bool),
    /// Replace the whole scenario with one from a link or file (`from` names it
    /// for the message). A scenario that does not compute is refused, and the
    /// current one kept.
    Open {
        /// The scenario.
        scenario: Rc<Scenario>,
        /// Where it came from ("the file rota.json").
        from: String,
    },
    /// Say something about opening, saving or sharing.
    Notify(Notice),
    /// Change the rota in use.
    EditRota(RotaEdit),
    /// Keep a shift as a named template for new shifts (not part of the scenario).
    SaveTemplate(Template),
    /// Copy a column's offer into a custom offer (new id, status
    /// "hypothetical", the offer it came from kept) in a new column beside it,
    /// and open it in the editor. `today` dates the status.
    DuplicateOffer {
        /// The column whose offer is copied.
        column: String,
        /// Today's date.
        today: Date,
    },
    /// Put a checked draft of an offer in place of the offer with its id.
    /// `field` names the field typed into, so typing is one undo step.
    ReplaceOffer {
        /// The offer.
        offer: Rc<Offer>,
        /// The field edited (a hash of its path).
        field: usize,
    },
    /// Open the editor on an offer, or close it (`None`).
    EditOffer(Option<String>),
    /// Keep the explorer's settings with the scenario (saved and shared with it).
    SetExploration(Exploration),
    /// Show take-home pay with these settings, or stop showing it (`None`).
    SetTakeHome {
        /// The settings.
        settings: Option<TakeHome>,
        /// The text field typed into, if any: typing is one undo step.
        typed: Option<usize>,
    },
    /// Show the terms of two offers side by side (offer ids).
    CompareTerms(String, String),
    /// Take back the last change to the scenario.
    Undo,
    /// Make again the last change taken back.
    Redo,
}

/// How many changes can be taken back.
const UNDO_DEPTH: usize = 200;

impl Action {
    /// For an action that changes one value as someone types, which value:
    /// a run of them is one step to undo rather than one per keystroke.
    fn typing(&self) -> Option<(std::mem::Discriminant<Action>, usize)> {
        let field = match self {
            Action::SetYears(_)
            | Action::SetLtft(_)
            | Action::SetSpecialtyPremium(_)
            | Action::SetPayDate(_)
            | Action::SetTitle(_) => 0,
            Action::EditRota(RotaEdit::Update(i, _)) => i + 1,
            Action::ReplaceOffer { field, .. } => *field,
            Action::SetTakeHome {
                typed: Some(field), ..
            } => *field,
            _ => return None,
        };
        Some((std::mem::discriminant(self), field))
    }
}

/// A message about opening, saving or sharing — not about a field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// Whether something failed.
    pub error: bool,
    /// The message (shown as text, never as markup).
    pub text: String,
    /// Said beside the share buttons rather than at the top of the page:
    /// the result of copying, saving or downloading belongs where the person
    /// tapped ("Link copied" at the top went unseen).
    pub at_share: bool,
}

impl Notice {
    /// A failure.
    pub fn error(text: impl Into<String>) -> Notice {
        Notice {
            error: true,
            text: text.into(),
            at_share: false,
        }
    }

    /// A success.
    pub fn info(text: impl Into<String>) -> Notice {
        Notice {
            error: false,
            text: text.into(),
            at_share: false,
        }
    }

    /// The same notice, said beside the share buttons.
    pub fn at_share(self) -> Notice {
        Notice {
            at_share: true,
            ..self
        }
    }
}

/// The action for a share link's fragment: open its comparison, or say what
/// is wrong with it, then `otherwise` (what happens instead).
pub fn open_link(fragment: &str, otherwise: &str) -> Action {
    match scenario_from_link(fragment) {
        Ok(scenario) => Action::Open {
            scenario: Rc::new(scenario),
            from: "the comparison in this link".into(),
        },
        Err(e) => Action::Notify(Notice::error(format!(
            "This link could not be opened: {}. {otherwise}",
            e.message
        ))),
    }
}

/// Whether an address-bar fragment is meant as a share link (`v1.…`, or a
/// later format) rather than an in-page anchor such as `#results-heading`.
pub fn is_link(fragment: &str) -> bool {
    let fragment = fragment.trim_start_matches('#');
    fragment.strip_prefix('v').is_some_and(|rest| {
        rest.split_once('.').is_some_and(|(n, _)| {
            !n.is_empty() && n.len() <= 3 && n.bytes().all(|b| b.is_ascii_digit())
        })
    })
}

/// The app's state.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// The scenario being compared.
    pub scenario: Rc<Scenario>,
    /// The problems with it, if it does not compute.
    pub issues: Rc<Vec<Issue>>,
    /// The last comparison that computed (the current one when `issues` is empty).
    pub shown: Option<Rc<Comparison>>,
    /// The latest message about opening, saving or sharing.
    pub notice: Option<Notice>,
    /// Shift templates: the built-in ones, then those the user named.
    pub templates: Rc<Vec<Template>>,
    /// Earlier scenarios, latest last: one undo stack for every editor.
    pub past: Rc<Vec<Rc<Scenario>>>,
    /// Scenarios taken back, latest last.
    pub future: Rc<Vec<Rc<Scenario>>>,
    /// The offer open in the editor.
    pub editing: Option<String>,
    /// The two offers whose terms are shown side by side.
    pub terms: Option<(String, String)>,
    /// The field the last edit typed into, to merge a run of typing into one step.
    last_edit: Option<(std::mem::Discriminant<Action>, usize)>,
}

impl State {
    /// State for a scenario file's text (the default scenario on start).
    pub fn from_json(text: &str) -> State {
        match scenario_from_json(text) {
            Ok(scenario) => State::with(Rc::new(scenario), None),
            Err(e) => State::showing(
                Rc::new(empty_scenario()),
                vec![Issue {
                    path: e.path,
                    message: e.message,
                }],
                None,
            ),
        }
    }

    /// State on start: the comparison in the address bar's `fragment` when it
    /// holds a link, else last visit's work (`autosaved`, as
    /// [`keep::restore`](crate::codec::keep::restore) gives it), else the
    /// default scenario. A link that cannot be opened, or fails its checks,
    /// falls back to last visit's work when there is some — never to the
    /// default over it — with a message saying what was wrong.
    pub fn start(fragment: &str, autosaved: Option<Result<Scenario, String>>) -> State {
        let default = || State::from_json(crate::DEFAULT_SCENARIO);
        let (base, notice, shown) = match autosaved {
            None => (default(), None, "The default comparison is shown instead."),
            Some(Ok(scenario)) => match State::opened(Rc::new(scenario)) {
                Ok(restored) => (
                    restored,
                    Some(Notice::info("Your work from last time is back.")),
                    "Your work from last time is shown instead.",
                ),
                Err(e) => (
                    default(),
                    Some(Notice::error(format!(
                        "Your work from last time no longer computes ({e}), so the default comparison is shown."
                    ))),
                    "The default comparison is shown instead.",
                ),
            },
            Some(Err(e)) => (
                default(),
                Some(Notice::error(format!(
                    "Your work from last time could not be restored: {e}. The default comparison is shown."
                ))),
                "The default comparison is shown instead.",
            ),
        };
        if !is_link(fragment) {
            return State { notice, ..base };
        }
        let link = scenario_from_link(fragment)
            .map_err(|e| e.message)
            .and_then(|scenario| State::opened(Rc::new(scenario)));
        match link {
            // What was there before the link is one undo step back.
            Ok(opened) => State {
                notice: Some(Notice::info("Opened the comparison in this link.")),
                past: Rc::new(vec![base.scenario.clone()]),
                ..opened
            },
            Err(e) => State {
                notice: Some(Notice::error(format!(
                    "This link could not be opened: {e}. {shown}"
                ))),
                ..base
            },
        }
    }

    /// State when the page opens: [`State::start`] on the address bar's
    /// `fragment` and the autosave in `store` ([`keep::restore`]). A link
    /// opened over different autosaved work would have that work overwritten
    /// by the next autosave, so it is first kept as a saved comparison
    /// ([`keep::keep_before_link`]) and the notice says under what name.
    pub fn open_page(store: &mut dyn keep::Store, fragment: &str, now: &str) -> State {
        let autosaved = keep::restore(store, now);
        let work = match &autosaved {
            Some(Ok(work)) => Some(work.clone()),
            _ => None,
        };
        let state = State::start(fragment, autosaved);
        // Only an opened link leaves the work before it one undo step back.
        let replaced = work.filter(|w| !state.past.is_empty() && *state.scenario != *w);
        let Some(work) = replaced else {
            return state;
        };
        let notice = match keep::keep_before_link(store, &work, now) {
            Ok(saved) => Notice::info(format!(
                "Opened the comparison in this link. Your work from before is kept under Saved comparisons as “{}”.",
                saved.name
            )),
            Err(e) => Notice::error(format!(
                "Opened the comparison in this link. Your work from before could not be kept ({e}): Undo brings it back."
            )),
        };
        State {
            notice: Some(notice),
            ..state
        }
    }

    /// Fresh state for a scenario opened whole (a link, a file, a saved
    /// comparison): when it computes; else its first three problems.
    fn opened(scenario: Rc<Scenario>) -> Result<State, String> {
        let opened = State::with(scenario, None);
        if opened.issues.is_empty() {
            return Ok(opened);
        }
        let issues: Vec<String> = opened
            .issues
            .iter()
            .take(3)
            .map(|i| i.to_string())
            .collect();
        Err(issues.join("; "))
    }

    /// State for `scenario`: its comparison, or its issues with `previous`
    /// results kept on screen.
    fn with(scenario: Rc<Scenario>, previous: Option<Rc<Comparison>>) -> State {
        let (issues, shown) = match compare(&scenario, crate::reference()) {
            Ok(c) => (Vec::new(), Some(Rc::new(c))),
            Err(CompareError::Invalid(issues)) => (issues, previous),
            Err(CompareError::Compute(e)) => (
                vec![Issue {
                    path: ".".into(),
                    message: e.to_string(),
                }],
                previous,
            ),
        };
        State::showing(scenario, issues, shown)
    }

    /// Fresh state (no undo history, nothing open) for a scenario and what it shows.
    fn showing(scenario: Rc<Scenario>, issues: Vec<Issue>, shown: Option<Rc<Comparison>>) -> State {
        State {
            scenario,
            issues: Rc::new(issues),
            shown,
            notice: None,
            templates: Rc::new(built_in_templates()),
            past: Rc::default(),
            future: Rc::default(),
            editing: None,
            terms: None,
            last_edit: None,
        }
    }

    /// Whether the results on screen are from an earlier, valid scenario.
    pub fn is_stale(&self) -> bool {
        !self.issues.is_empty() && self.shown.is_some()
    }
}

fn empty_scenario() -> Scenario {
    Scenario {
        version: crate::engine::scenario::FORMAT_VERSION,
        title: String::new(),
        pay_date: Date::APRIL_2016_STRIKE,
        doctor: crate::engine::scenario::Doctor {
            grade: Grade::FY2,
            years_at_grade: 0,
            ltft: Fraction::ONE,
            specialty_premium: Decimal::ZERO,
        },
        rotas: Vec::new(),
        offers: Vec::new(),
        columns: Vec::new(),
        baseline: None,
        working_time_regulations: false,
        explore: None,
        take_home: None,
    }
}

/// The key of the preset turned on by [`Action::SetProtection`]: section-1
/// protection is against the 2002 contract.
const CONTRACT_2002: &str = "contract-2002@1";

/// The engine edit an action makes, with the preset it names looked up;
/// `None` for an action that is no edit, or names a preset that is not there.
fn edit(s: &Scenario, action: Action) -> Option<Edit> {
    Some(match action {
        Action::UsePresetRota(key) => Edit::UseRota(presets::find_rota(&key)?.rota),
        Action::AddPresetOffer(key) => Edit::AddColumn(presets::find_offer(&key)?),
        Action::RemoveColumn(id) => Edit::RemoveColumn(id),
        Action::MoveColumn(id, delta) => Edit::MoveColumn(id, delta),
        Action::SetBaseline(id) => Edit::SetBaseline(id),
        Action::SetBandOverride(id, band) => Edit::SetBandOverride(id, band),
        Action::SetProtection(id, on) => Edit::SetProtection(
            id,
            match on {
                true => Some(presets::find_offer(CONTRACT_2002)?),
                false => None,
            },
        ),
        Action::DuplicateOffer { column, today } => {
            let library = presets::library();
            let preset = s
                .offer_of(&column)
                .and_then(|o| preset_key(&library.offers, o))
                .map(str::to_string);
            Edit::DuplicateOffer {
                column,
                today,
                preset,
            }
        }
        Action::ReplaceOffer { offer, .. } => Edit::ReplaceOffer((*offer).clone()),
        Action::EditRota(edit) => Edit::Rota(edit),
        _ => return None,
    })
}

/// Sets a value of the scenario that no rule ties to another (the doctor,
/// the pay date, the explorer's and take-home settings); any other action is
/// handed back.
fn set(s: &mut Scenario, action: Action) -> Option<Action> {
    match action {
        Action::SetGrade(g) => s.doctor.grade = g,
        Action::SetYears(y) => s.doctor.years_at_grade = y,
        Action::SetLtft(f) => s.doctor.ltft = f,
        Action::SetSpecialtyPremium(p) => s.doctor.specialty_premium = p,
        Action::SetPayDate(d) => s.pay_date = d,
        Action::SetTitle(t) => s.title = t,
        Action::SetExploration(e) => s.explore = Some(e),
        Action::SetTakeHome { settings, .. } => s.take_home = settings,
        other => return Some(other),
    }
    None
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let typing = action.typing();
        let duplicates = matches!(action, Action::DuplicateOffer { .. });
        let next = match action {
            Action::Notify(notice) => return self.with_notice(notice),
            Action::EditOffer(id) => {
                return Rc::new(State {
                    editing: id,
                    ..(*self).clone()
                })
            }
            Action::CompareTerms(a, b) => {
                return Rc::new(State {
                    terms: Some((a, b)),
                    ..(*self).clone()
                })
            }
            Action::SaveTemplate(template) => {
                let mut templates = (*self.templates).clone();
                let name = template.name.clone();
                templates.retain(|t| t.name != name);
                templates.push(template);
                return Rc::new(State {
                    templates: Rc::new(templates),
                    notice: Some(Notice::info(format!("Saved the template '{name}'."))),
                    ..(*self).clone()
                });
            }
            Action::Undo => return self.travel(false),
            Action::Redo => return self.travel(true),
            Action::Open { scenario, from } => match State::opened(scenario) {
                Ok(opened) => State {
                    notice: Some(Notice::info(format!("Opened {from}."))),
                    ..opened
                },
                Err(e) => {
                    return self.with_notice(Notice::error(format!(
                        "Could not open {from}: {e}. Nothing was changed."
                    )))
                }
            },
            action => {
                let mut scenario = (*self.scenario).clone();
                let edit = set(&mut scenario, action).and_then(|a| edit(&scenario, a));
                // A refused edit (its column or offer gone) changes nothing.
                if let Some(Err(_)) = edit.map(|e| scenario.apply(e)) {
                    return self;
                }
                if scenario == *self.scenario {
                    return self;
                }
                State::with(Rc::new(scenario), self.shown.clone())
            }
        };
        let mut past = (*self.past).clone();
        if typing.is_none() || typing != self.last_edit {
            past.push(self.scenario.clone());
            if past.len() > UNDO_DEPTH {
                past.remove(0);
            }
        }
        // A duplicated offer opens in the editor; otherwise the editor and the
        // terms shown stay as they were.
        let editing = match duplicates {
            true => next.scenario.offers.last().map(|o| o.id.clone()),
            false => self.editing.clone(),
        };
        Rc::new(State {
            past: Rc::new(past),
            future: Rc::default(),
            last_edit: typing,
            templates: self.templates.clone(),
            editing,
            terms: self.terms.clone(),
            ..next
        })
    }
}

impl State {
    fn with_notice(self: Rc<Self>, notice: Notice) -> Rc<State> {
        Rc::new(State {
            notice: Some(notice),
            ..(*self).clone()
        })
    }

    /// Undo (`forward` false) or redo: the scenario moves between the stacks.
    fn travel(self: Rc<Self>, forward: bool) -> Rc<State> {
        let (mut from, mut to) = if forward {
            ((*self.future).clone(), (*self.past).clone())
        } else {
            ((*self.past).clone(), (*self.future).clone())
        };
        let Some(target) = from.pop() else {
            return self;
        };
        to.push(self.scenario.clone());
        let (past, future) = if forward { (to, from) } else { (from, to) };
        Rc::new(State {
            past: Rc::new(past),
            future: Rc::new(future),
            templates: self.templates.clone(),
            editing: self.editing.clone(),
            terms: self.terms.clone(),
            ..State::with(target, self.shown.clone())
        })
    }

    /// Whether there is a change to take back.
    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    /// Whether there is a change taken back to make again.
    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pre-issue-22 default (five new-entrant columns on `contract-2002@1`),
    /// kept as the fixture these tests were written on.
    fn start() -> Rc<State> {
        Rc::new(State::from_json(include_str!(
            "../../examples/strike-2016.json"
        )))
    }

    #[test]
    fn every_edit_can_be_undone_and_redone_and_typing_is_one_step() {
        let s = start();
        assert!(!s.can_undo() && !s.can_redo());
        let original = s.scenario.clone();
        let s = s
            .reduce(Action::SetLtft("0.8".parse().unwrap()))
            .reduce(Action::SetLtft("0.6".parse().unwrap()))
            .reduce(Action::UsePresetRota("breaches-2016@1".into()));
        assert_eq!(s.past.len(), 2, "typing into one field is one step");
        let edited = s.scenario.clone();
        let s = s.reduce(Action::Undo);
        assert_eq!(s.scenario.doctor.ltft, "0.6".parse().unwrap());
        assert_eq!(s.scenario.rotas[0].id, "fy2-medical");
        let s = s.reduce(Action::Undo);
        assert_eq!(s.scenario, original);
        assert_eq!(
            s.shown.as_ref().map(|c| c.columns[0].gross_annual()),
            start().shown.as_ref().map(|c| c.columns[0].gross_annual())
        );
        assert!(!s.can_undo() && s.can_redo());
        let s = s.reduce(Action::Redo).reduce(Action::Redo);
        assert_eq!(s.scenario, edited);
        // A new edit forgets what was taken back; an edit that changes nothing is no step.
        let s = s.reduce(Action::Undo).reduce(Action::SetYears(3));
        assert!(!s.can_redo());
        let steps = s.past.len();
        let s = s.reduce(Action::SetBaseline("contract-2002".into()));
        assert_eq!(s.past.len(), steps);
        // Opening a file is a step too; a message is not.
        let s = s.reduce(Action::Notify(Notice::info("hello")));
        assert_eq!(s.past.len(), steps);
        let s = s.reduce(Action::Open {
            scenario: original.clone(),
            from: "a file".into(),
        });
        assert_eq!(s.past.len(), steps + 1);
        assert_eq!(s.reduce(Action::Undo).scenario.doctor.years_at_grade, 3);
    }

    #[test]
    fn the_default_scenario_computes() {
        let s = start();
        assert!(s.issues.is_empty(), "{:?}", s.issues);
        assert_eq!(s.shown.as_ref().map(|c| c.columns.len()), Some(5));
    }

    #[test]
    fn a_bad_edit_keeps_the_last_results_marked_stale_and_a_good_one_clears_it() {
        let s = start();
        let before = s.shown.clone();
        let s = s.reduce(Action::SetLtft(Fraction::ZERO));
        assert!(s.is_stale());
        assert_eq!(s.shown, before);
        assert_eq!(s.issues[0].path, "doctor.ltft");
        let s = s.reduce(Action::SetLtft(Fraction::ONE));
        assert!(!s.is_stale() && s.issues.is_empty());
    }

    #[test]
    fn columns_are_added_moved_removed_and_the_baseline_follows() {
        let s = start().reduce(Action::AddPresetOffer("tcs-today@1".into()));
        let c = s.shown.as_ref().unwrap();
        assert_eq!(c.columns.len(), 6);
        // tcs-today has no 2016 pay year: the column is paid at the start of its latest year.
        assert_eq!(c.columns[5].pay_date.to_string(), "2026-04-01");
        let s = s.reduce(Action::MoveColumn("tcs-today".into(), -1));
        assert_eq!(s.scenario.columns[4].id, "tcs-today");
        let s = s
            .reduce(Action::SetBaseline("may-2016".into()))
            .reduce(Action::RemoveColumn("may-2016".into()));
        assert_eq!(s.scenario.baseline.as_deref(), Some("contract-2002"));
        assert!(!s.scenario.offers.iter().any(|o| o.id == "tcs-2016"));
    }

    #[test]
    fn pay_protection_and_a_preset_rota_can_be_switched_on() {
        let s = start().reduce(Action::SetProtection("may-2016".into(), true));
        let c = s.shown.as_ref().unwrap();
        assert!(
            c.columns[4].figure("pay_protection").is_some()
                || c.columns[4]
                    .pay
                    .notes
                    .iter()
                    .any(|n| n.contains("Pay protection"))
        );
        let s = s.reduce(Action::UsePresetRota("breaches-2016@1".into()));
        assert!(s.scenario.columns.iter().all(|c| c.rota == "breaches-2016"));
        assert!(s.issues.is_empty(), "{:?}", s.issues);
    }
}
