//! Runs every column of a scenario and sets each against the baseline.

use crate::engine::explain::figure::{ComputeError, Figure, FigureKind};
use crate::engine::explain::{Calculation, Explanation, Factor, Op, Term, Unit};
use crate::engine::model::offer::{Band, Offer, RestDefinitions, RotaType};
use crate::engine::model::rota::Rota;
use crate::engine::model::scenario::{Column, Issue, Protection, ProtectionSection, Scenario};
use crate::engine::model::validate::validate;
use crate::engine::net::take_home::{column_take_home, ColumnTakeHome, Detail, GrossPay};
use crate::engine::num::date::Date;
use crate::engine::num::fraction::Fraction;
use crate::engine::num::rounding::Rounding;
use crate::engine::pay::banded_lines::ProtectedPay;
use crate::engine::pay::banding::{decide, suggest_rota_type, BandDecision};
use crate::engine::pay::column::{column_pay, protected_lines, ColumnPay, PayOptions};
use crate::engine::reference::Reference;
use crate::engine::rest::limits::{check_limits, working_time_regulations, LimitCheck};
use crate::engine::rest::{metrics, Metric, RestFacts};
use rust_decimal::Decimal;
use serde::Serialize;
use std::rc::Rc;

/// The result for one column.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ColumnResult {
    /// Column id.
    pub id: String,
    /// Offer id.
    pub offer_id: String,
    /// Offer version.
    pub offer_version: u32,
    /// Offer name.
    pub offer_name: String,
    /// Rota id.
    pub rota_id: String,
    /// Pay date used.
    pub pay_date: Date,
    /// Pay, line by line.
    pub pay: ColumnPay,
    /// Differences from the baseline (empty for the baseline itself).
    pub differences: Vec<Figure>,
    /// Rest metrics and limit checks.
    pub rest: RestResult,
    /// Take-home pay, when the scenario asks for it.
    pub take_home: Option<ColumnTakeHome>,
}

/// How a column's rota treats the doctor's time under that offer's rules.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RestResult {
    /// Rest metrics, with the offer's definitions (shared by columns with the
    /// same rota and definitions).
    pub metrics: Rc<[Metric]>,
    /// The offer's limits (and the Working Time Regulations, when asked), checked.
    pub checks: Vec<LimitCheck>,
}

impl ColumnResult {
    /// Every figure of the column: lines, totals, differences.
    pub fn figures(&self) -> impl Iterator<Item = &Figure> {
        self.pay
            .lines
            .iter()
            .chain(&self.pay.totals)
            .chain(&self.differences)
            .chain(self.take_home.iter().flat_map(|t| &t.figures))
    }

    /// A figure by id.
    pub fn figure(&self, id: &str) -> Option<&Figure> {
        self.figures().find(|f| f.id == id)
    }

    /// The figure of a row: same id and label.
    pub fn figure_in_row(&self, id: &str, label: &str) -> Option<&Figure> {
        self.figures().find(|f| f.id == id && f.label == label)
    }

    /// A rest metric by id.
    pub fn metric(&self, id: &str) -> Option<&Metric> {
        self.rest.metrics.iter().find(|m| m.id == id)
    }

    /// Gross annual pay.
    pub fn gross_annual(&self) -> Decimal {
        self.figure("gross_annual")
            .map(|f| f.value)
            .unwrap_or_default()
    }
}

/// Rest facts and metrics depend only on the rota and the offer's definitions,
/// so columns sharing both share one computation.
#[derive(Default)]
struct RestCache<'a> {
    entries: Vec<(&'a str, &'a RestDefinitions, RestFacts, Rc<[Metric]>)>,
}

