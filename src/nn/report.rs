//! The evaluation beyond `model.evaluate`'s two numbers: the confusion matrix of the test rows,
//! the ROC curve and its AUC for a binary task, and the trained model's accuracy on its own
//! training rows (to set beside the test accuracy: a model that memorised noise scores high on
//! the first and at chance on the second).
//!
//! Precision, recall and F1 follow from the matrix ([`ConfusionMatrix::class`]). The ROC curve
//! keeps at most [`ROC_POINTS`] of its points for drawing; its AUC is exact over every row.

use ndarray::{s, Array2};
use serde::{Deserialize, Serialize};

use super::metrics::{classes, roc_auc, roc_curve, ConfusionMatrix};
use super::{Loss, NnError, Sequential};

/// Points of the ROC curve kept for drawing.
pub const ROC_POINTS: usize = 256;
/// Rows predicted at a time, so a large test split needs no large buffer.
const CHUNK_ROWS: usize = 4096;

/// The test split's confusion matrix, ROC curve, and the training rows' accuracy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EvaluationReport {
    /// `confusion[t][p]`: test rows of true class `t` predicted as `p`.
    pub confusion: Vec<Vec<usize>>,
    /// For one sigmoid unit (a binary task): the ROC curve and its area.
    pub roc: Option<Roc>,
    /// The trained model's accuracy on the rows it was trained on (not the running mean of the
    /// last epoch, which mixes weights from before and after each step).
    pub train_accuracy: Option<f64>,
}

impl EvaluationReport {
    /// The confusion matrix, with precision, recall and F1.
    pub fn matrix(&self) -> ConfusionMatrix {
        ConfusionMatrix { counts: self.confusion.clone() }
    }

    /// Test rows in the matrix.
    pub fn rows(&self) -> usize {
        self.confusion.iter().flatten().sum()
    }

    /// Chance accuracy: the share of the test rows in their most common class (what always
    /// guessing that class scores).
    pub fn chance(&self) -> f64 {
        let most = self.confusion.iter().map(|row| row.iter().sum::<usize>()).max().unwrap_or(0);
        most as f64 / self.rows().max(1) as f64
    }
}

/// How training and test accuracy compare, in the lesson's terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Generalisation {
    /// High on the training rows, chance on the test rows: the model memorised noise.
    Memorised,
    /// Clearly better on the training rows than on new ones.
    Overfits,
    /// Neither beats chance: nothing to learn, or nothing learned yet.
    Chance,
    /// The two are close, and above chance: what was learned carries over.
    Generalises,
    /// Too few test rows to tell any of these apart ([`FEW_TEST_ROWS`]): one row moves the
    /// test accuracy by several points.
    TooFewTestRows,
}

/// Compares `train` and `test` accuracy with `chance` (the majority class' share), measured on
/// `test_rows` rows: a gap of [`GAP`] or more is overfitting, and memorising when the test
/// accuracy is within [`NEAR_CHANCE`] of chance; with fewer than [`FEW_TEST_ROWS`] test rows,
/// no verdict.
pub fn generalisation(train: f64, test: f64, chance: f64, test_rows: usize) -> Generalisation {
    if test_rows < FEW_TEST_ROWS {
        return Generalisation::TooFewTestRows;
    }
    let at_chance = test <= chance + NEAR_CHANCE;
    match (train - test >= GAP, at_chance) {
        (true, true) => Generalisation::Memorised,
        (true, false) => Generalisation::Overfits,
        (false, true) => Generalisation::Chance,
        (false, false) => Generalisation::Generalises,
    }
}

/// A train–test accuracy gap this large is overfitting.
pub const GAP: f64 = 0.1;
/// A test accuracy this close above chance is chance (sampling noise on a few hundred rows).
pub const NEAR_CHANCE: f64 = 0.07;
/// Fewer test rows than this give no verdict: one row moves the accuracy by over 2 points, and
/// the 95% interval of an accuracy near 50% is ±14 points or wider, more than [`GAP`] and
/// [`NEAR_CHANCE`] distinguish.
pub const FEW_TEST_ROWS: usize = 50;

/// Half the width of the 95% interval of an accuracy `p` measured on `rows` rows (the normal
/// approximation of the binomial, `1.96 √(p (1 − p) / rows)`), as a share.
pub fn accuracy_margin(p: f64, rows: usize) -> f64 {
    1.96 * (p * (1.0 - p) / rows.max(1) as f64).sqrt()
}

