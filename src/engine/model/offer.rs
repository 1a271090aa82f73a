//! Contract offers as data: a pay scale with dates, premium windows, allowances
//! and rounding rules, each value with its source — never code per offer.

use crate::engine::model::rota::ShiftKind;
use crate::engine::model::sorted_map::SortedMap;
use crate::engine::model::tagged::{self, field, required};
use crate::engine::num::date::Date;
use crate::engine::num::fraction::Fraction;
use crate::engine::num::rounding::Rounding;
use crate::engine::num::time::{ClockTime, Interval, Weekday, DAY, WEEK};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// How sure a value is (the reference's markers).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Marker {
    /// [V] read in the primary document.
    Verified,
    /// [S] from a secondary source.
    Secondary,
    /// [D] derived by arithmetic from verified figures.
    Derived,
    /// [?] an assumption, labelled as such in the app.
    Assumed,
}

impl Marker {
    /// The bracketed tag used in the reference.
    pub fn tag(self) -> &'static str {
        match self {
            Marker::Verified => "[V]",
            Marker::Secondary => "[S]",
            Marker::Derived => "[D]",
            Marker::Assumed => "[?]",
        }
    }
}

/// A training grade.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[allow(missing_docs)]
pub enum Grade {
    FY1,
    FY2,
    CT1,
    CT2,
    CT3,
    ST1,
    ST2,
    ST3,
    ST4,
    ST5,
    ST6,
    ST7,
    ST8,
}

impl Grade {
    /// Every grade, most junior first.
    pub const ALL: [Grade; 13] = [
        Grade::FY1,
        Grade::FY2,
        Grade::CT1,
        Grade::CT2,
        Grade::CT3,
        Grade::ST1,
        Grade::ST2,
        Grade::ST3,
        Grade::ST4,
        Grade::ST5,
        Grade::ST6,
        Grade::ST7,
        Grade::ST8,
    ];
}

/// One event in an offer's life ("offered", "rejected by members"…).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusEvent {
    /// When.
    pub date: Date,
    /// What happened.
    pub status: String,
}

/// A document an offer draws on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Short key used by values (`"PC 1/2017"`).
    pub id: String,
    /// Full citation.
    pub title: String,
}

/// A number with its provenance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Param {
    /// The value.
    #[serde(with = "rust_decimal::serde::str")]
    pub value: Decimal,
    /// Where it comes from.
    #[serde(default)]
    pub source: String,
    /// How sure it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<Marker>,
}

/// One point of a pay scale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScalePoint {
    /// Identifier (`"NP2"`, `"FY1-0"`).
    pub id: String,
    /// Full-time annual basic salary, £.
    #[serde(with = "rust_decimal::serde::str")]
    pub annual: Decimal,
    /// Where the figure comes from.
    #[serde(default)]
    pub source: String,
    /// How sure it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<Marker>,
}

/// A pay scale in force over `[from, until)`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScalePeriod {
    /// Pay year as printed (`"2016/17"`).
    pub label: String,
    /// First day in force.
    pub from: Date,
    /// First day no longer in force. Required: a date past the last period is
    /// an error, never a fallback to the nearest year.
    pub until: Date,
    /// The points.
    pub points: Vec<ScalePoint>,
    /// Grade → point ids by completed years at that grade (the last applies
    /// beyond the list, as at the top of an incremental scale).
    pub grades: SortedMap<Grade, Vec<String>>,
}

impl ScalePeriod {
    /// The point paid at `grade` after `years_at_grade` completed years (the
    /// last listed point beyond the list, as at the top of a scale).
    pub fn point_for(&self, grade: Grade, years_at_grade: u8) -> Option<&ScalePoint> {
        let ids = self.grades.get(&grade)?;
        let id = ids.get(usize::from(years_at_grade).min(ids.len().saturating_sub(1)))?;
        self.points.iter().find(|p| &p.id == id)
    }
}

/// A dated pay scale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PayScale {
    /// Periods, in any order, not overlapping.
    pub periods: Vec<ScalePeriod>,
}

impl PayScale {
    /// The period covering `date`, if any.
    pub fn period_at(&self, date: Date) -> Option<&ScalePeriod> {
        self.periods
            .iter()
            .find(|p| p.from <= date && date < p.until)
    }
}

/// Pay for rostered hours beyond the contracted hours.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AdditionalHours {
    /// Multiple of the basic hourly rate (1 = plain time).
    pub multiplier: Fraction,
    /// Where the rule comes from.
    #[serde(default)]
    pub source: String,
    /// How sure it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<Marker>,
}

impl Default for AdditionalHours {
    fn default() -> Self {
        AdditionalHours {
            multiplier: Fraction::ONE,
            source: String::new(),
            marker: None,
        }
    }
}

/// Most premium windows and shift rules an offer may declare together (the
/// windows stage holds a set of them as the bits of one `u64`).
pub const MAX_WINDOWS: usize = 64;

