//! How many workers train a fit: as many as the browser lends (the page cross-origin isolated,
//! several cores) and the fit can use (no layer that needs the whole batch), but only where a
//! step is long enough for sharing it out to pay ([`plan`]); the step is measured first, on one
//! worker ([`time_one_step`]), which also gives the speed-up its reference.

use ndarray::s;
use serde::{Deserialize, Serialize};

use crate::nn::{FitOptions, NnError, ReplicaError, Training};
use crate::protocol::TrainSpec;

/// A replica's share of a step takes at least this long, or there are fewer replicas. Each
/// step costs every replica a barrier (tens of microseconds to wake a waiting worker) and a
/// copy of the gradients in and out of shared memory: with shares shorter than this, the
/// exchange eats what the sharing saves (`make bench` measures the scaling of W-B and W-C).
pub const MIN_SHARE_MS: f64 = 0.2;

/// A replica's share of a batch has at least this many rows (the products work on tiles of
/// rows; a share of two rows would run them nearly empty).
pub const MIN_SHARE_ROWS: usize = 8;

/// Why a fit trains on one worker only.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum OneWorker {
    /// The page is not cross-origin isolated (no COOP and COEP headers): workers cannot share
    /// memory, so gradients cannot be exchanged fast enough.
    NotIsolated,
    /// The browser reports one core.
    OneCore,
    /// The other workers did not start (the browser's words, when it gave some).
    HelpersFailed(Option<String>),
    /// The other workers are still loading.
    HelpersLoading,
    /// The fit cannot be shared out (a layer needs the whole batch's statistics).
    Layers(ReplicaError),
    /// A step is too short for the exchange to pay: it took `ms` on one worker.
    ShortStep {
        /// A step's measured milliseconds on one worker.
        ms: f64,
    },
    /// A batch is too small to share: `rows` rows.
    SmallBatch {
        /// Rows in a batch.
        rows: usize,
    },
    /// `count` workers were tried for the fit's first `steps` steps and were not faster enough
    /// than one: `speedup` times one worker's speed (other work on the machine, the page's own
    /// drawing among it, leaves them less than a core each).
    NoGain {
        /// Workers tried.
        count: usize,
        /// Steps they took.
        steps: usize,
        /// Their speed over one worker's.
        speedup: f64,
    },
}

/// Several workers go on sharing a fit only where, over its first steps, they are at least this
/// many times as fast as one worker (below, the exchange's cost is not worth its risk: a worker
/// that the machine pauses pauses them all).
pub const MIN_SPEEDUP: f64 = 1.1;

/// The first steps on several workers over which they are timed before [`judge`] decides.
pub const TRIAL_STEPS: usize = 16;

/// How many workers go on with a fit that `workers` began, after `steps` of its steps took
/// `ms` milliseconds on them (steps after the first, which waits for the others to start):
/// `None` while the trial runs, then the same workers if they are at least [`MIN_SPEEDUP`]
/// times as fast as one, else one worker, saying how fast they were.
pub fn judge(workers: &Workers, steps: usize, ms: f64) -> Option<Workers> {
    if workers.count < 2 || steps < TRIAL_STEPS {
        return None;
    }
    let speedup = workers.speedup(ms / steps as f64)?;
    Some(match speedup >= MIN_SPEEDUP {
        true => workers.clone(),
        false => Workers::one(OneWorker::NoGain { count: workers.count, steps, speedup }, workers.one_worker_step_ms),
    })
}

/// How many workers train a fit, and why not more.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Workers {
    /// Workers training (1: the page's own trainer alone).
    pub count: usize,
    /// A step's milliseconds on one worker, measured before the fit (the speed-up's reference).
    pub one_worker_step_ms: Option<f64>,
    /// Why only one worker trains; `None` when several do.
    pub one_because: Option<OneWorker>,
}

impl Workers {
    /// One worker, because of `why`.
    pub fn one(why: OneWorker, one_worker_step_ms: Option<f64>) -> Self {
        Self { count: 1, one_worker_step_ms, one_because: Some(why) }
    }