/// A ROC curve: `(false positive rate, true positive rate)` from `(0, 0)` to `(1, 1)`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Roc {
    /// Points of the curve, at most [`ROC_POINTS`].
    pub curve: Vec<(f64, f64)>,
    /// Area under the full curve (scikit-learn's `roc_auc_score`).
    pub auc: f64,
}

/// The report of `model` on the `test` rows, with `train` rows for the training accuracy;
/// `None` for a regression (no classes) or several sigmoid units (several labels).
pub fn evaluation_report(
    model: &Sequential,
    loss: Loss,
    test: (&Array2<f32>, &Array2<f32>),
    train: (&Array2<f32>, &Array2<f32>),
) -> Result<Option<EvaluationReport>, NnError> {
    let units = model.outputs();
    let k = match loss {
        Loss::MeanSquaredError => return Ok(None),
        Loss::BinaryCrossentropy if units != 1 => return Ok(None),
        Loss::BinaryCrossentropy => 2,
        _ => units,
    };
    let (x, y) = test;
    let mut pairs = Vec::with_capacity(x.nrows());
    let mut scores = Vec::with_capacity(if k == 2 && units == 1 { x.nrows() } else { 0 });
    for start in (0..x.nrows()).step_by(CHUNK_ROWS) {
        let end = (start + CHUNK_ROWS).min(x.nrows());
        let out = model.predict(&x.slice(s![start..end, ..]).to_owned())?;
        for (p, l) in out.rows().into_iter().zip(y.slice(s![start..end, ..]).rows()) {
            let (p, l) = (p.to_vec(), l.to_vec());
            if let Some(pair) = classes(loss, &p, &l) {
                pairs.push(pair);
            }
            if units == 1 {
                scores.push(p[0]);
            }
        }
    }
    let confusion = ConfusionMatrix::from_pairs(k, pairs).counts;
    let roc = if units == 1 {
        let labels = y.column(0).to_vec();
        roc_auc(&scores, &labels).map(|auc| Roc { curve: thin(&roc_curve(&scores, &labels), ROC_POINTS), auc })
    } else {
        None
    };
    let train_accuracy =
        if train.0.nrows() == 0 { None } else { model.evaluate(train.0, train.1, loss, CHUNK_ROWS)?.accuracy };
    Ok(Some(EvaluationReport { confusion, roc, train_accuracy }))
}

