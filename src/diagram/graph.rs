//! The parsed flowchart: a direction, nodes in order of first appearance, and edges between them.
//!
//! ```text
//! graph LR
//!     A[Start] -->|go| B{Ready?}
//! ```
//!
//! gives `Flowchart { direction: LeftRight, nodes: [A "Start" Rectangle, B "Ready?" Diamond],
//! edges: [0 -> 1, label "go", Arrow] }`. Edges refer to nodes by index into `nodes`.

use std::str::FromStr;

use super::parse::{parse, ParseError};

/// Which way the layers of the chart run (Mermaid's `TD`, `TB`, `BT`, `LR`, `RL`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Direction {
    /// `TB` or `TD`: sources at the top, edges pointing down (Mermaid's default).
    #[default]
    TopBottom,
    /// `BT`: sources at the bottom, edges pointing up.
    BottomTop,
    /// `LR`: sources on the left, edges pointing right.
    LeftRight,
    /// `RL`: sources on the right, edges pointing left.
    RightLeft,
}

impl Direction {
    /// The direction a Mermaid keyword names (`TD` and `TB` are the same), if any.
    pub fn from_keyword(word: &str) -> Option<Direction> {
        match word {
            "TD" | "TB" => Some(Direction::TopBottom),
            "BT" => Some(Direction::BottomTop),
            "LR" => Some(Direction::LeftRight),
            "RL" => Some(Direction::RightLeft),
            _ => None,
        }
    }

    /// The Mermaid keyword for this direction (`TB` for top to bottom).
    pub fn keyword(self) -> &'static str {
        match self {
            Direction::TopBottom => "TB",
            Direction::BottomTop => "BT",
            Direction::LeftRight => "LR",
            Direction::RightLeft => "RL",
        }
    }

    /// Whether layers are columns (`LR`, `RL`) rather than rows (`TB`, `BT`).
    pub fn is_horizontal(self) -> bool {
        matches!(self, Direction::LeftRight | Direction::RightLeft)
    }
}

/// The outline of a node, from the brackets around its label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Shape {
    /// `A` or `A[text]`.
    #[default]
    Rectangle,
    /// `A(text)`: a rectangle with rounded corners.
    Rounded,
    /// `A([text])`: a rectangle with half-circle ends.
    Stadium,
    /// `A((text))`.
    Circle,
    /// `A{text}`: a decision.
    Diamond,
    /// `A>text]`: a flag, notched on the left.
    Asymmetric,
}

/// How an edge is drawn: its stroke, and whether it ends in an arrowhead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum EdgeStyle {
    /// `-->`: solid line with an arrowhead.
    #[default]
    Arrow,
    /// `---`: solid line, no arrowhead.
    Open,
    /// `-.->`: dotted line with an arrowhead.
    Dotted,
    /// `-.-`: dotted line, no arrowhead.
    DottedOpen,
    /// `==>`: thick line with an arrowhead.
    Thick,
    /// `===`: thick line, no arrowhead.
    ThickOpen,
    /// `~~~`: not drawn, but still shapes the layout.
    Invisible,
}

impl EdgeStyle {
    /// Whether the edge ends in an arrowhead at its target.
    pub fn has_arrowhead(self) -> bool {
        matches!(self, EdgeStyle::Arrow | EdgeStyle::Dotted | EdgeStyle::Thick)
    }
}

/// One node: its id as written, the text shown in it, and its outline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// The id, e.g. `A`.
    pub id: String,
    /// The text shown; the id when the node is never given a label.
    pub label: String,
    /// The outline.
    pub shape: Shape,
}

/// One edge, from `nodes[from]` to `nodes[to]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edge {
    /// Index of the source node.
    pub from: usize,
    /// Index of the target node.
    pub to: usize,
    /// The text on the edge, from `-->|text|` or `-- text -->`.
    pub label: Option<String>,
    /// The stroke and arrowhead.
    pub style: EdgeStyle,
}

