//! The layers a [`Sequential`](crate::nn::Sequential) model stacks, one kind per file:
//!
//! | Keras | file | trainable | non-trainable |
//! |---|---|---|---|
//! | `Dense(units, activation, …)` | [`dense`] | kernel, bias | |
//! | `Dropout(rate)` | [`dropout`] | | |
//! | `BatchNormalization()` | [`batch_norm`] | gamma, beta | moving mean, moving variance |
//!
//! Every kind answers the same questions through [`Layer`]: its width, its buffers for a batch,
//! its forward pass (training or inference), its backward pass, and a walk over its trainable
//! tensors with their gradients (the optimizer finds its tensors through that walk, never by
//! position). Adding a kind: a file here, its variant in [`LayerConfig`] and [`Layer`] (this
//! file), its syntax in the address (`src/setup/layer_syntax.rs`), its row in the page's editor
//! (`src/app/components/layer_editor.rs`) and its button's words (the
//! page's catalogue, its model region).

mod batch_norm;
mod dense;
mod dropout;

use rand::Rng;
use serde::{Deserialize, Serialize};

pub use batch_norm::{BatchNormConfig, BatchNormalization};
pub use dense::{Dense, DenseConfig};
pub use dropout::{Dropout, DropoutConfig};

use super::kernels::MaskKey;
use super::LayerProblem;

/// How to build one layer: a Keras layer call.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum LayerConfig {
    /// `layers.Dense(…)`.
    Dense(DenseConfig),
    /// `layers.Dropout(rate)`.
    Dropout(DropoutConfig),
    /// `layers.BatchNormalization()`.
    BatchNormalization(BatchNormConfig),
}

impl From<DenseConfig> for LayerConfig {
    fn from(config: DenseConfig) -> Self {
        LayerConfig::Dense(config)
    }
}

impl LayerConfig {
    /// Keras' class name.
    pub fn keras_class(&self) -> &'static str {
        match self {
            LayerConfig::Dense(_) => "Dense",
            LayerConfig::Dropout(_) => "Dropout",
            LayerConfig::BatchNormalization(_) => "BatchNormalization",
        }
    }

    /// Keras' base name for layers of this class (`dense`, `dropout`, `batch_normalization`);
    /// `summary()` numbers the later ones of a class `_1`, `_2`, ….
    pub fn base_name(&self) -> &'static str {
        match self {
            LayerConfig::Dense(_) => "dense",
            LayerConfig::Dropout(_) => "dropout",
            LayerConfig::BatchNormalization(_) => "batch_normalization",
        }
    }

    /// The Keras call that builds the layer: `layers.Dense(64, activation='relu')`.
    pub fn keras_call(&self) -> String {
        match self {
            LayerConfig::Dense(d) => d.keras_call(),
            LayerConfig::Dropout(d) => d.keras_call(),
            LayerConfig::BatchNormalization(b) => b.keras_call(),
        }
    }

    /// `(trainable, non-trainable)` parameters after `inputs` values in, as `summary()` counts them.
    pub fn param_counts(&self, inputs: usize) -> (usize, usize) {
        match self {
            LayerConfig::Dense(d) => (inputs * d.units + if d.use_bias { d.units } else { 0 }, 0),
            LayerConfig::Dropout(_) => (0, 0),
            LayerConfig::BatchNormalization(_) => (2 * inputs, 2 * inputs),
        }
    }

    /// The Dense layer's arguments, for a Dense layer.
    pub fn as_dense(&self) -> Option<&DenseConfig> {
        match self {
            LayerConfig::Dense(d) => Some(d),
            _ => None,
        }
    }

    /// The same, to change.
    pub fn as_dense_mut(&mut self) -> Option<&mut DenseConfig> {
        match self {
            LayerConfig::Dense(d) => Some(d),
            _ => None,
        }
    }

    /// Values out for `inputs` values in: a Dense layer's units, else its input's width.
    pub fn units(&self, inputs: usize) -> usize {
        match self {
            LayerConfig::Dense(d) => d.units,
            _ => inputs,
        }
    }

    /// Why Keras would refuse these arguments, if it would.
    pub fn problem(&self) -> Option<LayerProblem> {
        match self {
            LayerConfig::Dense(d) => d.problem(),
            LayerConfig::Dropout(d) => d.problem(),
            LayerConfig::BatchNormalization(b) => b.problem(),
        }
    }
}

