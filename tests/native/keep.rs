//! Keeping work (issue #12): saved comparisons and the autosave over a store,
//! with a full store, a store that refuses everything, corrupted items and
//! items from another format version.

use offer_compare::codec::json::scenario_from_json;
use offer_compare::codec::keep::{
    autosave, delete, duplicate, list, open, rename, restore, save, MemoryStore, Store, StoreError,
    AUTOSAVE_KEY, SAVED_PREFIX,
};
use offer_compare::engine::compare::compare;
use offer_compare::engine::scenario::Scenario;

const INLINE: &str = include_str!("../../examples/inline-offers.json");

fn default() -> Scenario {
    scenario_from_json(crate::common::STRIKE_2016).unwrap()
}

fn gross(s: &Scenario) -> Vec<String> {
    compare(s, offer_compare::reference())
        .unwrap()
        .columns
        .iter()
        .map(|c| c.gross_annual().to_string())
        .collect()
}

/// A store whose every call fails, as `localStorage` does in some private modes.
struct Refusing;

impl Store for Refusing {
    fn get(&self, _: &str) -> Result<Option<String>, StoreError> {
        Err(StoreError("storage is disabled".into()))
    }
    fn set(&mut self, _: &str, _: &str) -> Result<(), StoreError> {
        Err(StoreError("storage is disabled".into()))
    }
    fn remove(&mut self, _: &str) -> Result<(), StoreError> {
        Err(StoreError("storage is disabled".into()))
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Err(StoreError("storage is disabled".into()))
    }
}

#[test]
fn two_comparisons_are_kept_apart_and_reopen_to_the_penny() {
    let mut store = MemoryStore::default();
    let a = default();
    let b = scenario_from_json(INLINE).unwrap();
    let first = save(&mut store, "  Strike, FY2  ", &a, "2026-11-25T10:00:00Z").unwrap();
    let second = save(&mut store, "Inline", &b, "2026-11-25T11:00:00Z").unwrap();
    assert_eq!(
        (first.id.as_str(), first.name.as_str()),
        ("1", "Strike, FY2")
    );
    assert_eq!(second.id, "2");
    let (saved, unreadable) = list(&store).unwrap();
    assert!(unreadable.is_empty());
    // Newest first, with their dates.
    let names: Vec<(&str, &str)> = saved
        .iter()
        .map(|s| (s.name.as_str(), s.saved_at.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            ("Inline", "2026-11-25T11:00:00Z"),
            ("Strike, FY2", "2026-11-25T10:00:00Z")
        ]
    );
    assert_eq!(open(&store, "1").unwrap(), a);
    assert_eq!(gross(&open(&store, "2").unwrap()), gross(&b));
    // Presets are stored by name, custom offers in full.
    let stored = store.get(&format!("{SAVED_PREFIX}1")).unwrap().unwrap();
    assert!(stored.contains("\"tcs-2016@1\""), "{stored}");
    // Rename, duplicate, delete.
    rename(&mut store, "1", "April 2016").unwrap();
    let copy = duplicate(&mut store, "1", "April 2016 (copy)", "2026-11-25T12:00:00Z").unwrap();
    assert_eq!(copy.id, "3");
    assert_eq!(open(&store, "3").unwrap(), a);
    delete(&mut store, "1").unwrap();
    let (saved, _) = list(&store).unwrap();
    let names: Vec<&str> = saved.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["April 2016 (copy)", "Inline"]);
    // A new item takes an unused id: nothing is overwritten.
    assert_eq!(save(&mut store, "Again", &a, "t").unwrap().id, "1");
    assert!(save(&mut store, "   ", &a, "t")
        .unwrap_err()
        .contains("name"));
    assert!(rename(&mut store, "2", &"x".repeat(121))
        .unwrap_err()
        .contains("at most 120"));
}

