//! The command line's readable table, answer first: the page's heading and
//! the summary sentence, one
//! short block per column (which is also the key to the short column names A,
//! B, C… used below), then every figure side by side under those names, then
//! each column's limits and notes. Every line fits a 100-column terminal:
//! long row labels wrap, and columns too many for one table go in blocks that
//! each repeat the baseline.

use crate::engine::compare::Comparison;
use crate::engine::explain::format_figure;
use crate::engine::figure::Figure;
use crate::engine::scenario::Scenario;
use crate::engine::summary::{summarise, with_marker, Difference, Summary};
use crate::engine::title::heading;

/// The terminal width every line fits.
pub const WIDTH: usize = 100;
/// The narrowest the row labels get before columns are split into blocks.
const MIN_LABEL: usize = 20;

/// The whole readable output for a comparison of `scenario`.
pub(crate) fn table(scenario: &Scenario, comparison: &Comparison) -> String {
    let summary = summarise(comparison, scenario);
    let names = short_names(comparison.columns.len());
    let mut out = String::new();
    push_wrapped(&mut out, &heading(scenario), "", "");
    out.push('\n');
    push_wrapped(&mut out, &summary.sentence, "", "");
    out.push('\n');
    out.push_str(&summary_block(&summary, &names));
    out.push_str(&figures(comparison, &names));
    out.push_str(&limits(comparison, &names));
    let name_of = |id: &str| {
        comparison
            .columns
            .iter()
            .position(|c| c.id == id)
            .map_or(id.to_string(), |i| format!("{} ({id})", names[i]))
    };
    if let Some(base) = &comparison.baseline {
        out.push_str(&format!("\nDifferences are against {}.\n", name_of(base)));
    }
    for (column, name) in comparison.columns.iter().zip(&names) {
        let remarks = column.pay.notes.iter().chain(&column.pay.warnings);
        for (i, remark) in remarks.enumerate() {
            if i == 0 {
                out.push_str(&format!("\nNotes, {name} ({}):\n", column.id));
            }
            push_wrapped(&mut out, remark, "  - ", "    ");
        }
    }
    out.push_str(&take_home_notes(comparison, &names));
    out
}

/// A, B, C… (then A2, B2… past Z; a scenario has at most 12 columns).
fn short_names(count: usize) -> Vec<String> {
    (0..count)
        .map(|i| {
            let letter = char::from(b'A' + (i % 26) as u8);
            match i / 26 {
                0 => letter.to_string(),
                round => format!("{letter}{}", round + 1),
            }
        })
        .collect()
}

/// One block per column: name and status (the key to the short names), then
/// gross and net pay with the difference from the baseline, pay per hour and
/// the rest verdict, in the summary's own words.
fn summary_block(summary: &Summary, names: &[String]) -> String {
    let mut out = String::new();
    let base = summary
        .rows
        .iter()
        .zip(names)
        .find(|(r, _)| r.baseline)
        .map(|(_, n)| n.as_str());
    for (row, name) in summary.rows.iter().zip(names) {
        let pad = " ".repeat(name.chars().count() + 2);
        let mut line = |text: &str, first: bool| match first {
            true => push_wrapped(&mut out, text, &format!("{name}  "), &pad),
            false => push_wrapped(&mut out, text, &pad, &pad),
        };
        let tag = if row.baseline {
            " — the baseline"
        } else {
            ""
        };
        line(&format!("{}{tag}", row.offer_name), true);
        line(
            &format!(
                "{}; {} scale, paid {}",
                row.status, row.pay_year, row.pay_date
            ),
            false,
        );
        // The marker ends the clause: it is the difference's, not the baseline's.
        let against = |d: &Difference| match base {
            Some(b) => with_marker(format!(", {}", d.against(b)), d.marker),
            None => String::new(),
        };
        let mut gross = format!(
            "gross {} a year{}",
            row.gross.text(),
            row.difference.as_ref().map(against).unwrap_or_default()
        );
        if let Some(per_hour) = &row.per_hour {
            gross.push_str(&format!("; {} per hour worked", per_hour.text()));
        }
        line(&gross, false);
        if let Some(net) = &row.net {
            let diff = row.net_difference.as_ref().map(against);
            line(
                &format!("net {} a year{}", net.text(), diff.unwrap_or_default()),
                false,
            );
        }
        let hours = match row.rest.hours.is_empty() {
            true => String::new(),
            false => format!("; {}", row.rest.hours),
        };
        line(&format!("rest: {}{hours}", row.rest.words), false);
        let warning = row.difference.as_ref().and_then(|d| d.warning.as_ref());
        if let Some(warning) = warning {
            line(&format!("note: {warning}"), false);
        }
    }
    out
}

fn show(figure: &Figure) -> String {
    let value = format_figure(figure.value, figure.unit);
    match figure.marker {
        Some(m) => format!("{value} {}", m.tag()),
        None => value,
    }
}

