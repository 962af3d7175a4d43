//! Layer assignment: give each node of an acyclic graph a layer so that every edge `u → v` of
//! minimum length `m` has `layer(v) ≥ layer(u) + m`.
//!
//! First the longest path from the sources (every source in layer 0), then, in reverse
//! topological order, each node with more outgoing than incoming edges moves down as far as its
//! successors allow: that shortens more edges than it lengthens. Finally layers shift so the
//! smallest is 0.
//!
//! ```text
//! A --> B --> C --> D,  X --> D      longest path: A0 B1 C2 D3 X0;  pulled: X2
//! ```

/// The layer of each node; `edges` are (from, to, minimum length) of an acyclic graph without
/// self-loops, with node indices below `node_count`. Iterative: no recursion depth.
pub(crate) fn assign_layers(node_count: usize, edges: &[(usize, usize, usize)]) -> Vec<usize> {
    let mut outgoing = vec![Vec::new(); node_count];
    let mut indegree = vec![0_usize; node_count];
    for &(from, to, length) in edges {
        if from < node_count && to < node_count && from != to {
            outgoing[from].push((to, length));
            indegree[to] += 1;
        }
    }
    let order = topological_order(&outgoing, indegree.clone());
    let mut layer = vec![0_usize; node_count];
    for &node in &order {
        for &(next, length) in &outgoing[node] {
            layer[next] = layer[next].max(layer[node] + length);
        }
    }
    for &node in order.iter().rev() {
        let pulls_down = outgoing[node].len() > indegree[node];
        let room = outgoing[node].iter().map(|&(next, length)| layer[next].saturating_sub(length)).min();
        if let (true, Some(room)) = (pulls_down, room) {
            layer[node] = layer[node].max(room);
        }
    }
    let lowest = layer.iter().copied().min().unwrap_or(0);
    layer.iter().map(|&at| at - lowest).collect()
}

/// Kahn's algorithm with a first-in first-out queue seeded in index order; nodes on a cycle
/// (which the caller has broken, so there are none) would be appended at the end.
fn topological_order(outgoing: &[Vec<(usize, usize)>], mut indegree: Vec<usize>) -> Vec<usize> {
    let mut order: Vec<usize> = (0..outgoing.len()).filter(|&node| indegree[node] == 0).collect();
    let mut head = 0;
    while let Some(&node) = order.get(head) {
        head += 1;
        for &(next, _) in &outgoing[node] {
            indegree[next] -= 1;
            if indegree[next] == 0 {
                order.push(next);
            }
        }
    }
    if order.len() < outgoing.len() {
        let mut placed = vec![false; outgoing.len()];
        order.iter().for_each(|&node| placed[node] = true);
        order.extend((0..outgoing.len()).filter(|&node| !placed[node]));
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::{Rng, SeedableRng};

    #[test]
    fn a_chain_takes_one_layer_per_node() {
        assert_eq!(assign_layers(4, &[(0, 1, 1), (1, 2, 1), (2, 3, 1)]), [0, 1, 2, 3]);
    }

    #[test]
    fn minimum_lengths_are_kept() {
        assert_eq!(assign_layers(3, &[(0, 1, 2), (1, 2, 1)]), [0, 2, 3]);
    }

    #[test]
    fn lone_sources_are_pulled_toward_their_targets() {
        let layers = assign_layers(5, &[(0, 1, 1), (1, 2, 1), (2, 3, 1), (4, 3, 1)]);
        assert_eq!(layers, [0, 1, 2, 3, 2]);
    }

    #[test]
    fn the_third_seed_stays_compact() {
        // A→B→C→D→E, A→F, B→G, C→H, D→I
        let edges = [(0, 1, 1), (1, 2, 1), (2, 3, 1), (3, 4, 1), (0, 5, 1), (1, 6, 1), (2, 7, 1), (3, 8, 1)];
        assert_eq!(assign_layers(9, &edges), [0, 1, 2, 3, 4, 1, 2, 3, 4]);
    }

    #[test]
    fn random_dags_respect_every_edge() {
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(11);
        for _ in 0..300 {
            let node_count = rng.random_range(1..30);
            let edges: Vec<(usize, usize, usize)> = (0..rng.random_range(0..50))
                .filter_map(|_| {
                    let (a, b) = (rng.random_range(0..node_count), rng.random_range(0..node_count));
                    (a != b).then(|| (a.min(b), a.max(b), rng.random_range(1..3)))
                })
                .collect();
            let layers = assign_layers(node_count, &edges);
            assert_eq!(layers.iter().min(), Some(&0));
            for &(from, to, length) in &edges {
                assert!(layers[to] >= layers[from] + length, "{edges:?} {layers:?}");
            }
        }
    }
}
