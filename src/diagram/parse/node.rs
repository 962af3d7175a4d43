//! One node reference: an id, then optionally a label in brackets that give the shape.
//!
//! ```text
//! A            rectangle, no label given (the id is shown)
//! A[text]      rectangle          A(text)     rounded
//! A([text])    stadium            A((text))   circle
//! A{text}      diamond            A>text]     asymmetric (flag)
//! A["a ] | b"] quoted: any character but " inside
//! A:::name     a class shorthand, accepted and ignored
//! ```

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
    /// Where a `:::class` shorthand was written, as (line, column).
    pub class_at: Option<(usize, usize)>,
}

/// Openers this parser does not support, checked before the supported ones they start with.
const UNSUPPORTED_OPENERS: [&str; 6] = ["(((", "[[", "[(", "[/", "[\\", "{{"];

/// Supported openers, longest first, with the shape and the closer.
const OPENERS: [(&str, Shape, &str); 6] = [
    ("((", Shape::Circle, "))"),
    ("([", Shape::Stadium, "])"),
    ("(", Shape::Rounded, ")"),
    ("[", Shape::Rectangle, "]"),
    ("{", Shape::Diamond, "}"),
    (">", Shape::Asymmetric, "]"),
];

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
    let class_at = (cursor.starts_with(":::")).then(|| {
        let at = (cursor.line, cursor.column());
        cursor.eat(":::");
        cursor.eat_id();
        at
    });
    Ok(Some(NodeRef { id, definition, class_at }))
}

/// Reads brackets and the label in them, if brackets open at the cursor.
fn parse_label(cursor: &mut Cursor, id: &str) -> Result<Option<(Shape, String)>, ParseError> {
    let (line, column) = (cursor.line, cursor.column());
    if let Some(opener) = UNSUPPORTED_OPENERS.iter().find(|opener| cursor.starts_with(opener)) {
        return Err(ParseError::UnsupportedShape { line, column, opener: opener.to_string() });
    }
    let Some(&(opener, shape, closer)) = OPENERS.iter().find(|(opener, ..)| cursor.starts_with(opener)) else {
        return Ok(None);
    };
    cursor.eat(opener);
    let unclosed = ParseError::UnclosedLabel { line, column, node: id.to_string(), closer };
    let start = cursor.pos();
    cursor.skip_spaces();
    let label = if cursor.peek() == Some('"') {
        let text = read_quoted(cursor)?;
        cursor.skip_spaces();
        if !cursor.eat(closer) {
            return Err(ParseError::ExpectedCloser {
                line,
                column: cursor.column(),
                node: id.to_string(),
                closer,
                found: cursor.found(),
            });
        }
        text
    } else {
        cursor.set_pos(start);
        let end = cursor.find(closer).ok_or(unclosed)?;
        let text = cursor.slice(start, end);
        cursor.set_pos(end);
        cursor.eat(closer);
        text.trim().to_string()
    };
    Ok(Some((shape, label)))
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
    fn class_shorthand_is_skipped_and_recorded() {
        let mut cursor = Cursor::new("A[x]:::hot --> B", 1);
        let node = parse_node(&mut cursor).unwrap().unwrap();
        assert_eq!(node.class_at, Some((1, 5)));
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
        let subroutine = node("A[[x]]").unwrap_err();
        assert_eq!(subroutine, ParseError::UnsupportedShape { line: 1, column: 2, opener: "[[".into() });
    }
}
