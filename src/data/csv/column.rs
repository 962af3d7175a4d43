//! A column as it is read, cell by cell: numbers while every cell is a number, then text levels
//! (converted once, at the first text cell), then, past [`MAX_LEVELS`] distinct values, only
//! the hashes of the values (to count them without keeping them).
//!
//! ```text
//! cells 1, 2, NA     → Numbers [1, 2, NaN]
//! then "abc"         → Levels ["1", "2", "abc"], codes [0, 1, 255, 2]
//! then 60 new values → TooMany { 63 hashes }
//! ```

use std::collections::{HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};

use super::cell::{number_text, Cell};
use crate::data::table::{Column, ColumnValues, TextCell, MAX_LEVELS, MISSING_CODE};

/// A column being read.
#[derive(Debug)]
pub(crate) struct ColumnBuilder {
    name: String,
    state: State,
    missing: usize,
    numbers: usize,
    texts: usize,
    first_text: Option<TextCell>,
}

#[derive(Debug)]
enum State {
    Numbers(Vec<f32>),
    Levels { levels: Vec<String>, index: HashMap<String, u8>, codes: Vec<u8> },
    TooMany { distinct: HashSet<u64> },
}

impl ColumnBuilder {
    /// An empty column named `name`.
    pub fn new(name: String) -> Self {
        Self { name, state: State::Numbers(Vec::new()), missing: 0, numbers: 0, texts: 0, first_text: None }
    }

    /// Makes room for `more` cells.
    pub fn reserve(&mut self, more: usize) {
        match &mut self.state {
            State::Numbers(v) => v.reserve_exact(more),
            State::Levels { codes, .. } => codes.reserve_exact(more),
            State::TooMany { .. } => {}
        }
    }

    /// Adds the cell of the next row, read on `line`.
    pub fn push(&mut self, cell: Cell<'_>, line: u64) {
        match cell {
            Cell::Missing => {
                self.missing += 1;
                match &mut self.state {
                    State::Numbers(v) => v.push(f32::NAN),
                    State::Levels { codes, .. } => codes.push(MISSING_CODE),
                    State::TooMany { .. } => {}
                }
            }
            Cell::Number(x) => {
                self.numbers += 1;
                match &mut self.state {
                    State::Numbers(v) => v.push(x),
                    _ => self.add_level(&number_text(x)),
                }
            }
            Cell::Text(text) => {
                self.texts += 1;
                if self.first_text.is_none() {
                    self.first_text = Some(TextCell { line, value: text.to_string() });
                }
                self.add_level(text);
            }
        }
    }

    /// Adds a text value, turning numbers into levels first.
    fn add_level(&mut self, text: &str) {
        if let State::Numbers(numbers) = &mut self.state {
            let numbers = std::mem::take(numbers);
            self.state =
                State::Levels { levels: Vec::new(), index: HashMap::new(), codes: Vec::with_capacity(numbers.len()) };
            for x in numbers {
                if x.is_nan() {
                    if let State::Levels { codes, .. } = &mut self.state {
                        codes.push(MISSING_CODE);
                    }
                } else {
                    self.add_level(&number_text(x));
                }
            }
        }
        match &mut self.state {
            State::Levels { levels, index, codes } => {
                if let Some(&code) = index.get(text) {
                    codes.push(code);
                } else if levels.len() < MAX_LEVELS {
                    index.insert(text.to_string(), levels.len() as u8);
                    codes.push(levels.len() as u8);
                    levels.push(text.to_string());
                } else {
                    let distinct = levels.iter().map(|l| hash(l)).chain([hash(text)]).collect();
                    self.state = State::TooMany { distinct };
                }
            }
            State::TooMany { distinct } => {
                distinct.insert(hash(text));
            }
            State::Numbers(_) => {} // turned into levels above
        }
    }

