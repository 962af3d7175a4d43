//! The set-up as the page holds it: its four parts in signals (where the data comes from, the
//! generator's parameters, the model, the fit), the whole as a memo, what the address said that
//! could not be used, and the address kept in step (written as the set-up changes, read on load
//! and on `hashchange`).

use leptos::prelude::*;

use super::link;
use crate::data::GeneratorSpec;
use crate::setup::params::Param;
use crate::setup::{DataSource, FitSetup, ModelSetup, Setup, SetupError, ValueProblem};

/// The set-up's signals (each `Copy`).
#[derive(Debug, Clone, Copy)]
pub struct SetupStore {
    /// Where the data comes from.
    pub source: RwSignal<DataSource>,
    /// The generator's parameters (and the run's seed).
    pub generator: RwSignal<GeneratorSpec>,
    /// The model and `compile`.
    pub model: RwSignal<ModelSetup>,
    /// The split and `fit`.
    pub fit: RwSignal<FitSetup>,
    /// The whole set-up.
    pub setup: Memo<Setup>,
    /// What the address said that could not be used.
    pub errors: RwSignal<Vec<SetupError>>,
    /// Counts the set-ups the address brought (editors are made again for each).
    pub revision: RwSignal<u32>,
}

impl SetupStore {
    /// The set-up of the page's address (the seed document's when it has none), with the address
    /// rewritten as it changes, and `on_address(run)` called after `hashchange` brought another
    /// (`run`: the address said `run=1`).
    pub fn from_address(on_address: impl Fn(bool) + 'static) -> (Self, bool) {
        let (initial, errors) = Setup::from_hash(&link::read_hash());
        let run = initial.run;
        let source = RwSignal::new(initial.source);
        let generator = RwSignal::new(initial.generator);
        let model = RwSignal::new(initial.model);
        let fit = RwSignal::new(initial.fit);
        let setup = Memo::new(move |_| Setup {
            source: source.get(),
            generator: generator.get(),
            model: model.get(),
            fit: fit.get(),
            run: false,
        });
        let store = SetupStore {
            source,
            generator,
            model,
            fit,
            setup,
            errors: RwSignal::new(errors),
            revision: RwSignal::new(0),
        };
        Effect::new(move |_| setup.with(|s| link::write_hash(&s.to_hash())));
        let handle = window_event_listener(leptos::ev::hashchange, move |_| {
            let (restored, errors) = Setup::from_hash(&link::read_hash());
            store.errors.set(errors);
            store.replace(restored.clone());
            store.revision.update(|r| *r += 1);
            on_address(restored.run);
        });
        on_cleanup(move || handle.remove());
        (store, run)
    }

    /// Puts `setup` in place, writing only the parts that changed.
    pub fn replace(&self, setup: Setup) {
        if self.source.get_untracked() != setup.source {
            self.source.set(setup.source);
        }
        if self.generator.get_untracked() != setup.generator {
            self.generator.set(setup.generator);
        }
        if self.model.with_untracked(|m| *m != setup.model) {
            self.model.set(setup.model);
        }
        if self.fit.with_untracked(|f| *f != setup.fit) {
            self.fit.set(setup.fit);
        }
    }

    /// Changes the set-up through `f`.
    pub fn update(&self, f: impl FnOnce(&mut Setup)) {
        let mut setup = self.setup.get_untracked();
        f(&mut setup);
        self.replace(setup);
    }

    /// Reads `text` into parameter `param`, or says why not (the set-up is unchanged then).
    pub fn set_param(&self, param: &Param, text: &str) -> Result<(), ValueProblem> {
        let mut setup = self.setup.get_untracked();
        param.read(&mut setup, text)?;
        self.replace(setup);
        Ok(())
    }

    /// A parameter's value as its field shows it.
    pub fn text(&self, param: &'static Param) -> Signal<String> {
        let setup = self.setup;
        Signal::derive(move || setup.with(|s| param.text(s)))
    }
}
