//! "Your job": grade, years at grade, full time or LTFT, specialty premium and
//! pay date, and the comparison's title.

use crate::engine::date::Date;
use crate::engine::fraction::Fraction;
use crate::engine::offer::Grade;
use crate::engine::scenario::Doctor;
use crate::engine::validate::MAX_TEXT;
use crate::ui::state::Action;
use crate::ui::widgets::text_field::TextField;
use rust_decimal::Decimal;
use std::str::FromStr;
use yew::prelude::*;

/// What [`job_form`] shows and where it sends changes.
#[derive(PartialEq)]
pub struct JobFormProps {
    /// The doctor.
    pub doctor: Doctor,
    /// The scenario's pay date.
    pub pay_date: Date,
    /// The title the user gave (empty: written from the comparison).
    pub title: AttrValue,
    /// The title written from the comparison, shown as the hint.
    pub generated_title: AttrValue,
    /// Receives changes.
    pub on_action: Callback<Action>,
}

fn parse_years(text: String) -> Result<Action, String> {
    match text.trim().parse::<u8>() {
        Ok(y) if y <= 20 => Ok(Action::SetYears(y)),
        _ => Err("Enter the completed years at this grade, a whole number from 0 to 20".into()),
    }
}

fn parse_ltft(text: String) -> Result<Action, String> {
    let percent = Decimal::from_str(text.trim().trim_end_matches('%').trim())
        .map_err(|_| "Enter a percentage of full time, for example 60 or 100".to_string())?;
    if percent <= Decimal::ZERO || percent > Decimal::ONE_HUNDRED {
        return Err("Enter a percentage more than 0 and at most 100".into());
    }
    Fraction::new(percent, Decimal::ONE_HUNDRED)
        .map(Action::SetLtft)
        .ok_or_else(|| "Enter a percentage of full time".into())
}

fn parse_premium(text: String) -> Result<Action, String> {
    let text = text.trim();
    let amount = match text.is_empty() {
        true => Some(Decimal::ZERO),
        false => crate::engine::num::typed_amount(text),
    };
    match amount {
        Some(v) if v.is_sign_negative() => Err("A premium cannot be negative".into()),
        Some(v) if v > Decimal::from(1_000_000) => Err("Enter at most £1,000,000 a year".into()),
        Some(v) => Ok(Action::SetSpecialtyPremium(v)),
        None => Err("Enter an amount in pounds a year, for example 3503, £3,503 or 0".into()),
    }
}

fn parse_title(text: String) -> Result<Action, String> {
    match text.trim().chars().count() {
        n if n > MAX_TEXT => Err(format!(
            "A title can have at most {MAX_TEXT} characters (this one has {n})"
        )),
        _ => Ok(Action::SetTitle(text.trim().to_string())),
    }
}

fn parse_date(text: String) -> Result<Action, String> {
    Date::parse(&text).map(Action::SetPayDate)
}

/// See the module docs. A function, not a component: it keeps no state, and each component costs
/// the bundle about 0.6 KB gzipped.
pub fn job_form(props: &JobFormProps) -> Html {
    let on_grade = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            if let Some(g) = Grade::ALL.iter().find(|g| format!("{g:?}") == value) {
                on_action.emit(Action::SetGrade(*g));
            }
        })
    };
    let doctor = &props.doctor;
    let percent = doctor
        .ltft
        .checked_mul(&Fraction::from_decimal(Decimal::ONE_HUNDRED))
        .and_then(|f| f.to_decimal())
        .map(|d| d.round_dp(2).normalize().to_string())
        .unwrap_or_default();
    html! {
        <fieldset class="job">
            <legend>{ "Your job" }</legend>
            <div class="field">
                <label for="grade">{ "Grade" }</label>
                <select id="grade" onchange={on_grade}>
                    { for Grade::ALL.iter().map(|g| html! {
                        <option value={format!("{g:?}")} selected={*g == doctor.grade}>{ format!("{g:?}") }</option>
                    }) }
                </select>
            </div>
            <TextField id="years" label="Completed years at this grade" hint="Moves you up an incremental (2002) scale"
                value={doctor.years_at_grade.to_string()} parse={Callback::from(parse_years)}
                on_action={props.on_action.clone()} inputmode="numeric" />
            <TextField id="ltft" label="Percentage of full time" hint="100 for full time; 60 for LTFT at 60%"
                value={percent} parse={Callback::from(parse_ltft)} on_action={props.on_action.clone()} inputmode="decimal" />
            <TextField id="premium" label="Specialty premium (£ a year)" hint="Flexible pay premium, 0 if none"
                value={doctor.specialty_premium.normalize().to_string()} parse={Callback::from(parse_premium)}
                on_action={props.on_action.clone()} inputmode="decimal" />
            <TextField id="pay-date" label="Pay date" hint="YYYY-MM-DD: picks each offer's pay year"
                value={props.pay_date.to_string()} parse={Callback::from(parse_date)} on_action={props.on_action.clone()} />
            <TextField id="title" label="Title of this comparison (optional)"
                hint={format!("Leave empty to use: {}", props.generated_title)}
                value={props.title.clone()} parse={Callback::from(parse_title)} on_action={props.on_action.clone()} />
        </fieldset>
    }
}
