//! What the worker reports as failed ([`Failure`]), in words.

use super::{fill, Text, Words};
use crate::protocol::{Failure, WorkerProblem};

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
            WorkerProblem::MessageUnreadable { detail } => fill(t.message_unreadable, &[("detail", detail)]),
        }
    }
}

impl Words for Failure {
    fn words(&self, text: &'static Text) -> String {
        match self {
            Failure::Engine(e) => e.words(text),
            Failure::Worker(p) => p.words(text),
            Failure::File { name, message } => {
                fill(text.worker.in_file, &[("name", name), ("message", &message.get(text.lang))])
            }
            Failure::Row(message) => message.get(text.lang).to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::check::assert_words;
    use crate::i18n::Bilingual;
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
            Failure::Worker(WorkerProblem::MessageUnreadable { detail: "unexpected end".into() }),
            Failure::File { name: "a.csv".into(), message: Bilingual::new("line 3: bad", "第 3 行：坏") },
            Failure::Row(Bilingual::new("value 1 is bad", "第 1 个值有问题")),
        ];
        for failure in &all {
            assert_words(failure);
        }
    }
}
