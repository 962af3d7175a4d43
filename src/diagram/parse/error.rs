//! Errors of the flowchart parser: each names the line and column (in characters, from 1) and
//! reads as a sentence, e.g. `line 4, column 9: expected an arrow such as --> after node "B",
//! found "=>"`; in Chinese (beside it) `第 4 行第 9 列：节点“B”之后应为 --> 这样的箭头，却遇到了“=>”`.

use std::fmt;

use crate::i18n::Localize;

use super::found::{After, Found};

/// Why a flowchart could not be parsed, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseError {
    /// The first statement is not `graph` or `flowchart`.
    MissingHeader {
        /// Line, from 1.
        line: usize,
        /// Column in characters, from 1.
        column: usize,
        /// What stands there instead.
        found: Found,
    },
    /// The header names a direction other than TD, TB, BT, LR or RL.
    UnknownDirection {
        /// Line, from 1.
        line: usize,
        /// Column in characters, from 1.
        column: usize,
        /// The word written.
        found: String,
    },
    /// Something follows the header's direction on its line.
    AfterHeader {
        /// Line, from 1.
        line: usize,
        /// Column in characters, from 1.
        column: usize,
        /// What follows.
        found: Found,
    },
    /// A node id is missing (at the start of a statement, after an arrow or after `&`).
    ExpectedNode {
        /// Line, from 1.
        line: usize,
        /// Column in characters, from 1.
        column: usize,
        /// What came before (an arrow or `&`); `None` at the start of a statement.
        after: Option<After>,
        /// What stands there instead.
        found: Found,
    },
    /// A node is followed by something that is neither an arrow, `&`, `;` nor the end of the line.
    ExpectedArrow {
        /// Line, from 1.
        line: usize,
        /// Column in characters, from 1.
        column: usize,
        /// The id of the node before.
        node: String,
        /// What stands there instead.
        found: Found,
    },
    /// A node's label is opened but its closing bracket is missing.
    UnclosedLabel {
        /// Line of the opening bracket, from 1.
        line: usize,
        /// Column of the opening bracket, from 1.
        column: usize,
        /// The node's id.
        node: String,
        /// The closing bracket expected, e.g. `])`.
        closer: &'static str,
    },
    /// A quoted label is followed by something other than its closing bracket.
    ExpectedCloser {
        /// Line, from 1.
        line: usize,
        /// Column in characters, from 1.
        column: usize,
        /// The node's id.
        node: String,
        /// The closing bracket expected.
        closer: &'static str,
        /// What stands there instead.
        found: Found,
    },
    /// A `"` opens a quoted label that never closes on its line.
    UnclosedQuote {
        /// Line of the opening quote, from 1.
        line: usize,
        /// Column of the opening quote, from 1.
        column: usize,
    },
    /// An edge label (`|text|`, `-- text -->`) is never closed on its line.
    UnclosedEdgeLabel {
        /// Line where the label starts, from 1.
        line: usize,
        /// Column where the label starts, from 1.
        column: usize,
        /// What should close it, e.g. `|` or `-->`.
        closer: &'static str,
    },
    /// A Mermaid node shape this parser does not draw, e.g. `[[text]]`.
    UnsupportedShape {
        /// Line, from 1.
        line: usize,
        /// Column of the opening bracket, from 1.
        column: usize,
        /// The opening bracket, e.g. `[[`.
        opener: String,
    },
    /// A Mermaid arrow this parser does not draw, e.g. `<-->` or `--o`.
    UnsupportedArrow {
        /// Line, from 1.
        line: usize,
        /// Column in characters, from 1.
        column: usize,
        /// The arrow written.
        found: String,
    },
    /// `subgraph ... end`, which this parser does not support yet.
    Subgraph {
        /// Line, from 1.
        line: usize,
        /// Column of the keyword, from 1.
        column: usize,
        /// `subgraph` or `end`.
        keyword: &'static str,
    },
    /// `graph` or `flowchart` again after the header.
    SecondHeader {
        /// Line, from 1.
        line: usize,
        /// Column of the keyword, from 1.
        column: usize,
        /// The keyword.
        keyword: String,
    },
    /// A front matter block (`---` ... `---`) that is never closed.
    UnclosedFrontMatter {
        /// Line of the opening `---`, from 1.
        line: usize,
        /// Column of the opening `---`, from 1.
        column: usize,
    },
}

