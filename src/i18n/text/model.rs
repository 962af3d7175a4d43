//! The model panel: the layers, `compile` and `fit` fields, the Keras code; and what a number
//! field says it takes (its range, in words), for every panel's number fields.
//!
//! Keras' own argument names (`decay_steps`, `patience`, `amsgrad`) and choices (`relu`,
//! `adam`, `val_loss`) are not here: they read the same in both languages.
//!
//! A range reads as a user would say it: `a whole number from 1 to 4096`, and, where the
//! lowest value is only "above zero" (a learning rate), `a positive number up to 10` rather
//! than the smallest float there is.
//!
//! ```
//! use mlp_lab::i18n::{fill, Lang, Text};
//! let t = &Text::of(Lang::Zh).model;
//! assert_eq!(t.positive_up_to(10.0), "不超过 10 的正数");
//! assert_eq!(fill(t.field_error, &[("label", &"学习率"), ("range", &t.positive_up_to(10.0))]), "学习率：请输入不超过 10 的正数");
//! ```

use crate::i18n::fill;

catalogue! {
    /// The model panel, and every number field's range.
    Model {
        /// The panel's heading.
        title: "Model" | "模型",
        /// Under the heading.
        intro: "The seed's network is one hidden layer of 64 ReLU units and a sigmoid output, Adam with Keras' defaults. Change anything: the address keeps the whole set-up, to share or come back to."
            | "原始示例的网络是一个 64 个 ReLU 单元的隐藏层加一个 sigmoid 输出，优化器是 Keras 默认参数的 Adam。任何设置都可以改：网址会记下整套设置，便于分享或下次接着用。",
        /// When the output layer does not fit the data; `{why}` says how.
        misfit: "The model does not fit the data: {why}." | "模型与数据不匹配：{why}。",
        /// A number field's message when what was typed is refused; `{range}` is one of the ranges below.
        field_error: "{label}: enter {range}" | "{label}：请输入{range}",
        /// A range of numbers.
        range_number: "a number from {min} to {max}" | "介于 {min} 和 {max} 之间的数",
        /// A range of whole numbers.
        range_whole: "a whole number from {min} to {max}" | "介于 {min} 和 {max} 之间的整数",
        /// Any number above zero, up to a largest one.
        range_positive: "a positive number up to {max}" | "不超过 {max} 的正数",
        /// A number from a lowest one up to, but not including, a largest one.
        range_below: "a number from {min} up to (not including) {max}" | "不小于 {min} 且小于 {max} 的数",
        /// The layer list, for screen readers.
        layers: "Layers, input side first" | "各层，从输入端开始",
        /// Adds a Dropout layer before the output layer.
        add_dropout: "+ Dropout" | "+ Dropout 层",
        /// Adds a BatchNormalization layer before the output layer.
        add_batch_norm: "+ BatchNormalization" | "+ BatchNormalization 层",
        /// The model has as many layers as the lab builds.
        layers_full: "A model of the lab has at most {max} layers." | "本实验的模型最多 {max} 层。",
        /// A Dropout layer's rate.
        dropout_rate: "Rate (share dropped)" | "丢弃比例（rate）",
        /// What a BatchNormalization layer is, in its row.
        batch_norm_note: "Normalises each unit over the batch (Keras' defaults: momentum 0.99, epsilon 0.001)." | "按批次对每个单元做归一化（Keras 默认值：momentum 0.99，epsilon 0.001）。",
        /// A layer's units field.
        units: "Units" | "单元数",
        /// A layer's units field, for screen readers.
        units_of: "Units of {layer}" | "{layer} 的单元数",
        /// A layer's activation.
        activation: "Activation" | "激活函数",
        /// A layer's kernel initializer.
        initializer: "Initializer" | "初始化器",
        /// The move-up button's hover text.
        move_up: "Move up" | "上移",
        /// The move-down button's hover text.
        move_down: "Move down" | "下移",
        /// The remove button's hover text.
        remove: "Remove" | "删除",
        /// The move-up button, for screen readers.
        move_layer_up: "Move {layer} up" | "将 {layer} 上移",
        /// The move-down button, for screen readers.
        move_layer_down: "Move {layer} down" | "将 {layer} 下移",
        /// The remove button, for screen readers.
        remove_layer: "Remove {layer}" | "删除 {layer}",
        /// Adds a layer before the output layer.
        add_layer: "+ Add a hidden layer" | "+ 添加隐藏层",
        /// `compile`: the loss.
        loss: "Loss" | "损失函数",
        /// `compile`: the optimizer.
        optimizer: "Optimizer" | "优化器",
        /// The optimizer's learning rate.
        learning_rate: "Learning rate" | "学习率",
        /// SGD's and RMSprop's momentum.
        momentum: "Momentum" | "动量",
        /// The learning-rate schedule.
        schedule: "Schedule" | "学习率调度",
        /// Schedule: a constant learning rate (its `value` in links stays `constant`).
        schedule_constant: "constant" | "固定（constant）",
        /// Cosine decay's `alpha`.
        alpha: "alpha (final share)" | "alpha（最终比例）",
        /// Piecewise constant decay's `boundaries`.
        boundaries: "boundaries (steps)" | "boundaries（步数）",
        /// Piecewise constant decay's `values`.
        values: "values (learning rates)" | "values（学习率）",
        /// Piecewise constant decay's lists do not parse.
        lists_unreadable: "boundaries are whole step counts and values learning rates, comma-separated"
            | "boundaries 填整数步数，values 填学习率，都用逗号分隔",
        /// `compile`'s metrics.
        metrics: "Metrics" | "评估指标",
        /// No metric: the loss is mean squared error.
        metrics_none: "none (a regression)" | "无（回归任务）",
        /// `fit`: epochs.
        epochs: "Epochs" | "轮数",
        /// `fit`: batch size.
        batch_size: "Batch size" | "批大小",
        /// The run's seed.
        seed: "Seed" | "随机种子",
        /// `train_test_split`'s test share.
        test_share: "Test share" | "测试集比例",
        /// What validates each epoch.
        validation: "Validation" | "验证集",
        /// Validation: the test split.
        validation_test: "the test split (validation_data)" | "测试集（validation_data）",
        /// Validation: a share of the training rows.
        validation_split: "a share of the training rows (validation_split)" | "从训练样本中分出一部分（validation_split）",
        /// Validation: none.
        validation_none: "none" | "不验证",
        /// The Keras code's heading.
        keras: "The same in Keras (Python)" | "同样的设置，用 Keras（Python）写",
        /// Copies the code.
        copy: "Copy" | "复制",
        /// The code was copied.
        copied: "Copied" | "已复制",
        /// The code was not copied; `{why}` is the browser's reason.
        not_copied: "Not copied ({why}): select the code and press Ctrl+C" | "未能复制（{why}）：请选中代码后按 Ctrl+C",
        /// The code block, for screen readers.
        keras_code: "Keras code of this set-up" | "这套设置的 Keras 代码",
    }
}

