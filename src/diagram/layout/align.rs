//! Vertical alignment (Brandes and Köpf, "Fast and Simple Horizontal Coordinate Assignment",
//! 2001): each vertex is lined up with a median neighbour in the layer before it, so that runs of
//! lined-up vertices ("blocks") can later be drawn as straight vertical lines.
//!
//! There are four alignments: neighbours above (layers swept top down) or below (bottom up), and
//! medians tried and layers swept from the left or from the right. In a sweep, vertex `v` with
//! `d` neighbours sorted by position tries the median `⌊(d − 1)/2⌋`, and for even `d` then
//! `⌈(d − 1)/2⌉` (the two swapped when sweeping from the right); it takes the first one `u`
//! that is still free, lies beyond the last neighbour taken in this layer (so alignments never
//! cross), and whose segment `u–v` is not marked:
//!
//! ```text
//!   u₁   u₂   u₃        v has neighbours u₁ u₂ u₃ above: it lines up under u₂,
//!        |              unless u₂ is taken or the segment is marked.
//!        v
//! ```
//!
//! A segment is marked (a type 1 conflict) when it joins a node and crosses an inner segment,
//! one between two bends of long edges; so long edges keep their blocks and run straight.

use super::layered::Layered;

/// One of the four alignments of Brandes and Köpf.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Alignment {
    /// Neighbours above, medians and layers taken from the left.
    UpLeft,
    /// Neighbours above, from the right.
    UpRight,
    /// Neighbours below, from the left.
    DownLeft,
    /// Neighbours below, from the right.
    DownRight,
}

impl Alignment {
    /// All four, in the order they are tried and break ties.
    pub const ALL: [Alignment; 4] = [Alignment::UpLeft, Alignment::UpRight, Alignment::DownLeft, Alignment::DownRight];

    /// Whether vertices line up with their neighbours above.
    pub fn upward(self) -> bool {
        matches!(self, Alignment::UpLeft | Alignment::UpRight)
    }

    /// Whether layers are swept (and later packed) from the left.
    pub fn leftward(self) -> bool {
        matches!(self, Alignment::UpLeft | Alignment::DownLeft)
    }

    /// The layers in sweep order, each in the order it is swept.
    pub fn view(self, graph: &Layered) -> Vec<Vec<usize>> {
        let mut layers = graph.layers.clone();
        if !self.upward() {
            layers.reverse();
        }
        if !self.leftward() {
            layers.iter_mut().for_each(|layer| layer.reverse());
        }
        layers
    }
}

/// Segments that must not be aligned: for each vertex, its marked neighbours in the layer above.
pub(crate) fn type1_conflicts(graph: &Layered) -> Vec<Vec<usize>> {
    let mut marked = vec![Vec::new(); graph.vertices.len()];
    let position = positions(&graph.layers, graph.vertices.len());
    let is_bend = |v: usize| !graph.is_node(v);
    for pair in graph.layers.windows(2) {
        let (upper, lower) = (&pair[0], &pair[1]);
        let (mut left_bound, mut scanned) = (0, 0);
        for (slot, &v) in lower.iter().enumerate() {
            let inner = if is_bend(v) { graph.up[v].iter().copied().find(|&u| is_bend(u)) } else { None };
            if inner.is_none() && slot + 1 < lower.len() {
                continue;
            }
            let right_bound = inner.map_or(upper.len(), |u| position[u]);
            for &w in &lower[scanned..=slot] {
                for &u in &graph.up[w] {
                    let outside = position[u] < left_bound || position[u] > right_bound;
                    if outside && !(is_bend(u) && is_bend(w)) {
                        marked[w].push(u);
                    }
                }
            }
            scanned = slot + 1;
            left_bound = right_bound;
        }
    }
    marked
}

/// The root (top vertex in sweep order) of each vertex's block under `alignment`.
pub(crate) fn vertical_alignment(graph: &Layered, alignment: Alignment, marked: &[Vec<usize>]) -> Vec<usize> {
    let count = graph.vertices.len();
    let layers = alignment.view(graph);
    let position = positions(&layers, count);
    let mut root: Vec<usize> = (0..count).collect();
    let mut aligned = vec![false; count];
    let mut taken = vec![false; count];
    for layer in layers.iter().skip(1) {
        let mut last_taken: Option<usize> = None;
        for &v in layer {
            let mut neighbours = if alignment.upward() { graph.up[v].clone() } else { graph.down[v].clone() };
            if neighbours.is_empty() {
                continue;
            }
            neighbours.sort_by_key(|&u| position[u]);
            let medians = [(neighbours.len() - 1) / 2, neighbours.len() / 2];
            for &median in &medians[..if neighbours.len() % 2 == 0 { 2 } else { 1 }] {
                let u = neighbours[median];
                let is_marked = if alignment.upward() { marked[v].contains(&u) } else { marked[u].contains(&v) };
                let beyond = last_taken.is_none_or(|last| position[u] > last);
                if !aligned[v] && !taken[u] && beyond && !is_marked {
                    root[v] = root[u];
                    aligned[v] = true;
                    taken[u] = true;
                    last_taken = Some(position[u]);
                }
            }
        }
    }
    root
}

/// The slot of each vertex within its layer of `layers`.
pub(crate) fn positions(layers: &[Vec<usize>], count: usize) -> Vec<usize> {
    let mut position = vec![0; count];
    for layer in layers {
        for (slot, &vertex) in layer.iter().enumerate() {
            if let Some(at) = position.get_mut(vertex) {
                *at = slot;
            }
        }
    }
    position
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_parent_lines_up_with_its_left_or_right_child() {
        let layered = Layered::for_test(3, &[(0, 1), (0, 2)]);
        let marked = type1_conflicts(&layered);
        let roots: Vec<Vec<usize>> =
            Alignment::ALL.iter().map(|&alignment| vertical_alignment(&layered, alignment, &marked)).collect();
        assert_eq!(roots[0], [0, 0, 2], "up-left: B under A");
        assert_eq!(roots[1], [0, 1, 0], "up-right: C under A");
        assert_eq!(roots[2], [1, 1, 2], "down-left: A over B, B the root");
        assert_eq!(roots[3], [2, 1, 2], "down-right: A over C");
    }

    /// X → P → Q → Y with X → Y spanning three layers through bends 4 and 5; Q is put right of
    /// bend 5, so P → Q crosses the inner segment 4 → 5.
    fn crossed() -> Layered {
        let mut layered = Layered::for_test(4, &[(0, 2), (2, 3), (3, 1), (0, 1)]);
        assert_eq!(layered.layers, [vec![0], vec![2, 4], vec![3, 5], vec![1]]);
        layered.layers[2] = vec![5, 3];
        layered
    }

    #[test]
    fn a_segment_crossing_a_long_edge_is_marked() {
        let marked = type1_conflicts(&crossed());
        assert_eq!(marked[3], [2], "P → Q is marked");
        assert!(marked.iter().enumerate().all(|(v, upper)| v == 3 || upper.is_empty()), "{marked:?}");
        let plain = Layered::for_test(4, &[(0, 2), (2, 3), (3, 1), (0, 1)]);
        assert!(type1_conflicts(&plain).iter().all(|upper| upper.is_empty()));
    }

    #[test]
    fn long_edges_keep_their_blocks() {
        let layered = crossed();
        let marked = type1_conflicts(&layered);
        for alignment in Alignment::ALL {
            let root = vertical_alignment(&layered, alignment, &marked);
            assert_eq!(root[4], root[5], "{alignment:?}: {root:?}");
            assert_ne!(root[2], root[3], "{alignment:?}: the marked segment stays apart");
        }
    }
}
