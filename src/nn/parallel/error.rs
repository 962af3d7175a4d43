//! Why a fit cannot be shared out among replicas, as facts; `crate::i18n` says them in a
//! sentence (`Display`: in English), as it does every engine error.

use serde::{Deserialize, Serialize};

/// Why [`crate::nn::Training::replica`] refuses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReplicaError {
    /// A layer computes with the statistics of the whole batch, which no replica sees.
    BatchStatistics {
        /// The layer, from 0.
        layer: usize,
        /// Its Keras class: `BatchNormalization`.
        class: String,
    },
    /// Replica `index` of `count` does not exist (`count` is 0, or `index` is not below it).
    NoSuchReplica {
        /// The replica asked for, from 0.
        index: usize,
        /// Replicas in all.
        count: usize,
    },
}

impl std::error::Error for ReplicaError {}