    /// How many times faster than one worker a step of `ms_per_step` is; `None` without a
    /// reference or on one worker.
    pub fn speedup(&self, ms_per_step: f64) -> Option<f64> {
        let one = self.one_worker_step_ms?;
        (self.count > 1 && ms_per_step > 0.0).then(|| one / ms_per_step)
    }
}

/// The workers for a fit with batches of `batch_rows`, when the browser lends `available`
/// workers (or says why not) and the fit is `replicable` or not: every replica's share at
/// least [`MIN_SHARE_MS`] of a step (`step_ms`: its milliseconds on one worker, measured only
/// when several workers could train) and [`MIN_SHARE_ROWS`] of a batch.
pub fn plan(
    available: Result<usize, OneWorker>,
    replicable: Result<(), ReplicaError>,
    step_ms: impl FnOnce() -> f64,
    batch_rows: usize,
) -> Workers {
    let available = match (available, replicable) {
        (Err(why), _) => return Workers::one(why, None),
        (Ok(n), _) if n < 2 => return Workers::one(OneWorker::OneCore, None),
        (_, Err(layers)) => return Workers::one(OneWorker::Layers(layers), None),
        (Ok(n), Ok(())) => n,
    };
    let by_rows = batch_rows / MIN_SHARE_ROWS;
    if by_rows < 2 {
        return Workers::one(OneWorker::SmallBatch { rows: batch_rows }, None);
    }
    let step_ms = step_ms();
    let one = |why| Workers::one(why, Some(step_ms));
    let by_time = (step_ms / MIN_SHARE_MS).floor() as usize;
    match available.min(by_time).min(by_rows) {
        n if n >= 2 => Workers { count: n, one_worker_step_ms: Some(step_ms), one_because: None },
        _ => one(OneWorker::ShortStep { ms: step_ms }),
    }
}

/// Steps [`time_one_step`] times at most (after a first, which sizes the buffers).
const PROBE_STEPS: usize = 5;
/// [`time_one_step`] stops after this long, once it has timed three steps.
const PROBE_MS: f64 = 30.0;

