//! Preparing a CSV table for training: each step (label, task, one-hot, dropna, scaling,
//! stratified split), the summary, and every refusal with its exact message.

use mlp_lab::data::{
    prepare, read_csv, summarize, train_test_split_stratified, CsvOptions, Dataset, PrepareOptions, Prepared, Report,
    Scaler, Scaling, Summary, SummaryKind, Table, Task,
};
use mlp_lab::i18n::{Lang, Words};
use mlp_lab::nn::Loss;
use ndarray::{array, Array2};

fn table(text: &str) -> Table {
    read_csv(text.as_bytes(), &CsvOptions::default()).unwrap()
}

fn prepared(text: &str, options: PrepareOptions) -> (Prepared, Report) {
    prepare(&table(text), &options).unwrap()
}

fn refusal(text: &str, options: PrepareOptions) -> String {
    prepare(&table(text), &options).unwrap_err().to_string()
}

fn label(name: &str) -> PrepareOptions {
    PrepareOptions { label: Some(name.into()), ..Default::default() }
}

fn y(p: &Prepared) -> Vec<f32> {
    p.data.y.column(0).to_vec()
}

/// `name\n` then one line per value.
fn column(name: &str, values: impl Iterator<Item = String>) -> String {
    std::iter::once(name.to_string()).chain(values).map(|v| v + "\n").collect()
}

#[test]
fn target_is_preselected_else_the_last_column_else_the_one_asked_for() {
    let text = "a,target,b\n1,0,5\n2,1,6\n";
    assert_eq!(prepared(text, PrepareOptions::default()).1.label, "target");
    assert_eq!(prepared("a,b,c\n1,0,5\n2,1,6\n", PrepareOptions::default()).1.label, "c");
    let (p, report) = prepared(text, label("a"));
    assert_eq!((report.label.as_str(), report.features.clone()), ("a", vec!["target".to_string(), "b".into()]));
    assert_eq!(p.data.x, array![[0.0, 5.0], [1.0, 6.0]]);
}

#[test]
fn excluded_columns_are_not_features_and_may_be_anything() {
    let names: String = (0..80).map(|i| format!("id{i},{},{}\n", i % 7, i % 2)).collect();
    let text = format!("name,x,y\n{names}");
    let options = PrepareOptions { exclude: vec!["name".into()], ..Default::default() };
    let (p, report) = prepared(&text, options);
    assert_eq!((report.features, p.data.features()), (vec!["x".to_string()], 1));
}

#[test]
fn a_two_valued_label_is_binary_mapped_in_sorted_order() {
    let (p, report) = prepared("radius,diagnosis\n17.9,M\n11.4,B\n20.5,M\n", PrepareOptions::default());
    assert_eq!((report.task, report.loss, report.units), (Task::Binary, Loss::BinaryCrossentropy, 1));
    assert_eq!(report.classes, ["B", "M"]);
    assert_eq!(y(&p), [1.0, 0.0, 1.0]);
    assert_eq!(report.notes[1].in_lang(Lang::En), "binary: B → 0, M → 1 (binary_crossentropy, 1 output unit)");
    for (labels, expected) in [(["yes", "no", "yes"], [1.0, 0.0, 1.0]), (["4", "2", "2"], [1.0, 0.0, 0.0])] {
        let text = format!("x,y\n1,{}\n2,{}\n3,{}\n", labels[0], labels[1], labels[2]);
        assert_eq!(y(&prepared(&text, PrepareOptions::default()).0), expected, "{labels:?}");
    }
}

#[test]
fn three_to_fifty_classes_are_multi_class() {
    let (p, report) = prepared("x,species\n1,setosa\n2,virginica\n3,versicolor\n4,setosa\n", PrepareOptions::default());
    assert_eq!((report.task, report.loss, report.units), (Task::MultiClass, Loss::SparseCategoricalCrossentropy, 3));
    assert_eq!(
        (report.classes.clone(), y(&p)),
        (vec!["setosa".into(), "versicolor".into(), "virginica".into()], vec![0.0, 2.0, 1.0, 0.0])
    );
    assert_eq!(report.class_counts, [2, 1, 1]);
    let digits = column("x,digit", (0..100).map(|i| format!("{i},{}", i % 10)));
    let (p, report) = prepared(&digits, PrepareOptions::default());
    assert_eq!((report.task, report.units, y(&p)[13]), (Task::MultiClass, 10, 3.0));
}

