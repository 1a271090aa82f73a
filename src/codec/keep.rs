//! Keeping work in the browser: the autosaved scenario and named saved
//! comparisons, over any key–value store (the page's `localStorage`; memory
//! in tests, and when the browser refuses storage).
//!
//! Layout: one key per saved comparison (`offer-compare/saved/<id>`) holding
//! `{name, saved_at, scenario}` with the scenario in the versioned file format
//! (presets as `id@version`), and the autosave (`offer-compare/autosave`).
//! There is no separate index to spoil: the list is the keys themselves. A
//! corrupted item spoils only itself: the others are read one by one, and an
//! item that cannot be read is reported with the reason and left in place
//! (never overwritten: new items take unused ids).
//! Items are opened through the same decoder as files, so an item written by
//! an older version is migrated like an old file, or says why it cannot be.
//!
//! Only a scenario that passes the engine's checks is kept ([`check_keepable`]):
//! an invalid one once reached the autosave, and on reload the page fell back
//! to the default over it. An autosave that still fails to restore is set
//! aside as a saved comparison ([`restore`]), so the work shown instead, when
//! autosaved, does not overwrite it; so is autosaved work a share link is
//! opened over ([`keep_before_link`]).

use super::json::{scenario_from_json, scenario_to_json, DecodeError};
use crate::engine::compare::{compare, CompareError};
use crate::engine::scenario::Scenario;
use crate::engine::sort::sort_by_key;
use serde::{Deserialize, Serialize};

/// Key of the autosaved scenario.
pub const AUTOSAVE_KEY: &str = "offer-compare/autosave";
/// Prefix of the keys of saved comparisons.
pub const SAVED_PREFIX: &str = "offer-compare/saved/";
/// Longest name of a saved comparison, in characters.
pub const MAX_NAME: usize = 120;

/// Why the store could not do something.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoreError(pub String);

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for StoreError {}

/// A key–value store of text.
pub trait Store {
    /// The text under `key`, if any.
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    /// Puts `value` under `key`.
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError>;
    /// Removes `key`.
    fn remove(&mut self, key: &str) -> Result<(), StoreError>;
    /// Every key.
    fn keys(&self) -> Result<Vec<String>, StoreError>;
}

/// A store in memory: for tests, and for a browser that refuses storage.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MemoryStore {
    /// Key and value pairs.
    pub entries: Vec<(String, String)>,
    /// Refuse writes above this many bytes in all (a full store), if set.
    pub capacity: Option<usize>,
}

impl Store for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .entries
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone()))
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        let others: usize = self
            .entries
            .iter()
            .filter(|(k, _)| k != key)
            .map(|(k, v)| k.len() + v.len())
            .sum();
        if self
            .capacity
            .is_some_and(|c| others + key.len() + value.len() > c)
        {
            return Err(StoreError("the browser's storage is full".into()));
        }
        self.entries.retain(|(k, _)| k != key);
        self.entries.push((key.into(), value.into()));
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.entries.retain(|(k, _)| k != key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.entries.iter().map(|(k, _)| k.clone()).collect())
    }
}

/// One saved comparison as listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Saved {
    /// Its key's last part.
    pub id: String,
    /// The name given.
    pub name: String,
    /// When it was saved (ISO 8601, as the page's clock gives it).
    pub saved_at: String,
}

/// A stored item: its name, date and scenario file.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Item {
    name: String,
    saved_at: String,
    scenario: serde_json::Value,
}

/// A saved comparison that could not be read, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    /// Its id.
    pub id: String,
    /// What is wrong with it.
    pub reason: String,
}

fn item_key(id: &str) -> String {
    format!("{SAVED_PREFIX}{id}")
}

/// The ids of the saved comparisons, in the order they were made.
fn ids(store: &dyn Store) -> Result<Vec<String>, StoreError> {
    let mut ids: Vec<String> = store
        .keys()?
        .into_iter()
        .filter_map(|k| k.strip_prefix(SAVED_PREFIX).map(str::to_string))
        .collect();
    sort_by_key(&mut ids, |id| {
        (id.parse::<u64>().unwrap_or(u64::MAX), id.clone())
    });
    Ok(ids)
}

