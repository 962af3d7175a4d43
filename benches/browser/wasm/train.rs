//! `train`: one fit of a workload, timed as the app's worker would run it; `profile`: the same
//! fit with each part of its steps timed (`mlp_lab::nn::profile`).
//!
//! The model and the fit are built exactly as `src/worker/train.rs` builds them
//! (`Sequential::new(features, layers, seed)`, then `Training::new` with Keras' defaults), but
//! without a validation split: the TF.js side fits without one too. The clock runs from
//! `Training::new` (which copies the rows and sizes every buffer, as `model.fit` prepares its
//! tensors) to the last step; building the model's weights is outside it, on both sides.

use mlp_lab::nn::profile::{profile as profiled, Part};
use mlp_lab::nn::{
    Activation, Adam, BatchNormConfig, DenseConfig, DropoutConfig, FitOptions, LayerConfig, Loss, Optimizer,
    Regularizer, Sequential, Training,
};
use mlp_lab::worker::exchange::{Exchange, Step};
use ndarray::Array2;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::clock::now;

/// A workload as the page sends it, in JSON: `{"inputs": 10, "layers": [{"units": 64,
/// "activation": "relu"}, {"dropout": 0.3}, …], "loss": "binary_crossentropy", "epochs": 10, "batch_size": 32,
/// "seed": 42}`.
#[derive(Debug, Deserialize)]
struct Spec {
    inputs: usize,
    layers: Vec<Layer>,
    loss: Loss,
    epochs: usize,
    batch_size: usize,
    seed: u64,
}

/// One layer, Keras' defaults for the rest: `{"units": 64, "activation": "relu"}` (with
/// `"l2": 0.001`, an `L2` kernel regularizer), `{"dropout": 0.3}` or `{"batch_norm": {}}` (with `"momentum"`, `"epsilon"` if not Keras' defaults).
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Layer {
    Dense { units: usize, activation: Activation, l2: Option<f64> },
    Dropout { dropout: f64 },
    BatchNorm { batch_norm: BatchNormArgs },
}

/// BatchNormalization's arguments, Keras' defaults where absent.
#[derive(Debug, Deserialize)]
struct BatchNormArgs {
    momentum: Option<f64>,
    epsilon: Option<f64>,
}

impl Layer {
    fn config(&self) -> LayerConfig {
        match *self {
            Layer::Dense { units, activation, l2 } => LayerConfig::Dense(DenseConfig {
                units,
                activation,
                kernel_regularizer: l2.map(|l2| Regularizer::L2 { l2 }),
                ..Default::default()
            }),
            Layer::Dropout { dropout } => LayerConfig::Dropout(DropoutConfig { rate: dropout }),
            Layer::BatchNorm { batch_norm: BatchNormArgs { momentum, epsilon } } => {
                let d = BatchNormConfig::default();
                LayerConfig::BatchNormalization(BatchNormConfig {
                    momentum: momentum.unwrap_or(d.momentum),
                    epsilon: epsilon.unwrap_or(d.epsilon),
                })
            }
        }
    }
}

/// What a fit took, returned to the page in JSON.
#[derive(Debug, Serialize)]
struct Timing {
    /// From `Training::new` to the end of the last step, in milliseconds.
    fit_ms: f64,
    /// Gradient steps taken.
    steps: usize,
    /// Training rows.
    rows: usize,
    /// Epochs run.
    epochs: usize,
    /// The last epoch's mean training loss (to see both engines learn alike).
    loss: f64,
    /// Whether the products ran on f32x4 (`kernels::SIMD`).
    simd: bool,
    /// Whether this module was built with relaxed SIMD.
    relaxed_simd: bool,
}

/// Fits a fresh model on `x` (rows × `spec.inputs`, row-major) and `y` (rows × outputs) and
/// returns the [`Timing`] as JSON; an error says which input is wrong.
#[wasm_bindgen]
pub fn train(x: &[f32], y: &[f32], spec: &str) -> Result<String, String> {
    serde_json::to_string(&fit(x, y, spec)?).map_err(|e| e.to_string())
}

