//! What the training worker does, without the browser: from a training request to a prepared
//! run ([`prepare_run`]: the split, one-hot labels, the model, its memory, the validation), the
//! run's end ([`evaluate_run`]), and a prediction for a row typed in the page ([`predict_row`]).
//! The worker (`crate::worker`) is left with messages and time slices; everything here is
//! tested natively.

mod memory;
mod predict;
mod prepare;
mod workers;

pub use memory::{memory_needed, MEMORY_LIMIT};
pub use predict::predict_row;
pub use prepare::{evaluate_run, fit_of, prepare_run, Data, Encoding, PreparedRun};
pub use workers::{
    judge, plan, time_one_step, OneWorker, Workers, MIN_SHARE_MS, MIN_SHARE_ROWS, MIN_SPEEDUP, TRIAL_STEPS,
};
