//! The set-up as the Keras program that would run it: the seed document's code, parameterised.
//!
//! Data: `pd.read_csv` of the file, `dropna`, one-hot text columns, the label as class ids,
//! `train_test_split(test_size, random_state=seed)` (stratified for classes), then the chosen
//! scaler fitted on the training rows; or, for generated data, scikit-learn's `make_*` where
//! one exists and NumPy otherwise (the same shapes, not the same random numbers). Then
//! `Sequential`, `compile`, `fit` with its validation and callbacks, and `evaluate` printing the
//! seed's line.
//!
//! ```
//! use mlp_lab::setup::{keras_code, Setup};
//! let code = keras_code(&Setup::default(), None);
//! assert!(code.contains("layers.Dense(64, activation='relu')"));
//! assert!(code.contains("optimizer=keras.optimizers.Adam(learning_rate=0.001)"));
//! ```

use super::params::monitor_name;
use super::{DataSource, Setup};
use crate::data::{Generator, Scaling, Task};
use crate::nn::{LearningRate, Loss};
use crate::protocol::{DataSummary, Origin, ValidationSource};

/// A Python string literal.
fn py_str(text: &str) -> String {
    format!("'{}'", text.replace('\\', "\\\\").replace('\'', "\\'"))
}

fn py_bool(b: bool) -> &'static str {
    if b {
        "True"
    } else {
        "False"
    }
}

/// The learning rate's schedule constructor, when it is not a number.
fn schedule_code(lr: &LearningRate) -> Option<String> {
    let join = |v: Vec<String>| v.join(", ");
    Some(match lr {
        LearningRate::Constant(_) => return None,
        LearningRate::ExponentialDecay { initial_learning_rate, decay_steps, decay_rate, staircase } => format!(
            "ExponentialDecay(\n    initial_learning_rate={initial_learning_rate}, decay_steps={decay_steps}, decay_rate={decay_rate}, staircase={})",
            py_bool(*staircase)
        ),
        LearningRate::CosineDecay { initial_learning_rate, decay_steps, alpha } => {
            format!("CosineDecay(initial_learning_rate={initial_learning_rate}, decay_steps={decay_steps}, alpha={alpha})")
        }
        LearningRate::PiecewiseConstantDecay { boundaries, values } => format!(
            "PiecewiseConstantDecay(\n    boundaries=[{}], values=[{}])",
            join(boundaries.iter().map(u64::to_string).collect()),
            join(values.iter().map(f64::to_string).collect())
        ),
    })
}

/// NumPy/scikit-learn lines making `X` and `y` as the generator does.
fn generator_code(setup: &Setup, generator: Generator) -> String {
    let g = &setup.generator;
    let (n, d, k, noise, seed) = (g.rows, g.features.max(1), g.classes.max(2), g.noise, g.seed);
    let mut code = format!("rng = np.random.default_rng({seed})\n");
    code += &match generator {
        Generator::Seed => format!(
            "# The seed example: random features, coin-flip labels (nothing to learn).\n\
             X = rng.random(({n}, {d}))\ny = rng.integers(0, 2, {n})\n"
        ),
        Generator::Blobs => format!(
            "from sklearn.datasets import make_blobs\n\
             X, y = make_blobs(n_samples={n}, n_features={d}, centers={k}, cluster_std={},\n                  \
             center_box=(-5, 5), random_state={seed})\n",
            1.0 + noise
        ),
        Generator::Circles => format!(
            "from sklearn.datasets import make_circles\n\
             X, y = make_circles(n_samples={n}, noise={noise}, factor=0.5, random_state={seed})\n"
        ),
        Generator::Moons => format!(
            "from sklearn.datasets import make_moons\n\
             X, y = make_moons(n_samples={n}, noise={noise}, random_state={seed})\n"
        ),
        Generator::Xor => format!(
            "# XOR: class 1 where x0 and x1 have the same sign.\n\
             X = rng.uniform(-1, 1, ({n}, 2))\ny = (X[:, 0] * X[:, 1] > 0).astype(int)\n\
             X += rng.normal(0, {noise}, X.shape)\n"
        ),
        Generator::Spirals => format!(
            "# Two interleaved spirals, 1.75 turns each.\n\
             y = np.arange({n}) % 2\nt = 0.05 + 0.95 * rng.random({n})\nangle = 3.5 * np.pi * t + np.pi * y\n\
             X = np.stack([t * np.cos(angle), t * np.sin(angle)], axis=1)\nX += rng.normal(0, {noise}, X.shape)\n"
        ),
        Generator::Linear => format!(
            "# Two classes split by a random plane through the origin.\n\
             X = rng.standard_normal(({n}, {d}))\nw = rng.standard_normal({d})\ny = (X @ w > 0).astype(int)\n"
        ),
    };
    if g.label_noise > 0.0 {
        let shift = if generator == Generator::Blobs && k > 2 {
            format!("rng.integers(1, {k}, len(flip))")
        } else {
            "1".into()
        };
        let classes = if generator == Generator::Blobs { k } else { 2 };
        code += &format!(
            "# Label noise: flip {}% of the labels on purpose.\n\
             flip = rng.choice(len(y), round({} * len(y)), replace=False)\n\
             y[flip] = (y[flip] + {shift}) % {classes}\n",
            g.label_noise * 100.0,
            g.label_noise
        );
    }
    code
}

