//! The statements on one line: node groups joined by arrows, separated by `;`.
//!
//! ```text
//! A --> B --> C            a chain: two edges, A->B and B->C
//! A & B --> C & D          a cross product: A->C, A->D, B->C, B->D
//! A[x]; B{y}               two statements, each defining a node
//! classDef hot fill:#f00   styling, accepted and ignored (as are class, style, linkStyle, click)
//! ```

use std::collections::HashMap;

use super::arrow::parse_arrow;
use super::cursor::Cursor;
use super::error::ParseError;
use super::found::After;
use super::node::{parse_node, NodeRef};
use crate::diagram::graph::{Directive, Edge, Flowchart, Ignored, Node, Shape};

/// Collects nodes (by id, in order of first appearance) and edges into a [`Flowchart`].
#[derive(Debug, Default)]
pub(crate) struct Builder {
    /// The chart built so far.
    pub chart: Flowchart,
    index: HashMap<String, usize>,
}

impl Builder {
    /// The index of the node, adding it on first sight; a label given here replaces an earlier one.
    fn node(&mut self, node: NodeRef) -> usize {
        if let Some((line, column)) = node.class_at {
            self.ignore(line, column, Directive::ClassShorthand);
        }
        if let Some(&index) = self.index.get(&node.id) {
            if let (Some((shape, label)), Some(known)) = (node.definition, self.chart.nodes.get_mut(index)) {
                known.shape = shape;
                known.label = label;
            }
            return index;
        }
        let (shape, label) = node.definition.unwrap_or_else(|| (Shape::Rectangle, node.id.clone()));
        let index = self.chart.nodes.len();
        self.index.insert(node.id.clone(), index);
        self.chart.nodes.push(Node { id: node.id, label, shape });
        index
    }

    /// Records a statement that is accepted but not applied.
    fn ignore(&mut self, line: usize, column: usize, directive: Directive) {
        self.chart.ignored.push(Ignored { line, column, directive });
    }
}

/// Reads the statements from the cursor to the end of its line (or a `%%` comment).
pub(crate) fn parse_statements(cursor: &mut Cursor, builder: &mut Builder) -> Result<(), ParseError> {
    loop {
        cursor.skip_spaces();
        if cursor.at_end() || cursor.starts_with("%%") {
            return Ok(());
        }
        if cursor.eat(";") {
            continue;
        }
        let (start, line, column) = (cursor.pos(), cursor.line, cursor.column());
        let word = cursor.eat_id();
        if cursor.peek().is_none_or(|c| c.is_whitespace() || c == ';') {
            if let Some(directive) = Directive::from_keyword(&word) {
                builder.ignore(line, column, directive);
                return Ok(());
            }
            match word.as_str() {
                "subgraph" => return Err(ParseError::Subgraph { line, column, keyword: "subgraph" }),
                "end" => return Err(ParseError::Subgraph { line, column, keyword: "end" }),
                "graph" | "flowchart" => return Err(ParseError::SecondHeader { line, column, keyword: word }),
                _ => {}
            }
        }
        cursor.set_pos(start);
        let last = parse_chain(cursor, builder)?;
        cursor.skip_spaces();
        if !(cursor.at_end() || cursor.starts_with("%%") || cursor.peek() == Some(';')) {
            let node = builder.chart.nodes.get(last).map(|node| node.id.clone()).unwrap_or_default();
            return Err(ParseError::ExpectedArrow { line, column: cursor.column(), node, found: cursor.found() });
        }
    }
}

/// Reads `group (arrow group)*` and adds its edges; returns the index of the last node read.
fn parse_chain(cursor: &mut Cursor, builder: &mut Builder) -> Result<usize, ParseError> {
    let mut group = parse_group(cursor, builder, None)?;
    loop {
        let before = cursor.pos();
        cursor.skip_spaces();
        let Some(arrow) = parse_arrow(cursor)? else {
            cursor.set_pos(before);
            return Ok(group.last().copied().unwrap_or_default());
        };
        cursor.skip_spaces();
        let next = parse_group(cursor, builder, Some(After::Arrow(arrow.written.clone())))?;
        for &from in &group {
            for &to in &next {
                builder.chart.edges.push(Edge { from, to, label: arrow.label.clone(), style: arrow.style });
            }
        }
        group = next;
    }
}

