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

use super::layer_syntax::{read_layers, write_layers};
use super::problem::{Named, NotHere, ValueProblem};
use super::{DataSource, Setup};
use crate::nn::{Adam, EarlyStopping, LearningRate, Loss, Monitor, Optimizer, Rmsprop, Sgd};
use crate::protocol::ValidationSource;

/// What a parameter's value is, and what it takes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    /// A whole number from `min` to `max`.
    Whole {
        /// The smallest taken.
        min: u64,
        /// The largest taken.
        max: u64,
    },
    /// A number from `min` to `max`; `open_min` or `open_max` leave that end out.
    Number {
        /// The low end.
        min: f64,
        /// The high end.
        max: f64,
        /// `min` itself is not taken ("a positive number").
        open_min: bool,
        /// `max` itself is not taken ("below 1").
        open_max: bool,
    },
    /// `1` or `0` (`true`, `false`).
    Flag,
    /// One of a set of names.
    Choice(Named),
    /// Its own syntax: `layers`, the piecewise lists, `validation`.
    Syntax,
}

/// A value read from text, as its [`Kind`] makes it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A whole number.
    Whole(u64),
    /// A number.
    Number(f64),
    /// A flag.
    Flag(bool),
    /// A name (a choice or a syntax' text, kept as written).
    Text(String),
}

const fn between(min: f64, max: f64) -> Kind {
    Kind::Number { min, max, open_min: false, open_max: false }
}

/// Above 0, up to `max`: a learning rate.
const fn positive(max: f64) -> Kind {
    Kind::Number { min: 0.0, max, open_min: true, open_max: false }
}

/// From 0, below 1: a momentum or a decay.
const DECAY: Kind = Kind::Number { min: 0.0, max: 1.0, open_min: false, open_max: true };

impl Kind {
    /// `text` as a value of this kind, or why not.
    pub fn parse(self, text: &str) -> Result<Value, ValueProblem> {
        let text = text.trim();
        match self {
            Kind::Whole { min, max } => text
                .parse::<u64>()
                .ok()
                .filter(|v| (min..=max).contains(v))
                .map(Value::Whole)
                .ok_or(self.range_problem()),
            Kind::Number { min, max, open_min, open_max } => {
                let taken = |v: &f64| {
                    (if open_min { *v > min } else { *v >= min }) && (if open_max { *v < max } else { *v <= max })
                };
                text.parse::<f64>().ok().filter(taken).map(Value::Number).ok_or(self.range_problem())
            }
            Kind::Flag => match text {
                "1" | "true" => Ok(Value::Flag(true)),
                "0" | "false" => Ok(Value::Flag(false)),
                _ => Err(ValueProblem::Flag),
            },
            Kind::Choice(what) => {
                let expected = names(what);
                match expected.iter().find(|n| **n == text || (what == Named::Loss && text == "mse")) {
                    Some(_) => Ok(Value::Text(text.to_string())),
                    None => Err(ValueProblem::UnknownName { what, name: text.to_string(), expected }),
                }
            }
            Kind::Syntax => Ok(Value::Text(text.to_string())),
        }
    }

    /// The problem a value out of this kind's range has.
    fn range_problem(self) -> ValueProblem {
        match self {
            Kind::Whole { min, max } => {
                ValueProblem::Number { min: min as f64, max: max as f64, whole: true, open_min: false, open_max: false }
            }
            Kind::Number { min, max, open_min, open_max } => {
                ValueProblem::Number { min, max, whole: false, open_min, open_max }
            }
            _ => ValueProblem::Flag,
        }
    }
}

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

fn always(_: &Setup) -> Option<NotHere> {
    None
}

fn generated(s: &Setup) -> Option<NotHere> {
    match s.source {
        DataSource::Generated(_) => None,
        other => Some(NotHere::NotGenerated { source: other.name() }),
    }
}

