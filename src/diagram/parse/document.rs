//! A whole flowchart: optional front matter, a header, then statements line by line.
//!
//! ```text
//! ---                      front matter (optional, skipped)
//! title: Example
//! ---
//! %% a comment             comments take a whole line, or the end of one
//! graph TD                 or flowchart; TD = TB, BT, LR, RL; no direction means TB
//!     A[Start] --> B{Ok?}  %% statements, one or more per line, separated by ;
//! ```
//!
//! `graph TD; A --> B` also works: statements may follow the header after a `;`.

use super::builder::Builder;
use super::cursor::Cursor;
use super::error::ParseError;
use super::found::Found;
use super::limits::{past_char_limit, Limit, MAX_SOURCE_CHARS};
use super::statement::parse_statements;
use crate::diagram::graph::{Direction, Flowchart};

/// Parses Mermaid flowchart text into a [`Flowchart`], or says what is wrong and where.
///
/// ```
/// use mlp_lab::diagram::{parse, Direction};
/// let chart = parse("graph LR\n  A[计算资源] --> B[数据集]").unwrap();
/// assert_eq!(chart.direction, Direction::LeftRight);
/// assert_eq!(chart.nodes[1].label, "数据集");
/// ```
pub fn parse(source: &str) -> Result<Flowchart, ParseError> {
    if let Some((line, column)) = past_char_limit(source) {
        return Err(ParseError::TooLarge { line, column, limit: Limit::Characters(MAX_SOURCE_CHARS) });
    }
    let lines: Vec<&str> = source.lines().collect();
    let mut builder = Builder::default();
    let mut header_seen = false;
    for (index, text) in lines.iter().enumerate().skip(front_matter_end(&lines)?) {
        let mut cursor = Cursor::new(text, index + 1);
        if !header_seen {
            cursor.skip_spaces();
            if cursor.at_end() || cursor.starts_with("%%") {
                continue;
            }
            builder.chart.direction = parse_header(&mut cursor)?;
            header_seen = true;
            cursor.skip_spaces();
            if !(cursor.at_end() || cursor.starts_with("%%") || cursor.eat(";")) {
                return Err(ParseError::AfterHeader {
                    line: cursor.line,
                    column: cursor.column(),
                    found: cursor.found(),
                });
            }
        }
        parse_statements(&mut cursor, &mut builder)?;
    }
    if !header_seen {
        return Err(ParseError::MissingHeader { line: lines.len().max(1), column: 1, found: Found::EndOfInput });
    }
    builder.finish()
}

/// The index of the first line after the front matter (0 when there is none).
fn front_matter_end(lines: &[&str]) -> Result<usize, ParseError> {
    let Some(open) = lines.iter().position(|line| !line.trim().is_empty()) else { return Ok(0) };
    if lines[open].trim() != "---" {
        return Ok(0);
    }
    let column = lines[open].chars().take_while(|c| c.is_whitespace()).count() + 1;
    match lines.iter().skip(open + 1).position(|line| line.trim() == "---") {
        Some(close) => Ok(open + close + 2),
        None => Err(ParseError::UnclosedFrontMatter { line: open + 1, column }),
    }
}

/// Reads `graph` or `flowchart` and an optional direction.
fn parse_header(cursor: &mut Cursor) -> Result<Direction, ParseError> {
    let (line, column) = (cursor.line, cursor.column());
    let keyword = cursor.eat_id();
    if keyword != "graph" && keyword != "flowchart" {
        let found = if keyword.is_empty() { cursor.found() } else { Found::Text(keyword) };
        return Err(ParseError::MissingHeader { line, column, found });
    }
    let after_keyword = cursor.pos();
    cursor.skip_spaces();
    if cursor.at_end() || cursor.starts_with("%%") || cursor.peek() == Some(';') {
        return Ok(Direction::TopBottom);
    }
    if cursor.pos() == after_keyword {
        let keyword_and_more = Found::Text(cursor.slice(column - 1, cursor.pos() + 6));
        return Err(ParseError::MissingHeader { line, column, found: keyword_and_more });
    }
    let column = cursor.column();
    let start = cursor.pos();
    cursor.eat_while(|c| !c.is_whitespace() && c != ';');
    let word = cursor.slice(start, cursor.pos());
    Direction::from_keyword(&word).ok_or(ParseError::UnknownDirection { line, column, found: word })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagram::graph::EdgeStyle;

    #[test]
    fn header_directions() {
        for (text, direction) in [
            ("graph TD", Direction::TopBottom),
            ("graph TB", Direction::TopBottom),
            ("flowchart BT", Direction::BottomTop),
            ("graph LR", Direction::LeftRight),
            ("  flowchart RL  %% comment", Direction::RightLeft),
            ("graph", Direction::TopBottom),
            ("graph;", Direction::TopBottom),
        ] {
            assert_eq!(parse(text).unwrap().direction, direction, "{text}");
        }
    }

    #[test]
    fn statements_may_follow_the_header() {
        let chart = parse("graph TD; A-->B; B---C").unwrap();
        assert_eq!(chart.edges.len(), 2);
        assert_eq!(chart.edges[1].style, EdgeStyle::Open);
    }

    #[test]
    fn comments_blank_lines_and_front_matter_are_skipped() {
        let text = "\n---\ntitle: x\n---\n%% first\n\ngraph LR\n  %% whole line\n  A --> B %% trailing\n";
        let chart = parse(text).unwrap();
        assert_eq!(chart.nodes.len(), 2);
        assert_eq!(chart.edges.len(), 1);
    }

    #[test]
    fn header_errors() {
        assert_eq!(
            parse("").unwrap_err().to_string(),
            "line 1, column 1: expected a header such as \"graph TD\" or \"flowchart LR\", found the end of the text"
        );
        assert_eq!(
            parse("\n  A --> B").unwrap_err().to_string(),
            "line 2, column 3: expected a header such as \"graph TD\" or \"flowchart LR\", found \"A\""
        );
        assert_eq!(
            parse("graph XY").unwrap_err().to_string(),
            "line 1, column 7: unknown direction \"XY\": use TD, TB, BT, LR or RL"
        );
        assert_eq!(parse("graphTD").unwrap_err().column(), 1);
        assert_eq!(
            parse("graph TD A-->B").unwrap_err().to_string(),
            "line 1, column 10: expected \";\" or the end of the line after the header, found \"A\""
        );
        assert_eq!(
            parse("---\ntitle: x\ngraph TD").unwrap_err(),
            ParseError::UnclosedFrontMatter { line: 1, column: 1 }
        );
    }
}
