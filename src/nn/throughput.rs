//! How fast a fit runs: samples per second and milliseconds per step, over the time spent
//! training only (a caller that trains in slices leaves out the idle time between them).
//!
//! `samples/s = Σ rows of each step / Σ seconds of each step`,
//! `ms/step = Σ milliseconds of each step / steps`.
//!
//! ```
//! use mlp_lab::nn::Throughput;
//! let mut speed = Throughput::default();
//! speed.record(32, 2.0);
//! speed.record(32, 2.0);
//! assert_eq!(speed.speed().unwrap().samples_per_second, 16_000.0);
//! ```

use serde::{Deserialize, Serialize};

/// Training speed, as the page shows it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Speed {
    /// Training rows processed per second of training.
    pub samples_per_second: f64,
    /// Mean milliseconds of one step (a batch's forward, backward and update).
    pub ms_per_step: f64,
}

/// Steps, rows and busy time of a fit so far.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Throughput {
    steps: u64,
    samples: u64,
    busy_ms: f64,
}

impl Throughput {
    /// One step of `rows` rows took `ms` milliseconds.
    pub fn record(&mut self, rows: usize, ms: f64) {
        self.steps += 1;
        self.samples += rows as u64;
        self.busy_ms += ms.max(0.0);
    }

    /// The speed so far; `None` before any measurable time has passed.
    pub fn speed(&self) -> Option<Speed> {
        (self.steps > 0 && self.busy_ms > 0.0).then(|| Speed {
            samples_per_second: self.samples as f64 * 1000.0 / self.busy_ms,
            ms_per_step: self.busy_ms / self.steps as f64,
        })
    }
}

/// Rows in batch `batch` (from 1) of an epoch over `rows` rows in batches of `batch_size`: all
/// are full but the last, which takes what is left (Keras' last partial batch).
pub fn batch_rows(rows: usize, batch_size: usize, batch: usize) -> usize {
    rows.saturating_sub(batch.saturating_sub(1) * batch_size).min(batch_size)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speed_counts_busy_time_only() {
        let mut t = Throughput::default();
        assert_eq!(t.speed(), None);
        t.record(32, 4.0);
        t.record(8, 1.0);
        let s = t.speed().unwrap();
        assert_eq!(s.samples_per_second, 40.0 * 1000.0 / 5.0);
        assert_eq!(s.ms_per_step, 2.5);
        // A clock that went backwards does not make time negative.
        t.record(0, -3.0);
        assert_eq!(t.speed().unwrap().ms_per_step, 5.0 / 3.0);
    }

    #[test]
    fn the_last_batch_takes_the_rest() {
        // 800 rows, batch 32: 25 full batches. 810 rows: a 26th of 10.
        assert_eq!(batch_rows(800, 32, 1), 32);
        assert_eq!(batch_rows(800, 32, 25), 32);
        assert_eq!(batch_rows(810, 32, 26), 10);
        assert_eq!(batch_rows(10, 32, 1), 10);
        assert_eq!(batch_rows(10, 32, 2), 0);
    }
}
