//! `train_test_split` and `fit`'s arguments: epochs, batch size, the seed, the test share, what
//! validates each epoch, and Keras' `EarlyStopping`. Each number field takes its range from the
//! set-up's table ([`crate::setup::params`]), the same the address reads.

use leptos::prelude::*;

use super::fields::{named, Choose, NumberField, ParamField, Toggle};
use crate::app::lang::use_text;
use crate::app::setup_store::SetupStore;
use crate::nn::EarlyStopping;
use crate::protocol::ValidationSource;
use crate::setup::params::{monitor_name, param, MONITORS, VALIDATION_SPLIT};

/// The fit's fields.
#[component]
pub fn FitFields(store: SetupStore) -> impl IntoView {
    let t = use_text();
    let fit = store.fit;
    let validation_kind = Memo::new(move |_| match fit.with(|f| f.validation) {
        ValidationSource::TestSplit => "test",
        ValidationSource::Split(_) => "split",
        ValidationSource::None => "none",
    });
    let early = Memo::new(move |_| fit.with(|f| f.early_stopping.is_some()));
    let es = move || fit.with(|f| f.early_stopping.unwrap_or_default());
    let set_flag = move |key: &'static str, on: bool| {
        let _ = param(key).map(|p| store.set_param(p, if on { "1" } else { "0" }));
    };
    view! {
        <div class="fields fit">
            <ParamField store=store key="epochs" label=|t| t.model.epochs testid="epochs" />
            <ParamField store=store key="batch" label=|t| t.model.batch_size testid="batch-size" />
            <ParamField store=store key="seed" label=|t| t.model.seed testid="seed" />
            <ParamField store=store key="test_size" label=|t| t.model.test_share testid="test-size" />
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
                <NumberField label=|_| "validation_split" testid=Some("validation-split") kind=VALIDATION_SPLIT
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
                    on_change=Callback::new(move |v: String| {
                        let _ = param("early_stopping").map(|p| store.set_param(p, &v));
                    }) />
                <ParamField store=store key="patience" label=|_| "patience" testid="es-patience" />
                <ParamField store=store key="min_delta" label=|_| "min_delta" testid="es-min-delta" />
                <Toggle label="restore_best_weights" testid="es-restore"
                    checked=Signal::derive(move || es().restore_best_weights)
                    on_change=Callback::new(move |v: bool| set_flag("restore_best_weights", v)) />
            </Show>
        </div>
    }
}
