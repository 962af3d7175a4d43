//! The page's frame: header, the key-factors strip, the error banner.

use leptos::prelude::*;

/// Title, tagline and what the trainer runs on.
#[component]
pub fn Header(simd: ReadSignal<Option<bool>>) -> impl IntoView {
    let compute = move || match simd.get() {
        None => "Starting the trainer…",
        Some(true) => "Trainer ready · Web Worker · WebAssembly SIMD (f32x4)",
        Some(false) => "Trainer ready · Web Worker · scalar WebAssembly",
    };
    view! {
        <header class="header">
            <div class="brand">
                <span class="logo" aria-hidden="true">
                    <svg viewBox="0 0 32 32" width="32" height="32">
                        <circle cx="6" cy="9" r="3" /><circle cx="6" cy="23" r="3" />
                        <circle cx="16" cy="6" r="3" /><circle cx="16" cy="16" r="3" /><circle cx="16" cy="26" r="3" />
                        <circle cx="26" cy="16" r="3" />
                        <path d="M6 9L16 6M6 9L16 16M6 9L16 26M6 23L16 6M6 23L16 16M6 23L16 26M16 6L26 16M16 16L26 16M16 26L26 16" />
                    </svg>
                </span>
                <div>
                    <h1>"MLP Lab"</h1>
                    <p class="tagline">"Train a neural network in your browser, and see why it learns."</p>
                </div>
            </div>
            <p class="compute" id="panel-compute" data-testid="compute">{compute}</p>
        </header>
    }
}

/// What went wrong, in words, until the next action.
#[component]
pub fn ErrorBanner(error: ReadSignal<Option<String>>) -> impl IntoView {
    view! {
        <Show when=move || error.with(Option::is_some)>
            <div class="error" role="alert" data-testid="error">
                <strong>"Something went wrong: "</strong>
                {move || error.get().unwrap_or_default()}
            </div>
        </Show>
    }
}

/// 团队, the team: who made this, and where its numbers come from.
#[component]
pub fn About() -> impl IntoView {
    view! {
        <footer class="footer" id="panel-team">
            <p>
                "MLP Lab trains in a Web Worker on WebAssembly SIMD; your data never leaves this page. "
                "Its engine is checked against Keras 3 (TensorFlow 2.21) to 1e-5; its workflow and diagrams come from "
                "an article on what a model team needs: compute, data, algorithm, team."
            </p>
        </footer>
    }
}
