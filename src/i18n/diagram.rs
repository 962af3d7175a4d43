//! The flowchart parser's errors in words ([`Words`] for [`ParseError`] and what it found), and
//! their English `Display`: `line 4, column 9: expected an arrow such as --> after node "B",
//! found "=>"`, in Chinese `第 4 行第 9 列：节点“B”之后应为 --> 这样的箭头，却遇到了“=>”`.

use super::{fill, Text, Words};
use crate::diagram::{After, Found, Limit, ParseError};

/// What was found instead, as a clause: `found "=>"`, `found the end of the line`.
impl Words for Found {
    fn words(&self, t: &'static Text) -> String {
        let t = &t.diagram;
        match self {
            Found::Text(text) => fill(t.found_text, &[("text", text)]),
            Found::EndOfLine => t.found_end_of_line.to_string(),
            Found::EndOfInput => t.found_end_of_input.to_string(),
        }
    }
}

impl Words for ParseError {
    fn words(&self, text: &'static Text) -> String {
        let t = &text.diagram;
        let problem = match self {
            ParseError::MissingHeader { found, .. } => fill(t.parse_missing_header, &[("found", &found.words(text))]),
            ParseError::UnknownDirection { found, .. } => fill(t.parse_unknown_direction, &[("found", found)]),
            ParseError::AfterHeader { found, .. } => fill(t.parse_after_header, &[("found", &found.words(text))]),
            ParseError::ExpectedNode { after, found, .. } => {
                let found = found.words(text);
                match after {
                    None => fill(t.parse_expected_node, &[("found", &found)]),
                    Some(After::Arrow(arrow)) => {
                        fill(t.parse_expected_node_after_arrow, &[("arrow", arrow), ("found", &found)])
                    }
                    Some(After::Ampersand) => fill(t.parse_expected_node_after_ampersand, &[("found", &found)]),
                }
            }
            ParseError::ExpectedArrow { node, found, .. } => {
                fill(t.parse_expected_arrow, &[("node", node), ("found", &found.words(text))])
            }
            ParseError::UnclosedLabel { node, closer, .. } => {
                fill(t.parse_unclosed_label, &[("node", node), ("closer", closer)])
            }
            ParseError::ExpectedCloser { node, closer, found, .. } => {
                fill(t.parse_expected_closer, &[("node", node), ("closer", closer), ("found", &found.words(text))])
            }
            ParseError::UnclosedQuote { .. } => t.parse_unclosed_quote.to_string(),
            ParseError::UnclosedEdgeLabel { closer, .. } => fill(t.parse_unclosed_edge_label, &[("closer", closer)]),
            ParseError::UnsupportedShape { opener, .. } => fill(t.parse_unsupported_shape, &[("opener", opener)]),
            ParseError::UnsupportedArrow { found, .. } => fill(t.parse_unsupported_arrow, &[("found", found)]),
            ParseError::BracketInLabel { node, bracket, .. } => {
                fill(t.parse_bracket_in_label, &[("node", node), ("bracket", bracket)])
            }
            ParseError::TooLarge { limit, .. } => {
                let template = match limit {
                    Limit::Characters(_) => t.parse_too_many_characters,
                    Limit::Nodes(_) => t.parse_too_many_nodes,
                    Limit::Edges(_) => t.parse_too_many_edges,
                };
                fill(template, &[("limit", &grouped(limit.value()))])
            }
            ParseError::UnclosedSubgraph { id, .. } => fill(t.parse_unclosed_subgraph, &[("id", id)]),
            ParseError::EndWithoutSubgraph { .. } => t.parse_end_without_subgraph.to_string(),
            ParseError::EdgeToSubgraph { id, .. } => fill(t.parse_edge_to_subgraph, &[("id", id)]),
            ParseError::IncompleteStyling { usage, .. } => fill(t.parse_incomplete_styling, &[("usage", usage)]),
            ParseError::BadColour { property, found, .. } => {
                fill(t.parse_bad_colour, &[("property", property), ("found", found)])
            }
            ParseError::SecondHeader { keyword, .. } => fill(t.parse_second_header, &[("keyword", keyword)]),
            ParseError::UnclosedFrontMatter { .. } => t.parse_unclosed_front_matter.to_string(),
        };
        fill(t.parse_at, &[("line", &self.line()), ("column", &self.column()), ("problem", &problem)])
    }
}

