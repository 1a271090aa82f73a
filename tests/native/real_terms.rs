//! Real terms: worked examples on the shipped price indices, the arithmetic in
//! comments, and properties (a round trip returns the amount within a penny;
//! the conversion never reverses the order of two amounts).
//!
//! A conversion is one exact quotient, amount × index(to) ÷ index(from),
//! rounded once to the penny, halves away from zero.
use offer_compare::engine::explain::{render_arithmetic, Unit};
use offer_compare::engine::figure::{Figure, FigureKind};
use offer_compare::engine::offer::Marker;
use offer_compare::engine::real_terms::{
    in_reference_money, index_for, validate_real_terms, IndexBasis, Measure, PriceIndices,
    RealTerms, RealTermsError, UserIndex,
};
use offer_compare::engine::scenario::{Issue, Issues};
use offer_compare::presets::price_indices::{
    parse_price_indices, price_indices, PRICE_INDICES_FILE,
};
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::str::FromStr;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).expect("a decimal")
}

fn settings(measure: Measure, basis: IndexBasis, year: u16) -> RealTerms {
    RealTerms {
        measure,
        basis,
        year,
        values: Vec::new(),
    }
}

fn data() -> &'static PriceIndices {
    price_indices()
}

/// The converted figure, through `Figure::new` as the page computes it.
fn convert(amount: &str, from: u16, s: &RealTerms) -> Decimal {
    let e = in_reference_money(d(amount), "basic pay", from, s, data()).expect("indices exist");
    Figure::new("real", "Basic pay", FigureKind::Total, Unit::Pounds, e)
        .expect("computes")
        .value
}

fn issues_of(s: &RealTerms) -> Vec<Issue> {
    let mut issues = Issues::default();
    validate_real_terms(s, "real_terms", &mut issues);
    issues.into_vec()
}

#[test]
fn the_shipped_file_parses_with_every_series_from_2008_to_2022() {
    // Both the embedded (minified) text and the file as written for people.
    let embedded = parse_price_indices(PRICE_INDICES_FILE).expect("embedded file parses");
    let on_disk = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src/presets/indices/price-indices.json"
    ))
    .expect("file exists");
    assert_eq!(parse_price_indices(&on_disk).as_ref(), Ok(&embedded));
    assert_eq!(price_indices(), &embedded);
    assert!(!embedded.notes.is_empty());
    assert_eq!(embedded.series.len(), 9);
    for measure in Measure::ALL {
        // The financial-year averages are derived: see the test below.
        for basis in [IndexBasis::AnnualAverage, IndexBasis::April] {
            let series = embedded.series(measure, basis).expect("series shipped");
            assert!(series.name.starts_with(measure.name()), "{}", series.name);
            assert!(!series.source.is_empty());
            for year in 2008..=2022 {
                let v = series
                    .value(year)
                    .unwrap_or_else(|| panic!("{} {} {year}", measure.name(), basis.name()));
                assert_eq!(v.marker, Marker::Verified, "{} {year}", series.name);
                assert!(!v.source.is_empty());
            }
            // After 2022 only the CPIH values are not read in an ONS file: they
            // come from a third party's copy [S]; nothing is shipped as assumed.
            for p in series.values.iter().filter(|p| p.year > 2022) {
                let expected = match measure {
                    Measure::Cpih => Marker::Secondary,
                    Measure::Cpi | Measure::Rpi => Marker::Verified,
                };
                assert_eq!(p.value.marker, expected, "{} {}", series.name, p.year);
            }
            // Nothing before 2008 or after 2025 (the ONS copies end in 2026).
            assert!(
                series
                    .values
                    .iter()
                    .all(|p| (2008..=2025).contains(&p.year)),
                "{}",
                series.name
            );
        }
    }
    let value = |m, b, y| {
        embedded
            .series(m, b)
            .and_then(|s| s.value(y))
            .map(|v| v.value)
    };
    use IndexBasis::{AnnualAverage as Annual, April};
    use Measure::{Cpi, Cpih, Rpi};
    // Spot checks against the ONS files (docs/contract-reference.md, §5).
    assert_eq!(value(Cpi, Annual, 2008), Some(d("84.7")));
    assert_eq!(value(Cpi, Annual, 2016), Some(d("100.7")));
    assert_eq!(value(Cpi, April, 2014), Some(d("100.1")));
    assert_eq!(value(Cpih, Annual, 2010), Some(d("90.1")));
    assert_eq!(value(Cpih, April, 2019), Some(d("107.6")));
    assert_eq!(value(Rpi, Annual, 2022), Some(d("340.3")));
    assert_eq!(value(Rpi, April, 2008), Some(d("214.0")));
    assert_eq!(value(Rpi, April, 2016), Some(d("261.4")));
    // After 2022: what the ONS copies give, and nothing they do not.
    assert_eq!(value(Cpi, Annual, 2023), Some(d("130.5")));
    assert_eq!(value(Cpi, Annual, 2024), Some(d("133.9")));
    assert_eq!(value(Cpi, Annual, 2025), Some(d("138.4")));
    assert_eq!(value(Cpi, April, 2023), Some(d("130.4")));
    assert_eq!(value(Cpi, April, 2024), Some(d("133.5")));
    assert_eq!(value(Cpi, April, 2025), Some(d("138.2")));
    assert_eq!(value(Cpi, April, 2026), None);
    // CPIH annual averages after 2022 from secondary copies [S] (two, typed
    // from later releases); 2025's was not found, so it is not shipped.
    assert_eq!(value(Cpih, Annual, 2023), Some(d("128.6")));
    assert_eq!(value(Cpih, Annual, 2024), Some(d("132.9")));
    assert_eq!(value(Cpih, Annual, 2025), None);
    assert_eq!(value(Cpih, April, 2023), Some(d("128.3")));
    assert_eq!(value(Cpih, April, 2025), Some(d("137.7")));
    assert_eq!(value(Rpi, Annual, 2025), Some(d("402.7")));
    assert_eq!(value(Rpi, April, 2023), Some(d("372.8")));
    assert_eq!(value(Rpi, April, 2026), None);
}

