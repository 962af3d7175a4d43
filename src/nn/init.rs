//! Weight initializers, drawn from a caller's random generator (never a global one).
//!
//! For a kernel with `fan_in` inputs and `fan_out` units, as Keras defines them:
//!
//! | name (Keras) | distribution |
//! |---|---|
//! | `glorot_uniform` (default kernel) | `U(−l, l)`, `l = √(6 / (fan_in + fan_out))` |
//! | `glorot_normal` | truncated `N(0, s²)`, `s = √(2 / (fan_in + fan_out)) / 0.8796…` |
//! | `he_uniform` | `U(−l, l)`, `l = √(6 / fan_in)` |
//! | `he_normal` | truncated `N(0, s²)`, `s = √(2 / fan_in) / 0.8796…` |
//! | `random_normal` | `N(mean, stddev²)` (Keras' defaults 0 and 0.05): the seed's "Gaussian initialisation" |
//! | `random_uniform` | `U(minval, maxval)` (Keras' defaults −0.05 and 0.05) |
//! | `zeros` (default bias) | `0` |
//!
//! "Truncated" redraws values beyond two standard deviations; dividing by 0.8796…, the standard
//! deviation of a unit normal truncated so, keeps the variance at `s²` as Keras does.

use rand::Rng;
use rand_distr::{Distribution, StandardNormal};
use serde::{Deserialize, Serialize};

/// Standard deviation of `N(0, 1)` truncated to `[−2, 2]`.
const TRUNCATED_STDDEV: f64 = 0.879_625_661_034_239_8;

/// How a weight tensor starts, named as in Keras.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Initializer {
    /// Keras' default for kernels.
    #[default]
    GlorotUniform,
    /// Truncated normal scaled by fan-in and fan-out.
    GlorotNormal,
    /// Uniform scaled by fan-in, for ReLU layers.
    HeUniform,
    /// Truncated normal scaled by fan-in, for ReLU layers.
    HeNormal,
    /// Normal with a given mean and standard deviation.
    RandomNormal {
        /// Mean. Keras' default: 0.
        mean: f32,
        /// Standard deviation. Keras' default: 0.05.
        stddev: f32,
    },
    /// Uniform between two bounds.
    RandomUniform {
        /// Lower bound. Keras' default: −0.05.
        minval: f32,
        /// Upper bound. Keras' default: 0.05.
        maxval: f32,
    },
    /// All zeros: Keras' default for biases.
    Zeros,
}

impl Initializer {
    /// `random_normal` with Keras' defaults.
    pub const RANDOM_NORMAL: Initializer = Initializer::RandomNormal { mean: 0.0, stddev: 0.05 };
    /// `random_uniform` with Keras' defaults.
    pub const RANDOM_UNIFORM: Initializer = Initializer::RandomUniform { minval: -0.05, maxval: 0.05 };

    /// The Keras name.
    pub fn keras_name(self) -> &'static str {
        match self {
            Initializer::GlorotUniform => "glorot_uniform",
            Initializer::GlorotNormal => "glorot_normal",
            Initializer::HeUniform => "he_uniform",
            Initializer::HeNormal => "he_normal",
            Initializer::RandomNormal { .. } => "random_normal",
            Initializer::RandomUniform { .. } => "random_uniform",
            Initializer::Zeros => "zeros",
        }
    }

    /// Fills `values`, a tensor with `fan_in` inputs and `fan_out` outputs per unit.
    pub fn fill(self, values: &mut [f32], fan_in: usize, fan_out: usize, rng: &mut impl Rng) {
        let (fan_in, fan_avg) = (fan_in.max(1) as f64, (fan_in + fan_out).max(1) as f64 / 2.0);
        let uniform = |rng: &mut dyn rand::RngCore, values: &mut [f32], lo: f32, hi: f32| {
            if lo < hi {
                values.iter_mut().for_each(|v| *v = rng.random_range(lo..hi));
            } else {
                values.fill(lo);
            }
        };
        let truncated = |rng: &mut dyn rand::RngCore, values: &mut [f32], stddev: f64| {
            for v in values.iter_mut() {
                let x = loop {
                    let x: f64 = StandardNormal.sample(rng);
                    if x.abs() <= 2.0 {
                        break x;
                    }
                };
                *v = (x * stddev / TRUNCATED_STDDEV) as f32;
            }
        };
        match self {
            Initializer::GlorotUniform => {
                let l = (3.0 / fan_avg).sqrt() as f32;
                uniform(rng, values, -l, l)
            }
            Initializer::HeUniform => {
                let l = (6.0 / fan_in).sqrt() as f32;
                uniform(rng, values, -l, l)
            }
            Initializer::GlorotNormal => truncated(rng, values, (1.0 / fan_avg).sqrt()),
            Initializer::HeNormal => truncated(rng, values, (2.0 / fan_in).sqrt()),
            Initializer::RandomNormal { mean, stddev } => values.iter_mut().for_each(|v| {
                let x: f64 = StandardNormal.sample(rng);
                *v = mean + stddev * x as f32;
            }),
            Initializer::RandomUniform { minval, maxval } => uniform(rng, values, minval, maxval),
            Initializer::Zeros => values.fill(0.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    fn moments(init: Initializer, fan_in: usize, fan_out: usize) -> (f64, f64, f32) {
        let mut w = vec![0.0; 20_000];
        init.fill(&mut w, fan_in, fan_out, &mut ChaCha8Rng::seed_from_u64(1));
        let n = w.len() as f64;
        let mean = w.iter().map(|&v| v as f64).sum::<f64>() / n;
        let var = w.iter().map(|&v| (v as f64 - mean).powi(2)).sum::<f64>() / n;
        (mean, var, w.iter().fold(0.0f32, |m, v| m.max(v.abs())))
    }

    /// Each initializer's sample mean and variance against its formula (20,000 draws: within 5%).
    #[test]
    fn variances_follow_the_keras_formulas() {
        let (fan_in, fan_out) = (10.0, 64.0);
        let cases = [
            (Initializer::GlorotUniform, 2.0 / (fan_in + fan_out)),
            (Initializer::GlorotNormal, 2.0 / (fan_in + fan_out)),
            (Initializer::HeUniform, 2.0 / fan_in),
            (Initializer::HeNormal, 2.0 / fan_in),
            (Initializer::RANDOM_NORMAL, 0.05f64.powi(2)),
            (Initializer::RANDOM_UNIFORM, 0.1f64.powi(2) / 12.0),
        ];
        for (init, expected) in cases {
            let (mean, var, _) = moments(init, 10, 64);
            assert!(mean.abs() < 0.02 * expected.sqrt() * 5.0, "{init:?}: mean {mean}");
            assert!((var / expected - 1.0).abs() < 0.05, "{init:?}: variance {var}, expected {expected}");
        }
        let (_, _, max) = moments(Initializer::GlorotUniform, 10, 64);
        assert!(max < (6.0f32 / 74.0).sqrt());
        let (_, _, max) = moments(Initializer::HeNormal, 10, 64);
        assert!(max <= 2.0 * (0.2f32).sqrt() / TRUNCATED_STDDEV as f32 + 1e-6, "truncated at 2 standard deviations");
        let (mean, var, _) = moments(Initializer::RandomNormal { mean: 1.5, stddev: 0.5 }, 1, 1);
        assert!((mean - 1.5).abs() < 0.02 && (var / 0.25 - 1.0).abs() < 0.05);
        assert_eq!(moments(Initializer::Zeros, 3, 3).2, 0.0);
    }
}
