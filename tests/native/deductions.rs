//! Take-home pay: worked examples for each shipped tax year, the arithmetic in
//! comments, and properties (net ≤ gross; net rises with gross except across
//! the NHS Pension tier cliffs listed in `CLIFFS`).
//!
//! Every line is rounded once to the penny, halves away from zero; income tax
//! and NI are the sums of their rounded band lines. Income tax bands are on
//! taxable income (after the personal allowance).
use offer_compare::engine::date::Date;
use offer_compare::engine::deductions::rules::{LoanPlan, PensionBasis, TaxYearRules};
use offer_compare::engine::deductions::{net, GrossLine, NetOptions, NetPay, Residence};
use offer_compare::engine::fraction::Fraction;
use offer_compare::engine::offer::Marker;
use offer_compare::presets::tax_years::{find_tax_year, load_tax_years, tax_year_for};
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::str::FromStr;

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

fn d(text: &str) -> Decimal {
    Decimal::from_str(text).expect("decimal")
}

fn year(id: &str) -> TaxYearRules {
    find_tax_year(id).unwrap_or_else(|| panic!("tax year {id}"))
}

fn line(id: &str, annual: &str, pensionable: bool) -> GrossLine {
    GrossLine {
        id: id.to_string(),
        label: id.to_string(),
        annual: d(annual),
        pensionable,
    }
}

fn member() -> NetOptions {
    NetOptions::default()
}

fn non_member() -> NetOptions {
    NetOptions {
        pension_member: false,
        ..NetOptions::default()
    }
}

fn scottish(mut o: NetOptions) -> NetOptions {
    o.residence = Residence::Scotland;
    o
}

fn with_loans(mut o: NetOptions, loans: &[LoanPlan]) -> NetOptions {
    o.loans = loans.to_vec();
    o
}

fn part_time(mut o: NetOptions, share: &str) -> NetOptions {
    o.full_time_share = Fraction::from_str(share).expect("share");
    o
}

/// Net pay on one pensionable line of `gross`.
fn on(id: &str, gross: &str, options: &NetOptions) -> NetPay {
    net(&[line("basic", gross, true)], &year(id), options).expect("computes")
}

/// Checks the named lines' annual values (`0` for a line that is absent).
fn check(pay: &NetPay, expected: &[(&str, &str)]) {
    for (id, value) in expected {
        assert_eq!(
            pay.annual(id),
            d(value),
            "{id} in {}: {:#?}",
            pay.tax_year,
            pay.line(id)
        );
    }
}

// ---- 2024/25 ----

#[test]
fn y2024_a_member_on_40000() {
    // Pension: actual pay 40,000 is in tier 4 (32,692–49,078): 9.8% × 40,000 = 3,920.00.
    // Tax: 40,000 − 3,920 = 36,080; − 12,570 allowance = 23,510 × 20% = 4,702.00.
    // NI on gross (pension does not reduce it): 8% × (40,000 − 12,570) = 2,194.40.
    // Net: 40,000 − 3,920 − 4,702 − 2,194.40 = 29,183.60; monthly ÷ 12 = 2,431.97.
    let p = on("2024-25", "40000", &member());
    check(
        &p,
        &[
            ("pension", "3920"),
            ("taxable_income", "23510"),
            ("income_tax", "4702"),
            ("ni", "2194.40"),
            ("net", "29183.60"),
        ],
    );
    assert_eq!(p.net_monthly, d("2431.97"));
    assert_eq!(
        p.line("pension").and_then(|l| l.marker),
        Some(Marker::Secondary)
    );
}

