//! Metrics, as Keras and scikit-learn compute them.
//!
//! - `accuracy` depends on the loss, as Keras' `metrics=['accuracy']` does: with
//!   `binary_crossentropy` it is `binary_accuracy` (a prediction counts as 1 when strictly
//!   greater than 0.5); with `categorical_crossentropy` the arg-max of the prediction against
//!   the arg-max of the one-hot label; with `sparse_categorical_crossentropy` against the class
//!   id. A regression (`mean_squared_error`) has no accuracy.
//! - The [`ConfusionMatrix`] (rows: true class, columns: predicted class) gives precision,
//!   recall and F1, per class and macro-averaged, as scikit-learn's `classification_report`.
//! - [`roc_auc`] is the exact area under the ROC curve (scikit-learn's `roc_auc_score`; Keras'
//!   `AUC` metric approximates it with 200 thresholds): ties between scores count one half.

use super::Loss;

/// Keras' `binary_accuracy` threshold: a prediction is 1 when strictly greater than this.
pub const BINARY_THRESHOLD: f32 = 0.5;

/// The class a prediction row says, and the class its label row says, for a classification loss.
pub fn classes(loss: Loss, prediction: &[f32], label: &[f32]) -> Option<(usize, usize)> {
    let argmax =
        |r: &[f32]| r.iter().enumerate().fold((0, f32::NEG_INFINITY), |b, (i, &v)| if v > b.1 { (i, v) } else { b }).0;
    match loss {
        Loss::BinaryCrossentropy => Some(((prediction[0] > BINARY_THRESHOLD) as usize, (label[0] > 0.5) as usize)),
        Loss::CategoricalCrossentropy => Some((argmax(prediction), argmax(label))),
        Loss::SparseCategoricalCrossentropy => Some((argmax(prediction), label[0] as usize)),
        Loss::MeanSquaredError => None,
    }
}

/// How many rows of `a` (`units` a row) are right about `y`, for the loss' accuracy; `None` for
/// a regression. With binary cross-entropy every unit counts (Keras averages over them).
pub fn correct_count(loss: Loss, units: usize, a: &[f32], y: &[f32]) -> Option<usize> {
    match loss {
        Loss::MeanSquaredError => None,
        Loss::BinaryCrossentropy => Some(binary_accuracy_count(a, y)),
        _ => Some(
            a.chunks_exact(units)
                .zip(y.chunks_exact(loss.label_width(units)))
                .filter(|(p, l)| classes(loss, p, l).is_some_and(|(p, l)| p == l))
                .count(),
        ),
    }
}

/// How many of the predictions `a` are right about the 0/1 labels `y`.
///
/// ```
/// use mlp_lab::nn::binary_accuracy_count;
/// // 0.5 is not greater than the threshold: it predicts 0.
/// assert_eq!(binary_accuracy_count(&[0.9, 0.5, 0.2], &[1.0, 1.0, 0.0]), 2);
/// ```
pub fn binary_accuracy_count(a: &[f32], y: &[f32]) -> usize {
    a.iter().zip(y).filter(|(&a, &y)| (if a > BINARY_THRESHOLD { 1.0 } else { 0.0 }) == y).count()
}

/// Counts of (true class, predicted class).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfusionMatrix {
    /// `counts[t][p]`: rows of true class `t` predicted as `p`.
    pub counts: Vec<Vec<usize>>,
}

/// Precision, recall and F1 of one class (0 where undefined, as scikit-learn's `zero_division=0`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClassScores {
    /// Of the rows predicted as the class, the share that are.
    pub precision: f64,
    /// Of the rows of the class, the share predicted so.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
    /// Rows of the class.
    pub support: usize,
}

impl ConfusionMatrix {
    /// The matrix of `k` classes from `(predicted, true)` pairs.
    pub fn from_pairs(k: usize, pairs: impl IntoIterator<Item = (usize, usize)>) -> Self {
        let mut counts = vec![vec![0; k]; k];
        for (p, t) in pairs {
            if p < k && t < k {
                counts[t][p] += 1;
            }
        }
        Self { counts }
    }

    /// Scores of class `c`.
    pub fn class(&self, c: usize) -> ClassScores {
        let tp = self.counts[c][c] as f64;
        let predicted: usize = self.counts.iter().map(|row| row[c]).sum();
        let support: usize = self.counts[c].iter().sum();
        let ratio = |a: f64, b: usize| if b == 0 { 0.0 } else { a / b as f64 };
        let (precision, recall) = (ratio(tp, predicted), ratio(tp, support));
        let f1 = if precision + recall == 0.0 { 0.0 } else { 2.0 * precision * recall / (precision + recall) };
        ClassScores { precision, recall, f1, support }
    }

    /// The unweighted mean of every class' scores (scikit-learn's `average='macro'`).
    pub fn macro_average(&self) -> ClassScores {
        let k = self.counts.len().max(1) as f64;
        let all: Vec<ClassScores> = (0..self.counts.len()).map(|c| self.class(c)).collect();
        ClassScores {
            precision: all.iter().map(|s| s.precision).sum::<f64>() / k,
            recall: all.iter().map(|s| s.recall).sum::<f64>() / k,
            f1: all.iter().map(|s| s.f1).sum::<f64>() / k,
            support: all.iter().map(|s| s.support).sum(),
        }
    }

    /// Share of rows on the diagonal.
    pub fn accuracy(&self) -> f64 {
        let total: usize = self.counts.iter().flatten().sum();
        let right: usize = (0..self.counts.len()).map(|c| self.counts[c][c]).sum();
        if total == 0 {
            0.0
        } else {
            right as f64 / total as f64
        }
    }
}