/// A statement the parser accepted but does not act on (styling and interaction).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Directive {
    /// `classDef name fill:#f9f`.
    ClassDef,
    /// `class A,B name`.
    Class,
    /// `A:::name`, the class shorthand on a node.
    ClassShorthand,
    /// `style A fill:#f9f`.
    Style,
    /// `linkStyle 0 stroke:#f00`.
    LinkStyle,
    /// `click A callback`.
    Click,
}

impl Directive {
    /// The keyword as written in Mermaid (`:::` for the shorthand).
    pub fn keyword(self) -> &'static str {
        match self {
            Directive::ClassDef => "classDef",
            Directive::Class => "class",
            Directive::ClassShorthand => ":::",
            Directive::Style => "style",
            Directive::LinkStyle => "linkStyle",
            Directive::Click => "click",
        }
    }

    /// The directive a statement keyword starts, if any (not the `:::` shorthand).
    pub fn from_keyword(word: &str) -> Option<Directive> {
        match word {
            "classDef" => Some(Directive::ClassDef),
            "class" => Some(Directive::Class),
            "style" => Some(Directive::Style),
            "linkStyle" => Some(Directive::LinkStyle),
            "click" => Some(Directive::Click),
            _ => None,
        }
    }
}

/// Where a directive was ignored, so a UI can say "styling on line 7 is not shown".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ignored {
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
    /// Which directive.
    pub directive: Directive,
}

/// A parsed Mermaid flowchart.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Flowchart {
    /// Which way the layers run.
    pub direction: Direction,
    /// Nodes in order of first appearance.
    pub nodes: Vec<Node>,
    /// Edges in the order written; a chain `A --> B --> C` gives two.
    pub edges: Vec<Edge>,
    /// Styling and interaction statements that were accepted but not applied.
    pub ignored: Vec<Ignored>,
}

impl Flowchart {
    /// The index of the node with this id, if there is one.
    pub fn node_index(&self, id: &str) -> Option<usize> {
        self.nodes.iter().position(|node| node.id == id)
    }
}

impl FromStr for Flowchart {
    type Err = ParseError;

    /// Parses Mermaid flowchart text; the same as [`parse`].
    fn from_str(source: &str) -> Result<Flowchart, ParseError> {
        parse(source)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn direction_keywords_round_trip() {
        for keyword in ["TB", "BT", "LR", "RL"] {
            assert_eq!(Direction::from_keyword(keyword).map(Direction::keyword), Some(keyword));
        }
        assert_eq!(Direction::from_keyword("TD"), Some(Direction::TopBottom));
        assert_eq!(Direction::from_keyword("td"), None);
        assert!(Direction::LeftRight.is_horizontal() && !Direction::BottomTop.is_horizontal());
    }

    #[test]
    fn arrowheads_follow_the_style() {
        let headed: Vec<_> = [
            EdgeStyle::Arrow,
            EdgeStyle::Open,
            EdgeStyle::Dotted,
            EdgeStyle::DottedOpen,
            EdgeStyle::Thick,
            EdgeStyle::ThickOpen,
            EdgeStyle::Invisible,
        ]
        .into_iter()
        .filter(|style| style.has_arrowhead())
        .collect();
        assert_eq!(headed, [EdgeStyle::Arrow, EdgeStyle::Dotted, EdgeStyle::Thick]);
    }

    #[test]
    fn directive_keywords_round_trip() {
        for keyword in ["classDef", "class", "style", "linkStyle", "click"] {
            assert_eq!(Directive::from_keyword(keyword).map(Directive::keyword), Some(keyword));
        }
        assert_eq!(Directive::from_keyword(":::"), None);
    }

    #[test]
    fn node_index_finds_by_id() {
        let chart: Flowchart = "graph TD\nA --> B".parse().unwrap();
        assert_eq!(chart.node_index("B"), Some(1));
        assert_eq!(chart.node_index("C"), None);
    }
}
