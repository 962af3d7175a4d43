//! Optimizers: a configuration (hyper-parameters with Keras' defaults), a state of its own type
//! (moments, velocities), and a step that is a small pure update of one tensor.
//!
//! A training step calls [`Optimizer::begin_step`] once with the step's learning rate (from the
//! [`Schedule`]), then [`Optimizer::update`] for every trainable tensor.

mod adam;
mod rmsprop;
mod schedule;
mod sgd;

use serde::{Deserialize, Serialize};

pub use adam::{Adam, AdamState};
pub use rmsprop::{Rmsprop, RmspropState};
pub use schedule::Schedule;
pub use sgd::{Sgd, SgdState};

/// A fixed choice of optimizer, named as in Keras.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Optimizer {
    /// Stochastic gradient descent, with optional (Nesterov) momentum.
    Sgd(Sgd),
    /// Adam, with optional AMSGrad.
    Adam(Adam),
    /// RMSprop.
    Rmsprop(Rmsprop),
}

/// The state of an [`Optimizer`], one per model.
#[derive(Debug, Clone, PartialEq)]
pub enum OptimizerState {
    /// SGD's velocities.
    Sgd(SgdState),
    /// Adam's moments.
    Adam(AdamState),
    /// RMSprop's running squares.
    Rmsprop(RmspropState),
}

impl Default for Optimizer {
    /// Adam with Keras' defaults, as the seed document compiles its model.
    fn default() -> Self {
        Optimizer::Adam(Adam::default())
    }
}

impl Optimizer {
    /// The Keras name.
    pub fn keras_name(&self) -> &'static str {
        match self {
            Optimizer::Sgd(_) => "sgd",
            Optimizer::Adam(_) => "adam",
            Optimizer::Rmsprop(_) => "rmsprop",
        }
    }

    /// The configured learning rate (a schedule's starting value).
    pub fn learning_rate(&self) -> f32 {
        match self {
            Optimizer::Sgd(o) => o.learning_rate,
            Optimizer::Adam(o) => o.learning_rate,
            Optimizer::Rmsprop(o) => o.learning_rate,
        }
    }

    /// A fresh state for tensors of the given sizes.
    pub fn state(&self, sizes: impl IntoIterator<Item = usize>) -> OptimizerState {
        let sizes: Vec<usize> = sizes.into_iter().collect();
        match self {
            Optimizer::Sgd(o) => OptimizerState::Sgd(SgdState::new(&sizes, o.momentum != 0.0)),
            Optimizer::Adam(o) => OptimizerState::Adam(AdamState::new(&sizes, o.amsgrad)),
            Optimizer::Rmsprop(o) => OptimizerState::Rmsprop(RmspropState::new(&sizes, o.momentum != 0.0)),
        }
    }

    /// Starts a step at learning rate `lr`. Call before the step's [`Optimizer::update`]s.
    pub fn begin_step(&self, state: &mut OptimizerState, lr: f32) {
        match (self, state) {
            (Optimizer::Sgd(_), OptimizerState::Sgd(s)) => s.lr = lr,
            (Optimizer::Adam(o), OptimizerState::Adam(s)) => o.begin_step(s, lr),
            (Optimizer::Rmsprop(_), OptimizerState::Rmsprop(s)) => s.lr = lr,
            _ => unreachable!("an optimizer's state comes from Optimizer::state"),
        }
    }

    /// Updates tensor number `tensor` (in the order of [`Optimizer::state`]'s sizes) from its
    /// gradient.
    pub fn update(&self, state: &mut OptimizerState, tensor: usize, weights: &mut [f32], grads: &[f32]) {
        match (self, state) {
            (Optimizer::Sgd(o), OptimizerState::Sgd(s)) => o.update(s, tensor, weights, grads),
            (Optimizer::Adam(o), OptimizerState::Adam(s)) => o.update(s, tensor, weights, grads),
            (Optimizer::Rmsprop(o), OptimizerState::Rmsprop(s)) => o.update(s, tensor, weights, grads),
            _ => unreachable!("an optimizer's state comes from Optimizer::state"),
        }
    }
}
