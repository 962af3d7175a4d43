//! How much memory a fit needs, estimated before it starts, so that a set-up too large for the
//! browser is refused with the figure instead of the worker dying of it.
//!
//! Per layer of `u` units after `i` inputs, for batches of `b` rows: its weights (`i·u + u` for
//! Dense, `4u` for BatchNormalization), their gradients, the optimizer's slots (up to 3 per
//! weight with AMSGrad), four `b × u` buffers (output, gradient, saved values, the evaluation's
//! copy), the copies of the model a fit keeps (the last good epoch, the best one), and the
//! data's rows as `f32`.

use crate::nn::{LayerConfig, Optimizer};

/// The most a fit may take: a wasm32 worker can address 4 GiB, and the data, the page's copy
/// of messages and the browser need the rest.
pub const MEMORY_LIMIT: u64 = 1_500_000_000;

/// Bytes a fit of `layers` on `inputs` features, `rows` rows and batches of `batch` rows needs.
pub fn memory_needed(inputs: usize, layers: &[LayerConfig], optimizer: &Optimizer, batch: usize, rows: usize) -> u64 {
    let slots = optimizer.slots();
    let (mut fan_in, mut weights, mut activations) = (inputs as u64, 0u64, 0u64);
    for layer in layers {
        let units = layer.units(fan_in as usize) as u64;
        let (trainable, fixed) = layer.param_counts(fan_in as usize);
        weights += (trainable + fixed) as u64;
        activations += units;
        fan_in = units;
    }
    // The model, its gradients, its optimizer slots, and two more copies of it.
    let per_weight = 1 + 1 + slots + 2;
    let buffers = 4 * batch.min(rows.max(1)) as u64 * (activations + inputs as u64);
    let data = 2 * rows as u64 * inputs as u64;
    4 * (weights * per_weight + buffers + data)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nn::{Activation, DenseConfig};

    fn dense(units: usize) -> LayerConfig {
        LayerConfig::Dense(DenseConfig { units, activation: Activation::Relu, ..Default::default() })
    }

    #[test]
    fn the_seed_model_is_small_and_a_giant_one_is_refused() {
        let seed = memory_needed(10, &[dense(64), dense(1)], &Optimizer::default(), 32, 1000);
        assert!(seed < 1_000_000, "{seed}");
        // The set-up: 200,000 rows × 10, two layers of 4096, batch 100,000.
        let giant = memory_needed(10, &[dense(4096), dense(4096), dense(1)], &Optimizer::default(), 100_000, 200_000);
        assert!(giant > MEMORY_LIMIT, "{giant}");
    }
}
