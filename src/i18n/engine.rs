//! The engine's errors in words ([`Words`] for [`NnError`]), and their English `Display`.

use super::{fill, Text, Words};
use crate::nn::{Allowed, LabelRange, LayerProblem, Misfit, NnError, OptionProblem, ReplicaError, ScheduleProblem};

/// `2.1 MB`, `512 KB`, `3.4 GB`: a size as a person reads it (powers of 1,000).
pub fn bytes(n: u64) -> String {
    let n = n as f64;
    match n {
        n if n >= 1e9 => format!("{:.1} GB", n / 1e9),
        n if n >= 1e6 => format!("{:.1} MB", n / 1e6),
        n if n >= 1e3 => format!("{:.0} KB", n / 1e3),
        n => format!("{n} B"),
    }
}

impl Words for LabelRange {
    fn words(&self, t: &'static Text) -> String {
        let t = &t.engine;
        match self {
            LabelRange::ZeroToOne => t.accepts_zero_to_one.to_string(),
            LabelRange::OneHot => t.accepts_one_hot.to_string(),
            LabelRange::ClassIds { last } => fill(t.accepts_class_ids, &[("last", last)]),
            LabelRange::Finite => t.accepts_finite.to_string(),
        }
    }
}

/// A misfit between the loss `loss` and the output layer.
pub fn misfit_words(loss: &str, misfit: &Misfit, t: &'static Text) -> String {
    let t = &t.engine;
    match misfit {
        Misfit::BinaryAfterSoftmax { units } => {
            fill(t.misfit_binary_after_softmax, &[("loss", &loss), ("units", units)])
        }
        Misfit::NeedsSoftmax { activation } => {
            fill(t.misfit_needs_softmax, &[("loss", &loss), ("activation", &activation.keras_name())])
        }
        Misfit::TooFewUnits { units } => fill(t.misfit_too_few_units, &[("loss", &loss), ("units", units)]),
    }
}

