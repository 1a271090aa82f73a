//! The command line: `offer-compare SCENARIO.json [--format table|json|csv]`.
//! It prints exactly the figures the page shows, so any published number can be
//! reproduced outside the browser. `offer-compare diff A B` prints two offers'
//! terms side by side.

use crate::cli_table::{align, table};
use crate::codec::csv::results_to_csv;
use crate::codec::csv::{gains_to_csv, sweep_to_csv};
use crate::codec::json::{comparison_to_json, from_text, scenario_from_json};
use crate::engine::compare::{compare, CompareError};
use crate::engine::date::Date;
use crate::engine::deductions::rules::LoanPlan;
use crate::engine::deductions::Residence;
use crate::engine::explain::{format_figure, Unit};
use crate::engine::explore::break_even::Method;
use crate::engine::explore::gains::share_text;
use crate::engine::explore::{break_even, gains, standard_cases, sweep, Outcome, Quantity};
use crate::engine::offer::Offer;
use crate::engine::scenario::Scenario;
use crate::engine::take_home::TakeHome;
use crate::engine::terms::{diff, diff_date, TermDiff};
use crate::presets::{library, offer_key};
use rust_decimal::Decimal;
use std::process::ExitCode;

const USAGE: &str = "usage: offer-compare SCENARIO.json [--format table|json|csv]
                     [--net [--scotland] [--loans 1,2,4,5,pg] [--not-member] [--pensionable ID,ID]]
       offer-compare diff A B [--date YYYY-MM-DD] [--all]
       offer-compare diff SCENARIO.json OFFER_A OFFER_B [--date YYYY-MM-DD] [--all]
       offer-compare sweep SCENARIO.json --quantity SPEC --from X --to Y [--steps N] [--format table|csv]
       offer-compare break-even SCENARIO.json COLUMN_A COLUMN_B --quantity SPEC --from X --to Y
       offer-compare gains SCENARIO.json [--format table|csv]

Reads a scenario file (see docs/scenario-format.md) and prints every figure of
the comparison: a readable table by default, or JSON / CSV with every line and
its explanation.

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

/// Pay date of a diff of presets or files: 3 August 2016, when the 2016 terms
/// came in, is inside every 2016 offer's first pay period.
const DIFF_DATE: &str = "2016-08-03";

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Table,
    Json,
    Csv,
}

