//! One shift's fields: week, day, start, end or length, kind and label. Each
//! field that parses changes the shift at once (one undo step per field);
//! text that does not shows its message at the field and changes nothing.

use super::rota_edits::{RotaEdit, Template};
use super::rota_grid::shift_times;
use super::state::Action;
use super::text_field::TextField;
use crate::engine::rota::{Shift, ShiftKind};
use crate::engine::time::{ClockTime, Weekday};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use yew::prelude::*;

/// Props of [`ShiftForm`].
#[derive(Properties, PartialEq)]
pub struct ShiftFormProps {
    /// The shift's index in the rota.
    pub index: usize,
    /// The shift.
    pub shift: Shift,
    /// The rota's length in weeks.
    pub weeks: u8,
    /// Receives changes.
    pub on_action: Callback<Action>,
    /// Closes the form (after a delete, or when done).
    pub on_close: Callback<()>,
    /// Keeps the shift as a named template.
    pub on_save_template: Callback<Template>,
}

/// Parses a length: `h:mm` or decimal hours (`12.5`).
pub fn parse_length(text: &str) -> Result<u32, String> {
    let bad =
        || format!("'{text}' is not a length: write hours and minutes (12:30) or hours (12.5)");
    let text = text.trim();
    let minutes = match text.split_once(':') {
        Some((h, m)) if m.len() == 2 => {
            let h: u32 = h.parse().map_err(|_| bad())?;
            let m: u32 = m.parse().map_err(|_| bad())?;
            if m >= 60 {
                return Err(bad());
            }
            h.checked_mul(60).and_then(|x| x.checked_add(m))
        }
        Some(_) => None,
        None => {
            let hours: Decimal = text.parse().map_err(|_| bad())?;
            let minutes = hours.checked_mul(Decimal::from(60)).ok_or_else(bad)?;
            if !minutes.fract().is_zero() {
                return Err(format!("{} (lengths are whole minutes)", bad()));
            }
            minutes.to_u32()
        }
    };
    match minutes {
        Some(m) if m <= 7 * 24 * 60 => Ok(m),
        _ => Err(bad()),
    }
}

/// "8:00", "12:30".
fn length_text(minutes: u32) -> String {
    format!("{}:{:02}", minutes / 60, minutes % 60)
}

