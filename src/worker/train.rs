//! The worker's fit: split, build, train in slices, evaluate on the test split, predict.

use super::data::Source;
use super::insight::Insight;
use super::{Worker, POST_EVERY_MS, SLICE_MS};
use crate::data::{train_test_split, Dataset, Scaler, Schema};
use crate::i18n::{Bilingual, Localize};
use crate::nn::Loss;
use crate::nn::{FitOptions, NnError, Progress, Sequential, Training, Validation};
use crate::protocol::{FromWorker, RunInfo, TestLogs, TrainSpec, ValidationSource};

/// A fit in progress and what its end needs.
pub(super) struct Run {
    training: Training,
    test: Dataset,
    spec: TrainSpec,
    last_post_ms: f64,
    /// For a file: how its rows become the model's input (kept with the model).
    encoding: Option<(Schema, Scaler)>,
    /// Paused on request: no slice runs until `Resume`.
    pub(super) paused: bool,
    /// Paused, and the queued slice has seen it: `Resume` must queue the next one.
    pub(super) idle: bool,
    /// Speed and decision boundary.
    insight: Insight,
}

impl Worker {
    /// Splits the data, builds the model and the fit; a running fit is replaced.
    pub(super) fn begin(&mut self, spec: TrainSpec) -> Result<(), NnError> {
        self.run = None;
        let source = self.source.as_ref().ok_or(NnError::NoRows)?;
        let (train, test, encoding, notes) = match source {
            Source::Generated(data) => {
                let (train, test) = train_test_split(data, spec.test_size, spec.seed);
                (train, test, None, Vec::new())
            }
            Source::File(prepared) => {
                let split = prepared.split(spec.test_size, spec.seed);
                (split.train, split.test, Some((prepared.schema.clone(), split.scaler)), split.notes)
            }
        };
        let (mut train, mut test) = (train, test);
        if spec.loss == Loss::CategoricalCrossentropy {
            // Keras' `to_categorical`: this loss takes one-hot rows, the data holds class ids.
            let classes = spec.layers.last().map_or(1, |l| l.units);
            (train.y, test.y) = (one_hot(&train.y, classes), one_hot(&test.y, classes));
        }
        let model = Sequential::new(source.dataset().features(), &spec.layers, spec.seed)?;
        let summary = model.summary();
        let options = FitOptions {
            epochs: spec.epochs,
            batch_size: spec.batch_size,
            validation: match spec.validation {
                ValidationSource::TestSplit => Validation::Data(test.x.clone(), test.y.clone()),
                ValidationSource::Split(f) => Validation::Split(f),
                ValidationSource::None => Validation::None,
            },
            seed: spec.seed,
            schedule: spec.schedule.clone(),
            early_stopping: spec.early_stopping,
            ..Default::default()
        };
        let insight = Insight::new(source.dataset(), encoding.as_ref().map(|(_, scaler)| scaler), spec.loss);
        let training = Training::new(model, spec.loss, spec.optimizer, train.x, train.y, options)?;
        self.post(&FromWorker::Started(RunInfo {
            summary,
            epochs: training.epochs(),
            steps: training.steps_per_epoch(),
            train_rows: training.train_rows(),
            test_rows: test.rows(),
            notes,
        }));
        self.run = Some(Run {
            training,
            test,
            spec,
            last_post_ms: f64::NEG_INFINITY,
            encoding,
            paused: false,
            idle: false,
            insight,
        });
        Ok(())
    }

