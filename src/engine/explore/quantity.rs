//! What an exploration varies, and the scenario at a given value of it.
//!
//! Every value is an exact decimal in the quantity's own unit (weekends, nights,
//! hours a week, per cent, minutes after midnight, N of "1 in N"); a value out
//! of range is an error with a message, never a panic. How the rota quantities
//! change a rota is in [`super::rota_edit`].

use super::rota_edit::{self, whole};
use crate::engine::compare::CompareError;
pub use crate::engine::model::exploration::Quantity;
use crate::engine::model::scenario::Column;
use crate::engine::model::scenario::Scenario;
use crate::engine::model::validate::validate;
use crate::engine::num::fraction::Fraction;
use crate::engine::num::rounding::Rounding;
use crate::engine::num::time::ClockTime;
use rust_decimal::Decimal;

/// A problem at a value of the quantity.
pub(super) fn at_value(quantity: &Quantity, x: Decimal, problem: &str) -> String {
    format!("{quantity} = {}: {problem}", quantity.format_value(x))
}

// Which columns a quantity reaches is the explorer's question, so it is
// answered here rather than beside the quantity's definition in the model.
impl Quantity {
    /// Whether changing the quantity can change `column`'s figures: columns
    /// of the offer (or protected by it), on the rota, or every column for LTFT.
    pub fn affects(&self, column: &Column) -> bool {
        let on_rota = |rota: &Option<String>| rota.as_ref().is_none_or(|r| *r == column.rota);
        match self {
            Quantity::WeekendsWorked { rota }
            | Quantity::NightsPerCycle { rota }
            | Quantity::HoursPerWeek { rota } => on_rota(rota),
            Quantity::LtftPercent => true,
            _ => self.offer().is_some_and(|offer| {
                column.offer == offer
                    || column.protection.as_ref().is_some_and(|p| p.offer == offer)
            }),
        }
    }
}

/// The highest premium the engine accepts, in per cent (README, Choices).
const MAX_PREMIUM_PERCENT: Decimal = Decimal::from_parts(200, 0, 0, false, 0);

/// The scenario with `quantity` set to `x`, checked by the engine's
/// validation (a rota that no longer fits, a window of zero length, bands out
/// of order are errors, with the validation's messages).
pub fn apply(scenario: &Scenario, quantity: &Quantity, x: Decimal) -> Result<Scenario, String> {
    let mut out = scenario.clone();
    set(&mut out, scenario, quantity, x)?;
    let issues = validate(&out);
    if issues.is_empty() {
        Ok(out)
    } else {
        let problem = CompareError::Invalid(issues).to_string();
        Err(at_value(quantity, x, &problem))
    }
}

/// `x` per cent as a fraction, when `lo ≤ x ≤ hi` (and above 0 when `lo` is 0
/// and `above_lo`).
fn percent(
    x: Decimal,
    lo: Decimal,
    hi: Decimal,
    above_lo: bool,
    what: &str,
) -> Result<Fraction, String> {
    let ok = x <= hi && (x > lo || (x == lo && !above_lo));
    let bound = if above_lo { "above" } else { "from" };
    ok.then(|| Fraction::new(x, Decimal::ONE_HUNDRED))
        .flatten()
        .ok_or_else(|| format!("{what} must be {bound} {lo}% up to {hi}%, not {x}%"))
}

