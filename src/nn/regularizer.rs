//! Weight regularizers, Keras' `keras.regularizers`: a penalty on a tensor `w`, added to the
//! loss that training minimises.
//!
//! | Keras | penalty | gradient |
//! |---|---|---|
//! | `L1(l1)` | `l1 · Σ |w|` | `l1 · sign(w)` (0 at 0, as JAX and TensorFlow take it) |
//! | `L2(l2)` | `l2 · Σ w²` (no ½) | `2 · l2 · w` |
//! | `L1L2(l1, l2)` | both | both |
//!
//! As in Keras, the penalty is part of the loss `fit` logs, and of `evaluate`'s and
//! `val_loss` (Keras 3.15 adds `model.losses` in every `compute_loss`, training or not).
//!
//! ```
//! use mlp_lab::nn::Regularizer;
//! let l2 = Regularizer::L2 { l2: 0.01 };
//! assert!((l2.penalty(&[1.0, -2.0]) - 0.05).abs() < 1e-8);
//! let mut g = [0.0f32, 0.0];
//! l2.add_gradient(&[1.0, -2.0], &mut g);
//! assert_eq!(g, [0.02, -0.04]);
//! ```

use serde::{Deserialize, Serialize};

use super::{Allowed, LayerProblem};

/// A penalty on a weight tensor; the factors are the Python floats a Keras user writes.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Regularizer {
    /// `keras.regularizers.L1(l1)`; Keras' default `l1 = 0.01`.
    L1 {
        /// Factor of `Σ |w|`.
        l1: f64,
    },
    /// `keras.regularizers.L2(l2)`; Keras' default `l2 = 0.01`.
    L2 {
        /// Factor of `Σ w²`.
        l2: f64,
    },
    /// `keras.regularizers.L1L2(l1, l2)`; Keras' defaults `0, 0`.
    L1L2 {
        /// Factor of `Σ |w|`.
        l1: f64,
        /// Factor of `Σ w²`.
        l2: f64,
    },
}

impl Regularizer {
    /// The regularizer with these factors, named as a Keras user would write it: `L1`, `L2`,
    /// or `L1L2` when both are set; `None` when both are 0.
    pub fn from_factors(l1: f64, l2: f64) -> Option<Regularizer> {
        match (l1 != 0.0, l2 != 0.0) {
            (false, false) => None,
            (true, false) => Some(Regularizer::L1 { l1 }),
            (false, true) => Some(Regularizer::L2 { l2 }),
            (true, true) => Some(Regularizer::L1L2 { l1, l2 }),
        }
    }

    /// The Keras class: `L1`, `L2`, `L1L2`.
    pub fn keras_class(self) -> &'static str {
        match self {
            Regularizer::L1 { .. } => "L1",
            Regularizer::L2 { .. } => "L2",
            Regularizer::L1L2 { .. } => "L1L2",
        }
    }

    /// Why Keras would refuse the factors (negative, or not a number), if it would.
    pub fn problem(self) -> Option<LayerProblem> {
        let (l1, l2) = self.factors();
        let check = |argument, value| LayerProblem::check(self.keras_class(), argument, value, Allowed::NonNegative);
        check("l1", l1).or_else(|| check("l2", l2))
    }

    /// The Keras call: `keras.regularizers.L2(0.001)`.
    pub fn keras_call(self) -> String {
        match self {
            Regularizer::L1 { l1 } => format!("keras.regularizers.L1({l1})"),
            Regularizer::L2 { l2 } => format!("keras.regularizers.L2({l2})"),
            Regularizer::L1L2 { l1, l2 } => format!("keras.regularizers.L1L2(l1={l1}, l2={l2})"),
        }
    }

    /// `(l1, l2)`.
    pub fn factors(self) -> (f64, f64) {
        match self {
            Regularizer::L1 { l1 } => (l1, 0.0),
            Regularizer::L2 { l2 } => (0.0, l2),
            Regularizer::L1L2 { l1, l2 } => (l1, l2),
        }
    }

    /// The penalty on `w`.
    pub fn penalty(self, w: &[f32]) -> f64 {
        let (l1, l2) = self.factors();
        let (mut abs, mut squares) = (0.0f64, 0.0f64);
        for &v in w {
            abs += v.abs() as f64;
            squares += (v as f64) * (v as f64);
        }
        // Keras multiplies the float32 sum by the factor cast to float32.
        (l1 as f32) as f64 * abs + (l2 as f32) as f64 * squares
    }

    /// Adds the penalty's gradient with respect to `w` to `grads`.
    pub fn add_gradient(self, w: &[f32], grads: &mut [f32]) {
        let (l1, l2) = self.factors();
        let (l1, two_l2) = (l1 as f32, 2.0 * l2 as f32);
        for (g, &v) in grads.iter_mut().zip(w) {
            let sign = if v > 0.0 {
                1.0
            } else if v < 0.0 {
                -1.0
            } else {
                0.0
            };
            *g += l1 * sign + two_l2 * v;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn factors_name_the_keras_class() {
        assert_eq!(Regularizer::from_factors(0.0, 0.0), None);
        assert_eq!(Regularizer::from_factors(0.1, 0.0), Some(Regularizer::L1 { l1: 0.1 }));
        assert_eq!(Regularizer::from_factors(0.0, 0.2), Some(Regularizer::L2 { l2: 0.2 }));
        assert_eq!(Regularizer::from_factors(0.1, 0.2), Some(Regularizer::L1L2 { l1: 0.1, l2: 0.2 }));
        assert_eq!(Regularizer::L1L2 { l1: 0.1, l2: 0.2 }.factors(), (0.1, 0.2));
    }

    /// The gradient is the penalty's derivative: a central difference agrees.
    #[test]
    fn the_gradient_is_the_penalty_s_derivative() {
        let reg = Regularizer::L1L2 { l1: 0.03, l2: 0.2 };
        let w = [0.5f32, -1.25, 2.0, -0.1];
        let mut g = [0.0f32; 4];
        reg.add_gradient(&w, &mut g);
        for i in 0..w.len() {
            let h = 1e-3f32;
            let (mut up, mut down) = (w, w);
            up[i] += h;
            down[i] -= h;
            let numeric = (reg.penalty(&up) - reg.penalty(&down)) / (2.0 * h as f64);
            assert!((numeric - g[i] as f64).abs() < 1e-4, "w[{i}]: {numeric} vs {}", g[i]);
        }
    }
}
