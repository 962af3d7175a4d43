//! The dense (fully connected) layer, Keras' `Dense`.
//!
//! Forward, for a batch `x` of shape `(rows, inputs)`:
//! `z = x · W + b` (`W`: `(inputs, units)`, `b`: `(units)`), then `a = σ(z)`.
//!
//! Backward, given `g = ∂L/∂a` of shape `(rows, units)`: `dz = σ'(z) ⊙ g` (the loss hands the
//! output layer `dz` directly), then `∂L/∂W = xᵀ · dz`, `∂L/∂b = Σ_rows dz`, `∂L/∂x = dz · Wᵀ`.
//! A `kernel_regularizer` or `bias_regularizer` adds its penalty to the loss and its gradient to
//! `∂L/∂W` or `∂L/∂b`.
//!
//! ```
//! use mlp_lab::nn::{Activation, Dense, DenseConfig};
//! use rand::SeedableRng;
//! let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(42);
//! let layer = Dense::new(10, DenseConfig { units: 64, activation: Activation::Relu, ..Default::default() }, &mut rng);
//! assert_eq!(layer.param_count(), 10 * 64 + 64);
//! ```

use ndarray::{Array1, Array2};
use rand::Rng;
use serde::{Deserialize, Serialize};

use super::Buffers;
use crate::nn::kernels::{gemm_nn, gemm_nn_bias, gemm_nt, gemm_tn};
use crate::nn::{Activation, Allowed, Initializer, LayerProblem, Regularizer};

/// How to build a [`Dense`] layer; the defaults are Keras'.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DenseConfig {
    /// Number of output units.
    pub units: usize,
    /// Activation after the affine map. Keras' default: `linear` (none).
    pub activation: Activation,
    /// Whether the layer adds a bias. Keras' default: `true`.
    pub use_bias: bool,
    /// Initializer of the kernel `W`. Keras' default: `glorot_uniform`.
    pub kernel_initializer: Initializer,
    /// Initializer of the bias `b`. Keras' default: `zeros`.
    pub bias_initializer: Initializer,
    /// Penalty on the kernel. Keras' default: none.
    pub kernel_regularizer: Option<Regularizer>,
    /// Penalty on the bias. Keras' default: none.
    pub bias_regularizer: Option<Regularizer>,
}

impl Default for DenseConfig {
    fn default() -> Self {
        Self {
            units: 1,
            activation: Activation::Linear,
            use_bias: true,
            kernel_initializer: Initializer::GlorotUniform,
            bias_initializer: Initializer::Zeros,
            kernel_regularizer: None,
            bias_regularizer: None,
        }
    }
}

/// A dense layer with its weights.
#[derive(Debug, Clone, PartialEq)]
pub struct Dense {
    /// The configuration it was built from.
    pub config: DenseConfig,
    /// `W`, shape `(inputs, units)` as in Keras.
    pub kernel: Array2<f32>,
    /// `b`, shape `(units)`; all zeros and never updated when `use_bias` is false.
    pub bias: Array1<f32>,
}

/// A Python string literal.
fn py_str(text: &str) -> String {
    format!("'{}'", text.replace('\\', "\\\\").replace('\'', "\\'"))
}

impl DenseConfig {
    /// Why Keras would refuse these arguments, if it would.
    pub fn problem(&self) -> Option<LayerProblem> {
        LayerProblem::check("Dense", "units", self.units as f64, Allowed::AtLeastOne)
            .or_else(|| self.kernel_regularizer.and_then(Regularizer::problem))
            .or_else(|| self.bias_regularizer.and_then(Regularizer::problem))
    }

    /// The Keras call: `layers.Dense(64, activation='relu', kernel_regularizer=…)`, with the
    /// arguments that differ from Keras' defaults.
    pub fn keras_call(&self) -> String {
        let mut args = vec![self.units.to_string(), format!("activation={}", py_str(self.activation.keras_name()))];
        if !self.use_bias {
            args.push("use_bias=False".into());
        }
        if self.kernel_initializer != Initializer::GlorotUniform {
            args.push(format!("kernel_initializer={}", py_str(self.kernel_initializer.keras_name())));
        }
        if let Some(r) = self.kernel_regularizer {
            args.push(format!("kernel_regularizer={}", r.keras_call()));
        }
        if let Some(r) = self.bias_regularizer {
            args.push(format!("bias_regularizer={}", r.keras_call()));
        }
        format!("layers.Dense({})", args.join(", "))
    }
}

impl Dense {
    /// Builds a layer taking `inputs` features, its weights drawn from `rng`
    /// (the kernel first, then the bias, as Keras builds them).
    pub fn new(inputs: usize, config: DenseConfig, rng: &mut impl Rng) -> Self {
        let units = config.units;
        let mut kernel = Array2::zeros((inputs, units));
        let mut bias = Array1::zeros(units);
        let kernel_values = kernel.as_slice_mut().expect("a new array is contiguous");
        config.kernel_initializer.fill(kernel_values, inputs, units, rng);
        if config.use_bias {
            let bias_values = bias.as_slice_mut().expect("a new array is contiguous");
            config.bias_initializer.fill(bias_values, inputs, units, rng);
        }
        Self { config, kernel, bias }
    }

