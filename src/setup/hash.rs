//! The set-up in the page's address, as TensorFlow Playground keeps it: `#key=value&key=value`.
//!
//! | key | value | default |
//! |---|---|---|
//! | `data` | `seed`, `blobs`, `xor`, `circles`, `moons`, `spirals`, `linear`, `breast_cancer`, `iris`, `wine`, `csv` | `seed` |
//! | `rows`, `features`, `classes`, `noise`, `label_noise` | the generator's parameters (`label_noise` a fraction) | 1000, 10, 3, 0, 0 |
//! | `seed` | seed of the data, split, weights and shuffles | 42 |
//! | `layers` | `units:activation[:kernel_initializer]`, comma-separated, e.g. `64:relu:he_normal,1:sigmoid` | the seed's, output fitted to the data |
//! | `loss` | a Keras name (`mse` too) | the data's |
//! | `optimizer` | `sgd`, `adam`, `rmsprop` | `adam` |
//! | `lr`, `beta_1`, `beta_2`, `epsilon`, `amsgrad`, `momentum`, `nesterov`, `rho` | the optimizer's hyper-parameters | Keras' |
//! | `schedule` | `constant`, `exponential_decay`, `cosine_decay`, `piecewise_constant_decay` | `constant` |
//! | `decay_steps`, `decay_rate`, `staircase`, `alpha`, `boundaries`, `values` | the schedule's parameters (`boundaries`, `values` comma-separated) | Keras' examples |
//! | `epochs`, `batch` | `fit`'s | 10, 32 |
//! | `validation` | `test` (the test split), `none`, or a fraction of the training rows (`0.1`) | `test` |
//! | `test_size` | share of rows held out for the test | 0.2 |
//! | `early_stopping` | the figure watched: `val_loss`, `val_accuracy`, `loss`, `accuracy`; absent: off | off |
//! | `patience`, `min_delta`, `restore_best_weights` | `EarlyStopping`'s | 0, 0, 0 |
//! | `run` | `1`: train as soon as the page opens | 0 |
//!
//! Reading never fails as a whole: a value that cannot be used is reported as a [`SetupError`]
//! naming its key, and the rest of the set-up still applies.

use std::fmt;

use super::values::{
    belongs_to, fraction, layers, list, monitor_name, names, schedule_name, schedules, unknown, Reader, MONITORS,
};
use super::{DataSource, Setup};
use crate::i18n::{Bilingual, Localize};
use crate::nn::{Adam, EarlyStopping, Initializer, Loss, Optimizer, Rmsprop, Schedule, Sgd};
use crate::protocol::ValidationSource;

/// Every key a link may carry, in the order [`Setup::to_hash`] writes them.
pub const KEYS: [&str; 35] = [
    "data",
    "rows",
    "features",
    "classes",
    "noise",
    "label_noise",
    "seed",
    "layers",
    "loss",
    "optimizer",
    "lr",
    "beta_1",
    "beta_2",
    "epsilon",
    "amsgrad",
    "momentum",
    "nesterov",
    "rho",
    "schedule",
    "decay_steps",
    "decay_rate",
    "staircase",
    "alpha",
    "boundaries",
    "values",
    "epochs",
    "batch",
    "validation",
    "test_size",
    "early_stopping",
    "patience",
    "min_delta",
    "restore_best_weights",
    "run",
    "metrics",
];

/// A value of the link that could not be used: which key, what it said, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct SetupError {
    /// The key.
    pub key: String,
    /// The value as written.
    pub value: String,
    /// What is wrong and what would do, in both languages.
    pub message: Bilingual,
}

impl SetupError {
    /// `run=1` with a CSV file of the user's: the file is not in the link, so nothing can run.
    pub fn csv_cannot_run() -> Self {
        SetupError {
            key: "run".into(),
            value: "1".into(),
            message: Bilingual::new(
                "a CSV file cannot travel in a link: choose it, then press Train",
                "CSV 文件无法随链接一起传递：请先选择文件，再按“训练”",
            ),
        }
    }
}

/// `layers: "64:rellu" — unknown activation "rellu"; …`.
impl fmt::Display for SetupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: \"{}\" — {}", self.key, self.value, self.message)
    }
}

/// `layers：“64:rellu”——未知的激活函数“rellu”；…`.
impl Localize for SetupError {
    fn zh(&self) -> String {
        format!("{}：“{}”——{}", self.key, self.value, self.message.zh)
    }
}

