//! The cycle grid: a row per week, a column per day, each shift as a button
//! that selects it, a button per day to add the chosen template there, and
//! the engine's message beside any shift it rejects.

use crate::engine::edit::rota::RotaEdit;
use crate::engine::rota::{Rota, Shift, ShiftKind};
use crate::engine::time::Weekday;
use crate::engine::Issue;
use crate::ui::state::Action;
use std::rc::Rc;
use yew::prelude::*;

/// What [`rota_grid`] shows and where it sends changes.
#[derive(PartialEq)]
pub struct RotaGridProps {
    /// The rota shown.
    pub rota: Rc<Rota>,
    /// The scenario's problems; those of a shift are shown at it.
    pub issues: Rc<Vec<Issue>>,
    /// The selected shift, if any.
    pub selected: Option<usize>,
    /// Selects a shift.
    pub on_select: Callback<Option<usize>>,
    /// The shift the "+" buttons add, for a week and day.
    pub add: Callback<(u8, Weekday), Shift>,
    /// Receives changes.
    pub on_action: Callback<Action>,
}

/// "09:00–17:00", with the end's day when it is not the start's.
pub fn shift_times(shift: &Shift) -> String {
    let end = shift.start.minutes() + u64::from(shift.minutes);
    let days = end / 1440;
    let clock = format!("{:02}:{:02}", (end % 1440) / 60, end % 60);
    match days {
        0 => format!("{}–{clock}", shift.start),
        1 => format!("{}–{clock} next day", shift.start),
        n => format!("{}–{clock} +{n} days", shift.start),
    }
}

/// The messages for shift `i` among the scenario's problems.
pub fn shift_issues(issues: &[Issue], i: usize) -> Vec<String> {
    let prefix = format!("rotas[0].shifts[{i}]");
    issues
        .iter()
        .filter(|x| {
            x.path
                .strip_prefix(&prefix)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('.'))
        })
        .map(|x| x.message.clone())
        .collect()
}

/// See the module docs. A function, not a component: it keeps no state, and each component costs
/// the bundle about 0.6 KB gzipped.
pub fn rota_grid(props: &RotaGridProps) -> Html {
    let rota = &props.rota;
    let cell = |week: u8, day: Weekday| {
        let mut shifts: Vec<(usize, &Shift)> = rota
            .shifts
            .iter()
            .enumerate()
            .filter(|(_, x)| x.week == week && x.day == day)
            .collect();
        crate::engine::sort::sort_by_key(&mut shifts, |(_, x)| x.start);
        let add = {
            let (on_action, add) = (props.on_action.clone(), props.add.clone());
            Callback::from(move |_: MouseEvent| {
                on_action.emit(Action::EditRota(RotaEdit::Add(add.emit((week, day)))))
            })
        };
        html! {
            <td>
                { for shifts.into_iter().map(|(i, x)| {
                    let problems = shift_issues(&props.issues, i);
                    let select = {
                        let on_select = props.on_select.clone();
                        Callback::from(move |_: MouseEvent| on_select.emit(Some(i)))
                    };
                    let (kind, class) = match x.kind {
                        ShiftKind::Worked => ("", "kind-worked"),
                        ShiftKind::NonResidentOnCall => (" on call", "kind-on-call"),
                        ShiftKind::ResidentOnCall => (" resident on call", "kind-on-call"),
                    };
                    let error_id = format!("shift-{i}-error");
                    html! {
                        <div class={classes!("shift", (!problems.is_empty()).then_some("shift-invalid"))}>
                            <button type="button" id={format!("shift-{i}")} class={classes!("shift-chip", class)} onclick={select}
                                aria-pressed={(props.selected == Some(i)).to_string()}
                                aria-describedby={(!problems.is_empty()).then(|| error_id.clone())}>
                                { shift_times(x) }{ kind }
                                if let Some(label) = &x.label { <span class="shift-label">{ label }</span> }
                            </button>
                            if !problems.is_empty() {
                                <p class="field-error" id={error_id}>{ problems.join("; ") }</p>
                            }
                        </div>
                    }
                }) }
                <button type="button" class="add-shift" onclick={add}
                    aria-label={format!("Add a shift on week {week} {}", day.short_name())}>{ "+" }</button>
            </td>
        }
    };
    html! {
        <div class="table-scroll" role="region" aria-label="Rota grid" tabindex="0">
            <table class="rota-grid">
                <caption>{ format!("{}: {} week{}, {} shifts", rota.name, rota.weeks, if rota.weeks == 1 { "" } else { "s" }, rota.shifts.len()) }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Week" }</th>
                        { for Weekday::ALL.iter().map(|d| html! { <th scope="col">{ d.short_name() }</th> }) }
                    </tr>
                </thead>
                <tbody>
                    { for (1..=rota.weeks).map(|w| html! {
                        <tr>
                            <th scope="row">{ w }</th>
                            { for Weekday::ALL.iter().map(|&d| cell(w, d)) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}