    /// Number of input features.
    pub fn inputs(&self) -> usize {
        self.kernel.nrows()
    }

    /// Number of output units.
    pub fn units(&self) -> usize {
        self.kernel.ncols()
    }

    /// Trainable parameters: `inputs × units`, plus `units` with a bias.
    pub fn param_count(&self) -> usize {
        self.kernel.len() + if self.config.use_bias { self.bias.len() } else { 0 }
    }

    fn kernel_slice(&self) -> &[f32] {
        self.kernel.as_slice().expect("the kernel is kept in standard layout")
    }

    fn bias_slice(&self) -> &[f32] {
        self.bias.as_slice().expect("the bias is contiguous")
    }

    /// Buffers for a batch of at most `capacity` rows: `z` is kept for the backward pass.
    pub(super) fn buffers(&self, capacity: usize) -> Buffers {
        let grads = if self.config.use_bias { vec![self.kernel.len(), self.units()] } else { vec![self.kernel.len()] };
        Buffers::new(capacity * self.units(), capacity * self.units(), 0, &grads)
    }

    /// `z = x · W + b`, `a = σ(z)` for `rows` samples of `x` (row-major, `rows × inputs`).
    pub fn forward(&self, x: &[f32], rows: usize, z: &mut [f32], a: &mut [f32]) {
        let (inputs, units) = (self.inputs(), self.units());
        let (z, a) = (&mut z[..rows * units], &mut a[..rows * units]);
        if self.config.use_bias {
            gemm_nn_bias(rows, inputs, units, x, self.kernel_slice(), self.bias_slice(), z);
        } else {
            gemm_nn(rows, inputs, units, x, self.kernel_slice(), z);
        }
        self.config.activation.forward(z, a, units);
    }

    /// From `buffers.grad`: `∂L/∂a`, or `∂L/∂z` already when `grad_is_dz` (the output layer, whose
    /// `dz` the loss writes). Fills the kernel's and bias' gradients and, when asked, `dx = dz · Wᵀ`.
    pub(super) fn backward(&self, x: &[f32], rows: usize, b: &mut Buffers, grad_is_dz: bool, dx: Option<&mut [f32]>) {
        let (inputs, units) = (self.inputs(), self.units());
        let n = rows * units;
        let Buffers { out, grad, saved, param_grads, .. } = b;
        let dz = &mut grad[..n];
        if !grad_is_dz {
            self.config.activation.backward(&saved[..n], &out[..n], dz, units);
        }
        let (dw, rest) = param_grads.split_first_mut().expect("a dense layer has a kernel");
        gemm_tn(inputs, rows, units, x, dz, dw);
        if let Some(db) = rest.first_mut() {
            let db = &mut db[..units];
            db.fill(0.0);
            // Zipped over equal lengths, without bounds checks, so the column sums vectorise.
            for row in dz.chunks_exact(units) {
                for (d, &v) in db.iter_mut().zip(row) {
                    *d += v;
                }
            }
        }
        if let Some(dx) = dx {
            gemm_nt(rows, units, inputs, dz, self.kernel_slice(), dx);
        }
    }

    /// The regularizers' penalty on the current weights.
    pub(super) fn penalty(&self) -> f64 {
        let kernel = self.config.kernel_regularizer.map_or(0.0, |r| r.penalty(self.kernel_slice()));
        let bias = match (self.config.use_bias, self.config.bias_regularizer) {
            (true, Some(r)) => r.penalty(self.bias_slice()),
            _ => 0.0,
        };
        kernel + bias
    }

    /// Adds the regularizers' gradients to the kernel's and bias' gradients.
    pub(super) fn add_penalty_gradients(&self, param_grads: &mut [Vec<f32>]) {
        if let Some(r) = self.config.kernel_regularizer {
            r.add_gradient(self.kernel_slice(), &mut param_grads[0]);
        }
        if let (true, Some(r)) = (self.config.use_bias, self.config.bias_regularizer) {
            r.add_gradient(self.bias_slice(), &mut param_grads[1]);
        }
    }

    /// The trainable tensors, kernel then bias (Keras' order), each with its gradient.
    pub(super) fn for_each_trainable(&mut self, grads: &[Vec<f32>], f: &mut dyn FnMut(&mut [f32], &[f32])) {
        f(self.kernel.as_slice_mut().expect("the kernel is kept in standard layout"), &grads[0]);
        if self.config.use_bias {
            f(self.bias.as_slice_mut().expect("the bias is contiguous"), &grads[1]);
        }
    }

    /// Every weight, Keras' `get_weights()` order: kernel, then bias when there is one.
    pub(super) fn weights(&self) -> Vec<&[f32]> {
        let mut w = vec![self.kernel_slice()];
        if self.config.use_bias {
            w.push(self.bias_slice());
        }
        w
    }

    /// The same weights, to overwrite (in [`Self::weights`]' order).
    pub(super) fn weights_mut(&mut self) -> Vec<&mut [f32]> {
        let mut w = vec![self.kernel.as_slice_mut().expect("the kernel is kept in standard layout")];
        if self.config.use_bias {
            w.push(self.bias.as_slice_mut().expect("the bias is contiguous"));
        }
        w
    }
}
