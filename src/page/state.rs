//! Everything the page shows, as one plain value, and the one function that changes it.
//!
//! ```
//! use mlp_lab::page::{Event, PageState, Phase};
//! use mlp_lab::protocol::FromWorker;
//! let mut page = PageState::default();
//! page.apply(Event::Worker(FromWorker::Ready { simd: true, relaxed: false }));
//! assert_eq!(page.phase, Phase::Ready);
//! ```

use super::{Kernels, Phase};
use crate::console::Console;
use crate::i18n::Bilingual;
use crate::nn::{BatchLogs, BoundaryMap, EpochLogs, EvaluationReport, Speed};
use crate::protocol::{DataSummary, Failure, FromWorker, RunInfo, TestLogs};
use crate::trainer::Workers;

/// A message for the user in the error banner, as facts the page words.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// The worker could not do what it was asked.
    Failed(Failure),
    /// The worker died (a trap, out of memory): the browser's words, when it gave some.
    WorkerStopped {
        /// The browser's message.
        detail: Option<String>,
    },
    /// The worker could not be started.
    WorkerNotStarted {
        /// The browser's error.
        detail: String,
    },
    /// A message the page made itself (a built-in file that did not load, say).
    Said(Bilingual),
}

/// What changes the page: the worker's messages and death, and the user's requests.
#[derive(Debug, Clone, PartialEq)]
#[allow(clippy::large_enum_variant)] // an event lives only until it is applied
pub enum Event {
    /// The worker said something.
    Worker(FromWorker),
    /// The worker died or could not start.
    WorkerLost(Notice),
    /// The user asked for data to be made (Generate) or a built-in file to be loaded.
    DataAsked,
    /// The user chose a file: its name and size.
    FileChosen {
        /// The file's name.
        name: String,
        /// Its size in bytes.
        size: u64,
    },
    /// The user pressed Train.
    TrainAsked,
    /// The set-up changed (a field, the address): results on screen no longer match it.
    SetupChanged,
    /// Something to tell the user, without changing where they are.
    Notice(Notice),
    /// The user closed the error banner.
    NoticeDismissed,
}

/// Everything the page shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PageState {
    /// Where the user is.
    pub phase: Phase,
    /// What the worker's kernels run on, once it said so.
    pub kernels: Option<Kernels>,
    /// The data, summarised.
    pub data: Option<DataSummary>,
    /// A file being read: its name, bytes read, size.
    pub loading: Option<(String, u64, u64)>,
    /// The current fit's shape.
    pub run: Option<RunInfo>,
    /// The Keras log.
    pub console: Console,
    /// Finished epochs of the current fit.
    pub history: Vec<EpochLogs>,
    /// The last batch's logs of the running epoch.
    pub batch: Option<BatchLogs>,
    /// The test evaluation.
    pub test: Option<TestLogs>,
    /// The confusion matrix, ROC curve and training accuracy of the evaluated model.
    pub report: Option<EvaluationReport>,
    /// The running or last fit's training speed.
    pub speed: Option<Speed>,
    /// How many workers train the running or last fit, and why not more.
    pub workers: Option<Workers>,
    /// For 2-feature classification, the model's latest decision boundary.
    pub boundary: Option<BoundaryMap>,
    /// The trained model's output for the row the user asked about, or why it could not answer.
    pub prediction: Option<Result<Vec<f32>, Failure>>,
    /// A message for the user, when something went wrong.
    pub notice: Option<Notice>,
    /// The results on screen come from a set-up that has changed since.
    pub stale: bool,
}

impl PageState {
    /// A new fit is asked for, or new data came: forget the last fit's figures.
    fn clear_run(&mut self) {
        self.run = None;
        self.console = Console::default();
        self.history.clear();
        self.batch = None;
        self.test = None;
        self.report = None;
        self.notice = None;
        self.prediction = None;
        self.speed = None;
        self.workers = None;
        self.boundary = None;
        self.stale = false;
    }

    /// Whether a fit's results are on screen (its curves or its evaluation).
    pub fn has_results(&self) -> bool {
        !self.history.is_empty() || self.test.is_some()
    }

    /// Takes in an event: the only way the page's state changes.
    pub fn apply(&mut self, event: Event) {
        match event {
            Event::Worker(message) => self.take(message),
            Event::WorkerLost(notice) => {
                self.notice = Some(notice);
                self.loading = None;
                self.phase = Phase::Failed;
            }
            Event::DataAsked => self.notice = None,
            Event::FileChosen { name, size } => {
                self.notice = None;
                self.loading = Some((name, 0, size));
                self.data = None;
            }
            Event::TrainAsked => {
                self.clear_run();
                self.phase = Phase::Training;
            }
            Event::SetupChanged => self.stale = self.has_results() && !self.is_training(),
            Event::Notice(notice) => self.notice = Some(notice),
            Event::NoticeDismissed => self.notice = None,
        }
    }

    /// Whether a fit runs (or is paused).
    pub fn is_training(&self) -> bool {
        self.phase.is_fitting()
    }

