//! Take-home pay in the comparison (`engine::take_home`): each column's
//! deductions under the tax year of its pay date, net per year, month and hour
//! worked, what is kept of an extra pound, and the net difference from the
//! baseline. Worked by hand on the default scenario (FY2, fy2-medical, 2016/17).
use crate::common::{d, value};
use offer_compare::codec::json::{scenario_from_json, scenario_to_json};
use offer_compare::engine::compare::{compare, CompareError, Comparison};
use offer_compare::engine::date::Date;
use offer_compare::engine::deductions::rules::LoanPlan;
use offer_compare::engine::deductions::Residence;
use offer_compare::engine::fraction::Fraction;
use offer_compare::engine::offer::Marker;
use offer_compare::engine::real_terms::{IndexBasis, Measure, RealTerms, UserIndex};
use offer_compare::engine::scenario::Scenario;
use offer_compare::engine::take_home::TakeHome;
use proptest::prelude::*;

fn default_scenario() -> Scenario {
    scenario_from_json(crate::common::STRIKE_2016).expect("the default scenario")
}

fn with(settings: TakeHome) -> Comparison {
    let mut s = default_scenario();
    s.take_home = Some(settings);
    compare(&s, offer_compare::reference()).expect("compares")
}

fn v(c: &Comparison, column: &str, line: &str) -> rust_decimal::Decimal {
    value(c, column, line).unwrap_or_else(|| panic!("{column} {line}"))
}

#[test]
fn the_2002_column_worked_by_hand() {
    let c = compare(&default_scenario(), offer_compare::reference()).unwrap();
    // Gross 28,357.00 basic + 11,342.80 banding = 39,699.80. Only the basic is
    // pensionable (2002 banding was not): 28,357.00, whole-time-equivalent tier
    // 26,824–47,845.99 → 9.3% [V]: 2,637.201 → 2,637.20.
    assert_eq!(v(&c, "contract-2002", "net:pensionable"), d("28357.00"));
    assert_eq!(v(&c, "contract-2002", "net:pension"), d("2637.20"));
    // Taxable: 39,699.80 − 2,637.20 − 11,000 = 26,062.60, all in the 20% band:
    // 5,212.52.
    assert_eq!(v(&c, "contract-2002", "net:income_tax"), d("5212.52"));
    // NI on gross: 12% × (39,699.80 − 8,060) = 3,796.776 → 3,796.78.
    assert_eq!(v(&c, "contract-2002", "net:ni"), d("3796.78"));
    // Net: 39,699.80 − 2,637.20 − 5,212.52 − 3,796.78 = 28,053.30; ÷ 12 = 2,337.775 → 2,337.78.
    assert_eq!(v(&c, "contract-2002", "net:annual"), d("28053.30"));
    assert_eq!(v(&c, "contract-2002", "net:monthly"), d("2337.78"));
    // Per hour worked: 28,053.30 ÷ (44.625 h × 52.143 weeks) = 12.0563… → 12.06
    // (the gross figure's hours: 357 h over the 8-week cycle).
    assert_eq!(v(&c, "contract-2002", "net:per_hour"), d("12.06"));
    // Of £1 more basic: 1 − 0.093 pension − 0.2 × (1 − 0.093) tax − 0.12 NI
    // = 0.6056 → 0.61 (measured on £100: 60.56 / 100).
    assert_eq!(v(&c, "contract-2002", "net:keep:pensionable"), d("0.61"));
    // Of £1 more banding: 1 − 0.2 − 0.12 = 0.68.
    assert_eq!(v(&c, "contract-2002", "net:keep:other"), d("0.68"));
    // The baseline has no difference from itself.
    assert_eq!(value(&c, "contract-2002", "net:diff_annual"), None);
    let column = &c.columns[0];
    assert_eq!(
        column.take_home.as_ref().unwrap().tax_year.as_deref(),
        Some("2016-17")
    );
}

