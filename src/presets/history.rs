//! What the pay history (#24) offers to choose from: the **pay lines** (which
//! offers' dated scales make one grade's pay year by year) and the published
//! **claims** about real pay, each with the choices that come nearest to it.
//! Both are reference data, read by the page's history and the command line
//! alike; the figures come from the engine (`engine::history`).

use crate::engine::history::Reading;
use crate::engine::model::offer::{Grade, PayScale};
use crate::engine::model::settings::{IndexBasis, Measure, RealTerms};

/// Offers whose pay scales, read together, make one grade's pay year by year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PayLine {
    /// The id in a link and on the command line (`2016`).
    pub id: &'static str,
    /// What it is, for people.
    pub name: &'static str,
    /// Preset keys, the first scale that covers a year winning.
    pub offers: &'static [&'static str],
}

/// The pay lines offered. The 2016 contract's scale starts in 2016/17; the
/// years before come from the 2002 contract's, which ends in 2023/24 as
/// first paid and 2026/27 (with two years not found as published).
pub const PAY_LINES: [PayLine; 2] = [
    PayLine {
        id: "2016",
        name: "the 2016 contract from 2016/17, the 2002 scale before",
        offers: &["tcs-2016@2", "contract-2002@3"],
    },
    PayLine {
        id: "2002",
        name: "the 2002 contract's scale throughout",
        offers: &["contract-2002@3"],
    },
];

impl PayLine {
    /// The line with this id.
    pub fn find(id: &str) -> Option<PayLine> {
        PAY_LINES.into_iter().find(|l| l.id == id)
    }

    /// The line's scale: its offers' periods in order, or the preset that
    /// did not load.
    pub fn scale(&self) -> Result<PayScale, String> {
        let mut scale = PayScale {
            periods: Vec::new(),
        };
        for key in self.offers {
            let offer = super::find_offer(key).ok_or_else(|| format!("{key} did not load"))?;
            scale.periods.extend(offer.terms.pay_scale.periods);
        }
        Ok(scale)
    }
}

/// Every choice a history needs: the pay line, whose pay, by which index,
/// from and to which year. The page keeps it in its address, the command
/// line reads it from its flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choices {
    /// The pay line.
    pub line: PayLine,
    /// The grade.
    pub grade: Grade,
    /// Completed years at the grade.
    pub years: u8,
    /// The index.
    pub measure: Measure,
    /// Which value of each year.
    pub basis: IndexBasis,
    /// The base pay year (2008 = 2008/09).
    pub from: u16,
    /// The end pay year, whose pounds every amount is restated in.
    pub to: u16,
}

impl Choices {
    /// The engine's reading for these choices.
    pub fn reading(&self) -> Reading {
        Reading {
            grade: self.grade,
            years_at_grade: self.years,
            prices: RealTerms {
                measure: self.measure,
                basis: self.basis,
                year: self.to,
                values: Vec::new(),
            },
            base_year: self.from,
        }
    }
}

/// The index's name in an address and on the command line (`rpi`).
pub fn measure_id(measure: Measure) -> &'static str {
    match measure {
        Measure::Cpi => "cpi",
        Measure::Cpih => "cpih",
        Measure::Rpi => "rpi",
    }
}

/// The basis's name in an address and on the command line (`annual`).
pub fn basis_id(basis: IndexBasis) -> &'static str {
    match basis {
        IndexBasis::AnnualAverage => "annual",
        IndexBasis::April => "april",
        IndexBasis::FinancialYear => "fy",
    }
}

/// The grade's name (`FY1`).
pub fn grade_id(grade: Grade) -> String {
    format!("{grade:?}")
}

impl Choices {
    /// The command that prints the same history.
    pub fn command(&self) -> String {
        command(self.line.offers, &self.reading())
    }
}

/// The command line that prints the history of `offers` (preset keys or
/// files) for `reading`, every choice written out.
pub fn command<S: AsRef<str>>(offers: &[S], reading: &Reading) -> String {
    let offers: Vec<&str> = offers.iter().map(AsRef::as_ref).collect();
    format!(
        "offer-compare history {} --grade {} --years {} --index {} --basis {} --from {} --to {}",
        offers.join(" "),
        grade_id(reading.grade),
        reading.years_at_grade,
        measure_id(reading.prices.measure),
        basis_id(reading.prices.basis),
        reading.base_year,
        reading.prices.year
    )
}

