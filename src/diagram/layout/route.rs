//! Edge routing in top-to-bottom space: a polyline per edge from centre to centre, through the
//! bends (dummy vertices) of its chain; the caller clips the ends to the outlines.
//!
//! A hop between adjacent layers is first drawn straight, centre to centre. If that segment
//! would cut through another node's box, the hop instead leaves its upper vertex straight down
//! to the bottom of that vertex's layer, crosses the gap between layers (where no node stands),
//! and enters its lower vertex straight down from the top of its layer. Those vertical pieces run
//! inside the vertex's own slot, so no segment can cross another node.
//!
//! ```text
//!   [A]  [B]          A → C would clip B's corner if drawn straight, so it
//!    |                goes down out of A's layer first, then across,
//!     \___            then down into C.
//!          [C]
//! ```
//!
//! A self-loop leaves the node's right side and comes back, `self_loop_size` px out per loop;
//! its label stands beyond the outermost loop, labels of one node stacked.

use super::coords::Coordinates;
use super::layered::{EdgeInput, Layered};
use super::options::LayoutOptions;

/// Margin by which node boxes are grown when testing a straight hop.
const CLEARANCE: f64 = 1.0;

/// One edge's polyline, from the centre of its upper end to the centre of its lower end (for a
/// self-loop, from the node's centre back to it), and its label's centre.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Route {
    /// Points in top-to-bottom space.
    pub points: Vec<(f64, f64)>,
    /// The label's centre, if the edge has a label.
    pub label_pos: Option<(f64, f64)>,
}

/// Room each node needs for its self-loops: (after it along the layer, across layers).
pub(crate) fn loop_room(node_count: usize, edges: &[EdgeInput], options: &LayoutOptions) -> Vec<(f64, f64)> {
    let mut room = vec![(0.0, 0.0); node_count];
    let mut label_width = vec![0.0_f64; node_count];
    for edge in edges.iter().filter(|edge| edge.from == edge.to && edge.from < node_count) {
        room[edge.from].0 += options.self_loop_size;
        if let Some((width, height)) = edge.label {
            label_width[edge.from] = label_width[edge.from].max(width + options.label_padding);
            room[edge.from].1 += height;
        }
    }
    for (room, extra) in room.iter_mut().zip(label_width) {
        room.0 += extra;
    }
    room
}

/// Routes every edge; `node_sizes` are the nodes' real sizes in top-to-bottom space.
pub(crate) fn route_edges(
    graph: &Layered,
    at: &Coordinates,
    node_sizes: &[(f64, f64)],
    edges: &[EdgeInput],
    options: &LayoutOptions,
) -> Vec<Route> {
    let centre = |v: usize| (at.x[v], at.layer_y[graph.layer[v]]);
    let mut loops_done = vec![0_usize; node_sizes.len()];
    let mut stacked = vec![0.0_f64; node_sizes.len()];
    let loop_count = loop_room(node_sizes.len(), edges, options);
    let layer_nodes: Vec<Vec<usize>> =
        graph.layers.iter().map(|layer| layer.iter().copied().filter(|&v| graph.is_node(v)).collect()).collect();
    edges
        .iter()
        .zip(&graph.chains)
        .map(|(edge, chain)| match chain {
            Some(chain) => {
                let points = chain_points(graph, at, node_sizes, &layer_nodes, &chain.vertices);
                // An edge past the bend budget has no label vertex: its label goes halfway.
                let halfway = || match (chain.vertices.first(), chain.vertices.last()) {
                    (Some(&a), Some(&b)) => {
                        Some(((centre(a).0 + centre(b).0) / 2.0, (centre(a).1 + centre(b).1) / 2.0))
                    }
                    _ => None,
                };
                let label_pos = chain.label.map(centre).or_else(|| edge.label.and_then(|_| halfway()));
                Route { points, label_pos }
            }
            None if edge.from == edge.to && edge.from < node_sizes.len() => {
                let node = edge.from;
                let (x, y) = centre(node);
                let (width, height) = node_sizes[node];
                let reach = options.self_loop_size * (loops_done[node] + 1) as f64;
                loops_done[node] += 1;
                let side = x + width / 2.0 + reach;
                let points = vec![(x, y), (side, y - height / 4.0), (side, y + height / 4.0), (x, y)];
                let all_loops = loop_count[node].0 - label_room(edges, node, options);
                let label_pos = edge.label.map(|(label_width, label_height)| {
                    let stack_top = y - loop_count[node].1 / 2.0 + stacked[node];
                    stacked[node] += label_height;
                    let label_x = x + width / 2.0 + all_loops + options.label_padding + label_width / 2.0;
                    (label_x, stack_top + label_height / 2.0)
                });
                Route { points, label_pos }
            }
            None => Route::default(),
        })
        .collect()
}

/// The widest self-loop label of `node` plus padding, or 0.
fn label_room(edges: &[EdgeInput], node: usize, options: &LayoutOptions) -> f64 {
    edges
        .iter()
        .filter(|edge| edge.from == node && edge.to == node)
        .filter_map(|edge| edge.label.map(|(width, _)| width + options.label_padding))
        .fold(0.0, f64::max)
}

