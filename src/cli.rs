//! The command line: `offer-compare SCENARIO.json [--format table|json|csv]`.
//! It prints exactly the figures the page shows, so any published number can be
//! reproduced outside the browser. `offer-compare diff A B` prints two offers'
//! terms side by side.

mod args;
mod history;

use crate::cli_table::{align, table, terminal_safe};
use crate::codec::csv::results_to_csv;
use crate::codec::csv::{gains_to_csv, sweep_to_csv};
use crate::codec::json::{
    comparison_to_json, from_value, offer_origin, scenario_from_json, MAX_SCENARIO_BYTES,
};
use crate::codec::link::scenario_from_link;
use crate::engine::compare::{compare, CompareError};
use crate::engine::date::Date;
use crate::engine::deductions::rules::LoanPlan;
use crate::engine::deductions::Residence;
use crate::engine::explain::{format_figure, Unit};
use crate::engine::explore::break_even::Method;
use crate::engine::explore::{
    break_even, gains, quantity_choices, standard_cases, sweep, Quantity, GAINS_CAPTION,
};
use crate::engine::offer::Offer;
use crate::engine::scenario::Scenario;
use crate::engine::take_home::TakeHome;
use crate::engine::terms::{diff, diff_date, TermDiff};
use crate::presets::{library, offer_key};
use args::{
    BreakEvenArgs, Command, CompareArgs, DiffArgs, Format, GainsArgs, Range, Request, SweepArgs,
    TableOrCsv, USAGE,
};
use rust_decimal::Decimal;
use std::process::ExitCode;

/// Pay date of a diff of presets or files: 3 August 2016, when the 2016 terms
/// came in, is inside every 2016 offer's first pay period.
const DIFF_DATE: &str = "2016-08-03";

/// Entry point of the native binary.
pub fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(out) => {
            // Not `print!`: it panics when the reader goes away (`… | head`).
            use std::io::Write;
            match std::io::stdout().write_all(terminal_safe(&out).as_bytes()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(e) => {
                    report(&format!("cannot write the output: {e}"));
                    ExitCode::FAILURE
                }
            }
        }
        Err(message) => {
            report(&message);
            ExitCode::FAILURE
        }
    }
}

/// Writes `message` to stderr. Not `eprintln!`: it panics when stderr is
/// closed (`… 2>&1 | head -1`); a message no one can read is dropped.
fn report(message: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{}", terminal_safe(message));
}

/// The text of the file at `path`, refused before it is read whole when it is
/// over [`MAX_SCENARIO_BYTES`] (`/dev/zero`, a 1 GB file): at most one byte
/// more than the limit is ever read.
pub fn read_limited(path: &str) -> Result<String, String> {
    use std::io::Read;
    let too_big = || {
        format!(
            "{path}: the file is larger than {} MB, the most a scenario or offer file may be",
            MAX_SCENARIO_BYTES / (1024 * 1024)
        )
    };
    let file = std::fs::File::open(path).map_err(|e| format!("{path}: cannot read: {e}"))?;
    if file
        .metadata()
        .is_ok_and(|m| m.is_file() && m.len() > MAX_SCENARIO_BYTES as u64)
    {
        return Err(too_big());
    }
    let mut bytes = Vec::new();
    file.take(MAX_SCENARIO_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("{path}: cannot read: {e}"))?;
    if bytes.len() > MAX_SCENARIO_BYTES {
        return Err(too_big());
    }
    String::from_utf8(bytes).map_err(|_| format!("{path}: the file is not text (UTF-8)"))
}

/// Runs the command line on `args`; the text to print, or the error message.
pub fn run(args: &[String]) -> Result<String, String> {
    let cli = match args::parse(args)? {
        Request::Help(text) => return Ok(text),
        Request::Run(cli) => *cli,
    };
    match cli.command {
        Some(Command::Diff(a)) => run_diff(a),
        Some(Command::Sweep(a)) => run_sweep(a),
        Some(Command::BreakEven(a)) => run_break_even(a),
        Some(Command::Gains(a)) => run_gains(a),
        Some(Command::History(a)) => history::run_history(a),
        None => run_compare(cli.compare),
    }
}

