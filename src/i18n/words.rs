//! [`Words`]: how the page says a value of facts (an engine error, a problem in the address) in
//! the language in force. The engine, the data layer and the diagram return facts; their
//! wording lives here, beside the catalogue, so the words change with the language and a caller
//! can still match on the facts.

use super::{Bilingual, Lang, Text};

/// A value the page can put into words.
pub trait Words {
    /// In the words of `t`, one language's catalogue.
    fn words(&self, t: &'static Text) -> String;

    /// In `lang`.
    fn in_lang(&self, lang: Lang) -> String {
        self.words(Text::of(lang))
    }

    /// In both languages (for a message kept across a switch of language).
    fn bilingual(&self) -> Bilingual {
        Bilingual::new(self.in_lang(Lang::En), self.in_lang(Lang::Zh))
    }
}

impl Words for Bilingual {
    fn words(&self, t: &'static Text) -> String {
        self.get(t.lang).to_string()
    }
}

/// `Display` in English for error types the page words, as a library's errors read (so `?`,
/// `to_string()` and test messages say it), written once: `english_display!(NnError);`.
macro_rules! english_display {
    ($($error:ty),+ $(,)?) => {
        $(
            impl std::fmt::Display for $error {
                fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    f.write_str(&$crate::i18n::Words::in_lang(self, $crate::i18n::Lang::En))
                }
            }
        )+
    };
}
