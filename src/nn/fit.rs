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
//!   computed before its update; `val_*` are computed after the epoch's last update.
//!
//! ```
//! use mlp_lab::data::seed_example;
//! use mlp_lab::nn::{Activation, Adam, DenseConfig, FitOptions, Loss, Progress, Sequential, Training};
//! let data = seed_example(100, 3, 7);
//! let model = Sequential::new(3, &[DenseConfig { units: 1, activation: Activation::Sigmoid, ..Default::default() }], 1).unwrap();
//! let options = FitOptions { epochs: 2, batch_size: 32, ..Default::default() };
//! let mut fit = Training::new(model, Loss::BinaryCrossentropy, Adam::default(), data.x, data.y, options).unwrap();
//! let mut steps = 0;
//! while !fit.is_finished() {
//!     if let Progress::Batch(_) = fit.step(|| 0.0).unwrap() { steps += 1 }
//! }
//! assert_eq!(steps, 2 * 3); // ⌈100 / 32⌉ = 4 steps an epoch; the 4th ends it
//! assert_eq!(fit.history().epochs.len(), 2);
//! ```

use ndarray::{s, Array2};
use rand::seq::SliceRandom;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

use super::model::Workspace;
use super::{Adam, AdamState, Loss, NnError, Sequential};

/// Where validation figures come from.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Validation {
    /// No validation.
    #[default]
    None,
    /// Keras' `validation_split`: this fraction of the rows, taken from the end.
    Split(f64),
    /// Keras' `validation_data=(x, y)`.
    Data(Array2<f32>, Array2<f32>),
}

/// `fit`'s options; the defaults are Keras'.
#[derive(Debug, Clone, PartialEq)]
pub struct FitOptions {
    /// Passes over the training rows. Keras' default: 1.
    pub epochs: usize,
    /// Rows per gradient step. Keras' default: 32.
    pub batch_size: usize,
    /// Reshuffle the training rows each epoch. Keras' default: true.
    pub shuffle: bool,
    /// Validation source. Keras' default: none.
    pub validation: Validation,
    /// Seed of the shuffles.
    pub seed: u64,
}

impl Default for FitOptions {
    fn default() -> Self {
        Self { epochs: 1, batch_size: 32, shuffle: true, validation: Validation::None, seed: 42 }
    }
}

/// Logs after a batch: the epoch's running means so far.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct BatchLogs {
    /// Epoch, from 1.
    pub epoch: usize,
    /// Batch within the epoch, from 1.
    pub batch: usize,
    /// Steps in an epoch.
    pub steps: usize,
    /// Mean loss per sample over the epoch's batches so far.
    pub loss: f64,
    /// Accuracy over the epoch's batches so far.
    pub accuracy: f64,
    /// Milliseconds since the epoch began.
    pub elapsed_ms: f64,
}

/// Logs after an epoch, as in Keras' `History.history`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct EpochLogs {
    /// Epoch, from 1.
    pub epoch: usize,
    /// Steps the epoch took.
    pub steps: usize,
    /// Mean training loss per sample.
    pub loss: f64,
    /// Training accuracy.
    pub accuracy: f64,
    /// Validation loss, when there is validation.
    pub val_loss: Option<f64>,
    /// Validation accuracy, when there is validation.
    pub val_accuracy: Option<f64>,
    /// Milliseconds the epoch took, validation included.
    pub elapsed_ms: f64,
}

/// What one [`Training::step`] did.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Progress {
    /// A batch inside an epoch.
    Batch(BatchLogs),
    /// The last batch of an epoch, and the epoch's figures.
    Epoch(EpochLogs),
}

/// Keras' `History`: one entry per finished epoch.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct History {
    /// Each epoch's logs, in order.
    pub epochs: Vec<EpochLogs>,
}

/// A fit in progress.
#[derive(Debug, Clone)]
pub struct Training {
    model: Sequential,
    last_good: Sequential,
    loss: Loss,
    adam: Adam,
    state: AdamState,
    x: Array2<f32>,
    y: Array2<f32>,
    val: Option<(Array2<f32>, Array2<f32>)>,
    epochs: usize,
    batch_size: usize,
    shuffle: bool,
    rng: ChaCha8Rng,
    order: Vec<usize>,
    ws: Workspace,
    xb: Vec<f32>,
    yb: Vec<f32>,
    epoch: usize,
    batch: usize,
    loss_sum: f64,
    correct: usize,
    seen: usize,
    epoch_start_ms: f64,
    history: History,
}

