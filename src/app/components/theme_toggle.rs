//! The theme toggle: light, dark or the system's, as three radio buttons (arrow keys move
//! between them); the choice is remembered across visits.

use leptos::prelude::*;

use crate::app::lang::use_text;
use crate::app::theme::{Theme, ThemeChoice};

/// Light / Dark / System.
#[component]
pub fn ThemeToggle() -> impl IntoView {
    let theme = use_context::<Theme>().expect("the app installs the theme");
    let t = use_text();
    let options = ThemeChoice::ALL.map(|choice| {
        view! {
            <label class="theme-option" class:chosen=move || theme.choice.get() == choice>
                <input
                    type="radio"
                    name="theme"
                    value=choice.as_str()
                    data-testid=format!("theme-{}", choice.as_str())
                    prop:checked=move || theme.choice.get() == choice
                    on:change=move |_| theme.choice.set(choice)
                />
                {move || choice.label(t.get())}
            </label>
        }
    });
    view! {
        <fieldset class="theme-toggle" data-testid="theme-toggle">
            <legend class="visually-hidden">{move || t.get().frame.theme}</legend>
            {options.into_iter().collect_view()}
        </fieldset>
    }
}
