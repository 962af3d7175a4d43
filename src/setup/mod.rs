//! The whole set-up of a run as one plain value: where the data comes from and its generator's
//! parameters, the model (layers, loss, optimizer, schedule) and `fit`'s options.
//!
//! It is what the page edits and what its address carries (see [`hash`]): `#data=moons&rows=500&
//! layers=16:relu,1:sigmoid&optimizer=sgd&lr=0.1&epochs=20` restores a whole experiment. It turns
//! into the worker's messages ([`Setup::generator_spec`], [`Setup::train_spec`]), is checked
//! against the data's task ([`check`]), and is written out as the equivalent Keras program
//! ([`keras_code`]). Nothing here knows the browser.
//!
//! ```
//! use mlp_lab::setup::Setup;
//! let (setup, errors) = Setup::from_hash("#data=iris&epochs=5");
//! assert!(errors.is_empty());
//! assert_eq!(setup.model.layers.last().unwrap().units(4), 3, "iris has three classes: a softmax of 3");
//! assert_eq!(Setup::from_hash(&setup.to_hash()).0, setup);
//! ```

pub mod check;
pub mod hash;
pub mod keras_code;
pub mod layer_syntax;
pub mod params;
pub mod problem;

use serde::{Deserialize, Serialize};

use crate::data::{Generator, GeneratorSpec, Task};
use crate::nn::{Activation, DenseConfig, EarlyStopping, LayerConfig, Loss, Optimizer};
use crate::protocol::{TrainSpec, ValidationSource};

pub use check::{output_misfit, OutputMisfit};
pub use keras_code::keras_code;
pub use layer_syntax::{initializer_from_name, INITIALIZERS};
pub use problem::{LayerSyntax, Named, NotHere, SetupError, SetupProblem, ValueProblem};

/// The datasets shipped with the page (`public/data/<name>.csv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BuiltIn {
    /// scikit-learn's breast cancer data: 569 rows, 30 features, benign or malignant.
    BreastCancer,
    /// Fisher's iris: 150 rows, 4 features, three species.
    Iris,
    /// scikit-learn's wine data: 178 rows, 13 features, three cultivars.
    Wine,
}

impl BuiltIn {
    /// Every built-in dataset.
    pub const ALL: [BuiltIn; 3] = [BuiltIn::BreastCancer, BuiltIn::Iris, BuiltIn::Wine];

    /// The name used in links and as the file's stem.
    pub fn name(self) -> &'static str {
        match self {
            BuiltIn::BreastCancer => "breast_cancer",
            BuiltIn::Iris => "iris",
            BuiltIn::Wine => "wine",
        }
    }

    /// Its task and number of classes.
    pub fn task(self) -> (Task, usize) {
        match self {
            BuiltIn::BreastCancer => (Task::Binary, 2),
            BuiltIn::Iris | BuiltIn::Wine => (Task::MultiClass, 3),
        }
    }
}

/// Where the data comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataSource {
    /// Made by a generator (its parameters are [`Setup::generator`]).
    Generated(Generator),
    /// A dataset shipped with the page.
    BuiltIn(BuiltIn),
    /// The user's CSV file (a file cannot travel in a link: it is chosen again).
    Csv,
}

impl DataSource {
    /// The name used in links: a generator's, a built-in dataset's, or `csv`.
    pub fn name(self) -> &'static str {
        match self {
            DataSource::Generated(g) => g.name(),
            DataSource::BuiltIn(b) => b.name(),
            DataSource::Csv => "csv",
        }
    }

    /// Every source, in the order the dataset selector lists them.
    pub fn all() -> impl Iterator<Item = DataSource> {
        Generator::ALL
            .into_iter()
            .map(DataSource::Generated)
            .chain(BuiltIn::ALL.into_iter().map(DataSource::BuiltIn))
            .chain([DataSource::Csv])
    }

    /// The source a link names.
    pub fn from_name(name: &str) -> Option<DataSource> {
        DataSource::all().find(|s| s.name() == name)
    }
}

/// The model and `compile`'s arguments.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelSetup {
    /// The layers, input side first.
    pub layers: Vec<LayerConfig>,
    /// The loss.
    pub loss: Loss,
    /// The optimizer with its hyper-parameters and learning rate (or schedule).
    pub optimizer: Optimizer,
}

impl Default for ModelSetup {
    /// The seed document's model: `Dense(64, relu)`, `Dense(1, sigmoid)`, Adam, binary cross-entropy.
    fn default() -> Self {
        let spec = TrainSpec::default();
        Self { layers: spec.layers, loss: spec.loss, optimizer: spec.optimizer }
    }
}

/// `train_test_split` and `fit`'s options.
#[derive(Debug, Clone, PartialEq)]
pub struct FitSetup {
    /// Epochs. The seed's: 10.
    pub epochs: usize,
    /// Batch size. The seed's: 32.
    pub batch_size: usize,
    /// Share of rows held out for the test. The seed's: 0.2.
    pub test_size: f64,
    /// What validates each epoch. The seed's: the test split (`validation_data`).
    pub validation: ValidationSource,
    /// Keras' `EarlyStopping` callback, when on.
    pub early_stopping: Option<EarlyStopping>,
}

impl Default for FitSetup {
    fn default() -> Self {
        let spec = TrainSpec::default();
        Self {
            epochs: spec.epochs,
            batch_size: spec.batch_size,
            test_size: spec.test_size,
            validation: ValidationSource::TestSplit,
            early_stopping: None,
        }
    }
}

