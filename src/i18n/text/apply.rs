//! The apply panel: a new row in, the trained model's answer out.

catalogue! {
    /// The apply panel.
    Apply {
        /// The panel's heading.
        title: "Apply" | "应用",
        /// Under the heading.
        intro: "Ask the trained model about a new row. A file's row is scaled with the training rows' statistics."
            | "拿一行新数据问问训练好的模型。文件中的数据会按训练样本的统计量缩放。",
        /// The row field's label; `{columns}` lists the input columns.
        values_for: "Values for {columns}, separated by commas" | "{columns} 的值，用逗号分隔",
        /// Between the column names of `values_for`.
        column_separator: ", " | "、",
        /// Asks the model.
        predict: "Predict" | "预测",
        /// Fills the field with the first generated row.
        use_first_row: "Use the first data row" | "填入第一行数据",
        /// Before training.
        train_first: "Train a model first." | "请先训练模型。",
        /// The row has too few or too many values.
        wrong_count: "expected {inputs} values, one per column, got {got}" | "需要 {inputs} 个值（每列一个），实际有 {got} 个",
        /// A value of generated data is not a number; `{n}` counts from 1.
        not_a_number: "value {n} (\"{cell}\") is not a number" | "第 {n} 个值（“{cell}”）不是数字",
        /// A binary prediction: the probability of the positive class, and the class chosen.
        binary: "P({positive}) = {p} → predicts {class}" | "P({positive}) = {p} → 预测为 {class}",
        /// A multi-class prediction.
        multi_class: "predicts {class} with probability {p}" | "预测为 {class}，概率 {p}",
        /// A regression's prediction.
        regression: "predicts {value}" | "预测值为 {value}",
    }
}
