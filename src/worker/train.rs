//! The worker's fit: prepared by [`crate::trainer`], stepped here in time slices with the logs
//! posted, evaluated on the test split at the end; and predictions with the last model.

use super::exchange::{Exchange, Step};
use super::insight::Insight;
use super::{Worker, POST_EVERY_MS, SLICE_MS};
use crate::nn::{Progress, Sequential};
use crate::protocol::{Failure, FromWorker, TestLogs, TrainSpec, WorkerProblem};
use crate::trainer::{
    evaluate_run, judge, plan, predict_row, prepare_run, time_one_step, Encoding, PreparedRun, Workers,
};

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
    /// With several workers: the gradients' exchange (this is replica 0), and which of the
    /// helpers share the fit.
    exchange: Option<(Exchange, Vec<usize>)>,
    /// When the step under way began (a step of several workers may wait across slices).
    step_began: Option<f64>,
    /// Several workers on trial: they share the fit, and how fast its first steps went.
    trial: Option<Trial>,
}

/// The first steps of a fit on several workers, timed to see whether they pay ([`judge`]).
struct Trial {
    workers: Workers,
    /// Steps timed, and their milliseconds: not the first (it waits for the other workers to
    /// make their fits), nor an epoch's last (its validation is not shared out).
    steps: usize,
    ms: f64,
    /// Whether the first step has been taken.
    begun: bool,
}

/// The last fully trained model, for `Predict`, with how a file's rows become its input.
pub(super) type Trained = (Sequential, Option<Encoding>);

impl Worker {
    /// Prepares the fit of `spec` on the kept data; a running fit is replaced.
    pub(super) fn begin(&mut self, spec: TrainSpec) -> Result<(), Failure> {
        self.run = None;
        let data = self.source.as_ref().ok_or(Failure::Worker(WorkerProblem::NoData))?;
        let mut prepared = prepare_run(data, &spec).map_err(Failure::Engine)?;
        let scaler = prepared.encoding.as_ref().map(|(_, scaler)| scaler);
        let insight = Insight::new(data.dataset(), scaler, spec.loss);
        self.post(&FromWorker::Started(prepared.info.clone()));

        // Several workers where the browser lends them and a step is long enough to share.
        let training = &prepared.training;
        let batch_rows = spec.batch_size.min(training.train_rows());
        let now = || self.now();
        let step_ms = || time_one_step(training, &spec, now).unwrap_or(0.0);
        let workers = plan(self.helpers.available(), training.replicable(), step_ms, batch_rows);
        let (mut exchange, mut trial) = (None, None);
        if workers.count > 1 {
            let training = prepared.training.replica(0, workers.count).expect("the plan checked the fit can be shared");
            prepared = PreparedRun { training, ..prepared };
            let shared = Exchange::new(workers.count, prepared.training.model().param_count());
            let sharing = self.helpers.send(&prepared.training, &spec, &shared);
            exchange = Some((shared, sharing));
            trial = Some(Trial { workers: workers.clone(), steps: 0, ms: 0.0, begun: false });
        }
        self.post(&FromWorker::Workers(workers));
        let (last_post_ms, paused, idle, step_began) = (f64::NEG_INFINITY, false, false, None);
        self.run = Some(Run { prepared, spec, last_post_ms, paused, idle, insight, exchange, step_began, trial });
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
            let step_start = *run.step_began.get_or_insert_with(&now);
            let training = &mut run.prepared.training;
            let stepped = match &mut run.exchange {
                None => training.step(&now),
                Some((exchange, sharing)) => match exchange.step(training, &now, Some((slice_end - now()).max(0.0))) {
                    Step::Done(progress) => progress,
                    Step::Waiting => match self.helpers.lost(sharing) {
                        Some(detail) => return self.fail(Failure::Worker(WorkerProblem::HelperLost { detail })),
                        None => break,
                    },
                    Step::Stopped => return self.fail(Failure::Worker(WorkerProblem::HelperLost { detail: None })),
                },
            };
            run.step_began = None;
            if let Some(trial) = &mut run.trial {
                if trial.begun && matches!(stepped, Ok(Progress::Batch(_))) {
                    (trial.steps, trial.ms) = (trial.steps + 1, trial.ms + (now() - step_start));
                }
                trial.begun = true;
                if let Some(judged) = judge(&trial.workers, trial.steps, trial.ms) {
                    // Not faster than one: the others stop, and this worker goes on alone
                    // (it holds the whole fit, as every replica does).
                    if judged.count == 1 {
                        run.exchange = None;
                    }
                    run.trial = None;
                    self.post(&FromWorker::Workers(judged));
                }
            }
            let training = &mut run.prepared.training;
            match stepped {
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
