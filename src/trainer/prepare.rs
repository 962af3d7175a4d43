//! From a training request to a run ready to step: the split (`train_test_split`, a file's
//! with its scaler fitted on the training rows), one-hot labels for
//! `categorical_crossentropy` (Keras' `to_categorical`), the model from the seed, its memory
//! checked, and `fit`'s validation (the test split, a share of the training rows, or none).

use ndarray::Array2;

use super::memory::{memory_needed, MEMORY_LIMIT};
use crate::data::{train_test_split, Dataset, Prepared, Scaler, Schema};
use crate::nn::{evaluation_report, EvaluationReport, FitOptions, Loss, NnError, Sequential, Training, Validation};
use crate::protocol::{RunInfo, TestLogs, TrainSpec, ValidationSource};

/// The data a fit uses.
pub enum Data {
    /// From a generator: features and labels as they are.
    Generated(Dataset),
    /// From a CSV file, prepared (features are scaled at the split).
    File(Prepared),
}

impl Data {
    /// Features and labels (a file's before scaling).
    pub fn dataset(&self) -> &Dataset {
        match self {
            Data::Generated(data) => data,
            Data::File(prepared) => &prepared.data,
        }
    }
}

/// How a file's rows become the model's input: its columns' encoding and the training rows'
/// scaler (kept with the model for predictions).
pub type Encoding = (Schema, Scaler);

/// A fit ready to step, with what its end needs.
pub struct PreparedRun {
    /// The fit.
    pub training: Training,
    /// The held-out rows, evaluated at the end.
    pub test: Dataset,
    /// For a file: how its rows become the model's input.
    pub encoding: Option<Encoding>,
    /// What the page shows when the fit starts.
    pub info: RunInfo,
}

/// Class ids (one column) as one-hot rows of `classes` columns; ids out of range stay all-zero
/// rows, which the loss's label check then reports.
fn one_hot(ids: &Array2<f32>, classes: usize) -> Array2<f32> {
    let mut out = Array2::zeros((ids.nrows(), classes));
    for (i, &c) in ids.column(0).iter().enumerate() {
        if c >= 0.0 && (c as usize) < classes {
            out[[i, c as usize]] = 1.0;
        }
    }
    out
}

/// Splits `data`, builds the model of `spec` and its fit, or says why not.
pub fn prepare_run(data: &Data, spec: &TrainSpec) -> Result<PreparedRun, NnError> {
    let features = data.dataset().features();
    let rows = data.dataset().rows();
    let bytes = memory_needed(features, &spec.layers, &spec.optimizer, spec.batch_size, rows);
    if bytes > MEMORY_LIMIT {
        return Err(NnError::TooLarge { bytes, limit: MEMORY_LIMIT });
    }
    let (mut train, mut test, encoding, notes) = match data {
        Data::Generated(data) => {
            let (train, test) = train_test_split(data, spec.test_size, spec.seed);
            (train, test, None, Vec::new())
        }
        Data::File(prepared) => {
            let split = prepared.split(spec.test_size, spec.seed);
            (split.train, split.test, Some((prepared.schema.clone(), split.scaler)), split.notes)
        }
    };
    if spec.loss == Loss::CategoricalCrossentropy {
        let classes = spec.layers.last().map_or(1, |l| l.units(features));
        (train.y, test.y) = (one_hot(&train.y, classes), one_hot(&test.y, classes));
    }
    let validation = match spec.validation {
        ValidationSource::TestSplit => Validation::Data(test.x.clone(), test.y.clone()),
        ValidationSource::Split(f) => Validation::Split(f),
        ValidationSource::None => Validation::None,
    };
    let training = fit_of(spec, features, train.x, train.y, validation)?;
    let info = RunInfo {
        summary: training.model().summary(),
        epochs: training.epochs(),
        steps: training.steps_per_epoch(),
        train_rows: training.train_rows(),
        test_rows: test.rows(),
        notes,
    };
    Ok(PreparedRun { training, test, encoding, info })
}

/// The fit of `spec` on `features`-wide rows `x` and labels `y`, validated by `validation`: the
/// model built from the seed, and `fit`'s options. A replica in another worker makes its fit
/// with this too, from the rows and validation of the first one's, so that both are one fit.
pub fn fit_of(
    spec: &TrainSpec,
    features: usize,
    x: Array2<f32>,
    y: Array2<f32>,
    validation: Validation,
) -> Result<Training, NnError> {
    let model = Sequential::new(features, &spec.layers, spec.seed)?;
    let options = FitOptions {
        epochs: spec.epochs,
        batch_size: spec.batch_size,
        validation,
        seed: spec.seed,
        early_stopping: spec.early_stopping,
        ..Default::default()
    };
    Training::new(model, spec.loss, spec.optimizer.clone(), x, y, options)
}

