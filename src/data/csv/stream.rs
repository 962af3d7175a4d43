//! Reading a CSV file in pieces, as the browser worker reads a `File` (1 MiB at a time), without
//! ever holding its whole text: complete records are parsed as they arrive and stored in
//! columns (4 bytes a number, 1 byte a text cell); only the record still arriving is kept.
//!
//! The `csv` crate parses (quotes, doubled quotes `""`, CRLF, blank lines skipped). Each piece
//! is parsed from the start of the record still arriving: every record but the last found is
//! complete, for a parser that has reached the end of a record reads on the same way whatever
//! follows, so quoted fields may straddle any boundary. The last one waits for more text (or
//! for [`CsvStream::finish`]). A record still incomplete is parsed again only once the text
//! kept has doubled, which keeps the work linear.
//!
//! The first row is the header; a header of more than [`MAX_COLUMNS`] columns is refused. A UTF-8 byte-order mark is dropped; the delimiter is sniffed
//! from the first lines unless given ([`sniff`](fn@super::sniff)). Lines are counted by `\n`.
//!
//! ```
//! use mlp_lab::data::{CsvOptions, CsvStream, Delimiter};
//! let mut stream = CsvStream::new(CsvOptions::default());
//! for chunk in b"x;label\n1,5;\"yes\nor no\"\n2;no\n".chunks(4) {
//!     stream.push(chunk).unwrap();
//!     // progress: stream.bytes_seen() of the file's size
//! }
//! let table = stream.finish().unwrap();
//! assert_eq!((table.delimiter(), table.rows()), (Delimiter::Semicolon, 2));
//! ```

use ::csv::{ByteRecord, Reader, ReaderBuilder};

use super::cell::parse_cell;
use super::column::ColumnBuilder;
use super::header::header_names;
use super::sniff::{sniff, Delimiter, LineCounter, SNIFF_LINES};
use super::CsvError;
use crate::data::table::Table;

/// The largest file MLP Lab reads: 200 MiB.
pub const MAX_BYTES: u64 = 200 << 20;

/// The longest record: 16 MiB (a longer one is almost always a quote left open).
pub const MAX_RECORD_BYTES: usize = 16 << 20;

/// The most columns a file may have, its label included: 1,000, the most features the
/// generators make (`features` runs 1–1000). The lab is built and measured for that width: the
/// column table, the model's input layer, the row to predict and the messages between the worker
/// and the page (a summary of every column). A wider file is refused at its header, before any
/// row is read, with both counts (`has 10000 columns; MLP Lab reads files of up to 1000`).
pub const MAX_COLUMNS: usize = 1000;

/// Text the sniffer waits for at most, when lines are long.
const SNIFF_BYTES: usize = 64 << 10;

/// The UTF-8 byte-order mark Excel writes first.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// How to read a CSV file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CsvOptions {
    /// The delimiter; `None` (the default) sniffs it from the first lines.
    pub delimiter: Option<Delimiter>,
    /// The file's size in bytes when known (`File.size` in the browser); default `None`. A file
    /// over [`MAX_BYTES`] is then refused at the first piece, and columns reserve their memory
    /// once, instead of growing.
    pub size_hint: Option<u64>,
}

/// A CSV file read piece by piece: [`push`](CsvStream::push) each piece, then
/// [`finish`](CsvStream::finish). After an error, every call returns that error.
#[derive(Debug)]
pub struct CsvStream {
    options: CsvOptions,
    delimiter: Option<Delimiter>,
    /// Text not parsed yet: the record still arriving (or the first lines, before sniffing).
    pending: Vec<u8>,
    /// `pending` is parsed again once it is this long.
    retry_at: usize,
    bom_checked: bool,
    lines: LineCounter,
    /// The line `pending` starts on.
    line: u64,
    bytes_seen: u64,
    columns: Option<Vec<ColumnBuilder>>,
    rows: usize,
    reserved: bool,
    error: Option<CsvError>,
}