/// A weekly window of premium time (`21:00–07:00` every day at 37 %).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PremiumWindow {
    /// Identifier, unique in the offer.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Days on which the window *starts*.
    pub days: Vec<Weekday>,
    /// Start time.
    pub from: ClockTime,
    /// End time; at or before `from` means the window crosses midnight.
    pub to: ClockTime,
    /// Uplift over the basic hourly rate (0.5 = time-and-a-half).
    pub uplift: Fraction,
    /// Paid only to doctors working often enough (Feb 2016: 1 in 4 Saturdays).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<FrequencyCondition>,
    /// Where it comes from.
    #[serde(default)]
    pub source: String,
    /// How sure it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<Marker>,
}

/// How overlapping windows combine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Combine {
    /// Only the highest uplift applies to a minute (first declared wins a tie).
    #[default]
    HighestApplies,
    /// Uplifts of all windows covering a minute add up.
    Additive,
}

/// A flat allowance in £ per year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FlatAllowance {
    /// Identifier, unique in the offer.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Full-time amount, £/yr.
    #[serde(with = "rust_decimal::serde::str")]
    pub annual: Decimal,
    /// Scaled by the doctor's LTFT fraction.
    #[serde(default)]
    pub pro_rata_ltft: bool,
    /// Where it comes from.
    #[serde(default)]
    pub source: String,
    /// How sure it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<Marker>,
}

/// Rounding rule per kind of line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoundingRules {
    /// Basic salary.
    #[serde(default)]
    pub basic: Rounding,
    /// Additional hours.
    #[serde(default)]
    pub additional_hours: Rounding,
    /// Premium-window lines.
    #[serde(default)]
    pub premium: Rounding,
    /// Allowances.
    #[serde(default)]
    pub allowance: Rounding,
}

/// The terms of an offer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Terms {
    /// Dated scale of annual basic salaries.
    pub pay_scale: PayScale,
    /// Contracted full-time weekly hours (40 in the 2016 TCS).
    pub full_time_hours: Param,
    /// Weeks per year used for the hourly rate (52.143).
    pub weeks_per_year: Param,
    /// Pay for rostered hours above contracted hours; absent when the contract
    /// pays them otherwise (the 2002 banding).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub additional_hours: Option<AdditionalHours>,
    /// Premium windows.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub premium_windows: Vec<PremiumWindow>,
    /// How overlapping windows combine.
    #[serde(default)]
    pub combine: Combine,
    /// Flat allowances.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allowances: Vec<FlatAllowance>,
    /// Premiums that depend on the shift as a whole.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shift_rules: Vec<ShiftRule>,
    /// Allowances by weekend frequency.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub frequency_allowances: Vec<FrequencyAllowance>,
    /// On-call availability allowances.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub on_call_allowances: Vec<OnCallAllowance>,
    /// Rest definitions and hour and rest limits.
    #[serde(default)]
    pub rest: RestTerms,
    /// The 2002 banding, for offers paid that way.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub banding: Option<Banding>,
    /// Rounding per line kind.
    #[serde(default)]
    pub rounding: RoundingRules,
}

/// A contract offer: terms plus the history and sources that make it quotable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Offer {
    /// Identifier, unique in the scenario.
    pub id: String,
    /// Version; a released preset never changes, a correction is a new version.
    pub version: u32,
    /// Display name.
    pub name: String,
    /// For a custom offer, the offer it was edited from (`tcs-2016@1`), so a
    /// figure quoted from it can be traced to the terms it started as.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub derived_from: Option<String>,
    /// Dated status history, oldest first.
    #[serde(default)]
    pub status: Vec<StatusEvent>,
    /// Documents drawn on.
    #[serde(default)]
    pub sources: Vec<Source>,
    /// What had to be assumed.
    #[serde(default)]
    pub assumptions: Vec<String>,
    /// The terms.
    pub terms: Terms,
}

/// "1 in N": at least one in every `N` weeks on average over the cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OneIn {
    /// N (≥ 1).
    pub one_in: u32,
}

impl OneIn {
    /// Whether `count` occurrences in a `weeks`-week cycle are at least 1 in N —
    /// exactly, by integers: `count / weeks ≥ 1 / N ⇔ count × N ≥ weeks`.
    /// Edges are inclusive: exactly 1 in 3 meets "1 in 3".
    pub fn met_by(self, count: u64, weeks: u64) -> bool {
        count.saturating_mul(u64::from(self.one_in)) >= weeks && self.one_in > 0
    }
}

/// What makes a weekend count as worked; each rule names its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WeekendDefinition {
    /// A shift *beginning* on Saturday or Sunday (the 2016 weekend allowance).
    ShiftBeginsOnWeekend,
    /// Any work between Saturday 00:00 and Monday 00:00 (frequency limits).
    AnyWorkOnWeekend,
    /// Any work between Friday 19:00 and Monday 07:00 (2002 banding, as the
    /// DRS banding software applies the contract's flowchart).
    FridayEveningToMondayMorning,
}

