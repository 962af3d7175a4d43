//! The set-up's problems in words: what the address said that could not be used
//! ([`SetupError`]), and why the model's output does not fit the data ([`OutputMisfit`]).

use super::engine::allowed_words;
use super::{fill, misfit_words, Text, Words};
use crate::data::Task;
use crate::setup::layer_syntax::SYNTAXES;
use crate::setup::{LayerSyntax, Named, NotHere, OutputMisfit, SetupError, SetupProblem, ValueProblem};

fn named(what: Named, t: &'static Text) -> &'static str {
    let t = &t.link;
    match what {
        Named::Dataset => t.named_dataset,
        Named::Loss => t.named_loss,
        Named::Optimizer => t.named_optimizer,
        Named::Schedule => t.named_schedule,
        Named::Monitor => t.named_monitor,
        Named::Metric => t.named_metric,
        Named::Activation => t.named_activation,
        Named::Initializer => t.named_initializer,
    }
}

impl Words for ValueProblem {
    fn words(&self, text: &'static Text) -> String {
        let t = &text.link;
        match self {
            ValueProblem::Number { min, max, whole, open_min, open_max } => {
                let range = text.model.range(*min, *max, *whole, *open_min, *open_max);
                fill(t.expected, &[("range", &range)])
            }
            ValueProblem::Flag => t.expected_flag.to_string(),
            ValueProblem::UnknownName { what, name, expected } => fill(
                t.unknown_name,
                &[("what", &named(*what, text)), ("name", name), ("expected", &expected.join(", "))],
            ),
            ValueProblem::Validation => t.expected_validation.to_string(),
            ValueProblem::ListItem { item, steps: true } => fill(t.list_steps, &[("item", item)]),
            ValueProblem::ListItem { item, steps: false } => fill(t.list_rates, &[("item", item)]),
            ValueProblem::Schedule(problem) => problem.words(text),
            ValueProblem::Layer { index, text: layer, problem } => {
                let why = match problem {
                    LayerSyntax::Units { units, max } => fill(t.layer_units, &[("units", units), ("max", max)]),
                    LayerSyntax::Name(problem) => problem.words(text),
                    LayerSyntax::Argument { class, argument, written, allowed } => fill(
                        t.layer_argument,
                        &[
                            ("class", class),
                            ("argument", argument),
                            ("written", written),
                            ("allowed", &allowed_words(*allowed, text)),
                        ],
                    ),
                    LayerSyntax::Factor { key, factor, max } => {
                        fill(t.layer_factor, &[("key", key), ("factor", factor), ("max", max)])
                    }
                    LayerSyntax::Extra { part } => {
                        fill(t.layer_extra, &[("part", part), ("syntaxes", &SYNTAXES.join(", "))])
                    }
                };
                fill(t.layer, &[("n", &(index + 1)), ("text", layer), ("why", &why)])
            }
            ValueProblem::TooManyLayers { count, max } => fill(t.too_many_layers, &[("count", count), ("max", max)]),
        }
    }
}

/// The words of a [`SetupProblem`] for key `key`.
fn problem_words(key: &str, problem: &SetupProblem, text: &'static Text) -> String {
    let t = &text.link;
    match problem {
        SetupProblem::UnknownKey { keys } => fill(t.unknown_key, &[("keys", &keys.join(", "))]),
        SetupProblem::Duplicate { times } => fill(t.duplicate, &[("times", times)]),
        SetupProblem::Value(v) => v.words(text),
        SetupProblem::NotHere(NotHere::Optimizer { optimizer, owners }) => {
            fill(t.not_for_optimizer, &[("optimizer", optimizer), ("key", &key), ("owners", &owners.join(t.or))])
        }
        SetupProblem::NotHere(NotHere::Schedule { schedule }) => {
            fill(t.not_for_schedule, &[("schedule", schedule), ("key", &key)])
        }
        SetupProblem::NotHere(NotHere::PiecewiseRate) => t.piecewise_rate.to_string(),
        SetupProblem::NotHere(NotHere::EarlyStoppingOff) => t.early_stopping_off.to_string(),
        SetupProblem::NotHere(NotHere::NotGenerated { source }) => {
            fill(t.not_generated, &[("source", source), ("key", &key)])
        }
        SetupProblem::CsvCannotRun => t.csv_cannot_run.to_string(),
        SetupProblem::AddressTooLong { length, max } => fill(t.address_too_long, &[("length", length), ("max", max)]),
    }
}

impl Words for SetupError {
    fn words(&self, text: &'static Text) -> String {
        let why = problem_words(&self.key, &self.problem, text);
        fill(text.link.refused, &[("key", &self.key), ("value", &self.value), ("why", &why)])
    }
}

english_display!(SetupError);

impl Words for OutputMisfit {
    fn words(&self, text: &'static Text) -> String {
        let t = &text.link;
        match self {
            OutputMisfit::NoLayers => t.misfit_no_layers.to_string(),
            OutputMisfit::NotDense { layer, class } => fill(t.misfit_not_dense, &[("layer", layer), ("class", class)]),
            OutputMisfit::BinaryCategorical { layer, units, activation, loss } => {
                let has = has(text, layer, *units, activation.keras_name());
                fill(t.misfit_binary_categorical, &[("has", &has), ("loss", &loss.keras_name())])
            }
            OutputMisfit::Task { layer, units, activation, loss, layer_fits, loss_fits, task, classes } => {
                let mut parts = Vec::new();
                if !layer_fits {
                    parts.push(has(text, layer, *units, activation.keras_name()));
                }
                if !loss_fits {
                    parts.push(fill(t.misfit_loss_is, &[("loss", &loss.keras_name())]));
                }
                let data = match task {
                    Task::Binary => t.data_binary.to_string(),
                    Task::MultiClass => fill(t.data_classes, &[("classes", classes)]),
                    Task::Regression => t.data_regression.to_string(),
                };
                let (layer, loss) = crate::setup::check::fitting_output(*task, *classes);
                fill(
                    t.misfit_task,
                    &[("parts", &parts.join(t.misfit_and)), ("data", &data), ("layer", &layer), ("loss", &loss)],
                )
            }
            OutputMisfit::Loss { loss, misfit } => {
                fill(t.misfit_loss, &[("why", &misfit_words(loss.keras_name(), misfit, text))])
            }
        }
    }
}

/// "the output layer dense_1 has 3 units with softmax".
fn has(text: &'static Text, layer: &str, units: usize, activation: &str) -> String {
    let t = &text.link;
    let template = if units == 1 { t.misfit_has_one } else { t.misfit_has };
    fill(template, &[("layer", &layer), ("units", &units), ("activation", &activation)])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::check::assert_words;
    use crate::i18n::Lang;
    use crate::nn::{Activation, Loss, Misfit};

    #[test]
    fn misfits_read_as_before_in_both_languages() {
        let misfit = OutputMisfit::Task {
            layer: "dense_1".into(),
            units: 1,
            activation: Activation::Sigmoid,
            loss: Loss::BinaryCrossentropy,
            layer_fits: false,
            loss_fits: false,
            task: Task::MultiClass,
            classes: 3,
        };
        assert_eq!(
            misfit.in_lang(Lang::En),
            "the output layer dense_1 has 1 unit with sigmoid and the loss is binary_crossentropy, but the data has \
             3 classes: use Dense(3, activation='softmax') with sparse_categorical_crossentropy"
        );
        assert!(misfit.in_lang(Lang::Zh).starts_with("输出层 dense_1 有 1 个单元"));
        let all = [
            misfit,
            OutputMisfit::NoLayers,
            OutputMisfit::NotDense { layer: "dropout".into(), class: "Dropout" },
            OutputMisfit::BinaryCategorical {
                layer: "dense".into(),
                units: 1,
                activation: Activation::Sigmoid,
                loss: Loss::SparseCategoricalCrossentropy,
            },
            OutputMisfit::Loss { loss: Loss::BinaryCrossentropy, misfit: Misfit::BinaryAfterSoftmax { units: 2 } },
        ];
        for m in &all {
            assert_words(m);
        }
    }
}