impl Model {
    /// The numbers from `min` to `max` (both taken), in words: `a number from 0 to 2`, or
    /// `a whole number from 10 to 200000` when only whole numbers are taken.
    pub fn between(&self, min: f64, max: f64, whole: bool) -> String {
        let template = if whole { self.range_whole } else { self.range_number };
        fill(template, &[("min", &min), ("max", &max)])
    }

    /// A range as [`crate::setup::params::Kind`] describes it, in words.
    pub fn range(&self, min: f64, max: f64, whole: bool, open_min: bool, open_max: bool) -> String {
        match (open_min, open_max) {
            (true, _) => self.positive_up_to(max),
            (false, true) => fill(self.range_below, &[("min", &min), ("max", &max)]),
            (false, false) => self.between(min, max, whole),
        }
    }

    /// Any number above zero up to `max`, in words: `a positive number up to 10`. For a range
    /// whose lowest value is "the smallest step above zero" (`f32::MIN_POSITIVE`), which no one
    /// would read as a number.
    pub fn positive_up_to(&self, max: f64) -> String {
        fill(self.range_positive, &[("max", &max)])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_read_as_words_in_both_languages() {
        let (en, zh) = (&Model::EN, &Model::ZH);
        assert_eq!(en.between(10.0, 200_000.0, true), "a whole number from 10 to 200000");
        assert_eq!(en.between(0.0, 2.0, false), "a number from 0 to 2");
        assert_eq!(en.between(0.01, 0.99, false), "a number from 0.01 to 0.99");
        assert_eq!(zh.between(10.0, 200_000.0, true), "介于 10 和 200000 之间的整数");
        assert_eq!(zh.between(0.0, 0.999_999, false), "介于 0 和 0.999999 之间的数");
        assert_eq!(en.positive_up_to(10.0), "a positive number up to 10");
        assert_eq!(zh.positive_up_to(10.0), "不超过 10 的正数");
    }

    #[test]
    fn a_field_error_names_the_field_then_the_range() {
        let message =
            |t: &Model, label: &str, range: String| fill(t.field_error, &[("label", &label), ("range", &range)]);
        // The English the end-to-end tests read.
        assert_eq!(
            message(&Model::EN, "Rows", Model::EN.between(10.0, 200_000.0, true)),
            "Rows: enter a whole number from 10 to 200000"
        );
        assert_eq!(
            message(&Model::ZH, "样本数", Model::ZH.between(10.0, 200_000.0, true)),
            "样本数：请输入介于 10 和 200000 之间的整数"
        );
        let lr = message(&Model::EN, "Learning rate", Model::EN.positive_up_to(10.0));
        assert_eq!(lr, "Learning rate: enter a positive number up to 10");
        assert!(!lr.contains("0.0000"), "no smallest float in words: {lr}");
        assert_eq!(message(&Model::ZH, "学习率", Model::ZH.positive_up_to(10.0)), "学习率：请输入不超过 10 的正数");
    }
}
