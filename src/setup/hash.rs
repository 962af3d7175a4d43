//! The set-up in the page's address, as TensorFlow Playground keeps it: `#key=value&key=value`,
//! one pair per parameter of [`super::params::PARAMS`] (the table says each key's values, range
//! and default; the README lists them).
//!
//! Reading never fails as a whole: a value that cannot be used is reported as a
//! [`SetupError`] naming its key, and the rest of the set-up still applies. A key given twice
//! is named (the first is used); a key that does not apply to the rest of the set-up (`momentum`
//! with Adam) is named with the reason; an address longer than [`MAX_ADDRESS`] is not read.

use std::collections::BTreeMap;

use super::params::{param, Param, PARAMS};
use super::problem::{SetupError, SetupProblem};
use super::Setup;

/// The longest address read, in characters: a whole set-up of [`super::layer_syntax::MAX_LAYERS`]
/// layers fits many times over, a megabyte of junk does not freeze the page.
pub const MAX_ADDRESS: usize = 16 * 1024;

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

/// The keys a link may carry, in the order the address is written.
pub fn keys() -> Vec<&'static str> {
    PARAMS.iter().map(|p| p.key).collect()
}

impl Setup {
    /// Reads a link's hash (with or without its `#`): the set-up, and what could not be used.
    pub fn from_hash(hash: &str) -> (Setup, Vec<SetupError>) {
        let hash = hash.trim_start_matches('#');
        let mut errors = Vec::new();
        let mut setup = Setup::default();
        let length = hash.chars().count();
        if length > MAX_ADDRESS {
            let problem = SetupProblem::AddressTooLong { length, max: MAX_ADDRESS };
            return (setup, vec![SetupError::new("#", hash, problem)]);
        }
        let mut pairs: BTreeMap<String, (String, usize)> = BTreeMap::new();
        for part in hash.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = part.split_once('=').unwrap_or((part, ""));
            let (key, value) = (decode(key), decode(value));
            if param(&key).is_none() {
                errors.push(SetupError::new(&key, &value, SetupProblem::UnknownKey { keys: keys() }));
                continue;
            }
            pairs.entry(key).and_modify(|(_, n)| *n += 1).or_insert((value, 1));
        }
        for (key, (value, times)) in &pairs {
            if *times > 1 {
                errors.push(SetupError::new(key, value, SetupProblem::Duplicate { times: *times }));
            }
        }
        for p in PARAMS {
            if let Some((value, _)) = pairs.get(p.key) {
                if let Err(problem) = read_one(p, &mut setup, value) {
                    errors.push(SetupError::new(p.key, value, problem));
                }
            }
            if p.key == "seed" {
                // The data is known now: its output layer and loss, unless the link names its own.
                if let Some((task, classes)) = setup.expected_task() {
                    setup.fit_output_to(task, classes);
                }
            }
        }
        // The schedule's own rule, once both of a piecewise schedule's lists are read.
        let piecewise =
            matches!(setup.model.optimizer.learning_rate(), crate::nn::LearningRate::PiecewiseConstantDecay { .. });
        if let Some(problem) = setup.model.optimizer.learning_rate().problem().filter(|_| piecewise) {
            let key = if pairs.contains_key("values") { "values" } else { "boundaries" };
            let value = pairs.get(key).map_or(String::new(), |(v, _)| v.clone());
            errors.push(SetupError::new(key, &value, SetupProblem::Value(super::ValueProblem::Schedule(problem))));
            let lr = setup.model.optimizer.learning_rate().initial();
            *setup.model.optimizer.learning_rate_mut() = super::params::schedules_at(lr)[3].clone();
        }
        (setup, errors)
    }

    /// The link's hash (without its `#`) that [`Setup::from_hash`] reads back as this set-up.
    pub fn to_hash(&self) -> String {
        PARAMS
            .iter()
            .filter(|p| p.written(self))
            .map(|p| format!("{}={}", p.key, p.text(self)))
            .collect::<Vec<_>>()
            .join("&")
    }
}

/// One key into the set-up, unless it does not apply there.
fn read_one(p: &Param, setup: &mut Setup, value: &str) -> Result<(), SetupProblem> {
    if let Some(why) = (p.applies)(setup) {
        return Err(SetupProblem::NotHere(why));
    }
    let mut candidate = setup.clone();
    p.read(&mut candidate, value).map_err(SetupProblem::Value)?;
    *setup = candidate;
    Ok(())
}

// Native only: proptest is a native dev-dependency (the browser suites run the engine's tests).
#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "hash_tests.rs"]
mod tests;
