//! The table a CSV file is read into: named columns of numbers or of text values, with missing
//! cells, as compact as the browser needs them.
//!
//! | column | kept as | a cell costs | missing cell |
//! |---|---|---|---|
//! | numbers | `Vec<f32>` | 4 bytes | `NaN` |
//! | text, up to [`MAX_LEVELS`] values | the distinct values once (sorted), a `u8` index per cell | 1 byte | index 255 |
//! | text, more values | only how many distinct values there are (such a column can only be left out) | 0 | — |
//!
//! A column whose cells are all numbers is numeric; a single text cell makes it a text column,
//! its numbers becoming text values written as `f32` prints them (`1.0` and `1` are both `1`).
//!
//! ```
//! use mlp_lab::data::{read_csv, ColumnKind, CsvOptions};
//! let table = read_csv(b"age,city\n31,Lyon\n,Paris\n45,Lyon\n", &CsvOptions::default()).unwrap();
//! assert_eq!(table.rows(), 3);
//! let city = table.column("city").unwrap();
//! assert_eq!((city.kind(), city.levels()), (ColumnKind::Categorical, &["Lyon".to_string(), "Paris".into()][..]));
//! assert_eq!(table.column("age").unwrap().missing(), 1);
//! ```

use super::csv::Delimiter;

/// The most distinct text values a column may have to be one-hot encoded (or to be a label).
pub const MAX_LEVELS: usize = 50;

/// The index that marks a missing text cell.
pub(crate) const MISSING_CODE: u8 = u8::MAX;

const _: () = assert!(MAX_LEVELS < MISSING_CODE as usize, "text indices must fit in a u8 beside the missing mark");

/// A CSV file, read: its delimiter, its rows, its named columns.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub(crate) delimiter: Delimiter,
    pub(crate) rows: usize,
    pub(crate) columns: Vec<Column>,
}

/// One column: its name (from the header), its cells, and what was seen while reading it.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub(crate) name: String,
    pub(crate) values: ColumnValues,
    pub(crate) missing: usize,
    pub(crate) numbers: usize,
    pub(crate) texts: usize,
    pub(crate) first_text: Option<TextCell>,
}

/// The cells of a column.
#[derive(Debug, Clone)]
pub enum ColumnValues {
    /// Every present cell is a number; `NaN` marks a missing one.
    Numbers(Vec<f32>),
    /// Text values: the distinct ones sorted, and for each cell the index of its value
    /// (255 when missing).
    Levels {
        /// The distinct values, sorted (byte order).
        levels: Vec<String>,
        /// One index into `levels` per row.
        codes: Vec<u8>,
    },
    /// More than [`MAX_LEVELS`] distinct text values: only their count is kept.
    TooManyLevels {
        /// How many distinct values the column has.
        distinct: usize,
    },
}

/// Where a column first had a cell that is not a number, and what it was.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TextCell {
    /// The line of the file, from 1.
    pub line: u64,
    /// The cell, trimmed.
    pub value: String,
}

/// What a column holds, as the data panel names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ColumnKind {
    /// Numbers (and missing cells).
    Numeric,
    /// Text values (and maybe numbers among them).
    Categorical,
    /// Every cell is missing.
    Empty,
}

impl PartialEq for ColumnValues {
    /// Bit-for-bit for numbers, so that two missing cells (`NaN`) are equal.
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (ColumnValues::Numbers(a), ColumnValues::Numbers(b)) => {
                a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.to_bits() == y.to_bits())
            }
            (ColumnValues::Levels { levels: a, codes: x }, ColumnValues::Levels { levels: b, codes: y }) => {
                a == b && x == y
            }
            (ColumnValues::TooManyLevels { distinct: a }, ColumnValues::TooManyLevels { distinct: b }) => a == b,
            _ => false,
        }
    }
}

impl Table {
    /// The delimiter the file was read with (sniffed unless given).
    pub fn delimiter(&self) -> Delimiter {
        self.delimiter
    }

    /// Rows of values (the header not counted).
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// The columns, in the file's order.
    pub fn columns(&self) -> &[Column] {
        &self.columns
    }

