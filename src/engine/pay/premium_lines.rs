//! Premium lines: the offer's weekly windows (those whose frequency condition
//! the rota meets) and its shift rules, turned into per-shift pieces and one
//! pay line per window or rule.

use crate::engine::explain::figure::{ComputeError, Figure, FigureKind};
use crate::engine::explain::{format_quantity, Explanation, Unit};
use crate::engine::model::offer::{CountingUnit, PremiumWindow, ShiftRule, ShiftRuleReading};
use crate::engine::model::scenario::Column;
use crate::engine::num::fraction::Fraction;
use crate::engine::pay::inputs::{or_unsourced, Inputs};
use crate::engine::windows::frequency::{one_in, weekends_worked, window_days_worked};
use crate::engine::windows::premium::{Piece, UpliftMap};
use crate::engine::windows::shift_rules::{extent, matches, overlay};
use serde::Serialize;

/// Hours a column's rota spends in one premium window or shift rule.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WindowHours {
    /// Window or rule id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Minutes attributed to it per cycle.
    pub minutes_per_cycle: u64,
}

/// What the premium calculation produces for a column.
pub(super) struct Premiums {
    /// One line per window or rule that pays anything.
    pub(super) lines: Vec<Figure>,
    /// Minutes per window or rule.
    pub(super) hours: Vec<WindowHours>,
    /// Every shift's pieces.
    pub(super) pieces: Vec<Piece>,
}

/// Whether a window's condition is met, with the sentence that says why.
fn condition_met(inputs: &Inputs, window: &PremiumWindow) -> Option<(bool, String)> {
    let condition = window.condition.as_ref()?;
    let rota = inputs.rota;
    let weeks = u64::from(rota.weeks);
    let (count, what) = match condition.counts {
        CountingUnit::WindowDaysWorked => (
            window_days_worked(rota, window, &condition.kinds),
            format!("days with work in {}–{}", window.from, window.to),
        ),
        CountingUnit::WeekendsWorked { definition } => (
            weekends_worked(rota, definition, &condition.kinds),
            format!("weekends worked ({})", definition.describe()),
        ),
    };
    let met = condition.at_least.met_by(count, weeks);
    let text = format!(
        "{}: {count} {what} in the {weeks}-week cycle = {}, {} the required 1 in {} or more often, so the premium {}.",
        window.name,
        one_in(count, weeks),
        if met { "meeting" } else { "short of" },
        condition.at_least.one_in,
        if met { "applies" } else { "does not apply" }
    );
    Some((met, text))
}

/// The reading a column uses for a rule: the one it names, else the first.
fn reading<'a>(rule: &'a ShiftRule, column: &Column) -> Option<&'a ShiftRuleReading> {
    column
        .readings
        .get(&rule.id)
        .and_then(|id| rule.readings.iter().find(|r| &r.id == id))
        .or_else(|| rule.readings.first())
}

/// Pieces, minutes and lines for every window and shift rule of the offer.
pub(super) fn premium_lines(
    inputs: &Inputs,
    column: &Column,
    notes: &mut Vec<String>,
) -> Result<Premiums, ComputeError> {
    let terms = inputs.terms;
    let rota = inputs.rota;
    let windows = &terms.premium_windows;
    let enabled: Vec<bool> = windows
        .iter()
        .map(|w| match condition_met(inputs, w) {
            Some((met, text)) => {
                notes.push(text);
                met
            }
            None => true,
        })
        .collect();
    let map = UpliftMap::build(windows, &enabled, terms.combine);
    let readings: Vec<Option<&ShiftRuleReading>> = terms
        .shift_rules
        .iter()
        .map(|r| reading(r, column))
        .collect();

    let mut pieces = Vec::with_capacity(rota.shifts.len() * 3);
    for (index, shift) in rota.shifts.iter().enumerate() {
        let first = pieces.len();
        for span in shift.work_intervals() {
            map.split_into(index, span, &mut pieces);
        }
        for (r, (rule, reading)) in terms.shift_rules.iter().zip(&readings).enumerate() {
            let Some(reading) = reading else { continue };
            if !rule.kinds.contains(&shift.kind) || !matches(shift, &reading.pattern) {
                continue;
            }
            if let Some(over) = extent(shift, reading) {
                // Only this shift's pieces are touched: rules sit after the windows in the bit set.
                let mut own = pieces.split_off(first);
                overlay(
                    &mut own,
                    over,
                    windows.len() + r,
                    rule.uplift,
                    terms.combine,
                );
                pieces.append(&mut own);
            }
        }
    }

    let mut minutes = vec![0u64; windows.len() + terms.shift_rules.len()];
    for piece in &pieces {
        for w in piece.windows.iter() {
            if let Some(m) = minutes.get_mut(w) {
                *m += piece.span.len();
            }
        }
    }

    let mut lines = Vec::new();
    for (window, &m) in windows.iter().zip(&minutes) {
        if m > 0 {
            let rule = format!(
                "{}: {} more than the basic hourly rate for hours worked {}–{} ({})",
                window.name,
                format_quantity(window.uplift, Unit::Rate),
                window.from,
                window.to,
                window
                    .days
                    .iter()
                    .map(|d| d.short_name())
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            lines.push(premium_line(
                inputs,
                &window.id,
                &window.name,
                window.uplift,
                m,
                rule,
                &window.source,
            )?);
        }
    }
    for ((rule, reading), &m) in terms
        .shift_rules
        .iter()
        .zip(&readings)
        .zip(&minutes[windows.len()..])
    {
        let Some(reading) = reading else { continue };
        if m > 0 {
            let text = format!(
                "{}: {} more than the basic hourly rate — reading used: {}",
                rule.name,
                format_quantity(rule.uplift, Unit::Rate),
                reading.label
            );
            lines.push(premium_line(
                inputs,
                &rule.id,
                &rule.name,
                rule.uplift,
                m,
                text,
                &reading.source,
            )?);
        }
    }
    let hours = windows
        .iter()
        .map(|w| (&w.id, &w.name))
        .chain(terms.shift_rules.iter().map(|r| (&r.id, &r.name)))
        .zip(minutes)
        .map(|((id, name), minutes_per_cycle)| WindowHours {
            id: id.clone(),
            name: name.clone(),
            minutes_per_cycle,
        })
        .collect();
    Ok(Premiums {
        lines,
        hours,
        pieces,
    })
}

fn premium_line(
    inputs: &Inputs,
    id: &str,
    name: &str,
    uplift: Fraction,
    minutes: u64,
    rule: String,
    source: &str,
) -> Result<Figure, ComputeError> {
    let per_week = inputs
        .per_week(minutes)
        .ok_or_else(|| ComputeError { figure: id.into() })?;
    let explanation = Explanation {
        rule,
        source: or_unsourced(source),
        calculation: inputs.hourly_line(
            Some(("uplift", uplift)),
            per_week,
            "hours per week it pays",
        ),
        rounding: inputs.terms.rounding.premium,
        notes: vec![format!(
            "{} over the {}-week cycle",
            format_quantity(
                Fraction::from_ints(minutes, 60).unwrap_or(Fraction::ZERO),
                Unit::Hours
            ),
            inputs.rota.weeks
        )],
    };
    Figure::new(
        format!("premium:{id}"),
        name,
        FigureKind::PayLine,
        Unit::Pounds,
        explanation,
    )
}
