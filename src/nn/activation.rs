//! Activation functions, applied element-wise to a layer's pre-activation `z`.
//!
//! | name (Keras) | `a = σ(z)` | `dσ/dz`, from `z` and `a` |
//! |---|---|---|
//! | `linear` | `z` | `1` |
//! | `relu` | `max(z, 0)` | `1` if `z > 0`, else `0` (Keras' choice at 0) |
//! | `sigmoid` | `1 / (1 + e^(−z))` | `a (1 − a)` |
//! | `tanh` | `tanh z` | `1 − a²` |
//!
//! ```
//! use mlp_lab::nn::Activation;
//! let mut a = [-1.0, 0.0, 2.0];
//! Activation::Relu.forward(&[-1.0, 0.0, 2.0], &mut a);
//! assert_eq!(a, [0.0, 0.0, 2.0]);
//! ```

use serde::{Deserialize, Serialize};

/// A fixed choice of activation, named as in Keras.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Activation {
    /// `a = z`.
    Linear,
    /// `a = max(z, 0)`.
    Relu,
    /// `a = 1 / (1 + e^(−z))`, computed without overflow for large `|z|`.
    Sigmoid,
    /// `a = tanh z`.
    Tanh,
}

impl Activation {
    /// The Keras name, as written in `Dense(64, activation='relu')`.
    pub fn keras_name(self) -> &'static str {
        match self {
            Activation::Linear => "linear",
            Activation::Relu => "relu",
            Activation::Sigmoid => "sigmoid",
            Activation::Tanh => "tanh",
        }
    }

    /// `a[i] = σ(z[i])` for every element.
    pub fn forward(self, z: &[f32], a: &mut [f32]) {
        let pairs = a.iter_mut().zip(z);
        match self {
            Activation::Linear => a.copy_from_slice(z),
            Activation::Relu => pairs.for_each(|(a, &z)| *a = z.max(0.0)),
            Activation::Sigmoid => pairs.for_each(|(a, &z)| *a = sigmoid(z)),
            Activation::Tanh => pairs.for_each(|(a, &z)| *a = z.tanh()),
        }
    }

    /// Back through the activation: `grad[i] *= σ'(z[i])`, turning `∂L/∂a` into `∂L/∂z`.
    pub fn backward(self, z: &[f32], a: &[f32], grad: &mut [f32]) {
        match self {
            Activation::Linear => {}
            Activation::Relu => grad.iter_mut().zip(z).for_each(|(g, &z)| {
                if z <= 0.0 {
                    *g = 0.0
                }
            }),
            Activation::Sigmoid => grad.iter_mut().zip(a).for_each(|(g, &a)| *g *= a * (1.0 - a)),
            Activation::Tanh => grad.iter_mut().zip(a).for_each(|(g, &a)| *g *= 1.0 - a * a),
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

    const ALL: [Activation; 4] = [Activation::Linear, Activation::Relu, Activation::Sigmoid, Activation::Tanh];

    #[test]
    fn derivatives_match_central_differences() {
        let zs = [-3.0f32, -0.7, 0.3, 1.9, 4.0];
        for act in ALL {
            let mut a = [0.0; 5];
            act.forward(&zs, &mut a);
            let mut grad = [1.0; 5];
            act.backward(&zs, &a, &mut grad);
            for (i, &z) in zs.iter().enumerate() {
                let h = 1e-3f64;
                let f = |z: f64| {
                    let mut out = [0.0f32];
                    act.forward(&[z as f32], &mut out);
                    out[0] as f64
                };
                let numeric = (f(z as f64 + h) - f(z as f64 - h)) / (2.0 * h);
                assert!(
                    (numeric - grad[i] as f64).abs() < 2e-3,
                    "{act:?} at z = {z}: analytic {} numeric {numeric}",
                    grad[i]
                );
            }
        }
    }

    #[test]
    fn sigmoid_is_finite_and_saturates_at_extremes() {
        assert_eq!(sigmoid(-1000.0), 0.0);
        assert_eq!(sigmoid(1000.0), 1.0);
        assert_eq!(sigmoid(0.0), 0.5);
    }
}
