//! The training worker: a thin adapter between the page's messages and the engine.
//!
//! It keeps the dataset and the running [`Training`], and trains in slices of about
//! [`SLICE_MS`] milliseconds, each slice a task of its own (queued through a `MessageChannel`),
//! so that a `Stop` from the page is read between two slices. Batch logs are posted at most
//! every [`POST_EVERY_MS`] milliseconds (an epoch's end always), which keeps message traffic
//! independent of how small the batches are.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageChannel, MessageEvent, MessagePort};

use crate::data::{generate, train_test_split, Dataset, GeneratorSpec};
use crate::nn::{kernels, FitOptions, NnError, Progress, Sequential, Training, Validation};
use crate::protocol::{DataSummary, FromWorker, RunInfo, TestLogs, ToWorker, TrainSpec};

/// Training runs this long before the worker yields to read its messages.
const SLICE_MS: f64 = 25.0;
/// Batch logs are posted at most this often.
const POST_EVERY_MS: f64 = 40.0;
/// Rows shown in the data preview.
const PREVIEW_ROWS: usize = 5;
/// Rows drawn in the scatter plot of 2-feature data.
const SCATTER_ROWS: usize = 1000;

/// A fit in progress and what its end needs.
struct Run {
    training: Training,
    test: Dataset,
    spec: TrainSpec,
    last_post_ms: f64,
}

struct Worker {
    scope: DedicatedWorkerGlobalScope,
    wake: MessagePort,
    data: Option<Dataset>,
    run: Option<Run>,
    /// The last fully trained model, for `Predict`.
    trained: Option<Sequential>,
}