fn read_item(store: &dyn Store, id: &str) -> Result<Item, String> {
    let text = store
        .get(&item_key(id))
        .map_err(|e| e.0)?
        .ok_or_else(|| "it is missing from the browser's storage".to_string())?;
    serde_json::from_str(&text).map_err(|e| format!("it is damaged ({e})"))
}

/// The saved comparisons, newest first, and those that cannot be read.
pub fn list(store: &dyn Store) -> Result<(Vec<Saved>, Vec<Unreadable>), StoreError> {
    let mut saved = Vec::new();
    let mut unreadable = Vec::new();
    for id in ids(store)? {
        match read_item(store, &id) {
            Ok(item) => saved.push(Saved {
                id,
                name: item.name,
                saved_at: item.saved_at,
            }),
            Err(reason) => unreadable.push(Unreadable { id, reason }),
        }
    }
    saved.reverse();
    Ok((saved, unreadable))
}

/// A name that is not blank and not too long, or what is wrong with it.
pub fn check_name(name: &str) -> Result<String, String> {
    let name = name.trim();
    if name.is_empty() {
        return Err("give the comparison a name".into());
    }
    if name.chars().count() > MAX_NAME {
        return Err(format!("a name has at most {MAX_NAME} characters"));
    }
    Ok(name.to_string())
}

/// Saves `scenario` as a new comparison named `name` at `now`; its entry.
/// Nothing else is changed when the store refuses.
pub fn save(
    store: &mut dyn Store,
    name: &str,
    scenario: &Scenario,
    now: &str,
) -> Result<Saved, String> {
    let name = check_name(name)?;
    // "Could not save: it has a problem to fix first (…)", as the page says it.
    check_keepable(scenario)?;
    let scenario: serde_json::Value =
        serde_json::from_str(&scenario_to_json(scenario)).map_err(|e| e.to_string())?;
    save_value(store, name, scenario, now)
}

/// Saves a scenario's JSON (checked by the caller, or set aside as it was)
/// under a new id.
fn save_value(
    store: &mut dyn Store,
    name: String,
    scenario: serde_json::Value,
    now: &str,
) -> Result<Saved, String> {
    let list = ids(store).map_err(|e| e.0)?;
    let id = (1u64..)
        .map(|n| n.to_string())
        .find(|n| !list.contains(n))
        .unwrap_or_default();
    write_item(store, &id, &name, now, scenario)?;
    Ok(Saved {
        id,
        name,
        saved_at: now.into(),
    })
}

/// Whether `scenario` may be written where it will be opened again — the
/// address bar, the autosave, a saved comparison: only when it computes (the
/// engine's checks pass and every figure can be worked out), which is what
/// opening it again requires. Otherwise its first problem, as "it has a
/// problem to fix first (…)".
pub fn check_keepable(scenario: &Scenario) -> Result<(), String> {
    // The page's own test of a scenario (`State`), so "kept" and "opens" agree.
    let problem = match compare(scenario, crate::reference()) {
        Ok(_) => return Ok(()),
        Err(CompareError::Invalid(issues)) => issues.first().map(ToString::to_string),
        Err(e) => Some(e.to_string()),
    };
    Err(format!(
        "it has a problem to fix first ({})",
        problem.unwrap_or_default()
    ))
}

fn write_item(
    store: &mut dyn Store,
    id: &str,
    name: &str,
    now: &str,
    scenario: serde_json::Value,
) -> Result<(), String> {
    let item = Item {
        name: name.into(),
        saved_at: now.into(),
        scenario,
    };
    let text = serde_json::to_string(&item).map_err(|e| e.to_string())?;
    store.set(&item_key(id), &text).map_err(|e| e.0)
}

/// Opens saved comparison `id`: its scenario, or why it cannot be opened
/// (an item from another version says so, as an old file does).
pub fn open(store: &dyn Store, id: &str) -> Result<Scenario, String> {
    let item = read_item(store, id)?;
    scenario_from_json(&item.scenario.to_string())
        .map_err(|e: DecodeError| format!("it cannot be opened: {e}"))
}

