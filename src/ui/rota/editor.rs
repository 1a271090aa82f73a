//! "Edit the rota": the cycle grid, the selected shift's form, templates and
//! quick patterns, and (always visible) the rota's summary figures.

use crate::engine::compare::Comparison;
use crate::engine::edit::rota::{RotaEdit, Template};
use crate::engine::explain::format_figure;
use crate::engine::rota::{Rota, MAX_CYCLE_WEEKS};
use crate::engine::time::Weekday;
use crate::engine::Issue;
use crate::ui::rota::grid::{rota_grid, RotaGridProps};
use crate::ui::rota::paste_import::PasteImport;
use crate::ui::rota::shift_form::{shift_form, ShiftFormProps};
use crate::ui::state::Action;
use crate::ui::widgets::choice::choice;
use crate::ui::widgets::text_field::TextField;
use rust_decimal::Decimal;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`RotaEditor`].
#[derive(Properties, PartialEq)]
pub struct RotaEditorProps {
    /// The rota in use.
    pub rota: Rc<Rota>,
    /// The scenario's problems (shown at their shifts).
    pub issues: Rc<Vec<Issue>>,
    /// The comparison on screen, for the rota's summary.
    pub comparison: Option<Rc<Comparison>>,
    /// Shift templates, built-in and named by the user.
    pub templates: Rc<Vec<Template>>,
    /// Receives changes.
    pub on_action: Callback<Action>,
}

/// The choices of the quick-pattern controls.
#[derive(Clone, PartialEq)]
struct Choices {
    template: usize,
    week: u8,
    day: Weekday,
    count: u8,
    nth: u8,
    to_week: u8,
    to_day: Weekday,
}

/// The day named `Mon`…`Sun` (Monday for anything else: the selects only offer those).
fn weekday(name: &str) -> Weekday {
    Weekday::ALL
        .iter()
        .copied()
        .find(|d| d.short_name() == name)
        .unwrap_or(Weekday::Mon)
}

/// The rota's summary line from the first column's rest metrics (each offer
/// defines nights and weekends in its own terms; the first column's are used).
fn summary(rota: &Rota, comparison: Option<&Comparison>) -> Html {
    let Some(column) = comparison.and_then(|c| c.columns.first()) else {
        return html! {};
    };
    let metric = |id: &str| {
        column
            .metric(&format!("rest:{id}"))
            .map(|m| format_figure(m.value, m.unit))
    };
    let weeks = Decimal::from(rota.weeks);
    let weekends = column
        .metric("rest:weekends_off")
        .map(|m| weeks - m.value)
        .unwrap_or_default();
    let one_in = if weekends.is_zero() {
        "no weekends worked".to_string()
    } else {
        let n = (weeks / weekends).round_dp(1).normalize();
        format!("{weekends} of {weeks} weekends worked (1 in {n})")
    };
    let items = [
        metric("average_weekly_work").map(|v| format!("{v} of work on average")),
        Some(one_in),
        metric("nights").map(|v| format!("{v} nights")),
        metric("longest_shift").map(|v| format!("longest shift {v}")),
        metric("shortest_rest").map(|v| format!("shortest rest {v}")),
    ];
    html! {
        <p class="rota-summary" aria-live="polite">
            <strong>{ format!("{}: ", rota.name) }</strong>
            { items.into_iter().flatten().collect::<Vec<_>>().join(" · ") }
            <span class="hint">{ format!("Nights and weekends as defined by {}.", column.offer_name) }</span>
        </p>
    }
}

