//! The answer first: the engine's summary of the comparison — the same
//! sentence and figures the command line prints first — as one card per
//! offer (stacked on a phone, side by side when there is room). Each amount
//! opens its explanation inside its own card.
//!
//! Tests read the cards through `data-summary-*` attributes (never
//! `data-value`, which marks the full table's cells one per figure):
//! `data-summary-offer` (column id) on each card, `data-summary-line` on each
//! item (`gross`, `net`, `difference`, `net-difference`, `per-hour`, `rest`),
//! `data-summary-value` (unformatted decimal) on amounts,
//! `data-summary-direction` on differences and `data-summary-breached` /
//! `data-summary-checked` on the rest verdict.

use crate::engine::compare::{split_role, Comparison, IN_POST};
use crate::engine::scenario::Scenario;
use crate::engine::summary::{
    summarise, with_marker, Card, Difference, Direction, SummaryFigure, SummaryRow,
};
use crate::ui::results::table::why;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`Answer`].
#[derive(Properties, PartialEq)]
pub struct AnswerProps {
    /// The comparison shown.
    pub comparison: Rc<Comparison>,
    /// The scenario on screen (the one the comparison was computed from
    /// unless the results are stale).
    pub scenario: Rc<Scenario>,
    /// Whether the comparison is from before the last change.
    pub stale: bool,
    /// Whether to show the cards after the sentence: the other views open
    /// with the sentence alone, the cards being Compare's.
    #[prop_or(true)]
    pub cards: bool,
}

/// The sentence, then one card per offer.
#[component]
pub fn Answer(props: &AnswerProps) -> Html {
    // Keyed on the comparison alone: it changes exactly when a scenario
    // computes, so the scenario read here is the one it was computed from,
    // also while a later edit that does not compute leaves it stale.
    let summary = {
        let scenario = props.scenario.clone();
        use_memo(props.comparison.clone(), move |c| summarise(c, &scenario))
    };
    let open = use_state(|| None::<(String, String)>);
    let select = {
        let open = open.clone();
        Callback::from(move |key: (String, String)| {
            let same = open.as_ref() == Some(&key);
            open.set(if same { None } else { Some(key) });
        })
    };
    // One block per column: its figures, and the place its explanations open.
    let block = |row: &SummaryRow| {
        let f = CardFigures {
            column: &row.column,
            open: open.as_ref(),
            select: &select,
        };
        let rest = &row.rest;
        html! {
            <>
            <ul class="answer-figures">
                { f.amount("gross", "Gross ", &row.gross, format!("{} a year", row.gross.text())) }
                if let Some(net) = &row.net {
                    { f.amount("net", "net ", net, net.text()) }
                }
                if let Some(d) = &row.difference {
                    { f.difference("difference", "", d) }
                }
                if let Some(d) = &row.net_difference {
                    { f.difference("net-difference", "net ", d) }
                }
                if let Some(h) = &row.per_hour {
                    { f.amount("per-hour", "", h, format!("{} per hour worked", h.text())) }
                }
                <li data-summary-line="rest" data-summary-breached={rest.breached.len().to_string()}
                    data-summary-checked={rest.checked.len().to_string()}
                    class={classes!("rest", (!rest.breached.is_empty()).then_some("breached"))}>
                    { "Rest: " }<a href={format!("#details-{}", row.column)}>{ &rest.words }</a>
                    if !rest.hours.is_empty() {
                        <span class="muted">{ format!("; {}", rest.hours) }</span>
                    }
                </li>
            </ul>
            <div id={format!("answer-why-{}", row.column)} class="answer-why" aria-live="polite">
                if let Some((column, line)) = open.as_ref().filter(|(c, _)| *c == row.column) {
                    <div class="why">{ why(&props.comparison, column, line) }</div>
                }
            </div>
            </>
        }
    };
    let card = |c: &Card| {
        let Some(row) = summary.rows.get(c.row) else {
            return Html::default();
        };
        let twin = c.in_post.and_then(|i| summary.rows.get(i));
        let (name, role) = split_role(&row.offer_name);
        let baseline = |r: &SummaryRow| r.baseline.then_some("baseline");
        html! {
            <li class={classes!("card", baseline(row).or(twin.and_then(baseline)))}>
                <div class={classes!("who", baseline(row))} data-summary-offer={row.column.clone()}>
                    <h3 title={row.offer_name.clone()}>{ name }
                        if let Some(role) = role {
                            <span class="role">{ format!(" — {role}") }</span>
                        }
                    </h3>
                    <p class="status">
                        <span data-summary-line="status">{ &row.status }</span>
                        // A phone cuts the heading short: which doctor the card is
                        // is said here instead (each shows on one width only).
                        if let Some(role) = role {
                            <span class="role-again">{ format!(" · {role}") }</span>
                        }
                        if row.baseline {
                            { " · " }<span class="baseline-tag">{ "baseline" }</span>
                        }
                    </p>
                    { block(row) }
                </div>
                if let Some(twin) = twin {
                    <div class={classes!("who", "in-post", baseline(twin))} data-summary-offer={twin.column.clone()}>
                        <h4>{ "For a " }{ IN_POST }
                            if twin.baseline {
                                { " · " }<span class="baseline-tag">{ "baseline" }</span>
                            }
                        </h4>
                        { block(twin) }
                    </div>
                }
            </li>
        }
    };
    html! {
        <section id="answer" class={classes!("answer", props.stale.then_some("stale"))} aria-labelledby="answer-heading" data-summary="">
            <h2 id="answer-heading" class="visually-hidden">{ "The answer" }</h2>
            if props.stale {
                <p class="stale-note" role="status">
                    <strong>{ "Out of date: " }</strong>
                    { "these results are from before your last change, which has a problem (see above)." }
                </p>
            }
            <p class="answer-sentence" data-summary-sentence="">{ &summary.sentence }</p>
            if props.cards {
                <ul class="answer-cards">{ for summary.cards.iter().map(card) }</ul>
            }
        </section>
    }
}

