//! Pure geometry for the pay chart: where each bar segment goes. No yew, no
//! browser — tested natively.

use crate::engine::compare::Comparison;
use crate::engine::figure::FigureKind;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// Which group of pay a segment belongs to (its fill and legend entry).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    /// Basic salary.
    Basic,
    /// Additional hours.
    Hours,
    /// Premium windows and shift rules.
    Premiums,
    /// Allowances, banding, protection.
    Allowances,
}

impl Group {
    /// Every group, in stacking order.
    pub const ALL: [Group; 4] = [
        Group::Basic,
        Group::Hours,
        Group::Premiums,
        Group::Allowances,
    ];

    /// Legend text.
    pub fn label(self) -> &'static str {
        match self {
            Group::Basic => "Basic salary",
            Group::Hours => "Additional hours",
            Group::Premiums => "Premiums for unsocial hours",
            Group::Allowances => "Allowances, banding, protection",
        }
    }

    /// Its fill, written into the SVG (not a stylesheet class) so that a
    /// chart saved as a file keeps its colours.
    pub fn colour(self) -> &'static str {
        match self {
            Group::Basic => "#0b5cad",
            Group::Hours => "#6d8fb8",
            Group::Premiums => "#b35c00",
            Group::Allowances => "#5a6b2e",
        }
    }

    fn of(line: &str) -> Group {
        match line {
            "basic" => Group::Basic,
            "additional_hours" => Group::Hours,
            l if l.starts_with("premium:") => Group::Premiums,
            _ => Group::Allowances,
        }
    }
}

/// One drawn segment: a rectangle in chart units, with what it shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    /// Left edge.
    pub x: f32,
    /// Top edge.
    pub y: f32,
    /// Width.
    pub width: f32,
    /// Height.
    pub height: f32,
    /// Its group.
    pub group: Group,
    /// The amount, £ a year (rounded figures summed).
    pub amount: Decimal,
}

/// One bar: a column's label, its segments and its gross.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// Offer name.
    pub label: String,
    /// Top edge of the bar.
    pub y: f32,
    /// Segments, in stacking order (empty groups omitted).
    pub segments: Vec<Segment>,
    /// Gross annual pay.
    pub gross: Decimal,
    /// Net annual pay and where it falls on the bar, when the comparison
    /// shows take-home pay.
    pub net: Option<(Decimal, f32)>,
}

/// Layout constants, in SVG user units.
pub const WIDTH: f32 = 600.0;
/// Width of the rest chart's panels: narrower than [`WIDTH`], so that on a
/// 390-px phone its 12-unit labels show at about 11 px, not 7 (the page caps
/// its width on wider screens, where it would otherwise grow past 12 px).
pub const REST_WIDTH: f32 = 360.0;
/// Height of one bar.
pub const BAR: f32 = 22.0;
/// Space for the label above each bar.
pub const LABEL: f32 = 18.0;
/// Gap between bars.
pub const GAP: f32 = 12.0;

/// Height of the whole chart for `bars` bars.
pub fn height(bars: usize) -> f32 {
    bars as f32 * (LABEL + BAR + GAP)
}

