//! "Take-home pay": whether to show it, where the doctor lives for tax, NHS
//! Pension membership, student loan plans, and real terms (price index,
//! basis, reference year and the index values, each with its source and
//! editable). Every choice is part of the scenario.

use crate::engine::deductions::rules::LoanPlan;
use crate::engine::deductions::Residence;
use crate::engine::offer::Marker;
use crate::engine::real_terms::{
    index_for, IndexBasis, Measure, RealTerms, UserIndex, MAX_INDEX, MAX_YEAR, MIN_YEAR,
};
use crate::engine::sort::{sort, sort_by_key};
use crate::engine::take_home::{is_pensionable_by_default, TakeHome};
use crate::presets::price_indices::price_indices;
use crate::ui::state::Action;
use crate::ui::widgets::choice::choice;
use crate::ui::widgets::text_field::TextField;
use rust_decimal::Decimal;
use std::str::FromStr;
use yew::prelude::*;

/// What [`take_home_form`] shows and where it sends changes.
#[derive(PartialEq)]
pub struct TakeHomeFormProps {
    /// The scenario's settings; `None` when take-home pay is not shown.
    pub settings: Option<TakeHome>,
    /// The calendar years the columns are paid in (their index values are
    /// needed), ascending, each once.
    pub pay_years: Vec<u16>,
    /// The comparison's pay lines as (id, label), to choose which are pensionable.
    pub pay_lines: Vec<(String, String)>,
    /// Receives changes.
    pub on_action: Callback<Action>,
}

/// Text fields typed into are one undo step each (see `Action::typing`).
const TYPED_YEAR: usize = 1;
const TYPED_INDEX: usize = 2;

fn set(settings: TakeHome, typed: Option<usize>) -> Action {
    Action::SetTakeHome {
        settings: Some(settings),
        typed,
    }
}

/// A callback that applies `change` to a copy of the settings and sends it:
/// every control but the text fields edits the section this way.
fn edit<T: 'static>(
    on_action: &Callback<Action>,
    settings: &TakeHome,
    change: impl Fn(&mut TakeHome, T) + 'static,
) -> Callback<T> {
    let (on_action, settings) = (on_action.clone(), settings.clone());
    Callback::from(move |value: T| {
        let mut next = settings.clone();
        change(&mut next, value);
        on_action.emit(set(next, None));
    })
}

fn checkbox(id: &str, label: &str, checked: bool, on: Callback<bool>) -> Html {
    let onchange = Callback::from(move |e: Event| {
        on.emit(
            e.target_unchecked_into::<web_sys::HtmlInputElement>()
                .checked(),
        )
    });
    html! {
        <div class="check">
            <input type="checkbox" id={id.to_string()} {checked} {onchange} />
            <label for={id.to_string()}>{ label }</label>
        </div>
    }
}

fn measure_id(m: Measure) -> &'static str {
    match m {
        Measure::Cpi => "cpi",
        Measure::Cpih => "cpih",
        Measure::Rpi => "rpi",
    }
}

fn basis_id(b: IndexBasis) -> &'static str {
    match b {
        IndexBasis::AnnualAverage => "annual_average",
        IndexBasis::April => "april",
        IndexBasis::FinancialYear => "financial_year",
    }
}

/// The latest year whose annual average of `measure` is shipped verified.
fn latest_verified(measure: Measure) -> Option<u16> {
    price_indices()
        .series(measure, IndexBasis::AnnualAverage)?
        .values
        .iter()
        .filter(|p| p.value.marker == Marker::Verified)
        .map(|p| p.year)
        .max()
}

