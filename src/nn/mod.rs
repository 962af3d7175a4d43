//! The engine: a Keras-style multilayer perceptron in plain Rust.
//!
//! A [`Sequential`] model is a stack of [`Dense`] layers, `a_{l+1} = σ(a_l · W_{l+1} + b_{l+1})`,
//! with the kernel `W` stored as Keras stores it, `(inputs, units)`, rows of `a` being samples.
//! [`Training`] runs `fit` one batch at a time, so a caller (the worker) can interleave it with
//! other work, pause it, or stop it, and reports Keras' logs after every batch and epoch.

mod activation;
mod callbacks;
mod dense;
mod error;
mod fit;
mod init;
pub mod kernels;
mod logs;
mod loss;
pub mod metrics;
mod model;
mod optim;

pub use activation::Activation;
pub use callbacks::{EarlyStopping, Mode, Monitor, ReduceLrOnPlateau};
pub use dense::{Dense, DenseConfig};
pub use error::NnError;
pub use fit::{FitOptions, Training, Validation};
pub use init::Initializer;
pub use logs::{BatchLogs, EpochLogs, History, Progress};
pub use loss::Loss;
pub use metrics::{binary_accuracy_count, roc_auc, roc_curve, ConfusionMatrix};
pub use model::{Evaluation, Sequential};
pub use optim::{Adam, AdamState, Optimizer, OptimizerState, Rmsprop, RmspropState, Schedule, Sgd, SgdState};
