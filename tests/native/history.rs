//! Pay history (`engine::history`): one grade's basic pay year by year, in
//! real terms, and the restoration figure — worked by hand against the 2002
//! contract's FY1 scale as printed in the pay circulars and the ONS indices
//! shipped with the app.

use offer_compare::engine::history::{pay_history, pay_year, HistoryError, Reading};
use offer_compare::engine::model::offer::{Grade, PayScale};
use offer_compare::engine::model::settings::{IndexBasis, Measure, RealTerms};
use rust_decimal::Decimal;

/// FY1 minimum (point `FY1-0`) of the 2002 contract, from the pay circulars:
/// PC(M&D) 3/2008 p4, 1/2009 p4, 1/2010 p5 (then frozen: 1/2011, 1/2012),
/// 1/2013 p4 (unchanged in 2014/15, 2015/16), 1/2016 p6, 1/2017 p22, 3/2018
/// p21 (from 1 October 2018), 2/2019 p23, 1/2020 p12, 1/2021 p11, 1/2022 p13.
/// The 2014/15 row is left out to make a gap.
const FY1: &[(&str, &str, &str)] = &[
    ("2008-04-01", "2009-04-01", "21862"),
    ("2009-04-01", "2010-04-01", "22190"),
    ("2010-04-01", "2013-04-01", "22412"),
    ("2013-04-01", "2014-04-01", "22636"),
    ("2015-04-01", "2016-04-01", "22636"),
    ("2016-04-01", "2017-04-01", "22862"),
    ("2017-04-01", "2018-10-01", "23091"),
    ("2018-10-01", "2019-04-01", "23553"),
    ("2019-04-01", "2020-04-01", "24024"),
    ("2020-04-01", "2021-04-01", "24504"),
    ("2021-04-01", "2022-04-01", "24994"),
    ("2022-04-01", "2023-04-01", "25494"),
];

fn scale() -> PayScale {
    let periods: Vec<serde_json::Value> = FY1
        .iter()
        .map(|(from, until, annual)| {
            serde_json::json!({
                "label": format!("from {from}"),
                "from": from,
                "until": until,
                "points": [{ "id": "FY1-0", "annual": annual, "source": "pay circular" }],
                "grades": { "FY1": ["FY1-0"] },
            })
        })
        .collect();
    serde_json::from_value(serde_json::json!({ "periods": periods })).expect("a scale")
}

fn reading(measure: Measure, basis: IndexBasis, base_year: u16, end_year: u16) -> Reading {
    Reading {
        grade: Grade::FY1,
        years_at_grade: 0,
        prices: RealTerms {
            measure,
            basis,
            year: end_year,
            values: Vec::new(),
        },
        base_year,
    }
}

fn d(text: &str) -> Decimal {
    text.parse().expect("a decimal")
}

fn indices() -> &'static offer_compare::engine::real_terms::PriceIndices {
    &offer_compare::reference().price_indices
}

/// RPI April 2008 = 214.0, April 2021 = 301.1 [V]. £21,862 × 301.1 ÷ 214.0 =
/// £30,760.04 in 2021 money; 2021/22 pay £24,994 is 24,994 ÷ 30,760.04 =
/// 81.25% of it: a fall of 18.75%, and a rise of 30,760.04 ÷ 24,994 − 1 =
/// 23.07% restores it.
#[test]
fn fy1_basic_by_rpi_april_2008_09_to_2021_22() {
    let r = reading(Measure::Rpi, IndexBasis::April, 2008, 2021);
    let h = pay_history(&scale(), &r, indices()).unwrap();
    let base = h.years.iter().find(|y| y.year == 2008).unwrap();
    assert_eq!(base.real.as_ref().unwrap().value, d("30760.04"));
    assert_eq!(h.change.value, d("-18.75"));
    assert_eq!(h.restoration.value, d("23.07"));
    assert_eq!(
        h.sentence(&r),
        "By RPI (April values), FY1 basic pay in 2021/22 buys 18.75% less than in 2008/09; \
         a rise of 23.07% would restore it."
    );
}

/// The BMA's claim: "Since 2008, junior doctor pay in England has been cut in
/// real-terms (RPI) by 26.1%" (to 2021/22; "F1 to F1"), hence "35% pay
/// restoration" (Full Fact, 24 Feb 2023). FY1 basic pay at the bottom point,
/// by RPI annual averages (214.8 in 2008, 305.0 in 2021), gives a fall of
/// 19.48% and a restoration of 24.20%: the published method must differ (a
/// later price year, or another pay measure) — the claim is not reproduced by
/// this reading.
#[test]
fn bma_claim_of_26_1_percent_is_not_reproduced_by_fy1_basic_rpi_annual_which_gives_19_48() {
    let r = reading(Measure::Rpi, IndexBasis::AnnualAverage, 2008, 2021);
    let h = pay_history(&scale(), &r, indices()).unwrap();
    assert_eq!(h.change.value, d("-19.48"));
    assert_eq!(h.restoration.value, d("24.20"));
}

/// By RPI financial-year averages, the pay year's own prices (2008/09 214.8,
/// 2021/22 311.2 [D]): £21,862 × 311.2 ÷ 214.8 = £31,673.44; £24,994 is
/// 78.91% of it, a fall of 21.09%, and 26.72% restores it — nearer the BMA's
/// 26.1% / 35%, still not it.
#[test]
fn fy1_basic_by_rpi_financial_years_2008_09_to_2021_22() {
    let r = reading(Measure::Rpi, IndexBasis::FinancialYear, 2008, 2021);
    let h = pay_history(&scale(), &r, indices()).unwrap();
    assert_eq!(h.change.value, d("-21.09"));
    assert_eq!(h.restoration.value, d("26.72"));
}

