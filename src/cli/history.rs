//! `offer-compare history SCALE… --grade G --index I --from Y --to Y`: one
//! grade's basic pay year by year from the offers' dated pay scales, in
//! pounds of the end year, and the restoration figure (`engine::history`).

use super::args::{BasisArg, HistoryArgs, IndexArg, TableOrCsv};
use super::load_offer;
use crate::cli_table::align;
use crate::codec::csv::history_to_csv;
use crate::engine::explain::figure::Figure;
use crate::engine::explain::format_figure;
use crate::engine::history::{pay_history, pay_year, Reading};
use crate::engine::model::offer::{Grade, PayScale};
use crate::engine::model::settings::{IndexBasis, Measure, RealTerms};
use crate::presets::history::command;

/// The grade named `text` (`FY1`, `st3`).
fn grade(text: &str) -> Result<Grade, String> {
    Grade::ALL
        .into_iter()
        .find(|g| format!("{g:?}").eq_ignore_ascii_case(text))
        .ok_or_else(|| format!("--grade: '{text}' is not a grade (FY1, FY2, CT1–CT3, ST1–ST8)"))
}

/// The history as text: the sentence, then a row per pay year.
pub(super) fn run_history(args: HistoryArgs) -> Result<String, String> {
    // Several offers make one line of scales (the 2016 contract's years are in
    // tcs-2016, tcs-2019 and tcs-today): their periods are read together.
    let mut scale = PayScale {
        periods: Vec::new(),
    };
    for name in &args.scales {
        scale
            .periods
            .extend(load_offer(name)?.terms.pay_scale.periods);
    }
    let measure = match args.index {
        IndexArg::Cpi => Measure::Cpi,
        IndexArg::Cpih => Measure::Cpih,
        IndexArg::Rpi => Measure::Rpi,
    };
    let basis = match args.basis {
        BasisArg::Annual => IndexBasis::AnnualAverage,
        BasisArg::April => IndexBasis::April,
        BasisArg::Fy => IndexBasis::FinancialYear,
    };
    let reading = Reading {
        grade: grade(&args.grade)?,
        years_at_grade: args.years,
        prices: RealTerms {
            measure,
            basis,
            year: args.to,
            values: Vec::new(),
        },
        base_year: args.from,
    };
    let history = pay_history(&scale, &reading, &crate::reference().price_indices)
        .map_err(|e| e.to_string())?;
    if args.format == TableOrCsv::Csv {
        return Ok(history_to_csv(
            &command(&args.scales, &reading),
            &reading,
            &history,
        ));
    }
    let mut grid = vec![vec![
        "pay year".to_string(),
        "scale".to_string(),
        "point".to_string(),
        "basic pay".to_string(),
        format!("in {} pounds", pay_year(args.to)),
    ]];
    let figure = |f: &Figure| format_figure(f.value, f.unit);
    for year in &history.years {
        let (scale_label, point) = year.scale.clone().unwrap_or_default();
        grid.push(vec![
            pay_year(year.year),
            scale_label,
            point,
            year.cash.as_ref().map_or("unknown".into(), figure),
            year.real.as_ref().map_or("unknown".into(), figure),
        ]);
    }
    let mut out = format!("{}\n\n", history.sentence(&reading));
    out.push_str(&align(&grid));
    out.push_str(&format!(
        "\n{}: {}\n{}: {}\n",
        history.change.label,
        format_figure(history.change.value, history.change.unit),
        history.restoration.label,
        format_figure(history.restoration.value, history.restoration.unit)
    ));
    Ok(out)
}
