//! Keras' `BatchNormalization()` over the features (the last axis), with its defaults.
//!
//! Per unit `u`, with `γ` (`gamma`, ones at first) and `β` (`beta`, zeros) trained:
//!
//! - training: the batch's mean `μ` and variance `σ²` (divided by the rows, not rows − 1),
//!   `a = γ (x − μ) / √(σ² + ε) + β`; then the moving statistics follow the batch's,
//!   `moving_mean ← moving_mean · m + μ · (1 − m)` and the same for `moving_variance`;
//! - `evaluate` and `predict`: the same formula with the moving statistics.
//!
//! Backward (training), with `x̂ = (x − μ)/√(σ² + ε)` over `N` rows:
//! `∂L/∂γ = Σ g x̂`, `∂L/∂β = Σ g`, `∂L/∂x = γ / (N √(σ² + ε)) · (N g − Σ g − x̂ Σ g x̂)`.
//!
//! The moving statistics are not trained: `summary()` counts them as non-trainable parameters,
//! `2 × units`, beside the `2 × units` trainable ones, as Keras does.
//!
//! ```
//! use mlp_lab::nn::{BatchNormConfig, LayerConfig};
//! let bn = BatchNormConfig::default();
//! assert_eq!((bn.momentum, bn.epsilon), (0.99, 1e-3));
//! assert_eq!(LayerConfig::BatchNormalization(bn).keras_class(), "BatchNormalization");
//! ```

use serde::{Deserialize, Serialize};

use super::Buffers;
use crate::nn::{Allowed, LayerProblem};

/// `BatchNormalization`'s arguments; the defaults are Keras'.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct BatchNormConfig {
    /// Weight of the old moving statistics in each update. Keras' default: 0.99.
    pub momentum: f64,
    /// Added to the variance before its square root. Keras' default: 1e-3.
    pub epsilon: f64,
}

impl Default for BatchNormConfig {
    fn default() -> Self {
        Self { momentum: 0.99, epsilon: 1e-3 }
    }
}

impl BatchNormConfig {
    /// Why Keras would refuse these arguments, if it would.
    pub fn problem(&self) -> Option<LayerProblem> {
        LayerProblem::check("BatchNormalization", "momentum", self.momentum, Allowed::ZeroToOne)
            .or_else(|| LayerProblem::check("BatchNormalization", "epsilon", self.epsilon, Allowed::Positive))
    }

    /// The Keras call: `layers.BatchNormalization()`, with the arguments that differ from Keras'
    /// defaults.
    pub fn keras_call(&self) -> String {
        let d = BatchNormConfig::default();
        let mut args = Vec::new();
        if self.momentum != d.momentum {
            args.push(format!("momentum={}", self.momentum));
        }
        if self.epsilon != d.epsilon {
            args.push(format!("epsilon={}", self.epsilon));
        }
        format!("layers.BatchNormalization({})", args.join(", "))
    }
}

/// A batch normalisation layer with its weights.
#[derive(Debug, Clone, PartialEq)]
pub struct BatchNormalization {
    /// Its arguments.
    pub config: BatchNormConfig,
    /// `γ`, one per unit.
    pub gamma: Vec<f32>,
    /// `β`, one per unit.
    pub beta: Vec<f32>,
    /// The moving mean, used in inference.
    pub moving_mean: Vec<f32>,
    /// The moving variance, used in inference.
    pub moving_variance: Vec<f32>,
}

/// How many per-unit figures [`Buffers::stats`] holds, one after the other: the mean and the
/// variance (the batch's, or the moving ones in inference), `1/√(σ² + ε)`, the output's scale
/// `γ/√(σ² + ε)` and shift `β − μ · scale`, and the input gradient's factor `scale / N`.
const STATS: usize = 6;

/// Every loop below runs along a row of `units` values (`zip`s of slices, no indexing), so it
/// reads memory in order and the compiler turns it into `f32x4` instructions in the browser's
/// `simd128` build; each per-unit figure is computed once a batch, not once a row.
impl BatchNormalization {
    /// A layer over `units` values, as Keras initialises it.
    pub fn new(units: usize, config: BatchNormConfig) -> Self {
        Self {
            config,
            gamma: vec![1.0; units],
            beta: vec![0.0; units],
            moving_mean: vec![0.0; units],
            moving_variance: vec![1.0; units],
        }
    }

    /// Values in and out.
    pub fn units(&self) -> usize {
        self.gamma.len()
    }

    /// Buffers for a batch: `x̂` beside the output, and the per-unit figures.
    pub(super) fn buffers(&self, capacity: usize) -> Buffers {
        let u = self.units();
        Buffers::new(capacity * u, capacity * u, STATS * u, &[u, u])
    }

