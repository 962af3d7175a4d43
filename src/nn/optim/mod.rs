//! Optimizers: a configuration ([`Optimizer`]: hyper-parameters with Keras' defaults, the
//! learning rate or its schedule), and the running optimizer ([`OptimizerState`]: that
//! configuration together with its slots, so the two cannot be paired wrongly).
//!
//! A training step calls [`OptimizerState::begin_step`] once with the step's learning rate, then
//! [`OptimizerState::update`] for every trainable tensor, in the order the model walks them.
//! Adding an optimizer: a file here with its config, state, update and Keras arguments, its
//! variant in [`Optimizer`] and in the state's kind (this file), its hyper-parameters' keys in
//! `src/setup/params/table.rs` and their fields in `src/app/components/compile_fields.rs` (and, for
//! speed, its update as a SIMD kernel in `src/nn/kernels/`).

mod adam;
mod learning_rate;
mod rmsprop;
mod sgd;

use serde::{Deserialize, Serialize};

pub use adam::{Adam, AdamState};
pub use learning_rate::LearningRate;
pub use rmsprop::{Rmsprop, RmspropState};
pub use sgd::{Sgd, SgdState};

/// A fixed choice of optimizer, named as in Keras.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Optimizer {
    /// Stochastic gradient descent, with optional (Nesterov) momentum.
    Sgd(Sgd),
    /// Adam, with optional AMSGrad.
    Adam(Adam),
    /// RMSprop.
    Rmsprop(Rmsprop),
}

impl Default for Optimizer {
    /// Adam with Keras' defaults, as the seed document compiles its model.
    fn default() -> Self {
        Optimizer::Adam(Adam::default())
    }
}

impl Optimizer {
    /// Every optimizer, with Keras' defaults, the default first.
    pub fn all() -> [Optimizer; 3] {
        [Optimizer::Adam(Adam::default()), Optimizer::Sgd(Sgd::default()), Optimizer::Rmsprop(Rmsprop::default())]
    }

    /// The Keras name.
    pub fn keras_name(&self) -> &'static str {
        match self {
            Optimizer::Sgd(_) => "sgd",
            Optimizer::Adam(_) => "adam",
            Optimizer::Rmsprop(_) => "rmsprop",
        }
    }

    /// The Keras class, as a person reads it: `SGD`, `Adam`, `RMSprop`.
    pub fn keras_class(&self) -> &'static str {
        match self {
            Optimizer::Sgd(_) => "SGD",
            Optimizer::Adam(_) => "Adam",
            Optimizer::Rmsprop(_) => "RMSprop",
        }
    }

    /// The optimizer a Keras name stands for, with Keras' defaults.
    pub fn from_keras_name(name: &str) -> Option<Optimizer> {
        Optimizer::all().into_iter().find(|o| o.keras_name() == name)
    }

    /// The learning rate, or its schedule.
    pub fn learning_rate(&self) -> &LearningRate {
        match self {
            Optimizer::Sgd(o) => &o.learning_rate,
            Optimizer::Adam(o) => &o.learning_rate,
            Optimizer::Rmsprop(o) => &o.learning_rate,
        }
    }

    /// The same, to change.
    pub fn learning_rate_mut(&mut self) -> &mut LearningRate {
        match self {
            Optimizer::Sgd(o) => &mut o.learning_rate,
            Optimizer::Adam(o) => &mut o.learning_rate,
            Optimizer::Rmsprop(o) => &mut o.learning_rate,
        }
    }

    /// The Keras constructor with the arguments that differ from Keras' defaults, its learning
    /// rate written as `lr` (a number, or the name of a schedule built before):
    /// `keras.optimizers.SGD(learning_rate=0.1, momentum=0.9)`.
    pub fn keras_call(&self, lr: &str) -> String {
        let rest = match self {
            Optimizer::Sgd(o) => o.keras_args(),
            Optimizer::Adam(o) => o.keras_args(),
            Optimizer::Rmsprop(o) => o.keras_args(),
        };
        let args: Vec<String> = std::iter::once(format!("learning_rate={lr}")).chain(rest).collect();
        format!("keras.optimizers.{}({})", self.keras_class(), args.join(", "))
    }

    /// Values the optimizer keeps per weight (moments, velocities), for the memory a fit needs.
    pub fn slots(&self) -> u64 {
        match self {
            Optimizer::Sgd(o) => o.slots(),
            Optimizer::Adam(o) => o.slots(),
            Optimizer::Rmsprop(o) => o.slots(),
        }
    }

    /// The running optimizer for tensors of the given sizes, its slots at zero.
    pub fn state(&self, sizes: impl IntoIterator<Item = usize>) -> OptimizerState {
        let sizes: Vec<usize> = sizes.into_iter().collect();
        let kind = match self {
            Optimizer::Sgd(o) => Kind::Sgd(o.clone(), o.state(&sizes)),
            Optimizer::Adam(o) => Kind::Adam(o.clone(), o.state(&sizes)),
            Optimizer::Rmsprop(o) => Kind::Rmsprop(o.clone(), o.state(&sizes)),
        };
        OptimizerState { kind }
    }
}

/// An optimizer at work: its configuration and the slots of every tensor (moments, velocities).
#[derive(Debug, Clone, PartialEq)]
pub struct OptimizerState {
    kind: Kind,
}

#[derive(Debug, Clone, PartialEq)]
enum Kind {
    Sgd(Sgd, SgdState),
    Adam(Adam, AdamState),
    Rmsprop(Rmsprop, RmspropState),
}

impl OptimizerState {
    /// The configuration it runs.
    pub fn optimizer(&self) -> Optimizer {
        match &self.kind {
            Kind::Sgd(o, _) => Optimizer::Sgd(o.clone()),
            Kind::Adam(o, _) => Optimizer::Adam(o.clone()),
            Kind::Rmsprop(o, _) => Optimizer::Rmsprop(o.clone()),
        }
    }

    /// The learning rate (or schedule) it was configured with.
    pub fn learning_rate(&self) -> &LearningRate {
        match &self.kind {
            Kind::Sgd(o, _) => &o.learning_rate,
            Kind::Adam(o, _) => &o.learning_rate,
            Kind::Rmsprop(o, _) => &o.learning_rate,
        }
    }

    /// Adam's steps taken (0 for the others, which do not count them).
    pub fn iterations(&self) -> u64 {
        match &self.kind {
            Kind::Adam(_, s) => s.iterations,
            _ => 0,
        }
    }

    /// Starts a step at learning rate `lr`. Call before the step's [`Self::update`]s.
    pub fn begin_step(&mut self, lr: f32) {
        match &mut self.kind {
            Kind::Sgd(o, s) => o.begin_step(s, lr),
            Kind::Adam(o, s) => o.begin_step(s, lr),
            Kind::Rmsprop(o, s) => o.begin_step(s, lr),
        }
    }

    /// Updates tensor number `tensor` (in the order of the sizes it was made for) from its
    /// gradient.
    pub fn update(&mut self, tensor: usize, weights: &mut [f32], grads: &[f32]) {
        match &mut self.kind {
            Kind::Sgd(o, s) => o.update(s, tensor, weights, grads),
            Kind::Adam(o, s) => o.update(s, tensor, weights, grads),
            Kind::Rmsprop(o, s) => o.update(s, tensor, weights, grads),
        }
    }
}
