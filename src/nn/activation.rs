//! Activation functions, applied to a layer's pre-activation `z`, row by row.
//!
//! | name (Keras) | `a = σ(z)` | back: `∂L/∂z` from `g = ∂L/∂a` |
//! |---|---|---|
//! | `linear` | `z` | `g` |
//! | `relu` | `max(z, 0)` | `g` if `z > 0`, else `0` (Keras' choice at 0) |
//! | `leaky_relu` | `z` if `z > 0`, else `α z` (Keras' default `α = 0.2`) | `g` or `α g` |
//! | `elu` | `z` if `z > 0`, else `α (e^z − 1)` (`α = 1`) | `g` or `g (a + α)` |
//! | `sigmoid` | `1 / (1 + e^(−z))` | `g a (1 − a)` |
//! | `tanh` | `tanh z` | `g (1 − a²)` |
//! | `softmax` | `e^(z_i − m) / Σ_j e^(z_j − m)`, `m = max_j z_j`, over a row | `a_i (g_i − Σ_j g_j a_j)` |
//!
//! ```
//! use mlp_lab::nn::Activation;
//! let mut a = [0.0; 3];
//! Activation::Relu.forward(&[-1.0, 0.0, 2.0], &mut a, 3);
//! assert_eq!(a, [0.0, 0.0, 2.0]);
//! Activation::Softmax.forward(&[1.0, 1.0, 1.0], &mut a, 3);
//! assert!(a.iter().all(|&p| (p - 1.0 / 3.0).abs() < 1e-6));
//! ```

use serde::{Deserialize, Serialize};

/// Keras' default negative slope of the `leaky_relu` activation function.
pub const LEAKY_RELU_ALPHA: f32 = 0.2;
/// Keras' default `alpha` of `elu`.
pub const ELU_ALPHA: f32 = 1.0;

/// A fixed choice of activation, named as in Keras.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Activation {
    /// `a = z`.
    Linear,
    /// `a = max(z, 0)`.
    Relu,
    /// `a = z` for `z > 0`, else `alpha · z`.
    LeakyRelu {
        /// Slope for negative `z`. Keras' default: 0.2.
        alpha: f32,
    },
    /// `a = z` for `z > 0`, else `alpha · (e^z − 1)`.
    Elu {
        /// Scale of the negative part. Keras' default: 1.
        alpha: f32,
    },
    /// `a = 1 / (1 + e^(−z))`, computed without overflow for large `|z|`.
    Sigmoid,
    /// `a = tanh z`.
    Tanh,
    /// The normalised exponential over each row, shifted by the row's maximum for stability.
    Softmax,
}

impl Activation {
    /// `leaky_relu` with Keras' default slope.
    pub const LEAKY_RELU: Activation = Activation::LeakyRelu { alpha: LEAKY_RELU_ALPHA };
    /// `elu` with Keras' default alpha.
    pub const ELU: Activation = Activation::Elu { alpha: ELU_ALPHA };

    /// Every activation, with Keras' default parameters.
    pub const ALL: [Activation; 7] = [
        Activation::Linear,
        Activation::Relu,
        Activation::LEAKY_RELU,
        Activation::ELU,
        Activation::Sigmoid,
        Activation::Tanh,
        Activation::Softmax,
    ];