#[test]
fn a_number_label_with_fractions_or_many_values_is_a_regression() {
    let (p, report) = prepared("x,price\n1,1.5\n2,2.25\n3,10\n", PrepareOptions::default());
    assert_eq!((report.task, report.loss, report.units), (Task::Regression, Loss::MeanSquaredError, 1));
    assert_eq!((report.classes.len(), y(&p)), (0, vec![1.5, 2.25, 10.0]));
    let ages = column("x,age", (0..100).map(|i| format!("{i},{}", 18 + i)));
    assert_eq!(prepared(&ages, PrepareOptions::default()).1.task, Task::Regression, "more than 50 whole numbers");
    let small = column("x,grade", (0..30).map(|i| format!("{i},{}", i % 5)));
    let forced = PrepareOptions { task: Some(Task::Regression), ..Default::default() };
    assert_eq!(prepared(&small, forced).1.task, Task::Regression, "asked for");
}

#[test]
fn text_features_are_one_hot_encoded() {
    let (p, report) = prepared("age,city,y\n31,Paris,1\n40,Lyon,0\n22,Nice,1\n50,Lyon,0\n", PrepareOptions::default());
    assert_eq!(report.features, ["age", "city=Lyon", "city=Nice", "city=Paris"]);
    assert!(
        report.notes.iter().any(|n| n.in_lang(Lang::En) == "one-hot encoded \"city\" into 3 columns"),
        "{:?}",
        report.notes
    );
    assert_eq!(p.data.x.row(0).to_vec(), [31.0, 0.0, 0.0, 1.0]);
    assert_eq!(p.data.x.row(3).to_vec(), [50.0, 1.0, 0.0, 0.0]);
    assert_eq!(p.schema.encode_row(&["45", "Nice"]).unwrap(), [45.0, 0.0, 1.0, 0.0]);
}

#[test]
fn rows_with_a_missing_value_in_a_used_column_are_dropped_and_counted() {
    let text = "a,b,notes,skip,y\n1,2,,x,0\nNA,3,,x,1\n4,,,,0\n5,6,,x,1\n7,8,,x,?\n9,10,,x,0\n";
    let options = PrepareOptions { exclude: vec!["skip".into()], ..Default::default() };
    let (p, report) = prepared(text, options);
    assert_eq!((report.rows, report.dropped, p.data.rows()), (6, 3, 3));
    assert!(
        report.notes.iter().any(|n| n.in_lang(Lang::En) == "dropped 3 of 6 rows with missing values"),
        "{:?}",
        report.notes
    );
    assert_eq!(p.data.x, array![[1.0, 2.0], [5.0, 6.0], [9.0, 10.0]], "the excluded column drops nothing");
    assert_eq!(report.left_out, ["notes"]);
    assert!(report.notes.iter().any(|n| n.in_lang(Lang::En) == "left out \"notes\": every value is missing"));
}

#[test]
fn z_score_uses_the_training_rows_only_and_never_the_label() {
    // x0 = i, x1 = i², label alternating: 20 rows, 5 for testing.
    let text = column("x0,x1,y", (0..20).map(|i| format!("{i},{},{}", i * i, i % 2)));
    let (p, _) = prepared(&text, PrepareOptions::default());
    let split = p.split(0.25, 42);
    assert_eq!((split.train.rows(), split.test.rows()), (15, 5));
    // Undo the scaling of the training rows: the scaler's statistics are theirs, by hand.
    let raw_train = &split.train.x * &Array2::from_shape_vec((1, 2), split.scaler.scale.clone()).unwrap()
        + &Array2::from_shape_vec((1, 2), split.scaler.offset.clone()).unwrap();
    for j in 0..2 {
        let col: Vec<f64> = raw_train.column(j).iter().map(|&v| v.round() as f64).collect();
        let mean = col.iter().sum::<f64>() / 15.0;
        let std = (col.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / 14.0).sqrt(); // ddof = 1
        assert!((split.scaler.offset[j] as f64 - mean).abs() < 1e-3 * mean.abs().max(1.0), "mean of column {j}");
        assert!((split.scaler.scale[j] as f64 - std).abs() < 1e-3 * std, "std of column {j}");
        let all_mean = p.data.x.column(j).mean().unwrap() as f64;
        assert!((all_mean - mean).abs() > 1e-3, "all rows would give another mean");
        let scaled = split.train.x.column(j);
        assert!(scaled.mean().unwrap().abs() < 1e-5 && (scaled.std(1.0) - 1.0).abs() < 1e-5);
    }
    assert!(split.train.y.iter().chain(split.test.y.iter()).all(|&v| v == 0.0 || v == 1.0), "labels unscaled");
}