#[test]
fn a_broken_file_is_an_error_not_a_panic() {
    assert!(parse_price_indices("").is_err());
    assert!(parse_price_indices(r#"{"notes": [], "series": [], "extra": 1}"#).is_err());
    let twice = r#"{"notes": [], "series": [{"measure": "cpi", "basis": "april", "name": "n",
        "source": "s", "values": [
          {"year": 2016, "value": {"value": "1", "source": "s", "marker": "verified"}},
          {"year": 2016, "value": {"value": "2", "source": "s", "marker": "verified"}}]}]}"#;
    assert_eq!(
        parse_price_indices(twice),
        Err("the CPI April for 2016 appears twice".to_string())
    );
}

#[test]
fn cpi_annual_average_2016_to_2022() {
    // 30,000 × 121.7 ÷ 100.7 = 3,651,000 ÷ 100.7 = 36,256.2065541… → £36,256.21.
    let s = settings(Measure::Cpi, IndexBasis::AnnualAverage, 2022);
    let e = in_reference_money(d("30000"), "basic pay", 2016, &s, data()).expect("converts");
    assert_eq!(
        e.rule,
        "Pounds of 2016 in pounds of 2022: × CPI 2022 ÷ CPI 2016 (annual averages)"
    );
    assert!(e
        .source
        .starts_with("CPI (ONS series D7BT, 2015 = 100), annual average: "));
    assert!(e.source.contains("2022 = 121.7 ("), "{}", e.source);
    assert!(e.source.contains("2016 = 100.7 ("), "{}", e.source);
    assert_eq!(e.source.matches("[V]").count(), 2, "{}", e.source);
    assert!(e.notes.is_empty(), "verified values need no warning");
    assert!(render_arithmetic(&e, Unit::Pounds).starts_with(
        "£30,000.00 (basic pay) × 121.7 (CPI 2022, annual average) \
         ÷ 100.7 (CPI 2016, annual average) = £36,256.21"
    ));
    let figure =
        Figure::new("real", "Basic pay", FigureKind::Total, Unit::Pounds, e).expect("computes");
    assert_eq!(figure.value, d("36256.21"));
}

