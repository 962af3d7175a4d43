//! What the worker reports as failed ([`Failure`]), in words.

use super::{fill, Text, Words};
use crate::protocol::{Failure, FileProblem, RowProblem, WorkerProblem};

impl Words for WorkerProblem {
    fn words(&self, text: &'static Text) -> String {
        let t = &text.worker;
        match self {
            WorkerProblem::NoTable => t.no_table.to_string(),
            WorkerProblem::FileMissing { name } => fill(t.file_missing, &[("name", name)]),
            WorkerProblem::FileUnreadable { name, detail } => {
                fill(t.file_unreadable, &[("name", name), ("detail", detail)])
            }
            WorkerProblem::NotTrained => t.not_trained.to_string(),
            WorkerProblem::NotANumber { n, value } => fill(t.not_a_number, &[("n", n), ("value", value)]),
            WorkerProblem::NoData => t.no_data.to_string(),
            WorkerProblem::HelperLost { detail: Some(detail) } => fill(t.helper_lost, &[("detail", detail)]),
            WorkerProblem::HelperLost { detail: None } => t.helper_lost_silently.to_string(),
            WorkerProblem::MessageUnreadable { detail } => fill(t.message_unreadable, &[("detail", detail)]),
        }
    }
}

impl Words for FileProblem {
    fn words(&self, text: &'static Text) -> String {
        match self {
            FileProblem::Csv(e) => e.words(text),
            FileProblem::Prepare(e) => e.words(text),
        }
    }
}

impl Words for RowProblem {
    fn words(&self, text: &'static Text) -> String {
        match self {
            RowProblem::Prepare(e) => e.words(text),
            RowProblem::Scale(e) => e.words(text),
        }
    }
}

impl Words for Failure {
    fn words(&self, text: &'static Text) -> String {
        match self {
            Failure::Engine(e) => e.words(text),
            Failure::Worker(p) => p.words(text),
            Failure::File { name, problem } => {
                fill(text.worker.in_file, &[("name", name), ("message", &problem.words(text))])
            }
            Failure::Row(problem) => problem.words(text),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{Accepts, CsvError, PrepareError, ScaleError};
    use crate::i18n::check::assert_words;
    use crate::i18n::Lang;
    use crate::nn::NnError;

    #[test]
    fn every_failure_is_said_in_both_languages() {
        let all = [
            Failure::Engine(NnError::NoRows),
            Failure::Worker(WorkerProblem::NoTable),
            Failure::Worker(WorkerProblem::FileMissing { name: "a.csv".into() }),
            Failure::Worker(WorkerProblem::FileUnreadable { name: "a.csv".into(), detail: "NotReadableError".into() }),
            Failure::Worker(WorkerProblem::NotTrained),
            Failure::Worker(WorkerProblem::NotANumber { n: 2, value: "x".into() }),
            Failure::Worker(WorkerProblem::NoData),
            Failure::Worker(WorkerProblem::HelperLost { detail: Some("RuntimeError: unreachable".into()) }),
            Failure::Worker(WorkerProblem::HelperLost { detail: None }),
            Failure::Worker(WorkerProblem::MessageUnreadable { detail: "unexpected end".into() }),
            Failure::File { name: "a.csv".into(), problem: FileProblem::Csv(CsvError::Utf8 { line: 3, field: 2 }) },
            Failure::File {
                name: "a.csv".into(),
                problem: FileProblem::Prepare(PrepareError::EmptyLabel { column: "y".into() }),
            },
            Failure::Row(RowProblem::Prepare(PrepareError::BadValue {
                column: "age".into(),
                value: "old".into(),
                accepts: Accepts::Number,
            })),
            Failure::Row(RowProblem::Scale(ScaleError::Width { expected: 4, found: 3 })),
        ];
        for failure in &all {
            assert_words(failure);
        }
        let ragged = Failure::File {
            name: "a.csv".into(),
            problem: FileProblem::Csv(CsvError::Ragged { line: 13, found: 4, expected: 5 }),
        };
        assert_eq!(ragged.in_lang(Lang::En), "a.csv: line 13: found 4 fields, but the header has 5");
        assert_eq!(ragged.in_lang(Lang::Zh), "文件 a.csv：第 13 行：有 4 个字段，但表头有 5 个");
    }
}
