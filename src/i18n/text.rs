//! The catalogue: every word of the page, one struct per region of the screen.
//!
//! Each region is its own file under `text/`, made with `catalogue!`; [`Text`] gathers them, in
//! English ([`Text::of`]`(Lang::En)`) and in Chinese. Keras' names (`Dense`, `relu`, `adam`,
//! `binary_crossentropy`) and the Keras log stay as Keras prints them, in both languages: they
//! are what a user types and searches for.

mod apply;
mod data;
mod diagram;
mod engine;
mod frame;
mod link;
mod model;
mod results;
mod train;
mod worker;

pub use apply::Apply;
pub use data::Data;
pub use diagram::Diagram;
pub use engine::Engine;
pub use frame::Frame;
pub use link::Link;
pub use model::Model;
pub use results::Results;
pub use train::Train;
pub use worker::Worker;

use super::Lang;

/// One key of the catalogue, with both texts.
#[derive(Debug, Clone, Copy)]
pub struct Entry {
    /// The region (the struct's name).
    pub region: &'static str,
    /// The key (the field's name).
    pub key: &'static str,
    /// In English.
    pub en: &'static str,
    /// In Chinese.
    pub zh: &'static str,
}

/// Every word of the page, in one language.
#[derive(Debug)]
pub struct Text {
    /// The language these words are in.
    pub lang: Lang,
    /// The header, the footer, the error banner, the toggles.
    pub frame: Frame,
    /// The data panel.
    pub data: Data,
    /// The model panel: layers, compile and fit options, summary, Keras code.
    pub model: Model,
    /// The training panel: controls, progress, live charts.
    pub train: Train,
    /// The evaluation: test figures, train vs test, confusion matrix, ROC.
    pub results: Results,
    /// The prediction panel.
    pub apply: Apply,
    /// The key-factors diagram's panel.
    pub diagram: Diagram,
    /// The address' set-up: what it said that could not be used.
    pub link: Link,
    /// The training worker's own messages.
    pub worker: Worker,
    /// The engine's errors.
    pub engine: Engine,
}

static EN: Text = Text {
    lang: Lang::En,
    frame: Frame::EN,
    data: Data::EN,
    model: Model::EN,
    train: Train::EN,
    results: Results::EN,
    apply: Apply::EN,
    diagram: Diagram::EN,
    link: Link::EN,
    worker: Worker::EN,
    engine: Engine::EN,
};

static ZH: Text = Text {
    lang: Lang::Zh,
    frame: Frame::ZH,
    data: Data::ZH,
    model: Model::ZH,
    train: Train::ZH,
    results: Results::ZH,
    apply: Apply::ZH,
    diagram: Diagram::ZH,
    link: Link::ZH,
    worker: Worker::ZH,
    engine: Engine::ZH,
};

impl Text {
    /// The page's words in `lang`.
    pub fn of(lang: Lang) -> &'static Text {
        match lang {
            Lang::En => &EN,
            Lang::Zh => &ZH,
        }
    }

    /// Every key of every region.
    pub fn entries() -> impl Iterator<Item = &'static Entry> {
        [
            Frame::ENTRIES,
            Data::ENTRIES,
            Model::ENTRIES,
            Train::ENTRIES,
            Results::ENTRIES,
            Apply::ENTRIES,
            Diagram::ENTRIES,
            Link::ENTRIES,
            Worker::ENTRIES,
            Engine::ENTRIES,
        ]
        .into_iter()
        .flatten()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::check::has_cjk;
    use crate::i18n::places;

    /// Keys whose Chinese is, rightly, the English: names and symbols.
    const SAME_IN_BOTH: &[&str] = &["Frame.title", "Results.auc"];

    #[test]
    fn every_key_has_both_languages_with_the_same_places() {
        let mut count = 0;
        for e in Text::entries() {
            let name = format!("{}.{}", e.region, e.key);
            assert!(!e.en.trim().is_empty(), "{name}: no English");
            assert!(!e.zh.trim().is_empty(), "{name}: no Chinese");
            assert_eq!(places(e.en), places(e.zh), "{name}: the two languages fill different places");
            if SAME_IN_BOTH.contains(&name.as_str()) {
                assert_eq!(e.en, e.zh, "{name} is listed as the same in both languages");
            } else {
                assert!(has_cjk(e.zh), "{name}: its Chinese has no Chinese characters: {:?}", e.zh);
                assert!(!has_cjk(e.en), "{name}: its English has Chinese characters: {:?}", e.en);
            }
            count += 1;
        }
        assert!(count > 100, "only {count} keys");
    }

    #[test]
    fn listed_exceptions_exist() {
        for name in SAME_IN_BOTH {
            assert!(Text::entries().any(|e| format!("{}.{}", e.region, e.key) == *name), "{name} is not a key");
        }
    }
}
