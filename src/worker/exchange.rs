//! The gradients' exchange between the workers that train one fit: a `SharedArrayBuffer` every
//! replica writes its contribution to, a barrier on `Atomics`, and the sum in replica order
//! that each replica then reads for itself ([`sum_in_order`]), so that every replica applies
//! the same bits, whatever the timing.
//!
//! The buffer holds, in order: the control words (`Int32`: replicas arrived at the barrier, the
//! barrier's phase, the stop flag), then two sets of every replica's [`ShardStats`] (`Float64`
//! × 3) and of every replica's contribution (`Float32` × parameters), used by alternate steps: a replica
//! may start writing step `s + 1` while a slower one still reads step `s`, but cannot reach step
//! `s + 2` before every replica has passed the barrier of `s + 1`, hence has read `s`.
//!
//! One step ([`Exchange::step`]): the replica's [`Training::local_gradients`], written to its
//! slot; the barrier (the last to arrive bumps the phase and wakes the others); the sum of every
//! slot in replica order; [`Training::apply_gradients`]. The page's trainer waits at most to the
//! end of its time slice and resumes the wait in the next (it must read the page's messages);
//! the other workers wait as long as it takes.

use js_sys::{Atomics, Float32Array, Float64Array, Int32Array, SharedArrayBuffer};

use crate::nn::{sum_in_order, NnError, Progress, ShardStats, Training};

/// Replicas an exchange holds at most (the page's trainer and seven more workers).
pub const MAX_REPLICAS: usize = 8;

/// Control words: replicas arrived at the barrier.
const ARRIVED: u32 = 0;
/// Control words: the barrier's phase, bumped each time every replica has arrived.
const PHASE: u32 = 1;
/// Control words: set when the fit is stopped (or a replica gave up).
const STOP: u32 = 2;
/// Control words, with one to keep the stats 8-byte aligned.
const CONTROL_WORDS: u32 = 4;
/// A replica's stats: loss sum, correct (−1 for none), rows.
const STATS: u32 = 3;
/// A wait is cut into waits of at most this long, checking the stop flag between them (a stop
/// posted just before a wait begins wakes no one).
const WAIT_SLICE_MS: f64 = 100.0;

/// What a step of the exchange came to.
#[derive(Debug)]
pub enum Step {
    /// Every replica's contribution was summed and applied: the step's progress (the same on
    /// every replica).
    Done(Result<Progress, NnError>),
    /// The other replicas have not all arrived yet: call [`Exchange::step`] again to wait on.
    Waiting,
    /// The fit was stopped, or a replica gave up.
    Stopped,
}

/// One replica's end of the exchange.
pub struct Exchange {
    buffer: SharedArrayBuffer,
    control: Int32Array,
    stats: Float64Array,
    gradients: Float32Array,
    index: usize,
    count: usize,
    params: usize,
    /// Steps summed so far (which set of slots the next step uses).
    steps: u64,
    /// The phase this replica arrived in and waits to see bumped; `None` before it arrives.
    arrived: Option<i32>,
    /// Every other replica's contribution, copied out of the buffer.
    others: Vec<Vec<f32>>,
    /// The sum.
    summed: Vec<f32>,
}

/// Bytes of the buffer for `count` replicas of a fit of `params` trainable parameters.
fn bytes_for(count: usize, params: usize) -> usize {
    4 * CONTROL_WORDS as usize + 2 * count * (8 * STATS as usize + 4 * params)
}

impl Exchange {
    /// The first replica's end, with a new buffer for `count` replicas of a fit of `params`
    /// parameters (send [`Self::buffer`] to the others).
    ///
    /// # Panics
    /// With more than [`MAX_REPLICAS`] replicas.
    pub fn new(count: usize, params: usize) -> Self {
        assert!(count <= MAX_REPLICAS, "{count} replicas: an exchange holds at most {MAX_REPLICAS}");
        Self::over(Self::buffer_for(count, params), 0, count, params)
    }

    /// A new buffer for `count` replicas of a fit of `params` parameters, for every replica to
    /// [`Self::join`] (where no replica makes it: the benchmark's page does).
    pub fn buffer_for(count: usize, params: usize) -> SharedArrayBuffer {
        SharedArrayBuffer::new(bytes_for(count, params) as _)
    }

    /// Replica `index`'s end of `buffer`, made by [`Self::new`] for `count` replicas of `params`
    /// parameters; an error when the buffer is not of that size.
    pub fn join(buffer: SharedArrayBuffer, index: usize, count: usize, params: usize) -> Result<Self, String> {
        let (got, want) = (buffer.byte_length() as usize, bytes_for(count, params));
        if got != want || index >= count || count > MAX_REPLICAS {
            return Err(format!(
                "replica {index} of {count} (at most {MAX_REPLICAS}): a buffer of {got} bytes, not {want}"
            ));
        }
        Ok(Self::over(buffer, index, count, params))
    }

