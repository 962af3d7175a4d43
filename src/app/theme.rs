//! The page's theme: light, dark, or as the system asks (`prefers-color-scheme`).
//!
//! The user's choice is kept in `localStorage` under [`STORAGE_KEY`]; the theme in force is set
//! on the root element as `data-theme="light"` or `"dark"` (the stylesheet's colours follow it),
//! and the canvases read [`use_dark`] to redraw in the new palette when it changes.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use crate::i18n::Text;

/// The `localStorage` key of the user's choice.
pub const STORAGE_KEY: &str = "mlp-lab-theme";

/// Whether the system asks for a dark theme.
pub fn prefers_dark() -> bool {
    system_query().is_some_and(|m| m.matches())
}

fn system_query() -> Option<web_sys::MediaQueryList> {
    web_sys::window().and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
}

/// What the user chose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeChoice {
    /// Follow the system.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl ThemeChoice {
    /// Every choice, in the toggle's order.
    pub const ALL: [ThemeChoice; 3] = [ThemeChoice::Light, ThemeChoice::Dark, ThemeChoice::System];

    /// The stored and `data-theme-choice` value.
    pub fn as_str(self) -> &'static str {
        match self {
            ThemeChoice::System => "system",
            ThemeChoice::Light => "light",
            ThemeChoice::Dark => "dark",
        }
    }

    /// The choice a stored value names (the system's for anything else).
    pub fn parse(value: &str) -> Self {
        Self::ALL.into_iter().find(|c| c.as_str() == value).unwrap_or_default()
    }

    /// The word on the toggle.
    pub fn label(self, t: &'static Text) -> &'static str {
        match self {
            ThemeChoice::System => t.frame.theme_system,
            ThemeChoice::Light => t.frame.theme_light,
            ThemeChoice::Dark => t.frame.theme_dark,
        }
    }
}

/// The theme as signals: the user's choice and whether the system is dark.
#[derive(Debug, Clone, Copy)]
pub struct Theme {
    /// The user's choice.
    pub choice: RwSignal<ThemeChoice>,
    system_dark: RwSignal<bool>,
}

impl Theme {
    /// Reads the stored choice, follows the system's changes, keeps the root element's
    /// `data-theme` and the stored choice in step, and provides itself to the components.
    pub fn install() -> Self {
        let stored = storage().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten());
        let theme = Self {
            choice: RwSignal::new(stored.as_deref().map(ThemeChoice::parse).unwrap_or_default()),
            system_dark: RwSignal::new(prefers_dark()),
        };
        if let Some(query) = system_query() {
            let system_dark = theme.system_dark;
            let on_change = Closure::<dyn Fn()>::new(move || system_dark.set(prefers_dark()));
            query.set_onchange(Some(on_change.as_ref().unchecked_ref()));
            on_change.forget();
        }
        theme.apply();
        Effect::new(move |_| {
            let choice = theme.choice.get();
            theme.apply();
            if let Some(s) = storage() {
                let _ = s.set_item(STORAGE_KEY, choice.as_str());
            }
        });
        provide_context(theme);
        theme
    }

    /// Whether the page is dark now (tracked).
    pub fn dark(&self) -> bool {
        match self.choice.get() {
            ThemeChoice::System => self.system_dark.get(),
            ThemeChoice::Light => false,
            ThemeChoice::Dark => true,
        }
    }

    fn apply(&self) {
        let dark = self.dark();
        if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            let _ = root.set_attribute("data-theme", if dark { "dark" } else { "light" });
            let _ = root.set_attribute("data-theme-choice", self.choice.get_untracked().as_str());
        }
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

/// Whether the page is dark, as a signal: the installed [`Theme`]'s, or the system's.
pub fn use_dark() -> Signal<bool> {
    match use_context::<Theme>() {
        Some(theme) => Signal::derive(move || theme.dark()),
        None => Signal::derive(prefers_dark),
    }
}
