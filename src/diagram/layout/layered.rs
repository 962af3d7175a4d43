//! The proper layered graph: every edge split into unit steps between adjacent layers by dummy
//! vertices, one per layer crossed; a labelled edge's middle dummy carries its label's size.
//!
//! ```text
//! layer 0:  A            A --> C spans two layers, so a dummy d stands in layer 1;
//! layer 1:  B   d        A --> B and B --> C span one each.
//! layer 2:  C
//! ```
//!
//! Sizes here are in top-to-bottom space: `width` runs along a layer, `height` across layers.
//! Labelled edges, and edges that repeat a pair of nodes, get minimum length 2 (as dagre does
//! for labels), so their label or their second route has a layer of its own.
//!
//! Bends are what every later step pays for, and a few long edges over a long chain can ask for
//! hundreds of thousands (1,000 edges over 1,000 layers). So their number is bounded: edges get
//! their bends shortest first while the budget lasts, and an edge past it keeps no bend (its
//! chain is its two ends, outside the ordering, drawn straight).

use std::collections::HashMap;

use super::cycles::back_edges;
use super::layers::assign_layers;

/// What a vertex of the layered graph stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Vertex {
    /// A node of the chart (by index).
    Node(usize),
    /// A bend of an edge (by index) in a layer it crosses.
    Dummy(usize),
    /// The bend of an edge (by index) that holds its label.
    Label(usize),
}

/// An edge to lay out, with sizes already turned to top-to-bottom space.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct EdgeInput {
    /// Source node.
    pub from: usize,
    /// Target node.
    pub to: usize,
    /// Size of the label box (text plus padding), if the edge has a label.
    pub label: Option<(f64, f64)>,
}

/// One edge as a path of vertices down the layers.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Chain {
    /// Vertices from the upper end to the lower end; the ends are nodes.
    pub vertices: Vec<usize>,
    /// Whether the upper end is the edge's target (the edge was reversed to break a cycle).
    pub reversed: bool,
    /// The vertex holding the label, if any.
    pub label: Option<usize>,
}

/// The layered graph, with an order of vertices in each layer.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Layered {
    /// What each vertex stands for; the first ones are the chart's nodes, in order.
    pub vertices: Vec<Vertex>,
    /// Layer of each vertex.
    pub layer: Vec<usize>,
    /// Extent along the layer.
    pub width: Vec<f64>,
    /// Extent across layers.
    pub height: Vec<f64>,
    /// Room kept after the vertex along the layer (for self-loops and their labels).
    pub extra_after: Vec<f64>,
    /// Neighbours in the layer above.
    pub up: Vec<Vec<usize>>,
    /// Neighbours in the layer below.
    pub down: Vec<Vec<usize>>,
    /// Vertices of each layer, in order.
    pub layers: Vec<Vec<usize>>,
    /// Each edge's chain; `None` for self-loops and edges naming missing nodes.
    pub chains: Vec<Option<Chain>>,
}

impl Layered {
    /// Builds the layered graph of nodes of `node_sizes` and `edges`; `loop_room` is the room to
    /// keep after each node for its self-loops, as (along the layer, across layers).
    #[cfg(test)]
    pub fn build(node_sizes: &[(f64, f64)], edges: &[EdgeInput], loop_room: &[(f64, f64)]) -> Layered {
        Layered::build_within(node_sizes, edges, loop_room, usize::MAX)
    }

