//! The `layers` value of the address: the model's layers, input side first, comma-separated.
//!
//! | layer | syntax | example |
//! |---|---|---|
//! | `Dense` | `units:activation[:kernel_initializer][:l1=X][:l2=Y]` | `64:relu:he_normal:l2=0.001` |
//! | `Dropout` | `dropout:RATE` | `dropout:0.3` |
//! | `BatchNormalization` | `batch_norm` | `batch_norm` |
//!
//! `l1` and `l2` set the Dense layer's `kernel_regularizer` (`L1`, `L2`, or `L1L2` with both).
//! Links written before Dropout existed (`64:relu,1:sigmoid`) read as they always did.
//!
//! ```
//! use mlp_lab::setup::layer_syntax::{read_layers, write_layers};
//! let text = "64:relu:he_normal:l2=0.001,dropout:0.3,batch_norm,1:sigmoid";
//! let layers = read_layers(text).unwrap();
//! assert_eq!(layers.len(), 4);
//! assert_eq!(write_layers(&layers), text);
//! ```

use super::problem::{LayerSyntax, Named, ValueProblem};
use crate::nn::{
    Activation, Allowed, BatchNormConfig, DenseConfig, DropoutConfig, Initializer, LayerConfig, Regularizer,
};

/// The most layers a model of the lab has (a link of thousands would only freeze the page).
pub const MAX_LAYERS: usize = 64;
/// The most units of a Dense layer.
pub const MAX_UNITS: usize = 4096;
/// The largest regularizer factor taken (Keras' default is 0.01).
pub const MAX_FACTOR: f64 = 10.0;

/// The kernel initializers the editor offers, Keras' default first.
pub const INITIALIZERS: [Initializer; 6] = [
    Initializer::GlorotUniform,
    Initializer::GlorotNormal,
    Initializer::HeUniform,
    Initializer::HeNormal,
    Initializer::RANDOM_NORMAL,
    Initializer::RANDOM_UNIFORM,
];

/// The initializer a Keras name stands for (with Keras' default parameters).
pub fn initializer_from_name(name: &str) -> Option<Initializer> {
    INITIALIZERS.into_iter().chain([Initializer::Zeros]).find(|i| i.keras_name() == name)
}

/// Every layer's syntax, as the address writes it (a refused part's message lists them).
pub const SYNTAXES: [&str; 3] = ["units:activation[:initializer][:l1=X][:l2=Y]", "dropout:RATE", "batch_norm"];

/// Whether a regularizer factor is one the lab takes: from 0 to [`MAX_FACTOR`].
pub fn factor_taken(factor: f64) -> bool {
    (0.0..=MAX_FACTOR).contains(&factor)
}

/// One layer from its text.
pub fn read_layer(text: &str) -> Result<LayerConfig, LayerSyntax> {
    let mut parts = text.split(':');
    let head = parts.next().unwrap_or_default();
    let extra = |part: &str| LayerSyntax::Extra { part: part.to_string() };
    match head {
        "batch_norm" => match parts.next() {
            None => Ok(LayerConfig::BatchNormalization(BatchNormConfig::default())),
            Some(part) => Err(extra(part)),
        },
        "dropout" => {
            let rate = parts.next().unwrap_or_default();
            let allowed = Allowed::FromZeroBelowOne;
            let parsed = rate.trim().parse::<f64>().ok().filter(|r| allowed.admits(*r));
            let rate = parsed.ok_or_else(|| LayerSyntax::Argument {
                class: "Dropout",
                argument: "rate",
                written: rate.to_string(),
                allowed,
            })?;
            match parts.next() {
                None => Ok(LayerConfig::Dropout(DropoutConfig { rate })),
                Some(part) => Err(extra(part)),
            }
        }
        units => read_dense(units, parts).map(LayerConfig::Dense),
    }
}

fn read_dense<'a>(units: &str, mut parts: impl Iterator<Item = &'a str>) -> Result<DenseConfig, LayerSyntax> {
    let units = units
        .trim()
        .parse::<usize>()
        .ok()
        .filter(|u| (1..=MAX_UNITS).contains(u))
        .ok_or_else(|| LayerSyntax::Units { units: units.to_string(), max: MAX_UNITS })?;
    let mut config = DenseConfig { units, ..Default::default() };
    let name_problem = |what: Named, name: &str, expected: Vec<&'static str>| {
        LayerSyntax::Name(Box::new(ValueProblem::UnknownName { what, name: name.to_string(), expected }))
    };
    let (mut l1, mut l2) = (0.0, 0.0);
    for (i, part) in parts.by_ref().enumerate() {
        if let Some((key, value)) = part.split_once('=') {
            let key = match key {
                "l1" => "l1",
                "l2" => "l2",
                _ => return Err(LayerSyntax::Extra { part: part.to_string() }),
            };
            let factor = value
                .trim()
                .parse::<f64>()
                .ok()
                .filter(|f| factor_taken(*f))
                .ok_or_else(|| LayerSyntax::Factor { key, factor: value.to_string(), max: MAX_FACTOR })?;
            *(if key == "l1" { &mut l1 } else { &mut l2 }) = factor;
            continue;
        }
        match i {
            0 => {
                config.activation = Activation::from_keras_name(part).ok_or_else(|| {
                    name_problem(Named::Activation, part, Activation::ALL.iter().map(|a| a.keras_name()).collect())
                })?
            }
            1 => {
                config.kernel_initializer = initializer_from_name(part).ok_or_else(|| {
                    name_problem(Named::Initializer, part, INITIALIZERS.iter().map(|i| i.keras_name()).collect())
                })?
            }
            _ => return Err(LayerSyntax::Extra { part: part.to_string() }),
        }
    }
    config.kernel_regularizer = Regularizer::from_factors(l1, l2);
    Ok(config)
}

