//! Pay history: one grade's full-time basic pay year by year, in cash and in
//! one year's money by a chosen price index, with the change since a base year
//! and the **restoration** figure — the rise that would bring the end year's
//! pay back to the base year's real value.
//!
//! The pay comes from a dated scale (an offer preset's [`PayScale`]), the
//! indices from [`PriceIndices`]: both are inputs, so the same figures follow
//! from any data set a reader supplies. Every figure is exact and explained
//! (the scale point, the index values with their sources, the arithmetic).
//!
//! Readings differ in their choices, and the choices move the answer: the
//! index (CPI, CPIH, RPI), which value of a year (annual average or April),
//! the base year and the end year. A year is a **pay year** named by the
//! calendar year it starts in (2008 = 2008/09, from 1 April); its pay is the
//! scale in force on its last day (31 March), so an award paid from October
//! counts for its year, and its index is the chosen value of that year: the
//! calendar year's April value or average, or the pay year's own
//! financial-year average.

use crate::engine::explain::figure::{ComputeError, Figure, FigureKind};
use crate::engine::explain::{Calculation, Explanation, Factor, Op, Term, Unit};
use crate::engine::model::offer::{Grade, PayScale};
use crate::engine::net::real_terms::{in_reference_money, PriceIndices, RealTerms, RealTermsError};
use crate::engine::num::date::Date;
use crate::engine::num::fraction::Fraction;
use crate::engine::num::rounding::Rounding;
use rust_decimal::Decimal;

/// What to compute: whose pay, by which index, from and to which year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    /// The grade.
    pub grade: Grade,
    /// Completed years at the grade (the scale's point for it, the top point
    /// beyond the list).
    pub years_at_grade: u8,
    /// The index and which value of each year; `year` is the end year, whose
    /// pounds every amount is restated in.
    pub prices: RealTerms,
    /// The base year (2008 = 2008/09).
    pub base_year: u16,
}

/// One pay year.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryYear {
    /// The calendar year the pay year starts in (2008 = 2008/09).
    pub year: u16,
    /// The scale period paid on the year's last day, as the scale labels it
    /// (`"2010/11"`), and the point (`"FY1-0"`); `None` where the scale has
    /// no period for the year — shown as unknown, never filled in.
    pub scale: Option<(String, String)>,
    /// Basic pay in cash; `None` where the scale has no period.
    pub cash: Option<Figure>,
    /// Basic pay in pounds of the end year; the reason where it cannot be
    /// computed (no pay, or no index value for the year).
    pub real: Result<Figure, String>,
}

/// A pay history and what it says.
#[derive(Debug, Clone, PartialEq)]
pub struct History {
    /// Every pay year the scale covers, from its first to its last.
    pub years: Vec<HistoryYear>,
    /// Real pay in the end year against the base year, per cent change
    /// (−18.75 means pay buys 18.75% less).
    pub change: Figure,
    /// The rise in the end year's pay that restores the base year's real
    /// pay, per cent.
    pub restoration: Figure,
}

/// Why a history could not be computed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HistoryError {
    /// The scale has no period at all.
    EmptyScale,
    /// The base or end year has no real pay: the year and why.
    Year(u16, String),
    /// The arithmetic overflowed.
    Compute(ComputeError),
}

