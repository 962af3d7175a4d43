//! The language in force: English or Chinese (简体中文).

use serde::{Deserialize, Serialize};

/// A language of the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Lang {
    /// English (the default for any language the page does not have).
    #[default]
    En,
    /// Simplified Chinese.
    Zh,
}

impl Lang {
    /// Both languages, in the toggle's order.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// The BCP 47 tag, for `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-CN",
        }
    }

    /// The stored value (`localStorage`), and the toggle's `data-lang`.
    pub fn key(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// The language's own name, as the toggle shows it.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Zh => "中文",
        }
    }

    /// The other language.
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Zh,
            Lang::Zh => Lang::En,
        }
    }

    /// The language a stored key names.
    pub fn from_key(key: &str) -> Option<Lang> {
        Self::ALL.into_iter().find(|l| l.key() == key)
    }

    /// The first of the browser's preferred languages (`navigator.languages`, most preferred
    /// first) that the page has; English when none is. `zh`, `zh-CN`, `zh-Hans-SG` and
    /// `zh-TW` all read as Chinese (the page's Chinese is simplified).
    ///
    /// ```
    /// use mlp_lab::i18n::Lang;
    /// assert_eq!(Lang::preferred(["fr-FR", "zh-CN", "en"]), Lang::Zh);
    /// assert_eq!(Lang::preferred(["en-GB", "zh"]), Lang::En);
    /// assert_eq!(Lang::preferred(["de"]), Lang::En);
    /// ```
    pub fn preferred<'a>(tags: impl IntoIterator<Item = &'a str>) -> Lang {
        tags.into_iter()
            .find_map(|tag| {
                let primary = tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
                match primary.as_str() {
                    "zh" => Some(Lang::Zh),
                    "en" => Some(Lang::En),
                    _ => None,
                }
            })
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_and_unknown_keys_are_refused() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_key(lang.key()), Some(lang));
            assert_eq!(lang.other().other(), lang);
        }
        assert_eq!(Lang::from_key("fr"), None);
    }

    #[test]
    fn preferred_reads_region_and_script_subtags_in_any_case() {
        assert_eq!(Lang::preferred(["ZH-tw"]), Lang::Zh);
        assert_eq!(Lang::preferred(["zh_Hans_SG"]), Lang::Zh);
        assert_eq!(Lang::preferred(["ja", "EN-us", "zh"]), Lang::En);
        assert_eq!(Lang::preferred([]), Lang::En);
        assert_eq!(Lang::preferred([""]), Lang::En);
    }
}
