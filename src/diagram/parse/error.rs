//! Errors of the flowchart parser, as facts: the line and column (in characters, from 1, so
//! they point at the right place in Chinese text) and what was found and expected there. A
//! caller can match on why a flowchart was refused; the page words each error in English and
//! 中文, e.g. `line 4, column 9: expected an arrow such as --> after node "B", found "=>"`
//! (that English is also the error's `Display`).

use super::found::{After, Found};
use super::limits::Limit;

/// Why a flowchart could not be parsed, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseError {
    /// The first statement is not `graph` or `flowchart`.
    MissingHeader {
        /// Line, from 1.
        line: usize,
        /// Column in characters, from 1.
        column: usize,
        /// What stands there instead.
        found: Found,
    },
    /// The header names a direction other than TD, TB, BT, LR or RL.
    UnknownDirection {
        /// Line, from 1.
        line: usize,
        /// Column in characters, from 1.
        column: usize,
        /// The word written.
        found: String,
    },
    /// Something follows the header's direction on its line.
    AfterHeader {
        /// Line, from 1.
        line: usize,
        /// Column in characters, from 1.
        column: usize,
        /// What follows.
        found: Found,
    },
    /// A node id is missing (at the start of a statement, after an arrow or after `&`).
    ExpectedNode {
        /// Line, from 1.
        line: usize,
        /// Column in characters, from 1.
        column: usize,
        /// What came before (an arrow or `&`); `None` at the start of a statement.
        after: Option<After>,
        /// What stands there instead.
        found: Found,
    },
    /// A node is followed by something that is neither an arrow, `&`, `;` nor the end of the line.
    ExpectedArrow {
        /// Line, from 1.
        line: usize,
        /// Column in characters, from 1.
        column: usize,
        /// The id of the node before.
        node: String,
        /// What stands there instead.
        found: Found,
    },
    /// A node's label is opened but its closing bracket is missing.
    UnclosedLabel {
        /// Line of the opening bracket, from 1.
        line: usize,
        /// Column of the opening bracket, from 1.
        column: usize,
        /// The node's id.
        node: String,
        /// The closing bracket expected, e.g. `])`.
        closer: &'static str,
    },
    /// A quoted label is followed by something other than its closing bracket.
    ExpectedCloser {
        /// Line, from 1.
        line: usize,
        /// Column in characters, from 1.
        column: usize,
        /// The node's id.
        node: String,
        /// The closing bracket expected.
        closer: &'static str,
        /// What stands there instead.
        found: Found,
    },
    /// A `"` opens a quoted label that never closes on its line.
    UnclosedQuote {
        /// Line of the opening quote, from 1.
        line: usize,
        /// Column of the opening quote, from 1.
        column: usize,
    },
    /// An edge label (`|text|`, `-- text -->`) is never closed on its line.
    UnclosedEdgeLabel {
        /// Line where the label starts, from 1.
        line: usize,
        /// Column where the label starts, from 1.
        column: usize,
        /// What should close it, e.g. `|` or `-->`.
        closer: &'static str,
    },
    /// A Mermaid node shape this parser does not draw, e.g. `[[text]]`.
    UnsupportedShape {
        /// Line, from 1.
        line: usize,
        /// Column of the opening bracket, from 1.
        column: usize,
        /// The opening bracket, e.g. `[[`.
        opener: String,
    },
    /// A Mermaid arrow this parser does not draw, e.g. `<-->` or `--o`.
    UnsupportedArrow {
        /// Line, from 1.
        line: usize,
        /// Column in characters, from 1.
        column: usize,
        /// The arrow written.
        found: String,
    },
    /// An unquoted label holds a bracket, which Mermaid reads as a shape (`A[Start --> B[End]`).
    BracketInLabel {
        /// Line, from 1.
        line: usize,
        /// Column of the bracket, from 1.
        column: usize,
        /// The node's id.
        node: String,
        /// The bracket.
        bracket: char,
    },
    /// The source is beyond one of the bounds of [`super::limits`].
    TooLarge {
        /// Line where it crosses the bound, from 1.
        line: usize,
        /// Column where it crosses the bound, from 1.
        column: usize,
        /// Which bound.
        limit: Limit,
    },
    /// `subgraph` never closed by `end`.
    UnclosedSubgraph {
        /// Line of the `subgraph` keyword, from 1.
        line: usize,
        /// Column of the keyword, from 1.
        column: usize,
        /// The subgraph's id.
        id: String,
    },
    /// `end` with no subgraph open.
    EndWithoutSubgraph {
        /// Line, from 1.
        line: usize,
        /// Column of the keyword, from 1.
        column: usize,
    },
    /// An edge (or a node) names a subgraph's id, which this layout does not join edges to.
    EdgeToSubgraph {
        /// Line of the first use as a node, from 1.
        line: usize,
        /// Column of that use, from 1.
        column: usize,
        /// The subgraph's id.
        id: String,
    },
    /// A styling statement without what it needs (`class A` without a class name).
    IncompleteStyling {
        /// Line, from 1.
        line: usize,
        /// Column of the keyword, from 1.
        column: usize,
        /// The form expected, e.g. `class A,B name`.
        usage: &'static str,
    },
    /// A `fill`, `stroke` or `color` value that is not a colour (hex, `rgb()` or a CSS name).
    BadColour {
        /// Line, from 1.
        line: usize,
        /// Column of the value, from 1.
        column: usize,
        /// The property, e.g. `fill`.
        property: String,
        /// The value written.
        found: String,
    },
    /// `graph` or `flowchart` again after the header.
    SecondHeader {
        /// Line, from 1.
        line: usize,
        /// Column of the keyword, from 1.
        column: usize,
        /// The keyword.
        keyword: String,
    },
    /// A front matter block (`---` ... `---`) that is never closed.
    UnclosedFrontMatter {
        /// Line of the opening `---`, from 1.
        line: usize,
        /// Column of the opening `---`, from 1.
        column: usize,
    },
}