/// Every layer of a `layers` value.
pub fn read_layers(text: &str) -> Result<Vec<LayerConfig>, ValueProblem> {
    let count = text.split(',').count();
    if count > MAX_LAYERS {
        return Err(ValueProblem::TooManyLayers { count, max: MAX_LAYERS });
    }
    text.split(',')
        .enumerate()
        .map(|(index, t)| read_layer(t).map_err(|problem| ValueProblem::Layer { index, text: t.to_string(), problem }))
        .collect()
}

/// One layer as the address writes it (what [`read_layer`] reads back).
pub fn write_layer(layer: &LayerConfig) -> String {
    match layer {
        LayerConfig::Dropout(d) => format!("dropout:{}", d.rate),
        LayerConfig::BatchNormalization(_) => "batch_norm".to_string(),
        LayerConfig::Dense(d) => {
            let mut text = format!("{}:{}", d.units, d.activation.keras_name());
            if d.kernel_initializer != Initializer::GlorotUniform {
                text += &format!(":{}", d.kernel_initializer.keras_name());
            }
            let (l1, l2) = d.kernel_regularizer.map_or((0.0, 0.0), Regularizer::factors);
            if l1 != 0.0 {
                text += &format!(":l1={l1}");
            }
            if l2 != 0.0 {
                text += &format!(":l2={l2}");
            }
            text
        }
    }
}

/// The whole `layers` value.
pub fn write_layers(layers: &[LayerConfig]) -> String {
    layers.iter().map(write_layer).collect::<Vec<_>>().join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_links_read_as_they_did() {
        let layers = read_layers("64:relu,8:tanh:he_normal,1:sigmoid").unwrap();
        let dense: Vec<&DenseConfig> = layers.iter().filter_map(LayerConfig::as_dense).collect();
        assert_eq!(dense.len(), 3);
        assert_eq!(dense[1].kernel_initializer, Initializer::HeNormal);
        assert!(dense.iter().all(|d| d.kernel_regularizer.is_none()));
        assert_eq!(read_layers("5").unwrap()[0].as_dense().unwrap().activation, Activation::Linear);
    }

    #[test]
    fn regularizers_dropout_and_batch_norm_round_trip() {
        for text in
            ["16:relu:l1=0.01", "16:relu:l1=0.01:l2=0.002", "4:elu:glorot_normal:l2=1", "dropout:0", "batch_norm"]
        {
            let layer = read_layer(text).unwrap();
            assert_eq!(write_layer(&layer), text, "{layer:?}");
        }
        let dense = read_layer("8:relu:l2=0.5").unwrap();
        assert_eq!(dense.as_dense().unwrap().kernel_regularizer, Some(Regularizer::L2 { l2: 0.5 }));
        assert_eq!(write_layer(&read_layer("8:relu:l2=0").unwrap()), "8:relu", "a factor of 0 is no regularizer");
    }

    #[test]
    fn mistakes_name_the_part() {
        let rate = |written: &str| LayerSyntax::Argument {
            class: "Dropout",
            argument: "rate",
            written: written.into(),
            allowed: Allowed::FromZeroBelowOne,
        };
        let cases = [
            ("0:relu", LayerSyntax::Units { units: "0".into(), max: MAX_UNITS }),
            ("dropout:1", rate("1")),
            ("dropout:x", rate("x")),
            ("8:relu:l2=-1", LayerSyntax::Factor { key: "l2", factor: "-1".into(), max: MAX_FACTOR }),
            ("8:relu:l3=1", LayerSyntax::Extra { part: "l3=1".into() }),
            ("batch_norm:0.9", LayerSyntax::Extra { part: "0.9".into() }),
            ("8:relu:he_normal:x", LayerSyntax::Extra { part: "x".into() }),
        ];
        for (text, problem) in cases {
            assert_eq!(read_layer(text), Err(problem), "{text}");
        }
        assert!(matches!(read_layer("8:rellu"), Err(LayerSyntax::Name(_))));
        let many = vec!["4:relu"; MAX_LAYERS + 1].join(",");
        assert_eq!(read_layers(&many), Err(ValueProblem::TooManyLayers { count: MAX_LAYERS + 1, max: MAX_LAYERS }));
    }
}