/// The milliseconds one step of `training` takes on this worker: a copy of its model fitted
/// on its first batch of rows (with its loss and optimizer, no validation), the fastest of up
/// to [`PROBE_STEPS`] steps after a first (which sizes the buffers), three at least, fewer than
/// five once [`PROBE_MS`] have passed. The fastest, since other work on the machine and code
/// not yet optimised by the browser only ever add time: a slow reference would make the
/// workers' speed-up look larger than it is. `training` itself does not move.
pub fn time_one_step(training: &Training, spec: &TrainSpec, now: impl Fn() -> f64) -> Result<f64, NnError> {
    let (x, y) = training.training_data();
    let rows = spec.batch_size.clamp(1, x.nrows().max(1));
    let (x, y) = (x.slice(s![..rows, ..]).to_owned(), y.slice(s![..rows, ..]).to_owned());
    let options = FitOptions { epochs: PROBE_STEPS + 1, batch_size: rows, seed: spec.seed, ..Default::default() };
    let mut probe = Training::new(training.model().clone(), training.loss(), spec.optimizer.clone(), x, y, options)?;
    probe.step(&now)?;
    let (begun, mut timed, mut fastest) = (now(), 0, f64::INFINITY);
    while timed < PROBE_STEPS && (timed < 3 || now() - begun < PROBE_MS) {
        let start = now();
        probe.step(&now)?;
        (timed, fastest) = (timed + 1, fastest.min((now() - start).max(0.0)));
    }
    Ok(fastest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{generate, GeneratorSpec};
    use crate::trainer::{prepare_run, Data};

    #[test]
    fn a_long_step_is_shared_out_among_the_workers_available() {
        // W-B: about 5 ms a step of 128 rows; W-C: about 0.57 ms of 256 rows.
        assert_eq!(
            plan(Ok(2), Ok(()), || 5.0, 128),
            Workers { count: 2, one_worker_step_ms: Some(5.0), one_because: None }
        );
        assert_eq!(plan(Ok(2), Ok(()), || 0.57, 256).count, 2);
        assert_eq!(plan(Ok(8), Ok(()), || 5.0, 128).count, 8);
        // Eight cores, but 0.9 ms a step: four shares of 0.225 ms.
        assert_eq!(plan(Ok(8), Ok(()), || 0.9, 256).count, 4);
        // Sixteen cores, batches of 64: eight shares of eight rows.
        assert_eq!(plan(Ok(16), Ok(()), || 50.0, 64).count, 8);
    }

    #[test]
    fn one_worker_says_why() {
        // W-A: 8 µs a step.
        assert_eq!(plan(Ok(2), Ok(()), || 0.008, 32).one_because, Some(OneWorker::ShortStep { ms: 0.008 }));
        assert_eq!(plan(Ok(4), Ok(()), || 5.0, 12).one_because, Some(OneWorker::SmallBatch { rows: 12 }));
        assert_eq!(plan(Err(OneWorker::NotIsolated), Ok(()), || 5.0, 128).one_because, Some(OneWorker::NotIsolated));
        assert_eq!(plan(Ok(1), Ok(()), || 5.0, 128).one_because, Some(OneWorker::OneCore));
        let batch_norm = ReplicaError::BatchStatistics { layer: 1, class: "BatchNormalization".into() };
        let planned = plan(Ok(2), Err(batch_norm.clone()), || 5.0, 128);
        assert_eq!((planned.count, planned.one_because), (1, Some(OneWorker::Layers(batch_norm))));
        // A step is timed only where several workers could share it.
        let untimed = || -> f64 { panic!("timed a step no other worker could share") };
        assert_eq!(plan(Err(OneWorker::NotIsolated), Ok(()), untimed, 128).one_worker_step_ms, None);
        assert_eq!(plan(Ok(2), Ok(()), untimed, 8).one_because, Some(OneWorker::SmallBatch { rows: 8 }));
    }

    #[test]
    fn the_speedup_is_against_the_measured_single_worker_step() {
        let two = plan(Ok(2), Ok(()), || 5.0, 128);
        assert_eq!(two.speedup(2.5), Some(2.0));
        assert_eq!(two.speedup(0.0), None);
        assert_eq!(plan(Ok(2), Ok(()), || 0.008, 32).speedup(0.008), None);
    }

    #[test]
    fn workers_that_are_not_faster_than_one_give_the_fit_back_to_one() {
        let two = plan(Ok(2), Ok(()), || 5.0, 128);
        assert_eq!(judge(&two, TRIAL_STEPS - 1, 1.0), None, "still on trial");
        // 16 steps of 3 ms: 1.67 times one worker's 5 ms.
        assert_eq!(judge(&two, 16, 48.0), Some(two.clone()));
        // 16 steps of 6 ms: slower than one worker.
        let one = judge(&two, 16, 96.0).unwrap();
        assert_eq!(one.count, 1);
        match one.one_because {
            Some(OneWorker::NoGain { count: 2, steps: 16, speedup }) => assert!((speedup - 5.0 / 6.0).abs() < 1e-12),
            other => panic!("{other:?}"),
        }
        // Just under the bar: 1.09 times.
        assert_eq!(judge(&two, 16, 16.0 * 5.0 / 1.09).unwrap().count, 1);
        // One worker is never judged.
        assert_eq!(judge(&plan(Ok(2), Ok(()), || 0.008, 32), 100, 1.0), None);
    }

    #[test]
    fn a_step_is_timed_on_the_clock_given() {
        let data = Data::Generated(generate(&GeneratorSpec::default()));
        let spec = TrainSpec::default();
        let run = prepare_run(&data, &spec).unwrap();
        let clock = std::cell::Cell::new(0.0);
        let now = || {
            clock.set(clock.get() + 1.0);
            clock.get()
        };
        // Every read of this clock is a millisecond later than the last.
        let ms = time_one_step(&run.training, &spec, now).unwrap();
        assert!(ms >= 1.0 && ms.fract() == 0.0, "{ms}");
    }
}
