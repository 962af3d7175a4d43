//! The page's state: the phase of the workflow, and the worker's messages as signals.

use leptos::prelude::*;

use super::client::WorkerEvent;
use crate::console::Console;
use crate::i18n::{Bilingual, Text};
use crate::nn::{BatchLogs, BoundaryMap, EpochLogs, EvaluationReport, Speed};
use crate::protocol::{DataSummary, FromWorker, RunInfo, TestLogs};

/// Where the user is in the workflow; the root element carries it as `data-state`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// The worker is loading.
    Loading,
    /// The worker is ready; no data yet.
    Ready,
    /// Data is generated; nothing trained on it yet.
    Data,
    /// A fit is running.
    Training,
    /// The fit and the test evaluation ended.
    Done,
    /// The user stopped the fit.
    Stopped,
    /// The user paused the fit; the worker keeps it to resume.
    Paused,
    /// Something went wrong; the error banner says what.
    Failed,
}

impl Phase {
    /// The `data-state` value.
    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Loading => "loading",
            Phase::Ready => "ready",
            Phase::Data => "data",
            Phase::Training => "training",
            Phase::Done => "done",
            Phase::Stopped => "stopped",
            Phase::Paused => "paused",
            Phase::Failed => "failed",
        }
    }

    /// The key factor of the seed's diagram that this phase is about.
    pub fn stage(self) -> Stage {
        match self {
            Phase::Loading => Stage::Compute,
            Phase::Ready => Stage::Data,
            Phase::Data => Stage::Algorithm,
            Phase::Training | Phase::Stopped | Phase::Failed | Phase::Paused => Stage::Training,
            Phase::Done => Stage::Evaluation,
        }
    }
}

/// The seed's key factors: compute → data → algorithm → team → training → evaluation → application.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stage {
    /// 计算资源: the worker and its SIMD kernels.
    Compute,
    /// 数据集: the data panel.
    Data,
    /// 算法: the model and optimizer.
    Algorithm,
    /// 团队: who built this.
    Team,
    /// 模型训练: the fit.
    Training,
    /// 模型评估: the test split.
    Evaluation,
    /// 模型应用: prediction.
    Application,
}

impl Stage {
    /// Every stage, in the diagram's order.
    pub const ALL: [Stage; 7] = [
        Stage::Compute,
        Stage::Data,
        Stage::Algorithm,
        Stage::Team,
        Stage::Training,
        Stage::Evaluation,
        Stage::Application,
    ];

    /// The id of this stage's node in the seed's first diagram (`A[计算资源] --> B[数据集] …`).
    pub fn node_id(self) -> &'static str {
        ["A", "B", "C", "D", "E", "F", "G"][self as usize]
    }

    /// The `id` of the page element this stage stands for.
    pub fn panel_id(self) -> &'static str {
        match self {
            Stage::Compute => "panel-compute",
            Stage::Data => "panel-data",
            Stage::Algorithm => "panel-model",
            Stage::Team => "panel-team",
            Stage::Training => "panel-train",
            Stage::Evaluation => "panel-evaluate",
            Stage::Application => "panel-apply",
        }
    }
}

/// What the worker's products run on, as it said when it loaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kernels {
    /// Plain loops (a build without `simd128`).
    Scalar,
    /// `f32x4` products (`worker`).
    Simd,
    /// `f32x4` products with fused multiply-adds (`worker_relaxed`, where relaxed SIMD validates).
    RelaxedSimd,
}

impl Kernels {
    /// From the worker's `Ready` message.
    pub fn from_ready(simd: bool, relaxed: bool) -> Self {
        match (simd, relaxed) {
            (false, _) => Kernels::Scalar,
            (true, false) => Kernels::Simd,
            (true, true) => Kernels::RelaxedSimd,
        }
    }