/// Financial-year averages, derived [D] from the twelve monthly values with
/// the sum written in each source: RPI Apr 2008–Mar 2009 sum 2,577.4 ÷ 12 =
/// 214.783 → 214.8; Apr 2021–Mar 2022 sum 3,733.9 ÷ 12 = 311.158 → 311.2.
/// CPI and RPI run to 2024/25, CPIH too (from 2022/23 on secondary values).
#[test]
fn financial_year_averages_are_derived_with_their_arithmetic() {
    let rpi = data()
        .series(Measure::Rpi, IndexBasis::FinancialYear)
        .expect("shipped");
    let v2008 = rpi.value(2008).unwrap();
    assert_eq!((v2008.value, v2008.marker), (d("214.8"), Marker::Derived));
    assert!(
        v2008.source.contains("2577.4 ÷ 12 = 214.783"),
        "{}",
        v2008.source
    );
    assert_eq!(rpi.value(2021).unwrap().value, d("311.2"));
    assert_eq!(rpi.values.last().map(|p| p.year), Some(2024));
    let cpih = data()
        .series(Measure::Cpih, IndexBasis::FinancialYear)
        .expect("shipped");
    assert_eq!(cpih.values.last().map(|p| p.year), Some(2024));
    // From 2022/23 its months are secondary copies after January 2023, so the
    // averages are [S], the sum still written: 1,476.5 ÷ 12 = 123.042 → 123.0.
    let v2022 = cpih.value(2022).unwrap();
    assert_eq!((v2022.value, v2022.marker), (d("123.0"), Marker::Secondary));
    assert!(
        v2022.source.contains("1476.5 ÷ 12 = 123.042"),
        "{}",
        v2022.source
    );
    assert_eq!(cpih.value(2024).unwrap().value, d("134.0"));
    // 25,000 × 311.2 ÷ 265.0 (RPI 2016/17) = 29,358.4905… → £29,358.49.
    let s = settings(Measure::Rpi, IndexBasis::FinancialYear, 2021);
    assert_eq!(convert("25000", 2016, &s), d("29358.49"));
}

#[test]
fn rpi_april_2016_to_2022() {
    // 25,000 × 334.6 ÷ 261.4 = 8,365,000 ÷ 261.4 = 32,000.7651109… → £32,000.77.
    let s = settings(Measure::Rpi, IndexBasis::April, 2022);
    assert_eq!(convert("25000", 2016, &s), d("32000.77"));
    let e = in_reference_money(d("25000"), "basic pay", 2016, &s, data()).expect("converts");
    assert_eq!(
        e.rule,
        "Pounds of 2016 in pounds of 2022: × RPI 2022 ÷ RPI 2016 (April values)"
    );
}

#[test]
fn cpih_annual_2015_to_2022_is_exact() {
    // 30,000 × 120.5 ÷ 100.0 = 36,150 exactly.
    let s = settings(Measure::Cpih, IndexBasis::AnnualAverage, 2022);
    assert_eq!(convert("30000", 2015, &s), d("36150.00"));
}

#[test]
fn backwards_2022_to_2016() {
    // 36,256.21 × 100.7 ÷ 121.7 = 30,000.0028512… → £30,000.00.
    let s = settings(Measure::Cpi, IndexBasis::AnnualAverage, 2016);
    assert_eq!(convert("36256.21", 2022, &s), d("30000.00"));
}

#[test]
fn a_half_penny_rounds_away_from_zero() {
    // 15 × 100.7 ÷ 100.0 = 15.105 exactly: £15.11 (banker's rounding: £15.10).
    let s = settings(Measure::Cpi, IndexBasis::AnnualAverage, 2016);
    assert_eq!(convert("15", 2015, &s), d("15.11"));
    // -15 × 100.7 ÷ 100.0 = -15.105 → -£15.11: differences convert too.
    assert_eq!(convert("-15", 2015, &s), d("-15.11"));
}

#[test]
fn unverified_values_are_used_with_a_warning() {
    // CPIH April 2024 is shipped secondary [S]:
    // 30,000 × 132.2 [S] ÷ 100.6 = 39,423.4592445… → £39,423.46.
    let s = settings(Measure::Cpih, IndexBasis::April, 2024);
    let e = in_reference_money(d("30000"), "basic pay", 2016, &s, data()).expect("converts");
    assert!(e.source.contains("2024 = 132.2 (") && e.source.contains("[S]"));
    assert_eq!(e.notes.len(), 1);
    assert!(e.notes[0].contains("CPIH April for 2024 (132.2) is not verified [S]"));
    assert_eq!(e.evaluate(), Some(d("39423.46")));
    // CPI April 2025 is now read in the ONS file [V]: no warning.
    // April 2016 → April 2025: 40,000 × 138.2 ÷ 100.2 = 55,169.6606786… → £55,169.66.
    let s = settings(Measure::Cpi, IndexBasis::April, 2025);
    assert_eq!(convert("40000", 2016, &s), d("55169.66"));
    let e = in_reference_money(d("40000"), "basic pay", 2016, &s, data()).expect("converts");
    assert!(e.notes.is_empty(), "{:?}", e.notes);
}