/// Rows are pay figures then rest metrics (in first-seen order), columns are
/// the comparison's columns under their short names, in as many blocks as the
/// width needs.
fn figures(comparison: &Comparison, names: &[String]) -> String {
    let rows: Vec<(&str, &str)> = comparison
        .figure_rows()
        .into_iter()
        .chain(comparison.metric_rows())
        .collect();
    let cells: Vec<Vec<String>> = comparison
        .columns
        .iter()
        .zip(names)
        .map(|(c, name)| {
            let values = rows.iter().map(|(id, label)| {
                c.figure_in_row(id, label)
                    .map(show)
                    .or_else(|| c.metric(id).map(|m| format_figure(m.value, m.unit)))
                    .unwrap_or_else(|| "–".into())
            });
            std::iter::once(name.clone()).chain(values).collect()
        })
        .collect();
    let widths: Vec<usize> = cells
        .iter()
        .map(|c| c.iter().map(|v| v.chars().count()).max().unwrap_or(0))
        .collect();
    let base = comparison
        .baseline
        .as_deref()
        .and_then(|id| comparison.columns.iter().position(|c| c.id == id));
    let label_width = rows
        .iter()
        .map(|(_, l)| l.chars().count())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for block in blocks(&widths, base) {
        let used: usize = block.iter().map(|&i| widths[i] + 2).sum();
        let label_width = label_width.min(WIDTH.saturating_sub(used)).max(1);
        let mut grid = vec![std::iter::once(String::new())
            .chain(block.iter().map(|&i| cells[i][0].clone()))
            .collect::<Vec<_>>()];
        for (r, (_, label)) in rows.iter().enumerate() {
            grid.push(
                std::iter::once(label.to_string())
                    .chain(block.iter().map(|&i| cells[i][r + 1].clone()))
                    .collect(),
            );
        }
        out.push('\n');
        out.push_str(&grid_text(&grid, label_width));
    }
    let markers = comparison
        .columns
        .iter()
        .flat_map(|c| c.figures())
        .any(|f| f.marker.is_some());
    if markers {
        out.push('\n');
        push_wrapped(
            &mut out,
            "[V] read in the primary document; [S] from a secondary source; [D] derived by arithmetic from verified values; [?] assumed. Figures without a marker rest on the offer's terms, whose markers are in each explanation's source.",
            "",
            "",
        );
    }
    out
}

/// The columns of each block: all in one when the labels keep `MIN_LABEL`
/// characters; otherwise the baseline (when there is one) and as many other
/// columns as fit, block after block.
fn blocks(widths: &[usize], base: Option<usize>) -> Vec<Vec<usize>> {
    let fits =
        |block: &[usize]| block.iter().map(|&i| widths[i] + 2).sum::<usize>() + MIN_LABEL <= WIDTH;
    let all: Vec<usize> = (0..widths.len()).collect();
    if fits(&all) {
        return vec![all];
    }
    let start: Vec<usize> = base.into_iter().collect();
    let mut blocks = Vec::new();
    let mut block = start.clone();
    for i in all.into_iter().filter(|i| Some(*i) != base) {
        let mut wider = block.clone();
        wider.push(i);
        if !fits(&wider) && block.len() > start.len() {
            blocks.push(std::mem::replace(&mut block, start.clone()));
            block.push(i);
        } else {
            block = wider;
        }
    }
    if block.len() > start.len() || blocks.is_empty() {
        blocks.push(block);
    }
    blocks
}

/// Rows of cells as text: the first column left-aligned and wrapped to
/// `label_width` (its further lines on lines of their own), the others
/// right-aligned on the row's first line.
fn grid_text(grid: &[Vec<String>], label_width: usize) -> String {
    let widths: Vec<usize> = (0..grid.first().map_or(0, Vec::len))
        .map(|i| {
            let width = |r: &Vec<String>| r.get(i).map_or(0, |c| c.chars().count());
            grid.iter().map(width).max().unwrap_or(0)
        })
        .collect();
    let first = widths.first().map_or(0, |w| (*w).min(label_width));
    let mut out = String::new();
    for row in grid {
        let label = row.first().map(String::as_str).unwrap_or_default();
        // A label that fits is kept as it is (spaces and all).
        let lines = match label.chars().count() <= first {
            true => vec![label.to_string()],
            false => wrap(label, first, "", ""),
        };
        let head = lines.first().map(String::as_str).unwrap_or_default();
        out.push_str(head);
        out.push_str(&" ".repeat(first.saturating_sub(head.chars().count())));
        for (cell, width) in row.iter().zip(&widths).skip(1) {
            let pad = " ".repeat(width.saturating_sub(cell.chars().count()));
            out.push_str(&format!("  {pad}{cell}"));
        }
        out.push('\n');
        for more in lines.iter().skip(1) {
            out.push_str(more);
            out.push('\n');
        }
    }
    out
}

/// Rows of cells as text, nothing wrapped: the first column left-aligned,
/// the others right-aligned.
pub(crate) fn align(grid: &[Vec<String>]) -> String {
    grid_text(grid, usize::MAX)
}