impl Training {
    /// Checks the data and options, holds out the validation rows, and prepares every buffer.
    pub fn new(
        model: Sequential,
        loss: Loss,
        adam: Adam,
        x: Array2<f32>,
        y: Array2<f32>,
        options: FitOptions,
    ) -> Result<Self, NnError> {
        model.check_data(&x, &y, loss)?;
        if options.epochs == 0 {
            return Err(NnError::BadOption { name: "epochs", reason: "must be at least 1".into() });
        }
        if options.batch_size == 0 {
            return Err(NnError::BadOption { name: "batch_size", reason: "must be at least 1".into() });
        }
        let (x, y, val) = match options.validation {
            Validation::None => (x, y, None),
            Validation::Split(f) => {
                if !(f > 0.0 && f < 1.0) {
                    return Err(NnError::BadOption {
                        name: "validation_split",
                        reason: format!("{f} is not between 0 and 1"),
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
        let ws = Workspace::new(&model, capacity);
        let state = AdamState::new(model.tensor_sizes());
        Ok(Self {
            last_good: model.clone(),
            xb: vec![0.0; capacity * x.ncols()],
            yb: vec![0.0; capacity * y.ncols()],
            order: (0..x.nrows()).collect(),
            rng: ChaCha8Rng::seed_from_u64(options.seed),
            model,
            loss,
            adam,
            state,
            x,
            y,
            val,
            epochs: options.epochs,
            batch_size: options.batch_size,
            shuffle: options.shuffle,
            ws,
            epoch: 0,
            batch: 0,
            loss_sum: 0.0,
            correct: 0,
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

    /// Runs the next batch. `now` reads a clock in milliseconds (the caller's: the engine knows
    /// no browser). After the last epoch it does nothing and returns the last epoch's logs again.
    pub fn step(&mut self, now: impl Fn() -> f64) -> Result<Progress, NnError> {
        if self.is_finished() {
            let last = *self.history.epochs.last().expect("a finished fit has epochs");
            return Ok(Progress::Epoch(last));
        }
        if self.batch == 0 {
            self.epoch_start_ms = now();
            if self.shuffle {
                self.order.shuffle(&mut self.rng);
            }
        }
        let steps = self.steps_per_epoch();
        let start = self.batch * self.batch_size;
        let rows = self.batch_size.min(self.x.nrows() - start);
        let (d, k) = (self.x.ncols(), self.y.ncols());
        let (xs, ys) = (self.x.as_slice().expect("standard layout"), self.y.as_slice().expect("standard layout"));
        for (r, &i) in self.order[start..start + rows].iter().enumerate() {
            self.xb[r * d..(r + 1) * d].copy_from_slice(&xs[i * d..(i + 1) * d]);
            self.yb[r * k..(r + 1) * k].copy_from_slice(&ys[i * k..(i + 1) * k]);
        }
        let (loss_sum, correct) =
            self.model.train_step(&mut self.ws, &self.xb, &self.yb, rows, self.loss, &self.adam, &mut self.state);
        self.batch += 1;
        if !loss_sum.is_finite() {
            let error = NnError::Diverged { epoch: self.epoch + 1, batch: self.batch };
            self.model = self.last_good.clone();
            self.epoch = self.epochs; // finished: nothing more to do
            return Err(error);
        }
        self.loss_sum += loss_sum;
        self.correct += correct;
        self.seen += rows;
        let (loss, accuracy) = (self.loss_sum / self.seen as f64, self.correct as f64 / (self.seen * k) as f64);
        if self.batch < steps {
            let elapsed_ms = now() - self.epoch_start_ms;
            return Ok(Progress::Batch(BatchLogs {
                epoch: self.epoch + 1,
                batch: self.batch,
                steps,
                loss,
                accuracy,
                elapsed_ms,
            }));
        }
        self.end_epoch(steps, loss, accuracy, now)
    }

    fn end_epoch(
        &mut self,
        steps: usize,
        loss: f64,
        accuracy: f64,
        now: impl Fn() -> f64,
    ) -> Result<Progress, NnError> {
        let val = match &self.val {
            Some((vx, vy)) if vx.nrows() > 0 => Some(self.model.evaluate(vx, vy, self.loss, self.batch_size)?),
            _ => None,
        };
        let weights_finite = self.model.layers.iter().all(|l| l.kernel.iter().chain(&l.bias).all(|w| w.is_finite()));
        if !weights_finite || val.is_some_and(|v| !v.loss.is_finite()) {
            let error = NnError::Diverged { epoch: self.epoch + 1, batch: steps };
            self.model = self.last_good.clone();
            self.epoch = self.epochs;
            return Err(error);
        }
        let logs = EpochLogs {
            epoch: self.epoch + 1,
            steps,
            loss,
            accuracy,
            val_loss: val.map(|v| v.loss),
            val_accuracy: val.map(|v| v.accuracy),
            elapsed_ms: now() - self.epoch_start_ms,
        };
        self.history.epochs.push(logs);
        self.last_good.clone_from(&self.model);
        self.epoch += 1;
        self.batch = 0;
        (self.loss_sum, self.correct, self.seen) = (0.0, 0, 0);
        Ok(Progress::Epoch(logs))
    }
}
