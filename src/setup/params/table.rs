//! The table itself: every key of the address, in the order it is read and written, with the
//! small readers and writers its rows share.

use super::kind::{between, positive, DECAY};
use super::{monitor_name, schedules_at, Kind, Param, Value, MONITORS, VALIDATION_SPLIT};
use crate::nn::{Adam, EarlyStopping, LearningRate, Loss, Optimizer, Rmsprop, Sgd};
use crate::protocol::ValidationSource;
use crate::setup::layer_syntax::{read_layers, write_layers};
use crate::setup::problem::{Named, NotHere, ValueProblem};
use crate::setup::{DataSource, Setup};

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