    /// The column, its text levels sorted.
    pub fn finish(self) -> Column {
        let values = match self.state {
            State::Numbers(mut v) => {
                if v.capacity() > v.len() + v.len() / 8 {
                    v.shrink_to_fit();
                }
                ColumnValues::Numbers(v)
            }
            State::Levels { levels, codes, .. } => sorted(levels, codes),
            State::TooMany { distinct } => ColumnValues::TooManyLevels { distinct: distinct.len() },
        };
        Column {
            name: self.name,
            values,
            missing: self.missing,
            numbers: self.numbers,
            texts: self.texts,
            first_text: self.first_text,
        }
    }
}

/// Levels in byte order, codes following them.
fn sorted(levels: Vec<String>, mut codes: Vec<u8>) -> ColumnValues {
    let mut order: Vec<usize> = (0..levels.len()).collect();
    order.sort_by(|&a, &b| levels[a].cmp(&levels[b]));
    let mut rank = [MISSING_CODE; MISSING_CODE as usize + 1];
    for (new, &old) in order.iter().enumerate() {
        rank[old] = new as u8;
    }
    codes.iter_mut().for_each(|c| *c = rank[*c as usize]);
    let mut levels: Vec<Option<String>> = levels.into_iter().map(Some).collect();
    let levels = order.iter().filter_map(|&old| levels[old].take()).collect();
    ColumnValues::Levels { levels, codes }
}

/// A fixed hash of a value (the same in every run).
fn hash(text: &str) -> u64 {
    let mut h = DefaultHasher::new();
    text.hash(&mut h);
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn column(cells: &[Cell<'_>]) -> Column {
        let mut b = ColumnBuilder::new("c".into());
        cells.iter().enumerate().for_each(|(i, &c)| b.push(c, i as u64 + 2));
        b.finish()
    }

    #[test]
    fn numbers_stay_numbers_with_nan_for_missing() {
        let c = column(&[Cell::Number(1.5), Cell::Missing, Cell::Number(-2.0)]);
        assert_eq!(c.values, ColumnValues::Numbers(vec![1.5, f32::NAN, -2.0]));
        assert_eq!((c.missing, c.numbers, c.texts), (1, 2, 0));
    }

    #[test]
    fn a_text_cell_turns_numbers_into_sorted_levels() {
        let c = column(&[Cell::Number(2.0), Cell::Missing, Cell::Text("abc"), Cell::Number(1.0), Cell::Number(2.0)]);
        let levels = vec!["1".to_string(), "2".into(), "abc".into()];
        assert_eq!(c.values, ColumnValues::Levels { levels, codes: vec![1, MISSING_CODE, 2, 0, 1] });
        assert_eq!(c.first_text, Some(TextCell { line: 4, value: "abc".into() }));
        assert_eq!((c.missing, c.numbers, c.texts), (1, 3, 1));
    }

    #[test]
    fn past_the_limit_only_the_count_is_kept() {
        let names: Vec<String> = (0..80).map(|i| format!("v{i}")).collect();
        let mut cells: Vec<Cell<'_>> = names.iter().map(|n| Cell::Text(n)).collect();
        cells.extend(names.iter().take(10).map(|n| Cell::Text(n)));
        cells.push(Cell::Missing);
        let c = column(&cells);
        assert_eq!(c.values, ColumnValues::TooManyLevels { distinct: 80 });
        assert_eq!(c.missing, 1);
    }

    #[test]
    fn exactly_the_limit_is_still_levels() {
        let names: Vec<String> = (0..MAX_LEVELS).map(|i| format!("{i:02}x")).collect();
        let c = column(&names.iter().map(|n| Cell::Text(n)).collect::<Vec<_>>());
        assert_eq!(c.levels().len(), MAX_LEVELS);
    }

    #[test]
    fn conversion_past_the_limit_counts_the_numbers_too() {
        let mut cells: Vec<Cell<'_>> = (0..70).map(|i| Cell::Number(i as f32)).collect();
        cells.push(Cell::Text("abc"));
        let c = column(&cells);
        assert_eq!(c.values, ColumnValues::TooManyLevels { distinct: 71 });
        assert_eq!(c.first_text.unwrap().line, 72);
    }
}
