//! Errors of reading a CSV file, as facts: each names the line (from 1, as an editor counts
//! them) and what was found there. The page words them (`line 13: found 4 fields, but the
//! header has 5`, as the `csv` crate's own errors read), in the language in force.

use serde::{Deserialize, Serialize};

#[cfg(doc)]
use super::{MAX_BYTES, MAX_COLUMNS, MAX_RECORD_BYTES};

/// What can go wrong reading a CSV file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum CsvError {
    /// No header row: the file is empty (or holds only blank lines).
    Empty,
    /// A header row and nothing under it.
    HeaderOnly {
        /// Columns the header names.
        columns: usize,
    },
    /// The file is over [`MAX_BYTES`].
    TooLarge {
        /// Bytes read so far (or the size the file announced).
        bytes: u64,
    },
    /// The header names more than [`MAX_COLUMNS`] columns.
    TooManyColumns {
        /// The line the header starts on.
        line: u64,
        /// Columns the header names.
        columns: usize,
    },
    /// A row has another number of fields than the header.
    Ragged {
        /// The line the row starts on.
        line: u64,
        /// Fields in the row.
        found: usize,
        /// Fields in the header.
        expected: usize,
    },
    /// A field is not valid UTF-8.
    Utf8 {
        /// The line the row starts on.
        line: u64,
        /// The field, from 1.
        field: usize,
    },
    /// A single record grew past [`MAX_RECORD_BYTES`]: almost always a
    /// quote opened and never closed.
    RecordTooLong {
        /// The line the record starts on.
        line: u64,
    },
    /// The `csv` crate refused the text (not expected: it reads any bytes).
    Parse {
        /// The line the record starts on.
        line: u64,
        /// The `csv` crate's message.
        message: String,
    },
}

/// Its English `Display` is in the page's words, beside the Chinese.
impl std::error::Error for CsvError {}
