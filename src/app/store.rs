//! The page's state in the browser: one [`PageState`] in a signal, changed only through
//! [`Lab::dispatch`] (which runs the pure [`PageState::apply`]), and read through one memo per
//! part, so a component re-renders only when the part it shows changes.

use leptos::prelude::*;

use crate::console::Console;
use crate::nn::{BatchLogs, BoundaryMap, EpochLogs, EvaluationReport, Speed};
use crate::page::{Event, Kernels, Notice, PageState, Phase};
use crate::protocol::{DataSummary, Failure, RunInfo, TestLogs};
use crate::trainer::Workers;

/// The page's state and its parts (each `Copy`, so components take the ones they need).
#[derive(Debug, Clone, Copy)]
pub struct Lab {
    state: RwSignal<PageState>,
    /// Where the user is.
    pub phase: Memo<Phase>,
    /// What the worker's kernels run on, once it said so.
    pub kernels: Memo<Option<Kernels>>,
    /// The data, summarised.
    pub data: Memo<Option<DataSummary>>,
    /// A file being read: its name, bytes read, size.
    pub loading: Memo<Option<(String, u64, u64)>>,
    /// The current fit's shape.
    pub run: Memo<Option<RunInfo>>,
    /// The Keras log.
    pub console: Memo<Console>,
    /// Finished epochs of the current fit.
    pub history: Memo<Vec<EpochLogs>>,
    /// The last batch's logs of the running epoch.
    pub batch: Memo<Option<BatchLogs>>,
    /// The test evaluation.
    pub test: Memo<Option<TestLogs>>,
    /// The confusion matrix, ROC curve and training accuracy.
    pub report: Memo<Option<EvaluationReport>>,
    /// The running or last fit's training speed.
    pub speed: Memo<Option<Speed>>,
    /// How many workers train the running or last fit, and why not more.
    pub workers: Memo<Option<Workers>>,
    /// The latest decision boundary of 2-feature classification.
    pub boundary: Memo<Option<BoundaryMap>>,
    /// The answer to the row the user asked about.
    pub prediction: Memo<Option<Result<Vec<f32>, Failure>>>,
    /// What the error banner says.
    pub notice: Memo<Option<Notice>>,
    /// The results on screen come from a set-up that has changed since.
    pub stale: Memo<bool>,
}

impl Lab {
    /// The state before the worker has said anything.
    pub fn new() -> Self {
        let state = RwSignal::new(PageState::default());
        macro_rules! part {
            ($field:ident) => {
                Memo::new(move |_| state.with(|s| s.$field.clone()))
            };
        }
        Self {
            state,
            phase: part!(phase),
            kernels: part!(kernels),
            data: part!(data),
            loading: part!(loading),
            run: part!(run),
            console: part!(console),
            history: part!(history),
            batch: part!(batch),
            test: part!(test),
            report: part!(report),
            speed: part!(speed),
            workers: part!(workers),
            boundary: part!(boundary),
            prediction: part!(prediction),
            notice: part!(notice),
            stale: part!(stale),
        }
    }

    /// Whether Train can start (tracked): data is there, the worker is loaded, no fit runs, and
    /// the model's output fits the data (`blocked` when it does not).
    pub fn can_train(&self, blocked: bool) -> bool {
        let phase = self.phase.get();
        self.data.with(Option::is_some) && !phase.is_fitting() && phase != Phase::Loading && !blocked
    }

    /// Takes in an event (the worker's message, the user's request).
    pub fn dispatch(&self, event: Event) {
        self.state.update(|s| s.apply(event));
    }
}

impl Default for Lab {
    fn default() -> Self {
        Self::new()
    }
}
