//! Datasets: a table of features and a column of labels, where they come from, how they split.

mod csv;
mod dataset;
mod generate;
mod normalize;
mod prepare;
mod split;
mod stratify;
mod summary;
mod table;

pub use self::csv::{
    read_csv, sniff, CsvError, CsvOptions, CsvStream, Delimiter, MAX_BYTES, MAX_COLUMNS, MAX_RECORD_BYTES, NA_TOKENS,
    SNIFF_LINES,
};
pub use dataset::Dataset;
pub use generate::{generate, seed_example, Generator, GeneratorSpec};
pub use normalize::{ScaleError, Scaler, Scaling};
pub use prepare::{
    prepare, Accepts, Encoding, Input, LabelChoice, Mismatch, Note, PrepareError, PrepareOptions, Prepared, Report,
    Schema, Split, Task,
};
pub use split::train_test_split;
pub use stratify::train_test_split_stratified;
pub use summary::{summarize, ClassCount, ColumnSummary, Summary, SummaryKind};
pub use table::{Column, ColumnKind, ColumnValues, Table, TextCell, MAX_LEVELS};
