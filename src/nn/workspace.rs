//! The buffers of a fit or an evaluation: every layer's [`Buffers`] for a batch of at most
//! `capacity` rows, and the random stream Dropout draws its masks from. Sized once, so a
//! training step allocates nothing.

use super::kernels::MaskStream;
use super::layers::Buffers;
use super::Sequential;

/// Every buffer a training step needs, sized for at most `capacity` rows.
#[derive(Debug, Clone)]
pub(crate) struct Workspace {
    pub(crate) capacity: usize,
    pub(crate) layers: Vec<Buffers>,
    /// Dropout's masks, in layer order, step after step: the same seed, the same masks.
    pub(crate) rng: MaskStream,
}

impl Workspace {
    /// Buffers for `model` and batches of at most `capacity` rows, masks drawn from `seed`.
    pub(crate) fn new(model: &Sequential, capacity: usize, seed: u64) -> Self {
        Self {
            capacity,
            layers: model.layers.iter().map(|l| l.buffers(capacity)).collect(),
            rng: MaskStream::new(seed),
        }
    }
}
