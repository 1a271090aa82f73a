//! `Fraction`'s equality and order: reflexive, symmetric, consistent with each
//! other and with the value, including where the cross products no longer fit
//! a decimal (28 significant digits, scales up to 28).
//!
//! Why: equality was decided by cross-multiplying two decimals, so past their
//! range `a == a` was false, and past 28 places the products were rounded
//! (a tiny rate compared equal to zero).

use offer_compare::engine::fraction::Fraction;
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::cmp::Ordering;

/// Decimals from the whole range: huge and tiny mantissas, every scale.
fn decimal() -> impl Strategy<Value = Decimal> {
    let mantissa = prop_oneof![
        -1_000i128..1_000,
        Just(0i128),
        any::<i64>().prop_map(i128::from),
        (0u128..=(1u128 << 96) - 1).prop_map(|m| m as i128),
        ((1u128 << 95)..=(1u128 << 96) - 1).prop_map(|m| -(m as i128)),
    ];
    (mantissa, 0u32..=28).prop_map(|(m, scale)| Decimal::from_i128_with_scale(m, scale))
}

fn positive() -> impl Strategy<Value = Decimal> {
    decimal().prop_map(|d| if d.is_zero() { Decimal::ONE } else { d.abs() })
}

fn fraction() -> impl Strategy<Value = Fraction> {
    (decimal(), positive()).prop_map(|(num, den)| Fraction::new(num, den).expect("positive den"))
}

/// The same value with numerator and denominator scaled by a whole `k`, when
/// both products are exact (a decimal product that does not fit is rounded to
/// fewer places, so its scale drops).
fn scaled(f: &Fraction, k: Decimal) -> Option<Fraction> {
    let exact = |d: Decimal| d.checked_mul(k).filter(|p| p.scale() == d.scale());
    Fraction::new(exact(f.num())?, exact(f.den())?)
}

#[test]
fn values_at_the_edge_of_a_decimal_compare_exactly() {
    let max = Decimal::MAX;
    let tiny = Decimal::new(1, 28);
    let big = Fraction::new(max, Decimal::ONE).unwrap();
    // max × max overflows a decimal: equality used to say false here.
    let over_max = Fraction::new(max, max).unwrap();
    assert_eq!(over_max, over_max);
    assert_eq!(over_max, Fraction::ONE);
    assert_eq!(big, big);
    // 10^-28 × 10^-28 rounds to zero in a decimal: 10^-28 is still not zero.
    let small = Fraction::new(tiny, Decimal::ONE).unwrap();
    let zero_over_tiny = Fraction::new(Decimal::ZERO, tiny).unwrap();
    assert_ne!(small, zero_over_tiny);
    assert!(small > zero_over_tiny);
    // max / 10^-28 is the largest value; 1 / max the smallest positive one.
    let huge = Fraction::new(max, tiny).unwrap();
    let least = Fraction::new(Decimal::ONE, max).unwrap();
    assert!(huge > big && big > Fraction::ONE && least > Fraction::ZERO && least < small);
    let neg = |f: Fraction| Fraction::new(-f.num(), f.den()).unwrap();
    assert!(neg(huge) < neg(big) && neg(least) > neg(small));
    // (max − 1)/max against (max − 2)/(max − 1): differ only in the 57th digit.
    let one = Decimal::ONE;
    let a = Fraction::new(max - one, max).unwrap();
    let b = Fraction::new(max - one - one, max - one).unwrap();
    assert_eq!(a.cmp(&b), Ordering::Greater);
    assert_ne!(a, b);
    assert_eq!(a.cmp_exact(&b), Some(Ordering::Greater));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(5_000))]

    #[test]
    fn equality_and_order_agree(a in fraction(), b in fraction(), c in fraction()) {
        prop_assert_eq!(&a, &a);
        prop_assert_eq!(a.cmp(&a), Ordering::Equal);
        prop_assert_eq!(a == b, b == a);
        prop_assert_eq!(a.cmp(&b), b.cmp(&a).reverse());
        prop_assert_eq!(a == b, a.cmp(&b) == Ordering::Equal);
        prop_assert_eq!(a.partial_cmp(&b), Some(a.cmp(&b)));
        prop_assert_eq!(a.cmp_exact(&b), Some(a.cmp(&b)));
        if a <= b && b <= c {
            prop_assert!(a <= c);
        }
    }

    #[test]
    fn the_order_is_the_values_order(a in fraction(), b in fraction(), k in 1u32..1_000) {
        // Scaling numerator and denominator together keeps the value.
        if let Some(scaled) = scaled(&a, Decimal::from(k)) {
            prop_assert_eq!(scaled, a);
            prop_assert_eq!(scaled.cmp(&b), a.cmp(&b));
        }
        // Where the decimal quotients are exact (both terminate), they agree.
        if a.terminates_within(6) && b.terminates_within(6) {
            let (x, y) = (a.to_decimal().unwrap(), b.to_decimal().unwrap());
            prop_assert_eq!(a.cmp(&b), x.cmp(&y));
        }
    }
}
