//! `model.fit`, one batch at a time.
//!
//! [`Training`] holds everything a fit needs (model, optimizer state, data, the shuffled order,
//! running metrics) and advances by one batch per [`Training::step`], returning Keras' logs:
//! [`Progress::Batch`] after a batch, [`Progress::Epoch`] after the last batch of an epoch, with
//! the validation figures. A caller can stop between any two steps, or keep the value and go on
//! later: that is pause and resume. Semantics follow Keras:
//!
//! - `validation_split = f` holds out the LAST rows, from row `⌊n · (1 − f)⌋` on, taken before
//!   any shuffling;
//! - with `shuffle`, the training rows are reshuffled at the start of every epoch, from the seed;
//! - the last batch of an epoch is partial when `batch_size` does not divide the rows, so an
//!   epoch has `⌈n / batch_size⌉` steps;
//! - `loss` and `accuracy` of an epoch are the means over its samples of what each batch
//!   computed before its update; `val_*` are computed after the epoch's last update;
//! - the learning rate of each step comes from the optimizer's [`LearningRate`] (a number or a
//!   schedule) at the steps taken so far, times any reduction by `ReduceLROnPlateau`;
//! - Dropout draws each row's mask from a stream keyed by the fit's seed, the step and the row's
//!   place in the batch (so replicas sharing out a batch, [`crate::nn::DataParallel`], drop the
//!   same values), and BatchNormalization normalises with each batch's statistics; validation
//!   runs in inference mode; `EarlyStopping` may end the fit early, and with
//!   `restore_best_weights` the model ends with its best epoch's weights (Keras 3);
//! - the loss or a weight turning NaN or infinite stops the fit with an error naming the epoch
//!   and batch (Keras' `TerminateOnNaN`), the model keeping its last good epoch's weights.
//!
//! After the first batch a step allocates nothing: every buffer is sized up front.
//!
//! ```
//! use mlp_lab::data::seed_example;
//! use mlp_lab::nn::{Activation, DenseConfig, FitOptions, Loss, Optimizer, Progress, Sequential, Training};
//! let data = seed_example(100, 3, 7);
//! let model = Sequential::new(3, &[DenseConfig { units: 1, activation: Activation::Sigmoid, ..Default::default() }], 1).unwrap();
//! let options = FitOptions { epochs: 2, batch_size: 32, ..Default::default() };
//! let mut fit = Training::new(model, Loss::BinaryCrossentropy, Optimizer::default(), data.x, data.y, options).unwrap();
//! let mut steps = 0;
//! while !fit.is_finished() {
//!     if let Progress::Batch(_) = fit.step(|| 0.0).unwrap() { steps += 1 }
//! }
//! assert_eq!(steps, 2 * 3); // ⌈100 / 32⌉ = 4 steps an epoch; the 4th ends it
//! assert_eq!(fit.history().epochs.len(), 2);
//! ```

use std::ops::Range;
use std::sync::atomic::{AtomicBool, Ordering};

use ndarray::{s, Array2};
use rand::seq::SliceRandom;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use super::callbacks::{EarlyStoppingState, PlateauState, Verdict};
use super::kernels::MaskKey;
use super::parallel::Replica;
use super::profile::{part, Part};
use super::workspace::Workspace;
use super::{
    BatchLogs, EarlyStopping, EpochLogs, FitOption, FitOptions, History, Loss, NnError, Optimizer, OptimizerState,
    OptionProblem, Progress, ReduceLrOnPlateau, Sequential, Validation,
};

/// `EarlyStopping`, its state, and with `restore_best_weights` the best epoch and its model.
type EarlyStop = (EarlyStopping, EarlyStoppingState, Option<(usize, Sequential)>);

/// A fit in progress.
#[derive(Debug, Clone)]
pub struct Training {
    model: Sequential,
    last_good: Sequential,
    loss: Loss,
    optimizer: OptimizerState,
    lr_factor: f32,
    early_stopping: Option<EarlyStop>,
    reduce_lr: Option<(ReduceLrOnPlateau, PlateauState)>,
    stopped_early: bool,
    restored_epoch: Option<usize>,
    x: Array2<f32>,
    y: Array2<f32>,
    val: Option<(Array2<f32>, Array2<f32>)>,
    epochs: usize,
    batch_size: usize,
    shuffle: bool,
    rng: ChaCha8Rng,
    order: Vec<usize>,
    ws: Workspace,
    seed: u64,
    /// Which share of every batch this fit trains on: all of it, unless it is a replica.
    pub(crate) replica: Replica,
    /// Whether the current epoch has begun (its clock read, its rows shuffled).
    epoch_begun: bool,
    xb: Vec<f32>,
    yb: Vec<f32>,
    epoch: usize,
    batch: usize,
    steps_taken: u64,
    loss_sum: f64,
    correct: Option<usize>,
    seen: usize,
    epoch_start_ms: f64,
    history: History,
}

