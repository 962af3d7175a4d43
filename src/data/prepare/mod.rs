//! Preparing a table for training: label, task, features, `dropna`, and the split.

mod error;
mod features;
mod label;
mod prepared;
mod report;

pub use error::{Accepts, Mismatch, PrepareError};
pub use features::{Encoding, Input};
pub(crate) use label::encode_label;
pub use label::Task;
pub use prepared::{prepare, PrepareOptions, Prepared, Schema, Split};
pub use report::{LabelChoice, Note, Report};
