//! Subgraphs laid out as Mermaid lays out a subgraph: its nodes kept together inside a titled
//! box. Each subgraph is laid out on its own (its nodes and the subgraphs inside it, innermost
//! first), and then stands in its parent's layout as one node of its box's size; so a box holds
//! exactly its nodes, boxes nest, and no box overlaps another node or box.
//!
//! ```text
//! graph TD                     ┌ Model ───────┐
//!   A --> B                    │   [B]        │    the box is a node of the top-level
//!   subgraph model [Model]     │    ↓         │    layout; B → C is laid out inside it;
//!     B --> C                  │   [C]        │    A → B runs to the box, then on to B
//!   end                        └──────────────┘
//! ```
//!
//! An edge is laid out in the innermost layout holding both its ends; an end inside a box of
//! that layout is reached from the box's border by a straight last step. A subgraph's own
//! `direction` is kept when no edge crosses its box (as Mermaid does); otherwise its nodes run
//! the chart's way. Node layers are then read from the drawing, as rows (or columns) of nodes
//! whose extents overlap, which is how a reader (and the tests, for Mermaid) sees them.

use super::options::LayoutOptions;
use super::output::{EdgePath, Layout, NodeBox, SubgraphBox};
use super::pipeline::{lay_out_sized, measured};
use super::titles::{place_titles, CLEARANCE as TITLE_CLEARANCE};
use crate::diagram::graph::{shown_label, Edge, Flowchart, Shape};

/// Space above and below a subgraph's title.
const TITLE_PADDING: f64 = 6.0;

/// A thing laid out in one level: a node of the chart, or a subgraph's box.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Item {
    Node(usize),
    Box(usize),
}

/// One level laid out: its items' layout, in its own frame.
struct Done {
    items: Vec<Item>,
    layout: Layout,
    /// Chart edges laid out here, by index, in the order of `layout.edges`.
    edges: Vec<usize>,
    /// The box's size, and where the content's frame starts inside it.
    size: (f64, f64),
    /// The title's measured width (0 without one).
    title_width: f64,
    content_at: (f64, f64),
}