impl<'a> RestCache<'a> {
    /// Rest metrics and limit checks of a rota under an offer, and the 2002 band
    /// when the offer is banded (band 3 follows from its New Deal checks).
    fn evaluate(
        &mut self,
        scenario: &Scenario,
        offer: &'a Offer,
        rota: &'a Rota,
        rota_type: Option<RotaType>,
        band_override: Option<Band>,
    ) -> (RestResult, Option<BandDecision>) {
        let rest = &offer.terms.rest;
        let index = match self
            .entries
            .iter()
            .position(|(id, defs, _, _)| *id == rota.id && **defs == rest.definitions)
        {
            Some(i) => i,
            None => {
                let facts = RestFacts::new(rota, &rest.definitions);
                let metrics: Rc<[Metric]> = metrics(&facts, &rest.definitions).into();
                self.entries
                    .push((&rota.id, &rest.definitions, facts, metrics));
                self.entries.len() - 1
            }
        };
        let (_, _, facts, metrics) = &self.entries[index];
        let mut limits = rest.limits.clone();
        if scenario.working_time_regulations {
            limits.extend(working_time_regulations());
        }
        let chosen = rota_type.unwrap_or_else(|| suggest_rota_type(rota));
        let checks = check_limits(facts, &rest.definitions, &limits, chosen);
        let band = offer.terms.banding.as_ref().map(|banding| {
            decide(
                banding,
                rota,
                facts,
                &checks,
                rest.definitions.weekend,
                rota_type,
                band_override,
            )
        });
        let result = RestResult {
            metrics: Rc::clone(metrics),
            checks,
        };
        (result, band)
    }

    /// What pay protection guarantees a column: its rota under the 2002 offer,
    /// at the post's 2015 band (never band 3).
    fn protected_pay(
        &mut self,
        scenario: &'a Scenario,
        column: &Column,
        protection: &Protection,
        rota: &'a Rota,
    ) -> Result<ProtectedPay, ComputeError> {
        let missing = || ComputeError {
            figure: format!(
                "column '{}': protection offer '{}'",
                column.id, protection.offer
            ),
        };
        let offer = scenario.offer(&protection.offer).ok_or_else(missing)?;
        let banding = offer.terms.banding.as_ref().ok_or_else(missing)?;
        let (_, band) = self.evaluate(
            scenario,
            offer,
            rota,
            column.rota_type,
            protection.band_2015,
        );
        let mut band = band.ok_or_else(missing)?;
        if band.band == Band::B3 {
            band.reason = format!(
                "{}; protection never uses band 3, so band {} is protected [?]",
                band.reason,
                banding.band3_protected_as.name()
            );
            band.band = banding.band3_protected_as;
        }
        let date = match protection.section {
            ProtectionSection::CashFloor => protection.day_before,
            ProtectionSection::StayOn2002 => scenario.pay_date_of(column),
        };
        Ok(ProtectedPay {
            section: protection.section,
            lines: protected_lines(scenario, column, offer, rota, date, &band)?,
            offer_name: offer.name.clone(),
        })
    }
}

/// A column's heading: the offer's name and, when the scenario shows a doctor
/// in post (a column with 2002 pay protection), which doctor each new-contract
/// column is — the two sides of the 2016 dispute argued from these figures.
fn column_title(scenario: &Scenario, column: &Column, offer: &Offer) -> String {
    let shows_in_post = scenario.columns.iter().any(|c| c.protection.is_some());
    match &column.protection {
        Some(_) => format!("{} — {IN_POST}", offer.name),
        None if shows_in_post && offer.terms.banding.is_none() => {
            format!("{} — {NEW_ENTRANT}", offer.name)
        }
        None => offer.name.clone(),
    }
}

/// Which doctor a new-contract column is, as its heading ends.
pub const NEW_ENTRANT: &str = "new entrant";
/// Which doctor a column with 2002 pay protection is, as its heading ends.
pub const IN_POST: &str = "doctor in post (2002 pay protection)";

/// A column heading split into the offer's name and which doctor the column
/// is (when it says), so a narrow screen can show the second in full.
pub fn split_role(title: &str) -> (&str, Option<&str>) {
    match title.rsplit_once(" — ") {
        Some((name, role)) if role == NEW_ENTRANT || role == IN_POST => (name, Some(role)),
        _ => (title, None),
    }
}

/// The whole comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// One result per column, in order.
    pub columns: Vec<ColumnResult>,
    /// The baseline column's id.
    pub baseline: Option<String>,
    /// Ids of the column(s) with the highest gross annual pay.
    pub best_paid: Vec<String>,
}

impl Comparison {
    /// Every figure row of the comparison, as (id, label): pay lines, then
    /// totals, then differences, each in the order the columns first show them.
    /// Figures with the same id but different labels (a night window from 21:00
    /// in one offer, 22:00 in another) get rows of their own: different terms
    /// are never shown as one.
    pub fn figure_rows(&self) -> Vec<(&str, &str)> {
        let mut rows: Vec<(&str, &str)> = Vec::new();
        for kind in [
            FigureKind::PayLine,
            FigureKind::Total,
            FigureKind::RotaFact,
            FigureKind::Difference,
            FigureKind::TakeHome,
        ] {
            for f in self
                .columns
                .iter()
                .flat_map(|c| c.figures())
                .filter(|f| f.kind == kind)
            {
                if !rows
                    .iter()
                    .any(|(id, label)| *id == f.id && *label == f.label)
                {
                    rows.push((&f.id, &f.label));
                }
            }
        }
        rows
    }