/// At most `max` points of `curve` (at least 2), evenly spaced by index, the first and last kept.
pub fn thin(curve: &[(f64, f64)], max: usize) -> Vec<(f64, f64)> {
    let max = max.max(2);
    if curve.len() <= max {
        return curve.to_vec();
    }
    let last = curve.len() - 1;
    (0..max).map(|i| curve[(i * last).div_ceil(max - 1)]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nn::{Activation, DenseConfig};

    #[test]
    fn the_gap_and_chance_name_what_happened() {
        // Random labels, memorised: 98% on the training rows, 51% on the test rows.
        assert_eq!(generalisation(0.98, 0.51, 0.5, 200), Generalisation::Memorised);
        assert_eq!(generalisation(0.99, 0.80, 0.5, 200), Generalisation::Overfits);
        assert_eq!(generalisation(0.55, 0.52, 0.5, 200), Generalisation::Chance);
        assert_eq!(generalisation(0.97, 0.95, 0.5, 200), Generalisation::Generalises);
        // Chance is the majority class' share: 70% for always guessing it.
        let report = EvaluationReport { confusion: vec![vec![60, 10], vec![20, 10]], roc: None, train_accuracy: None };
        assert_eq!((report.rows(), report.chance()), (100, 0.7));
        assert_eq!(generalisation(0.9, 0.75, report.chance(), report.rows()), Generalisation::Memorised);
    }

    #[test]
    fn a_small_test_split_gives_no_verdict() {
        // An early-stopped moons run with a 20-row test split: 95% against 55% looks like
        // memorising, but 20 rows cannot tell it (±22 points at 55%).
        assert_eq!(generalisation(0.95, 0.55, 0.5, 20), Generalisation::TooFewTestRows);
        assert_eq!(generalisation(0.95, 0.55, 0.5, FEW_TEST_ROWS - 1), Generalisation::TooFewTestRows);
        assert_eq!(generalisation(0.95, 0.55, 0.5, FEW_TEST_ROWS), Generalisation::Memorised);
        // The margin behind the bound: √(0.25 / 49) · 1.96 = 0.14.
        assert!((accuracy_margin(0.5, 49) - 0.14).abs() < 1e-9);
        assert!((accuracy_margin(0.55, 20) - 0.218).abs() < 1e-3);
    }

    #[test]
    fn thinning_keeps_the_ends_and_the_order() {
        let curve: Vec<(f64, f64)> = (0..=100).map(|i| (i as f64 / 100.0, (i as f64 / 100.0).sqrt())).collect();
        let few = thin(&curve, 5);
        assert_eq!(few.len(), 5);
        assert_eq!((few[0], few[4]), (curve[0], curve[100]));
        assert!(few.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(thin(&curve[..3], 5), curve[..3].to_vec());
    }

    /// A model whose output is `sigmoid(10 · x)`: it says class 1 exactly for positive `x`.
    fn sign_model() -> Sequential {
        let mut model =
            Sequential::new(1, &[DenseConfig { units: 1, activation: Activation::Sigmoid, ..Default::default() }], 1)
                .unwrap();
        let mut weights = model.layers[0].weights_mut();
        weights[0].fill(10.0);
        weights[1].fill(0.0);
        drop(weights);
        model
    }

    #[test]
    fn a_binary_report_counts_each_row_once_and_draws_its_roc() {
        let model = sign_model();
        let x = Array2::from_shape_vec((6, 1), vec![-2.0, -1.0, 0.5, 1.0, 2.0, -0.5]).unwrap();
        // Predicted: 0 0 1 1 1 0; true: 0 1 1 1 0 0.
        let y = Array2::from_shape_vec((6, 1), vec![0.0, 1.0, 1.0, 1.0, 0.0, 0.0]).unwrap();
        let report = evaluation_report(&model, Loss::BinaryCrossentropy, (&x, &y), (&x, &y)).unwrap().unwrap();
        assert_eq!(report.confusion, vec![vec![2, 1], vec![1, 2]]);
        assert_eq!(report.matrix().accuracy(), 4.0 / 6.0);
        assert_eq!(report.train_accuracy, Some(4.0 / 6.0));
        let roc = report.roc.unwrap();
        // Scores rank x; positives at x = -1, 0.5, 1 outrank negatives at -2, -0.5, 2 in 5 of 9 pairs.
        assert_eq!(roc.auc, 5.0 / 9.0);
        assert_eq!((roc.curve[0], *roc.curve.last().unwrap()), ((0.0, 0.0), (1.0, 1.0)));
    }

    #[test]
    fn a_softmax_report_has_one_row_per_class_and_a_regression_none() {
        let model =
            Sequential::new(2, &[DenseConfig { units: 3, activation: Activation::Softmax, ..Default::default() }], 7)
                .unwrap();
        let x = Array2::from_shape_vec((4, 2), vec![1.0, 0.0, 0.0, 1.0, -1.0, 0.0, 0.5, 0.5]).unwrap();
        let y = Array2::from_shape_vec((4, 1), vec![0.0, 1.0, 2.0, 2.0]).unwrap();
        let report =
            evaluation_report(&model, Loss::SparseCategoricalCrossentropy, (&x, &y), (&x, &y)).unwrap().unwrap();
        assert_eq!(report.confusion.len(), 3);
        assert_eq!(report.confusion.iter().flatten().sum::<usize>(), 4);
        assert_eq!(report.confusion.iter().map(|r| r.iter().sum::<usize>()).collect::<Vec<_>>(), vec![1, 1, 2]);
        assert_eq!(report.roc, None);
        // The accuracy the report implies is the one `evaluate` prints.
        let evaluated = model.evaluate(&x, &y, Loss::SparseCategoricalCrossentropy, 32).unwrap();
        assert_eq!(Some(report.matrix().accuracy()), evaluated.accuracy);
        let none = evaluation_report(&model, Loss::MeanSquaredError, (&x, &y), (&x, &y)).unwrap();
        assert_eq!(none, None);
    }
}
