//! A cursor over one line of text, by characters, so columns count characters (not bytes) from 1.
//!
//! ```text
//! "A[计算资源] --> B"   column of "-->" is 9, though it starts at byte 17
//! ```

use super::found::Found;

/// Reads one line, character by character; never panics past either end.
#[derive(Debug, Clone)]
pub(crate) struct Cursor {
    chars: Vec<char>,
    pos: usize,
    /// The line number, from 1.
    pub line: usize,
}

/// Whether `c` can be part of a node id (letters and digits of any script, `_`, and `-`).
pub(crate) fn is_id_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '-'
}

impl Cursor {
    /// A cursor at the start of `text`, which is line `line` of the input.
    pub fn new(text: &str, line: usize) -> Cursor {
        Cursor { chars: text.chars().collect(), pos: 0, line }
    }

    /// The column of the next character, from 1.
    pub fn column(&self) -> usize {
        self.pos + 1
    }

    /// The index of the next character, from 0.
    pub fn pos(&self) -> usize {
        self.pos
    }

    /// Moves to character index `pos` (clamped to the end of the line).
    pub fn set_pos(&mut self, pos: usize) {
        self.pos = pos.min(self.chars.len());
    }

    /// The line's length in characters.
    pub fn line_len(&self) -> usize {
        self.chars.len()
    }

    /// Whether nothing is left on the line.
    pub fn at_end(&self) -> bool {
        self.pos >= self.chars.len()
    }

    /// The next character, if any.
    pub fn peek(&self) -> Option<char> {
        self.peek_at(0)
    }

    /// The character `ahead` places after the next one, if any.
    pub fn peek_at(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.pos.saturating_add(ahead)).copied()
    }

    /// Takes the next character, if any.
    pub fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += 1;
        Some(c)
    }

    /// Whether the rest of the line starts with `text`.
    pub fn starts_with(&self, text: &str) -> bool {
        self.index_of_at(text, self.pos)
    }

    /// Takes `text` if the rest of the line starts with it.
    pub fn eat(&mut self, text: &str) -> bool {
        let matched = self.starts_with(text);
        if matched {
            self.pos += text.chars().count();
        }
        matched
    }

    /// Takes characters while `keep` holds, and counts them.
    pub fn eat_while(&mut self, keep: impl Fn(char) -> bool) -> usize {
        let start = self.pos;
        while self.peek().is_some_and(&keep) {
            self.pos += 1;
        }
        self.pos - start
    }

    /// Skips spaces and tabs.
    pub fn skip_spaces(&mut self) {
        self.eat_while(char::is_whitespace);
    }

    /// The characters from index `start` up to (not including) `end`, as a string.
    pub fn slice(&self, start: usize, end: usize) -> String {
        let end = end.min(self.chars.len());
        self.chars.get(start.min(end)..end).map(|chars| chars.iter().collect()).unwrap_or_default()
    }

    /// The first index at or after the cursor where `text` starts, if any.
    pub fn find(&self, text: &str) -> Option<usize> {
        self.find_from(text, self.pos)
    }

    /// The first index at or after `from` where `text` starts, if any.
    pub fn find_from(&self, text: &str, from: usize) -> Option<usize> {
        (from..self.chars.len()).find(|&at| self.index_of_at(text, at))
    }

    /// How many times `c` repeats from index `from`.
    pub fn run_length(&self, c: char, from: usize) -> usize {
        self.chars.get(from..).map_or(0, |rest| rest.iter().take_while(|&&d| d == c).count())
    }

    /// The character at index `at`, if any.
    pub fn char_at(&self, at: usize) -> Option<char> {
        self.chars.get(at).copied()
    }

    /// Takes a node id (letters, digits, `_`, and `-` not starting an arrow such as `-->` or `-.->`).
    pub fn eat_id(&mut self) -> String {
        let start = self.pos;
        while let Some(c) = self.peek() {
            let starts_arrow = c == '-' && matches!(self.peek_at(1), Some('-' | '.' | '>'));
            if !is_id_char(c) || starts_arrow {
                break;
            }
            self.pos += 1;
        }
        self.slice(start, self.pos)
    }

    /// What stands at the cursor, for an error message: a word, a run of symbols, or the end.
    pub fn found(&self) -> Found {
        let Some(first) = self.peek() else { return Found::EndOfLine };
        let word = first.is_alphanumeric() || first == '_';
        let run = self.chars[self.pos..]
            .iter()
            .take_while(|&&c| !c.is_whitespace() && (c.is_alphanumeric() || c == '_') == word)
            .take(if word { 24 } else { 6 })
            .collect();
        Found::Text(run)
    }

    fn index_of_at(&self, text: &str, at: usize) -> bool {
        (at..).zip(text.chars()).all(|(index, expected)| self.chars.get(index) == Some(&expected))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters() {
        let mut cursor = Cursor::new("A[计算资源] --> B", 1);
        cursor.set_pos(cursor.find("-->").unwrap());
        assert_eq!(cursor.column(), 9);
        assert!(cursor.eat("-->"));
        cursor.skip_spaces();
        assert_eq!(cursor.eat_id(), "B");
        assert!(cursor.at_end());
        assert_eq!(cursor.bump(), None);
    }

    #[test]
    fn ids_stop_before_arrows() {
        for (text, id) in
            [("A-->B", "A"), ("A-.->B", "A"), ("A->B", "A"), ("my-node --> B", "my-node"), ("数据_1;", "数据_1")]
        {
            assert_eq!(Cursor::new(text, 1).eat_id(), id, "{text}");
        }
    }

    #[test]
    fn found_takes_a_word_or_a_run_of_symbols() {
        assert_eq!(Cursor::new("=> B", 1).found(), Found::Text("=>".into()));
        assert_eq!(Cursor::new("C D", 1).found(), Found::Text("C".into()));
        assert_eq!(Cursor::new("", 1).found(), Found::EndOfLine);
    }

    #[test]
    fn slices_clamp_to_the_line() {
        let cursor = Cursor::new("abc", 1);
        assert_eq!(cursor.slice(1, 99), "bc");
        assert_eq!(cursor.slice(5, 2), "");
        assert_eq!(cursor.peek_at(usize::MAX), None);
    }
}
