//! Reading users' CSV files, whole or in pieces, into a [`Table`](crate::data::Table).

mod cell;
mod column;
mod error;
mod header;
mod sniff;
mod stream;

pub use cell::NA_TOKENS;
pub(crate) use cell::{number_text, parse_cell, Cell};
pub use error::CsvError;
pub use sniff::{sniff, Delimiter, SNIFF_LINES};
pub use stream::{read_csv, CsvOptions, CsvStream, MAX_BYTES, MAX_COLUMNS, MAX_RECORD_BYTES};
