//! The messages between the page and the training worker: two serde enums, sent as postcard bytes
//! ([`encode`], [`decode`]): compact, and far less code in the two wasm files than a JSON parser.
//!
//! The worker posts [`FromWorker::Ready`] once it has loaded; the page sends nothing before.
//! The worker owns the dataset (so large data never has to live on the page's thread): the page
//! asks it to [`ToWorker::Generate`], gets a [`DataSummary`] back, then asks it to
//! [`ToWorker::Train`] on it and receives the Keras logs as they happen.

use serde::{Deserialize, Serialize};

use crate::data::{ColumnSummary, Generator, GeneratorSpec, Report, Scaling, Task};
use crate::nn::{
    Activation, BatchLogs, BoundaryMap, DenseConfig, EarlyStopping, EpochLogs, EvaluationReport, LayerConfig, Loss,
    Optimizer, Speed,
};
use crate::trainer::Workers;

mod failure;
mod replica;

pub use failure::{Failure, FileProblem, RowProblem, WorkerProblem};
pub use replica::{FromReplica, ReplicaSpec};

/// A message as bytes, for `postMessage` (as a `Uint8Array`).
pub fn encode<T: Serialize>(message: &T) -> Vec<u8> {
    // Every message is plain data (no maps with non-string keys, no unsized sequences).
    postcard::to_allocvec(message).expect("messages serialise")
}

/// A message back from its bytes; an error when they are not one (cut short, or from another
/// version of MLP Lab).
pub fn decode<'a, T: Deserialize<'a>>(bytes: &'a [u8]) -> Result<T, String> {
    postcard::from_bytes(bytes).map_err(|e| e.to_string())
}

/// Page → worker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ToWorker {
    /// Make data with a generator and keep it.
    Generate(GeneratorSpec),
    /// Read a CSV file and keep it. The file itself (a `Blob`) travels beside this message: the
    /// page posts the array `[bytes, blob]`.
    LoadCsv {
        /// The file's name, for messages.
        name: String,
    },
    /// Prepare the loaded CSV again with another label column, other columns left out, or
    /// another scaling.
    Prepare {
        /// The label column; `None` takes `target`, else the last column.
        label: Option<String>,
        /// Columns left out of the features.
        exclude: Vec<String>,
        /// How features are scaled (fitted on the training split).
        scaling: Scaling,
    },
    /// Split the kept data, build the model and fit it; evaluate on the test split at the end.
    Train(TrainSpec),
    /// Stop the running fit.
    Stop,
    /// Pause the running fit between two steps, keeping it.
    Pause,
    /// Go on with the paused fit.
    Resume,
    /// `model.predict` on one row, with the last trained model: one value per input column as
    /// typed (a file's rows are encoded and scaled with the training rows' statistics first).
    Predict(Vec<String>),
    /// From the page's trainer to another worker it started: train as one replica of its fit,
    /// exchanging gradients through shared memory, until the fit ends or is stopped. The
    /// shared buffer and the rows travel beside this message: the array
    /// `[bytes, buffer, x, y, validation x, validation y]` (the validation's two only when
    /// [`ReplicaSpec::validated`]).
    Replica(ReplicaSpec),
}

/// Worker → page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
// A message lives only until it is serialised: boxing the large variants would buy nothing.
#[allow(clippy::large_enum_variant)]
pub enum FromWorker {
    /// The worker has loaded; `simd` tells whether its kernels use 128-bit SIMD.
    Ready {
        /// Whether the matrix products run on `f32x4`.
        simd: bool,
        /// Whether they fuse multiply-adds with relaxed SIMD (the `worker_relaxed` build).
        relaxed: bool,
    },
    /// A CSV file is being read.
    Loading {
        /// The file's name.
        name: String,
        /// Bytes read so far.
        bytes: u64,
        /// The file's size.
        total: u64,
    },
    /// The data is ready.
    Data(DataSummary),
    /// A fit has begun.
    Started(RunInfo),
    /// How many workers train the fit that has begun, and why not more.
    Workers(Workers),
    /// A batch ended (sent at most every few dozen milliseconds).
    Batch(BatchLogs),
    /// The training speed so far, over the time spent training (sent with the logs).
    Speed(Speed),
    /// For 2-feature classification: what the model predicts over the data's plane (sent at
    /// most every few hundred milliseconds, and after the last epoch).
    Boundary(BoundaryMap),
    /// An epoch ended.
    Epoch(EpochLogs),
    /// The test split's confusion matrix and ROC curve, and the training rows' accuracy (sent
    /// just before [`FromWorker::Evaluated`], for a classification).
    Report(EvaluationReport),
    /// `model.evaluate` on the test split ended: the fit is done.
    Evaluated(TestLogs),
    /// The fit was stopped on request.
    Stopped,
    /// The fit is paused (between two steps) on request.
    Paused,
    /// The paused fit goes on.
    Resumed,
    /// `model.predict`'s output for the row asked about (one value per output unit), or why the
    /// row could not be read.
    Prediction(Result<Vec<f32>, Failure>),
    /// Something went wrong: what, as facts the page words in the language in force.
    Failed(Failure),
}

/// What to train: the split, the model, `compile` and `fit`'s arguments.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrainSpec {
    /// Layers, input side first.
    pub layers: Vec<LayerConfig>,
    /// The loss.
    pub loss: Loss,
    /// The optimizer.
    pub optimizer: Optimizer,
    /// Epochs.
    pub epochs: usize,
    /// Batch size.
    pub batch_size: usize,
    /// Share of rows held out for testing (`train_test_split`'s `test_size`); by default the
    /// test split also validates each epoch (`validation_data=(X_test, y_test)`).
    pub test_size: f64,
    /// Seed of the split, the initial weights and the shuffles.
    pub seed: u64,
    /// What validates each epoch. The seed's: the test split.
    pub validation: ValidationSource,
    /// Keras' `EarlyStopping` callback, when on.
    pub early_stopping: Option<EarlyStopping>,
}

