//! Coordinate assignment in top-to-bottom space: an `x` for every vertex, a `y` for every layer.
//!
//! Along a layer, vertices keep their order and stay apart by half their widths plus a gap (the
//! node spacing between nodes, the edge spacing between bends, their mean between the two). Within
//! those limits the sum over edges of `ω·(x_u − x_v)²` is lowered, with `ω` = 1 between nodes,
//! 2 between a node and a bend and 8 between bends (Gansner et al.), so long edges run straight
//! and parents sit over their children. Each layer in turn is solved exactly, given its
//! neighbours: with `t_v` the weighted mean of `v`'s neighbours and `S_v` the least offset of `v`
//! from the layer's first vertex, `y_v = x_v − S_v` must not decrease along the layer, which is a
//! weighted isotonic regression of `t_v − S_v` (pool adjacent violators). Passes alternate down
//! and up.
//!
//! Across layers, each layer is as tall as its tallest vertex, and layers stand `rank_spacing`
//! apart (half that next to a layer holding only bends, such as a label's layer).
//!
//! ```text
//!    [ A ]          A is centred over B and C: the mean of its children
//!   /     \
//! [B]     [C]
//! ```

use super::layered::Layered;
use super::options::LayoutOptions;

/// Passes of per-layer placement (each one sweep down or up).
const PASSES: usize = 24;

/// Pull of a vertex with no neighbours toward where it already is.
const ANCHOR_WEIGHT: f64 = 0.05;

/// Where everything goes, in top-to-bottom space.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Coordinates {
    /// Centre of each vertex along its layer.
    pub x: Vec<f64>,
    /// Centre of each layer across layers.
    pub layer_y: Vec<f64>,
    /// Extent of each layer across layers.
    pub layer_height: Vec<f64>,
    /// Width of the whole drawing, margins included.
    pub width: f64,
    /// Height of the whole drawing, margins included.
    pub height: f64,
}

/// Places every vertex of `graph` (whose layers are already ordered).
pub(crate) fn assign_coordinates(graph: &Layered, options: &LayoutOptions) -> Coordinates {
    let mut x = vec![0.0; graph.vertices.len()];
    let separations: Vec<Vec<f64>> = graph.layers.iter().map(|layer| separations(graph, layer, options)).collect();
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

    let left = (0..x.len()).map(|v| x[v] - graph.width[v] / 2.0).fold(f64::INFINITY, f64::min);
    let shift = if left.is_finite() { options.margin - left } else { 0.0 };
    x.iter_mut().for_each(|at| *at += shift);
    let right = (0..x.len()).map(|v| x[v] + graph.width[v] / 2.0 + graph.extra_after[v]).fold(0.0, f64::max);

    let layer_height: Vec<f64> =
        graph.layers.iter().map(|layer| layer.iter().map(|&v| graph.height[v]).fold(0.0, f64::max)).collect();
    let has_node: Vec<bool> = graph.layers.iter().map(|layer| layer.iter().any(|&v| graph.is_node(v))).collect();
    let mut layer_y = Vec::with_capacity(graph.layers.len());
    let mut top = options.margin;
    for (layer, &height) in layer_height.iter().enumerate() {
        if layer > 0 {
            let full = has_node[layer] && has_node[layer - 1];
            top += if full { options.rank_spacing } else { options.rank_spacing / 2.0 };
        }
        layer_y.push(top + height / 2.0);
        top += height;
    }
    Coordinates {
        x,
        layer_y,
        layer_height,
        width: right.max(options.margin) + options.margin,
        height: top + options.margin,
    }
}

/// The least distance between the centres of each vertex and the next in `layer`.
fn separations(graph: &Layered, layer: &[usize], options: &LayoutOptions) -> Vec<f64> {
    let spacing = |v: usize| if graph.is_node(v) { options.node_spacing } else { options.edge_spacing };
    layer
        .windows(2)
        .map(|pair| {
            let (a, b) = (pair[0], pair[1]);
            graph.width[a] / 2.0 + graph.extra_after[a] + graph.width[b] / 2.0 + (spacing(a) + spacing(b)) / 2.0
        })
        .collect()
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

    fn laid_out(sizes: &[(f64, f64)], edges: &[(usize, usize)]) -> (Layered, Coordinates) {
        let edges: Vec<EdgeInput> = edges.iter().map(|&(from, to)| EdgeInput { from, to, label: None }).collect();
        let graph = Layered::build(sizes, &edges, &[]);
        let coordinates = assign_coordinates(&graph, &LayoutOptions::default());
        (graph, coordinates)
    }

    #[test]
    fn isotonic_placement_keeps_separations() {
        assert_eq!(isotonic_placement(&[0.0, 0.0], &[1.0, 1.0], &[10.0]), [-5.0, 5.0]);
        assert_eq!(isotonic_placement(&[0.0, 50.0], &[1.0, 1.0], &[10.0]), [0.0, 50.0]);
        assert_eq!(isotonic_placement(&[0.0, 0.0], &[3.0, 1.0], &[8.0]), [-2.0, 6.0]);
        assert_eq!(isotonic_placement(&[], &[], &[]), Vec::<f64>::new());
    }

    #[test]
    fn a_parent_sits_over_its_children() {
        let (_, at) = laid_out(&[(40.0, 20.0); 3], &[(0, 1), (0, 2)]);
        assert!((at.x[0] - (at.x[1] + at.x[2]) / 2.0).abs() < 1e-6);
        assert!((at.x[2] - at.x[1] - 90.0).abs() < 1e-6, "40 wide plus 50 apart");
    }

    #[test]
    fn a_chain_runs_straight_and_layers_stand_apart() {
        let (_, at) = laid_out(&[(40.0, 20.0), (80.0, 30.0), (40.0, 20.0)], &[(0, 1), (1, 2)]);
        assert!((at.x[0] - at.x[1]).abs() < 1e-6 && (at.x[1] - at.x[2]).abs() < 1e-6);
        assert_eq!(at.layer_y, [8.0 + 10.0, 8.0 + 20.0 + 50.0 + 15.0, 8.0 + 20.0 + 50.0 + 30.0 + 50.0 + 10.0]);
        assert_eq!(at.height, 8.0 + 20.0 + 50.0 + 30.0 + 50.0 + 20.0 + 8.0);
        assert_eq!(at.width, 8.0 + 80.0 + 8.0);
    }

    #[test]
    fn neighbours_in_a_layer_never_overlap() {
        let sizes = [(30.0, 20.0), (90.0, 20.0), (10.0, 20.0), (60.0, 20.0), (20.0, 20.0)];
        let (graph, at) = laid_out(&sizes, &[(0, 1), (0, 2), (0, 3), (0, 4), (4, 2)]);
        for layer in &graph.layers {
            for pair in layer.windows(2) {
                let (a, b) = (pair[0], pair[1]);
                let least = graph.width[a] / 2.0 + graph.width[b] / 2.0;
                assert!(at.x[b] - at.x[a] >= least - 1e-9, "{layer:?}");
            }
        }
    }
}
