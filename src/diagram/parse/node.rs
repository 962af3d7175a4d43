//! One node reference: an id, then optionally a label in brackets that give the shape.
//!
//! ```text
//! A            rectangle, no label given (the id is shown)
//! A[text]      rectangle          A(text)     rounded
//! A([text])    stadium            A((text))   circle
//! A{text}      diamond            A>text]     asymmetric (flag)
//! A[[text]]    subroutine         A[(text)]   cylinder
//! A{{text}}    hexagon            A[/text/]   parallelogram   A[\text\]  the other way
//! A[/text\]    trapezoid          A[\text/]   upside down
//! A["a ] | b"] quoted: any character but " inside
//! A:::name     a class shorthand
//! ```
//!
//! As in Mermaid, an unquoted label may not hold a bracket of any kind (`A[Start --> B[End]` is
//! refused at the second `[`): quote the label to write one.

use super::cursor::Cursor;
use super::error::ParseError;
use crate::diagram::graph::Shape;

/// A node as written at one place: its id, and the shape and label if brackets follow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NodeRef {
    /// The id.
    pub id: String,
    /// The shape and label, when written here.
    pub definition: Option<(Shape, String)>,
    /// The class of a `:::class` shorthand, with where it was written as (line, column).
    pub class: Option<(String, usize, usize)>,
}

/// Openers this parser does not support, checked before the supported ones they start with.
const UNSUPPORTED_OPENERS: [&str; 1] = ["((("];

/// Supported openers, longest first, each with its closers and the shape each closer makes.
const OPENERS: [(&str, &[(&str, Shape)]); 11] = [
    ("((", &[("))", Shape::Circle)]),
    ("([", &[("])", Shape::Stadium)]),
    ("(", &[(")", Shape::Rounded)]),
    ("[[", &[("]]", Shape::Subroutine)]),
    ("[(", &[(")]", Shape::Cylinder)]),
    ("[/", &[("/]", Shape::LeanRight), ("\\]", Shape::Trapezoid)]),
    ("[\\", &[("\\]", Shape::LeanLeft), ("/]", Shape::InvTrapezoid)]),
    ("[", &[("]", Shape::Rectangle)]),
    ("{{", &[("}}", Shape::Hexagon)]),
    ("{", &[("}", Shape::Diamond)]),
    (">", &[("]", Shape::Asymmetric)]),
];

/// Characters an unquoted label may not hold.
const BRACKETS: [char; 6] = ['[', ']', '(', ')', '{', '}'];

/// Reads a node at the cursor; `Ok(None)` (cursor unmoved) when no id starts here.
pub(crate) fn parse_node(cursor: &mut Cursor) -> Result<Option<NodeRef>, ParseError> {
    let id = cursor.eat_id();
    if id.is_empty() {
        return Ok(None);
    }
    let after_id = cursor.pos();
    cursor.skip_spaces();
    let definition = parse_label(cursor, &id)?;
    if definition.is_none() {
        cursor.set_pos(after_id);
    }
    let class = (cursor.starts_with(":::")).then(|| {
        let (line, column) = (cursor.line, cursor.column());
        cursor.eat(":::");
        (cursor.eat_id(), line, column)
    });
    Ok(Some(NodeRef { id, definition, class }))
}

/// Reads brackets and the label in them, if brackets open at the cursor.
fn parse_label(cursor: &mut Cursor, id: &str) -> Result<Option<(Shape, String)>, ParseError> {
    let (line, column) = (cursor.line, cursor.column());
    if let Some(opener) = UNSUPPORTED_OPENERS.iter().find(|opener| cursor.starts_with(opener)) {
        return Err(ParseError::UnsupportedShape { line, column, opener: opener.to_string() });
    }
    let Some(&(opener, closers)) = OPENERS.iter().find(|(opener, _)| cursor.starts_with(opener)) else {
        return Ok(None);
    };
    cursor.eat(opener);
    let first_closer = closers[0].0;
    let start = cursor.pos();
    cursor.skip_spaces();
    if cursor.peek() == Some('"') {
        let text = read_quoted(cursor)?;
        cursor.skip_spaces();
        let Some(&(closer, shape)) = closers.iter().find(|(closer, _)| cursor.starts_with(closer)) else {
            return Err(ParseError::ExpectedCloser {
                line,
                column: cursor.column(),
                node: id.to_string(),
                closer: first_closer,
                found: cursor.found(),
            });
        };
        cursor.eat(closer);
        return Ok(Some((shape, text)));
    }
    cursor.set_pos(start);
    let found = closers
        .iter()
        .filter_map(|&(closer, shape)| Some((cursor.find(closer)?, closer, shape)))
        .min_by_key(|found| found.0);
    let bracket = |end: usize| (start..end).find(|&at| cursor.char_at(at).is_some_and(|c| BRACKETS.contains(&c)));
    let Some((end, closer, shape)) = found else {
        // A bracket before the end of the line says more than "never closed" (`A[a(b`).
        if let Some(at) = bracket(cursor.line_len()) {
            return Err(bracket_error(cursor, at, id));
        }
        return Err(ParseError::UnclosedLabel { line, column, node: id.to_string(), closer: first_closer });
    };
    if let Some(at) = bracket(end) {
        return Err(bracket_error(cursor, at, id));
    }
    let text = cursor.slice(start, end);
    cursor.set_pos(end);
    cursor.eat(closer);
    Ok(Some((shape, text.trim().to_string())))
}