    /// [`Layered::build`] with at most `max_bends` bends in all.
    pub fn build_within(
        node_sizes: &[(f64, f64)],
        edges: &[EdgeInput],
        loop_room: &[(f64, f64)],
        max_bends: usize,
    ) -> Layered {
        let node_count = node_sizes.len();
        let valid = |edge: &EdgeInput| edge.from < node_count && edge.to < node_count && edge.from != edge.to;
        let pairs: Vec<(usize, usize)> = edges.iter().map(|edge| (edge.from, edge.to)).collect();
        let reversed = back_edges(node_count, &pairs);
        let mut pair_count: HashMap<(usize, usize), usize> = HashMap::new();
        for edge in edges.iter().filter(|edge| valid(edge)) {
            *pair_count.entry((edge.from.min(edge.to), edge.from.max(edge.to))).or_default() += 1;
        }
        let oriented: Vec<(usize, usize, usize)> = edges
            .iter()
            .zip(&reversed)
            .filter(|(edge, _)| valid(edge))
            .map(|(edge, &flip)| {
                let repeated = pair_count.get(&(edge.from.min(edge.to), edge.from.max(edge.to))) > Some(&1);
                let length = if edge.label.is_some() || repeated { 2 } else { 1 };
                if flip {
                    (edge.to, edge.from, length)
                } else {
                    (edge.from, edge.to, length)
                }
            })
            .collect();
        let node_layers = assign_layers(node_count, &oriented);

        let ends = |edge: &EdgeInput, flip: bool| if flip { (edge.to, edge.from) } else { (edge.from, edge.to) };
        let mut by_span: Vec<(usize, usize)> = edges
            .iter()
            .zip(&reversed)
            .enumerate()
            .filter(|(_, (edge, _))| valid(edge))
            .map(|(index, (edge, &flip))| {
                let (top, bottom) = ends(edge, flip);
                (node_layers[bottom].saturating_sub(node_layers[top]).saturating_sub(1), index)
            })
            .collect();
        by_span.sort_unstable();
        let mut bent = vec![false; edges.len()];
        let mut budget = max_bends;
        for (bends, index) in by_span {
            if bends > budget {
                break;
            }
            budget -= bends;
            bent[index] = true;
        }

        let room = |node: usize| loop_room.get(node).copied().unwrap_or((0.0, 0.0));
        let mut graph = Layered {
            vertices: (0..node_count).map(Vertex::Node).collect(),
            layer: node_layers.clone(),
            width: node_sizes.iter().map(|size| size.0).collect(),
            height: (0..node_count).map(|node| node_sizes[node].1.max(room(node).1)).collect(),
            extra_after: (0..node_count).map(|node| room(node).0).collect(),
            up: vec![Vec::new(); node_count],
            down: vec![Vec::new(); node_count],
            layers: Vec::new(),
            chains: Vec::with_capacity(edges.len()),
        };
        for (index, (edge, &flip)) in edges.iter().zip(&reversed).enumerate() {
            if !valid(edge) {
                graph.chains.push(None);
                continue;
            }
            let (top, bottom) = ends(edge, flip);
            if !bent[index] {
                graph.chains.push(Some(Chain { vertices: vec![top, bottom], reversed: flip, label: None }));
                continue;
            }
            let span = node_layers[bottom] - node_layers[top];
            let mut chain = Chain { vertices: vec![top], reversed: flip, label: None };
            for step in 1..span {
                let label_here = if step == span / 2 { edge.label } else { None };
                let (vertex, (width, height)) = match label_here {
                    Some(size) => (Vertex::Label(index), size),
                    None => (Vertex::Dummy(index), (0.0, 0.0)),
                };
                let id = graph.push(vertex, node_layers[top] + step, width, height);
                if label_here.is_some() {
                    chain.label = Some(id);
                }
                chain.vertices.push(id);
            }
            chain.vertices.push(bottom);
            for step in chain.vertices.windows(2) {
                graph.down[step[0]].push(step[1]);
                graph.up[step[1]].push(step[0]);
            }
            graph.chains.push(Some(chain));
        }
        let layer_count = graph.layer.iter().copied().max().map_or(0, |top| top + 1);
        graph.layers = vec![Vec::new(); layer_count];
        for (vertex, &layer) in graph.layer.iter().enumerate() {
            graph.layers[layer].push(vertex);
        }
        graph
    }

    /// Adds a vertex with no room after it, returning its index.
    fn push(&mut self, vertex: Vertex, layer: usize, width: f64, height: f64) -> usize {
        self.vertices.push(vertex);
        self.layer.push(layer);
        self.width.push(width);
        self.height.push(height);
        self.extra_after.push(0.0);
        self.up.push(Vec::new());
        self.down.push(Vec::new());
        self.vertices.len() - 1
    }

