//! Keras' `Dropout(rate)`: inverted dropout.
//!
//! In training each value is kept with probability `keep = 1 − rate` and scaled up,
//! `a = x / keep` where kept and `0` elsewhere, so that a value's expectation does not change;
//! `evaluate` and `predict` pass `x` through unchanged. Backward: `∂L/∂x = g / keep` where kept,
//! `0` elsewhere. A rate of 0 is the identity, in training too (as in Keras).
//!
//! Each row's mask comes from its own random stream ([`MaskStream::for_row`](crate::nn::kernels::MaskStream::for_row)), keyed by the fit's
//! seed, the training step, the layer and the row's place in the batch: the same seed drops the
//! same values, a link reproduces a run bit for bit, and replicas that share out a batch drop
//! exactly what one worker with the whole batch drops. Both passes
//! are [`kernels`](crate::nn::kernels), four values at a time in the browser.
//!
//! ```
//! use mlp_lab::nn::{DropoutConfig, LayerConfig};
//! let layer = LayerConfig::Dropout(DropoutConfig { rate: 0.3 });
//! assert_eq!(layer.keras_class(), "Dropout");
//! ```

use serde::{Deserialize, Serialize};

use super::Buffers;
use crate::nn::kernels::{self, MaskKey};
use crate::nn::{Allowed, LayerProblem};

/// `Dropout`'s arguments.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct DropoutConfig {
    /// Share of the values dropped in training, from 0 up to (not including) 1. Keras requires it.
    pub rate: f64,
}

impl Default for DropoutConfig {
    /// A common choice (Keras has no default): 0.5, as in Srivastava et al. (2014).
    fn default() -> Self {
        Self { rate: 0.5 }
    }
}

impl DropoutConfig {
    /// Why Keras would refuse these arguments, if it would.
    pub fn problem(&self) -> Option<LayerProblem> {
        LayerProblem::check("Dropout", "rate", self.rate, Allowed::FromZeroBelowOne)
    }

    /// The Keras call: `layers.Dropout(0.3)`.
    pub fn keras_call(&self) -> String {
        format!("layers.Dropout({})", self.rate)
    }
}

/// A dropout layer over `units` values.
#[derive(Debug, Clone, PartialEq)]
pub struct Dropout {
    /// Its arguments.
    pub config: DropoutConfig,
    /// Values in and out.
    pub units: usize,
}

impl Dropout {
    /// `keep = 1 − rate`, formed in double precision and then rounded, as Keras does.
    fn keep(&self) -> f32 {
        (1.0 - self.config.rate) as f32
    }

    /// Buffers for a batch: the mask (1 where kept, 0 where dropped) beside the output.
    pub(super) fn buffers(&self, capacity: usize) -> Buffers {
        Buffers::new(capacity * self.units, capacity * self.units, 0, &[])
    }

    /// Training: draws the mask into `b.saved`, row by row from the streams of `masks` for this
    /// layer (number `layer` in the model), and writes the kept values, scaled, to `b.out`.
    pub(super) fn forward_train(&self, x: &[f32], rows: usize, b: &mut Buffers, (masks, layer): (&MaskKey, usize)) {
        let n = rows * self.units;
        let (out, mask) = (&mut b.out[..n], &mut b.saved[..n]);
        if self.config.rate == 0.0 {
            out.copy_from_slice(&x[..n]);
            mask.fill(1.0);
            return;
        }
        // Kept when a uniform 32-bit draw falls below keep · 2³², a Bernoulli(keep) draw.
        let threshold = (self.keep() as f64 * 4_294_967_296.0).min(u32::MAX as f64) as u32;
        let u = self.units;
        let rows_of = x[..n].chunks_exact(u).zip(out.chunks_exact_mut(u)).zip(mask.chunks_exact_mut(u));
        for (r, ((x, out), mask)) in rows_of.enumerate() {
            kernels::dropout(&mut masks.stream(layer, r), threshold, self.keep(), x, out, mask);
        }
    }

    /// `∂L/∂x = g / keep` where kept, `0` where dropped.
    pub(super) fn backward(&self, rows: usize, b: &Buffers, dx: &mut [f32]) {
        let n = rows * self.units;
        kernels::dropout_backward(self.keep(), &b.grad[..n], &b.saved[..n], dx);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: MaskKey = MaskKey { seed: 7, step: 0, first_row: 0 };

    fn layer(rate: f64) -> Dropout {
        Dropout { config: DropoutConfig { rate }, units: 1000 }
    }

    #[test]
    fn drops_about_the_rate_and_keeps_the_mean() {
        let d = layer(0.3);
        let mut b = d.buffers(10);
        let x = vec![1.0f32; 10_000];
        d.forward_train(&x, 10, &mut b, (&KEY, 0));
        let dropped = b.saved.iter().filter(|&&m| m == 0.0).count() as f64 / 10_000.0;
        assert!((dropped - 0.3).abs() < 0.02, "dropped {dropped}");
        let mean = b.out.iter().map(|&v| v as f64).sum::<f64>() / 10_000.0;
        assert!((mean - 1.0).abs() < 0.03, "mean {mean}");
        assert!(b.out.iter().all(|&v| v == 0.0 || (v - 1.0 / 0.7).abs() < 1e-6));
    }

    #[test]
    fn the_same_seed_drops_the_same_values_and_rate_0_is_the_identity() {
        let d = layer(0.5);
        let x: Vec<f32> = (0..2000).map(|i| i as f32).collect();
        let (mut a, mut b) = (d.buffers(2), d.buffers(2));
        d.forward_train(&x, 2, &mut a, (&KEY, 0));
        d.forward_train(&x, 2, &mut b, (&KEY, 0));
        assert_eq!(a.out, b.out);
        // Row 1 of a pass that starts at batch row 0 is row 0 of a pass that starts at row 1.
        let mut c = d.buffers(1);
        d.forward_train(&x[1000..], 1, &mut c, (&MaskKey { first_row: 1, ..KEY }, 0));
        assert_eq!(c.out, a.out[1000..]);
        // Another layer, another step: other masks.
        let mut e = d.buffers(2);
        d.forward_train(&x, 2, &mut e, (&MaskKey { step: 1, ..KEY }, 0));
        assert_ne!(e.saved, a.saved);
        let zero = layer(0.0);
        let mut z = zero.buffers(2);
        zero.forward_train(&x, 2, &mut z, (&KEY, 0));
        assert_eq!(z.out, x);
    }

    #[test]
    fn backward_passes_the_gradient_where_kept() {
        let d = Dropout { config: DropoutConfig { rate: 0.5 }, units: 4 };
        let mut b = d.buffers(1);
        d.forward_train(&[1.0, 2.0, 3.0, 4.0], 1, &mut b, (&KEY, 0));
        b.grad.copy_from_slice(&[1.0, 1.0, 1.0, 1.0]);
        let mut dx = [9.0f32; 4];
        d.backward(1, &b, &mut dx);
        for (d, &m) in dx.iter().zip(&b.saved) {
            assert_eq!(*d, if m != 0.0 { 2.0 } else { 0.0 });
        }
    }
}
