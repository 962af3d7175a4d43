//! What the address said that could not be used, each line naming its key, in the language in
//! force (a switch re-renders the lines already shown).

use leptos::prelude::*;

use crate::app::lang::use_text;
use crate::i18n::{fill, Words};
use crate::setup::SetupError;

/// The list, until dismissed.
#[component]
pub fn SetupErrors(errors: RwSignal<Vec<SetupError>>) -> impl IntoView {
    let t = use_text();
    let lines = move || {
        let t = t.get();
        errors.with(|errors| {
            errors.iter().map(|e| view! { <li>{fill(t.link.error, &[("error", &e.words(t))])}</li> }).collect_view()
        })
    };
    view! {
        <Show when=move || errors.with(|e| !e.is_empty())>
            <div class="error setup-errors" role="alert" data-testid="setup-errors">
                <ul>{lines}</ul>
                <p>{move || t.get().link.rest_applies}</p>
                <button class="secondary" on:click=move |_| errors.set(Vec::new())>{move || t.get().link.dismiss}</button>
            </div>
        </Show>
    }
}
