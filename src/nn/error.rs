//! Errors of the engine, as facts: what went wrong and where (row, column, layer, epoch and
//! batch, the values involved). The words a user reads are the page's, which words each
//! variant in English and 中文; a caller can match on why something failed.

use serde::{Deserialize, Serialize};

use super::{Activation, Loss};

/// What can go wrong building, training or evaluating a model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
        loss: Loss,
    },
    /// A label is outside what the loss accepts.
    LabelOutOfRange {
        /// Row of the label, from 0.
        row: usize,
        /// The value found.
        value: f32,
        /// The loss that refuses it.
        loss: Loss,
        /// What the loss accepts.
        accepts: LabelRange,
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
        loss: Loss,
        /// Why.
        misfit: Misfit,
    },
    /// Nothing to train on.
    NoRows,
    /// The model has no layers.
    EmptyModel,
    /// A layer's arguments are out of range.
    BadLayer {
        /// The layer, from 0.
        layer: usize,
        /// What is wrong.
        problem: LayerProblem,
    },
    /// The last layer is not `Dense`: the loss needs the output layer's units and activation.
    OutputNotDense {
        /// The last layer's Keras class.
        class: String,
    },
    /// A training option is out of range.
    BadOption {
        /// Which option.
        option: FitOption,
        /// Why it is refused.
        problem: OptionProblem,
    },
    /// The learning rate or its schedule cannot be used.
    BadSchedule(ScheduleProblem),
    /// The loss or a weight became NaN or infinite (Keras' `TerminateOnNaN`).
    Diverged {
        /// Epoch, from 1.
        epoch: usize,
        /// Batch within the epoch, from 1.
        batch: usize,
    },
    /// The set-up needs more memory than the lab allows a fit.
    TooLarge {
        /// Bytes the model, its optimizer and its batch buffers would take.
        bytes: u64,
        /// Bytes allowed.
        limit: u64,
    },
}

/// What labels a loss accepts.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum LabelRange {
    /// Values from 0 to 1.
    ZeroToOne,
    /// One-hot rows of 0 and 1.
    OneHot,
    /// Class ids from 0 to `last`.
    ClassIds {
        /// The last class id.
        last: usize,
    },
    /// Finite numbers.
    Finite,
}

/// Why a loss does not suit the output layer.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum Misfit {
    /// Binary cross-entropy after a softmax: the probabilities are not independent.
    BinaryAfterSoftmax {
        /// The output layer's units.
        units: usize,
    },
    /// A categorical loss after another activation than softmax.
    NeedsSoftmax {
        /// The output layer's activation.
        activation: Activation,
    },
    /// A categorical loss with fewer than 2 output units.
    TooFewUnits {
        /// The output layer's units.
        units: usize,
    },
}

/// Why a layer's arguments are refused: which argument of which Keras class, the value given,
/// and what Keras allows. One shape for every layer, so a new layer brings no new error.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LayerProblem {
    /// The Keras class whose argument it is: `Dense`, `Dropout`, `L2`.
    pub class: String,
    /// The argument, as Keras names it: `units`, `rate`, `l2`.
    pub argument: String,
    /// The value given.
    pub value: f64,
    /// What Keras accepts.
    pub allowed: Allowed,
}

impl LayerProblem {
    /// `Some` problem when `value` is not in `allowed`.
    pub fn check(class: &str, argument: &str, value: f64, allowed: Allowed) -> Option<LayerProblem> {
        (!allowed.admits(value)).then(|| LayerProblem {
            class: class.into(),
            argument: argument.into(),
            value,
            allowed,
        })
    }
}

/// The values a layer's argument accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Allowed {
    /// A whole number of at least 1 (units).
    AtLeastOne,
    /// From 0 up to, not including, 1 (a dropout rate).
    FromZeroBelowOne,
    /// From 0 to 1 (a momentum).
    ZeroToOne,
    /// A positive, finite number (an epsilon).
    Positive,
    /// 0 or more, finite (a regularizer's factor).
    NonNegative,
}

impl Allowed {
    /// Whether `value` is accepted (NaN never is).
    pub fn admits(self, value: f64) -> bool {
        match self {
            Allowed::AtLeastOne => value >= 1.0 && value.is_finite(),
            Allowed::FromZeroBelowOne => (0.0..1.0).contains(&value),
            Allowed::ZeroToOne => (0.0..=1.0).contains(&value),
            Allowed::Positive => value > 0.0 && value.is_finite(),
            Allowed::NonNegative => value >= 0.0 && value.is_finite(),
        }
    }
}

/// A `fit` option that can be refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FitOption {
    /// `epochs`.
    Epochs,
    /// `batch_size`.
    BatchSize,
    /// `validation_split`.
    ValidationSplit,
}

impl FitOption {
    /// The Keras name.
    pub fn keras_name(self) -> &'static str {
        match self {
            FitOption::Epochs => "epochs",
            FitOption::BatchSize => "batch_size",
            FitOption::ValidationSplit => "validation_split",
        }
    }
}

/// Why a `fit` option is refused.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum OptionProblem {
    /// It must be at least 1.
    AtLeastOne,
    /// It must be a fraction strictly between 0 and 1.
    NotAFraction {
        /// The value given.
        value: f64,
    },
}

/// Why a learning rate or schedule is refused.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum ScheduleProblem {
    /// `PiecewiseConstantDecay` needs one value more than boundaries.
    ValuesCount {
        /// Boundaries given.
        boundaries: usize,
        /// Values given.
        values: usize,
    },
    /// `PiecewiseConstantDecay`'s boundaries must increase.
    BoundariesNotIncreasing,
    /// `decay_steps` must be at least 1.
    NoDecaySteps,
    /// A learning rate must be a positive number.
    Rate {
        /// The value given.
        value: f64,
    },
    /// `decay_rate` must be a positive number.
    DecayRate {
        /// The value given.
        value: f64,
    },
    /// `alpha` must be from 0 to 1.
    Alpha {
        /// The value given.
        value: f64,
    },
}

impl std::error::Error for NnError {}
