//! Horizontal compaction and balancing (Brandes and Köpf, 2001; as dagre does it): from the four
//! vertical alignments of `align`, four placements, then one of them or their balance.
//!
//! Compaction: the blocks of one alignment form a graph with an edge `root(a) → root(b)`, weighted
//! by the least distance between their centres, for every two neighbours `a`, `b` in a layer (in
//! sweep order). Each block goes as far left as its predecessors allow (longest path from
//! `x = 0`), then, in reverse, as far right as its successors allow, so that no block is left
//! stranded far from its neighbours. A sweep from the right is packed the same way in the
//! mirrored layers and mirrored back.
//!
//! Balancing: the placements are lined up with the narrowest one (those from the left by their
//! left edge, those from the right by their right edge), and each vertex takes the mean of its
//! two middle positions of four: `x_v = (x⁽²⁾ + x⁽³⁾) / 2`. Every placement keeps neighbours
//! apart, so the balance does too. It centres a parent over its children, but where the four
//! disagree it can make a staircase: a chain with a leaf off every step lines up with the chain
//! sweeping from the left, with the leaves from the right. So the narrowest placement is
//! returned too, for `coords` to choose:
//!
//! ```text
//! balanced:       A              narrowest (up-left):   A
//!               /  \                                    | \
//!             B     F                                   B  F
//!           /  \                                        | \
//!         C     G                                       C  G
//! ```

use std::collections::VecDeque;

use super::align::{type1_conflicts, vertical_alignment, Alignment};
use super::layered::Layered;

/// The balanced placement and the narrowest of the four, as centres of the vertices along their
/// layers (on any origin); `gap_after[v]` is the least distance from `v`'s centre to the next
/// vertex's in its layer.
pub(crate) fn brandes_koepf(graph: &Layered, gap_after: &[f64]) -> (Vec<f64>, Vec<f64>) {
    let count = graph.vertices.len();
    if count == 0 {
        return (Vec::new(), Vec::new());
    }
    let marked = type1_conflicts(graph);
    let placements: Vec<Vec<f64>> = Alignment::ALL
        .iter()
        .map(|&alignment| {
            let root = vertical_alignment(graph, alignment, &marked);
            compact(graph, alignment, &root, gap_after)
                .or_else(|| compact(graph, alignment, &(0..count).collect::<Vec<_>>(), gap_after))
                .unwrap_or_else(|| vec![0.0; count])
        })
        .collect();
    let extents: Vec<(f64, f64)> = placements.iter().map(|x| extent(graph, x)).collect();
    let width = |(left, right): (f64, f64)| right - left;
    let narrowest =
        (0..extents.len()).fold(0, |best, k| if width(extents[k]) < width(extents[best]) { k } else { best });
    let lined_up: Vec<Vec<f64>> = Alignment::ALL
        .iter()
        .zip(&placements)
        .zip(&extents)
        .map(|((alignment, x), &(left, right))| {
            let shift = if alignment.leftward() { extents[narrowest].0 - left } else { extents[narrowest].1 - right };
            x.iter().map(|at| at + shift).collect()
        })
        .collect();
    let balanced: Vec<f64> = (0..count)
        .map(|v| {
            let mut four: Vec<f64> = lined_up.iter().map(|x| x[v]).collect();
            four.sort_by(f64::total_cmp);
            (four[1] + four[2]) / 2.0
        })
        .collect();
    let aligned = lined_up.into_iter().nth(narrowest).unwrap_or_else(|| balanced.clone());
    (balanced, aligned)
}