    /// The ids of the offers in the columns, each once, in column order.
    pub fn offer_ids(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = Vec::new();
        for c in &self.columns {
            if !ids.contains(&c.offer_id.as_str()) {
                ids.push(&c.offer_id);
            }
        }
        ids
    }

    /// Every rest-metric row, as (id, label), in first-seen order.
    pub fn metric_rows(&self) -> Vec<(&str, &str)> {
        let mut rows: Vec<(&str, &str)> = Vec::new();
        for m in self.columns.iter().flat_map(|c| c.rest.metrics.iter()) {
            if !rows.iter().any(|(id, _)| *id == m.id) {
                rows.push((&m.id, &m.label));
            }
        }
        rows
    }
}

/// Why a scenario gave no comparison.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum CompareError {
    /// The input has problems; each is located.
    Invalid(Vec<Issue>),
    /// A figure could not be computed.
    Compute(ComputeError),
}

/// The problems on one line, separated by `; ` (each located), or the figure
/// that could not be computed: how the explorer and the command line say it.
impl std::fmt::Display for CompareError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CompareError::Invalid(issues) => {
                for (i, issue) in issues.iter().enumerate() {
                    if i > 0 {
                        f.write_str("; ")?;
                    }
                    write!(f, "{issue}")?;
                }
                Ok(())
            }
            CompareError::Compute(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for CompareError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            CompareError::Invalid(_) => None,
            CompareError::Compute(e) => Some(e),
        }
    }
}

impl From<ComputeError> for CompareError {
    fn from(e: ComputeError) -> Self {
        CompareError::Compute(e)
    }
}

/// Validates and computes the comparison, reading tax years and price
/// indices from `reference`. Deterministic and pure.
pub fn compare(scenario: &Scenario, reference: &Reference) -> Result<Comparison, CompareError> {
    compare_with(scenario, reference, Detail::Full)
}

/// [`compare`], with only as much of take-home pay as `detail` asks for.
pub fn compare_with(
    scenario: &Scenario,
    reference: &Reference,
    detail: Detail,
) -> Result<Comparison, CompareError> {
    let issues = validate(scenario);
    if !issues.is_empty() {
        return Err(CompareError::Invalid(issues));
    }
    let mut columns = Vec::with_capacity(scenario.columns.len());
    let mut rest_cache = RestCache::default();
    for column in &scenario.columns {
        let missing = |what: &str| ComputeError {
            figure: format!("column '{}': {what}", column.id),
        };
        let offer = scenario
            .offer(&column.offer)
            .ok_or_else(|| missing("offer"))?;
        let rota = scenario.rota(&column.rota).ok_or_else(|| missing("rota"))?;
        let (rest, band) = rest_cache.evaluate(
            scenario,
            offer,
            rota,
            column.rota_type,
            column.band_override,
        );
        let protected = match &column.protection {
            Some(p) => Some(rest_cache.protected_pay(scenario, column, p, rota)?),
            None => None,
        };
        let options = PayOptions {
            band: band.as_ref(),
            protection: protected.as_ref(),
        };
        columns.push(ColumnResult {
            id: column.id.clone(),
            offer_id: offer.id.clone(),
            offer_version: offer.version,
            offer_name: column_title(scenario, column, offer),
            rota_id: column.rota.clone(),
            pay_date: scenario.pay_date_of(column),
            pay: column_pay(scenario, column, offer, rota, options)?,
            differences: Vec::new(),
            rest,
            take_home: None,
        });
    }
    if let Some(settings) = &scenario.take_home {
        let tables = (reference.tax_years.as_slice(), &reference.price_indices);
        for column in &mut columns {
            let gross = GrossPay {
                pay_date: column.pay_date,
                pay: &column.pay,
            };
            column.take_home = Some(column_take_home(
                &gross,
                settings,
                scenario.doctor.ltft,
                tables,
                detail,
            ));
        }
    }
    let baseline = scenario.baseline.clone();
    net_differences(&mut columns, baseline.as_deref())?;
    let base = baseline
        .as_ref()
        .and_then(|id| columns.iter().find(|c| &c.id == id))
        .map(|c| (c.id.clone(), c.offer_name.clone(), c.gross_annual()));
    if let Some((base_id, base_name, base_gross)) = base {
        for column in columns.iter_mut().filter(|c| c.id != base_id) {
            column.differences = differences(column, &base_name, base_gross)?;
        }
    }
    let best = columns
        .iter()
        .map(ColumnResult::gross_annual)
        .max()
        .unwrap_or_default();
    let best_paid = columns
        .iter()
        .filter(|c| c.gross_annual() == best)
        .map(|c| c.id.clone())
        .collect();
    Ok(Comparison {
        columns,
        baseline,
        best_paid,
    })
}

