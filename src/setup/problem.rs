//! What can be wrong with the address' set-up, as facts: the page words them
//! (`crate::i18n`), naming the key and what it would take.

/// A value of the address that could not be used: which key, what it said, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct SetupError {
    /// The key.
    pub key: String,
    /// The value as written, cut to [`SHOWN_VALUE`] characters (a value of a megabyte is not
    /// echoed whole).
    pub value: String,
    /// Why it was refused.
    pub problem: SetupProblem,
}

/// Characters of a refused value shown in its message.
pub const SHOWN_VALUE: usize = 80;

impl SetupError {
    /// An error for `key`, showing at most [`SHOWN_VALUE`] characters of `value`.
    pub fn new(key: &str, value: &str, problem: SetupProblem) -> Self {
        let key: String = key.chars().take(SHOWN_VALUE).collect();
        let problem = match problem {
            SetupProblem::Value(v) => SetupProblem::Value(v.cut()),
            other => other,
        };
        SetupError { key, value: cut(value), problem }
    }

    /// `run=1` with a CSV file of the user's: the file is not in the link, so nothing can run.
    pub fn csv_cannot_run() -> Self {
        SetupError::new("run", "1", SetupProblem::CsvCannotRun)
    }
}

/// Why a key of the address was refused.
#[derive(Debug, Clone, PartialEq)]
pub enum SetupProblem {
    /// Not a key of the set-up.
    UnknownKey {
        /// Every key there is.
        keys: Vec<&'static str>,
    },
    /// The key appears more than once; the first is used.
    Duplicate {
        /// How many times it appears.
        times: usize,
    },
    /// The value does not parse or is out of range.
    Value(ValueProblem),
    /// The key does not apply to this set-up.
    NotHere(NotHere),
    /// `run=1` with the user's CSV file, which a link cannot carry.
    CsvCannotRun,
    /// The whole address is longer than the lab reads.
    AddressTooLong {
        /// Its length, in characters.
        length: usize,
        /// The most the lab reads.
        max: usize,
    },
}

/// `text` cut to [`SHOWN_VALUE`] characters, with `…` where it was cut.
fn cut(text: &str) -> String {
    let shown: String = text.chars().take(SHOWN_VALUE).collect();
    if shown.len() < text.len() {
        format!("{shown}…")
    } else {
        shown
    }
}

/// Why a value is refused.
#[derive(Debug, Clone, PartialEq)]
pub enum ValueProblem {
    /// Not a number in the range.
    Number {
        /// The smallest value taken (or just above it, with `open_min`).
        min: f64,
        /// The largest value taken (or just below it, with `open_max`).
        max: f64,
        /// Whole numbers only.
        whole: bool,
        /// `min` itself is not taken (a learning rate: "a positive number").
        open_min: bool,
        /// `max` itself is not taken (a fraction below 1).
        open_max: bool,
    },
    /// Not `1` or `0`.
    Flag,
    /// A name the set-up does not know.
    UnknownName {
        /// What kind of name.
        what: Named,
        /// The one given.
        name: String,
        /// The names it takes.
        expected: Vec<&'static str>,
    },
    /// `validation` is none of its forms.
    Validation,
    /// An item of a comma-separated list is not a number of its kind.
    ListItem {
        /// The item as written.
        item: String,
        /// Whole numbers of steps (boundaries), or learning rates (values).
        steps: bool,
    },
    /// The learning-rate schedule's own rule.
    Schedule(crate::nn::ScheduleProblem),
    /// One layer of `layers`.
    Layer {
        /// The layer, from 0.
        index: usize,
        /// Its text.
        text: String,
        /// What is wrong with it.
        problem: LayerSyntax,
    },
    /// More layers than the lab builds.
    TooManyLayers {
        /// Layers given.
        count: usize,
        /// The most taken.
        max: usize,
    },
}

impl ValueProblem {
    /// The same problem with every text it quotes from the address cut to [`SHOWN_VALUE`]
    /// characters, so that a megabyte of junk is not echoed whole.
    fn cut(self) -> Self {
        match self {
            ValueProblem::UnknownName { what, name, expected } => {
                ValueProblem::UnknownName { what, name: cut(&name), expected }
            }
            ValueProblem::ListItem { item, steps } => ValueProblem::ListItem { item: cut(&item), steps },
            ValueProblem::Layer { index, text, problem } => {
                ValueProblem::Layer { index, text: cut(&text), problem: problem.cut() }
            }
            other => other,
        }
    }
}

impl LayerSyntax {
    /// The same problem with the texts it quotes cut (see [`ValueProblem::cut`]).
    fn cut(self) -> Self {
        match self {
            LayerSyntax::Units { units, max } => LayerSyntax::Units { units: cut(&units), max },
            LayerSyntax::Name(problem) => LayerSyntax::Name(Box::new(problem.cut())),
            LayerSyntax::Argument { class, argument, written, allowed } => {
                LayerSyntax::Argument { class, argument, written: cut(&written), allowed }
            }
            LayerSyntax::Factor { key, factor, max } => LayerSyntax::Factor { key, factor: cut(&factor), max },
            LayerSyntax::Extra { part } => LayerSyntax::Extra { part: cut(&part) },
        }
    }
}

/// The kinds of names a value can be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Named {
    /// A dataset or generator.
    Dataset,
    /// A loss.
    Loss,
    /// An optimizer.
    Optimizer,
    /// A learning-rate schedule.
    Schedule,
    /// A figure `EarlyStopping` watches.
    Monitor,
    /// A metric.
    Metric,
    /// An activation.
    Activation,
    /// An initializer.
    Initializer,
}

/// What is wrong with one layer's text.
#[derive(Debug, Clone, PartialEq)]
pub enum LayerSyntax {
    /// The units are not a whole number in range.
    Units {
        /// As written.
        units: String,
        /// The most taken.
        max: usize,
    },
    /// An activation or initializer the lab does not have (the name is in the problem).
    Name(Box<ValueProblem>),
    /// A layer's argument out of what Keras accepts (a Dropout rate of 1).
    Argument {
        /// The Keras class: `Dropout`.
        class: &'static str,
        /// The argument: `rate`.
        argument: &'static str,
        /// As written.
        written: String,
        /// What Keras accepts.
        allowed: crate::nn::Allowed,
    },
    /// A regularizer factor out of range.
    Factor {
        /// `l1` or `l2`.
        key: &'static str,
        /// As written.
        factor: String,
        /// The most taken.
        max: f64,
    },
    /// A part that belongs to no syntax.
    Extra {
        /// The part.
        part: String,
    },
}

/// Why a key does not apply to the rest of the set-up.
#[derive(Debug, Clone, PartialEq)]
pub enum NotHere {
    /// An optimizer's hyper-parameter, with another optimizer.
    Optimizer {
        /// The optimizer chosen.
        optimizer: &'static str,
        /// The optimizers that have the key.
        owners: Vec<&'static str>,
    },
    /// A schedule's parameter, with another schedule.
    Schedule {
        /// The schedule chosen.
        schedule: &'static str,
    },
    /// `lr` with a piecewise schedule, whose rates are its `values`.
    PiecewiseRate,
    /// An `EarlyStopping` parameter while early stopping is off.
    EarlyStoppingOff,
    /// A generator's parameter with a built-in dataset or a file.
    NotGenerated {
        /// The data source chosen.
        source: &'static str,
    },
}