    /// Whether the vertex is a chart node (not a bend of an edge).
    pub fn is_node(&self, vertex: usize) -> bool {
        matches!(self.vertices.get(vertex), Some(Vertex::Node(_)))
    }
}

#[cfg(test)]
impl Layered {
    /// For tests: `node_count` nodes of 10 × 10 px and unlabelled edges.
    pub(super) fn for_test(node_count: usize, edges: &[(usize, usize)]) -> Layered {
        let edges: Vec<EdgeInput> = edges.iter().map(|&(from, to)| EdgeInput { from, to, label: None }).collect();
        Layered::build(&vec![(10.0, 10.0); node_count], &edges, &[])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edge(from: usize, to: usize) -> EdgeInput {
        EdgeInput { from, to, label: None }
    }

    #[test]
    fn long_edges_get_one_dummy_per_layer() {
        let graph = Layered::build(&[(10.0, 10.0); 3], &[edge(0, 1), edge(1, 2), edge(0, 2)], &[]);
        assert_eq!(graph.layers, [vec![0], vec![1, 3], vec![2]]);
        assert_eq!(graph.vertices[3], Vertex::Dummy(2));
        assert_eq!(graph.chains[2].as_ref().unwrap().vertices, [0, 3, 2]);
        assert_eq!((graph.up[3].as_slice(), graph.down[3].as_slice()), (&[0][..], &[2][..]));
    }

    #[test]
    fn labels_get_a_layer_of_their_own() {
        let labelled = EdgeInput { from: 0, to: 1, label: Some((30.0, 20.0)) };
        let graph = Layered::build(&[(10.0, 10.0); 2], &[labelled], &[]);
        assert_eq!(graph.layer, [0, 2, 1]);
        let chain = graph.chains[0].as_ref().unwrap();
        assert_eq!(chain.label, Some(2));
        assert_eq!((graph.width[2], graph.height[2]), (30.0, 20.0));
    }

    #[test]
    fn cycles_are_reversed_and_self_loops_set_aside() {
        let graph = Layered::build(&[(10.0, 10.0); 2], &[edge(0, 1), edge(1, 0), edge(1, 1), edge(0, 9)], &[]);
        assert!(!graph.chains[0].as_ref().unwrap().reversed);
        let back = graph.chains[1].as_ref().unwrap();
        assert!(back.reversed);
        assert_eq!((back.vertices.first(), back.vertices.last()), (Some(&0), Some(&1)));
        assert_eq!((graph.chains[2].as_ref(), graph.chains[3].as_ref()), (None, None));
        assert_eq!(graph.layer[1], 2, "the repeated pair gets length 2");
    }

    #[test]
    fn bends_past_the_budget_are_not_made() {
        // 0 → 1 → 2 → 3, and 0 → 2 (one bend) and 0 → 3 (two bends), with room for one.
        let edges = [edge(0, 1), edge(1, 2), edge(2, 3), edge(0, 2), edge(0, 3)];
        let graph = Layered::build_within(&[(10.0, 10.0); 4], &edges, &[], 1);
        assert_eq!(graph.vertices.len(), 5, "one bend");
        assert_eq!(graph.chains[3].as_ref().unwrap().vertices, [0, 4, 2]);
        assert_eq!(graph.chains[4].as_ref().unwrap().vertices, [0, 3], "straight, no bend");
        assert!(!graph.down[0].contains(&3), "and outside the ordering");
    }

    #[test]
    fn loop_room_widens_and_heightens_the_node() {
        let graph = Layered::build(&[(10.0, 10.0)], &[edge(0, 0)], &[(25.0, 30.0)]);
        assert_eq!((graph.extra_after[0], graph.height[0]), (25.0, 30.0));
        assert!(graph.is_node(0) && !graph.is_node(1));
    }
}