/// Copies saved comparison `id` under `name`.
pub fn duplicate(store: &mut dyn Store, id: &str, name: &str, now: &str) -> Result<Saved, String> {
    let scenario = open(store, id)?;
    save(store, name, &scenario, now)
}

/// Renames saved comparison `id` (its scenario and date are kept).
pub fn rename(store: &mut dyn Store, id: &str, name: &str) -> Result<(), String> {
    let name = check_name(name)?;
    let mut item = read_item(store, id)?;
    item.name = name;
    let text = serde_json::to_string(&item).map_err(|e| e.to_string())?;
    store.set(&item_key(id), &text).map_err(|e| e.0)
}

/// Deletes saved comparison `id` (also one that cannot be read).
pub fn delete(store: &mut dyn Store, id: &str) -> Result<(), String> {
    store.remove(&item_key(id)).map_err(|e| e.0)
}

/// Autosaves `scenario` (the file format) when it may be kept
/// ([`check_keepable`]); an invalid scenario is not written, so the last valid
/// work stays in the autosave while the problem is fixed.
pub fn autosave(store: &mut dyn Store, scenario: &Scenario) -> Result<(), StoreError> {
    if check_keepable(scenario).is_err() {
        return Ok(());
    }
    autosave_checked(store, scenario)
}

/// [`autosave`] for a scenario the caller has just found keepable (the page's
/// reducer compares every scenario it shows): not compared again on every
/// keystroke.
pub fn autosave_checked(store: &mut dyn Store, scenario: &Scenario) -> Result<(), StoreError> {
    store.set(AUTOSAVE_KEY, &scenario_to_json(scenario))
}

/// The name an autosave that cannot be restored is set aside under.
pub const SET_ASIDE_NAME: &str = "Work from last time (could not be restored)";

/// The autosaved scenario, if any: or why it cannot be restored. A store that
/// cannot be read has nothing to restore (saving will say it is unavailable).
///
/// An autosave that cannot be opened, or fails the checks, is moved into a
/// saved comparison named [`SET_ASIDE_NAME`] at `now` (its text kept as it
/// was), so the comparison shown instead never overwrites it; the reason then
/// says where it is.
pub fn restore(store: &mut dyn Store, now: &str) -> Option<Result<Scenario, String>> {
    let text = match store.get(AUTOSAVE_KEY) {
        Err(_) | Ok(None) => return None,
        Ok(Some(text)) => text,
    };
    let problem = match scenario_from_json(&text) {
        Ok(scenario) => match check_keepable(&scenario) {
            Ok(()) => return Some(Ok(scenario)),
            Err(e) => e,
        },
        Err(e) => e.to_string(),
    };
    // Kept as JSON when it is JSON (it opens from the list, saying what is
    // wrong), else as the text itself.
    let value = serde_json::from_str(&text).unwrap_or(serde_json::Value::String(text));
    let kept = save_value(store, SET_ASIDE_NAME.into(), value, now)
        .and_then(|_| store.remove(AUTOSAVE_KEY).map_err(|e| e.0));
    Some(Err(match kept {
        Ok(()) => format!("{problem}; it is kept under Saved comparisons as “{SET_ASIDE_NAME}”"),
        Err(e) => format!("{problem}; it could not be set aside ({e})"),
    }))
}

/// Keeps `work` — the autosave a share link is about to replace (the next
/// autosave would overwrite it) — as a saved comparison named for when it was
/// set aside ("Your work before you opened a link, 2026-12-06 09:30", from
/// `now`); its entry, or why it could not be kept.
pub fn keep_before_link(
    store: &mut dyn Store,
    work: &Scenario,
    now: &str,
) -> Result<Saved, String> {
    // `now` is ISO 8601 ("2026-12-06T09:30:12.345Z"): the date and minute.
    let when = now.get(..16).unwrap_or(now).replacen('T', " ", 1);
    save(
        store,
        &format!("Your work before you opened a link, {when}"),
        work,
        now,
    )
}