impl ParseError {
    /// The line of the error, from 1.
    pub fn line(&self) -> usize {
        self.position().0
    }

    /// The column of the error, in characters from 1.
    pub fn column(&self) -> usize {
        self.position().1
    }

    fn position(&self) -> (usize, usize) {
        match *self {
            ParseError::MissingHeader { line, column, .. }
            | ParseError::UnknownDirection { line, column, .. }
            | ParseError::AfterHeader { line, column, .. }
            | ParseError::ExpectedNode { line, column, .. }
            | ParseError::ExpectedArrow { line, column, .. }
            | ParseError::UnclosedLabel { line, column, .. }
            | ParseError::ExpectedCloser { line, column, .. }
            | ParseError::UnclosedQuote { line, column }
            | ParseError::UnclosedEdgeLabel { line, column, .. }
            | ParseError::UnsupportedShape { line, column, .. }
            | ParseError::UnsupportedArrow { line, column, .. }
            | ParseError::Subgraph { line, column, .. }
            | ParseError::SecondHeader { line, column, .. }
            | ParseError::UnclosedFrontMatter { line, column } => (line, column),
        }
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, column {}: ", self.line(), self.column())?;
        match self {
            ParseError::MissingHeader { found, .. } => {
                write!(f, "expected a header such as \"graph TD\" or \"flowchart LR\", found {found}")
            }
            ParseError::UnknownDirection { found, .. } => {
                write!(f, "unknown direction \"{found}\": use TD, TB, BT, LR or RL")
            }
            ParseError::AfterHeader { found, .. } => {
                write!(f, "expected \";\" or the end of the line after the header, found {found}")
            }
            ParseError::ExpectedNode { after: Some(after), found, .. } => {
                write!(f, "expected a node id after {after}, found {found}")
            }
            ParseError::ExpectedNode { after: None, found, .. } => write!(f, "expected a node id, found {found}"),
            ParseError::ExpectedArrow { node, found, .. } => {
                write!(f, "expected an arrow such as --> after node \"{node}\", found {found}")
            }
            ParseError::UnclosedLabel { node, closer, .. } => {
                write!(f, "the label of node \"{node}\" is never closed: expected \"{closer}\" on the same line")
            }
            ParseError::ExpectedCloser { node, closer, found, .. } => {
                write!(f, "expected \"{closer}\" to close the label of node \"{node}\", found {found}")
            }
            ParseError::UnclosedQuote { .. } => write!(f, "this quote is never closed: expected \" on the same line"),
            ParseError::UnclosedEdgeLabel { closer, .. } => {
                write!(f, "this edge label is never closed: expected \"{closer}\" on the same line")
            }
            ParseError::UnsupportedShape { opener, .. } => write!(
                f,
                "the shape \"{opener}\" is not supported yet: use [text], (text), ([text]), ((text)), {{text}} or >text]"
            ),
            ParseError::UnsupportedArrow { found, .. } => write!(
                f,
                "the arrow \"{found}\" is not supported yet: use -->, ---, -.->, -.-, ==>, === or ~~~"
            ),
            ParseError::Subgraph { keyword: "end", .. } => {
                write!(f, "\"end\" closes a subgraph, and subgraphs are not supported yet")
            }
            ParseError::Subgraph { .. } => write!(f, "subgraphs are not supported yet"),
            ParseError::SecondHeader { keyword, .. } => {
                write!(f, "\"{keyword}\" starts a diagram, and this one already started on an earlier line")
            }
            ParseError::UnclosedFrontMatter { .. } => {
                write!(f, "the front matter opened by \"---\" is never closed by another \"---\" line")
            }
        }
    }
}

