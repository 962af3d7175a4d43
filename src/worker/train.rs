//! The worker's fit: prepared by [`crate::trainer`], stepped here in time slices with the logs
//! posted, evaluated on the test split at the end; and predictions with the last model.

use super::insight::Insight;
use super::{Worker, POST_EVERY_MS, SLICE_MS};
use crate::nn::{Progress, Sequential};
use crate::protocol::{Failure, FromWorker, TestLogs, TrainSpec, WorkerProblem};
use crate::trainer::{evaluate_run, predict_row, prepare_run, Encoding, PreparedRun};

/// A fit in progress and what its end needs.
pub(super) struct Run {
    prepared: PreparedRun,
    spec: TrainSpec,
    last_post_ms: f64,
    /// Paused on request: no slice runs until `Resume`.
    pub(super) paused: bool,
    /// Paused, and the queued slice has seen it: `Resume` must queue the next one.
    pub(super) idle: bool,
    /// Speed and decision boundary.
    insight: Insight,
}

/// The last fully trained model, for `Predict`, with how a file's rows become its input.
pub(super) type Trained = (Sequential, Option<Encoding>);

impl Worker {
    /// Prepares the fit of `spec` on the kept data; a running fit is replaced.
    pub(super) fn begin(&mut self, spec: TrainSpec) -> Result<(), Failure> {
        self.run = None;
        let data = self.source.as_ref().ok_or(Failure::Worker(WorkerProblem::NoData))?;
        let prepared = prepare_run(data, &spec).map_err(Failure::Engine)?;
        let scaler = prepared.encoding.as_ref().map(|(_, scaler)| scaler);
        let insight = Insight::new(data.dataset(), scaler, spec.loss);
        self.post(&FromWorker::Started(prepared.info.clone()));
        self.run = Some(Run { prepared, spec, last_post_ms: f64::NEG_INFINITY, paused: false, idle: false, insight });
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
            let training = &mut run.prepared.training;
            match training.step(&now) {
                Ok(Progress::Batch(logs)) => {
                    let t = now();
                    run.insight.step_took(training, run.spec.batch_size, logs.batch, t - step_start);
                    if t - run.last_post_ms >= POST_EVERY_MS {
                        run.last_post_ms = t;
                        self.post(&FromWorker::Batch(logs));
                        self.post_speed(&run.insight);
                    }
                }
                Ok(Progress::Epoch(logs)) => {
                    run.last_post_ms = now();
                    run.insight.step_took(training, run.spec.batch_size, logs.steps, run.last_post_ms - step_start);
                    self.post(&FromWorker::Epoch(logs));
                    self.post_speed(&run.insight);
                }
                Err(e) => return self.fail(Failure::Engine(e)),
            }
            let finished = run.prepared.training.is_finished();
            self.post_boundary(&mut run.insight, run.prepared.training.model(), now(), finished);
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
        self.trained = Some((run.prepared.training.model().clone(), run.prepared.encoding.clone()));
        let start = self.now();
        match evaluate_run(&run.prepared, run.spec.loss, run.spec.batch_size) {
            Ok((logs, report)) => {
                if let Some(report) = report {
                    self.post(&FromWorker::Report(report));
                }
                self.post(&FromWorker::Evaluated(TestLogs { elapsed_ms: self.now() - start, ..logs }));
            }
            Err(e) => self.fail(Failure::Engine(e)),
        }
    }

    /// `model.predict` on one row with the last trained model.
    pub(super) fn predict(&self, cells: Vec<String>) {
        let outputs = match &self.trained {
            Some((model, encoding)) => predict_row(model, encoding.as_ref(), &cells),
            None => Err(Failure::Worker(WorkerProblem::NotTrained)),
        };
        self.post(&FromWorker::Prediction(outputs));
    }
}