/// The placement of the blocks (vertices sharing a `root`) of one alignment, packed toward its
/// side; `None` if the blocks cannot be ordered left to right (never for a true alignment).
fn compact(graph: &Layered, alignment: Alignment, root: &[usize], gap_after: &[f64]) -> Option<Vec<f64>> {
    let count = graph.vertices.len();
    let mut edges: Vec<(usize, usize, f64)> = Vec::new();
    for layer in alignment.view(graph) {
        for pair in layer.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let gap = if alignment.leftward() { gap_after[a] } else { gap_after[b] };
            edges.push((root[a], root[b], gap));
        }
    }
    edges.sort_by(|p, q| (p.0, p.1).cmp(&(q.0, q.1)).then(q.2.total_cmp(&p.2)));
    edges.dedup_by(|later, kept| (later.0, later.1) == (kept.0, kept.1));
    let mut after: Vec<Vec<(usize, f64)>> = vec![Vec::new(); count];
    let mut indegree = vec![0_usize; count];
    for &(from, to, gap) in &edges {
        after[from].push((to, gap));
        indegree[to] += 1;
    }

    let roots: Vec<usize> = (0..count).filter(|&v| root[v] == v).collect();
    let mut ready: VecDeque<usize> = roots.iter().copied().filter(|&r| indegree[r] == 0).collect();
    let mut order = Vec::with_capacity(roots.len());
    while let Some(block) = ready.pop_front() {
        order.push(block);
        for &(next, _) in &after[block] {
            indegree[next] -= 1;
            if indegree[next] == 0 {
                ready.push_back(next);
            }
        }
    }
    if order.len() < roots.len() {
        return None;
    }

    let mut x = vec![0.0_f64; count];
    for &block in &order {
        for &(next, gap) in &after[block] {
            x[next] = x[next].max(x[block] + gap);
        }
    }
    for &block in order.iter().rev() {
        let room = after[block].iter().map(|&(next, gap)| x[next] - gap).fold(f64::INFINITY, f64::min);
        if room.is_finite() {
            x[block] = x[block].max(room);
        }
    }
    let sign = if alignment.leftward() { 1.0 } else { -1.0 };
    Some((0..count).map(|v| sign * x[root[v]]).collect())
}

/// The leftmost and rightmost edges of a placement, self-loop room included.
pub(crate) fn extent(graph: &Layered, x: &[f64]) -> (f64, f64) {
    let left = (0..x.len()).map(|v| x[v] - graph.width[v] / 2.0).fold(f64::INFINITY, f64::min);
    let right =
        (0..x.len()).map(|v| x[v] + graph.width[v] / 2.0 + graph.extra_after[v]).fold(f64::NEG_INFINITY, f64::max);
    (left, right)
}

#[cfg(test)]
mod tests {
    use super::super::layered::EdgeInput;
    use super::*;

    fn graph(widths: &[f64], edges: &[(usize, usize)]) -> Layered {
        let sizes: Vec<(f64, f64)> = widths.iter().map(|&width| (width, 10.0)).collect();
        let edges: Vec<EdgeInput> = edges.iter().map(|&(from, to)| EdgeInput { from, to, label: None }).collect();
        Layered::build(&sizes, &edges, &[])
    }

    fn gaps(graph: &Layered, spacing: f64) -> Vec<f64> {
        let mut gap_after = vec![0.0; graph.vertices.len()];
        for layer in &graph.layers {
            for pair in layer.windows(2) {
                gap_after[pair[0]] = (graph.width[pair[0]] + graph.width[pair[1]]) / 2.0 + spacing;
            }
        }
        gap_after
    }

    #[test]
    fn compaction_packs_blocks_toward_its_side() {
        let layered = graph(&[10.0; 3], &[(0, 1), (0, 2)]);
        let gap_after = gaps(&layered, 10.0);
        let identity: Vec<usize> = (0..3).collect();
        assert_eq!(compact(&layered, Alignment::UpLeft, &[0, 0, 2], &gap_after), Some(vec![0.0, 0.0, 20.0]));
        assert_eq!(compact(&layered, Alignment::UpRight, &[0, 1, 0], &gap_after), Some(vec![0.0, -20.0, 0.0]));
        assert_eq!(compact(&layered, Alignment::UpLeft, &identity, &gap_after), Some(vec![0.0, 0.0, 20.0]));
    }

    #[test]
    fn a_parent_of_two_leaves_is_balanced_between_them() {
        let layered = graph(&[10.0; 3], &[(0, 1), (0, 2)]);
        let (balanced, narrowest) = brandes_koepf(&layered, &gaps(&layered, 10.0));
        assert_eq!(balanced, [10.0, 0.0, 20.0]);
        assert_eq!(narrowest, [0.0, 0.0, 20.0], "up-left: over the left child");
    }

    #[test]
    fn a_chain_with_leaves_stays_straight_and_narrow() {
        // 0 → 1 → 2 → 3, each also with a leaf 4, 5, 6 beside the next step.
        let layered = graph(&[10.0; 7], &[(0, 1), (1, 2), (2, 3), (0, 4), (1, 5), (2, 6)]);
        let (balanced, x) = brandes_koepf(&layered, &gaps(&layered, 10.0));
        assert!(balanced[1] != balanced[2], "the balance makes a staircase: {balanced:?}");
        assert!(x[..4].iter().all(|&at| at == x[0]), "{x:?}");
        let (left, right) = extent(&layered, &x);
        assert_eq!(right - left, 10.0 + 10.0 + 10.0, "two columns: {x:?}");
    }

    #[test]
    fn nothing_to_place() {
        assert_eq!(brandes_koepf(&graph(&[], &[]), &[]), (Vec::new(), Vec::new()));
    }
}