/// A published claim about resident (junior) doctors' real pay, and the
/// choices here that come nearest to the claim's stated basis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Claim {
    /// Who made it.
    pub who: &'static str,
    /// When.
    pub when: &'static str,
    /// What was said, as reported.
    pub said: &'static str,
    /// Where a reader finds it, with the marker of how it was read.
    pub source: &'static str,
    /// A link to the source, where one exists.
    pub link: &'static str,
    /// The nearest choices.
    pub choices: Choices,
    /// How the figure here compares, and what the published method leaves
    /// unknown.
    pub note: &'static str,
}

const LINE_2016: PayLine = PAY_LINES[0];
const LINE_2002: PayLine = PAY_LINES[1];

/// The claims shipped, oldest first. Each has a test in
/// `tests/native/history.rs` stating the claim and the figure here.
pub const CLAIMS: [Claim; 4] = [
    Claim {
        who: "BMA",
        when: "February 2023",
        said: "Junior doctors' pay has fallen by 26.1% in real terms since 2008/09 (by RPI); a 35% rise would restore it.",
        source: "Channel 4 FactCheck, \"How much has junior doctors' pay fallen and what pay rise do they want?\", 2023; Full Fact, 24 February 2023 [S]",
        link: "https://www.channel4.com/news/factcheck/factcheck-how-much-has-junior-doctors-pay-fallen-and-what-pay-rise-do-they-want",
        choices: Choices {
            line: LINE_2002,
            grade: Grade::FY1,
            years: 0,
            measure: Measure::Rpi,
            basis: IndexBasis::AnnualAverage,
            from: 2008,
            to: 2022,
        },
        note: "Here 0.29 points more fall (26.39%) and a 35.86% rise. The BMA's end year and index basis were not found in a source: April values give 25.42%, the pay year's own average 28.68%; an RPI for 2022 of 339.0 (a part-year value, the full-year average being 340.3) would give exactly 26.1% [?].",
    },
    Claim {
        who: "IFS, as reported by Channel 4 FactCheck",
        when: "2023",
        said: "Junior doctors' pay fell between 11 and 16 per cent on average since 2010, by CPIH.",
        source: "Channel 4 FactCheck, 2023, as above; the IFS's own text not read [S]",
        link: "https://www.channel4.com/news/factcheck/factcheck-how-much-has-junior-doctors-pay-fallen-and-what-pay-rise-do-they-want",
        choices: Choices {
            line: LINE_2002,
            grade: Grade::FY1,
            years: 0,
            measure: Measure::Cpih,
            basis: IndexBasis::AnnualAverage,
            from: 2010,
            to: 2022,
        },
        note: "Inside the range: 14.95% here (14.94% at ST3 and ST8). The range spans grades and the 2016 contract, which this 2002-scale reading leaves out; the IFS's end year was not read (2022/23 assumed [?]).",
    },
    Claim {
        who: "BMA (Tom Dolphin, council chair, on BBC Radio 4)",
        when: "2025",
        said: "Resident doctors' pay is still a fifth down on its 2008 value (about 21% since 2008/09, by RPI).",
        source: "Full Fact, \"BMA resident doctors' pay\", 2025 [S]",
        link: "https://fullfact.org/health/bma-resident-doctors-pay-hci",
        choices: Choices {
            line: LINE_2016,
            grade: Grade::FY1,
            years: 0,
            measure: Measure::Rpi,
            basis: IndexBasis::AnnualAverage,
            from: 2008,
            to: 2025,
        },
        note: "Not reproduced: 5.26% here. An FY1's basic pay follows the 2016 contract from 2016/17, whose basic took in pay the 2002 contract paid as banding (£22,636 → £26,350, +16.4%); the claim follows the pay awards, not the contract change. No 2002 scale after 2023/24 has been found as published, so the 2002 line cannot reach 2025/26.",
    },
    Claim {
        who: "BBC Verify",
        when: "2025",
        said: "Resident doctors' pay is 7% lower than in 2008 by CPI (19% by RPI).",
        source: "BBC Verify's live page, read only as quoted in a forum post [S, weak]",
        link: "",
        choices: Choices {
            line: LINE_2016,
            grade: Grade::FY1,
            years: 0,
            measure: Measure::Cpi,
            basis: IndexBasis::AnnualAverage,
            from: 2008,
            to: 2025,
        },
        note: "Not reproduced: here FY1 basic pay buys 8.70% more, for the same reason as the claim above (the 2016 contract's higher basic pay).",
    },
];