/// See the module docs.
#[component]
pub fn RotaEditor(props: &RotaEditorProps) -> Html {
    let selected = use_state(|| None::<usize>);
    let choices = use_state(|| Choices {
        template: 0,
        week: 1,
        day: Weekday::Mon,
        count: 4,
        nth: 4,
        to_week: 2,
        to_day: Weekday::Mon,
    });
    let rota = &props.rota;
    let c = (*choices).clone();
    let template = props
        .templates
        .get(c.template)
        .or(props.templates.first())
        .cloned();
    let set = |apply: fn(&mut Choices, &str)| {
        let choices = choices.clone();
        Callback::from(move |value: String| {
            let mut next = (*choices).clone();
            apply(&mut next, &value);
            choices.set(next);
        })
    };
    let emit = |edit: Option<RotaEdit>| {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(edit) = edit.clone() {
                on_action.emit(Action::EditRota(edit));
            }
        })
    };
    let weeks: Vec<(String, String)> = (1..=rota.weeks)
        .map(|w| (w.to_string(), format!("week {w}")))
        .collect();
    let days: Vec<(String, String)> = Weekday::ALL
        .iter()
        .map(|d| (d.short_name().into(), d.short_name().into()))
        .collect();
    // Kept the same between renders so the grid is drawn again only when the
    // rota, its problems, the selection or the template change.
    let add = use_callback(template.clone(), |(week, day): (u8, Weekday), template| {
        template
            .as_ref()
            .map(|t| t.shift(week, day))
            .unwrap_or_else(|| crate::engine::edit::rota::built_in_templates()[0].shift(week, day))
    });
    let on_select = {
        let selected = selected.setter();
        use_callback((), move |i: Option<usize>, _| selected.set(i))
    };
    let on_close = {
        let selected = selected.setter();
        use_callback((), move |(), _| selected.set(None))
    };
    let on_save_template = props.on_action.reform(Action::SaveTemplate);
    let form = selected.and_then(|i| rota.shifts.get(i).map(|x| (i, x.clone())));
    html! {
        <section class="rota-editor" aria-labelledby="rota-editor-heading">
            <h2 id="rota-editor-heading">{ "Your rota" }</h2>
            { summary(rota, props.comparison.as_deref()) }
            <details open={rota.shifts.len() < 40 || props.issues.iter().any(|i| i.path.starts_with("rotas"))}>
                <summary>{ "Edit the rota: grid, templates, patterns" }</summary>
                <div class="rota-tools">
                    <TextField id="rota-weeks" label="Weeks in the cycle" hint="1 to 52" value={rota.weeks.to_string()}
                        on_action={props.on_action.clone()} inputmode="numeric"
                        parse={Callback::from(|t: String| match t.trim().parse::<u8>() {
                            Ok(n) if (1..=MAX_CYCLE_WEEKS).contains(&n) => Ok(Action::EditRota(RotaEdit::SetWeeks(n))),
                            _ => Err(format!("'{t}' is not a number of weeks from 1 to {MAX_CYCLE_WEEKS}")),
                        })} />
                    { choice(("template", "Template for new shifts"),
                        props.templates.iter().enumerate().map(|(i, t)| (i.to_string(), format!("{} ({}, {}:{:02})", t.name, t.start, t.minutes / 60, t.minutes % 60))),
                        &c.template.to_string(), true, set(|c, v| c.template = v.parse().unwrap_or(0))) }
                    <fieldset class="patterns">
                        <legend>{ "Quick patterns (with the template)" }</legend>
                        { choice(("pattern-week", "From"), weeks.clone(), &c.week.to_string(), true, set(|c, v| c.week = v.parse().unwrap_or(1))) }
                        { choice(("pattern-day", "Day"), days.clone(), c.day.short_name(), true, set(|c, v| c.day = weekday(v))) }
                        { choice(("pattern-count", "Shifts in a row"), (1..=7).map(|n| (n.to_string(), n.to_string())), &c.count.to_string(), true, set(|c, v| c.count = v.parse().unwrap_or(1))) }
                        <button type="button" onclick={emit(template.clone().map(|t| RotaEdit::Nights { week: c.week, day: c.day, count: c.count, template: t }))}>
                            { "Add a block" }</button>
                        { choice(("pattern-nth", "Every"), (1..=8).map(|n| (n.to_string(), format!("{n} weeks"))), &c.nth.to_string(), true, set(|c, v| c.nth = v.parse().unwrap_or(1))) }
                        <button type="button" onclick={emit(template.clone().map(|t| RotaEdit::EveryNthWeekend { n: c.nth, template: t }))}>
                            { "Add weekends (Sat and Sun)" }</button>
                        <button type="button" onclick={emit(Some(RotaEdit::RepeatWeekOne))}>{ "Repeat week 1 across the cycle" }</button>
                    </fieldset>
                    <fieldset class="patterns">
                        <legend>{ "Copy (replaces what is there)" }</legend>
                        { choice(("copy-to-week", "To"), weeks, &c.to_week.to_string(), true, set(|c, v| c.to_week = v.parse().unwrap_or(1))) }
                        { choice(("copy-to-day", "Day"), days, c.to_day.short_name(), true, set(|c, v| c.to_day = weekday(v))) }
                        <button type="button" onclick={emit(Some(RotaEdit::CopyDay { from: (c.week, c.day), to: (c.to_week, c.to_day) }))}>
                            { format!("Copy week {} {} to week {} {}", c.week, c.day.short_name(), c.to_week, c.to_day.short_name()) }</button>
                        <button type="button" onclick={emit(Some(RotaEdit::CopyWeek { from: c.week, to: c.to_week }))}>
                            { format!("Copy week {} to week {}", c.week, c.to_week) }</button>
                    </fieldset>
                </div>
                { rota_grid(&RotaGridProps { rota: rota.clone(), issues: props.issues.clone(), selected: *selected, on_select, add, on_action: props.on_action.clone() }) }
                if let Some((i, shift)) = form {
                    { shift_form(&ShiftFormProps { index: i, shift, weeks: rota.weeks, on_action: props.on_action.clone(), on_close, on_save_template }) }
                }
            </details>
            <PasteImport on_action={props.on_action.clone()} />
        </section>
    }
}
