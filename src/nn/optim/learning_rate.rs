//! An optimizer's learning rate, as Keras takes it: a number, or a schedule of
//! `keras.optimizers.schedules` as a function of the step `s` (steps already taken, from 0):
//!
//! | Keras | learning rate at step `s` |
//! |---|---|
//! | `0.001` (a number) | that number |
//! | `ExponentialDecay(lr₀, steps, rate, staircase)` | `lr₀ · rate^(s / steps)` (`⌊s / steps⌋` with `staircase`) |
//! | `PiecewiseConstantDecay(boundaries, values)` | `values[i]` for the first boundary `b_i ≥ s`, the last value past them |
//! | `CosineDecay(lr₀, steps, alpha)` | `lr₀ · ((1 − α) · ½(1 + cos(π · min(s, steps) / steps)) + α)` |
//!
//! Keras computes each in float32 from the Python floats it was given; so does this.
//!
//! ```
//! use mlp_lab::nn::LearningRate;
//! let halve = LearningRate::ExponentialDecay { initial_learning_rate: 0.1, decay_steps: 10, decay_rate: 0.5, staircase: true };
//! assert_eq!(halve.at(9), 0.1);
//! assert_eq!(halve.at(10), 0.05);
//! ```

use serde::{Deserialize, Serialize};

use crate::nn::ScheduleProblem;

/// The learning rate of an optimizer: constant, or a schedule of the steps taken.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LearningRate {
    /// The same rate at every step.
    Constant(f64),
    /// Keras' `ExponentialDecay(initial_learning_rate, decay_steps, decay_rate, staircase)`.
    ExponentialDecay {
        /// The rate at step 0.
        initial_learning_rate: f64,
        /// Steps over which the rate is multiplied by `decay_rate` once.
        decay_steps: u64,
        /// Factor per `decay_steps`.
        decay_rate: f64,
        /// Decay in whole steps of `decay_steps` (a staircase) rather than continuously.
        staircase: bool,
    },
    /// Keras' `PiecewiseConstantDecay(boundaries, values)`: a step decay.
    PiecewiseConstantDecay {
        /// Step boundaries, increasing.
        boundaries: Vec<u64>,
        /// One learning rate more than there are boundaries.
        values: Vec<f64>,
    },
    /// Keras' `CosineDecay(initial_learning_rate, decay_steps, alpha)`.
    CosineDecay {
        /// The rate at step 0.
        initial_learning_rate: f64,
        /// Steps to decay over.
        decay_steps: u64,
        /// The final rate as a fraction of the initial one. Keras' default: 0.
        alpha: f64,
    },
}

impl LearningRate {
    /// The rate at step 0 (a piecewise schedule's first value).
    pub fn initial(&self) -> f64 {
        match self {
            LearningRate::Constant(lr) => *lr,
            LearningRate::ExponentialDecay { initial_learning_rate, .. }
            | LearningRate::CosineDecay { initial_learning_rate, .. } => *initial_learning_rate,
            LearningRate::PiecewiseConstantDecay { values, .. } => values.first().copied().unwrap_or(0.0),
        }
    }

    /// Sets the rate at step 0, where the schedule has one (not a piecewise schedule).
    pub fn set_initial(&mut self, lr: f64) {
        match self {
            LearningRate::Constant(v) => *v = lr,
            LearningRate::ExponentialDecay { initial_learning_rate, .. }
            | LearningRate::CosineDecay { initial_learning_rate, .. } => *initial_learning_rate = lr,
            LearningRate::PiecewiseConstantDecay { .. } => {}
        }
    }