/// `x` as `format!("{x:.2}")` writes it, byte for byte (checked against it
/// over every `f32`), without the standard float formatter: that is about
/// 6 KB of the compressed bundle and the charts were its only users. Exact:
/// `x` × 100 is exact in `f64`, rounded half to even like the formatter.
pub fn fixed2(x: f32) -> String {
    if x.is_nan() {
        return "NaN".to_string();
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    let a = x.abs();
    if a.is_infinite() {
        return format!("{sign}inf");
    }
    if a >= 16_777_216.0 {
        // Already whole (and below 2^128): its digits.
        let mut n = a as u128;
        let mut digits = Vec::new();
        loop {
            digits.push(char::from(b'0' + (n % 10) as u8));
            n /= 10;
            if n == 0 {
                break;
            }
        }
        let whole: String = digits.into_iter().rev().collect();
        return format!("{sign}{whole}.00");
    }
    let hundredths = (f64::from(a) * 100.0).round_ties_even() as u64;
    format!("{sign}{}.{:02}", hundredths / 100, hundredths % 100)
}

/// A chart length that is a whole number of units (bar counts times whole
/// steps), as `format!("{x}")` writes it: the digits, no decimal point.
pub fn whole(x: f32) -> String {
    (x as u32).to_string()
}

/// Lays out one horizontal stacked bar per column, all on one scale (the
/// largest gross fills the width). Drawing is the only place floats appear:
/// every amount shown stays a decimal. Negative lines (section-2 protection)
/// are not drawn; the table shows them.
pub fn pay_bars(comparison: &Comparison) -> Vec<Bar> {
    let totals: Vec<Vec<(Group, Decimal)>> = comparison
        .columns
        .iter()
        .map(|c| {
            Group::ALL
                .iter()
                .map(|&g| {
                    let sum = c
                        .pay
                        .lines
                        .iter()
                        .filter(|f| {
                            f.kind == FigureKind::PayLine
                                && Group::of(&f.id) == g
                                && f.value > Decimal::ZERO
                        })
                        .map(|f| f.value)
                        .sum();
                    (g, sum)
                })
                .collect()
        })
        .collect();
    let max = totals
        .iter()
        .map(|t| t.iter().map(|(_, v)| *v).sum::<Decimal>())
        .max()
        .unwrap_or_default();
    let scale = |v: Decimal| {
        if max.is_zero() {
            0.0
        } else {
            (v / max * Decimal::from(WIDTH as u32))
                .to_f32()
                .unwrap_or(0.0)
        }
    };
    comparison
        .columns
        .iter()
        .zip(totals)
        .enumerate()
        .map(|(i, (c, groups))| {
            let y = i as f32 * (LABEL + BAR + GAP);
            let mut x = 0.0;
            let segments = groups
                .into_iter()
                .filter(|(_, v)| !v.is_zero())
                .map(|(group, amount)| {
                    let width = scale(amount);
                    let s = Segment {
                        x,
                        y: y + LABEL,
                        width,
                        height: BAR,
                        group,
                        amount,
                    };
                    x += width;
                    s
                })
                .collect();
            Bar {
                label: c.offer_name.clone(),
                y,
                segments,
                gross: c.gross_annual(),
                net: c.figure("net:annual").map(|f| (f.value, scale(f.value))),
            }
        })
        .collect()
}

/// One panel of the rest chart: a measure, and a bar per offer on its own scale.
#[derive(Debug, Clone, PartialEq)]
pub struct RestPanel {
    /// The metric's label.
    pub label: String,
    /// Its unit.
    pub unit: crate::engine::explain::Unit,
    /// (offer name, value, bar width).
    pub bars: Vec<(String, Decimal, f32)>,
}

/// The rest measures charted: hours per week, shortest rest, weekends off.
pub const REST_METRICS: [&str; 3] = [
    "rest:average_weekly_work",
    "rest:shortest_rest",
    "rest:weekends_off",
];

/// Lays out the rest chart: one panel per measure, bars scaled to the panel's largest value.
pub fn rest_panels(comparison: &Comparison) -> Vec<RestPanel> {
    REST_METRICS
        .iter()
        .filter_map(|id| {
            let first = comparison.columns.iter().find_map(|c| c.metric(id))?;
            let values: Vec<(String, Decimal)> = comparison
                .columns
                .iter()
                .filter_map(|c| c.metric(id).map(|m| (c.offer_name.clone(), m.value)))
                .collect();
            let max = values.iter().map(|(_, v)| *v).max().unwrap_or_default();
            let bars = values
                .into_iter()
                .map(|(name, v)| {
                    let width = if max > Decimal::ZERO {
                        (v / max * Decimal::from(REST_WIDTH as u32))
                            .to_f32()
                            .unwrap_or(0.0)
                    } else {
                        0.0
                    };
                    (name, v, width)
                })
                .collect();
            Some(RestPanel {
                label: first.label.clone(),
                unit: first.unit,
                bars,
            })
        })
        .collect()
}

/// Ink for chart text (the page's `--ink`), written into the SVG.
pub const INK: &str = "#1d1d1f";
/// Fill of the rest chart's bars.
pub const REST_FILL: &str = "#cfd8e6";

/// Escapes text for XML.
fn xml_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The height in a `viewBox="0 0 W H"` of an `<svg …>` element's markup.
fn view_box(markup: &str) -> Option<(u32, u32)> {
    let rest = markup.split_once("viewBox=\"")?.1;
    let numbers: Vec<u32> = rest
        .split('"')
        .next()?
        .split_whitespace()
        .filter_map(|n| n.parse().ok())
        .collect();
    match numbers.as_slice() {
        [0, 0, w, h] => Some((*w, *h)),
        _ => None,
    }
}

/// A chart as an SVG file of its own: its title above, its panels (the page's
/// `<svg>` elements, as markup) stacked below it, and the source line under
/// them, so the file can be quoted without the page.
pub fn chart_file(panels: &[String], title: &str, source: &str) -> String {
    const TOP: u32 = 30;
    let mut body = String::new();
    let (mut y, mut width) = (TOP, 0);
    for markup in panels {
        let Some((w, h)) = view_box(markup) else {
            continue;
        };
        let inner = markup.split_once('>').map_or("", |(_, rest)| {
            rest.rsplit_once("</svg>").map_or(rest, |(i, _)| i)
        });
        body.push_str(&format!(
            "<svg x=\"0\" y=\"{y}\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\">{inner}</svg>\n"
        ));
        y += h + 8;
        width = width.max(w);
    }
    // The source line wraps at the chart's width (about 6 units a character
    // at 11 units), so a long one is never cut off at the file's edge.
    let mut lines: Vec<String> = Vec::new();
    for word in source.split(' ') {
        match lines.last_mut() {
            Some(l) if l.chars().count() + word.chars().count() < (width / 6).max(20) as usize => {
                l.push(' ');
                l.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    let height = y + 10 + 14 * lines.len() as u32;
    let source: String = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            format!(
                "<text x=\"0\" y=\"{}\" font-size=\"11\" fill=\"#4a4a55\">{}</text>\n",
                y + 16 + 14 * i as u32,
                xml_text(l)
            )
        })
        .collect();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"system-ui, Arial, sans-serif\">\n\
         <title>{t}</title>\n\
         <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n\
         <text x=\"0\" y=\"18\" font-size=\"16\" font-weight=\"600\" fill=\"{INK}\">{t}</text>\n\
         {body}{source}\
         </svg>\n",
        t = xml_text(title),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::json::scenario_from_json;
    use crate::engine::compare::compare;

    #[test]
    fn bars_share_one_scale_and_segments_add_up_to_the_pay_lines() {
        let c = compare(
            &scenario_from_json(include_str!("../../../examples/inline-offers.json")).unwrap(),
            crate::reference(),
        )
        .unwrap();
        let bars = pay_bars(&c);
        assert_eq!(bars.len(), 2);
        // The Nov 2015 offer pays more (£40,717.92 vs £39,808.86): its bar fills the width.
        let end = |b: &Bar| b.segments.last().map(|s| s.x + s.width).unwrap_or(0.0);
        assert!((end(&bars[0]) - WIDTH).abs() < 0.01);
        assert!((end(&bars[1]) - WIDTH * 39_808.86 / 40_717.92).abs() < 0.05);
        // Segments sum to gross, group by group: basic £31,600; hours £4,641.25;
        // premiums 3,555 + 98.75 + 822.92 = £4,476.67.
        let amounts: Vec<(Group, Decimal)> = bars[0]
            .segments
            .iter()
            .map(|s| (s.group, s.amount))
            .collect();
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(
            amounts,
            vec![
                (Group::Basic, d("31600")),
                (Group::Hours, d("4641.25")),
                (Group::Premiums, d("4476.67"))
            ]
        );
        assert_eq!(
            bars[0].segments.iter().map(|s| s.amount).sum::<Decimal>(),
            bars[0].gross
        );
        assert_eq!(height(2), 2.0 * (LABEL + BAR + GAP));
        assert_eq!(bars[0].net, None, "no take-home section, no net mark");
    }

    #[test]
    fn net_pay_is_marked_on_the_same_scale() {
        let c = compare(
            // The pre-issue-22 default (`contract-2002@1`, band 1B), the fixture of these figures.
            &scenario_from_json(include_str!("../../../examples/strike-2016.json")).unwrap(),
            crate::reference(),
        )
        .unwrap();
        let bars = pay_bars(&c);
        // The 2002 column pays the most (£39,699.80 gross): its bar fills the
        // width, and its net (£28,053.30) falls at 28,053.30 / 39,699.80 of it.
        let (net, x) = bars[0].net.unwrap();
        assert_eq!(net, "28053.30".parse::<Decimal>().unwrap());
        assert!((x - WIDTH * 28_053.3 / 39_699.8).abs() < 0.05, "{x}");
    }

    #[test]
    fn fixed2_writes_what_the_float_formatter_writes() {
        let mut checked = 0u32;
        let mut bits = 0u32;
        loop {
            let x = f32::from_bits(bits);
            assert_eq!(fixed2(x), format!("{x:.2}"), "{bits:#x}");
            checked += 1;
            match bits.checked_add(40_009) {
                Some(b) => bits = b,
                None => break,
            }
        }
        // Around every tie in 0..600 (chart coordinates), a few steps either side.
        for k in 0..120_000u32 {
            let tie = (k as f32 * 0.005).to_bits();
            for b in tie.saturating_sub(2)..=tie.saturating_add(2) {
                let x = f32::from_bits(b);
                assert_eq!(fixed2(x), format!("{x:.2}"), "{b:#x}");
                assert_eq!(fixed2(-x), format!("{:.2}", -x), "-{b:#x}");
            }
        }
        for x in [
            0.125f32,
            0.375,
            -0.0,
            -0.001,
            f32::MAX,
            f32::INFINITY,
            f32::NEG_INFINITY,
            f32::NAN,
            16_777_216.0,
        ] {
            assert_eq!(fixed2(x), format!("{x:.2}"));
        }
        assert!(checked > 100_000);
    }

    #[test]
    fn whole_writes_what_the_float_formatter_writes_for_chart_lengths() {
        for bars in 0..2_000usize {
            for x in [
                height(bars),
                bars as f32 * (LABEL + BAR + GAP) + 13.0,
                LABEL + bars as f32 * (BAR + 6.0),
                WIDTH,
                REST_WIDTH,
            ] {
                assert_eq!(whole(x), format!("{x}"));
            }
        }
    }

    #[test]
    fn rest_panels_scale_each_measure_to_its_largest_value() {
        let c = compare(
            &scenario_from_json(include_str!("../../../examples/inline-offers.json")).unwrap(),
            crate::reference(),
        )
        .unwrap();
        let panels = rest_panels(&c);
        let labels: Vec<&str> = panels.iter().map(|p| p.label.as_str()).collect();
        assert_eq!(
            labels,
            vec![
                "Average weekly hours of work",
                "Shortest rest between shifts",
                "Weekends fully off per cycle"
            ]
        );
        // Same rota, same definitions: 45.88 h, 11.5 h and 3 weekends for both offers, full width.
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(
            panels[0].bars.iter().map(|b| b.1).collect::<Vec<_>>(),
            vec![d("45.88"), d("45.88")]
        );
        assert_eq!(panels[1].bars[0].1, d("11.5"));
        assert_eq!(panels[2].bars[1].1, d("3"));
        assert!(panels
            .iter()
            .all(|p| p.bars.iter().all(|b| (b.2 - REST_WIDTH).abs() < 0.01)));
    }

    #[test]
    fn a_chart_file_stacks_its_panels_under_its_title_with_the_source_below() {
        let panels = [
            r##"<svg viewBox="0 0 640 100" role="img"><rect fill="#0b5cad"></rect></svg>"##
                .to_string(),
            r##"<svg viewBox="0 0 600 50" role="img"><text>a &amp; b</text></svg>"##.to_string(),
        ];
        let file = chart_file(
            &panels,
            "Pay <2016>",
            "offer-compare 0.1.0 · preset tcs-2016@1",
        );
        assert!(file.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"220\""));
        assert!(file.contains(r##"<svg x="0" y="30" width="640" height="100" viewBox="0 0 640 100"><rect fill="#0b5cad"></rect></svg>"##));
        assert!(file.contains(r##"<svg x="0" y="138" width="600" height="50" viewBox="0 0 600 50"><text>a &amp; b</text></svg>"##));
        assert!(file.contains(">Pay &lt;2016&gt;</text>"));
        assert!(file.contains(r##"<text x="0" y="212" font-size="11" fill="#4a4a55">offer-compare 0.1.0 · preset tcs-2016@1</text>"##));
        // A source longer than the chart is wide wraps at a space: 360 units
        // hold 60 characters a line.
        let long = "offer-compare history tcs-2016@2 contract-2002@3 --grade FY1 --years 0 --index rpi --basis annual --from 2008 --to 2025";
        let narrow = [r##"<svg viewBox="0 0 360 50" role="img"></svg>"##.to_string()];
        let file = chart_file(&narrow, "t", long);
        assert!(file.contains(">offer-compare history tcs-2016@2 contract-2002@3 --grade FY1</text>\n<text x=\"0\" y=\"118\""), "{file}");
        assert!(
            file.contains(">--years 0 --index rpi --basis annual --from 2008 --to 2025</text>"),
            "{file}"
        );
        assert!(file.contains("height=\"126\""), "{file}");
    }
}