/// The file's lines: read, `dropna`, features and label, split, scale.
fn file_code(setup: &Setup, data: Option<&DataSummary>, task: Task) -> String {
    let (name, label, excluded, scaling) = match data.map(|d| &d.origin) {
        Some(Origin::File { name, report, excluded, scaling, .. }) => {
            (name.clone(), report.label.clone(), excluded.clone(), *scaling)
        }
        _ => match setup.source {
            DataSource::BuiltIn(b) => {
                let label = match b.name() {
                    "breast_cancer" => "diagnosis",
                    "iris" => "species",
                    _ => "cultivar",
                };
                (format!("{}.csv", b.name()), label.to_string(), Vec::new(), Scaling::Standard)
            }
            _ => ("data.csv".into(), "target".into(), Vec::new(), Scaling::Standard),
        },
    };
    let drop: Vec<String> = std::iter::once(&label).chain(&excluded).map(|c| py_str(c)).collect();
    let mut code = format!(
        "data = pd.read_csv({})\ndata = data.dropna()  # rows with a missing value go\n\
         X = pd.get_dummies(data.drop(columns=[{}]), dtype=float).values  # text columns one-hot\n",
        py_str(&name),
        drop.join(", ")
    );
    code += &match task {
        Task::Regression => format!("y = data[{}].values\n", py_str(&label)),
        _ => format!("y = data[{}].astype('category').cat.codes.values  # class ids\n", py_str(&label)),
    };
    let stratify = if task == Task::Regression { "" } else { ", stratify=y" };
    code += &format!(
        "X_train, X_test, y_train, y_test = train_test_split(\n    X, y, test_size={}, random_state={}{stratify})\n",
        setup.fit.test_size,
        setup.seed()
    );
    let scaler = match scaling {
        Scaling::Standard => Some("StandardScaler"),
        Scaling::MinMax => Some("MinMaxScaler"),
        Scaling::None => None,
    };
    if scaling == Scaling::Standard {
        code +=
            "# (The lab divides by pandas' std, ddof=1; StandardScaler's ddof=0 differs by a factor sqrt(n/(n-1)).)\n";
    }
    if let Some(scaler) = scaler {
        code += &format!(
            "# Scaled with the training rows' statistics only.\nscaler = {scaler}().fit(X_train)\n\
             X_train, X_test = scaler.transform(X_train), scaler.transform(X_test)\n"
        );
    }
    code
}