/// Reads `node (& node)*`, returning the nodes' indices.
fn parse_group(cursor: &mut Cursor, builder: &mut Builder, after: Option<After>) -> Result<Vec<usize>, ParseError> {
    let mut members = Vec::new();
    let mut after = after;
    loop {
        let (line, column) = (cursor.line, cursor.column());
        let Some(node) = parse_node(cursor)? else {
            return Err(ParseError::ExpectedNode { line, column, after, found: cursor.found() });
        };
        members.push(builder.node(node));
        let before = cursor.pos();
        cursor.skip_spaces();
        if !cursor.eat("&") {
            cursor.set_pos(before);
            return Ok(members);
        }
        cursor.skip_spaces();
        after = Some(After::Ampersand);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagram::graph::EdgeStyle;

    fn read(line: &str) -> Result<Flowchart, ParseError> {
        let mut builder = Builder::default();
        parse_statements(&mut Cursor::new(line, 1), &mut builder)?;
        Ok(builder.chart)
    }

    fn pairs(chart: &Flowchart) -> Vec<(&str, &str)> {
        chart.edges.iter().map(|edge| (chart.nodes[edge.from].id.as_str(), chart.nodes[edge.to].id.as_str())).collect()
    }

    #[test]
    fn chains_and_groups_make_every_edge() {
        let chart = read("A --> B --> C").unwrap();
        assert_eq!(pairs(&chart), [("A", "B"), ("B", "C")]);
        let chart = read("A & B --> C & D").unwrap();
        assert_eq!(pairs(&chart), [("A", "C"), ("A", "D"), ("B", "C"), ("B", "D")]);
        let chart = read("A-->B;B-.->C ; C==>A").unwrap();
        assert_eq!(pairs(&chart), [("A", "B"), ("B", "C"), ("C", "A")]);
        let styles: Vec<_> = chart.edges.iter().map(|edge| edge.style).collect();
        assert_eq!(styles, [EdgeStyle::Arrow, EdgeStyle::Dotted, EdgeStyle::Thick]);
    }

    #[test]
    fn labels_stay_and_the_last_definition_wins() {
        let chart = read("A[one] --> B; A --> C; B(two); B{three}").unwrap();
        assert_eq!(chart.nodes[0].label, "one");
        assert_eq!((chart.nodes[1].label.as_str(), chart.nodes[1].shape), ("three", Shape::Diamond));
        assert_eq!(chart.nodes[2].label, "C");
    }

    #[test]
    fn directives_are_ignored_to_the_end_of_the_line() {
        let chart = read("classDef hot fill:#f00,stroke:#333; A --> B").unwrap();
        assert!(chart.nodes.is_empty());
        assert_eq!(chart.ignored, [Ignored { line: 1, column: 1, directive: Directive::ClassDef }]);
        assert_eq!(read("A:::hot --> B").unwrap().ignored[0].directive, Directive::ClassShorthand);
    }

    #[test]
    fn errors_name_the_place_and_the_node() {
        let error = read("A --> B => C").unwrap_err();
        assert_eq!(error.to_string(), "line 1, column 9: expected an arrow such as --> after node \"B\", found \"=>\"");
        let error = read("A --> ").unwrap_err();
        assert_eq!(
            error.to_string(),
            "line 1, column 7: expected a node id after the arrow -->, found the end of the line"
        );
        let error = read("A & --> B").unwrap_err();
        assert_eq!(error.to_string(), "line 1, column 5: expected a node id after \"&\", found \"-->\"");
        let error = read("    subgraph one").unwrap_err();
        assert_eq!(error.to_string(), "line 1, column 5: subgraphs are not supported yet");
    }
}