#[test]
fn y2024_around_the_allowance_and_the_ni_threshold() {
    // 12,570: no tax, no NI. 12,571: 20% × 1 = 0.20 tax; 8% × 1 = 0.08 NI.
    let at = on("2024-25", "12570", &non_member());
    check(&at, &[("income_tax", "0"), ("ni", "0"), ("net", "12570")]);
    let above = on("2024-25", "12571", &non_member());
    check(
        &above,
        &[("income_tax", "0.20"), ("ni", "0.08"), ("net", "12570.72")],
    );
    // Higher rate and NI upper limit at 50,270 (taxable 37,700):
    // 50,270: tax 7,540.00, NI 8% × 37,700 = 3,016.00.
    // 50,271: tax 7,540 + 40% × 1 = 7,540.40; NI 3,016 + 2% × 1 = 3,016.02.
    check(
        &on("2024-25", "50270", &non_member()),
        &[("income_tax", "7540"), ("ni", "3016")],
    );
    check(
        &on("2024-25", "50271", &non_member()),
        &[("income_tax", "7540.40"), ("ni", "3016.02")],
    );
}

#[test]
fn y2024_the_allowance_taper() {
    // 110,000, not a member: excess 10,000 × ½ = 5,000 off; allowance 7,570.
    // Taxable 110,000 − 7,570 = 102,430: 37,700 × 20% = 7,540; 64,730 × 40% = 25,892;
    // tax 33,432.00. NI 8% × 37,700 = 3,016 + 2% × 59,730 = 1,194.60 → 4,210.60.
    // Net 110,000 − 33,432 − 4,210.60 = 72,357.40.
    let p = on("2024-25", "110000", &non_member());
    check(
        &p,
        &[
            ("allowance_taper", "5000"),
            ("personal_allowance", "7570"),
            ("income_tax:basic", "7540"),
            ("income_tax:higher", "25892"),
            ("income_tax", "33432"),
            ("ni", "4210.60"),
            ("net", "72357.40"),
        ],
    );
    // 130,000: excess 30,000 × ½ = 15,000 > 12,570, so no allowance.
    // Taxable 130,000: 7,540 + 40% × (125,140 − 37,700) = 34,976 + 45% × 4,860 = 2,187;
    // tax 44,703.00.
    check(
        &on("2024-25", "130000", &non_member()),
        &[("personal_allowance", "0"), ("income_tax", "44703")],
    );
    // A member on 105,000 pays 12.5% (tier 6) = 13,125, so adjusted net income is
    // 91,875: under the taper, full allowance. Taxable 79,305:
    // 7,540 + 40% × 41,605 = 16,642 → 24,182.00.
    check(
        &on("2024-25", "105000", &member()),
        &[
            ("pension", "13125"),
            ("allowance_taper", "0"),
            ("personal_allowance", "12570"),
            ("income_tax", "24182"),
        ],
    );
}

#[test]
fn y2024_scottish_bands() {
    // 50,000, not a member: taxable 37,430.
    // starter 19% × 2,306 (12,570–14,876) = 438.14
    // basic 20% × 11,685 (to 26,561) = 2,337.00
    // intermediate 21% × 17,101 (to 43,662) = 3,591.21
    // higher 42% × (37,430 − 31,092) = 6,338 → 2,661.96
    // total 9,028.31 (rest of UK: 20% × 37,430 = 7,486.00). NI is UK-wide: 2,994.40.
    let p = on("2024-25", "50000", &scottish(non_member()));
    check(
        &p,
        &[
            ("income_tax:starter", "438.14"),
            ("income_tax:basic", "2337"),
            ("income_tax:intermediate", "3591.21"),
            ("income_tax:higher", "2661.96"),
            ("income_tax", "9028.31"),
            ("ni", "2994.40"),
        ],
    );
    // The 2024/25 Scottish rates are [V]; band widths (limit − 12,570) are [D].
    assert_eq!(
        p.line("income_tax").and_then(|l| l.marker),
        Some(Marker::Derived)
    );
    check(
        &on("2024-25", "50000", &non_member()),
        &[("income_tax", "7486")],
    );
}

