//! What an exploration varies, and the scenario at a given value of it.
//!
//! Every value is an exact decimal in the quantity's own unit (weekends, nights,
//! hours a week, per cent, minutes after midnight, N of "1 in N"); a value out
//! of range is an error with a message, never a panic. How the rota quantities
//! change a rota is in [`super::rota_edit`].

use super::rota_edit;
use crate::engine::compare::CompareError;
use crate::engine::fraction::Fraction;
use crate::engine::rounding::Rounding;
use crate::engine::scenario::{Column, Scenario};
use crate::engine::time::ClockTime;
use crate::engine::validate::validate;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A quantity to vary. Rota quantities change every rota of the scenario, or
/// only `rota` when it is named; offer quantities name the offer by id and the
/// term by its id in that offer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Quantity {
    /// Weekends per cycle with a shift beginning on the Saturday or Sunday (the
    /// 2016 weekend allowance's definition); see [`rota_edit::set_weekends`].
    WeekendsWorked {
        /// The rota changed; every rota when absent.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        rota: Option<String>,
    },
    /// Night shifts per cycle (at least 3 h between 23:00 and 06:00); see
    /// [`rota_edit::set_nights`].
    NightsPerCycle {
        /// The rota changed; every rota when absent.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        rota: Option<String>,
    },
    /// Average weekly hours of work; see [`rota_edit::set_hours`].
    HoursPerWeek {
        /// The rota changed; every rota when absent.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        rota: Option<String>,
    },
    /// The doctor's less-than-full-time percentage, (0, 100]; the rota is
    /// left as it is (it is taken to be the doctor's own LTFT rota).
    LtftPercent,
    /// A premium window's (or a shift rule's) uplift, in per cent, 0–200.
    PremiumRate {
        /// Offer id.
        offer: String,
        /// Window id (or shift-rule id) in that offer.
        window: String,
    },
    /// A premium window's start, in minutes after midnight (0–1440).
    WindowStart {
        /// Offer id.
        offer: String,
        /// Window id in that offer.
        window: String,
    },
    /// A premium window's end, in minutes after midnight (0–1440).
    WindowEnd {
        /// Offer id.
        offer: String,
        /// Window id in that offer.
        window: String,
    },
    /// N of a weekend-frequency band's "1 in N" (a whole number ≥ 1).
    FrequencyThreshold {
        /// Offer id.
        offer: String,
        /// Frequency-allowance id in that offer.
        allowance: String,
        /// The band's position in the allowance's list as written, from 1.
        band: usize,
    },
    /// Every pay point of the offer's scale raised by this many per cent
    /// (−100 or more), each rounded to the penny as the pay circulars do.
    BasicPay {
        /// Offer id.
        offer: String,
    },
}

/// The highest premium the engine accepts, in per cent (README, Choices).
const MAX_PREMIUM_PERCENT: Decimal = Decimal::from_parts(200, 0, 0, false, 0);

/// The text after the kind in a spec (`premium_rate:OFFER:WINDOW`).
const SPEC_HELP: &str = "write weekends_worked[:ROTA], nights_per_cycle[:ROTA], \
     hours_per_week[:ROTA], ltft_percent, premium_rate:OFFER:WINDOW, \
     window_start:OFFER:WINDOW, window_end:OFFER:WINDOW, \
     frequency_threshold:OFFER:ALLOWANCE:BAND or basic_pay:OFFER";

impl Quantity {
    /// Reads the command line's spec: the kind, then its ids separated by
    /// colons (`premium_rate:tcs-2016:night`, `weekends_worked`,
    /// `frequency_threshold:tcs-2016:weekend:1`).
    pub fn parse(spec: &str) -> Result<Quantity, String> {
        let parts: Vec<&str> = spec.split(':').collect();
        let bad = || format!("'{spec}' is not a quantity: {SPEC_HELP}");
        let text = |s: &&str| s.to_string();
        Ok(match parts.as_slice() {
            ["nights_per_cycle", rota @ ..] if rota.len() <= 1 => Quantity::NightsPerCycle {
                rota: rota.first().map(text),
            },
            ["weekends_worked", rota @ ..] if rota.len() <= 1 => Quantity::WeekendsWorked {
                rota: rota.first().map(text),
            },
            ["hours_per_week", rota @ ..] if rota.len() <= 1 => Quantity::HoursPerWeek {
                rota: rota.first().map(text),
            },
            ["ltft_percent"] => Quantity::LtftPercent,
            [kind, offer, window] => {
                let (offer, window) = (offer.to_string(), window.to_string());
                match *kind {
                    "premium_rate" => Quantity::PremiumRate { offer, window },
                    "window_start" => Quantity::WindowStart { offer, window },
                    "window_end" => Quantity::WindowEnd { offer, window },
                    _ => return Err(bad()),
                }
            }
            ["frequency_threshold", offer, allowance, band] => Quantity::FrequencyThreshold {
                offer: offer.to_string(),
                allowance: allowance.to_string(),
                band: band.parse().map_err(|_| bad())?,
            },
            ["basic_pay", offer] => Quantity::BasicPay {
                offer: offer.to_string(),
            },
            _ => return Err(bad()),
        })
    }