#[test]
fn a_corrupted_item_is_reported_and_the_others_still_open() {
    let mut store = MemoryStore::default();
    save(&mut store, "Good", &default(), "t1").unwrap();
    store
        .set(&format!("{SAVED_PREFIX}2"), "{\"name\": \"Half")
        .unwrap();
    store
        .set(
            &format!("{SAVED_PREFIX}3"),
            r#"{"name": "From the future", "saved_at": "t3", "scenario": {"version": 2}}"#,
        )
        .unwrap();
    let (saved, unreadable) = list(&store).unwrap();
    let names: Vec<&str> = saved.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["From the future", "Good"]);
    assert_eq!(unreadable.len(), 1);
    assert_eq!(unreadable[0].id, "2");
    assert!(
        unreadable[0].reason.starts_with("it is damaged"),
        "{}",
        unreadable[0].reason
    );
    assert!(open(&store, "2").unwrap_err().starts_with("it is damaged"));
    let future = open(&store, "3").unwrap_err();
    assert!(
        future.contains("format version 2 is not supported"),
        "{future}"
    );
    assert_eq!(open(&store, "1").unwrap(), default());
    // Saving again leaves the damaged item as it was.
    let before = store.get(&format!("{SAVED_PREFIX}2")).unwrap();
    assert_eq!(save(&mut store, "New", &default(), "t4").unwrap().id, "4");
    assert_eq!(store.get(&format!("{SAVED_PREFIX}2")).unwrap(), before);
    // And it can be deleted.
    delete(&mut store, "2").unwrap();
    assert!(list(&store).unwrap().1.is_empty());
}

#[test]
fn an_item_written_by_an_older_app_version_opens() {
    let mut store = MemoryStore::default();
    let mut file: serde_json::Value = serde_json::from_str(INLINE).unwrap();
    file["stamp"] = serde_json::json!({"app": "offer-compare 0.0.1", "format": 1});
    let item =
        serde_json::json!({"name": "Old", "saved_at": "2026-01-01T00:00:00Z", "scenario": file});
    store
        .set(&format!("{SAVED_PREFIX}7"), &item.to_string())
        .unwrap();
    assert_eq!(
        gross(&open(&store, "7").unwrap()),
        gross(&scenario_from_json(INLINE).unwrap())
    );
}

#[test]
fn a_full_store_refuses_a_save_and_loses_nothing() {
    let mut store = MemoryStore::default();
    save(&mut store, "First", &default(), "t1").unwrap();
    store.capacity = Some(
        store
            .entries
            .iter()
            .map(|(k, v)| k.len() + v.len())
            .sum::<usize>()
            + 100,
    );
    let before = store.entries.clone();
    let err = save(
        &mut store,
        "Second",
        &scenario_from_json(INLINE).unwrap(),
        "t2",
    )
    .unwrap_err();
    assert!(err.contains("full"), "{err}");
    assert_eq!(store.entries, before);
    assert_eq!(open(&store, "1").unwrap(), default());
}

#[test]
fn a_store_that_refuses_everything_gives_errors_not_panics() {
    let mut store = Refusing;
    assert!(save(&mut store, "x", &default(), "t")
        .unwrap_err()
        .contains("disabled"));
    assert!(list(&store).is_err());
    assert!(open(&store, "1").unwrap_err().contains("disabled"));
    assert!(autosave(&mut store, &default()).is_err());
    assert!(
        restore(&mut store, "t").is_none(),
        "nothing can be restored from it"
    );
}

#[test]
fn the_autosave_restores_the_scenario_or_says_why_not() {
    let mut store = MemoryStore::default();
    assert!(restore(&mut store, "t").is_none());
    let b = scenario_from_json(INLINE).unwrap();
    autosave(&mut store, &b).unwrap();
    assert_eq!(restore(&mut store, "t").unwrap().unwrap(), b);
    store
        .set(AUTOSAVE_KEY, "{\"version\": 1, \"title\": ")
        .unwrap();
    assert!(restore(&mut store, "t").unwrap().is_err());
}

// ---------------------------------------------------------------------------
// Issue #23: nothing lost. An invalid scenario is never kept; a link or an
// autosave that fails its checks falls back to the last valid work, never to
// the default over it.

/// The inline example with its first shift made 25 hours long.
fn invalid() -> Scenario {
    let mut s = scenario_from_json(INLINE).unwrap();
    s.rotas[0].shifts[0].minutes = 25 * 60;
    s
}

