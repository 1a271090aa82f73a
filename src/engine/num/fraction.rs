//! Exact rates: contracts use thirds (time-and-a-third = 33⅓ %), which no decimal
//! can hold, so a rate is a ratio of two decimals and is only divided out at the
//! very end of a calculation.

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

/// An exact ratio `num / den` of two decimals (`den > 0`). Parsed rates are
/// never negative; differences may be. Equality is by value: 100/100, 1 and
/// 100% are the same fraction (a full-time doctor typed as "100" is full time).
#[derive(Debug, Clone, Copy)]
pub struct Fraction {
    num: Decimal,
    den: Decimal,
}

impl Fraction {
    /// Zero.
    pub const ZERO: Fraction = Fraction {
        num: Decimal::ZERO,
        den: Decimal::ONE,
    };
    /// One.
    pub const ONE: Fraction = Fraction {
        num: Decimal::ONE,
        den: Decimal::ONE,
    };

    /// `num / den`; `None` unless `den` is positive.
    pub fn new(num: Decimal, den: Decimal) -> Option<Fraction> {
        (den > Decimal::ZERO).then_some(Fraction { num, den })
    }

    /// A whole decimal value.
    pub fn from_decimal(value: Decimal) -> Fraction {
        Fraction {
            num: value,
            den: Decimal::ONE,
        }
    }

    /// A ratio of two whole numbers (e.g. minutes over minutes per hour).
    pub fn from_ints(num: u64, den: u64) -> Option<Fraction> {
        Fraction::new(Decimal::from(num), Decimal::from(den))
    }

    /// Numerator.
    pub fn num(&self) -> Decimal {
        self.num
    }

    /// Denominator (always positive).
    pub fn den(&self) -> Decimal {
        self.den
    }

    /// True when the ratio is zero.
    pub fn is_zero(&self) -> bool {
        self.num.is_zero()
    }

    /// Exact comparison, as [`Ord`]: always `Some` (the products are widened,
    /// so none overflows).
    pub fn cmp_exact(&self, other: &Fraction) -> Option<Ordering> {
        Some(self.cmp(other))
    }

    /// Exact sum; `None` on overflow.
    pub fn checked_add(&self, other: &Fraction) -> Option<Fraction> {
        if self.den == other.den {
            return Fraction::new(self.num.checked_add(other.num)?, self.den);
        }
        let num = self
            .num
            .checked_mul(other.den)?
            .checked_add(other.num.checked_mul(self.den)?)?;
        Fraction::new(num, self.den.checked_mul(other.den)?)
    }

    /// Exact product; `None` on overflow.
    pub fn checked_mul(&self, other: &Fraction) -> Option<Fraction> {
        Fraction::new(
            self.num.checked_mul(other.num)?,
            self.den.checked_mul(other.den)?,
        )
    }

    /// The value as a decimal (rounded to rust_decimal's 28 digits when it does not terminate).
    pub fn to_decimal(&self) -> Option<Decimal> {
        self.num.checked_div(self.den)
    }

    /// Whether the ratio is exactly a decimal with at most `dp` places.
    pub fn terminates_within(&self, dp: u32) -> bool {
        self.to_decimal().is_some_and(|d| {
            d.round_dp(dp)
                .checked_mul(self.den)
                .is_some_and(|back| back == self.num)
        })
    }
}

/// An unsigned integer in big-endian 32-bit limbs (so the derived order is the
/// numeric one), wide enough for a cross product: two 96-bit mantissas and at
/// most ten to the 56th (two scales of at most 28 each), under 2^379.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct Wide([u32; 12]);

impl Wide {
    /// `|x| × |y| × 10^shift` exactly, from the two decimals' mantissas.
    fn product(x: Decimal, y: Decimal, shift: u32) -> Wide {
        // Little-endian limbs for the schoolbook product.
        let limbs = |d: Decimal| {
            let m = d.mantissa().unsigned_abs();
            [m as u32, (m >> 32) as u32, (m >> 64) as u32]
        };
        let (x, y) = (limbs(x), limbs(y));
        let mut product = [0u32; 6];
        for (i, &a) in x.iter().enumerate() {
            let mut carry = 0u64;
            for (j, &b) in y.iter().enumerate() {
                let sum = u64::from(a) * u64::from(b) + u64::from(product[i + j]) + carry;
                product[i + j] = sum as u32;
                carry = sum >> 32;
            }
            product[i + 3] = carry as u32;
        }
        let mut wide = Wide([0; 12]);
        for (limb, &p) in wide.0.iter_mut().rev().zip(&product) {
            *limb = p;
        }
        for _ in 0..shift {
            let mut carry = 0u64;
            for limb in wide.0.iter_mut().rev() {
                let sum = u64::from(*limb) * 10 + carry;
                *limb = sum as u32;
                carry = sum >> 32;
            }
        }
        wide
    }
}