impl WeekendDefinition {
    /// The definition in words.
    pub fn describe(self) -> &'static str {
        match self {
            WeekendDefinition::ShiftBeginsOnWeekend => "a shift beginning on a Saturday or Sunday",
            WeekendDefinition::AnyWorkOnWeekend => {
                "any work between Saturday 00:00 and Monday 00:00"
            }
            WeekendDefinition::FridayEveningToMondayMorning => {
                "any work between Friday 19:00 and Monday 07:00"
            }
        }
    }

    /// Weeks of a `weeks`-week cycle (from 0) whose weekend the work `span`
    /// touches, for a definition in time; `None` for one by shift start.
    pub fn weekends_touched(self, span: Interval, weeks: u64) -> Option<Vec<u64>> {
        // Minutes from Monday 00:00 of the weekend's week; the end may run
        // into the next week.
        let (from, to) = match self {
            WeekendDefinition::ShiftBeginsOnWeekend => return None,
            WeekendDefinition::AnyWorkOnWeekend => (5 * DAY, WEEK),
            WeekendDefinition::FridayEveningToMondayMorning => (4 * DAY + 19 * 60, WEEK + 7 * 60),
        };
        let weeks = weeks.max(1);
        if span.is_empty() {
            return Some(Vec::new());
        }
        // Work early on Monday of week 1 belongs to the weekend of the cycle's
        // last week: look from one cycle later, where a week before always exists.
        let span = span.shifted(weeks * WEEK);
        Some(
            (span.start / WEEK - 1..=(span.end - 1) / WEEK)
                .filter(|k| {
                    span.intersect(&Interval::new(k * WEEK + from, k * WEEK + to))
                        .is_some()
                })
                .map(|k| k % weeks)
                .collect(),
        )
    }
}

/// What a frequency condition counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "unit", rename_all = "snake_case", deny_unknown_fields)]
pub enum CountingUnit {
    /// Occurrences of the window itself with any work in them (the Feb 2016
    /// Saturday rule counts Saturdays worked in 07:00–17:00, not weekends).
    WindowDaysWorked,
    /// Weekends worked, by the given definition.
    WeekendsWorked {
        /// Which weekends count.
        definition: WeekendDefinition,
    },
}

/// A premium window that applies only to doctors working often enough.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrequencyCondition {
    /// What is counted.
    pub counts: CountingUnit,
    /// The threshold ("1 in 4 or more often").
    pub at_least: OneIn,
    /// Which shift kinds count (default: every kind).
    #[serde(default = "all_kinds")]
    pub kinds: Vec<ShiftKind>,
}

/// Every shift kind.
pub fn all_kinds() -> Vec<ShiftKind> {
    vec![
        ShiftKind::Worked,
        ShiftKind::NonResidentOnCall,
        ShiftKind::ResidentOnCall,
    ]
}

fn worked_only() -> Vec<ShiftKind> {
    vec![ShiftKind::Worked]
}

/// A range of clock times for matching a shift's start (inclusive at both ends)
/// or its end (`(after, by]`); it may wrap past midnight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClockRange {
    /// Lower edge.
    pub from: ClockTime,
    /// Upper edge.
    pub to: ClockTime,
}

/// Which hours of a qualifying shift a shift rule enhances.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Extent {
    /// Every hour of the shift.
    WholeShift,
    /// From the start until the first `time` after it (2016: "until 10:00").
    Until {
        /// The clock time.
        time: ClockTime,
    },
    /// Nothing beyond the offer's ordinary windows (a reading under which the
    /// rule adds no hours).
    NormalWindowsOnly,
}

/// Which shifts something applies to: a minimum length and optional start and
/// end windows. Shared by shift rules and by rest definitions (night, long shift).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShiftPattern {
    /// Minimum length in minutes.
    #[serde(default)]
    pub min_minutes: u32,
    /// Whether a shift of exactly `min_minutes` qualifies.
    #[serde(default = "yes")]
    pub min_inclusive: bool,
    /// The shift must start within this range (inclusive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub starts: Option<ClockRange>,
    /// The shift must end after `from` and by `to`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ends: Option<ClockRange>,
}

/// One reading of a shift rule: the sources disagree, so each reading is data,
/// labelled, and selectable per column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShiftRuleReading {
    /// Identifier, unique in the rule.
    pub id: String,
    /// The reading in words, with whose it is ("BMA: 8 hours or longer").
    pub label: String,
    /// Which shifts qualify.
    pub pattern: ShiftPattern,
    /// Which hours are enhanced.
    pub extent: Extent,
    /// Where this reading comes from.
    #[serde(default)]
    pub source: String,
}

fn yes() -> bool {
    true
}

/// A premium that depends on the shift as a whole (when it starts, ends, how long it is).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShiftRule {
    /// Identifier, unique in the offer.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Uplift over the basic hourly rate.
    pub uplift: Fraction,
    /// Which shift kinds it applies to (default: worked shifts).
    #[serde(default = "worked_only")]
    pub kinds: Vec<ShiftKind>,
    /// The readings; the first is the default.
    pub readings: Vec<ShiftRuleReading>,
    /// How sure it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<Marker>,
}

