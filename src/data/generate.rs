//! Seeded data generators.
//!
//! The seed example is the seed document's
//! `X = np.random.rand(1000, 10)`, `y = np.random.randint(0, 2, 1000)`:
//! features uniform in `[0, 1)`, labels 0 or 1 with equal chance, independent of the features.
//! Labels drawn so carry no signal: no model can predict held-out rows better than chance.

use ndarray::Array2;
use rand::Rng;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use super::Dataset;

/// `rows × features` uniform `[0, 1)` features and random 0/1 labels, from `seed`
/// (features first, row by row, then the labels).
///
/// ```
/// let data = mlp_lab::data::seed_example(1000, 10, 42);
/// assert_eq!(data.x.dim(), (1000, 10));
/// assert_eq!(data.y.dim(), (1000, 1));
/// ```
pub fn seed_example(rows: usize, features: usize, seed: u64) -> Dataset {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let x = Array2::from_shape_simple_fn((rows, features), || rng.random::<f32>());
    let y = Array2::from_shape_simple_fn((rows, 1), || rng.random_range(0..2u8) as f32);
    Dataset { x, y }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_ranges_and_balance() {
        let data = seed_example(1000, 10, 42);
        assert_eq!(data.x.dim(), (1000, 10));
        assert_eq!(data.y.dim(), (1000, 1));
        assert!(data.x.iter().all(|&v| (0.0..1.0).contains(&v)));
        assert!(data.y.iter().all(|&v| v == 0.0 || v == 1.0));
        // Uniform [0, 1): mean 0.5, and every tenth of the range is used.
        let mean = data.x.mean().unwrap();
        assert!((mean - 0.5).abs() < 0.02, "mean {mean}");
        for decile in 0..10 {
            let lo = decile as f32 / 10.0;
            assert!(data.x.iter().any(|&v| v >= lo && v < lo + 0.1), "decile {decile} empty");
        }
        // Fair coin labels: 1000 draws stay within 4.5 standard deviations (±71) of 500.
        let [zeros, ones] = data.class_counts();
        assert_eq!(zeros + ones, 1000);
        assert!(ones.abs_diff(500) < 71, "{ones} ones");
    }

    #[test]
    fn same_seed_same_data_other_seed_other_data() {
        assert_eq!(seed_example(50, 3, 7), seed_example(50, 3, 7));
        assert_ne!(seed_example(50, 3, 7), seed_example(50, 3, 8));
    }
}
