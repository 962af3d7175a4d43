//! Errors of preparing a table for training, as facts: each names the column (and the line
//! when it helps) and what is wrong with it; the page words them, with what to change.

use serde::{Deserialize, Serialize};

use crate::data::table::TextCell;
#[cfg(doc)]
use crate::data::table::MAX_LEVELS;

use super::Task;

/// What can go wrong turning a table into features and labels.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum PrepareError {
    /// A column named in the options is not in the table.
    NoSuchColumn {
        /// The name asked for.
        name: String,
        /// The table's columns.
        columns: Vec<String>,
    },
    /// A feature column has more than [`MAX_LEVELS`] text values.
    TooManyLevels {
        /// The column.
        column: String,
        /// Its distinct values.
        distinct: usize,
    },
    /// A column of numbers holds text, and so too many values to be read as text.
    StrayText {
        /// The column.
        column: String,
        /// The line of its first text cell.
        line: u64,
        /// That cell.
        value: String,
    },
    /// A text label has more than [`MAX_LEVELS`] classes.
    TooManyClasses {
        /// The label column.
        column: String,
        /// Its distinct values.
        distinct: usize,
    },
    /// The label has a single value in the rows kept.
    OneValue {
        /// The label column.
        column: String,
        /// Its value.
        value: String,
    },
    /// Every label cell is missing.
    EmptyLabel {
        /// The label column.
        column: String,
    },
    /// Every row misses a value in some column used.
    NoRowsLeft {
        /// Rows of the table.
        rows: usize,
        /// The used column with the most missing cells.
        column: String,
        /// Its missing cells.
        missing: usize,
    },
    /// Only the label is left: no column to learn from.
    NoFeatures {
        /// The label column.
        label: String,
    },
    /// The task asked for does not fit the label.
    TaskMismatch {
        /// The label column.
        column: String,
        /// The task asked for.
        task: Task,
        /// Why it does not fit.
        reason: Mismatch,
    },
    /// A row to predict has another number of values than the model's inputs.
    RowWidth {
        /// Inputs (columns before encoding).
        expected: usize,
        /// Values given.
        found: usize,
    },
    /// A value to predict does not fit its column.
    BadValue {
        /// The column.
        column: String,
        /// The value given.
        value: String,
        /// What the column takes.
        accepts: Accepts,
    },
}

/// Why a label does not fit the task asked for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Mismatch {
    /// It has `count` different values (a binary classification needs 2).
    Values {
        /// Its different values in the rows kept.
        count: usize,
    },
    /// It has more than [`MAX_LEVELS`] different values (too many classes).
    TooManyValues,
    /// It holds text (a regression needs numbers).
    Text {
        /// Its first text cell, when known.
        first: Option<TextCell>,
    },
}

/// What a column takes, in a row to predict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Accepts {
    /// A number.
    Number,
    /// One of the text values seen in training.
    OneOf {
        /// Those values, in the order of their features.
        levels: Vec<String>,
    },
}

/// Its English `Display` is in the page's words, beside the Chinese.
impl std::error::Error for PrepareError {}