#[test]
fn y2024_each_loan_plan() {
    // Gross 40,000 (loans are on gross, not after pension):
    // plan 1: 9% × (40,000 − 24,990) = 1,350.90; plan 2: 9% × 12,705 = 1,143.45;
    // plan 4: 9% × 8,605 = 774.45; postgraduate: 6% × 19,000 = 1,140.00.
    let one = |plan| on("2024-25", "40000", &with_loans(member(), &[plan]));
    check(&one(LoanPlan::Plan1), &[("loan:plan1", "1350.90")]);
    check(&one(LoanPlan::Plan2), &[("loan:plan2", "1143.45")]);
    check(&one(LoanPlan::Plan4), &[("loan:plan4", "774.45")]);
    check(
        &one(LoanPlan::Postgraduate),
        &[("loan:postgraduate", "1140")],
    );
    // Plan 5 did not exist yet: no line, a note, and net as without loans (29,183.60).
    let five = one(LoanPlan::Plan5);
    assert!(five.line("loan:plan5").is_none());
    assert!(five.notes.iter().any(|n| n.contains("plan 5")));
    check(&five, &[("net", "29183.60")]);
    // Plans 1 and 2 together repay once: plan 1 takes 9% × (27,295 − 24,990) = 207.45,
    // plan 2 the 1,143.45 above its threshold; 1,350.90 in all, as plan 1 alone.
    // With the postgraduate loan on top: net 29,183.60 − 1,350.90 − 1,140 = 26,692.70.
    let all = on(
        "2024-25",
        "40000",
        &with_loans(
            member(),
            &[LoanPlan::Postgraduate, LoanPlan::Plan2, LoanPlan::Plan1],
        ),
    );
    check(
        &all,
        &[
            ("loan:plan1", "207.45"),
            ("loan:plan2", "1143.45"),
            ("loan:postgraduate", "1140"),
            ("net", "26692.70"),
        ],
    );
    // Below a threshold the plan shows a zero line.
    check(
        &on(
            "2024-25",
            "24000",
            &with_loans(member(), &[LoanPlan::Plan1]),
        ),
        &[("loan:plan1", "0")],
    );
}

#[test]
fn y2024_pension_tier_boundary_is_a_cliff() {
    // 26,831 is tier 2: 6.5% = 1,744.015 → 1,744.02 (half away from zero).
    // 26,832 is tier 3: 8.3% = 2,227.056 → 2,227.06; a pound more costs 483.04 of
    // pension, so net falls (less tax on the lower taxable pay only softens it).
    let below = on("2024-25", "26831", &member());
    let above = on("2024-25", "26832", &member());
    check(&below, &[("pension", "1744.02")]);
    check(&above, &[("pension", "2227.06")]);
    assert!(above.net_annual < below.net_annual);
}

#[test]
fn y2024_an_ltft_doctor_pays_the_rate_of_actual_pay() {
    // From Oct 2022 the tier goes by actual pay: 60% of 36,000 = 21,600 → tier 2,
    // 6.5% × 21,600 = 1,404.00 (whole-time 36,000 would be tier 4, 9.8%).
    let p = on("2024-25", "21600", &part_time(member(), "0.6"));
    check(&p, &[("pension", "1404"), ("pension_wte_pay", "0")]);
    assert_eq!(year("2024-25").pension.basis, PensionBasis::Actual);
}

// ---- 2025/26 and 2026/27 ----

#[test]
fn y2025_a_member_on_30000() {
    // Tier 3 (27,798–33,868): 8.3% × 30,000 = 2,490.00.
    // Tax: 30,000 − 2,490 − 12,570 = 14,940 × 20% = 2,988.00. NI 8% × 17,430 = 1,394.40.
    // Net 30,000 − 2,490 − 2,988 − 1,394.40 = 23,127.60.
    check(
        &on("2025-26", "30000", &member()),
        &[
            ("pension", "2490"),
            ("income_tax", "2988"),
            ("ni", "1394.40"),
            ("net", "23127.60"),
        ],
    );
    // The tier boundary moved: 27,797 is tier 2 (6.5% = 1,806.805 → 1,806.81),
    // 27,798 tier 3 (8.3% = 2,307.234 → 2,307.23).
    check(
        &on("2025-26", "27797", &member()),
        &[("pension", "1806.81")],
    );
    check(
        &on("2025-26", "27798", &member()),
        &[("pension", "2307.23")],
    );
    // Plan 1 threshold 26,065: 9% × (30,000 − 26,065) = 354.15.
    check(
        &on(
            "2025-26",
            "30000",
            &with_loans(member(), &[LoanPlan::Plan1]),
        ),
        &[("loan:plan1", "354.15")],
    );
}

