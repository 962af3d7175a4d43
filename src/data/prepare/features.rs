//! The feature columns, and how each becomes features: a number as it is, a text column one-hot
//! encoded into one `name=level` column per value (as `pandas.get_dummies`, levels sorted).
//!
//! ```text
//! age, city        →  age, city=Lyon, city=Paris
//! 31,  Paris          31,  0,         1
//! ```
//!
//! The encoding is kept ([`Input`], serialisable) so that a new row can be encoded the same way
//! for a prediction ([`encode_row`]).

use ndarray::Array2;
use serde::{Deserialize, Serialize};

use super::{Accepts, PrepareError};
use crate::data::csv::{number_text, parse_cell, Cell};
use crate::data::table::{ColumnKind, ColumnValues, Table};

/// A column the model reads, and how it becomes features.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Input {
    /// The column's name.
    pub column: String,
    /// How its cells become features.
    pub encoding: Encoding,
}

/// How a column becomes features.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Encoding {
    /// One feature, the number.
    Number,
    /// One feature per level, 1 for the cell's level and 0 for the others.
    OneHot {
        /// The levels, in the order of their features.
        levels: Vec<String>,
    },
}

impl Input {
    /// The names of its features: the column's name, or `name=level` for each level.
    pub fn feature_names(&self) -> Vec<String> {
        match &self.encoding {
            Encoding::Number => vec![self.column.clone()],
            Encoding::OneHot { levels } => levels.iter().map(|l| format!("{}={l}", self.column)).collect(),
        }
    }

    /// How many features it makes.
    pub fn width(&self) -> usize {
        match &self.encoding {
            Encoding::Number => 1,
            Encoding::OneHot { levels } => levels.len(),
        }
    }
}

/// The feature columns: every column but the label and the excluded ones; an empty column is
/// left out (returned apart), one with too many text values is an error.
pub(crate) fn select(table: &Table, label: usize, exclude: &[usize]) -> Result<(Vec<usize>, Vec<usize>), PrepareError> {
    let (mut used, mut empty) = (Vec::new(), Vec::new());
    for (j, column) in table.columns().iter().enumerate() {
        if j == label || exclude.contains(&j) {
            continue;
        }
        match column.values() {
            _ if column.kind() == ColumnKind::Empty => empty.push(j),
            ColumnValues::TooManyLevels { distinct } => {
                return Err(match column.first_text() {
                    Some(t) if column.is_mostly_numbers() => {
                        PrepareError::StrayText { column: column.name().into(), line: t.line, value: t.value.clone() }
                    }
                    _ => PrepareError::TooManyLevels { column: column.name().into(), distinct: *distinct },
                });
            }
            _ => used.push(j),
        }
    }
    Ok((used, empty))
}

/// How the columns `used` encode, with the levels present in the rows `rows`.
pub(crate) fn inputs(table: &Table, used: &[usize], rows: &[usize]) -> Vec<Input> {
    let columns = table.columns();
    used.iter()
        .filter_map(|&j| columns.get(j))
        .map(|column| {
            let encoding = match column.values() {
                ColumnValues::Levels { levels, codes } => {
                    let mut seen = vec![false; levels.len()];
                    rows.iter().filter_map(|&r| codes.get(r)).for_each(|&c| {
                        if let Some(s) = seen.get_mut(c as usize) {
                            *s = true;
                        }
                    });
                    let levels = levels.iter().zip(seen).filter(|(_, s)| *s).map(|(l, _)| l.clone()).collect();
                    Encoding::OneHot { levels }
                }
                _ => Encoding::Number,
            };
            Input { column: column.name().into(), encoding }
        })
        .collect()
}