/// Everything a run needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Setup {
    /// Where the data comes from.
    pub source: DataSource,
    /// The generator's parameters (its `generator` follows `source` when generated); its `seed`
    /// is the run's seed: data, split, initial weights and shuffles.
    pub generator: GeneratorSpec,
    /// The model.
    pub model: ModelSetup,
    /// The split and the fit.
    pub fit: FitSetup,
    /// Train as soon as the page has loaded the set-up (`run=1`).
    pub run: bool,
}

impl Default for Setup {
    /// The seed document's experiment.
    fn default() -> Self {
        Self {
            source: DataSource::Generated(Generator::Seed),
            generator: GeneratorSpec::default(),
            model: ModelSetup::default(),
            fit: FitSetup::default(),
            run: false,
        }
    }
}

impl Setup {
    /// The run's seed.
    pub fn seed(&self) -> u64 {
        self.generator.seed
    }

    /// What the worker generates, for generated data.
    pub fn generator_spec(&self) -> Option<GeneratorSpec> {
        match self.source {
            DataSource::Generated(generator) => Some(GeneratorSpec { generator, ..self.generator }),
            _ => None,
        }
    }

    /// What the worker trains.
    pub fn train_spec(&self) -> TrainSpec {
        TrainSpec {
            layers: self.model.layers.clone(),
            loss: self.model.loss,
            optimizer: self.model.optimizer.clone(),
            epochs: self.fit.epochs,
            batch_size: self.fit.batch_size,
            test_size: self.fit.test_size,
            seed: self.seed(),
            validation: self.fit.validation,
            early_stopping: self.fit.early_stopping,
        }
    }

    /// The task the source's data will have, with its number of classes, when known before
    /// loading it (not for a CSV file).
    pub fn expected_task(&self) -> Option<(Task, usize)> {
        match self.source {
            DataSource::Generated(Generator::Blobs) if self.generator.classes > 2 => {
                Some((Task::MultiClass, self.generator.classes))
            }
            DataSource::Generated(_) => Some((Task::Binary, 2)),
            DataSource::BuiltIn(b) => Some(b.task()),
            DataSource::Csv => None,
        }
    }

    /// Features of the source's data, when known before loading it (not for a CSV file).
    pub fn expected_features(&self) -> Option<usize> {
        match self.source {
            DataSource::Generated(g) if g.is_planar() => Some(2),
            DataSource::Generated(_) => Some(self.generator.features.max(1)),
            DataSource::BuiltIn(BuiltIn::BreastCancer) => Some(30),
            DataSource::BuiltIn(BuiltIn::Iris) => Some(4),
            DataSource::BuiltIn(BuiltIn::Wine) => Some(13),
            DataSource::Csv => None,
        }
    }

    /// Makes the model's output fit the task (see [`ModelSetup::fit_output_to`]).
    pub fn fit_output_to(&mut self, task: Task, classes: usize) -> bool {
        self.model.fit_output_to(task, classes)
    }
}

impl ModelSetup {
    /// Makes the output layer and the loss fit the task, when they do not: the last layer gets
    /// the task's units and activation (one is added if there is none), the loss the task's.
    /// Hidden layers stay. Returns whether anything changed.
    pub fn fit_output_to(&mut self, task: Task, classes: usize) -> bool {
        if output_misfit(&self.layers, self.loss, task, classes).is_none() {
            return false;
        }
        let activation = match task {
            Task::Binary => Activation::Sigmoid,
            Task::MultiClass => Activation::Softmax,
            Task::Regression => Activation::Linear,
        };
        let units = task.units(classes);
        match self.layers.last_mut().and_then(LayerConfig::as_dense_mut) {
            Some(last) => (last.units, last.activation) = (units, activation),
            None => self.layers.push(LayerConfig::Dense(DenseConfig { units, activation, ..Default::default() })),
        }
        let keeps_loss = task == Task::MultiClass && self.loss == Loss::CategoricalCrossentropy;
        if !keeps_loss {
            self.loss = task.loss();
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_is_the_seed_documents_run() {
        let setup = Setup::default();
        assert_eq!(setup.train_spec(), TrainSpec::default());
        assert_eq!(setup.generator_spec(), Some(GeneratorSpec::default()));
        assert_eq!(setup.expected_task(), Some((Task::Binary, 2)));
    }

    #[test]
    fn the_output_follows_the_task_and_hidden_layers_stay() {
        let mut setup = Setup { source: DataSource::BuiltIn(BuiltIn::Wine), ..Setup::default() };
        let tanh = DenseConfig { units: 8, activation: Activation::Tanh, ..Default::default() };
        setup.model.layers.insert(0, LayerConfig::Dense(tanh));
        let (task, classes) = setup.expected_task().unwrap();
        assert!(setup.fit_output_to(task, classes));
        let units: Vec<usize> = setup.model.layers.iter().map(|l| l.units(0)).collect();
        assert_eq!(units, [8, 64, 3]);
        assert_eq!(setup.model.layers[2].as_dense().unwrap().activation, Activation::Softmax);
        assert_eq!(setup.model.loss, Loss::SparseCategoricalCrossentropy);
        assert!(!setup.fit_output_to(task, classes), "already fits: nothing changes");

        setup.model.layers.clear();
        assert!(setup.fit_output_to(Task::Regression, 0));
        assert_eq!((setup.model.layers.len(), setup.model.loss), (1, Loss::MeanSquaredError));
    }

    #[test]
    fn sources_have_names_both_ways() {
        for source in DataSource::all() {
            assert_eq!(DataSource::from_name(source.name()), Some(source));
        }
        assert_eq!(DataSource::all().count(), 11);
        assert_eq!(DataSource::from_name("irises"), None);
        assert_eq!(initializer_from_name("he_normal"), Some(crate::nn::Initializer::HeNormal));
    }
}
