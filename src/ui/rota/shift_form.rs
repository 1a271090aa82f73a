//! One shift's fields: week, day, start, end or length, kind and label. Each
//! field that parses changes the shift at once (one undo step per field);
//! text that does not shows its message at the field and changes nothing.

use crate::engine::edit::rota::{RotaEdit, Template};
use crate::engine::rota::{Shift, ShiftKind, WorkBlock};
use crate::engine::time::{ClockTime, Weekday};
use crate::ui::rota::grid::shift_times;
use crate::ui::state::Action;
use crate::ui::widgets::text_field::TextField;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use yew::prelude::*;

/// What [`shift_form`] shows and where its changes go.
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

/// Parses expected work in an on-call period: `19:00-21:00, 02:00-03:30`.
/// Blocks are read in order, each starting at the next time of day after the
/// previous block (the first after the period's start), so a weekend on-call
/// can list `10:00-12:00` once per day.
pub fn parse_expected_work(text: &str, shift: &Shift) -> Result<Vec<WorkBlock>, String> {
    let mut blocks = Vec::new();
    let mut after = 0u64;
    for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let bad = || format!("'{part}' is not a block of work: write start-end, e.g. 19:00-21:00");
        let (a, b) = part.split_once(['-', '–']).ok_or_else(bad)?;
        let (a, b) = (
            ClockTime::parse(a)?.minutes(),
            ClockTime::parse(b)?.minutes(),
        );
        let start_of_day = shift.start.minutes();
        // Minutes from the period's start to the next `a` at or after `after`.
        let mut offset = (a + 1440 - start_of_day) % 1440;
        while offset < after {
            offset += 1440;
        }
        let length = if b > a { b - a } else { b + 1440 - a };
        if offset + length > u64::from(shift.minutes) {
            return Err(format!("{part} does not fit inside the on-call period"));
        }
        blocks.push(WorkBlock {
            offset_minutes: offset as u32,
            minutes: length as u32,
        });
        after = offset + length;
    }
    Ok(blocks)
}

/// Expected work as [`parse_expected_work`] reads it.
fn expected_work_text(shift: &Shift) -> String {
    let clock = |m: u64| format!("{:02}:{:02}", (m % 1440) / 60, m % 60);
    shift
        .expected_work
        .iter()
        .map(|b| {
            let start = shift.start.minutes() + u64::from(b.offset_minutes);
            format!("{}-{}", clock(start), clock(start + u64::from(b.minutes)))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// "8:00", "12:30".
fn length_text(minutes: u32) -> String {
    format!("{}:{:02}", minutes / 60, minutes % 60)
}

/// See the module docs. A function, not a component: it keeps no state, and
/// each component costs the bundle about a kilobyte.
pub fn shift_form(props: &ShiftFormProps) -> Html {
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
                parse={field(|t, x| {
                    // Refused at the field, naming the shift, rather than kept
                    // and shown as "09:00–10:00 next day" (the cycle's length
                    // is checked with the whole rota).
                    let minutes = parse_length(t)?;
                    match x.length_problem(minutes, u64::MAX) {
                        Some(problem) => Err(problem),
                        None => { x.minutes = minutes; Ok(()) }
                    }
                })} />
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
            if x.kind != ShiftKind::Worked {
                <TextField id="shift-expected" label="Expected work" value={expected_work_text(x)} on_action={props.on_action.clone()}
                    hint="blocks of work you expect during the on-call period, e.g. 19:00-21:00, 02:00-03:00 (in order; each after the one before)"
                    parse={field(|t, x| { x.expected_work = parse_expected_work(t, x)?; Ok(()) })} />
            }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_and_expected_work_are_read_exactly() {
        assert_eq!(parse_length("12:30"), Ok(750));
        assert_eq!(parse_length("12.5"), Ok(750));
        assert!(parse_length("8.33").is_err());
        assert!(parse_length("-1").is_err());
        assert!(parse_length("ab").is_err());
        let on_call: Shift = serde_json::from_str(
            r#"{"week": 1, "day": "fri", "start": "17:00", "minutes": 3840, "kind": "non_resident_on_call"}"#,
        )
        .unwrap();
        // Friday 17:00 to Monday 09:00: an evening block, then a morning block each day.
        let blocks = parse_expected_work(
            "19:00-21:00, 10:00-12:00, 10:00–12:00, 02:00-03:00",
            &on_call,
        )
        .unwrap();
        let got: Vec<(u32, u32)> = blocks
            .iter()
            .map(|b| (b.offset_minutes, b.minutes))
            .collect();
        assert_eq!(got, [(120, 120), (1020, 120), (2460, 120), (3420, 60)]);
        let with = Shift {
            expected_work: blocks,
            ..on_call.clone()
        };
        assert_eq!(
            expected_work_text(&with),
            "19:00-21:00, 10:00-12:00, 10:00-12:00, 02:00-03:00"
        );
        assert!(
            parse_expected_work("10:00-12:00, 10:00-12:00, 10:00-12:00", &on_call)
                .unwrap_err()
                .contains("does not fit")
        );
        assert!(parse_expected_work("7pm", &on_call).is_err());
        assert_eq!(parse_expected_work("", &on_call), Ok(vec![]));
    }
}
