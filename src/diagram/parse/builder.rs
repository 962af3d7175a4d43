//! Collects what the statements say into a [`Flowchart`]: nodes by id in order of first
//! appearance (at most [`MAX_NODES`]), edges (at most [`MAX_EDGES`]), subgraphs as they open and
//! close, and the chart's colours, resolved once every statement is read (a `classDef` may come
//! after its `class`).
//!
//! ```text
//! subgraph outer            a node belongs to the first subgraph to close that mentions it,
//!   A --> B                 so to the innermost: B is in inner, A in outer
//!   subgraph inner
//!     B
//!   end
//! end
//! ```
//!
//! A node's colours: `classDef default`, then its classes in the order given, then `style`.

use std::collections::HashMap;

use super::error::ParseError;
use super::limits::{Limit, MAX_EDGES, MAX_NODES};
use super::node::NodeRef;
use crate::diagram::graph::{Direction, Edge, Flowchart, Node, NodeStyle, Shape, Subgraph};

/// A subgraph between its `subgraph` line and its `end`.
#[derive(Debug)]
struct Open {
    index: usize,
    line: usize,
    column: usize,
    mentions: Vec<usize>,
}

/// The chart so far, and what is resolved at the end.
#[derive(Debug, Default)]
pub(crate) struct Builder {
    /// The chart built so far.
    pub chart: Flowchart,
    index: HashMap<String, usize>,
    first_at: Vec<(usize, usize)>,
    open: Vec<Open>,
    claimed: Vec<bool>,
    class_defs: HashMap<String, NodeStyle>,
    classes: Vec<(String, String)>,
    styles: Vec<(String, NodeStyle)>,
}

impl Builder {
    /// The index of the node, adding it on first sight (written at `line`, `column`); a label
    /// given here replaces an earlier one.
    pub fn node(&mut self, node: NodeRef, line: usize, column: usize) -> Result<usize, ParseError> {
        if let Some((class, ..)) = &node.class {
            self.classes.push((node.id.clone(), class.clone()));
        }
        let index = match self.index.get(&node.id) {
            Some(&index) => {
                if let (Some((shape, label)), Some(known)) = (node.definition, self.chart.nodes.get_mut(index)) {
                    known.shape = shape;
                    known.label = label;
                }
                index
            }
            None => {
                if self.chart.nodes.len() >= MAX_NODES {
                    return Err(ParseError::TooLarge { line, column, limit: Limit::Nodes(MAX_NODES) });
                }
                let (shape, label) = node.definition.unwrap_or_else(|| (Shape::Rectangle, node.id.clone()));
                let index = self.chart.nodes.len();
                self.index.insert(node.id.clone(), index);
                self.chart.nodes.push(Node { id: node.id, label, shape, style: NodeStyle::default() });
                self.first_at.push((line, column));
                self.claimed.push(false);
                index
            }
        };
        if let Some(open) = self.open.last_mut() {
            open.mentions.push(index);
        }
        Ok(index)
    }

    /// Adds an edge whose arrow stands at `line`, `column`.
    pub fn edge(&mut self, edge: Edge, line: usize, column: usize) -> Result<(), ParseError> {
        if self.chart.edges.len() >= MAX_EDGES {
            return Err(ParseError::TooLarge { line, column, limit: Limit::Edges(MAX_EDGES) });
        }
        self.chart.edges.push(edge);
        Ok(())
    }

    /// `subgraph` at `line`, `column`: `id` when written, else Mermaid's `subGraph<n>`.
    pub fn open_subgraph(&mut self, id: Option<String>, title: String, line: usize, column: usize) {
        let index = self.chart.subgraphs.len();
        let id = id.unwrap_or_else(|| format!("subGraph{index}"));
        let parent = self.open.last().map(|open| open.index);
        let subgraph = Subgraph { id, title, parent, nodes: Vec::new(), direction: None, style: NodeStyle::default() };
        self.chart.subgraphs.push(subgraph);
        self.open.push(Open { index, line, column, mentions: Vec::new() });
    }

    /// `end` at `line`, `column`: the innermost open subgraph takes the nodes it mentions that no
    /// subgraph has taken yet, and its parent sees them mentioned too.
    pub fn close_subgraph(&mut self, line: usize, column: usize) -> Result<(), ParseError> {
        let open = self.open.pop().ok_or(ParseError::EndWithoutSubgraph { line, column })?;
        let mut own = Vec::new();
        for &node in &open.mentions {
            if !self.claimed[node] {
                self.claimed[node] = true;
                own.push(node);
            }
        }
        if let Some(subgraph) = self.chart.subgraphs.get_mut(open.index) {
            subgraph.nodes = own;
        }
        Ok(())
    }

    /// Whether a subgraph is open.
    pub fn in_subgraph(&self) -> bool {
        !self.open.is_empty()
    }

    /// `direction LR` inside the innermost open subgraph (nothing when none is open).
    pub fn set_direction(&mut self, direction: Direction) {
        let Some(open) = self.open.last() else { return };
        if let Some(subgraph) = self.chart.subgraphs.get_mut(open.index) {
            subgraph.direction = Some(direction);
        }
    }

    /// `classDef name …`: later definitions of a name add to earlier ones.
    pub fn class_def(&mut self, name: String, style: NodeStyle) {
        let known = self.class_defs.entry(name).or_default();
        *known = known.then(style);
    }

    /// `class id name` (and `id:::name`).
    pub fn class(&mut self, id: String, name: String) {
        self.classes.push((id, name));
    }

    /// `style id …`.
    pub fn style(&mut self, id: String, style: NodeStyle) {
        self.styles.push((id, style));
    }

    /// The finished chart: every subgraph closed, no node named like a subgraph, colours applied.
    pub fn finish(mut self) -> Result<Flowchart, ParseError> {
        if let Some(open) = self.open.last() {
            let id = self.chart.subgraphs.get(open.index).map(|s| s.id.clone()).unwrap_or_default();
            return Err(ParseError::UnclosedSubgraph { line: open.line, column: open.column, id });
        }
        for subgraph in &self.chart.subgraphs {
            if let Some(&node) = self.index.get(&subgraph.id) {
                let (line, column) = self.first_at[node];
                return Err(ParseError::EdgeToSubgraph { line, column, id: subgraph.id.clone() });
            }
        }
        let default = self.class_defs.get("default").copied().unwrap_or_default();
        let mut styles = vec![default; self.chart.nodes.len()];
        let mut boxes = vec![NodeStyle::default(); self.chart.subgraphs.len()];
        let subgraph_of = |id: &str, chart: &Flowchart| chart.subgraphs.iter().position(|s| s.id == id);
        for (id, class) in &self.classes {
            let Some(&style) = self.class_defs.get(class) else { continue };
            if let Some(&node) = self.index.get(id) {
                styles[node] = styles[node].then(style);
            } else if let Some(subgraph) = subgraph_of(id, &self.chart) {
                boxes[subgraph] = boxes[subgraph].then(style);
            }
        }
        for (id, style) in &self.styles {
            if let Some(&node) = self.index.get(id) {
                styles[node] = styles[node].then(*style);
            } else if let Some(subgraph) = subgraph_of(id, &self.chart) {
                boxes[subgraph] = boxes[subgraph].then(*style);
            }
        }
        for (node, style) in self.chart.nodes.iter_mut().zip(styles) {
            node.style = style;
        }
        for (subgraph, style) in self.chart.subgraphs.iter_mut().zip(boxes) {
            subgraph.style = style;
        }
        Ok(self.chart)
    }
}
