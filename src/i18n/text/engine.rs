//! The engine's errors in words: each key fills its `{places}` with the error's facts (see
//! `crate::i18n::engine`). Keras' names (`Dense`, `sigmoid`, `decay_steps`) stay as they are.

catalogue! {
    /// What the engine refuses, and why.
    Engine {
        /// The data's width differs from the model's input.
        feature_count: "expected {expected} features, got {got}" | "应有 {expected} 个特征，实际有 {got} 个",
        /// Features and labels differ in rows.
        row_mismatch: "features have {features} rows but labels have {labels}: they must match" | "特征有 {features} 行，标签却有 {labels} 行：两者必须一致",
        /// The labels' width does not suit the loss and the last layer.
        label_width: "with this last layer, {loss} needs labels of {expected} columns, but they have {got}" | "对这样的最后一层，{loss} 需要 {expected} 列的标签，但标签有 {got} 列",
        /// A label the loss refuses; `{accepts}` is one of the `accepts_*` keys.
        label_out_of_range: "label {value} in row {row} is outside what {loss} accepts ({accepts})" | "第 {row} 行的标签 {value} 超出了 {loss} 接受的范围（{accepts}）",
        /// What binary cross-entropy accepts.
        accepts_zero_to_one: "values from 0 to 1" | "0 到 1 之间的值",
        /// What categorical cross-entropy accepts.
        accepts_one_hot: "one-hot rows of 0 and 1" | "由 0 和 1 组成的独热编码行",
        /// What sparse categorical cross-entropy accepts.
        accepts_class_ids: "class ids 0 to {last}" | "0 到 {last} 的类别编号",
        /// What mean squared error accepts.
        accepts_finite: "finite numbers" | "有限的数",
        /// A NaN or infinite feature.
        non_finite_feature: "feature {column} of row {row} is not a finite number" | "第 {row} 行的第 {column} 个特征不是有限的数",
        /// Binary cross-entropy after a softmax.
        misfit_binary_after_softmax: "{loss} needs independent probabilities: give the last layer a sigmoid activation, or use categorical_crossentropy with its softmax over {units} units"
            | "{loss} 需要彼此独立的概率：请给最后一层 sigmoid 激活函数，或者保留它在 {units} 个单元上的 softmax，改用 categorical_crossentropy",
        /// A categorical loss after another activation.
        misfit_needs_softmax: "{loss} needs a softmax output; the last layer's activation is {activation}" | "{loss} 需要 softmax 输出；最后一层的激活函数却是 {activation}",
        /// A categorical loss with one unit.
        misfit_too_few_units: "{loss} needs at least 2 output units, one per class; the last layer has {units}" | "{loss} 至少需要 2 个输出单元，每个类别一个；最后一层只有 {units} 个",
        /// No rows.
        no_rows: "there are no rows to train on" | "没有可以训练的样本",
        /// No layers.
        empty_model: "the model needs at least one layer, ending with a Dense layer" | "模型至少需要一层，且最后一层必须是 Dense",
        /// A layer's arguments are refused; `{problem}` is one of the `layer_*` keys.
        bad_layer: "layer {n}: {problem}" | "第 {n} 层：{problem}",
        /// A layer's argument out of what Keras accepts; `{allowed}` is one of the `allowed_*` keys.
        layer_argument: "{class}'s {argument} must be {allowed}, not {value}" | "{class} 的 {argument} 必须{allowed}，而不是 {value}",
        /// A whole number of at least 1.
        allowed_at_least_one: "at least 1" | "至少为 1",
        /// From 0 up to, not including, 1.
        allowed_from_zero_below_one: "from 0 up to (not including) 1" | "不小于 0 且小于 1",
        /// From 0 to 1.
        allowed_zero_to_one: "from 0 to 1" | "在 0 到 1 之间",
        /// A positive number.
        allowed_positive: "a positive number" | "是正数",
        /// 0 or more.
        allowed_non_negative: "0 or more" | "大于或等于 0",
        /// The last layer is not Dense.
        output_not_dense: "the last layer is {class}; the output layer must be Dense, whose units and activation the loss reads" | "最后一层是 {class}；输出层必须是 Dense，损失函数要读取它的单元数和激活函数",
        /// A `fit` option refused; `{problem}` is one of the `option_*` keys.
        bad_option: "{name}: {problem}" | "{name}：{problem}",
        /// At least 1.
        option_at_least_one: "must be at least 1" | "至少为 1",
        /// A fraction.
        option_not_a_fraction: "{value} is not between 0 and 1" | "{value} 不在 0 和 1 之间",
        /// Piecewise values and boundaries do not match.
        schedule_values_count: "the piecewise_constant_decay schedule needs one value more than boundaries: {boundaries} boundaries, {values} values" | "piecewise_constant_decay 调度的值要比分界点多一个（现有 {boundaries} 个分界点，{values} 个值）",
        /// Piecewise boundaries must increase.
        schedule_boundaries: "the piecewise_constant_decay schedule's boundaries must increase" | "piecewise_constant_decay 调度的分界点必须递增",
        /// `decay_steps` of 0.
        schedule_no_decay_steps: "decay_steps must be at least 1" | "decay_steps 至少为 1",
        /// A learning rate that is not positive.
        schedule_rate: "a learning rate must be a positive number, not {value}" | "学习率必须是正数，而不是 {value}",
        /// A decay rate that is not positive.
        schedule_decay_rate: "decay_rate must be a positive number, not {value}" | "decay_rate 必须是正数，而不是 {value}",
        /// Cosine decay's alpha out of range.
        schedule_alpha: "alpha must be from 0 to 1, not {value}" | "alpha 必须在 0 到 1 之间，而不是 {value}",
        /// Training diverged.
        diverged: "training diverged: the loss or a weight became NaN or infinite at epoch {epoch}, batch {batch}; try a smaller learning rate" | "训练发散了：在第 {epoch} 轮第 {batch} 批，损失或某个权重变成了 NaN 或无穷大；请试试更小的学习率",
        /// A layer that keeps a fit on one worker (`{class}`, layer `{n}` from 1).
        replica_batch_statistics: "{class} (layer {n}) normalises with the statistics of each whole batch, which no worker taking a share of it sees" | "{class}（第 {n} 层）用每个完整批次的统计量做归一化，而分担批次的每个 Worker 只看到其中一部分",
        /// A replica that does not exist (`{n}` from 1, of `{count}`).
        replica_missing: "there is no replica {n} of {count}: replicas are numbered from 1 to {count}" | "没有第 {n} 个副本（共 {count} 个）：副本从 1 编号到 {count}",
        /// The set-up needs too much memory.
        too_large: "this set-up needs about {needed} of memory for its weights, optimizer state and batch buffers, more than the {limit} a fit may use in this page; use fewer or smaller layers, or a smaller batch" | "这套设置的权重、优化器状态和批次缓冲区约需 {needed} 内存，超过了本页面一次训练可用的 {limit}；请减少层数或单元数，或改用更小的批次",
    }
}
