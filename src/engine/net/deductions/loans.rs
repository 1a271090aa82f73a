//! Student loan repayments on gross earnings (as NI is; pension contributions
//! do not reduce them): plans 1, 2, 4 and 5 in any combination, and the
//! postgraduate loan on top.

use super::lines::{cite, factor, in_band, line, product, LineKind, NetLine};
use super::rules::{Loan, LoanPlan};
use crate::engine::explain::figure::ComputeError;
use crate::engine::explain::{format_pounds, Unit};
use crate::engine::num::sort::sort_by_key;
use rust_decimal::Decimal;

/// One `Deduction` line per selected plan that existed in the year (zero when
/// earnings are below its threshold), and a note for each that did not.
///
/// With several undergraduate plans the doctor repays once, at the lowest
/// threshold's rate: the plan with the lowest threshold takes the earnings up
/// to the next plan's threshold, the next plan the earnings above it (HMRC's
/// rule for plans 1 and 2; the same split is assumed for three or more [?]).
/// The postgraduate loan is repaid in addition.
pub(super) fn repayments(
    gross: Decimal,
    year: &[Loan],
    selected: &[LoanPlan],
    year_name: &str,
    notes: &mut Vec<String>,
) -> Result<Vec<NetLine>, ComputeError> {
    let mut undergraduate: Vec<&Loan> = Vec::new();
    let mut postgraduate: Option<&Loan> = None;
    for plan in LoanPlan::ALL {
        if !selected.contains(&plan) {
            continue;
        }
        match year.iter().find(|l| l.plan == plan) {
            None => notes.push(format!(
                "{}: nothing is deducted, none was due in this tax year ({year_name}): the plan \
                 did not exist or was not yet repaid",
                plan.label()
            )),
            Some(l) if plan == LoanPlan::Postgraduate => postgraduate = Some(l),
            Some(l) => undergraduate.push(l),
        }
    }
    sort_by_key(&mut undergraduate, |l| l.threshold.value);

    let mut out = Vec::new();
    for (i, loan) in undergraduate.iter().enumerate() {
        let next = undergraduate.get(i + 1);
        out.push(plan_line(gross, loan, next.copied())?);
    }
    if let Some(loan) = postgraduate {
        out.push(plan_line(gross, loan, None)?);
    }
    Ok(out)
}

/// One plan's repayment: its rate on earnings from its threshold up to the
/// next plan's threshold (`next`), or all above it.
fn plan_line(gross: Decimal, loan: &Loan, next: Option<&Loan>) -> Result<NetLine, ComputeError> {
    let id = format!("loan:{}", loan.plan.id());
    let upper = next.map(|n| n.threshold.value);
    let share = in_band(gross, loan.threshold.value, upper)
        .ok_or_else(|| ComputeError { figure: id.clone() })?;
    let mut cited = vec![("threshold", &loan.threshold), ("rate", &loan.rate)];
    if let Some(n) = next {
        cited.push(("next plan's threshold", &n.threshold));
    }
    let (marker, source) = cite(&cited);
    let range = match (upper, next) {
        (Some(u), Some(n)) => format!(
            "from {} to {} (above it {} takes the repayment)",
            format_pounds(loan.threshold.value),
            format_pounds(u),
            n.plan.label()
        ),
        _ => format!("above {}", format_pounds(loan.threshold.value)),
    };
    let e = product(
        &format!("{}: its rate on earnings {range}", loan.plan.label()),
        source,
        vec![
            factor(&format!("earnings {range}"), share, Unit::Pounds),
            factor("repayment rate", loan.rate.value, Unit::Rate),
        ],
    );
    line(&id, loan.plan.label(), LineKind::Deduction, e, marker)
}
