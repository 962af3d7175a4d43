//! The page's address as the set-up's home: read on load and on `hashchange`, rewritten with
//! `history.replaceState` as the user edits (no navigation, no history entry per keystroke).

use wasm_bindgen::JsValue;

/// The address' hash, without its `#` (empty when there is none).
pub fn read_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| h.trim_start_matches('#').to_string())
        .unwrap_or_default()
}

/// Puts `hash` in the address in place of the current one, unless it is already there.
pub fn write_hash(hash: &str) {
    if read_hash() == hash {
        return;
    }
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        // Refused only for a URL of another origin, which `#…` never is.
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("#{hash}")));
    }
}

/// Copies `text` to the clipboard (`navigator.clipboard.writeText`); `Err` says why not.
pub async fn copy_text(text: &str) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let navigator = js_sys::Reflect::get(&window, &JsValue::from_str("navigator")).map_err(|_| "no navigator")?;
    let clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .ok()
        .filter(|c| !c.is_undefined())
        .ok_or("this browser offers no clipboard here")?;
    let write: js_sys::Function = js_sys::Reflect::get(&clipboard, &JsValue::from_str("writeText"))
        .ok()
        .and_then(|f| wasm_bindgen::JsCast::dyn_into(f).ok())
        .ok_or("this browser offers no clipboard here")?;
    let promise: js_sys::Promise = write
        .call1(&clipboard, &JsValue::from_str(text))
        .ok()
        .and_then(|p| wasm_bindgen::JsCast::dyn_into(p).ok())
        .ok_or("the clipboard refused")?;
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|_| "the browser refused the clipboard".into())
}
