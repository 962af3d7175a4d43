//! Small inputs of the panels: a number that reports only values it accepts, a choice, a check
//! box. Each shows its value reactively, so a set-up restored from the address shows, and says
//! its label and its message in the language in force.

use leptos::prelude::*;

use crate::app::lang::use_text;
use crate::i18n::{fill, Text};

/// Words picked from the catalogue (a label, a reason), `|t| t.data.rows`, or a Keras name
/// that reads the same in both languages, `|_| "patience"`.
pub type Words = fn(&'static Text) -> &'static str;

/// The numbers a [`NumberField`] takes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Range {
    low: Low,
    max: f64,
    whole: bool,
}

/// Where a [`Range`] starts.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Low {
    /// At this number, taken.
    At(f64),
    /// Just above zero.
    AboveZero,
}

impl Range {
    /// Any number from `min` to `max`, both taken.
    pub fn between(min: f64, max: f64) -> Self {
        Range { low: Low::At(min), max, whole: false }
    }

    /// Whole numbers from `min` to `max`, both taken.
    pub fn whole(min: f64, max: f64) -> Self {
        Range { low: Low::At(min), max, whole: true }
    }

    /// Any number above zero, up to `max`: a learning rate. The smallest taken is
    /// `f32::MIN_POSITIVE`, as the address takes it, so that the value is still above zero once
    /// it is an `f32`; the field says "a positive number", not that number.
    pub fn positive(max: f64) -> Self {
        Range { low: Low::AboveZero, max, whole: false }
    }

    /// The smallest value taken.
    fn min(self) -> f64 {
        match self.low {
            Low::At(min) => min,
            Low::AboveZero => f64::from(f32::MIN_POSITIVE),
        }
    }

    /// Whether `v` is in the range.
    pub fn takes(self, v: f64) -> bool {
        (self.min()..=self.max).contains(&v) && (!self.whole || v.fract() == 0.0)
    }

    /// The range in words, in `t`'s language.
    pub fn describe(self, t: &Text) -> String {
        match self.low {
            Low::At(min) => t.model.between(min, self.max, self.whole),
            Low::AboveZero => t.model.positive_up_to(self.max),
        }
    }

    /// What a field labelled `label` says when what was typed is refused:
    /// `Rows: enter a whole number from 10 to 200000`.
    pub fn refused(self, label: &str, t: &Text) -> String {
        fill(t.model.field_error, &[("label", &label), ("range", &self.describe(t))])
    }
}

/// A number field: `on_change` gets the value when it parses within `range`; otherwise the
/// field says under itself what it takes, and keeps what was typed.
#[component]
pub fn NumberField(
    /// The visible label (also the message's subject).
    label: Words,
    /// What it takes.
    range: Range,
    /// The value, as text.
    #[prop(into)]
    value: Signal<String>,
    /// Called with each value taken.
    on_change: Callback<f64>,
    /// Called with whether what was typed is taken, at each keystroke.
    #[prop(optional)]
    on_valid: Option<Callback<bool>>,
    /// The input's `id`.
    #[prop(optional)]
    id: Option<&'static str>,
    /// The `data-testid`.
    #[prop(optional)]
    testid: Option<&'static str>,
    /// Greyed out (a generator that does not use it).
    #[prop(optional, into)]
    disabled: Signal<bool>,
) -> impl IntoView {
    let t = use_text();
    let (refused, set_refused) = signal(false);
    let on_input = move |ev| {
        let parsed = event_target_value(&ev).trim().parse::<f64>().ok().filter(|v| range.takes(*v));
        set_refused.set(parsed.is_none());
        if let Some(on_valid) = on_valid {
            on_valid.run(parsed.is_some());
        }
        if let Some(v) = parsed {
            on_change.run(v);
        }
    };
    let message = move || range.refused(label(t.get()), t.get());
    view! {
        <label class="field">
            <span>{move || label(t.get())}</span>
            <input
                id=id
                type="number"
                inputmode=if range.whole { "numeric" } else { "decimal" }
                step=if range.whole { "1" } else { "any" }
                min=range.min()
                max=range.max
                data-testid=testid
                disabled=disabled
                prop:value=move || value.get()
                aria-invalid=move || refused.get().then_some("true")
                on:input=on_input
            />
            <Show when=move || refused.get()>
                <small class="field-error" role="alert">{message}</small>
            </Show>
        </label>
    }
}

/// A choice among `options` (value, title): the values stay as links spell them, the titles
/// are what the user reads.
#[component]
pub fn Choose(
    /// The visible label.
    label: Words,
    /// The `data-testid`.
    testid: &'static str,
    /// Values and titles (titles in the language in force, where they are words).
    #[prop(into)]
    options: Signal<Vec<(String, String)>>,
    /// The chosen value.
    #[prop(into)]
    selected: Signal<String>,
    /// Called with the value chosen.
    on_change: Callback<String>,
    /// Takes a whole row of its grid (for long names).
    #[prop(optional)]
    wide: bool,
) -> impl IntoView {
    let t = use_text();
    view! {
        <label class="field" class:wide=wide>
            <span>{move || label(t.get())}</span>
            <select data-testid=testid on:change=move |ev| on_change.run(event_target_value(&ev)) prop:value=move || selected.get()>
                {move || {
                    options
                        .get()
                        .into_iter()
                        .map(|(value, title)| {
                            let v = value.clone();
                            view! { <option value=value selected=move || selected.with(|s| *s == v)>{title}</option> }
                        })
                        .collect_view()
                }}
            </select>
        </label>
    }
}

/// The same text as value and title: Keras' names (`relu`, `val_loss`), column names.
pub fn named<S: ToString>(names: impl IntoIterator<Item = S>) -> Vec<(String, String)> {
    names.into_iter().map(|n| (n.to_string(), n.to_string())).collect()
}

/// A check box, labelled with a Keras argument's name (`amsgrad`, `EarlyStopping`): the same in
/// both languages.
#[component]
pub fn Toggle(
    /// The visible label.
    label: &'static str,
    /// The `data-testid`.
    testid: &'static str,
    /// Whether it is checked.
    #[prop(into)]
    checked: Signal<bool>,
    /// Called with the new state.
    on_change: Callback<bool>,
) -> impl IntoView {
    view! {
        <label class="check">
            <input type="checkbox" data-testid=testid prop:checked=move || checked.get()
                on:change=move |ev| on_change.run(event_target_checked(&ev)) />
            <span>{label}</span>
        </label>
    }
}

/// `text` with its `backticked` parts as `<code>` (code quoted in a sentence of the catalogue).
pub fn with_code(text: &str) -> impl IntoView {
    text.split('`')
        .enumerate()
        .map(|(i, part)| {
            let part = part.to_string();
            if i % 2 == 1 {
                view! { <code>{part}</code> }.into_any()
            } else {
                part.into_any()
            }
        })
        .collect_view()
}