/// One band of a frequency allowance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrequencyBand {
    /// Paid at this frequency or more often (and less often than the next band up).
    pub at_least: OneIn,
    /// Share of full-time basic salary.
    pub rate: Fraction,
    /// The band as the table prints it ("< 1 in 2 to 1 in 3").
    #[serde(default)]
    pub label: String,
}

/// How a frequency allowance treats less-than-full-time doctors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LtftWeekendRule {
    /// Band from the doctor's own rota, amount × LTFT fraction.
    #[default]
    ActualFrequencyProRata,
    /// Band from the full-time-equivalent frequency (weekends ÷ LTFT fraction),
    /// amount × LTFT fraction.
    FullTimeEquivalentProRata,
    /// No pro-rating.
    None,
}

/// An allowance paid by how often a doctor works weekends (the weekend allowance).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrequencyAllowance {
    /// Identifier, unique in the offer.
    pub id: String,
    /// Display name.
    pub name: String,
    /// What counts as a weekend worked.
    pub definition: WeekendDefinition,
    /// Which shift kinds count (default: every kind).
    #[serde(default = "all_kinds")]
    pub kinds: Vec<ShiftKind>,
    /// The bands, in any order.
    pub bands: Vec<FrequencyBand>,
    /// LTFT treatment.
    #[serde(default)]
    pub ltft: LtftWeekendRule,
    /// First pay date these rates apply (none: as long as the offer).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Date>,
    /// First pay date they no longer apply (none: as long as the offer).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<Date>,
    /// Where it comes from.
    #[serde(default)]
    pub source: String,
    /// How sure it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<Marker>,
}

impl FrequencyAllowance {
    /// Whether the rates apply on a pay date: an allowance whose rates change
    /// on a day (the 2019 weekend table from 4 Dec 2019) is two allowances.
    pub fn in_force(&self, date: Date) -> bool {
        self.from.is_none_or(|from| from <= date) && self.until.is_none_or(|until| date < until)
    }
}

/// A percentage of basic paid to doctors whose rota has shifts of given kinds
/// (the 8 % on-call availability allowance).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OnCallAllowance {
    /// Identifier, unique in the offer.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Share of the doctor's basic salary.
    pub rate: Fraction,
    /// The kinds that qualify.
    pub kinds: Vec<ShiftKind>,
    /// Where it comes from.
    #[serde(default)]
    pub source: String,
    /// How sure it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<Marker>,
}

/// What counts as a night, a long shift, a long late evening and a weekend for
/// an offer's rest metrics and limits — data, because contracts and checkers differ.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RestDefinitions {
    /// A night shift has at least `night_minutes` inside `night_window`.
    #[serde(default = "default_night_window")]
    pub night_window: ClockRange,
    /// Minutes inside the night window that make a shift a night.
    #[serde(default = "default_night_minutes")]
    pub night_minutes: u32,
    /// A long shift.
    #[serde(default = "default_long_shift")]
    pub long_shift: ShiftPattern,
    /// A long late evening.
    #[serde(default = "default_long_evening")]
    pub long_evening: ShiftPattern,
    /// What counts as a weekend worked for frequency limits.
    #[serde(default = "default_weekend")]
    pub weekend: WeekendDefinition,
    /// Where the definitions come from.
    #[serde(default = "default_definitions_source")]
    pub source: String,
}

fn default_night_window() -> ClockRange {
    ClockRange {
        from: ClockTime::hm(23, 0).unwrap_or(ClockTime::MIDNIGHT),
        to: ClockTime::hm(6, 0).unwrap_or(ClockTime::MIDNIGHT),
    }
}

fn default_night_minutes() -> u32 {
    180
}

fn default_long_shift() -> ShiftPattern {
    ShiftPattern {
        min_minutes: 600,
        min_inclusive: false,
        starts: None,
        ends: None,
    }
}

fn default_long_evening() -> ShiftPattern {
    ShiftPattern {
        min_minutes: 600,
        min_inclusive: false,
        starts: None,
        ends: Some(ClockRange {
            from: ClockTime::hm(23, 0).unwrap_or(ClockTime::MIDNIGHT),
            to: ClockTime::hm(4, 0).unwrap_or(ClockTime::MIDNIGHT),
        }),
    }
}

fn default_weekend() -> WeekendDefinition {
    WeekendDefinition::AnyWorkOnWeekend
}

fn default_definitions_source() -> String {
    "Contract reference §2 and §6: night ≥ 3 h between 23:00 and 06:00 [S-weak]; long shift > 10 h; \
     long late evening > 10 h finishing after 23:00 (taken as ending 23:01–04:00) [?]; weekend for \
     frequency limits = any work on Saturday or Sunday [S-weak]"
        .to_string()
}