#[test]
fn y2026_scotland_plan5_and_sourced_tiers() {
    // Scotland 2026/27 [?]: 30,000, not a member, taxable 17,430.
    // starter 19% × 3,967 (to 16,537) = 753.73; basic 20% × 12,989 (to 29,526) = 2,597.80;
    // intermediate 21% × (17,430 − 16,956) = 474 → 99.54; total 3,451.07.
    let p = on("2026-27", "30000", &scottish(non_member()));
    check(
        &p,
        &[
            ("income_tax:starter", "753.73"),
            ("income_tax:basic", "2597.80"),
            ("income_tax:intermediate", "99.54"),
            ("income_tax", "3451.07"),
        ],
    );
    assert_eq!(
        p.line("income_tax").and_then(|l| l.marker),
        Some(Marker::Assumed)
    );
    // Plan 5 exists from 2026/27: 9% × (40,000 − 25,000) = 1,350.00.
    check(
        &on(
            "2026-27",
            "40000",
            &with_loans(member(), &[LoanPlan::Plan5]),
        ),
        &[("loan:plan5", "1350")],
    );
    // The 2026/27 tiers are a third party's transcription of NHSBSA's [S], and the line
    // says so. 34,000 is tier 3 in 2026/27 (28,855–35,155; it was tier 4 in 2025/26):
    // 8.3% × 34,000 = 2,822.00.
    let m = on("2026-27", "34000", &member());
    check(&m, &[("pension", "2822")]);
    assert_eq!(
        m.line("pension").and_then(|l| l.marker),
        Some(Marker::Secondary)
    );
}

#[test]
fn y2026_a_pay_in_each_pension_tier() {
    // 2026/27 member tiers, NHSBSA "Cost of being in the Scheme" as a third party transcribed
    // it [S] (issue 22 point 9: @1's tax data reused 2025/26's): up to 13,259 5.2%;
    // 13,260–28,854 6.5%; 28,855–35,155 8.3%; 35,156–52,778 9.8%; 52,779–67,668 10.7%;
    // 67,669 and above 12.5%. The whole pay is charged at its tier's rate.
    for (pay, pension) in [
        ("12000", "624"),     // tier 1: 5.2% × 12,000
        ("13259", "689.47"),  // tier 1's top: 689.468
        ("13260", "861.90"),  // tier 2's start: 6.5% × 13,260
        ("28854", "1875.51"), // tier 2's top: 1,875.51
        ("28855", "2394.97"), // tier 3: 8.3% × 28,855 = 2,394.965
        ("34000", "2822"),    // tier 3 (tier 4 in 2025/26)
        ("45000", "4410"),    // tier 4: 9.8%
        ("60000", "6420"),    // tier 5: 10.7%
        ("67669", "8458.63"), // tier 6's start: 12.5% × 67,669 = 8,458.625
        ("80000", "10000"),   // tier 6
    ] {
        let p = on("2026-27", pay, &member());
        check(&p, &[("pension", pension)]);
        assert_eq!(
            p.line("pension").and_then(|l| l.marker),
            Some(Marker::Secondary),
            "{pay}"
        );
    }
}

// ---- 2015/16 and 2016/17 ----