    /// The column named `name`, if any.
    pub fn column(&self, name: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.name == name)
    }

    /// The column names, in the file's order (empty header cells are named `Unnamed: i`, a
    /// repeated name gets `.1`, `.2`, … as pandas does).
    pub fn names(&self) -> Vec<&str> {
        self.columns.iter().map(|c| c.name.as_str()).collect()
    }

    /// Where the column named `name` is, if any.
    pub(crate) fn position(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.name == name)
    }
}

impl Column {
    /// The name from the header.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The cells.
    pub fn values(&self) -> &ColumnValues {
        &self.values
    }

    /// Numeric, categorical, or empty (every cell missing).
    pub fn kind(&self) -> ColumnKind {
        match &self.values {
            ColumnValues::Numbers(v) if self.missing == v.len() => ColumnKind::Empty,
            ColumnValues::Numbers(_) => ColumnKind::Numeric,
            _ => ColumnKind::Categorical,
        }
    }

    /// How many cells are missing.
    pub fn missing(&self) -> usize {
        self.missing
    }

    /// The distinct text values, sorted (empty for numbers and for too many values).
    pub fn levels(&self) -> &[String] {
        match &self.values {
            ColumnValues::Levels { levels, .. } => levels,
            _ => &[],
        }
    }

    /// How many distinct text values the column has (0 for a numeric column).
    pub fn distinct_levels(&self) -> usize {
        match &self.values {
            ColumnValues::Levels { levels, .. } => levels.len(),
            ColumnValues::TooManyLevels { distinct } => *distinct,
            ColumnValues::Numbers(_) => 0,
        }
    }

    /// The first cell that is not a number, if any.
    pub fn first_text(&self) -> Option<&TextCell> {
        self.first_text.as_ref()
    }

    /// Whether the column is mostly numbers with some text: then its text is likely a stray
    /// value, and its first text cell is worth showing.
    pub fn is_mostly_numbers(&self) -> bool {
        self.texts > 0 && self.numbers > self.texts
    }

    /// Whether row `row` has a value (false for a column with too many text values).
    pub(crate) fn present(&self, row: usize) -> bool {
        match &self.values {
            ColumnValues::Numbers(v) => v.get(row).is_some_and(|x| !x.is_nan()),
            ColumnValues::Levels { codes, .. } => codes.get(row).is_some_and(|&c| c != MISSING_CODE),
            ColumnValues::TooManyLevels { .. } => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn column(values: ColumnValues, missing: usize, numbers: usize) -> Column {
        Column { name: "c".into(), values, missing, numbers, texts: 0, first_text: None }
    }

    #[test]
    fn kinds_follow_the_cells() {
        assert_eq!(column(ColumnValues::Numbers(vec![1.0, f32::NAN]), 1, 1).kind(), ColumnKind::Numeric);
        assert_eq!(column(ColumnValues::Numbers(vec![f32::NAN; 2]), 2, 0).kind(), ColumnKind::Empty);
        let levels = ColumnValues::Levels { levels: vec!["a".into()], codes: vec![0, MISSING_CODE] };
        let c = column(levels, 1, 0);
        assert_eq!((c.kind(), c.present(0), c.present(1), c.present(2)), (ColumnKind::Categorical, true, false, false));
    }

    #[test]
    fn missing_numbers_compare_equal() {
        assert_eq!(ColumnValues::Numbers(vec![f32::NAN, 1.0]), ColumnValues::Numbers(vec![f32::NAN, 1.0]));
        assert_ne!(ColumnValues::Numbers(vec![f32::NAN]), ColumnValues::Numbers(vec![1.0]));
        assert_ne!(ColumnValues::Numbers(vec![]), ColumnValues::TooManyLevels { distinct: 0 });
    }

    #[test]
    fn mostly_numbers_needs_a_text_cell_and_a_majority() {
        let mut c = column(ColumnValues::TooManyLevels { distinct: 60 }, 0, 9);
        assert!(!c.is_mostly_numbers(), "no text cell seen");
        c.texts = 1;
        assert!(c.is_mostly_numbers());
        c.texts = 9;
        assert!(!c.is_mostly_numbers(), "half numbers is not most");
    }
}