#[test]
fn the_may_2016_column_and_its_difference() {
    let c = compare(&default_scenario(), offer_compare::reference()).unwrap();
    // Paid 3 Aug 2016 (2016/17). Gross 39,400.30; pensionable basic 30,500:
    // 9.3% = 2,836.50; tax 20% × (39,400.30 − 2,836.50 − 11,000) = 5,112.76;
    // NI 12% × (39,400.30 − 8,060) = 3,760.836 → 3,760.84;
    // net 39,400.30 − 2,836.50 − 5,112.76 − 3,760.84 = 27,690.20.
    assert_eq!(v(&c, "may-2016", "net:annual"), d("27690.20"));
    // Against the 2002 baseline: 27,690.20 − 28,053.30 = −363.10, a smaller
    // loss than the gross one (−299.50 gross → −363.10 net, because more of
    // the May 2016 pay is pensionable basic).
    assert_eq!(v(&c, "may-2016", "diff_annual"), d("-299.50"));
    assert_eq!(v(&c, "may-2016", "net:diff_annual"), d("-363.10"));
    // The NI rates are secondary [S], the weakest marker used.
    let net = c.columns[4].figure("net:annual").unwrap();
    assert_eq!(net.marker, Some(Marker::Secondary));
}

#[test]
fn scottish_residents_and_student_loans() {
    let c = with(TakeHome {
        residence: Residence::Scotland,
        loans: vec![LoanPlan::Plan2],
        ..TakeHome::default()
    });
    // 2016/17 has no Scottish table (the reference has none before 2024/25):
    // the rest-of-UK rates, said in the notes.
    assert_eq!(v(&c, "may-2016", "net:income_tax"), d("5112.76"));
    let notes = &c.columns[4].take_home.as_ref().unwrap().notes;
    assert!(notes.iter().any(|n| n.contains("Scottish")), "{notes:?}");
    // Plan 2 from 21,000: 9% × (39,400.30 − 21,000) = 1,656.027 → 1,656.03.
    assert_eq!(v(&c, "may-2016", "net:loan:plan2"), d("1656.03"));
    assert_eq!(v(&c, "may-2016", "net:annual"), d("26034.17"));
    // A further pound of premium pay also pays 9p of loan: 1 − 0.2 − 0.12 − 0.09.
    assert_eq!(v(&c, "may-2016", "net:keep:other"), d("0.59"));
}

#[test]
fn each_column_is_taxed_in_the_year_of_its_pay_date() {
    let mut s = default_scenario();
    // The May 2016 terms paid on 1 May 2018: tax year 2018/19, which is not
    // shipped — said, not guessed.
    s.columns[4].pay_date = Some(Date::new(2018, 5, 1).unwrap());
    // The 2002 contract paid on 1 May 2024: tax year 2024/25 (tiers on actual
    // pay, 8% NI), while the other columns stay in 2016/17.
    s.columns[0].pay_date = Some(Date::new(2024, 5, 1).unwrap());
    let c = compare(&s, offer_compare::reference()).unwrap();
    let year = |i: usize| c.columns[i].take_home.as_ref().unwrap().tax_year.clone();
    assert_eq!(year(0).as_deref(), Some("2024-25"));
    assert_eq!(year(1).as_deref(), Some("2016-17"));
    assert_eq!(year(4), None);
    let t = c.columns[4].take_home.as_ref().unwrap();
    assert!(t.figures.is_empty());
    assert!(
        t.notes[0].contains("no tax year containing the pay date 2018-05-01"),
        "{:?}",
        t.notes
    );
    // 2024/25 NI: 8% × (gross − 12,570).
    let gross = c.columns[0].gross_annual();
    assert_eq!(
        v(&c, "contract-2002", "net:ni"),
        ((gross - d("12570")) * d("0.08"))
            .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
    );
    // No net for the May 2016 column, so no net difference either.
    assert_eq!(value(&c, "may-2016", "net:diff_annual"), None);
    assert!(value(&c, "nov-2015", "net:diff_annual").is_some());
}

#[test]
fn non_members_pay_no_pension_and_keep_more() {
    let c = with(TakeHome {
        pension_member: false,
        ..TakeHome::default()
    });
    assert_eq!(value(&c, "contract-2002", "net:pension"), None);
    // Tax 20% × (39,699.80 − 11,000) = 5,739.96; NI as a member (no rebate
    // after April 2016): 3,796.78; net 39,699.80 − 5,739.96 − 3,796.78 = 30,163.06.
    assert_eq!(v(&c, "contract-2002", "net:income_tax"), d("5739.96"));
    assert_eq!(v(&c, "contract-2002", "net:annual"), d("30163.06"));
    assert_eq!(v(&c, "contract-2002", "net:keep:pensionable"), d("0.68"));
}