/// The features of the rows `rows` (rows × Σ widths).
pub(crate) fn matrix(table: &Table, used: &[usize], inputs: &[Input], rows: &[usize]) -> Array2<f32> {
    let width = inputs.iter().map(Input::width).sum();
    let mut x = Array2::zeros((rows.len(), width));
    let mut offset = 0;
    for (column, input) in used.iter().filter_map(|&j| table.columns().get(j)).zip(inputs) {
        match (column.values(), &input.encoding) {
            (ColumnValues::Numbers(v), _) => {
                for (i, &r) in rows.iter().enumerate() {
                    if let (Some(cell), Some(&value)) = (x.get_mut((i, offset)), v.get(r)) {
                        *cell = value;
                    }
                }
            }
            (ColumnValues::Levels { levels, codes }, Encoding::OneHot { levels: kept }) => {
                // Where each of the column's levels lands among the kept ones.
                let at: Vec<Option<usize>> = levels.iter().map(|l| kept.iter().position(|k| k == l)).collect();
                for (i, &r) in rows.iter().enumerate() {
                    let Some(Some(k)) = codes.get(r).and_then(|&c| at.get(c as usize)) else { continue };
                    if let Some(cell) = x.get_mut((i, offset + k)) {
                        *cell = 1.0;
                    }
                }
            }
            _ => {}
        }
        offset += input.width();
    }
    x
}

/// Encodes a new row, given as one text per input (in the inputs' order), as the training rows
/// were encoded (not scaled).
pub(crate) fn encode_row(inputs: &[Input], values: &[&str]) -> Result<Vec<f32>, PrepareError> {
    if values.len() != inputs.len() {
        return Err(PrepareError::RowWidth { expected: inputs.len(), found: values.len() });
    }
    let mut features = Vec::with_capacity(inputs.iter().map(Input::width).sum());
    for (input, raw) in inputs.iter().zip(values) {
        let bad =
            |accepts: Accepts| PrepareError::BadValue { column: input.column.clone(), value: raw.to_string(), accepts };
        match (&input.encoding, parse_cell(raw)) {
            (Encoding::Number, Cell::Number(v)) => features.push(v),
            (Encoding::Number, _) => return Err(bad(Accepts::Number)),
            (Encoding::OneHot { levels }, cell) => {
                let text = match cell {
                    Cell::Number(v) => number_text(v),
                    Cell::Text(t) => t.to_string(),
                    Cell::Missing => String::new(),
                };
                let Some(k) = levels.iter().position(|l| *l == text) else {
                    return Err(bad(Accepts::OneOf { levels: levels.clone() }));
                };
                features.extend((0..levels.len()).map(|i| if i == k { 1.0 } else { 0.0 }));
            }
        }
    }
    Ok(features)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{read_csv, CsvOptions};

    #[test]
    fn one_hot_keeps_the_levels_of_the_rows_kept() {
        let table = read_csv(b"age,city,y\n31,Paris,1\n40,Lyon,0\n,Nice,1\n", &CsvOptions::default()).unwrap();
        let (used, empty) = select(&table, 2, &[]).unwrap();
        assert_eq!((used.as_slice(), empty.len()), (&[0, 1][..], 0));
        let rows = [0, 1]; // the third row misses its age
        let inputs = inputs(&table, &used, &rows);
        let names: Vec<String> = inputs.iter().flat_map(Input::feature_names).collect();
        assert_eq!(names, ["age", "city=Lyon", "city=Paris"], "Nice is in no row kept");
        let x = matrix(&table, &used, &inputs, &rows);
        assert_eq!(x, ndarray::array![[31.0, 0.0, 1.0], [40.0, 1.0, 0.0]]);
    }

    #[test]
    fn new_rows_encode_as_the_training_rows() {
        let inputs = vec![
            Input { column: "age".into(), encoding: Encoding::Number },
            Input { column: "n".into(), encoding: Encoding::OneHot { levels: vec!["1".into(), "x".into()] } },
        ];
        assert_eq!(encode_row(&inputs, &[" 4e1", "1.0"]).unwrap(), [40.0, 1.0, 0.0]);
        assert_eq!(encode_row(&inputs, &["1", "x"]).unwrap(), [1.0, 0.0, 1.0]);
        let e = encode_row(&inputs, &["abc", "x"]).unwrap_err();
        let accepts = Accepts::Number;
        assert_eq!(e, PrepareError::BadValue { column: "age".into(), value: "abc".into(), accepts });
        let e = encode_row(&inputs, &["1", "z"]).unwrap_err();
        let accepts = Accepts::OneOf { levels: vec!["1".into(), "x".into()] };
        assert_eq!(e, PrepareError::BadValue { column: "n".into(), value: "z".into(), accepts });
        let e = encode_row(&inputs, &["1"]).unwrap_err();
        assert_eq!(e, PrepareError::RowWidth { expected: 2, found: 1 });
    }
}