/// See the module docs. A function, not a component: it keeps no state, and each component costs
/// the bundle about 0.6 KB gzipped.
pub fn take_home_form(props: &TakeHomeFormProps) -> Html {
    let on_action = props.on_action.clone();
    let shown = props.settings.is_some();
    let settings = props.settings.clone().unwrap_or_default();
    let toggle = {
        let on_action = on_action.clone();
        Callback::from(move |on: bool| {
            on_action.emit(Action::SetTakeHome {
                settings: on.then(TakeHome::default),
                typed: None,
            })
        })
    };
    let residence = edit(&on_action, &settings, |s, v: String| {
        s.residence = match v.as_str() {
            "scotland" => Residence::Scotland,
            _ => Residence::RestOfUk,
        }
    });
    let member = edit(&on_action, &settings, |s, on: bool| s.pension_member = on);
    let loan = |plan: LoanPlan| {
        edit(&on_action, &settings, move |s, on: bool| {
            s.loans.retain(|p| *p != plan);
            if on {
                s.loans.push(plan);
                // Kept in the order lines are shown, so a file does not
                // depend on the order they were ticked in.
                sort_by_key(&mut s.loans, |p| LoanPlan::ALL.iter().position(|q| q == p));
            }
        })
    };
    let latest_year = props.pay_years.last().copied().unwrap_or(2016);
    let measure = edit(&on_action, &settings, move |s, value: String| {
        let chosen = Measure::ALL.into_iter().find(|m| measure_id(*m) == value);
        s.real_terms = chosen.map(|measure| match s.real_terms.take() {
            // The user's index values belong to the series they were
            // entered for.
            Some(r) if r.measure == measure => r,
            Some(r) => RealTerms {
                measure,
                values: Vec::new(),
                ..r
            },
            // The latest verified year: the most recent money that
            // needs no unverified index value.
            None => RealTerms {
                measure,
                basis: IndexBasis::AnnualAverage,
                year: latest_verified(measure).unwrap_or(latest_year),
                values: Vec::new(),
            },
        });
    });
    let loans_section = html! {
        <fieldset class="loans">
            <legend>{ "Student loans you repay" }</legend>
            { for LoanPlan::ALL.iter().map(|plan| checkbox(
                &format!("loan-{}", plan.id()),
                plan.label(),
                settings.loans.contains(plan),
                loan(*plan),
            )) }
        </fieldset>
    };
    let chosen_measure = settings
        .real_terms
        .as_ref()
        .map_or("none", |r| measure_id(r.measure));
    html! {
        <fieldset class="take-home" aria-labelledby="take-home-legend">
            <legend id="take-home-legend">{ "Take-home pay" }</legend>
            { checkbox("take-home-on", "Show take-home pay (after NHS Pension, income tax, NI and student loans)", shown, toggle) }
            if shown {
                { choice(("residence", "Where you live for income tax"),
                    [("rest_of_uk", "England, Wales or Northern Ireland"), ("scotland", "Scotland")],
                    if settings.residence == Residence::Scotland { "scotland" } else { "rest_of_uk" },
                    false, residence) }
                { checkbox("pension-member", "Member of the NHS Pension Scheme", settings.pension_member, member) }
                { pensionable_lines(&settings, &props.pay_lines, &on_action) }
                { loans_section }
                { choice(("real-measure", "Show pay in one year's money"),
                    [("none", "No (pounds of each pay date)"), ("cpi", "CPI"), ("cpih", "CPIH"), ("rpi", "RPI")],
                    chosen_measure, false, measure) }
                if let Some(real) = settings.real_terms.clone() {
                    { real_terms_fields(&settings, real, &props.pay_years, &on_action) }
                }
            }
        </fieldset>
    }
}

/// Which pay lines are pensionable: the contracts' rule until the user ticks
/// otherwise, and a way back to it.
fn pensionable_lines(
    settings: &TakeHome,
    pay_lines: &[(String, String)],
    on_action: &Callback<Action>,
) -> Html {
    if pay_lines.is_empty() {
        return html! {};
    }
    let chosen: Vec<String> = match &settings.pensionable {
        Some(ids) => ids.clone(),
        None => pay_lines
            .iter()
            .map(|(id, _)| id.clone())
            .filter(|id| is_pensionable_by_default(id))
            .collect(),
    };
    let toggle = |id: &str| {
        let (chosen, id) = (chosen.clone(), id.to_string());
        edit(on_action, settings, move |s, on: bool| {
            let mut ids: Vec<String> = chosen.iter().filter(|c| **c != id).cloned().collect();
            if on {
                ids.push(id.clone());
            }
            s.pensionable = Some(ids);
        })
    };
    let reset = edit(on_action, settings, |s, _: MouseEvent| s.pensionable = None);
    html! {
        <fieldset class="loans pensionable">
            <legend>{ "Pensionable pay lines" }</legend>
            <p class="hint">{ match settings.pensionable {
                None => "As the contracts say: basic pay, the specialty premium and pay protection; not 2002 banding, hours over 40, premiums or allowances.",
                Some(_) => "Your choice, not the contracts' rule.",
            } }</p>
            { for pay_lines.iter().map(|(id, label)| checkbox(
                &format!("pensionable-{}", id.replace(':', "-")),
                label,
                chosen.contains(id),
                toggle(id),
            )) }
            if settings.pensionable.is_some() {
                <button type="button" onclick={reset}>{ "Back to the contracts' rule" }</button>
            }
        </fieldset>
    }
}