/// Whether a pass trains (dropout drops, batch normalisation uses the batch's statistics) or
/// infers (`evaluate`, `predict`, validation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pass {
    /// `training=True`.
    Training,
    /// `training=False`.
    Inference,
}

/// One layer's buffers for a batch of at most the workspace's capacity of rows.
#[derive(Debug, Clone)]
pub(crate) struct Buffers {
    /// The layer's output `a` (rows × units).
    pub(crate) out: Vec<f32>,
    /// `∂L/∂a` (rows × units); a Dense layer turns it into `∂L/∂z` in place.
    pub(crate) grad: Vec<f32>,
    /// What the backward pass needs per value: Dense `z`, Dropout the mask, BatchNormalization `x̂`.
    pub(crate) saved: Vec<f32>,
    /// Per-unit figures: BatchNormalization's statistics and the factors made from them.
    pub(crate) stats: Vec<f32>,
    /// The gradients of the trainable tensors, in the layer's order.
    pub(crate) param_grads: Vec<Vec<f32>>,
}

impl Buffers {
    fn new(out: usize, saved: usize, stats: usize, grads: &[usize]) -> Self {
        Self {
            out: vec![0.0; out],
            grad: vec![0.0; out],
            saved: vec![0.0; saved],
            stats: vec![0.0; stats],
            param_grads: grads.iter().map(|&n| vec![0.0; n]).collect(),
        }
    }
}

/// A layer with its weights.
#[derive(Debug, Clone, PartialEq)]
pub enum Layer {
    /// A dense layer.
    Dense(Dense),
    /// A dropout layer.
    Dropout(Dropout),
    /// A batch normalisation layer.
    BatchNormalization(BatchNormalization),
}

impl Layer {
    /// Builds a layer for `inputs` values in, drawing a Dense layer's weights from `rng`.
    pub(crate) fn new(config: &LayerConfig, inputs: usize, rng: &mut impl Rng) -> Layer {
        match config {
            LayerConfig::Dense(c) => Layer::Dense(Dense::new(inputs, c.clone(), rng)),
            LayerConfig::Dropout(c) => Layer::Dropout(Dropout { config: *c, units: inputs }),
            LayerConfig::BatchNormalization(c) => Layer::BatchNormalization(BatchNormalization::new(inputs, *c)),
        }
    }

    /// The arguments it was built from.
    pub fn config(&self) -> LayerConfig {
        match self {
            Layer::Dense(d) => LayerConfig::Dense(d.config.clone()),
            Layer::Dropout(d) => LayerConfig::Dropout(d.config),
            Layer::BatchNormalization(b) => LayerConfig::BatchNormalization(b.config),
        }
    }

    /// The dense layer, when it is one.
    pub fn as_dense(&self) -> Option<&Dense> {
        match self {
            Layer::Dense(d) => Some(d),
            _ => None,
        }
    }

    /// Values out.
    pub fn units(&self) -> usize {
        match self {
            Layer::Dense(d) => d.units(),
            Layer::Dropout(d) => d.units,
            Layer::BatchNormalization(b) => b.units(),
        }
    }

    /// Values in.
    pub fn inputs(&self) -> usize {
        match self {
            Layer::Dense(d) => d.inputs(),
            _ => self.units(),
        }
    }

    /// `(trainable, non-trainable)` parameters, as `summary()` counts them.
    pub fn param_counts(&self) -> (usize, usize) {
        self.config().param_counts(self.inputs())
    }

    pub(crate) fn buffers(&self, capacity: usize) -> Buffers {
        match self {
            Layer::Dense(d) => d.buffers(capacity),
            Layer::Dropout(d) => d.buffers(capacity),
            Layer::BatchNormalization(b) => b.buffers(capacity),
        }
    }

    /// The forward pass over `rows` rows of `x` into `b.out`; a Dropout layer, number `index` in
    /// the model, draws its masks by `masks`.
    pub(crate) fn forward(&self, x: &[f32], rows: usize, pass: Pass, b: &mut Buffers, masks: (&MaskKey, usize)) {
        match (self, pass) {
            (Layer::Dense(d), _) => d.forward(x, rows, &mut b.saved, &mut b.out),
            (Layer::Dropout(d), Pass::Training) => d.forward_train(x, rows, b, masks),
            (Layer::Dropout(d), Pass::Inference) => {
                let n = rows * d.units;
                b.out[..n].copy_from_slice(&x[..n]);
            }
            (Layer::BatchNormalization(bn), Pass::Training) => bn.forward_train(x, rows, b),
            (Layer::BatchNormalization(bn), Pass::Inference) => bn.forward_infer(x, rows, b),
        }
    }

