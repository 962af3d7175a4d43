//! Templates with named places: `"Epoch {n} of {epochs}"`.
//!
//! A place is a name in braces; `{{` and `}}` stand for braces themselves. The catalogue's
//! test checks that both languages of a key have the same places, so a value is never lost in
//! one language.

use std::fmt::Display;

/// `template` with each `{name}` replaced by its value in `values`; a place with no value is
/// left as it is (visible, rather than silently empty).
///
/// ```
/// use mlp_lab::i18n::fill;
/// assert_eq!(fill("{rows} rows × {features} features", &[("rows", &1000), ("features", &10)]), "1000 rows × 10 features");
/// assert_eq!(fill("{{x}} and {y}", &[]), "{x} and {y}");
/// ```
pub fn fill(template: &str, values: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(at) = rest.find(['{', '}']) {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        if tail.starts_with("{{") || tail.starts_with("}}") {
            out.push_str(&tail[..1]);
            rest = &tail[2..];
            continue;
        }
        if let (true, Some(end)) = (tail.starts_with('{'), tail.find('}')) {
            let name = &tail[1..end];
            match values.iter().find(|(n, _)| *n == name) {
                Some((_, value)) => out.push_str(&value.to_string()),
                None => out.push_str(&tail[..=end]),
            }
            rest = &tail[end + 1..];
        } else {
            out.push_str(&tail[..1]);
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
    out
}

/// The names of a template's places, sorted, each once.
///
/// ```
/// use mlp_lab::i18n::places;
/// assert_eq!(places("{b} then {a}, {b} again; {{not}}"), vec!["a", "b"]);
/// ```
pub fn places(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(at) = rest.find(['{', '}']) {
        let tail = &rest[at..];
        if tail.starts_with("{{") || tail.starts_with("}}") {
            rest = &tail[2..];
        } else if let (true, Some(end)) = (tail.starts_with('{'), tail.find('}')) {
            names.push(&tail[1..end]);
            rest = &tail[end + 1..];
        } else {
            rest = &tail[1..];
        }
    }
    names.sort_unstable();
    names.dedup();
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_every_place_and_keeps_unknown_ones_visible() {
        assert_eq!(fill("训练中… 第 {n}/{epochs} 轮", &[("n", &2), ("epochs", &10)]), "训练中… 第 2/10 轮");
        assert_eq!(fill("{a}{a}", &[("a", &"x")]), "xx");
        assert_eq!(fill("{missing}", &[]), "{missing}");
        assert_eq!(fill("unclosed { brace", &[]), "unclosed { brace");
        assert_eq!(fill("a } b", &[]), "a } b");
        assert_eq!(fill("", &[]), "");
    }
}
