//! `train_test_split` and `fit`'s arguments: epochs, batch size, the test share, what validates
//! each epoch, and Keras' `EarlyStopping`.

use leptos::prelude::*;

use super::fields::{named, Choose, NumberField, Range, Toggle};
use crate::app::lang::use_text;
use crate::data::GeneratorSpec;
use crate::nn::EarlyStopping;
use crate::protocol::ValidationSource;
use crate::setup::values::{monitor_name, MONITORS};
use crate::setup::FitSetup;

/// The fit's fields.
#[component]
pub fn FitFields(fit: RwSignal<FitSetup>, spec: RwSignal<GeneratorSpec>) -> impl IntoView {
    let t = use_text();
    let validation_kind = Memo::new(move |_| match fit.with(|f| f.validation) {
        ValidationSource::TestSplit => "test",
        ValidationSource::Split(_) => "split",
        ValidationSource::None => "none",
    });
    let early = Memo::new(move |_| fit.with(|f| f.early_stopping.is_some()));
    let set_es = move |f: Box<dyn Fn(&mut EarlyStopping)>| {
        fit.update(|fit| {
            if let Some(es) = &mut fit.early_stopping {
                f(es)
            }
        })
    };
    let es = move || fit.with(|f| f.early_stopping.unwrap_or_default());
    view! {
        <div class="fields fit">
            <NumberField label=|t| t.model.epochs testid="epochs" range=Range::whole(1.0, 10_000.0)
                value=Signal::derive(move || fit.with(|f| f.epochs.to_string()))
                on_change=Callback::new(move |v: f64| fit.update(|f| f.epochs = v as usize)) />
            <NumberField label=|t| t.model.batch_size testid="batch-size" range=Range::whole(1.0, 100_000.0)
                value=Signal::derive(move || fit.with(|f| f.batch_size.to_string()))
                on_change=Callback::new(move |v: f64| fit.update(|f| f.batch_size = v as usize)) />
            <NumberField label=|t| t.model.seed testid="seed" range=Range::whole(0.0, u32::MAX as f64)
                value=Signal::derive(move || spec.with(|s| s.seed.to_string()))
                on_change=Callback::new(move |v: f64| spec.update(|s| s.seed = v as u64)) />
            <NumberField label=|t| t.model.test_share testid="test-size" range=Range::between(0.01, 0.99)
                value=Signal::derive(move || fit.with(|f| f.test_size.to_string()))
                on_change=Callback::new(move |v: f64| fit.update(|f| f.test_size = v)) />
            <Choose label=|t| t.model.validation testid="validation" wide=true
                options=Signal::derive(move || {
                    let t = &t.get().model;
                    [("test", t.validation_test), ("split", t.validation_split), ("none", t.validation_none)]
                        .map(|(value, title)| (value.to_string(), title.to_string()))
                        .to_vec()
                })
                selected=Signal::derive(move || validation_kind.get().to_string())
                on_change=Callback::new(move |v: String| fit.update(|f| f.validation = match v.as_str() {
                    "split" => ValidationSource::Split(0.1),
                    "none" => ValidationSource::None,
                    _ => ValidationSource::TestSplit,
                })) />
            <Show when=move || validation_kind.get() == "split">
                <NumberField label=|_| "validation_split" testid="validation-split" range=Range::between(0.01, 0.99)
                    value=Signal::derive(move || match fit.with(|f| f.validation) {
                        ValidationSource::Split(v) => v.to_string(),
                        _ => String::new(),
                    })
                    on_change=Callback::new(move |v: f64| fit.update(|f| f.validation = ValidationSource::Split(v))) />
            </Show>
        </div>
        <div class="fields early-stopping">
            <Toggle label="EarlyStopping" testid="early-stopping" checked=early
                on_change=Callback::new(move |on: bool| fit.update(|f| f.early_stopping = on.then(EarlyStopping::default))) />
            <Show when=move || early.get()>
                <Choose label=|_| "monitor" testid="es-monitor" options=named(MONITORS.map(monitor_name))
                    selected=Signal::derive(move || monitor_name(es().monitor).to_string())
                    on_change=Callback::new(move |v: String| if let Some(m) = MONITORS.into_iter().find(|m| monitor_name(*m) == v) {
                        set_es(Box::new(move |es| es.monitor = m))
                    }) />
                <NumberField label=|_| "patience" testid="es-patience" range=Range::whole(0.0, 10_000.0)
                    value=Signal::derive(move || es().patience.to_string())
                    on_change=Callback::new(move |v: f64| set_es(Box::new(move |es| es.patience = v as usize))) />
                <NumberField label=|_| "min_delta" testid="es-min-delta" range=Range::between(0.0, 1e6)
                    value=Signal::derive(move || es().min_delta.to_string())
                    on_change=Callback::new(move |v: f64| set_es(Box::new(move |es| es.min_delta = v))) />
                <Toggle label="restore_best_weights" testid="es-restore"
                    checked=Signal::derive(move || es().restore_best_weights)
                    on_change=Callback::new(move |v: bool| set_es(Box::new(move |es| es.restore_best_weights = v))) />
            </Show>
        </div>
    }
}
