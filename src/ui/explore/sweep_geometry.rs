//! Pure geometry for the sweep chart: a line per column of gross pay against
//! the swept quantity, crossovers marked. No yew, no browser — tested natively.
//! Floats appear only here, for drawing; every figure shown stays a decimal.

use crate::engine::explore::sweep::Sweep;
use crate::ui::results::chart_geometry::fixed2;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// Drawing width, in chart units.
pub const SWEEP_WIDTH: f32 = 600.0;
/// Drawing height.
pub const SWEEP_HEIGHT: f32 = 260.0;
/// Room on the left for the £ axis labels.
pub const LEFT: f32 = 64.0;
/// Room below for the quantity's axis labels.
pub const BOTTOM: f32 = 24.0;

/// Line colours, one per column in turn (distinct in hue and lightness).
pub const LINE_COLOURS: [&str; 6] = [
    "#0b5cad", "#b35c00", "#1f6b34", "#7a2e8e", "#a3261b", "#4a4a55",
];

/// The chart, ready to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct SweepGeometry {
    /// One SVG path (`d`) per column, in column order.
    pub lines: Vec<String>,
    /// Where crossovers are, along x (chart units), each with its value.
    pub crossings: Vec<(String, Decimal)>,
    /// The £ axis: (y, amount) at its bottom and top.
    pub y_ticks: [(String, Decimal); 2],
    /// The quantity axis: (x, value) at its start and end.
    pub x_ticks: [(String, Decimal); 2],
}

/// Lays the sweep out: x from the first to the last point, y from the lowest
/// to the highest gross of any column.
pub fn sweep_geometry(sweep: &Sweep) -> SweepGeometry {
    let f = |d: Decimal| d.to_f32().unwrap_or(0.0);
    let (first, last) = match (sweep.points.first(), sweep.points.last()) {
        (Some(a), Some(b)) => (a.x, b.x),
        _ => (Decimal::ZERO, Decimal::ZERO),
    };
    let grosses = sweep
        .points
        .iter()
        .flat_map(|p| p.cells.iter().map(|c| c.gross));
    let (low, high) = grosses.fold(
        (None, None),
        |(lo, hi): (Option<Decimal>, Option<Decimal>), g| {
            (
                Some(lo.map_or(g, |l| l.min(g))),
                Some(hi.map_or(g, |h| h.max(g))),
            )
        },
    );
    let (low, high) = (low.unwrap_or_default(), high.unwrap_or_default());
    let span_x = f(last - first).max(f32::MIN_POSITIVE);
    let span_y = f(high - low).max(1.0);
    let plot_w = SWEEP_WIDTH - LEFT;
    let plot_h = SWEEP_HEIGHT - BOTTOM;
    let x_at = |x: Decimal| LEFT + (f(x - first) / span_x) * plot_w;
    let y_at = |g: Decimal| plot_h - (f(g - low) / span_y) * (plot_h - 8.0);
    let lines = sweep
        .columns
        .iter()
        .enumerate()
        .map(|(c, _)| {
            let mut d = String::new();
            for (i, p) in sweep.points.iter().enumerate() {
                let Some(cell) = p.cells.get(c) else { continue };
                d.push(if i == 0 { 'M' } else { 'L' });
                d.push_str(&fixed2(x_at(p.x)));
                d.push(' ');
                d.push_str(&fixed2(y_at(cell.gross)));
            }
            d
        })
        .collect();
    let crossings = sweep
        .crossovers
        .iter()
        .map(|c| {
            let x = c.equal_at.unwrap_or(c.to);
            (fixed2(x_at(x)), x)
        })
        .collect();
    SweepGeometry {
        lines,
        crossings,
        y_ticks: [(fixed2(y_at(low)), low), (fixed2(y_at(high)), high)],
        x_ticks: [(fixed2(x_at(first)), first), (fixed2(x_at(last)), last)],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::explore::sweep::{Crossover, SweepPoint};
    use crate::engine::explore::{quantity::Quantity, Cell};

    fn point(x: i64, a: i64, b: i64) -> SweepPoint {
        let cell = |g: i64| Cell {
            gross: Decimal::from(g),
            net: None,
            breach: false,
        };
        SweepPoint {
            x: Decimal::from(x),
            cells: vec![cell(a), cell(b)],
        }
    }

    #[test]
    fn lines_span_the_plot_and_crossings_sit_where_the_order_changes() {
        let sweep = Sweep {
            quantity: Quantity::LtftPercent,
            columns: vec!["a".into(), "b".into()],
            points: vec![point(0, 100, 50), point(10, 100, 150)],
            crossovers: vec![Crossover {
                a: 0,
                b: 1,
                from: Decimal::ZERO,
                to: Decimal::from(10),
                equal_at: Some(Decimal::from(5)),
                ahead: 1,
            }],
        };
        let g = sweep_geometry(&sweep);
        // x: 64 + (x / 10) × 536; y: 236 − ((g − 50) / 100) × 228.
        assert_eq!(g.lines[0], "M64.00 122.00L600.00 122.00");
        assert_eq!(g.lines[1], "M64.00 236.00L600.00 8.00");
        assert_eq!(g.crossings, vec![("332.00".to_string(), Decimal::from(5))]);
        assert_eq!(g.y_ticks[1], ("8.00".to_string(), Decimal::from(150)));
    }
}
