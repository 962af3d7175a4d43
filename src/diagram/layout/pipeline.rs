//! The whole layout, step by step: size, break cycles and layer, order, place, route, then turn
//! to the chart's direction and clip edge ends to the node outlines.
//!
//! Everything is computed top to bottom; for `LR` and `RL` a node's width runs across layers, so
//! sizes are swapped going in, and points are turned going out:
//!
//! ```text
//! TB (x, y)   BT (x, H − y)   LR (y, x)   RL (H − y, x)      H: height of the TB drawing
//! ```

use super::clusters::lay_out_clusters;
use super::coords::assign_coordinates;
use super::layered::{EdgeInput, Layered};
use super::options::LayoutOptions;
use super::order::reduce_crossings;
use super::output::{EdgePath, Layout, NodeBox};
use super::route::{loop_room, route_edges};
use crate::diagram::graph::{shown_label, Direction, Edge, Flowchart, Shape};

/// Lays out `chart`, sizing each node around its label as measured by `measure` (text → width and
/// height in px; NaN, infinite or negative sizes count as 0). Never panics; edges naming missing
/// nodes get no points.
///
/// ```
/// use mlp_lab::diagram::{layout, parse, LayoutOptions};
/// let chart = parse("graph TD\n A[计算资源] --> B[数据集]").unwrap();
/// let measure = |text: &str| (text.chars().count() as f64 * 14.0, 16.0);
/// let laid_out = layout(&chart, &measure, &LayoutOptions::default());
/// let (a, b) = (&laid_out.nodes[0], &laid_out.nodes[1]);
/// assert!(a.y < b.y && a.x == b.x);
/// let points = &laid_out.edges[0].points;
/// assert!((points[0].1 - (a.y + a.height / 2.0)).abs() < 1e-6, "starts on A's bottom side");
/// assert!((points[1].1 - (b.y - b.height / 2.0)).abs() < 1e-6, "ends on B's top side");
/// ```
pub fn layout(chart: &Flowchart, measure: &dyn Fn(&str) -> (f64, f64), options: &LayoutOptions) -> Layout {
    let options = options.sanitized();
    if !chart.subgraphs.is_empty() {
        return lay_out_clusters(chart, measure, &options);
    }
    let padding = (options.padding_x, options.padding_y);
    let node_sizes: Vec<(f64, f64)> = chart
        .nodes
        .iter()
        .map(|node| node.shape.size_for_label(measured(measure, &shown_label(&node.label)), padding))
        .collect();
    let label_sizes: Vec<Option<(f64, f64)>> = chart
        .edges
        .iter()
        .map(|edge| {
            let (width, height) = measured(measure, &shown_label(edge.label.as_deref()?));
            Some((width + 2.0 * options.label_padding, height + 2.0 * options.label_padding))
        })
        .collect();
    let shapes: Vec<Shape> = chart.nodes.iter().map(|node| node.shape).collect();
    lay_out_sized(chart.direction, &shapes, &node_sizes, &chart.edges, &label_sizes, &options)
}

/// Lays out nodes of the given outlines and sizes (in their own orientation) and `edges` between
/// them (by index), whose labels measure `label_sizes`; `options` are sanitized.
pub(crate) fn lay_out_sized(
    direction: Direction,
    shapes: &[Shape],
    node_sizes: &[(f64, f64)],
    edges: &[Edge],
    label_sizes: &[Option<(f64, f64)>],
    options: &LayoutOptions,
) -> Layout {
    let options = *options;
    let to_top_bottom =
        |(width, height): (f64, f64)| if direction.is_horizontal() { (height, width) } else { (width, height) };
    let top_bottom_sizes: Vec<(f64, f64)> = node_sizes.iter().copied().map(to_top_bottom).collect();
    let inputs: Vec<EdgeInput> = edges
        .iter()
        .zip(label_sizes)
        .map(|(edge, label)| EdgeInput { from: edge.from, to: edge.to, label: label.map(to_top_bottom) })
        .collect();
    let room = loop_room(node_sizes.len(), &inputs, &options);
    let mut graph = Layered::build_within(&top_bottom_sizes, &inputs, &room, options.max_bends);
    let crossings = reduce_crossings(&mut graph, options.crossing_sweeps, options.patience, options.heuristic);
    let at = assign_coordinates(&graph, &options);
    let routes = route_edges(&graph, &at, &top_bottom_sizes, &inputs, &options);

    let turn = |point: (f64, f64)| turn(direction, at.height, point);
    let nodes: Vec<NodeBox> = shapes
        .iter()
        .enumerate()
        .map(|(index, &shape)| {
            let (x, y) = turn((at.x[index], at.layer_y[graph.layer[index]]));
            let (width, height) = node_sizes[index];
            NodeBox { x, y, width, height, layer: graph.layer[index], shape }
        })
        .collect();
    let edges = edges
        .iter()
        .zip(routes)
        .zip(&graph.chains)
        .map(|((edge, route), chain)| {
            let reversed = chain.as_ref().is_some_and(|chain| chain.reversed);
            let mut points: Vec<(f64, f64)> = route.points.into_iter().map(turn).collect();
            if reversed {
                points.reverse();
            }
            clip_ends(&mut points, nodes.get(edge.from), nodes.get(edge.to));
            EdgePath {
                points,
                from: edge.from,
                to: edge.to,
                label: edge.label.clone(),
                label_pos: route.label_pos.map(turn),
                style: edge.style,
                reversed,
            }
        })
        .collect();
    let (width, height) = if direction.is_horizontal() { (at.height, at.width) } else { (at.width, at.height) };
    Layout { width, height, nodes, edges, crossings, subgraphs: Vec::new() }
}