/// One card's figures, each a button that opens its explanation inside the
/// card. Methods, never inlined: one copy rather than one per figure.
struct CardFigures<'a> {
    /// The card's column id.
    column: &'a str,
    /// The explanation open on the page, as (column, figure).
    open: Option<&'a (String, String)>,
    /// Opens or closes an explanation.
    select: &'a Callback<(String, String)>,
}

impl CardFigures<'_> {
    /// A figure as a button that opens its explanation inside the card.
    #[inline(never)]
    fn button(&self, figure: &str, text: String) -> Html {
        let key = (self.column.to_string(), figure.to_string());
        let expanded = self.open == Some(&key);
        html! {
            <button type="button" class="figure" aria-expanded={expanded.to_string()}
                aria-controls={format!("answer-why-{}", self.column)}
                onclick={self.select.reform(move |_: MouseEvent| key.clone())}>{ text }</button>
        }
    }

    /// An amount: its line, label and figure.
    #[inline(never)]
    fn amount(
        &self,
        line: &'static str,
        label: &'static str,
        figure: &SummaryFigure,
        text: String,
    ) -> Html {
        html! {
            <li data-summary-line={line} data-summary-value={figure.value.to_string()}>
                { label }{ self.button(&figure.figure, text) }
            </li>
        }
    }

    /// A difference from the baseline: gains and losses told apart in words,
    /// not by colour alone.
    #[inline(never)]
    fn difference(&self, line: &'static str, label: &'static str, d: &Difference) -> Html {
        let direction = match d.direction {
            Direction::More => "higher",
            Direction::Less => "lower",
            Direction::Same => "same",
        };
        html! {
            <li data-summary-line={line} data-summary-value={d.pounds.value.to_string()}
                data-summary-direction={direction} class={classes!("direction", direction)}>
                { label }{ self.button(&d.pounds.figure, with_marker(d.words.clone(), d.marker)) }
                if let Some(w) = &d.warning {
                    <strong class="pay-year-warning">{ format!(" — {w}") }</strong>
                }
            </li>
        }
    }
}
