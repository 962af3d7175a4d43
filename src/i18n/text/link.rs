//! The page's address: what it said that could not be used (each line is a
//! [`SetupError`](crate::setup::SetupError), worded by `crate::i18n::setup`).

catalogue! {
    /// The list of the address' mistakes, above the panels, and their words.
    Link {
        /// One mistake (`{error}`: `key: "value" — why`).
        error: "URL: {error}" | "网址：{error}",
        /// Under the list.
        rest_applies: "The rest of the set-up from the address applies." | "网址中其余的设置仍然有效。",
        /// Closes the list.
        dismiss: "Dismiss" | "关闭",
        /// One refused key: its name, its value as written, why.
        refused: "{key}: \"{value}\" — {why}" | "{key}：“{value}”——{why}",
        /// Not a key of the set-up.
        unknown_key: "unknown key; the keys are {keys}" | "未知的键；可用的键有：{keys}",
        /// A key given more than once.
        duplicate: "given {times} times; the first is used" | "出现了 {times} 次；只使用第一个",
        /// A value out of range; `{range}` is a range in words.
        expected: "expected {range}" | "应为{range}",
        /// Not a flag.
        expected_flag: "expected 1 or 0" | "应为 1 或 0",
        /// A name the set-up does not know; `{what}` is one of the `named_*` keys.
        unknown_name: "unknown {what} \"{name}\"; expected one of {expected}" | "未知的{what}“{name}”；应为以下之一：{expected}",
        /// `validation` is none of its forms.
        expected_validation: "expected test (the test split validates), none, or a fraction of the training rows from 0.01 to 0.99, such as 0.1" | "应为 test（用测试集验证）、none，或训练样本中 0.01 到 0.99 之间的一个比例，例如 0.1",
        /// An item of `boundaries` is not a whole number of steps.
        list_steps: "\"{item}\" is not a whole number of steps" | "“{item}”不是整数步数",
        /// An item of `values` is not a learning rate.
        list_rates: "\"{item}\" is not a learning rate" | "“{item}”不是学习率",
        /// One layer of `layers` refused: its place (from 1) and text, then why.
        layer: "layer {n} \"{text}\": {why}" | "第 {n} 层“{text}”：{why}",
        /// Too many layers.
        too_many_layers: "{count} layers; a model of the lab has at most {max}" | "共 {count} 层；本实验的模型最多 {max} 层",
        /// A layer's units.
        layer_units: "units \"{units}\" is not a whole number from 1 to {max}" | "单元数“{units}”不是 1 到 {max} 之间的整数",
        /// A layer's argument out of range; `{allowed}` is one of the engine's `allowed_*` keys.
        layer_argument: "{class}'s {argument} \"{written}\" must be {allowed}" | "{class} 的 {argument}“{written}”必须{allowed}",
        /// A regularizer's factor.
        layer_factor: "{key} \"{factor}\" is not a number from 0 to {max}" | "{key}“{factor}”不是 0 到 {max} 之间的数",
        /// A part of a layer's text that belongs to no syntax.
        layer_extra: "an extra part \"{part}\"; a layer is one of {syntaxes}" | "多了一段“{part}”；一层的写法是以下之一：{syntaxes}",
        /// An optimizer's parameter with another optimizer.
        not_for_optimizer: "{optimizer} has no {key}; it is a parameter of {owners}" | "{optimizer} 没有 {key}；它是 {owners} 的参数",
        /// A schedule's parameter with another schedule.
        not_for_schedule: "the {schedule} schedule has no {key}" | "{schedule} 调度没有 {key}",
        /// `lr` with a piecewise schedule.
        piecewise_rate: "the piecewise_constant_decay schedule takes its learning rates from values" | "piecewise_constant_decay 调度的学习率取自 values",
        /// An EarlyStopping parameter while it is off.
        early_stopping_off: "early stopping is off: add early_stopping=val_loss (or another figure) to turn it on" | "早停没有开启：加上 early_stopping=val_loss（或其他指标）即可开启",
        /// A generator's parameter with a dataset or file.
        not_generated: "{source} is not generated: {key} is a generator's parameter" | "{source} 不是生成的数据：{key} 是数据生成器的参数",
        /// `run=1` with the user's CSV file.
        csv_cannot_run: "a CSV file cannot travel in a link: choose it, then press Train" | "CSV 文件无法随链接一起传递：请先选择文件，再按“训练”",
        /// The address is too long to read.
        address_too_long: "the address is {length} characters long, more than the {max} the lab reads: none of it was used" | "网址长达 {length} 个字符，超过了本实验能读取的 {max} 个：其中的设置都没有使用",
        /// `or`, joining two names.
        or: " or " | " 或 ",
        /// A kind of name: a dataset.
        named_dataset: "dataset" | "数据集",
        /// A kind of name: a loss.
        named_loss: "loss" | "损失函数",
        /// A kind of name: an optimizer.
        named_optimizer: "optimizer" | "优化器",
        /// A kind of name: a schedule.
        named_schedule: "schedule" | "学习率调度",
        /// A kind of name: a figure EarlyStopping watches.
        named_monitor: "figure to watch" | "监控指标",
        /// A kind of name: a metric.
        named_metric: "metric (the lab reports accuracy only)" | "评估指标（本实验只报告准确率）",
        /// A kind of name: an activation.
        named_activation: "activation" | "激活函数",
        /// A kind of name: an initializer.
        named_initializer: "initializer" | "初始化方法",
        /// The output layer is not Dense.
        misfit_not_dense: "the last layer {layer} is {class}; the output layer must be Dense" | "最后一层 {layer} 是 {class}；输出层必须是 Dense",
        /// No layers.
        misfit_no_layers: "the model has no layers: add a Dense layer" | "模型没有任何层：请添加一个 Dense 层",
        /// The output layer as it is (one unit).
        misfit_has_one: "the output layer {layer} has {units} unit with {activation}" | "输出层 {layer} 有 {units} 个单元，激活函数为 {activation}",
        /// The output layer as it is (several units).
        misfit_has: "the output layer {layer} has {units} units with {activation}" | "输出层 {layer} 有 {units} 个单元，激活函数为 {activation}",
        /// The loss as it is.
        misfit_loss_is: "the loss is {loss}" | "损失函数是 {loss}",
        /// Joins what does not fit.
        misfit_and: " and " | "，且",
        /// What does not fit, the data, and what would.
        misfit_task: "{parts}, but {data}: use {layer} with {loss}" | "{parts}，但{data}：请用 {layer} 配 {loss}",
        /// Two classes with a categorical loss.
        misfit_binary_categorical: "{has}, but {loss} on two classes needs Dense(2, activation='softmax'); or use Dense(1, activation='sigmoid') with binary_crossentropy" | "{has}，但两个类别上的 {loss} 需要 Dense(2, activation='softmax')；或者改用 Dense(1, activation='sigmoid') 配 binary_crossentropy",
        /// The data: two classes.
        data_binary: "the data has two classes" | "数据有两个类别",
        /// The data: k classes.
        data_classes: "the data has {classes} classes" | "数据有 {classes} 个类别",
        /// The data: a regression.
        data_regression: "the label is a number (a regression)" | "标签是数值（回归）",
        /// The loss does not suit the output, whatever the data.
        misfit_loss: "the loss {why}" | "损失函数：{why}",
    }
}