#[test]
fn pensionable_lines_can_be_named() {
    // Treat the banding as pensionable too: 39,699.80 × 9.3% = 3,692.0814 → 3,692.08.
    let c = with(TakeHome {
        pensionable: Some(vec!["basic".into(), "banding".into()]),
        ..TakeHome::default()
    });
    assert_eq!(v(&c, "contract-2002", "net:pensionable"), d("39699.80"));
    assert_eq!(v(&c, "contract-2002", "net:pension"), d("3692.08"));
    // No line is non-pensionable now: no "kept of non-pensionable" row.
    assert_eq!(value(&c, "contract-2002", "net:keep:other"), None);
}

#[test]
fn an_ltft_doctor_pays_the_whole_time_equivalent_tier() {
    // At 60%: the 2002 basic pro rata 28,357 × 0.6 = 17,014.20, but before
    // Oct 2022 the tier goes by whole-time-equivalent pay (17,014.20 ÷ 0.6 =
    // 28,357.00 → 9.3%), not by the 5.6% tier actual pay would fall in.
    let mut s = default_scenario();
    s.doctor.ltft = Fraction::from_decimal(d("0.6"));
    s.take_home = Some(TakeHome::default());
    let c = compare(&s, offer_compare::reference()).unwrap();
    // Additional hours up to 40 a week are pensionable for a part-time doctor
    // under the 2016 TCS: not modelled, and said so on the columns that have them.
    let said = |i: usize| {
        c.columns[i]
            .take_home
            .as_ref()
            .unwrap()
            .notes
            .iter()
            .any(|n| n.contains("hours up to 40 a week"))
    };
    assert!(said(4), "the May 2016 column pays additional hours");
    assert!(!said(0), "the 2002 column has no additional hours line");
    let pensionable = v(&c, "contract-2002", "net:pensionable");
    let pension = v(&c, "contract-2002", "net:pension");
    assert_eq!(
        pension,
        (pensionable * d("0.093"))
            .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
    );
}

#[test]
fn settings_travel_with_the_scenario() {
    let mut s = default_scenario();
    s.take_home = Some(TakeHome {
        residence: Residence::Scotland,
        loans: vec![LoanPlan::Plan1, LoanPlan::Postgraduate],
        pension_member: false,
        pensionable: Some(vec!["basic".into()]),
        real_terms: Some(RealTerms {
            measure: Measure::Rpi,
            basis: IndexBasis::April,
            year: 2020,
            values: vec![UserIndex {
                year: 2016,
                value: d("261.5"),
            }],
        }),
    });
    let json = scenario_to_json(&s);
    let section =
        |json: &str| serde_json::from_str::<serde_json::Value>(json).unwrap()["take_home"].clone();
    assert_eq!(
        section(&json),
        serde_json::json!({"residence": "scotland", "loans": ["plan1", "postgraduate"],
            "pension_member": false, "pensionable": ["basic"],
            "real_terms": {"measure": "rpi", "basis": "april", "year": 2020,
                "values": [{"year": 2016, "value": "261.5"}]}})
    );
    assert_eq!(scenario_from_json(&json).unwrap(), s);
    // Defaults are written as an empty section.
    s.take_home = Some(TakeHome::default());
    assert_eq!(section(&scenario_to_json(&s)), serde_json::json!({}));
    // Without the section there are no take-home figures at all.
    s.take_home = None;
    let c = compare(&s, offer_compare::reference()).unwrap();
    assert!(c.columns.iter().all(|c| c.take_home.is_none()));
    assert_eq!(value(&c, "may-2016", "net:annual"), None);
}

