//! What preparing did, said for the data panel: the label and the task it makes, the features,
//! the rows kept, and each step as a sentence, in English and Chinese.
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
use crate::data::table::Table;
use crate::i18n::Bilingual;
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
    /// Each step, as a sentence in both languages.
    pub notes: Vec<Bilingual>,
}

/// How the label column was chosen, said in the first note.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LabelChoice {
    /// By the user.
    Chosen,
    /// Preselected: the column named `target`.
    Target,
    /// Preselected: the last column.
    Last,
}

impl LabelChoice {
    fn said(self) -> Bilingual {
        match self {
            LabelChoice::Chosen => Bilingual::new("chosen", "你选定的"),
            LabelChoice::Target => Bilingual::new("preselected: the column named \"target\"", "预选：名为“target”的列"),
            LabelChoice::Last => Bilingual::new("preselected: the last column", "预选：最后一列"),
        }
    }
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
        let how = chosen.how.said();
        let mut notes = vec![Bilingual::new(
            format!("label {label_name:?} ({})", how.en),
            format!("标签“{label_name}”（{}）", how.zh),
        )];
        notes.push(task_note(label.task, &label.classes));
        let label_column = columns.get(chosen.label);
        if let Some(t) = label_column.filter(|c| c.is_mostly_numbers()).and_then(|c| c.first_text()) {
            let (line, value) = (t.line, &t.value);
            notes.push(Bilingual::new(
                format!("label {label_name:?} is mostly numbers, but line {line} has {value:?}: read as text classes"),
                format!("标签“{label_name}”大多是数字，但第 {line} 行是“{value}”：按文本类别读取"),
            ));
        }
        let left_out: Vec<String> = chosen.empty.iter().map(|&j| name(j)).collect();
        notes.extend(left_out.iter().map(|c| {
            Bilingual::new(format!("left out {c:?}: every value is missing"), format!("未使用“{c}”：所有值都缺失"))
        }));
        for (input, &j) in inputs.iter().zip(&chosen.used) {
            if let Encoding::OneHot { levels } = &input.encoding {
                let (n, c) = (levels.len(), &input.column);
                let mut note = Bilingual::new(
                    format!("one-hot encoded {c:?} into {n} column{}", if n == 1 { "" } else { "s" }),
                    format!("把“{c}”独热编码为 {n} 列"),
                );
                let column = columns.get(j).filter(|c| c.is_mostly_numbers());
                if let Some(t) = column.and_then(|c| c.first_text()) {
                    note.en += &format!(" (it is mostly numbers, but line {} has {:?})", t.line, t.value);
                    note.zh += &format!("（它大多是数字，但第 {} 行是“{}”）", t.line, t.value);
                }
                notes.push(note);
            }
        }
        let dropped = table.rows().saturating_sub(chosen.kept);
        if dropped > 0 {
            let rows = table.rows();
            notes.push(Bilingual::new(
                format!("dropped {dropped} of {rows} rows with missing values"),
                format!("{rows} 行中有 {dropped} 行含缺失值，已删去"),
            ));
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
fn task_note(task: Task, classes: &[String]) -> Bilingual {
    let mapping: Vec<String> = classes.iter().enumerate().map(|(i, c)| format!("{c} → {i}")).collect();
    let (en, zh) = (mapping.join(", "), mapping.join("，"));
    let units = task.units(classes.len());
    let loss = task.loss().keras_name();
    match task {
        Task::Regression => Bilingual::new(
            format!("regression on a number ({loss}, 1 output unit)"),
            format!("对数值做回归（{loss}，1 个输出单元）"),
        ),
        Task::Binary => Bilingual::new(
            format!("binary: {en} ({loss}, 1 output unit)"),
            format!("二分类：{zh}（{loss}，1 个输出单元）"),
        ),
        Task::MultiClass => Bilingual::new(
            format!("{units} classes: {en} ({loss}, {units} output units)"),
            format!("{units} 个类别：{zh}（{loss}，{units} 个输出单元）"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_say_the_mapping_and_the_units() {
        let classes = ["a".to_string(), "b".into(), "c".into()];
        let multi = task_note(Task::MultiClass, &classes);
        assert_eq!(multi.en, "3 classes: a → 0, b → 1, c → 2 (sparse_categorical_crossentropy, 3 output units)");
        assert_eq!(multi.zh, "3 个类别：a → 0，b → 1，c → 2（sparse_categorical_crossentropy，3 个输出单元）");
        let binary = task_note(Task::Binary, &classes[..2]);
        assert_eq!(binary.en, "binary: a → 0, b → 1 (binary_crossentropy, 1 output unit)");
        let regression = task_note(Task::Regression, &[]);
        assert_eq!(regression.en, "regression on a number (mean_squared_error, 1 output unit)");
        for note in [multi, binary, regression] {
            crate::i18n::check::assert_bilingual(&note);
        }
    }

    #[test]
    fn every_note_is_said_in_both_languages() {
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
            assert_eq!(report.notes.len(), 6, "{:#?}", report.notes);
            for note in &report.notes {
                crate::i18n::check::assert_bilingual(note);
            }
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
        assert_eq!(report.notes.last().unwrap().en, "dropped 1 of 4 rows with missing values");
        let json = serde_json::to_string(&report).unwrap();
        assert_eq!(serde_json::from_str::<Report>(&json).unwrap(), report);
    }
}
