//! Deduction rules by tax year (income tax, NI, NHS Pension, student loans),
//! one JSON file per year under `src/presets/tax/`, embedded like the offers
//! (without layout whitespace, see `build.rs`). Every number carries its
//! source and marker as the contract reference (§4, §6) gives it; each file's
//! `notes` say what is assumed or missing.

use super::PresetError;
use crate::decode::from_text;
use crate::engine::date::Date;
use crate::engine::deductions::rules::{Band, TaxYearRules};
use crate::engine::deductions::year_for;
use rust_decimal::Decimal;

/// Every tax year file as (id, JSON text), oldest first.
pub const TAX_YEAR_FILES: &[(&str, &str)] = &[
    ("2015-16", preset_file!("tax/2015-16.json")),
    ("2016-17", preset_file!("tax/2016-17.json")),
    ("2024-25", preset_file!("tax/2024-25.json")),
    ("2025-26", preset_file!("tax/2025-26.json")),
    ("2026-27", preset_file!("tax/2026-27.json")),
];

/// Parses one tax year and checks that its id matches its key and that its
/// bands and tiers ascend (the computation relies on it).
pub fn parse_tax_year(key: &str, text: &str) -> Result<TaxYearRules, PresetError> {
    let error = |message: String| PresetError {
        key: key.to_string(),
        message,
    };
    let (rules, _): (TaxYearRules, _) = from_text(text).map_err(|e| error(e.to_string()))?;
    if rules.id != key {
        return Err(error(format!("the file holds {}, not {key}", rules.id)));
    }
    let mut ladders = vec![
        ("income tax bands", bounds(&rules.income_tax.bands)),
        ("NI bands", bounds(&rules.national_insurance.bands)),
        (
            "pension tiers",
            rules.pension.tiers.iter().map(|t| t.from.value).collect(),
        ),
    ];
    if let Some(s) = &rules.scottish_income_tax {
        ladders.push(("Scottish income tax bands", bounds(&s.bands)));
    }
    for (what, values) in ladders {
        if values.windows(2).any(|w| w[0] >= w[1]) {
            return Err(error(format!("the {what} do not ascend")));
        }
    }
    Ok(rules)
}

/// Where each band starts.
fn bounds(bands: &[Band]) -> Vec<Decimal> {
    bands.iter().map(|b| b.from.value).collect()
}

/// Every tax year that parses, and an error for each that does not.
pub fn load_tax_years() -> (Vec<TaxYearRules>, Vec<PresetError>) {
    super::load(TAX_YEAR_FILES, parse_tax_year)
}

/// The tax year with this id (`2016-17`), if it parses.
pub fn find_tax_year(id: &str) -> Option<TaxYearRules> {
    tax_years().iter().find(|y| y.id == id).cloned()
}

/// Every shipped tax year, parsed once (see [`super::reference`]; a file that
/// does not parse is left out; `tests/native/deductions.rs` requires that none fails).
pub fn tax_years() -> &'static [TaxYearRules] {
    &super::reference().tax_years
}

/// The tax year containing `date` (a column's pay date), if one is shipped.
pub fn tax_year_for(date: Date) -> Option<TaxYearRules> {
    year_for(tax_years(), date).cloned()
}
