//! Loss functions, reduced as Keras reduces them (`sum_over_batch_size`): each sample has one
//! loss, and a batch's loss is the mean over its samples.
//!
//! | name (Keras) | loss of a sample (`k` output units) | labels |
//! |---|---|---|
//! | `binary_crossentropy` | `−(1/k) Σ_j y_j ln p_j + (1 − y_j) ln(1 − p_j)`, `p = clip(a, ε, 1 − ε)` | `k` values in `[0, 1]` |
//! | `categorical_crossentropy` | `−Σ_j y_j ln p_j`, `p = clip(a, ε, 1 − ε)` | one-hot rows of `k` |
//! | `sparse_categorical_crossentropy` | `−ln p_c` for the class id `c` | one column of ids `0..k` |
//! | `mean_squared_error` | `(1/k) Σ_j (a_j − y_j)²` | `k` real values |
//!
//! `ε = 1e-7` is Keras' `epsilon()`. When the output layer's activation matches the loss
//! (sigmoid with binary, softmax with either categorical loss) the loss is computed from the
//! logits `z`, as Keras does: `ℓ = max(z, 0) − z y + ln(1 + e^(−|z|))` for binary,
//! `ℓ = logsumexp(z) − z_c` for categorical. Both never overflow, and their gradients are simply
//! `∂ℓ/∂z = a − y` (times `1/k` for binary).
//!
//! The seed document writes the squared error as `L = ½ Σ_i Σ_j (y_ij − ŷ_ij)²`. Keras'
//! `mean_squared_error`, used here, is `(1 / (n k)) Σ_i Σ_j (y_ij − ŷ_ij)²` for `n` samples and
//! `k` units: the same minimum, the same gradient direction, `2 / (n k)` times the seed's.
//!
//! ```
//! use mlp_lab::nn::{Activation, Loss};
//! // A sigmoid output at z = 0 predicts 0.5: the loss is ln 2 whatever the label.
//! let loss = Loss::BinaryCrossentropy.sum(Activation::Sigmoid, 1, &[0.0], &[0.5], &[1.0]);
//! assert!((loss - std::f64::consts::LN_2).abs() < 1e-6);
//! ```

use serde::{Deserialize, Serialize};

use super::activation::{sigmoid, Activation};
use super::{LabelRange, Misfit};

/// Keras' `epsilon()`, the clipping bound of cross-entropy on probabilities.
pub const EPSILON: f32 = 1e-7;

/// A fixed choice of loss, named as in Keras.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Loss {
    /// Binary cross-entropy, for 0/1 labels and sigmoid outputs.
    BinaryCrossentropy,
    /// Categorical cross-entropy, for one-hot labels and a softmax output.
    CategoricalCrossentropy,
    /// Categorical cross-entropy with labels given as class ids.
    SparseCategoricalCrossentropy,
    /// Mean squared error, for real-valued targets.
    MeanSquaredError,
}

impl Loss {
    /// Every loss.
    pub const ALL: [Loss; 4] = [
        Loss::BinaryCrossentropy,
        Loss::CategoricalCrossentropy,
        Loss::SparseCategoricalCrossentropy,
        Loss::MeanSquaredError,
    ];