    /// The Keras name, as written in `Dense(64, activation='relu')`.
    pub fn keras_name(self) -> &'static str {
        match self {
            Activation::Linear => "linear",
            Activation::Relu => "relu",
            Activation::LeakyRelu { .. } => "leaky_relu",
            Activation::Elu { .. } => "elu",
            Activation::Sigmoid => "sigmoid",
            Activation::Tanh => "tanh",
            Activation::Softmax => "softmax",
        }
    }

    /// The activation a Keras name stands for, with Keras' default parameters.
    pub fn from_keras_name(name: &str) -> Option<Activation> {
        Activation::ALL.into_iter().find(|a| a.keras_name() == name)
    }

    /// `a = σ(z)` for every row of `units` values.
    pub fn forward(self, z: &[f32], a: &mut [f32], units: usize) {
        let pairs = a.iter_mut().zip(z);
        match self {
            Activation::Linear => a.copy_from_slice(z),
            // Selects, not `f32::max` (a libm call on wasm): the loop vectorises.
            Activation::Relu => pairs.for_each(|(a, &z)| *a = if z > 0.0 { z } else { 0.0 }),
            Activation::LeakyRelu { alpha } => pairs.for_each(|(a, &z)| *a = if z > 0.0 { z } else { alpha * z }),
            Activation::Elu { alpha } => pairs.for_each(|(a, &z)| *a = if z > 0.0 { z } else { alpha * z.exp_m1() }),
            Activation::Sigmoid => pairs.for_each(|(a, &z)| *a = sigmoid(z)),
            Activation::Tanh => pairs.for_each(|(a, &z)| *a = z.tanh()),
            Activation::Softmax => {
                for (a, z) in a.chunks_exact_mut(units).zip(z.chunks_exact(units)) {
                    let max = z.iter().copied().fold(f32::NEG_INFINITY, f32::max);
                    a.iter_mut().zip(z).for_each(|(a, &z)| *a = (z - max).exp());
                    let sum: f32 = a.iter().sum();
                    a.iter_mut().for_each(|a| *a /= sum);
                }
            }
        }
    }

    /// Back through the activation: turns `grad = ∂L/∂a` into `∂L/∂z`, in place.
    pub fn backward(self, z: &[f32], a: &[f32], grad: &mut [f32], units: usize) {
        match self {
            Activation::Linear => {}
            // Selects rather than branches, so the loops vectorise.
            Activation::Relu => grad.iter_mut().zip(z).for_each(|(g, &z)| *g = if z > 0.0 { *g } else { 0.0 }),
            Activation::LeakyRelu { alpha } => {
                grad.iter_mut().zip(z).for_each(|(g, &z)| *g = if z > 0.0 { *g } else { *g * alpha })
            }
            Activation::Elu { alpha } => grad.iter_mut().zip(z).zip(a).for_each(|((g, &z), &a)| {
                if z <= 0.0 {
                    *g *= a + alpha
                }
            }),
            Activation::Sigmoid => grad.iter_mut().zip(a).for_each(|(g, &a)| *g *= a * (1.0 - a)),
            Activation::Tanh => grad.iter_mut().zip(a).for_each(|(g, &a)| *g *= 1.0 - a * a),
            Activation::Softmax => {
                for (g, a) in grad.chunks_exact_mut(units).zip(a.chunks_exact(units)) {
                    let dot: f32 = g.iter().zip(a).map(|(g, a)| g * a).sum();
                    g.iter_mut().zip(a).for_each(|(g, &a)| *g = a * (*g - dot));
                }
            }
        }
    }
}

/// The logistic function, stable for any `z`: `e^z / (1 + e^z)` for negative `z`.
pub(crate) fn sigmoid(z: f32) -> f32 {
    if z >= 0.0 {
        1.0 / (1.0 + (-z).exp())
    } else {
        let e = z.exp();
        e / (1.0 + e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `Σ_i w_i a_i` as a function of `z`, to differentiate numerically through softmax too.
    fn weighted_output(act: Activation, z: &[f64], w: &[f32]) -> f64 {
        let z32: Vec<f32> = z.iter().map(|&v| v as f32).collect();
        let mut a = vec![0.0; z.len()];
        act.forward(&z32, &mut a, z.len());
        a.iter().zip(w).map(|(a, w)| (a * w) as f64).sum()
    }

    #[test]
    fn derivatives_match_central_differences() {
        let zs = [-3.0f32, -0.7, 0.3, 1.9, 4.0];
        let w = [0.3f32, -1.1, 0.8, 0.5, -0.2];
        for act in Activation::ALL {
            let mut a = [0.0; 5];
            act.forward(&zs, &mut a, 5);
            let mut grad = w;
            act.backward(&zs, &a, &mut grad, 5);
            for i in 0..5 {
                let h = 1e-3f64;
                let at = |delta: f64| {
                    let mut z: Vec<f64> = zs.iter().map(|&v| v as f64).collect();
                    z[i] += delta;
                    weighted_output(act, &z, &w)
                };
                let numeric = (at(h) - at(-h)) / (2.0 * h);
                assert!(
                    (numeric - grad[i] as f64).abs() < 2e-3,
                    "{act:?} at z{i}: analytic {} numeric {numeric}",
                    grad[i]
                );
            }
        }
    }

    #[test]
    fn extremes_stay_finite() {
        assert_eq!(sigmoid(-1000.0), 0.0);
        assert_eq!(sigmoid(1000.0), 1.0);
        assert_eq!(sigmoid(0.0), 0.5);
        let mut a = [0.0; 3];
        Activation::Softmax.forward(&[1000.0, 0.0, -1000.0], &mut a, 3);
        assert_eq!(a, [1.0, 0.0, 0.0]);
        Activation::ELU.forward(&[-1000.0, 0.0, 1.0], &mut a, 3);
        assert_eq!(a, [-1.0, 0.0, 1.0]);
    }

    #[test]
    fn names_round_trip() {
        for act in Activation::ALL {
            assert_eq!(Activation::from_keras_name(act.keras_name()), Some(act));
        }
        assert_eq!(Activation::from_keras_name("swish"), None);
    }
}
