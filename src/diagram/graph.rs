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

use super::colour::Colour;
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
    /// `A[[text]]`: a subroutine, a rectangle with a second line inside each side.
    Subroutine,
    /// `A[(text)]`: a cylinder, a database.
    Cylinder,
    /// `A{{text}}`: a hexagon, a preparation step.
    Hexagon,
    /// `A[/text/]`: a parallelogram leaning right, input or output.
    LeanRight,
    /// `A[\text\]`: a parallelogram leaning left.
    LeanLeft,
    /// `A[/text\]`: a trapezoid, wider at the bottom.
    Trapezoid,
    /// `A[\text/]`: a trapezoid wider at the top.
    InvTrapezoid,
}

impl Shape {
    /// Every shape, in the order of the docs above.
    pub const ALL: [Shape; 13] = [
        Shape::Rectangle,
        Shape::Rounded,
        Shape::Stadium,
        Shape::Circle,
        Shape::Diamond,
        Shape::Asymmetric,
        Shape::Subroutine,
        Shape::Cylinder,
        Shape::Hexagon,
        Shape::LeanRight,
        Shape::LeanLeft,
        Shape::Trapezoid,
        Shape::InvTrapezoid,
    ];
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

/// One node: its id as written, the text shown in it, its outline and its colours.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// The id, e.g. `A`.
    pub id: String,
    /// The text shown; the id when the node is never given a label.
    pub label: String,
    /// The outline.
    pub shape: Shape,
    /// Colours from `classDef`/`class`/`:::` and `style` (none: the page's theme).
    pub style: NodeStyle,
}

/// Colours a chart gives a node or a subgraph's box, each checked ([`Colour`]); `None` leaves
/// the page's theme colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct NodeStyle {
    /// `fill:`, the inside.
    pub fill: Option<Colour>,
    /// `stroke:`, the outline.
    pub stroke: Option<Colour>,
    /// `color:`, the label's text.
    pub text: Option<Colour>,
}

impl NodeStyle {
    /// This style with every colour `later` sets put over it.
    pub fn then(self, later: NodeStyle) -> NodeStyle {
        NodeStyle {
            fill: later.fill.or(self.fill),
            stroke: later.stroke.or(self.stroke),
            text: later.text.or(self.text),
        }
    }
}

/// `subgraph id [title] … end`: a titled box around its nodes, maybe inside another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subgraph {
    /// The id (`subGraph0`, `subGraph1`, … when only a title is written, as Mermaid names them).
    pub id: String,
    /// The title shown at the top of the box.
    pub title: String,
    /// The subgraph it is inside, by index into [`Flowchart::subgraphs`].
    pub parent: Option<usize>,
    /// Its own nodes (not those of subgraphs inside it), by index into [`Flowchart::nodes`].
    pub nodes: Vec<usize>,
    /// `direction LR` inside it: how its own nodes run (Mermaid keeps it only when no edge
    /// crosses the box; so does the layout).
    pub direction: Option<Direction>,
    /// Colours of the box, from `style id …`.
    pub style: NodeStyle,
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

/// A statement the parser accepted but does not act on (edge styling and interaction); the
/// node styling keywords are here too, for [`Directive::from_keyword`].
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
    /// Subgraphs in the order they open.
    pub subgraphs: Vec<Subgraph>,
    /// Statements that were accepted but not applied (`linkStyle`, `click`).
    pub ignored: Vec<Ignored>,
}

impl Flowchart {
    /// The index of the node with this id, if there is one.
    pub fn node_index(&self, id: &str) -> Option<usize> {
        self.nodes.iter().position(|node| node.id == id)
    }

    /// The subgraph each node is directly in (by index into `subgraphs`), if any.
    pub fn owners(&self) -> Vec<Option<usize>> {
        let mut owner = vec![None; self.nodes.len()];
        for (index, subgraph) in self.subgraphs.iter().enumerate() {
            for &node in &subgraph.nodes {
                if let Some(slot) = owner.get_mut(node) {
                    *slot = Some(index);
                }
            }
        }
        owner
    }
}

/// Most characters of a label that are drawn; a longer one is cut, with an ellipsis, so that
/// measuring and wrapping it stays cheap and its node stays on the canvas.
pub const MAX_LABEL_CHARS: usize = 200;

/// `text` as drawn: whole up to [`MAX_LABEL_CHARS`], else its first characters and `…`.
///
/// ```
/// use mlp_lab::diagram::{shown_label, MAX_LABEL_CHARS};
/// assert_eq!(shown_label("short"), "short");
/// let long = "长".repeat(100_000);
/// let cut = shown_label(&long);
/// assert_eq!(cut.chars().count(), MAX_LABEL_CHARS);
/// assert!(cut.ends_with('…'));
/// ```
pub fn shown_label(text: &str) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(MAX_LABEL_CHARS) {
        None => std::borrow::Cow::Borrowed(text),
        Some(_) => {
            let keep: String = text.chars().take(MAX_LABEL_CHARS - 1).collect();
            std::borrow::Cow::Owned(format!("{keep}…"))
        }
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
