//! The messages between the page and the training worker: two serde enums, sent as JSON text.
//!
//! The worker posts [`FromWorker::Ready`] once it has loaded; the page sends nothing before.
//! The worker owns the dataset (so large data never has to live on the page's thread): the page
//! asks it to [`ToWorker::Generate`], gets a [`DataSummary`] back, then asks it to
//! [`ToWorker::Train`] on it and receives the Keras logs as they happen.

use serde::{Deserialize, Serialize};

use crate::data::{Generator, GeneratorSpec};
use crate::nn::{Activation, BatchLogs, DenseConfig, EpochLogs, Loss, Optimizer};

/// Page → worker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ToWorker {
    /// Make data with a generator and keep it.
    Generate(GeneratorSpec),
    /// Split the kept data, build the model and fit it; evaluate on the test split at the end.
    Train(TrainSpec),
    /// Stop the running fit.
    Stop,
    /// `model.predict` on one row of feature values, with the last trained model.
    Predict(Vec<f32>),
}

/// Worker → page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum FromWorker {
    /// The worker has loaded; `simd` tells whether its kernels use 128-bit SIMD.
    Ready {
        /// Whether the matrix products run on `f32x4`.
        simd: bool,
    },
    /// The data is made.
    Data(DataSummary),
    /// A fit has begun.
    Started(RunInfo),
    /// A batch ended (sent at most every few dozen milliseconds).
    Batch(BatchLogs),
    /// An epoch ended.
    Epoch(EpochLogs),
    /// `model.evaluate` on the test split ended: the fit is done.
    Evaluated(TestLogs),
    /// The fit was stopped on request.
    Stopped,
    /// `model.predict`'s output for the row asked about: one value per output unit.
    Prediction(Vec<f32>),
    /// Something went wrong; the message says what, for the user.
    Failed {
        /// A sentence a user can act on.
        message: String,
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
    /// Share of rows held out for testing (`train_test_split`'s `test_size`); the test split
    /// also validates each epoch (`validation_data=(X_test, y_test)`).
    pub test_size: f64,
    /// Seed of the split, the initial weights and the shuffles.
    pub seed: u64,
}

impl TrainSpec {
    /// The seed document's set-up for data of `classes` classes: two classes keep its sigmoid
    /// output and binary cross-entropy; more get a softmax over them and sparse categorical
    /// cross-entropy (the labels are class ids).
    pub fn for_classes(classes: usize, seed: u64) -> Self {
        let mut spec = Self { seed, ..Self::default() };
        if classes > 2 {
            spec.layers[1] = DenseConfig { units: classes, activation: Activation::Softmax, ..Default::default() };
            spec.loss = Loss::SparseCategoricalCrossentropy;
        }
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
        }
    }
}

/// The generated data, summarised for the page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DataSummary {
    /// The generator that made it.
    pub generator: Generator,
    /// Share of labels flipped on purpose.
    pub label_noise: f64,
    /// Samples.
    pub rows: usize,
    /// Features per sample.
    pub features: usize,
    /// Rows of each class, by class id.
    pub class_counts: Vec<usize>,
    /// The first rows, features then label.
    pub preview: Vec<Vec<f32>>,
    /// For 2-feature data, `(x₀, x₁, label)` of up to 1,000 rows, for a scatter plot.
    pub points: Vec<[f32; 3]>,
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
    fn more_than_two_classes_get_a_softmax_and_sparse_labels() {
        let binary = TrainSpec::for_classes(2, 7);
        assert_eq!((binary.layers[1].units, binary.loss, binary.seed), (1, Loss::BinaryCrossentropy, 7));
        let three = TrainSpec::for_classes(3, 7);
        assert_eq!(three.layers[1].activation, Activation::Softmax);
        assert_eq!((three.layers[1].units, three.loss), (3, Loss::SparseCategoricalCrossentropy));
    }

    #[test]
    fn messages_survive_json_both_ways() {
        let to = ToWorker::Train(TrainSpec::default());
        assert_eq!(serde_json::from_str::<ToWorker>(&serde_json::to_string(&to).unwrap()).unwrap(), to);
        let from = FromWorker::Failed { message: "expected 10 features, got 9".into() };
        assert_eq!(serde_json::from_str::<FromWorker>(&serde_json::to_string(&from).unwrap()).unwrap(), from);
    }
}