    /// The Keras name, as written in `model.compile(loss='binary_crossentropy')`.
    pub fn keras_name(self) -> &'static str {
        match self {
            Loss::BinaryCrossentropy => "binary_crossentropy",
            Loss::CategoricalCrossentropy => "categorical_crossentropy",
            Loss::SparseCategoricalCrossentropy => "sparse_categorical_crossentropy",
            Loss::MeanSquaredError => "mean_squared_error",
        }
    }

    /// The loss a Keras name stands for (`mse` too).
    pub fn from_keras_name(name: &str) -> Option<Loss> {
        match name {
            "mse" => Some(Loss::MeanSquaredError),
            _ => Loss::ALL.into_iter().find(|l| l.keras_name() == name),
        }
    }

    /// Columns of the labels for an output of `units` units: one class id for the sparse loss.
    pub fn label_width(self, units: usize) -> usize {
        if self == Loss::SparseCategoricalCrossentropy {
            1
        } else {
            units
        }
    }

    /// Whether the loss is computed from the output layer's logits `z`.
    fn computed_from_logits(self, activation: Activation) -> bool {
        match self {
            Loss::BinaryCrossentropy => activation == Activation::Sigmoid,
            Loss::CategoricalCrossentropy | Loss::SparseCategoricalCrossentropy => activation == Activation::Softmax,
            Loss::MeanSquaredError => false,
        }
    }

    /// The sum over samples of each sample's loss. `z` and `a` are the output layer's
    /// pre-activation and activation (`rows × units`), `y` the labels (`rows ×`
    /// [`Self::label_width`]).
    pub fn sum(self, activation: Activation, units: usize, z: &[f32], a: &[f32], y: &[f32]) -> f64 {
        let logits = self.computed_from_logits(activation);
        let per_row = z.chunks_exact(units).zip(a.chunks_exact(units)).zip(y.chunks_exact(self.label_width(units)));
        let total: f64 = match self {
            Loss::BinaryCrossentropy if logits => {
                z.iter().zip(y).map(|(&z, &y)| softplus_bce(z, y)).sum::<f64>() / units as f64
            }
            Loss::BinaryCrossentropy => {
                a.iter()
                    .zip(y)
                    .map(|(&a, &y)| {
                        let p = a.clamp(EPSILON, 1.0 - EPSILON) as f64;
                        -(y as f64 * p.ln() + (1.0 - y as f64) * (1.0 - p).ln())
                    })
                    .sum::<f64>()
                    / units as f64
            }
            Loss::CategoricalCrossentropy | Loss::SparseCategoricalCrossentropy => per_row
                .map(|((z, a), y)| {
                    let sparse = self == Loss::SparseCategoricalCrossentropy;
                    let weight = |j: usize| if sparse { (j == y[0] as usize) as u8 as f64 } else { y[j] as f64 };
                    if logits {
                        let max = z.iter().copied().fold(f32::NEG_INFINITY, f32::max) as f64;
                        let lse = max + z.iter().map(|&z| (z as f64 - max).exp()).sum::<f64>().ln();
                        (0..units).map(|j| weight(j) * (lse - z[j] as f64)).sum::<f64>()
                    } else {
                        (0..units).map(|j| -weight(j) * (a[j].clamp(EPSILON, 1.0 - EPSILON) as f64).ln()).sum::<f64>()
                    }
                })
                .sum(),
            Loss::MeanSquaredError => {
                a.iter().zip(y).map(|(&a, &y)| ((a - y) as f64).powi(2)).sum::<f64>() / units as f64
            }
        };
        total
    }

    /// Writes `dz = ∂L/∂z` for the output layer (`rows × units`), where `L` is the mean loss over
    /// a batch of `batch_rows` samples: the loss' gradient, taken back through the activation.
    /// One worker passes its `rows`; a replica holding a share of a batch passes the whole
    /// batch's rows, so that the replicas' gradients add up to the batch's.
    #[allow(clippy::too_many_arguments)] // the output layer's parts and the batch's size, each named
    pub fn output_gradient(
        self,
        activation: Activation,
        units: usize,
        z: &[f32],
        a: &[f32],
        y: &[f32],
        dz: &mut [f32],
        batch_rows: usize,
    ) {
        let per_sample = 1.0 / batch_rows.max(1) as f32;
        let sparse = self == Loss::SparseCategoricalCrossentropy;
        let target =
            |row: usize, j: usize| if sparse { (j == y[row] as usize) as u8 as f32 } else { y[row * units + j] };
        if self.computed_from_logits(activation) {
            let scale = if self == Loss::BinaryCrossentropy { per_sample / units as f32 } else { per_sample };
            for (i, (d, &a)) in dz.iter_mut().zip(a).enumerate() {
                let a = if self == Loss::BinaryCrossentropy { sigmoid(z[i]) } else { a };
                *d = (a - target(i / units, i % units)) * scale;
            }
            return;
        }
        for (i, (d, &a)) in dz.iter_mut().zip(a).enumerate() {
            let t = target(i / units, i % units);
            let inside = (EPSILON..=1.0 - EPSILON).contains(&a);
            *d = match self {
                Loss::BinaryCrossentropy if inside => (a - t) / (a * (1.0 - a)) * per_sample / units as f32,
                Loss::CategoricalCrossentropy | Loss::SparseCategoricalCrossentropy if inside => -t / a * per_sample,
                Loss::MeanSquaredError => 2.0 * (a - t) * per_sample / units as f32,
                _ => 0.0, // clipped: no gradient
            };
        }
        activation.backward(z, a, dz, units);
    }

    /// The first label this loss refuses, as `(index into y, value, what it accepts)`.
    pub fn invalid_label(self, y: &[f32], units: usize) -> Option<(usize, f32, LabelRange)> {
        let bad = |ok: &dyn Fn(f32) -> bool| y.iter().position(|&v| !ok(v)).map(|i| (i, y[i]));
        let (found, accepts) = match self {
            Loss::BinaryCrossentropy => (bad(&|v| (0.0..=1.0).contains(&v)), LabelRange::ZeroToOne),
            Loss::CategoricalCrossentropy => (bad(&|v| (0.0..=1.0).contains(&v)), LabelRange::OneHot),
            Loss::SparseCategoricalCrossentropy => (
                bad(&|v| v.fract() == 0.0 && v >= 0.0 && (v as usize) < units),
                LabelRange::ClassIds { last: units.saturating_sub(1) },
            ),
            Loss::MeanSquaredError => (bad(&f32::is_finite), LabelRange::Finite),
        };
        found.map(|(i, v)| (i, v, accepts))
    }

    /// Why this loss cannot train an output of `units` units with `activation`, if it cannot.
    pub fn misfit(self, activation: Activation, units: usize) -> Option<Misfit> {
        match self {
            Loss::BinaryCrossentropy if activation == Activation::Softmax => Some(Misfit::BinaryAfterSoftmax { units }),
            Loss::CategoricalCrossentropy | Loss::SparseCategoricalCrossentropy
                if activation != Activation::Softmax =>
            {
                Some(Misfit::NeedsSoftmax { activation })
            }
            Loss::CategoricalCrossentropy | Loss::SparseCategoricalCrossentropy if units < 2 => {
                Some(Misfit::TooFewUnits { units })
            }
            _ => None,
        }
    }
}

