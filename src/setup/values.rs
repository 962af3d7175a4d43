//! The values a link's keys take: the reader of `key=value` pairs, and each value's syntax
//! (numbers in a range, flags, fractions, layers, lists), with the names links use for
//! monitored figures and schedules.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use super::hash::{SetupError, KEYS};
use super::{initializer_from_name, INITIALIZERS};
use crate::i18n::Bilingual;
use crate::nn::{Activation, DenseConfig, Initializer, Monitor, Schedule};

/// The link's pairs, and the errors found reading them.
pub(super) struct Reader {
    pub(super) pairs: BTreeMap<String, String>,
    pub(super) errors: Vec<SetupError>,
}

impl Reader {
    pub(super) fn new(hash: &str) -> Self {
        let mut reader = Reader { pairs: BTreeMap::new(), errors: Vec::new() };
        for part in hash.trim_start_matches('#').split('&').filter(|p| !p.is_empty()) {
            let (key, value) = part.split_once('=').unwrap_or((part, ""));
            let (key, value) = (decode(key), decode(value));
            if KEYS.contains(&key.as_str()) {
                reader.pairs.insert(key, value);
            } else {
                let keys = KEYS.join(", ");
                let why = Bilingual::new(
                    format!("unknown key; the keys are {keys}"),
                    format!("未知的键；可用的键有：{keys}"),
                );
                reader.fail(&key, &value, why);
            }
        }
        reader
    }

    pub(super) fn fail(&mut self, key: &str, value: &str, message: Bilingual) {
        self.errors.push(SetupError { key: key.into(), value: value.into(), message });
    }

    /// The value of `key`, parsed by `parse`; a parse error is recorded and gives `None`.
    pub(super) fn read<T>(&mut self, key: &str, parse: impl FnOnce(&str) -> Result<T, Bilingual>) -> Option<T> {
        let value = self.pairs.get(key)?.clone();
        match parse(&value) {
            Ok(v) => Some(v),
            Err(message) => {
                self.fail(key, &value, message);
                None
            }
        }
    }

    /// A number from `min` to `max`.
    pub(super) fn number<T: FromStr + PartialOrd + fmt::Display + Copy>(
        &mut self,
        key: &str,
        min: T,
        max: T,
    ) -> Option<T> {
        self.read(key, |v| number(v, min, max))
    }

    /// A number above zero (at least `f32::MIN_POSITIVE`, so it stays above zero as an `f32`)
    /// up to `max`: a learning rate.
    pub(super) fn positive(&mut self, key: &str, max: f32) -> Option<f32> {
        self.read(key, |v| positive(v, max))
    }

    pub(super) fn flag(&mut self, key: &str) -> Option<bool> {
        self.read(key, flag)
    }

    /// A key that does not apply to the rest of the set-up.
    pub(super) fn not_for(&mut self, key: &str, why: Bilingual) {
        if let Some(value) = self.pairs.get(key).cloned() {
            self.fail(key, &value, why);
        }
    }
}

/// Undoes the `%XX` escapes a browser may have put in the address.
fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn number<T: FromStr + PartialOrd + fmt::Display + Copy>(text: &str, min: T, max: T) -> Result<T, Bilingual> {
    match text.trim().parse::<T>() {
        Ok(v) if v >= min && v <= max => Ok(v),
        _ => Err(Bilingual::new(
            format!("expected a number from {min} to {max}"),
            format!("应为 {min} 到 {max} 之间的数"),
        )),
    }
}

/// Said as "a positive number": the smallest value taken, `f32::MIN_POSITIVE`, is not a number
/// anyone would read.
fn positive(text: &str, max: f32) -> Result<f32, Bilingual> {
    match text.trim().parse::<f32>() {
        Ok(v) if v >= f32::MIN_POSITIVE && v <= max => Ok(v),
        _ => Err(Bilingual::new(format!("expected a positive number up to {max}"), format!("应为不超过 {max} 的正数"))),
    }
}

fn flag(text: &str) -> Result<bool, Bilingual> {
    match text {
        "1" | "true" => Ok(true),
        "0" | "false" => Ok(false),
        _ => Err(Bilingual::new("expected 1 or 0", "应为 1 或 0")),
    }
}

/// A fraction strictly between 0 and 1.
pub(super) fn fraction(text: &str) -> Result<f64, Bilingual> {
    match text.trim().parse::<f64>() {
        Ok(f) if f > 0.0 && f < 1.0 => Ok(f),
        _ => {
            Err(Bilingual::new("expected a fraction between 0 and 1, such as 0.2", "应为 0 和 1 之间的小数，例如 0.2"))
        }
    }
}