    /// Decimal places of the quantity's grid: whole weekends, nights, minutes
    /// and thresholds; hundredths of an hour and of a percentage point.
    pub fn decimals(&self) -> u32 {
        match self {
            Quantity::HoursPerWeek { .. }
            | Quantity::LtftPercent
            | Quantity::PremiumRate { .. }
            | Quantity::BasicPay { .. } => 2,
            _ => 0,
        }
    }

    /// `x` on the quantity's grid (halves away from zero).
    pub fn snap(&self, x: Decimal) -> Decimal {
        x.round_dp_with_strategy(self.decimals(), RoundingStrategy::MidpointAwayFromZero)
    }

    /// Reads a value: a decimal, or for window times also `HH:MM`.
    pub fn parse_value(&self, text: &str) -> Result<Decimal, String> {
        if self.is_time() && text.contains(':') {
            return ClockTime::parse(text).map(|t| Decimal::from(t.minutes()));
        }
        text.trim()
            .parse()
            .map_err(|_| format!("'{text}' is not a number"))
    }

    /// A value as a reader expects it: `HH:MM` for window times, else the decimal.
    pub fn format_value(&self, x: Decimal) -> String {
        match x.to_u16().and_then(|m| ClockTime::hm(m / 60, m % 60)) {
            Some(time) if self.is_time() && x.fract().is_zero() => time.to_string(),
            _ => x.normalize().to_string(),
        }
    }

    fn is_time(&self) -> bool {
        matches!(
            self,
            Quantity::WindowStart { .. } | Quantity::WindowEnd { .. }
        )
    }

    /// The offer whose terms the quantity changes (none for rota and doctor
    /// quantities).
    pub fn offer(&self) -> Option<&str> {
        match self {
            Quantity::PremiumRate { offer, .. }
            | Quantity::WindowStart { offer, .. }
            | Quantity::WindowEnd { offer, .. }
            | Quantity::FrequencyThreshold { offer, .. }
            | Quantity::BasicPay { offer } => Some(offer),
            _ => None,
        }
    }

    /// Whether every column's gross pay is non-decreasing in the quantity: a
    /// higher premium rate or basic pay never lowers any line (each line is a
    /// product of non-negative rates and hours, rounded by a non-decreasing
    /// rule, and pay protection is a floor). Break-even bisects only then.
    pub fn raises_pay(&self) -> bool {
        matches!(
            self,
            Quantity::PremiumRate { .. } | Quantity::BasicPay { .. }
        )
    }

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

impl fmt::Display for Quantity {
    /// The spec [`Quantity::parse`] reads.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let rota = |f: &mut fmt::Formatter<'_>, kind: &str, rota: &Option<String>| match rota {
            Some(r) => write!(f, "{kind}:{r}"),
            None => f.write_str(kind),
        };
        match self {
            Quantity::WeekendsWorked { rota: r } => rota(f, "weekends_worked", r),
            Quantity::NightsPerCycle { rota: r } => rota(f, "nights_per_cycle", r),
            Quantity::HoursPerWeek { rota: r } => rota(f, "hours_per_week", r),
            Quantity::LtftPercent => f.write_str("ltft_percent"),
            Quantity::PremiumRate { offer, window } => write!(f, "premium_rate:{offer}:{window}"),
            Quantity::WindowStart { offer, window } => write!(f, "window_start:{offer}:{window}"),
            Quantity::WindowEnd { offer, window } => write!(f, "window_end:{offer}:{window}"),
            Quantity::FrequencyThreshold {
                offer,
                allowance,
                band,
            } => write!(f, "frequency_threshold:{offer}:{allowance}:{band}"),
            Quantity::BasicPay { offer } => write!(f, "basic_pay:{offer}"),
        }
    }
}

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
        Err(super::at_value(quantity, x, &problem))
    }
}

/// `x` as a whole number in `lo..=hi`, or a message naming the quantity.
pub(super) fn whole(x: Decimal, lo: u32, hi: u32, what: &str) -> Result<u32, String> {
    x.fract()
        .is_zero()
        .then(|| x.to_u32())
        .flatten()
        .filter(|n| (lo..=hi).contains(n))
        .ok_or_else(|| format!("{what} must be a whole number from {lo} to {hi}, not {x}"))
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
) -> Result<&'a mut crate::engine::offer::Offer, String> {
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
    edit: impl Fn(&crate::engine::rota::Rota) -> Result<crate::engine::rota::Rota, String>,
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
