//! What a parse error found, and what a missing node id should have followed: facts of
//! [`super::ParseError`], which the page puts into words in its languages.

/// What was found where something else was expected: some text, or the end of the line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// Text (a word, an arrow, a symbol), as written.
    Text(String),
    /// Nothing more on the line.
    EndOfLine,
    /// Nothing more in the input.
    EndOfInput,
}

/// What a missing node id should have followed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum After {
    /// An arrow, as written (`-->`, `-.->`, …).
    Arrow(String),
    /// `&`, joining nodes into a group.
    Ampersand,
}
