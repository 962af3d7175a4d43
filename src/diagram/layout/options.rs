//! Layout settings: spacing, padding and the crossing-reduction heuristic.
//!
//! Spacing defaults follow Mermaid's flowchart configuration (`nodeSpacing` 50, `rankSpacing` 50,
//! `padding` 15, `diagramPadding` 8) and dagre, the layout engine Mermaid uses (`edgesep` 20,
//! barycenter ordering, stop after 4 sweeps without improvement).
//!
//! ```
//! use mlp_lab::diagram::LayoutOptions;
//! let tight = LayoutOptions { node_spacing: 20.0, rank_spacing: 30.0, ..LayoutOptions::default() };
//! assert_eq!(tight.margin, 8.0);
//! ```

/// How a vertex's place in its layer is scored from its neighbours in the next layer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum CrossingHeuristic {
    /// The mean of the neighbours' positions (dagre's choice).
    #[default]
    Barycenter,
    /// The median of the neighbours' positions (Gansner et al., graphviz's dot).
    Median,
}

impl CrossingHeuristic {
    /// The score of a vertex whose neighbours stand at `positions` (sorted or not); `None` if none.
    pub fn score(self, positions: &mut [f64]) -> Option<f64> {
        if positions.is_empty() {
            return None;
        }
        match self {
            CrossingHeuristic::Barycenter => Some(positions.iter().sum::<f64>() / positions.len() as f64),
            CrossingHeuristic::Median => {
                positions.sort_by(f64::total_cmp);
                let middle = positions.len() / 2;
                Some(if positions.len() % 2 == 1 {
                    positions[middle]
                } else {
                    (positions[middle - 1] + positions[middle]) / 2.0
                })
            }
        }
    }
}

/// Settings for [`layout`](super::layout), all in pixels unless said otherwise.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LayoutOptions {
    /// Space between a label and its node's border, left and right. Default 15 (Mermaid's `padding`).
    pub padding_x: f64,
    /// Space between a label and its node's border, above and below. Default 10.
    pub padding_y: f64,
    /// Space between neighbouring nodes in a layer. Default 50 (Mermaid's `nodeSpacing`).
    pub node_spacing: f64,
    /// Space between neighbouring edges in a layer. Default 20 (dagre's `edgesep`).
    pub edge_spacing: f64,
    /// Space between layers. Default 50 (Mermaid's `rankSpacing`).
    pub rank_spacing: f64,
    /// Empty border around the whole drawing. Default 8 (Mermaid's `diagramPadding`).
    pub margin: f64,
    /// Space between an edge label's text and its box. Default 4.
    pub label_padding: f64,
    /// How far a self-loop (`A --> A`) reaches out of its node. Default 20.
    pub self_loop_size: f64,
    /// Most sweeps of crossing reduction; 0 keeps the input order. Default 24.
    pub crossing_sweeps: usize,
    /// Stop after this many sweeps without fewer crossings. Default 4 (dagre).
    pub patience: usize,
    /// How sweeps score a vertex's position. Default barycenter (dagre).
    pub heuristic: CrossingHeuristic,
    /// Most bends (one per layer an edge crosses) in the whole chart; edges past it are drawn
    /// straight. Default 1,000 (3,000 cost a 300-node, 1,000-edge chart 150 ms in the page): with the
    /// parser's 2,000 nodes, the layout stays near a frame's
    /// work whatever the chart (dagre has no bound; Mermaid's charts freeze the page instead).
    pub max_bends: usize,
}

impl Default for LayoutOptions {
    fn default() -> LayoutOptions {
        LayoutOptions {
            padding_x: 15.0,
            padding_y: 10.0,
            node_spacing: 50.0,
            edge_spacing: 20.0,
            rank_spacing: 50.0,
            margin: 8.0,
            label_padding: 4.0,
            self_loop_size: 20.0,
            crossing_sweeps: 24,
            patience: 4,
            heuristic: CrossingHeuristic::Barycenter,
            max_bends: 1_000,
        }
    }
}

impl LayoutOptions {
    /// The same options with every length finite and in a range that keeps the layout sound:
    /// NaN or negative lengths become the default, spacings at least 1 px, loops at least 4 px.
    pub fn sanitized(&self) -> LayoutOptions {
        let default = LayoutOptions::default();
        let length = |value: f64, fallback: f64, least: f64| {
            if value.is_finite() && value >= 0.0 {
                value.clamp(least, 1.0e6)
            } else {
                fallback
            }
        };
        LayoutOptions {
            padding_x: length(self.padding_x, default.padding_x, 0.0),
            padding_y: length(self.padding_y, default.padding_y, 0.0),
            node_spacing: length(self.node_spacing, default.node_spacing, 1.0),
            edge_spacing: length(self.edge_spacing, default.edge_spacing, 1.0),
            rank_spacing: length(self.rank_spacing, default.rank_spacing, 2.0),
            margin: length(self.margin, default.margin, 0.0),
            label_padding: length(self.label_padding, default.label_padding, 0.0),
            self_loop_size: length(self.self_loop_size, default.self_loop_size, 4.0),
            crossing_sweeps: self.crossing_sweeps.min(1000),
            patience: self.patience.max(1),
            heuristic: self.heuristic,
            max_bends: self.max_bends,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_are_mean_and_median() {
        let mut positions = [4.0, 0.0, 1.0];
        assert_eq!(CrossingHeuristic::Barycenter.score(&mut positions), Some(5.0 / 3.0));
        assert_eq!(CrossingHeuristic::Median.score(&mut positions), Some(1.0));
        assert_eq!(CrossingHeuristic::Median.score(&mut [3.0, 1.0]), Some(2.0));
        assert_eq!(CrossingHeuristic::Median.score(&mut []), None);
    }

    #[test]
    fn sanitizing_repairs_unusable_lengths() {
        let broken = LayoutOptions {
            padding_x: f64::NAN,
            node_spacing: -3.0,
            rank_spacing: 0.0,
            self_loop_size: f64::INFINITY,
            patience: 0,
            ..LayoutOptions::default()
        };
        let fixed = broken.sanitized();
        assert_eq!(fixed.padding_x, 15.0);
        assert_eq!(fixed.node_spacing, 50.0);
        assert_eq!(fixed.rank_spacing, 2.0);
        assert_eq!(fixed.self_loop_size, 20.0);
        assert_eq!(fixed.patience, 1);
        assert_eq!(LayoutOptions::default().sanitized(), LayoutOptions::default());
    }
}
