//! The key-factors diagram on the page: Mermaid text parsed and laid out by
//! [`crate::diagram`], drawn on a canvas ([`draw`]), lit by the workflow's stage, zoomed and panned ([`viewport`]),
//! with an editor ([`panel`]).

mod draw;
mod panel;
mod viewport;

pub use draw::{draw_flowchart, lay_out, Placed};
pub use panel::KeyFactors;