impl CsvStream {
    /// A stream that has read nothing yet.
    pub fn new(options: CsvOptions) -> Self {
        Self {
            delimiter: options.delimiter,
            options,
            pending: Vec::new(),
            retry_at: 0,
            bom_checked: false,
            lines: LineCounter::default(),
            line: 1,
            bytes_seen: 0,
            columns: None,
            rows: 0,
            reserved: false,
            error: None,
        }
    }

    /// Bytes pushed so far (for a progress bar: of the file's size).
    pub fn bytes_seen(&self) -> u64 {
        self.bytes_seen
    }

    /// Rows of values read so far.
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// Reads the next piece of the file.
    pub fn push(&mut self, chunk: &[u8]) -> Result<(), CsvError> {
        if let Some(error) = &self.error {
            return Err(error.clone());
        }
        let result = self.read(chunk);
        if let Err(error) = &result {
            self.error = Some(error.clone());
        }
        result
    }

    /// Reads what is left and returns the table.
    pub fn finish(mut self) -> Result<Table, CsvError> {
        if let Some(error) = self.error.take() {
            return Err(error);
        }
        let delimiter = *self.delimiter.get_or_insert_with(|| sniff(&self.pending));
        self.parse(true)?;
        let columns = self.columns.ok_or(CsvError::Empty)?;
        if self.rows == 0 {
            return Err(CsvError::HeaderOnly { columns: columns.len() });
        }
        Ok(Table { delimiter, rows: self.rows, columns: columns.into_iter().map(ColumnBuilder::finish).collect() })
    }

    fn read(&mut self, chunk: &[u8]) -> Result<(), CsvError> {
        let bytes = self.bytes_seen + chunk.len() as u64;
        let announced = self.options.size_hint.unwrap_or(0);
        if bytes.max(announced) > MAX_BYTES {
            return Err(CsvError::TooLarge { bytes: bytes.max(announced) });
        }
        self.bytes_seen = bytes;
        self.pending.extend_from_slice(chunk);
        if !self.bom_checked {
            if self.pending.len() < BOM.len() && BOM.starts_with(&self.pending) {
                return Ok(()); // maybe a byte-order mark, still arriving
            }
            if self.pending.starts_with(BOM) {
                self.pending.drain(..BOM.len());
            }
            self.bom_checked = true;
        }
        if self.delimiter.is_none() {
            self.lines.scan(&self.pending);
            if self.lines.lines < SNIFF_LINES && self.pending.len() < SNIFF_BYTES {
                return Ok(());
            }
            let end = if self.lines.end > 0 { self.lines.end } else { self.pending.len() };
            self.delimiter = Some(sniff(&self.pending[..end]));
        }
        if self.pending.len() >= self.retry_at || self.pending.len() > MAX_RECORD_BYTES {
            self.parse(false)?;
        }
        Ok(())
    }

    /// Parses the complete records of `pending` (all of them at the end) and keeps the rest.
    fn parse(&mut self, at_end: bool) -> Result<(), CsvError> {
        let pending = std::mem::take(&mut self.pending);
        let rows_before = self.rows;
        let result = self.records(&pending, at_end);
        self.pending = pending;
        let tail = result?;
        self.pending.drain(..tail);
        if self.pending.len() > MAX_RECORD_BYTES {
            return Err(CsvError::RecordTooLong { line: self.line });
        }
        self.retry_at = if self.rows == rows_before && !self.pending.is_empty() { 2 * self.pending.len() } else { 0 };
        self.reserve();
        Ok(())
    }

