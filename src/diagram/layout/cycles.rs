//! Cycle breaking: find edges to turn around so that the graph has no directed cycle.
//!
//! A depth-first search starts from each unvisited node in input order and follows edges in input
//! order; an edge into a node still on the search stack closes a cycle (a back edge) and is
//! reversed. Reversing every back edge leaves an acyclic graph, and the first-written nodes stay
//! at the top, as the author wrote them. Self-loops are left to the router.
//!
//! ```text
//! A --> B --> C --> A      back edges: [false, false, true]   (C --> A is laid out as A --> C)
//! ```

/// For each edge, whether it is a back edge to reverse; `edges` hold (from, to) node indices
/// below `node_count` (others are ignored and never reversed). Iterative: no recursion depth.
pub(crate) fn back_edges(node_count: usize, edges: &[(usize, usize)]) -> Vec<bool> {
    let mut outgoing = vec![Vec::new(); node_count];
    for (index, &(from, to)) in edges.iter().enumerate() {
        if from < node_count && to < node_count && from != to {
            outgoing[from].push(index);
        }
    }
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        Unvisited,
        OnStack,
        Done,
    }
    let mut state = vec![State::Unvisited; node_count];
    let mut reversed = vec![false; edges.len()];
    let mut stack: Vec<(usize, usize)> = Vec::new();
    for root in 0..node_count {
        if state[root] != State::Unvisited {
            continue;
        }
        state[root] = State::OnStack;
        stack.push((root, 0));
        while let Some(top) = stack.last_mut() {
            let (node, next) = *top;
            let Some(&edge) = outgoing[node].get(next) else {
                state[node] = State::Done;
                stack.pop();
                continue;
            };
            top.1 += 1;
            let target = edges[edge].1;
            match state[target] {
                State::Unvisited => {
                    state[target] = State::OnStack;
                    stack.push((target, 0));
                }
                State::OnStack => reversed[edge] = true,
                State::Done => {}
            }
        }
    }
    reversed
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::{Rng, SeedableRng};

    /// Whether the edges, with the marked ones reversed and self-loops dropped, admit a
    /// topological order (Kahn's algorithm).
    fn is_acyclic(node_count: usize, edges: &[(usize, usize)], reversed: &[bool]) -> bool {
        let mut indegree = vec![0; node_count];
        let mut outgoing = vec![Vec::new(); node_count];
        for (&(from, to), &flip) in edges.iter().zip(reversed) {
            if from != to {
                let (from, to) = if flip { (to, from) } else { (from, to) };
                outgoing[from].push(to);
                indegree[to] += 1;
            }
        }
        let mut ready: Vec<usize> = (0..node_count).filter(|&node| indegree[node] == 0).collect();
        let mut seen = 0;
        while let Some(node) = ready.pop() {
            seen += 1;
            for &next in &outgoing[node] {
                indegree[next] -= 1;
                if indegree[next] == 0 {
                    ready.push(next);
                }
            }
        }
        seen == node_count
    }

    #[test]
    fn the_edge_closing_a_cycle_is_reversed() {
        assert_eq!(back_edges(3, &[(0, 1), (1, 2), (2, 0)]), [false, false, true]);
        assert_eq!(back_edges(2, &[(0, 1), (1, 0)]), [false, true]);
        assert_eq!(back_edges(1, &[(0, 0)]), [false]);
        assert_eq!(back_edges(3, &[(0, 1), (0, 2), (1, 2)]), [false, false, false]);
    }

    #[test]
    fn out_of_range_edges_are_ignored() {
        assert_eq!(back_edges(2, &[(0, 5), (7, 1), (0, 1)]), [false, false, false]);
    }

    #[test]
    fn random_graphs_become_acyclic() {
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(7);
        for _ in 0..300 {
            let node_count = rng.random_range(1..30);
            let edge_count = rng.random_range(0..60);
            let edges: Vec<(usize, usize)> =
                (0..edge_count).map(|_| (rng.random_range(0..node_count), rng.random_range(0..node_count))).collect();
            let reversed = back_edges(node_count, &edges);
            assert!(is_acyclic(node_count, &edges, &reversed), "{edges:?}");
        }
    }

    #[test]
    fn a_long_chain_needs_no_recursion() {
        let edges: Vec<(usize, usize)> = (0..200_000).map(|node| (node, node + 1)).chain([(200_000, 0)]).collect();
        let reversed = back_edges(200_001, &edges);
        assert_eq!(reversed.iter().filter(|&&flip| flip).count(), 1);
        assert!(reversed[200_000]);
    }
}
