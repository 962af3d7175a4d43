//! Tests of the address' set-up: each mistake named by its key, and every set-up surviving its
//! link (a property test).

use super::super::params::{schedules, MONITORS};
use super::*;
use crate::data::{Generator, GeneratorSpec, Task};
use crate::i18n::{check::assert_words, Lang, Words};
use crate::nn::{
    Activation, Adam, BatchNormConfig, DenseConfig, DropoutConfig, EarlyStopping, Initializer, LayerConfig,
    LearningRate, Loss, Mode, Monitor, Optimizer, Regularizer, Rmsprop, Sgd,
};
use crate::protocol::ValidationSource;
use crate::setup::{output_misfit, BuiltIn, DataSource, FitSetup, ModelSetup, INITIALIZERS};
use proptest::prelude::*;

fn keys(errors: &[SetupError]) -> Vec<&str> {
    errors.iter().map(|e| e.key.as_str()).collect()
}

fn dense(units: usize, activation: Activation) -> LayerConfig {
    LayerConfig::Dense(DenseConfig { units, activation, ..Default::default() })
}

#[test]
fn a_bad_value_names_its_key_and_the_rest_still_applies() {
    let (setup, errors) = Setup::from_hash("#data=moons&layers=64:rellu&epochs=7&optimizer=sgd&lr=0.1");
    assert_eq!(errors.len(), 1);
    assert_eq!(
        errors[0].to_string(),
        "layers: \"64:rellu\" — layer 1 \"64:rellu\": unknown activation \"rellu\"; expected one of linear, relu, \
         leaky_relu, elu, sigmoid, tanh, softmax"
    );
    assert_eq!(setup.source, DataSource::Generated(Generator::Moons));
    assert_eq!(setup.fit.epochs, 7);
    let sgd = Sgd { learning_rate: LearningRate::Constant(0.1), ..Default::default() };
    assert_eq!(setup.model.optimizer, Optimizer::Sgd(sgd));
    assert_eq!(setup.model.layers, ModelSetup::default().layers, "the layers keep their default");
}

#[test]
fn a_learning_rate_out_of_range_reads_as_a_positive_number_up_to_10() {
    for bad in ["0", "-0.1", "11", "fast", "NaN", "1e999"] {
        let (_, errors) = Setup::from_hash(&format!("#lr={bad}&schedule=exponential_decay&decay_rate={bad}"));
        let said: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(
            said,
            [
                format!("lr: \"{bad}\" — expected a positive number up to 10"),
                format!("decay_rate: \"{bad}\" — expected a positive number up to 10"),
            ]
        );
        errors.iter().for_each(assert_words);
    }
    let (setup, errors) = Setup::from_hash("#optimizer=sgd&lr=1e-30");
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(setup.model.optimizer.learning_rate(), &LearningRate::Constant(1e-30));
}

#[test]
fn every_kind_of_mistake_is_reported() {
    let hash = "data=mnist&rows=5&noise=x&layers=0:relu&loss=hinge&optimizer=adam&momentum=0.9\
                &validation=2&early_stopping=val_auc&patience=3&colour=red&run=yes&schedule=exponential_decay&alpha=0.1";
    let (setup, errors) = Setup::from_hash(hash);
    let mut got = keys(&errors);
    got.sort();
    let mut want = [
        "colour",
        "data",
        "rows",
        "noise",
        "layers",
        "loss",
        "momentum",
        "validation",
        "early_stopping",
        "patience",
        "run",
        "alpha",
    ];
    want.sort();
    assert_eq!(got, want, "{errors:#?}");
    let mut expected = Setup::default();
    *expected.model.optimizer.learning_rate_mut() = schedules()[1].clone();
    assert_eq!(setup, expected);
    let message = |key: &str| errors.iter().find(|e| e.key == key).unwrap().to_string();
    assert_eq!(message("rows"), "rows: \"5\" — expected a whole number from 10 to 200000");
    assert_eq!(message("momentum"), "momentum: \"0.9\" — adam has no momentum; it is a parameter of sgd or rmsprop");
    assert!(message("data")
        .contains("expected one of seed, blobs, xor, circles, moons, spirals, linear, breast_cancer, iris, wine, csv"));
    assert!(message("colour").starts_with("colour: \"red\" — unknown key; the keys are data, rows,"));
    assert!(message("patience").contains("early stopping is off"));
}

#[test]
fn the_tables_ranges_are_the_addresses_ranges() {
    // Once accepted by the address and refused by the fields: no more (one range for both).
    let (_, errors) = Setup::from_hash("#schedule=cosine_decay&decay_steps=1050000000000&test_size=0.995");
    assert_eq!(keys(&errors), ["decay_steps", "test_size"], "{errors:#?}");
    assert_eq!(errors[1].to_string(), "test_size: \"0.995\" — expected a number from 0.01 to 0.99");
}