/// Starts the worker: installs its message handler and posts [`FromWorker::Ready`].
pub fn start() {
    console_error_panic_hook::set_once();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let channel = MessageChannel::new().expect("MessageChannel exists in workers");
    let worker = Rc::new(RefCell::new(Worker {
        scope: scope.clone(),
        wake: channel.port2(),
        data: None,
        run: None,
        trained: None,
    }));

    let handler = worker.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let text = event.data().as_string().unwrap_or_default();
        match serde_json::from_str::<ToWorker>(&text) {
            Ok(message) => handler.borrow_mut().handle(message),
            Err(e) => handler
                .borrow()
                .post(&FromWorker::Failed { message: format!("the worker got a message it cannot read: {e}") }),
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();

    let pumped = worker.clone();
    let on_wake = Closure::<dyn FnMut()>::new(move || pumped.borrow_mut().pump());
    channel.port1().set_onmessage(Some(on_wake.as_ref().unchecked_ref()));
    on_wake.forget();

    worker.borrow().post(&FromWorker::Ready { simd: kernels::SIMD });
}

impl Worker {
    fn post(&self, message: &FromWorker) {
        let text = serde_json::to_string(message).expect("messages serialise");
        // Posting a string to the page cannot fail.
        let _ = self.scope.post_message(&JsValue::from_str(&text));
    }

    fn now(&self) -> f64 {
        self.scope.performance().map(|p| p.now()).unwrap_or(0.0)
    }

    fn handle(&mut self, message: ToWorker) {
        match message {
            ToWorker::Generate(spec) => self.generate(spec),
            ToWorker::Train(spec) => match self.begin(spec) {
                Ok(()) => self.schedule(),
                Err(e) => self.post(&FromWorker::Failed { message: e.to_string() }),
            },
            ToWorker::Stop => {
                if self.run.take().is_some() {
                    self.post(&FromWorker::Stopped);
                }
            }
            ToWorker::Predict(row) => self.predict(row),
        }
    }

    fn generate(&mut self, spec: GeneratorSpec) {
        self.run = None;
        let data = generate(&spec);
        let preview = (0..data.rows().min(PREVIEW_ROWS))
            .map(|i| data.x.row(i).iter().chain(data.y.row(i).iter()).copied().collect())
            .collect();
        let points = if data.features() == 2 {
            (0..data.rows().min(SCATTER_ROWS)).map(|i| [data.x[[i, 0]], data.x[[i, 1]], data.y[[i, 0]]]).collect()
        } else {
            Vec::new()
        };
        let summary = DataSummary {
            generator: spec.generator,
            label_noise: spec.label_noise,
            rows: data.rows(),
            features: data.features(),
            class_counts: data.class_counts(),
            preview,
            points,
        };
        self.data = Some(data);
        self.post(&FromWorker::Data(summary));
    }

    /// Splits the data, builds the model and the fit; a running fit is replaced.
    fn begin(&mut self, spec: TrainSpec) -> Result<(), NnError> {
        self.run = None;
        let data = self.data.as_ref().ok_or(NnError::NoRows)?;
        let (train, test) = train_test_split(data, spec.test_size, spec.seed);
        let model = Sequential::new(data.features(), &spec.layers, spec.seed)?;
        let info_summary = model.summary();
        let options = FitOptions {
            epochs: spec.epochs,
            batch_size: spec.batch_size,
            validation: Validation::Data(test.x.clone(), test.y.clone()),
            seed: spec.seed,
            ..Default::default()
        };
        let training = Training::new(model, spec.loss, spec.optimizer, train.x, train.y, options)?;
        self.post(&FromWorker::Started(RunInfo {
            summary: info_summary,
            epochs: training.epochs(),
            steps: training.steps_per_epoch(),
            train_rows: training.train_rows(),
            test_rows: test.rows(),
        }));
        self.run = Some(Run { training, test, spec, last_post_ms: f64::NEG_INFINITY });
        Ok(())
    }

    /// Queues the next slice behind any message already waiting.
    fn schedule(&self) {
        let _ = self.wake.post_message(&JsValue::NULL);
    }

    /// Trains for one slice, posting logs; then queues the next slice, or ends the run.
    fn pump(&mut self) {
        let Some(mut run) = self.run.take() else { return };
        let scope = self.scope.clone();
        let now = move || scope.performance().map(|p| p.now()).unwrap_or(0.0);
        let slice_end = now() + SLICE_MS;
        loop {
            match run.training.step(&now) {
                Ok(Progress::Batch(logs)) => {
                    let t = now();
                    if t - run.last_post_ms >= POST_EVERY_MS {
                        run.last_post_ms = t;
                        self.post(&FromWorker::Batch(logs));
                    }
                }
                Ok(Progress::Epoch(logs)) => {
                    run.last_post_ms = now();
                    self.post(&FromWorker::Epoch(logs));
                }
                Err(e) => return self.post(&FromWorker::Failed { message: e.to_string() }),
            }
            if run.training.is_finished() {
                return self.evaluate(&run);
            }
            if now() >= slice_end {
                break;
            }
        }
        self.run = Some(run);
        self.schedule();
    }

    /// `model.predict` on one row with the last trained model.
    fn predict(&self, row: Vec<f32>) {
        let Some(model) = &self.trained else {
            return self.post(&FromWorker::Failed { message: "train a model before asking it to predict".into() });
        };
        let x = ndarray::Array2::from_shape_vec((1, row.len()), row).expect("one row of its own length");
        match model.predict(&x) {
            Ok(out) => self.post(&FromWorker::Prediction(out.iter().copied().collect())),
            Err(e) => self.post(&FromWorker::Failed { message: e.to_string() }),
        }
    }

    /// `model.evaluate(X_test, y_test)` at the end of a fit.
    fn evaluate(&mut self, run: &Run) {
        self.trained = Some(run.training.model().clone());
        let start = self.now();
        let batch = run.spec.batch_size;
        match run.training.model().evaluate(&run.test.x, &run.test.y, run.spec.loss, batch) {
            Ok(e) => self.post(&FromWorker::Evaluated(TestLogs {
                steps: run.test.rows().div_ceil(batch),
                loss: e.loss,
                accuracy: e.accuracy,
                elapsed_ms: self.now() - start,
            })),
            Err(e) => self.post(&FromWorker::Failed { message: e.to_string() }),
        }
    }
}
