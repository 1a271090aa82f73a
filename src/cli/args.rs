//! The command line's arguments, parsed by clap: every command with its
//! flags, values read into engine types as they are parsed, and clap's
//! errors said in this program's plain words (the flag, and what it takes).

use crate::engine::date::Date;
use crate::engine::deductions::rules::LoanPlan;
use crate::engine::explore::choices::rota_and_doctor_choices;
use crate::engine::explore::Quantity;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Args, FromArgMatches, Parser, Subcommand, ValueEnum};

/// The usage, printed with errors and (with the quantities) as the help.
pub(super) const USAGE: &str = "usage: offer-compare SCENARIO.json [--format table|json|csv]
                     [--net [--scotland] [--loans 1,2,4,5,pg] [--not-member] [--pensionable ID,ID]]
       offer-compare diff A B [--date YYYY-MM-DD] [--all]
       offer-compare diff SCENARIO.json OFFER_A OFFER_B [--date YYYY-MM-DD] [--all]
       offer-compare sweep SCENARIO.json --quantity SPEC --from X --to Y [--steps N] [--format table|csv]
       offer-compare break-even SCENARIO.json COLUMN_A COLUMN_B --quantity SPEC --from X --to Y
       offer-compare gains SCENARIO.json [--format table|csv]
       offer-compare history OFFER… --grade G [--years N] --index cpi|cpih|rpi
                     [--basis april|annual|fy] --from YEAR --to YEAR

Reads a scenario file (see docs/scenario-format.md) and prints every figure of
the comparison: a readable table by default, or JSON / CSV with every line and
its explanation. In place of SCENARIO.json, a share link from the page (the
whole address in quotes, or the part from #v) or a file holding one opens the
scenario the link carries.

history prints one grade's full-time basic pay for every pay year of the
offers' pay scales (presets or files, read together: tcs-2016@1 tcs-2019@1
tcs-today@1 make the 2016 contract's line), in pounds of --to's pay year by
the chosen price index, the change in real pay since --from's pay year and the
rise that would restore it. A year is named by its first calendar year (2008 =
2008/09); its index is that calendar year's April value or annual average, or the pay year's
financial-year average (fy).

Take-home pay (NHS Pension, income tax, NI and student loans under the tax
year of each column's pay date, each with its marker: [V] verified … [?]
assumed) is shown when the scenario has a `take_home` section; --net switches
it on, and --scotland, --loans, --not-member and --pensionable (the pay line
ids that are pensionable; default: basic, specialty premium and pay protection
— 2002 banding, premiums and hours over 40 are not) replace its settings.

diff prints the terms in which two offers differ, side by side (Section | Term
| A | B); with --all every term, differing rows marked ≠. A and B are preset
keys (id@version, e.g. imposed-2016-02@1) or offer JSON files, or offers of a
scenario file by id. Pay scales are read at --date: by default the later of
the two offers' column pay dates (as the page does), or 2016-08-03 for presets and files (the day the 2016 terms came
in: every 2016 offer has a scale then; later offers need --date).";

/// The help: the usage, then the quantities sweep and break-even vary.
fn help() -> String {
    let mut out = format!(
        "{USAGE}\n\nQuantities (--quantity SPEC; the range in brackets is where the page starts):\n"
    );
    for choice in rota_and_doctor_choices() {
        out.push_str(&format!("  {choice}\n"));
    }
    out.push_str(
        "  and of each offer: premium_rate:OFFER:WINDOW, window_start:OFFER:WINDOW,\n  window_end:OFFER:WINDOW, frequency_threshold:OFFER:ALLOWANCE:BAND, basic_pay:OFFER\n  (sweep or break-even without --quantity lists a scenario's own).\n",
    );
    out
}

/// Everything the command line takes.
#[derive(Debug, Parser)]
#[command(
    name = "offer-compare",
    // A scenario file, or a command: `offer-compare diff …` is never a file.
    args_conflicts_with_subcommands = true,
    // A flag given twice: the last one counts, as it always has.
    args_override_self = true,
    disable_version_flag = true
)]
pub(super) struct Cli {
    /// The command; none prints a scenario's comparison.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// The comparison's arguments, when there is no command.
    #[command(flatten)]
    pub compare: CompareArgs,
}

/// `offer-compare SCENARIO.json …`: the comparison.
#[derive(Debug, Args)]
pub(super) struct CompareArgs {
    /// The scenario file.
    #[arg(value_name = "SCENARIO.json")]
    pub file: Option<String>,
    /// How to print it.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Show take-home pay (each of the next flags does too).
    #[arg(long)]
    pub net: bool,
    /// Scottish income tax.
    #[arg(long)]
    pub scotland: bool,
    /// Student loan plans, separated by commas.
    #[arg(long, value_name = "1,2,4,5,pg", value_parser = loans)]
    pub loans: Option<Loans>,
    /// Not a member of the NHS Pension Scheme.
    #[arg(long)]
    pub not_member: bool,
    /// The pay line ids that are pensionable, separated by commas.
    #[arg(long, value_name = "ID,ID")]
    pub pensionable: Option<String>,
}

