//! One arrow between nodes: its stroke, its head, and an optional label.
//!
//! ```text
//! -->   arrow          ---   open line      ~~~  invisible
//! -.->  dotted arrow   -.-   dotted line
//! ==>   thick arrow    ===   thick line
//! -->|text|  -- text -->  -. text .->  == text ==>   labelled
//! ```
//!
//! Longer arrows (`--->`, `-..->`, `====>`) mean the same as the short ones.

use super::cursor::{is_id_char, Cursor};
use super::error::ParseError;
use super::node::read_quoted;
use crate::diagram::graph::EdgeStyle;

/// An arrow as written: its style and label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Arrow {
    /// Stroke and head.
    pub style: EdgeStyle,
    /// The label, trimmed; `None` when absent or blank.
    pub label: Option<String>,
    /// The arrow's text without its label, e.g. `-->`, for messages.
    pub written: String,
}

/// Reads an arrow at the cursor; `Ok(None)` (cursor unmoved) when none starts here.
pub(crate) fn parse_arrow(cursor: &mut Cursor) -> Result<Option<Arrow>, ParseError> {
    let start = cursor.pos();
    let (line, column) = (cursor.line, cursor.column());
    let unsupported = |cursor: &Cursor| {
        let length = (start..).take_while(|&at| cursor.char_at(at).is_some_and(|c| "<>-=.ox~".contains(c))).count();
        ParseError::UnsupportedArrow { line, column, found: cursor.slice(start, start + length) }
    };
    let parsed = match cursor.peek() {
        Some('<') if matches!(cursor.peek_at(1), Some('-' | '=' | '.')) => return Err(unsupported(cursor)),
        Some('-') => dashed(cursor, &unsupported)?,
        Some('=') => thick(cursor)?,
        Some('~') => (cursor.eat_while(|c| c == '~') >= 3).then_some((EdgeStyle::Invisible, None)),
        _ => None,
    };
    let Some((style, mut label)) = parsed else {
        cursor.set_pos(start);
        return Ok(None);
    };
    let written = cursor.slice(start, cursor.pos());
    let after_arrow = cursor.pos();
    cursor.skip_spaces();
    if cursor.peek() == Some('|') {
        label = Some(pipe_label(cursor)?);
    } else {
        cursor.set_pos(after_arrow);
    }
    let label = label.map(|text| text.trim().to_string()).filter(|text| !text.is_empty());
    Ok(Some(Arrow { style, label, written }))
}

type Parsed = Option<(EdgeStyle, Option<String>)>;

/// `-->`, `---`, `-.->`, `-.-`, `-- text -->`, `-. text .->`.
fn dashed(cursor: &mut Cursor, unsupported: &dyn Fn(&Cursor) -> ParseError) -> Result<Parsed, ParseError> {
    let dashes = cursor.eat_while(|c| c == '-');
    if cursor.peek() == Some('.') {
        let dots = cursor.eat_while(|c| c == '.');
        if cursor.eat("-") {
            let style = if cursor.eat(">") { EdgeStyle::Dotted } else { EdgeStyle::DottedOpen };
            return Ok(Some((style, None)));
        }
        if dashes != 1 || dots != 1 {
            return Ok(None);
        }
        let (line, column) = (cursor.line, cursor.column());
        let end = cursor.find(".-").ok_or(ParseError::UnclosedEdgeLabel { line, column, closer: ".->" })?;
        let text = cursor.slice(cursor.pos(), end);
        cursor.set_pos(end + 2);
        let style = if cursor.eat(">") { EdgeStyle::Dotted } else { EdgeStyle::DottedOpen };
        return Ok(Some((style, Some(text))));
    }
    match (dashes, cursor.peek()) {
        (2.., Some('>')) => {
            cursor.bump();
            Ok(Some((EdgeStyle::Arrow, None)))
        }
        (3.., _) => Ok(Some((EdgeStyle::Open, None))),
        (2, Some('o' | 'x')) if !cursor.peek_at(1).is_some_and(is_id_char) => Err(unsupported(cursor)),
        (2, _) => text_label(cursor, '-', (EdgeStyle::Arrow, EdgeStyle::Open), "-->").map(Some),
        _ => Ok(None),
    }
}

/// `==>`, `===`, `== text ==>`.
fn thick(cursor: &mut Cursor) -> Result<Parsed, ParseError> {
    let strokes = cursor.eat_while(|c| c == '=');
    match (strokes, cursor.peek()) {
        (2.., Some('>')) => {
            cursor.bump();
            Ok(Some((EdgeStyle::Thick, None)))
        }
        (3.., _) => Ok(Some((EdgeStyle::ThickOpen, None))),
        (2, _) => text_label(cursor, '=', (EdgeStyle::Thick, EdgeStyle::ThickOpen), "==>").map(Some),
        _ => Ok(None),
    }
}

