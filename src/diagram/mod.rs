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

mod graph;
mod layout;
mod parse;
pub mod seeds;

pub use graph::{Direction, Directive, Edge, EdgeStyle, Flowchart, Ignored, Node, Shape};
pub use layout::{layout, CrossingHeuristic, EdgePath, Layout, LayoutOptions, NodeBox};
pub use parse::{parse, After, Found, ParseError};