/// See the module docs.
#[component]
pub fn ShiftForm(props: &ShiftFormProps) -> Html {
    let (i, shift) = (props.index, props.shift.clone());
    // Turns a change of the shift into the action that makes it.
    let update = move |change: &dyn Fn(&mut Shift) -> Result<(), String>| {
        let mut next = shift.clone();
        change(&mut next)?;
        Ok::<Action, String>(Action::EditRota(RotaEdit::Update(i, next)))
    };
    let field = |parse: fn(&str, &mut Shift) -> Result<(), String>| {
        let update = update.clone();
        Callback::from(move |text: String| update(&|x: &mut Shift| parse(&text, x)))
    };
    let select = |apply: fn(&str, &mut Shift)| {
        let (on_action, update) = (props.on_action.clone(), update.clone());
        Callback::from(move |e: Event| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            if let Ok(action) = update(&|x: &mut Shift| {
                apply(&value, x);
                Ok(())
            }) {
                on_action.emit(action);
            }
        })
    };
    let x = &props.shift;
    let click = |action: Action, close: bool| {
        let (on_action, on_close) = (props.on_action.clone(), props.on_close.clone());
        Callback::from(move |_: MouseEvent| {
            on_action.emit(action.clone());
            if close {
                on_close.emit(());
            }
        })
    };
    let next_day = {
        let n = (u64::from(x.week.saturating_sub(1)) * 7 + x.day.index() + 1)
            % (u64::from(props.weeks.max(1)) * 7);
        Shift {
            week: (n / 7) as u8 + 1,
            day: Weekday::ALL[(n % 7) as usize],
            ..x.clone()
        }
    };
    let save_template = {
        let (on_save, x) = (props.on_save_template.clone(), x.clone());
        Callback::from(move |_: MouseEvent| {
            on_save.emit(Template {
                name: x
                    .label
                    .clone()
                    .unwrap_or_else(|| format!("{} shift", x.start)),
                start: x.start,
                minutes: x.minutes,
                kind: x.kind,
            })
        })
    };
    let done = {
        let on_close = props.on_close.clone();
        Callback::from(move |_: MouseEvent| on_close.emit(()))
    };
    html! {
        <fieldset class="shift-form" aria-labelledby="shift-form-title">
            <legend id="shift-form-title">{ format!("Shift: week {} {} {}", x.week, x.day.short_name(), shift_times(x)) }</legend>
            <div class="field">
                <label for="shift-week">{ "Week" }</label>
                <select id="shift-week" onchange={select(|v, x| x.week = v.parse().unwrap_or(x.week))}>
                    { for (1..=props.weeks).map(|w| html! { <option value={w.to_string()} selected={w == x.week}>{ w }</option> }) }
                </select>
            </div>
            <div class="field">
                <label for="shift-day">{ "Day" }</label>
                <select id="shift-day" onchange={select(|v, x| if let Some(d) = Weekday::ALL.iter().find(|d| d.short_name() == v) { x.day = *d })}>
                    { for Weekday::ALL.iter().map(|d| html! { <option value={d.short_name()} selected={*d == x.day}>{ d.short_name() }</option> }) }
                </select>
            </div>
            <TextField id="shift-start" label="Start" hint="HH:MM" value={x.start.to_string()} on_action={props.on_action.clone()}
                parse={field(|t, x| { x.start = ClockTime::parse(t)?; Ok(()) })} />
            <TextField id="shift-end" label="End" hint="HH:MM; before the start means the next day" on_action={props.on_action.clone()}
                value={shift_times(x).split('–').nth(1).unwrap_or_default().split(' ').next().unwrap_or_default().to_string()}
                parse={field(|t, x| {
                    let end = ClockTime::parse(t)?.minutes();
                    let start = x.start.minutes();
                    x.minutes = if end > start { end - start } else { end + 1440 - start } as u32;
                    Ok(())
                })} />
            <TextField id="shift-length" label="Length" hint="hours:minutes or hours, e.g. 12:30 or 12.5" value={length_text(x.minutes)}
                on_action={props.on_action.clone()} inputmode="decimal"
                parse={field(|t, x| { x.minutes = parse_length(t)?; Ok(()) })} />
            <div class="field">
                <label for="shift-kind">{ "Kind" }</label>
                <select id="shift-kind" onchange={select(|v, x| x.kind = match v {
                    "non_resident_on_call" => ShiftKind::NonResidentOnCall,
                    "resident_on_call" => ShiftKind::ResidentOnCall,
                    _ => ShiftKind::Worked,
                })}>
                    <option value="worked" selected={x.kind == ShiftKind::Worked}>{ "Worked" }</option>
                    <option value="non_resident_on_call" selected={x.kind == ShiftKind::NonResidentOnCall}>{ "On call from home (non-resident)" }</option>
                    <option value="resident_on_call" selected={x.kind == ShiftKind::ResidentOnCall}>{ "Resident on call (2002 contract)" }</option>
                </select>
            </div>
            <TextField id="shift-label" label="Label" hint="optional: long day, night…" value={x.label.clone().unwrap_or_default()}
                on_action={props.on_action.clone()}
                parse={field(|t, x| {
                    if t.chars().count() > 60 { return Err("a label has at most 60 characters".into()); }
                    x.label = (!t.trim().is_empty()).then(|| t.trim().to_string());
                    Ok(())
                })} />
            <div class="actions">
                <button type="button" onclick={click(Action::EditRota(RotaEdit::Add(next_day)), false)}>{ "Copy to the next day" }</button>
                <button type="button" onclick={save_template}>{ "Save as a template" }</button>
                <button type="button" onclick={click(Action::EditRota(RotaEdit::Delete(props.index)), true)}>{ "Delete shift" }</button>
                <button type="button" onclick={done}>{ "Done" }</button>
            </div>
        </fieldset>
    }
}
