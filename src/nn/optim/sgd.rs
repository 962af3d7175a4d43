//! SGD, as Keras writes it, with velocity `m` (zero at the start):
//!
//! ```text
//! without momentum:  w ← w − lr · g
//! with momentum μ:   m ← μ m − lr · g
//!                    w ← w + m                 (classical)
//!                    w ← w + μ m − lr · g      (Nesterov)
//! ```

use serde::{Deserialize, Serialize};

use super::LearningRate;
use crate::nn::kernels::{self, SgdStep};

/// SGD's hyper-parameters; the defaults are Keras'.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sgd {
    /// Step size, or its schedule. Keras' default: 0.01.
    pub learning_rate: LearningRate,
    /// Momentum `μ`, in `[0, 1)`. Keras' default: 0.
    pub momentum: f64,
    /// Nesterov momentum. Keras' default: false.
    pub nesterov: bool,
}

impl Default for Sgd {
    fn default() -> Self {
        Self { learning_rate: LearningRate::Constant(0.01), momentum: 0.0, nesterov: false }
    }
}

/// SGD's state: the step's learning rate and, with momentum, a velocity per tensor.
#[derive(Debug, Clone, PartialEq)]
pub struct SgdState {
    lr: f32,
    velocities: Vec<Vec<f32>>,
}

impl Sgd {
    /// Keras' arguments besides the learning rate, where they differ from its defaults.
    pub(super) fn keras_args(&self) -> Vec<String> {
        let mut args = Vec::new();
        if self.momentum != 0.0 {
            args.push(format!("momentum={}", self.momentum));
        }
        if self.nesterov {
            args.push("nesterov=True".into());
        }
        args
    }

    /// Values kept per weight: a velocity with momentum, none without.
    pub(super) fn slots(&self) -> u64 {
        u64::from(self.momentum != 0.0)
    }

    pub(super) fn state(&self, sizes: &[usize]) -> SgdState {
        let momentum = self.momentum != 0.0;
        let velocities = if momentum { sizes.iter().map(|&n| vec![0.0; n]).collect() } else { Vec::new() };
        SgdState { lr: 0.0, velocities }
    }

    pub(super) fn begin_step(&self, state: &mut SgdState, lr: f32) {
        state.lr = lr;
    }

    pub(super) fn update(&self, state: &mut SgdState, tensor: usize, weights: &mut [f32], grads: &[f32]) {
        let step = SgdStep { learning_rate: state.lr, momentum: self.momentum as f32, nesterov: self.nesterov };
        let velocity = (self.momentum != 0.0).then(|| state.velocities[tensor].as_mut_slice());
        kernels::sgd(&step, weights, grads, velocity);
    }
}