#[test]
fn duplicate_keys_and_keys_out_of_place_are_named() {
    let (setup, errors) = Setup::from_hash("data=seed&data=moons&rows=100&data=xor");
    assert_eq!(setup.source, DataSource::Generated(Generator::Seed), "the first is used");
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].to_string(), "data: \"seed\" — given 3 times; the first is used");
    let (_, errors) = Setup::from_hash("data=iris&noise=0.5&schedule=piecewise_constant_decay&lr=0.1");
    let said: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        said,
        [
            "noise: \"0.5\" — iris is not generated: noise is a generator's parameter",
            "lr: \"0.1\" — the piecewise_constant_decay schedule takes its learning rates from values",
        ]
    );
}

#[test]
fn a_huge_address_or_value_is_bounded() {
    let huge = format!("layers={}", "64:relu,".repeat(3000));
    let (setup, errors) = Setup::from_hash(&huge);
    assert_eq!(setup, Setup::default());
    assert_eq!(errors.len(), 1);
    assert!(matches!(errors[0].problem, SetupProblem::AddressTooLong { .. }));
    assert!(errors[0].value.chars().count() <= super::super::problem::SHOWN_VALUE + 1, "not echoed whole");
    let (_, errors) = Setup::from_hash(&format!("layers={}4:relu", "4:relu,".repeat(64)));
    assert!(errors[0].to_string().contains("65 layers; a model of the lab has at most 64"), "{}", errors[0]);
    assert!(errors[0].value.ends_with('…'));
    // The texts a problem quotes are cut too: the name, a list item, a layer's text and part.
    for link in [
        format!("optimizer={}", "x".repeat(15_000)),
        format!("schedule=piecewise_constant_decay&boundaries={}", "x".repeat(15_000)),
        format!("layers={}:relu,1:sigmoid", "9".repeat(15_000)),
        format!("layers=4:{},1:sigmoid", "r".repeat(15_000)),
    ] {
        let (_, errors) = Setup::from_hash(&link);
        let said = errors[0].to_string();
        assert!(said.chars().count() < 600, "{} characters: {}", said.chars().count(), &said[..200]);
    }
}

#[test]
fn every_mistake_is_said_in_both_languages_with_the_same_figures() {
    // One link per message the reader can give (a key is read once, so some need links of their own).
    let links = [
        "colour=red&data=mnist&rows=5&amsgrad=2&test_size=2&layers=0:relu&loss=hinge&momentum=0.9&alpha=0.1\
         &validation=2&early_stopping=val_auc&metrics=auc",
        "layers=64:rellu&optimizer=nadam&schedule=cos&patience=3",
        "layers=8:relu:nope&optimizer=sgd&rho=0.9&schedule=piecewise_constant_decay&boundaries=a&values=x",
        "layers=8:relu:he_normal:x&optimizer=rmsprop&nesterov=1&schedule=piecewise_constant_decay&boundaries=10&values=1",
        "schedule=piecewise_constant_decay&boundaries=20,10&values=1,2,3",
        "layers=dropout:1.5,8:relu:l2=-3,batch_norm:1&data=seed&data=xor&lr=1e999",
        "data=wine&rows=100&schedule=piecewise_constant_decay&lr=0.1",
    ];
    let mut errors: Vec<SetupError> = links.iter().flat_map(|link| Setup::from_hash(link).1).collect();
    errors.push(SetupError::csv_cannot_run());
    errors.extend(Setup::from_hash(&"x".repeat(20_000)).1);
    assert!(errors.len() >= 28, "{errors:#?}");
    for error in &errors {
        assert_words(error);
    }
    let (_, errors) = Setup::from_hash("layers=64:rellu");
    assert_eq!(
        errors[0].in_lang(Lang::Zh),
        "layers：“64:rellu”——第 1 层“64:rellu”：未知的激活函数“rellu”；应为以下之一：linear, relu, leaky_relu, elu, sigmoid, tanh, softmax"
    );
    let (_, errors) = Setup::from_hash("layers=dropout:1");
    assert_eq!(
        errors[0].in_lang(Lang::En),
        "layers: \"dropout:1\" — layer 1 \"dropout:1\": Dropout's rate \"1\" must be from 0 up to (not including) 1"
    );
}

