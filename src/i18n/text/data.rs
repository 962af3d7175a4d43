//! The data panel: the dataset selector, the generators and their fields, a file's reading
//! and preparation, and the summary of what was made; and the data layer's errors and notes in
//! words (see `crate::i18n::data`), each key filling its `{places}` with their facts.
//!
//! A dataset's name in links (`circles`, `breast_cancer`) is the selector's `value` and is not
//! here: only the title a user reads is.

catalogue! {
    /// The data panel.
    Data {
        /// The panel's heading.
        title: "Data" | "数据",
        /// The selector's label.
        dataset: "Dataset" | "数据集",
        /// Generator: the seed document's random labels.
        gen_seed: "Random labels (the seed example)" | "随机标签（原始示例）",
        /// Generator: Gaussian blobs.
        gen_blobs: "Gaussian blobs" | "高斯团簇",
        /// Generator: the XOR quadrants.
        gen_xor: "XOR" | "异或（XOR）",
        /// Generator: two concentric circles.
        gen_circles: "Circles" | "同心圆",
        /// Generator: two interleaved half moons.
        gen_moons: "Moons" | "双月牙",
        /// Generator: two interleaved spirals.
        gen_spirals: "Spirals" | "双螺旋",
        /// Generator: two classes split by a plane.
        gen_linear: "Linearly separable" | "线性可分",
        /// Built-in dataset: scikit-learn's breast cancer data.
        breast_cancer: "Breast cancer (569 × 30, binary)" | "乳腺癌（569 × 30，二分类）",
        /// Built-in dataset: Fisher's iris.
        iris: "Iris (150 × 4, three species)" | "鸢尾花（150 × 4，三个品种）",
        /// Built-in dataset: scikit-learn's wine data.
        wine: "Wine (178 × 13, three cultivars)" | "葡萄酒（178 × 13，三个栽培品种）",
        /// The user's own file.
        own_csv: "Your CSV file…" | "你自己的 CSV 文件…",
        /// What the seed generator makes.
        about_seed: "The seed example: `X = np.random.rand(rows, features)`, `y = np.random.randint(0, 2, rows)`. The labels are coin flips: there is nothing to learn."
            | "原始示例：`X = np.random.rand(rows, features)`，`y = np.random.randint(0, 2, rows)`。标签是抛硬币得来的：没有任何规律可学。",
        /// What the blobs generator makes.
        about_blobs: "Gaussian blobs, one class each: well separated unless the noise is large."
            | "高斯团簇，每簇一个类别：只要噪声不大，彼此就分得很开。",
        /// What the XOR generator makes.
        about_xor: "The XOR quadrants: class 1 where x0 and x1 have the same sign. No straight line separates them."
            | "异或象限：x0 与 x1 同号的地方是类别 1。没有哪条直线能把两类分开。",
        /// What the circles generator makes.
        about_circles: "Two circles, one inside the other." | "两个圆，一个套在另一个里面。",
        /// What the moons generator makes.
        about_moons: "Two interleaved half moons." | "两个相互交错的半月形。",
        /// What the spirals generator makes.
        about_spirals: "Two interleaved spirals: the hardest of these shapes." | "两条相互交错的螺旋线：这几种形状里最难的一种。",
        /// What the linear generator makes.
        about_linear: "Two classes split by a plane through the origin: a single layer could learn it."
            | "两个类别被一个过原点的平面分开：单层网络就能学会。",
        /// Field: number of rows.
        rows: "Rows" | "样本数",
        /// Field: number of features.
        features: "Features" | "特征数",
        /// Field: number of classes.
        classes: "Classes" | "类别数",
        /// Field: the spread of the points.
        noise: "Noise" | "噪声",
        /// Field: the share of labels flipped, in percent.
        label_noise: "Label noise %" | "标签噪声 %",
        /// Under the fields of a generator of fixed shape (moons, circles, XOR, spirals).
        fixed_shape: "This generator always makes 2 features and 2 classes." | "这个生成器总是生成 2 个特征、2 个类别。",
        /// Makes the generated data.
        generate: "Generate" | "生成",
        /// Loads the built-in dataset.
        load: "Load" | "加载",
        /// The data's shape, between the row count and the feature count: `1000` rows × `10` features.
        rows_times: " rows × " | " 个样本 × ",
        /// The data's shape, after the feature count.
        features_after: " features" | " 个特征",
        /// The class balance bar's text for screen readers; `{classes}` lists `class_count`s.
        class_balance: "Class balance: {classes}" | "类别分布：{classes}",
        /// One class in the balance.
        class_count: "{n} of class {class}" | "类别 {class} 有 {n} 个样本",
        /// Between the items of a list in a sentence.
        list_separator: ", " | "、",
        /// Under the summary, when labels were flipped on purpose.
        flipped: "{percent}% of the labels were flipped on purpose: no model can be right about those rows."
            | "有 {percent}% 的标签被故意翻转：在这些样本上，没有模型能答对。",
        /// The scatter plot, for screen readers.
        scatter: "Scatter plot of {count} rows: x0 across, x1 up, coloured by class"
            | "{count} 个样本的散点图：横轴为 x0，纵轴为 x1，按类别着色",
        /// The drop zone.
        drop_here: "Drop a CSV file here, or choose one. It is read in this page's worker and never leaves your machine."
            | "把 CSV 文件拖到这里，或点此选择。文件在本页的 Worker 中读取，不会离开你的电脑。",
        /// The file picker's button.
        choose_file: "Choose a CSV file…" | "选择 CSV 文件…",
        /// While a file is read.
        reading: "Reading {name}: {percent}% of {size} MB" | "正在读取 {name}：{percent}%，共 {size} MB",
        /// The reading progress bar, for screen readers.
        reading_progress: "Reading the file" | "文件读取进度",
        /// A built-in dataset could not be fetched; `{why}` is one of the `fetch_*` reasons.
        built_in_failed: "could not load the built-in dataset {url}: {why}" | "无法加载内置数据集 {url}：{why}",
        /// Why not: the page has no window (a worker, a test).
        fetch_no_window: "no window" | "没有浏览器窗口",
        /// Why not: the request did not go through.
        fetch_failed: "the request failed" | "请求失败",
        /// Why not: a 404 or another error status.
        fetch_missing: "the server does not have it" | "服务器上没有这个文件",
        /// Why not: the response had no body.
        fetch_no_body: "no body" | "响应没有内容",
        /// Why not: the body stopped coming.
        fetch_broke_off: "the download broke off" | "下载中断了",
        /// The file's label column selector.
        label_column: "Label column" | "标签列",
        /// Under a wide file's label field (`{count}`: its columns).
        label_type: "Type a column's name: its {count} columns are offered as you type." | "输入列名：输入时会列出它的 {count} 列供选择。",
        /// Under a wide file's label field, when what was typed is no column's name.
        label_unknown: "The file has no column named \"{typed}\": the label stays as it was." | "文件中没有名为“{typed}”的列：标签保持不变。",
        /// The file's scaling selector.
        scaling: "Scaling (fitted on the training rows)" | "缩放（在训练集上拟合）",
        /// Scaling: z-score, as the seed does.
        scaling_standard: "z-score (the seed's)" | "z-score（原始示例所用）",
        /// Scaling: min-max.
        scaling_min_max: "min-max to [0, 1]" | "min-max 缩放到 [0, 1]",
        /// Scaling: none.
        scaling_none: "none" | "不缩放",
        /// Column table heading: whether the column is used.
        col_use: "use" | "使用",
        /// Column table heading: the column's name.
        col_name: "column" | "列名",
        /// Column table heading: its kind.
        col_kind: "kind" | "类型",
        /// Column table heading: its mean.
        col_mean: "mean" | "均值",
        /// Column table heading: its standard deviation.
        col_std: "std" | "标准差",
        /// Column table heading: missing cells.
        col_missing: "missing" | "缺失",
        /// Column kind: numbers.
        kind_number: "number" | "数值",
        /// Column kind: the label.
        kind_label: "label" | "标签",
        /// Column kind: text.
        kind_text: "text" | "文本",
        /// Column kind: text with `{n}` distinct values.
        kind_levels: "text, {n} values" | "文本，{n} 种取值",
        /// The column table's filter box (placeholder and label): column names holding what is typed.
        filter_columns: "Filter columns by name" | "按列名筛选",
        /// The column table's pager: the rows shown, of the columns matching the filter.
        columns_shown: "{from}–{to} of {total} columns" | "共 {total} 列，显示第 {from}–{to} 列",
        /// The column table's pager when no column name holds the filter.
        columns_none: "no column name holds \"{filter}\"" | "没有列名包含“{filter}”",
        /// The pager's button to the previous page, for screen readers.
        columns_previous: "Previous columns" | "上一页的列",
        /// The pager's button to the next page, for screen readers.
        columns_next: "Next columns" | "下一页的列",
        /// The error banner's lead for a refused file (nothing ran): it could not be read, or prepared.
        file_refused_lead: "This file cannot be used: " | "这个文件无法使用：",
        /// A column's check box, for screen readers.
        use_column: "Use column {name}" | "使用列 {name}",
        /// Between the names of a list in quotes: `"a", "b"`.
        quoted_separator: "\", \"" | "”、“",
        /// Between the class mappings of a task note: `B → 0, M → 1`.
        mapping_separator: ", " | "，",
        /// CSV: no header row.
        csv_empty: "the file is empty: MLP Lab needs a header row and rows of values under it"
            | "文件是空的：MLP Lab 需要一行表头，以及表头下面的数据行",
        /// CSV: a header and no rows (one column).
        csv_header_only_one: "the file has a header ({columns} column) but no rows of values" | "文件有表头（{columns} 列），但没有数据行",
        /// CSV: a header and no rows.
        csv_header_only: "the file has a header ({columns} columns) but no rows of values" | "文件有表头（{columns} 列），但没有数据行",
        /// CSV: over the size read; `{limit}` in MiB.
        csv_too_large: "the file has more than {limit} MiB ({bytes} bytes); MLP Lab reads files of up to {limit} MiB"
            | "文件超过 {limit} MiB（{bytes} 字节）；MLP Lab 能读取的文件最大为 {limit} MiB",
        /// CSV: a header wider than the lab reads; `{limit}` is `MAX_COLUMNS`.
        csv_too_many_columns: "line {line}: the header has {columns} columns; MLP Lab reads files of up to {limit} columns, so keep the columns you need and load the file again"
            | "第 {line} 行：表头有 {columns} 列；MLP Lab 能读取的文件最多 {limit} 列，请只保留需要的列，再重新载入文件",
        /// CSV: a row of one field under a wider header.
        csv_ragged_one: "line {line}: found {found} field, but the header has {expected}" | "第 {line} 行：有 {found} 个字段，但表头有 {expected} 个",
        /// CSV: a row with another number of fields than the header.
        csv_ragged: "line {line}: found {found} fields, but the header has {expected}" | "第 {line} 行：有 {found} 个字段，但表头有 {expected} 个",
        /// CSV: a field that is not UTF-8.
        csv_utf8: "line {line}: field {field} is not UTF-8 text; save the file as UTF-8 (\"CSV UTF-8\" in Excel)"
            | "第 {line} 行：第 {field} 个字段不是 UTF-8 文本；请把文件另存为 UTF-8（Excel 中的“CSV UTF-8”）",
        /// CSV: a record past the longest read; `{limit}` in MiB.
        csv_record_too_long: "line {line}: a row longer than {limit} MiB starts here; is a quote (\") left open?"
            | "第 {line} 行：从这里开始的一行超过了 {limit} MiB；是不是有个引号（\"）没有闭合？",
        /// CSV: the `csv` crate's own message.
        csv_parse: "line {line}: {message}" | "第 {line} 行：{message}",
        /// Scaling rows of another width.
        scale_width: "the scaler was fitted on {expected} features, but these rows have {found}"
            | "缩放器是在 {expected} 个特征上拟合的，但这些样本有 {found} 个特征",
        /// Preparing: a column asked for is not there; `{columns}` lists names with `quoted_separator`.
        no_such_column: "there is no column \"{name}\"; the columns are \"{columns}\"" | "没有名为“{name}”的列；现有的列是 “{columns}”",
        /// Preparing: a text feature with too many values.
        too_many_levels: "column \"{column}\" has {distinct} different text values; MLP Lab one-hot encodes text columns with up to {limit} values"
            | "列“{column}”有 {distinct} 个不同的文本值；MLP Lab 只对不超过 {limit} 个取值的文本列做独热编码",
        /// Preparing: a column of numbers with a stray text.
        stray_text: "column \"{column}\": line {line} has \"{value}\" where the other values are numbers"
            | "列“{column}”：其他值都是数字，第 {line} 行却是“{value}”",
        /// Preparing: a text label with too many classes.
        too_many_classes: "label column \"{column}\" has {distinct} different text values; MLP Lab classifies into up to {limit} classes"
            | "标签列“{column}”有 {distinct} 个不同的文本值；MLP Lab 最多只能分 {limit} 类",
        /// Preparing: a label of a single value.
        one_value: "label column \"{column}\" has a single value (\"{value}\") in the rows kept; a model needs at least two different labels to learn from"
            | "在保留的行中，标签列“{column}”只有一个值（“{value}”）；模型至少需要两种不同的标签才能学习",
        /// Preparing: every label cell missing.
        empty_label: "label column \"{column}\" is empty: every value is missing" | "标签列“{column}”是空的：每个值都缺失",
        /// Preparing: every row misses a value.
        no_rows_left: "no rows left after dropping rows with missing values: all {rows} rows miss a value (column \"{column}\" alone misses {missing}); exclude that column or fill in its gaps"
            | "删去含缺失值的行后，一行也不剩：全部 {rows} 行都缺了某个值（仅列“{column}”就缺了 {missing} 个）；请排除这一列，或补上它的空缺",
        /// Preparing: only the label left.
        no_features: "no feature columns left besides the label \"{label}\": every other column is excluded or empty"
            | "除了标签“{label}”之外，已没有特征列：其余的列都被排除了，或是空的",
        /// Preparing: the task asked for does not fit the label; `{task}` is a `task_*` key,
        /// `{reason}` a `reason_*` one.
        task_mismatch: "label column \"{column}\" cannot be used for {task}: {reason}" | "标签列“{column}”不能用于{task}：{reason}",
        /// The task, in a sentence: binary.
        task_binary: "a binary classification" | "二分类",
        /// The task, in a sentence: multi-class.
        task_multi_class: "a multi-class classification" | "多分类",
        /// The task, in a sentence: regression.
        task_regression: "a regression" | "回归",
        /// Why not: the label's number of values.
        reason_values: "it has {count} different values" | "它有 {count} 个不同的值",
        /// Why not: more values than classes may be.
        reason_too_many_values: "it has more than {limit} different values" | "它有超过 {limit} 个不同的值",
        /// Why not: text, with its first text cell.
        reason_text_at: "it holds text (line {line} has \"{value}\")" | "它含有文本（第 {line} 行是“{value}”）",
        /// Why not: text.
        reason_text: "it holds text" | "它含有文本",
        /// A row to predict of another width.
        row_width: "expected {expected} values, one for each input column, but got {found}"
            | "应有 {expected} 个值（每个输入列一个），实际有 {found} 个",
        /// A value to predict that its column does not take; `{accepts}` is an `accepts_*` key.
        bad_value: "column \"{column}\": \"{value}\" is not {accepts}" | "列“{column}”：“{value}”不是{accepts}",
        /// A number column takes a number.
        accepts_number: "a number" | "数字",
        /// A text column takes the values seen in training, listed with `list_separator`.
        accepts_levels: "one of the values seen in training: {levels}" | "训练中见过的值之一：{levels}",
        /// Note: the label column; `{how}` is a `how_*` key.
        note_label: "label \"{column}\" ({how})" | "标签“{column}”（{how}）",
        /// How the label was chosen: by the user.
        how_chosen: "chosen" | "你选定的",
        /// How the label was chosen: named `target`.
        how_target: "preselected: the column named \"target\"" | "预选：名为“target”的列",
        /// How the label was chosen: the last column.
        how_last: "preselected: the last column" | "预选：最后一列",
        /// Note: a regression.
        note_regression: "regression on a number ({loss}, 1 output unit)" | "对数值做回归（{loss}，1 个输出单元）",
        /// Note: a binary classification; `{mapping}` is `B → 0, M → 1`.
        note_binary: "binary: {mapping} ({loss}, 1 output unit)" | "二分类：{mapping}（{loss}，1 个输出单元）",
        /// Note: a multi-class classification.
        note_classes: "{units} classes: {mapping} ({loss}, {units} output units)" | "{units} 个类别：{mapping}（{loss}，{units} 个输出单元）",
        /// Note: a label of numbers with a stray text.
        note_label_text: "label \"{column}\" is mostly numbers, but line {line} has \"{value}\": read as text classes"
            | "标签“{column}”大多是数字，但第 {line} 行是“{value}”：按文本类别读取",
        /// Note: an empty column left out.
        note_left_out: "left out \"{column}\": every value is missing" | "未使用“{column}”：所有值都缺失",
        /// Note: a text column one-hot encoded into one column.
        note_one_hot_one: "one-hot encoded \"{column}\" into {n} column" | "把“{column}”独热编码为 {n} 列",
        /// Note: a text column one-hot encoded.
        note_one_hot: "one-hot encoded \"{column}\" into {n} columns" | "把“{column}”独热编码为 {n} 列",
        /// After `note_one_hot`, when the column is mostly numbers.
        note_one_hot_stray: " (it is mostly numbers, but line {line} has \"{value}\")" | "（它大多是数字，但第 {line} 行是“{value}”）",
        /// Note: rows dropped.
        note_dropped: "dropped {dropped} of {rows} rows with missing values" | "{rows} 行中有 {dropped} 行含缺失值，已删去",
    }
}
