//! The messages between the page's trainer and the workers it starts to share a fit
//! ([`crate::worker`]'s replicas): what a replica is sent beside [`ToWorker::Replica`], and what
//! it answers. Like every message, postcard bytes.

use serde::{Deserialize, Serialize};

use super::TrainSpec;
#[cfg(doc)]
use super::{FromWorker, ToWorker};

/// A replica → the page's trainer that started it (a message of its own, so that the trainer
/// need not read every [`FromWorker`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum FromReplica {
    /// It has loaded.
    Ready,
    /// It could not make its fit from what it was sent: why.
    Refused(String),
}

/// What a replica needs to make the same fit as the first one's ([`crate::trainer::fit_of`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReplicaSpec {
    /// The fit's set-up.
    pub spec: TrainSpec,
    /// This replica, from 1 (the page's trainer is replica 0).
    pub index: usize,
    /// Replicas in all.
    pub count: usize,
    /// Features a row.
    pub features: usize,
    /// Label columns a row.
    pub outputs: usize,
    /// Whether validation rows come beside the training rows.
    pub validated: bool,
}