fn optimizer_is(s: &Setup, owners: &[&'static str]) -> Option<NotHere> {
    let optimizer = s.model.optimizer.keras_name();
    (!owners.contains(&optimizer)).then(|| NotHere::Optimizer { optimizer, owners: owners.to_vec() })
}

fn schedule_is(s: &Setup, owners: &[&str]) -> Option<NotHere> {
    let schedule = s.model.optimizer.learning_rate().name();
    (!owners.contains(&schedule)).then_some(NotHere::Schedule { schedule })
}

fn early_stopping_on(s: &Setup) -> Option<NotHere> {
    s.fit.early_stopping.is_none().then_some(NotHere::EarlyStoppingOff)
}

fn number(v: Value) -> f64 {
    match v {
        Value::Number(n) => n,
        Value::Whole(n) => n as f64,
        _ => 0.0,
    }
}

fn whole(v: Value) -> u64 {
    match v {
        Value::Whole(n) => n,
        Value::Number(n) => n as u64,
        _ => 0,
    }
}

fn flag(v: Value) -> bool {
    matches!(v, Value::Flag(true))
}

fn text(v: Value) -> String {
    match v {
        Value::Text(t) => t,
        _ => String::new(),
    }
}

/// Sets a field of the optimizer, whichever it is, through `f`.
fn adam(s: &mut Setup, f: impl FnOnce(&mut Adam)) -> Result<(), ValueProblem> {
    if let Optimizer::Adam(a) = &mut s.model.optimizer {
        f(a)
    }
    Ok(())
}

fn sgd(s: &mut Setup, f: impl FnOnce(&mut Sgd)) -> Result<(), ValueProblem> {
    if let Optimizer::Sgd(o) = &mut s.model.optimizer {
        f(o)
    }
    Ok(())
}

fn rmsprop(s: &mut Setup, f: impl FnOnce(&mut Rmsprop)) -> Result<(), ValueProblem> {
    if let Optimizer::Rmsprop(o) = &mut s.model.optimizer {
        f(o)
    }
    Ok(())
}

/// A schedule's field, read from the set-up's learning rate.
fn schedule_number(s: &Setup, pick: fn(&LearningRate) -> Option<f64>) -> Value {
    Value::Number(pick(s.model.optimizer.learning_rate()).unwrap_or(0.0))
}

fn decay_steps(lr: &LearningRate) -> Option<u64> {
    match lr {
        LearningRate::ExponentialDecay { decay_steps, .. } | LearningRate::CosineDecay { decay_steps, .. } => {
            Some(*decay_steps)
        }
        _ => None,
    }
}

/// The piecewise schedule's lists, as the address writes them.
fn piecewise_text(s: &Setup, boundaries: bool) -> Value {
    match s.model.optimizer.learning_rate() {
        LearningRate::PiecewiseConstantDecay { boundaries: b, values: v } => Value::Text(if boundaries {
            b.iter().map(u64::to_string).collect::<Vec<_>>().join(",")
        } else {
            v.iter().map(f64::to_string).collect::<Vec<_>>().join(",")
        }),
        _ => Value::Text(String::new()),
    }
}

/// Reads one of the piecewise schedule's lists into the set-up, refusing a pair the schedule
/// itself refuses (one value more than boundaries, boundaries increasing, rates positive).
fn set_piecewise(s: &mut Setup, boundaries: bool, text: &str) -> Result<(), ValueProblem> {
    let LearningRate::PiecewiseConstantDecay { boundaries: b, values: v } = s.model.optimizer.learning_rate().clone()
    else {
        return Ok(());
    };
    let items = text.split(',').map(str::trim).filter(|t| !t.is_empty());
    let refused = |item: &str| ValueProblem::ListItem { item: item.to_string(), steps: boundaries };
    let candidate = if boundaries {
        let b = items.map(|t| t.parse::<u64>().map_err(|_| refused(t))).collect::<Result<Vec<_>, _>>()?;
        LearningRate::PiecewiseConstantDecay { boundaries: b, values: v }
    } else {
        let v = items.map(|t| t.parse::<f64>().map_err(|_| refused(t))).collect::<Result<Vec<_>, _>>()?;
        LearningRate::PiecewiseConstantDecay { boundaries: b, values: v }
    };
    *s.model.optimizer.learning_rate_mut() = candidate;
    Ok(())
}

/// `validation`: `test`, `none`, or a fraction of the training rows.
fn validation_text(v: ValidationSource) -> String {
    match v {
        ValidationSource::TestSplit => "test".into(),
        ValidationSource::None => "none".into(),
        ValidationSource::Split(f) => f.to_string(),
    }
}

/// The range of `validation_split`, the same for the address and the field.
pub const VALIDATION_SPLIT: Kind = between(0.01, 0.99);

/// Every parameter, in the order the address is read and written (a key's `applies` may look at
/// the keys before it).
pub static PARAMS: &[Param] = &[
    Param {
        key: "data",
        kind: Kind::Choice(Named::Dataset),
        applies: always,
        get: |s| Value::Text(s.source.name().into()),
        set: |s, v| {
            if let Some(source) = DataSource::from_name(&text(v)) {
                s.source = source;
                if let DataSource::Generated(g) = source {
                    s.generator.generator = g;
                }
            }
            Ok(())
        },
        default: None,
    },
    Param {
        key: "rows",
        kind: Kind::Whole { min: 10, max: 200_000 },
        applies: generated,
        get: |s| Value::Whole(s.generator.rows as u64),
        set: |s, v| {
            s.generator.rows = whole(v) as usize;
            Ok(())
        },
        default: None,
    },
    Param {
        key: "features",
        kind: Kind::Whole { min: 1, max: 1000 },
        applies: generated,
        get: |s| Value::Whole(s.generator.features as u64),
        set: |s, v| {
            s.generator.features = whole(v) as usize;
            Ok(())
        },
        default: None,
    },
    Param {
        key: "classes",
        kind: Kind::Whole { min: 2, max: 10 },
        applies: generated,
        get: |s| Value::Whole(s.generator.classes as u64),
        set: |s, v| {
            s.generator.classes = whole(v) as usize;
            Ok(())
        },
        default: None,
    },
    Param {
        key: "noise",
        kind: between(0.0, 2.0),
        applies: generated,
        get: |s| Value::Number(s.generator.noise),
        set: |s, v| {
            s.generator.noise = number(v);
            Ok(())
        },
        default: Some(|_| Value::Number(0.0)),
    },
    Param {
        key: "label_noise",
        kind: between(0.0, 0.5),
        applies: generated,
        get: |s| Value::Number(s.generator.label_noise),
        set: |s, v| {
            s.generator.label_noise = number(v);
            Ok(())
        },
        default: Some(|_| Value::Number(0.0)),
    },
    Param {
        key: "seed",
        kind: Kind::Whole { min: 0, max: u32::MAX as u64 },
        applies: always,
        get: |s| Value::Whole(s.generator.seed),
        set: |s, v| {
            s.generator.seed = whole(v);
            Ok(())
        },
        default: None,
    },
    Param {
        key: "layers",
        kind: Kind::Syntax,
        applies: always,
        get: |s| Value::Text(write_layers(&s.model.layers)),
        set: |s, v| {
            s.model.layers = read_layers(&text(v))?;
            Ok(())
        },
        default: None,
    },
    Param {
        key: "loss",
        kind: Kind::Choice(Named::Loss),
        applies: always,
        get: |s| Value::Text(s.model.loss.keras_name().into()),
        set: |s, v| {
            if let Some(loss) = Loss::from_keras_name(&text(v)) {
                s.model.loss = loss;
            }
            Ok(())
        },
        default: None,
    },
    Param {
        key: "optimizer",
        kind: Kind::Choice(Named::Optimizer),
        applies: always,
        get: |s| Value::Text(s.model.optimizer.keras_name().into()),
        set: |s, v| {
            if let Some(o) = Optimizer::from_keras_name(&text(v)) {
                s.model.optimizer = o;
            }
            Ok(())
        },
        default: None,
    },
    Param {
        key: "schedule",
        kind: Kind::Choice(Named::Schedule),
        applies: always,
        get: |s| Value::Text(s.model.optimizer.learning_rate().name().into()),
        set: |s, v| {
            let (lr, name) = (s.model.optimizer.learning_rate().initial(), text(v));
            if let Some(schedule) = schedules_at(lr).into_iter().find(|l| l.name() == name) {
                *s.model.optimizer.learning_rate_mut() = schedule;
            }
            Ok(())
        },
        default: Some(|_| Value::Text("constant".into())),
    },
    Param {
        key: "lr",
        kind: positive(10.0),
        applies: |s| {
            matches!(s.model.optimizer.learning_rate(), LearningRate::PiecewiseConstantDecay { .. })
                .then_some(NotHere::PiecewiseRate)
        },
        get: |s| Value::Number(s.model.optimizer.learning_rate().initial()),
        set: |s, v| {
            s.model.optimizer.learning_rate_mut().set_initial(number(v));
            Ok(())
        },
        default: None,
    },
    Param {
        key: "beta_1",
        kind: DECAY,
        applies: |s| optimizer_is(s, &["adam"]),
        get: |s| Value::Number(if let Optimizer::Adam(a) = &s.model.optimizer { a.beta_1 } else { 0.0 }),
        set: |s, v| adam(s, |a| a.beta_1 = number(v)),
        default: Some(|_| Value::Number(Adam::default().beta_1)),
    },
    Param {
        key: "beta_2",
        kind: DECAY,
        applies: |s| optimizer_is(s, &["adam"]),
        get: |s| Value::Number(if let Optimizer::Adam(a) = &s.model.optimizer { a.beta_2 } else { 0.0 }),
        set: |s, v| adam(s, |a| a.beta_2 = number(v)),
        default: Some(|_| Value::Number(Adam::default().beta_2)),
    },
    Param {
        key: "epsilon",
        kind: Kind::Number { min: 0.0, max: 1.0, open_min: true, open_max: false },
        applies: |s| optimizer_is(s, &["adam", "rmsprop"]),
        get: |s| {
            Value::Number(match &s.model.optimizer {
                Optimizer::Adam(a) => a.epsilon,
                Optimizer::Rmsprop(r) => r.epsilon,
                Optimizer::Sgd(_) => 0.0,
            })
        },
        set: |s, v| {
            match &mut s.model.optimizer {
                Optimizer::Adam(a) => a.epsilon = number(v),
                Optimizer::Rmsprop(r) => r.epsilon = number(v),
                Optimizer::Sgd(_) => {}
            }
            Ok(())
        },
        default: Some(|_| Value::Number(1e-7)),
    },
    Param {
        key: "amsgrad",
        kind: Kind::Flag,
        applies: |s| optimizer_is(s, &["adam"]),
        get: |s| Value::Flag(matches!(&s.model.optimizer, Optimizer::Adam(a) if a.amsgrad)),
        set: |s, v| adam(s, |a| a.amsgrad = flag(v)),
        default: Some(|_| Value::Flag(false)),
    },
    Param {
        key: "momentum",
        kind: DECAY,
        applies: |s| optimizer_is(s, &["sgd", "rmsprop"]),
        get: |s| {
            Value::Number(match &s.model.optimizer {
                Optimizer::Sgd(o) => o.momentum,
                Optimizer::Rmsprop(r) => r.momentum,
                Optimizer::Adam(_) => 0.0,
            })
        },
        set: |s, v| {
            match &mut s.model.optimizer {
                Optimizer::Sgd(o) => o.momentum = number(v),
                Optimizer::Rmsprop(r) => r.momentum = number(v),
                Optimizer::Adam(_) => {}
            }
            Ok(())
        },
        default: Some(|_| Value::Number(0.0)),
    },
    Param {
        key: "nesterov",
        kind: Kind::Flag,
        applies: |s| optimizer_is(s, &["sgd"]),
        get: |s| Value::Flag(matches!(&s.model.optimizer, Optimizer::Sgd(o) if o.nesterov)),
        set: |s, v| sgd(s, |o| o.nesterov = flag(v)),
        default: Some(|_| Value::Flag(false)),
    },
    Param {
        key: "rho",
        kind: DECAY,
        applies: |s| optimizer_is(s, &["rmsprop"]),
        get: |s| Value::Number(if let Optimizer::Rmsprop(r) = &s.model.optimizer { r.rho } else { 0.0 }),
        set: |s, v| rmsprop(s, |r| r.rho = number(v)),
        default: Some(|_| Value::Number(Rmsprop::default().rho)),
    },
    Param {
        key: "decay_steps",
        kind: Kind::Whole { min: 1, max: 1_000_000_000 },
        applies: |s| schedule_is(s, &["exponential_decay", "cosine_decay"]),
        get: |s| Value::Whole(decay_steps(s.model.optimizer.learning_rate()).unwrap_or(0)),
        set: |s, v| {
            match s.model.optimizer.learning_rate_mut() {
                LearningRate::ExponentialDecay { decay_steps, .. } | LearningRate::CosineDecay { decay_steps, .. } => {
                    *decay_steps = whole(v)
                }
                _ => {}
            }
            Ok(())
        },
        default: None,
    },
    Param {
        key: "decay_rate",
        kind: positive(10.0),
        applies: |s| schedule_is(s, &["exponential_decay"]),
        get: |s| {
            schedule_number(s, |l| match l {
                LearningRate::ExponentialDecay { decay_rate, .. } => Some(*decay_rate),
                _ => None,
            })
        },
        set: |s, v| {
            if let LearningRate::ExponentialDecay { decay_rate, .. } = s.model.optimizer.learning_rate_mut() {
                *decay_rate = number(v)
            }
            Ok(())
        },
        default: None,
    },
    Param {
        key: "staircase",
        kind: Kind::Flag,
        applies: |s| schedule_is(s, &["exponential_decay"]),
        get: |s| {
            Value::Flag(matches!(
                s.model.optimizer.learning_rate(),
                LearningRate::ExponentialDecay { staircase: true, .. }
            ))
        },
        set: |s, v| {
            if let LearningRate::ExponentialDecay { staircase, .. } = s.model.optimizer.learning_rate_mut() {
                *staircase = flag(v)
            }
            Ok(())
        },
        default: None,
    },
    Param {
        key: "alpha",
        kind: between(0.0, 1.0),
        applies: |s| schedule_is(s, &["cosine_decay"]),
        get: |s| {
            schedule_number(s, |l| match l {
                LearningRate::CosineDecay { alpha, .. } => Some(*alpha),
                _ => None,
            })
        },
        set: |s, v| {
            if let LearningRate::CosineDecay { alpha, .. } = s.model.optimizer.learning_rate_mut() {
                *alpha = number(v)
            }
            Ok(())
        },
        default: None,
    },
    Param {
        key: "boundaries",
        kind: Kind::Syntax,
        applies: |s| schedule_is(s, &["piecewise_constant_decay"]),
        get: |s| piecewise_text(s, true),
        set: |s, v| set_piecewise(s, true, &text(v)),
        default: None,
    },
    Param {
        key: "values",
        kind: Kind::Syntax,
        applies: |s| schedule_is(s, &["piecewise_constant_decay"]),
        get: |s| piecewise_text(s, false),
        set: |s, v| set_piecewise(s, false, &text(v)),
        default: None,
    },
    Param {
        key: "epochs",
        kind: Kind::Whole { min: 1, max: 10_000 },
        applies: always,
        get: |s| Value::Whole(s.fit.epochs as u64),
        set: |s, v| {
            s.fit.epochs = whole(v) as usize;
            Ok(())
        },
        default: None,
    },
    Param {
        key: "batch",
        kind: Kind::Whole { min: 1, max: 100_000 },
        applies: always,
        get: |s| Value::Whole(s.fit.batch_size as u64),
        set: |s, v| {
            s.fit.batch_size = whole(v) as usize;
            Ok(())
        },
        default: None,
    },
    Param {
        key: "validation",
        kind: Kind::Syntax,
        applies: always,
        get: |s| Value::Text(validation_text(s.fit.validation)),
        set: |s, v| {
            s.fit.validation = match text(v).as_str() {
                "test" => ValidationSource::TestSplit,
                "none" => ValidationSource::None,
                other => match VALIDATION_SPLIT.parse(other) {
                    Ok(f) => ValidationSource::Split(number(f)),
                    Err(_) => return Err(ValueProblem::Validation),
                },
            };
            Ok(())
        },
        default: None,
    },
    Param {
        key: "test_size",
        kind: between(0.01, 0.99),
        applies: always,
        get: |s| Value::Number(s.fit.test_size),
        set: |s, v| {
            s.fit.test_size = number(v);
            Ok(())
        },
        default: Some(|_| Value::Number(0.2)),
    },
    Param {
        key: "early_stopping",
        kind: Kind::Choice(Named::Monitor),
        applies: always,
        get: |s| Value::Text(s.fit.early_stopping.map_or(String::new(), |e| monitor_name(e.monitor).into())),
        set: |s, v| {
            let name = text(v);
            s.fit.early_stopping = MONITORS
                .into_iter()
                .find(|m| monitor_name(*m) == name)
                .map(|monitor| EarlyStopping { monitor, ..s.fit.early_stopping.unwrap_or_default() });
            Ok(())
        },
        default: Some(|_| Value::Text(String::new())),
    },
    Param {
        key: "patience",
        kind: Kind::Whole { min: 0, max: 10_000 },
        applies: early_stopping_on,
        get: |s| Value::Whole(s.fit.early_stopping.map_or(0, |e| e.patience as u64)),
        set: |s, v| {
            let patience = whole(v) as usize;
            s.fit.early_stopping.iter_mut().for_each(|e| e.patience = patience);
            Ok(())
        },
        default: None,
    },
    Param {
        key: "min_delta",
        kind: between(0.0, 1e6),
        applies: early_stopping_on,
        get: |s| Value::Number(s.fit.early_stopping.map_or(0.0, |e| e.min_delta)),
        set: |s, v| {
            let min_delta = number(v);
            s.fit.early_stopping.iter_mut().for_each(|e| e.min_delta = min_delta);
            Ok(())
        },
        default: None,
    },
    Param {
        key: "restore_best_weights",
        kind: Kind::Flag,
        applies: early_stopping_on,
        get: |s| Value::Flag(s.fit.early_stopping.is_some_and(|e| e.restore_best_weights)),
        set: |s, v| {
            let restore = flag(v);
            s.fit.early_stopping.iter_mut().for_each(|e| e.restore_best_weights = restore);
            Ok(())
        },
        default: None,
    },
    Param {
        key: "metrics",
        kind: Kind::Choice(Named::Metric),
        applies: always,
        get: |_| Value::Text("accuracy".into()),
        set: |_, _| Ok(()),
        default: Some(|_| Value::Text("accuracy".into())),
    },
    Param {
        key: "run",
        kind: Kind::Flag,
        applies: always,
        get: |s| Value::Flag(s.run),
        set: |s, v| {
            s.run = flag(v);
            Ok(())
        },
        default: Some(|_| Value::Flag(false)),
    },
];

#[cfg(test)]
mod tests {
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
