//! The worker's fit: split, build, train in slices, evaluate on the test split, predict.

use super::data::Source;
use super::{Worker, POST_EVERY_MS, SLICE_MS};
use crate::data::{train_test_split, Dataset, Scaler, Schema};
use crate::nn::{FitOptions, NnError, Progress, Sequential, Training, Validation};
use crate::protocol::{FromWorker, RunInfo, TestLogs, TrainSpec};

/// A fit in progress and what its end needs.
pub(super) struct Run {
    training: Training,
    test: Dataset,
    spec: TrainSpec,
    last_post_ms: f64,
    /// For a file: how its rows become the model's input (kept with the model).
    encoding: Option<(Schema, Scaler)>,
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
        let model = Sequential::new(source.dataset().features(), &spec.layers, spec.seed)?;
        let summary = model.summary();
        let options = FitOptions {
            epochs: spec.epochs,
            batch_size: spec.batch_size,
            validation: Validation::Data(test.x.clone(), test.y.clone()),
            seed: spec.seed,
            ..Default::default()
        };
        let training = Training::new(model, spec.loss, spec.optimizer.clone(), train.x, train.y, options)?;
        self.post(&FromWorker::Started(RunInfo {
            summary,
            epochs: training.epochs(),
            steps: training.steps_per_epoch(),
            train_rows: training.train_rows(),
            test_rows: test.rows(),
            notes,
        }));
        self.run = Some(Run { training, test, spec, last_post_ms: f64::NEG_INFINITY, encoding });
        Ok(())
    }

    /// Trains for one slice, posting logs; then queues the next slice, or ends the run.
    pub(super) fn pump_run(&mut self) {
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
                Err(e) => return self.fail(e),
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

    /// `model.evaluate(X_test, y_test)` at the end of a fit; keeps the model for `Predict`.
    fn evaluate(&mut self, run: &Run) {
        self.trained = Some((run.training.model().clone(), run.encoding.clone()));
        let start = self.now();
        let batch = run.spec.batch_size;
        match run.training.model().evaluate(&run.test.x, &run.test.y, run.spec.loss, batch) {
            Ok(e) => self.post(&FromWorker::Evaluated(TestLogs {
                steps: run.test.rows().div_ceil(batch),
                loss: e.loss,
                accuracy: e.accuracy,
                elapsed_ms: self.now() - start,
            })),
            Err(e) => self.fail(e),
        }
    }

    /// `model.predict` on one row with the last trained model: a file's row is encoded and
    /// scaled as the training rows were.
    pub(super) fn predict(&self, cells: Vec<String>) {
        let Some((model, encoding)) = &self.trained else {
            return self.post(&FromWorker::Prediction(Err("train a model before asking it to predict".into())));
        };
        let row = match encoding {
            Some((schema, scaler)) => {
                let values: Vec<&str> = cells.iter().map(String::as_str).collect();
                schema.encode_row(&values).map_err(|e| e.to_string()).and_then(|row| {
                    let mut x =
                        ndarray::Array2::from_shape_vec((1, row.len()), row).expect("one row of its own length");
                    scaler.transform(&mut x).map_err(|e| e.to_string())?;
                    Ok(x)
                })
            }
            None => cells
                .iter()
                .enumerate()
                .map(|(i, c)| c.trim().parse::<f32>().map_err(|_| format!("value {} (\"{c}\") is not a number", i + 1)))
                .collect::<Result<Vec<f32>, String>>()
                .map(|row| ndarray::Array2::from_shape_vec((1, row.len()), row).expect("one row of its own length")),
        };
        let outputs = row.and_then(|x| model.predict(&x).map_err(|e| e.to_string()));
        self.post(&FromWorker::Prediction(outputs.map(|out| out.iter().copied().collect())));
    }
}
