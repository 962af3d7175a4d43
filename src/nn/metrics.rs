//! Metrics, as Keras computes them.
//!
//! `accuracy` with one sigmoid output is Keras' `binary_accuracy`: a prediction counts as
//! class 1 when it is strictly greater than the threshold 0.5, and is right when that class
//! equals the label.

/// Keras' `binary_accuracy` threshold: a prediction is 1 when strictly greater than this.
pub const BINARY_THRESHOLD: f32 = 0.5;

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