    /// The backward pass of a training forward pass: from `b.grad` (`∂L/∂a`, or `∂L/∂z` already
    /// for an output layer, `grad_is_dz`), fills the trainable tensors' gradients and, when
    /// asked, `dx = ∂L/∂x`.
    pub(crate) fn backward(&self, x: &[f32], rows: usize, b: &mut Buffers, grad_is_dz: bool, dx: Option<&mut [f32]>) {
        match self {
            Layer::Dense(d) => d.backward(x, rows, b, grad_is_dz, dx),
            Layer::Dropout(d) => {
                if let Some(dx) = dx {
                    d.backward(rows, b, dx)
                }
            }
            Layer::BatchNormalization(bn) => bn.backward(rows, b, dx),
        }
    }

    /// After a training step's update: what the step changes besides the trainable tensors.
    pub(crate) fn commit(&mut self, b: &Buffers) {
        if let Layer::BatchNormalization(bn) = self {
            bn.commit(b)
        }
    }

    /// The regularizers' penalty on the current weights.
    pub(crate) fn penalty(&self) -> f64 {
        match self {
            Layer::Dense(d) => d.penalty(),
            _ => 0.0,
        }
    }

    /// Adds the regularizers' gradients to the trainable tensors' gradients.
    pub(crate) fn add_penalty_gradients(&self, b: &mut Buffers) {
        if let Layer::Dense(d) = self {
            d.add_penalty_gradients(&mut b.param_grads)
        }
    }

    /// Calls `f(tensor, its gradient)` for every trainable tensor, in Keras' order.
    pub(crate) fn for_each_trainable(&mut self, grads: &[Vec<f32>], f: &mut dyn FnMut(&mut [f32], &[f32])) {
        match self {
            Layer::Dense(d) => d.for_each_trainable(grads, f),
            Layer::Dropout(_) => {}
            Layer::BatchNormalization(b) => b.for_each_trainable(grads, f),
        }
    }

    /// The sizes of the trainable tensors, in the order of [`Self::for_each_trainable`].
    pub(crate) fn trainable_sizes(&self) -> Vec<usize> {
        match self {
            Layer::Dense(d) if d.config.use_bias => vec![d.kernel.len(), d.units()],
            Layer::Dense(d) => vec![d.kernel.len()],
            Layer::Dropout(_) => vec![],
            Layer::BatchNormalization(b) => vec![b.units(), b.units()],
        }
    }

    /// Every weight, in Keras' `get_weights()` order (trainable and not).
    pub fn weights(&self) -> Vec<&[f32]> {
        match self {
            Layer::Dense(d) => d.weights(),
            Layer::Dropout(_) => vec![],
            Layer::BatchNormalization(b) => b.weights(),
        }
    }

    /// The same weights, to overwrite in place.
    pub fn weights_mut(&mut self) -> Vec<&mut [f32]> {
        match self {
            Layer::Dense(d) => d.weights_mut(),
            Layer::Dropout(_) => vec![],
            Layer::BatchNormalization(b) => b.weights_mut(),
        }
    }

    /// Whether `other` holds the same weights, bit for bit, without allocating.
    pub(crate) fn same_bits(&self, other: &Layer) -> bool {
        let same =
            |a: &[f32], b: &[f32]| a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.to_bits() == y.to_bits());
        match (self, other) {
            (Layer::Dense(a), Layer::Dense(b)) => {
                let (ak, bk) = (a.kernel.as_slice(), b.kernel.as_slice());
                ak.zip(bk).is_some_and(|(x, y)| same(x, y))
                    && a.bias.as_slice().zip(b.bias.as_slice()).is_some_and(|(x, y)| same(x, y))
            }
            (Layer::Dropout(a), Layer::Dropout(b)) => a == b,
            (Layer::BatchNormalization(a), Layer::BatchNormalization(b)) => {
                same(&a.gamma, &b.gamma)
                    && same(&a.beta, &b.beta)
                    && same(&a.moving_mean, &b.moving_mean)
                    && same(&a.moving_variance, &b.moving_variance)
            }
            _ => false,
        }
    }

    /// Whether every weight is a finite number.
    pub fn is_finite(&self) -> bool {
        self.weights().iter().all(|w| w.iter().all(|v| v.is_finite()))
    }
}
