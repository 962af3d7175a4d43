//! What [`layout`](super::layout) returns: node boxes and edge polylines in pixels, origin at the
//! top left, everything at least `margin` from the edges of `width × height`.
//!
//! ```text
//! Layout { width: 116, height: 136, crossings: 0,
//!   nodes: [NodeBox { x: 58, y: 26, width: 100, height: 36, layer: 0, shape: Rectangle }, ..],
//!   edges: [EdgePath { points: [(58, 44), (58, 92)], from: 0, to: 1, reversed: false, .. }] }
//! ```
//!
//! An edge's first point lies on its source's outline and its last on its target's, so an
//! arrowhead drawn at the last point touches the target.

use crate::diagram::graph::{EdgeStyle, Shape};

/// Where one node goes: its centre, size, layer and outline.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeBox {
    /// Centre, from the left.
    pub x: f64,
    /// Centre, from the top.
    pub y: f64,
    /// Width of the outline's bounding box.
    pub width: f64,
    /// Height of the outline's bounding box.
    pub height: f64,
    /// The layer, from 0 at the sources' side.
    pub layer: usize,
    /// The outline.
    pub shape: Shape,
}

impl NodeBox {
    /// Whether the point lies inside (or on) the node's outline.
    pub fn contains(&self, x: f64, y: f64) -> bool {
        self.shape.contains((self.width, self.height), (x - self.x, y - self.y))
    }

    /// Where the segment from the centre toward (x, y) leaves the outline.
    pub fn border_toward(&self, x: f64, y: f64) -> (f64, f64) {
        self.shape.border_toward((self.x, self.y), (self.width, self.height), (x, y))
    }

    /// The bounding box as (left, top, right, bottom).
    pub fn bounds(&self) -> (f64, f64, f64, f64) {
        let (half_w, half_h) = (self.width / 2.0, self.height / 2.0);
        (self.x - half_w, self.y - half_h, self.x + half_w, self.y + half_h)
    }
}

/// How one edge is drawn: a polyline from its source's border to its target's.
#[derive(Debug, Clone, PartialEq)]
pub struct EdgePath {
    /// Bends, first on the source's outline, last on the target's.
    pub points: Vec<(f64, f64)>,
    /// Index of the source node.
    pub from: usize,
    /// Index of the target node.
    pub to: usize,
    /// The label, as parsed.
    pub label: Option<String>,
    /// Centre of the label, when there is one; the layout leaves room for it there.
    pub label_pos: Option<(f64, f64)>,
    /// Stroke and arrowhead.
    pub style: EdgeStyle,
    /// Whether the edge was turned around to break a cycle, so it runs against the direction.
    pub reversed: bool,
}

/// Where a subgraph's box goes: its top-left corner and size, its title band's height, and where
/// its title sits in that band.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct SubgraphBox {
    /// Left edge.
    pub left: f64,
    /// Top edge.
    pub top: f64,
    /// Width.
    pub width: f64,
    /// Height, title band included.
    pub height: f64,
    /// Height of the band at the top that holds the title (0 without a title).
    pub title_height: f64,
    /// Centre of the title across the band: the box's centre unless an edge runs through it
    /// there (see `titles`).
    pub title_x: f64,
    /// Width of the title as measured (0 without a title).
    pub title_width: f64,
}

/// A laid-out flowchart.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// Width of the drawing, margins included.
    pub width: f64,
    /// Height of the drawing, margins included.
    pub height: f64,
    /// One box per node, in the chart's node order.
    pub nodes: Vec<NodeBox>,
    /// One path per edge, in the chart's edge order.
    pub edges: Vec<EdgePath>,
    /// Edge crossings between adjacent layers after ordering (self-loops aside).
    pub crossings: usize,
    /// One box per subgraph, in the chart's subgraph order.
    pub subgraphs: Vec<SubgraphBox>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn node_boxes_answer_in_page_coordinates() {
        let node = NodeBox { x: 100.0, y: 50.0, width: 40.0, height: 20.0, layer: 0, shape: Shape::Diamond };
        assert!(node.contains(100.0, 50.0) && node.contains(119.0, 50.0));
        assert!(!node.contains(115.0, 58.0));
        assert_eq!(node.bounds(), (80.0, 40.0, 120.0, 60.0));
        let (x, y) = node.border_toward(100.0, 0.0);
        assert!((x - 100.0).abs() < 1e-9 && (y - 40.0).abs() < 1e-9);
    }
}
