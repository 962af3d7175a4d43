//! The buffers of a fit or an evaluation: every layer's [`Buffers`] for a batch of at most
//! `capacity` rows, and the key Dropout's masks are drawn by. Sized once, so a training step
//! allocates nothing.

use super::kernels::MaskKey;
use super::layers::Buffers;
use super::Sequential;

/// Every buffer a training step needs, sized for at most `capacity` rows.
#[derive(Debug, Clone)]
pub(crate) struct Workspace {
    pub(crate) capacity: usize,
    pub(crate) layers: Vec<Buffers>,
    /// Which masks Dropout draws in the next training pass: the fit's seed, the step and the
    /// batch row of the pass' first row. The same seed, the same masks.
    pub(crate) masks: MaskKey,
}

impl Workspace {
    /// Buffers for `model` and batches of at most `capacity` rows, masks drawn from `seed`.
    pub(crate) fn new(model: &Sequential, capacity: usize, seed: u64) -> Self {
        Self {
            capacity,
            layers: model.layers.iter().map(|l| l.buffers(capacity)).collect(),
            masks: MaskKey { seed, step: 0, first_row: 0 },
        }
    }

    /// Writes every trainable tensor's gradient, layer by layer in the optimizer's order, into
    /// `out` (as long as all of them together).
    pub(crate) fn gradients_into(&self, out: &mut [f32]) {
        let mut at = 0;
        for g in self.layers.iter().flat_map(|b| &b.param_grads) {
            out[at..at + g.len()].copy_from_slice(g);
            at += g.len();
        }
        debug_assert_eq!(at, out.len());
    }

    /// The reverse of [`Self::gradients_into`]: every trainable tensor's gradient from `flat`.
    pub(crate) fn gradients_from(&mut self, flat: &[f32]) {
        let mut at = 0;
        for g in self.layers.iter_mut().flat_map(|b| &mut b.param_grads) {
            let n = g.len();
            g.copy_from_slice(&flat[at..at + n]);
            at += n;
        }
        debug_assert_eq!(at, flat.len());
    }
}
