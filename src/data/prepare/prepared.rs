//! From a table to a dataset, as the seed's `pd.read_csv` → `dropna()` → `X, y` does, with
//! each step said in the report:
//!
//! 1. the label: `target` when there is one, else the last column (or the one asked for);
//! 2. the features: every other column not excluded; an empty column is left out with a note;
//!    a text column is one-hot encoded (`one-hot encoded "city" into 7 columns`);
//! 3. `dropna`: a row missing a value in a used column is dropped
//!    (`dropped 12 of 569 rows with missing values`);
//! 4. the task from the label's values ([`label`](super::Task)).
//!
//! Scaling waits for the split ([`Prepared::split`]): its statistics come from the training rows.
//!
//! ```
//! use mlp_lab::data::{prepare, read_csv, CsvOptions, PrepareOptions, Task};
//! let table = read_csv(b"radius,diagnosis\n17.9,M\n11.4,B\n,B\n20.5,M\n", &CsvOptions::default()).unwrap();
//! let (prepared, report) = prepare(&table, &PrepareOptions::default()).unwrap();
//! assert_eq!((report.task, report.classes.clone(), report.dropped), (Task::Binary, vec!["B".into(), "M".into()], 1));
//! assert_eq!(prepared.data.y.column(0).to_vec(), [1.0, 0.0, 1.0]);
//! ```

use ndarray::{Array1, Axis};
use serde::{Deserialize, Serialize};

use super::features::{encode_row, inputs, matrix, select};
use super::label::{check_label, encode_label};
use super::report::{Chosen, LabelChoice, Report};
use super::{Input, PrepareError, Task};
use crate::data::normalize::{Scaler, Scaling};
use crate::data::stratify::train_test_split_stratified;
use crate::data::table::Table;
use crate::data::{train_test_split, Dataset};
use crate::nn::Loss;

/// What to prepare.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PrepareOptions {
    /// The label column; `None` (the default) takes `target` when there is one, else the last
    /// column (the seed's `data['target']`).
    pub label: Option<String>,
    /// Columns left out of the features (an id, a name); default none.
    pub exclude: Vec<String>,
    /// The task; `None` (the default) detects it from the label's values.
    pub task: Option<Task>,
    /// How features are scaled at the split; default z-score (the seed's).
    pub scaling: Scaling,
}

/// What a model trained on this data reads and predicts: kept with the model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Schema {
    /// The label column.
    pub label: String,
    /// What is predicted.
    pub task: Task,
    /// Class names by class id (empty for a regression).
    pub classes: Vec<String>,
    /// The columns read, and how they encode.
    pub inputs: Vec<Input>,
    /// The features' names after encoding (`age`, `city=Lyon`, …).
    pub features: Vec<String>,
}

/// A table made ready to train on.
#[derive(Debug, Clone, PartialEq)]
pub struct Prepared {
    /// Features (encoded, not scaled) and labels (0/1, class id, or the value) of the rows kept.
    pub data: Dataset,
    /// What the model reads and predicts.
    pub schema: Schema,
    /// How [`split`](Prepared::split) scales the features.
    pub scaling: Scaling,
}

/// The training and test rows, scaled with the training rows' statistics.
#[derive(Debug, Clone, PartialEq)]
pub struct Split {
    /// Training rows, scaled.
    pub train: Dataset,
    /// Test rows, scaled with the training rows' statistics.
    pub test: Dataset,
    /// The scaling, to keep with the model for new rows.
    pub scaler: Scaler,
    /// What scaling did that deserves a word (constant columns).
    pub notes: Vec<String>,
}

