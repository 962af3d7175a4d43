//! The engine: a Keras-style multilayer perceptron in plain Rust.
//!
//! A [`Sequential`] model is a stack of layers ([`Dense`], [`Dropout`],
//! [`BatchNormalization`]); a Dense layer computes `a_{l+1} = σ(a_l · W_{l+1} + b_{l+1})`, with the
//! kernel `W` stored as Keras stores it, `(inputs, units)`, rows of `a` being samples.
//! [`Training`] runs `fit` one batch at a time, so a caller (the worker) can interleave it with
//! other work, pause it, or stop it, and reports Keras' logs after every batch and epoch.
//! [`DataParallel`] shares a fit out among replicas (Keras' `MirroredStrategy`): each takes a
//! [`shard`] of every batch, and their gradients are summed in a fixed order ([`sum_in_order`]).
//!
//! Nothing here knows the browser or the page's languages: errors are [`NnError`] values of
//! facts, which the page words.

mod activation;
mod boundary;
mod callbacks;
mod error;
mod fit;
mod fit_options;
mod init;
pub mod kernels;
mod layers;
mod logs;
mod loss;
pub mod metrics;
mod model;
mod optim;
mod parallel;
pub mod profile;
mod regularizer;
mod report;
mod summary;
mod throughput;
mod workspace;

pub use activation::Activation;
pub use boundary::{boundary_map, BoundaryMap, Grid, GRID_SIZE};
pub use callbacks::{EarlyStopping, Mode, Monitor, ReduceLrOnPlateau};
pub use error::{Allowed, FitOption, LabelRange, LayerProblem, Misfit, NnError, OptionProblem, ScheduleProblem};
pub use fit::Training;
pub use fit_options::{FitOptions, Validation};
pub use init::Initializer;
// Every layer kind's public types, so a new kind is added in `layers/` alone.
pub use layers::*;
pub use logs::{BatchLogs, EpochLogs, History, Progress};
pub use loss::Loss;
pub use metrics::{binary_accuracy_count, roc_auc, roc_curve, ConfusionMatrix};
pub use model::{Evaluation, LayerGradients, Sequential};
pub use optim::{Adam, AdamState, LearningRate, Optimizer, OptimizerState, Rmsprop, RmspropState, Sgd, SgdState};
pub use parallel::{shard, sum_in_order, DataParallel, ReplicaError, ShardStats};
pub use regularizer::Regularizer;
pub use report::{
    accuracy_margin, evaluation_report, generalisation, EvaluationReport, Generalisation, Roc, FEW_TEST_ROWS,
};
pub use summary::{layer_names, ModelSummary, SummaryRow};
pub use throughput::{batch_rows, Speed, Throughput};