    /// The per-unit figures' slices of `stats`, in the order of [`STATS`].
    fn figures(stats: &mut [f32], u: usize) -> [&mut [f32]; STATS] {
        let mut rest = &mut stats[..STATS * u];
        std::array::from_fn(|_| {
            let (head, tail) = std::mem::take(&mut rest).split_at_mut(u);
            rest = tail;
            head
        })
    }

    /// From the mean and variance (of the batch or the moving ones): `1/√(σ² + ε)`, then
    /// `a = x · scale + shift` with `scale = γ/√(σ² + ε)` and `shift = β − μ · scale`, the form
    /// Keras' JAX backend computes, for every row.
    fn normalise(&self, x: &[f32], stats: &mut [f32], out: &mut [f32]) {
        let u = self.units();
        let [mean, variance, inv_std, scale, shift, _] = Self::figures(stats, u);
        let epsilon = self.config.epsilon as f32;
        for (i, &v) in inv_std.iter_mut().zip(variance.iter()) {
            *i = 1.0 / (v + epsilon).sqrt();
        }
        for ((((s, h), &i), &g), (&m, &b)) in
            scale.iter_mut().zip(shift.iter_mut()).zip(inv_std.iter()).zip(&self.gamma).zip(mean.iter().zip(&self.beta))
        {
            *s = i * g;
            *h = b - m * *s;
        }
        for (o, x) in out.chunks_exact_mut(u).zip(x.chunks_exact(u)) {
            for ((o, &x), (&s, &h)) in o.iter_mut().zip(x).zip(scale.iter().zip(shift.iter())) {
                *o = x * s + h;
            }
        }
    }

    /// Inference: normalises with the moving statistics.
    pub(super) fn forward_infer(&self, x: &[f32], rows: usize, b: &mut Buffers) {
        let u = self.units();
        let [mean, variance, ..] = Self::figures(&mut b.stats, u);
        mean.copy_from_slice(&self.moving_mean);
        variance.copy_from_slice(&self.moving_variance);
        self.normalise(&x[..rows * u], &mut b.stats, &mut b.out[..rows * u]);
    }

    /// Training: normalises with the batch's statistics (`jnp.mean` and `jnp.var` in float32, as
    /// Keras computes them: the mean, then the mean of the squared deviations from it), keeping
    /// them and `x̂` for the backward pass and for [`Self::commit`].
    pub(super) fn forward_train(&self, x: &[f32], rows: usize, b: &mut Buffers) {
        let u = self.units();
        let x = &x[..rows * u];
        let n = rows.max(1) as f32;
        let Buffers { out, saved, stats, .. } = b;
        {
            let [mean, variance, ..] = Self::figures(stats, u);
            mean.fill(0.0);
            for row in x.chunks_exact(u) {
                for (m, &v) in mean.iter_mut().zip(row) {
                    *m += v;
                }
            }
            mean.iter_mut().for_each(|m| *m /= n);
            variance.fill(0.0);
            for row in x.chunks_exact(u) {
                for ((s, &v), &m) in variance.iter_mut().zip(row).zip(mean.iter()) {
                    *s += (v - m) * (v - m);
                }
            }
            variance.iter_mut().for_each(|s| *s /= n);
        }
        self.normalise(x, stats, &mut out[..rows * u]);
        let [mean, _, inv_std, ..] = Self::figures(stats, u);
        for (h, x) in saved[..rows * u].chunks_exact_mut(u).zip(x.chunks_exact(u)) {
            for ((h, &x), (&m, &i)) in h.iter_mut().zip(x).zip(mean.iter().zip(inv_std.iter())) {
                *h = (x - m) * i;
            }
        }
    }

    /// The gradients of `γ` and `β` and, when asked, of the input.
    pub(super) fn backward(&self, rows: usize, b: &mut Buffers, dx: Option<&mut [f32]>) {
        let u = self.units();
        let n = rows * u;
        let Buffers { grad, saved, stats, param_grads, .. } = b;
        let (g, x_hat) = (&grad[..n], &saved[..n]);
        let (dgamma, dbeta) = param_grads.split_at_mut(1);
        let (dgamma, dbeta) = (&mut dgamma[0], &mut dbeta[0]);
        dgamma.fill(0.0);
        dbeta.fill(0.0);
        for (g, h) in g.chunks_exact(u).zip(x_hat.chunks_exact(u)) {
            for ((dg, db), (&g, &h)) in dgamma.iter_mut().zip(dbeta.iter_mut()).zip(g.iter().zip(h)) {
                *dg += g * h;
                *db += g;
            }
        }
        let Some(dx) = dx else { return };
        let [_, _, inv_std, _, _, factor] = Self::figures(stats, u);
        let rows_f = rows as f32;
        for ((f, &i), &gamma) in factor.iter_mut().zip(inv_std.iter()).zip(&self.gamma) {
            *f = gamma * i / rows_f;
        }
        for ((d, g), h) in dx[..n].chunks_exact_mut(u).zip(g.chunks_exact(u)).zip(x_hat.chunks_exact(u)) {
            for (((d, &g), &h), ((&f, &db), &dg)) in
                d.iter_mut().zip(g).zip(h).zip(factor.iter().zip(dbeta.iter()).zip(dgamma.iter()))
            {
                *d = f * (rows_f * g - db - h * dg);
            }
        }
    }