/// The area under the ROC curve of `scores` against 0/1 `labels`: the chance that a random
/// positive scores above a random negative, ties counting one half. `None` when one class is
/// absent.
///
/// ```
/// use mlp_lab::nn::roc_auc;
/// assert_eq!(roc_auc(&[0.1, 0.4, 0.35, 0.8], &[0.0, 0.0, 1.0, 1.0]), Some(0.75));
/// ```
pub fn roc_auc(scores: &[f32], labels: &[f32]) -> Option<f64> {
    let mut pairs: Vec<(f32, bool)> = scores.iter().zip(labels).map(|(&s, &l)| (s, l > 0.5)).collect();
    pairs.sort_by(|a, b| a.0.total_cmp(&b.0));
    let positives = pairs.iter().filter(|p| p.1).count();
    let negatives = pairs.len() - positives;
    if positives == 0 || negatives == 0 {
        return None;
    }
    // Sum of the positives' ranks (1-based, ties averaged): the Mann–Whitney U statistic.
    let mut rank_sum = 0.0;
    let mut i = 0;
    while i < pairs.len() {
        let j = pairs[i..].iter().position(|p| p.0 != pairs[i].0).map_or(pairs.len(), |n| i + n);
        let mean_rank = (i + 1 + j) as f64 / 2.0;
        rank_sum += mean_rank * pairs[i..j].iter().filter(|p| p.1).count() as f64;
        i = j;
    }
    let u = rank_sum - (positives * (positives + 1)) as f64 / 2.0;
    Some(u / (positives * negatives) as f64)
}

/// The ROC curve: `(false positive rate, true positive rate)` points from the highest threshold
/// to the lowest, starting at `(0, 0)` and ending at `(1, 1)`.
pub fn roc_curve(scores: &[f32], labels: &[f32]) -> Vec<(f64, f64)> {
    let mut pairs: Vec<(f32, bool)> = scores.iter().zip(labels).map(|(&s, &l)| (s, l > 0.5)).collect();
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0));
    let positives = pairs.iter().filter(|p| p.1).count().max(1) as f64;
    let negatives = pairs.iter().filter(|p| !p.1).count().max(1) as f64;
    let (mut tp, mut fp) = (0.0, 0.0);
    let mut curve = vec![(0.0, 0.0)];
    for (i, &(score, positive)) in pairs.iter().enumerate() {
        if positive {
            tp += 1.0
        } else {
            fp += 1.0
        }
        if pairs.get(i + 1).is_none_or(|next| next.0 != score) {
            curve.push((fp / negatives, tp / positives));
        }
    }
    curve
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reference: scikit-learn 1.5,
    /// `precision_recall_fscore_support([0,0,1,1,2,2,2], [0,1,1,1,2,0,2])` gives precision
    /// `[0.5, 0.667, 1.0]`, recall `[0.5, 1.0, 0.667]`, f1 `[0.5, 0.8, 0.8]`.
    #[test]
    fn scores_match_scikit_learn() {
        let truth = [0, 0, 1, 1, 2, 2, 2];
        let predicted = [0, 1, 1, 1, 2, 0, 2];
        let m = ConfusionMatrix::from_pairs(3, predicted.into_iter().zip(truth));
        assert_eq!(m.counts, vec![vec![1, 1, 0], vec![0, 2, 0], vec![1, 0, 2]]);
        let close = |a: f64, b: f64| (a - b).abs() < 1e-3;
        let expected = [(0.5, 0.5, 0.5), (0.667, 1.0, 0.8), (1.0, 0.667, 0.8)];
        for (c, (p, r, f)) in expected.into_iter().enumerate() {
            let s = m.class(c);
            assert!(close(s.precision, p) && close(s.recall, r) && close(s.f1, f), "class {c}: {s:?}");
        }
        assert!(close(m.macro_average().f1, 0.7));
        assert!(close(m.accuracy(), 5.0 / 7.0));
    }

    /// Reference: `roc_auc_score([0, 0, 1, 1, 1], [0.2, 0.6, 0.6, 0.9, 0.1])` = 0.58333 (3.5 of
    /// 6 pairs, the tie at 0.6 counting one half).
    #[test]
    fn auc_counts_ties_as_half() {
        assert_eq!(roc_auc(&[0.2, 0.6, 0.6, 0.9, 0.1], &[0.0, 0.0, 1.0, 1.0, 1.0]), Some(3.5 / 6.0));
        assert_eq!(roc_auc(&[0.1, 0.9], &[0.0, 1.0]), Some(1.0));
        assert_eq!(roc_auc(&[0.1, 0.9], &[1.0, 1.0]), None);
        let curve = roc_curve(&[0.1, 0.4, 0.35, 0.8], &[0.0, 0.0, 1.0, 1.0]);
        assert_eq!(curve, vec![(0.0, 0.0), (0.0, 0.5), (0.5, 0.5), (0.5, 1.0), (1.0, 1.0)]);
    }

    #[test]
    fn accuracy_follows_the_loss() {
        let a = [0.7, 0.2, 0.1, 0.1, 0.3, 0.6];
        assert_eq!(correct_count(Loss::CategoricalCrossentropy, 3, &a, &[1.0, 0.0, 0.0, 0.0, 1.0, 0.0]), Some(1));
        assert_eq!(correct_count(Loss::SparseCategoricalCrossentropy, 3, &a, &[0.0, 2.0]), Some(2));
        assert_eq!(correct_count(Loss::MeanSquaredError, 3, &a, &a), None);
    }
}