/// A profiled fit: its [`Timing`], and the milliseconds each part of its steps took.
#[derive(Debug, Serialize)]
struct Profiled {
    #[serde(flatten)]
    timing: Timing,
    /// `[part, milliseconds]` in a step's order (`Part::ALL`).
    parts: Vec<(&'static str, f64)>,
}

/// [`train`], with each part of the steps timed: the products, the rest of the forward and
/// backward passes, the loss, the update and the batch's copy.
#[wasm_bindgen]
pub fn profile(x: &[f32], y: &[f32], spec: &str) -> Result<String, String> {
    let (timing, parts) = profiled(now, || fit(x, y, spec));
    let parts = Part::ALL.into_iter().map(|p| (p.name(), parts.of(p))).collect();
    serde_json::to_string(&Profiled { timing: timing?, parts }).map_err(|e| e.to_string())
}

/// A shared buffer for `count` replicas of the fit of `spec` (for [`train_replica`]).
#[wasm_bindgen]
pub fn replica_buffer(spec: &str, count: usize) -> Result<js_sys::SharedArrayBuffer, String> {
    let spec: Spec = serde_json::from_str(spec).map_err(|e| format!("the workload is not valid JSON: {e}"))?;
    let layers: Vec<LayerConfig> = spec.layers.iter().map(Layer::config).collect();
    let model = Sequential::new(spec.inputs, &layers, spec.seed).map_err(|e| e.to_string())?;
    Ok(Exchange::buffer_for(count, model.param_count()))
}

/// [`train`] as replica `index` of `count`, each in a worker of its own, exchanging gradients
/// through `buffer` as the app's workers do (`mlp_lab::worker::exchange`); every replica
/// returns when the fit ends.
#[wasm_bindgen]
pub fn train_replica(
    x: &[f32],
    y: &[f32],
    spec: &str,
    buffer: js_sys::SharedArrayBuffer,
    index: usize,
    count: usize,
) -> Result<String, String> {
    serde_json::to_string(&fit_as(x, y, spec, Some((buffer, index, count)))?).map_err(|e| e.to_string())
}

fn fit(x: &[f32], y: &[f32], spec: &str) -> Result<Timing, String> {
    fit_as(x, y, spec, None)
}

/// The fit of `spec`, alone or as one replica of several (with their exchange's buffer).
fn fit_as(
    x: &[f32],
    y: &[f32],
    spec: &str,
    replica: Option<(js_sys::SharedArrayBuffer, usize, usize)>,
) -> Result<Timing, String> {
    let spec: Spec = serde_json::from_str(spec).map_err(|e| format!("the workload is not valid JSON: {e}"))?;
    if spec.inputs == 0 || !x.len().is_multiple_of(spec.inputs) {
        return Err(format!("x has {} values, not a whole number of rows of {} features", x.len(), spec.inputs));
    }
    let rows = x.len() / spec.inputs;
    if rows == 0 || !y.len().is_multiple_of(rows) {
        return Err(format!("y has {} values, not a whole number of labels for {rows} rows", y.len()));
    }
    let x = Array2::from_shape_vec((rows, spec.inputs), x.to_vec()).map_err(|e| e.to_string())?;
    let y = Array2::from_shape_vec((rows, y.len() / rows), y.to_vec()).map_err(|e| e.to_string())?;
    let layers: Vec<LayerConfig> = spec.layers.iter().map(Layer::config).collect();
    let model = Sequential::new(spec.inputs, &layers, spec.seed).map_err(|e| e.to_string())?;
    let options =
        FitOptions { epochs: spec.epochs, batch_size: spec.batch_size, seed: spec.seed, ..Default::default() };

    let start = now();
    let mut fit =
        Training::new(model, spec.loss, Optimizer::Adam(Adam::default()), x, y, options).map_err(|e| e.to_string())?;
    match replica {
        None => {
            while !fit.is_finished() {
                fit.step(now).map_err(|e| e.to_string())?;
            }
        }
        Some((buffer, index, count)) => {
            fit = fit.replica(index, count).map_err(|e| e.to_string())?;
            let mut exchange = Exchange::join(buffer, index, count, fit.model().param_count())?;
            while !fit.is_finished() {
                match exchange.step(&mut fit, now, None) {
                    Step::Done(progress) => drop(progress.map_err(|e| e.to_string())?),
                    Step::Stopped => return Err(format!("replica {index}: another replica stopped")),
                    Step::Waiting => unreachable!("a wait without a deadline ends"),
                }
            }
        }
    }
    let fit_ms = now() - start;

    Ok(Timing {
        fit_ms,
        steps: fit.epochs() * fit.steps_per_epoch(),
        rows: fit.train_rows(),
        epochs: fit.history().epochs.len(),
        loss: fit.history().epochs.last().map_or(f64::NAN, |e| e.loss),
        simd: mlp_lab::nn::kernels::SIMD,
        relaxed_simd: mlp_lab::nn::kernels::RELAXED_SIMD,
    })
}