#[test]
fn an_invalid_scenario_is_never_autosaved_over_the_last_valid_work() {
    use offer_compare::codec::keep::check_keepable;
    let mut store = MemoryStore::default();
    let valid = scenario_from_json(INLINE).unwrap();
    autosave(&mut store, &valid).unwrap();
    assert_eq!(
        check_keepable(&invalid()).unwrap_err(),
        "it has a problem to fix first (rotas[0].shifts[0].minutes: the shift of week 1 Mon 09:00 \
         (normal day): a worked shift lasts at most 24 hours, not 25:00)"
    );
    autosave(&mut store, &invalid()).unwrap();
    assert_eq!(restore(&mut store, "t").unwrap().unwrap(), valid);
}

#[test]
fn an_invalid_scenario_is_never_saved() {
    let mut store = MemoryStore::default();
    let e = save(&mut store, "broken", &invalid(), "t").unwrap_err();
    assert!(
        e.starts_with("it has a problem to fix first (rotas[0].shifts[0].minutes"),
        "{e}"
    );
    assert!(store.entries.is_empty());
}

#[test]
fn an_autosave_that_fails_its_checks_is_set_aside_not_overwritten() {
    use offer_compare::codec::keep::SET_ASIDE_NAME;
    let mut store = MemoryStore::default();
    // Written by an older version, before invalid work was refused.
    let text = offer_compare::codec::json::scenario_to_json(&invalid());
    store.set(AUTOSAVE_KEY, &text).unwrap();
    let e = restore(&mut store, "2026-12-05T20:00")
        .unwrap()
        .unwrap_err();
    assert_eq!(
        e,
        format!(
            "it has a problem to fix first (rotas[0].shifts[0].minutes: the shift of week 1 Mon \
             09:00 (normal day): a worked shift lasts at most 24 hours, not 25:00); it is kept \
             under Saved comparisons as “{SET_ASIDE_NAME}”"
        )
    );
    // The default shown instead may now be autosaved: the work is elsewhere.
    assert!(store.get(AUTOSAVE_KEY).unwrap().is_none());
    let (saved, unreadable) = list(&store).unwrap();
    assert!(unreadable.is_empty());
    assert_eq!(saved[0].name, SET_ASIDE_NAME);
    // Its text is kept as it was: opening it gives the work back to fix.
    assert_eq!(open(&store, &saved[0].id).unwrap(), invalid());
    // Text that is not even JSON is kept too, as text.
    store.set(AUTOSAVE_KEY, "{\"version\": 1, \"ti").unwrap();
    assert!(restore(&mut store, "t").unwrap().is_err());
    let (saved, _) = list(&store).unwrap();
    assert_eq!(saved.len(), 2);
    assert!(open(&store, &saved[0].id)
        .unwrap_err()
        .contains("this is not a scenario"));
}

#[test]
fn a_broken_link_falls_back_to_last_visits_work_not_the_default() {
    use offer_compare::ui::state::State;
    let work = scenario_from_json(INLINE).unwrap();
    let state = State::start("#v1.AAAA", Some(Ok(work.clone())));
    assert_eq!(*state.scenario, work);
    let notice = state.notice.unwrap();
    assert!(notice.error);
    assert!(
        notice.text.starts_with("This link could not be opened: "),
        "{}",
        notice.text
    );
    assert!(
        notice
            .text
            .ends_with(". Your work from last time is shown instead."),
        "{}",
        notice.text
    );
    // With no work kept, the default it is.
    let state = State::start("#v1.AAAA", None);
    assert!(state
        .notice
        .unwrap()
        .text
        .ends_with("The default comparison is shown instead."));
}

#[test]
fn a_link_that_fails_its_checks_falls_back_to_last_visits_work() {
    use offer_compare::codec::link::scenario_to_link;
    use offer_compare::ui::state::State;
    let work = default();
    let state = State::start(&scenario_to_link(&invalid()), Some(Ok(work.clone())));
    assert_eq!(*state.scenario, work);
    assert_eq!(
        state.notice.unwrap().text,
        "This link could not be opened: rotas[0].shifts[0].minutes: the shift of week 1 Mon 09:00 \
         (normal day): a worked shift lasts at most 24 hours, not 25:00. Your work from last time \
         is shown instead."
    );
    // A good link opens over it, the work one undo step back.
    let good = scenario_from_json(INLINE).unwrap();
    let state = State::start(&scenario_to_link(&good), Some(Ok(work.clone())));
    assert_eq!(*state.scenario, good);
    assert!(state.can_undo());
}

