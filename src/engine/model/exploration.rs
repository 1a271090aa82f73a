//! What the explorer varies ([`Quantity`]: its spec, unit, grid and which
//! columns it can change) and what the page last asked of it
//! ([`Exploration`], saved with the scenario). How a quantity changes a
//! scenario is the explorer's (`engine::explore::quantity`).

use crate::engine::num::time::ClockTime;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Most values one sweep may compute (the command line's bound; the page
/// takes fewer): validation refuses a file asking for more.
pub const MAX_STEPS: u32 = 100_000;

/// A quantity to vary. Rota quantities change every rota of the scenario, or
/// only `rota` when it is named; offer quantities name the offer by id and the
/// term by its id in that offer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Quantity {
    /// Weekends per cycle with a shift beginning on the Saturday or Sunday (the
    /// 2016 weekend allowance's definition); see [`crate::engine::explore::rota_edit::set_weekends`].
    WeekendsWorked {
        /// The rota changed; every rota when absent.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        rota: Option<String>,
    },
    /// Night shifts per cycle (at least 3 h between 23:00 and 06:00); see
    /// [`crate::engine::explore::rota_edit::set_nights`].
    NightsPerCycle {
        /// The rota changed; every rota when absent.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        rota: Option<String>,
    },
    /// Average weekly hours of work; see [`crate::engine::explore::rota_edit::set_hours`].
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

/// What the page's explorer was last asked: saved with the scenario, so a
/// file or link reproduces the sweep and break-even shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exploration {
    /// The quantity swept, written as its spec (`premium_rate:tcs-2016:night`):
    /// readable, and a string costs the bundle far less than a tagged enum.
    #[serde(with = "spec")]
    pub quantity: Quantity,
    /// The range's start, in the quantity's unit.
    #[serde(with = "rust_decimal::serde::str")]
    pub from: Decimal,
    /// The range's end.
    #[serde(with = "rust_decimal::serde::str")]
    pub to: Decimal,
    /// Steps of the sweep.
    pub steps: u32,
    /// The break-even's column A and B (ids), when one was asked for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pair: Option<(String, String)>,
}

/// [`Quantity`] as its spec in files and links.
mod spec {
    use super::Quantity;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(quantity: &Quantity, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(quantity)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Quantity, D::Error> {
        let text = String::deserialize(deserializer)?;
        Quantity::parse(&text).map_err(serde::de::Error::custom)
    }
}
