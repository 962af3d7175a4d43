//! What preparing did, for the data panel: the label and the task it makes, the features, the
//! rows kept, and each step as a [`Note`] of facts, which the page words (in English and Chinese):
//!
//! ```text
//! label "diagnosis" (preselected: the last column)            标签“diagnosis”（预选：最后一列）
//! binary: B → 0, M → 1 (binary_crossentropy, 1 output unit)   二分类：B → 0，M → 1（binary_crossentropy，1 个输出单元）
//! left out "notes": every value is missing                    未使用“notes”：所有值都缺失
//! one-hot encoded "city" into 7 columns                       把“city”独热编码为 7 列
//! dropped 12 of 569 rows with missing values                  569 行中有 12 行含缺失值，已删去
//! ```

use serde::{Deserialize, Serialize};

use super::label::Label;
use super::{Encoding, Input, Task};
use crate::data::table::{Table, TextCell};
use crate::nn::Loss;

/// What preparing did, for the data panel.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// The label column.
    pub label: String,
    /// The task.
    pub task: Task,
    /// The loss to suggest.
    pub loss: Loss,
    /// Units of the output layer: 1, the number of classes, 1.
    pub units: usize,
    /// Class names by class id (empty for a regression).
    pub classes: Vec<String>,
    /// Rows kept of each class (empty for a regression).
    pub class_counts: Vec<usize>,
    /// The features' names after encoding.
    pub features: Vec<String>,
    /// Rows of the table.
    pub rows: usize,
    /// Rows dropped for a missing value.
    pub dropped: usize,
    /// Empty columns left out.
    pub left_out: Vec<String>,
    /// Each step, as facts the page words.
    pub notes: Vec<Note>,
}

/// One step of preparing, said to the user as a sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Note {
    /// The label column, and how it was chosen.
    Label {
        /// The label column.
        column: String,
        /// How it was chosen.
        how: LabelChoice,
    },
    /// The task the label makes, with its loss and output units (from [`Task::loss`] and
    /// [`Task::units`]).
    Task {
        /// The task.
        task: Task,
        /// Class names by class id (empty for a regression).
        classes: Vec<String>,
    },
    /// The label is mostly numbers but holds text: its values are read as text classes.
    LabelText {
        /// The label column.
        column: String,
        /// Its first text cell.
        first: TextCell,
    },
    /// An empty column left out: every value is missing.
    LeftOut {
        /// The column.
        column: String,
    },
    /// A text column one-hot encoded.
    OneHot {
        /// The column.
        column: String,
        /// Columns it became, one per level.
        columns: usize,
        /// Its first text cell, when it is mostly numbers (a stray text made it a text column).
        stray: Option<TextCell>,
    },
    /// Rows dropped for a missing value.
    Dropped {
        /// Rows dropped.
        dropped: usize,
        /// Rows of the table.
        rows: usize,
    },
}

/// How the label column was chosen, said in the first note.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum LabelChoice {
    /// By the user.
    Chosen,
    /// Preselected: the column named `target`.
    Target,
    /// Preselected: the last column.
    Last,
}

/// The columns chosen, by index in the table, and how many rows were kept.
pub(crate) struct Chosen {
    /// The label column.
    pub label: usize,
    /// How it was chosen, said in the first note.
    pub how: LabelChoice,
    /// The feature columns.
    pub used: Vec<usize>,
    /// The empty columns left out.
    pub empty: Vec<usize>,
    /// Rows kept after `dropna`.
    pub kept: usize,
}

