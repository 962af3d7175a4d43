//! The sum of the replicas' contributions, in a fixed order: `out = p₀ + p₁ + … + p_{N−1}`,
//! added left to right, element by element.
//!
//! Float addition is not associative: `(a + b) + c` may differ from `a + (b + c)` in the last
//! bit. Every replica sums the same parts in the same order, so every replica gets the same
//! bits, however the parts arrived; the replicas' updates are then identical too.
//!
//! ```
//! use mlp_lab::nn::sum_in_order;
//! let (a, b, c) = ([1.0f32, 1e8], [2.0, 1.0], [3.0, -1e8]);
//! let mut out = [0.0; 2];
//! sum_in_order(&[&a, &b, &c], &mut out);
//! assert_eq!(out, [6.0, (1e8f32 + 1.0) - 1e8]); // 0: the 1 is lost, as it is on every replica
//! ```

use serde::{Deserialize, Serialize};

/// What a replica's share of a batch gives besides its gradient: the figures `fit` logs.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Default)]
pub struct ShardStats {
    /// The loss summed over the share's rows (without the regularizers' penalty).
    pub loss_sum: f64,
    /// How many of them were predicted right (values, for binary cross-entropy with several
    /// units); `None` for a regression.
    pub correct: Option<usize>,
    /// Rows in the share.
    pub rows: usize,
}

impl ShardStats {
    /// The replicas' stats added in replica order: the loss sums left to right, the counts.
    /// The `correct` of a regression (`None`) stays `None`.
    pub fn sum_in_order(parts: &[ShardStats]) -> ShardStats {
        let (first, rest) = match parts.split_first() {
            Some(split) => split,
            None => return ShardStats::default(),
        };
        rest.iter().fold(*first, |sum, p| ShardStats {
            loss_sum: sum.loss_sum + p.loss_sum,
            correct: sum.correct.zip(p.correct).map(|(a, b)| a + b),
            rows: sum.rows + p.rows,
        })
    }
}

/// `out = parts[0] + parts[1] + …`, added left to right, element by element; zeros when there
/// are no parts.
///
/// # Panics
/// If a part's length differs from `out`'s (a programming error: every replica's contribution
/// has the model's trainable parameters' count).
pub fn sum_in_order(parts: &[&[f32]], out: &mut [f32]) {
    match parts.split_first() {
        None => out.fill(0.0),
        Some((first, rest)) => {
            start_sum(first, out);
            for part in rest {
                add_to_sum(part, out);
            }
        }
    }
}

/// The first part of a sum in order: `out = part`.
pub(super) fn start_sum(part: &[f32], out: &mut [f32]) {
    assert_eq!(part.len(), out.len(), "sum_in_order: a part of {} values for a sum of {}", part.len(), out.len());
    out.copy_from_slice(part);
}

/// The next part of a sum in order: `out += part`.
pub(super) fn add_to_sum(part: &[f32], out: &mut [f32]) {
    assert_eq!(part.len(), out.len(), "sum_in_order: a part of {} values for a sum of {}", part.len(), out.len());
    for (o, &p) in out.iter_mut().zip(part) {
        *o += p;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_order_is_left_to_right() {
        let (a, b, c) = ([1e8f32], [1.0f32], [-1e8f32]);
        let mut out = [f32::NAN];
        sum_in_order(&[&a, &b, &c], &mut out);
        assert_eq!(out, [(1e8f32 + 1.0) + -1e8]);
        sum_in_order(&[&a, &c, &b], &mut out);
        assert_eq!(out, [1.0]); // another order, other bits: why the order is fixed
        sum_in_order(&[], &mut out);
        assert_eq!(out, [0.0]);
    }

    #[test]
    fn stats_add_up_and_a_regression_has_no_count() {
        let parts = [
            ShardStats { loss_sum: 1.5, correct: Some(3), rows: 4 },
            ShardStats { loss_sum: 0.25, correct: Some(1), rows: 3 },
        ];
        assert_eq!(ShardStats::sum_in_order(&parts), ShardStats { loss_sum: 1.75, correct: Some(4), rows: 7 });
        let regression = [ShardStats { correct: None, ..parts[0] }, ShardStats { correct: None, ..parts[1] }];
        assert_eq!(ShardStats::sum_in_order(&regression).correct, None);
        assert_eq!(ShardStats::sum_in_order(&[]), ShardStats::default());
    }
}
