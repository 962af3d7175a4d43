//! Errors of preparing a table for training: each names the column (and the line when it helps)
//! and says what to change, in English (`Display`) and in Chinese ([`Localize::zh`], beside it).

use std::fmt;

use crate::data::table::MAX_LEVELS;
use crate::i18n::{Bilingual, Localize};

use super::Task;

/// What can go wrong turning a table into features and labels.
#[derive(Debug, Clone, PartialEq, Eq)]
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
        reason: Bilingual,
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
        accepts: Bilingual,
    },
}

impl fmt::Display for PrepareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PrepareError::NoSuchColumn { name, columns } => {
                let list: Vec<String> = columns.iter().map(|c| format!("{c:?}")).collect();
                write!(f, "there is no column {name:?}; the columns are {}", list.join(", "))
            }
            PrepareError::TooManyLevels { column, distinct } => write!(
                f,
                "column {column:?} has {distinct} different text values; \
                 MLP Lab one-hot encodes text columns with up to {MAX_LEVELS} values"
            ),
            PrepareError::StrayText { column, line, value } => {
                write!(f, "column {column:?}: line {line} has {value:?} where the other values are numbers")
            }
            PrepareError::TooManyClasses { column, distinct } => write!(
                f,
                "label column {column:?} has {distinct} different text values; \
                 MLP Lab classifies into up to {MAX_LEVELS} classes"
            ),
            PrepareError::OneValue { column, value } => write!(
                f,
                "label column {column:?} has a single value ({value:?}) in the rows kept; \
                 a model needs at least two different labels to learn from"
            ),
            PrepareError::EmptyLabel { column } => {
                write!(f, "label column {column:?} is empty: every value is missing")
            }
            PrepareError::NoRowsLeft { rows, column, missing } => write!(
                f,
                "no rows left after dropping rows with missing values: all {rows} rows miss a value \
                 (column {column:?} alone misses {missing}); exclude that column or fill in its gaps"
            ),
            PrepareError::NoFeatures { label } => write!(
                f,
                "no feature columns left besides the label {label:?}: every other column is excluded or empty"
            ),
            PrepareError::TaskMismatch { column, task, reason } => {
                write!(f, "label column {column:?} cannot be used for {}: {reason}", task.description())
            }
            PrepareError::RowWidth { expected, found } => {
                write!(f, "expected {expected} values, one for each input column, but got {found}")
            }
            PrepareError::BadValue { column, value, accepts } => {
                write!(f, "column {column:?}: {value:?} is not {accepts}")
            }
        }
    }
}

impl Localize for PrepareError {
    fn zh(&self) -> String {
        match self {
            PrepareError::NoSuchColumn { name, columns } => {
                let list: Vec<String> = columns.iter().map(|c| format!("“{c}”")).collect();
                format!("没有名为“{name}”的列；现有的列是 {}", list.join("、"))
            }
            PrepareError::TooManyLevels { column, distinct } => format!(
                "列“{column}”有 {distinct} 个不同的文本值；MLP Lab 只对不超过 {MAX_LEVELS} 个取值的文本列做独热编码"
            ),
            PrepareError::StrayText { column, line, value } => {
                format!("列“{column}”：其他值都是数字，第 {line} 行却是“{value}”")
            }
            PrepareError::TooManyClasses { column, distinct } => {
                format!("标签列“{column}”有 {distinct} 个不同的文本值；MLP Lab 最多只能分 {MAX_LEVELS} 类")
            }
            PrepareError::OneValue { column, value } => {
                format!("在保留的行中，标签列“{column}”只有一个值（“{value}”）；模型至少需要两种不同的标签才能学习")
            }
            PrepareError::EmptyLabel { column } => format!("标签列“{column}”是空的：每个值都缺失"),
            PrepareError::NoRowsLeft { rows, column, missing } => format!(
                "删去含缺失值的行后，一行也不剩：全部 {rows} 行都缺了某个值（仅列“{column}”就缺了 {missing} 个）；\
                 请排除这一列，或补上它的空缺"
            ),
            PrepareError::NoFeatures { label } => {
                format!("除了标签“{label}”之外，已没有特征列：其余的列都被排除了，或是空的")
            }
            PrepareError::TaskMismatch { column, task, reason } => {
                format!("标签列“{column}”不能用于{}：{}", task_zh(*task), reason.zh)
            }
            PrepareError::RowWidth { expected, found } => {
                format!("应有 {expected} 个值（每个输入列一个），实际有 {found} 个")
            }
            PrepareError::BadValue { column, value, accepts } => {
                format!("列“{column}”：“{value}”不是{}", accepts.zh)
            }
        }
    }
}

/// [`Task::description`] in Chinese.
fn task_zh(task: Task) -> &'static str {
    match task {
        Task::Binary => "二分类",
        Task::MultiClass => "多分类",
        Task::Regression => "回归",
    }
}

impl std::error::Error for PrepareError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_read_as_the_issue_asks() {
        let e = PrepareError::TooManyLevels { column: "city".into(), distinct: 812 };
        assert_eq!(
            e.to_string(),
            "column \"city\" has 812 different text values; MLP Lab one-hot encodes text columns with up to 50 values"
        );
        let e = PrepareError::StrayText { column: "age".into(), line: 57, value: "abc".into() };
        assert_eq!(e.to_string(), "column \"age\": line 57 has \"abc\" where the other values are numbers");
        let e = PrepareError::NoSuchColumn { name: "y".into(), columns: vec!["a".into(), "b".into()] };
        assert_eq!(e.to_string(), "there is no column \"y\"; the columns are \"a\", \"b\"");
    }

    #[test]
    fn every_error_says_itself_in_chinese_with_the_same_figures() {
        let all = [
            PrepareError::NoSuchColumn { name: "y".into(), columns: vec!["x1".into(), "x2".into()] },
            PrepareError::TooManyLevels { column: "city".into(), distinct: 812 },
            PrepareError::StrayText { column: "age".into(), line: 57, value: "abc".into() },
            PrepareError::TooManyClasses { column: "name".into(), distinct: 90 },
            PrepareError::OneValue { column: "y".into(), value: "B".into() },
            PrepareError::EmptyLabel { column: "y".into() },
            PrepareError::NoRowsLeft { rows: 569, column: "notes".into(), missing: 569 },
            PrepareError::NoFeatures { label: "y".into() },
            PrepareError::TaskMismatch {
                column: "y".into(),
                task: Task::Binary,
                reason: Bilingual::new("it has 3 different values", "它有 3 个不同的值"),
            },
            PrepareError::RowWidth { expected: 4, found: 3 },
            PrepareError::BadValue {
                column: "age".into(),
                value: "old".into(),
                accepts: Bilingual::new("a number", "数字"),
            },
        ];
        for error in &all {
            crate::i18n::check::assert_bilingual(error);
        }
        assert_eq!(all[8].zh(), "标签列“y”不能用于二分类：它有 3 个不同的值");
    }
}