impl Setup {
    /// Reads a link's hash (with or without its `#`): the set-up, and what could not be used.
    pub fn from_hash(hash: &str) -> (Setup, Vec<SetupError>) {
        let mut r = Reader::new(hash);
        let mut s = Setup::default();
        let sources = names(DataSource::all(), |d| d.name());
        if let Some(source) =
            r.read("data", |v| DataSource::from_name(v).ok_or_else(|| unknown(("dataset", "数据集"), &sources)))
        {
            s.source = source;
            if let DataSource::Generated(g) = source {
                s.generator.generator = g;
            }
        }
        let g = &mut s.generator;
        g.rows = r.number("rows", 10, 200_000).unwrap_or(g.rows);
        g.features = r.number("features", 1, 1000).unwrap_or(g.features);
        g.classes = r.number("classes", 2, 10).unwrap_or(g.classes);
        g.noise = r.number("noise", 0.0, 2.0).unwrap_or(g.noise);
        g.label_noise = r.number("label_noise", 0.0, 0.5).unwrap_or(g.label_noise);
        g.seed = r.number("seed", 0, u32::MAX as u64).unwrap_or(g.seed);
        if let Some((task, classes)) = s.expected_task() {
            s.fit_output_to(task, classes);
        }

        let m = &mut s.model;
        m.layers = r.read("layers", layers).unwrap_or(std::mem::take(&mut m.layers));
        let losses = names(Loss::ALL, |l| l.keras_name());
        m.loss = r
            .read("loss", |v| Loss::from_keras_name(v).ok_or_else(|| unknown(("loss", "损失函数"), &losses)))
            .unwrap_or(m.loss);
        m.optimizer = r
            .read("optimizer", |v| match v {
                "sgd" => Ok(Optimizer::Sgd(Sgd::default())),
                "adam" => Ok(Optimizer::Adam(Adam::default())),
                "rmsprop" => Ok(Optimizer::Rmsprop(Rmsprop::default())),
                _ => Err(unknown(("optimizer", "优化器"), "sgd, adam, rmsprop")),
            })
            .unwrap_or(m.optimizer);
        let lr = r.positive("lr", 10.0);
        let name = m.optimizer.keras_name();
        match &mut m.optimizer {
            Optimizer::Adam(o) => {
                o.learning_rate = lr.unwrap_or(o.learning_rate);
                o.beta_1 = r.number("beta_1", 0.0, 0.999_999).unwrap_or(o.beta_1);
                o.beta_2 = r.number("beta_2", 0.0, 0.999_999).unwrap_or(o.beta_2);
                o.epsilon = r.number("epsilon", 0.0, 1.0).unwrap_or(o.epsilon);
                o.amsgrad = r.flag("amsgrad").unwrap_or(o.amsgrad);
                for key in ["momentum", "nesterov", "rho"] {
                    r.not_for(key, belongs_to(name, key, "sgd", "rmsprop"));
                }
            }
            Optimizer::Sgd(o) => {
                o.learning_rate = lr.unwrap_or(o.learning_rate);
                o.momentum = r.number("momentum", 0.0, 0.999_999).unwrap_or(o.momentum);
                o.nesterov = r.flag("nesterov").unwrap_or(o.nesterov);
                for key in ["beta_1", "beta_2", "epsilon", "amsgrad", "rho"] {
                    r.not_for(key, belongs_to(name, key, "adam", "rmsprop"));
                }
            }
            Optimizer::Rmsprop(o) => {
                o.learning_rate = lr.unwrap_or(o.learning_rate);
                o.rho = r.number("rho", 0.0, 0.999_999).unwrap_or(o.rho);
                o.momentum = r.number("momentum", 0.0, 0.999_999).unwrap_or(o.momentum);
                o.epsilon = r.number("epsilon", 0.0, 1.0).unwrap_or(o.epsilon);
                for key in ["beta_1", "beta_2", "amsgrad", "nesterov"] {
                    r.not_for(key, belongs_to(name, key, "adam", "sgd"));
                }
            }
        }
        let all = names(schedules(), schedule_name);
        m.schedule = r
            .read("schedule", |v| {
                schedules()
                    .into_iter()
                    .find(|s| schedule_name(s) == v)
                    .ok_or_else(|| unknown(("schedule", "学习率调度"), &all))
            })
            .unwrap_or(Schedule::Constant);
        let here = schedule_name(&m.schedule);
        let unused = |r: &mut Reader, key: &str| {
            r.not_for(
                key,
                Bilingual::new(format!("the {here} schedule has no {key}"), format!("{here} 调度没有 {key}")),
            )
        };
        match &mut m.schedule {
            Schedule::Constant => ["decay_steps", "decay_rate", "staircase", "alpha", "boundaries", "values"]
                .iter()
                .for_each(|k| unused(&mut r, k)),
            Schedule::ExponentialDecay { decay_steps, decay_rate, staircase } => {
                *decay_steps = r.number("decay_steps", 1, 1 << 40).unwrap_or(*decay_steps);
                *decay_rate = r.positive("decay_rate", 10.0).unwrap_or(*decay_rate);
                *staircase = r.flag("staircase").unwrap_or(*staircase);
                ["alpha", "boundaries", "values"].iter().for_each(|k| unused(&mut r, k));
            }
            Schedule::CosineDecay { decay_steps, alpha } => {
                *decay_steps = r.number("decay_steps", 1, 1 << 40).unwrap_or(*decay_steps);
                *alpha = r.number("alpha", 0.0, 1.0).unwrap_or(*alpha);
                ["decay_rate", "staircase", "boundaries", "values"].iter().for_each(|k| unused(&mut r, k));
            }
            Schedule::PiecewiseConstantDecay { boundaries, values } => {
                let b = r
                    .read("boundaries", |v| list::<u64>(v, ("a whole number of steps", "整数步数")))
                    .unwrap_or(boundaries.clone());
                let v = r.read("values", |v| list::<f32>(v, ("a learning rate", "学习率"))).unwrap_or(values.clone());
                let candidate = Schedule::PiecewiseConstantDecay { boundaries: b.clone(), values: v.clone() };
                match candidate.problem() {
                    None => (*boundaries, *values) = (b, v),
                    Some(why) => {
                        let value = r.pairs.get("values").or(r.pairs.get("boundaries")).cloned().unwrap_or_default();
                        let key = if r.pairs.contains_key("values") { "values" } else { "boundaries" };
                        let why = Bilingual::new(
                            format!("the piecewise_constant_decay schedule {}", why.en),
                            format!("piecewise_constant_decay 调度：{}", why.zh),
                        );
                        r.fail(key, &value, why);
                    }
                }
                ["decay_steps", "decay_rate", "staircase", "alpha"].iter().for_each(|k| unused(&mut r, k));
            }
        }

        let f = &mut s.fit;
        f.epochs = r.number("epochs", 1, 10_000).unwrap_or(f.epochs);
        f.batch_size = r.number("batch", 1, 100_000).unwrap_or(f.batch_size);
        f.test_size = r.read("test_size", fraction).unwrap_or(f.test_size);
        f.validation = r
            .read("validation", |v| match v {
                "test" => Ok(ValidationSource::TestSplit),
                "none" => Ok(ValidationSource::None),
                _ => fraction(v).map(ValidationSource::Split).map_err(|_| {
                    Bilingual::new(
                        "expected test (the test split validates), none, or a fraction of the training rows such as 0.1",
                        "应为 test（用测试集验证）、none，或训练行中的一个比例，例如 0.1",
                    )
                }),
            })
            .unwrap_or(f.validation);
        let monitors = names(MONITORS, |m| monitor_name(*m));
        f.early_stopping = r.read("early_stopping", |v| {
            MONITORS
                .into_iter()
                .find(|m| monitor_name(*m) == v)
                .map(|monitor| EarlyStopping { monitor, ..Default::default() })
                .ok_or_else(|| unknown(("figure to watch", "监控指标"), &monitors))
        });
        match &mut f.early_stopping {
            Some(es) => {
                es.patience = r.number("patience", 0, 10_000).unwrap_or(es.patience);
                es.min_delta = r.number("min_delta", 0.0, 1e6).unwrap_or(es.min_delta);
                es.restore_best_weights = r.flag("restore_best_weights").unwrap_or(es.restore_best_weights);
            }
            None => ["patience", "min_delta", "restore_best_weights"].iter().for_each(|k| {
                r.not_for(
                    k,
                    Bilingual::new(
                        "early stopping is off: add early_stopping=val_loss (or another figure) to turn it on",
                        "早停没有开启：加上 early_stopping=val_loss（或其他指标）即可开启",
                    ),
                )
            }),
        }
        s.run = r.flag("run").unwrap_or(false);
        r.read("metrics", |v| {
            if v == "accuracy" {
                Ok(())
            } else {
                Err(Bilingual::new(
                    "the lab reports accuracy only: expected accuracy",
                    "本实验只报告准确率：应为 accuracy",
                ))
            }
        });
        (s, r.errors)
    }