impl Ord for Fraction {
    /// Exact: `a/b` against `c/d` (`b`, `d` > 0) is the sign of `a·d − c·b`,
    /// computed on the decimals' mantissas widened past any overflow or
    /// rounding (a decimal product silently rounds beyond 28 places).
    fn cmp(&self, other: &Self) -> Ordering {
        let sign = |d: Decimal| match (d.is_zero(), d.is_sign_negative()) {
            (true, _) => 0,
            (false, true) => -1,
            (false, false) => 1,
        };
        let (mine, theirs) = (sign(self.num), sign(other.num));
        if mine != theirs || mine == 0 {
            return mine.cmp(&theirs);
        }
        // Each product's value is its mantissa × 10^−(sum of scales): bring
        // both to the larger scale.
        let left_scale = self.num.scale() + other.den.scale();
        let right_scale = other.num.scale() + self.den.scale();
        let scale = left_scale.max(right_scale);
        let left = Wide::product(self.num, other.den, scale - left_scale);
        let right = Wide::product(other.num, self.den, scale - right_scale);
        if mine < 0 {
            right.cmp(&left)
        } else {
            left.cmp(&right)
        }
    }
}

impl PartialOrd for Fraction {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Fraction {
    /// By value, so consistent with [`Ord`].
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Fraction {}

impl fmt::Display for Fraction {
    /// `0.37` when the value is a short decimal, `1/3` otherwise — so the text a
    /// user reads is exactly the value the engine used.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.den == Decimal::ONE {
            write!(f, "{}", self.num.normalize())
        } else if self.terminates_within(6) {
            match self.to_decimal() {
                Some(d) => write!(f, "{}", d.normalize()),
                None => write!(f, "{}/{}", self.num.normalize(), self.den.normalize()),
            }
        } else {
            write!(f, "{}/{}", self.num.normalize(), self.den.normalize())
        }
    }
}

/// Why a text is not a fraction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FractionParseError(pub String);

impl fmt::Display for FractionParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for FractionParseError {}

impl FromStr for Fraction {
    type Err = FractionParseError;

    /// Accepts `0.37`, `37%`, `1/3` and `100/3%`.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let text = text.trim();
        let (body, percent) = match text.strip_suffix('%') {
            Some(body) => (body.trim(), true),
            None => (text, false),
        };
        let bad = || {
            FractionParseError(format!(
                "'{text}' is not a rate: write a decimal (0.37), a percentage (37%) or a fraction (1/3)"
            ))
        };
        let parse = |s: &str| Decimal::from_str(s.trim()).map_err(|_| bad());
        let (num, den) = match body.split_once('/') {
            Some((n, d)) => (parse(n)?, parse(d)?),
            None => (parse(body)?, Decimal::ONE),
        };
        if den.is_zero() {
            return Err(FractionParseError(format!("'{text}' divides by zero")));
        }
        if num.is_sign_negative() || den.is_sign_negative() {
            return Err(FractionParseError(format!("'{text}' is negative")));
        }
        let den = if percent {
            den.checked_mul(Decimal::ONE_HUNDRED).ok_or_else(bad)?
        } else {
            den
        };
        Fraction::new(num, den).ok_or_else(bad)
    }
}

impl Serialize for Fraction {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.den == Decimal::ONE {
            serializer.serialize_str(&self.num.normalize().to_string())
        } else {
            serializer.serialize_str(&format!(
                "{}/{}",
                self.num.normalize(),
                self.den.normalize()
            ))
        }
    }
}

impl<'de> Deserialize<'de> for Fraction {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = super::text_in_form(
            deserializer,
            "a rate in quotes, such as \"37%\", \"0.37\" or \"1/3\"",
        )?;
        Fraction::from_str(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(s: &str) -> Fraction {
        s.parse().unwrap()
    }

    #[test]
    fn parses_the_three_spellings_of_a_third() {
        assert_eq!(
            f("1/3").cmp_exact(&f("100/3%")),
            Some(std::cmp::Ordering::Equal)
        );
        assert_eq!(
            f("37%").cmp_exact(&f("0.37")),
            Some(std::cmp::Ordering::Equal)
        );
        assert_eq!(f("1/3").to_string(), "1/3");
        assert_eq!(f("37%").to_string(), "0.37");
        assert_eq!(f("0.50").to_string(), "0.5");
    }

    #[test]
    fn rejects_nonsense() {
        for bad in ["", "abc", "1/0", "-0.1", "1/-3", "%", "1//3"] {
            assert!(bad.parse::<Fraction>().is_err(), "{bad}");
        }
    }

    #[test]
    fn equality_is_by_value() {
        assert_eq!(f("100/100"), Fraction::ONE);
        assert_eq!(f("100%"), Fraction::ONE);
        assert_eq!(f("60/100"), f("0.6"));
        assert_ne!(f("1/3"), f("0.3333"));
    }

    #[test]
    fn sums_exactly() {
        let sum = f("1/3").checked_add(&f("1/6")).unwrap();
        assert_eq!(sum.cmp_exact(&f("1/2")), Some(std::cmp::Ordering::Equal));
    }
}