/// CPI annual 2010 = 89.4, 2022 = 121.7 [V]: £22,412 × 121.7 ÷ 89.4 =
/// £30,509.40; 2022/23 pay £25,494 is 83.56% of it (−16.44%), 19.67% restores it.
#[test]
fn fy1_basic_by_cpi_2010_11_to_2022_23() {
    let r = reading(Measure::Cpi, IndexBasis::AnnualAverage, 2010, 2022);
    let h = pay_history(&scale(), &r, indices()).unwrap();
    assert_eq!(h.change.value, d("-16.44"));
    assert_eq!(h.restoration.value, d("19.67"));
    // Each figure explains itself: the index values and their source.
    let source = &h.years[2].real.as_ref().unwrap().explanation.source;
    assert!(
        source.contains("2010 = 89.4") && source.contains("2022 = 121.7"),
        "{source}"
    );
}

/// Every pay year from 2008/09 to 2022/23, the frozen years repeating the
/// 2010/11 scale, the award paid from 1 October 2018 counting for 2018/19,
/// and the year missing from the data shown as unknown, not filled in.
#[test]
fn every_year_is_listed_and_a_gap_stays_unknown() {
    let r = reading(Measure::Cpi, IndexBasis::AnnualAverage, 2008, 2022);
    let h = pay_history(&scale(), &r, indices()).unwrap();
    let years: Vec<u16> = h.years.iter().map(|y| y.year).collect();
    assert_eq!(years, (2008..=2022).collect::<Vec<_>>());
    let cash = |year: u16| {
        let y = h.years.iter().find(|y| y.year == year).unwrap();
        y.cash.as_ref().map(|c| c.value)
    };
    assert_eq!(cash(2012), Some(d("22412")));
    assert_eq!(cash(2018), Some(d("23553")));
    assert_eq!(cash(2014), None);
    let gap = h.years.iter().find(|y| y.year == 2014).unwrap();
    assert_eq!(
        gap.real.as_ref().unwrap_err(),
        "no FY1 pay in the scale for 2014/15"
    );
}

#[test]
fn a_base_or_end_year_without_pay_or_index_is_an_error_in_words() {
    let gap = reading(Measure::Cpi, IndexBasis::AnnualAverage, 2014, 2022);
    assert_eq!(
        pay_history(&scale(), &gap, indices())
            .unwrap_err()
            .to_string(),
        "2014/15: no FY1 pay in the scale for 2014/15"
    );
    let outside = reading(Measure::Cpi, IndexBasis::AnnualAverage, 2005, 2022);
    assert_eq!(
        pay_history(&scale(), &outside, indices()).unwrap_err(),
        HistoryError::Year(
            2005,
            "outside the scale's years (2008/09 to 2022/23)".into()
        )
    );
    assert_eq!(pay_year(2009), "2009/10");
    let empty = PayScale {
        periods: Vec::new(),
    };
    assert_eq!(
        pay_history(&empty, &gap, indices()).unwrap_err(),
        HistoryError::EmptyScale
    );
}

/// The command line prints the engine's sentence and figures for the shipped
/// 2016-contract line (three presets read together): FY1 (NP1) 2016/17
/// £26,350 against 2019/20 £27,689, by CPI April 2016 = 100.2 and 2019 = 107.6
/// [V]: £26,350 × 107.6 ÷ 100.2 = £28,296.007… → £28,296.01 in 2019 money;
/// 27,689 ÷ 28,296.01 = 97.854…% → 97.85%, a fall of 2.15%; 28,296.01 ÷ 27,689
/// = 102.192…% → a rise of 2.19%.
#[test]
fn command_line_history_of_the_2016_contract_line() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_offer-compare"))
        .args([
            "history",
            "tcs-2016@1",
            "tcs-2019@1",
            "tcs-today@1",
            "--grade",
            "fy1",
        ])
        .args(["--index", "cpi", "--from", "2016", "--to", "2019"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success(), "{text}");
    assert!(
        text.starts_with(
            "By CPI (April values), FY1 basic pay in 2019/20 buys 2.15% less than in 2016/17; \
             a rise of 2.19% would restore it.\n"
        ),
        "{text}"
    );
    assert!(text.contains("£26,350.00         £28,296.01"), "{text}");
    // Years no shipped preset covers are listed as unknown, not filled in.
    assert!(
        text.contains("2022/23") && text.contains("unknown"),
        "{text}"
    );
    // tcs-2016@1 alone ends in August 2019: 2019/20 was paid on tcs-2019's
    // scale by 31 March 2020, so this preset's years end with 2018/19.
    let refused = std::process::Command::new(env!("CARGO_BIN_EXE_offer-compare"))
        .args(["history", "tcs-2016@1", "--grade", "FY1", "--index", "cpi"])
        .args(["--from", "2016", "--to", "2030"])
        .output()
        .unwrap();
    assert!(!refused.status.success());
    assert_eq!(
        String::from_utf8(refused.stderr).unwrap().trim(),
        "2030/31: outside the scale's years (2016/17 to 2018/19)"
    );
}
