//! Edits to the rota in use: shifts added, changed, moved, copied and
//! deleted, and the quick patterns (blocks of nights, every n-th weekend).
//! Kept apart from the other edits because they all work on one rota.

use crate::engine::model::rota::{Rota, Shift, ShiftKind, MAX_CYCLE_WEEKS};
use crate::engine::model::scenario::Scenario;
use crate::engine::num::time::{ClockTime, Weekday};

/// A named shift to add in one click.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    /// Its name, also the new shift's label.
    pub name: String,
    /// Start time.
    pub start: ClockTime,
    /// Length in minutes.
    pub minutes: u32,
    /// Worked or on-call.
    pub kind: ShiftKind,
}

impl Template {
    /// The shift this template makes on `week`/`day`.
    pub fn shift(&self, week: u8, day: Weekday) -> Shift {
        Shift {
            week,
            day,
            start: self.start,
            minutes: self.minutes,
            kind: self.kind,
            label: Some(self.name.clone()),
            expected_work: Vec::new(),
        }
    }
}

/// The built-in templates: common shapes in English junior doctors' rotas.
pub fn built_in_templates() -> Vec<Template> {
    let t = |name: &str, h: u16, m: u16, minutes: u32, kind| Template {
        name: name.into(),
        start: ClockTime::hm(h, m).unwrap_or(ClockTime::MIDNIGHT),
        minutes,
        kind,
    };
    vec![
        t("normal day", 9, 0, 480, ShiftKind::Worked),
        t("long day", 8, 0, 750, ShiftKind::Worked),
        t("late evening", 14, 0, 540, ShiftKind::Worked),
        t("night", 20, 0, 750, ShiftKind::Worked),
        t(
            "on call (from home)",
            17,
            0,
            960,
            ShiftKind::NonResidentOnCall,
        ),
    ]
}

/// A change to the rota in use.
#[derive(Debug, Clone, PartialEq)]
pub enum RotaEdit {
    /// Add a shift.
    Add(Shift),
    /// Replace shift `i` (also how a shift is moved: new week or day).
    Update(usize, Shift),
    /// Delete shift `i`.
    Delete(usize),
    /// Replace the shifts of one day by copies of another day's.
    CopyDay {
        /// Week and day copied.
        from: (u8, Weekday),
        /// Week and day replaced.
        to: (u8, Weekday),
    },
    /// Replace the shifts of one week by copies of another week's.
    CopyWeek {
        /// Week copied.
        from: u8,
        /// Week replaced.
        to: u8,
    },
    /// Make every week a copy of week 1.
    RepeatWeekOne,
    /// Change the cycle length; shifts in weeks past the end are removed.
    SetWeeks(u8),
    /// A block of `count` consecutive nights (the template) from `week`/`day`.
    Nights {
        /// First night's week.
        week: u8,
        /// First night's day.
        day: Weekday,
        /// How many nights.
        count: u8,
        /// The night shift.
        template: Template,
    },
    /// The template on Saturday and Sunday of weeks 1, 1 + n, 1 + 2n, …
    EveryNthWeekend {
        /// Every how many weeks.
        n: u8,
        /// The weekend shift.
        template: Template,
    },
    /// Replace the whole rota's shifts and length (an import).
    Replace {
        /// Cycle length.
        weeks: u8,
        /// The shifts.
        shifts: Vec<Shift>,
    },
}

/// The day `offset` days after `week`/`day`, wrapping at the cycle end.
fn day_after(weeks: u8, week: u8, day: Weekday, offset: u64) -> (u8, Weekday) {
    let cycle_days = u64::from(weeks.max(1)) * 7;
    let n = (u64::from(week.saturating_sub(1)) * 7 + day.index() + offset) % cycle_days;
    ((n / 7) as u8 + 1, Weekday::ALL[(n % 7) as usize])
}

fn on(shift: &Shift, week: u8, day: Weekday) -> bool {
    shift.week == week && shift.day == day
}

/// The rota in use, made editable: a new one when the scenario has none, and
/// a preset's name marked as edited (its figures are no longer the preset's).
fn rota_in_use(s: &mut Scenario) -> &mut Rota {
    if s.rotas.is_empty() {
        s.rotas.push(Rota {
            id: "my-rota".into(),
            name: "My rota".into(),
            weeks: 1,
            designed_for_ltft: None,
            shifts: Vec::new(),
        });
        for c in &mut s.columns {
            c.rota = "my-rota".into();
        }
    }
    let rota = &mut s.rotas[0];
    if !rota.name.ends_with("(edited)") && !rota.name.starts_with("My rota") {
        rota.name = format!("{} (edited)", rota.name);
    }
    rota
}

/// Applies `edit` to the scenario's rota in use (a new one when it has none).
/// Never fails: an index past the last shift changes no shift.
pub(super) fn apply(s: &mut Scenario, edit: RotaEdit) {
    let rota = rota_in_use(s);
    let weeks = rota.weeks;
    match edit {
        RotaEdit::Add(shift) => rota.shifts.push(shift),
        RotaEdit::Update(i, shift) => {
            if let Some(slot) = rota.shifts.get_mut(i) {
                *slot = shift;
            }
        }
        RotaEdit::Delete(i) => {
            if i < rota.shifts.len() {
                rota.shifts.remove(i);
            }
        }
        RotaEdit::CopyDay { from, to } => {
            let copies: Vec<Shift> = rota
                .shifts
                .iter()
                .filter(|x| on(x, from.0, from.1))
                .map(|x| Shift {
                    week: to.0,
                    day: to.1,
                    ..x.clone()
                })
                .collect();
            rota.shifts.retain(|x| !on(x, to.0, to.1));
            rota.shifts.extend(copies);
        }
        RotaEdit::CopyWeek { from, to } => copy_week(rota, from, &[to]),
        RotaEdit::RepeatWeekOne => {
            let targets: Vec<u8> = (2..=weeks).collect();
            copy_week(rota, 1, &targets);
        }
        RotaEdit::SetWeeks(n) => {
            rota.weeks = n.clamp(1, MAX_CYCLE_WEEKS);
            let last = rota.weeks;
            rota.shifts.retain(|x| x.week <= last);
        }
        RotaEdit::Nights {
            week,
            day,
            count,
            template,
        } => {
            for k in 0..u64::from(count) {
                let (w, d) = day_after(weeks, week, day, k);
                rota.shifts.push(template.shift(w, d));
            }
        }
        RotaEdit::EveryNthWeekend { n, template } => {
            let step = usize::from(n.max(1));
            for w in (1..=weeks).step_by(step) {
                for d in [Weekday::Sat, Weekday::Sun] {
                    rota.shifts.retain(|x| !on(x, w, d));
                    rota.shifts.push(template.shift(w, d));
                }
            }
        }
        RotaEdit::Replace { weeks, shifts } => {
            rota.weeks = weeks.clamp(1, MAX_CYCLE_WEEKS);
            rota.shifts = shifts;
        }
    }
}

fn copy_week(rota: &mut Rota, from: u8, targets: &[u8]) {
    let source: Vec<Shift> = rota
        .shifts
        .iter()
        .filter(|x| x.week == from)
        .cloned()
        .collect();
    for &to in targets.iter().filter(|&&t| t != from) {
        rota.shifts.retain(|x| x.week != to);
        rota.shifts.extend(source.iter().map(|x| Shift {
            week: to,
            ..x.clone()
        }));
    }
}
