//! Checks for tests of a message in both languages: the Chinese is there, is Chinese, and
//! carries every figure of the English (`line 13: found 4 fields, but the header has 5` keeps
//! 13, 4 and 5 in Chinese), so that a translation never loses a number the user needs.

use super::{Bilingual, Lang, Words};

/// Whether `s` has Chinese characters or CJK punctuation (`。`, `、`, and the full-width `：`).
pub(crate) fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| {
        ('\u{4e00}'..='\u{9fff}').contains(&c)
            || ('\u{3000}'..='\u{303f}').contains(&c)
            || ('\u{ff01}'..='\u{ff5e}').contains(&c)
    })
}

/// The runs of ASCII digits in `s`, sorted (a multiset).
pub(crate) fn figures(s: &str) -> Vec<&str> {
    let mut runs: Vec<&str> = s.split(|c: char| !c.is_ascii_digit()).filter(|r| !r.is_empty()).collect();
    runs.sort_unstable();
    runs
}

/// Panics unless `message`'s Chinese is non-empty, has Chinese characters, has no English
/// sentence left in it by mistake (it differs from the English), and has the same figures.
#[track_caller]
pub(crate) fn assert_bilingual(message: &Bilingual) {
    let (en, zh) = (message.en.clone(), message.zh.clone());
    assert!(!zh.trim().is_empty(), "no Chinese for {en:?}");
    assert!(has_cjk(&zh), "the Chinese of {en:?} has no Chinese characters: {zh:?}");
    assert!(!has_cjk(&en), "the English has Chinese characters: {en:?}");
    assert_ne!(en, zh, "the Chinese is the English");
    assert_eq!(figures(&en), figures(&zh), "the figures differ:\n  en: {en}\n  zh: {zh}");
}

/// [`assert_bilingual`] for a value the page words ([`Words`]).
#[track_caller]
pub(crate) fn assert_words(message: &impl Words) {
    assert_bilingual(&super::Bilingual::new(message.in_lang(Lang::En), message.in_lang(Lang::Zh)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_are_compared_as_a_multiset() {
        assert_eq!(figures("line 13: found 4 fields, but the header has 5"), ["13", "4", "5"]);
        assert_eq!(figures("第 13 行：有 4 个字段，但表头有 5 个"), ["13", "4", "5"]);
        assert_bilingual(&Bilingual::new("line 13: 4 of 5", "第 13 行：5 个中的 4 个"));
    }

    #[test]
    #[should_panic(expected = "the figures differ")]
    fn a_lost_figure_is_caught() {
        assert_bilingual(&Bilingual::new("line 13: 4 of 5", "第 13 行：4 个"));
    }
}
