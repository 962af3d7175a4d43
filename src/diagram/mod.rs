//! Mermaid flowcharts: parse the text, then lay the chart out in layers (Sugiyama style).
//!
//! ```text
//! graph TD
//!     A[计算资源] --> B[数据集]
//! ```
//!
//! [`parse`] turns such text into a [`Flowchart`]; [`layout`] places its nodes and routes its
//! edges in pixels, given a function that measures label text; [`seeds`] holds the built-in
//! diagrams; [`View`] says at what scale and through which window a laid-out chart is seen.
//! Nothing here draws.

mod colour;
mod graph;
mod layout;
mod parse;
pub mod seeds;
mod view;

pub use colour::{Colour, NotAColour};
pub use graph::{
    shown_label, Direction, Directive, Edge, EdgeStyle, Flowchart, Ignored, Node, NodeStyle, Shape, Subgraph,
    MAX_LABEL_CHARS,
};
pub use layout::{
    cylinder_ry, layout, CrossingHeuristic, EdgePath, Layout, LayoutOptions, NodeBox, SubgraphBox, SUBROUTINE_INSET,
};
pub use parse::{parse, After, Found, Limit, ParseError, MAX_EDGES, MAX_NODES, MAX_SOURCE_CHARS};
pub use view::{
    fit_all, pixel_ratio, stepped, view_height, wheel_zoom, zoom_range, View, Window, Zoom, MAX_CANVAS_AREA,
    MAX_CANVAS_SIDE, MAX_FIT_SCALE, MAX_SHEET_SIDE, MAX_VIEW_PX, MAX_VIEW_SHARE, MAX_ZOOM, MIN_FIT_SCALE, MIN_ZOOM,
    WHEEL_PX_PER_E, ZOOM_STEP,
};
