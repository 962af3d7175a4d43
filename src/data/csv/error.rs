//! Errors of reading a CSV file: each names the line (from 1, as an editor counts them) and
//! reads like the `csv` crate's own, e.g. `line 13: found 4 fields, but the header has 5`; in
//! Chinese (beside it) `第 13 行：有 4 个字段，但表头有 5 个`.

use std::fmt;

use super::MAX_BYTES;
use crate::i18n::Localize;

/// What can go wrong reading a CSV file.
#[derive(Debug, Clone, PartialEq, Eq)]
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
    /// A single record grew past [`MAX_RECORD_BYTES`](super::MAX_RECORD_BYTES): almost always a
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

impl fmt::Display for CsvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CsvError::Empty => write!(f, "the file is empty: MLP Lab needs a header row and rows of values under it"),
            CsvError::HeaderOnly { columns } => {
                write!(f, "the file has a header ({columns} {}) but no rows of values", plural(*columns, "column"))
            }
            CsvError::TooLarge { bytes } => write!(
                f,
                "the file has more than {} MiB ({bytes} bytes); MLP Lab reads files of up to {} MiB",
                MAX_BYTES >> 20,
                MAX_BYTES >> 20
            ),
            CsvError::Ragged { line, found, expected } => {
                write!(f, "line {line}: found {found} {}, but the header has {expected}", plural(*found, "field"))
            }
            CsvError::Utf8 { line, field } => write!(
                f,
                "line {line}: field {field} is not UTF-8 text; save the file as UTF-8 (\"CSV UTF-8\" in Excel)"
            ),
            CsvError::RecordTooLong { line } => write!(
                f,
                "line {line}: a row longer than {} MiB starts here; is a quote (\") left open?",
                super::MAX_RECORD_BYTES >> 20
            ),
            CsvError::Parse { line, message } => write!(f, "line {line}: {message}"),
        }
    }
}

impl Localize for CsvError {
    fn zh(&self) -> String {
        match self {
            CsvError::Empty => "文件是空的：MLP Lab 需要一行表头，以及表头下面的数据行".to_string(),
            CsvError::HeaderOnly { columns } => format!("文件有表头（{columns} 列），但没有数据行"),
            CsvError::TooLarge { bytes } => format!(
                "文件超过 {} MiB（{bytes} 字节）；MLP Lab 能读取的文件最大为 {} MiB",
                MAX_BYTES >> 20,
                MAX_BYTES >> 20
            ),
            CsvError::Ragged { line, found, expected } => {
                format!("第 {line} 行：有 {found} 个字段，但表头有 {expected} 个")
            }
            CsvError::Utf8 { line, field } => {
                format!("第 {line} 行：第 {field} 个字段不是 UTF-8 文本；请把文件另存为 UTF-8（Excel 中的“CSV UTF-8”）")
            }
            CsvError::RecordTooLong { line } => format!(
                "第 {line} 行：从这里开始的一行超过了 {} MiB；是不是有个引号（\"）没有闭合？",
                super::MAX_RECORD_BYTES >> 20
            ),
            CsvError::Parse { line, message } => format!("第 {line} 行：{message}"),
        }
    }
}

impl std::error::Error for CsvError {}

/// `1 field`, `4 fields`.
fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        word.to_string()
    } else {
        format!("{word}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_line_and_both_counts() {
        let ragged = CsvError::Ragged { line: 13, found: 4, expected: 5 };
        assert_eq!(ragged.to_string(), "line 13: found 4 fields, but the header has 5");
        let one = CsvError::Ragged { line: 2, found: 1, expected: 3 };
        assert_eq!(one.to_string(), "line 2: found 1 field, but the header has 3");
        assert_eq!(
            CsvError::HeaderOnly { columns: 1 }.to_string(),
            "the file has a header (1 column) but no rows of values"
        );
        assert!(CsvError::TooLarge { bytes: 1 }.to_string().contains("up to 200 MiB"));
    }

    #[test]
    fn every_error_says_itself_in_chinese_with_the_same_figures() {
        let all = [
            CsvError::Empty,
            CsvError::HeaderOnly { columns: 5 },
            CsvError::TooLarge { bytes: 209_715_300 },
            CsvError::Ragged { line: 13, found: 4, expected: 5 },
            CsvError::Utf8 { line: 7, field: 3 },
            CsvError::RecordTooLong { line: 12 },
            CsvError::Parse { line: 9, message: "invalid record".into() },
        ];
        for error in &all {
            crate::i18n::check::assert_bilingual(error);
        }
        assert_eq!(all[3].zh(), "第 13 行：有 4 个字段，但表头有 5 个");
    }
}
