//! Pause and Resume beside Train and Stop, and why Train is off when the model does not fit
//! the data. The train panel renders it; what it sends comes from the [`RunControls`] context.

use leptos::prelude::*;

use crate::app::lang::use_text;
use crate::app::store::Lab;
use crate::i18n::{fill, Words};
use crate::page::Phase;
use crate::setup::OutputMisfit;

/// What Pause and Resume do (the app provides it as context).
#[derive(Clone, Copy)]
pub struct RunControls {
    /// Asks the worker to pause the fit.
    pub pause: Callback<()>,
    /// Asks the worker to go on.
    pub resume: Callback<()>,
}

/// The Pause and Resume buttons, and the reason Train is off.
#[component]
pub fn PauseResume(lab: Lab, blocked: Signal<Option<OutputMisfit>>) -> impl IntoView {
    let controls = use_context::<RunControls>();
    let phase = lab.phase;
    let t = use_text();
    let run = move |which: fn(&RunControls) -> Callback<()>| {
        if let Some(c) = &controls {
            which(c).run(())
        }
    };
    view! {
        <button class="secondary" data-testid="pause" disabled=move || phase.get() != Phase::Training
            on:click=move |_| run(|c| c.pause)>{move || t.get().train.pause}</button>
        <button class="secondary" data-testid="resume" disabled=move || phase.get() != Phase::Paused
            on:click=move |_| run(|c| c.resume)>{move || t.get().train.resume}</button>
        <Show when=move || blocked.with(Option::is_some) && lab.data.with(Option::is_some)>
            <p class="field-error train-blocked" role="alert" data-testid="train-blocked">
                {move || blocked.with(|b| b.as_ref().map(|why| fill(t.get().train.blocked, &[("why", &why.words(t.get()))])))}
            </p>
        </Show>
    }
}
