//! The regularisation layers and long runs against Keras' own numbers (Keras 3.15, JAX backend,
//! `model.fit` with `shuffle=False`): `Dropout(0)` changes nothing; `L1`, `L2` and `L1L2`
//! penalties in the logged loss, in `val_loss` and `evaluate`, and in the gradients;
//! `BatchNormalization` in training and inference over several steps, with its moving
//! statistics; 120 steps of Adam at learning rate 0.05 and of RMSprop; the learning-rate
//! schedules. Natively and, in `make test`, in a dedicated worker of headless Chromium and
//! Firefox.
//!
//! The fixtures and the script that made them are in `tests/reference/`
//! (`keras_layers_reference.py`; its README says how to run it again).

use mlp_lab::nn::{
    Activation, Adam, BatchNormConfig, DenseConfig, DropoutConfig, FitOptions, LayerConfig, LearningRate, Loss,
    Optimizer, Progress, Regularizer, Rmsprop, Sequential, Sgd, Training, Validation,
};
use ndarray::Array2;
use serde::Deserialize;

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_dedicated_worker);

const FIXTURES: &str = include_str!("reference/layers_fixtures.json");

/// Largest relative deviation allowed from Keras: `|ours − keras| ≤ TOLERANCE · max(|keras|, 0.1)`.
const TOLERANCE: f64 = 1e-5;

#[derive(Deserialize)]
struct Fixtures {
    cases: Vec<Case>,
    schedules: Vec<ScheduleCase>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    layers: Vec<LayerSpec>,
    loss: String,
    optimizer: OptimizerSpec,
    x: Vec<f32>,
    y: Vec<f32>,
    label_width: usize,
    batch_size: usize,
    epochs: usize,
    validation: bool,
    initial_weights: Vec<Vec<Vec<f32>>>,
    predict_initial: Vec<f32>,
    initial_loss: f64,
    initial_gradients: Vec<Vec<Vec<f32>>>,
    batch_losses: Vec<f64>,
    epoch_losses: Vec<f64>,
    val_losses: Vec<f64>,
    final_weights: Vec<Vec<Vec<f32>>>,
    predict_final: Vec<f32>,
    evaluate_loss: f64,
}

#[derive(Deserialize)]
struct RegularizerSpec {
    #[serde(default)]
    l1: f64,
    #[serde(default)]
    l2: f64,
}

#[derive(Deserialize)]
struct LayerSpec {
    class: String,
    #[serde(default)]
    units: usize,
    #[serde(default)]
    activation: String,
    #[serde(default)]
    kernel_regularizer: Option<RegularizerSpec>,
    #[serde(default)]
    bias_regularizer: Option<RegularizerSpec>,
    #[serde(default)]
    rate: f64,
}

#[derive(Deserialize)]
struct OptimizerSpec {
    name: String,
    learning_rate: f64,
    #[serde(default)]
    momentum: f64,
    #[serde(default)]
    nesterov: bool,
    #[serde(default)]
    beta_1: f64,
    #[serde(default)]
    beta_2: f64,
    #[serde(default)]
    epsilon: f64,
    #[serde(default)]
    amsgrad: bool,
    #[serde(default)]
    rho: f64,
}

#[derive(Deserialize)]
struct ScheduleCase {
    schedule: serde_json::Value,
    steps: Vec<u64>,
    values: Vec<f32>,
}

fn regularizer(spec: &Option<RegularizerSpec>) -> Option<Regularizer> {
    spec.as_ref().and_then(|r| Regularizer::from_factors(r.l1, r.l2))
}

impl LayerSpec {
    fn config(&self) -> LayerConfig {
        match self.class.as_str() {
            "Dense" => LayerConfig::Dense(DenseConfig {
                units: self.units,
                activation: Activation::from_keras_name(&self.activation).unwrap(),
                kernel_regularizer: regularizer(&self.kernel_regularizer),
                bias_regularizer: regularizer(&self.bias_regularizer),
                ..Default::default()
            }),
            "Dropout" => LayerConfig::Dropout(DropoutConfig { rate: self.rate }),
            _ => LayerConfig::BatchNormalization(BatchNormConfig::default()),
        }
    }
}

impl Case {
    fn rows(&self) -> usize {
        self.x.len() / 3
    }

    fn x(&self) -> Array2<f32> {
        Array2::from_shape_vec((self.rows(), 3), self.x.clone()).unwrap()
    }

    fn y(&self) -> Array2<f32> {
        Array2::from_shape_vec((self.rows(), self.label_width), self.y.clone()).unwrap()
    }

    fn loss(&self) -> Loss {
        Loss::from_keras_name(&self.loss).unwrap()
    }