#[test]
fn y2015_the_contracted_out_rebate() {
    // Member on 30,000, full time. Pension on WTE pay 30,000: 26,824–47,845.99 is 9.3%
    // → 2,790.00. Tax: 30,000 − 2,790 − 10,600 = 16,610 × 20% = 3,322.00.
    // NI 12% × (30,000 − 8,060) = 2,632.80, less the rebate 1.4% × (30,000 − 5,824) =
    // 338.464 → 338.46: NI 2,294.34. Net 30,000 − 2,790 − 3,322 − 2,294.34 = 21,593.66.
    let p = on("2015-16", "30000", &member());
    check(
        &p,
        &[
            ("pension", "2790"),
            ("income_tax", "3322"),
            ("ni:main", "2632.80"),
            ("ni:rebate", "338.46"),
            ("ni", "2294.34"),
            ("net", "21593.66"),
        ],
    );
    // A non-member gets no rebate: NI 2,632.80.
    let n = on("2015-16", "30000", &non_member());
    check(&n, &[("ni:rebate", "0"), ("ni", "2632.80")]);
    // Above 40,040 the rebate stops growing: 1.4% × 34,216 = 479.024 → 479.02.
    // NI on 45,000: 12% × 34,325 = 4,119.00 + 2% × 2,615 = 52.30 − 479.02 = 3,692.28.
    check(
        &on("2015-16", "45000", &member()),
        &[("ni:rebate", "479.02"), ("ni", "3692.28")],
    );
    // Abolished on 6 April 2016: none in 2016/17.
    check(&on("2016-17", "30000", &member()), &[("ni:rebate", "0")]);
}

#[test]
fn y2015_plan1_only_and_tier_boundary() {
    // Plan 1 threshold 17,335 [?]: 9% × (30,000 − 17,335) = 1,139.85.
    // Plan 2 repayments were not yet due: no line.
    let p = on(
        "2015-16",
        "30000",
        &with_loans(member(), &[LoanPlan::Plan1, LoanPlan::Plan2]),
    );
    check(&p, &[("loan:plan1", "1139.85"), ("loan:plan2", "0")]);
    assert!(p.line("loan:plan2").is_none());
    assert_eq!(
        p.line("loan:plan1").and_then(|l| l.marker),
        Some(Marker::Assumed)
    );
    // Tier 1 to 15,431.99 (5%): 771.5995 → 771.60; 15,432 is tier 2 (5.6%): 864.192 → 864.19.
    check(
        &on("2015-16", "15431.99", &member()),
        &[("pension", "771.60")],
    );
    check(&on("2015-16", "15432", &member()), &[("pension", "864.19")]);
}

#[test]
fn y2016_a_full_time_fy2() {
    // 30,500 (the 2016 TCS NP2), member: 9.3% → 2,836.50. Tax: 30,500 − 2,836.50 −
    // 11,000 = 16,663.50 × 20% = 3,332.70. NI 12% × (30,500 − 8,060) = 2,692.80.
    // Net 30,500 − 2,836.50 − 3,332.70 − 2,692.80 = 21,638.00.
    // Plan 2 (21,000): 9% × 9,500 = 855.00, so net 21,638.00 − 855.00 = 20,783.00.
    let p = on(
        "2016-17",
        "30500",
        &with_loans(member(), &[LoanPlan::Plan2]),
    );
    check(
        &p,
        &[
            ("pension", "2836.50"),
            ("income_tax", "3332.70"),
            ("ni", "2692.80"),
            ("loan:plan2", "855"),
            ("net", "20783"),
        ],
    );
    // Higher rate from taxable 32,000: a non-member on 43,000 has taxable 32,000 (no
    // 40%); on 43,001 the last pound is at 40%.
    check(
        &on("2016-17", "43000", &non_member()),
        &[("income_tax:higher", "0")],
    );
    check(
        &on("2016-17", "43001", &non_member()),
        &[("income_tax:higher", "0.40")],
    );
}