#[test]
fn the_same_year_gives_the_same_amount() {
    // No index is needed, so a year without one (2030) still works.
    for year in [2016, 2022, 2030] {
        let s = settings(Measure::Rpi, IndexBasis::April, year);
        assert_eq!(convert("30000", year, &s), d("30000"));
        assert_eq!(convert("1234.56", year, &s), d("1234.56"));
    }
}

#[test]
fn a_missing_year_says_what_to_enter() {
    let s = settings(Measure::Cpi, IndexBasis::AnnualAverage, 2026);
    let err = in_reference_money(d("30000"), "basic pay", 2016, &s, data()).unwrap_err();
    assert_eq!(
        err,
        RealTermsError::Missing {
            measure: Measure::Cpi,
            basis: IndexBasis::AnnualAverage,
            year: 2026
        }
    );
    assert_eq!(
        err.to_string(),
        "No CPI annual average for 2026: enter it under Real terms"
    );
    // The from year is checked too.
    let s = settings(Measure::Rpi, IndexBasis::April, 2022);
    let err = in_reference_money(d("1"), "x", 2007, &s, data()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "No RPI April for 2007: enter it under Real terms"
    );
    // An empty set (a file that did not parse) asks for values, never panics.
    let err = in_reference_money(d("1"), "x", 2016, &s, &PriceIndices::default()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "No RPI April for 2022: enter it under Real terms"
    );
}

#[test]
fn a_user_value_overrides_the_shipped_one() {
    // 30,000 × 120 (entered) ÷ 100.7 = 35,749.7517378… → £35,749.75.
    let mut s = settings(Measure::Cpi, IndexBasis::AnnualAverage, 2022);
    s.values.push(UserIndex {
        year: 2022,
        value: d("120"),
    });
    assert_eq!(
        index_for(&s, data(), 2022),
        Some((d("120"), "entered by you".to_string(), None))
    );
    let (value, _, marker) = index_for(&s, data(), 2016).expect("shipped");
    assert_eq!((value, marker), (d("100.7"), Some(Marker::Verified)));
    let e = in_reference_money(d("30000"), "basic pay", 2016, &s, data()).expect("converts");
    assert!(
        e.source.contains("2022 = 120 entered by you"),
        "{}",
        e.source
    );
    assert!(e.notes[0].contains("the value you entered"));
    assert_eq!(e.evaluate(), Some(d("35749.75")));
    // A value for a year nothing ships fills the gap:
    // 30,000 × 140 ÷ 100.7 = 41,708.0436941… → £41,708.04.
    s.year = 2026;
    s.values.push(UserIndex {
        year: 2026,
        value: d("140"),
    });
    assert_eq!(convert("30000", 2016, &s), d("41708.04"));
}

#[test]
fn a_zero_value_entered_is_an_error_not_a_division_by_zero() {
    let mut s = settings(Measure::Cpi, IndexBasis::AnnualAverage, 2022);
    s.values.push(UserIndex {
        year: 2016,
        value: Decimal::ZERO,
    });
    let err = in_reference_money(d("30000"), "basic pay", 2016, &s, data()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "The CPI annual average for 2016 must be more than zero: correct it under Real terms"
    );
}