impl Default for RestDefinitions {
    fn default() -> Self {
        RestDefinitions {
            night_window: default_night_window(),
            night_minutes: default_night_minutes(),
            long_shift: default_long_shift(),
            long_evening: default_long_evening(),
            weekend: default_weekend(),
            source: default_definitions_source(),
        }
    }
}

/// Kinds of consecutive run, by calendar day of a shift's start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RunKind {
    /// Any shift.
    Shifts,
    /// Night shifts.
    Nights,
    /// Long shifts.
    LongShifts,
    /// Long late evenings.
    LongEvenings,
}

impl RunKind {
    /// One of the kind in words ("night").
    pub fn describe_one(self) -> &'static str {
        match self {
            RunKind::Shifts => "shift",
            RunKind::Nights => "night",
            RunKind::LongShifts => "long shift",
            RunKind::LongEvenings => "long late evening",
        }
    }

    /// The kind in words (plural).
    pub fn describe(self) -> &'static str {
        match self {
            RunKind::Shifts => "shifts",
            RunKind::Nights => "nights",
            RunKind::LongShifts => "long shifts",
            RunKind::LongEvenings => "long late evenings",
        }
    }
}

/// What a limit constrains, with its parameters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum LimitRule {
    /// Average weekly hours of work at most `hours`, over the whole cycle or the
    /// worst run of `reference_weeks` consecutive weeks.
    MaxAverageWeeklyHours {
        /// The maximum.
        #[serde(with = "rust_decimal::serde::str")]
        hours: Decimal,
        /// Reference period in weeks; the whole cycle when absent.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reference_weeks: Option<u8>,
    },
    /// Average weekly hours of *duty* (work plus on-call periods) at most `hours`.
    MaxAverageWeeklyDuty {
        /// The maximum.
        #[serde(with = "rust_decimal::serde::str")]
        hours: Decimal,
    },
    /// Hours of work in any rolling 168 hours at most `hours`.
    MaxHoursIn168 {
        /// The maximum.
        #[serde(with = "rust_decimal::serde::str")]
        hours: Decimal,
    },
    /// No shift (worked, or on-call period when `include_on_call`) longer than `minutes`.
    MaxShiftLength {
        /// The maximum, in minutes.
        minutes: u32,
        /// Whether on-call periods count as continuous duty.
        #[serde(default)]
        include_on_call: bool,
        /// A longer maximum for periods touching a weekend (2002 on-call: 56 h).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        weekend_minutes: Option<u32>,
    },
    /// At most `count` consecutive days starting a shift of the kind.
    MaxConsecutive {
        /// Which shifts.
        what: RunKind,
        /// The maximum run.
        count: u32,
    },
    /// After a run of at least `after_run` consecutive (kind), at least `minutes` off.
    RestAfterRun {
        /// Which shifts.
        what: RunKind,
        /// The shortest run the rule applies to.
        after_run: u32,
        /// Minimum rest after it, in minutes.
        minutes: u32,
    },
    /// At least `minutes` off between the end of one shift and the start of the next.
    MinRestBetweenShifts {
        /// The minimum, in minutes.
        minutes: u32,
    },
    /// Weekends worked at most 1 in `one_in` (by the offer's weekend definition).
    MaxWeekendFrequency {
        /// N in "at most 1 in N".
        one_in: u32,
    },
    /// At most `count` consecutive weekends worked.
    MaxConsecutiveWeekends {
        /// The maximum run.
        count: u32,
    },
    /// At most `count` periods starting in any `days` consecutive calendar
    /// days (2016 TCS: at most 3 on-call periods in 7 days). A period longer
    /// than 24 hours counts once per 24 hours begun: the contract caps an
    /// on-call period at 24 hours, so a rota's 48-hour weekend period stands
    /// for the Saturday and the Sunday periods.
    MaxPeriodsInDays {
        /// The maximum number of periods.
        count: u32,
        /// The window, in calendar days.
        days: u32,
    },
    /// The day after a period (after the last of periods on consecutive
    /// days), at most `minutes` of other duty (2016 TCS: the day after an
    /// on-call period no longer than 10 hours). The limit's `counts` names
    /// the periods that have a day after (default: both kinds of on call).
    MaxDayAfterLength {
        /// The maximum, in minutes.
        minutes: u32,
    },
    /// While on call, at least `minutes` of rest per 24 hours, `continuous`
    /// of them in one stretch inside the daily window `from`–`to` (2016 TCS:
    /// 8 hours, 5 of them continuous between 22:00 and 07:00). A rota knows
    /// only the work *expected* on call, so this checks the rest the expected
    /// work leaves, never the rest a doctor actually got.
    MinExpectedRestOnCall {
        /// Rest per 24 hours, in minutes.
        minutes: u32,
        /// The longest stretch of rest needed inside the window, in minutes.
        continuous: u32,
        /// Start of the daily window.
        from: ClockTime,
        /// End of the daily window (at or before `from`: it crosses midnight).
        to: ClockTime,
    },
}

