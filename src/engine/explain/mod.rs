//! Structured explanations. Every figure carries the quantities and operations
//! that produced it, its rounding rule, the rule's text and source. A figure's
//! value is *computed by evaluating its explanation*, so what a user reads is
//! exactly what the engine did; [`render_text`] is the one renderer shared by
//! the command line and the page.

pub mod figure;

use crate::engine::num::fraction::Fraction;
use crate::engine::num::rounding::{round_quantity, Rounding};
use rust_decimal::Decimal;
use serde::Serialize;

/// What a quantity measures; decides how it is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// Pounds sterling.
    Pounds,
    /// A rate or share, printed as a percentage.
    Rate,
    /// Hours.
    Hours,
    /// Hours per week.
    HoursPerWeek,
    /// Weeks per year.
    WeeksPerYear,
    /// Weeks.
    Weeks,
    /// Months per year.
    Months,
    /// A plain number.
    Number,
    /// A number already in per cent (12.5 means 12.5 %).
    Percent,
}

/// Whether a factor multiplies or divides what came before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    /// `×`
    Times,
    /// `÷`
    DividedBy,
}

/// One named quantity in a product.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Factor {
    /// Multiply or divide.
    pub op: Op,
    /// What the quantity is ("annual basic salary").
    pub label: String,
    /// Its exact value.
    pub value: Fraction,
    /// Its unit.
    pub unit: Unit,
}

/// One signed term of a sum.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Term {
    /// What the term is (usually another line's name).
    pub label: String,
    /// Its value, already rounded by its own line.
    pub value: Decimal,
    /// Subtracted rather than added.
    pub negate: bool,
}

/// The arithmetic behind a figure.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Calculation {
    /// The first factor, then each factor multiplied or divided in turn.
    /// Evaluated as one exact quotient (all numerators over all denominators) so
    /// that no intermediate rounding creeps in.
    Product {
        /// The factors in reading order; the first one's `op` is ignored.
        factors: Vec<Factor>,
    },
    /// A sum of already-rounded figures, so totals always add up on screen.
    Sum {
        /// The terms.
        terms: Vec<Term>,
    },
}

/// Everything needed to check a figure by hand.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explanation {
    /// The rule, in words.
    pub rule: String,
    /// Where the rule and its values come from.
    pub source: String,
    /// The arithmetic.
    pub calculation: Calculation,
    /// How the exact result becomes the figure.
    pub rounding: Rounding,
    /// Further remarks (assumptions, what is not included).
    pub notes: Vec<String>,
}

impl Explanation {
    /// The exact value before rounding; `None` on overflow or division by zero.
    pub fn evaluate_exact(&self) -> Option<Decimal> {
        match &self.calculation {
            Calculation::Product { factors } => {
                let mut num = Decimal::ONE;
                let mut den = Decimal::ONE;
                for (i, factor) in factors.iter().enumerate() {
                    let (top, bottom) = match (i, factor.op) {
                        (0, _) | (_, Op::Times) => (factor.value.num(), factor.value.den()),
                        (_, Op::DividedBy) => (factor.value.den(), factor.value.num()),
                    };
                    num = num.checked_mul(top)?;
                    den = den.checked_mul(bottom)?;
                }
                num.checked_div(den)
            }
            Calculation::Sum { terms } => terms.iter().try_fold(Decimal::ZERO, |acc, t| {
                if t.negate {
                    acc.checked_sub(t.value)
                } else {
                    acc.checked_add(t.value)
                }
            }),
        }
    }

    /// The figure: the exact value rounded by the declared rule.
    pub fn evaluate(&self) -> Option<Decimal> {
        self.evaluate_exact().map(|v| self.rounding.apply(v))
    }
}

/// Formats pounds with thousands separators and pence: `£30,500.00`, `-£12.30`.
pub fn format_pounds(value: Decimal) -> String {
    let rounded = Rounding::Pennies.apply(value);
    let sign = if rounded.is_sign_negative() && !rounded.is_zero() {
        "-"
    } else {
        ""
    };
    let text = format!("{:.2}", rounded.abs());
    let (whole, pence) = text.split_once('.').unwrap_or((&text, "00"));
    format!("{sign}£{}.{pence}", group_thousands(whole))
}