impl ParseError {
    /// The line of the error, from 1.
    pub fn line(&self) -> usize {
        self.position().0
    }

    /// The column of the error, in characters from 1.
    pub fn column(&self) -> usize {
        self.position().1
    }

    fn position(&self) -> (usize, usize) {
        match *self {
            ParseError::MissingHeader { line, column, .. }
            | ParseError::UnknownDirection { line, column, .. }
            | ParseError::AfterHeader { line, column, .. }
            | ParseError::ExpectedNode { line, column, .. }
            | ParseError::ExpectedArrow { line, column, .. }
            | ParseError::UnclosedLabel { line, column, .. }
            | ParseError::ExpectedCloser { line, column, .. }
            | ParseError::UnclosedQuote { line, column }
            | ParseError::UnclosedEdgeLabel { line, column, .. }
            | ParseError::UnsupportedShape { line, column, .. }
            | ParseError::UnsupportedArrow { line, column, .. }
            | ParseError::BracketInLabel { line, column, .. }
            | ParseError::TooLarge { line, column, .. }
            | ParseError::UnclosedSubgraph { line, column, .. }
            | ParseError::EndWithoutSubgraph { line, column }
            | ParseError::EdgeToSubgraph { line, column, .. }
            | ParseError::IncompleteStyling { line, column, .. }
            | ParseError::BadColour { line, column, .. }
            | ParseError::SecondHeader { line, column, .. }
            | ParseError::UnclosedFrontMatter { line, column } => (line, column),
        }
    }
}

impl std::error::Error for ParseError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_knows_its_line_and_column() {
        let error = ParseError::ExpectedArrow { line: 4, column: 9, node: "B".into(), found: Found::Text("=>".into()) };
        assert_eq!((error.line(), error.column()), (4, 9));
        let quote = ParseError::UnclosedQuote { line: 7, column: 3 };
        assert_eq!((quote.line(), quote.column()), (7, 3));
    }
}
