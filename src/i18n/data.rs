//! The data layer's errors and notes in words ([`Words`] for [`CsvError`], [`ScaleError`],
//! [`PrepareError`] and the report's [`Note`]s), and the errors' English `Display`.
//!
//! Names are quoted as each language quotes them (`"age"`, `“age”`), in the catalogue's
//! templates; a list of values is joined with `list_separator` (`, `, `、`), a list of names in
//! quotes with `quoted_separator` (`"a", "b"`, `“a”、“b”`).

use super::{fill, Text, Words};
use crate::data::{
    Accepts, CsvError, LabelChoice, Mismatch, Note, PrepareError, ScaleError, Task, MAX_BYTES, MAX_COLUMNS, MAX_LEVELS,
    MAX_RECORD_BYTES,
};

/// `one` when `n` is 1, else `many`: the English says `1 field`, `4 fields`.
fn by_count(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 {
        one
    } else {
        many
    }
}

/// The task in a sentence: `a binary classification`.
fn task_words(task: Task, t: &'static Text) -> &'static str {
    match task {
        Task::Binary => t.data.task_binary,
        Task::MultiClass => t.data.task_multi_class,
        Task::Regression => t.data.task_regression,
    }
}

impl Words for CsvError {
    fn words(&self, t: &'static Text) -> String {
        let t = &t.data;
        match self {
            CsvError::Empty => t.csv_empty.to_string(),
            CsvError::HeaderOnly { columns } => {
                fill(by_count(*columns, t.csv_header_only_one, t.csv_header_only), &[("columns", columns)])
            }
            CsvError::TooLarge { bytes } => fill(t.csv_too_large, &[("limit", &(MAX_BYTES >> 20)), ("bytes", bytes)]),
            CsvError::TooManyColumns { line, columns } => {
                fill(t.csv_too_many_columns, &[("line", line), ("columns", columns), ("limit", &MAX_COLUMNS)])
            }
            CsvError::Ragged { line, found, expected } => fill(
                by_count(*found, t.csv_ragged_one, t.csv_ragged),
                &[("line", line), ("found", found), ("expected", expected)],
            ),
            CsvError::Utf8 { line, field } => fill(t.csv_utf8, &[("line", line), ("field", field)]),
            CsvError::RecordTooLong { line } => {
                fill(t.csv_record_too_long, &[("line", line), ("limit", &(MAX_RECORD_BYTES >> 20))])
            }
            CsvError::Parse { line, message } => fill(t.csv_parse, &[("line", line), ("message", message)]),
        }
    }
}

impl Words for ScaleError {
    fn words(&self, t: &'static Text) -> String {
        match self {
            ScaleError::Width { expected, found } => {
                fill(t.data.scale_width, &[("expected", expected), ("found", found)])
            }
        }
    }
}

impl Words for Mismatch {
    fn words(&self, t: &'static Text) -> String {
        let t = &t.data;
        match self {
            Mismatch::Values { count } => fill(t.reason_values, &[("count", count)]),
            Mismatch::TooManyValues => fill(t.reason_too_many_values, &[("limit", &MAX_LEVELS)]),
            Mismatch::Text { first: Some(cell) } => {
                fill(t.reason_text_at, &[("line", &cell.line), ("value", &cell.value)])
            }
            Mismatch::Text { first: None } => t.reason_text.to_string(),
        }
    }
}

impl Words for Accepts {
    fn words(&self, t: &'static Text) -> String {
        let t = &t.data;
        match self {
            Accepts::Number => t.accepts_number.to_string(),
            Accepts::OneOf { levels } => fill(t.accepts_levels, &[("levels", &levels.join(t.list_separator))]),
        }
    }
}

impl Words for PrepareError {
    fn words(&self, text: &'static Text) -> String {
        let t = &text.data;
        match self {
            PrepareError::NoSuchColumn { name, columns } => {
                fill(t.no_such_column, &[("name", name), ("columns", &columns.join(t.quoted_separator))])
            }
            PrepareError::TooManyLevels { column, distinct } => {
                fill(t.too_many_levels, &[("column", column), ("distinct", distinct), ("limit", &MAX_LEVELS)])
            }
            PrepareError::StrayText { column, line, value } => {
                fill(t.stray_text, &[("column", column), ("line", line), ("value", value)])
            }
            PrepareError::TooManyClasses { column, distinct } => {
                fill(t.too_many_classes, &[("column", column), ("distinct", distinct), ("limit", &MAX_LEVELS)])
            }
            PrepareError::OneValue { column, value } => fill(t.one_value, &[("column", column), ("value", value)]),
            PrepareError::EmptyLabel { column } => fill(t.empty_label, &[("column", column)]),
            PrepareError::NoRowsLeft { rows, column, missing } => {
                fill(t.no_rows_left, &[("rows", rows), ("column", column), ("missing", missing)])
            }
            PrepareError::NoFeatures { label } => fill(t.no_features, &[("label", label)]),
            PrepareError::TaskMismatch { column, task, reason } => fill(
                t.task_mismatch,
                &[("column", column), ("task", &task_words(*task, text)), ("reason", &reason.words(text))],
            ),
            PrepareError::RowWidth { expected, found } => {
                fill(t.row_width, &[("expected", expected), ("found", found)])
            }
            PrepareError::BadValue { column, value, accepts } => {
                fill(t.bad_value, &[("column", column), ("value", value), ("accepts", &accepts.words(text))])
            }
        }
    }
}

impl Words for LabelChoice {
    fn words(&self, t: &'static Text) -> String {
        let t = &t.data;
        match self {
            LabelChoice::Chosen => t.how_chosen,
            LabelChoice::Target => t.how_target,
            LabelChoice::Last => t.how_last,
        }
        .to_string()
    }
}

impl Words for Note {
    fn words(&self, text: &'static Text) -> String {
        let t = &text.data;
        match self {
            Note::Label { column, how } => fill(t.note_label, &[("column", column), ("how", &how.words(text))]),
            Note::Task { task, classes } => {
                let mapping: Vec<String> = classes.iter().enumerate().map(|(i, c)| format!("{c} → {i}")).collect();
                let mapping = mapping.join(t.mapping_separator);
                let (loss, units) = (task.loss().keras_name(), task.units(classes.len()));
                let template = match task {
                    Task::Regression => t.note_regression,
                    Task::Binary => t.note_binary,
                    Task::MultiClass => t.note_classes,
                };
                fill(template, &[("mapping", &mapping), ("loss", &loss), ("units", &units)])
            }
            Note::LabelText { column, first } => {
                fill(t.note_label_text, &[("column", column), ("line", &first.line), ("value", &first.value)])
            }
            Note::LeftOut { column } => fill(t.note_left_out, &[("column", column)]),
            Note::OneHot { column, columns, stray } => {
                let template = by_count(*columns, t.note_one_hot_one, t.note_one_hot);
                let mut note = fill(template, &[("column", column), ("n", columns)]);
                if let Some(cell) = stray {
                    note += &fill(t.note_one_hot_stray, &[("line", &cell.line), ("value", &cell.value)]);
                }
                note
            }
            Note::Dropped { dropped, rows } => fill(t.note_dropped, &[("dropped", dropped), ("rows", rows)]),
        }
    }
}

english_display!(CsvError, ScaleError, PrepareError);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::TextCell;
    use crate::i18n::check::assert_words;
    use crate::i18n::Lang;

    fn cell(line: u64, value: &str) -> TextCell {
        TextCell { line, value: value.into() }
    }

    #[test]
    fn csv_errors_name_the_line_and_both_counts() {
        let ragged = CsvError::Ragged { line: 13, found: 4, expected: 5 };
        assert_eq!(ragged.to_string(), "line 13: found 4 fields, but the header has 5");
        let one = CsvError::Ragged { line: 2, found: 1, expected: 3 };
        assert_eq!(one.to_string(), "line 2: found 1 field, but the header has 3");
        assert_eq!(
            CsvError::HeaderOnly { columns: 1 }.to_string(),
            "the file has a header (1 column) but no rows of values"
        );
        assert!(CsvError::TooLarge { bytes: 1 }.to_string().contains("up to 200 MiB"));
        assert_eq!(
            CsvError::TooManyColumns { line: 1, columns: 10_000 }.to_string(),
            "line 1: the header has 10000 columns; MLP Lab reads files of up to 1000 columns, so keep the columns you need and load the file again"
        );
        assert_eq!(
            CsvError::RecordTooLong { line: 12 }.to_string(),
            "line 12: a row longer than 16 MiB starts here; is a quote (\") left open?"
        );
    }

    #[test]
    fn every_csv_error_says_itself_in_both_languages_with_the_same_figures() {
        let all = [
            CsvError::Empty,
            CsvError::HeaderOnly { columns: 5 },
            CsvError::HeaderOnly { columns: 1 },
            CsvError::TooLarge { bytes: 209_715_300 },
            CsvError::TooManyColumns { line: 1, columns: 10_000 },
            CsvError::Ragged { line: 13, found: 4, expected: 5 },
            CsvError::Ragged { line: 2, found: 1, expected: 3 },
            CsvError::Utf8 { line: 7, field: 3 },
            CsvError::RecordTooLong { line: 12 },
            CsvError::Parse { line: 9, message: "invalid record".into() },
        ];
        for error in &all {
            assert_words(error);
        }
        assert_eq!(all[5].in_lang(Lang::Zh), "第 13 行：有 4 个字段，但表头有 5 个");
        assert_eq!(
            all[4].in_lang(Lang::Zh),
            "第 1 行：表头有 10000 列；MLP Lab 能读取的文件最多 1000 列，请只保留需要的列，再重新载入文件"
        );
    }

    #[test]
    fn a_scale_error_says_both_widths() {
        let err = ScaleError::Width { expected: 2, found: 1 };
        assert_eq!(err.to_string(), "the scaler was fitted on 2 features, but these rows have 1");
        assert_words(&err);
    }

    #[test]
    fn prepare_errors_read_as_the_issue_asks() {
        let e = PrepareError::TooManyLevels { column: "city".into(), distinct: 812 };
        assert_eq!(
            e.to_string(),
            "column \"city\" has 812 different text values; MLP Lab one-hot encodes text columns with up to 50 values"
        );
        let e = PrepareError::StrayText { column: "age".into(), line: 57, value: "abc".into() };
        assert_eq!(e.to_string(), "column \"age\": line 57 has \"abc\" where the other values are numbers");
        let e = PrepareError::NoSuchColumn { name: "y".into(), columns: vec!["a".into(), "b".into()] };
        assert_eq!(e.to_string(), "there is no column \"y\"; the columns are \"a\", \"b\"");
        assert_eq!(e.in_lang(Lang::Zh), "没有名为“y”的列；现有的列是 “a”、“b”");
    }

    #[test]
    fn a_task_refused_and_a_value_refused_say_why() {
        let mismatch = |task, reason| PrepareError::TaskMismatch { column: "y".into(), task, reason };
        let e = mismatch(Task::Binary, Mismatch::Values { count: 3 });
        assert_eq!(
            e.to_string(),
            "label column \"y\" cannot be used for a binary classification: it has 3 different values"
        );
        assert_eq!(e.in_lang(Lang::Zh), "标签列“y”不能用于二分类：它有 3 个不同的值");
        let e = mismatch(Task::Regression, Mismatch::Text { first: Some(cell(2, "a")) });
        assert_eq!(
            e.to_string(),
            "label column \"y\" cannot be used for a regression: it holds text (line 2 has \"a\")"
        );
        assert_eq!(e.in_lang(Lang::Zh), "标签列“y”不能用于回归：它含有文本（第 2 行是“a”）");
        let bad = |column: &str, value: &str, accepts| PrepareError::BadValue {
            column: column.into(),
            value: value.into(),
            accepts,
        };
        assert_eq!(bad("age", "abc", Accepts::Number).to_string(), "column \"age\": \"abc\" is not a number");
        let e = bad("n", "z", Accepts::OneOf { levels: vec!["1".into(), "x".into()] });
        assert_eq!(e.to_string(), "column \"n\": \"z\" is not one of the values seen in training: 1, x");
        assert_eq!(e.in_lang(Lang::Zh), "列“n”：“z”不是训练中见过的值之一：1、x");
        let e = PrepareError::RowWidth { expected: 2, found: 1 };
        assert_eq!(e.to_string(), "expected 2 values, one for each input column, but got 1");
    }

    #[test]
    fn every_prepare_error_says_itself_in_both_languages_with_the_same_figures() {
        let mismatch = |task, reason| PrepareError::TaskMismatch { column: "y".into(), task, reason };
        let all = [
            PrepareError::NoSuchColumn { name: "y".into(), columns: vec!["x1".into(), "x2".into()] },
            PrepareError::TooManyLevels { column: "city".into(), distinct: 812 },
            PrepareError::StrayText { column: "age".into(), line: 57, value: "abc".into() },
            PrepareError::TooManyClasses { column: "name".into(), distinct: 90 },
            PrepareError::OneValue { column: "y".into(), value: "B".into() },
            PrepareError::EmptyLabel { column: "y".into() },
            PrepareError::NoRowsLeft { rows: 569, column: "notes".into(), missing: 569 },
            PrepareError::NoFeatures { label: "y".into() },
            mismatch(Task::Binary, Mismatch::Values { count: 3 }),
            mismatch(Task::MultiClass, Mismatch::TooManyValues),
            mismatch(Task::Regression, Mismatch::Text { first: Some(cell(2, "a")) }),
            mismatch(Task::Regression, Mismatch::Text { first: None }),
            PrepareError::RowWidth { expected: 4, found: 3 },
            PrepareError::BadValue { column: "age".into(), value: "old".into(), accepts: Accepts::Number },
            PrepareError::BadValue {
                column: "n".into(),
                value: "z".into(),
                accepts: Accepts::OneOf { levels: vec!["1".into(), "x".into()] },
            },
        ];
        for error in &all {
            assert_words(error);
        }
    }

    #[test]
    fn notes_say_the_mapping_and_the_units() {
        let classes = vec!["a".to_string(), "b".into(), "c".into()];
        let multi = Note::Task { task: Task::MultiClass, classes: classes.clone() };
        assert_eq!(
            multi.in_lang(Lang::En),
            "3 classes: a → 0, b → 1, c → 2 (sparse_categorical_crossentropy, 3 output units)"
        );
        assert_eq!(
            multi.in_lang(Lang::Zh),
            "3 个类别：a → 0，b → 1，c → 2（sparse_categorical_crossentropy，3 个输出单元）"
        );
        let binary = Note::Task { task: Task::Binary, classes: classes[..2].to_vec() };
        assert_eq!(binary.in_lang(Lang::En), "binary: a → 0, b → 1 (binary_crossentropy, 1 output unit)");
        let regression = Note::Task { task: Task::Regression, classes: vec![] };
        assert_eq!(regression.in_lang(Lang::En), "regression on a number (mean_squared_error, 1 output unit)");
        let label = Note::Label { column: "c".into(), how: LabelChoice::Last };
        assert_eq!(label.in_lang(Lang::En), "label \"c\" (preselected: the last column)");
        let dropped = Note::Dropped { dropped: 1, rows: 4 };
        assert_eq!(dropped.in_lang(Lang::En), "dropped 1 of 4 rows with missing values");
        let one_hot = Note::OneHot { column: "size".into(), columns: 3, stray: Some(cell(4, "big")) };
        assert_eq!(
            one_hot.in_lang(Lang::En),
            "one-hot encoded \"size\" into 3 columns (it is mostly numbers, but line 4 has \"big\")"
        );
        assert_eq!(one_hot.in_lang(Lang::Zh), "把“size”独热编码为 3 列（它大多是数字，但第 4 行是“big”）");
    }

    #[test]
    fn every_note_is_said_in_both_languages() {
        let all = [
            Note::Label { column: "y".into(), how: LabelChoice::Chosen },
            Note::Label { column: "y".into(), how: LabelChoice::Target },
            Note::Label { column: "y".into(), how: LabelChoice::Last },
            Note::Task { task: Task::Regression, classes: vec![] },
            Note::Task { task: Task::Binary, classes: vec!["B".into(), "M".into()] },
            Note::Task { task: Task::MultiClass, classes: vec!["0".into(), "1".into(), "x".into()] },
            Note::LabelText { column: "y".into(), first: cell(5, "x") },
            Note::LeftOut { column: "notes".into() },
            Note::OneHot { column: "city".into(), columns: 1, stray: None },
            Note::OneHot { column: "size".into(), columns: 3, stray: Some(cell(4, "big")) },
            Note::Dropped { dropped: 12, rows: 569 },
        ];
        for note in &all {
            assert_words(note);
        }
    }
}
