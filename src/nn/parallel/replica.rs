//! A fit as one replica of several: the two halves of a data-parallel step.
//!
//! Replica `k` of `N` holds the whole fit (model, optimizer, data, the same seed, so the same
//! shuffles) and trains on its [`shard`] of every batch. [`Training::local_gradients`] is the
//! first half: forward and backward on the replica's rows, its contribution
//! `g_k = (1/B) Σ_{i∈shard_k} ∇ℓ_i` to the gradient of the batch's mean loss (`B` the batch's
//! rows). The caller sums every replica's contribution in replica order ([`sum_in_order`]) and
//! hands the sum to [`Training::apply_gradients`], the second half: the regularizers' gradient
//! added once, the optimizer's update, and all of [`Training::step`]'s bookkeeping. Every
//! replica applies the same sum, so the replicas stay one model, bit for bit.
//!
//! [`sum_in_order`]: super::sum_in_order

use super::{shard, ReplicaError, ShardStats};
use crate::nn::{Layer, Loss, NnError, Progress, Training};

/// Which share of each batch a fit trains on, and the buffer of its contribution.
#[derive(Debug, Clone)]
pub(crate) struct Replica {
    /// This replica, from 0.
    index: usize,
    /// Replicas in all.
    count: usize,
    /// The last contribution, one value per trainable parameter (sized at the first step).
    contribution: Vec<f32>,
}

impl Default for Replica {
    /// The whole batch: replica 0 of 1.
    fn default() -> Self {
        Self { index: 0, count: 1, contribution: Vec::new() }
    }
}

impl Training {
    /// Whether this fit can be shared out among several replicas and still train exactly as on
    /// one worker: not when a layer normalises with the batch's statistics (BatchNormalization,
    /// whose statistics over one replica's share are not the batch's, and whose moving
    /// statistics would then drift apart between replicas). Dense and Dropout layers can.
    pub fn replicable(&self) -> Result<(), ReplicaError> {
        match self.model().layers.iter().position(|l| matches!(l, Layer::BatchNormalization(_))) {
            Some(layer) => Err(ReplicaError::BatchStatistics { layer, class: "BatchNormalization".into() }),
            None => Ok(()),
        }
    }

    /// This fit as replica `index` (from 0) of `count`: from now on
    /// [`Self::local_gradients`] trains on the replica's [`shard`] of every batch. Make every
    /// replica from the same fit (same model, data, options and seed). One replica (`count = 1`)
    /// is the whole batch, whatever the layers.
    pub fn replica(mut self, index: usize, count: usize) -> Result<Training, ReplicaError> {
        if index >= count {
            return Err(ReplicaError::NoSuchReplica { index, count });
        }
        if count > 1 {
            self.replicable()?;
        }
        let params = self.model().param_count();
        self.replica = Replica { index, count, contribution: vec![0.0; params] };
        Ok(self)
    }

    /// `(index, count)`: which replica this fit is, of how many (`(0, 1)` for one worker).
    pub fn replica_of(&self) -> (usize, usize) {
        (self.replica.index, self.replica.count)
    }

    /// The first half of a data-parallel step: copies this replica's rows of the current batch,
    /// runs forward and backward on them, and returns its contribution to the batch's gradient,
    /// every trainable tensor's gradient in the optimizer's order, flat, summed over the
    /// replica's rows and divided by the whole batch's rows (no regularizer: that is added once,
    /// in [`Self::apply_gradients`]), with the share's [`ShardStats`]. A replica with no rows
    /// (a batch smaller than the replicas) contributes zeros. On an epoch's first batch, reads
    /// `now` for the epoch's clock and reshuffles, as [`Self::step`] does. After the last epoch
    /// it contributes zeros. Allocates nothing after the first call.
    pub fn local_gradients(&mut self, now: impl Fn() -> f64) -> (&[f32], ShardStats) {
        let params = self.model().param_count();
        let mut out = std::mem::take(&mut self.replica.contribution);
        out.resize(params, 0.0);
        let (index, count) = self.replica_of();
        let nothing =
            ShardStats { loss_sum: 0.0, correct: (self.loss() != Loss::MeanSquaredError).then_some(0), rows: 0 };
        let stats = if self.is_finished() {
            out.fill(0.0);
            nothing
        } else {
            let batch = self.begin_batch(&now);
            let share = shard(batch.len(), index, count);
            if share.is_empty() {
                out.fill(0.0);
                nothing
            } else {
                let rows = batch.start + share.start..batch.start + share.end;
                let (loss_sum, correct) = self.backprop_rows(rows, share.start, batch.len());
                self.gradients_into(&mut out);
                ShardStats { loss_sum, correct, rows: share.len() }
            }
        };
        self.replica.contribution = out;
        (&self.replica.contribution, stats)
    }

    /// The contribution the last [`Self::local_gradients`] returned (to sum it with the other
    /// replicas' once they are in, without holding on to the borrow).
    pub fn last_contribution(&self) -> &[f32] {
        &self.replica.contribution
    }

    /// The second half of a data-parallel step: with `summed`, the sum in replica order of
    /// every replica's [`Self::local_gradients`], and `stats`, the sum of their stats, adds the
    /// regularizers' gradient, updates the weights, and does all of [`Self::step`]'s
    /// bookkeeping (batch and epoch logs, validation at an epoch's end, the callbacks, the
    /// checks for NaN). Every replica returns the same [`Progress`], but for `elapsed_ms`,
    /// which reads each replica's own clock. Allocates nothing between epochs' ends.
    ///
    /// # Panics
    /// If `summed` is not one value per trainable parameter, or `stats` does not count the
    /// batch's rows (the caller summed something else than this step's contributions).
    pub fn apply_gradients(
        &mut self,
        summed: &[f32],
        stats: ShardStats,
        now: impl Fn() -> f64,
    ) -> Result<Progress, NnError> {
        if let Some(done) = self.finished_progress() {
            return Ok(done);
        }
        let params = self.model().param_count();
        assert_eq!(summed.len(), params, "apply_gradients: {} gradients for {params} parameters", summed.len());
        let rows = self.begin_batch(&now).len();
        assert_eq!(stats.rows, rows, "apply_gradients: stats of {} rows for a batch of {rows}", stats.rows);
        self.gradients_from(summed);
        self.update_and_log(stats.loss_sum, stats.correct, rows, now)
    }
}