#[test]
fn the_output_fits_the_named_data_unless_the_link_says_otherwise() {
    let (iris, errors) = Setup::from_hash("data=iris");
    assert!(errors.is_empty());
    let last = iris.model.layers.last().unwrap().as_dense().unwrap();
    assert_eq!(
        (last.units, last.activation, iris.model.loss),
        (3, Activation::Softmax, Loss::SparseCategoricalCrossentropy)
    );
    let (blobs, _) = Setup::from_hash("data=blobs&classes=5");
    assert_eq!(blobs.model.layers.last().unwrap().units(0), 5);
    // Explicit layers are kept, misfit or not: the page says what misfits.
    let (explicit, _) = Setup::from_hash("data=iris&layers=8:tanh:he_uniform,1:sigmoid&loss=binary_crossentropy");
    assert_eq!(explicit.model.layers[0].as_dense().unwrap().kernel_initializer, Initializer::HeUniform);
    assert_eq!(explicit.model.layers[1].units(0), 1);
    assert_eq!(explicit.model.loss, Loss::BinaryCrossentropy);
    assert!(output_misfit(&explicit.model.layers, explicit.model.loss, Task::MultiClass, 3).is_some());
}

#[test]
fn escapes_and_order_do_not_matter() {
    let (a, _) = Setup::from_hash("#epochs=3&layers=16%3Arelu%2C1%3Asigmoid&data=xor");
    let (b, _) = Setup::from_hash("data=xor&layers=16:relu,1:sigmoid&epochs=3");
    assert_eq!(a, b);
    assert_eq!(a.model.layers[0].units(0), 16);
    assert_eq!(Setup::from_hash("").0, Setup::default());
    assert_eq!(Setup::from_hash("#").1, []);
}

#[test]
fn the_defaults_are_written_in_full() {
    assert_eq!(
        Setup::default().to_hash(),
        "data=seed&rows=1000&features=10&classes=3&seed=42&layers=64:relu,1:sigmoid\
         &loss=binary_crossentropy&optimizer=adam&lr=0.001&epochs=10&batch=32&validation=test"
    );
}

#[test]
fn the_set_up_reaches_the_fit() {
    let (setup, errors) = Setup::from_hash(
        "data=wine&validation=0.1&early_stopping=val_accuracy&patience=2&min_delta=0.01&restore_best_weights=1\
         &schedule=cosine_decay&decay_steps=50&alpha=0.1&optimizer=rmsprop&rho=0.8&lr=0.01&test_size=0.3&seed=7\
         &layers=16:relu:l1=0.001:l2=0.01,dropout:0.3,batch_norm,3:softmax",
    );
    assert_eq!(errors, []);
    let spec = setup.train_spec();
    assert_eq!(spec.validation, ValidationSource::Split(0.1));
    let es = spec.early_stopping.unwrap();
    assert_eq!(
        (es.monitor, es.patience, es.min_delta, es.restore_best_weights, es.mode),
        (Monitor::ValAccuracy, 2, 0.01, true, Mode::Auto)
    );
    let learning_rate = LearningRate::CosineDecay { initial_learning_rate: 0.01, decay_steps: 50, alpha: 0.1 };
    assert_eq!(spec.optimizer, Optimizer::Rmsprop(Rmsprop { rho: 0.8, learning_rate, ..Default::default() }));
    assert_eq!((spec.test_size, spec.seed), (0.3, 7));
    assert_eq!(
        spec.layers,
        [
            LayerConfig::Dense(DenseConfig {
                units: 16,
                activation: Activation::Relu,
                kernel_regularizer: Some(Regularizer::L1L2 { l1: 0.001, l2: 0.01 }),
                ..Default::default()
            }),
            LayerConfig::Dropout(DropoutConfig { rate: 0.3 }),
            LayerConfig::BatchNormalization(BatchNormConfig::default()),
            dense(3, Activation::Softmax),
        ]
    );
    assert_eq!(setup.generator_spec(), None, "a built-in dataset is not generated");
    // What the worker receives is what the engine builds and trains: the model builds.
    assert!(crate::nn::Sequential::new(13, &spec.layers, spec.seed).is_ok());
}

fn layer_strategy() -> impl Strategy<Value = LayerConfig> {
    let factor = prop_oneof![Just(0.0), 1e-5f64..1.0];
    let dense = (1usize..300, 0..Activation::ALL.len(), 0..INITIALIZERS.len(), factor.clone(), factor).prop_map(
        |(units, a, i, l1, l2)| {
            LayerConfig::Dense(DenseConfig {
                units,
                activation: Activation::ALL[a],
                kernel_initializer: INITIALIZERS[i],
                kernel_regularizer: Regularizer::from_factors(l1, l2),
                ..Default::default()
            })
        },
    );
    prop_oneof![
        4 => dense,
        1 => (0.0f64..0.99).prop_map(|rate| LayerConfig::Dropout(DropoutConfig { rate })),
        1 => Just(LayerConfig::BatchNormalization(BatchNormConfig::default())),
    ]
}