fn differences(
    column: &ColumnResult,
    base_name: &str,
    theirs: Decimal,
) -> Result<Vec<Figure>, ComputeError> {
    let ours = column.gross_annual();
    let diff = difference(
        ("diff_annual", "Difference from the baseline, per year"),
        FigureKind::Difference,
        "Gross annual pay",
        (&format!("gross, {}", column.offer_name), ours),
        (&format!("gross, {base_name}"), theirs),
        base_name,
    )?;
    let mut out = vec![diff.clone()];
    if theirs > Decimal::ZERO {
        out.push(Figure::new(
            "diff_percent",
            "Difference from the baseline, %",
            FigureKind::Difference,
            Unit::Percent,
            Explanation {
                rule: "The difference as a percentage of the baseline's gross annual pay".into(),
                source: "arithmetic".into(),
                calculation: Calculation::Product {
                    factors: vec![
                        Factor {
                            op: Op::Times,
                            label: "difference per year".into(),
                            value: Fraction::from_decimal(diff.value),
                            unit: Unit::Pounds,
                        },
                        Factor {
                            op: Op::DividedBy,
                            label: "baseline gross per year".into(),
                            value: Fraction::from_decimal(theirs),
                            unit: Unit::Pounds,
                        },
                        Factor {
                            op: Op::Times,
                            label: "per cent".into(),
                            value: Fraction::from_decimal(Decimal::ONE_HUNDRED),
                            unit: Unit::Number,
                        },
                    ],
                },
                rounding: Rounding::Hundredths,
                notes: vec![],
            },
        )?);
    }
    Ok(out)
}

/// A column's figure less the baseline's, to the penny.
fn difference(
    (id, label): (&str, &str),
    kind: FigureKind,
    what: &str,
    (our_label, ours): (&str, Decimal),
    (their_label, theirs): (&str, Decimal),
    base_name: &str,
) -> Result<Figure, ComputeError> {
    Figure::new(
        id,
        label,
        kind,
        Unit::Pounds,
        Explanation {
            rule: format!("{what} minus that of the baseline ({base_name})"),
            source: "arithmetic".into(),
            calculation: Calculation::Sum {
                terms: vec![
                    Term {
                        label: our_label.into(),
                        value: ours,
                        negate: false,
                    },
                    Term {
                        label: their_label.into(),
                        value: theirs,
                        negate: true,
                    },
                ],
            },
            rounding: Rounding::Pennies,
            notes: vec![],
        },
    )
}

/// Each column's net pay less the baseline's, when both have one.
fn net_differences(
    columns: &mut [ColumnResult],
    baseline: Option<&str>,
) -> Result<(), ComputeError> {
    let net = |c: &ColumnResult| c.figure("net:annual").map(|f| f.value);
    let Some((base_id, base_name, theirs)) = columns
        .iter()
        .find(|c| Some(c.id.as_str()) == baseline)
        .and_then(|c| Some((c.id.clone(), c.offer_name.clone(), net(c)?)))
    else {
        return Ok(());
    };
    for column in columns.iter_mut().filter(|c| c.id != base_id) {
        let Some(ours) = net(column) else { continue };
        let marker = column.figure("net:annual").and_then(|f| f.marker);
        let mut figure = difference(
            (
                "net:diff_annual",
                "Net difference from the baseline, per year",
            ),
            FigureKind::TakeHome,
            "Net annual pay",
            (&format!("net, {}", column.offer_name), ours),
            (&format!("net, {base_name}"), theirs),
            &base_name,
        )?;
        figure.marker = marker;
        if let Some(t) = column.take_home.as_mut() {
            t.figures.push(figure);
        }
    }
    Ok(())
}
