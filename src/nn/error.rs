//! Errors of the engine: each says where and what, as a sentence a user can act on.

use std::fmt;

/// What can go wrong building, training or evaluating a model.
#[derive(Debug, Clone, PartialEq)]
pub enum NnError {
    /// The data has another number of features than the model's input.
    FeatureCount {
        /// Features the model takes.
        expected: usize,
        /// Features the data has.
        got: usize,
    },
    /// Features and labels have different numbers of rows.
    RowMismatch {
        /// Rows of features.
        features: usize,
        /// Rows of labels.
        labels: usize,
    },
    /// The labels have another width than the model's output and the loss need.
    LabelWidth {
        /// Columns the loss needs for the last layer.
        expected: usize,
        /// Columns of the labels.
        got: usize,
        /// The loss.
        loss: &'static str,
    },
    /// A label is outside what the loss accepts.
    LabelOutOfRange {
        /// Row of the label, from 0.
        row: usize,
        /// The value found.
        value: f32,
        /// The loss that refuses it.
        loss: &'static str,
        /// What the loss accepts.
        accepts: String,
    },
    /// A feature is NaN or infinite.
    NonFiniteFeature {
        /// Row, from 0.
        row: usize,
        /// Column, from 0.
        column: usize,
    },
    /// The loss does not suit the output layer.
    LossMisfit {
        /// The loss.
        loss: &'static str,
        /// Why, and what to change.
        reason: String,
    },
    /// Nothing to train on.
    NoRows,
    /// The model has no layers, or a layer with no units.
    EmptyModel,
    /// A training option is out of range.
    BadOption {
        /// The Keras name of the option.
        name: &'static str,
        /// Why it is refused.
        reason: String,
    },
    /// The loss or a weight became NaN or infinite (Keras' `TerminateOnNaN`).
    Diverged {
        /// Epoch, from 1.
        epoch: usize,
        /// Batch within the epoch, from 1.
        batch: usize,
    },
}

impl fmt::Display for NnError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NnError::FeatureCount { expected, got } => write!(f, "expected {expected} features, got {got}"),
            NnError::RowMismatch { features, labels } => {
                write!(f, "features have {features} rows but labels have {labels}: they must match")
            }
            NnError::LabelWidth { expected, got, loss } => {
                write!(f, "with this last layer, {loss} needs labels of {expected} columns, but they have {got}")
            }
            NnError::LabelOutOfRange { row, value, loss, accepts } => {
                write!(f, "label {value} in row {} is outside what {loss} accepts ({accepts})", row + 1)
            }
            NnError::NonFiniteFeature { row, column } => {
                write!(f, "feature {} of row {} is not a finite number", column + 1, row + 1)
            }
            NnError::LossMisfit { loss: _, reason } => write!(f, "{reason}"),
            NnError::NoRows => write!(f, "there are no rows to train on"),
            NnError::EmptyModel => write!(f, "the model needs at least one Dense layer with at least one unit"),
            NnError::BadOption { name, reason } => write!(f, "{name}: {reason}"),
            NnError::Diverged { epoch, batch } => write!(
                f,
                "training diverged: the loss or a weight became NaN or infinite at epoch {epoch}, batch {batch}; \
                 try a smaller learning rate"
            ),
        }
    }
}

impl std::error::Error for NnError {}