fn bracket_error(cursor: &Cursor, at: usize, id: &str) -> ParseError {
    ParseError::BracketInLabel {
        line: cursor.line,
        column: at + 1,
        node: id.to_string(),
        bracket: cursor.char_at(at).unwrap_or('['),
    }
}

/// Reads `"text"` at the cursor (which stands on the opening quote) and returns `text`.
pub(crate) fn read_quoted(cursor: &mut Cursor) -> Result<String, ParseError> {
    let (line, column) = (cursor.line, cursor.column());
    cursor.bump();
    let start = cursor.pos();
    let end = cursor.find("\"").ok_or(ParseError::UnclosedQuote { line, column })?;
    let text = cursor.slice(start, end);
    cursor.set_pos(end + 1);
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(text: &str) -> Result<Option<NodeRef>, ParseError> {
        parse_node(&mut Cursor::new(text, 1))
    }

    fn defined(text: &str) -> (Shape, String) {
        node(text).unwrap().unwrap().definition.unwrap()
    }

    #[test]
    fn every_shape_reads_its_label() {
        assert_eq!(defined("A[text]"), (Shape::Rectangle, "text".into()));
        assert_eq!(defined("A(text)"), (Shape::Rounded, "text".into()));
        assert_eq!(defined("A([text])"), (Shape::Stadium, "text".into()));
        assert_eq!(defined("A((text))"), (Shape::Circle, "text".into()));
        assert_eq!(defined("A{text}"), (Shape::Diamond, "text".into()));
        assert_eq!(defined("A>text]"), (Shape::Asymmetric, "text".into()));
        assert_eq!(defined("A[ 计算 资源 ]"), (Shape::Rectangle, "计算 资源".into()));
        assert_eq!(defined("A[\"a ] | b\"]"), (Shape::Rectangle, "a ] | b".into()));
        assert_eq!(defined("A[[text]]"), (Shape::Subroutine, "text".into()));
        assert_eq!(defined("A[(text)]"), (Shape::Cylinder, "text".into()));
        assert_eq!(defined("A{{text}}"), (Shape::Hexagon, "text".into()));
        assert_eq!(defined("A[/text/]"), (Shape::LeanRight, "text".into()));
        assert_eq!(defined("A[\\text\\]"), (Shape::LeanLeft, "text".into()));
        assert_eq!(defined("A[/text\\]"), (Shape::Trapezoid, "text".into()));
        assert_eq!(defined("A[\\text/]"), (Shape::InvTrapezoid, "text".into()));
        assert_eq!(defined("A[/\"a/b\"/]"), (Shape::LeanRight, "a/b".into()));
    }

    #[test]
    fn brackets_in_an_unquoted_label_are_refused_where_they_stand() {
        let error = node("A[Start --> B[End]").unwrap_err();
        assert_eq!(error, ParseError::BracketInLabel { line: 1, column: 14, node: "A".into(), bracket: '[' });
        let paren = node("A[f(x)]").unwrap_err();
        assert_eq!(paren, ParseError::BracketInLabel { line: 1, column: 4, node: "A".into(), bracket: '(' });
        let unclosed = node("A(a {b").unwrap_err();
        assert_eq!(unclosed, ParseError::BracketInLabel { line: 1, column: 5, node: "A".into(), bracket: '{' });
        assert_eq!(defined("A[\"f(x) [y]\"]"), (Shape::Rectangle, "f(x) [y]".into()));
    }

    #[test]
    fn a_bare_id_leaves_the_cursor_after_it() {
        let mut cursor = Cursor::new("A --> B", 1);
        let node = parse_node(&mut cursor).unwrap().unwrap();
        assert_eq!((node.id.as_str(), node.definition), ("A", None));
        assert_eq!(cursor.column(), 2);
        assert_eq!(parse_node(&mut Cursor::new("--> B", 1)).unwrap(), None);
    }

    #[test]
    fn class_shorthand_is_read() {
        let mut cursor = Cursor::new("A[x]:::hot --> B", 1);
        let node = parse_node(&mut cursor).unwrap().unwrap();
        assert_eq!(node.class, Some(("hot".into(), 1, 5)));
        assert_eq!(cursor.column(), 11);
    }

    #[test]
    fn unclosed_and_unsupported_brackets_are_errors() {
        let unclosed = node("B{oops").unwrap_err();
        assert_eq!(
            unclosed.to_string(),
            "line 1, column 2: the label of node \"B\" is never closed: expected \"}\" on the same line"
        );
        let quote = node("A[\"x]").unwrap_err();
        assert_eq!(quote, ParseError::UnclosedQuote { line: 1, column: 3 });
        let after_quote = node("A[\"x\" y]").unwrap_err();
        assert_eq!(after_quote.column(), 7);
        let double = node("A(((x)))").unwrap_err();
        assert_eq!(double, ParseError::UnsupportedShape { line: 1, column: 2, opener: "(((".into() });
    }
}
