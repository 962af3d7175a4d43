//! Small inputs of the panels: a number that reports only values it accepts, a choice, a check
//! box. Each shows its value reactively, so a set-up restored from the address shows, and says
//! its label and its message in the language in force.

use leptos::prelude::*;

use crate::app::lang::use_text;
use crate::app::setup_store::SetupStore;
use crate::i18n::{fill, Text};
use crate::setup::params::{param, Kind, Value};

/// Words picked from the catalogue (a label, a reason), `|t| t.data.rows`, or a Keras name
/// that reads the same in both languages, `|_| "patience"`.
pub type Words = fn(&'static Text) -> &'static str;

/// What a field that takes numbers of `kind` says it takes, in the words of `t`:
/// `a whole number from 10 to 200000`.
pub fn range_words(kind: Kind, t: &Text) -> String {
    match kind {
        Kind::Whole { min, max } => t.model.between(min as f64, max as f64, true),
        Kind::Number { min, max, open_min, open_max } => t.model.range(min, max, false, open_min, open_max),
        _ => String::new(),
    }
}

/// What a field labelled `label` says when what was typed is refused:
/// `Rows: enter a whole number from 10 to 200000`.
pub fn refused(kind: Kind, label: &str, t: &Text) -> String {
    fill(t.model.field_error, &[("label", &label), ("range", &range_words(kind, t))])
}

/// `kind` with its ends multiplied by `factor` (a share shown as a percentage).
pub fn scaled(kind: Kind, factor: f64) -> Kind {
    match kind {
        Kind::Number { min, max, open_min, open_max } => {
            Kind::Number { min: min * factor, max: max * factor, open_min, open_max }
        }
        other => other,
    }
}

fn bounds(kind: Kind) -> (f64, f64, bool) {
    match kind {
        Kind::Whole { min, max } => (min as f64, max as f64, true),
        Kind::Number { min, max, .. } => (min, max, false),
        _ => (0.0, 0.0, false),
    }
}

/// A number field: `on_change` gets the value when it parses as `kind` (its range from the
/// set-up's table); otherwise the field says under itself what it takes, and keeps what was typed.
#[component]
pub fn NumberField(
    /// The visible label (also the message's subject).
    label: Words,
    /// What it takes.
    kind: Kind,
    /// The value, as text.
    #[prop(into)]
    value: Signal<String>,
    /// Called with each value taken.
    on_change: Callback<f64>,
    /// Called with whether what was typed is taken, at each keystroke.
    #[prop(optional_no_strip)]
    on_valid: Option<Callback<bool>>,
    /// The input's `id`.
    #[prop(optional_no_strip)]
    id: Option<&'static str>,
    /// The `data-testid`.
    #[prop(optional_no_strip)]
    testid: Option<&'static str>,
    /// Greyed out (a generator that does not use it).
    #[prop(optional, into)]
    disabled: Signal<bool>,
) -> impl IntoView {
    let t = use_text();
    let (is_refused, set_refused) = signal(false);
    let on_input = move |ev| {
        let parsed = match kind.parse(&event_target_value(&ev)) {
            Ok(Value::Whole(v)) => Some(v as f64),
            Ok(Value::Number(v)) => Some(v),
            _ => None,
        };
        set_refused.set(parsed.is_none());
        if let Some(on_valid) = on_valid {
            on_valid.run(parsed.is_some());
        }
        if let Some(v) = parsed {
            on_change.run(v);
        }
    };
    let message = move || refused(kind, label(t.get()), t.get());
    let (min, max, whole) = bounds(kind);
    view! {
        <label class="field">
            <span>{move || label(t.get())}</span>
            <input
                id=id
                type="number"
                inputmode=if whole { "numeric" } else { "decimal" }
                step=if whole { "1" } else { "any" }
                min=min
                max=max
                data-testid=testid
                disabled=disabled
                prop:value=move || value.get()
                aria-invalid=move || is_refused.get().then_some("true")
                on:input=on_input
            />
            <Show when=move || is_refused.get()>
                <small class="field-error" role="alert">{message}</small>
            </Show>
        </label>
    }
}

/// A number field for the set-up's parameter `key`: its range from the set-up's table, its
/// value from and into `store`; `percent` shows a share as a percentage.
#[component]
pub fn ParamField(
    /// The store the value lives in.
    store: SetupStore,
    /// The parameter's key in the address (and the set-up's table).
    key: &'static str,
    /// The visible label.
    label: Words,
    /// The `data-testid`.
    #[prop(optional)]
    testid: Option<&'static str>,
    /// The input's `id`.
    #[prop(optional)]
    id: Option<&'static str>,
    /// Shown and typed as a percentage.
    #[prop(optional)]
    percent: bool,
    /// Greyed out.
    #[prop(optional, into)]
    disabled: Signal<bool>,
    /// Called with whether what was typed is taken, at each keystroke.
    #[prop(optional)]
    on_valid: Option<Callback<bool>>,
    /// Called after a value was taken.
    #[prop(optional)]
    on_changed: Option<Callback<()>>,
) -> impl IntoView {
    let param = param(key).expect("a key of the set-up's table");
    let factor = if percent { 100.0 } else { 1.0 };
    let text = store.text(param);
    let value = Signal::derive(move || {
        let v = text.get();
        match (percent, v.parse::<f64>()) {
            (true, Ok(f)) => format!("{}", (f * factor * 1e9).round() / 1e9),
            _ => v,
        }
    });
    let on_change = Callback::new(move |v: f64| {
        if store.set_param(param, &(v / factor).to_string()).is_ok() {
            if let Some(changed) = on_changed {
                changed.run(())
            }
        }
    });
    let kind = scaled(param.kind, factor);
    view! {
        <NumberField label=label kind=kind value=value on_change=on_change on_valid=on_valid
            id=id testid=testid disabled=disabled />
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