/// The commands besides the comparison.
#[derive(Debug, Subcommand)]
pub(super) enum Command {
    /// Two offers' terms side by side.
    Diff(DiffArgs),
    /// Every column's pay over a range of a quantity.
    Sweep(SweepArgs),
    /// Where one column reaches another.
    BreakEven(BreakEvenArgs),
    /// Who gains and who loses over the standard set of rotas.
    Gains(GainsArgs),
    /// One grade's basic pay over the years, in real terms.
    History(HistoryArgs),
}

/// `diff A B` or `diff SCENARIO.json A B`.
#[derive(Debug, Args)]
pub(super) struct DiffArgs {
    /// Two offers, or a scenario file and two of its offers.
    #[arg(value_name = "A B")]
    pub names: Vec<String>,
    /// The day whose pay scales are read.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date)]
    pub date: Option<Date>,
    /// Every term, not only those that differ.
    #[arg(long)]
    pub all: bool,
}

/// The quantity and range of `sweep` and `break-even`.
#[derive(Debug, Args)]
pub(super) struct Range {
    /// What is varied (optional here, so that its absence can list the
    /// scenario's quantities).
    #[arg(long, value_name = "SPEC", value_parser = quantity)]
    pub quantity: Option<Quantity>,
    /// The range's start, in the quantity's unit (read once the quantity is known).
    #[arg(long, value_name = "X", allow_hyphen_values = true)]
    pub from: Option<String>,
    /// The range's end.
    #[arg(long, value_name = "Y", allow_hyphen_values = true)]
    pub to: Option<String>,
}

/// `sweep SCENARIO.json --quantity SPEC --from X --to Y`.
#[derive(Debug, Args)]
pub(super) struct SweepArgs {
    /// The scenario file.
    #[arg(value_name = "SCENARIO.json")]
    pub file: String,
    /// The quantity and its range.
    #[command(flatten)]
    pub range: Range,
    /// Steps of the sweep.
    #[arg(long, value_name = "N", default_value_t = 101, value_parser = steps)]
    pub steps: u32,
    /// How to print it.
    #[arg(long, value_enum, default_value_t = TableOrCsv::Table)]
    pub format: TableOrCsv,
}

/// `break-even SCENARIO.json COLUMN_A COLUMN_B --quantity SPEC --from X --to Y`.
#[derive(Debug, Args)]
pub(super) struct BreakEvenArgs {
    /// The scenario file.
    #[arg(value_name = "SCENARIO.json")]
    pub file: String,
    /// Column A's id: the one to reach.
    #[arg(value_name = "COLUMN_A")]
    pub a: String,
    /// Column B's id: the one that moves.
    #[arg(value_name = "COLUMN_B")]
    pub b: String,
    /// The quantity and its range.
    #[command(flatten)]
    pub range: Range,
}

/// `gains SCENARIO.json [--format table|csv]`.
#[derive(Debug, Args)]
pub(super) struct GainsArgs {
    /// The scenario file.
    #[arg(value_name = "SCENARIO.json")]
    pub file: String,
    /// How to print it.
    #[arg(long, value_enum, default_value_t = TableOrCsv::Table)]
    pub format: TableOrCsv,
}

/// `history OFFER… --grade G --index I --from YEAR --to YEAR`.
#[derive(Debug, Args)]
pub(super) struct HistoryArgs {
    /// Offers (preset keys or files) whose pay scales make the line.
    #[arg(value_name = "OFFER", required = true)]
    pub scales: Vec<String>,
    /// The grade (FY1, FY2, CT1–CT3, ST1–ST8).
    #[arg(long, value_name = "GRADE")]
    pub grade: String,
    /// Completed years at the grade.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub years: u8,
    /// The price index; no default, since the choice moves the answer.
    #[arg(long, value_enum)]
    pub index: IndexArg,
    /// Which value of each year.
    #[arg(long, value_enum, default_value_t = BasisArg::April)]
    pub basis: BasisArg,
    /// The base pay year (2008 = 2008/09).
    #[arg(long, value_name = "YEAR")]
    pub from: u16,
    /// The end pay year, whose pounds every amount is restated in.
    #[arg(long, value_name = "YEAR")]
    pub to: u16,
    /// Output format: the table, or the CSV the page's history downloads.
    #[arg(long, value_enum, default_value_t = TableOrCsv::Table)]
    pub format: TableOrCsv,
}

/// The price indices of `history`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(super) enum IndexArg {
    /// Consumer prices index (ONS D7BT).
    Cpi,
    /// CPI with owner occupiers' housing costs (ONS L522).
    Cpih,
    /// Retail prices index (ONS CHAW).
    Rpi,
}

/// Which value of a year `history` uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(super) enum BasisArg {
    /// The April value: awards start in April.
    April,
    /// The calendar year's average.
    Annual,
    /// The average from April to March: the pay year's own.
    Fy,
}