/// `SCENARIO.json [--format table|json|csv] [--net …]`: the comparison.
fn run_compare(args: CompareArgs) -> Result<String, String> {
    let path = args.file.clone().ok_or_else(|| USAGE.to_string())?;
    let mut scenario = load_scenario(&path)?;
    let format = args.format;
    let mut flagged = false;
    if let Some(n) = NetArgs::of(args) {
        flagged = n.pensionable.is_some();
        n.apply(&mut scenario);
    }
    let comparison = compare(&scenario, crate::reference()).map_err(|e| match e {
        // Lines given with --pensionable are the flag's fault, not the file's.
        CompareError::Invalid(issues) if flagged => issues
            .iter()
            .find(|i| i.path.starts_with("take_home.pensionable"))
            .map_or_else(
                || format!("{path}: {}", CompareError::Invalid(issues.clone())),
                |i| format!("--pensionable: {}", i.message),
            ),
        e => format!("{path}: {e}"),
    })?;
    Ok(match format {
        Format::Table => table(&scenario, &comparison),
        Format::Json => comparison_to_json(&comparison) + "\n",
        Format::Csv => results_to_csv(&scenario, &comparison),
    })
}

/// `diff A B` or `diff SCENARIO.json A B`, with `--date` and `--all`.
fn run_diff(args: DiffArgs) -> Result<String, String> {
    let DiffArgs { names, date, all } = args;
    let (a, b, default_date) = match names.as_slice() {
        [a, b] => (
            load_offer(a)?,
            load_offer(b)?,
            Date::parse(DIFF_DATE).unwrap_or(Date::APRIL_2016_STRIKE),
        ),
        [path, a, b] => {
            let scenario = load_scenario(path)?;
            let find = |name: &str| {
                let offers = &scenario.offers;
                offers
                    .iter()
                    .find(|o| o.id == name || offer_key(o) == name)
                    .cloned()
                    .ok_or_else(|| {
                        let ids: Vec<&str> = offers.iter().map(|o| o.id.as_str()).collect();
                        format!("{path}: no offer '{name}' (offers: {})", ids.join(", "))
                    })
            };
            let (a, b) = (find(a)?, find(b)?);
            let date = diff_date(&scenario, &a.id, &b.id);
            (a, b, date)
        }
        _ => return Err(format!("diff needs two offers\n{USAGE}")),
    };
    let date = date.unwrap_or(default_date);
    Ok(diff_table(&a, &b, date, &diff(&a, &b, date), all))
}

/// A scenario from a file, or from a share link: the argument itself when no
/// file has that name, or a file holding one — so a link someone was sent
/// gives the same figures here as on the page, through the same decoder.
fn load_scenario(path: &str) -> Result<Scenario, String> {
    if is_link(path) && !std::path::Path::new(path).exists() {
        return scenario_from_link(path).map_err(|e| e.to_string());
    }
    let text = read_limited(path)?;
    if is_link(text.trim_start()) {
        return scenario_from_link(text.trim()).map_err(|e| format!("{path}: {e}"));
    }
    scenario_from_json(&text).map_err(|e| format!("{path}: {e}"))
}

/// Whether `text` reads as a share link (an address, a fragment, or the
/// fragment's `v1.`/`v2.` body) rather than a scenario's JSON.
fn is_link(text: &str) -> bool {
    let bytes = text.as_bytes();
    text.starts_with("http://")
        || text.starts_with("https://")
        || text.starts_with("#v")
        || (bytes.first() == Some(&b'v') && bytes.get(1).is_some_and(u8::is_ascii_digit))
}

/// The scenario of `sweep` or `break-even`, and its quantity and range read:
/// without `--quantity`, the error lists the scenario's quantities.
fn explore_args(
    file: &str,
    range: Range,
) -> Result<(Scenario, Quantity, Decimal, Decimal), String> {
    let scenario = load_scenario(file)?;
    let Some(quantity) = range.quantity else {
        let choices: Vec<String> = quantity_choices(&scenario)
            .iter()
            .map(|c| format!("  {c}"))
            .collect();
        return Err(format!(
            "--quantity is required; {file} offers:\n{}",
            choices.join("\n")
        ));
    };
    let value = |text: Option<String>, flag: &str| {
        let text = text.ok_or_else(|| format!("{flag} is required\n{USAGE}"))?;
        quantity
            .parse_value(&text)
            .map_err(|e| format!("{flag}: {e}"))
    };
    let (from, to) = (value(range.from, "--from")?, value(range.to, "--to")?);
    Ok((scenario, quantity, from, to))
}

