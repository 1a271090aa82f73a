//! Income tax: the personal allowance with its taper, then the bands on
//! taxable income (rest of the UK or Scotland).

use super::lines::{banded, cite, factor, line, product, sum_line, term, LineKind, NetLine};
use super::rules::IncomeTax;
use crate::engine::explain::figure::ComputeError;
use crate::engine::explain::Unit;
use crate::engine::model::settings::Residence;
use rust_decimal::Decimal;

/// The income tax lines: pay after pension, the personal allowance (tapered),
/// taxable income, one line per band reached and the total.
///
/// Adjusted net income is taken as gross pay less the pension contribution
/// (the net pay arrangement); other income and reliefs are not modelled.
pub(super) fn income_tax(
    gross: Decimal,
    pension: Decimal,
    rules: &IncomeTax,
    residence: Residence,
) -> Result<Vec<NetLine>, ComputeError> {
    let err = |figure: &str| ComputeError {
        figure: figure.to_string(),
    };
    let mut out = Vec::new();
    let after_pension = sum_line(
        "pay_after_pension",
        "Pay after pension contributions",
        LineKind::Basis,
        "Pension contributions are taken before tax (net pay arrangement), so tax is charged on \
         gross pay less them; this is also the adjusted net income the allowance taper uses",
        vec![
            term("gross pay", gross, false),
            term("pension contribution", pension, true),
        ],
        None,
    )?;
    let income = after_pension.annual;
    out.push(after_pension);

    // The taper: £1 of allowance lost per £2 over the threshold, never below nil.
    let standard = rules.personal_allowance.value;
    let excess = income
        .checked_sub(rules.taper_threshold.value)
        .ok_or_else(|| err("personal_allowance"))?;
    let mut allowance_terms = vec![term("standard personal allowance", standard, false)];
    if excess > Decimal::ZERO {
        let (marker, source) = cite(&[
            ("threshold", &rules.taper_threshold),
            ("taper", &rules.taper_rate),
        ]);
        let mut e = product(
            "The personal allowance is reduced by the taper rate on income over the threshold",
            source,
            vec![
                factor("income over the taper threshold", excess, Unit::Pounds),
                factor("taper rate", rules.taper_rate.value, Unit::Rate),
            ],
        );
        e.notes
            .push("An odd penny of excess halves to a half penny, rounded up (reducing the allowance) [?]".into());
        let reduction = line(
            "allowance_taper",
            "Personal allowance taper",
            LineKind::Basis,
            e,
            marker,
        )?;
        // Never below nil: the reduction used is at most the allowance.
        allowance_terms.push(term(
            "taper (at most the whole allowance)",
            reduction.annual.min(standard),
            true,
        ));
        out.push(reduction);
    }
    let (pa_marker, _) = cite(&[("allowance", &rules.personal_allowance)]);
    let mut allowance = sum_line(
        "personal_allowance",
        "Personal allowance",
        LineKind::Basis,
        "The standard personal allowance, less any taper",
        allowance_terms,
        pa_marker,
    )?;
    allowance.explanation.source = cite(&[("allowance", &rules.personal_allowance)]).1;
    let allowance_value = allowance.annual;
    out.push(allowance);

    // Taxable income is never negative: the allowance used is at most the income.
    let taxable = sum_line(
        "taxable_income",
        "Taxable income",
        LineKind::Basis,
        "Pay after pension contributions, less the personal allowance (at most the pay)",
        vec![
            term("pay after pension contributions", income, false),
            term(
                "personal allowance used",
                allowance_value.min(income.max(Decimal::ZERO)),
                true,
            ),
        ],
        None,
    )?;
    let taxable_value = taxable.annual;
    out.push(taxable);

    let label = match residence {
        Residence::RestOfUk => "Income tax",
        Residence::Scotland => "Income tax (Scotland)",
    };
    out.extend(banded(
        "income_tax",
        label,
        "taxable income",
        taxable_value,
        &rules.bands,
    )?);
    Ok(out)
}