/// `text` broken at spaces into lines of at most `width` characters (with
/// their indents), a word longer than a line broken where it must be.
fn wrap(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = first.to_string();
    let mut indent = first.chars().count();
    let mut empty = true;
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let mut word: Vec<char> = word.chars().collect();
        loop {
            let used = line.chars().count();
            let space = usize::from(!empty);
            if used + space + word.len() <= width {
                if !empty {
                    line.push(' ');
                }
                line.extend(word.iter());
                empty = false;
                break;
            }
            if !empty {
                lines.push(std::mem::replace(&mut line, rest.to_string()));
                indent = rest.chars().count();
                empty = true;
                continue;
            }
            // A word longer than a whole line: as much as fits, then the rest.
            let room = width.saturating_sub(indent).max(1);
            let tail = word.split_off(room.min(word.len()));
            line.extend(word.iter());
            lines.push(std::mem::replace(&mut line, rest.to_string()));
            indent = rest.chars().count();
            word = tail;
            if word.is_empty() {
                break;
            }
        }
    }
    if !empty || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Appends `text` wrapped to [`WIDTH`], each line ended.
fn push_wrapped(out: &mut String, text: &str, first: &str, rest: &str) {
    for line in wrap(text, WIDTH, first, rest) {
        out.push_str(line.trim_end());
        out.push('\n');
    }
}

/// Each column's limit checks: pass or breach, and where.
fn limits(comparison: &Comparison, names: &[String]) -> String {
    let mut out = String::new();
    for (column, name) in comparison.columns.iter().zip(names) {
        if column.rest.checks.is_empty() {
            continue;
        }
        out.push_str(&format!("\nLimits, {name} ({}):\n", column.id));
        for check in &column.rest.checks {
            let verdict = if check.passed { "ok    " } else { "BREACH" };
            push_wrapped(
                &mut out,
                &format!("{} [{}]", check.text, check.allowed),
                &format!("  {verdict} "),
                &" ".repeat(9),
            );
            for breach in &check.breaches {
                push_wrapped(
                    &mut out,
                    &breach.to_string(),
                    &" ".repeat(9),
                    &" ".repeat(11),
                );
            }
        }
    }
    out
}

/// Each column's take-home notes (tax year, assumptions), printed once for
/// columns that share them.
fn take_home_notes(comparison: &Comparison, names: &[String]) -> String {
    let mut out = String::new();
    let mut previous: Option<&Vec<String>> = None;
    for (column, name) in comparison.columns.iter().zip(names) {
        let Some(t) = &column.take_home else { continue };
        let year = t.tax_year.as_deref().unwrap_or("none");
        out.push_str(&format!(
            "\nTake-home, {name} ({}), tax year {year}:",
            column.id
        ));
        if previous == Some(&t.notes) {
            out.push_str(" notes as above\n");
            continue;
        }
        out.push('\n');
        for n in &t.notes {
            push_wrapped(&mut out, n, "  - ", "    ");
        }
        previous = Some(&t.notes);
    }
    out
}

/// `text` with every character that could steer a terminal or reorder what
/// the reader sees — control characters and escapes (a name holding
/// `ESC[2J` would clear the screen), and bidirectional overrides — shown as
/// `\u{…}` instead. Line ends (`\n`, and `\r` before `\n` in CSV) and tabs
/// are kept.
pub(crate) fn terminal_safe(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let keep = match c {
            '\n' | '\t' => true,
            '\r' => chars.peek() == Some(&'\n'),
            // Bidirectional marks, embeddings, overrides and isolates.
            '\u{061c}'
            | '\u{200e}'
            | '\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2066}'..='\u{2069}' => false,
            c => !c.is_control(),
        };
        if keep {
            out.push(c);
        } else {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_overrides_are_shown_not_obeyed() {
        assert_eq!(
            terminal_safe("a\u{1b}[2Jb\u{202e}c\r\nd\re\u{7f}\t"),
            "a\\u{1b}[2Jb\\u{202e}c\r\nd\\u{d}e\\u{7f}\t"
        );
        assert_eq!(terminal_safe("Café – £1,000\n"), "Café – £1,000\n");
    }

    #[test]
    fn wrapping_keeps_every_line_within_the_width() {
        let text = "a bb ccc dddddddddddddd e";
        let lines = wrap(text, 6, "- ", "  ");
        assert_eq!(
            lines,
            ["- a bb", "  ccc", "  dddd", "  dddd", "  dddd", "  dd e"]
        );
        assert_eq!(wrap("", 10, "x ", ""), ["x "]);
        assert!(wrap(text, 1, "", "").iter().all(|l| l.chars().count() <= 1));
    }

    #[test]
    fn columns_split_into_blocks_that_repeat_the_baseline() {
        assert_eq!(blocks(&[14; 5], Some(0)), [vec![0, 1, 2, 3, 4]]);
        assert_eq!(
            blocks(&[14; 7], Some(2)),
            [vec![2, 0, 1, 3, 4], vec![2, 5, 6]]
        );
        assert_eq!(blocks(&[14; 7], None), [vec![0, 1, 2, 3, 4], vec![5, 6]]);
        assert_eq!(short_names(3), ["A", "B", "C"]);
        assert_eq!(short_names(28)[27], "B2");
    }
}
