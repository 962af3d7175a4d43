//! What preparing did, said for the data panel: the label and the task it makes, the features,
//! the rows kept, and each step as a sentence.
//!
//! ```text
//! label "diagnosis" (preselected: the last column)
//! binary: B → 0, M → 1 (binary_crossentropy, 1 output unit)
//! left out "notes": every value is missing
//! one-hot encoded "city" into 7 columns
//! dropped 12 of 569 rows with missing values
//! ```

use serde::{Deserialize, Serialize};

use super::label::Label;
use super::{Encoding, Input, Task};
use crate::data::table::Table;
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
    /// Each step, as a sentence.
    pub notes: Vec<String>,
}

/// The columns chosen, by index in the table, and how many rows were kept.
pub(crate) struct Chosen {
    /// The label column.
    pub label: usize,
    /// How it was chosen, said in the first note.
    pub how: &'static str,
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
        let mut notes = vec![format!("label {:?} ({})", name(chosen.label), chosen.how)];
        notes.push(task_note(label.task, &label.classes));
        let label_column = columns.get(chosen.label);
        if let Some(t) = label_column.filter(|c| c.is_mostly_numbers()).and_then(|c| c.first_text()) {
            let (line, value) = (t.line, &t.value);
            notes.push(format!(
                "label {:?} is mostly numbers, but line {line} has {value:?}: read as text classes",
                name(chosen.label)
            ));
        }
        let left_out: Vec<String> = chosen.empty.iter().map(|&j| name(j)).collect();
        notes.extend(left_out.iter().map(|c| format!("left out {c:?}: every value is missing")));
        for (input, &j) in inputs.iter().zip(&chosen.used) {
            if let Encoding::OneHot { levels } = &input.encoding {
                let n = levels.len();
                let mut note =
                    format!("one-hot encoded {:?} into {n} column{}", input.column, if n == 1 { "" } else { "s" });
                let column = columns.get(j).filter(|c| c.is_mostly_numbers());
                if let Some(t) = column.and_then(|c| c.first_text()) {
                    note += &format!(" (it is mostly numbers, but line {} has {:?})", t.line, t.value);
                }
                notes.push(note);
            }
        }
        let dropped = table.rows().saturating_sub(chosen.kept);
        if dropped > 0 {
            notes.push(format!("dropped {dropped} of {} rows with missing values", table.rows()));
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

/// `binary: B → 0, M → 1 (binary_crossentropy, 1 output unit)`.
fn task_note(task: Task, classes: &[String]) -> String {
    let mapping: Vec<String> = classes.iter().enumerate().map(|(i, c)| format!("{c} → {i}")).collect();
    let units = task.units(classes.len());
    let loss = task.loss().keras_name();
    match task {
        Task::Regression => format!("regression on a number ({loss}, 1 output unit)"),
        Task::Binary => format!("binary: {} ({loss}, 1 output unit)", mapping.join(", ")),
        Task::MultiClass => format!("{units} classes: {} ({loss}, {units} output units)", mapping.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_say_the_mapping_and_the_units() {
        let classes = ["a".to_string(), "b".into(), "c".into()];
        assert_eq!(
            task_note(Task::MultiClass, &classes),
            "3 classes: a → 0, b → 1, c → 2 (sparse_categorical_crossentropy, 3 output units)"
        );
        assert_eq!(task_note(Task::Binary, &classes[..2]), "binary: a → 0, b → 1 (binary_crossentropy, 1 output unit)");
        assert_eq!(task_note(Task::Regression, &[]), "regression on a number (mean_squared_error, 1 output unit)");
    }

    #[test]
    fn the_report_survives_json() {
        let label = Label { task: Task::Binary, classes: vec!["B".into(), "M".into()], values: vec![1.0, 0.0, 1.0] };
        let table = crate::data::read_csv(b"x,y\n1,M\n2,B\n3,M\n,B\n", &Default::default()).unwrap();
        let chosen = Chosen { label: 1, how: "chosen", used: vec![0], empty: vec![], kept: 3 };
        let inputs = [Input { column: "x".into(), encoding: Encoding::Number }];
        let report = Report::new(&table, &chosen, &label, &inputs);
        assert_eq!((report.class_counts.clone(), report.dropped), (vec![1, 2], 1));
        assert_eq!(report.notes.last().unwrap(), "dropped 1 of 4 rows with missing values");
        let json = serde_json::to_string(&report).unwrap();
        assert_eq!(serde_json::from_str::<Report>(&json).unwrap(), report);
    }
}
