//! The quantities a scenario can be explored by, each with its label and a
//! default range: the page's list to choose from, and the command line's
//! answer when `--quantity` is missing.

use super::quantity::Quantity;
use crate::engine::model::offer::Offer;
use crate::engine::model::scenario::Scenario;

/// One quantity to offer, as the explorer lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuantityChoice {
    /// The quantity.
    pub quantity: Quantity,
    /// Its spec, as written in files, links and `--quantity`
    /// (`premium_rate:tcs-2016:night`).
    pub spec: String,
    /// What it is, in words ("Nights per cycle").
    pub label: String,
    /// The default range's start, as typed in the explorer's inputs.
    pub from: &'static str,
    /// The default range's end.
    pub to: &'static str,
}

impl QuantityChoice {
    fn new(quantity: Quantity, label: String, from: &'static str, to: &'static str) -> Self {
        QuantityChoice {
            spec: quantity.to_string(),
            quantity,
            label,
            from,
            to,
        }
    }
}

/// The quantities of `scenario`: the rota's and the doctor's, then each
/// offer's.
pub fn quantity_choices(scenario: &Scenario) -> Vec<QuantityChoice> {
    let mut out = rota_and_doctor_choices();
    for offer in &scenario.offers {
        out.extend(offer_choices(offer));
    }
    out
}

/// The quantities every scenario has: the rota's and the doctor's.
pub fn rota_and_doctor_choices() -> Vec<QuantityChoice> {
    let choice = QuantityChoice::new;
    vec![
        choice(
            Quantity::WeekendsWorked { rota: None },
            "Weekends worked per cycle".into(),
            "0",
            "4",
        ),
        choice(
            Quantity::NightsPerCycle { rota: None },
            "Nights per cycle".into(),
            "0",
            "14",
        ),
        choice(
            Quantity::HoursPerWeek { rota: None },
            "Average weekly hours of work".into(),
            "36",
            "56",
        ),
        choice(
            Quantity::LtftPercent,
            "Less than full time, %".into(),
            "50",
            "100",
        ),
    ]
}

/// The quantities of one offer: its premium windows (rate, start, end), the
/// bands of its frequency allowances and its basic pay.
pub fn offer_choices(o: &Offer) -> Vec<QuantityChoice> {
    let choice = QuantityChoice::new;
    let mut out = Vec::new();
    for w in &o.terms.premium_windows {
        let (offer, window) = (o.id.clone(), w.id.clone());
        out.push(choice(
            Quantity::PremiumRate {
                offer: offer.clone(),
                window: window.clone(),
            },
            format!("{}: {}, rate %", o.name, w.name),
            "0",
            "60",
        ));
        out.push(choice(
            Quantity::WindowStart {
                offer: offer.clone(),
                window: window.clone(),
            },
            format!("{}: {}, start", o.name, w.name),
            "00:00",
            "23:59",
        ));
        out.push(choice(
            Quantity::WindowEnd { offer, window },
            format!("{}: {}, end", o.name, w.name),
            "00:00",
            "24:00",
        ));
    }
    for a in &o.terms.frequency_allowances {
        for (k, b) in a.bands.iter().enumerate() {
            out.push(choice(
                Quantity::FrequencyThreshold {
                    offer: o.id.clone(),
                    allowance: a.id.clone(),
                    band: k + 1,
                },
                format!("{}: {}, band {} — the N of 1 in N", o.name, a.name, b.label),
                "1",
                "12",
            ));
        }
    }
    out.push(choice(
        Quantity::BasicPay {
            offer: o.id.clone(),
        },
        format!("{}: basic pay, % rise", o.name),
        "-10",
        "20",
    ));
    out
}

impl std::fmt::Display for QuantityChoice {
    /// One line of a list: "nights_per_cycle — Nights per cycle (0 to 14)".
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} — {} ({} to {})",
            self.spec, self.label, self.from, self.to
        )
    }
}
