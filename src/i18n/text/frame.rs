//! The page's frame: header, footer, error banner, the language and theme toggles, the
//! trainer's status and speed.

use crate::page::Stage;

catalogue! {
    /// The header, the footer, the error banner and the toggles.
    Frame {
        /// The product's name.
        title: "MLP Lab" | "MLP Lab",
        /// The browser tab's title (`document.title`).
        page_title: "MLP Lab · train a neural network in your browser" | "MLP Lab · 在浏览器里训练神经网络",
        /// Under the title.
        tagline: "Train a neural network in your browser, and see why it learns." | "在浏览器里训练神经网络，看清它为什么能学会。",
        /// Before the worker said it is ready.
        starting: "Starting the trainer…" | "正在启动训练器…",
        /// Once it is ready; `{kernels}` says what it computes with.
        ready: "Trainer ready · Web Worker · {kernels}" | "训练器就绪 · Web Worker · {kernels}",
        /// Kernels: plain wasm.
        kernels_scalar: "scalar WebAssembly" | "标量 WebAssembly",
        /// Kernels: simd128.
        kernels_simd: "WebAssembly SIMD (f32x4)" | "WebAssembly SIMD（f32x4 向量）",
        /// Kernels: relaxed SIMD.
        kernels_relaxed: "WebAssembly relaxed SIMD (f32x4, fused multiply-add)" | "WebAssembly 宽松 SIMD（f32x4，融合乘加）",
        /// The speed badge's short name of plain kernels.
        kernels_scalar_short: "scalar" | "标量",
        /// The speed badge: samples per second.
        samples_per_second: "{n} samples/s" | "{n} 样本/秒",
        /// The speed badge: microseconds per training step.
        us_per_step: "{n} µs/step" | "{n} 微秒/步",
        /// The speed badge: milliseconds per training step.
        ms_per_step: "{n} ms/step" | "{n} 毫秒/步",
        /// The speed badge's hover text.
        speed_title: "Training speed, measured in the worker over its training time" | "训练速度：在 Worker 中按纯训练时间测得",
        /// The speed badge: several workers train the fit.
        workers_short: "{n} workers" | "{n} 个 Worker",
        /// Several workers train the fit; the speed-up not measured yet.
        workers_many: "{n} workers share this fit: each takes a share of every batch, and their gradients are summed in a fixed order, so the result is the one worker's." | "{n} 个 Worker 分担这次拟合：每个 Worker 处理每批数据的一部分，梯度按固定顺序求和，结果与单个 Worker 相同。",
        /// Several workers train the fit, `{speedup}` times as fast as one (measured).
        workers_speedup: "{n} workers share this fit, {speedup}× one worker's speed (measured): each takes a share of every batch, and their gradients are summed in a fixed order, so the result is the one worker's." | "{n} 个 Worker 分担这次拟合，速度是单个 Worker 的 {speedup} 倍（实测）：每个 Worker 处理每批数据的一部分，梯度按固定顺序求和，结果与单个 Worker 相同。",
        /// One worker trains, because of `{why}`.
        workers_one: "One worker trains this fit: {why}." | "这次拟合只用一个 Worker：{why}。",
        /// Why one: the page is not cross-origin isolated.
        one_not_isolated: "this page is not cross-origin isolated (it is served without the COOP and COEP headers), so workers cannot share memory" | "本页没有跨源隔离（服务器没有发送 COOP 和 COEP 响应头），Worker 之间无法共享内存",
        /// Why one: one core.
        one_core: "the browser reports a single core" | "浏览器只报告了一个处理器核心",
        /// Why one: the other workers failed, with the browser's words.
        one_helpers_failed: "the other workers did not start ({detail})" | "其他 Worker 没有启动（{detail}）",
        /// Why one: the other workers failed, without words.
        one_helpers_failed_silently: "the other workers did not start" | "其他 Worker 没有启动",
        /// Why one: the other workers are loading.
        one_helpers_loading: "the other workers were still loading when it started" | "开始时其他 Worker 仍在加载",
        /// Why one: a step is short (`{ms}` milliseconds on one worker).
        one_short_step: "a step takes {ms} ms on one worker, too short for sharing it out to pay" | "单个 Worker 一步只需 {ms} 毫秒，太短，分给多个 Worker 反而更慢",
        /// Why one: a batch is small.
        one_small_batch: "a batch of {rows} rows is too small to share out" | "每批只有 {rows} 行，太少，无法分给多个 Worker",
        /// Why one: several workers were tried and were not faster.
        one_no_gain: "{count} workers were tried for its first {steps} steps and ran at {speedup}× one worker's speed (this machine's other work, the page's drawing among it, left them less than a core each), so it went on on one" | "前 {steps} 步试用了 {count} 个 Worker，速度只有单个 Worker 的 {speedup} 倍（这台机器上的其他工作，包括页面自身的绘制，使每个 Worker 分不到一个完整的核心），所以之后改用一个 Worker",
        /// Before the error banner's message.
        error_lead: "Something went wrong: " | "出错了：",
        /// The footer.
        about: "MLP Lab trains in a Web Worker on WebAssembly SIMD; your data never leaves this page. Its engine is checked against Keras 3 (TensorFlow 2.21) to 1e-5; its workflow and diagrams come from an article on what a model team needs: compute, data, algorithm, team." | "MLP Lab 在 Web Worker 中用 WebAssembly SIMD 训练；你的数据从不离开本页。它的引擎与 Keras 3（TensorFlow 2.21）逐项比对，误差在 1e-5 以内；工作流程和图表来自一篇讲模型团队需要什么的文章：算力、数据、算法、团队。",
        /// The theme toggle's legend (for screen readers).
        theme: "Theme" | "主题",
        /// Theme: light.
        theme_light: "Light" | "浅色",
        /// Theme: dark.
        theme_dark: "Dark" | "深色",
        /// Theme: as the system.
        theme_system: "System" | "跟随系统",
        /// The language toggle's label (for screen readers): switching to the other language.
        switch_lang: "Switch the page to Chinese" | "将页面切换为英文",
        /// The browser could not start the worker.
        worker_start_failed: "the browser could not start the training worker: {detail}" | "浏览器无法启动训练 Worker：{detail}",
        /// The worker's message could not be read.
        worker_message_unreadable: "the page could not read the worker's message: {detail}" | "页面无法读取 Worker 的消息：{detail}",
        /// The worker stopped (a panic, or it failed to load).
        worker_stopped: "the training worker stopped: {detail}. Press Train to start a new one; your set-up is kept." | "训练 Worker 已停止：{detail}。按“训练”会启动新的 Worker；你的设置都保留着。",
        /// When the worker gave no reason.
        worker_failed_to_load: "it failed to load" | "加载失败",
        /// The key factors, as the compact stage strip names them (the seed diagram's nodes).
        stage_compute: "Compute" | "计算资源",
        /// Stage: data.
        stage_data: "Data" | "数据集",
        /// Stage: algorithm.
        stage_algorithm: "Algorithm" | "算法",
        /// Stage: team.
        stage_team: "Team" | "团队",
        /// Stage: training.
        stage_training: "Training" | "模型训练",
        /// Stage: evaluation.
        stage_evaluation: "Evaluation" | "模型评估",
        /// Stage: application.
        stage_application: "Application" | "模型应用",
        /// The stage strip's label (for screen readers).
        stages: "Key factors: where you are" | "关键因素：当前所在阶段",
        /// The stage strip's button that shows the whole diagram.
        show_diagram: "Diagram" | "流程图",
        /// The phone's action bar's label (for screen readers).
        action_bar: "Sections and the next step" | "页面分区与下一步",
    }
}

impl Frame {
    /// A key factor's name, as the compact stage strip shows it.
    pub fn stage(&self, stage: Stage) -> &'static str {
        match stage {
            Stage::Compute => self.stage_compute,
            Stage::Data => self.stage_data,
            Stage::Algorithm => self.stage_algorithm,
            Stage::Team => self.stage_team,
            Stage::Training => self.stage_training,
            Stage::Evaluation => self.stage_evaluation,
            Stage::Application => self.stage_application,
        }
    }
}