/// What breaching a limit does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Consequence {
    /// The breach is flagged only.
    #[default]
    Flag,
    /// The breach puts the post in 2002 pay band 3.
    Band3,
}

/// One hour or rest limit of an offer, with its text and source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Limit {
    /// Identifier, unique in the offer.
    pub id: String,
    /// The limit in the contract's words.
    pub text: String,
    /// The rule checked.
    pub rule: LimitRule,
    /// What a breach does.
    #[serde(default)]
    pub consequence: Consequence,
    /// The rota types it applies to (every type when empty): New Deal limits
    /// depend on the rota type.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub applies_to: Vec<RotaType>,
    /// The shift kinds the limit counts; absent, every kind (as `@1` files
    /// were checked). The 2016 TCS rest rules count worked shifts and
    /// resident on call, not non-resident on call, which has limits of its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counts: Option<Vec<ShiftKind>>,
    /// Where it comes from.
    #[serde(default)]
    pub source: String,
    /// How sure it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<Marker>,
}

/// An offer's rest definitions and limits.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RestTerms {
    /// Definitions used by the metrics and limits.
    #[serde(default)]
    pub definitions: RestDefinitions,
    /// The limits.
    #[serde(default)]
    pub limits: Vec<Limit>,
}

/// A 2002 pay band.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Band {
    /// No supplement (FY1: 5 %).
    #[serde(rename = "unbanded")]
    Unbanded,
    /// Band 1C (least unsocial).
    #[serde(rename = "1C")]
    B1C,
    /// Band 1B (moderately unsocial).
    #[serde(rename = "1B")]
    B1B,
    /// Band 1A (most unsocial).
    #[serde(rename = "1A")]
    B1A,
    /// Band 2B (least unsocial).
    #[serde(rename = "2B")]
    B2B,
    /// Band 2A (most unsocial).
    #[serde(rename = "2A")]
    B2A,
    /// Band 3: over 56 h, or a New Deal limit not met.
    #[serde(rename = "3")]
    B3,
    /// The GP registrar supplement, paid in place of a band in a GP practice
    /// placement; never derived from a rota, only chosen.
    #[serde(rename = "GPR")]
    GpRegistrar,
}

impl Band {
    /// Every band, least paid first; the GP registrar supplement, chosen
    /// rather than derived, last.
    pub const ALL: [Band; 8] = [
        Band::Unbanded,
        Band::B1C,
        Band::B1B,
        Band::B1A,
        Band::B2B,
        Band::B2A,
        Band::B3,
        Band::GpRegistrar,
    ];

    /// The band's name as printed.
    pub fn name(self) -> &'static str {
        match self {
            Band::Unbanded => "unbanded",
            Band::B1C => "1C",
            Band::B1B => "1B",
            Band::B1A => "1A",
            Band::B2B => "2B",
            Band::B2A => "2A",
            Band::B3 => "3",
            Band::GpRegistrar => "GP registrar",
        }
    }
}

/// The New Deal rota type, which decides which limits apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RotaType {
    /// Full shift.
    FullShift,
    /// Partial shift.
    PartialShift,
    /// On-call rota.
    OnCall,
}

impl RotaType {
    /// The rota type in words.
    pub fn describe(self) -> &'static str {
        match self {
            RotaType::FullShift => "full shift",
            RotaType::PartialShift => "partial shift",
            RotaType::OnCall => "on-call rota",
        }
    }
}

/// A band's supplement, as a share of basic salary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BandSupplement {
    /// The band.
    pub band: Band,
    /// Supplement as a share of basic.
    pub rate: Fraction,
    /// Where it comes from.
    #[serde(default)]
    pub source: String,
    /// How sure it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<Marker>,
}

/// A flexible (LTFT) trainee's hours band under the 2002 contract.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FlexibleBand {
    /// Name ("F7").
    pub id: String,
    /// Average weekly hours of actual work from (inclusive)…
    #[serde(with = "rust_decimal::serde::str")]
    pub from_hours: Decimal,
    /// …to (exclusive).
    #[serde(with = "rust_decimal::serde::str")]
    pub to_hours: Decimal,
    /// Share of full-time basic paid as basic.
    pub fraction: Fraction,
    /// Where it comes from.
    #[serde(default)]
    pub source: String,
    /// How sure it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<Marker>,
}

