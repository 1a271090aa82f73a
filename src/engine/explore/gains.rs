//! Who gains, who loses: every column's offer over a set of rotas, each
//! change measured against the baseline column on the same rota.

use super::evaluate::Cell;
use super::rota_edit::{nights, set_nights, set_weekends, worked_weekends};
use crate::engine::compare::{compare, CompareError};
use crate::engine::model::offer::Grade;
use crate::engine::model::rota::Rota;
use crate::engine::model::scenario::Scenario;
use crate::engine::model::validate::validate;
use crate::engine::num::fraction::Fraction;
use crate::engine::num::rounding::Rounding;
use crate::engine::num::sort::sort_by_key;
use crate::engine::reference::Reference;
use rust_decimal::Decimal;

/// One rota of the set, with the doctor's LTFT fraction for it and a weight.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Case {
    /// What it is ("preset fy1-ward@1, +1 weekend").
    pub label: String,
    /// The rota.
    pub rota: Rota,
    /// The doctor's LTFT fraction; the scenario's when absent.
    pub ltft: Option<Fraction>,
    /// The doctor's grade; the scenario's when absent.
    pub grade: Option<Grade>,
    /// How many doctors it stands for (relative; 1 each by default).
    pub weight: Decimal,
}

/// The grades of the standard set: the first year of each stage of training.
pub const GRADES: [Grade; 5] = [Grade::FY1, Grade::FY2, Grade::CT1, Grade::ST3, Grade::ST6];

/// The standard set: the scenario's rotas and the reference's standard rotas
/// (every rota preset, for the shipped reference), each as
/// written, with one weekend more and one fewer, one night more and one fewer
/// (each only where the change is possible — see [`super::rota_edit`]), and at
/// LTFT 60% and 80% — each of those at every grade of [`GRADES`] (the
/// scenario's own grade unlabelled); every case weighs 1.
pub fn standard_cases(scenario: &Scenario, reference: &Reference) -> Vec<Case> {
    let mut cases = Vec::new();
    for case in rota_cases(scenario, reference) {
        for grade in GRADES {
            let label = match grade == scenario.doctor.grade {
                true => case.label.clone(),
                false => format!("{}, {grade:?}", case.label),
            };
            cases.push(Case {
                label,
                grade: Some(grade),
                ..case.clone()
            });
        }
    }
    cases
}

/// The rotas of the standard set, at the scenario's grade.
fn rota_cases(scenario: &Scenario, reference: &Reference) -> Vec<Case> {
    let bases = (scenario
        .rotas
        .iter()
        .map(|r| (format!("scenario rota {}", r.id), r)))
    .chain(
        reference
            .standard_rotas
            .iter()
            .map(|p| (format!("preset {}", p.key), &p.rota)),
    );
    let mut cases = Vec::new();
    for (name, rota) in bases {
        let case = |label: String, rota: Rota, ltft| Case {
            label,
            rota,
            ltft,
            grade: None,
            weight: Decimal::ONE,
        };
        cases.push(case(name.clone(), rota.clone(), None));
        let weekends = worked_weekends(rota).len();
        let nights = nights(rota).len();
        let one_more = |n: usize| Decimal::from(n.saturating_add(1));
        // One fewer than none is left out (`None`), as is a change with no room.
        let one_less = |n: usize| n.checked_sub(1).map(Decimal::from);
        let variations = [
            ("+1 weekend", Some(one_more(weekends)), set_weekends as Edit),
            ("-1 weekend", one_less(weekends), set_weekends),
            ("+1 night", Some(one_more(nights)), set_nights),
            ("-1 night", one_less(nights), set_nights),
        ];
        for (what, x, edit) in variations {
            if let Some(Ok(edited)) = x.map(|x| edit(rota, x)) {
                cases.push(case(format!("{name}, {what}"), edited, None));
            }
        }
        for percent in [60, 80] {
            let ltft = Fraction::from_ints(percent, 100);
            cases.push(case(format!("{name}, LTFT {percent}%"), rota.clone(), ltft));
        }
    }
    cases
}

type Edit = fn(&Rota, Decimal) -> Result<Rota, String>;

/// A share of the weight (0–1) as the page and the command line print it:
/// a percentage to one place (`33.3%`, `50%`).
pub fn share_text(share: Decimal) -> String {
    let p = share.checked_mul(Decimal::ONE_HUNDRED).unwrap_or_default();
    format!("{}%", p.round_dp(1).normalize())
}

/// One column's changes over the set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnGains {
    /// The largest change (gross minus the baseline's), £, and its case.
    pub best: (Decimal, usize),
    /// The weighted median change, £.
    pub median: Decimal,
    /// The smallest change, £, and its case.
    pub worst: (Decimal, usize),
    /// Share of the weight better off (0–1).
    pub better: Decimal,
    /// Share of the weight worse off (0–1).
    pub worse: Decimal,
    /// Cases in which the column breaches a limit of its offer.
    pub breaching: Vec<usize>,
    /// The employer's pay bill for the set: each case's gross pay × its
    /// weight (doctors), summed, to the penny. Gross pay only: employer's
    /// NI and pension contributions are not included.
    pub pay_bill: Decimal,
}

