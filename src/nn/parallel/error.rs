//! Why a fit cannot be shared out among replicas, as facts; `Display` says it in a sentence.

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

impl std::fmt::Display for ReplicaError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReplicaError::BatchStatistics { layer, class } => write!(
                f,
                "{class} (layer {}) normalises with each batch's statistics, so this fit trains on one worker",
                layer + 1
            ),
            ReplicaError::NoSuchReplica { index, count } => {
                write!(f, "there is no replica {} of {count}: replicas are numbered from 1 to {count}", index + 1)
            }
        }
    }
}

impl std::error::Error for ReplicaError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_read_as_sentences_counting_from_1() {
        let bn = ReplicaError::BatchStatistics { layer: 1, class: "BatchNormalization".into() };
        assert_eq!(
            bn.to_string(),
            "BatchNormalization (layer 2) normalises with each batch's statistics, so this fit trains on one worker"
        );
        let none = ReplicaError::NoSuchReplica { index: 3, count: 3 };
        assert_eq!(none.to_string(), "there is no replica 4 of 3: replicas are numbered from 1 to 3");
    }
}