#[test]
fn bad_settings_are_located() {
    let text = crate::common::STRIKE_2016.replace(
        r#""take_home": {}"#,
        r#""take_home": {"loans": ["plan2", "plan2"]}"#,
    );
    let s = scenario_from_json(&text).unwrap();
    match compare(&s, offer_compare::reference()) {
        Err(CompareError::Invalid(issues)) => {
            assert_eq!(issues[0].path, "take_home.loans[1]");
            assert!(issues[0].message.contains("listed twice"));
        }
        other => panic!("{other:?}"),
    }
    let unknown = crate::common::STRIKE_2016
        .replace(r#""take_home": {}"#, r#""take_home": {"loans": ["plan3"]}"#);
    let e = scenario_from_json(&unknown).unwrap_err();
    assert_eq!(e.path, "take_home.loans[0]");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// For any settings and any LTFT share: net ≤ gross, net = gross less the
    /// deduction lines, and what is kept of a pound is between 0 and 1.
    #[test]
    fn net_adds_up(scotland in any::<bool>(), member in any::<bool>(),
                   loans in proptest::sample::subsequence(LoanPlan::ALL.to_vec(), 0..=5),
                   ltft in 20u32..=100) {
        let mut s = default_scenario();
        s.doctor.ltft = Fraction::from_decimal(rust_decimal::Decimal::new(ltft.into(), 2));
        s.take_home = Some(TakeHome {
            residence: if scotland { Residence::Scotland } else { Residence::RestOfUk },
            loans,
            pension_member: member,
            pensionable: None,
            real_terms: None,
        });
        let c = compare(&s, offer_compare::reference()).unwrap();
        for column in &c.columns {
            let gross = column.gross_annual();
            let net = column.figure("net:annual").unwrap().value;
            prop_assert!(net <= gross);
            let deducted: rust_decimal::Decimal = ["net:pension", "net:income_tax", "net:ni"]
                .iter()
                .filter_map(|id| column.figure(id).map(|f| f.value))
                .chain(column.figures().filter(|f| f.id.starts_with("net:loan:")).map(|f| f.value))
                .sum();
            prop_assert_eq!(gross - deducted, net);
            for id in ["net:keep:pensionable", "net:keep:other"] {
                if let Some(f) = column.figure(id) {
                    prop_assert!(f.value >= d("0") && f.value <= d("1"), "{} {}", id, f.value);
                }
            }
        }
    }
}

fn real(measure: Measure, basis: IndexBasis, year: u16, values: Vec<UserIndex>) -> Comparison {
    with(TakeHome {
        real_terms: Some(RealTerms {
            measure,
            basis,
            year,
            values,
        }),
        ..TakeHome::default()
    })
}

#[test]
fn gross_and_net_in_one_years_money() {
    // The May 2016 column, paid in 2016, in 2022 money by CPI annual averages
    // (2016: 100.7, 2022: 121.7 [V]): 39,400.30 × 121.7 ÷ 100.7 = 47,616.848… →
    // 47,616.85; net 27,690.20 × 121.7 ÷ 100.7 = 33,464.719… → 33,464.72.
    let c = real(Measure::Cpi, IndexBasis::AnnualAverage, 2022, vec![]);
    assert_eq!(v(&c, "may-2016", "net:real_gross"), d("47616.85"));
    assert_eq!(v(&c, "may-2016", "net:real_net"), d("33464.72"));
    let f = c.columns[4].figure("net:real_gross").unwrap();
    assert_eq!(f.label, "Gross pay per year, in 2022 money");
    assert!(f.explanation.rule.contains("CPI"), "{}", f.explanation.rule);
    assert_eq!(f.marker, None);
    // CPI April 2025 is shipped verified (138.2 [V], ONS D7BT): the figure is not marked.
    // 39,400.30 × 138.2 ÷ 100.2 (April 2016) = 54,342.526… → 54,342.53.
    let c = real(Measure::Cpi, IndexBasis::April, 2025, vec![]);
    assert_eq!(v(&c, "may-2016", "net:real_gross"), d("54342.53"));
    assert_eq!(c.columns[4].figure("net:real_gross").unwrap().marker, None);
    // CPIH April 2025 is shipped secondary (137.7 [S]): the figure is marked.
    // 39,400.30 × 137.7 ÷ 100.6 (April 2016) = 53,930.629… → 53,930.63.
    let c = real(Measure::Cpih, IndexBasis::April, 2025, vec![]);
    assert_eq!(v(&c, "may-2016", "net:real_gross"), d("53930.63"));
    assert_eq!(
        c.columns[4].figure("net:real_gross").unwrap().marker,
        Some(Marker::Assumed)
    );
}

#[test]
fn a_missing_index_is_said_and_can_be_entered() {
    // No CPI annual average for 2026 is shipped: no figure, a note saying what to enter.
    let c = real(Measure::Cpi, IndexBasis::AnnualAverage, 2026, vec![]);
    assert_eq!(value(&c, "may-2016", "net:real_gross"), None);
    let notes = &c.columns[4].take_home.as_ref().unwrap().notes;
    assert!(
        notes
            .iter()
            .any(|n| n.contains("No CPI annual average for 2026")),
        "{notes:?}"
    );
    // Entered by the user (140): 39,400.30 × 140 ÷ 100.7 = 54,776.979… → 54,776.98.
    let c = real(
        Measure::Cpi,
        IndexBasis::AnnualAverage,
        2026,
        vec![UserIndex {
            year: 2026,
            value: d("140"),
        }],
    );
    assert_eq!(v(&c, "may-2016", "net:real_gross"), d("54776.98"));
    let f = c.columns[4].figure("net:real_gross").unwrap();
    assert!(
        f.explanation.source.contains("entered by you"),
        "{}",
        f.explanation.source
    );
    // A zero index is refused where it was typed.
    let mut s = default_scenario();
    s.take_home = Some(TakeHome {
        real_terms: Some(RealTerms {
            measure: Measure::Cpi,
            basis: IndexBasis::AnnualAverage,
            year: 2026,
            values: vec![UserIndex {
                year: 2026,
                value: d("0"),
            }],
        }),
        ..TakeHome::default()
    });
    match compare(&s, offer_compare::reference()) {
        Err(CompareError::Invalid(issues)) => {
            assert_eq!(issues[0].path, "take_home.real_terms.values[0].value")
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn exported_results_say_the_settings_and_each_tax_year() {
    let mut s = default_scenario();
    s.take_home = Some(TakeHome {
        residence: Residence::Scotland,
        loans: vec![LoanPlan::Plan2],
        real_terms: Some(RealTerms {
            measure: Measure::Cpi,
            basis: IndexBasis::AnnualAverage,
            year: 2022,
            values: vec![],
        }),
        ..TakeHome::default()
    });
    // The May 2016 terms paid in 2018/19, a tax year not shipped.
    s.columns[4].pay_date = Some(Date::new(2018, 5, 1).unwrap());
    let c = compare(&s, offer_compare::reference()).unwrap();
    let csv = offer_compare::codec::csv::results_to_csv(&s, &c);
    assert!(
        csv.contains(
            "# take-home,\"Scottish income tax; NHS Pension member; Student loan plan 2; \
             pensionable: the contracts' rule; real terms: CPI annual average, 2022 money\"\r\n"
        ),
        "{csv}"
    );
    assert!(csv.contains("# tax year,nov-2015,2016-17\r\n"), "{csv}");
    assert!(
        csv.contains("# tax year,may-2016,none shipped\r\n"),
        "{csv}"
    );
}

#[test]
fn then_and_now_in_april_2016_money() {
    // examples/then-and-now.json: the May 2016 terms paid Aug 2016 against
    // today's paid Aug 2025 (tax year 2025/26), in April 2016 money by CPI.
    let s = scenario_from_json(include_str!("../../examples/then-and-now.json")).unwrap();
    let c = compare(&s, offer_compare::reference()).unwrap();
    let year = |i: usize| c.columns[i].take_home.as_ref().unwrap().tax_year.clone();
    assert_eq!(year(0).as_deref(), Some("2016-17"));
    assert_eq!(year(1).as_deref(), Some("2025-26"));
    // Today's gross £57,406.24 × CPI April 2016 (100.2 [V]) ÷ CPI April 2025
    // (138.2 [V], ONS D7BT) = 41,621.597… → £41,621.60, not marked.
    let today = v(&c, "today", "gross_annual");
    assert_eq!(today, d("57406.24"));
    assert_eq!(v(&c, "today", "net:real_gross"), d("41621.60"));
    let f = c.columns[1].figure("net:real_gross").unwrap();
    assert_eq!(f.marker, None);
    assert!(f.explanation.notes.is_empty(), "{:?}", f.explanation.notes);
    // The 2016 column is already in 2016 money.
    assert_eq!(v(&c, "may-2016", "net:real_gross"), d("39400.30"));
    // The command line prints the same.
    let out = offer_compare::cli::run(&["examples/then-and-now.json".to_string()]).unwrap();
    assert!(
        out.contains("£41,621.60") && !out.contains("£41,621.60 [?]"),
        "{out}"
    );
}