impl Training {
    /// Checks the data and options, holds out the validation rows, and prepares every buffer.
    pub fn new(
        model: Sequential,
        loss: Loss,
        optimizer: Optimizer,
        x: Array2<f32>,
        y: Array2<f32>,
        options: FitOptions,
    ) -> Result<Self, NnError> {
        model.check_data(&x, &y, loss)?;
        if let Some(problem) = optimizer.learning_rate().problem() {
            return Err(NnError::BadSchedule(problem));
        }
        if options.epochs == 0 {
            return Err(NnError::BadOption { option: FitOption::Epochs, problem: OptionProblem::AtLeastOne });
        }
        if options.batch_size == 0 {
            return Err(NnError::BadOption { option: FitOption::BatchSize, problem: OptionProblem::AtLeastOne });
        }
        let (x, y, val) = match options.validation {
            Validation::None => (x, y, None),
            Validation::Split(f) => {
                if !(f > 0.0 && f < 1.0) {
                    return Err(NnError::BadOption {
                        option: FitOption::ValidationSplit,
                        problem: OptionProblem::NotAFraction { value: f },
                    });
                }
                let at = (x.nrows() as f64 * (1.0 - f)).floor() as usize;
                let val = (x.slice(s![at.., ..]).to_owned(), y.slice(s![at.., ..]).to_owned());
                (x.slice(s![..at, ..]).to_owned(), y.slice(s![..at, ..]).to_owned(), Some(val))
            }
            Validation::Data(vx, vy) => {
                model.check_data(&vx, &vy, loss)?;
                (x, y, Some((vx, vy)))
            }
        };
        if x.nrows() == 0 {
            return Err(NnError::NoRows);
        }
        let x = x.as_standard_layout().into_owned();
        let y = y.as_standard_layout().into_owned();
        let capacity = options.batch_size.min(x.nrows());
        let ws = Workspace::new(&model, capacity, options.seed);
        let optimizer = optimizer.state(model.trainable_sizes());
        let correct = (loss != Loss::MeanSquaredError).then_some(0);
        Ok(Self {
            last_good: model.clone(),
            xb: vec![0.0; capacity * x.ncols()],
            yb: vec![0.0; capacity * y.ncols()],
            order: (0..x.nrows()).collect(),
            rng: ChaCha8Rng::seed_from_u64(options.seed),
            model,
            loss,
            optimizer,
            lr_factor: 1.0,
            early_stopping: options.early_stopping.map(|e| (e, EarlyStoppingState::default(), None)),
            reduce_lr: options.reduce_lr_on_plateau.map(|r| (r, PlateauState::default())),
            stopped_early: false,
            restored_epoch: None,
            x,
            y,
            val,
            epochs: options.epochs,
            batch_size: options.batch_size,
            shuffle: options.shuffle,
            ws,
            seed: options.seed,
            replica: Replica::default(),
            epoch_begun: false,
            epoch: 0,
            batch: 0,
            steps_taken: 0,
            loss_sum: 0.0,
            correct,
            seen: 0,
            epoch_start_ms: 0.0,
            history: History::default(),
        })
    }

    /// Steps in an epoch: `⌈rows / batch_size⌉`.
    pub fn steps_per_epoch(&self) -> usize {
        self.x.nrows().div_ceil(self.batch_size)
    }

    /// Epochs asked for.
    pub fn epochs(&self) -> usize {
        self.epochs
    }

    /// Rows trained on per epoch (after any validation split).
    pub fn train_rows(&self) -> usize {
        self.x.nrows()
    }

    /// The loss the fit minimises.
    pub fn loss(&self) -> Loss {
        self.loss
    }

    /// Whether every epoch has run.
    pub fn is_finished(&self) -> bool {
        self.epoch >= self.epochs
    }

    /// The model as trained so far (after a divergence: as it was at the last good epoch).
    pub fn model(&self) -> &Sequential {
        &self.model
    }

    /// The finished epochs' logs.
    pub fn history(&self) -> &History {
        &self.history
    }