    /// Keras' name for it in snake case: `constant` for a number, else the schedule's class.
    pub fn name(&self) -> &'static str {
        match self {
            LearningRate::Constant(_) => "constant",
            LearningRate::ExponentialDecay { .. } => "exponential_decay",
            LearningRate::CosineDecay { .. } => "cosine_decay",
            LearningRate::PiecewiseConstantDecay { .. } => "piecewise_constant_decay",
        }
    }

    /// The learning rate at step `step`, in float32 as Keras computes it.
    pub fn at(&self, step: u64) -> f32 {
        let s = step as f32;
        match self {
            LearningRate::Constant(lr) => *lr as f32,
            LearningRate::ExponentialDecay { initial_learning_rate, decay_steps, decay_rate, staircase } => {
                let mut p = s / (*decay_steps).max(1) as f32;
                if *staircase {
                    p = p.floor();
                }
                *initial_learning_rate as f32 * (*decay_rate as f32).powf(p)
            }
            LearningRate::PiecewiseConstantDecay { boundaries, values } => {
                let i = boundaries.iter().position(|&b| step <= b).unwrap_or(boundaries.len());
                values.get(i).or(values.last()).map_or(0.0, |&v| v as f32)
            }
            LearningRate::CosineDecay { initial_learning_rate, decay_steps, alpha } => {
                let steps = (*decay_steps).max(1) as f32;
                let fraction = s.min(steps) / steps;
                let cosine = 0.5 * (1.0 + (std::f32::consts::PI * fraction).cos());
                let alpha = *alpha as f32;
                *initial_learning_rate as f32 * ((1.0 - alpha) * cosine + alpha)
            }
        }
    }

    /// Why Keras would refuse the schedule, if it would.
    pub fn problem(&self) -> Option<ScheduleProblem> {
        let bad_rate = |lr: f64| !(lr.is_finite() && lr > 0.0);
        match self {
            LearningRate::Constant(lr) if bad_rate(*lr) => Some(ScheduleProblem::Rate { value: *lr }),
            LearningRate::ExponentialDecay { initial_learning_rate: lr, .. }
            | LearningRate::CosineDecay { initial_learning_rate: lr, .. }
                if bad_rate(*lr) =>
            {
                Some(ScheduleProblem::Rate { value: *lr })
            }
            LearningRate::PiecewiseConstantDecay { boundaries, values } if values.len() != boundaries.len() + 1 => {
                Some(ScheduleProblem::ValuesCount { boundaries: boundaries.len(), values: values.len() })
            }
            LearningRate::PiecewiseConstantDecay { boundaries, .. } if boundaries.windows(2).any(|w| w[0] >= w[1]) => {
                Some(ScheduleProblem::BoundariesNotIncreasing)
            }
            LearningRate::PiecewiseConstantDecay { values, .. } => {
                values.iter().find(|v| bad_rate(**v)).map(|&value| ScheduleProblem::Rate { value })
            }
            LearningRate::ExponentialDecay { decay_steps: 0, .. }
            | LearningRate::CosineDecay { decay_steps: 0, .. } => Some(ScheduleProblem::NoDecaySteps),
            LearningRate::ExponentialDecay { decay_rate, .. } if bad_rate(*decay_rate) => {
                Some(ScheduleProblem::DecayRate { value: *decay_rate })
            }
            LearningRate::CosineDecay { alpha, .. } if !(0.0..=1.0).contains(alpha) => {
                Some(ScheduleProblem::Alpha { value: *alpha })
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_are_found() {
        let bad = [
            LearningRate::PiecewiseConstantDecay { boundaries: vec![10], values: vec![1.0] },
            LearningRate::PiecewiseConstantDecay { boundaries: vec![20, 10], values: vec![1.0, 0.5, 0.1] },
            LearningRate::ExponentialDecay {
                initial_learning_rate: 0.1,
                decay_steps: 0,
                decay_rate: 0.5,
                staircase: false,
            },
            LearningRate::CosineDecay { initial_learning_rate: 0.1, decay_steps: 10, alpha: 2.0 },
            LearningRate::Constant(0.0),
            LearningRate::Constant(f64::NAN),
        ];
        for schedule in bad {
            assert!(schedule.problem().is_some(), "{schedule:?}");
        }
        assert_eq!(
            LearningRate::PiecewiseConstantDecay { boundaries: vec![10], values: vec![1.0] }.problem(),
            Some(ScheduleProblem::ValuesCount { boundaries: 1, values: 1 })
        );
        assert_eq!(LearningRate::Constant(0.001).problem(), None);
    }

    #[test]
    fn piecewise_takes_the_first_boundary_at_or_past_the_step() {
        let piecewise = LearningRate::PiecewiseConstantDecay { boundaries: vec![10, 20], values: vec![1.0, 0.5, 0.1] };
        let got: Vec<f32> = [0, 10, 11, 20, 21, 1000].iter().map(|&s| piecewise.at(s)).collect();
        assert_eq!(got, [1.0, 1.0, 0.5, 0.5, 0.1, 0.1]);
    }
}
