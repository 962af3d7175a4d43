//! Adam, exactly as Keras writes it, at step `t` (from 1), in float32:
//!
//! ```text
//! α_t = lr · √(1 − β₂ᵗ) / (1 − β₁ᵗ)
//! m ← m + (g − m)(1 − β₁)
//! v ← v + (g² − v)(1 − β₂)
//! v̂ ← max(v̂, v)                        (AMSGrad only; otherwise v̂ = v)
//! w ← w − α_t · m / (√v̂ + ε)
//! ```
//!
//! `βᵗ` is the float32 power of the float32 `β`, as Keras' `ops.power(ops.cast(beta, dtype), t)`;
//! `1 − β` is formed from the Python float in double precision, then rounded: `1 − 0.999` is
//! float32 `0.001`, not `1 − 0.999f32 = 0.00099998713`.

use serde::{Deserialize, Serialize};

use super::LearningRate;
use crate::nn::kernels::{self, AdamStep};

/// Adam's hyper-parameters; the defaults are Keras'.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Adam {
    /// Step size, or its schedule. Keras' default: 0.001.
    pub learning_rate: LearningRate,
    /// Decay of the first moment. Keras' default: 0.9.
    pub beta_1: f64,
    /// Decay of the second moment. Keras' default: 0.999.
    pub beta_2: f64,
    /// Added to `√v` against division by zero. Keras' default: 1e-7.
    pub epsilon: f64,
    /// Use the largest second moment seen so far (AMSGrad). Keras' default: false.
    pub amsgrad: bool,
}

impl Default for Adam {
    fn default() -> Self {
        Self { learning_rate: LearningRate::Constant(0.001), beta_1: 0.9, beta_2: 0.999, epsilon: 1e-7, amsgrad: false }
    }
}

/// Adam's state: the step count, `α_t`, and the moments of every tensor.
#[derive(Debug, Clone, PartialEq)]
pub struct AdamState {
    /// Steps taken.
    pub iterations: u64,
    alpha: f32,
    /// `(m, v, v̂)` per tensor; `v̂` is empty without AMSGrad.
    moments: Vec<(Vec<f32>, Vec<f32>, Vec<f32>)>,
}

impl Adam {
    /// Keras' arguments besides the learning rate, where they differ from its defaults.
    pub(super) fn keras_args(&self) -> Vec<String> {
        let d = Adam::default();
        let mut args = Vec::new();
        for (name, value, default) in
            [("beta_1", self.beta_1, d.beta_1), ("beta_2", self.beta_2, d.beta_2), ("epsilon", self.epsilon, d.epsilon)]
        {
            if value != default {
                args.push(format!("{name}={value}"));
            }
        }
        if self.amsgrad {
            args.push("amsgrad=True".into());
        }
        args
    }

    /// Moments kept per weight: the first and second, and the running maximum with AMSGrad.
    pub(super) fn slots(&self) -> u64 {
        2 + u64::from(self.amsgrad)
    }

    pub(super) fn state(&self, sizes: &[usize]) -> AdamState {
        let hat = |n: usize| if self.amsgrad { n } else { 0 };
        let moments = sizes.iter().map(|&n| (vec![0.0; n], vec![0.0; n], vec![0.0; hat(n)])).collect();
        AdamState { iterations: 0, alpha: 0.0, moments }
    }

    pub(super) fn begin_step(&self, state: &mut AdamState, lr: f32) {
        state.iterations += 1;
        let t = state.iterations as f32;
        let (b1, b2) = ((self.beta_1 as f32).powf(t), (self.beta_2 as f32).powf(t));
        state.alpha = lr * (1.0 - b2).sqrt() / (1.0 - b1);
    }

    pub(super) fn update(&self, state: &mut AdamState, tensor: usize, weights: &mut [f32], grads: &[f32]) {
        let (m, v, v_hat) = &mut state.moments[tensor];
        let step = AdamStep {
            alpha: state.alpha,
            one_minus_beta_1: (1.0 - self.beta_1) as f32,
            one_minus_beta_2: (1.0 - self.beta_2) as f32,
            epsilon: self.epsilon as f32,
        };
        kernels::adam(&step, weights, grads, m, v, self.amsgrad.then_some(v_hat.as_mut_slice()));
    }
}

#[cfg(test)]
mod tests {
    use super::super::Optimizer;
    use super::*;

    /// Adam's first step moves every weight by about `lr` against the gradient's sign,
    /// whatever the gradient's size: `α_1 = lr √(1−β₂)/(1−β₁)`, `m = 0.1 g`, `√v = √0.001 |g|`.
    #[test]
    fn first_step_moves_by_the_learning_rate() {
        for amsgrad in [false, true] {
            let adam = Optimizer::Adam(Adam { amsgrad, ..Default::default() });
            let mut state = adam.state([3]);
            let mut w = [1.0f32, 1.0, 1.0];
            state.begin_step(0.001);
            state.update(0, &mut w, &[0.5, -20.0, 1e-3]);
            for (w, expected) in w.iter().zip([0.999, 1.001, 0.999]) {
                assert!((w - expected).abs() < 1e-5, "{w} vs {expected}");
            }
            assert_eq!(state.iterations(), 1);
        }
    }

    /// `1 − β₂` comes from the Python float: float32 0.001 exactly as Keras rounds it.
    #[test]
    fn one_minus_beta_is_rounded_from_double_precision() {
        let adam = Adam::default();
        assert_eq!((1.0 - adam.beta_2) as f32, 0.001f32);
        assert_ne!(1.0 - adam.beta_2 as f32, 0.001f32, "the float32 subtraction would drift");
    }
}