    /// Reads the records of `text` but the last (unless `at_end`); returns where that one
    /// starts, and moves `self.line` there.
    fn records(&mut self, text: &[u8], at_end: bool) -> Result<usize, CsvError> {
        let delimiter = self.delimiter.unwrap_or(Delimiter::Comma).byte();
        let mut reader = ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(text);
        let (mut record, mut next) = (ByteRecord::new(), ByteRecord::new());
        let (mut cursor, mut line) = (0, self.line);
        let mut more = self.next(&mut reader, &mut record, line)?;
        let mut tail = text.len(); // only blank lines, or nothing: all read
        while more {
            let start = record.position().map_or(0, |p| p.byte() as usize).min(text.len());
            more = self.next(&mut reader, &mut next, line)?;
            if !more && !at_end {
                tail = start;
                break;
            }
            // The record starts past the blank lines the parser skipped.
            let content = start + text[start..].iter().take_while(|&&b| b == b'\n' || b == b'\r').count();
            line += newlines(&text[cursor..content]);
            cursor = content;
            self.record(&record, line)?;
            std::mem::swap(&mut record, &mut next);
        }
        self.line = line + newlines(&text[cursor.min(tail)..tail]);
        Ok(tail)
    }

    /// Reads the next record of `reader`, if any.
    fn next(&self, reader: &mut Reader<&[u8]>, record: &mut ByteRecord, line: u64) -> Result<bool, CsvError> {
        reader.read_byte_record(record).map_err(|e| CsvError::Parse { line, message: e.to_string() })
    }

    /// Takes one record: the header, or a row of values.
    fn record(&mut self, record: &ByteRecord, line: u64) -> Result<(), CsvError> {
        for (i, field) in record.iter().enumerate() {
            if std::str::from_utf8(field).is_err() {
                return Err(CsvError::Utf8 { line, field: i + 1 });
            }
        }
        let text = |field: &[u8]| std::str::from_utf8(field).unwrap_or_default().to_string();
        let Some(columns) = &mut self.columns else {
            if record.len() > MAX_COLUMNS {
                return Err(CsvError::TooManyColumns { line, columns: record.len() });
            }
            let names = header_names(record.iter().map(text).collect());
            self.columns = Some(names.into_iter().map(ColumnBuilder::new).collect());
            return Ok(());
        };
        if record.len() != columns.len() {
            let blank = record.len() == 1 && record.get(0).is_some_and(|f| f.iter().all(u8::is_ascii_whitespace));
            if blank {
                return Ok(()); // a line of spaces, as pandas skips it
            }
            return Err(CsvError::Ragged { line, found: record.len(), expected: columns.len() });
        }
        for (column, field) in columns.iter_mut().zip(record.iter()) {
            column.push(parse_cell(std::str::from_utf8(field).unwrap_or_default()), line);
        }
        self.rows += 1;
        Ok(())
    }

    /// Once some rows are read, reserves the columns' memory for the rows the file's size
    /// announces.
    fn reserve(&mut self) {
        let (Some(size), Some(columns)) = (self.options.size_hint, &mut self.columns) else { return };
        let read = self.bytes_seen.saturating_sub(self.pending.len() as u64);
        if self.reserved || self.rows < 64 || read == 0 {
            return;
        }
        self.reserved = true;
        let expected = (size as f64 / read as f64 * self.rows as f64 * 1.02) as usize;
        let more = expected.saturating_sub(self.rows).min(MAX_BYTES as usize / 2);
        columns.iter_mut().for_each(|c| c.reserve(more));
    }
}

/// Reads a whole CSV text (in 1 MiB pieces, as the browser would).
///
/// ```
/// use mlp_lab::data::{read_csv, CsvOptions};
/// let table = read_csv(b"\xEF\xBB\xBFa,b\r\n1,NA\r\n", &CsvOptions::default()).unwrap();
/// assert_eq!((table.names(), table.rows()), (vec!["a", "b"], 1));
/// ```
pub fn read_csv(bytes: &[u8], options: &CsvOptions) -> Result<Table, CsvError> {
    let mut stream = CsvStream::new(options.clone());
    bytes.chunks(1 << 20).try_for_each(|chunk| stream.push(chunk))?;
    stream.finish()
}

/// `\n`s in `text`.
fn newlines(text: &[u8]) -> u64 {
    text.iter().filter(|&&b| b == b'\n').count() as u64
}