/// Issue #23: a valid link opened over different autosaved work keeps that
/// work as a saved comparison, named for when; the same work in the link (a
/// reload), or no autosave, sets nothing aside.
#[test]
fn a_link_opened_over_other_work_keeps_that_work_as_a_saved_comparison() {
    use offer_compare::codec::link::scenario_to_link;
    use offer_compare::ui::state::State;
    const NOW: &str = "2026-12-06T09:30:12.345Z";
    let (work, good) = (default(), scenario_from_json(INLINE).unwrap());
    let mut store = MemoryStore::default();
    autosave(&mut store, &work).unwrap();
    let state = State::open_page(&mut store, &scenario_to_link(&good), NOW);
    assert_eq!(*state.scenario, good);
    assert!(state.can_undo());
    let name = "Your work before you opened a link, 2026-12-06 09:30";
    assert_eq!(
        state.notice.unwrap().text,
        format!(
            "Opened the comparison in this link. Your work from before is kept under Saved \
             comparisons as “{name}”."
        )
    );
    let (saved, unreadable) = list(&store).unwrap();
    assert_eq!((saved.len(), unreadable.len()), (1, 0));
    assert_eq!(
        (saved[0].name.as_str(), saved[0].saved_at.as_str()),
        (name, NOW)
    );
    assert_eq!(open(&store, &saved[0].id).unwrap(), work);
    // The link's own work again (a reload with the link still there): nothing more.
    autosave(&mut store, &good).unwrap();
    let state = State::open_page(&mut store, &scenario_to_link(&good), NOW);
    assert_eq!(
        state.notice.unwrap().text,
        "Opened the comparison in this link."
    );
    assert_eq!(list(&store).unwrap().0.len(), 1);
    // No autosave: nothing to keep.
    let mut empty = MemoryStore::default();
    let state = State::open_page(&mut empty, &scenario_to_link(&work), NOW);
    assert_eq!(*state.scenario, work);
    assert_eq!(list(&empty).unwrap().0.len(), 0);
    // A store that refuses: the work is still one undo step back, and said so.
    let mut full = MemoryStore::default();
    autosave(&mut full, &work).unwrap();
    full.capacity = Some(0);
    let state = State::open_page(&mut full, &scenario_to_link(&good), NOW);
    assert!(state.can_undo());
    assert_eq!(
        state.notice.unwrap().text,
        "Opened the comparison in this link. Your work from before could not be kept (the \
         browser's storage is full): Undo brings it back."
    );
}

#[test]
fn a_shift_length_is_refused_naming_the_shift() {
    let s = scenario_from_json(INLINE).unwrap();
    let shift = &s.rotas[0].shifts[0];
    let cycle = s.rotas[0].cycle_minutes();
    assert_eq!(shift.length_problem(24 * 60, cycle), None);
    assert_eq!(
        shift.length_problem(25 * 60, cycle).unwrap(),
        "the shift of week 1 Mon 09:00 (normal day): a worked shift lasts at most 24 hours, not 25:00"
    );
    assert_eq!(
        shift.length_problem(0, cycle).unwrap(),
        "the shift of week 1 Mon 09:00 (normal day): it must last at least one minute"
    );
}

#[test]
fn a_pay_date_no_offer_covers_is_not_kept_either() {
    // The e2e test's invalid edit: every check a reopened scenario must pass.
    let mut s = default();
    s.pay_date = offer_compare::engine::date::Date::parse("1990-01-01").unwrap();
    let e = offer_compare::codec::keep::check_keepable(&s).unwrap_err();
    assert!(
        e.starts_with("it has a problem to fix first (pay_date: "),
        "{e}"
    );
    let mut store = MemoryStore::default();
    autosave(&mut store, &s).unwrap();
    assert!(store.entries.is_empty());
}