impl Localize for ParseError {
    fn zh(&self) -> String {
        let what = match self {
            ParseError::MissingHeader { found, .. } => {
                format!("应以“graph TD”或“flowchart LR”这样的表头开头，却遇到了{}", found.zh())
            }
            ParseError::UnknownDirection { found, .. } => format!("未知的方向“{found}”：请用 TD、TB、BT、LR 或 RL"),
            ParseError::AfterHeader { found, .. } => format!("表头之后应为“;”或行尾，却遇到了{}", found.zh()),
            ParseError::ExpectedNode { after: Some(after), found, .. } => {
                format!("{} 之后应为节点 id，却遇到了{}", after.zh(), found.zh())
            }
            ParseError::ExpectedNode { after: None, found, .. } => format!("应为节点 id，却遇到了{}", found.zh()),
            ParseError::ExpectedArrow { node, found, .. } => {
                format!("节点“{node}”之后应为 --> 这样的箭头，却遇到了{}", found.zh())
            }
            ParseError::UnclosedLabel { node, closer, .. } => {
                format!("节点“{node}”的标签没有闭合：同一行上应有“{closer}”")
            }
            ParseError::ExpectedCloser { node, closer, found, .. } => {
                format!("应有“{closer}”来闭合节点“{node}”的标签，却遇到了{}", found.zh())
            }
            ParseError::UnclosedQuote { .. } => "这个引号没有闭合：同一行上应有与之配对的 \"".to_string(),
            ParseError::UnclosedEdgeLabel { closer, .. } => {
                format!("这个连线标签没有闭合：同一行上应有“{closer}”")
            }
            ParseError::UnsupportedShape { opener, .. } => {
                format!("暂不支持形状“{opener}”：请用 [文字]、(文字)、([文字])、((文字))、{{文字}} 或 >文字]")
            }
            ParseError::UnsupportedArrow { found, .. } => {
                format!("暂不支持箭头“{found}”：请用 -->、---、-.->、-.-、==>、=== 或 ~~~")
            }
            ParseError::Subgraph { keyword: "end", .. } => "“end”用来结束子图，但目前还不支持子图".to_string(),
            ParseError::Subgraph { .. } => "目前还不支持子图（subgraph）".to_string(),
            ParseError::SecondHeader { keyword, .. } => {
                format!("“{keyword}”用于开始一张图，而这张图已在前面的行开始了")
            }
            ParseError::UnclosedFrontMatter { .. } => {
                "由“---”开始的前置元数据（front matter）没有被另一行“---”闭合".to_string()
            }
        };
        format!("第 {} 行第 {} 列：{what}", self.line(), self.column())
    }
}

impl std::error::Error for ParseError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_lead_with_line_and_column() {
        let error = ParseError::ExpectedArrow { line: 4, column: 9, node: "B".into(), found: Found::Text("=>".into()) };
        assert_eq!(error.to_string(), "line 4, column 9: expected an arrow such as --> after node \"B\", found \"=>\"");
        assert_eq!((error.line(), error.column()), (4, 9));
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
    fn subgraph_keywords_have_their_own_sentences() {
        let open = ParseError::Subgraph { line: 3, column: 5, keyword: "subgraph" };
        assert_eq!(open.to_string(), "line 3, column 5: subgraphs are not supported yet");
        let close = ParseError::Subgraph { line: 6, column: 1, keyword: "end" };
        assert!(close.to_string().ends_with("\"end\" closes a subgraph, and subgraphs are not supported yet"));
    }

    #[test]
    fn every_error_says_itself_in_chinese_with_the_same_figures() {
        let text = || Found::Text("=>".into());
        let all = [
            ParseError::MissingHeader { line: 1, column: 1, found: Found::Text("A".into()) },
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
            ParseError::Subgraph { line: 11, column: 1, keyword: "subgraph" },
            ParseError::Subgraph { line: 12, column: 1, keyword: "end" },
            ParseError::SecondHeader { line: 13, column: 1, keyword: "graph".into() },
            ParseError::UnclosedFrontMatter { line: 1, column: 1 },
        ];
        for error in &all {
            crate::i18n::check::assert_bilingual(error);
        }
        assert_eq!(all[6].zh(), "第 4 行第 9 列：节点“B”之后应为 --> 这样的箭头，却遇到了“=>”");
        assert_eq!(all[3].zh(), "第 2 行第 8 列：箭头 -.-> 之后应为节点 id，却遇到了行尾");
        for found in [text(), Found::EndOfLine, Found::EndOfInput] {
            assert!(!found.zh().is_empty() && found.zh() != found.to_string());
        }
    }
}
