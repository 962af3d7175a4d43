//! Quadratic placement: within the least gaps between neighbours in a layer, lower the sum over
//! edges of `ω·(x_u − x_v)²`, with `ω` = 1 between nodes, 2 between a node and a bend and 8
//! between bends (Gansner et al.), so parents sit over the mean of their children.
//!
//! Each layer in turn is solved exactly, given its neighbours: with `t_v` the weighted mean of
//! `v`'s neighbours and `S_v` the least offset of `v` from the layer's first vertex,
//! `y_v = x_v − S_v` must not decrease along the layer, which is a weighted isotonic regression
//! of `t_v − S_v` (pool adjacent violators). Passes alternate down and up, from every layer
//! packed and centred on 0.
//!
//! It packs layers tightly about a common centre, so drawings with many long edges often come
//! out narrower than with Brandes–Köpf; but a chain with a leaf off every step becomes a
//! staircase, each parent halfway between its two children:
//!
//! ```text
//!         A
//!       B   F
//!     C   G
//! ```

use super::layered::Layered;

/// Passes of per-layer placement (each one sweep down or up).
const PASSES: usize = 24;

/// Pull of a vertex with no neighbours toward where it already is.
const ANCHOR_WEIGHT: f64 = 0.05;

/// The centre of every vertex along its layer, about 0; `gap_after[v]` is the least distance
/// from `v`'s centre to the next vertex's in its layer.
pub(crate) fn quadratic_placement(graph: &Layered, gap_after: &[f64]) -> Vec<f64> {
    let mut x = vec![0.0; graph.vertices.len()];
    let separations: Vec<Vec<f64>> = graph
        .layers
        .iter()
        .map(|layer| layer.iter().take(layer.len().saturating_sub(1)).map(|&v| gap_after[v]).collect())
        .collect();
    for (layer, gaps) in graph.layers.iter().zip(&separations) {
        let total: f64 = gaps.iter().sum();
        let mut at = -total / 2.0;
        for (slot, &vertex) in layer.iter().enumerate() {
            x[vertex] = at;
            at += gaps.get(slot).copied().unwrap_or(0.0);
        }
    }
    for pass in 0..PASSES {
        let order: Vec<usize> =
            if pass % 2 == 0 { (0..graph.layers.len()).collect() } else { (0..graph.layers.len()).rev().collect() };
        for layer in order {
            place_layer(graph, &mut x, &graph.layers[layer], &separations[layer]);
        }
    }
    x
}

/// Moves the vertices of one layer to their best places given all their neighbours.
fn place_layer(graph: &Layered, x: &mut [f64], layer: &[usize], separations: &[f64]) {
    let mut targets = Vec::with_capacity(layer.len());
    let mut weights = Vec::with_capacity(layer.len());
    for &v in layer {
        let (mut pull, mut weight) = (0.0, 0.0);
        for &other in graph.up[v].iter().chain(&graph.down[v]) {
            let omega = match (graph.is_node(v), graph.is_node(other)) {
                (true, true) => 1.0,
                (false, false) => 8.0,
                _ => 2.0,
            };
            pull += omega * x[other];
            weight += omega;
        }
        if weight > 0.0 {
            targets.push(pull / weight);
            weights.push(weight);
        } else {
            targets.push(x[v]);
            weights.push(ANCHOR_WEIGHT);
        }
    }
    for (&v, placed) in layer.iter().zip(isotonic_placement(&targets, &weights, separations)) {
        x[v] = placed;
    }
}

/// Minimises Σ wᵢ(xᵢ − tᵢ)² subject to xᵢ₊₁ − xᵢ ≥ sᵢ, by pool adjacent violators.
fn isotonic_placement(targets: &[f64], weights: &[f64], separations: &[f64]) -> Vec<f64> {
    let mut offsets = vec![0.0; targets.len()];
    for slot in 1..targets.len() {
        offsets[slot] = offsets[slot - 1] + separations.get(slot - 1).copied().unwrap_or(0.0);
    }
    // Blocks of (first slot, total weight, weighted sum of shifted targets).
    let mut blocks: Vec<(usize, f64, f64)> = Vec::new();
    for slot in 0..targets.len() {
        blocks.push((slot, weights[slot], weights[slot] * (targets[slot] - offsets[slot])));
        while blocks.len() >= 2 {
            let (last, before) = (blocks[blocks.len() - 1], blocks[blocks.len() - 2]);
            if before.2 / before.1 <= last.2 / last.1 {
                break;
            }
            blocks.pop();
            if let Some(merged) = blocks.last_mut() {
                merged.1 += last.1;
                merged.2 += last.2;
            }
        }
    }
    let mut placed = vec![0.0; targets.len()];
    for (index, &(first, weight, sum)) in blocks.iter().enumerate() {
        let end = blocks.get(index + 1).map_or(targets.len(), |next| next.0);
        for slot in first..end {
            placed[slot] = sum / weight + offsets[slot];
        }
    }
    placed
}

#[cfg(test)]
mod tests {
    use super::super::layered::EdgeInput;
    use super::*;

    #[test]
    fn isotonic_placement_keeps_separations() {
        assert_eq!(isotonic_placement(&[0.0, 0.0], &[1.0, 1.0], &[10.0]), [-5.0, 5.0]);
        assert_eq!(isotonic_placement(&[0.0, 50.0], &[1.0, 1.0], &[10.0]), [0.0, 50.0]);
        assert_eq!(isotonic_placement(&[0.0, 0.0], &[3.0, 1.0], &[8.0]), [-2.0, 6.0]);
        assert_eq!(isotonic_placement(&[], &[], &[]), Vec::<f64>::new());
    }

    #[test]
    fn a_parent_sits_at_the_mean_of_its_children() {
        let edges = [(0, 1), (0, 2)].map(|(from, to)| EdgeInput { from, to, label: None });
        let graph = Layered::build(&[(40.0, 20.0); 3], &edges, &[]);
        let x = quadratic_placement(&graph, &[0.0, 90.0, 0.0]);
        assert!((x[0] - (x[1] + x[2]) / 2.0).abs() < 1e-6 && (x[2] - x[1] - 90.0).abs() < 1e-6, "{x:?}");
    }
}
