//! Does the model's output fit the data's task? Checked before training, so the page can say
//! what to change instead of the fit failing later.
//!
//! | task | output layer | loss |
//! |---|---|---|
//! | binary | `Dense(1, sigmoid)` | `binary_crossentropy` (or `mean_squared_error`, the seed's section 4.2) |
//! | binary | `Dense(2, softmax)` | `sparse_categorical_crossentropy` or `categorical_crossentropy` |
//! | `k` classes | `Dense(k, softmax)` | `sparse_categorical_crossentropy` or `categorical_crossentropy` |
//! | regression | `Dense(1)`, not softmax | `mean_squared_error` |
//!
//! Layers are named as `model.summary()` names them: `dense`, `dropout`, `dense_1`, ….

use crate::data::Task;
use crate::nn::{layer_names, Activation, LayerConfig, Loss, Misfit};

/// Why the output does not fit, as facts the page words.
#[derive(Debug, Clone, PartialEq)]
pub enum OutputMisfit {
    /// The model has no layers.
    NoLayers,
    /// The last layer is not Dense.
    NotDense {
        /// Its name (`dropout_1`).
        layer: String,
        /// Its Keras class.
        class: &'static str,
    },
    /// The output layer, the loss, or both do not suit the task.
    Task {
        /// The output layer's name.
        layer: String,
        /// Its units.
        units: usize,
        /// Its activation.
        activation: Activation,
        /// The loss.
        loss: Loss,
        /// Whether the layer fits (else it is named).
        layer_fits: bool,
        /// Whether the loss fits (else it is named).
        loss_fits: bool,
        /// The data's task.
        task: Task,
        /// Its classes.
        classes: usize,
    },
    /// Two classes with a categorical loss need `Dense(2, softmax)`.
    BinaryCategorical {
        /// The output layer's name.
        layer: String,
        /// Its units.
        units: usize,
        /// Its activation.
        activation: Activation,
        /// The loss.
        loss: Loss,
    },
    /// The loss does not suit the output layer, whatever the data.
    Loss {
        /// The loss.
        loss: Loss,
        /// Why.
        misfit: Misfit,
    },
}

/// The layer and loss that fit a task, as Keras code: `Dense(3, activation='softmax')` and
/// `sparse_categorical_crossentropy`.
pub fn fitting_output(task: Task, classes: usize) -> (String, &'static str) {
    match task {
        Task::Binary => ("Dense(1, activation='sigmoid')".into(), "binary_crossentropy"),
        Task::MultiClass => (format!("Dense({classes}, activation='softmax')"), "sparse_categorical_crossentropy"),
        Task::Regression => ("Dense(1, activation='linear')".into(), "mean_squared_error"),
    }
}

/// Why `layers` and `loss` do not fit data of `task` with `classes` classes; `None` when they fit.
///
/// ```
/// use mlp_lab::data::Task;
/// use mlp_lab::nn::{Activation, DenseConfig, LayerConfig, Loss};
/// use mlp_lab::setup::check::{output_misfit, OutputMisfit};
/// let out = LayerConfig::Dense(DenseConfig { units: 1, activation: Activation::Sigmoid, ..Default::default() });
/// assert_eq!(output_misfit(&[out.clone()], Loss::BinaryCrossentropy, Task::Binary, 2), None);
/// let why = output_misfit(&[out], Loss::BinaryCrossentropy, Task::MultiClass, 3).unwrap();
/// assert!(matches!(why, OutputMisfit::Task { layer_fits: false, loss_fits: false, .. }));
/// ```
pub fn output_misfit(layers: &[LayerConfig], loss: Loss, task: Task, classes: usize) -> Option<OutputMisfit> {
    let Some(last) = layers.last() else { return Some(OutputMisfit::NoLayers) };
    let layer = layer_names(layers).pop().unwrap_or_default();
    let Some(dense) = last.as_dense() else {
        return Some(OutputMisfit::NotDense { layer, class: last.keras_class() });
    };
    let (units, activation) = (dense.units, dense.activation);
    let categorical = matches!(loss, Loss::CategoricalCrossentropy | Loss::SparseCategoricalCrossentropy);
    let layer_fits = match task {
        Task::Regression => units == 1 && activation != Activation::Softmax,
        Task::MultiClass => units == classes && activation == Activation::Softmax,
        Task::Binary if categorical => units == 2 && activation == Activation::Softmax,
        Task::Binary => units == 1 && activation != Activation::Softmax,
    };
    let loss_fits = match task {
        Task::Regression => loss == Loss::MeanSquaredError,
        Task::MultiClass => categorical,
        Task::Binary => true,
    };
    if task == Task::Binary && categorical && !layer_fits {
        return Some(OutputMisfit::BinaryCategorical { layer, units, activation, loss });
    }
    if !(layer_fits && loss_fits) {
        return Some(OutputMisfit::Task { layer, units, activation, loss, layer_fits, loss_fits, task, classes });
    }
    loss.misfit(activation, units).map(|misfit| OutputMisfit::Loss { loss, misfit })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nn::{DenseConfig, DropoutConfig};

    fn dense(units: usize, activation: Activation) -> LayerConfig {
        LayerConfig::Dense(DenseConfig { units, activation, ..Default::default() })
    }

    #[test]
    fn each_task_takes_its_output() {
        use Activation::*;
        let fits = [
            (dense(1, Sigmoid), Loss::BinaryCrossentropy, Task::Binary, 2),
            (dense(1, Sigmoid), Loss::MeanSquaredError, Task::Binary, 2),
            (dense(2, Softmax), Loss::SparseCategoricalCrossentropy, Task::Binary, 2),
            (dense(3, Softmax), Loss::CategoricalCrossentropy, Task::MultiClass, 3),
            (dense(1, Linear), Loss::MeanSquaredError, Task::Regression, 0),
        ];
        for (layer, loss, task, classes) in fits {
            assert_eq!(output_misfit(std::slice::from_ref(&layer), loss, task, classes), None, "{layer:?} {loss:?}");
        }
        let wrong_units = output_misfit(&[dense(2, Softmax)], Loss::SparseCategoricalCrossentropy, Task::MultiClass, 3);
        assert!(matches!(wrong_units, Some(OutputMisfit::Task { layer_fits: false, loss_fits: true, .. })));
        let wrong_loss = output_misfit(&[dense(1, Linear)], Loss::BinaryCrossentropy, Task::Regression, 0);
        assert!(matches!(wrong_loss, Some(OutputMisfit::Task { layer_fits: true, loss_fits: false, .. })));
        let binary = output_misfit(&[dense(1, Sigmoid)], Loss::SparseCategoricalCrossentropy, Task::Binary, 2);
        assert!(matches!(binary, Some(OutputMisfit::BinaryCategorical { units: 1, .. })));
        assert_eq!(output_misfit(&[], Loss::BinaryCrossentropy, Task::Binary, 2), Some(OutputMisfit::NoLayers));
    }

    #[test]
    fn a_dropout_last_is_named_with_its_keras_name() {
        let layers = [dense(8, Activation::Relu), LayerConfig::Dropout(DropoutConfig { rate: 0.2 })];
        assert_eq!(
            output_misfit(&layers, Loss::BinaryCrossentropy, Task::Binary, 2),
            Some(OutputMisfit::NotDense { layer: "dropout".into(), class: "Dropout" })
        );
    }
}
