//! What the worker reports as failed, as facts ([`Failure`]): the engine's error, its own, a
//! file's or a typed row's; `crate::i18n` words them.

use serde::{Deserialize, Serialize};

use crate::data::{CsvError, PrepareError, ScaleError};
use crate::nn::NnError;

/// Why the worker could not do what it was asked, as facts (the page words them).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Failure {
    /// The engine refused or stopped (a set-up that does not fit, a divergence).
    Engine(NnError),
    /// The worker's own problem with a request.
    Worker(WorkerProblem),
    /// A CSV file could not be read or prepared: the file's name and the data layer's error.
    File {
        /// The file's name.
        name: String,
        /// What is wrong with it.
        problem: FileProblem,
    },
    /// A row to predict could not be read: the data layer's error.
    Row(RowProblem),
}

/// What is wrong with a CSV file: it could not be read, or not prepared for training.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum FileProblem {
    /// Reading it.
    Csv(CsvError),
    /// Turning its table into features and labels.
    Prepare(PrepareError),
}

impl From<CsvError> for FileProblem {
    fn from(error: CsvError) -> Self {
        FileProblem::Csv(error)
    }
}

impl From<PrepareError> for FileProblem {
    fn from(error: PrepareError) -> Self {
        FileProblem::Prepare(error)
    }
}

/// Why a row to predict could not be read: it could not be encoded as the training rows were,
/// or not scaled with their statistics.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum RowProblem {
    /// Encoding it (a value its column does not take, a value too many or too few).
    Prepare(PrepareError),
    /// Scaling it.
    Scale(ScaleError),
}

impl From<PrepareError> for RowProblem {
    fn from(error: PrepareError) -> Self {
        RowProblem::Prepare(error)
    }
}

impl From<ScaleError> for RowProblem {
    fn from(error: ScaleError) -> Self {
        RowProblem::Scale(error)
    }
}

/// What the worker itself refuses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum WorkerProblem {
    /// `Prepare` before any file was loaded.
    NoTable,
    /// `LoadCsv` came without its file.
    FileMissing {
        /// The file's name.
        name: String,
    },
    /// The browser refused to read a chunk of the file.
    FileUnreadable {
        /// The file's name.
        name: String,
        /// The browser's error.
        detail: String,
    },
    /// `Predict` before any model finished training.
    NotTrained,
    /// A value of a generated row to predict is not a number.
    NotANumber {
        /// Its position, from 1.
        n: usize,
        /// As typed.
        value: String,
    },
    /// `Train` before there is data.
    NoData,
    /// One of the workers sharing the fit failed (the browser's words, when it gave some).
    HelperLost {
        /// What the browser or the worker said.
        detail: Option<String>,
    },
    /// A message that is not one.
    MessageUnreadable {
        /// postcard's error.
        detail: String,
    },
}