    /// The rows the model trains on (without any rows `validation_split` held out), and their labels.
    pub fn training_data(&self) -> (&Array2<f32>, &Array2<f32>) {
        (&self.x, &self.y)
    }

    /// The rows each epoch validates on (`validation_data`, or those `validation_split` held
    /// out), and their labels; `None` without validation.
    pub fn validation_data(&self) -> Option<(&Array2<f32>, &Array2<f32>)> {
        self.val.as_ref().map(|(x, y)| (x, y))
    }

    /// Whether `EarlyStopping` ended the fit before its last epoch.
    pub fn stopped_early(&self) -> bool {
        self.stopped_early
    }

    /// With `restore_best_weights`, the epoch (from 1) whose weights the model ended with.
    pub fn restored_epoch(&self) -> Option<usize> {
        self.restored_epoch
    }

    /// The learning rate the next step uses: the schedule's, times any plateau reductions.
    pub fn learning_rate(&self) -> f32 {
        self.optimizer.learning_rate().at(self.steps_taken) * self.lr_factor
    }

    /// Runs batches until the fit ends or `cancel` is set (checked between batches), handing
    /// each step's progress to `on_progress`. Stopping so loses nothing: call again to go on.
    pub fn run(
        &mut self,
        cancel: &AtomicBool,
        now: impl Fn() -> f64,
        mut on_progress: impl FnMut(&Progress),
    ) -> Result<(), NnError> {
        while !self.is_finished() && !cancel.load(Ordering::Relaxed) {
            on_progress(&self.step(&now)?);
        }
        Ok(())
    }

    /// Runs the next batch. `now` reads a clock in milliseconds (the caller's: the engine knows
    /// no browser). After the last epoch it does nothing and returns the last epoch's logs again.
    pub fn step(&mut self, now: impl Fn() -> f64) -> Result<Progress, NnError> {
        if let Some(done) = self.finished_progress() {
            return Ok(done);
        }
        let batch = self.begin_batch(&now);
        let rows = batch.len();
        let (loss_sum, correct) = self.backprop_rows(batch, 0, rows);
        self.update_and_log(loss_sum, correct, rows, now)
    }

    /// After the last epoch: the last epoch's logs again.
    pub(crate) fn finished_progress(&self) -> Option<Progress> {
        self.is_finished().then(|| Progress::Epoch(self.history.epochs.last().copied().unwrap_or_default()))
    }

    /// The current batch's rows, as a range of the shuffled order. An epoch's first batch first
    /// reads the clock and reshuffles the rows, once however often it is asked (a replica asks
    /// in both halves of a step).
    pub(crate) fn begin_batch(&mut self, now: &impl Fn() -> f64) -> Range<usize> {
        if !self.epoch_begun {
            self.epoch_begun = true;
            self.epoch_start_ms = now();
            if self.shuffle {
                self.order.shuffle(&mut self.rng);
            }
        }
        let start = self.batch * self.batch_size;
        start..start + self.batch_size.min(self.x.nrows() - start)
    }

    /// Copies the rows `order[rows]` into the batch buffers and runs forward and backward on
    /// them, the loss' mean taken over `batch_rows` rows, Dropout's masks those of the batch's
    /// rows from `first_row` on. Returns the rows' loss sum and how many they predicted right.
    pub(crate) fn backprop_rows(
        &mut self,
        rows: Range<usize>,
        first_row: usize,
        batch_rows: usize,
    ) -> (f64, Option<usize>) {
        let (d, k) = (self.x.ncols(), self.y.ncols());
        let (xs, ys) = (self.x.as_slice().expect("standard layout"), self.y.as_slice().expect("standard layout"));
        let n = rows.len();
        part(Part::Batch, || {
            for (r, &i) in self.order[rows].iter().enumerate() {
                self.xb[r * d..(r + 1) * d].copy_from_slice(&xs[i * d..(i + 1) * d]);
                self.yb[r * k..(r + 1) * k].copy_from_slice(&ys[i * k..(i + 1) * k]);
            }
        });
        self.ws.masks = MaskKey { seed: self.seed, step: self.steps_taken, first_row };
        self.model.backprop(&mut self.ws, &self.xb, &self.yb, n, batch_rows, self.loss)
    }

    /// Every trainable tensor's gradient from the last [`Self::backprop_rows`], flat, in the
    /// optimizer's order.
    pub(crate) fn gradients_into(&self, out: &mut [f32]) {
        self.ws.gradients_into(out)
    }

