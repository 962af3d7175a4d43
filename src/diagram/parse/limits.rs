//! The largest flowchart the page accepts: bounds on the source's characters, its nodes and its
//! edges, so that parsing, laying out and drawing any accepted source stays within a frame's
//! work on the page's thread. A source beyond a bound is refused at the place it crosses it.
//!
//! ```text
//! characters  200,000   a 100 KB label still fits (it is drawn cut, with an ellipsis)
//! nodes         2,000   a chain of 2,000 nodes lays out in about 10 ms natively
//! edges         2,000   with 2,000 nodes, the worst shapes tried (dense bipartite, long
//!                       edges over a long chain, every edge crossing) stay under 50 ms
//! ```
//!
//! The layout bounds its own work as well (see `layout`): the figures above are what it was
//! measured on (`tests/diagram_limits.rs` prints them).

/// Most characters in a source.
pub const MAX_SOURCE_CHARS: usize = 200_000;
/// Most nodes in a chart.
pub const MAX_NODES: usize = 2_000;
/// Most edges in a chart (a group `A & B --> C & D` counts its four).
pub const MAX_EDGES: usize = 2_000;

/// Which bound a source crossed, with its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Limit {
    /// More than this many characters.
    Characters(usize),
    /// More than this many nodes.
    Nodes(usize),
    /// More than this many edges.
    Edges(usize),
}

impl Limit {
    /// The bound's value.
    pub fn value(self) -> usize {
        match self {
            Limit::Characters(n) | Limit::Nodes(n) | Limit::Edges(n) => n,
        }
    }
}

/// Where the source's character count passes [`MAX_SOURCE_CHARS`], as (line, column) from 1;
/// `None` when it stays within.
pub(crate) fn past_char_limit(source: &str) -> Option<(usize, usize)> {
    let (at, _) = source.char_indices().nth(MAX_SOURCE_CHARS)?;
    let before = &source[..at];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |text| text.chars().count()) + 1;
    Some((line, column))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_character_past_the_bound_is_found() {
        assert_eq!(past_char_limit("graph TD"), None);
        let exactly = "x".repeat(MAX_SOURCE_CHARS);
        assert_eq!(past_char_limit(&exactly), None);
        let over = format!("graph TD\n{}", "数".repeat(MAX_SOURCE_CHARS));
        assert_eq!(past_char_limit(&over), Some((2, MAX_SOURCE_CHARS - 9 + 1)));
        assert_eq!(Limit::Edges(7).value(), 7);
    }
}