/// The text after `--` (or `==`) up to the closing `-->` / `---` (or `==>` / `===`).
fn text_label(
    cursor: &mut Cursor,
    stroke: char,
    (headed, open): (EdgeStyle, EdgeStyle),
    closer: &'static str,
) -> Result<(EdgeStyle, Option<String>), ParseError> {
    let (line, column) = (cursor.line, cursor.column());
    let pair: String = [stroke, stroke].iter().collect();
    let mut from = cursor.pos();
    while let Some(at) = cursor.find_from(&pair, from) {
        let run = cursor.run_length(stroke, at);
        let style = match cursor.char_at(at + run) {
            Some('>') => Some((headed, at + run + 1)),
            _ if run >= 3 => Some((open, at + run)),
            _ => None,
        };
        if let Some((style, end)) = style {
            let text = cursor.slice(cursor.pos(), at);
            cursor.set_pos(end);
            return Ok((style, Some(text)));
        }
        from = at + run;
    }
    Err(ParseError::UnclosedEdgeLabel { line, column, closer })
}

/// `|text|` or `|"text"|` at the cursor.
fn pipe_label(cursor: &mut Cursor) -> Result<String, ParseError> {
    let (line, column) = (cursor.line, cursor.column());
    cursor.bump();
    let unclosed = ParseError::UnclosedEdgeLabel { line, column, closer: "|" };
    let start = cursor.pos();
    cursor.skip_spaces();
    if cursor.peek() == Some('"') {
        let text = read_quoted(cursor)?;
        cursor.skip_spaces();
        return if cursor.eat("|") { Ok(text) } else { Err(unclosed) };
    }
    let end = cursor.find_from("|", start).ok_or(unclosed)?;
    let text = cursor.slice(start, end);
    cursor.set_pos(end + 1);
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn arrow(text: &str) -> (EdgeStyle, Option<String>, usize) {
        let mut cursor = Cursor::new(text, 1);
        let arrow = parse_arrow(&mut cursor).unwrap().unwrap();
        (arrow.style, arrow.label, cursor.column())
    }

    #[test]
    fn every_style_is_recognised() {
        assert_eq!(arrow("--> B"), (EdgeStyle::Arrow, None, 4));
        assert_eq!(arrow("---> B"), (EdgeStyle::Arrow, None, 5));
        assert_eq!(arrow("--- B"), (EdgeStyle::Open, None, 4));
        assert_eq!(arrow("-.-> B"), (EdgeStyle::Dotted, None, 5));
        assert_eq!(arrow("-..-> B"), (EdgeStyle::Dotted, None, 6));
        assert_eq!(arrow("-.- B"), (EdgeStyle::DottedOpen, None, 4));
        assert_eq!(arrow("==> B"), (EdgeStyle::Thick, None, 4));
        assert_eq!(arrow("=== B"), (EdgeStyle::ThickOpen, None, 4));
        assert_eq!(arrow("~~~ B"), (EdgeStyle::Invisible, None, 4));
    }

    #[test]
    fn labels_in_both_syntaxes() {
        assert_eq!(arrow("-->|yes| B"), (EdgeStyle::Arrow, Some("yes".into()), 9));
        assert_eq!(arrow("--> | 是 | B"), (EdgeStyle::Arrow, Some("是".into()), 10));
        assert_eq!(arrow("-->|\"a | b\"| B"), (EdgeStyle::Arrow, Some("a | b".into()), 13));
        assert_eq!(arrow("-- yes --> B"), (EdgeStyle::Arrow, Some("yes".into()), 11));
        assert_eq!(arrow("-- a-b --- B"), (EdgeStyle::Open, Some("a-b".into()), 11));
        assert_eq!(arrow("-. maybe .-> B"), (EdgeStyle::Dotted, Some("maybe".into()), 13));
        assert_eq!(arrow("== sure ==> B"), (EdgeStyle::Thick, Some("sure".into()), 12));
        assert_eq!(arrow("-->|  | B"), (EdgeStyle::Arrow, None, 8));
    }

    #[test]
    fn non_arrows_leave_the_cursor() {
        for text in ["=> B", "-> B", "= B", "~~ B", "B", ""] {
            let mut cursor = Cursor::new(text, 1);
            assert_eq!(parse_arrow(&mut cursor).unwrap(), None, "{text}");
            assert_eq!(cursor.pos(), 0);
        }
    }

    #[test]
    fn unsupported_and_unclosed_arrows_are_errors() {
        let both = parse_arrow(&mut Cursor::new("<--> B", 1)).unwrap_err();
        assert_eq!(both, ParseError::UnsupportedArrow { line: 1, column: 1, found: "<-->".into() });
        let circle = parse_arrow(&mut Cursor::new("--o B", 1)).unwrap_err();
        assert_eq!(circle, ParseError::UnsupportedArrow { line: 1, column: 1, found: "--o".into() });
        let open = parse_arrow(&mut Cursor::new("-- yes B", 1)).unwrap_err();
        assert_eq!(open, ParseError::UnclosedEdgeLabel { line: 1, column: 3, closer: "-->" });
        let pipe = parse_arrow(&mut Cursor::new("-->|yes B", 1)).unwrap_err();
        assert_eq!(pipe, ParseError::UnclosedEdgeLabel { line: 1, column: 4, closer: "|" });
    }
}
