//! [`DataParallel`]: every replica of a fit in one thread, in lockstep. What the tests and the
//! benchmark run; the page runs the same two halves in its workers.

use super::sum::{add_to_sum, start_sum};
use super::{ReplicaError, ShardStats};
use crate::nn::{NnError, Progress, Training};

/// `count` replicas of one fit, stepped together: each computes its share's gradient, the
/// shares are summed in replica order, and every replica applies the sum.
#[derive(Debug, Clone)]
pub struct DataParallel {
    replicas: Vec<Training>,
    summed: Vec<f32>,
    stats: Vec<ShardStats>,
}

impl DataParallel {
    /// `count` replicas of `fit` (which should not have stepped yet).
    pub fn new(fit: Training, count: usize) -> Result<Self, ReplicaError> {
        let summed = vec![0.0; fit.model().param_count()];
        let replicas = (0..count).map(|k| fit.clone().replica(k, count)).collect::<Result<Vec<_>, _>>()?;
        if replicas.is_empty() {
            return Err(ReplicaError::NoSuchReplica { index: 0, count });
        }
        Ok(Self { replicas, summed, stats: Vec::with_capacity(count) })
    }

    /// One step of every replica: their contributions summed in replica order, the sum applied
    /// by all. The clock is read once for the first halves and once for the second, so every
    /// replica logs the same figures. Allocates nothing between epochs' ends after the first
    /// step.
    pub fn step(&mut self, now: impl Fn() -> f64) -> Result<Progress, NnError> {
        let started = now();
        self.stats.clear();
        for (k, fit) in self.replicas.iter_mut().enumerate() {
            let (part, stats) = fit.local_gradients(|| started);
            if k == 0 {
                start_sum(part, &mut self.summed);
            } else {
                add_to_sum(part, &mut self.summed);
            }
            self.stats.push(stats);
        }
        let stats = ShardStats::sum_in_order(&self.stats);
        let applied = now();
        let (first, rest) = self.replicas.split_first_mut().expect("at least one replica");
        let progress = first.apply_gradients(&self.summed, stats, || applied);
        for fit in rest {
            let other = fit.apply_gradients(&self.summed, stats, || applied);
            debug_assert_eq!(other, progress, "replica {:?} logged otherwise", fit.replica_of());
        }
        debug_assert!(self.in_lockstep(), "the replicas' weights drifted apart");
        progress
    }

    /// Whether every replica's model is the first's, bit for bit.
    pub fn in_lockstep(&self) -> bool {
        let first = self.replicas[0].model();
        self.replicas.iter().all(|r| r.model().same_bits(first))
    }

    /// Whether every epoch has run.
    pub fn is_finished(&self) -> bool {
        self.replicas[0].is_finished()
    }

    /// The replicas, in order.
    pub fn replicas(&self) -> &[Training] {
        &self.replicas
    }

    /// The first replica: the fit, as trained so far.
    pub fn fit(&self) -> &Training {
        &self.replicas[0]
    }
}
