//! Mermaid flowcharts: parse the text, then lay the chart out in layers (Sugiyama style).
//!
//! ```text
//! graph TD
//!     A[计算资源] --> B[数据集]
//! ```
//!
//! [`parse`] turns such text into a [`Flowchart`]; [`layout`] places its nodes and routes its
//! edges in pixels, given a function that measures label text; [`seeds`] holds the built-in
//! diagrams. Nothing here draws.

mod colour;
mod fit;
mod graph;
mod layout;
mod parse;
pub mod seeds;

pub use colour::{Colour, NotAColour};
pub use fit::{fit_canvas, CanvasFit, MAX_CANVAS_AREA, MAX_CANVAS_SIDE, MAX_FIT_SCALE, MIN_FIT_SCALE};
pub use graph::{
    shown_label, Direction, Directive, Edge, EdgeStyle, Flowchart, Ignored, Node, NodeStyle, Shape, Subgraph,
    MAX_LABEL_CHARS,
};
pub use layout::{
    cylinder_ry, layout, CrossingHeuristic, EdgePath, Layout, LayoutOptions, NodeBox, SubgraphBox, SUBROUTINE_INSET,
};
pub use parse::{parse, After, Found, Limit, ParseError, MAX_EDGES, MAX_NODES, MAX_SOURCE_CHARS};
