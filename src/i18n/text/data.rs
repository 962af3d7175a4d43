//! The data panel: the dataset selector, the generators and their fields, a file's reading
//! and preparation, and the summary of what was made.
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
        rows: "Rows" | "行数",
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
        rows_times: " rows × " | " 行 × ",
        /// The data's shape, after the feature count.
        features_after: " features" | " 个特征",
        /// The class balance bar's text for screen readers; `{classes}` lists `class_count`s.
        class_balance: "Class balance: {classes}" | "类别分布：{classes}",
        /// One class in the balance.
        class_count: "{n} of class {class}" | "类别 {class} 有 {n} 行",
        /// Between the items of a list in a sentence.
        list_separator: ", " | "、",
        /// Under the summary, when labels were flipped on purpose.
        flipped: "{percent}% of the labels were flipped on purpose: no model can be right about those rows."
            | "有 {percent}% 的标签被故意翻转：在这些行上，没有模型能答对。",
        /// The scatter plot, for screen readers.
        scatter: "Scatter plot of {count} rows: x0 across, x1 up, coloured by class"
            | "{count} 行数据的散点图：横轴为 x0，纵轴为 x1，按类别着色",
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
        /// The file's scaling selector.
        scaling: "Scaling (fitted on the training rows)" | "缩放（在训练行上拟合）",
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
        /// A column's check box, for screen readers.
        use_column: "Use column {name}" | "使用列 {name}",
    }
}
