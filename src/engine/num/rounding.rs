//! The one place where money is rounded. Inside a calculation everything keeps
//! full precision; each line is rounded once, by the rule its offer declares.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

/// How a line's exact value becomes the figure shown and summed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rounding {
    /// To the penny, halves away from zero (2.345 → 2.35) — as payroll does,
    /// not rust_decimal's default banker's rounding (2.345 → 2.34).
    #[default]
    Pennies,
    /// Up to the next whole pound, as the pay circulars print their tables
    /// (2,661.40 → 2,662).
    WholePoundsUp,
    /// Two decimal places, halves away from zero — for hours and percentages.
    Hundredths,
}

impl Rounding {
    /// Applies the rule.
    pub fn apply(self, value: Decimal) -> Decimal {
        match self {
            Rounding::Pennies | Rounding::Hundredths => {
                value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
            }
            Rounding::WholePoundsUp => {
                value.round_dp_with_strategy(0, RoundingStrategy::ToPositiveInfinity)
            }
        }
    }

    /// The rule in words, for explanations.
    pub fn describe(self) -> &'static str {
        match self {
            Rounding::Pennies => "rounded to the penny, halves away from zero",
            Rounding::WholePoundsUp => "rounded up to the whole pound, as the pay circulars print",
            Rounding::Hundredths => "rounded to 2 decimal places, halves away from zero",
        }
    }
}

/// Rounds a quantity shown inside an explanation, halves away from zero.
pub fn round_quantity(value: Decimal, dp: u32) -> Decimal {
    value.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn pennies_round_halves_away_from_zero_unlike_bankers_rounding() {
        // 2.345: banker's rounding gives 2.34 (to even); payroll gives 2.35.
        assert_eq!(d("2.345").round_dp(2), d("2.34"));
        assert_eq!(Rounding::Pennies.apply(d("2.345")), d("2.35"));
        assert_eq!(Rounding::Pennies.apply(d("2.3449")), d("2.34"));
    }

    #[test]
    fn whole_pounds_up_matches_the_circulars() {
        // PC (M&D) 1/2017: 10% of 26,614 = 2,661.40, printed 2,662.
        assert_eq!(Rounding::WholePoundsUp.apply(d("2661.40")), d("2662"));
        assert_eq!(Rounding::WholePoundsUp.apply(d("2661")), d("2661"));
    }
}
