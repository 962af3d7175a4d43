//! Crossing reduction: reorder the vertices in each layer so fewer edges cross.
//!
//! Sweeps alternate down (each layer sorted by the score of its neighbours above, barycenter or
//! median of their positions) and up (by neighbours below); vertices with no neighbour on that
//! side keep their slot. After each sweep, adjacent swaps that lower the crossings with both
//! neighbouring layers are made ("transpose"). The best ordering seen, starting with the input
//! order, is kept; sorting is stable, so ties keep their order and the result is deterministic.
//!
//! Crossings between two layers are counted as inversions (Barth, Jünger and Mutzel):
//!
//! ```text
//! upper:  a   b        edges a→y, b→x: sorted by upper position, the lower positions read
//! lower:  x   y        [1, 0], one inversion, so one crossing
//! ```

use super::layered::Layered;
use super::options::CrossingHeuristic;

/// Most transpose passes over the layers after one sweep.
const TRANSPOSE_PASSES: usize = 8;

/// Most work crossing reduction does on one chart, counted in neighbours visited (a sweep visits
/// every vertex's neighbours once; a transpose pass, for each adjacent pair, the product of
/// their degrees). Sweeps and passes stop once it is spent, so big charts get fewer of them and
/// the time stays bounded whatever the chart's shape: with [`super::options::LayoutOptions::max_bends`],
/// the worst chart within the parser's caps lays out in about 11 ms natively (test profile) and
/// 6 times that in the page's size-optimised wasm (2,000,000 took 41 ms natively, 153 ms in the page).
pub(crate) const WORK_BUDGET: usize = 500_000;

/// Reorders `graph.layers` to reduce crossings; returns the crossings of the kept ordering.
pub(crate) fn reduce_crossings(
    graph: &mut Layered,
    sweeps: usize,
    patience: usize,
    heuristic: CrossingHeuristic,
) -> usize {
    let mut position = positions(graph);
    let mut best = graph.layers.clone();
    let mut best_crossings = count_crossings(graph, &position);
    let mut stale = 0;
    let sweep_work: usize = graph.vertices.len() + graph.up.iter().map(Vec::len).sum::<usize>() * 3;
    let mut work = sweep_work;
    for sweep in 0..sweeps {
        if best_crossings == 0 || stale >= patience || work + sweep_work > WORK_BUDGET {
            break;
        }
        work += sweep_work;
        let downward = sweep % 2 == 0;
        let layer_order: Vec<usize> = if downward {
            (1..graph.layers.len()).collect()
        } else {
            (0..graph.layers.len().saturating_sub(1)).rev().collect()
        };
        for layer in layer_order {
            sort_layer(graph, &mut position, layer, downward, heuristic);
        }
        work += transpose(graph, &mut position, WORK_BUDGET.saturating_sub(work));
        let crossings = count_crossings(graph, &position);
        if crossings < best_crossings {
            best_crossings = crossings;
            best = graph.layers.clone();
            stale = 0;
        } else {
            stale += 1;
        }
    }
    graph.layers = best;
    best_crossings
}

/// The position of each vertex within its layer.
fn positions(graph: &Layered) -> Vec<usize> {
    let mut position = vec![0; graph.vertices.len()];
    for layer in &graph.layers {
        for (slot, &vertex) in layer.iter().enumerate() {
            position[vertex] = slot;
        }
    }
    position
}

/// Sorts one layer by its neighbours in the layer above (`downward`) or below.
fn sort_layer(graph: &mut Layered, position: &mut [usize], layer: usize, downward: bool, heuristic: CrossingHeuristic) {
    let members = &graph.layers[layer];
    let mut scored: Vec<(usize, f64)> = Vec::new();
    let mut free_slots: Vec<usize> = Vec::new();
    for (slot, &vertex) in members.iter().enumerate() {
        let neighbours = if downward { &graph.up[vertex] } else { &graph.down[vertex] };
        let mut at: Vec<f64> = neighbours.iter().map(|&other| position[other] as f64).collect();
        if let Some(score) = heuristic.score(&mut at) {
            scored.push((vertex, score));
            free_slots.push(slot);
        }
    }
    scored.sort_by(|a, b| a.1.total_cmp(&b.1));
    let members = &mut graph.layers[layer];
    for (&slot, &(vertex, _)) in free_slots.iter().zip(&scored) {
        members[slot] = vertex;
        position[vertex] = slot;
    }
}

/// Swaps adjacent vertices while that lowers crossings with the layers above and below, in
/// passes that each fit in what is left of `budget`; returns the work done.
fn transpose(graph: &mut Layered, position: &mut [usize], budget: usize) -> usize {
    let pass_work: usize = graph
        .layers
        .iter()
        .flat_map(|layer| layer.windows(2))
        .map(|pair| {
            let (a, b) = (pair[0], pair[1]);
            1 + 2 * (graph.up[a].len() * graph.up[b].len() + graph.down[a].len() * graph.down[b].len())
        })
        .sum();
    let mut work = 0;
    for _ in 0..TRANSPOSE_PASSES {
        if work + pass_work > budget {
            break;
        }
        work += pass_work;
        let mut improved = false;
        for layer in 0..graph.layers.len() {
            for slot in 1..graph.layers[layer].len() {
                let (left, right) = (graph.layers[layer][slot - 1], graph.layers[layer][slot]);
                let kept = pair_crossings(graph, position, left, right);
                let swapped = pair_crossings(graph, position, right, left);
                if swapped < kept {
                    graph.layers[layer].swap(slot - 1, slot);
                    position[left] = slot;
                    position[right] = slot - 1;
                    improved = true;
                }
            }
        }
        if !improved {
            break;
        }
    }
    work
}