#[test]
fn scaler_statistics_by_hand() {
    // mean 3, sample std √((4 + 1 + 0 + 9) / 3) = 2.1602468994692865 (pandas' s.std())
    let scaler = Scaler::fit(&array![[1.0], [2.0], [3.0], [6.0]], Scaling::Standard);
    let mut test = array![[9.0]];
    scaler.transform(&mut test).unwrap();
    assert!((test[[0, 0]] - 6.0 / 2.160_246_9).abs() < 1e-5);
    let json = serde_json::to_string(&scaler).unwrap();
    assert_eq!(serde_json::from_str::<Scaler>(&json).unwrap(), scaler);
}

#[test]
fn a_constant_column_is_centred_not_divided_and_reported() {
    let text = column("c,x,y", (0..10).map(|i| format!("7,{i},{}", i % 2)));
    for scaling in [Scaling::Standard, Scaling::MinMax] {
        let (p, _) = prepared(&text, PrepareOptions { scaling, ..Default::default() });
        let split = p.split(0.2, 1);
        assert!(split.train.x.column(0).iter().chain(split.test.x.column(0)).all(|&v| v == 0.0), "{scaling:?}");
        assert_eq!(split.notes, ["\"c\" is constant in the training rows: centred, not scaled"]);
    }
}

#[test]
fn min_max_maps_the_training_rows_to_unit_range() {
    let text = column("x,y", (0..50).map(|i| format!("{},{}", i * 3, i % 2)));
    let (p, _) = prepared(&text, PrepareOptions { scaling: Scaling::MinMax, ..Default::default() });
    let split = p.split(0.2, 5);
    let train = split.train.x.column(0);
    assert_eq!((train.fold(f32::MAX, |a, &b| a.min(b)), train.fold(f32::MIN, |a, &b| a.max(b))), (0.0, 1.0));
    let none = prepared(&text, PrepareOptions { scaling: Scaling::None, ..Default::default() }).0.split(0.2, 5);
    assert!(none.train.x.iter().all(|v| v.fract() == 0.0 && *v % 3.0 == 0.0), "unscaled");
}

#[test]
fn stratified_split_keeps_each_class_share_within_one_row() {
    let sizes = [97usize, 31, 7, 2];
    let labels: Vec<f32> = sizes.iter().enumerate().flat_map(|(c, &n)| std::iter::repeat_n(c as f32, n)).collect();
    let n = labels.len();
    let data = Dataset { x: Array2::zeros((n, 1)), y: Array2::from_shape_vec((n, 1), labels).unwrap() };
    for (test_size, seed) in [(0.2, 42), (0.25, 1), (0.1, 7), (0.5, 3), (0.33, 9)] {
        let (train, test) = train_test_split_stratified(&data, test_size, seed);
        let n_test = (n as f64 * test_size).ceil();
        assert_eq!(test.rows() as f64, n_test);
        let (tr, te) = (counts(&train, sizes.len()), counts(&test, sizes.len()));
        for (c, &n_c) in sizes.iter().enumerate() {
            let exact_test = n_c as f64 * n_test / n as f64;
            let exact_train = n_c as f64 * (n as f64 - n_test) / n as f64;
            assert!((te[c] as f64 - exact_test).abs() < 1.0, "class {c}, test {}: {exact_test}", te[c]);
            assert!((tr[c] as f64 - exact_train).abs() < 1.0, "class {c}, train {}: {exact_train}", tr[c]);
        }
    }
}

fn counts(data: &Dataset, k: usize) -> Vec<usize> {
    let mut c = data.class_counts();
    c.resize(k, 0);
    c
}