/// The label size `measure` gives, with unusable numbers replaced by 0.
pub(crate) fn measured(measure: &dyn Fn(&str) -> (f64, f64), text: &str) -> (f64, f64) {
    let (width, height) = measure(text);
    let usable = |value: f64| if value.is_finite() && value > 0.0 { value.min(1.0e6) } else { 0.0 };
    (usable(width), usable(height))
}

/// A point of the top-to-bottom drawing (of height `height`) in the chart's direction.
fn turn(direction: Direction, height: f64, (x, y): (f64, f64)) -> (f64, f64) {
    match direction {
        Direction::TopBottom => (x, y),
        Direction::BottomTop => (x, height - y),
        Direction::LeftRight => (y, x),
        Direction::RightLeft => (height - y, x),
    }
}

/// Moves the first point onto the source's outline and the last onto the target's.
fn clip_ends(points: &mut Vec<(f64, f64)>, from: Option<&NodeBox>, to: Option<&NodeBox>) {
    let (Some(from), Some(to)) = (from, to) else { return };
    if points.len() < 2 {
        return;
    }
    let last = points.len() - 1;
    points[0] = from.border_toward(points[1].0, points[1].1);
    points[last] = to.border_toward(points[last - 1].0, points[last - 1].1);
    points.dedup_by(|b, a| (a.0 - b.0).abs() < 1e-9 && (a.1 - b.1).abs() < 1e-9);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagram::parse;

    fn measure(text: &str) -> (f64, f64) {
        (text.chars().map(|c| if c.is_ascii() { 7.0 } else { 14.0 }).sum(), 16.0)
    }

    #[test]
    fn turning_maps_the_four_directions() {
        assert_eq!(turn(Direction::TopBottom, 100.0, (10.0, 20.0)), (10.0, 20.0));
        assert_eq!(turn(Direction::BottomTop, 100.0, (10.0, 20.0)), (10.0, 80.0));
        assert_eq!(turn(Direction::LeftRight, 100.0, (10.0, 20.0)), (20.0, 10.0));
        assert_eq!(turn(Direction::RightLeft, 100.0, (10.0, 20.0)), (80.0, 10.0));
    }

    #[test]
    fn horizontal_charts_swap_the_drawing_size() {
        let vertical =
            layout(&parse("graph TD\nA[long label here] --> B --> C").unwrap(), &measure, &LayoutOptions::default());
        let sideways =
            layout(&parse("graph LR\nA[long label here] --> B --> C").unwrap(), &measure, &LayoutOptions::default());
        assert!(vertical.height > vertical.width);
        assert!(sideways.width > sideways.height);
        assert_eq!(sideways.nodes[0].width, vertical.nodes[0].width, "a node keeps its size");
    }

    #[test]
    fn broken_measures_and_missing_nodes_do_not_panic() {
        let mut chart = parse("graph TD\nA --> B").unwrap();
        chart.edges.push(crate::diagram::Edge { from: 0, to: 7, label: None, style: Default::default() });
        let nan = |_: &str| (f64::NAN, f64::INFINITY);
        let laid_out = layout(&chart, &nan, &LayoutOptions::default());
        assert!(laid_out.nodes.iter().all(|node| node.width.is_finite() && node.height.is_finite()));
        assert!(laid_out.edges[1].points.is_empty());
        let empty = layout(&Flowchart::default(), &measure, &LayoutOptions::default());
        assert_eq!((empty.width, empty.height, empty.nodes.len()), (16.0, 16.0, 0));
    }
}