/// Binary cross-entropy of a logit `z` against `y`, without overflow.
fn softplus_bce(z: f32, y: f32) -> f64 {
    let (z, y) = (z as f64, y as f64);
    z.max(0.0) - z * y + (-z.abs()).exp().ln_1p()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn misfits_and_refused_labels_are_found() {
        assert_eq!(
            Loss::BinaryCrossentropy.misfit(Activation::Softmax, 3),
            Some(Misfit::BinaryAfterSoftmax { units: 3 })
        );
        assert_eq!(
            Loss::CategoricalCrossentropy.misfit(Activation::Sigmoid, 3),
            Some(Misfit::NeedsSoftmax { activation: Activation::Sigmoid })
        );
        assert_eq!(
            Loss::SparseCategoricalCrossentropy.misfit(Activation::Softmax, 1),
            Some(Misfit::TooFewUnits { units: 1 })
        );
        assert_eq!(Loss::MeanSquaredError.misfit(Activation::Linear, 1), None);
        for (loss, label, accepts) in [
            (Loss::BinaryCrossentropy, 2.0, LabelRange::ZeroToOne),
            (Loss::CategoricalCrossentropy, -1.0, LabelRange::OneHot),
            (Loss::SparseCategoricalCrossentropy, 5.0, LabelRange::ClassIds { last: 2 }),
            (Loss::MeanSquaredError, f32::NAN, LabelRange::Finite),
        ] {
            let (i, _, found) = loss.invalid_label(&[0.0, label], 3).expect("refused");
            assert_eq!((i, found), (1, accepts));
        }
    }
}