/// `sweep SCENARIO.json --quantity SPEC --from X --to Y [--steps N] [--format table|csv]`.
fn run_sweep(args: SweepArgs) -> Result<String, String> {
    let (scenario, quantity, from, to) = explore_args(&args.file, args.range)?;
    let q = &quantity;
    let result = sweep(&scenario, crate::reference(), q, from, to, args.steps)?;
    if args.format == TableOrCsv::Csv {
        return Ok(sweep_to_csv(&result));
    }
    let mut grid = vec![std::iter::once(q.to_string())
        .chain(result.columns.iter().cloned())
        .collect::<Vec<_>>()];
    for point in &result.points {
        let cells = point.cells.iter().map(|c| {
            let mark = if c.breach { " !" } else { "  " };
            let net = c
                .net
                .map(|n| format!(" (net {})", format_figure(n, Unit::Pounds)))
                .unwrap_or_default();
            format!("{}{net}{mark}", format_figure(c.gross, Unit::Pounds))
        });
        grid.push(
            std::iter::once(q.format_value(point.x))
                .chain(cells)
                .collect(),
        );
    }
    let mut out = align(&grid);
    out.push_str(
        "\nGross pay per year (net pay per year, when the scenario shows take-home pay); ! = breaches a limit of the offer.\n",
    );
    // The sentences the page shows, one a line.
    let name = |k: usize| {
        let id = result.columns.get(k).map_or("", String::as_str);
        scenario.column_name(id)
    };
    out.push('\n');
    for sentence in result.crossover_sentences(&name) {
        out.push_str(&format!("{sentence}\n"));
    }
    Ok(out)
}

/// `break-even SCENARIO.json COLUMN_A COLUMN_B --quantity SPEC --from X --to Y`.
fn run_break_even(args: BreakEvenArgs) -> Result<String, String> {
    let (scenario, quantity, from, to) = explore_args(&args.file, args.range)?;
    let (q, a, b) = (&quantity, &args.a, &args.b);
    let found = break_even(&scenario, crate::reference(), q, a, b, from, to)?;
    let range = format!(
        "{} from {} to {}",
        q,
        q.format_value(from),
        q.format_value(to)
    );
    // The page's sentence, with the columns named as the page names them.
    let answer = found
        .outcome
        .sentence(q, &scenario.column_name(a), &scenario.column_name(b));
    let method = match found.method {
        Method::Bisection => "bisection (the difference only moves one way)",
        Method::Scan => "every value of the grid",
    };
    Ok(format!(
        "Break-even of {b} against {a}, {range} (gross pay per year):\n{answer}\nSearched by {method}; {} values computed.\n",
        found.evaluations
    ))
}

/// `gains SCENARIO.json [--format table|csv]`.
fn run_gains(args: GainsArgs) -> Result<String, String> {
    let scenario = load_scenario(&args.file)?;
    // Its refusals name the file, as the plain comparison's do.
    let found = gains(
        &scenario,
        crate::reference(),
        &standard_cases(&scenario, crate::reference()),
    )
    .map_err(|e| format!("{}: {e}", args.file))?;
    if args.format == TableOrCsv::Csv {
        return Ok(gains_to_csv(&found));
    }
    let mut grid = vec![[
        "column",
        "best",
        "median",
        "worst",
        "better off",
        "worse off",
        "breaching",
        "pay bill",
    ]
    .map(String::from)
    .to_vec()];
    let mut extremes = String::new();
    for row in found.rows() {
        extremes.push_str(&format!(
            "  {}: best on {}; worst on {}\n",
            row.id, row.best_case.label, row.worst_case.label
        ));
        grid.push(vec![
            row.id,
            row.best,
            row.median,
            row.worst,
            row.better,
            row.worse,
            row.breaching,
            row.pay_bill,
        ]);
    }
    let baseline = found.columns.get(found.baseline).map_or("", String::as_str);
    let mut out = format!(
        "{}\n\n{GAINS_CAPTION}:\n",
        found.summary_sentence(&scenario.column_name(baseline))
    );
    out.push_str(&align(&grid));
    out.push_str(&format!("\n{}\n", found.pay_bill_sentence()));
    out.push_str("\nWhere each column does best and worst:\n");
    out.push_str(&extremes);
    for failure in found.failure_sentences() {
        out.push_str(&format!("\nNot computed: {failure}"));
    }
    Ok(out)
}