fn schedule_strategy(lr: f64) -> impl Strategy<Value = LearningRate> {
    prop_oneof![
        Just(LearningRate::Constant(lr)),
        (1u64..10_000, 0.01f64..1.0, any::<bool>()).prop_map(move |(decay_steps, decay_rate, staircase)| {
            LearningRate::ExponentialDecay { initial_learning_rate: lr, decay_steps, decay_rate, staircase }
        }),
        (1u64..10_000, 0.0f64..1.0).prop_map(move |(decay_steps, alpha)| LearningRate::CosineDecay {
            initial_learning_rate: lr,
            decay_steps,
            alpha
        }),
        prop::collection::btree_set(0u64..10_000, 0..4).prop_flat_map(|b| {
            let n = b.len() + 1;
            (Just(b.into_iter().collect::<Vec<_>>()), prop::collection::vec(1e-5f64..1.0, n))
                .prop_map(|(boundaries, values)| LearningRate::PiecewiseConstantDecay { boundaries, values })
        }),
    ]
}

fn optimizer_strategy() -> impl Strategy<Value = Optimizer> {
    let unit = 0.0f64..0.99;
    (1e-5f64..1.0).prop_flat_map(move |lr| {
        let unit = unit.clone();
        prop_oneof![
            (schedule_strategy(lr), unit.clone(), any::<bool>()).prop_map(|(learning_rate, momentum, nesterov)| {
                Optimizer::Sgd(Sgd { learning_rate, momentum, nesterov })
            }),
            (schedule_strategy(lr), unit.clone(), unit.clone(), 1e-9f64..1e-3, any::<bool>()).prop_map(
                |(learning_rate, beta_1, beta_2, epsilon, amsgrad)| {
                    Optimizer::Adam(Adam { learning_rate, beta_1, beta_2, epsilon, amsgrad })
                }
            ),
            (schedule_strategy(lr), unit.clone(), unit.clone(), 1e-9f64..1e-3).prop_map(
                |(learning_rate, rho, momentum, epsilon)| Optimizer::Rmsprop(Rmsprop {
                    learning_rate,
                    rho,
                    momentum,
                    epsilon
                })
            ),
        ]
    })
}

fn setup_strategy() -> impl Strategy<Value = Setup> {
    let source = prop_oneof![
        (0..Generator::ALL.len()).prop_map(|g| DataSource::Generated(Generator::ALL[g])),
        (0..BuiltIn::ALL.len()).prop_map(|b| DataSource::BuiltIn(BuiltIn::ALL[b])),
        Just(DataSource::Csv),
    ];
    let generator = (10usize..200_000, 1usize..1000, 2usize..10, 0.0f64..2.0, 0.0f64..0.5, 0u64..u32::MAX as u64);
    let layers = prop::collection::vec(layer_strategy(), 0..5);
    let last = (1usize..10, 0..Activation::ALL.len()).prop_map(|(u, a)| dense(u, Activation::ALL[a]));
    let model = ((layers, last), 0..Loss::ALL.len(), optimizer_strategy());
    let validation = prop_oneof![
        Just(ValidationSource::TestSplit),
        Just(ValidationSource::None),
        (0.01f64..0.99).prop_map(ValidationSource::Split)
    ];
    let early = prop::option::of((0..MONITORS.len(), 0usize..50, 0.0f64..1.0, any::<bool>()).prop_map(
        |(m, patience, min_delta, restore)| EarlyStopping {
            monitor: MONITORS[m],
            patience,
            min_delta,
            restore_best_weights: restore,
            ..Default::default()
        },
    ));
    let fit = (1usize..10_000, 1usize..100_000, 0.01f64..0.99, validation, early);
    (source, generator, model, fit, any::<bool>()).prop_map(
        |(source, g, ((mut layers, last), loss, optimizer), f, run)| {
            let generator = match source {
                DataSource::Generated(generator) => GeneratorSpec {
                    generator,
                    rows: g.0,
                    features: g.1,
                    classes: g.2,
                    noise: g.3,
                    label_noise: g.4,
                    seed: g.5,
                },
                // Only the seed of a file's set-up travels: the generator's fields are not used.
                _ => GeneratorSpec { seed: g.5, ..Default::default() },
            };
            layers.push(last);
            let model = ModelSetup { layers, loss: Loss::ALL[loss], optimizer };
            let fit = FitSetup { epochs: f.0, batch_size: f.1, test_size: f.2, validation: f.3, early_stopping: f.4 };
            Setup { source, generator, model, fit, run }
        },
    )
}

proptest! {
    #[test]
    fn every_set_up_survives_its_link(setup in setup_strategy()) {
        let hash = setup.to_hash();
        let (back, errors) = Setup::from_hash(&hash);
        prop_assert_eq!(errors, vec![], "{}", hash);
        prop_assert_eq!(back, setup);
    }

    #[test]
    fn no_link_makes_reading_panic(hash in "[a-z_=&:,.0-9%#-]{0,80}") {
        let _ = Setup::from_hash(&hash);
    }
}
