//! The styling statements: `classDef`, `class` and `style`, each to the end of its line.
//!
//! ```text
//! classDef hot fill:#f96,stroke:#333,stroke-width:4px;   names may be a comma list: a,b
//! class A,B hot                                          ids as a comma list, then one class
//! style A fill:rgb(255, 153, 102),color:white            one id
//! ```
//!
//! Of the properties, `fill`, `stroke` and `color` (the text) are drawn, and each must be a colour
//! [`Colour`] reads, or the statement is refused at the value; the others (`stroke-width`,
//! `stroke-dasharray`, …) are accepted and not drawn.

use super::builder::Builder;
use super::cursor::Cursor;
use super::error::ParseError;
use crate::diagram::colour::Colour;
use crate::diagram::graph::NodeStyle;

/// What each statement looks like, for its error.
const CLASS_DEF_USAGE: &str = "classDef name fill:#f96,stroke:#333";
const CLASS_USAGE: &str = "class A,B name";
const STYLE_USAGE: &str = "style A fill:#f96,stroke:#333";

/// Reads the rest of a styling statement whose keyword (at `column`) the cursor has just passed.
pub(crate) fn parse_styling(
    cursor: &mut Cursor,
    keyword: &str,
    column: usize,
    builder: &mut Builder,
) -> Result<(), ParseError> {
    let line = cursor.line;
    let usage = match keyword {
        "classDef" => CLASS_DEF_USAGE,
        "class" => CLASS_USAGE,
        _ => STYLE_USAGE,
    };
    let incomplete = ParseError::IncompleteStyling { line, column, usage };
    cursor.skip_spaces();
    let names = id_list(cursor);
    if names.is_empty() {
        return Err(incomplete);
    }
    cursor.skip_spaces();
    match keyword {
        "class" => {
            let class = cursor.eat_id();
            if class.is_empty() {
                return Err(incomplete);
            }
            for id in names {
                builder.class(id, class.clone());
            }
        }
        _ => {
            let style = properties(cursor)?;
            for name in names {
                if keyword == "classDef" {
                    builder.class_def(name, style);
                } else {
                    builder.style(name, style);
                }
            }
        }
    }
    cursor.set_pos(cursor.line_len());
    Ok(())
}

/// `a,b , c`: ids joined by commas.
fn id_list(cursor: &mut Cursor) -> Vec<String> {
    let mut ids = Vec::new();
    loop {
        let id = cursor.eat_id();
        if id.is_empty() {
            return ids;
        }
        ids.push(id);
        let before = cursor.pos();
        cursor.skip_spaces();
        if !cursor.eat(",") {
            cursor.set_pos(before);
            return ids;
        }
        cursor.skip_spaces();
    }
}

/// `key:value,key:value` to the end of the line (or a `%%` comment, or a last `;`); commas
/// inside parentheses belong to their value (`rgb(1, 2, 3)`).
fn properties(cursor: &mut Cursor) -> Result<NodeStyle, ParseError> {
    let start = cursor.pos();
    let end = cursor.find("%%").unwrap_or(cursor.line_len());
    let mut style = NodeStyle::default();
    let mut from = start;
    let mut depth = 0_usize;
    for at in start..end {
        match cursor.char_at(at) {
            Some('(') => depth += 1,
            Some(')') => depth = depth.saturating_sub(1),
            Some(',' | ';') if depth == 0 => {
                property(cursor, from, at, &mut style)?;
                from = at + 1;
            }
            _ => {}
        }
    }
    property(cursor, from, end, &mut style)?;
    Ok(style)
}

/// One `key:value` between character indices `from` and `to`.
fn property(cursor: &Cursor, from: usize, to: usize, style: &mut NodeStyle) -> Result<(), ParseError> {
    let text = cursor.slice(from, to);
    let Some((key, value)) = text.split_once(':') else { return Ok(()) };
    let key = key.trim();
    let slot = match key {
        "fill" => &mut style.fill,
        "stroke" => &mut style.stroke,
        "color" => &mut style.text,
        _ => return Ok(()),
    };
    let value_at = from + key_len(&text) + 1;
    let leading = value.chars().take_while(|c| c.is_whitespace()).count();
    let value = value.trim().trim_end_matches("!important").trim();
    let colour: Colour = value.parse().map_err(|_| ParseError::BadColour {
        line: cursor.line,
        column: value_at + leading + 1,
        property: key.to_string(),
        found: value.chars().take(40).collect(),
    })?;
    *slot = Some(colour);
    Ok(())
}

/// Characters up to the first `:`.
fn key_len(text: &str) -> usize {
    text.chars().take_while(|&c| c != ':').count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagram::colour::Colour;

    fn styled(line: &str) -> Result<NodeStyle, ParseError> {
        let mut cursor = Cursor::new(line, 1);
        properties(&mut cursor)
    }

    const RED: Colour = Colour { r: 255, g: 0, b: 0, a: 255 };

    #[test]
    fn fill_stroke_and_colour_are_read_the_rest_kept_out() {
        let style = styled("fill:#f00,stroke: rgb(0, 0, 255),stroke-width:4px,color:white;").unwrap();
        assert_eq!(style.fill, Some(RED));
        assert_eq!(style.stroke, Some(Colour { r: 0, g: 0, b: 255, a: 255 }));
        assert_eq!(style.text, Some(Colour { r: 255, g: 255, b: 255, a: 255 }));
        assert_eq!(styled("stroke-dasharray: 5 5 %% a comment").unwrap(), NodeStyle::default());
    }

    #[test]
    fn a_bad_colour_is_refused_at_its_value() {
        let error = styled("stroke:#333, fill: url(x)").unwrap_err();
        assert_eq!(
            error,
            ParseError::BadColour { line: 1, column: 20, property: "fill".into(), found: "url(x)".into() }
        );
    }
}
