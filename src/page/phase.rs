//! Where the user is in the workflow, the key factor of the seed's diagram it lights, and what
//! the worker's kernels run on.

/// Where the user is in the workflow; the root element carries it as `data-state`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Phase {
    /// The worker is loading.
    #[default]
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
    /// The user's file was refused (nothing ran); the error banner says what is wrong with it.
    Refused,
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
            Phase::Refused => "refused",
        }
    }

    /// A fit is under way (running, or paused in the worker): leaving the page would lose it.
    pub fn is_fitting(self) -> bool {
        matches!(self, Phase::Training | Phase::Paused)
    }

    /// The key factor of the seed's diagram that this phase is about.
    pub fn stage(self) -> Stage {
        match self {
            Phase::Loading => Stage::Compute,
            Phase::Ready | Phase::Refused => Stage::Data,
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
}