#[test]
fn y2016_an_ltft_doctor_pays_the_rate_of_whole_time_pay() {
    // 60% LTFT, actual pensionable 18,300: WTE 18,300 ÷ 0.6 = 30,500, tier 9.3%
    // (not 5.6% as actual pay would give): 9.3% × 18,300 = 1,701.90.
    let p = on("2016-17", "18300", &part_time(member(), "0.6"));
    check(&p, &[("pension_wte_pay", "30500"), ("pension", "1701.90")]);
    check(
        &on("2016-17", "18300", &member()),
        &[("pension", "1024.80")],
    );
    // A share of nil cannot give a whole-time pay: an error, not a panic.
    assert!(net(
        &[line("basic", "18300", true)],
        &year("2016-17"),
        &part_time(member(), "0")
    )
    .is_err());
}

#[test]
fn y2016_2002_banding_is_not_pensionable() {
    // 2002 contract: basic 22,636 pensionable, band 1A (50%) 11,318 not.
    // Pension on 22,636 only: tier 21,478–26,823.99, 7.1% → 1,607.156 → 1,607.16.
    // NI on the whole 33,954: 12% × 25,894 = 3,107.28.
    let p = net(
        &[
            line("basic", "22636", true),
            line("banding", "11318", false),
        ],
        &year("2016-17"),
        &member(),
    )
    .expect("computes");
    check(
        &p,
        &[
            ("gross", "33954"),
            ("pensionable", "22636"),
            ("pension", "1607.16"),
            ("ni", "3107.28"),
        ],
    );
}

#[test]
fn every_line_is_its_explanation() {
    let p = on(
        "2015-16",
        "123456.78",
        &with_loans(scottish(part_time(member(), "0.8")), &[LoanPlan::Plan1]),
    );
    for l in &p.lines {
        assert_eq!(l.explanation.evaluate(), Some(l.annual), "{}", l.id);
    }
    // No Scottish table in 2015/16: rest-of-UK rates, said in a note.
    assert!(p.notes.iter().any(|n| n.contains("Scottish")));
}

// ---- properties ----

/// The documented cliffs: where the NHS Pension tier changes, one rate applies
/// to all pensionable pay, so a pound more can cost more than a pound. The
/// pay (actual, or whole-time-equivalent before Oct 2022) at which each tier
/// starts, per year; checked against the data below.
const CLIFFS: &[(&str, &[&str])] = &[
    (
        "2015-16",
        &["15432", "21478", "26824", "47846", "70631", "111377"],
    ),
    (
        "2016-17",
        &["15432", "21478", "26824", "47846", "70631", "111377"],
    ),
    ("2024-25", &["13260", "26832", "32692", "49079", "62925"]),
    ("2025-26", &["13260", "27798", "33869", "50846", "65191"]),
    ("2026-27", &["13260", "28855", "35156", "52779", "67669"]),
];

#[test]
fn the_cliffs_are_the_tier_starts() {
    for (id, cliffs) in CLIFFS {
        let starts: Vec<Decimal> = year(id)
            .pension
            .tiers
            .iter()
            .skip(1)
            .map(|t| t.from.value)
            .collect();
        let listed: Vec<Decimal> = cliffs.iter().map(|c| d(c)).collect();
        assert_eq!(starts, listed, "{id}");
    }
}

/// Whether a cliff lies in `(low, high]`.
fn crosses_a_cliff(id: &str, low: Decimal, high: Decimal) -> bool {
    CLIFFS
        .iter()
        .filter(|(y, _)| *y == id)
        .flat_map(|(_, c)| c.iter())
        .any(|c| low < d(c) && d(c) <= high)
}

fn options_strategy() -> impl Strategy<Value = NetOptions> {
    (
        any::<bool>(),
        any::<bool>(),
        prop::sample::subsequence(LoanPlan::ALL.to_vec(), 0..=5),
        prop::sample::select(vec!["1", "0.8", "0.6", "0.5"]),
    )
        .prop_map(|(scot, member, loans, share)| NetOptions {
            residence: if scot {
                Residence::Scotland
            } else {
                Residence::RestOfUk
            },
            loans,
            pension_member: member,
            full_time_share: Fraction::from_str(share).expect("share"),
        })
}

