//! Data-parallel training, as Keras' `MirroredStrategy` does it: `N` replicas of one fit, each
//! taking its [`shard`] of every batch, their gradients summed in a fixed order, the same update
//! applied by all.
//!
//! For a batch `B` of `|B|` rows (the same rows in every replica: the same seed shuffles alike)
//! and shares `shard_0, …, shard_{N−1}` that split it, the gradient of the batch's mean loss is
//!
//! ```text
//! g = Σ_k g_k,   g_k = (1/|B|) Σ_{i ∈ shard_k} ∇ℓ_i,   summed in replica order k = 0, 1, …, N−1
//! ```
//!
//! which is the single worker's gradient up to float rounding (the rows' sum is regrouped). The
//! regularizers' gradient is added once, to `g`; the loss and accuracy `fit` logs are the
//! replicas' [`ShardStats`] summed the same way. Dropout's masks depend only on the fit's seed,
//! the step and a row's place in the batch, so a replica drops what one worker drops. A layer
//! that normalises with the batch's statistics (BatchNormalization) cannot be shared out:
//! [`Training::replica`](crate::nn::Training::replica) refuses, naming it.
//!
//! ```
//! use mlp_lab::data::seed_example;
//! use mlp_lab::nn::{Activation, DataParallel, DenseConfig, FitOptions, Loss, Optimizer, Sequential, Training};
//! let data = seed_example(50, 3, 7);
//! let model = Sequential::new(3, &[DenseConfig { units: 1, activation: Activation::Sigmoid, ..Default::default() }], 1).unwrap();
//! let options = FitOptions { epochs: 2, batch_size: 16, ..Default::default() };
//! let mut one = Training::new(model, Loss::BinaryCrossentropy, Optimizer::default(), data.x, data.y, options).unwrap();
//! let mut three = DataParallel::new(one.clone(), 3).unwrap();
//! while !one.is_finished() {
//!     one.step(|| 0.0).unwrap();
//!     three.step(|| 0.0).unwrap();
//! }
//! assert!(three.in_lockstep() && three.is_finished());
//! let (a, b) = (one.model().layers[0].weights(), three.fit().model().layers[0].weights());
//! assert!(a[0].iter().zip(b[0]).all(|(x, y)| (x - y).abs() <= 1e-6));
//! ```

mod driver;
mod error;
mod replica;
mod shard;
mod sum;

pub use driver::DataParallel;
pub use error::ReplicaError;
pub(crate) use replica::Replica;
pub use shard::shard;
pub use sum::{sum_in_order, ShardStats};