/// Lays out a chart that has subgraphs; `options` are sanitized.
pub(crate) fn lay_out_clusters(
    chart: &Flowchart,
    measure: &dyn Fn(&str) -> (f64, f64),
    options: &LayoutOptions,
) -> Layout {
    let count = chart.subgraphs.len();
    let owner = chart.owners();
    let parent = |s: usize| chart.subgraphs.get(s).and_then(|s| s.parent).filter(|&p| p < count);
    // Levels from a subgraph up to the top (None), guarded against a parent cycle.
    let chain = |from: Option<usize>| {
        let mut levels = vec![from];
        let mut at = from;
        while let Some(s) = at {
            at = parent(s);
            if levels.len() > count {
                break;
            }
            levels.push(at);
        }
        levels
    };
    let node_level = |n: usize| owner.get(n).copied().flatten();
    // The item of `level` that holds node `n` (None if `n` is not under `level`).
    let item_in = |n: usize, level: Option<usize>| {
        let mut item = Item::Node(n);
        for at in chain(node_level(n)) {
            if at == level {
                return Some(item);
            }
            if let Some(s) = at {
                item = Item::Box(s);
            }
        }
        None
    };
    let valid = |e: &Edge| e.from < chart.nodes.len() && e.to < chart.nodes.len();
    let edge_level: Vec<Option<Option<usize>>> = chart
        .edges
        .iter()
        .map(|e| {
            if !valid(e) {
                return None;
            }
            let above = chain(node_level(e.to));
            chain(node_level(e.from)).into_iter().find(|level| above.contains(level))
        })
        .collect();
    let crossed: Vec<bool> = (0..count)
        .map(|s| {
            let under = |n: usize| chain(node_level(n)).contains(&Some(s));
            chart.edges.iter().filter(|e| valid(e)).any(|e| under(e.from) != under(e.to))
        })
        .collect();

    let padding = (options.padding_x, options.padding_y);
    let mut order: Vec<usize> = (0..count).collect();
    order.sort_by_key(|&s| std::cmp::Reverse(chain(Some(s)).len()));
    let mut done: Vec<Option<Done>> = (0..count).map(|_| None).collect();
    let mut top = None;
    for level in order.into_iter().map(Some).chain([None]) {
        let mut items: Vec<Item> = (0..chart.nodes.len()).filter(|&n| node_level(n) == level).map(Item::Node).collect();
        items.extend((0..count).filter(|&s| parent(s) == level && Some(s) != level).map(Item::Box));
        let slot = |item: Item| items.iter().position(|&i| i == item);
        let mut shapes = Vec::with_capacity(items.len());
        let mut sizes = Vec::with_capacity(items.len());
        for &item in &items {
            match item {
                Item::Node(n) => {
                    let node = &chart.nodes[n];
                    shapes.push(node.shape);
                    sizes.push(node.shape.size_for_label(measured(measure, &shown_label(&node.label)), padding));
                }
                Item::Box(s) => {
                    shapes.push(Shape::Rectangle);
                    sizes.push(done[s].as_ref().map_or((2.0, 2.0), |d| d.size));
                }
            }
        }
        let mut edges = Vec::new();
        let mut level_edges = Vec::new();
        let mut labels = Vec::new();
        for (index, edge) in chart.edges.iter().enumerate() {
            if edge_level[index] != Some(level) {
                continue;
            }
            let ends = (item_in(edge.from, level).and_then(slot), item_in(edge.to, level).and_then(slot));
            let (Some(from), Some(to)) = ends else { continue };
            edges.push(index);
            level_edges.push(Edge { from, to, ..edge.clone() });
            labels.push(edge.label.as_deref().map(|text| {
                let (width, height) = measured(measure, &shown_label(text));
                (width + 2.0 * options.label_padding, height + 2.0 * options.label_padding)
            }));
        }
        let direction = match level {
            Some(s) if !crossed[s] => chart.subgraphs[s].direction.unwrap_or(chart.direction),
            _ => chart.direction,
        };
        let layout = lay_out_sized(direction, &shapes, &sizes, &level_edges, &labels, options);
        match level {
            Some(s) => {
                let title = shown_label(&chart.subgraphs[s].title);
                let (title_width, title_height) = if title.is_empty() { (0.0, 0.0) } else { measured(measure, &title) };
                let band = if title.is_empty() { 0.0 } else { title_height + 2.0 * TITLE_PADDING };
                // An edge into a box of a vertical chart crosses its title band, most often at the
                // centre: room for the title beside it (`titles` then puts it there).
                let beside = if crossed[s] && !chart.direction.is_horizontal() {
                    2.0 * (title_width + TITLE_CLEARANCE + TITLE_PADDING)
                } else {
                    title_width + 4.0 * TITLE_PADDING
                };
                let width = layout.width.max(if title.is_empty() { 0.0 } else { beside });
                let size = (width, layout.height + band);
                let content_at = ((width - layout.width) / 2.0, band);
                done[s] = Some(Done { items, layout, edges, size, title_width, content_at });
            }
            None => {
                top = Some(Done { items, layout, edges, size: (0.0, 0.0), title_width: 0.0, content_at: (0.0, 0.0) })
            }
        }
    }
    let Some(top) = top else { return lay_out_sized(chart.direction, &[], &[], &[], &[], options) };

    // Place every level in the page, from the top down.
    let mut nodes: Vec<Option<NodeBox>> = vec![None; chart.nodes.len()];
    let mut boxes = vec![SubgraphBox::default(); count];
    let mut paths: Vec<Option<(EdgePath, (f64, f64))>> = vec![None; chart.edges.len()];
    let mut crossings = 0;
    let mut stack: Vec<(&Done, (f64, f64))> = vec![(&top, (0.0, 0.0))];
    while let Some((level, (ox, oy))) = stack.pop() {
        crossings += level.layout.crossings;
        for (item, placed) in level.items.iter().zip(&level.layout.nodes) {
            let (x, y) = (placed.x + ox, placed.y + oy);
            match *item {
                Item::Node(n) => nodes[n] = Some(NodeBox { x, y, ..placed.clone() }),
                Item::Box(s) => {
                    let (left, top) = (x - placed.width / 2.0, y - placed.height / 2.0);
                    let title_height = done[s].as_ref().map_or(0.0, |d| d.content_at.1);
                    let (width, height) = (placed.width, placed.height);
                    boxes[s] = SubgraphBox { left, top, width, height, title_height, ..SubgraphBox::default() };
                    if let Some(inner) = done[s].as_ref() {
                        stack.push((inner, (left + inner.content_at.0, top + inner.content_at.1)));
                    }
                }
            }
        }
        for (&index, path) in level.edges.iter().zip(&level.layout.edges) {
            paths[index] = Some((path.clone(), (ox, oy)));
        }
    }
    let nodes: Vec<NodeBox> = nodes
        .into_iter()
        .zip(&chart.nodes)
        .map(|(placed, node)| {
            placed.unwrap_or(NodeBox { x: 0.0, y: 0.0, width: 2.0, height: 2.0, layer: 0, shape: node.shape })
        })
        .collect();
    let edges: Vec<EdgePath> = chart
        .edges
        .iter()
        .zip(paths)
        .map(|(edge, path)| {
            let Some((path, (ox, oy))) = path else {
                return EdgePath {
                    points: Vec::new(),
                    from: edge.from,
                    to: edge.to,
                    label: edge.label.clone(),
                    label_pos: None,
                    style: edge.style,
                    reversed: false,
                };
            };
            let mut points: Vec<(f64, f64)> = path.points.iter().map(|&(x, y)| (x + ox, y + oy)).collect();
            // An end inside a box: on from the box's border to the node.
            if let (Some(&first), Some(from)) = (points.first(), nodes.get(edge.from)) {
                if !from.contains(first.0, first.1) && points.len() > 1 {
                    points.insert(0, from.border_toward(first.0, first.1));
                }
            }
            if let (Some(&last), Some(to)) = (points.last(), nodes.get(edge.to)) {
                if !to.contains(last.0, last.1) && points.len() > 1 {
                    points.push(to.border_toward(last.0, last.1));
                }
            }
            EdgePath {
                points,
                from: edge.from,
                to: edge.to,
                label_pos: path.label_pos.map(|(x, y)| (x + ox, y + oy)),
                ..path
            }
        })
        .collect();
    let title_widths: Vec<f64> = done.iter().map(|d| d.as_ref().map_or(0.0, |d| d.title_width)).collect();
    place_titles(&mut boxes, &title_widths, &edges, TITLE_PADDING);
    let mut laid =
        Layout { width: top.layout.width, height: top.layout.height, nodes, edges, crossings, subgraphs: boxes };
    rank_by_position(&mut laid.nodes, chart.direction.is_horizontal());
    laid
}

/// Gives each node the layer a reader sees: nodes whose extents along the chart's direction
/// overlap share one, counted from the first.
fn rank_by_position(nodes: &mut [NodeBox], horizontal: bool) {
    let extent = |node: &NodeBox| {
        let (l, t, r, b) = node.bounds();
        if horizontal {
            (l, r)
        } else {
            (t, b)
        }
    };
    let mut order: Vec<usize> = (0..nodes.len()).collect();
    order.sort_by(|&a, &b| extent(&nodes[a]).0.total_cmp(&extent(&nodes[b]).0));
    let (mut layer, mut end) = (0, f64::NEG_INFINITY);
    for (k, &index) in order.iter().enumerate() {
        let (start, stop) = extent(&nodes[index]);
        if k > 0 && start >= end {
            layer += 1;
            end = stop;
        } else {
            end = end.max(stop);
        }
        nodes[index].layer = layer;
    }
}