/// What a layer's argument accepts, in words ("from 0 to 1").
pub(crate) fn allowed_words(allowed: Allowed, text: &'static Text) -> &'static str {
    let t = &text.engine;
    match allowed {
        Allowed::AtLeastOne => t.allowed_at_least_one,
        Allowed::FromZeroBelowOne => t.allowed_from_zero_below_one,
        Allowed::ZeroToOne => t.allowed_zero_to_one,
        Allowed::Positive => t.allowed_positive,
        Allowed::NonNegative => t.allowed_non_negative,
    }
}

impl Words for LayerProblem {
    fn words(&self, text: &'static Text) -> String {
        let t = &text.engine;
        let allowed = allowed_words(self.allowed, text);
        let values: [(&str, &dyn std::fmt::Display); 4] =
            [("class", &self.class), ("argument", &self.argument), ("allowed", &allowed), ("value", &self.value)];
        fill(t.layer_argument, &values)
    }
}

impl Words for ScheduleProblem {
    fn words(&self, t: &'static Text) -> String {
        let t = &t.engine;
        match self {
            ScheduleProblem::ValuesCount { boundaries, values } => {
                fill(t.schedule_values_count, &[("boundaries", boundaries), ("values", values)])
            }
            ScheduleProblem::BoundariesNotIncreasing => t.schedule_boundaries.to_string(),
            ScheduleProblem::NoDecaySteps => t.schedule_no_decay_steps.to_string(),
            ScheduleProblem::Rate { value } => fill(t.schedule_rate, &[("value", value)]),
            ScheduleProblem::DecayRate { value } => fill(t.schedule_decay_rate, &[("value", value)]),
            ScheduleProblem::Alpha { value } => fill(t.schedule_alpha, &[("value", value)]),
        }
    }
}

impl Words for NnError {
    fn words(&self, text: &'static Text) -> String {
        let t = &text.engine;
        match self {
            NnError::FeatureCount { expected, got } => fill(t.feature_count, &[("expected", expected), ("got", got)]),
            NnError::RowMismatch { features, labels } => {
                fill(t.row_mismatch, &[("features", features), ("labels", labels)])
            }
            NnError::LabelWidth { expected, got, loss } => {
                fill(t.label_width, &[("loss", &loss.keras_name()), ("expected", expected), ("got", got)])
            }
            NnError::LabelOutOfRange { row, value, loss, accepts } => fill(
                t.label_out_of_range,
                &[
                    ("value", value),
                    ("row", &(row + 1)),
                    ("loss", &loss.keras_name()),
                    ("accepts", &accepts.words(text)),
                ],
            ),
            NnError::NonFiniteFeature { row, column } => {
                fill(t.non_finite_feature, &[("row", &(row + 1)), ("column", &(column + 1))])
            }
            NnError::LossMisfit { loss, misfit } => misfit_words(loss.keras_name(), misfit, text),
            NnError::NoRows => t.no_rows.to_string(),
            NnError::EmptyModel => t.empty_model.to_string(),
            NnError::BadLayer { layer, problem } => {
                fill(t.bad_layer, &[("n", &(layer + 1)), ("problem", &problem.words(text))])
            }
            NnError::OutputNotDense { class } => fill(t.output_not_dense, &[("class", class)]),
            NnError::BadOption { option, problem } => {
                let problem = match problem {
                    OptionProblem::AtLeastOne => t.option_at_least_one.to_string(),
                    OptionProblem::NotAFraction { value } => fill(t.option_not_a_fraction, &[("value", value)]),
                };
                fill(t.bad_option, &[("name", &option.keras_name()), ("problem", &problem)])
            }
            NnError::BadSchedule(problem) => problem.words(text),
            NnError::Diverged { epoch, batch } => fill(t.diverged, &[("epoch", epoch), ("batch", batch)]),
            NnError::TooLarge { bytes: needed, limit } => {
                fill(t.too_large, &[("needed", &bytes(*needed)), ("limit", &bytes(*limit))])
            }
        }
    }
}

impl Words for ReplicaError {
    fn words(&self, text: &'static Text) -> String {
        let t = &text.engine;
        match self {
            ReplicaError::BatchStatistics { layer, class } => {
                fill(t.replica_batch_statistics, &[("class", class), ("n", &(layer + 1))])
            }
            ReplicaError::NoSuchReplica { index, count } => {
                fill(t.replica_missing, &[("n", &(index + 1)), ("count", count)])
            }
        }
    }
}

english_display!(NnError, ReplicaError);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::check::assert_words;
    use crate::i18n::Lang;
    use crate::nn::{
        Activation, BatchNormConfig, DenseConfig, DropoutConfig, FitOption, LayerConfig, Loss, Regularizer,
    };

    #[test]
    fn every_error_says_itself_in_both_languages_with_the_same_figures() {
        let all = [
            NnError::FeatureCount { expected: 10, got: 9 },
            NnError::RowMismatch { features: 800, labels: 799 },
            NnError::LabelWidth { expected: 3, got: 1, loss: Loss::CategoricalCrossentropy },
            NnError::LabelOutOfRange {
                row: 41,
                value: 7.0,
                loss: Loss::SparseCategoricalCrossentropy,
                accepts: LabelRange::ClassIds { last: 2 },
            },
            NnError::LabelOutOfRange {
                row: 0,
                value: 2.0,
                loss: Loss::BinaryCrossentropy,
                accepts: LabelRange::ZeroToOne,
            },
            NnError::LabelOutOfRange {
                row: 0,
                value: 2.0,
                loss: Loss::CategoricalCrossentropy,
                accepts: LabelRange::OneHot,
            },
            NnError::LabelOutOfRange {
                row: 3,
                value: f32::NAN,
                loss: Loss::MeanSquaredError,
                accepts: LabelRange::Finite,
            },
            NnError::NonFiniteFeature { row: 4, column: 2 },
            NnError::LossMisfit { loss: Loss::BinaryCrossentropy, misfit: Misfit::BinaryAfterSoftmax { units: 3 } },
            NnError::LossMisfit {
                loss: Loss::CategoricalCrossentropy,
                misfit: Misfit::NeedsSoftmax { activation: Activation::Sigmoid },
            },
            NnError::LossMisfit { loss: Loss::SparseCategoricalCrossentropy, misfit: Misfit::TooFewUnits { units: 1 } },
            NnError::NoRows,
            NnError::EmptyModel,
            NnError::BadLayer {
                layer: 2,
                problem: LayerConfig::Dense(DenseConfig { units: 0, ..Default::default() }).problem().unwrap(),
            },
            NnError::BadLayer {
                layer: 1,
                problem: LayerConfig::Dropout(DropoutConfig { rate: 1.5 }).problem().unwrap(),
            },
            NnError::BadLayer {
                layer: 1,
                problem: LayerConfig::BatchNormalization(BatchNormConfig { momentum: 2.0, ..Default::default() })
                    .problem()
                    .unwrap(),
            },
            NnError::BadLayer {
                layer: 1,
                problem: LayerConfig::BatchNormalization(BatchNormConfig { epsilon: -1.0, ..Default::default() })
                    .problem()
                    .unwrap(),
            },
            NnError::BadLayer {
                layer: 0,
                problem: LayerConfig::Dense(DenseConfig {
                    units: 4,
                    kernel_regularizer: Some(Regularizer::L1L2 { l1: 0.1, l2: -0.5 }),
                    ..Default::default()
                })
                .problem()
                .unwrap(),
            },
            NnError::OutputNotDense { class: "Dropout".into() },
            NnError::BadOption { option: FitOption::Epochs, problem: OptionProblem::AtLeastOne },
            NnError::BadOption {
                option: FitOption::ValidationSplit,
                problem: OptionProblem::NotAFraction { value: 1.5 },
            },
            NnError::BadSchedule(ScheduleProblem::ValuesCount { boundaries: 2, values: 2 }),
            NnError::BadSchedule(ScheduleProblem::BoundariesNotIncreasing),
            NnError::BadSchedule(ScheduleProblem::NoDecaySteps),
            NnError::BadSchedule(ScheduleProblem::Rate { value: -1.0 }),
            NnError::BadSchedule(ScheduleProblem::DecayRate { value: 0.0 }),
            NnError::BadSchedule(ScheduleProblem::Alpha { value: 3.0 }),
            NnError::Diverged { epoch: 3, batch: 17 },
            NnError::TooLarge { bytes: 3_400_000_000, limit: 1_500_000_000 },
        ];
        for error in &all {
            assert_words(error);
        }
        assert_eq!(all[7].in_lang(Lang::Zh), "第 5 行的第 3 个特征不是有限的数");
        assert_eq!(all[7].to_string(), "feature 3 of row 5 is not a finite number");
        assert_eq!(bytes(3_400_000_000), "3.4 GB");
        let regularizer = all.iter().find(|e| e.to_string().contains("L1L2")).expect("the regularizer's error");
        assert_eq!(regularizer.to_string(), "layer 1: L1L2's l2 must be 0 or more, not -0.5");
        assert_eq!(regularizer.in_lang(Lang::Zh), "第 1 层：L1L2 的 l2 必须大于或等于 0，而不是 -0.5");
    }

    #[test]
    fn a_fit_kept_on_one_worker_says_why_in_both_languages_counting_from_1() {
        let bn = ReplicaError::BatchStatistics { layer: 1, class: "BatchNormalization".into() };
        let none = ReplicaError::NoSuchReplica { index: 3, count: 3 };
        assert_words(&bn);
        assert_words(&none);
        assert_eq!(
            bn.to_string(),
            "BatchNormalization (layer 2) normalises with the statistics of each whole batch, which no worker taking a share of it sees"
        );
        assert_eq!(
            bn.in_lang(Lang::Zh),
            "BatchNormalization（第 2 层）用每个完整批次的统计量做归一化，而分担批次的每个 Worker 只看到其中一部分"
        );
        assert_eq!(none.to_string(), "there is no replica 4 of 3: replicas are numbered from 1 to 3");
    }
}