/// The polyline through a chain of vertices, straight where clear, boxed in where not;
/// `layer_nodes` holds each layer's nodes, left to right.
fn chain_points(
    graph: &Layered,
    at: &Coordinates,
    node_sizes: &[(f64, f64)],
    layer_nodes: &[Vec<usize>],
    chain: &[usize],
) -> Vec<(f64, f64)> {
    let centre = |v: usize| (at.x[v], at.layer_y[graph.layer[v]]);
    let band = |v: usize| {
        let layer = graph.layer[v];
        let half = at.layer_height[layer] / 2.0;
        (at.layer_y[layer] - half, at.layer_y[layer] + half)
    };
    let ends = [chain.first().copied(), chain.last().copied()];
    let blocked: Vec<bool> = chain
        .windows(2)
        .map(|hop| {
            let (a, b) = (centre(hop[0]), centre(hop[1]));
            let (left, right) = (a.0.min(b.0), a.0.max(b.0));
            [graph.layer[hop[0]], graph.layer[hop[1]]].iter().any(|&layer| {
                // Boxes in a layer stand apart, left to right: only those over [left, right] can be hit.
                let nodes = &layer_nodes[layer];
                let first = nodes.partition_point(|&v| node_box(at, graph, node_sizes, v).2 < left);
                nodes[first..]
                    .iter()
                    .take_while(|&&v| node_box(at, graph, node_sizes, v).0 <= right)
                    .any(|&v| !ends.contains(&Some(v)) && segment_hits_box(a, b, node_box(at, graph, node_sizes, v)))
            })
        })
        .collect();
    let mut points: Vec<(f64, f64)> = Vec::with_capacity(chain.len() * 3);
    for (index, &v) in chain.iter().enumerate() {
        let (x, y) = centre(v);
        let (top, bottom) = band(v);
        if index > 0 && blocked[index - 1] {
            points.push((x, top));
        }
        points.push((x, y));
        if blocked.get(index).copied().unwrap_or(false) {
            points.push((x, bottom));
        }
    }
    points.dedup_by(|b, a| (a.0 - b.0).abs() < 1e-9 && (a.1 - b.1).abs() < 1e-9);
    points
}

/// The box of node vertex `v`, grown by the clearance, as (left, top, right, bottom).
fn node_box(at: &Coordinates, graph: &Layered, node_sizes: &[(f64, f64)], v: usize) -> (f64, f64, f64, f64) {
    let (width, height) = node_sizes.get(v).copied().unwrap_or((0.0, 0.0));
    let (x, y) = (at.x[v], at.layer_y[graph.layer[v]]);
    (
        x - width / 2.0 - CLEARANCE,
        y - height / 2.0 - CLEARANCE,
        x + width / 2.0 + CLEARANCE,
        y + height / 2.0 + CLEARANCE,
    )
}

/// Whether the segment a–b meets the box (left, top, right, bottom) (Liang–Barsky clipping).
pub(crate) fn segment_hits_box(a: (f64, f64), b: (f64, f64), bounds: (f64, f64, f64, f64)) -> bool {
    let (left, top, right, bottom) = bounds;
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let (mut enter, mut leave) = (0.0_f64, 1.0_f64);
    for (p, q) in [(-dx, a.0 - left), (dx, right - a.0), (-dy, a.1 - top), (dy, bottom - a.1)] {
        if p == 0.0 {
            if q < 0.0 {
                return false;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                enter = enter.max(t);
            } else {
                leave = leave.min(t);
            }
        }
    }
    enter <= leave
}

#[cfg(test)]
mod tests {
    use super::super::coords::assign_coordinates;
    use super::*;

    #[test]
    fn segments_and_boxes() {
        let bounds = (0.0, 0.0, 10.0, 10.0);
        assert!(segment_hits_box((-5.0, 5.0), (15.0, 5.0), bounds));
        assert!(segment_hits_box((5.0, 5.0), (6.0, 6.0), bounds));
        assert!(!segment_hits_box((-5.0, -5.0), (-1.0, 20.0), bounds));
        assert!(!segment_hits_box((11.0, 0.0), (20.0, 10.0), bounds));
        assert!(segment_hits_box((-5.0, 5.0), (5.0, -5.0), bounds), "touches the corner");
    }

    #[test]
    fn a_blocked_hop_leaves_and_enters_vertically() {
        // Layer 0: A (narrow) and B (tall, wide) side by side; A → C where C sits far right.
        let sizes = [(10.0, 10.0), (200.0, 120.0), (10.0, 10.0), (10.0, 10.0)];
        let edges: Vec<EdgeInput> =
            [(0, 2), (1, 3)].iter().map(|&(from, to)| EdgeInput { from, to, label: None }).collect();
        let options = LayoutOptions::default();
        let mut graph = Layered::build(&sizes, &edges, &[]);
        graph.layers[1] = vec![3, 2];
        let at = assign_coordinates(&graph, &options);
        let routes = route_edges(&graph, &at, &sizes, &edges, &options);
        assert!(routes[0].points.len() > 2, "A → C had to bend: {:?}", routes[0]);
        for (index, route) in routes.iter().enumerate() {
            for pair in route.points.windows(2) {
                for v in [0, 1, 2, 3] {
                    if v != edges[index].from && v != edges[index].to {
                        assert!(!segment_hits_box(pair[0], pair[1], node_box(&at, &graph, &sizes, v)), "{route:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn self_loops_reach_out_to_the_right() {
        let sizes = [(40.0, 20.0)];
        let edges = [EdgeInput { from: 0, to: 0, label: Some((30.0, 16.0)) }];
        let options = LayoutOptions::default();
        let room = loop_room(1, &edges, &options);
        assert_eq!(room, [(20.0 + 34.0, 16.0)]);
        let graph = Layered::build(&sizes, &edges, &room);
        let at = assign_coordinates(&graph, &options);
        let route = &route_edges(&graph, &at, &sizes, &edges, &options)[0];
        let (x, y) = (at.x[0], at.layer_y[0]);
        assert_eq!(route.points, [(x, y), (x + 40.0, y - 5.0), (x + 40.0, y + 5.0), (x, y)]);
        assert_eq!(route.label_pos, Some((x + 20.0 + 20.0 + 4.0 + 15.0, y)));
        assert!(at.width >= x + 20.0 + 54.0);
    }
}
