//! Column names from the header row, made usable as pandas makes them: trimmed, an empty one
//! named `Unnamed: i` (`i` counted from 0), a repeated one suffixed `.1`, `.2`, ….
//!
//! ```text
//! " a ,,a,b,a"  →  ["a", "Unnamed: 1", "a.1", "b", "a.2"]
//! ```

use std::collections::HashSet;

/// The names of the header's cells, unique.
pub(crate) fn header_names(cells: Vec<String>) -> Vec<String> {
    let mut seen = HashSet::new();
    cells
        .into_iter()
        .enumerate()
        .map(|(i, cell)| {
            let base = match cell.trim() {
                "" => format!("Unnamed: {i}"),
                name => name.to_string(),
            };
            let mut name = base.clone();
            let mut k = 0;
            while !seen.insert(name.clone()) {
                k += 1;
                name = format!("{base}.{k}");
            }
            name
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(cells: &[&str]) -> Vec<String> {
        header_names(cells.iter().map(|c| c.to_string()).collect())
    }

    #[test]
    fn trimmed_named_and_unique() {
        assert_eq!(names(&[" a ", "", "a", "b", "a"]), ["a", "Unnamed: 1", "a.1", "b", "a.2"]);
        assert_eq!(names(&["x", "x.1", "x"]), ["x", "x.1", "x.2"], "a suffix already taken is skipped");
    }
}
