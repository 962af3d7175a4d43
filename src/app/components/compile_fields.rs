//! `model.compile`'s arguments: the loss, the optimizer with its hyper-parameters (Keras'
//! defaults shown), the learning rate or its schedule, and the metric. Every number field takes
//! its range from the set-up's table ([`crate::setup::params`]), the same the address reads;
//! which fields show follows the table's own rule of which keys apply.

use leptos::prelude::*;

use super::fields::{named, Choose, ParamField, Toggle, Words};
use crate::app::lang::use_text;
use crate::app::setup_store::SetupStore;
use crate::i18n::Words as _;
use crate::nn::{LearningRate, Loss, Optimizer};
use crate::setup::params::{param, schedules_at, Param};
use crate::setup::ValueProblem;

/// Whether the table says `key` applies to the set-up now.
fn applies(store: SetupStore, key: &'static str) -> Signal<bool> {
    let p: &'static Param = param(key).expect("a key of the set-up's table");
    Signal::derive(move || store.setup.with(|s| (p.applies)(s).is_none()))
}

/// A hyper-parameter's field, shown while it applies (`beta_1` with Adam only).
fn number(store: SetupStore, key: &'static str, label: Words, testid: &'static str) -> impl IntoView {
    let on = applies(store, key);
    view! {
        <Show when=move || on.get()>
            <ParamField store=store key=key label=label testid=testid />
        </Show>
    }
}

/// A flag of the table (`amsgrad`, `nesterov`, `staircase`), shown while it applies.
fn flag(store: SetupStore, key: &'static str, testid: &'static str) -> impl IntoView {
    let p = param(key).expect("a key of the set-up's table");
    let checked = Signal::derive(move || store.setup.with(|s| p.text(s) == "1"));
    let on = applies(store, key);
    view! {
        <Show when=move || on.get()>
            <Toggle label=key testid=testid checked=checked
                on_change=Callback::new(move |on: bool| {
                    let _ = store.set_param(p, if on { "1" } else { "0" });
                }) />
        </Show>
    }
}

/// Loss, optimizer, learning rate, schedule and metric of the set-up.
#[component]
pub fn CompileFields(store: SetupStore) -> impl IntoView {
    let t = use_text();
    let model = store.model;
    let kind = Memo::new(move |_| model.with(|m| m.optimizer.keras_name()));
    let schedule_kind = Memo::new(move |_| model.with(|m| m.optimizer.learning_rate().name()));
    let choose = move |key: &'static str, v: String| {
        let _ = param(key).map(|p| store.set_param(p, &v));
    };
    // The piecewise schedule's two lists are read together: one value more than boundaries.
    let (list_error, set_list_error) = signal(None::<ValueProblem>);
    let list_text = move |key: &'static str| {
        let p = param(key).expect("a key of the set-up's table");
        Signal::derive(move || store.setup.with(|s| p.text(s).replace(',', ", ")))
    };
    let read_list = move |key: &'static str, typed: String| {
        let Some(p) = param(key) else { return };
        let mut setup = store.setup.get_untracked();
        let problem = p
            .read(&mut setup, &typed.replace(' ', ""))
            .err()
            .or_else(|| setup.model.optimizer.learning_rate().problem().map(ValueProblem::Schedule));
        match problem {
            Some(problem) => set_list_error.set(Some(problem)),
            None => {
                set_list_error.set(None);
                store.replace(setup);
            }
        }
    };
    let schedule_fields = move || match schedule_kind.get() {
        "piecewise_constant_decay" => view! {
            <label class="field"><span>{move || t.get().model.boundaries}</span>
                <input type="text" data-testid="boundaries" prop:value=list_text("boundaries")
                    on:change=move |ev| read_list("boundaries", event_target_value(&ev)) /></label>
            <label class="field"><span>{move || t.get().model.values}</span>
                <input type="text" data-testid="values" prop:value=list_text("values")
                    on:change=move |ev| read_list("values", event_target_value(&ev)) /></label>
            <Show when=move || list_error.with(Option::is_some)>
                <small class="field-error" role="alert">
                    {move || list_error.with(|e| e.as_ref().map(|e| e.words(t.get())))}
                </small>
            </Show>
        }
        .into_any(),
        _ => ().into_any(),
    };

    view! {
        <div class="fields compile">
            <Choose label=|t| t.model.loss testid="loss" wide=true options=named(Loss::ALL.iter().map(|l| l.keras_name()))
                selected=Signal::derive(move || model.with(|m| m.loss.keras_name().to_string()))
                on_change=Callback::new(move |v: String| choose("loss", v)) />
            <Choose label=|t| t.model.optimizer testid="optimizer"
                options={Optimizer::all().iter().map(|o| (o.keras_name().to_string(), o.keras_class().to_string())).collect::<Vec<_>>()}
                selected=Signal::derive(move || kind.get().to_string())
                on_change=Callback::new(move |v: String| {
                    // A new optimizer starts at its Keras defaults, keeping the schedule's kind.
                    if let Some(mut fresh) = Optimizer::from_keras_name(&v) {
                        let schedule = model.with_untracked(|m| m.optimizer.learning_rate().name());
                        let lr = fresh.learning_rate().initial();
                        if let Some(s) = schedules_at(lr).into_iter().find(|s| s.name() == schedule) {
                            *fresh.learning_rate_mut() = s;
                        }
                        store.update(|s| s.model.optimizer = fresh);
                    }
                }) />
            {number(store, "lr", |t| t.model.learning_rate, "lr")}
            {number(store, "beta_1", |_| "β₁ (beta_1)", "beta_1")}
            {number(store, "beta_2", |_| "β₂ (beta_2)", "beta_2")}
            {number(store, "rho", |_| "ρ (rho)", "rho")}
            {number(store, "momentum", |t| t.model.momentum, "momentum")}
            {number(store, "epsilon", |_| "ε (epsilon)", "epsilon")}
            {flag(store, "amsgrad", "amsgrad")}
            {flag(store, "nesterov", "nesterov")}
            <Choose label=|t| t.model.schedule testid="schedule" wide=true
                options=Signal::derive(move || {
                    let constant = t.get().model.schedule_constant;
                    schedules_at(0.001).iter().map(LearningRate::name)
                        .map(|name| (name.to_string(), if name == "constant" { constant } else { name }.to_string()))
                        .collect::<Vec<_>>()
                })
                selected=Signal::derive(move || schedule_kind.get().to_string())
                on_change=Callback::new(move |v: String| choose("schedule", v)) />
            {number(store, "decay_steps", |_| "decay_steps", "decay-steps")}
            {number(store, "decay_rate", |_| "decay_rate", "decay-rate")}
            {flag(store, "staircase", "staircase")}
            {number(store, "alpha", |t| t.model.alpha, "alpha")}
            {schedule_fields}
            <p class="field metric-line"><span>{move || t.get().model.metrics}</span><code data-testid="metrics">
                {move || if model.with(|m| m.loss == Loss::MeanSquaredError) { t.get().model.metrics_none } else { "['accuracy']" }}
            </code></p>
        </div>
    }
}
