//! Weight initializers, drawn from a caller's random generator (never a global one).
//!
//! `glorot_uniform` (Keras' default kernel initializer) draws from `U(−l, l)` with
//! `l = √(6 / (fan_in + fan_out))`; `zeros` is Keras' default bias initializer.

use rand::Rng;
use serde::{Deserialize, Serialize};

/// How a weight tensor starts, named as in Keras.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Initializer {
    /// `U(−l, l)`, `l = √(6 / (fan_in + fan_out))`: Keras' default for kernels.
    #[default]
    GlorotUniform,
    /// All zeros: Keras' default for biases.
    Zeros,
}

impl Initializer {
    /// Fills `values`, a tensor with `fan_in` inputs and `fan_out` outputs per unit.
    pub fn fill(self, values: &mut [f32], fan_in: usize, fan_out: usize, rng: &mut impl Rng) {
        match self {
            Initializer::GlorotUniform => {
                let limit = (6.0 / (fan_in + fan_out) as f64).sqrt() as f32;
                values.iter_mut().for_each(|v| *v = rng.random_range(-limit..limit));
            }
            Initializer::Zeros => values.fill(0.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    #[test]
    fn glorot_uniform_stays_within_its_limit_and_spreads() {
        let mut w = vec![0.0; 10 * 64];
        Initializer::GlorotUniform.fill(&mut w, 10, 64, &mut ChaCha8Rng::seed_from_u64(1));
        let limit = (6.0f32 / 74.0).sqrt();
        assert!(w.iter().all(|v| v.abs() < limit));
        // Uniform on (−l, l) has variance l²/3; 640 draws land within 15% of it.
        let var = w.iter().map(|v| v * v).sum::<f32>() / w.len() as f32;
        assert!((var / (limit * limit / 3.0) - 1.0).abs() < 0.15, "variance {var}");
    }
}