impl Report {
    /// The report of preparing `table` as `chosen` says, the label encoded as `label`.
    pub(crate) fn new(table: &Table, chosen: &Chosen, label: &Label, inputs: &[Input]) -> Report {
        let columns = table.columns();
        let name = |j: usize| columns.get(j).map_or("", |c| c.name()).to_string();
        let label_name = name(chosen.label);
        let mut notes = vec![
            Note::Label { column: label_name.clone(), how: chosen.how },
            Note::Task { task: label.task, classes: label.classes.clone() },
        ];
        let label_column = columns.get(chosen.label);
        if let Some(t) = label_column.filter(|c| c.is_mostly_numbers()).and_then(|c| c.first_text()) {
            notes.push(Note::LabelText { column: label_name, first: t.clone() });
        }
        let left_out: Vec<String> = chosen.empty.iter().map(|&j| name(j)).collect();
        notes.extend(left_out.iter().map(|c| Note::LeftOut { column: c.clone() }));
        for (input, &j) in inputs.iter().zip(&chosen.used) {
            if let Encoding::OneHot { levels } = &input.encoding {
                let column = columns.get(j).filter(|c| c.is_mostly_numbers());
                let stray = column.and_then(|c| c.first_text()).cloned();
                notes.push(Note::OneHot { column: input.column.clone(), columns: levels.len(), stray });
            }
        }
        let dropped = table.rows().saturating_sub(chosen.kept);
        if dropped > 0 {
            notes.push(Note::Dropped { dropped, rows: table.rows() });
        }
        let mut class_counts = vec![0; label.classes.len()];
        for &v in label.values.iter().filter(|_| label.task != Task::Regression) {
            if let Some(c) = class_counts.get_mut(v as usize) {
                *c += 1;
            }
        }
        Report {
            label: name(chosen.label),
            task: label.task,
            loss: label.task.loss(),
            units: label.task.units(label.classes.len()),
            classes: label.classes.clone(),
            class_counts,
            features: inputs.iter().flat_map(Input::feature_names).collect(),
            rows: table.rows(),
            dropped,
            left_out,
            notes,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_step_makes_its_note() {
        // A label chosen, mostly numbers with a stray text; an empty column; a one-hot column
        // that is mostly numbers; a dropped row.
        let text = b"x,notes,size,y\n1,,0,1\n2,,1,0\n3,,big,1\n,,1,x\n5,,0,0\n";
        let table = crate::data::read_csv(text, &Default::default()).unwrap();
        let label = Label { task: Task::MultiClass, classes: vec!["0".into(), "1".into(), "x".into()], values: vec![] };
        let size = Input {
            column: "size".into(),
            encoding: Encoding::OneHot { levels: vec!["0".into(), "1".into(), "big".into()] },
        };
        let x = Input { column: "x".into(), encoding: Encoding::Number };
        for how in [LabelChoice::Chosen, LabelChoice::Target, LabelChoice::Last] {
            let chosen = Chosen { label: 3, how, used: vec![0, 2], empty: vec![1], kept: 4 };
            let report = Report::new(&table, &chosen, &label, &[x.clone(), size.clone()]);
            let cell = |line, value: &str| TextCell { line, value: value.into() };
            let notes = [
                Note::Label { column: "y".into(), how },
                Note::Task { task: Task::MultiClass, classes: label.classes.clone() },
                Note::LabelText { column: "y".into(), first: cell(5, "x") },
                Note::LeftOut { column: "notes".into() },
                Note::OneHot { column: "size".into(), columns: 3, stray: Some(cell(4, "big")) },
                Note::Dropped { dropped: 1, rows: 5 },
            ];
            assert_eq!(report.notes, notes);
        }
    }

    #[test]
    fn the_report_survives_json() {
        let label = Label { task: Task::Binary, classes: vec!["B".into(), "M".into()], values: vec![1.0, 0.0, 1.0] };
        let table = crate::data::read_csv(b"x,y\n1,M\n2,B\n3,M\n,B\n", &Default::default()).unwrap();
        let chosen = Chosen { label: 1, how: LabelChoice::Chosen, used: vec![0], empty: vec![], kept: 3 };
        let inputs = [Input { column: "x".into(), encoding: Encoding::Number }];
        let report = Report::new(&table, &chosen, &label, &inputs);
        assert_eq!((report.class_counts.clone(), report.dropped), (vec![1, 2], 1));
        assert_eq!(report.notes.last(), Some(&Note::Dropped { dropped: 1, rows: 4 }));
        let json = serde_json::to_string(&report).unwrap();
        assert_eq!(serde_json::from_str::<Report>(&json).unwrap(), report);
    }
}
