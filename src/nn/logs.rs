//! What a fit reports: Keras' logs after each batch and epoch, and its `History`.
//!
//! A batch's figures are running means over the epoch so far (what Keras' progress bar shows);
//! an epoch's are its means over all its samples, with the validation figures computed after
//! its last update, and the learning rate its last step used.

use serde::{Deserialize, Serialize};

/// Logs after a batch: the epoch's running means so far.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct BatchLogs {
    /// Epoch, from 1.
    pub epoch: usize,
    /// Batch within the epoch, from 1.
    pub batch: usize,
    /// Steps in an epoch.
    pub steps: usize,
    /// Mean loss per sample over the epoch's batches so far.
    pub loss: f64,
    /// Accuracy over the epoch's batches so far; `None` for a regression.
    pub accuracy: Option<f64>,
    /// Learning rate of this batch's step.
    pub learning_rate: f32,
    /// Milliseconds since the epoch began.
    pub elapsed_ms: f64,
}

/// Logs after an epoch, as in Keras' `History.history`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Default)]
pub struct EpochLogs {
    /// Epoch, from 1.
    pub epoch: usize,
    /// Steps the epoch took.
    pub steps: usize,
    /// Mean training loss per sample.
    pub loss: f64,
    /// Training accuracy; `None` for a regression.
    pub accuracy: Option<f64>,
    /// Validation loss, when there is validation.
    pub val_loss: Option<f64>,
    /// Validation accuracy, when there is validation.
    pub val_accuracy: Option<f64>,
    /// Learning rate of the epoch's last step.
    pub learning_rate: f32,
    /// Milliseconds the epoch took, validation included.
    pub elapsed_ms: f64,
}

/// What one [`Training::step`] did.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Progress {
    /// A batch inside an epoch.
    Batch(BatchLogs),
    /// The last batch of an epoch, and the epoch's figures.
    Epoch(EpochLogs),
}

/// Keras' `History`: one entry per finished epoch.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct History {
    /// Each epoch's logs, in order.
    pub epochs: Vec<EpochLogs>,
}