/// The result over a set of cases.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gains {
    /// The baseline column's position.
    pub baseline: usize,
    /// Column ids.
    pub columns: Vec<String>,
    /// The cases computed, and each column there.
    pub cases: Vec<(Case, Vec<Cell>)>,
    /// Cases the scenario's offers cannot compute (label, why): listed, not hidden.
    pub failed: Vec<(String, String)>,
    /// Per column, its distribution of change against the baseline.
    pub summary: Vec<ColumnGains>,
}

/// Runs every column of `scenario` over each case's rota (every column on
/// that rota, the doctor at the case's LTFT) and sets each against the
/// baseline column on the same rota.
///
/// A scenario that does not validate is refused with the plain comparison's
/// message: each case replaces the rotas, so a column naming a rota that does
/// not exist would otherwise be computed on the case's rota and give figures
/// for a comparison that cannot be made.
pub fn gains(scenario: &Scenario, reference: &Reference, cases: &[Case]) -> Result<Gains, String> {
    let issues = validate(scenario);
    if !issues.is_empty() {
        return Err(CompareError::Invalid(issues).to_string());
    }
    let baseline = baseline_of(scenario)
        .ok_or("the scenario has no baseline column to measure change against")?;
    let mut work = scenario.clone();
    // Gains compare gross pay; take-home would only cost time here.
    work.take_home = None;
    let id = "explored".to_string();
    for column in &mut work.columns {
        column.rota = id.clone();
    }
    let mut computed = Vec::new();
    let mut failed = Vec::new();
    for case in cases {
        let mut rota = case.rota.clone();
        rota.id = id.clone();
        work.rotas = vec![rota];
        work.doctor.ltft = case.ltft.unwrap_or(scenario.doctor.ltft);
        work.doctor.grade = case.grade.unwrap_or(scenario.doctor.grade);
        match compare(&work, reference) {
            Ok(result) => {
                computed.push((case.clone(), result.columns.iter().map(Cell::of).collect()))
            }
            Err(e) => failed.push((case.label.clone(), e.to_string())),
        }
    }
    let summary = (0..scenario.columns.len())
        .map(|i| summarise(&computed, i, baseline))
        .collect::<Option<_>>()
        .ok_or("no case could be computed, or the weights do not add up")?;
    Ok(Gains {
        baseline,
        columns: scenario.columns.iter().map(|c| c.id.clone()).collect(),
        cases: computed,
        failed,
        summary,
    })
}

fn baseline_of(scenario: &Scenario) -> Option<usize> {
    let id = scenario.baseline.as_ref()?;
    scenario.columns.iter().position(|c| c.id == *id)
}

impl Gains {
    /// Column `k`'s pay bill against the baseline's, in per cent to 0.01
    /// (the "cost-neutral" question); `None` for a zero baseline bill.
    pub fn pay_bill_change(&self, k: usize) -> Option<Decimal> {
        let ours = self.summary.get(k)?.pay_bill;
        let theirs = self.summary.get(self.baseline)?.pay_bill;
        let change = ours
            .checked_sub(theirs)?
            .checked_mul(Decimal::ONE_HUNDRED)?;
        Some(Rounding::Hundredths.apply(change.checked_div(theirs)?))
    }

    /// Column `k`'s gross minus the baseline's, in one case's cells.
    pub fn change(&self, cells: &[Cell], k: usize) -> Option<Decimal> {
        cells
            .get(k)?
            .gross
            .checked_sub(cells.get(self.baseline)?.gross)
    }
}

fn summarise(cases: &[(Case, Vec<Cell>)], column: usize, baseline: usize) -> Option<ColumnGains> {
    let mut changes: Vec<(Decimal, usize)> = Vec::with_capacity(cases.len());
    for (k, (_, cells)) in cases.iter().enumerate() {
        changes.push((cells[column].gross.checked_sub(cells[baseline].gross)?, k));
    }
    sort_by_key(&mut changes, |c| c.0);
    let total = cases
        .iter()
        .try_fold(Decimal::ZERO, |t, (c, _)| t.checked_add(c.weight))?;
    let share = |keep: &dyn Fn(Decimal) -> bool| {
        let part = changes
            .iter()
            .filter(|(d, _)| keep(*d))
            .try_fold(Decimal::ZERO, |t, (_, k)| t.checked_add(cases[*k].0.weight))?;
        part.checked_div(total)
    };
    // The weighted median: the first change at which half the weight is reached.
    let half = total.checked_div(Decimal::TWO)?;
    let mut seen = Decimal::ZERO;
    let median = changes.iter().find_map(|(d, k)| {
        seen = seen.checked_add(cases[*k].0.weight)?;
        (seen >= half).then_some(*d)
    })?;
    Some(ColumnGains {
        best: *changes.last()?,
        median,
        worst: *changes.first()?,
        better: share(&|d| d > Decimal::ZERO)?,
        worse: share(&|d| d < Decimal::ZERO)?,
        breaching: (0..cases.len())
            .filter(|&k| cases[k].1[column].breach)
            .collect(),
        pay_bill: Rounding::Pennies.apply(
            cases.iter().try_fold(Decimal::ZERO, |t, (c, cells)| {
                t.checked_add(cells[column].gross.checked_mul(c.weight)?)
            })?,
        ),
    })
}
