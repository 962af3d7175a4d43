//! The training panel: controls, status, progress, live charts, the log.

catalogue! {
    /// The training panel.
    Train {
        /// The panel's heading.
        title: "Train" | "训练",
        /// Starts a run.
        train: "Train" | "训练",
        /// Stops the run.
        stop: "Stop" | "停止",
        /// Pauses the run.
        pause: "Pause" | "暂停",
        /// Resumes the run.
        resume: "Resume" | "继续",
        /// Status while training.
        training: "Training… epoch {n} of {epochs}" | "训练中… 第 {n} 轮，共 {epochs} 轮",
        /// Status at the end.
        done: "Done: trained, and tested on rows the model never saw." | "完成：已训练，并在模型从未见过的样本上做了测试。",
        /// Status after Stop.
        stopped: "Stopped after {n} of {epochs} epochs." | "已在第 {n} 轮后停止（共 {epochs} 轮）。",
        /// Status while paused.
        paused: "Paused in epoch {n} of {epochs}." | "已暂停，在第 {n} 轮（共 {epochs} 轮）。",
        /// Status after a failure.
        failed: "The run failed; see the message above." | "训练失败；请看上方的说明。",
        /// Status before any data.
        idle: "Generate the data, then train." | "先生成数据，再开始训练。",
        /// Status with data and nothing trained on it yet.
        ready: "The data is ready: press Train." | "数据已就绪：请按“训练”。",
        /// Status after a file was refused.
        refused: "The file was not loaded; see the message above." | "文件没有载入；请看上方的说明。",
        /// Under the status when EarlyStopping ended the fit.
        early_stopped: "EarlyStopping ended the fit at epoch {n} of {epochs}." | "EarlyStopping 在第 {n} 轮（共 {epochs} 轮）结束了训练。",
        /// Where the weights came from after an early stop with restore_best_weights.
        restored: "The weights are those of epoch {n}, the best (restore_best_weights)." | "权重取自第 {n} 轮，即最好的一轮（restore_best_weights）。",
        /// Said to screen readers when a run ends.
        announce_done: "Training done. Test accuracy {accuracy}." | "训练完成。测试准确率 {accuracy}。",
        /// Why Train is off (`{why}`: the model's output does not fit the data).
        blocked: "Train is off: {why}." | "无法训练：{why}。",
        /// The progress bar's name.
        progress: "Training progress" | "训练进度",
        /// The log's name.
        log: "Training log" | "训练日志",
        /// The history charts' x axis.
        chart_epoch: "epoch" | "轮次",
        /// The loss chart's y axis, and the metric in "this task has no {metric}".
        chart_loss: "loss" | "损失",
        /// The loss chart's y axis on a log scale.
        chart_loss_log: "loss (log scale)" | "损失（对数坐标）",
        /// The accuracy chart's y axis, and the metric in "this task has no {metric}".
        chart_accuracy: "accuracy" | "准确率",
        /// The loss chart's legend: training (`loss` is Keras' name).
        legend_loss: "loss (training)" | "loss（训练集）",
        /// The loss chart's legend: validation (`val_loss` is Keras' name).
        legend_val_loss: "val_loss (test split)" | "val_loss（测试集划分）",
        /// The accuracy chart's legend: training (`accuracy` is Keras' name).
        legend_accuracy: "accuracy (training)" | "accuracy（训练集）",
        /// The accuracy chart's legend: validation (`val_accuracy` is Keras' name).
        legend_val_accuracy: "val_accuracy (test split)" | "val_accuracy（测试集划分）",
        /// The loss chart's toggle.
        log_scale: "log scale" | "对数坐标",
        /// The loss chart's name at the start of its summary.
        loss_name: "Loss" | "损失",
        /// The accuracy chart's name at the start of its summary.
        accuracy_name: "Accuracy" | "准确率",
        /// A chart's summary before the first epoch ends (`{name}`: the chart's name).
        chart_empty: "{name} chart: no epoch has finished yet." | "{name}图：还没有完成任何一轮。",
        /// A chart's summary when the task has no such metric.
        chart_none: "{name} chart: this task has no {metric}." | "{name}图：这个任务没有{metric}。",
        /// A chart's summary (`{change}`: fell, rose or stayed; `{epochs}`: a count of epochs; `{validation}`: the last validation value, or nothing).
        chart_summary: "{name} {change} over {epochs}{validation}." | "{name}在 {epochs}内{change}{validation}。",
        /// The change when the last value is lower.
        chart_fell: "fell from {from} to {to}" | "从 {from} 降到 {to}",
        /// The change when the last value is higher.
        chart_rose: "rose from {from} to {to}" | "从 {from} 升到 {to}",
        /// The change when the value is the same.
        chart_stayed: "stayed from {from} to {to}" | "从 {from} 到 {to}，没有变化",
        /// The last validation value, at the end of a chart's summary.
        chart_validation: "; validation {value}" | "；验证集上为 {value}",
        /// A count of one epoch.
        epoch_one: "{n} epoch" | "{n} 轮",
        /// A count of epochs other than one.
        epoch_many: "{n} epochs" | "{n} 轮",
        /// The decision boundary for screen readers, before the model's first map.
        boundary_waiting: "Decision boundary: the data's points by class; the model's regions appear as it trains." | "决策边界：按类别着色的数据点；模型划分的区域会随训练出现。",
        /// The decision boundary for screen readers (`{epochs}`: a count of epochs).
        boundary_after: "Decision boundary after {epochs}: the plane shaded by which of the {classes} classes the model predicts, stronger where it is surer, with the data's points on top." | "{epochs}后的决策边界：平面按模型预测的类别（共 {classes} 类）着色，模型越有把握颜色越深，数据点画在上面。",
        /// The decision boundary's caption.
        boundary_legend: "Decision boundary: the region each class gets, shaded by the model's confidence." | "决策边界：每个类别所占的区域，颜色深浅表示模型的置信度。",
    }
}
