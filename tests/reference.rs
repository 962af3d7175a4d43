//! The engine against Keras' own numbers: for fixed initial weights and data, 6 steps of each
//! optimizer under each loss give the same losses and weights as Keras 3 (TensorFlow 2.21),
//! natively and, in `make test`, in a dedicated worker of headless Chromium and Firefox.
//!
//! The fixtures and the script that made them are in `tests/reference/`
//! (`keras_reference.py`; its README says how to run it again).

use mlp_lab::nn::{
    Activation, Adam, DenseConfig, FitOptions, LearningRate, Loss, Optimizer, Progress, Rmsprop, Sequential, Sgd,
    Training,
};
use ndarray::Array2;
use serde::Deserialize;

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_dedicated_worker);

const FIXTURES: &str = include_str!("reference/fixtures.json");

/// Largest relative deviation allowed from Keras: `|ours − keras| ≤ 1e-5 · max(|keras|, 0.1)`
/// (the floor keeps values near zero from turning float32 rounding into huge ratios).
const TOLERANCE: f64 = 1e-5;

#[derive(Deserialize)]
struct Fixtures {
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    layers: Vec<LayerSpec>,
    loss: String,
    optimizer: OptimizerSpec,
    x: Vec<Vec<f32>>,
    y: serde_json::Value,
    batch_size: usize,
    epochs: usize,
    initial_weights: Vec<Weights>,
    predict_initial: Vec<Vec<f32>>,
    batch_losses: Vec<f64>,
    epoch_losses: Vec<f64>,
    final_weights: Vec<Weights>,
}

#[derive(Deserialize)]
struct LayerSpec {
    units: usize,
    activation: String,
    use_bias: bool,
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
struct Weights {
    kernel: Vec<Vec<f32>>,
    bias: Vec<f32>,
}

fn matrix(rows: &[Vec<f32>]) -> Array2<f32> {
    let cols = rows.first().map_or(0, Vec::len);
    Array2::from_shape_vec((rows.len(), cols), rows.concat()).unwrap()
}

impl Case {
    fn loss(&self) -> Loss {
        Loss::from_keras_name(&self.loss).unwrap()
    }

    fn labels(&self) -> Array2<f32> {
        let rows: Vec<Vec<f32>> = match &self.y {
            serde_json::Value::Array(rows) => rows
                .iter()
                .map(|r| match r {
                    serde_json::Value::Array(v) => v.iter().map(|v| v.as_f64().unwrap() as f32).collect(),
                    v => vec![v.as_f64().unwrap() as f32], // sparse: a class id per row
                })
                .collect(),
            _ => panic!("{}: y is not a list", self.name),
        };
        matrix(&rows)
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
            "rmsprop" => {
                Optimizer::Rmsprop(Rmsprop { learning_rate, rho: o.rho, momentum: o.momentum, epsilon: o.epsilon })
            }
            other => panic!("{}: unknown optimizer {other}", self.name),
        }
    }

    fn model(&self) -> Sequential {
        let configs: Vec<DenseConfig> = self
            .layers
            .iter()
            .map(|l| DenseConfig {
                units: l.units,
                activation: Activation::from_keras_name(&l.activation).unwrap(),
                use_bias: l.use_bias,
                ..Default::default()
            })
            .collect();
        let mut model = Sequential::new(self.x[0].len(), &configs, 0).unwrap();
        for (layer, w) in model.layers.iter_mut().zip(&self.initial_weights) {
            let mut weights = layer.weights_mut();
            weights[0].copy_from_slice(&w.kernel.concat());
            if let Some(bias) = weights.get_mut(1) {
                bias.copy_from_slice(&w.bias);
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
}

fn check_case(case: &Case, worst: &mut Worst) {
    let loss = case.loss();
    let model = case.model();
    let x = matrix(&case.x);
    let y = case.labels();

    let predicted = model.predict(&x).unwrap();
    for (i, (&ours, &keras)) in predicted.iter().zip(case.predict_initial.concat().iter()).enumerate() {
        worst.compare(ours as f64, keras as f64, || format!("{}: initial prediction {i}", case.name));
    }

    let options = FitOptions { epochs: case.epochs, batch_size: case.batch_size, shuffle: false, ..Default::default() };
    let mut fit = Training::new(model, loss, case.optimizer(), x, y, options).unwrap();
    // The logs carry running means over the epoch; with equal batches, batch b's own loss is
    // b · mean_b − (b − 1) · mean_{b−1}.
    let (mut batch_losses, mut epoch_losses, mut previous_mean) = (Vec::new(), Vec::new(), 0.0);
    while !fit.is_finished() {
        let (batch, mean) = match fit.step(|| 0.0).unwrap() {
            Progress::Batch(l) => (l.batch, l.loss),
            Progress::Epoch(l) => {
                epoch_losses.push(l.loss);
                (l.steps, l.loss)
            }
        };
        batch_losses.push(batch as f64 * mean - (batch - 1) as f64 * previous_mean);
        previous_mean = if batch == fit.steps_per_epoch() { 0.0 } else { mean };
    }
    assert_eq!(batch_losses.len(), case.batch_losses.len(), "{}: steps", case.name);
    for (i, (&ours, &keras)) in batch_losses.iter().zip(&case.batch_losses).enumerate() {
        worst.compare(ours, keras, || format!("{}: loss of step {}", case.name, i + 1));
    }
    for (i, (&ours, &keras)) in epoch_losses.iter().zip(&case.epoch_losses).enumerate() {
        worst.compare(ours, keras, || format!("{}: loss of epoch {}", case.name, i + 1));
    }
    for (l, (layer, keras)) in fit.model().layers.iter().zip(&case.final_weights).enumerate() {
        let weights = layer.weights();
        for (i, (&ours, &k)) in weights[0].iter().zip(keras.kernel.concat().iter()).enumerate() {
            worst.compare(ours as f64, k as f64, || format!("{}: layer {l} kernel {i}", case.name));
        }
        for (i, (&ours, &k)) in weights.get(1).copied().unwrap_or(&[]).iter().zip(&keras.bias).enumerate() {
            worst.compare(ours as f64, k as f64, || format!("{}: layer {l} bias {i}", case.name));
        }
    }
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn every_optimizer_and_loss_matches_keras() {
    let fixtures: Fixtures = serde_json::from_str(FIXTURES).unwrap();
    assert_eq!(fixtures.cases.len(), 9);
    let mut worst = Worst::default();
    for case in &fixtures.cases {
        check_case(case, &mut worst);
    }
    // `cargo test -- --nocapture` shows the largest deviation (quoted in the resolution).
    println!("largest relative deviation from Keras: {:.2e} at {}", worst.0, worst.1);
}