    fn optimizer(&self) -> Optimizer {
        let o = &self.optimizer;
        let learning_rate = LearningRate::Constant(o.learning_rate);
        match o.name.as_str() {
            "sgd" => Optimizer::Sgd(Sgd { learning_rate, momentum: o.momentum, nesterov: o.nesterov }),
            "adam" => Optimizer::Adam(Adam {
                learning_rate,
                beta_1: o.beta_1,
                beta_2: o.beta_2,
                epsilon: o.epsilon,
                amsgrad: o.amsgrad,
            }),
            _ => Optimizer::Rmsprop(Rmsprop { learning_rate, rho: o.rho, momentum: o.momentum, epsilon: o.epsilon }),
        }
    }

    /// The model with the case's layers, its weights set to the case's initial ones.
    fn model(&self, without_dropout: bool) -> Sequential {
        let configs: Vec<LayerConfig> =
            self.layers.iter().filter(|l| !(without_dropout && l.class == "Dropout")).map(LayerSpec::config).collect();
        let mut model = Sequential::new(3, &configs, 0).unwrap();
        let weights = self.initial_weights.iter().filter(|w| !(without_dropout && w.is_empty()));
        for (layer, w) in model.layers.iter_mut().zip(weights) {
            for (ours, theirs) in layer.weights_mut().into_iter().zip(w) {
                ours.copy_from_slice(theirs);
            }
        }
        model
    }
}

/// Largest deviation seen, as `(relative deviation, what)`.
#[derive(Default)]
struct Worst(f64, String);

impl Worst {
    fn compare(&mut self, ours: f64, keras: f64, what: impl Fn() -> String) {
        let deviation = (ours - keras).abs() / keras.abs().max(0.1);
        assert!(deviation <= TOLERANCE, "{}: ours {ours}, Keras {keras} (relative {deviation:.2e})", what());
        if deviation > self.0 {
            *self = Worst(deviation, what());
        }
    }

    fn all(&mut self, ours: &[f32], keras: &[f32], what: impl Fn(usize) -> String) {
        assert_eq!(ours.len(), keras.len(), "{}: lengths", what(0));
        for (i, (&o, &k)) in ours.iter().zip(keras).enumerate() {
            self.compare(o as f64, k as f64, || what(i));
        }
    }
}

/// Runs the case's fit; returns the model and its batch (running-mean), epoch and val losses.
fn fit(case: &Case, model: Sequential) -> (Sequential, Vec<f64>, Vec<f64>, Vec<f64>) {
    let validation = if case.validation { Validation::Data(case.x(), case.y()) } else { Validation::None };
    let options = FitOptions {
        epochs: case.epochs,
        batch_size: case.batch_size,
        shuffle: false,
        validation,
        ..Default::default()
    };
    let mut fit = Training::new(model, case.loss(), case.optimizer(), case.x(), case.y(), options).unwrap();
    let (mut batches, mut epochs, mut vals) = (Vec::new(), Vec::new(), Vec::new());
    while !fit.is_finished() {
        match fit.step(|| 0.0).unwrap() {
            Progress::Batch(l) => batches.push(l.loss),
            Progress::Epoch(l) => {
                batches.push(l.loss);
                epochs.push(l.loss);
                vals.extend(l.val_loss);
            }
        }
    }
    (fit.model().clone(), batches, epochs, vals)
}

fn check_case(case: &Case, worst: &mut Worst) {
    let name = &case.name;
    let model = case.model(false);
    let x = case.x();
    worst.all(model.predict(&x).unwrap().as_slice().unwrap(), &case.predict_initial, |i| {
        format!("{name}: initial prediction {i}")
    });
    let (loss, grads) = model.gradients(&x, &case.y(), case.loss(), 0).unwrap();
    worst.compare(loss, case.initial_loss, || format!("{name}: initial loss with the penalty"));
    // Keras lists trainable tensors per layer; layers without any have none.
    let keras_grads = case.initial_gradients.iter().filter(|g| !g.is_empty());
    for (l, (ours, keras)) in grads.iter().filter(|g| !g.is_empty()).zip(keras_grads).enumerate() {
        for (t, (o, k)) in ours.iter().zip(keras).enumerate() {
            worst.all(o, k, |i| format!("{name}: gradient of layer {l} tensor {t} [{i}]"));
        }
    }

    let (trained, batches, epochs, vals) = fit(case, model);
    let series = [("batch", &batches, &case.batch_losses), ("epoch", &epochs, &case.epoch_losses)];
    for (what, ours, keras) in series.into_iter().chain([("val", &vals, &case.val_losses)]) {
        assert_eq!(ours.len(), keras.len(), "{name}: {what} losses");
        for (i, (&o, &k)) in ours.iter().zip(keras.iter()).enumerate() {
            worst.compare(o, k, || format!("{name}: {what} loss {i}"));
        }
    }
    for (l, (layer, keras)) in trained.layers.iter().zip(&case.final_weights).enumerate() {
        for (t, (o, k)) in layer.weights().iter().zip(keras).enumerate() {
            worst.all(o, k, |i| format!("{name}: final weight of layer {l} tensor {t} [{i}]"));
        }
    }
    worst.all(trained.predict(&x).unwrap().as_slice().unwrap(), &case.predict_final, |i| {
        format!("{name}: prediction after training {i}")
    });
    let evaluation = trained.evaluate(&x, &case.y(), case.loss(), case.batch_size).unwrap();
    worst.compare(evaluation.loss, case.evaluate_loss, || format!("{name}: evaluate's loss"));
}