    fn over(buffer: SharedArrayBuffer, index: usize, count: usize, params: usize) -> Self {
        let control = Int32Array::new_with_byte_offset_and_length(&buffer, 0, CONTROL_WORDS);
        let stats_at = 4 * CONTROL_WORDS;
        let stats = Float64Array::new_with_byte_offset_and_length(&buffer, stats_at, 2 * STATS * count as u32);
        let gradients_at = stats_at + 2 * 8 * STATS * count as u32;
        let gradients =
            Float32Array::new_with_byte_offset_and_length(&buffer, gradients_at, (2 * count * params) as u32);
        let others = (0..count.saturating_sub(1)).map(|_| vec![0.0; params]).collect();
        Self {
            buffer,
            control,
            stats,
            gradients,
            index,
            count,
            params,
            steps: 0,
            arrived: None,
            others,
            summed: vec![0.0; params],
        }
    }

    /// The shared buffer, for the other replicas.
    pub fn buffer(&self) -> &SharedArrayBuffer {
        &self.buffer
    }

    /// Replicas in all.
    pub fn count(&self) -> usize {
        self.count
    }

    /// Tells every replica to stop: their waits end with [`Step::Stopped`].
    pub fn stop(&self) {
        let _ = Atomics::store(&self.control, STOP, 1);
        let _ = Atomics::notify(&self.control, PHASE);
    }

    fn stopped(&self) -> bool {
        Atomics::load(&self.control, STOP).unwrap_or(1) != 0
    }

    /// Which of the two sets of slots the current step uses, and replica `k`'s place in it.
    fn place(&self, k: usize) -> usize {
        (self.steps % 2) as usize * self.count + k
    }

    /// Replica `k`'s contribution in the current step.
    fn slot(&self, k: usize) -> Float32Array {
        let start = self.place(k) * self.params;
        self.gradients.subarray(start as u32, (start + self.params) as u32)
    }

    /// One step of `fit` (this replica's, made by `Training::replica` with this exchange's index
    /// and count), waiting at most `wait_ms` for the others (`None`: as long as it takes). After
    /// [`Step::Waiting`], call again (with the same fit) to go on waiting.
    pub fn step(&mut self, fit: &mut Training, now: impl Fn() -> f64, wait_ms: Option<f64>) -> Step {
        let phase = match self.arrived {
            Some(phase) => phase,
            None => {
                let (part, stats) = fit.local_gradients(&now);
                self.slot(self.index).copy_from(part);
                let at = self.place(self.index) as u32 * STATS;
                self.stats.set_index(at, stats.loss_sum);
                self.stats.set_index(at + 1, stats.correct.map_or(-1.0, |c| c as f64));
                self.stats.set_index(at + 2, stats.rows as f64);
                let phase = Atomics::load(&self.control, PHASE).unwrap_or(0);
                if Atomics::add(&self.control, ARRIVED, 1).unwrap_or(0) as usize == self.count - 1 {
                    let _ = Atomics::store(&self.control, ARRIVED, 0);
                    let _ = Atomics::add(&self.control, PHASE, 1);
                    let _ = Atomics::notify(&self.control, PHASE);
                }
                self.arrived = Some(phase);
                phase
            }
        };
        let deadline = wait_ms.map(|ms| now() + ms);
        loop {
            if Atomics::load(&self.control, PHASE).unwrap_or(phase) != phase {
                break;
            }
            if self.stopped() {
                return Step::Stopped;
            }
            let slice = match deadline {
                Some(end) if now() >= end => return Step::Waiting,
                Some(end) => (end - now()).min(WAIT_SLICE_MS),
                None => WAIT_SLICE_MS,
            };
            let _ = Atomics::wait_with_timeout(&self.control, PHASE, phase, slice);
        }
        self.arrived = None;
        let stats = self.summed_stats();
        self.sum(fit.last_contribution());
        self.steps += 1;
        Step::Done(fit.apply_gradients(&self.summed, stats, now))
    }

    /// Every replica's stats, added in replica order.
    fn summed_stats(&self) -> ShardStats {
        let mut parts = [ShardStats::default(); MAX_REPLICAS];
        for (k, part) in parts.iter_mut().enumerate().take(self.count) {
            let at = self.place(k) as u32 * STATS;
            let correct = self.stats.get_index(at + 1);
            *part = ShardStats {
                loss_sum: self.stats.get_index(at),
                correct: (correct >= 0.0).then_some(correct as usize),
                rows: self.stats.get_index(at + 2) as usize,
            };
        }
        ShardStats::sum_in_order(&parts[..self.count])
    }

    /// `summed` = every replica's contribution, in replica order: this one's `own` as it is, the
    /// others' copied out of the buffer. Allocates nothing.
    fn sum(&mut self, own: &[f32]) {
        let mut others = std::mem::take(&mut self.others);
        for (k, copy) in (0..self.count).filter(|&k| k != self.index).zip(others.iter_mut()) {
            self.slot(k).copy_to(copy);
        }
        let mut copies = others.iter();
        let mut parts: [&[f32]; MAX_REPLICAS] = [&[]; MAX_REPLICAS];
        for (k, part) in parts.iter_mut().enumerate().take(self.count) {
            *part = if k == self.index { own } else { copies.next().expect("a copy for every other replica") };
        }
        sum_in_order(&parts[..self.count], &mut self.summed);
        self.others = others;
    }
}

impl Drop for Exchange {
    /// A replica that leaves (the fit ended, was stopped, or this replica failed) stops the
    /// others: none waits for it for ever.
    fn drop(&mut self) {
        self.stop();
    }
}
