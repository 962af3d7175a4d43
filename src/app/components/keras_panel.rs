//! The equivalent Keras program of the set-up, with a Copy button.

use leptos::prelude::*;

use crate::app::lang::use_text;
use crate::app::link::copy_text;
use crate::i18n::fill;

/// The code in a `<pre>`, and Copy with a visible outcome.
#[component]
pub fn KerasCode(code: Signal<String>) -> impl IntoView {
    let t = use_text();
    let (status, set_status) = signal(None::<Result<(), String>>);
    let copy = move |_| {
        let text = code.get_untracked();
        leptos::task::spawn_local(async move { set_status.set(Some(copy_text(&text).await)) });
    };
    // A new set-up is not what was copied.
    Effect::new(move |_| {
        code.track();
        set_status.set(None);
    });
    view! {
        <details class="keras" open>
            <summary>{move || t.get().model.keras}</summary>
            <div class="actions">
                <button class="secondary" data-testid="copy-code" on:click=copy>{move || t.get().model.copy}</button>
                <span class="copy-status" role="status" data-testid="copy-status">
                    {move || match status.get() {
                        None => String::new(),
                        Some(Ok(())) => t.get().model.copied.to_string(),
                        Some(Err(why)) => fill(t.get().model.not_copied, &[("why", &why)]),
                    }}
                </span>
            </div>
            <pre class="code" data-testid="keras-code" aria-label=move || t.get().model.keras_code tabindex="0"><code>{code}</code></pre>
        </details>
    }
}