/// `model.evaluate(X_test, y_test)` at the end of a fit, with the classification report (the
/// confusion matrix, ROC, and the training rows' accuracy) where there is one.
pub fn evaluate_run(
    run: &PreparedRun,
    loss: Loss,
    batch_size: usize,
) -> Result<(TestLogs, Option<EvaluationReport>), NnError> {
    let model = run.training.model();
    let e = model.evaluate(&run.test.x, &run.test.y, loss, batch_size)?;
    let report = evaluation_report(model, loss, (&run.test.x, &run.test.y), run.training.training_data())?;
    let steps = run.test.rows().div_ceil(batch_size.max(1));
    let training = &run.training;
    let stopped_early = training.stopped_early().then(|| (training.history().epochs.len(), training.restored_epoch()));
    Ok((TestLogs { steps, loss: e.loss, accuracy: e.accuracy, elapsed_ms: 0.0, stopped_early }, report))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{generate, Generator, GeneratorSpec};
    use crate::nn::{Activation, DenseConfig, LayerConfig};

    fn circles() -> Data {
        Data::Generated(generate(&GeneratorSpec { generator: Generator::Circles, rows: 200, ..Default::default() }))
    }

    #[test]
    fn the_seed_set_up_splits_validates_on_the_test_rows_and_steps() {
        let data = Data::Generated(generate(&GeneratorSpec::default()));
        let run = prepare_run(&data, &TrainSpec::default()).unwrap();
        assert_eq!((run.info.train_rows, run.info.test_rows, run.info.steps), (800, 200, 25));
        assert!(run.info.summary.contains("Total params: 769"));
        assert!(run.encoding.is_none());
    }

    #[test]
    fn categorical_crossentropy_gets_one_hot_labels() {
        let blobs = GeneratorSpec { generator: Generator::Blobs, rows: 90, classes: 3, ..Default::default() };
        let spec = TrainSpec {
            layers: vec![LayerConfig::Dense(DenseConfig {
                units: 3,
                activation: Activation::Softmax,
                ..Default::default()
            })],
            loss: Loss::CategoricalCrossentropy,
            ..TrainSpec::default()
        };
        let run = prepare_run(&Data::Generated(generate(&blobs)), &spec).unwrap();
        assert_eq!(run.test.y.ncols(), 3);
        assert!(run.test.y.rows().into_iter().all(|r| r.sum() == 1.0));
    }

    #[test]
    fn a_set_up_too_large_for_the_browser_is_refused_with_the_figure() {
        let giant = LayerConfig::Dense(DenseConfig { units: 4096, activation: Activation::Relu, ..Default::default() });
        let out = LayerConfig::Dense(DenseConfig { units: 1, activation: Activation::Sigmoid, ..Default::default() });
        // The set-up: 200,000 rows × 10 features, two layers of 4096, batches of 100,000.
        let spec = TrainSpec { layers: vec![giant.clone(), giant, out], batch_size: 100_000, ..TrainSpec::default() };
        let rows = Data::Generated(generate(&GeneratorSpec { rows: 200_000, ..Default::default() }));
        match prepare_run(&rows, &spec) {
            Err(NnError::TooLarge { bytes, limit }) => assert!(bytes > limit),
            other => panic!("{:?}", other.map(|r| r.info)),
        }
    }

    #[test]
    fn a_fit_made_again_from_its_rows_and_validation_is_the_same_fit() {
        // What a replica in another worker does: its fit from the first fit's rows.
        for validation in [ValidationSource::TestSplit, ValidationSource::Split(0.25), ValidationSource::None] {
            let spec = TrainSpec { epochs: 2, validation, ..TrainSpec::default() };
            let mut first = prepare_run(&circles(), &spec).unwrap().training;
            let (x, y) = first.training_data();
            let again = first.validation_data().map(|(vx, vy)| Validation::Data(vx.clone(), vy.clone()));
            let mut again = fit_of(&spec, x.ncols(), x.clone(), y.clone(), again.unwrap_or(Validation::None)).unwrap();
            while !first.is_finished() {
                assert_eq!(first.step(|| 0.0).unwrap(), again.step(|| 0.0).unwrap(), "{validation:?}");
            }
            assert!(again.is_finished() && first.model().same_bits(again.model()), "{validation:?}");
        }
    }

    #[test]
    fn the_end_of_a_run_evaluates_the_test_rows() {
        let spec = TrainSpec {
            layers: vec![
                LayerConfig::Dense(DenseConfig { units: 8, activation: Activation::Tanh, ..Default::default() }),
                LayerConfig::Dense(DenseConfig { units: 1, activation: Activation::Sigmoid, ..Default::default() }),
            ],
            epochs: 2,
            ..TrainSpec::default()
        };
        let mut run = prepare_run(&circles(), &spec).unwrap();
        while !run.training.is_finished() {
            run.training.step(|| 0.0).unwrap();
        }
        let (logs, report) = evaluate_run(&run, spec.loss, spec.batch_size).unwrap();
        assert_eq!(logs.steps, 2, "40 test rows in batches of 32");
        assert_eq!(report.unwrap().rows(), 40);
    }
}
