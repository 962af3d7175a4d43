//! The label column, and the task it makes: the values of the rows kept decide.
//!
//! | label values (rows kept) | task | loss | output units | label `y` |
//! |---|---|---|---|---|
//! | exactly 2 (any: `M`/`B`, `yes`/`no`, `2`/`4`) | binary | `binary_crossentropy` | 1 | 0 / 1 |
//! | 3 to 50 texts, or 3 to 50 whole numbers | multi-class | `sparse_categorical_crossentropy` | `k` | class id `0..k` |
//! | other numbers | regression | `mean_squared_error` | 1 | the value |
//!
//! Classes are sorted (numbers ascending, text in byte order) and numbered from 0: a `M`/`B`
//! label maps `B → 0`, `M → 1`. A single value, or more than 50 text values, is an error.
//!
//! ```text
//! species: setosa, virginica, versicolor, setosa  →  [0, 2, 1, 0], classes setosa, versicolor, virginica
//! ```

use serde::{Deserialize, Serialize};

use super::{Mismatch, PrepareError};
use crate::data::csv::number_text;
use crate::data::table::{Column, ColumnValues, MAX_LEVELS};
use crate::nn::Loss;

/// What the model learns to predict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Task {
    /// Two classes: one sigmoid unit.
    Binary,
    /// `k` classes (3 to 50): `k` softmax units.
    MultiClass,
    /// A number: one linear unit.
    Regression,
}

impl Task {
    /// The loss to suggest, named as in Keras.
    pub fn loss(self) -> Loss {
        match self {
            Task::Binary => Loss::BinaryCrossentropy,
            Task::MultiClass => Loss::SparseCategoricalCrossentropy,
            Task::Regression => Loss::MeanSquaredError,
        }
    }

    /// Output units for `classes` classes: 1, `classes`, 1.
    pub fn units(self, classes: usize) -> usize {
        match self {
            Task::MultiClass => classes,
            Task::Binary | Task::Regression => 1,
        }
    }
}

/// A label, encoded: the task, the class names (none for a regression), one value per row kept.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Label {
    pub task: Task,
    pub classes: Vec<String>,
    pub values: Vec<f32>,
}

/// Refuses a label column with too many text values, before any row is looked at.
pub(crate) fn check_label(column: &Column, forced: Option<Task>) -> Result<(), PrepareError> {
    let name = column.name().to_string();
    match column.values() {
        ColumnValues::Numbers(_) if column.kind() == crate::data::ColumnKind::Empty => {
            Err(PrepareError::EmptyLabel { column: name })
        }
        ColumnValues::Numbers(_) => Ok(()),
        _ if forced == Some(Task::Regression) => Err(mismatch(column, Task::Regression, text_reason(column))),
        ColumnValues::Levels { .. } => Ok(()),
        ColumnValues::TooManyLevels { distinct } => Err(match column.first_text() {
            Some(t) if column.is_mostly_numbers() => {
                PrepareError::StrayText { column: name, line: t.line, value: t.value.clone() }
            }
            _ => PrepareError::TooManyClasses { column: name, distinct: *distinct },
        }),
    }
}

/// Encodes the label of the rows `rows` (each has a label): detects the task unless `forced`.
pub(crate) fn encode_label(column: &Column, rows: &[usize], forced: Option<Task>) -> Result<Label, PrepareError> {
    check_label(column, forced)?;
    match column.values() {
        ColumnValues::Levels { levels, codes } => {
            let mut used = vec![false; levels.len()];
            rows.iter().filter_map(|&r| codes.get(r)).for_each(|&c| {
                if let Some(u) = used.get_mut(c as usize) {
                    *u = true;
                }
            });
            let classes: Vec<String> = levels.iter().zip(&used).filter(|(_, &u)| u).map(|(l, _)| l.clone()).collect();
            let task = classify(column, classes.len(), classes.first(), forced)?;
            let mut id = vec![0.0f32; levels.len()];
            let mut next = 0.0;
            for (slot, _) in id.iter_mut().zip(&used).filter(|(_, &u)| u) {
                (*slot, next) = (next, next + 1.0);
            }
            let values = rows.iter().map(|&r| codes.get(r).and_then(|&c| id.get(c as usize)).copied().unwrap_or(0.0));
            Ok(Label { task, classes, values: values.collect() })
        }
        ColumnValues::Numbers(v) => {
            let mut distinct: Vec<f32> = Vec::new();
            for x in rows.iter().filter_map(|&r| v.get(r)) {
                if let Err(i) = distinct.binary_search_by(|d| d.total_cmp(x)) {
                    distinct.insert(i, *x);
                    if distinct.len() > MAX_LEVELS {
                        break;
                    }
                }
            }
            let names: Vec<String> = distinct.iter().map(|&x| number_text(x)).collect();
            let whole = distinct.iter().all(|x| x.fract() == 0.0);
            let task = match forced {
                _ if distinct.len() < 2 => classify(column, distinct.len(), names.first(), forced)?,
                Some(Task::Regression) => Task::Regression,
                None if distinct.len() > 2 && (!whole || distinct.len() > MAX_LEVELS) => Task::Regression,
                _ => classify(column, distinct.len(), names.first(), forced)?,
            };
            if task == Task::Regression {
                return Ok(Label {
                    task,
                    classes: Vec::new(),
                    values: rows.iter().filter_map(|&r| v.get(r)).copied().collect(),
                });
            }
            let id = |x: &f32| distinct.binary_search_by(|d| d.total_cmp(x)).unwrap_or(0) as f32;
            Ok(Label { task, classes: names, values: rows.iter().filter_map(|&r| v.get(r)).map(id).collect() })
        }
        ColumnValues::TooManyLevels { distinct } => {
            Err(PrepareError::TooManyClasses { column: column.name().into(), distinct: *distinct })
        }
    }
}

