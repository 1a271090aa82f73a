//! Price indices (CPI, CPIH, RPI; annual averages and April values) as data:
//! one JSON file, `src/presets/indices/price-indices.json`, embedded like the
//! other presets (without layout whitespace, see `build.rs`). Every value
//! carries its source and marker as the contract reference (§6) gives it; the
//! file's `notes` say which values are unverified.

use crate::decode::from_text;
use crate::engine::real_terms::PriceIndices;
use rust_decimal::Decimal;

/// The embedded price index file, as JSON text.
pub const PRICE_INDICES_FILE: &str = preset_file!("indices/price-indices.json");

/// Parses the price index file and checks what the conversion relies on: one
/// series per measure and basis, each year once, every value above zero.
pub fn parse_price_indices(text: &str) -> Result<PriceIndices, String> {
    let (indices, _): (PriceIndices, _) = from_text(text).map_err(|e| e.to_string())?;
    for (i, series) in indices.series.iter().enumerate() {
        let what = || format!("{} {}", series.measure.name(), series.basis.name());
        if indices.series[..i]
            .iter()
            .any(|s| s.measure == series.measure && s.basis == series.basis)
        {
            return Err(format!("the {} series appears twice", what()));
        }
        for (j, point) in series.values.iter().enumerate() {
            if series.values[..j].iter().any(|p| p.year == point.year) {
                return Err(format!("the {} for {} appears twice", what(), point.year));
            }
            if point.value.value <= Decimal::ZERO {
                return Err(format!(
                    "the {} for {} is not more than zero",
                    what(),
                    point.year
                ));
            }
        }
    }
    Ok(indices)
}

/// The shipped price indices, parsed once (see [`super::reference`]).
pub fn price_indices() -> &'static PriceIndices {
    &super::reference().price_indices
}
