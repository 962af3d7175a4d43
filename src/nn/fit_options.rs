//! What a caller asks of `model.fit`: epochs, batch size, shuffling, validation, the seed and
//! the callbacks, with Keras' defaults. [`super::Training`] runs it.

use ndarray::Array2;

use super::{EarlyStopping, ReduceLrOnPlateau};

/// Where validation figures come from.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Validation {
    /// No validation.
    #[default]
    None,
    /// Keras' `validation_split`: this fraction of the rows, taken from the end.
    Split(f64),
    /// Keras' `validation_data=(x, y)`.
    Data(Array2<f32>, Array2<f32>),
}

/// `fit`'s options; the defaults are Keras'.
#[derive(Debug, Clone, PartialEq)]
pub struct FitOptions {
    /// Passes over the training rows. Keras' default: 1.
    pub epochs: usize,
    /// Rows per gradient step. Keras' default: 32.
    pub batch_size: usize,
    /// Reshuffle the training rows each epoch. Keras' default: true.
    pub shuffle: bool,
    /// Validation source. Keras' default: none.
    pub validation: Validation,
    /// Seed of the shuffles and of Dropout's masks.
    pub seed: u64,
    /// Keras' `EarlyStopping` callback. Default: none.
    pub early_stopping: Option<EarlyStopping>,
    /// Keras' `ReduceLROnPlateau` callback. Default: none.
    pub reduce_lr_on_plateau: Option<ReduceLrOnPlateau>,
}

impl Default for FitOptions {
    fn default() -> Self {
        Self {
            epochs: 1,
            batch_size: 32,
            shuffle: true,
            validation: Validation::None,
            seed: 42,
            early_stopping: None,
            reduce_lr_on_plateau: None,
        }
    }
}