/// The basis, the reference year and the index values used, each editable.
fn real_terms_fields(
    settings: &TakeHome,
    real: RealTerms,
    pay_years: &[u16],
    on_action: &Callback<Action>,
) -> Html {
    let with_real = |settings: &TakeHome, real: RealTerms| TakeHome {
        real_terms: Some(real),
        ..settings.clone()
    };
    let basis = edit(on_action, settings, |s, value: String| {
        let chosen = IndexBasis::ALL.into_iter().find(|b| basis_id(*b) == value);
        if let (Some(basis), Some(real)) = (chosen, s.real_terms.as_mut()) {
            // The user's index values belong to the series they were entered for.
            real.basis = basis;
            real.values.clear();
        }
    });
    let parse_year = {
        let (settings, real) = (settings.clone(), real.clone());
        Callback::from(move |text: String| match text.trim().parse::<u16>() {
            Ok(year) if (MIN_YEAR..=MAX_YEAR).contains(&year) => Ok(set(
                with_real(
                    &settings,
                    RealTerms {
                        year,
                        ..real.clone()
                    },
                ),
                Some(TYPED_YEAR),
            )),
            _ => Err(format!(
                "Enter a year from {MIN_YEAR} to {MAX_YEAR}, for example 2024"
            )),
        })
    };
    let data = price_indices();
    let series_name = data
        .series(real.measure, real.basis)
        .map_or_else(String::new, |s| s.name.clone());
    let mut years: Vec<u16> = pay_years.to_vec();
    if !years.contains(&real.year) {
        years.push(real.year);
    }
    sort(&mut years);
    let row = |year: u16| {
        let found = index_for(&real, data, year);
        let shipped = RealTerms {
            values: Vec::new(),
            ..real.clone()
        };
        let shipped_value = index_for(&shipped, data, year).map(|(v, _, _)| v);
        let parse = {
            let (settings, real) = (settings.clone(), real.clone());
            Callback::from(move |text: String| {
                let mut next = real.clone();
                next.values.retain(|u| u.year != year);
                let text = text.trim();
                if !text.is_empty() {
                    let value = Decimal::from_str(text)
                        .ok()
                        .filter(|v| *v > Decimal::ZERO && *v <= MAX_INDEX)
                        .ok_or_else(|| {
                            "Enter the index value, a number more than 0 (for example 121.7)"
                                .to_string()
                        })?;
                    // A value equal to the shipped one is not an edit.
                    if Some(value) != shipped_value {
                        next.values.push(UserIndex { year, value });
                        sort_by_key(&mut next.values, |u| u.year);
                    }
                }
                Ok(set(
                    with_real(&settings, next),
                    Some(TYPED_INDEX + usize::from(year)),
                ))
            })
        };
        let (value, source) = match &found {
            Some((v, source, marker)) => (
                v.normalize().to_string(),
                match marker {
                    Some(m) => format!("{source} {}", m.tag()),
                    None => "entered by you".to_string(),
                },
            ),
            None => (String::new(), "not shipped: enter the value".to_string()),
        };
        html! {
            <tr>
                <th scope="row">{ year }</th>
                <td>
                    <TextField id={format!("index-{year}")} label={format!("{} {year}", real.measure.name())}
                        value={value} parse={parse} on_action={on_action.clone()} inputmode="decimal" />
                </td>
                <td class="source">{ source }</td>
            </tr>
        }
    };
    html! {
        <div class="real-terms">
            { choice(("real-basis", "Index values"), [("annual_average", "Annual average"), ("april", "April"), ("financial_year", "Financial-year average (April to March)")],
                basis_id(real.basis), false, basis) }
            <TextField id="real-year" label="In the money of the year" hint="Each column's pay is moved from the year of its pay date to this year"
                value={real.year.to_string()} parse={parse_year} on_action={on_action.clone()} inputmode="numeric" />
            <table class="index-values">
                <caption>{ series_name }</caption>
                <thead><tr>
                    <th scope="col">{ "Year" }</th>
                    <th scope="col">{ "Index value" }</th>
                    <th scope="col">{ "Source" }</th>
                </tr></thead>
                <tbody>{ for years.into_iter().map(row) }</tbody>
            </table>
        </div>
    }
}
