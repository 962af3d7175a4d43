//! `model.compile`'s arguments: the loss, the optimizer with its hyper-parameters (Keras'
//! defaults shown), the learning-rate schedule, and the metric.

use leptos::prelude::*;

use super::fields::{named, Choose, NumberField, Range, Toggle, Words};
use crate::app::lang::{use_lang, use_text};
use crate::i18n::Bilingual;
use crate::nn::{Adam, Loss, Optimizer, Rmsprop, Schedule, Sgd};
use crate::setup::values::{schedule_name, schedules};
use crate::setup::ModelSetup;

/// Loss, optimizer, schedule and metric of `model`.
#[component]
pub fn CompileFields(model: RwSignal<ModelSetup>) -> impl IntoView {
    let t = use_text();
    let optimizer = move || model.with(|m| m.optimizer);
    let set_optimizer = move |f: Box<dyn Fn(&mut Optimizer)>| model.update(|m| f(&mut m.optimizer));
    // A number field bound to one `f32` hyper-parameter of the optimizer.
    let param = move |label: Words,
                      testid: &'static str,
                      range: Range,
                      get: fn(&Optimizer) -> f32,
                      put: fn(&mut Optimizer, f32)| {
        view! {
            <NumberField label=label testid=testid range=range
                value=Signal::derive(move || get(&optimizer()).to_string())
                on_change=Callback::new(move |v: f64| set_optimizer(Box::new(move |o| put(o, v as f32)))) />
        }
    };
    let flag =
        move |label: &'static str, testid: &'static str, get: fn(&Optimizer) -> bool, put: fn(&mut Optimizer, bool)| {
            view! {
                <Toggle label=label testid=testid checked=Signal::derive(move || get(&optimizer()))
                    on_change=Callback::new(move |v: bool| set_optimizer(Box::new(move |o| put(o, v)))) />
            }
        };
    // Re-rendered only when the optimizer's kind changes (not at each keystroke in its fields).
    let kind = Memo::new(move |_| optimizer().keras_name());
    let hyper = move || {
        match kind.get() {
        "adam" => view! {
            {param(|_| "β₁ (beta_1)", "beta_1", Range::between(0.0, 0.999999), |o| if let Optimizer::Adam(a) = o { a.beta_1 } else { 0.0 },
                |o, v| if let Optimizer::Adam(a) = o { a.beta_1 = v })}
            {param(|_| "β₂ (beta_2)", "beta_2", Range::between(0.0, 0.999999), |o| if let Optimizer::Adam(a) = o { a.beta_2 } else { 0.0 },
                |o, v| if let Optimizer::Adam(a) = o { a.beta_2 = v })}
            {param(|_| "ε (epsilon)", "epsilon", Range::between(0.0, 1.0), |o| if let Optimizer::Adam(a) = o { a.epsilon } else { 0.0 },
                |o, v| if let Optimizer::Adam(a) = o { a.epsilon = v })}
            {flag("amsgrad", "amsgrad", |o| matches!(o, Optimizer::Adam(a) if a.amsgrad),
                |o, v| if let Optimizer::Adam(a) = o { a.amsgrad = v })}
        }
        .into_any(),
        "sgd" => view! {
            {param(|t| t.model.momentum, "momentum", Range::between(0.0, 0.999999), |o| if let Optimizer::Sgd(s) = o { s.momentum } else { 0.0 },
                |o, v| if let Optimizer::Sgd(s) = o { s.momentum = v })}
            {flag("nesterov", "nesterov", |o| matches!(o, Optimizer::Sgd(s) if s.nesterov),
                |o, v| if let Optimizer::Sgd(s) = o { s.nesterov = v })}
        }
        .into_any(),
        _ => view! {
            {param(|_| "ρ (rho)", "rho", Range::between(0.0, 0.999999), |o| if let Optimizer::Rmsprop(r) = o { r.rho } else { 0.0 },
                |o, v| if let Optimizer::Rmsprop(r) = o { r.rho = v })}
            {param(|t| t.model.momentum, "momentum", Range::between(0.0, 0.999999), |o| if let Optimizer::Rmsprop(r) = o { r.momentum } else { 0.0 },
                |o, v| if let Optimizer::Rmsprop(r) = o { r.momentum = v })}
            {param(|_| "ε (epsilon)", "epsilon", Range::between(0.0, 1.0), |o| if let Optimizer::Rmsprop(r) = o { r.epsilon } else { 0.0 },
                |o, v| if let Optimizer::Rmsprop(r) = o { r.epsilon = v })}
        }
        .into_any(),
    }
    };

    let schedule = move || model.with(|m| m.schedule.clone());
    let set_schedule = move |f: Box<dyn Fn(&mut Schedule)>| model.update(|m| f(&mut m.schedule));
    let schedule_kind = Memo::new(move |_| schedule_name(&schedule()));
    let steps_field = move || {
        view! {
            <NumberField label=|_| "decay_steps" testid="decay-steps" range=Range::whole(1.0, 1e12)
                value=Signal::derive(move || match schedule() {
                    Schedule::ExponentialDecay { decay_steps, .. } | Schedule::CosineDecay { decay_steps, .. } => decay_steps.to_string(),
                    _ => String::new(),
                })
                on_change=Callback::new(move |v: f64| set_schedule(Box::new(move |s| match s {
                    Schedule::ExponentialDecay { decay_steps, .. } | Schedule::CosineDecay { decay_steps, .. } => *decay_steps = v as u64,
                    _ => {}
                }))) />
        }
    };
    let (list_error, set_list_error) = signal(None::<Bilingual>);
    let lang = use_lang();
    let schedule_fields = move || {
        match schedule_kind.get() {
        "exponential_decay" => view! {
            {steps_field()}
            <NumberField label=|_| "decay_rate" testid="decay-rate" range=Range::positive(10.0)
                value=Signal::derive(move || match schedule() { Schedule::ExponentialDecay { decay_rate, .. } => decay_rate.to_string(), _ => String::new() })
                on_change=Callback::new(move |v: f64| set_schedule(Box::new(move |s| if let Schedule::ExponentialDecay { decay_rate, .. } = s { *decay_rate = v as f32 }))) />
            <Toggle label="staircase" testid="staircase"
                checked=Signal::derive(move || matches!(schedule(), Schedule::ExponentialDecay { staircase: true, .. }))
                on_change=Callback::new(move |v: bool| set_schedule(Box::new(move |s| if let Schedule::ExponentialDecay { staircase, .. } = s { *staircase = v }))) />
        }
        .into_any(),
        "cosine_decay" => view! {
            {steps_field()}
            <NumberField label=|t| t.model.alpha testid="alpha" range=Range::between(0.0, 1.0)
                value=Signal::derive(move || match schedule() { Schedule::CosineDecay { alpha, .. } => alpha.to_string(), _ => String::new() })
                on_change=Callback::new(move |v: f64| set_schedule(Box::new(move |s| if let Schedule::CosineDecay { alpha, .. } = s { *alpha = v as f32 }))) />
        }
        .into_any(),
        "piecewise_constant_decay" => {
            let text = move |boundaries: bool| match schedule() {
                Schedule::PiecewiseConstantDecay { boundaries: b, .. } if boundaries => {
                    b.iter().map(u64::to_string).collect::<Vec<_>>().join(", ")
                }
                Schedule::PiecewiseConstantDecay { values: v, .. } => v.iter().map(f32::to_string).collect::<Vec<_>>().join(", "),
                _ => String::new(),
            };
            // Both lists are read together: the schedule needs one value more than boundaries.
            let read = move |which: bool, typed: String| {
                let (b, v) = if which { (typed, text(false)) } else { (text(true), typed) };
                let parse_b: Result<Vec<u64>, _> = b.split(',').map(str::trim).filter(|t| !t.is_empty()).map(str::parse).collect();
                let parse_v: Result<Vec<f32>, _> = v.split(',').map(str::trim).filter(|t| !t.is_empty()).map(str::parse).collect();
                match (parse_b, parse_v) {
                    (Ok(boundaries), Ok(values)) => {
                        let candidate = Schedule::PiecewiseConstantDecay { boundaries, values };
                        match candidate.problem() {
                            Some(why) => set_list_error.set(Some(why.after(&Bilingual::new("piecewise_constant_decay ", "piecewise_constant_decay 调度：")))),
                            None => {
                                set_list_error.set(None);
                                model.update(|m| m.schedule = candidate);
                            }
                        }
                    }
                    _ => set_list_error.set(Some(Bilingual::text(|t| t.model.lists_unreadable))),
                }
            };
            view! {
                <label class="field"><span>{move || t.get().model.boundaries}</span>
                    <input type="text" data-testid="boundaries" prop:value=move || text(true)
                        on:change=move |ev| read(true, event_target_value(&ev)) /></label>
                <label class="field"><span>{move || t.get().model.values}</span>
                    <input type="text" data-testid="values" prop:value=move || text(false)
                        on:change=move |ev| read(false, event_target_value(&ev)) /></label>
                <Show when=move || list_error.with(Option::is_some)>
                    <small class="field-error" role="alert">{move || list_error.with(|e| e.as_ref().map(|e| e.get(lang.get()).to_string()))}</small>
                </Show>
            }
            .into_any()
        }
        _ => ().into_any(),
    }
    };

    view! {
        <div class="fields compile">
            <Choose label=|t| t.model.loss testid="loss" wide=true options=named(Loss::ALL.iter().map(|l| l.keras_name()))
                selected=Signal::derive(move || model.with(|m| m.loss.keras_name().to_string()))
                on_change=Callback::new(move |v: String| if let Some(l) = Loss::from_keras_name(&v) { model.update(|m| m.loss = l) }) />
            <Choose label=|t| t.model.optimizer testid="optimizer"
                options=vec![("adam".into(), "Adam".into()), ("sgd".into(), "SGD".into()), ("rmsprop".into(), "RMSprop".into())]
                selected=Signal::derive(move || kind.get().to_string())
                on_change=Callback::new(move |v: String| {
                    let fresh = match v.as_str() {
                        "sgd" => Optimizer::Sgd(Sgd::default()),
                        "rmsprop" => Optimizer::Rmsprop(Rmsprop::default()),
                        _ => Optimizer::Adam(Adam::default()),
                    };
                    model.update(|m| m.optimizer = fresh);
                }) />
            {param(|t| t.model.learning_rate, "lr", Range::positive(10.0), |o| o.learning_rate(), |o, v| match o {
                Optimizer::Adam(a) => a.learning_rate = v,
                Optimizer::Sgd(s) => s.learning_rate = v,
                Optimizer::Rmsprop(r) => r.learning_rate = v,
            })}
            {hyper}
            <Choose label=|t| t.model.schedule testid="schedule" wide=true
                options=Signal::derive(move || {
                    let constant = t.get().model.schedule_constant;
                    schedules().iter().map(schedule_name)
                        .map(|name| (name.to_string(), if name == "constant" { constant } else { name }.to_string()))
                        .collect::<Vec<_>>()
                })
                selected=Signal::derive(move || schedule_kind.get().to_string())
                on_change=Callback::new(move |v: String| {
                    if let Some(s) = schedules().into_iter().find(|s| schedule_name(s) == v) {
                        model.update(|m| m.schedule = s);
                    }
                }) />
            {schedule_fields}
            <p class="field metric-line"><span>{move || t.get().model.metrics}</span><code data-testid="metrics">
                {move || if model.with(|m| m.loss == Loss::MeanSquaredError) { t.get().model.metrics_none } else { "['accuracy']" }}
            </code></p>
        </div>
    }
}