impl std::fmt::Display for HistoryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            HistoryError::EmptyScale => f.write_str("the pay scale has no pay year"),
            HistoryError::Year(year, why) => write!(f, "{}: {why}", pay_year(*year)),
            HistoryError::Compute(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for HistoryError {}

impl From<ComputeError> for HistoryError {
    fn from(e: ComputeError) -> Self {
        HistoryError::Compute(e)
    }
}

/// `2008` as people write the pay year: `2008/09`.
pub fn pay_year(year: u16) -> String {
    format!("{year}/{:02}", (year + 1) % 100)
}

/// The grade as the pay circulars and the page write it (`FY1`, `ST3`).
fn grade_name(grade: Grade) -> String {
    format!("{grade:?}")
}

/// One pay year of `scale` for `reading`.
fn year_of(
    scale: &PayScale,
    reading: &Reading,
    indices: &PriceIndices,
    year: u16,
) -> Result<HistoryYear, ComputeError> {
    let paid = Date::new(year + 1, 3, 31)
        .and_then(|last_day| scale.period_at(last_day))
        .and_then(|period| {
            let point = period.point_for(reading.grade, reading.years_at_grade)?;
            Some((period, point))
        });
    let Some((period, point)) = paid else {
        return Ok(HistoryYear {
            year,
            scale: None,
            cash: None,
            real: Err(format!(
                "no {} pay in the scale for {}",
                grade_name(reading.grade),
                pay_year(year)
            )),
        });
    };
    let label = format!(
        "{}, {} {}",
        grade_name(reading.grade),
        point.id,
        period.label
    );
    let cash = Figure::new(
        format!("cash:{year}"),
        format!("Basic pay {}", pay_year(year)),
        FigureKind::Total,
        Unit::Pounds,
        Explanation {
            rule: format!(
                "Full-time basic pay, {label}, in force on 31 March {}",
                year + 1
            ),
            source: point.source.clone(),
            calculation: Calculation::Product {
                factors: vec![Factor {
                    op: Op::Times,
                    label: label.clone(),
                    value: Fraction::from_decimal(point.annual),
                    unit: Unit::Pounds,
                }],
            },
            rounding: Rounding::Pennies,
            notes: Vec::new(),
        },
    )?;
    let real = match in_reference_money(point.annual, &label, year, &reading.prices, indices) {
        Ok(explanation) => Ok(Figure::new(
            format!("real:{year}"),
            format!(
                "Basic pay {} in pounds of {}",
                pay_year(year),
                reading.prices.year
            ),
            FigureKind::Total,
            Unit::Pounds,
            explanation,
        )?),
        // The real-terms wording points to the page's settings; here the
        // reader chooses the index and years, so say only what is missing.
        Err(RealTermsError::Missing {
            measure,
            basis,
            year,
        }) => Err(format!(
            "no {} {} for {year} is shipped",
            measure.name(),
            basis.name()
        )),
        Err(e) => Err(e.to_string()),
    };
    Ok(HistoryYear {
        year,
        scale: Some((period.label.clone(), point.id.clone())),
        cash: Some(cash),
        real,
    })
}

impl History {
    /// The answer in one sentence, as the page and the command line print it.
    pub fn sentence(&self, reading: &Reading) -> String {
        let (base, end) = (pay_year(reading.base_year), pay_year(reading.prices.year));
        let change = self.change.value;
        let direction = if change.is_sign_negative() && !change.is_zero() {
            "less"
        } else {
            "more"
        };
        let mut out = format!(
            "By {} ({}), {} basic pay in {end} buys {}% {direction} than in {base}",
            reading.prices.measure.name(),
            reading.prices.basis.plural(),
            grade_name(reading.grade),
            change.abs()
        );
        if self.restoration.value > Decimal::ZERO {
            out.push_str(&format!(
                "; a rise of {}% would restore it",
                self.restoration.value
            ));
        }
        out.push('.');
        out
    }
}

/// `value` − 100, for a figure already in per cent of something.
fn less_hundred(id: &str, label: &str, of: &Figure) -> Result<Figure, ComputeError> {
    Figure::new(
        id,
        label,
        FigureKind::Total,
        Unit::Percent,
        Explanation {
            rule: format!("{} − 100", of.label),
            source: String::new(),
            calculation: Calculation::Sum {
                terms: vec![
                    Term {
                        label: of.label.clone(),
                        value: of.value,
                        negate: false,
                    },
                    Term {
                        label: "100".into(),
                        value: Decimal::ONE_HUNDRED,
                        negate: true,
                    },
                ],
            },
            rounding: Rounding::Hundredths,
            notes: of.explanation.notes.clone(),
        },
    )
}

/// `top` ÷ `bottom` × 100, to 2 decimal places.
fn percent_of(
    id: &str,
    label: String,
    top: &Figure,
    bottom: &Figure,
) -> Result<Figure, ComputeError> {
    let factor = |op, f: &Figure| Factor {
        op,
        label: f.label.clone(),
        value: Fraction::from_decimal(f.value),
        unit: Unit::Pounds,
    };
    Figure::new(
        id,
        label,
        FigureKind::Total,
        Unit::Percent,
        Explanation {
            rule: format!("{} ÷ {} × 100", top.label, bottom.label),
            source: String::new(),
            calculation: Calculation::Product {
                factors: vec![
                    factor(Op::Times, top),
                    factor(Op::DividedBy, bottom),
                    Factor {
                        op: Op::Times,
                        label: "per cent".into(),
                        value: Fraction::from_decimal(Decimal::ONE_HUNDRED),
                        unit: Unit::Number,
                    },
                ],
            },
            rounding: Rounding::Hundredths,
            notes: [&top.explanation.notes, &bottom.explanation.notes]
                .into_iter()
                .flatten()
                .cloned()
                .collect(),
        },
    )
}

/// The pay history of `reading` on `scale`: every pay year from the scale's
/// first to its last, the change in real pay from the base year to the end
/// year, and the restoration figure.
pub fn pay_history(
    scale: &PayScale,
    reading: &Reading,
    indices: &PriceIndices,
) -> Result<History, HistoryError> {
    let first = scale.periods.iter().map(|p| p.from.pay_year()).min();
    let last = scale.periods.iter().map(|p| p.until.pay_year()).max();
    let (Some(first), Some(last)) = (first, last) else {
        return Err(HistoryError::EmptyScale);
    };
    let mut years = (first..=last)
        .map(|year| year_of(scale, reading, indices, year))
        .collect::<Result<Vec<_>, _>>()?;
    // A period ending on 1 April leaves the next year unpaid: the history runs
    // from the first paid year to the last (a gap inside stays, as unknown).
    while years.last().is_some_and(|y| y.scale.is_none()) {
        years.pop();
    }
    let unpaid = years.iter().take_while(|y| y.scale.is_none()).count();
    years.drain(..unpaid);
    let (Some(first), Some(last)) = (years.first(), years.last()) else {
        return Err(HistoryError::EmptyScale);
    };
    let (first, last) = (first.year, last.year);
    let real_in = |year: u16| -> Result<Figure, HistoryError> {
        match years.iter().find(|y| y.year == year) {
            Some(y) => y.real.clone().map_err(|why| HistoryError::Year(year, why)),
            None => Err(HistoryError::Year(
                year,
                format!(
                    "outside the scale's years ({} to {})",
                    pay_year(first),
                    pay_year(last)
                ),
            )),
        }
    };
    let (base, end) = (reading.base_year, reading.prices.year);
    // A year outside the scale is the likelier slip: name it before an index.
    for year in [base, end] {
        if !(first..=last).contains(&year) {
            real_in(year)?;
        }
    }
    let (at_base, at_end) = (real_in(base)?, real_in(end)?);
    let kept = percent_of(
        "kept",
        format!("real pay {} as % of {}", pay_year(end), pay_year(base)),
        &at_end,
        &at_base,
    )?;
    let needed = percent_of(
        "needed",
        format!("real pay {} as % of {}", pay_year(base), pay_year(end)),
        &at_base,
        &at_end,
    )?;
    Ok(History {
        change: less_hundred(
            "change",
            &format!(
                "Change in real pay, {} to {}",
                pay_year(base),
                pay_year(end)
            ),
            &kept,
        )?,
        restoration: less_hundred(
            "restoration",
            &format!(
                "Rise to restore {} real pay in {}",
                pay_year(base),
                pay_year(end)
            ),
            &needed,
        )?,
        years,
    })
}
