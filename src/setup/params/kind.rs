//! What a parameter takes ([`Kind`]) and a value of it ([`Value`]): the parsing and the ranges
//! the address and the fields share.

use super::names;
use crate::setup::problem::{Named, ValueProblem};

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

pub(super) const fn between(min: f64, max: f64) -> Kind {
    Kind::Number { min, max, open_min: false, open_max: false }
}

/// Above 0, up to `max`: a learning rate.
pub(super) const fn positive(max: f64) -> Kind {
    Kind::Number { min: 0.0, max, open_min: true, open_max: false }
}

/// From 0, below 1: a momentum or a decay.
pub(super) const DECAY: Kind = Kind::Number { min: 0.0, max: 1.0, open_min: false, open_max: true };

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