/// A name the set-up does not know: `unknown loss; expected one of …` (`what` in each language).
pub(super) fn unknown(what: (&str, &str), expected: &str) -> Bilingual {
    Bilingual::new(
        format!("unknown {}; expected one of {expected}", what.0),
        format!("未知的{}；应为以下之一：{expected}", what.1),
    )
}

pub(super) fn names<T>(all: impl IntoIterator<Item = T>, name: impl Fn(&T) -> &'static str) -> String {
    all.into_iter().map(|t| name(&t)).collect::<Vec<_>>().join(", ")
}

/// `adam has no momentum; it is a parameter of sgd or rmsprop`.
pub(super) fn belongs_to(optimizer: &str, key: &str, one: &str, other: &str) -> Bilingual {
    Bilingual::new(
        format!("{optimizer} has no {key}; it is a parameter of {one} or {other}"),
        format!("{optimizer} 没有 {key}；它是 {one} 或 {other} 的参数"),
    )
}

/// One layer: `units:activation[:initializer]`.
fn layer(text: &str) -> Result<DenseConfig, Bilingual> {
    let mut parts = text.split(':');
    let units = parts.next().unwrap_or_default();
    let units = number::<usize>(units, 1, 4096).map_err(|_| {
        Bilingual::new(
            format!("layer \"{text}\": units \"{units}\" is not a whole number from 1 to 4096"),
            format!("层“{text}”：单元数“{units}”不是 1 到 4096 之间的整数"),
        )
    })?;
    let activation = match parts.next() {
        None => Activation::Linear,
        Some(name) => Activation::from_keras_name(name).ok_or_else(|| {
            let all = names(Activation::ALL, |a| a.keras_name());
            Bilingual::new(
                format!("unknown activation \"{name}\"; expected one of {all}"),
                format!("未知的激活函数“{name}”；应为以下之一：{all}"),
            )
        })?,
    };
    let kernel_initializer = match parts.next() {
        None => Initializer::GlorotUniform,
        Some(name) => initializer_from_name(name).ok_or_else(|| {
            let all = names(INITIALIZERS, |i| i.keras_name());
            Bilingual::new(
                format!("unknown initializer \"{name}\"; expected one of {all}"),
                format!("未知的初始化方法“{name}”；应为以下之一：{all}"),
            )
        })?,
    };
    if let Some(extra) = parts.next() {
        return Err(Bilingual::new(
            format!("layer \"{text}\" has an extra part \"{extra}\"; a layer is units:activation[:initializer]"),
            format!("层“{text}”多了一段“{extra}”；一层的写法是 units:activation[:initializer]"),
        ));
    }
    Ok(DenseConfig { units, activation, kernel_initializer, ..Default::default() })
}

pub(super) fn layers(text: &str) -> Result<Vec<DenseConfig>, Bilingual> {
    text.split(',').map(layer).collect()
}

/// Comma-separated values, each a `T`; `what` says what each should be, in both languages.
pub(super) fn list<T: FromStr>(text: &str, what: (&str, &str)) -> Result<Vec<T>, Bilingual> {
    if text.is_empty() {
        return Ok(Vec::new());
    }
    let refused = |v: &str| Bilingual::new(format!("\"{v}\" is not {}", what.0), format!("“{v}”不是{}", what.1));
    text.split(',').map(|v| v.trim().parse::<T>().map_err(|_| refused(v))).collect()
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

/// The name of a schedule in links (Keras' class name in snake case).
pub fn schedule_name(s: &Schedule) -> &'static str {
    match s {
        Schedule::Constant => "constant",
        Schedule::ExponentialDecay { .. } => "exponential_decay",
        Schedule::CosineDecay { .. } => "cosine_decay",
        Schedule::PiecewiseConstantDecay { .. } => "piecewise_constant_decay",
    }
}

/// Each schedule with the parameters the page starts it with.
pub fn schedules() -> [Schedule; 4] {
    [
        Schedule::Constant,
        Schedule::ExponentialDecay { decay_steps: 100, decay_rate: 0.96, staircase: false },
        Schedule::CosineDecay { decay_steps: 1000, alpha: 0.0 },
        Schedule::PiecewiseConstantDecay { boundaries: vec![100, 200], values: vec![0.01, 0.005, 0.001] },
    ]
}