/// `1234567` → `1,234,567`.
fn group_thousands(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Prints an exact value with at most four decimals and its unit suffix,
/// marking (and giving the exact fraction for) values that do not terminate.
fn format_exact(value: Fraction, scale: Decimal, suffix: &str) -> String {
    let Some(scaled) = value.checked_mul(&Fraction::from_decimal(scale)) else {
        return format!("{value}{suffix}");
    };
    if scaled.den() == Decimal::ONE {
        return format!("{}{suffix}", scaled.num().normalize());
    }
    // One division: the value terminates within 4 places iff rounding it there
    // and multiplying back gives the numerator exactly.
    match scaled.to_decimal() {
        Some(d) => {
            let shown = round_quantity(d, 4);
            if shown.checked_mul(scaled.den()) == Some(scaled.num()) {
                format!("{}{suffix}", shown.normalize())
            } else {
                format!("≈{}{suffix} (exactly {scaled}{suffix})", shown.normalize())
            }
        }
        None => format!("{scaled}{suffix}"),
    }
}

/// One quantity with its unit.
pub fn format_quantity(value: Fraction, unit: Unit) -> String {
    let one = Decimal::ONE;
    match unit {
        Unit::Pounds => match value.to_decimal() {
            Some(d) if value.terminates_within(2) => format_pounds(d),
            _ => format_exact(value, one, "").replacen("≈", "≈£", 1),
        },
        Unit::Rate => format_exact(value, Decimal::ONE_HUNDRED, "%"),
        Unit::Hours => format_exact(value, one, " h"),
        Unit::HoursPerWeek => format_exact(value, one, " h/week"),
        Unit::WeeksPerYear => format_exact(value, one, " weeks/year"),
        Unit::Weeks => format_exact(value, one, " weeks"),
        Unit::Months => format_exact(value, one, " months"),
        Unit::Number => format_exact(value, one, ""),
        Unit::Percent => format_exact(value, one, "%"),
    }
}

/// A rounded figure as shown on the page and in the command line's table:
/// `£30,500.00`, `-£12.30`, `47.5 h/week`, `-3.25%`.
pub fn format_figure(value: Decimal, unit: Unit) -> String {
    format_quantity_signed(value, unit)
}

/// The arithmetic as one line of text: `£30,500.00 (annual basic) × 37% …`.
pub fn render_arithmetic(explanation: &Explanation, result_unit: Unit) -> String {
    let mut out = String::new();
    match &explanation.calculation {
        Calculation::Product { factors } => {
            for (i, f) in factors.iter().enumerate() {
                if i > 0 {
                    out.push_str(match f.op {
                        Op::Times => " × ",
                        Op::DividedBy => " ÷ ",
                    });
                }
                out.push_str(&format!(
                    "{} ({})",
                    format_quantity(f.value, f.unit),
                    f.label
                ));
            }
        }
        Calculation::Sum { terms } => {
            for (i, t) in terms.iter().enumerate() {
                match (i, t.negate) {
                    (0, false) => {}
                    (0, true) => out.push('-'),
                    (_, false) => out.push_str(" + "),
                    (_, true) => out.push_str(" − "),
                }
                let shown = format_quantity(Fraction::from_decimal(t.value.abs()), result_unit);
                out.push_str(&format!("{shown} ({})", t.label));
            }
        }
    }
    let result = explanation
        .evaluate()
        .map(|v| format_quantity_signed(v, result_unit))
        .unwrap_or_else(|| "not computable (overflow or division by zero)".to_string());
    out.push_str(&format!(" = {result}, {}", explanation.rounding.describe()));
    out
}

fn format_quantity_signed(value: Decimal, unit: Unit) -> String {
    let shown = format_quantity(Fraction::from_decimal(value.abs()), unit);
    if value.is_sign_negative() && !value.is_zero() {
        format!("-{shown}")
    } else {
        shown
    }
}

/// The whole explanation as text: rule, arithmetic, source, notes.
pub fn render_text(explanation: &Explanation, result_unit: Unit) -> String {
    let mut out = format!(
        "{}\n  {}\n  Source: {}",
        explanation.rule,
        render_arithmetic(explanation, result_unit),
        explanation.source
    );
    for note in &explanation.notes {
        out.push_str(&format!("\n  Note: {note}"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn pounds_are_grouped_and_signed() {
        assert_eq!(format_pounds(d("30500")), "£30,500.00");
        assert_eq!(format_pounds(d("-1234567.891")), "-£1,234,567.89");
        assert_eq!(format_pounds(d("0.004")), "£0.00");
    }

    #[test]
    fn a_product_is_one_exact_quotient() {
        // £30,000 ÷ 3 × 1/3 would lose a penny-fraction if divided step by step.
        let e = Explanation {
            rule: "r".into(),
            source: "s".into(),
            calculation: Calculation::Product {
                factors: vec![
                    Factor {
                        op: Op::Times,
                        label: "a".into(),
                        value: Fraction::from_decimal(d("100")),
                        unit: Unit::Pounds,
                    },
                    Factor {
                        op: Op::DividedBy,
                        label: "b".into(),
                        value: Fraction::from_decimal(d("3")),
                        unit: Unit::Number,
                    },
                    Factor {
                        op: Op::Times,
                        label: "c".into(),
                        value: Fraction::from_decimal(d("3")),
                        unit: Unit::Number,
                    },
                ],
            },
            rounding: Rounding::Pennies,
            notes: vec![],
        };
        assert_eq!(e.evaluate_exact(), Some(d("100")));
        assert!(render_arithmetic(&e, Unit::Pounds)
            .starts_with("£100.00 (a) ÷ 3 (b) × 3 (c) = £100.00"));
    }

    #[test]
    fn a_third_prints_exactly() {
        let third = Fraction::from_str("1/3").unwrap();
        assert_eq!(
            format_quantity(third, Unit::Rate),
            "≈33.3333% (exactly 100/3%)"
        );
        assert_eq!(
            format_quantity(Fraction::from_str("0.37").unwrap(), Unit::Rate),
            "37%"
        );
    }
}
