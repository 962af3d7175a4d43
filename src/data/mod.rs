//! Datasets: a table of features and a column of labels, where they come from, how they split.

mod dataset;
mod generate;
mod split;

pub use dataset::Dataset;
pub use generate::{generate, seed_example, Generator, GeneratorSpec};
pub use split::train_test_split;