proptest! {
    #[test]
    fn net_is_at_most_gross_and_rises_with_it_except_at_cliffs(
        year_index in 0usize..5,
        pensionable in 0i64..30_000_000,
        other in 0i64..5_000_000,
        rise in 500i64..500_000,
        rise_pensionable in any::<bool>(),
        options in options_strategy(),
    ) {
        let id = CLIFFS[year_index].0;
        let rules = year(id);
        let pennies = |p: i64| Decimal::new(p, 2);
        let lines = |p: i64, o: i64| vec![
            GrossLine { id: "basic".into(), label: "basic".into(), annual: pennies(p), pensionable: true },
            GrossLine { id: "other".into(), label: "other".into(), annual: pennies(o), pensionable: false },
        ];
        let before = net(&lines(pensionable, other), &rules, &options).expect("computes");
        let (p2, o2) = if rise_pensionable { (pensionable + rise, other) } else { (pensionable, other + rise) };
        let after = net(&lines(p2, o2), &rules, &options).expect("computes");
        prop_assert!(before.net_annual <= before.gross_annual);
        prop_assert!(after.net_annual <= after.gross_annual);
        // The pay that picks the tier, before and after.
        let tier_pay = |p: i64| {
            let pay = pennies(p);
            match rules.pension.basis {
                PensionBasis::Actual => pay,
                PensionBasis::WholeTimeEquivalent => {
                    let share = options.full_time_share;
                    pay * share.den() / share.num()
                }
            }
        };
        let cliff = options.pension_member
            && rise_pensionable
            && crosses_a_cliff(id, tier_pay(pensionable), tier_pay(p2));
        if !cliff {
            prop_assert!(
                after.net_annual >= before.net_annual,
                "{id}: net fell from {} to {} when gross rose by {}",
                before.net_annual, after.net_annual, pennies(rise)
            );
        }
    }
}

/// Any decimal: huge, tiny, negative.
fn any_decimal() -> impl Strategy<Value = Decimal> {
    (any::<i64>(), any::<i64>(), 0u32..=28).prop_map(|(hi, lo, scale)| {
        let mantissa = (i128::from(hi) << 32) ^ i128::from(lo);
        Decimal::try_from_i128_with_scale(mantissa, scale).unwrap_or(Decimal::MAX)
    })
}

proptest! {
    /// No input panics: hostile amounts, shares and rules give a result or an error.
    #[test]
    fn hostile_inputs_never_panic(
        year_index in 0usize..5,
        amounts in prop::collection::vec((any_decimal(), any::<bool>()), 0..4),
        share in (any_decimal(), any_decimal()),
        allowance in any_decimal(),
        band_start in any_decimal(),
        tier_start in any_decimal(),
        options in options_strategy(),
    ) {
        let mut rules = year(CLIFFS[year_index].0);
        rules.income_tax.personal_allowance.value = allowance;
        if let Some(b) = rules.income_tax.bands.get_mut(1) {
            b.from.value = band_start;
        }
        if let Some(t) = rules.pension.tiers.get_mut(2) {
            t.from.value = tier_start;
        }
        let lines: Vec<GrossLine> = amounts
            .iter()
            .enumerate()
            .map(|(i, (a, p))| GrossLine { id: format!("l{i}"), label: format!("l{i}"), annual: *a, pensionable: *p })
            .collect();
        let mut options = options;
        if let Some(f) = Fraction::new(share.0, share.1) {
            options.full_time_share = f;
        }
        if let Ok(p) = net(&lines, &rules, &options) {
            for l in &p.lines {
                prop_assert_eq!(l.explanation.evaluate(), Some(l.annual), "{}", &l.id);
            }
        }
    }
}
