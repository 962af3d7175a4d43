//! RMSprop, as Keras writes it (not centred), with running square `v` and, with momentum `μ`,
//! a velocity `m`:
//!
//! ```text
//! v ← ρ v + (1 − ρ) g²
//! Δ = lr · g / √(v + ε)
//! w ← w − Δ                  (no momentum)
//! m ← μ m + Δ,  w ← w − m    (with momentum)
//! ```

use serde::{Deserialize, Serialize};

use crate::nn::kernels::{self, RmspropStep};

/// RMSprop's hyper-parameters; the defaults are Keras'.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Rmsprop {
    /// Step size. Keras' default: 0.001.
    pub learning_rate: f32,
    /// Decay of the running square. Keras' default: 0.9.
    pub rho: f32,
    /// Momentum `μ`. Keras' default: 0.
    pub momentum: f32,
    /// Added under the square root. Keras' default: 1e-7.
    pub epsilon: f32,
}

impl Default for Rmsprop {
    fn default() -> Self {
        Self { learning_rate: 0.001, rho: 0.9, momentum: 0.0, epsilon: 1e-7 }
    }
}

/// RMSprop's state: the step's learning rate, running squares, and velocities with momentum.
#[derive(Debug, Clone, PartialEq)]
pub struct RmspropState {
    pub(super) lr: f32,
    /// `(v, m)` per tensor; `m` is empty without momentum.
    slots: Vec<(Vec<f32>, Vec<f32>)>,
}

impl RmspropState {
    pub(super) fn new(sizes: &[usize], momentum: bool) -> Self {
        Self {
            lr: 0.0,
            slots: sizes.iter().map(|&n| (vec![0.0; n], vec![0.0; if momentum { n } else { 0 }])).collect(),
        }
    }
}

impl Rmsprop {
    pub(super) fn update(&self, state: &mut RmspropState, tensor: usize, weights: &mut [f32], grads: &[f32]) {
        let step = RmspropStep {
            learning_rate: state.lr,
            rho: self.rho,
            one_minus_rho: (1.0 - self.rho as f64) as f32, // as Keras: 1 − ρ in double precision, then f32
            momentum: self.momentum,
            epsilon: self.epsilon,
        };
        let (v, m) = &mut state.slots[tensor];
        kernels::rmsprop(&step, weights, grads, v, (self.momentum != 0.0).then_some(m.as_mut_slice()));
    }
}