/// Writes the scenario at `x` into `target`, reading what the quantity starts
/// from in `base` (the two have the same rotas and offers). Only what the
/// quantity changes is written, so a sweep reuses one working copy.
pub(super) fn set(
    target: &mut Scenario,
    base: &Scenario,
    quantity: &Quantity,
    x: Decimal,
) -> Result<(), String> {
    match quantity {
        Quantity::WeekendsWorked { rota } => {
            each_rota(target, base, rota, |r| rota_edit::set_weekends(r, x))
        }
        Quantity::NightsPerCycle { rota } => {
            each_rota(target, base, rota, |r| rota_edit::set_nights(r, x))
        }
        Quantity::HoursPerWeek { rota } => {
            each_rota(target, base, rota, |r| rota_edit::set_hours(r, x))
        }
        Quantity::LtftPercent => {
            target.doctor.ltft = percent(x, Decimal::ZERO, Decimal::ONE_HUNDRED, true, "LTFT")?;
            Ok(())
        }
        Quantity::PremiumRate { offer, window } => {
            let rate = percent(
                x,
                Decimal::ZERO,
                MAX_PREMIUM_PERCENT,
                false,
                "a premium rate",
            )?;
            let terms = &mut offer_at(target, offer)?.terms;
            if let Some(w) = terms.premium_windows.iter_mut().find(|w| w.id == *window) {
                w.uplift = rate;
            } else if let Some(r) = terms.shift_rules.iter_mut().find(|r| r.id == *window) {
                r.uplift = rate;
            } else {
                return Err(missing(offer, "premium window or shift rule", window));
            }
            Ok(())
        }
        Quantity::WindowStart { offer, window } | Quantity::WindowEnd { offer, window } => {
            let minutes = whole(x, 0, 1_440, "a window time (minutes after midnight)")?;
            let time = u16::try_from(minutes)
                .ok()
                .and_then(|m| ClockTime::hm(m / 60, m % 60))
                .ok_or_else(|| format!("{x} is not a time of day"))?;
            let w = offer_at(target, offer)?
                .terms
                .premium_windows
                .iter_mut()
                .find(|w| w.id == *window)
                .ok_or_else(|| missing(offer, "premium window", window))?;
            match quantity {
                Quantity::WindowStart { .. } => w.from = time,
                _ => w.to = time,
            }
            Ok(())
        }
        Quantity::FrequencyThreshold {
            offer,
            allowance,
            band,
        } => {
            let n = whole(x, 1, u32::MAX, "a frequency threshold (N of 1 in N)")?;
            let a = offer_at(target, offer)?
                .terms
                .frequency_allowances
                .iter_mut()
                .find(|a| a.id == *allowance)
                .ok_or_else(|| missing(offer, "frequency allowance", allowance))?;
            let count = a.bands.len();
            let b = band
                .checked_sub(1)
                .and_then(|i| a.bands.get_mut(i))
                .ok_or_else(|| {
                    format!("allowance '{allowance}' has bands 1 to {count}, not {band}")
                })?;
            b.at_least.one_in = n;
            Ok(())
        }
        Quantity::BasicPay { offer } => {
            let factor = x
                .checked_div(Decimal::ONE_HUNDRED)
                .and_then(|share| Decimal::ONE.checked_add(share))
                .filter(|f| !f.is_sign_negative())
                .ok_or_else(|| format!("basic pay can fall by at most 100%, not {x}%"))?;
            let to = offer_at(target, offer)?;
            // The base has the same offers as the target: its points are the
            // ones raised.
            let points = (base.offer(offer).into_iter())
                .flat_map(|o| &o.terms.pay_scale.periods)
                .flat_map(|p| &p.points);
            let targets = to
                .terms
                .pay_scale
                .periods
                .iter_mut()
                .flat_map(|p| &mut p.points);
            for (point, old) in targets.zip(points) {
                let raised = old
                    .annual
                    .checked_mul(factor)
                    .ok_or_else(|| format!("basic pay raised by {x}% is too large"))?;
                point.annual = Rounding::Pennies.apply(raised);
            }
            Ok(())
        }
    }
}

fn missing(offer: &str, what: &str, id: &str) -> String {
    format!("offer '{offer}' has no {what} '{id}'")
}

fn offer_at<'a>(
    scenario: &'a mut Scenario,
    id: &str,
) -> Result<&'a mut crate::engine::model::offer::Offer, String> {
    scenario
        .offers
        .iter_mut()
        .find(|o| o.id == id)
        .ok_or_else(|| format!("the scenario has no offer '{id}'"))
}

/// Rewrites each chosen rota of `target` from the same rota of `base`.
fn each_rota(
    target: &mut Scenario,
    base: &Scenario,
    only: &Option<String>,
    edit: impl Fn(&crate::engine::model::rota::Rota) -> Result<crate::engine::model::rota::Rota, String>,
) -> Result<(), String> {
    let mut found = false;
    for (to, from) in target.rotas.iter_mut().zip(&base.rotas) {
        if only.as_ref().is_none_or(|id| *id == from.id) {
            *to = edit(from).map_err(|e| format!("rota '{}': {e}", from.id))?;
            found = true;
        }
    }
    match (found, only) {
        (false, Some(id)) => Err(format!("the scenario has no rota '{id}'")),
        _ => Ok(()),
    }
}