    /// Trains for one slice, posting logs; then queues the next slice, or ends the run.
    pub(super) fn pump_run(&mut self) {
        let Some(mut run) = self.run.take() else { return };
        if run.paused {
            run.idle = true;
            self.run = Some(run);
            return;
        }
        let scope = self.scope.clone();
        let now = move || scope.performance().map(|p| p.now()).unwrap_or(0.0);
        let slice_end = now() + SLICE_MS;
        loop {
            let step_start = now();
            match run.training.step(&now) {
                Ok(Progress::Batch(logs)) => {
                    let t = now();
                    run.insight.step_took(&run.training, run.spec.batch_size, logs.batch, t - step_start);
                    if t - run.last_post_ms >= POST_EVERY_MS {
                        run.last_post_ms = t;
                        self.post(&FromWorker::Batch(logs));
                        self.post_speed(&run.insight);
                    }
                }
                Ok(Progress::Epoch(logs)) => {
                    run.last_post_ms = now();
                    run.insight.step_took(
                        &run.training,
                        run.spec.batch_size,
                        logs.steps,
                        run.last_post_ms - step_start,
                    );
                    self.post(&FromWorker::Epoch(logs));
                    self.post_speed(&run.insight);
                }
                Err(e) => return self.fail(e),
            }
            let finished = run.training.is_finished();
            self.post_boundary(&mut run.insight, run.training.model(), now(), finished);
            if finished {
                return self.evaluate(&run);
            }
            if now() >= slice_end {
                break;
            }
        }
        self.run = Some(run);
        self.schedule();
    }

    /// `model.evaluate(X_test, y_test)` at the end of a fit; keeps the model for `Predict`.
    fn evaluate(&mut self, run: &Run) {
        self.trained = Some((run.training.model().clone(), run.encoding.clone()));
        let start = self.now();
        let batch = run.spec.batch_size;
        match run.training.model().evaluate(&run.test.x, &run.test.y, run.spec.loss, batch) {
            Ok(e) => {
                let elapsed_ms = self.now() - start;
                self.post_report(&run.training, run.spec.loss, &run.test);
                self.post(&FromWorker::Evaluated(TestLogs {
                    steps: run.test.rows().div_ceil(batch),
                    loss: e.loss,
                    accuracy: e.accuracy,
                    elapsed_ms,
                }))
            }
            Err(e) => self.fail(e),
        }
    }

    /// `model.predict` on one row with the last trained model: a file's row is encoded and
    /// scaled as the training rows were.
    pub(super) fn predict(&self, cells: Vec<String>) {
        let Some((model, encoding)) = &self.trained else {
            return self.post(&FromWorker::Prediction(Err(Bilingual::text(|t| t.worker.not_trained))));
        };
        let row = match encoding {
            Some((schema, scaler)) => {
                let values: Vec<&str> = cells.iter().map(String::as_str).collect();
                schema.encode_row(&values).map_err(|e| e.bilingual()).and_then(|row| {
                    let mut x =
                        ndarray::Array2::from_shape_vec((1, row.len()), row).expect("one row of its own length");
                    scaler.transform(&mut x).map_err(|e| e.bilingual())?;
                    Ok(x)
                })
            }
            None => cells
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    c.trim()
                        .parse::<f32>()
                        .map_err(|_| Bilingual::filled(|t| t.worker.not_a_number, &[("n", &(i + 1)), ("value", c)]))
                })
                .collect::<Result<Vec<f32>, Bilingual>>()
                .map(|row| ndarray::Array2::from_shape_vec((1, row.len()), row).expect("one row of its own length")),
        };
        let outputs = row.and_then(|x| model.predict(&x).map_err(|e| e.bilingual()));
        self.post(&FromWorker::Prediction(outputs.map(|out| out.iter().copied().collect())));
    }
}

/// Class ids (one column) as one-hot rows of `classes` columns; ids out of range stay all-zero
/// rows, which the loss's label check then reports.
fn one_hot(ids: &ndarray::Array2<f32>, classes: usize) -> ndarray::Array2<f32> {
    let mut out = ndarray::Array2::zeros((ids.nrows(), classes));
    for (i, &c) in ids.column(0).iter().enumerate() {
        if c >= 0.0 && (c as usize) < classes {
            out[[i, c as usize]] = 1.0;
        }
    }
    out
}