    fn take(&mut self, message: FromWorker) {
        match message {
            FromWorker::Ready { simd, relaxed } => {
                self.kernels = Some(Kernels::from_ready(simd, relaxed));
                self.phase = if self.data.is_some() { Phase::Data } else { Phase::Ready };
            }
            FromWorker::Loading { name, bytes, total } => self.loading = Some((name, bytes, total)),
            FromWorker::Data(summary) => {
                self.loading = None;
                self.data = Some(summary);
                self.clear_run();
                self.phase = Phase::Data;
            }
            FromWorker::Started(info) => {
                let mut console = Console::new(info.epochs);
                info.notes.iter().for_each(|n| console.note(n.clone()));
                self.console = console;
                self.run = Some(info);
                self.phase = Phase::Training;
            }
            FromWorker::Batch(logs) => {
                self.console.batch(&logs);
                self.batch = Some(logs);
            }
            FromWorker::Epoch(logs) => {
                self.console.epoch(&logs);
                self.history.push(logs);
                self.batch = None;
            }
            FromWorker::Speed(speed) => self.speed = Some(speed),
            FromWorker::Workers(workers) => self.workers = Some(workers),
            FromWorker::Boundary(map) => self.boundary = Some(map),
            FromWorker::Report(report) => self.report = Some(report),
            FromWorker::Evaluated(logs) => {
                self.console.evaluated(&logs);
                self.test = Some(logs);
                self.phase = Phase::Done;
            }
            FromWorker::Prediction(outputs) => self.prediction = Some(outputs),
            FromWorker::Paused => self.phase = Phase::Paused,
            FromWorker::Resumed => self.phase = Phase::Training,
            FromWorker::Stopped => {
                self.console.note("Stopped.");
                self.phase = Phase::Stopped;
            }
            FromWorker::Failed(failure) => {
                self.loading = None;
                // A file refused before anything ran is the data's problem, not a failed run.
                let refused = matches!(failure, Failure::File { .. }) && !self.is_training();
                self.phase = if refused { Phase::Refused } else { Phase::Failed };
                self.notice = Some(Notice::Failed(failure));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{CsvError, Generator, Task};
    use crate::nn::NnError;
    use crate::protocol::{FileProblem, Origin};

    fn summary() -> DataSummary {
        DataSummary {
            origin: Origin::Generated { generator: Generator::Seed, label_noise: 0.0 },
            task: Task::Binary,
            rows: 10,
            features: 2,
            class_counts: vec![5, 5],
            classes: vec!["0".into(), "1".into()],
            inputs: vec!["x0".into(), "x1".into()],
            preview: vec![],
            points: vec![],
        }
    }

    fn ready_with_data() -> PageState {
        let mut page = PageState::default();
        page.apply(Event::Worker(FromWorker::Ready { simd: true, relaxed: true }));
        page.apply(Event::Worker(FromWorker::Data(summary())));
        page
    }

    #[test]
    fn the_workflow_walks_through_its_phases() {
        let mut page = PageState::default();
        assert_eq!(page.phase, Phase::Loading);
        page.apply(Event::Worker(FromWorker::Ready { simd: true, relaxed: true }));
        assert_eq!((page.phase, page.kernels), (Phase::Ready, Some(Kernels::RelaxedSimd)));
        page.apply(Event::Worker(FromWorker::Data(summary())));
        assert_eq!(page.phase, Phase::Data);
        page.apply(Event::TrainAsked);
        assert_eq!(page.phase, Phase::Training);
        page.apply(Event::Worker(FromWorker::Paused));
        assert_eq!(page.phase, Phase::Paused);
        page.apply(Event::Worker(FromWorker::Resumed));
        page.apply(Event::Worker(FromWorker::Epoch(EpochLogs { epoch: 1, ..Default::default() })));
        page.apply(Event::Worker(FromWorker::Evaluated(TestLogs {
            steps: 1,
            loss: 0.5,
            accuracy: None,
            elapsed_ms: 0.0,
            stopped_early: None,
        })));
        assert_eq!((page.phase, page.history.len()), (Phase::Done, 1));
    }

    #[test]
    fn results_go_stale_when_the_set_up_changes_and_fresh_with_the_next_run() {
        let mut page = ready_with_data();
        page.apply(Event::SetupChanged);
        assert!(!page.stale, "no results yet: nothing to mark");
        page.apply(Event::TrainAsked);
        page.apply(Event::Worker(FromWorker::Epoch(EpochLogs::default())));
        page.apply(Event::SetupChanged);
        assert!(!page.stale, "a running fit's curves are its own");
        page.apply(Event::Worker(FromWorker::Stopped));
        page.apply(Event::SetupChanged);
        assert!(page.stale);
        page.apply(Event::TrainAsked);
        assert!(!page.stale && page.history.is_empty());
    }

    #[test]
    fn a_refused_file_is_refused_not_a_failed_run() {
        let mut page = ready_with_data();
        page.apply(Event::FileChosen { name: "a.csv".into(), size: 10 });
        assert_eq!(page.data, None);
        let problem = FileProblem::Csv(CsvError::Empty);
        let failure = Failure::File { name: "a.csv".into(), problem };
        page.apply(Event::Worker(FromWorker::Failed(failure.clone())));
        assert_eq!(page.phase, Phase::Refused);
        assert_eq!(page.notice, Some(Notice::Failed(failure)));
        assert_eq!(page.loading, None);
        let mut run = ready_with_data();
        run.apply(Event::TrainAsked);
        run.apply(Event::Worker(FromWorker::Failed(Failure::Engine(NnError::Diverged { epoch: 2, batch: 3 }))));
        assert_eq!(run.phase, Phase::Failed);
    }

    #[test]
    fn a_dead_worker_fails_the_run_and_new_data_clears_the_old_run() {
        let mut page = ready_with_data();
        page.apply(Event::TrainAsked);
        page.apply(Event::WorkerLost(Notice::WorkerStopped { detail: None }));
        assert_eq!(page.phase, Phase::Failed);
        page.apply(Event::Worker(FromWorker::Data(summary())));
        assert_eq!((page.phase, page.notice.clone()), (Phase::Data, None));
    }
}