/// The 2002 contract's banding: one flat supplement for the whole post, decided
/// by hours, unsociality and compliance with the New Deal limits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Banding {
    /// Supplement per band.
    pub supplements: Vec<BandSupplement>,
    /// Supplement for an unbanded FY1 post.
    pub fy1_unbanded: Fraction,
    /// Unbanded needs all work inside this window (days, Mon–Fri 08:00–19:00).
    pub unbanded_days: Vec<Weekday>,
    /// The unbanded window's times.
    pub unbanded_hours: ClockRange,
    /// Plain time for the unsocial share (days, Mon–Fri 07:00–19:00).
    pub plain_days: Vec<Weekday>,
    /// Plain time's hours.
    pub plain_hours: ClockRange,
    /// The first form of the weekend test (`@1` files): "most unsocial" if
    /// weekends are worked *more often than* 1 in this many, in band 1 and band
    /// 2 alike. Kept so that old files and links give what they gave.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub most_unsocial_weekends_more_often_than: Option<OneIn>,
    /// The weekend test per band, edges inclusive ("1 in 4 or more often");
    /// used instead of the form above when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub most_unsocial_weekends: Option<BandWeekends>,
    /// What counts as a weekend worked for banding (default: the rest
    /// definitions' weekend).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weekend: Option<WeekendDefinition>,
    /// …or more than this share of work falls outside plain time.
    pub most_unsocial_share_over: Fraction,
    /// Flexible trainees' hours bands (the multiplier of full basic is fraction × (1 + supplement)).
    #[serde(default)]
    pub flexible: Vec<FlexibleBand>,
    /// Flexible trainees' supplement by unsociality: most, moderately, least (A, B, C).
    #[serde(default)]
    pub flexible_supplements: Vec<Fraction>,
    /// Pay protection never uses band 3: a band-3 post is protected at this band.
    pub band3_protected_as: Band,
    /// Where the banding comes from.
    pub source: String,
    /// How sure the criteria are.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<Marker>,
}

/// The banding's weekend test per band: "most unsocial" (1A, 2A) if weekends
/// are worked this often or more often.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BandWeekends {
    /// Band 1 (over 40, at most 48 h): 1A at 1 in N or more often.
    pub band1: OneIn,
    /// Band 2 (over 48, at most 56 h): 2A at 1 in N or more often.
    pub band2: OneIn,
}

/// One weekend test as applied: the threshold and whether its edge counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeekendTest {
    /// 1 in N.
    pub often: OneIn,
    /// Whether exactly 1 in N passes ("or more often") or not ("more often than").
    pub inclusive: bool,
}

impl WeekendTest {
    /// Whether `count` weekends in `weeks` weeks pass, by integers.
    pub fn met_by(self, count: u64, weeks: u64) -> bool {
        if self.inclusive {
            self.often.met_by(count, weeks)
        } else {
            count.saturating_mul(u64::from(self.often.one_in)) > weeks
        }
    }

    /// The test in words ("1 in 4 or more often").
    pub fn describe(self) -> String {
        if self.inclusive {
            format!("1 in {} or more often", self.often.one_in)
        } else {
            format!("more often than 1 in {}", self.often.one_in)
        }
    }
}

impl Banding {
    /// The weekend test for a band-1 (`over_48` false) or band-2 post; `None`
    /// when the offer gives neither form (validation reports that).
    pub fn weekend_test(&self, over_48: bool) -> Option<WeekendTest> {
        match (
            self.most_unsocial_weekends,
            self.most_unsocial_weekends_more_often_than,
        ) {
            (Some(w), _) => Some(WeekendTest {
                often: if over_48 { w.band2 } else { w.band1 },
                inclusive: true,
            }),
            (None, Some(often)) => Some(WeekendTest {
                often,
                inclusive: false,
            }),
            (None, None) => None,
        }
    }

    /// The supplement of a band, if the table has it.
    pub fn supplement(&self, band: Band) -> Option<Fraction> {
        self.supplements
            .iter()
            .find(|s| s.band == band)
            .map(|s| s.rate)
    }
}

// Internally tagged enums are read by hand (`engine::tagged`): the same inputs
// and messages as serde's derived code, a fraction of its size.

impl<'de> Deserialize<'de> for CountingUnit {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        const SHAPE: tagged::Shape = tagged::Shape {
            tag: "unit",
            name: "CountingUnit",
            variants: &["window_days_worked", "weekends_worked"],
            fields: &[&[], &["definition"]],
        };
        tagged::decode(deserializer, &SHAPE, counting_unit)
    }
}

fn counting_unit(tagged: tagged::Tagged) -> Result<CountingUnit, serde_json::Error> {
    let variant = tagged.variant;
    let mut definition = None;
    tagged.each(&mut |_, v| {
        definition = Some(field(v)?);
        Ok(())
    })?;
    Ok(match variant {
        0 => CountingUnit::WindowDaysWorked,
        _ => CountingUnit::WeekendsWorked {
            definition: required(definition, "definition")?,
        },
    })
}

impl<'de> Deserialize<'de> for Extent {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        const SHAPE: tagged::Shape = tagged::Shape {
            tag: "kind",
            name: "Extent",
            variants: &["whole_shift", "until", "normal_windows_only"],
            fields: &[&[], &["time"], &[]],
        };
        tagged::decode(deserializer, &SHAPE, extent)
    }
}

fn extent(tagged: tagged::Tagged) -> Result<Extent, serde_json::Error> {
    let variant = tagged.variant;
    let mut time = None;
    tagged.each(&mut |_, v| {
        time = Some(field(v)?);
        Ok(())
    })?;
    Ok(match variant {
        0 => Extent::WholeShift,
        1 => Extent::Until {
            time: required(time, "time")?,
        },
        _ => Extent::NormalWindowsOnly,
    })
}