    /// The link's hash (without its `#`) that [`Setup::from_hash`] reads back as this set-up.
    pub fn to_hash(&self) -> String {
        let mut pairs: Vec<(&str, String)> = vec![("data", self.source.name().to_string())];
        let g = &self.generator;
        if matches!(self.source, DataSource::Generated(_)) {
            pairs.extend([
                ("rows", g.rows.to_string()),
                ("features", g.features.to_string()),
                ("classes", g.classes.to_string()),
                ("noise", g.noise.to_string()),
                ("label_noise", g.label_noise.to_string()),
            ]);
        }
        pairs.push(("seed", g.seed.to_string()));
        let layers = self.model.layers.iter().map(|l| {
            let init = (l.kernel_initializer != Initializer::GlorotUniform)
                .then(|| format!(":{}", l.kernel_initializer.keras_name()));
            format!("{}:{}{}", l.units, l.activation.keras_name(), init.unwrap_or_default())
        });
        pairs.push(("layers", layers.collect::<Vec<_>>().join(",")));
        pairs.push(("loss", self.model.loss.keras_name().to_string()));
        let o = &self.model.optimizer;
        pairs.push(("optimizer", o.keras_name().to_string()));
        pairs.push(("lr", o.learning_rate().to_string()));
        let mut unless = |key, value: String, default: String| {
            if value != default {
                pairs.push((key, value));
            }
        };
        match o {
            Optimizer::Adam(a) => {
                let d = Adam::default();
                unless("beta_1", a.beta_1.to_string(), d.beta_1.to_string());
                unless("beta_2", a.beta_2.to_string(), d.beta_2.to_string());
                unless("epsilon", a.epsilon.to_string(), d.epsilon.to_string());
                unless("amsgrad", (a.amsgrad as u8).to_string(), "0".into());
            }
            Optimizer::Sgd(sgd) => {
                unless("momentum", sgd.momentum.to_string(), "0".into());
                unless("nesterov", (sgd.nesterov as u8).to_string(), "0".into());
            }
            Optimizer::Rmsprop(rms) => {
                let d = Rmsprop::default();
                unless("rho", rms.rho.to_string(), d.rho.to_string());
                unless("momentum", rms.momentum.to_string(), d.momentum.to_string());
                unless("epsilon", rms.epsilon.to_string(), d.epsilon.to_string());
            }
        }
        let join = |v: &[String]| v.join(",");
        match &self.model.schedule {
            Schedule::Constant => {}
            sched @ Schedule::ExponentialDecay { decay_steps, decay_rate, staircase } => pairs.extend([
                ("schedule", schedule_name(sched).to_string()),
                ("decay_steps", decay_steps.to_string()),
                ("decay_rate", decay_rate.to_string()),
                ("staircase", (*staircase as u8).to_string()),
            ]),
            sched @ Schedule::CosineDecay { decay_steps, alpha } => pairs.extend([
                ("schedule", schedule_name(sched).to_string()),
                ("decay_steps", decay_steps.to_string()),
                ("alpha", alpha.to_string()),
            ]),
            sched @ Schedule::PiecewiseConstantDecay { boundaries, values } => pairs.extend([
                ("schedule", schedule_name(sched).to_string()),
                ("boundaries", join(&boundaries.iter().map(u64::to_string).collect::<Vec<_>>())),
                ("values", join(&values.iter().map(f32::to_string).collect::<Vec<_>>())),
            ]),
        }
        let f = &self.fit;
        pairs.push(("epochs", f.epochs.to_string()));
        pairs.push(("batch", f.batch_size.to_string()));
        let validation = match f.validation {
            ValidationSource::TestSplit => "test".to_string(),
            ValidationSource::None => "none".to_string(),
            ValidationSource::Split(v) => v.to_string(),
        };
        pairs.push(("validation", validation));
        if f.test_size != 0.2 {
            pairs.push(("test_size", f.test_size.to_string()));
        }
        if let Some(es) = &f.early_stopping {
            pairs.extend([
                ("early_stopping", monitor_name(es.monitor).to_string()),
                ("patience", es.patience.to_string()),
                ("min_delta", es.min_delta.to_string()),
                ("restore_best_weights", (es.restore_best_weights as u8).to_string()),
            ]);
        }
        if self.run {
            pairs.push(("run", "1".into()));
        }
        pairs.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("&")
    }
}

// Native only: proptest is a native dev-dependency (the browser suites run the engine's tests).
#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "hash_tests.rs"]
mod tests;