/// Turns a table into features and labels, and says how.
pub fn prepare(table: &Table, options: &PrepareOptions) -> Result<(Prepared, Report), PrepareError> {
    let columns = table.columns();
    let find = |name: &String| {
        table.position(name).ok_or_else(|| PrepareError::NoSuchColumn {
            name: name.clone(),
            columns: table.names().iter().map(|n| n.to_string()).collect(),
        })
    };
    let (label, how) = match &options.label {
        Some(name) => (find(name)?, LabelChoice::Chosen),
        None => match table.position("target") {
            Some(j) => (j, LabelChoice::Target),
            None => (columns.len().saturating_sub(1), LabelChoice::Last),
        },
    };
    let exclude = options.exclude.iter().map(find).collect::<Result<Vec<usize>, _>>()?;
    let label_column = columns.get(label).ok_or(PrepareError::NoFeatures { label: String::new() })?;
    let name = label_column.name().to_string();
    check_label(label_column, options.task)?;
    let (used, empty) = select(table, label, &exclude)?;
    if used.is_empty() {
        return Err(PrepareError::NoFeatures { label: name });
    }
    let rows: Vec<usize> =
        (0..table.rows()).filter(|&r| label_column.present(r) && used.iter().all(|&j| columns[j].present(r))).collect();
    if rows.is_empty() {
        // The column missing the most (the first of equals).
        let worst = used.iter().chain([&label]).rev().map(|&j| &columns[j]).max_by_key(|c| c.missing());
        let (column, missing) = worst.map_or((name.clone(), 0), |c| (c.name().to_string(), c.missing()));
        return Err(PrepareError::NoRowsLeft { rows: table.rows(), column, missing });
    }
    let encoded = encode_label(label_column, &rows, options.task)?;
    let inputs = inputs(table, &used, &rows);
    let x = matrix(table, &used, &inputs, &rows);

    let chosen = Chosen { label, how, used, empty, kept: rows.len() };
    let report = Report::new(table, &chosen, &encoded, &inputs);
    let y = Array1::from(encoded.values).insert_axis(Axis(1));
    let features = report.features.clone();
    let schema = Schema { label: name, task: encoded.task, classes: encoded.classes, inputs, features };
    Ok((Prepared { data: Dataset { x, y }, schema, scaling: options.scaling }, report))
}

impl Schema {
    /// The loss to suggest.
    pub fn loss(&self) -> Loss {
        self.task.loss()
    }

    /// Units of the output layer.
    pub fn units(&self) -> usize {
        self.task.units(self.classes.len())
    }

    /// Encodes a new row (one text per input, in the inputs' order) as the training rows were.
    pub fn encode_row(&self, values: &[&str]) -> Result<Vec<f32>, PrepareError> {
        encode_row(&self.inputs, values)
    }
}

impl Prepared {
    /// Splits into training and test rows (stratified for a classification, as
    /// [`train_test_split_stratified`]; shuffled for a regression, as [`train_test_split`]), then
    /// fits the scaler on the training rows and scales both.
    pub fn split(&self, test_size: f64, seed: u64) -> Split {
        let (mut train, mut test) = match self.schema.task {
            Task::Regression => train_test_split(&self.data, test_size, seed),
            _ => train_test_split_stratified(&self.data, test_size, seed),
        };
        let scaler = Scaler::fit(&train.x, self.scaling);
        // Both have the scaler's width: they come from the same matrix.
        let _ = scaler.transform(&mut train.x).and(scaler.transform(&mut test.x));
        let notes = scaler
            .constant_columns()
            .iter()
            .filter_map(|&j| self.schema.features.get(j))
            .map(|f| format!("{f:?} is constant in the training rows: centred, not scaled"))
            .collect();
        Split { train, test, scaler, notes }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{read_csv, CsvOptions};

    fn table(text: &str) -> Table {
        read_csv(text.as_bytes(), &CsvOptions::default()).unwrap()
    }

    #[test]
    fn target_is_preselected_else_the_last_column() {
        let (_, report) = prepare(&table("target,a,b\n0,1,2\n1,3,4\n"), &PrepareOptions::default()).unwrap();
        assert_eq!((report.label.as_str(), report.features.clone()), ("target", vec!["a".to_string(), "b".into()]));
        let (_, report) = prepare(&table("a,b,c\n0,1,2\n1,3,4\n"), &PrepareOptions::default()).unwrap();
        assert_eq!(report.label, "c");
        assert_eq!(report.notes[0], crate::data::Note::Label { column: "c".into(), how: LabelChoice::Last });
    }
}
