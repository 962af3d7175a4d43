//! Coordinate assignment in top-to-bottom space: an `x` for every vertex, a `y` for every layer.
//!
//! Along a layer, vertices keep their order and stay apart by half their widths plus a gap (the
//! node spacing between nodes, the edge spacing between bends, their mean between the two):
//!
//! ```text
//! gap(a, b) = w_a / 2 + loop room after a + w_b / 2 + (spacing(a) + spacing(b)) / 2
//! ```
//!
//! Within those limits three placements are made, and the narrowest kept; each must be narrower
//! by over a pixel to displace the ones before it:
//!
//! 1. Brandes–Köpf, balanced (`align`, `compact`): each vertex lined up with a median neighbour in
//!    four ways, long edges first, each way packed, the four balanced; chains and long edges run
//!    straight and a parent is centred over its children.
//! 2. The narrowest of those four ways: a chain with a leaf off every step stays one straight
//!    column with the leaves beside it, where the balance would make a staircase.
//! 3. The quadratic placement (`quadratic`, the method before Brandes–Köpf): on charts with many
//!    long edges, which it lets bend, it is often the narrowest; so no chart comes out more than
//!    a pixel wider than it did with that method alone.
//!
//! The drawing is then shifted so its left edge stands at the margin.
//!
//! Across layers, each layer is as tall as its tallest vertex, and layers stand `rank_spacing`
//! apart (half that next to a layer holding only bends, such as a label's layer).
//!
//! ```text
//!    [ A ]          A → B, A → C: A is centred over B and C
//!   /     \
//! [B]     [C]
//! ```

use super::compact::{brandes_koepf, extent};
use super::layered::Layered;
use super::options::LayoutOptions;
use super::quadratic::quadratic_placement;

/// How much narrower (px) a placement must be to replace one preferred to it.
const TOLERANCE: f64 = 1.0;

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
    let gap_after = gaps_after(graph, options);
    let mut x = place_horizontally(graph, &gap_after);
    let (left, _) = extent(graph, &x);
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

/// The centre of every vertex along its layer (on any origin): the narrowest of Brandes–Köpf
/// balanced, its narrowest alignment and the quadratic placement, earlier ones kept unless a
/// later one is narrower by over `TOLERANCE`.
fn place_horizontally(graph: &Layered, gap_after: &[f64]) -> Vec<f64> {
    let width = |x: &[f64]| {
        let (left, right) = extent(graph, x);
        right - left
    };
    let (balanced, narrowest) = brandes_koepf(graph, gap_after);
    let mut best = balanced;
    for candidate in [narrowest, quadratic_placement(graph, gap_after)] {
        if width(&candidate) < width(&best) - TOLERANCE {
            best = candidate;
        }
    }
    best
}

/// The least distance from each vertex's centre to the next one's in its layer (0 for the last).
fn gaps_after(graph: &Layered, options: &LayoutOptions) -> Vec<f64> {
    let spacing = |v: usize| if graph.is_node(v) { options.node_spacing } else { options.edge_spacing };
    let mut gap_after = vec![0.0; graph.vertices.len()];
    for layer in &graph.layers {
        for pair in layer.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            gap_after[a] =
                graph.width[a] / 2.0 + graph.extra_after[a] + graph.width[b] / 2.0 + (spacing(a) + spacing(b)) / 2.0;
        }
    }
    gap_after
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

    #[test]
    fn long_edges_run_straight() {
        // 0 → 1 → 2 → 3 → 4 and 0 → 4 over three bends, next to wide nodes.
        let sizes = [(40.0, 20.0), (120.0, 20.0), (90.0, 20.0), (150.0, 20.0), (40.0, 20.0)];
        let (graph, at) = laid_out(&sizes, &[(0, 1), (1, 2), (2, 3), (3, 4), (0, 4)]);
        let chain = graph.chains[4].as_ref().unwrap();
        let bends = &chain.vertices[1..chain.vertices.len() - 1];
        assert_eq!(bends.len(), 3);
        assert!(bends.iter().all(|&bend| (at.x[bend] - at.x[bends[0]]).abs() < 1e-9), "{:?}", at.x);
        assert!((1..3).all(|node| (at.x[node] - at.x[node + 1]).abs() < 1e-9), "the chain too: {:?}", at.x);
    }

    #[test]
    fn random_graphs_are_never_wider_than_the_quadratic_placement() {
        use rand::{Rng, SeedableRng};
        let options = LayoutOptions::default();
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(11);
        let mut narrower = 0;
        for _ in 0..200 {
            let node_count = rng.random_range(5..26);
            let sizes: Vec<(f64, f64)> =
                (0..node_count).map(|_| (rng.random_range(10.0..300.0), rng.random_range(20.0..80.0))).collect();
            let edges: Vec<EdgeInput> = (0..rng.random_range(node_count..node_count * 2))
                .filter_map(|_| {
                    let (a, b) = (rng.random_range(0..node_count), rng.random_range(0..node_count));
                    let label = (rng.random_range(0..5) == 0).then_some((40.0, 20.0));
                    (a != b).then_some(EdgeInput { from: a.min(b), to: a.max(b), label })
                })
                .collect();
            let mut graph = Layered::build(&sizes, &edges, &[]);
            super::super::order::reduce_crossings(&mut graph, 24, 4, Default::default());
            let at = assign_coordinates(&graph, &options);
            assert_eq!(assign_coordinates(&graph, &options), at, "deterministic");
            let gap_after = gaps_after(&graph, &options);
            for layer in &graph.layers {
                for pair in layer.windows(2) {
                    assert!(at.x[pair[1]] - at.x[pair[0]] >= gap_after[pair[0]] - 1e-6, "{edges:?}");
                }
            }
            let (left, right) = extent(&graph, &quadratic_placement(&graph, &gap_after));
            let before = right - left + 2.0 * options.margin;
            assert!(at.width <= before + TOLERANCE, "{edges:?}: {} > {before}", at.width);
            narrower += usize::from(at.width < before - TOLERANCE);
        }
        assert!(narrower > 20, "narrower only {narrower} times");
    }
}
