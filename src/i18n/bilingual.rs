//! A message in both languages, made where the words are known (the engine, the worker, the
//! page) and shown in whichever language is in force when it is read.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{fill, Lang, Text};

/// A message in English and in Chinese.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Bilingual {
    /// In English.
    pub en: String,
    /// In Chinese.
    pub zh: String,
}

impl Bilingual {
    /// A message from its two texts.
    pub fn new(en: impl Into<String>, zh: impl Into<String>) -> Self {
        Bilingual { en: en.into(), zh: zh.into() }
    }

    /// The same text in both (a name, a number).
    pub fn same(text: impl Into<String>) -> Self {
        let text = text.into();
        Bilingual { en: text.clone(), zh: text }
    }

    /// A catalogue entry, in both languages: `Bilingual::text(|t| t.train.failed)`.
    pub fn text(pick: impl Fn(&'static Text) -> &'static str) -> Self {
        Bilingual::new(pick(Text::of(Lang::En)), pick(Text::of(Lang::Zh)))
    }

    /// A catalogue template, filled in both languages.
    pub fn filled(pick: impl Fn(&'static Text) -> &'static str, values: &[(&str, &dyn fmt::Display)]) -> Self {
        Bilingual::new(fill(pick(Text::of(Lang::En)), values), fill(pick(Text::of(Lang::Zh)), values))
    }

    /// The message in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Zh => &self.zh,
        }
    }

    /// Each language's text changed by `f` (given the language).
    pub fn map(self, f: impl Fn(Lang, String) -> String) -> Self {
        Bilingual { en: f(Lang::En, self.en), zh: f(Lang::Zh, self.zh) }
    }

    /// `prefix` then this message, in each language: `where` + `what`.
    pub fn after(self, prefix: &Bilingual) -> Self {
        Bilingual { en: format!("{}{}", prefix.en, self.en), zh: format!("{}{}", prefix.zh, self.zh) }
    }
}

/// In English, as the engine's own messages are.
impl fmt::Display for Bilingual {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_the_language_and_fills_both() {
        let m = Bilingual::filled(|t| t.train.stopped, &[("n", &3), ("epochs", &10)]);
        assert_eq!(m.get(Lang::En), "Stopped after 3 of 10 epochs.");
        assert!(m.get(Lang::Zh).contains('3') && m.get(Lang::Zh).contains("10"));
        assert_eq!(m.to_string(), m.en);
        let prefixed = Bilingual::same("x").after(&Bilingual::new("where: ", "位置："));
        assert_eq!(prefixed.get(Lang::Zh), "位置：x");
    }
}
