//! Learning-rate schedules, Keras' `keras.optimizers.schedules`, as functions of the step `s`
//! (steps already taken, from 0) and the optimizer's `learning_rate` `lr₀`:
//!
//! | schedule | learning rate at step `s` |
//! |---|---|
//! | `Constant` | `lr₀` |
//! | `ExponentialDecay` | `lr₀ · rate^(s / steps)` (`⌊s / steps⌋` with `staircase`) |
//! | `PiecewiseConstantDecay` | `values[i]` for the first boundary `b_i ≥ s`, the last value past them |
//! | `CosineDecay` | `lr₀ · ((1 − α) · ½(1 + cos(π · min(s, steps) / steps)) + α)` |
//!
//! ```
//! use mlp_lab::nn::Schedule;
//! let halve = Schedule::ExponentialDecay { decay_steps: 10, decay_rate: 0.5, staircase: true };
//! assert_eq!(halve.learning_rate(0.1, 9), 0.1);
//! assert_eq!(halve.learning_rate(0.1, 10), 0.05);
//! ```

use serde::{Deserialize, Serialize};

use crate::i18n::Bilingual;

/// How the learning rate changes with the steps taken.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Schedule {
    /// The optimizer's learning rate throughout.
    #[default]
    Constant,
    /// Keras' `ExponentialDecay(initial_learning_rate=lr₀, decay_steps, decay_rate, staircase)`.
    ExponentialDecay {
        /// Steps over which the rate is multiplied by `decay_rate` once.
        decay_steps: u64,
        /// Factor per `decay_steps`.
        decay_rate: f32,
        /// Decay in whole steps of `decay_steps` (a staircase) rather than continuously.
        staircase: bool,
    },
    /// Keras' `PiecewiseConstantDecay(boundaries, values)`: a step decay.
    PiecewiseConstantDecay {
        /// Step boundaries, increasing.
        boundaries: Vec<u64>,
        /// One learning rate more than there are boundaries.
        values: Vec<f32>,
    },
    /// Keras' `CosineDecay(initial_learning_rate=lr₀, decay_steps, alpha)`.
    CosineDecay {
        /// Steps to decay over.
        decay_steps: u64,
        /// The final rate as a fraction of `lr₀`. Keras' default: 0.
        alpha: f32,
    },
}

impl Schedule {
    /// The learning rate at step `step` for a starting rate `initial`.
    pub fn learning_rate(&self, initial: f32, step: u64) -> f32 {
        let s = step as f64;
        match self {
            Schedule::Constant => initial,
            Schedule::ExponentialDecay { decay_steps, decay_rate, staircase } => {
                let mut p = s / (*decay_steps).max(1) as f64;
                if *staircase {
                    p = p.floor();
                }
                (initial as f64 * (*decay_rate as f64).powf(p)) as f32
            }
            Schedule::PiecewiseConstantDecay { boundaries, values } => {
                let i = boundaries.iter().position(|&b| step <= b).unwrap_or(boundaries.len());
                values.get(i).or(values.last()).copied().unwrap_or(initial)
            }
            Schedule::CosineDecay { decay_steps, alpha } => {
                let steps = (*decay_steps).max(1) as f64;
                let cosine = 0.5 * (1.0 + (std::f64::consts::PI * s.min(steps) / steps).cos());
                (initial as f64 * ((1.0 - *alpha as f64) * cosine + *alpha as f64)) as f32
            }
        }
    }

    /// Why the schedule cannot be used, if it cannot: in English a predicate ("the … schedule
    /// {why}"), in Chinese a clause of its own.
    pub fn problem(&self) -> Option<Bilingual> {
        match self {
            Schedule::PiecewiseConstantDecay { boundaries, values } if values.len() != boundaries.len() + 1 => {
                let (b, v) = (boundaries.len(), values.len());
                Some(Bilingual::new(
                    format!("needs one value more than boundaries: {b} boundaries, {v} values"),
                    format!("值要比分界点多一个（现有 {b} 个分界点，{v} 个值）"),
                ))
            }
            Schedule::PiecewiseConstantDecay { boundaries, .. } if boundaries.windows(2).any(|w| w[0] >= w[1]) => {
                Some(Bilingual::new("boundaries must increase", "分界点必须递增"))
            }
            Schedule::ExponentialDecay { decay_steps: 0, .. } | Schedule::CosineDecay { decay_steps: 0, .. } => {
                Some(Bilingual::new("decay_steps must be at least 1", "decay_steps 至少为 1"))
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reference values: Keras 3, `keras.optimizers.schedules.*(…)(step)`.
    #[test]
    fn schedules_match_keras() {
        let exp = Schedule::ExponentialDecay { decay_steps: 100, decay_rate: 0.96, staircase: false };
        assert!((exp.learning_rate(0.1, 50) - 0.1 * 0.96f32.powf(0.5)).abs() < 1e-8);
        let piecewise = Schedule::PiecewiseConstantDecay { boundaries: vec![10, 20], values: vec![1.0, 0.5, 0.1] };
        let got: Vec<f32> = [0, 10, 11, 20, 21, 1000].iter().map(|&s| piecewise.learning_rate(9.0, s)).collect();
        assert_eq!(got, [1.0, 1.0, 0.5, 0.5, 0.1, 0.1]);
        let cosine = Schedule::CosineDecay { decay_steps: 100, alpha: 0.1 };
        assert_eq!(cosine.learning_rate(1.0, 0), 1.0);
        assert!((cosine.learning_rate(1.0, 50) - 0.55).abs() < 1e-6);
        assert!((cosine.learning_rate(1.0, 500) - 0.1).abs() < 1e-6);
        assert!(piecewise.problem().is_none());
        let bad = Schedule::PiecewiseConstantDecay { boundaries: vec![10], values: vec![1.0] };
        assert_eq!(bad.problem().unwrap().en, "needs one value more than boundaries: 1 boundaries, 1 values");
    }

    #[test]
    fn problems_are_said_in_both_languages() {
        let problems = [
            Schedule::PiecewiseConstantDecay { boundaries: vec![10], values: vec![1.0] },
            Schedule::PiecewiseConstantDecay { boundaries: vec![20, 10], values: vec![1.0, 0.5, 0.1] },
            Schedule::ExponentialDecay { decay_steps: 0, decay_rate: 0.5, staircase: false },
            Schedule::CosineDecay { decay_steps: 0, alpha: 0.0 },
        ];
        for schedule in problems {
            crate::i18n::check::assert_bilingual(&schedule.problem().expect("a problem"));
        }
    }
}