    /// After a training step: the moving statistics take in the batch's (Keras does this in the
    /// forward pass; nothing reads them before the step ends).
    pub(super) fn commit(&mut self, b: &Buffers) {
        let u = self.units();
        let m = self.config.momentum as f32;
        let one_minus = (1.0 - self.config.momentum) as f32;
        let (mean, var) = (&b.stats[..u], &b.stats[u..2 * u]);
        for (moving, &batch) in self.moving_mean.iter_mut().zip(mean).chain(self.moving_variance.iter_mut().zip(var)) {
            *moving = *moving * m + batch * one_minus;
        }
    }

    /// The trainable tensors, `γ` then `β`, each with its gradient.
    pub(super) fn for_each_trainable(&mut self, grads: &[Vec<f32>], f: &mut dyn FnMut(&mut [f32], &[f32])) {
        f(&mut self.gamma, &grads[0]);
        f(&mut self.beta, &grads[1]);
    }

    /// Keras' `get_weights()` order: gamma, beta, moving_mean, moving_variance.
    pub(super) fn weights(&self) -> Vec<&[f32]> {
        vec![&self.gamma, &self.beta, &self.moving_mean, &self.moving_variance]
    }

    /// The same weights, to overwrite.
    pub(super) fn weights_mut(&mut self) -> Vec<&mut [f32]> {
        vec![&mut self.gamma, &mut self.beta, &mut self.moving_mean, &mut self.moving_variance]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn training_normalises_each_unit_and_moves_the_statistics() {
        let mut bn = BatchNormalization::new(2, BatchNormConfig::default());
        let mut b = bn.buffers(4);
        let x = [1.0, 10.0, 2.0, 20.0, 3.0, 30.0, 4.0, 40.0];
        bn.forward_train(&x, 4, &mut b);
        for j in 0..2 {
            let col: Vec<f32> = b.out.iter().skip(j).step_by(2).copied().collect();
            let mean: f32 = col.iter().sum::<f32>() / 4.0;
            assert!(mean.abs() < 1e-6, "unit {j} mean {mean}");
        }
        bn.commit(&b);
        assert!((bn.moving_mean[0] - 0.025).abs() < 1e-7, "{}", bn.moving_mean[0]);
        assert!((bn.moving_variance[1] - (0.99 + 0.01 * 125.0)).abs() < 1e-4, "{}", bn.moving_variance[1]);
    }

    /// The backward pass is the derivative of `Σ w ⊙ a` in training mode: central differences agree.
    #[test]
    fn backward_matches_central_differences() {
        let mut bn = BatchNormalization::new(3, BatchNormConfig::default());
        bn.gamma = vec![1.5, -0.5, 2.0];
        bn.beta = vec![0.1, 0.2, -0.3];
        let x = [0.3f32, -1.2, 0.8, 1.1, 0.4, -0.6, -0.7, 2.0, 0.1, 0.5, -0.3, 1.4];
        let w = [0.2f32, -1.0, 0.7, 0.4, 0.9, -0.3, -0.8, 0.5, 0.6, 1.1, -0.2, 0.3];
        let objective = |x: &[f32]| {
            let mut b = bn.buffers(4);
            bn.forward_train(x, 4, &mut b);
            b.out.iter().zip(&w).map(|(a, w)| (a * w) as f64).sum::<f64>()
        };
        let mut b = bn.buffers(4);
        bn.forward_train(&x, 4, &mut b);
        b.grad.copy_from_slice(&w);
        let mut dx = [0.0f32; 12];
        bn.backward(4, &mut b, Some(&mut dx));
        for i in 0..12 {
            let h = 1e-2f32;
            let (mut up, mut down) = (x, x);
            up[i] += h;
            down[i] -= h;
            let numeric = (objective(&up) - objective(&down)) / (2.0 * h as f64);
            assert!((numeric - dx[i] as f64).abs() < 2e-3, "x{i}: {numeric} vs {}", dx[i]);
        }
        let dbeta: f32 = w.iter().step_by(3).sum();
        assert!((b.param_grads[1][0] - dbeta).abs() < 1e-6);
    }

    #[test]
    fn inference_uses_the_moving_statistics() {
        let mut bn = BatchNormalization::new(1, BatchNormConfig::default());
        bn.moving_mean = vec![2.0];
        bn.moving_variance = vec![4.0 - 1e-3];
        let mut b = bn.buffers(2);
        bn.forward_infer(&[2.0, 6.0], 2, &mut b);
        assert!((b.out[0]).abs() < 1e-6 && (b.out[1] - 2.0).abs() < 1e-5, "{:?}", &b.out[..2]);
    }
}
