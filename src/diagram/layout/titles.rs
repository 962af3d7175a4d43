//! Where a subgraph's title goes in its band: centred, as Mermaid puts it, unless an edge runs
//! through the band there; then as near the centre as the band has room clear of every edge.
//!
//! An edge into a box crosses its top band on the way to the first node inside, and in a
//! top-down chart that is most often right at the centre, under the title. So the band's
//! crossings are collected as intervals of x (each segment's extent within the band, widened by
//! [`CLEARANCE`]), and the title's centre goes to the free place closest to the box's centre:
//!
//! ```text
//! ┌──────────────│──────────┐       ┌─ Model ──────│───────────┐
//! │          Mod│el         │  →    │              │           │
//! │          ┌──▼──┐        │       │           ┌──▼──┐        │
//! ```
//!
//! A band too crowded for the title anywhere keeps it centred; the drawing then puts the title
//! on a backing of its own above the edges, so it stays readable.

use super::output::{EdgePath, SubgraphBox};
use crate::diagram::graph::EdgeStyle;

/// Room kept between a title and an edge beside it, in px (the stroke and a little air).
pub(super) const CLEARANCE: f64 = 5.0;

/// Sets each titled box's `title_x` (centre) to the free place nearest its centre, given each
/// title's width in `title_widths` (0: no title) and the drawn `edges`.
pub(super) fn place_titles(boxes: &mut [SubgraphBox], title_widths: &[f64], edges: &[EdgePath], inset: f64) {
    for (placed, &width) in boxes.iter_mut().zip(title_widths) {
        placed.title_width = width;
        placed.title_x = placed.left + placed.width / 2.0;
        if width <= 0.0 || placed.title_height <= 0.0 {
            continue;
        }
        let band = (placed.top, placed.top + placed.title_height);
        let blocked: Vec<(f64, f64)> = edges
            .iter()
            .filter(|edge| edge.style != EdgeStyle::Invisible)
            .flat_map(|edge| edge.points.windows(2).filter_map(|pair| crossing(pair[0], pair[1], band)))
            .map(|(from, to)| (from - CLEARANCE, to + CLEARANCE))
            .collect();
        let half = width / 2.0;
        let (lowest, highest) = (placed.left + inset + half, placed.left + placed.width - inset - half);
        if let Some(x) = nearest_free(placed.title_x, (lowest, highest), half, &blocked) {
            placed.title_x = x;
        }
    }
}

/// The x extent of segment `a`–`b` within the band `top..bottom` (None: it stays out of it).
fn crossing(a: (f64, f64), b: (f64, f64), (top, bottom): (f64, f64)) -> Option<(f64, f64)> {
    let (low, high) = (a.1.min(b.1), a.1.max(b.1));
    if high < top || low > bottom {
        return None;
    }
    let dy = b.1 - a.1;
    let x_at = |y: f64| if dy.abs() < 1e-9 { a.0 } else { a.0 + (b.0 - a.0) * ((y - a.1) / dy).clamp(0.0, 1.0) };
    let (from, to) = if dy.abs() < 1e-9 { (a.0, b.0) } else { (x_at(top.max(low)), x_at(bottom.min(high))) };
    Some((from.min(to), from.max(to)))
}

/// The centre in `lowest..=highest` nearest `centre` whose `± half` meets no interval of
/// `blocked`; None when there is none (or no room at all).
fn nearest_free(centre: f64, (lowest, highest): (f64, f64), half: f64, blocked: &[(f64, f64)]) -> Option<f64> {
    if lowest > highest + 1e-9 {
        return None;
    }
    let free = |x: f64| blocked.iter().all(|&(from, to)| x + half <= from + 1e-9 || x - half >= to - 1e-9);
    // The best place is the centre itself, or flush against one side of a blocked interval.
    let candidates = std::iter::once(centre.clamp(lowest, highest))
        .chain(blocked.iter().flat_map(|&(from, to)| [from - half, to + half]))
        .filter(|&x| x >= lowest - 1e-9 && x <= highest + 1e-9);
    candidates.filter(|&x| free(x)).min_by(|a, b| (a - centre).abs().total_cmp(&(b - centre).abs()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_segment_is_cut_to_the_band() {
        assert_eq!(crossing((50.0, 0.0), (50.0, 100.0), (10.0, 30.0)), Some((50.0, 50.0)));
        assert_eq!(crossing((0.0, 0.0), (100.0, 100.0), (10.0, 30.0)), Some((10.0, 30.0)));
        assert_eq!(crossing((0.0, 40.0), (100.0, 100.0), (10.0, 30.0)), None);
        assert_eq!(crossing((80.0, 20.0), (20.0, 20.0), (10.0, 30.0)), Some((20.0, 80.0)));
    }

    #[test]
    fn the_title_stays_centred_when_free_and_moves_aside_when_not() {
        assert_eq!(nearest_free(100.0, (30.0, 170.0), 20.0, &[]), Some(100.0));
        assert_eq!(nearest_free(100.0, (30.0, 170.0), 20.0, &[(10.0, 20.0)]), Some(100.0));
        // An edge at the centre: the title goes right beside it, on the nearer side.
        assert_eq!(nearest_free(100.0, (30.0, 170.0), 20.0, &[(96.0, 106.0)]), Some(76.0));
        // Blocked from side to side: no free place.
        assert_eq!(nearest_free(100.0, (30.0, 170.0), 20.0, &[(0.0, 200.0)]), None);
        assert_eq!(nearest_free(100.0, (120.0, 80.0), 20.0, &[]), None);
    }
}
