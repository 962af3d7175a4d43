//! The line that opens a subgraph: `subgraph`, then an id, a title, or both.
//!
//! ```text
//! subgraph train                 id "train", title "train"
//! subgraph train [Training]      id "train", title "Training"  (also train["Training"])
//! subgraph Model training        no id (Mermaid's subGraph<n>), title "Model training"
//! subgraph "Model: training"     no id, the quoted title
//! subgraph                       no id, no title
//! ```
//!
//! `direction TB|BT|LR|RL` inside it sets how its nodes run; `end` closes it.

use super::cursor::Cursor;
use super::error::ParseError;
use super::node::read_quoted;

/// The id (when one is written) and the title, from the cursor (just after `subgraph`) to the end
/// of the line or a `%%` comment.
pub(crate) fn parse_subgraph_header(cursor: &mut Cursor) -> Result<(Option<String>, String), ParseError> {
    cursor.skip_spaces();
    let end = cursor.find("%%").unwrap_or(cursor.line_len());
    let rest = |cursor: &Cursor| cursor.slice(cursor.pos(), end).trim().trim_end_matches(';').trim().to_string();
    if cursor.pos() >= end {
        return Ok((None, String::new()));
    }
    if cursor.peek() == Some('"') {
        let title = read_quoted(cursor)?;
        cursor.set_pos(end);
        return Ok((None, title));
    }
    let start = cursor.pos();
    let id = cursor.eat_id();
    let after_id = cursor.pos();
    cursor.skip_spaces();
    if !id.is_empty() && cursor.peek() == Some('[') {
        let (line, column) = (cursor.line, cursor.column());
        cursor.bump();
        cursor.skip_spaces();
        let title = if cursor.peek() == Some('"') {
            read_quoted(cursor)?
        } else {
            let close = cursor.find("]").filter(|&at| at < end).ok_or(ParseError::UnclosedLabel {
                line,
                column,
                node: id.clone(),
                closer: "]",
            })?;
            let title = cursor.slice(cursor.pos(), close).trim().to_string();
            cursor.set_pos(close);
            title
        };
        cursor.skip_spaces();
        if !cursor.eat("]") {
            return Err(ParseError::ExpectedCloser {
                line,
                column: cursor.column(),
                node: id,
                closer: "]",
                found: cursor.found(),
            });
        }
        cursor.set_pos(end);
        return Ok((Some(id), title));
    }
    cursor.set_pos(after_id);
    let whole = {
        cursor.set_pos(start);
        rest(cursor)
    };
    cursor.set_pos(end);
    if !id.is_empty() && whole == id {
        return Ok((Some(id.clone()), id));
    }
    Ok((None, whole))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(text: &str) -> (Option<String>, String) {
        parse_subgraph_header(&mut Cursor::new(text, 1)).unwrap()
    }

    #[test]
    fn every_form_of_the_header() {
        assert_eq!(header(" train"), (Some("train".into()), "train".into()));
        assert_eq!(header(" train [Training data]"), (Some("train".into()), "Training data".into()));
        assert_eq!(header(" train[\"Data: [raw]\"]"), (Some("train".into()), "Data: [raw]".into()));
        assert_eq!(header(" Model training %% note"), (None, "Model training".into()));
        assert_eq!(header(" \"Model: training\""), (None, "Model: training".into()));
        assert_eq!(header(""), (None, String::new()));
    }

    #[test]
    fn an_unclosed_title_is_an_error() {
        let error = parse_subgraph_header(&mut Cursor::new(" a [title", 1)).unwrap_err();
        assert_eq!(error, ParseError::UnclosedLabel { line: 1, column: 4, node: "a".into(), closer: "]" });
    }
}
