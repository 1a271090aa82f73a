//! Method & sources: each offer's dated status and documents, and a short
//! glossary of the words the tables use.

use crate::engine::compare::Comparison;
use crate::engine::scenario::Scenario;
use yew::prelude::*;

const GLOSSARY: [(&str, &str, &str); 7] = [
    ("nodal-point", "Nodal point", "A pay point of the 2016 contract (NP1 = FY1 … NP5 = ST6–8); basic salary depends on the point, not on years served."),
    ("banding", "Banding", "The 2002 contract's flat supplement (0–100% of basic) for the whole post, set by hours, unsocial hours and whether the New Deal limits are met."),
    ("one-in-n", "1 in N", "At least one (weekend, Saturday…) in every N weeks on average over the rota cycle; exactly 1 in 3 counts as 1 in 3."),
    ("non-resident-on-call", "Non-resident on-call", "Being available from home; work expected while on call is paid at the rate of the hours it falls in. In the 2016 contract (presets version 2) it is not a shift for the rest rules: it has limits of its own (24 hours a period, 3 periods in 7 days, 10 hours the day after, 8 hours' expected rest in 24). Resident on call is a shift."),
    ("ltft", "LTFT", "Less than full time: a percentage of full-time hours, with basic pay pro rata."),
    ("rota-cycle", "Rota cycle", "The weeks after which a rota repeats; every average here is over the whole cycle, and rest across its end counts."),
    ("new-deal", "New Deal limits", "The hour and rest limits of the 2002 contract by rota type; breaching one puts a post in band 3."),
];

/// The method and sources section, with the glossary. A function, not a component: it keeps no state,
/// and each component costs the bundle about a kilobyte.
pub fn method_and_sources(scenario: &Scenario, comparison: &Comparison) -> Html {
    let offers = comparison.offer_ids();
    html! {
        <section class="method" aria-labelledby="method-heading">
            <h2 id="method-heading">{ "Method and sources" }</h2>
            <p>{ "Every figure is computed in your browser from the offers' terms as data, in exact decimal arithmetic; choose any figure to see its rule, arithmetic and source. The same figures come from the command line for the same scenario file." }</p>
            <p>{ "An offer's version never changes once released: a correction is a new version, and a link or file keeps the version it names, so it shows what it showed. Version 2 came from a review against public sources: the 2002 contract's band 1A starts at weekends 1 in 4 or more often (version 1 read \"more often than\"), and every value cites a public document. Version 3 adds the 2026/27 pay points (pay circular PC (M&D) 1/2026 R2; the 2002 contract's closed scales, 2024/25 and 2025/26 not found). The default shows each new contract for a new entrant and for a doctor in post, as the dispute was argued." }</p>
            { for offers.iter().filter_map(|id| scenario.offer(id)).map(|o| html! {
                <>
                    <h3>{ format!("{} (version {})", o.name, o.version) }</h3>
                    <ul class="status">{ for o.status.iter().map(|e| html! { <li>{ format!("{}: {}", e.date, e.status) }</li> }) }</ul>
                    <ul class="sources">{ for o.sources.iter().map(|s| html! { <li><strong>{ format!("{}: ", s.id) }</strong>{ &s.title }</li> }) }</ul>
                </>
            }) }
            if scenario.take_home.is_some() {
                <h3>{ "Take-home pay and real terms" }</h3>
                <p>{ "Deductions follow the tax year of each column's pay date: NHS Pension contributions come off before income tax but not before National Insurance or student loans. Each deduction is an annual equivalent, rounded once to the penny; payroll works per pay period, so a payslip can differ by pence. Every rate and threshold is data with its source and a marker — [V] verified in the primary source, [S] secondary, [D] derived, [?] assumed or unverified — shown beside each figure that depends on anything less than verified. Real terms multiply by the chosen index for the reference year and divide by the index for the calendar year of the column's pay date; the values used, their sources and any you entered are listed under Take-home pay." }</p>
            }
            <h3 id="glossary">{ "Glossary" }</h3>
            <dl class="glossary">
                { for GLOSSARY.iter().map(|(id, term, meaning)| html! {
                    <>
                        <dt id={format!("term-{id}")}>{ *term }</dt>
                        <dd>{ *meaning }</dd>
                    </>
                }) }
            </dl>
        </section>
    }
}