    /// A few words, for the speed badge.
    pub fn short(self, t: &'static Text) -> &'static str {
        match self {
            Kernels::Scalar => t.frame.kernels_scalar_short,
            Kernels::Simd => "SIMD",
            Kernels::RelaxedSimd => "SIMD + FMA",
        }
    }

    /// A sentence part, for the compute line.
    pub fn describe(self, t: &'static Text) -> &'static str {
        match self {
            Kernels::Scalar => t.frame.kernels_scalar,
            Kernels::Simd => t.frame.kernels_simd,
            Kernels::RelaxedSimd => t.frame.kernels_relaxed,
        }
    }
}

/// Everything the page shows, as signals (each `Copy`, so components take the ones they need).
#[derive(Debug, Clone, Copy)]
pub struct Lab {
    /// Where the user is.
    pub phase: RwSignal<Phase>,
    /// What the worker's kernels run on, once it said so.
    pub kernels: RwSignal<Option<Kernels>>,
    /// The generated data.
    pub data: RwSignal<Option<DataSummary>>,
    /// The current fit's shape.
    pub run: RwSignal<Option<RunInfo>>,
    /// The Keras log.
    pub console: RwSignal<Console>,
    /// Finished epochs of the current fit.
    pub history: RwSignal<Vec<EpochLogs>>,
    /// The last batch's logs of the running epoch.
    pub batch: RwSignal<Option<BatchLogs>>,
    /// The test evaluation.
    pub test: RwSignal<Option<TestLogs>>,
    /// A message for the user, when something went wrong.
    pub error: RwSignal<Option<Bilingual>>,
    /// The trained model's output for the row the user asked about, or why it could not answer.
    pub prediction: RwSignal<Option<Result<Vec<f32>, Bilingual>>>,
    /// A file being read: its name, bytes read, size.
    pub loading: RwSignal<Option<(String, u64, u64)>>,
    /// Why Train is off although there is data (the model's output does not fit the data).
    pub blocked: RwSignal<Option<Bilingual>>,
    /// The running or last fit's training speed.
    pub speed: RwSignal<Option<Speed>>,
    /// For 2-feature classification, the model's latest decision boundary.
    pub boundary: RwSignal<Option<BoundaryMap>>,
    /// The confusion matrix, ROC curve and training accuracy of the evaluated model.
    pub report: RwSignal<Option<EvaluationReport>>,
}

impl Lab {
    /// The state before the worker has said anything.
    pub fn new() -> Self {
        Self {
            phase: RwSignal::new(Phase::Loading),
            kernels: RwSignal::new(None),
            data: RwSignal::new(None),
            run: RwSignal::new(None),
            console: RwSignal::new(Console::default()),
            history: RwSignal::new(Vec::new()),
            batch: RwSignal::new(None),
            test: RwSignal::new(None),
            error: RwSignal::new(None),
            prediction: RwSignal::new(None),
            loading: RwSignal::new(None),
            blocked: RwSignal::new(None),
            speed: RwSignal::new(None),
            boundary: RwSignal::new(None),
            report: RwSignal::new(None),
        }
    }

    /// A new fit is asked for: forget the last one's figures.
    pub fn clear_run(&self) {
        self.run.set(None);
        self.console.set(Console::default());
        self.history.set(Vec::new());
        self.batch.set(None);
        self.test.set(None);
        self.error.set(None);
        self.prediction.set(None);
        self.speed.set(None);
        self.boundary.set(None);
        self.report.set(None);
    }

    /// Takes in what the worker did.
    pub fn apply(&self, event: WorkerEvent) {
        let message = match event {
            WorkerEvent::Message(message) => message,
            WorkerEvent::Crashed(message) => {
                self.error.set(Some(message));
                self.phase.set(Phase::Failed);
                return;
            }
        };
        match message {
            FromWorker::Ready { simd, relaxed } => {
                self.kernels.set(Some(Kernels::from_ready(simd, relaxed)));
                self.phase.set(if self.data.with_untracked(Option::is_some) { Phase::Data } else { Phase::Ready });
            }
            FromWorker::Loading { name, bytes, total } => self.loading.set(Some((name, bytes, total))),
            FromWorker::Data(summary) => {
                self.loading.set(None);
                self.data.set(Some(summary));
                self.clear_run();
                self.phase.set(Phase::Data);
            }
            FromWorker::Started(info) => {
                let mut console = Console::new(info.epochs);
                info.notes.iter().for_each(|n| console.note(n.clone()));
                self.console.set(console);
                self.run.set(Some(info));
                self.phase.set(Phase::Training);
            }
            FromWorker::Batch(logs) => {
                self.console.update(|c| c.batch(&logs));
                self.batch.set(Some(logs));
            }
            FromWorker::Epoch(logs) => {
                self.console.update(|c| c.epoch(&logs));
                self.history.update(|h| h.push(logs));
                self.batch.set(None);
            }
            FromWorker::Speed(speed) => self.speed.set(Some(speed)),
            FromWorker::Boundary(map) => self.boundary.set(Some(map)),
            FromWorker::Report(report) => self.report.set(Some(report)),
            FromWorker::Evaluated(logs) => {
                self.console.update(|c| c.evaluated(&logs));
                self.test.set(Some(logs));
                self.phase.set(Phase::Done);
            }
            FromWorker::Prediction(outputs) => self.prediction.set(Some(outputs)),
            FromWorker::Paused => self.phase.set(Phase::Paused),
            FromWorker::Resumed => self.phase.set(Phase::Training),
            FromWorker::Stopped => {
                self.console.update(|c| c.note("Stopped."));
                self.phase.set(Phase::Stopped);
            }
            FromWorker::Failed { message } => {
                self.loading.set(None);
                self.error.set(Some(message));
                self.phase.set(Phase::Failed);
            }
        }
    }
}