/// The task for `k` classes (`first` is one of them), or why the one asked for does not fit.
fn classify(column: &Column, k: usize, first: Option<&String>, forced: Option<Task>) -> Result<Task, PrepareError> {
    if k < 2 {
        let value = first.cloned().unwrap_or_default();
        return Err(PrepareError::OneValue { column: column.name().into(), value });
    }
    match forced {
        Some(Task::Binary) if k != 2 => Err(mismatch(column, Task::Binary, values_reason(k))),
        Some(Task::MultiClass) if k > MAX_LEVELS => Err(mismatch(column, Task::MultiClass, values_reason(k))),
        Some(Task::Regression) => Err(mismatch(column, Task::Regression, text_reason(column))),
        Some(task) => Ok(task),
        None if k == 2 => Ok(Task::Binary),
        None => Ok(Task::MultiClass),
    }
}

fn mismatch(column: &Column, task: Task, reason: Mismatch) -> PrepareError {
    PrepareError::TaskMismatch { column: column.name().into(), task, reason }
}

/// `k` different values, or more than the classes a label may have.
fn values_reason(k: usize) -> Mismatch {
    if k > MAX_LEVELS {
        Mismatch::TooManyValues
    } else {
        Mismatch::Values { count: k }
    }
}

/// Text, with its first cell when the column kept it.
fn text_reason(column: &Column) -> Mismatch {
    Mismatch::Text { first: column.first_text().cloned() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{read_csv, CsvOptions, TextCell};

    /// The label of a one-column CSV, every row kept.
    fn label(cells: &str, forced: Option<Task>) -> Result<Label, PrepareError> {
        let table = read_csv(format!("y\n{cells}").as_bytes(), &CsvOptions::default()).unwrap();
        let rows: Vec<usize> = (0..table.rows()).filter(|&r| table.columns()[0].present(r)).collect();
        encode_label(&table.columns()[0], &rows, forced)
    }

    #[test]
    fn two_values_of_any_kind_are_binary_in_sorted_order() {
        let l = label("M\nB\nM\n", None).unwrap();
        assert_eq!((l.task, l.classes, l.values), (Task::Binary, vec!["B".into(), "M".into()], vec![1.0, 0.0, 1.0]));
        let l = label("4\n2\n4\n", None).unwrap();
        assert_eq!((l.task, l.classes, l.values), (Task::Binary, vec!["2".into(), "4".into()], vec![1.0, 0.0, 1.0]));
    }

    #[test]
    fn whole_numbers_are_classes_and_fractions_a_regression() {
        let l = label("10\n-1\n3\n3\n", None).unwrap();
        assert_eq!((l.task, l.values), (Task::MultiClass, vec![2.0, 0.0, 1.0, 1.0]));
        assert_eq!(l.classes, ["-1", "3", "10"], "numbers sort as numbers, not as text");
        let l = label("1.5\n2\n3\n", None).unwrap();
        assert_eq!((l.task, l.classes.len(), l.values), (Task::Regression, 0, vec![1.5, 2.0, 3.0]));
        let many: String = (0..60).map(|i| format!("{i}\n")).collect();
        assert_eq!(label(&many, None).unwrap().task, Task::Regression, "more than 50 whole numbers");
    }

    #[test]
    fn a_task_asked_for_is_kept_or_refused() {
        assert_eq!(label("1\n2\n3\n", Some(Task::Regression)).unwrap().task, Task::Regression);
        assert_eq!(label("1\n2\n", Some(Task::MultiClass)).unwrap().task, Task::MultiClass);
        let e = label("1\n2\n3\n", Some(Task::Binary)).unwrap_err();
        let reason = Mismatch::Values { count: 3 };
        assert_eq!(e, PrepareError::TaskMismatch { column: "y".into(), task: Task::Binary, reason });
        let many = (0..60).map(|i| format!("{i}\n")).collect::<String>();
        let e = label(&many, Some(Task::MultiClass)).unwrap_err();
        let reason = Mismatch::TooManyValues;
        assert_eq!(e, PrepareError::TaskMismatch { column: "y".into(), task: Task::MultiClass, reason });
        let e = label("a\nb\n", Some(Task::Regression)).unwrap_err();
        let reason = Mismatch::Text { first: Some(TextCell { line: 2, value: "a".into() }) };
        assert_eq!(e, PrepareError::TaskMismatch { column: "y".into(), task: Task::Regression, reason });
    }

    #[test]
    fn one_value_is_refused_whatever_the_task() {
        for forced in [None, Some(Task::Regression), Some(Task::Binary)] {
            assert!(matches!(label("7\n7\n", forced), Err(PrepareError::OneValue { value, .. }) if value == "7"));
        }
    }
}
