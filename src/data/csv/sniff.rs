//! Which delimiter a CSV file uses: comma, semicolon or tab, guessed from its first lines as
//! Python's `csv.Sniffer` does, more simply.
//!
//! Each candidate is counted on each of the first [`SNIFF_LINES`] lines, outside quotes (a quoted
//! field may hold any delimiter, and newlines). A candidate found the same number of times on
//! every line, at least once, is *consistent*; the consistent one found most often wins (ties go
//! to comma, then semicolon, then tab). Without a consistent one, the header decides; a single
//! column, with none of them, is read as comma-separated.
//!
//! ```
//! use mlp_lab::data::{sniff, Delimiter};
//! assert_eq!(sniff(b"a;b;c\n\"1;5\";2,5;3\n"), Delimiter::Semicolon);
//! assert_eq!(sniff(b"a,b\n1,2\n"), Delimiter::Comma);
//! assert_eq!(sniff(b"a\tb\n1\t2\n"), Delimiter::Tab);
//! ```

use serde::{Deserialize, Serialize};
use std::fmt;

/// Lines the sniffer looks at.
pub const SNIFF_LINES: usize = 20;

/// A delimiter MLP Lab reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Delimiter {
    /// `,`
    Comma,
    /// `;` (spreadsheets in locales that write decimals with a comma)
    Semicolon,
    /// A tab (TSV files).
    Tab,
}

impl Delimiter {
    /// Every delimiter, in the order ties are broken.
    pub const ALL: [Delimiter; 3] = [Delimiter::Comma, Delimiter::Semicolon, Delimiter::Tab];

    /// The byte.
    pub fn byte(self) -> u8 {
        match self {
            Delimiter::Comma => b',',
            Delimiter::Semicolon => b';',
            Delimiter::Tab => b'\t',
        }
    }

    /// Its name, for the data panel: `comma`, `semicolon`, `tab`.
    pub fn name(self) -> &'static str {
        match self {
            Delimiter::Comma => "comma",
            Delimiter::Semicolon => "semicolon",
            Delimiter::Tab => "tab",
        }
    }
}

impl fmt::Display for Delimiter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Guesses the delimiter of a CSV text from its first lines (`sample` is read as whole lines:
/// pass the text up to the end of a line).
pub fn sniff(sample: &[u8]) -> Delimiter {
    let lines = lines(sample);
    let counts =
        |d: Delimiter| -> Vec<usize> { lines.iter().map(|line| count_outside_quotes(line, d.byte())).collect() };
    let mut consistent: Option<(Delimiter, usize)> = None;
    let mut header: Option<(Delimiter, usize)> = None;
    for d in Delimiter::ALL {
        let c = counts(d);
        let first = c.first().copied().unwrap_or(0);
        if first > 0 && c.iter().all(|&n| n == first) && consistent.is_none_or(|(_, best)| first > best) {
            consistent = Some((d, first));
        }
        if first > 0 && header.is_none_or(|(_, best)| first > best) {
            header = Some((d, first));
        }
    }
    consistent.or(header).map_or(Delimiter::Comma, |(d, _)| d)
}

/// The first [`SNIFF_LINES`] non-empty lines, ended by `\n` or `\r` outside quotes.
fn lines(sample: &[u8]) -> Vec<&[u8]> {
    let mut lines = Vec::new();
    let (mut start, mut quoted) = (0, false);
    for (i, &b) in sample.iter().enumerate() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => {
                if i > start {
                    lines.push(&sample[start..i]);
                }
                start = i + 1;
            }
            _ => {}
        }
        if lines.len() == SNIFF_LINES {
            return lines;
        }
    }
    if sample.len() > start {
        lines.push(&sample[start..]);
    }
    lines
}

/// How often `delimiter` occurs in `line` outside quotes.
fn count_outside_quotes(line: &[u8], delimiter: u8) -> usize {
    let mut quoted = false;
    line.iter()
        .filter(|&&b| {
            if b == b'"' {
                quoted = !quoted;
            }
            b == delimiter && !quoted
        })
        .count()
}

/// Counts the lines of a text arriving in pieces, outside quotes, to know when enough has come
/// to sniff it.
#[derive(Debug, Clone, Default)]
pub(crate) struct LineCounter {
    scanned: usize,
    quoted: bool,
    /// Lines ended so far (empty ones too).
    pub lines: usize,
    /// Where the text after the last ended line starts.
    pub end: usize,
}

impl LineCounter {
    /// Scans what `text` (the whole text so far) holds beyond what was scanned before.
    pub fn scan(&mut self, text: &[u8]) {
        for (i, &b) in text.iter().enumerate().skip(self.scanned) {
            match b {
                b'"' => self.quoted = !self.quoted,
                b'\n' | b'\r' if !self.quoted => {
                    self.lines += 1;
                    self.end = i + 1;
                }
                _ => {}
            }
        }
        self.scanned = text.len();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_consistent_delimiter_wins() {
        assert_eq!(sniff(b"a,b,c\n1,2,3\n4,5,6\n"), Delimiter::Comma);
        assert_eq!(sniff(b"a;b\n1,5;2,25\n3;4\n"), Delimiter::Semicolon, "decimal commas vary, semicolons do not");
        assert_eq!(sniff(b"name\tnote\nx\ta, b; c\n"), Delimiter::Tab);
    }

    #[test]
    fn quotes_hide_delimiters_and_newlines() {
        assert_eq!(sniff(b"a;b\n\"x,y,z\";2\n\"p,\nq\";3\n"), Delimiter::Semicolon);
        assert_eq!(lines(b"a,\"b\nc\"\r\n\r\nd").len(), 2);
    }

    #[test]
    fn without_consistency_the_header_decides_and_one_column_is_comma() {
        assert_eq!(sniff(b"a;b;c\n1;2\n"), Delimiter::Semicolon);
        assert_eq!(sniff(b"value\n1\n2\n"), Delimiter::Comma);
        assert_eq!(sniff(b""), Delimiter::Comma);
        assert_eq!(sniff(b"a,b;c;d\n1,2;3;4\n"), Delimiter::Semicolon, "the more frequent consistent one");
    }

    #[test]
    fn the_counter_resumes_where_it_stopped() {
        let text = b"a,\"x\ny\"\nb\r\nc";
        let mut whole = LineCounter::default();
        whole.scan(text);
        let mut pieces = LineCounter::default();
        for n in 1..=text.len() {
            pieces.scan(&text[..n]);
        }
        assert_eq!((whole.lines, whole.end), (3, 11));
        assert_eq!((pieces.lines, pieces.end), (whole.lines, whole.end));
    }
}
