//! RMSprop, as Keras writes it (not centred), with running square `v` and, with momentum `μ`,
//! a velocity `m`:
//!
//! ```text
//! v ← ρ v + (1 − ρ) g²
//! Δ = lr · g / √(v + ε)
//! w ← w − Δ                  (no momentum)
//! m ← μ m + Δ,  w ← w − m    (with momentum)
//! ```
//!
//! `1 − ρ` is formed from the Python float, in double precision, then rounded: `1 − 0.9` is
//! float32 `0.1`, not `1 − 0.9f32`.

use serde::{Deserialize, Serialize};

use super::LearningRate;
use crate::nn::kernels::{self, RmspropStep};

/// RMSprop's hyper-parameters; the defaults are Keras'.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rmsprop {
    /// Step size, or its schedule. Keras' default: 0.001.
    pub learning_rate: LearningRate,
    /// Decay of the running square. Keras' default: 0.9.
    pub rho: f64,
    /// Momentum `μ`. Keras' default: 0.
    pub momentum: f64,
    /// Added under the square root. Keras' default: 1e-7.
    pub epsilon: f64,
}

impl Default for Rmsprop {
    fn default() -> Self {
        Self { learning_rate: LearningRate::Constant(0.001), rho: 0.9, momentum: 0.0, epsilon: 1e-7 }
    }
}

/// RMSprop's state: the step's learning rate, running squares, and velocities with momentum.
#[derive(Debug, Clone, PartialEq)]
pub struct RmspropState {
    lr: f32,
    /// `(v, m)` per tensor; `m` is empty without momentum.
    slots: Vec<(Vec<f32>, Vec<f32>)>,
}

impl Rmsprop {
    /// Keras' arguments besides the learning rate, where they differ from its defaults.
    pub(super) fn keras_args(&self) -> Vec<String> {
        let d = Rmsprop::default();
        [("rho", self.rho, d.rho), ("momentum", self.momentum, d.momentum), ("epsilon", self.epsilon, d.epsilon)]
            .into_iter()
            .filter(|(_, value, default)| value != default)
            .map(|(name, value, _)| format!("{name}={value}"))
            .collect()
    }

    /// Values kept per weight: the mean square, and a velocity with momentum.
    pub(super) fn slots(&self) -> u64 {
        1 + u64::from(self.momentum != 0.0)
    }

    pub(super) fn state(&self, sizes: &[usize]) -> RmspropState {
        let momentum = self.momentum != 0.0;
        let slots = sizes.iter().map(|&n| (vec![0.0; n], vec![0.0; if momentum { n } else { 0 }])).collect();
        RmspropState { lr: 0.0, slots }
    }

    pub(super) fn begin_step(&self, state: &mut RmspropState, lr: f32) {
        state.lr = lr;
    }

    pub(super) fn update(&self, state: &mut RmspropState, tensor: usize, weights: &mut [f32], grads: &[f32]) {
        let step = RmspropStep {
            learning_rate: state.lr,
            rho: self.rho as f32,
            one_minus_rho: (1.0 - self.rho) as f32,
            momentum: self.momentum as f32,
            epsilon: self.epsilon as f32,
        };
        let (v, m) = &mut state.slots[tensor];
        kernels::rmsprop(&step, weights, grads, v, (self.momentum != 0.0).then_some(m.as_mut_slice()));
    }
}
