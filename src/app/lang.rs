//! The page's language as a signal: the user's choice (kept in `localStorage` under
//! [`STORAGE_KEY`]), else the browser's preferred languages (`navigator.languages`).
//!
//! [`LangSignal::install`] provides it; components read their words with [`use_text`] and word
//! the facts the engine, the data and the worker send with [`crate::i18n::Words`]. The root element's
//! `lang` attribute follows, so screen readers and fonts pick the right language, and so does the
//! tab's title.

use leptos::prelude::*;

use crate::i18n::{Lang, Text};

/// The `localStorage` key of the user's choice.
pub const STORAGE_KEY: &str = "mlp-lab-lang";

/// The language in force.
#[derive(Debug, Clone, Copy)]
pub struct LangSignal(pub RwSignal<Lang>);

impl LangSignal {
    /// Reads the stored choice or the browser's, keeps `<html lang>` in step, and provides
    /// itself to the components. Only a choice the user makes is stored.
    pub fn install() -> Self {
        let stored = storage().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten());
        let lang = stored.as_deref().and_then(Lang::from_key).unwrap_or_else(browser_lang);
        let signal = LangSignal(RwSignal::new(lang));
        Effect::new(move |_| {
            let lang = signal.0.get();
            let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
            if let Some(root) = document.document_element() {
                let _ = root.set_attribute("lang", lang.tag());
            }
            document.set_title(Text::of(lang).frame.page_title);
        });
        provide_context(signal);
        signal
    }

    /// The user chose `lang`: use it, and remember it.
    pub fn choose(self, lang: Lang) {
        self.0.set(lang);
        if let Some(s) = storage() {
            let _ = s.set_item(STORAGE_KEY, lang.key());
        }
    }
}

/// The browser's preferred languages, most preferred first.
fn browser_lang() -> Lang {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else { return Lang::default() };
    let tags: Vec<String> = navigator.languages().iter().filter_map(|v| v.as_string()).collect();
    let tags = if tags.is_empty() { navigator.language().into_iter().collect() } else { tags };
    Lang::preferred(tags.iter().map(String::as_str))
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

/// The language in force (English where no app installed one, as in a component's own test).
pub fn use_lang() -> Signal<Lang> {
    match use_context::<LangSignal>() {
        Some(LangSignal(lang)) => lang.into(),
        None => Signal::stored(Lang::default()),
    }
}

/// The page's words in the language in force: `view! { {move || t.get().train.title} }`.
pub fn use_text() -> Signal<&'static Text> {
    let lang = use_lang();
    Signal::derive(move || Text::of(lang.get()))
}
