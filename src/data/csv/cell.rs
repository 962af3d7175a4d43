//! What a CSV cell holds, once trimmed of spaces: nothing (a missing value), a number, or text.
//!
//! - Missing: an empty cell or one of pandas' NA tokens ([`NA_TOKENS`]: `NA`, `N/A`, `NaN`,
//!   `nan`, `null`, `NULL`, `None`, …) or `-` and `?`, which many data sets use for the same.
//! - A number: what Rust's `f64::from_str` reads (`1e3`, `-0.5`, `+2`, `.5`), stored as `f32`,
//!   if it is finite as an `f32`. `inf` and `1e39` are text: a network cannot learn from them.
//! - Text: anything else.
//!
//! | cell | `" 1e3 "` | `"N/A"` | `""` | `"-"` | `"inf"` | `"M"` |
//! |---|---|---|---|---|---|---|
//! | reads as | `Number(1000.0)` | `Missing` | `Missing` | `Missing` | `Text("inf")` | `Text("M")` |

/// The cells read as missing (after trimming spaces): pandas' default `na_values`, plus `-`
/// and `?`.
pub const NA_TOKENS: [&str; 21] = [
    "", "NA", "N/A", "NaN", "nan", "null", "NULL", "None", "-", "?", "n/a", "#N/A", "#N/A N/A", "#NA", "<NA>", "-NaN",
    "-nan", "1.#IND", "-1.#IND", "1.#QNAN", "-1.#QNAN",
];

/// A cell, read.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Cell<'a> {
    /// Empty or an NA token.
    Missing,
    /// A finite number.
    Number(f32),
    /// Anything else, trimmed.
    Text(&'a str),
}

/// Reads one cell.
pub(crate) fn parse_cell(raw: &str) -> Cell<'_> {
    let text = raw.trim();
    if NA_TOKENS.contains(&text) {
        return Cell::Missing;
    }
    match text.parse::<f64>() {
        // `+ 0.0` turns -0 into 0, so that both print (and group) the same.
        Ok(v) if (v as f32).is_finite() => Cell::Number(v as f32 + 0.0),
        _ => Cell::Text(text),
    }
}

/// How a number is written when it stands among text values: as `f32` prints it.
pub(crate) fn number_text(v: f32) -> String {
    format!("{v}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_na_token_is_missing_even_padded() {
        for token in NA_TOKENS {
            assert_eq!(parse_cell(token), Cell::Missing, "{token:?}");
            assert_eq!(parse_cell(&format!("  {token} ")), Cell::Missing, "{token:?} padded");
        }
        assert_eq!(parse_cell("na"), Cell::Text("na"), "NA tokens are case-sensitive, as in pandas");
    }

    #[test]
    fn numbers_in_every_spelling() {
        for (raw, v) in [("1e3", 1000.0), ("-0.5", -0.5), ("+2", 2.0), (" .5 ", 0.5), ("2.5E-1", 0.25), ("7.", 7.0)] {
            assert_eq!(parse_cell(raw), Cell::Number(v), "{raw}");
        }
        assert_eq!(parse_cell("-0"), Cell::Number(0.0));
        assert!(matches!(parse_cell("-0"), Cell::Number(v) if v.is_sign_positive()));
    }

    #[test]
    fn non_finite_and_odd_numbers_are_text() {
        for raw in ["inf", "-infinity", "NAN", "1e39", "1,5", "0x10", "1_000", "12 kg"] {
            assert_eq!(parse_cell(raw), Cell::Text(raw), "{raw}");
        }
    }

    #[test]
    fn numbers_among_text_print_as_f32() {
        assert_eq!((number_text(1.0), number_text(0.1), number_text(1e3)), ("1".into(), "0.1".into(), "1000".into()));
    }
}