#[test]
fn validation_catches_zero_duplicates_and_far_years() {
    let valid = RealTerms {
        measure: Measure::Cpi,
        basis: IndexBasis::AnnualAverage,
        year: 2024,
        values: vec![
            UserIndex {
                year: 2025,
                value: d("137.1"),
            },
            UserIndex {
                year: 2026,
                value: d("100000"),
            },
        ],
    };
    assert_eq!(issues_of(&valid), vec![]);

    let bad = RealTerms {
        measure: Measure::Cpi,
        basis: IndexBasis::AnnualAverage,
        year: 3000,
        values: vec![
            UserIndex {
                year: 2025,
                value: d("0"),
            },
            UserIndex {
                year: 2026,
                value: d("130"),
            },
            UserIndex {
                year: 2025,
                value: d("131"),
            },
            UserIndex {
                year: 1899,
                value: d("100000.1"),
            },
        ],
    };
    let found: Vec<(String, String)> = issues_of(&bad)
        .into_iter()
        .map(|i| (i.path, i.message))
        .collect();
    let expected = [
        ("real_terms.year", "must be between 1900 and 2100"),
        (
            "real_terms.values[0].value",
            "must be more than zero (an index value, such as 121.7)",
        ),
        (
            "real_terms.values[2].year",
            "2025 is entered twice (also at values[0]): keep one",
        ),
        ("real_terms.values[3].year", "must be between 1900 and 2100"),
        (
            "real_terms.values[3].value",
            "must be at most 100,000 (an index value, such as 121.7)",
        ),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(p, m)| (p.to_string(), m.to_string()))
        .collect();
    assert_eq!(found, expected);
}

#[test]
fn settings_round_trip_through_json() {
    let text = r#"{"measure":"cpih","basis":"annual_average","year":2024,"values":[{"year":2024,"value":"134.0"}]}"#;
    let s: RealTerms = serde_json::from_str(text).expect("parses");
    assert_eq!(s.measure, Measure::Cpih);
    assert_eq!(s.values[0].value, d("134.0"));
    assert_eq!(serde_json::to_string(&s).expect("serialises"), text);
    // No values: the list is left out.
    let plain = settings(Measure::Rpi, IndexBasis::April, 2016);
    assert_eq!(
        serde_json::to_string(&plain).expect("serialises"),
        r#"{"measure":"rpi","basis":"april","year":2016}"#
    );
    assert!(serde_json::from_str::<RealTerms>(
        r#"{"measure":"rpi","basis":"april","year":2016,"colour":"red"}"#
    )
    .is_err());
}

/// A series (by position) and two of its years.
fn series_and_years() -> impl Strategy<Value = (Measure, IndexBasis, u16, u16)> {
    let choices: Vec<(Measure, IndexBasis, Vec<u16>)> = data()
        .series
        .iter()
        .map(|s| {
            (
                s.measure,
                s.basis,
                s.values.iter().map(|p| p.year).collect(),
            )
        })
        .collect();
    prop::sample::select(choices).prop_flat_map(|(m, b, years)| {
        (
            Just(m),
            Just(b),
            prop::sample::select(years.clone()),
            prop::sample::select(years),
        )
    })
}

/// Pounds and pence, up to ±£10,000,000 (the validated annual maximum).
fn amount() -> impl Strategy<Value = Decimal> {
    (-1_000_000_000i64..=1_000_000_000).prop_map(|pennies| Decimal::new(pennies, 2))
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 2_000,
        ..ProptestConfig::default()
    }
}

fn to_year(a: Decimal, from: u16, measure: Measure, basis: IndexBasis, year: u16) -> Decimal {
    let s = settings(measure, basis, year);
    in_reference_money(a, "amount", from, &s, data())
        .expect("shipped years")
        .evaluate()
        .expect("computes")
}

proptest! {
    #![proptest_config(config())]

    /// There and back: each leg rounds by at most half a penny, and the
    /// shipped ratios are all above ½, so the return is within a penny.
    #[test]
    fn a_round_trip_returns_the_amount_within_a_penny(
        (m, b, x, y) in series_and_years(),
        a in amount(),
    ) {
        let there = to_year(a, x, m, b, y);
        let back = to_year(there, y, m, b, x);
        prop_assert!((back - a).abs() <= d("0.01"), "{a} → {there} → {back}");
    }

    /// Indices are positive, so the conversion keeps the order of amounts.
    #[test]
    fn the_conversion_is_monotone_in_the_amount(
        (m, b, x, y) in series_and_years(),
        a in amount(),
        b_amount in amount(),
    ) {
        let (low, high) = if a <= b_amount { (a, b_amount) } else { (b_amount, a) };
        prop_assert!(to_year(low, x, m, b, y) <= to_year(high, x, m, b, y));
    }
}