    /// Sets every trainable tensor's gradient from `flat` (in the optimizer's order).
    pub(crate) fn gradients_from(&mut self, flat: &[f32]) {
        self.ws.gradients_from(flat)
    }

    /// The second half of a step, once the batch's gradients are in the workspace: the update at
    /// this step's learning rate, then the logs of a batch of `rows` rows whose loss summed to
    /// `loss_sum` (without the penalty) with `correct` right, the epoch's end, the callbacks and
    /// the checks for NaN.
    pub(crate) fn update_and_log(
        &mut self,
        loss_sum: f64,
        correct: Option<usize>,
        rows: usize,
        now: impl Fn() -> f64,
    ) -> Result<Progress, NnError> {
        let lr = self.learning_rate();
        let penalty = self.model.penalty();
        self.model.update(&mut self.ws, &mut self.optimizer, lr);
        let loss_sum = loss_sum + penalty * rows as f64;
        self.steps_taken += 1;
        self.batch += 1;
        if !loss_sum.is_finite() {
            return Err(self.diverged());
        }
        self.loss_sum += loss_sum;
        self.correct = self.correct.zip(correct).map(|(a, b)| a + b);
        self.seen += rows;
        let steps = self.steps_per_epoch();
        let per_row = if self.loss == Loss::BinaryCrossentropy { self.y.ncols() } else { 1 };
        let loss = self.loss_sum / self.seen as f64;
        let accuracy = self.correct.map(|c| c as f64 / (self.seen * per_row) as f64);
        if self.batch < steps {
            let elapsed_ms = now() - self.epoch_start_ms;
            let logs = BatchLogs {
                epoch: self.epoch + 1,
                batch: self.batch,
                steps,
                loss,
                accuracy,
                learning_rate: lr,
                elapsed_ms,
            };
            return Ok(Progress::Batch(logs));
        }
        self.end_epoch(steps, loss, accuracy, lr, now)
    }

    /// Ends the fit after a NaN or infinity: back to the last good epoch's weights.
    fn diverged(&mut self) -> NnError {
        let error = NnError::Diverged { epoch: self.epoch + 1, batch: self.batch };
        self.model.clone_from(&self.last_good);
        self.epoch = self.epochs;
        error
    }

    fn end_epoch(
        &mut self,
        steps: usize,
        loss: f64,
        accuracy: Option<f64>,
        lr: f32,
        now: impl Fn() -> f64,
    ) -> Result<Progress, NnError> {
        let val = match &self.val {
            Some((vx, vy)) if vx.nrows() > 0 => Some(self.model.evaluate(vx, vy, self.loss, self.batch_size)?),
            _ => None,
        };
        if !self.model.is_finite() || val.is_some_and(|v| !v.loss.is_finite()) {
            return Err(self.diverged());
        }
        let logs = EpochLogs {
            epoch: self.epoch + 1,
            steps,
            loss,
            accuracy,
            val_loss: val.map(|v| v.loss),
            val_accuracy: val.and_then(|v| v.accuracy),
            learning_rate: lr,
            elapsed_ms: now() - self.epoch_start_ms,
        };
        self.history.epochs.push(logs);
        self.last_good.clone_from(&self.model);
        self.epoch += 1;
        self.batch = 0;
        self.epoch_begun = false;
        (self.loss_sum, self.seen) = (0.0, 0);
        self.correct = self.correct.map(|_| 0);
        self.callbacks(&logs);
        Ok(Progress::Epoch(logs))
    }

    /// `ReduceLROnPlateau` and `EarlyStopping`, in Keras' order of `callbacks=[…]` as the page
    /// builds it.
    fn callbacks(&mut self, logs: &EpochLogs) {
        let lr = self.learning_rate();
        if let Some((rule, state)) = &mut self.reduce_lr {
            if let Some(new_lr) = rule.check(state, logs, lr) {
                self.lr_factor *= new_lr / lr;
            }
        }
        if let Some((rule, state, best)) = &mut self.early_stopping {
            match rule.check(state, logs) {
                Verdict::Continue => {}
                Verdict::Best if rule.restore_best_weights => *best = Some((logs.epoch, self.model.clone())),
                Verdict::Best => {}
                Verdict::Stop => {
                    self.stopped_early = self.epoch < self.epochs;
                    self.epoch = self.epochs;
                }
            }
            if self.epoch >= self.epochs {
                if let Some((epoch, best)) = best.take() {
                    self.model = best;
                    self.restored_epoch = Some(epoch);
                }
            }
        }
    }
}
