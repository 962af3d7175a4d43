//! The training worker's own sentences: what it says when a request comes too early or cannot
//! be read (worded from [`WorkerProblem`](crate::protocol::WorkerProblem) values).

catalogue! {
    /// The worker's messages.
    Worker {
        /// `Prepare` before any file was loaded.
        no_table: "load a CSV file before choosing its label column" | "请先载入 CSV 文件，再选择标签列",
        /// `LoadCsv` came without its file.
        file_missing: "{name}: the file did not reach the worker" | "{name}：文件没有送到训练 Worker",
        /// The browser refused to read a chunk of the file (`{detail}`: its error).
        file_unreadable: "{name}: the browser could not read the file ({detail})" | "{name}：浏览器无法读取这个文件（{detail}）",
        /// An error in a file, after its name.
        in_file: "{name}: {message}" | "文件 {name}：{message}",
        /// `Predict` before any model finished training.
        not_trained: "train a model before asking it to predict" | "请先训练模型，再让它预测",
        /// A value of a generated row to predict is not a number (`{n}` from 1).
        not_a_number: "value {n} (\"{value}\") is not a number" | "第 {n} 个值（“{value}”）不是数字",
        /// `Train` before any data.
        no_data: "generate or load data before training" | "请先生成或载入数据，再训练",
        /// A worker sharing the fit stopped, with the browser's words.
        helper_lost: "a worker sharing this fit stopped ({detail}); train again: the fit then stays on one worker if the others cannot start" | "一个分担这次拟合的 Worker 停止了（{detail}）；请重新训练：其他 Worker 无法启动时，拟合会只用一个 Worker",
        /// A worker sharing the fit stopped, without words.
        helper_lost_silently: "a worker sharing this fit stopped; train again: the fit then stays on one worker if the others cannot start" | "一个分担这次拟合的 Worker 停止了；请重新训练：其他 Worker 无法启动时，拟合会只用一个 Worker",
        /// The page's message could not be read (`{detail}`: serde's error).
        message_unreadable: "the worker got a message it cannot read: {detail}" | "训练 Worker 收到了一条无法读取的消息：{detail}",
    }
}
