//! Loss functions, reduced as Keras reduces them (`sum_over_batch_size`): the loss of a sample
//! is the mean over its output units, the loss of a batch the mean over its samples.
//!
//! | name (Keras) | per output unit | `∂ℓ/∂a` |
//! |---|---|---|
//! | `binary_crossentropy` | `−(y ln p + (1 − y) ln(1 − p))`, `p = clip(a, 1e-7, 1 − 1e-7)` | `(p − y) / (p (1 − p))` |
//! | `mean_squared_error` | `(a − y)²` | `2 (a − y)` |
//!
//! When the output layer is a sigmoid, binary cross-entropy is computed from its logits `z`, as
//! Keras does: `ℓ = max(z, 0) − z y + ln(1 + e^(−|z|))`, whose gradient is simply
//! `∂ℓ/∂z = σ(z) − y`. It never overflows and never loses the gradient to clipping.
//!
//! The seed document writes the squared error as `L = ½ Σ_i Σ_j (y_ij − ŷ_ij)²`. Keras'
//! `mean_squared_error`, used here, is `(1 / (n k)) Σ_i Σ_j (y_ij − ŷ_ij)²` for `n` samples and
//! `k` units: the same minimum and the same gradient direction, `2 / (n k)` times the seed's.
//!
//! ```
//! use mlp_lab::nn::{Activation, Loss};
//! // A sigmoid output at z = 0 predicts 0.5: the loss is ln 2 whatever the label.
//! let loss = Loss::BinaryCrossentropy.sum(Activation::Sigmoid, 1, &[0.0], &[0.5], &[1.0]);
//! assert!((loss - std::f64::consts::LN_2).abs() < 1e-6);
//! ```

use serde::{Deserialize, Serialize};

use super::activation::{sigmoid, Activation};

/// Keras' `epsilon()`, the clipping bound of cross-entropy on probabilities.
pub const EPSILON: f32 = 1e-7;

/// A fixed choice of loss, named as in Keras.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Loss {
    /// Binary cross-entropy, for 0/1 labels and sigmoid outputs.
    BinaryCrossentropy,
    /// Mean squared error, for real-valued targets.
    MeanSquaredError,
}

impl Loss {
    /// The Keras name, as written in `model.compile(loss='binary_crossentropy')`.
    pub fn keras_name(self) -> &'static str {
        match self {
            Loss::BinaryCrossentropy => "binary_crossentropy",
            Loss::MeanSquaredError => "mean_squared_error",
        }
    }

    /// Whether the loss is computed from the output layer's logits `z` (sigmoid + cross-entropy).
    fn from_logits(self, activation: Activation) -> bool {
        self == Loss::BinaryCrossentropy && activation == Activation::Sigmoid
    }

    /// The sum over samples of each sample's loss. `z` and `a` are the output layer's
    /// pre-activation and activation, `y` the targets, all `rows × units` with `units` given.
    pub fn sum(self, activation: Activation, units: usize, z: &[f32], a: &[f32], y: &[f32]) -> f64 {
        let total: f64 = if self.from_logits(activation) {
            z.iter().zip(y).map(|(&z, &y)| (z.max(0.0) - z * y + (-z.abs()).exp().ln_1p()) as f64).sum()
        } else {
            match self {
                Loss::BinaryCrossentropy => a
                    .iter()
                    .zip(y)
                    .map(|(&a, &y)| {
                        let p = a.clamp(EPSILON, 1.0 - EPSILON);
                        -(y * p.ln() + (1.0 - y) * (1.0 - p).ln()) as f64
                    })
                    .sum(),
                Loss::MeanSquaredError => a.iter().zip(y).map(|(&a, &y)| ((a - y) * (a - y)) as f64).sum(),
            }
        };
        total / units as f64
    }

    /// Writes `dz = ∂L/∂z` for the output layer, where `L` is the mean loss over the `rows`
    /// samples: the loss' gradient, taken back through the activation.
    pub fn output_gradient(self, activation: Activation, rows: usize, z: &[f32], a: &[f32], y: &[f32], dz: &mut [f32]) {
        let scale = 1.0 / y.len() as f32; // 1 / (rows × units)
        debug_assert_eq!(y.len() % rows.max(1), 0);
        if self.from_logits(activation) {
            for ((d, &z), &y) in dz.iter_mut().zip(z).zip(y) {
                *d = (sigmoid(z) - y) * scale;
            }
            return;
        }
        let pairs = dz.iter_mut().zip(a).zip(y);
        match self {
            Loss::BinaryCrossentropy => pairs.for_each(|((d, &a), &y)| {
                *d = if (EPSILON..=1.0 - EPSILON).contains(&a) { (a - y) / (a * (1.0 - a)) * scale } else { 0.0 };
            }),
            Loss::MeanSquaredError => pairs.for_each(|((d, &a), &y)| *d = 2.0 * (a - y) * scale),
        }
        activation.backward(z, a, dz);
    }
}