/// Entry point of the native binary.
pub fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(out) => {
            // Not `print!`: it panics when the reader goes away (`… | head`).
            use std::io::Write;
            match std::io::stdout().write_all(out.as_bytes()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("cannot write the output: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

/// Runs the command line on `args`; the text to print, or the error message.
pub fn run(args: &[String]) -> Result<String, String> {
    match args.split_first().map(|(a, r)| (a.as_str(), r)) {
        Some(("diff", rest)) => return run_diff(rest),
        Some(("sweep", rest)) => return run_sweep(rest),
        Some(("break-even", rest)) => return run_break_even(rest),
        Some(("gains", rest)) => return run_gains(rest),
        _ => {}
    }
    let mut path = None;
    let mut format = Format::Table;
    let mut net_args: Option<NetArgs> = None;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        let mut value = |flag: &str| iter.next().cloned().ok_or(format!("{flag} needs a value"));
        match arg.as_str() {
            "-h" | "--help" => return Ok(format!("{USAGE}\n")),
            "--net" => {
                net_args.get_or_insert_with(NetArgs::default);
            }
            "--scotland" => net_args.get_or_insert_with(NetArgs::default).scotland = true,
            "--not-member" => net_args.get_or_insert_with(NetArgs::default).not_member = true,
            "--loans" => {
                let text = value("--loans")?;
                let loans = text
                    .split(',')
                    .filter(|s| !s.trim().is_empty())
                    .map(|s| {
                        LoanPlan::parse(s)
                            .ok_or(format!("--loans: unknown plan '{s}' (1, 2, 4, 5, pg)"))
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                net_args.get_or_insert_with(NetArgs::default).loans = Some(loans);
            }
            "--pensionable" => {
                let text = value("--pensionable")?;
                net_args.get_or_insert_with(NetArgs::default).pensionable =
                    Some(text.split(',').map(|s| s.trim().to_string()).collect());
            }
            "--format" => {
                format = match iter.next().map(String::as_str) {
                    Some("table") => Format::Table,
                    Some("json") => Format::Json,
                    Some("csv") => Format::Csv,
                    other => return Err(format!("unknown format {other:?}\n{USAGE}")),
                }
            }
            flag if flag.starts_with('-') => {
                return Err(format!("unknown option '{flag}'\n{USAGE}"))
            }
            file if path.is_none() => path = Some(file.to_string()),
            extra => return Err(format!("unexpected argument '{extra}'\n{USAGE}")),
        }
    }
    let path = path.ok_or_else(|| USAGE.to_string())?;
    let mut scenario = load_scenario(&path)?;
    if let Some(n) = net_args {
        n.apply(&mut scenario);
    }
    let comparison = compare(&scenario).map_err(|e| match e {
        CompareError::Invalid(issues) => issues
            .iter()
            .map(|i| format!("{path}: {i}"))
            .collect::<Vec<_>>()
            .join("\n"),
        CompareError::Compute(e) => format!("{path}: {e}"),
    })?;
    Ok(match format {
        Format::Table => table(&scenario, &comparison),
        Format::Json => comparison_to_json(&comparison) + "\n",
        Format::Csv => results_to_csv(&scenario, &comparison),
    })
}

/// `diff A B` or `diff SCENARIO.json A B`, with `--date` and `--all`.
fn run_diff(args: &[String]) -> Result<String, String> {
    let mut names = Vec::new();
    let mut date = None;
    let mut all = false;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "-h" | "--help" => return Ok(format!("{USAGE}\n")),
            "--all" => all = true,
            "--date" => {
                let text = iter.next().map(String::as_str).unwrap_or_default();
                date = Some(Date::parse(text).map_err(|e| format!("--date: {e}"))?);
            }
            flag if flag.starts_with('-') => {
                return Err(format!("unknown option '{flag}'\n{USAGE}"))
            }
            name => names.push(name),
        }
    }
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

/// A scenario file, read and decoded.
fn load_scenario(path: &str) -> Result<Scenario, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: cannot read: {e}"))?;
    scenario_from_json(&text).map_err(|e| format!("{path}: {e}"))
}

/// The arguments of `sweep` and `break-even`: the scenario file and other
/// names in order, the quantity and its range, the steps and the format.
struct ExploreArgs {
    names: Vec<String>,
    quantity: Quantity,
    from: Decimal,
    to: Decimal,
    steps: u32,
    csv: bool,
}

fn explore_args(args: &[String]) -> Result<(Scenario, ExploreArgs), String> {
    let mut names = Vec::new();
    let (mut quantity, mut from, mut to) = (None, None, None);
    let (mut steps, mut csv) = (101, false);
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        let mut value = || {
            iter.next()
                .cloned()
                .ok_or(format!("{arg} needs a value\n{USAGE}"))
        };
        match arg.as_str() {
            "--quantity" => quantity = Some(Quantity::parse(&value()?)?),
            "--from" => from = Some(value()?),
            "--to" => to = Some(value()?),
            "--steps" => {
                let text = value()?;
                steps = text
                    .parse()
                    .map_err(|_| format!("--steps: '{text}' is not a whole number"))?;
            }
            "--format" => {
                csv = match value()?.as_str() {
                    "table" => false,
                    "csv" => true,
                    other => return Err(format!("unknown format '{other}'\n{USAGE}")),
                }
            }
            flag if flag.starts_with('-') => {
                return Err(format!("unknown option '{flag}'\n{USAGE}"))
            }
            name => names.push(name.to_string()),
        }
    }
    let need = |what: &str| format!("{what} is required\n{USAGE}");
    let quantity = quantity.ok_or_else(|| need("--quantity"))?;
    let value = |text: Option<String>, flag: &str| {
        let text = text.ok_or_else(|| need(flag))?;
        quantity
            .parse_value(&text)
            .map_err(|e| format!("{flag}: {e}"))
    };
    let (from, to) = (value(from, "--from")?, value(to, "--to")?);
    let path = names.first().ok_or_else(|| need("SCENARIO.json"))?;
    let scenario = load_scenario(path)?;
    Ok((
        scenario,
        ExploreArgs {
            names,
            quantity,
            from,
            to,
            steps,
            csv,
        },
    ))
}

/// `sweep SCENARIO.json --quantity SPEC --from X --to Y [--steps N] [--format table|csv]`.
fn run_sweep(args: &[String]) -> Result<String, String> {
    if args.iter().any(|a| a == "-h" || a == "--help") {
        return Ok(format!("{USAGE}\n"));
    }
    let (scenario, args) = explore_args(args)?;
    if args.names.len() != 1 {
        return Err(format!("sweep takes one scenario file\n{USAGE}"));
    }
    let q = &args.quantity;
    let result = sweep(&scenario, q, args.from, args.to, args.steps)?;
    if args.csv {
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
    out.push_str(if result.crossovers.is_empty() {
        "\nNo two columns change order in this range.\n"
    } else {
        "\nWhere columns change order:\n"
    });
    let name = |i: usize| result.columns[i].as_str();
    for c in &result.crossovers {
        let behind = if c.ahead == c.a { c.b } else { c.a };
        let (from, to) = (q.format_value(c.from), q.format_value(c.to));
        let equal = c
            .equal_at
            .map(|x| format!(" (equal at {})", q.format_value(x)))
            .unwrap_or_default();
        out.push_str(&format!(
            "  {} overtakes {} between {from} and {to}{equal}\n",
            name(c.ahead),
            name(behind)
        ));
    }
    Ok(out)
}

/// `break-even SCENARIO.json COLUMN_A COLUMN_B --quantity SPEC --from X --to Y`.
fn run_break_even(args: &[String]) -> Result<String, String> {
    if args.iter().any(|a| a == "-h" || a == "--help") {
        return Ok(format!("{USAGE}\n"));
    }
    let (scenario, args) = explore_args(args)?;
    let [_, a, b] = args.names.as_slice() else {
        return Err(format!(
            "break-even takes a scenario file and two column ids\n{USAGE}"
        ));
    };
    let q = &args.quantity;
    let found = break_even(&scenario, q, a, b, args.from, args.to)?;
    let money = |v: Decimal| format_figure(v, Unit::Pounds);
    let range = format!(
        "{} from {} to {}",
        q,
        q.format_value(args.from),
        q.format_value(args.to)
    );
    let answer = match found.outcome {
        Outcome::AtStart { x, difference } => format!(
            "{b} already pays at least as much as {a} at {q} = {} (by {})",
            q.format_value(x),
            money(difference)
        ),
        Outcome::Equal { x } => format!(
            "{b} pays exactly as much as {a} at {q} = {}, and less below it",
            q.format_value(x)
        ),
        Outcome::Jump { x, before, after } => format!(
            "{b} jumps past {a} at {q} = {}: from {} to {} (a step of {})",
            q.format_value(x),
            money(before),
            money(after),
            money(after.checked_sub(before).unwrap_or_default())
        ),
        Outcome::Never {
            best_x,
            best_difference,
        } => format!(
            "{b} never pays as much as {a} in this range; closest at {q} = {}, {} short",
            q.format_value(best_x),
            money(best_difference.abs())
        ),
    };
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
fn run_gains(args: &[String]) -> Result<String, String> {
    let (path, csv) = match args {
        [path] => (path, false),
        [path, flag, format] if flag == "--format" && (format == "csv" || format == "table") => {
            (path, format == "csv")
        }
        _ => {
            return Err(format!(
                "gains takes a scenario file and --format table|csv\n{USAGE}"
            ))
        }
    };
    let scenario = load_scenario(path)?;
    let found = gains(&scenario, &standard_cases(&scenario))?;
    if csv {
        return Ok(gains_to_csv(&found));
    }
    let money = |v: Decimal| format_figure(v, Unit::Pounds);
    let label = |k: usize| found.cases.get(k).map_or("", |(c, _)| c.label.as_str());
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
    let columns = found.columns.iter().zip(&found.summary).enumerate();
    for (k, (id, g)) in columns.filter(|(k, _)| *k != found.baseline) {
        grid.push(vec![
            id.clone(),
            money(g.best.0),
            money(g.median),
            money(g.worst.0),
            share_text(g.better),
            share_text(g.worse),
            g.breaching.len().to_string(),
            found
                .pay_bill_change(k)
                .map_or("–".into(), |p| format_figure(p, Unit::Percent)),
        ]);
        extremes.push_str(&format!(
            "  {id}: best on {}; worst on {}\n",
            label(g.best.1),
            label(g.worst.1)
        ));
    }
    let mut out = format!(
        "Change in gross pay per year against the baseline ({}) on the same rota and grade, over {} cases (rotas × grades):\n",
        found.columns[found.baseline],
        found.cases.len()
    );
    out.push_str(&align(&grid));
    out.push_str(&format!(
        "\nPay bill: each case's gross pay × its weight, summed ({} for the baseline); the column is its change. Employer's NI and pension contributions are not included.\n",
        money(found.summary[found.baseline].pay_bill)
    ));
    out.push_str("\nWhere each column does best and worst:\n");
    out.push_str(&extremes);
    for (label, why) in &found.failed {
        out.push_str(&format!("\nNot computed: {label}: {why}"));
    }
    Ok(out)
}

/// A preset by key, else an offer JSON file.
fn load_offer(name: &str) -> Result<Offer, String> {
    let presets = &library().offers;
    if let Some(entry) = presets.iter().find(|e| e.key == name) {
        return Ok(entry.item.clone());
    }
    let text = std::fs::read_to_string(name).map_err(|e| {
        let known: Vec<&str> = presets.iter().map(|e| e.key.as_str()).collect();
        format!(
            "{name}: neither a preset (known: {}) nor a readable file: {e}",
            known.join(", ")
        )
    })?;
    from_text::<Offer>(&text)
        .map(|(offer, _)| offer)
        .map_err(|e| format!("{name}: {e}"))
}

/// The side-by-side as text: which offers, then `Section | Term | A | B` rows
/// (the differing ones, or all marked ≠ where they differ).
fn diff_table(a: &Offer, b: &Offer, date: Date, rows: &[TermDiff], all: bool) -> String {
    let mut out = format!(
        "Terms at {date}\n  A: {} ({})\n  B: {} ({})\n\n",
        a.name,
        offer_key(a),
        b.name,
        offer_key(b)
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
#[derive(Debug, Default)]
struct NetArgs {
    scotland: bool,
    not_member: bool,
    loans: Option<Vec<LoanPlan>>,
    pensionable: Option<Vec<String>>,
}

impl NetArgs {
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
