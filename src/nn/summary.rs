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

impl Sequential {
    /// Keras' `model.summary()` text.
    pub fn summary(&self) -> String {
        let width = NAME + SHAPE + 12;
        let (rule, double) = ("_".repeat(width), "=".repeat(width));
        let mut s = format!(
            "Model: \"sequential\"\n{rule}\n {:<NAME$}{:<SHAPE$}{:>10}\n{double}\n",
            "Layer (type)", "Output Shape", "Param #"
        );
        let names = layer_names(&self.configs());
        for (i, (layer, name)) in self.layers.iter().zip(&names).enumerate() {
            let class = layer.config().keras_class();
            let shape = format!("(None, {})", layer.units());
            let (trainable, fixed) = layer.param_counts();
            let label = format!("{name} ({class})");
            if label.chars().count() < NAME {
                s += &format!(" {label:<NAME$}{shape:<SHAPE$}{:>10}\n", trainable + fixed);
            } else {
                // As Keras does, a long name wraps: the class goes on a line of its own.
                s += &format!(" {name:<NAME$}{shape:<SHAPE$}{:>10}\n ({class})\n", trainable + fixed);
            }
            s += if i + 1 < self.layers.len() { "\n" } else { "" };
        }
        let (trainable, fixed) = (self.param_count(), self.non_trainable_count());
        let total = trainable + fixed;
        let size = |n: usize| readable_size(4 * n);
        s += &format!(
            "{double}\nTotal params: {total} ({})\nTrainable params: {trainable} ({})\nNon-trainable params: {fixed} ({})\n{rule}\n",
            size(total),
            size(trainable),
            size(fixed)
        );
        s
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
    }
}
