//! The page's theme: light or dark, as the system asks (`prefers-color-scheme`). The stylesheet
//! follows it by itself; the canvases ask here which palette to draw with.

/// Whether the system asks for a dark theme.
pub fn prefers_dark() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches())
}
