//! What a parse error found, and what a missing node id should have followed: the parts of
//! [`super::ParseError`]'s sentences, each in English (`Display`) and Chinese.

use std::fmt;

use crate::i18n::Localize;

/// What was found where something else was expected: some text, or the end of the line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// Text, shown in quotes.
    Text(String),
    /// Nothing more on the line.
    EndOfLine,
    /// Nothing more in the input.
    EndOfInput,
}

impl fmt::Display for Found {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Found::Text(text) => write!(f, "\"{text}\""),
            Found::EndOfLine => write!(f, "the end of the line"),
            Found::EndOfInput => write!(f, "the end of the text"),
        }
    }
}

impl Localize for Found {
    fn zh(&self) -> String {
        match self {
            Found::Text(text) => format!("“{text}”"),
            Found::EndOfLine => "行尾".to_string(),
            Found::EndOfInput => "文本末尾".to_string(),
        }
    }
}

/// What a missing node id should have followed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum After {
    /// An arrow, as written (`-->`, `-.->`, …).
    Arrow(String),
    /// `&`, joining nodes into a group.
    Ampersand,
}

impl fmt::Display for After {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            After::Arrow(written) => write!(f, "the arrow {written}"),
            After::Ampersand => write!(f, "\"&\""),
        }
    }
}

impl Localize for After {
    fn zh(&self) -> String {
        match self {
            After::Arrow(written) => format!("箭头 {written}"),
            After::Ampersand => "“&”".to_string(),
        }
    }
}