/// Crossings between the edges of `left` and of `right` (with `left` placed first), both sides.
fn pair_crossings(graph: &Layered, position: &[usize], left: usize, right: usize) -> usize {
    let side = |neighbours: &[Vec<usize>]| {
        let mut count = 0;
        for &a in &neighbours[left] {
            count += neighbours[right].iter().filter(|&&b| position[a] > position[b]).count();
        }
        count
    };
    side(&graph.up) + side(&graph.down)
}

/// All crossings between adjacent layers, for the given positions.
pub(crate) fn count_crossings(graph: &Layered, position: &[usize]) -> usize {
    let mut total = 0;
    for layer in 0..graph.layers.len().saturating_sub(1) {
        let lower_size = graph.layers[layer + 1].len();
        let mut edges: Vec<(usize, usize)> = Vec::new();
        for &upper in &graph.layers[layer] {
            edges.extend(graph.down[upper].iter().map(|&lower| (position[upper], position[lower])));
        }
        edges.sort_unstable();
        total += inversions(edges.iter().map(|&(_, lower)| lower), lower_size);
    }
    total
}

/// The number of pairs i < j with values[i] > values[j], values below `bound` (Fenwick tree).
fn inversions(values: impl Iterator<Item = usize>, bound: usize) -> usize {
    let mut tree = vec![0_usize; bound + 1];
    let mut count = 0;
    for (seen, value) in values.enumerate() {
        let mut index = value + 1;
        let mut not_greater = 0;
        while index > 0 {
            not_greater += tree[index];
            index &= index - 1;
        }
        count += seen - not_greater;
        let mut index = value + 1;
        while index <= bound {
            tree[index] += 1;
            index += index & index.wrapping_neg();
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::{Rng, SeedableRng};

    #[test]
    fn inversions_count_crossings() {
        assert_eq!(inversions([1, 0].into_iter(), 2), 1);
        assert_eq!(inversions([0, 1, 1, 2].into_iter(), 3), 0);
        assert_eq!(inversions([2, 1, 0].into_iter(), 3), 3);
    }

    #[test]
    fn a_crossed_pair_is_uncrossed() {
        // A→D, B→C: in input order A B over C D the two edges cross.
        let mut layered = Layered::for_test(4, &[(0, 3), (1, 2)]);
        assert_eq!(count_crossings(&layered, &positions(&layered)), 1);
        assert_eq!(reduce_crossings(&mut layered, 24, 4, CrossingHeuristic::Barycenter), 0);
        assert_eq!(count_crossings(&layered, &positions(&layered)), 0);
    }

    #[test]
    fn no_sweeps_keeps_the_input_order() {
        let mut layered = Layered::for_test(4, &[(0, 3), (1, 2)]);
        let before = layered.layers.clone();
        assert_eq!(reduce_crossings(&mut layered, 0, 4, CrossingHeuristic::Median), 1);
        assert_eq!(layered.layers, before);
    }

    #[test]
    fn random_dags_never_get_worse_and_keep_their_vertices() {
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(3);
        for round in 0..200 {
            let node_count = rng.random_range(5..26);
            let edges: Vec<(usize, usize)> = (0..rng.random_range(node_count..node_count * 2))
                .filter_map(|_| {
                    let (a, b) = (rng.random_range(0..node_count), rng.random_range(0..node_count));
                    (a != b).then_some((a.min(b), a.max(b)))
                })
                .collect();
            let heuristic = if round % 2 == 0 { CrossingHeuristic::Barycenter } else { CrossingHeuristic::Median };
            let mut layered = Layered::for_test(node_count, &edges);
            let initial = count_crossings(&layered, &positions(&layered));
            let mut sorted_before: Vec<Vec<usize>> = layered.layers.clone();
            sorted_before.iter_mut().for_each(|layer| layer.sort());
            let reduced = reduce_crossings(&mut layered, 24, 4, heuristic);
            assert!(reduced <= initial, "{edges:?}: {reduced} > {initial}");
            assert_eq!(reduced, count_crossings(&layered, &positions(&layered)));
            let mut sorted_after = layered.layers.clone();
            sorted_after.iter_mut().for_each(|layer| layer.sort());
            assert_eq!(sorted_before, sorted_after);
        }
    }

    #[test]
    fn pair_crossings_agree_with_the_full_count() {
        let layered = Layered::for_test(4, &[(0, 3), (1, 2)]);
        let position = positions(&layered);
        assert_eq!(pair_crossings(&layered, &position, 2, 3), 1);
        assert_eq!(pair_crossings(&layered, &position, 3, 2), 0);
    }
}