#[test]
fn classification_splits_are_stratified_and_regression_splits_shuffled() {
    let text = column("x,y", (0..100).map(|i| format!("{i},{}", (i < 10) as u8)));
    let split = prepared(&text, PrepareOptions::default()).0.split(0.2, 0);
    assert_eq!((split.train.class_counts(), split.test.class_counts()), (vec![72, 8], vec![18, 2]));
    let text = column("x,y", (0..100).map(|i| format!("{i},{}.5", i)));
    let split = prepared(&text, PrepareOptions::default()).0.split(0.2, 0);
    assert_eq!((split.train.rows(), split.test.rows()), (80, 20));
}

#[test]
fn the_summary_describes_each_column_and_the_class_balance() {
    let t = table("age,city,empty,diagnosis\n30,Lyon,,M\n40,Nice,,B\n,Lyon,,M\n");
    let summary = summarize(&t, None);
    let kinds: Vec<SummaryKind> = summary.columns.iter().map(|c| c.kind).collect();
    use SummaryKind::*;
    assert_eq!(kinds, [Numeric, Categorical, Empty, Label]);
    assert_eq!((summary.columns[0].mean, summary.columns[0].missing), (Some(35.0), 1));
    assert_eq!(summary.columns[1].levels, Some(2));
    assert_eq!(summary.classes.iter().map(|c| (c.class.as_str(), c.count)).collect::<Vec<_>>(), [("B", 1), ("M", 2)]);
    let json = serde_json::to_string(&summary).unwrap();
    assert_eq!(serde_json::from_str::<Summary>(&json).unwrap(), summary);
}

#[test]
fn refusals_name_the_column_and_what_to_do() {
    let cities = column("city,y", (0..60).map(|i| format!("town{i},{}", i % 2)));
    assert_eq!(
        refusal(&cities, PrepareOptions::default()),
        "column \"city\" has 60 different text values; MLP Lab one-hot encodes text columns with up to 50 values"
    );
    // line 57 is the 56th row.
    let ages =
        column("age,y", (0..100).map(|i| format!("{},{}", if i == 55 { "abc".into() } else { i.to_string() }, i % 2)));
    assert_eq!(
        refusal(&ages, PrepareOptions::default()),
        "column \"age\": line 57 has \"abc\" where the other values are numbers"
    );
    assert_eq!(refusal("a,b\n1,2\n", label("y")), "there is no column \"y\"; the columns are \"a\", \"b\"");
    assert_eq!(
        refusal("a,b\n1,2\n", PrepareOptions { exclude: vec!["c".into()], ..Default::default() }),
        "there is no column \"c\"; the columns are \"a\", \"b\""
    );
    assert_eq!(
        refusal("x,y\n1,yes\n2,yes\n3,\n", PrepareOptions::default()),
        "label column \"y\" has a single value (\"yes\") in the rows kept; a model needs at least two different labels to learn from"
    );
    let names = column("x,name", (0..60).map(|i| format!("{i},person{i}")));
    assert_eq!(
        refusal(&names, PrepareOptions::default()),
        "label column \"name\" has 60 different text values; MLP Lab classifies into up to 50 classes"
    );
    assert_eq!(
        refusal("x,y\n1,\n2,NA\n", PrepareOptions::default()),
        "label column \"y\" is empty: every value is missing"
    );
    assert_eq!(
        refusal("a,b,y\n1,,0\n,,1\n,2,0\n", PrepareOptions::default()),
        "no rows left after dropping rows with missing values: all 3 rows miss a value \
         (column \"a\" alone misses 2); exclude that column or fill in its gaps"
    );
    assert_eq!(
        refusal("id,empty,y\n1,,0\n2,,1\n", PrepareOptions { exclude: vec!["id".into()], ..Default::default() }),
        "no feature columns left besides the label \"y\": every other column is excluded or empty"
    );
}

#[test]
fn a_mostly_numeric_column_with_a_stray_value_and_few_levels_is_one_hot_with_a_note() {
    let text = column(
        "size,y",
        (0..20).map(|i| format!("{},{}", if i == 3 { "big".into() } else { (i % 4).to_string() }, i % 2)),
    );
    let (_, report) = prepared(&text, PrepareOptions::default());
    assert_eq!(report.features, ["size=0", "size=1", "size=2", "size=3", "size=big"]);
    assert!(report.notes.iter().any(|n| n.in_lang(Lang::En)
        == "one-hot encoded \"size\" into 5 columns (it is mostly numbers, but line 5 has \"big\")"));
}