fn fixtures() -> Fixtures {
    serde_json::from_str(FIXTURES).unwrap()
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn regularizers_dropout_batch_norm_and_long_runs_match_keras() {
    let fixtures = fixtures();
    assert_eq!(fixtures.cases.len(), 8);
    let mut worst = Worst::default();
    for case in &fixtures.cases {
        check_case(case, &mut worst);
    }
    println!("largest relative deviation from Keras: {:.2e} at {}", worst.0, worst.1);
}

/// A `Dropout(0)` layer changes nothing, bit for bit: the run with it is the run without.
#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn dropout_at_rate_0_is_no_dropout() {
    let fixtures = fixtures();
    let case = fixtures.cases.iter().find(|c| c.name == "dropout0_adam_bce").unwrap();
    let (with, batches_with, ..) = fit(case, case.model(false));
    let (without, batches_without, ..) = fit(case, case.model(true));
    assert_eq!(batches_with, batches_without);
    let dense = |m: &Sequential| m.layers.iter().filter_map(|l| l.as_dense().cloned()).collect::<Vec<_>>();
    assert_eq!(dense(&with), dense(&without));
}

/// The long runs catch a `1 − β` formed in float32: such a drift moves the weights far more
/// than the tolerance (7.6e-3 in a 10-epoch run, as the issue measured).
#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn a_float32_one_minus_beta_would_be_caught() {
    let fixtures = fixtures();
    let case = fixtures.cases.iter().find(|c| c.name == "adam_long_lr005").unwrap();
    // β₂ such that (1 − β₂ in double, then f32) equals the f32 subtraction 1 − 0.999f32.
    let drifted = (1.0f32 - 0.999f32) as f64;
    let mut model = case.model(false);
    let options = FitOptions { epochs: case.epochs, batch_size: case.batch_size, shuffle: false, ..Default::default() };
    let mut adam = Adam { learning_rate: LearningRate::Constant(case.optimizer.learning_rate), ..Adam::default() };
    adam.beta_2 = 1.0 - drifted;
    model = {
        let mut fit = Training::new(model, case.loss(), Optimizer::Adam(adam), case.x(), case.y(), options).unwrap();
        while !fit.is_finished() {
            fit.step(|| 0.0).unwrap();
        }
        fit.model().clone()
    };
    let keras = &case.final_weights[0][0];
    let ours = model.layers[0].weights()[0];
    let deviation = ours.iter().zip(keras).map(|(o, k)| ((o - k).abs() / k.abs().max(0.1)) as f64).fold(0.0, f64::max);
    assert!(deviation > 10.0 * TOLERANCE, "the drift is only {deviation:.2e}: the long run would not catch it");
    println!("a float32 1 − β₂ drifts the first kernel by {deviation:.2e} (relative) from Keras' after the long run");
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn schedules_match_keras() {
    for case in fixtures().schedules {
        let s = &case.schedule;
        let f = |k: &str| s[k].as_f64().unwrap();
        let schedule = match s["name"].as_str().unwrap() {
            "exponential_decay" => LearningRate::ExponentialDecay {
                initial_learning_rate: f("initial_learning_rate"),
                decay_steps: f("decay_steps") as u64,
                decay_rate: f("decay_rate"),
                staircase: s["staircase"].as_bool().unwrap(),
            },
            "cosine_decay" => LearningRate::CosineDecay {
                initial_learning_rate: f("initial_learning_rate"),
                decay_steps: f("decay_steps") as u64,
                alpha: f("alpha"),
            },
            _ => LearningRate::PiecewiseConstantDecay {
                boundaries: s["boundaries"].as_array().unwrap().iter().map(|b| b.as_u64().unwrap()).collect(),
                values: s["values"].as_array().unwrap().iter().map(|v| v.as_f64().unwrap()).collect(),
            },
        };
        for (&step, &keras) in case.steps.iter().zip(&case.values) {
            let ours = schedule.at(step);
            let deviation = ((ours - keras).abs() / keras.abs().max(1e-6)) as f64;
            assert!(deviation <= 2e-7, "{schedule:?} at step {step}: ours {ours}, Keras {keras}");
        }
    }
}