/// `200000` as `200,000`: a bound reads the same in both languages.
fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (at, c) in digits.chars().enumerate() {
        if at > 0 && (digits.len() - at).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

english_display!(ParseError);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::check::assert_words;
    use crate::i18n::Lang;

    #[test]
    fn messages_lead_with_line_and_column() {
        let error = ParseError::ExpectedArrow { line: 4, column: 9, node: "B".into(), found: Found::Text("=>".into()) };
        assert_eq!(error.to_string(), "line 4, column 9: expected an arrow such as --> after node \"B\", found \"=>\"");
        assert_eq!(error.in_lang(Lang::Zh), "第 4 行第 9 列：节点“B”之后应为 --> 这样的箭头，却遇到了“=>”");
    }

    #[test]
    fn found_names_the_end_of_a_line() {
        let error = ParseError::ExpectedNode {
            line: 2,
            column: 8,
            after: Some(After::Arrow("-->".into())),
            found: Found::EndOfLine,
        };
        assert_eq!(
            error.to_string(),
            "line 2, column 8: expected a node id after the arrow -->, found the end of the line"
        );
    }

    #[test]
    fn bounds_are_named_with_their_figure() {
        let error = ParseError::TooLarge { line: 9, column: 3, limit: Limit::Nodes(2_000) };
        assert_eq!(error.to_string(), "line 9, column 3: too many nodes: a diagram may have at most 2,000");
        assert_eq!(error.in_lang(Lang::Zh), "第 9 行第 3 列：节点太多：一张图最多 2,000 个节点");
        let long = ParseError::TooLarge { line: 1, column: 5, limit: Limit::Characters(200_000) };
        assert!(long.to_string().ends_with("at most 200,000 characters"), "{long}");
        assert_eq!(grouped(7), "7");
        assert_eq!(grouped(1_234_567), "1,234,567");
    }

    #[test]
    fn braces_of_the_shapes_list_are_kept() {
        let error = ParseError::UnsupportedShape { line: 2, column: 2, opener: "(((".into() };
        assert!(
            error.to_string().contains("((text)), {text}, >text], [[text]], [(text)], {{text}}, [/text/]"),
            "{error}"
        );
        assert!(error.in_lang(Lang::Zh).contains("((文字))、{文字}、"));
    }

    #[test]
    fn every_error_says_itself_in_both_languages_with_the_same_figures() {
        let text = || Found::Text("=>".into());
        let all = [
            ParseError::MissingHeader { line: 1, column: 1, found: Found::Text("A".into()) },
            ParseError::MissingHeader { line: 1, column: 1, found: Found::EndOfInput },
            ParseError::UnknownDirection { line: 1, column: 7, found: "XY".into() },
            ParseError::AfterHeader { line: 1, column: 10, found: Found::Text("A".into()) },
            ParseError::ExpectedNode {
                line: 2,
                column: 8,
                after: Some(After::Arrow("-.->".into())),
                found: Found::EndOfLine,
            },
            ParseError::ExpectedNode { line: 2, column: 5, after: Some(After::Ampersand), found: text() },
            ParseError::ExpectedNode { line: 3, column: 1, after: None, found: Found::EndOfInput },
            ParseError::ExpectedArrow { line: 4, column: 9, node: "B".into(), found: text() },
            ParseError::UnclosedLabel { line: 5, column: 2, node: "A".into(), closer: "])" },
            ParseError::ExpectedCloser { line: 6, column: 12, node: "A".into(), closer: "]", found: text() },
            ParseError::UnclosedQuote { line: 7, column: 3 },
            ParseError::UnclosedEdgeLabel { line: 8, column: 6, closer: "-->" },
            ParseError::UnsupportedShape { line: 9, column: 2, opener: "[[".into() },
            ParseError::UnsupportedArrow { line: 10, column: 3, found: "<-->".into() },
            ParseError::BracketInLabel { line: 11, column: 14, node: "A".into(), bracket: '[' },
            ParseError::TooLarge { line: 12, column: 1, limit: Limit::Characters(200_000) },
            ParseError::TooLarge { line: 12, column: 1, limit: Limit::Nodes(2_000) },
            ParseError::TooLarge { line: 12, column: 1, limit: Limit::Edges(2_000) },
            ParseError::UnclosedSubgraph { line: 14, column: 1, id: "train".into() },
            ParseError::EndWithoutSubgraph { line: 15, column: 3 },
            ParseError::EdgeToSubgraph { line: 16, column: 7, id: "train".into() },
            ParseError::IncompleteStyling { line: 17, column: 1, usage: "class A,B name" },
            ParseError::BadColour { line: 18, column: 12, property: "fill".into(), found: "url(x)".into() },
            ParseError::SecondHeader { line: 13, column: 1, keyword: "graph".into() },
            ParseError::UnclosedFrontMatter { line: 1, column: 1 },
        ];
        for error in &all {
            assert_words(error);
        }
        assert_eq!(all[4].in_lang(Lang::Zh), "第 2 行第 8 列：箭头 -.-> 之后应为节点 id，却遇到了行尾");
        for found in [text(), Found::EndOfLine, Found::EndOfInput] {
            assert_words(&found);
        }
    }
}
