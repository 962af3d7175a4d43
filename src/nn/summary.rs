//! Keras' `model.summary()` text: one row per layer (its name, class, output shape and
//! parameters), then the totals, trainable and not, with their size in bytes as Keras 3 prints
//! them (`Total params: 769 (3.00 KB)`).
//!
//! Layers are named as Keras names them, one counter per class: `dense`, `dropout`, `dense_1`.

use std::collections::HashMap;

use super::{LayerConfig, Sequential};

const NAME: usize = 30;
const SHAPE: usize = 24;

/// Keras' `readable_memory_size`: `3076` bytes is `3.00 KB`.
fn readable_size(bytes: usize) -> String {
    let mut size = bytes as f64;
    for unit in ["B", "KB", "MB", "GB", "TB"] {
        if size / 1024.0 < 1.0 {
            return format!("{size:.2} {unit}");
        }
        size /= 1024.0;
    }
    format!("{size:.2} PB")
}

/// Keras' names of the layers: the class in snake case, `_1`, `_2` … for later ones of a class.
pub fn layer_names(layers: &[LayerConfig]) -> Vec<String> {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    layers
        .iter()
        .map(|layer| {
            let base = layer.base_name();
            let n = seen.entry(base).or_insert(0);
            let name = if *n == 0 { base.to_string() } else { format!("{base}_{n}") };
            *n += 1;
            name
        })
        .collect()
}

/// One row of `summary()`: a layer.
#[derive(Debug, Clone, PartialEq)]
pub struct SummaryRow {
    /// Keras' name of the layer (`dense_1`).
    pub name: String,
    /// Its class (`Dense`).
    pub class: &'static str,
    /// Its output shape, as Keras prints it (`(None, 64)`).
    pub output_shape: String,
    /// Its parameters, trainable and not.
    pub params: usize,
}

/// What `model.summary()` shows: a row per layer, then the totals. [`Display`](std::fmt::Display)
/// writes it as Keras' text; the page draws it as a table whose columns wrap.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelSummary {
    /// The layers, input side first.
    pub rows: Vec<SummaryRow>,
    /// Trainable parameters.
    pub trainable: usize,
    /// Non-trainable parameters (BatchNormalization's moving statistics).
    pub non_trainable: usize,
}

impl ModelSummary {
    /// Every parameter.
    pub fn total(&self) -> usize {
        self.trainable + self.non_trainable
    }

    /// `Total params: 769 (3.00 KB)`, `Trainable params: …`, `Non-trainable params: …`.
    pub fn totals(&self) -> [String; 3] {
        let size = |n: usize| readable_size(4 * n);
        [
            format!("Total params: {} ({})", self.total(), size(self.total())),
            format!("Trainable params: {} ({})", self.trainable, size(self.trainable)),
            format!("Non-trainable params: {} ({})", self.non_trainable, size(self.non_trainable)),
        ]
    }
}

impl std::fmt::Display for ModelSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let width = NAME + SHAPE + 12;
        let (rule, double) = ("_".repeat(width), "=".repeat(width));
        writeln!(
            f,
            "Model: \"sequential\"\n{rule}\n {:<NAME$}{:<SHAPE$}{:>10}\n{double}",
            "Layer (type)", "Output Shape", "Param #"
        )?;
        for (i, row) in self.rows.iter().enumerate() {
            let label = format!("{} ({})", row.name, row.class);
            let (name, shape, params) = (&row.name, &row.output_shape, row.params);
            if label.chars().count() < NAME {
                writeln!(f, " {label:<NAME$}{shape:<SHAPE$}{params:>10}")?;
            } else {
                // As Keras does, a long name wraps: the class goes on a line of its own.
                writeln!(f, " {name:<NAME$}{shape:<SHAPE$}{params:>10}\n ({})", row.class)?;
            }
            if i + 1 < self.rows.len() {
                writeln!(f)?;
            }
        }
        let [total, trainable, fixed] = self.totals();
        writeln!(f, "{double}\n{total}\n{trainable}\n{fixed}\n{rule}")
    }
}

impl Sequential {
    /// What Keras' `model.summary()` shows, as rows and totals.
    pub fn summary_table(&self) -> ModelSummary {
        let names = layer_names(&self.configs());
        let rows = self
            .layers
            .iter()
            .zip(names)
            .map(|(layer, name)| {
                let (trainable, fixed) = layer.param_counts();
                SummaryRow {
                    name,
                    class: layer.config().keras_class(),
                    output_shape: format!("(None, {})", layer.units()),
                    params: trainable + fixed,
                }
            })
            .collect();
        ModelSummary { rows, trainable: self.param_count(), non_trainable: self.non_trainable_count() }
    }

    /// Keras' `model.summary()` text.
    pub fn summary(&self) -> String {
        self.summary_table().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nn::{Activation, BatchNormConfig, DenseConfig, DropoutConfig, LayerConfig};

    /// Keras 3.15: `Sequential([Input((3,)), Dense(4, relu), Dropout(0.3), BatchNormalization(),
    /// Dense(1, sigmoid)]).summary()` prints 16, 0, 16 and 5 parameters, 37 in all (148.00 B),
    /// 29 trainable (116.00 B), 8 not (32.00 B).
    #[test]
    fn counts_as_keras_does() {
        let model = Sequential::new(
            3,
            &[
                LayerConfig::Dense(DenseConfig { units: 4, activation: Activation::Relu, ..Default::default() }),
                LayerConfig::Dropout(DropoutConfig { rate: 0.3 }),
                LayerConfig::BatchNormalization(BatchNormConfig::default()),
                LayerConfig::Dense(DenseConfig { units: 1, activation: Activation::Sigmoid, ..Default::default() }),
            ],
            1,
        )
        .unwrap();
        let text = model.summary();
        assert!(text.contains("Total params: 37 (148.00 B)"), "{text}");
        assert!(text.contains("Trainable params: 29 (116.00 B)"), "{text}");
        assert!(text.contains("Non-trainable params: 8 (32.00 B)"), "{text}");
        assert_eq!(layer_names(&model.configs()), ["dense", "dropout", "batch_normalization", "dense_1"]);
        assert!(text.contains(" batch_normalization"), "{text}");
        assert!(text.contains(" (BatchNormalization)\n"), "{text}");
        assert_eq!(readable_size(769 * 4), "3.00 KB");
        let table = model.summary_table();
        assert_eq!(table.rows.iter().map(|r| r.params).collect::<Vec<_>>(), [16, 0, 16, 5]);
        assert_eq!(table.rows[2].class, "BatchNormalization");
        assert_eq!(table.rows[3].output_shape, "(None, 1)");
        assert_eq!(table.totals()[0], "Total params: 37 (148.00 B)");
    }
}
