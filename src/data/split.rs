//! `train_test_split`, as scikit-learn's: a seeded shuffle of the rows, the first
//! `⌈n · test_size⌉` of the shuffled order for testing, the rest for training.

use rand::seq::SliceRandom;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use super::Dataset;

/// Splits `data` into `(train, test)`, `test` holding `⌈rows · test_size⌉` rows.
/// `test_size` is clamped to `[0, 1]`.
///
/// ```
/// let data = mlp_lab::data::seed_example(1000, 10, 42);
/// let (train, test) = mlp_lab::data::train_test_split(&data, 0.2, 42);
/// assert_eq!((train.rows(), test.rows()), (800, 200));
/// ```
pub fn train_test_split(data: &Dataset, test_size: f64, seed: u64) -> (Dataset, Dataset) {
    let (train, test) = split_indices(data.rows(), test_size, seed);
    (data.select(&train), data.select(&test))
}

/// The row indices of `(train, test)`.
fn split_indices(rows: usize, test_size: f64, seed: u64) -> (Vec<usize>, Vec<usize>) {
    let mut order: Vec<usize> = (0..rows).collect();
    order.shuffle(&mut ChaCha8Rng::seed_from_u64(seed));
    let n_test = ((rows as f64) * test_size.clamp(0.0, 1.0)).ceil() as usize;
    let train = order.split_off(n_test.min(rows));
    (train, order)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_is_seeded_disjoint_and_complete() {
        let (train, test) = split_indices(1000, 0.2, 42);
        assert_eq!((train.len(), test.len()), (800, 200));
        let mut all: Vec<usize> = train.iter().chain(&test).copied().collect();
        all.sort_unstable();
        assert_eq!(all, (0..1000).collect::<Vec<_>>(), "every row exactly once");
        assert_eq!(split_indices(1000, 0.2, 42), (train.clone(), test.clone()), "same seed, same split");
        assert_ne!(split_indices(1000, 0.2, 43).1, test, "another seed, another split");
        // Shuffled, not a block: the test rows are spread over the whole range.
        assert!(test.iter().any(|&i| i < 500) && test.iter().any(|&i| i >= 500));
    }

    #[test]
    fn rows_follow_their_labels() {
        let data = crate::data::seed_example(100, 2, 1);
        let (train, test) = train_test_split(&data, 0.25, 9);
        let (tr, te) = split_indices(100, 0.25, 9);
        for (k, &i) in tr.iter().enumerate() {
            assert_eq!(train.x.row(k), data.x.row(i));
            assert_eq!(train.y.row(k), data.y.row(i));
        }
        assert_eq!(test.x.row(0), data.x.row(te[0]));
    }
}
