//! The scenario — a doctor, rotas, offers, columns and a baseline — and its
//! validation, which collects every problem with its location instead of
//! stopping at the first, so a page can mark every field at once.

use crate::engine::model::offer::{Band, Grade, Offer, RotaType};
use crate::engine::model::rota::Rota;
use crate::engine::model::sorted_map::SortedMap;
use crate::engine::num::date::Date;
use crate::engine::num::fraction::Fraction;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The scenario format version this engine reads.
pub const FORMAT_VERSION: u32 = 1;

/// The doctor whose pay is compared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Doctor {
    /// Training grade.
    pub grade: Grade,
    /// Completed years at that grade (incremental scales).
    #[serde(default)]
    pub years_at_grade: u8,
    /// Less-than-full-time fraction, `(0, 1]`; 1 is full time.
    #[serde(default = "full_time")]
    pub ltft: Fraction,
    /// Flexible pay premium for the specialty, £/yr full time (pro rata for LTFT).
    #[serde(default, with = "rust_decimal::serde::str")]
    pub specialty_premium: Decimal,
}

fn full_time() -> Fraction {
    Fraction::ONE
}

/// One column of the comparison: an offer applied to a rota at a pay date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Column {
    /// Identifier, unique in the scenario.
    pub id: String,
    /// The offer's id.
    pub offer: String,
    /// The rota's id.
    pub rota: String,
    /// Pay date for this column; the scenario's when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pay_date: Option<Date>,
    /// Chosen reading per shift rule (rule id → reading id); the first reading otherwise.
    #[serde(default, skip_serializing_if = "SortedMap::is_empty")]
    pub readings: SortedMap<String, String>,
    /// New Deal rota type; suggested from the rota when absent (on-call periods → on-call rota).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rota_type: Option<RotaType>,
    /// A 2002 band chosen by the user instead of the one derived from the rota.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub band_override: Option<Band>,
    /// Transitional pay protection (2016 TCS Schedule 14) for a 2016-family column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub protection: Option<Protection>,
}

/// Which section of the 2016 TCS Schedule 14 protects the doctor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProtectionSection {
    /// Section 1: a cash floor — the 2002 basic of the day before transfer plus the
    /// banding of the post as at 31 Oct 2015 (never band 3).
    CashFloor,
    /// Section 2: doctors at ST3+ on a run-through programme on 2 Aug 2016 stay on
    /// the 2002 pay system (increments and banding, not band 3). Written
    /// `stay_on2002`; `stay_on_2002`, as the format document once spelled it,
    /// is read too.
    #[serde(alias = "stay_on_2002")]
    StayOn2002,
}

/// Pay protection for one column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Protection {
    /// Which section applies.
    pub section: ProtectionSection,
    /// The id of the 2002 offer in the scenario.
    pub offer: String,
    /// Section 1: the day before transfer, whose 2002 basic is protected.
    pub day_before: Date,
    /// The post's band as at 31 Oct 2015; derived from the column's rota under
    /// the 2002 offer when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub band_2015: Option<Band>,
}

/// A whole comparison, as saved in a file or a link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Format version (see `docs/scenario-format.md`).
    pub version: u32,
    /// A title for the comparison.
    #[serde(default)]
    pub title: String,
    /// Default pay date for columns.
    pub pay_date: Date,
    /// The doctor.
    pub doctor: Doctor,
    /// Rotas.
    pub rotas: Vec<Rota>,
    /// Offers.
    pub offers: Vec<Offer>,
    /// Columns, in display order.
    pub columns: Vec<Column>,
    /// Column against which differences are shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<String>,
    /// Also check the Working Time Regulations (flagged only, never paid).
    #[serde(default, skip_serializing_if = "is_false")]
    pub working_time_regulations: bool,
    /// The explorer's last sweep and break-even (never changes a figure).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explore: Option<crate::engine::model::exploration::Exploration>,
    /// Take-home pay: shown when present, with the doctor's deductions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub take_home: Option<crate::engine::model::settings::TakeHome>,
}

fn is_false(value: &bool) -> bool {
    !value
}

impl Scenario {
    /// The column's pay date.
    pub fn pay_date_of(&self, column: &Column) -> Date {
        column.pay_date.unwrap_or(self.pay_date)
    }

    /// Looks up an offer by id.
    pub fn offer(&self, id: &str) -> Option<&Offer> {
        self.offers.iter().find(|o| o.id == id)
    }

    /// What a column is called on the page: its offer's name, else its id.
    pub fn column_name(&self, column: &str) -> String {
        self.columns
            .iter()
            .find(|c| c.id == column)
            .and_then(|c| self.offer(&c.offer))
            .map_or_else(|| column.to_string(), |o| o.name.clone())
    }

    /// Looks up a rota by id.
    pub fn rota(&self, id: &str) -> Option<&Rota> {
        self.rotas.iter().find(|r| r.id == id)
    }
}

/// A problem with the input, located by its path (`rotas[0].shifts[3].minutes`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Issue {
    /// Where, as a path into the scenario.
    pub path: String,
    /// What is wrong, in words a user can act on.
    pub message: String,
}

impl std::fmt::Display for Issue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Collects issues while walking the scenario.
#[derive(Debug, Default)]
pub struct Issues(Vec<Issue>);

impl Issues {
    /// Records a problem at `path`.
    pub fn push(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.0.push(Issue {
            path: path.into(),
            message: message.into(),
        });
    }

    /// Records a problem when `bad` holds.
    pub fn check(
        &mut self,
        bad: bool,
        path: impl FnOnce() -> String,
        message: impl FnOnce() -> String,
    ) {
        if bad {
            self.push(path(), message());
        }
    }

    /// The issues found.
    pub fn into_vec(self) -> Vec<Issue> {
        self.0
    }

    /// True when nothing was found.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}
