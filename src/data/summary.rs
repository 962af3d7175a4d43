//! A summary of a table for the data panel, as pandas' `describe()` and `value_counts()` give
//! it: per column its kind, missing cells, and either its statistics (numbers) or its number of
//! text values; and the class balance of the label.
//!
//! The standard deviation is the sample one (`ddof = 1`, pandas' `std()`), as the scaler's.
//! Statistics are over the present cells of all rows (before `dropna`).
//!
//! ```
//! use mlp_lab::data::{read_csv, summarize, CsvOptions, SummaryKind};
//! let table = read_csv(b"x,label\n1,a\n3,b\n,a\n", &CsvOptions::default()).unwrap();
//! let summary = summarize(&table, None);
//! let x = &summary.columns[0];
//! assert_eq!((x.kind, x.mean, x.std, x.missing), (SummaryKind::Numeric, Some(2.0), Some(2f64.sqrt()), 1));
//! assert_eq!(summary.classes.iter().map(|c| c.count).collect::<Vec<_>>(), [2, 1]);
//! ```

use serde::{Deserialize, Serialize};

use super::csv::Delimiter;
use super::prepare::Task;
use super::table::{ColumnKind, ColumnValues, Table};

/// A table, summarised.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// Rows of values.
    pub rows: usize,
    /// The delimiter the file was read with.
    pub delimiter: Delimiter,
    /// The label column, if it is in the table.
    pub label: Option<String>,
    /// Each column, in the file's order.
    pub columns: Vec<ColumnSummary>,
    /// Rows of each class of the label, classes sorted (empty for a number label with many
    /// values, a regression).
    pub classes: Vec<ClassCount>,
}

/// One column, summarised.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ColumnSummary {
    /// The column's name.
    pub name: String,
    /// Numeric, categorical, empty, or the label.
    pub kind: SummaryKind,
    /// Missing cells.
    pub missing: usize,
    /// Mean of the numbers (numeric columns).
    pub mean: Option<f64>,
    /// Sample standard deviation (`ddof = 1`) of the numbers, with two numbers or more.
    pub std: Option<f64>,
    /// Smallest number.
    pub min: Option<f64>,
    /// Largest number.
    pub max: Option<f64>,
    /// Distinct text values (text columns; over 50, the column can only be excluded).
    pub levels: Option<usize>,
}

/// What a column is, for the data panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SummaryKind {
    /// A feature of numbers.
    Numeric,
    /// A feature of text values, to be one-hot encoded.
    Categorical,
    /// Every cell missing: left out.
    Empty,
    /// The label.
    Label,
}

/// A class of the label and its rows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassCount {
    /// The class, as written in the file.
    pub class: String,
    /// Rows with that label.
    pub count: usize,
}

/// Summarises `table`, with `label` as the label (`None`: `target` when there is one, else the
/// last column, as [`prepare`](fn@super::prepare) chooses).
pub fn summarize(table: &Table, label: Option<&str>) -> Summary {
    let columns = table.columns();
    let label = match label {
        Some(name) => table.position(name),
        None => table.position("target").or(columns.len().checked_sub(1)),
    };
    let summaries = columns
        .iter()
        .enumerate()
        .map(|(j, column)| {
            let kind = match column.kind() {
                _ if Some(j) == label => SummaryKind::Label,
                ColumnKind::Numeric => SummaryKind::Numeric,
                ColumnKind::Categorical => SummaryKind::Categorical,
                ColumnKind::Empty => SummaryKind::Empty,
            };
            let mut summary = ColumnSummary {
                name: column.name().to_string(),
                kind,
                missing: column.missing(),
                mean: None,
                std: None,
                min: None,
                max: None,
                levels: None,
            };
            match column.values() {
                ColumnValues::Numbers(v) => describe(v, &mut summary),
                _ => summary.levels = Some(column.distinct_levels()),
            }
            summary
        })
        .collect();
    let classes = label.and_then(|j| columns.get(j)).map(|column| {
        let rows: Vec<usize> = (0..table.rows()).filter(|&r| column.present(r)).collect();
        match super::prepare::encode_label(column, &rows, None) {
            Ok(l) if l.task != Task::Regression => {
                let mut counts = vec![0; l.classes.len()];
                for &v in &l.values {
                    if let Some(c) = counts.get_mut(v as usize) {
                        *c += 1;
                    }
                }
                l.classes.into_iter().zip(counts).map(|(class, count)| ClassCount { class, count }).collect()
            }
            _ => Vec::new(),
        }
    });
    Summary {
        rows: table.rows(),
        delimiter: table.delimiter(),
        label: label.and_then(|j| columns.get(j)).map(|c| c.name().to_string()),
        columns: summaries,
        classes: classes.unwrap_or_default(),
    }
}

/// Mean, sample std, min and max of the present numbers of `values`.
fn describe(values: &[f32], summary: &mut ColumnSummary) {
    let present = || values.iter().filter(|v| !v.is_nan()).map(|&v| v as f64);
    let n = present().count();
    if n == 0 {
        return;
    }
    let mean = present().sum::<f64>() / n as f64;
    summary.mean = Some(mean);
    if n > 1 {
        summary.std = Some((present().map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1) as f64).sqrt());
    }
    summary.min = present().reduce(f64::min);
    summary.max = present().reduce(f64::max);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{read_csv, CsvOptions};

    #[test]
    fn statistics_match_pandas_describe() {
        // pandas: s = pd.Series([2., 4., 4., 4., 5., 5., 7., 9.]); s.mean() 5.0, s.std() 2.138089935299395
        let table = read_csv(b"v,y\n2,0\n4,1\n4,0\n4,1\n5,0\n5,1\n7,0\n9,1\nNA,0\n", &CsvOptions::default()).unwrap();
        let s = summarize(&table, None);
        let v = &s.columns[0];
        assert_eq!((v.mean, v.min, v.max, v.missing), (Some(5.0), Some(2.0), Some(9.0), 1));
        assert!((v.std.unwrap() - 2.138_089_935_299_395).abs() < 1e-12);
        assert_eq!(s.columns[1].kind, SummaryKind::Label);
        assert_eq!(s.classes, [ClassCount { class: "0".into(), count: 5 }, ClassCount { class: "1".into(), count: 4 }]);
    }

    #[test]
    fn text_columns_count_levels_and_a_regression_label_has_no_classes() {
        let table =
            read_csv(b"city,notes,price\nLyon,,1.5\nNice,,2.25\nLyon,,3.125\n", &CsvOptions::default()).unwrap();
        let s = summarize(&table, Some("price"));
        assert_eq!((s.columns[0].kind, s.columns[0].levels), (SummaryKind::Categorical, Some(2)));
        assert_eq!((s.columns[1].kind, s.columns[1].mean), (SummaryKind::Empty, None));
        assert_eq!((s.label.as_deref(), s.classes.len()), (Some("price"), 0));
        assert_eq!(summarize(&table, Some("nope")).label, None);
    }
}
