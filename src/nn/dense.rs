//! The dense (fully connected) layer, Keras' `Dense`.
//!
//! Forward, for a batch `x` of shape `(rows, inputs)`:
//! `z = x · W + b` (`W`: `(inputs, units)`, `b`: `(units)`), then `a = σ(z)`.
//!
//! Backward, given `dz = ∂L/∂z` of shape `(rows, units)`:
//! `∂L/∂W = xᵀ · dz`, `∂L/∂b = Σ_rows dz`, `∂L/∂x = dz · Wᵀ`.
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

use super::kernels::{gemm_nn, gemm_nn_bias, gemm_nt, gemm_tn};
use super::{Activation, Initializer};

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
}

impl Default for DenseConfig {
    fn default() -> Self {
        Self {
            units: 1,
            activation: Activation::Linear,
            use_bias: true,
            kernel_initializer: Initializer::GlorotUniform,
            bias_initializer: Initializer::Zeros,
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

    /// `z = x · W + b`, `a = σ(z)` for `rows` samples of `x` (row-major, `rows × inputs`).
    pub fn forward(&self, x: &[f32], rows: usize, z: &mut [f32], a: &mut [f32]) {
        let (inputs, units) = (self.inputs(), self.units());
        let (z, a) = (&mut z[..rows * units], &mut a[..rows * units]);
        if self.config.use_bias {
            let b = self.bias.as_slice().expect("the bias is contiguous");
            gemm_nn_bias(rows, inputs, units, x, self.kernel_slice(), b, z);
        } else {
            gemm_nn(rows, inputs, units, x, self.kernel_slice(), z);
        }
        self.config.activation.forward(z, a, units);
    }

    /// Gradients from `dz = ∂L/∂z` (`rows × units`): `dw = xᵀ·dz`, `db = Σ dz`, and, when asked,
    /// `dx = dz · Wᵀ` for the layer below.
    pub fn backward(&self, x: &[f32], rows: usize, dz: &[f32], dw: &mut [f32], db: &mut [f32], dx: Option<&mut [f32]>) {
        let (inputs, units) = (self.inputs(), self.units());
        let dz = &dz[..rows * units];
        gemm_tn(inputs, rows, units, x, dz, dw);
        let db = &mut db[..units];
        db.fill(0.0);
        if self.config.use_bias {
            // Indexed over equal lengths, so the column sums vectorise.
            for row in dz.chunks_exact(units) {
                for j in 0..units {
                    db[j] += row[j];
                }
            }
        }
        if let Some(dx) = dx {
            gemm_nt(rows, units, inputs, dz, self.kernel_slice(), dx);
        }
    }
}