impl<'de> Deserialize<'de> for LimitRule {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        tagged::decode(deserializer, &LIMIT_RULE, limit_rule)
    }
}

// Field names, and their slots in `limit_rule`.
const HOURS: &str = "hours";
const REFERENCE_WEEKS: &str = "reference_weeks";
const MINUTES: &str = "minutes";
const INCLUDE_ON_CALL: &str = "include_on_call";
const WEEKEND_MINUTES: &str = "weekend_minutes";
const WHAT: &str = "what";
const COUNT: &str = "count";
const AFTER_RUN: &str = "after_run";
const ONE_IN: &str = "one_in";
const DAYS: &str = "days";
const CONTINUOUS: &str = "continuous";
const FROM: &str = "from";
const TO: &str = "to";

const LIMIT_RULE: tagged::Shape = tagged::Shape {
    tag: "kind",
    name: "LimitRule",
    variants: &[
        "max_average_weekly_hours",
        "max_average_weekly_duty",
        "max_hours_in168",
        "max_shift_length",
        "max_consecutive",
        "rest_after_run",
        "min_rest_between_shifts",
        "max_weekend_frequency",
        "max_consecutive_weekends",
        "max_periods_in_days",
        "max_day_after_length",
        "min_expected_rest_on_call",
    ],
    fields: &[
        &[HOURS, REFERENCE_WEEKS],
        &[HOURS],
        &[HOURS],
        &[MINUTES, INCLUDE_ON_CALL, WEEKEND_MINUTES],
        &[WHAT, COUNT],
        &[WHAT, AFTER_RUN, MINUTES],
        &[MINUTES],
        &[ONE_IN],
        &[COUNT],
        &[COUNT, DAYS],
        &[MINUTES],
        &[MINUTES, CONTINUOUS, FROM, TO],
    ],
};

fn limit_rule(tagged: tagged::Tagged) -> Result<LimitRule, serde_json::Error> {
    let variant = tagged.variant;
    let names = LIMIT_RULE.fields[variant];
    let mut hours = None;
    let mut reference_weeks = None;
    let mut include_on_call = false;
    let mut weekend_minutes = None;
    let mut what = None;
    let mut from = None;
    let mut to = None;
    // minutes, count, after_run, one_in, days, continuous: the u32 fields.
    let mut numbers: [Option<u32>; 6] = [None; 6];
    tagged.each(&mut |i, v| {
        match names[i] {
            HOURS => hours = Some(rust_decimal::serde::str::deserialize(v)?),
            REFERENCE_WEEKS => reference_weeks = field(v)?,
            INCLUDE_ON_CALL => include_on_call = field(v)?,
            WEEKEND_MINUTES => weekend_minutes = field(v)?,
            WHAT => what = Some(field(v)?),
            FROM => from = Some(field(v)?),
            TO => to = Some(field(v)?),
            name => {
                let slot = [MINUTES, COUNT, AFTER_RUN, ONE_IN, DAYS, CONTINUOUS]
                    .iter()
                    .position(|n| *n == name)
                    .unwrap_or(0);
                numbers[slot] = Some(field(v)?);
            }
        }
        Ok(())
    })?;
    let [minutes, count, after_run, one_in, days, continuous] = numbers;
    let hours = || required(hours, HOURS);
    let minutes = || required(minutes, MINUTES);
    Ok(match variant {
        0 => LimitRule::MaxAverageWeeklyHours {
            hours: hours()?,
            reference_weeks,
        },
        1 => LimitRule::MaxAverageWeeklyDuty { hours: hours()? },
        2 => LimitRule::MaxHoursIn168 { hours: hours()? },
        3 => LimitRule::MaxShiftLength {
            minutes: minutes()?,
            include_on_call,
            weekend_minutes,
        },
        4 => LimitRule::MaxConsecutive {
            what: required(what, WHAT)?,
            count: required(count, COUNT)?,
        },
        5 => LimitRule::RestAfterRun {
            what: required(what, WHAT)?,
            after_run: required(after_run, AFTER_RUN)?,
            minutes: minutes()?,
        },
        6 => LimitRule::MinRestBetweenShifts {
            minutes: minutes()?,
        },
        7 => LimitRule::MaxWeekendFrequency {
            one_in: required(one_in, ONE_IN)?,
        },
        8 => LimitRule::MaxConsecutiveWeekends {
            count: required(count, COUNT)?,
        },
        9 => LimitRule::MaxPeriodsInDays {
            count: required(count, COUNT)?,
            days: required(days, DAYS)?,
        },
        10 => LimitRule::MaxDayAfterLength {
            minutes: minutes()?,
        },
        _ => LimitRule::MinExpectedRestOnCall {
            minutes: minutes()?,
            continuous: required(continuous, CONTINUOUS)?,
            from: required(from, FROM)?,
            to: required(to, TO)?,
        },
    })
}
