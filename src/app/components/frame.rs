//! The page's frame: header, the key-factors strip, the error banner.

use leptos::prelude::*;

use super::compute::{kernels_described, SpeedBadge};
use super::theme_toggle::ThemeToggle;
use crate::app::lang::{use_text, LangSignal};
use crate::i18n::{fill, Text, Words};
use crate::nn::Speed;
use crate::page::{Kernels, Notice};
use crate::protocol::Failure;
use crate::trainer::Workers;

/// Title, tagline, what the trainer runs on and how fast, and the language and theme toggles.
#[component]
pub fn Header(
    kernels: Memo<Option<Kernels>>,
    speed: Memo<Option<Speed>>,
    workers: Memo<Option<Workers>>,
) -> impl IntoView {
    let t = use_text();
    let compute = move || match kernels.get() {
        None => t.get().frame.starting.to_string(),
        Some(k) => fill(t.get().frame.ready, &[("kernels", &kernels_described(k, t.get()))]),
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
                    <h1>{move || t.get().frame.title}</h1>
                    <p class="tagline">{move || t.get().frame.tagline}</p>
                </div>
            </div>
            <div class="header-side">
                <p class="compute" id="panel-compute" data-testid="compute">{compute}</p>
                <SpeedBadge speed=speed kernels=kernels workers=workers />
                <LangToggle />
                <ThemeToggle />
            </div>
        </header>
    }
}

/// 中文 / English: a button naming the other language, in that language.
#[component]
fn LangToggle() -> impl IntoView {
    let lang = use_context::<LangSignal>().expect("the app installs the language");
    let t = use_text();
    view! {
        <button
            class="chip lang-toggle"
            data-testid="lang"
            data-lang=move || lang.0.get().key()
            lang=move || lang.0.get().other().tag()
            aria-label=move || t.get().frame.switch_lang
            on:click=move |_| lang.choose(lang.0.get_untracked().other())
        >
            {move || lang.0.get().other().name()}
        </button>
    }
}

/// A notice in the words of `t`.
pub fn notice_words(notice: &Notice, t: &'static Text) -> String {
    match notice {
        Notice::Failed(failure) => failure.words(t),
        Notice::WorkerStopped { detail } => {
            let detail = detail.clone().unwrap_or_else(|| t.frame.worker_failed_to_load.to_string());
            fill(t.frame.worker_stopped, &[("detail", &detail)])
        }
        Notice::WorkerNotStarted { detail } => fill(t.frame.worker_start_failed, &[("detail", detail)]),
        Notice::Said(message) => message.get(t.lang).to_string(),
    }
}

/// What went wrong, in words (in the language in force), until the next action.
#[component]
pub fn ErrorBanner(notice: Memo<Option<Notice>>) -> impl IntoView {
    let t = use_text();
    // A file refused before anything ran is the file's problem, not "something went wrong".
    let refused = move || notice.with(|n| matches!(n, Some(Notice::Failed(Failure::File { .. }))));
    let lead = move |t: &'static Text| if refused() { t.data.file_refused_lead } else { t.frame.error_lead };
    view! {
        <Show when=move || notice.with(Option::is_some)>
            <div class="error" role="alert" data-testid="error">
                <strong>{move || lead(t.get())}</strong>
                {move || notice.with(|n| n.as_ref().map(|n| notice_words(n, t.get())).unwrap_or_default())}
            </div>
        </Show>
    }
}

/// 团队, the team: who made this, and where its numbers come from.
#[component]
pub fn About() -> impl IntoView {
    let t = use_text();
    view! {
        <footer class="footer" id="panel-team">
            <p>{move || t.get().frame.about}</p>
        </footer>
    }
}