/// What validates each epoch of a fit.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum ValidationSource {
    /// The test split, as the seed's `validation_data=(X_test, y_test)`.
    #[default]
    TestSplit,
    /// Keras' `validation_split`: this fraction of the training rows, taken from their end.
    Split(f64),
    /// No validation.
    None,
}

impl Default for TrainSpec {
    /// The seed document's model: `Dense(64, relu)`, `Dense(1, sigmoid)`, Adam,
    /// binary cross-entropy, 10 epochs of batch 32, a 20% test split with `random_state=42`.
    fn default() -> Self {
        Self {
            layers: vec![
                LayerConfig::Dense(DenseConfig { units: 64, activation: Activation::Relu, ..Default::default() }),
                LayerConfig::Dense(DenseConfig { units: 1, activation: Activation::Sigmoid, ..Default::default() }),
            ],
            loss: Loss::BinaryCrossentropy,
            optimizer: Optimizer::default(),
            epochs: 10,
            batch_size: 32,
            test_size: 0.2,
            seed: 42,
            validation: ValidationSource::TestSplit,
            early_stopping: None,
        }
    }
}

/// Where the data came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[allow(clippy::large_enum_variant)] // a message's part, serialised once
pub enum Origin {
    /// Made by a generator.
    Generated {
        /// Which.
        generator: Generator,
        /// Share of labels flipped on purpose.
        label_noise: f64,
    },
    /// Read from a CSV file (the user's or a built-in one).
    File {
        /// The file's name.
        name: String,
        /// Every column of the file, summarised.
        columns: Vec<ColumnSummary>,
        /// How the table became features and labels.
        report: Report,
        /// Columns the user left out.
        excluded: Vec<String>,
        /// How features are scaled at the split.
        scaling: Scaling,
    },
}

/// The data, summarised for the page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DataSummary {
    /// Where it came from.
    pub origin: Origin,
    /// What a model learns from it.
    pub task: Task,
    /// Samples.
    pub rows: usize,
    /// Features per sample.
    pub features: usize,
    /// Rows of each class, by class id (empty for a regression).
    pub class_counts: Vec<usize>,
    /// Names of the classes, by class id (`0`, `1`, … for generated data).
    pub classes: Vec<String>,
    /// The columns a row to predict gives, in order (`x0`, `x1`, … for generated data).
    pub inputs: Vec<String>,
    /// The first rows, features then label.
    pub preview: Vec<Vec<f32>>,
    /// For 2-feature data, `(x₀, x₁, label)` of up to 1,000 rows, for a scatter plot.
    pub points: Vec<[f32; 3]>,
}

impl DataSummary {
    /// The generator, for generated data.
    pub fn generator(&self) -> Option<Generator> {
        match self.origin {
            Origin::Generated { generator, .. } => Some(generator),
            Origin::File { .. } => None,
        }
    }

    /// Share of labels flipped on purpose (none in a file).
    pub fn label_noise(&self) -> f64 {
        match self.origin {
            Origin::Generated { label_noise, .. } => label_noise,
            Origin::File { .. } => 0.0,
        }
    }
}

/// A fit's shape, sent when it starts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunInfo {
    /// Keras' `model.summary()`.
    pub summary: String,
    /// Epochs asked for.
    pub epochs: usize,
    /// Steps per epoch.
    pub steps: usize,
    /// Rows trained on.
    pub train_rows: usize,
    /// Rows held out for the test.
    pub test_rows: usize,
    /// What the split's scaling did that deserves a word (constant columns): lines of the Keras
    /// log, in English as the rest of that log.
    pub notes: Vec<String>,
}

/// `model.evaluate(X_test, y_test)`'s result.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct TestLogs {
    /// When `EarlyStopping` ended the fit: the epochs run, and the epoch whose weights were
    /// restored (with `restore_best_weights`).
    pub stopped_early: Option<(usize, Option<usize>)>,
    /// Batches evaluated.
    pub steps: usize,
    /// Mean test loss.
    pub loss: f64,
    /// Test accuracy; `None` for a regression.
    pub accuracy: Option<f64>,
    /// Milliseconds it took.
    pub elapsed_ms: f64,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nn::NnError;

    #[test]
    fn messages_survive_the_trip_both_ways() {
        let to = ToWorker::Train(TrainSpec::default());
        // The variant's index comes first: tests/e2e/setup.test.mjs recognises Train by it.
        assert_eq!(encode(&to)[0], 3);
        assert_eq!(decode::<ToWorker>(&encode(&to)), Ok(to));
        let csv =
            ToWorker::Prepare { label: Some("目标".into()), exclude: vec!["id".into()], scaling: Scaling::MinMax };
        assert_eq!(decode::<ToWorker>(&encode(&csv)), Ok(csv));
        let from = FromWorker::Failed(Failure::Engine(NnError::FeatureCount { expected: 10, got: 9 }));
        assert_eq!(decode::<FromWorker>(&encode(&from)), Ok(from));
        let refused = FromWorker::Prediction(Err(Failure::Worker(WorkerProblem::NotTrained)));
        assert_eq!(decode::<FromWorker>(&encode(&refused)), Ok(refused));
    }

    #[test]
    fn bytes_that_are_not_a_message_are_an_error_not_a_panic() {
        let bytes = encode(&ToWorker::Train(TrainSpec::default()));
        assert!(decode::<ToWorker>(&bytes[..bytes.len() / 2]).is_err());
        assert!(decode::<ToWorker>(&[]).is_err());
        assert!(decode::<ToWorker>(&[200]).is_err());
    }
}
