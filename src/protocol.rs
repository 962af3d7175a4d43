//! The messages between the page and the training worker: two serde enums, sent as postcard bytes
//! ([`encode`], [`decode`]): compact, and far less code in the two wasm files than a JSON parser.
//!
//! The worker posts [`FromWorker::Ready`] once it has loaded; the page sends nothing before.
//! The worker owns the dataset (so large data never has to live on the page's thread): the page
//! asks it to [`ToWorker::Generate`], gets a [`DataSummary`] back, then asks it to
//! [`ToWorker::Train`] on it and receives the Keras logs as they happen.

use serde::{Deserialize, Serialize};

use crate::data::{ColumnSummary, Generator, GeneratorSpec, Report, Scaling, Task};
use crate::i18n::Bilingual;
use crate::nn::{
    Activation, BatchLogs, BoundaryMap, DenseConfig, EarlyStopping, EpochLogs, EvaluationReport, Loss, Optimizer,
    Schedule, Speed,
};

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
        #[serde(default)]
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
    /// row could not be read (in both languages).
    Prediction(Result<Vec<f32>, Bilingual>),
    /// Something went wrong; the message says what, for the user, in both languages (the page
    /// shows the one in force, and the other after a switch).
    Failed {
        /// A sentence a user can act on.
        message: Bilingual,
    },
}

/// What to train: the split, the model, `compile` and `fit`'s arguments.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrainSpec {
    /// Layers, input side first.
    pub layers: Vec<DenseConfig>,
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
    #[serde(default)]
    pub validation: ValidationSource,
    /// How the learning rate changes with the steps. Default: constant.
    #[serde(default)]
    pub schedule: Schedule,
    /// Keras' `EarlyStopping` callback, when on.
    #[serde(default)]
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

impl TrainSpec {
    /// The seed document's set-up for a task: a binary one keeps its sigmoid output and binary
    /// cross-entropy; `classes` classes get a softmax over them and sparse categorical
    /// cross-entropy (the labels are class ids); a regression a linear unit and mean squared error.
    pub fn for_task(task: Task, classes: usize, seed: u64) -> Self {
        let mut spec = Self { seed, ..Self::default() };
        let (units, activation) = match task {
            Task::Binary => (1, Activation::Sigmoid),
            Task::MultiClass => (classes, Activation::Softmax),
            Task::Regression => (1, Activation::Linear),
        };
        spec.layers[1] = DenseConfig { units, activation, ..Default::default() };
        spec.loss = task.loss();
        spec
    }
}

impl Default for TrainSpec {
    /// The seed document's model: `Dense(64, relu)`, `Dense(1, sigmoid)`, Adam,
    /// binary cross-entropy, 10 epochs of batch 32, a 20% test split with `random_state=42`.
    fn default() -> Self {
        Self {
            layers: vec![
                DenseConfig { units: 64, activation: Activation::Relu, ..Default::default() },
                DenseConfig { units: 1, activation: Activation::Sigmoid, ..Default::default() },
            ],
            loss: Loss::BinaryCrossentropy,
            optimizer: Optimizer::default(),
            epochs: 10,
            batch_size: 32,
            test_size: 0.2,
            seed: 42,
            validation: ValidationSource::TestSplit,
            schedule: Schedule::Constant,
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

    /// The set-up the seed document would train on this data with.
    pub fn train_spec(&self, seed: u64) -> TrainSpec {
        TrainSpec::for_task(self.task, self.classes.len(), seed)
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

    #[test]
    fn each_task_gets_its_output_layer_and_loss() {
        let binary = TrainSpec::for_task(Task::Binary, 2, 7);
        assert_eq!((binary.layers[1].units, binary.loss, binary.seed), (1, Loss::BinaryCrossentropy, 7));
        let three = TrainSpec::for_task(Task::MultiClass, 3, 7);
        assert_eq!(three.layers[1].activation, Activation::Softmax);
        assert_eq!((three.layers[1].units, three.loss), (3, Loss::SparseCategoricalCrossentropy));
        let number = TrainSpec::for_task(Task::Regression, 0, 7);
        assert_eq!((number.layers[1].activation, number.loss), (Activation::Linear, Loss::MeanSquaredError));
    }

    #[test]
    fn messages_survive_the_trip_both_ways() {
        let to = ToWorker::Train(TrainSpec::default());
        // The variant's index comes first: tests/e2e/setup.test.mjs recognises Train by it.
        assert_eq!(encode(&to)[0], 3);
        assert_eq!(decode::<ToWorker>(&encode(&to)), Ok(to));
        let csv =
            ToWorker::Prepare { label: Some("目标".into()), exclude: vec!["id".into()], scaling: Scaling::MinMax };
        assert_eq!(decode::<ToWorker>(&encode(&csv)), Ok(csv));
        let from = FromWorker::Failed {
            message: Bilingual::new("expected 10 features, got 9", "应有 10 个特征，实际有 9 个"),
        };
        assert_eq!(decode::<FromWorker>(&encode(&from)), Ok(from));
        let refused = FromWorker::Prediction(Err(Bilingual::text(|t| t.worker.not_trained)));
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
