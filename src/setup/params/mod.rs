//! Every parameter of the set-up, described once: its key in the address, the values it takes,
//! when it applies, where it lives in [`Setup`], and its default. The address' reader and
//! writer ([`super::hash`]), the page's fields (their ranges and messages) and the Keras code
//! all read this table, so a range cannot differ between them.
//!
//! ```
//! use mlp_lab::setup::params::param;
//! use mlp_lab::setup::Setup;
//! let lr = param("lr").unwrap();
//! let mut setup = Setup::default();
//! assert!(lr.kind.parse("11").is_err(), "a learning rate is at most 10");
//! lr.read(&mut setup, "0.05").unwrap();
//! assert_eq!(lr.text(&setup), "0.05");
//! ```

mod kind;
mod table;

use super::problem::{Named, NotHere, ValueProblem};
use super::{DataSource, Setup};
use crate::nn::{LearningRate, Loss, Monitor, Optimizer};

use kind::between;
pub use kind::{Kind, Value};
pub use table::PARAMS;

/// The names a [`Named`] choice takes, in the order the page lists them.
pub fn names(what: Named) -> Vec<&'static str> {
    match what {
        Named::Dataset => DataSource::all().map(DataSource::name).collect(),
        Named::Loss => Loss::ALL.iter().map(|l| l.keras_name()).collect(),
        Named::Optimizer => Optimizer::all().iter().map(Optimizer::keras_name).collect(),
        Named::Schedule => schedules().iter().map(LearningRate::name).collect(),
        Named::Monitor => MONITORS.iter().map(|m| monitor_name(*m)).collect(),
        Named::Metric => vec!["accuracy"],
        Named::Activation => crate::nn::Activation::ALL.iter().map(|a| a.keras_name()).collect(),
        Named::Initializer => super::layer_syntax::INITIALIZERS.iter().map(|i| i.keras_name()).collect(),
    }
}

/// The Keras name of a monitored figure.
pub fn monitor_name(m: Monitor) -> &'static str {
    match m {
        Monitor::Loss => "loss",
        Monitor::Accuracy => "accuracy",
        Monitor::ValLoss => "val_loss",
        Monitor::ValAccuracy => "val_accuracy",
    }
}

/// Every figure `EarlyStopping` can watch.
pub const MONITORS: [Monitor; 4] = [Monitor::ValLoss, Monitor::ValAccuracy, Monitor::Loss, Monitor::Accuracy];

/// Each schedule as the page starts it, at a learning rate of `lr`: Keras' examples.
pub fn schedules_at(lr: f64) -> [LearningRate; 4] {
    [
        LearningRate::Constant(lr),
        LearningRate::ExponentialDecay {
            initial_learning_rate: lr,
            decay_steps: 100,
            decay_rate: 0.96,
            staircase: false,
        },
        LearningRate::CosineDecay { initial_learning_rate: lr, decay_steps: 1000, alpha: 0.0 },
        LearningRate::PiecewiseConstantDecay { boundaries: vec![100, 200], values: vec![0.01, 0.005, 0.001] },
    ]
}

/// Each schedule at Adam's default learning rate.
pub fn schedules() -> [LearningRate; 4] {
    schedules_at(0.001)
}

/// One parameter of the set-up.
#[derive(Debug)]
pub struct Param {
    /// Its key in the address.
    pub key: &'static str,
    /// What it takes.
    pub kind: Kind,
    /// Whether it means something in this set-up (read after the keys before it), or why not.
    pub applies: fn(&Setup) -> Option<NotHere>,
    /// Its value in a set-up.
    pub get: fn(&Setup) -> Value,
    /// Stores a value of its kind; a syntax' text may still be refused.
    pub set: fn(&mut Setup, Value) -> Result<(), ValueProblem>,
    /// Its default in this set-up, when the address leaves it out; `None` for keys always written.
    pub default: Option<fn(&Setup) -> Value>,
}

impl Param {
    /// Reads `text` into `setup`, or says why not (the set-up is unchanged then).
    pub fn read(&self, setup: &mut Setup, text: &str) -> Result<(), ValueProblem> {
        (self.set)(setup, self.kind.parse(text)?)
    }

    /// The value as the address and the fields write it.
    pub fn text(&self, setup: &Setup) -> String {
        match (self.get)(setup) {
            Value::Whole(v) => v.to_string(),
            Value::Number(v) => v.to_string(),
            Value::Flag(v) => (v as u8).to_string(),
            Value::Text(v) => v,
        }
    }

    /// Whether the address writes it for `setup`: it applies and differs from its default.
    pub fn written(&self, setup: &Setup) -> bool {
        (self.applies)(setup).is_none() && self.default.is_none_or(|d| d(setup) != (self.get)(setup))
    }
}

/// The parameter with this key.
pub fn param(key: &str) -> Option<&'static Param> {
    PARAMS.iter().find(|p| p.key == key)
}

/// The range of `validation_split`, the same for the address and the field.
pub const VALIDATION_SPLIT: Kind = between(0.01, 0.99);

#[cfg(test)]
mod tests {
    use super::kind::{positive, DECAY};
    use super::*;

    #[test]
    fn keys_are_unique() {
        let mut keys: Vec<&str> = PARAMS.iter().map(|p| p.key).collect();
        keys.sort_unstable();
        let n = keys.len();
        keys.dedup();
        assert_eq!(keys.len(), n);
    }

    #[test]
    fn kinds_take_their_ranges_and_nothing_else() {
        let lr = positive(10.0);
        assert!(lr.parse("0").is_err() && lr.parse("10").is_ok() && lr.parse("1e-30").is_ok());
        for bad in ["NaN", "inf", "1e999", "-0.1", "x", ""] {
            assert!(lr.parse(bad).is_err(), "{bad}");
        }
        assert!(DECAY.parse("1").is_err() && DECAY.parse("0").is_ok() && DECAY.parse("0.999999").is_ok());
        let rows = Kind::Whole { min: 10, max: 200_000 };
        assert_eq!(rows.parse(" 500 "), Ok(Value::Whole(500)));
        assert!(rows.parse("5").is_err() && rows.parse("10.5").is_err());
        assert_eq!(Kind::Flag.parse("true"), Ok(Value::Flag(true)));
        assert!(Kind::Choice(Named::Loss).parse("mse").is_ok());
    }
}