/// A preset by key, else an offer JSON file.
fn load_offer(name: &str) -> Result<Offer, String> {
    let presets = &library().offers;
    if let Some(entry) = presets.iter().find(|e| e.key == name) {
        return Ok(entry.item.clone());
    }
    if !std::path::Path::new(name).exists() {
        let known: Vec<&str> = presets.iter().map(|e| e.key.as_str()).collect();
        return Err(format!(
            "{name}: neither a preset (known: {}) nor a file",
            known.join(", ")
        ));
    }
    let text = read_limited(name)?;
    let value = crate::decode::parse(text.strip_prefix('\u{feff}').unwrap_or(&text)).map_err(
        |e| match e.path.as_str() {
            "." => format!("{name}: not JSON: {}", e.message),
            _ => format!("{name}: {e}"),
        },
    )?;
    if value.get("version").is_some() && value.get("offers").is_some() {
        return Err(format!(
            "{name}: this is a scenario, not an offer; to compare two of its offers use \
             `diff {name} OFFER_A OFFER_B`"
        ));
    }
    let offer = from_value::<Offer>(value).map_err(|e| format!("{name}: {e}"))?;
    let issues = crate::engine::validate::validate_offer_alone(&offer);
    if let Some(issue) = issues.first() {
        return Err(format!("{name}: {issue}"));
    }
    Ok(offer)
}

/// The side-by-side as text: which offers, then `Section | Term | A | B` rows
/// (the differing ones, or all marked ≠ where they differ).
fn diff_table(a: &Offer, b: &Offer, date: Date, rows: &[TermDiff], all: bool) -> String {
    let mut out = format!(
        "Terms at {date}\n  A: {} ({})\n  B: {} ({})\n\n",
        a.name,
        offer_origin(a),
        b.name,
        offer_origin(b)
    );
    let shown: Vec<[&str; 4]> = rows
        .iter()
        .filter(|r| all || r.differs)
        .map(|r| [r.section, r.term.as_str(), r.a.as_str(), r.b.as_str()])
        .collect();
    if shown.is_empty() {
        out.push_str("No term differs.\n");
        return out;
    }
    let header = ["Section", "Term", "A", "B"];
    let mut widths = [0; 4];
    for row in shown.iter().chain([&header]) {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let marks = rows.iter().filter(|r| all || r.differs).map(|r| r.differs);
    for (row, differs) in std::iter::once((&header, false)).chain(shown.iter().zip(marks)) {
        if all {
            out.push_str(if differs { "≠ " } else { "  " });
        }
        let cells: Vec<String> = row
            .iter()
            .zip(widths)
            .enumerate()
            .map(|(i, (cell, width))| match i {
                3 => cell.to_string(),
                _ => format!("{cell}{}", " ".repeat(width - cell.chars().count())),
            })
            .collect();
        out.push_str(cells.join(" | ").trim_end());
        out.push('\n');
    }
    out
}

/// The `--net` options: each given one replaces the scenario's own setting.
#[derive(Debug)]
struct NetArgs {
    scotland: bool,
    not_member: bool,
    loans: Option<Vec<LoanPlan>>,
    pensionable: Option<Vec<String>>,
}

impl NetArgs {
    /// The `--net` options given, if any (each switches take-home pay on).
    fn of(args: CompareArgs) -> Option<NetArgs> {
        let any = args.net
            || args.scotland
            || args.not_member
            || args.loans.is_some()
            || args.pensionable.is_some();
        any.then(|| NetArgs {
            scotland: args.scotland,
            not_member: args.not_member,
            loans: args.loans.map(|l| l.0),
            pensionable: args
                .pensionable
                .map(|text| text.split(',').map(|s| s.trim().to_string()).collect()),
        })
    }

    /// Switches take-home pay on in `scenario`, with these options on top of
    /// what the scenario says.
    fn apply(self, scenario: &mut Scenario) {
        let settings = scenario.take_home.get_or_insert_with(TakeHome::default);
        if self.scotland {
            settings.residence = Residence::Scotland;
        }
        if self.not_member {
            settings.pension_member = false;
        }
        if let Some(loans) = self.loans {
            settings.loans = loans;
        }
        if let Some(lines) = self.pensionable {
            settings.pensionable = Some(lines);
        }
    }
}
