//! The statements on one line: node groups joined by arrows, separated by `;`.
//!
//! ```text
//! A --> B --> C            a chain: two edges, A->B and B->C
//! A & B --> C & D          a cross product: A->C, A->D, B->C, B->D
//! A[x]; B{y}               two statements, each defining a node
//! classDef hot fill:#f00   styling (also class, style); linkStyle and click are accepted and ignored
//! subgraph id [title]      opens a subgraph (to its `end`), `direction LR` inside it
//! ```

use super::arrow::parse_arrow;
use super::builder::Builder;
use super::cursor::Cursor;
use super::error::ParseError;
use super::found::After;
use super::node::parse_node;
use super::styling::parse_styling;
use super::subgraph::parse_subgraph_header;
use crate::diagram::graph::{Direction, Directive, Edge, Ignored};

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
            match word.as_str() {
                "classDef" | "class" | "style" if cursor.peek().is_some_and(char::is_whitespace) => {
                    return parse_styling(cursor, &word, column, builder);
                }
                "linkStyle" | "click" => {
                    if let Some(directive) = Directive::from_keyword(&word) {
                        builder.chart.ignored.push(Ignored { line, column, directive });
                    }
                    return Ok(());
                }
                "subgraph" => {
                    let (id, title) = parse_subgraph_header(cursor)?;
                    builder.open_subgraph(id, title, line, column);
                    return Ok(());
                }
                "end" => {
                    builder.close_subgraph(line, column)?;
                    continue;
                }
                "direction" if builder.in_subgraph() => {
                    cursor.skip_spaces();
                    let (at, start) = (cursor.column(), cursor.pos());
                    cursor.eat_while(|c| !c.is_whitespace() && c != ';');
                    let found = cursor.slice(start, cursor.pos());
                    let direction = Direction::from_keyword(&found).ok_or(ParseError::UnknownDirection {
                        line,
                        column: at,
                        found,
                    })?;
                    builder.set_direction(direction);
                    continue;
                }
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
        let (line, column) = (cursor.line, cursor.column());
        let Some(arrow) = parse_arrow(cursor)? else {
            cursor.set_pos(before);
            return Ok(group.last().copied().unwrap_or_default());
        };
        cursor.skip_spaces();
        let next = parse_group(cursor, builder, Some(After::Arrow(arrow.written.clone())))?;
        for &from in &group {
            for &to in &next {
                builder.edge(Edge { from, to, label: arrow.label.clone(), style: arrow.style }, line, column)?;
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
        members.push(builder.node(node, line, column)?);
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
    use crate::diagram::graph::{EdgeStyle, Flowchart, Shape};

    fn read(line: &str) -> Result<Flowchart, ParseError> {
        let mut builder = Builder::default();
        parse_statements(&mut Cursor::new(line, 1), &mut builder)?;
        builder.finish()
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
        let chart = read("linkStyle 0 stroke:#f00; A --> B").unwrap();
        assert!(chart.nodes.is_empty());
        assert_eq!(chart.ignored, [Ignored { line: 1, column: 1, directive: Directive::LinkStyle }]);
        let styled = read("A:::hot --> B; classDef hot fill:#f00").unwrap();
        assert!(styled.nodes[0].style.fill.is_some() && styled.nodes[1].style.fill.is_none());
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
        assert_eq!(
            error.to_string(),
            "line 1, column 5: the subgraph \"one\" is never closed: expected \"end\" on a later line"
        );
    }
}
