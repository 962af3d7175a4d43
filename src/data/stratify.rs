//! `train_test_split(..., stratify=y)`: a seeded split that keeps each class's share in both
//! parts, so that a rare class is not left out of the test rows by chance.
//!
//! The test split holds `n_test = ⌈n · test_size⌉` rows, as [`train_test_split`](super::train_test_split).
//! Class `c`, with `n_c` rows, gives `t_c = ⌊n_c · n_test / n⌋` of them, and the `n_test − Σ t_c`
//! rows left go one each to the classes with the largest remainders (ties: the larger class,
//! then the smaller id), as scikit-learn's `_approximate_mode`. So each class's test count is
//! within one row of its exact share `n_c · n_test / n`, and its train count within one row of
//! `n_c · (n − n_test) / n`. The rows of each class are shuffled (one seeded ChaCha8 stream,
//! class by class), the first `t_c` go to the test split, and both splits are shuffled again so
//! that classes are not in blocks.
//!
//! ```
//! use mlp_lab::data::{train_test_split_stratified, Dataset};
//! use ndarray::Array2;
//! // 90 rows of class 0, 10 of class 1.
//! let y = Array2::from_shape_fn((100, 1), |(i, _)| if i < 90 { 0.0 } else { 1.0 });
//! let data = Dataset { x: Array2::zeros((100, 2)), y };
//! let (train, test) = train_test_split_stratified(&data, 0.2, 42);
//! assert_eq!((train.class_counts(), test.class_counts()), (vec![72, 8], vec![18, 2]));
//! ```

use rand::seq::SliceRandom;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use super::Dataset;

/// Splits `data` into `(train, test)` keeping each class's share; the class of a row is its
/// first label column, rounded (as [`Dataset::class_counts`]). `test_size` is clamped to `[0, 1]`.
pub fn train_test_split_stratified(data: &Dataset, test_size: f64, seed: u64) -> (Dataset, Dataset) {
    let classes: Vec<usize> = data.y.column(0).iter().map(|v| v.round().max(0.0) as usize).collect();
    let (train, test) = stratified_indices(&classes, test_size, seed);
    (data.select(&train), data.select(&test))
}

/// The row indices of `(train, test)` for rows of classes `classes`.
pub(crate) fn stratified_indices(classes: &[usize], test_size: f64, seed: u64) -> (Vec<usize>, Vec<usize>) {
    let n = classes.len();
    let test_size = if test_size.is_nan() { 0.0 } else { test_size.clamp(0.0, 1.0) };
    let n_test = ((n as f64) * test_size).ceil().min(n as f64) as u64;
    let mut members: Vec<Vec<usize>> = Vec::new();
    for (row, &c) in classes.iter().enumerate() {
        if c >= members.len() {
            members.resize_with(c + 1, Vec::new);
        }
        members[c].push(row);
    }
    let counts = test_counts(&members.iter().map(Vec::len).collect::<Vec<_>>(), n_test);
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let (mut train, mut test) = (Vec::with_capacity(n - n_test as usize), Vec::with_capacity(n_test as usize));
    for (rows, t) in members.iter_mut().zip(counts) {
        rows.shuffle(&mut rng);
        test.extend_from_slice(&rows[..t]);
        train.extend_from_slice(&rows[t..]);
    }
    train.shuffle(&mut rng);
    test.shuffle(&mut rng);
    (train, test)
}

/// Test rows of each class: floors of the exact shares, then the largest remainders.
fn test_counts(sizes: &[usize], n_test: u64) -> Vec<usize> {
    let n: u64 = sizes.iter().map(|&s| s as u64).sum();
    if n == 0 {
        return vec![0; sizes.len()];
    }
    let share = |s: usize| (s as u64 * n_test / n, s as u64 * n_test % n);
    let mut counts: Vec<usize> = sizes.iter().map(|&s| share(s).0 as usize).collect();
    let left = n_test as usize - counts.iter().sum::<usize>();
    let mut order: Vec<usize> = (0..sizes.len()).collect();
    order.sort_by_key(|&c| (std::cmp::Reverse(share(sizes[c]).1), std::cmp::Reverse(sizes[c]), c));
    for &c in order.iter().take(left) {
        counts[c] += 1;
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn largest_remainders_fill_the_test_rows() {
        // n = 10, n_test = 3: exact shares 1.5, 0.9, 0.6 → floors 1, 0, 0 → +1 to 0.9, +1 to 0.6.
        assert_eq!(test_counts(&[5, 3, 2], 3), [1, 1, 1]);
        assert_eq!(test_counts(&[90, 10], 20), [18, 2]);
        assert_eq!(test_counts(&[], 0), Vec::<usize>::new());
        assert_eq!(test_counts(&[0, 4], 4), [0, 4]);
    }

    #[test]
    fn disjoint_complete_seeded_and_mixed() {
        let classes: Vec<usize> = (0..200).map(|i| (i % 7 == 0) as usize + (i % 13 == 0) as usize).collect();
        let (train, test) = stratified_indices(&classes, 0.25, 3);
        assert_eq!(test.len(), 50);
        let mut all: Vec<usize> = train.iter().chain(&test).copied().collect();
        all.sort_unstable();
        assert_eq!(all, (0..200).collect::<Vec<_>>());
        assert_eq!(stratified_indices(&classes, 0.25, 3), (train.clone(), test.clone()));
        assert_ne!(stratified_indices(&classes, 0.25, 4).1, test);
        let changes = test.windows(2).filter(|w| classes[w[0]] != classes[w[1]]).count();
        assert!(changes > 2, "classes are mixed, not in blocks: {changes} changes");
    }

    #[test]
    fn extreme_sizes_do_not_panic() {
        for ts in [0.0, 1.0, 2.0, -1.0, f64::NAN] {
            let (train, test) = stratified_indices(&[0, 1, 1], ts, 0);
            assert_eq!(train.len() + test.len(), 3);
            assert_eq!(test.len(), if ts.is_nan() || ts <= 0.0 { 0 } else { 3 }, "{ts}");
        }
        assert_eq!(stratified_indices(&[], 0.2, 0), (vec![], vec![]));
    }
}