/// The comparison's output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(super) enum Format {
    /// A readable table.
    Table,
    /// Every line with its explanation, as JSON.
    Json,
    /// Every line with its explanation, as CSV.
    Csv,
}

/// The output formats of `sweep`, `gains` and `history`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(super) enum TableOrCsv {
    /// A readable table.
    Table,
    /// Every value, as CSV.
    Csv,
}

/// The student loan plans of `--loans` (a newtype: clap reads an
/// `Option<Vec<_>>` field as a repeated flag, not one list).
#[derive(Debug, Clone)]
pub(super) struct Loans(pub Vec<LoanPlan>);

fn loans(text: &str) -> Result<Loans, String> {
    text.split(',')
        .filter(|s| !s.trim().is_empty())
        .map(|s| LoanPlan::parse(s).ok_or(format!("unknown plan '{s}' (1, 2, 4, 5, pg)")))
        .collect::<Result<Vec<_>, _>>()
        .map(Loans)
}

fn date(text: &str) -> Result<Date, String> {
    Date::parse(text)
}

fn quantity(text: &str) -> Result<Quantity, String> {
    Quantity::parse(text)
}

/// Checked here, not only by the sweep, so that the message blames the flag.
fn steps(text: &str) -> Result<u32, String> {
    let max = crate::engine::model::exploration::MAX_STEPS;
    match text.parse::<u32>() {
        Ok(n) if (1..=max).contains(&n) => Ok(n),
        _ => Err(format!(
            "'{text}' is not a number of steps: write a whole number from 1 to {max}"
        )),
    }
}

/// What the arguments ask for.
pub(super) enum Request {
    /// The help text, to print.
    Help(String),
    /// A command to run (boxed: far larger than the help).
    Run(Box<Cli>),
}

/// Parses `args` (without the program's name); an error is the message to print.
pub(super) fn parse(args: &[String]) -> Result<Request, String> {
    let program = std::iter::once("offer-compare");
    let matches = <Cli as clap::CommandFactory>::command()
        .try_get_matches_from(program.chain(args.iter().map(String::as_str)));
    match matches.and_then(|m| Cli::from_arg_matches(&m)) {
        Ok(cli) => Ok(Request::Run(Box::new(cli))),
        Err(e) if e.kind() == ErrorKind::DisplayHelp => Ok(Request::Help(help())),
        Err(e) => Err(plain(&e)),
    }
}

/// A clap error in this program's words: the flag or argument, and what it takes.
fn plain(e: &clap::error::Error) -> String {
    let text = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(list)) => list.join(", "),
        _ => String::new(),
    };
    // "--format <FORMAT>" → "--format"; "<SCENARIO.json>" → "SCENARIO.json".
    let arg = text(ContextKind::InvalidArg);
    let arg = arg.split(' ').next().unwrap_or_default();
    let arg = arg.trim_start_matches('<').trim_end_matches('>');
    let value = text(ContextKind::InvalidValue);
    let valid = match e.get(ContextKind::ValidValue) {
        Some(ContextValue::Strings(list)) => list.clone(),
        _ => Vec::new(),
    };
    let message = match e.kind() {
        ErrorKind::UnknownArgument if arg.starts_with('-') => format!("unknown option '{arg}'"),
        ErrorKind::UnknownArgument => format!("unexpected argument '{arg}'"),
        // A second word after the scenario file: clap took it for a command.
        ErrorKind::ArgumentConflict if e.get(ContextKind::InvalidSubcommand).is_some() => {
            format!(
                "unexpected argument '{}'",
                text(ContextKind::InvalidSubcommand)
            )
        }
        ErrorKind::InvalidValue if value.is_empty() => match valid.as_slice() {
            [] => format!("{arg} needs a value"),
            _ => format!("{arg} needs a value: {}", one_of(&valid)),
        },
        ErrorKind::InvalidValue => format!("{arg}: '{value}' is not {}", one_of(&valid)),
        ErrorKind::ValueValidation => match std::error::Error::source(e) {
            Some(why) => format!("{arg}: {why}"),
            None => format!("{arg}: '{value}' is not valid"),
        },
        ErrorKind::MissingRequiredArgument => {
            let missing = text(ContextKind::InvalidArg);
            let missing = missing.replace(['<', '>'], "");
            format!("{missing} is required")
        }
        _ => e
            .kind()
            .as_str()
            .unwrap_or("the arguments are not understood")
            .to_string(),
    };
    // A value read into an engine type says itself fully; others are followed by the usage.
    match e.kind() {
        ErrorKind::ValueValidation => message,
        _ => format!("{message}\n{USAGE}"),
    }
}

/// "table, json or csv".
fn one_of(values: &[String]) -> String {
    match values {
        [] => "allowed".to_string(),
        [one] => one.clone(),
        [rest @ .., last] => format!("one of {} or {last}", rest.join(", ")),
    }
}
