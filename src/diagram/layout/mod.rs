//! Layered (Sugiyama-style) layout of a flowchart: node boxes and edge polylines in pixels.
//!
//! The steps, one file each: `cycles` turns back edges around (depth-first search), `layers`
//! gives every node a layer (longest path, then pulled toward successors), `layered` splits
//! long edges into one bend per layer crossed, `order` reduces crossings (barycenter or median
//! sweeps with transposition, best ordering kept), `coords` places vertices (the narrowest of
//! Brandes–Köpf, balanced or its narrowest alignment, from `align` and `compact`, and the
//! quadratic placement of `quadratic`), `route` draws polylines through the bends that cross no
//! other node, and `pipeline` ties these together, turns the drawing to the chart's direction
//! and clips edge ends to the outlines of `shape`; `clusters` lays subgraphs out as boxes, and `titles` puts each box's title where no edge
//! runs through it.
//!
//! ```text
//! graph TD                      ┌──────┐
//!   A --> B                     │  A   │   layer 0
//!   A --> C                     └──────┘
//!                              ↙        ↘
//!                          ┌─────┐    ┌─────┐  layer 1
//!                          │  B  │    │  C  │
//!                          └─────┘    └─────┘
//! ```
//!
//! Why not a crate: `layout-rs` 0.1.3 (pure Rust, no required dependencies) is a Graphviz
//! DOT renderer. It takes node sizes, but hands back its result only as drawing calls to a
//! `RenderBackend` (boxes, circles, Bézier arrows), has no diamond, stadium or flag outline,
//! sizes edge labels with its own font estimate rather than our measure, and unwraps and
//! asserts on its invariants in some 85 places. `rust-sugiyama` 0.4.0 takes vertex sizes, but
//! pulls in `petgraph` and `log`, returns only vertex centres (no bends, so no edge routes or
//! label places), splits components into separate layouts, keys coordinates by `HashMap`, and
//! unwraps throughout. Routing, edge labels, outlines and direction would be ours either way, so
//! the whole layout is here: about 2,200 lines with tests, std only, deterministic (no hashing
//! order, no randomness), iterative (no recursion depth), and free of panics on any chart.

mod align;
mod clusters;
mod compact;
mod coords;
mod cycles;
mod layered;
mod layers;
mod options;
mod order;
mod output;
mod pipeline;
mod quadratic;
mod route;
mod shape;
mod titles;

pub use options::{CrossingHeuristic, LayoutOptions};
pub use output::{EdgePath, Layout, NodeBox, SubgraphBox};
pub use pipeline::layout;
pub use shape::{cylinder_ry, SUBROUTINE_INSET};