/// The Keras program for `setup`, on `data` when it has been loaded (its features, file, label
/// and scaling); without it, the set-up's own description of the data.
pub fn keras_code(setup: &Setup, data: Option<&DataSummary>) -> String {
    let (task, classes) =
        data.map(|d| (d.task, d.classes.len())).or_else(|| setup.expected_task()).unwrap_or((Task::Binary, 2));
    let generated = match setup.source {
        DataSource::Generated(g) => Some(g),
        _ => None,
    };
    let scaler_import = match (generated, data.map(|d| &d.origin)) {
        (Some(_), _) => None,
        (None, Some(Origin::File { scaling: Scaling::MinMax, .. })) => Some("MinMaxScaler"),
        (None, Some(Origin::File { scaling: Scaling::None, .. })) => None,
        (None, _) => Some("StandardScaler"),
    };
    let mut code = format!("# MLP Lab: #{}\n", Setup { run: false, ..setup.clone() }.to_hash());
    code += "import numpy as np\n";
    if generated.is_none() {
        code += "import pandas as pd\n";
    }
    code += "import keras\nfrom keras import layers\nfrom sklearn.model_selection import train_test_split\n";
    if let Some(s) = scaler_import {
        code += &format!("from sklearn.preprocessing import {s}\n");
    }
    code += "\n# The same seed, the same run: data, split, initial weights, shuffles and dropout.\n";
    code += &format!("keras.utils.set_random_seed({})\n\n", setup.seed());
    match generated {
        Some(g) => {
            code += &generator_code(setup, g);
            code += &format!(
                "X_train, X_test, y_train, y_test = train_test_split(\n    X, y, test_size={}, random_state={})\n",
                setup.fit.test_size,
                setup.seed()
            );
        }
        None => code += &file_code(setup, data, task),
    }
    let model = &setup.model;
    if model.loss == Loss::CategoricalCrossentropy {
        code += &format!(
            "# categorical_crossentropy takes one-hot labels.\n\
             y_train = keras.utils.to_categorical(y_train, {classes})\ny_test = keras.utils.to_categorical(y_test, {classes})\n"
        );
    }
    let features = data.map_or_else(|| "X.shape[1]".to_string(), |d| d.features.to_string());
    code += &format!("\nmodel = keras.Sequential([\n    keras.Input(shape=({features},)),\n");
    for layer in &model.layers {
        code += &format!("    {},\n", layer.keras_call());
    }
    code += "])\nmodel.summary()\n\n";
    let lr = model.optimizer.learning_rate();
    let lr_text = match schedule_code(lr) {
        Some(schedule) => {
            code += &format!("learning_rate = keras.optimizers.schedules.{schedule}\n");
            "learning_rate".to_string()
        }
        None => lr.initial().to_string(),
    };
    let metrics = if model.loss == Loss::MeanSquaredError { "" } else { ", metrics=['accuracy']" };
    code += &format!(
        "model.compile(optimizer={},\n              loss={}{metrics})\n",
        model.optimizer.keras_call(&lr_text),
        py_str(model.loss.keras_name())
    );
    let fit = &setup.fit;
    let mut args = vec![format!("epochs={}", fit.epochs), format!("batch_size={}", fit.batch_size)];
    match fit.validation {
        ValidationSource::TestSplit => args.push("validation_data=(X_test, y_test)".into()),
        ValidationSource::Split(f) => args.push(format!("validation_split={f}")),
        ValidationSource::None => {}
    }
    if let Some(es) = &fit.early_stopping {
        args.push(format!(
            "callbacks=[keras.callbacks.EarlyStopping(\n              monitor={}, patience={}, min_delta={}, restore_best_weights={})]",
            py_str(monitor_name(es.monitor)),
            es.patience,
            es.min_delta,
            py_bool(es.restore_best_weights)
        ));
    }
    code += &format!("history = model.fit(X_train, y_train, {})\n\n", args.join(",\n                    "));
    code += &match model.loss {
        Loss::MeanSquaredError => "loss = model.evaluate(X_test, y_test)\nprint(f'Test loss: {loss:.4f}')\n".to_string(),
        _ => "loss, accuracy = model.evaluate(X_test, y_test)\nprint(f'Test loss: {loss:.4f}, Test accuracy: {accuracy:.4f}')\n"
            .to_string(),
    };
    code
}

#[cfg(test)]
#[path = "keras_code_tests.rs"]
mod tests;
