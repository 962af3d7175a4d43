//! The model's layers, editable: a Dense layer's units, activation, kernel initializer and L1/L2
//! factors, a Dropout layer's rate, a BatchNormalization layer as it is; add each kind, remove,
//! move up and down.
//!
//! Each row owns a signal of its own layer, so typing in one row re-renders that row only; the
//! rows are written back to the set-up in one pass (linear in the layers), and the set-up's
//! layers are capped ([`MAX_LAYERS`]).

use leptos::prelude::*;

use super::fields::{named, Choose, NumberField, Words};
use crate::app::lang::use_text;
use crate::app::setup_store::SetupStore;
use crate::i18n::fill;
use crate::nn::{layer_names, Activation, BatchNormConfig, DenseConfig, DropoutConfig, LayerConfig, Regularizer};
use crate::setup::layer_syntax::{initializer_from_name, INITIALIZERS, MAX_FACTOR, MAX_LAYERS, MAX_UNITS};
use crate::setup::params::Kind;

/// A row of the editor: an id of its own (kept across moves) and its layer.
#[derive(Debug, Clone, Copy)]
struct Row {
    id: usize,
    layer: RwSignal<LayerConfig>,
}

const UNITS: Kind = Kind::Whole { min: 1, max: MAX_UNITS as u64 };
const RATE: Kind = Kind::Number { min: 0.0, max: 1.0, open_min: false, open_max: true };
const FACTOR: Kind = Kind::Number { min: 0.0, max: MAX_FACTOR, open_min: false, open_max: false };

/// The layer list of the set-up.
#[component]
pub fn LayerEditor(store: SetupStore) -> impl IntoView {
    let t = use_text();
    let model = store.model;
    let next_id = StoredValue::new(0usize);
    let make_rows = move |layers: &[LayerConfig]| -> Vec<Row> {
        layers
            .iter()
            .map(|l| {
                next_id.update_value(|k| *k += 1);
                Row { id: next_id.get_value(), layer: RwSignal::new(l.clone()) }
            })
            .collect()
    };
    let rows = RwSignal::new(make_rows(&model.with_untracked(|m| m.layers.clone())));
    // The rows into the set-up, when a row changes (one pass over the rows).
    Effect::new(move |_| {
        let layers: Vec<LayerConfig> = rows.with(|r| r.iter().map(|row| row.layer.get()).collect());
        if model.with_untracked(|m| m.layers != layers) {
            model.update(|m| m.layers = layers);
        }
    });
    // The set-up into the rows, when something else changed the layers (the data's task).
    Effect::new(move |_| {
        let layers = model.with(|m| m.layers.clone());
        let current: Vec<LayerConfig> =
            rows.with_untracked(|r| r.iter().map(|row| row.layer.get_untracked()).collect());
        if current == layers {
            return;
        }
        if current.len() == layers.len() {
            rows.with_untracked(|r| {
                for (row, layer) in r.iter().zip(layers) {
                    if row.layer.with_untracked(|l| *l != layer) {
                        row.layer.set(layer);
                    }
                }
            });
        } else {
            rows.set(make_rows(&layers));
        }
    });
    // Each row's place and Keras name, recomputed only when layers are added, moved or removed.
    let places = Memo::new(move |_| rows.with(|r| r.iter().map(|row| row.id).collect::<Vec<_>>()));
    let names = Memo::new(move |_| {
        let kinds: Vec<LayerConfig> = rows.with(|r| {
            r.iter()
                .map(|row| match row.layer.with(LayerConfig::keras_class) {
                    "Dense" => LayerConfig::Dense(DenseConfig::default()),
                    "Dropout" => LayerConfig::Dropout(DropoutConfig::default()),
                    _ => LayerConfig::BatchNormalization(BatchNormConfig::default()),
                })
                .collect()
        });
        layer_names(&kinds)
    });
    let count = Memo::new(move |_| places.with(Vec::len));
    let add = move |layer: LayerConfig| {
        if count.get_untracked() >= MAX_LAYERS {
            return;
        }
        // A hidden layer goes before the output layer, as Keras users insert them.
        let at = count.get_untracked().saturating_sub(1);
        next_id.update_value(|k| *k += 1);
        let row = Row { id: next_id.get_value(), layer: RwSignal::new(layer) };
        rows.update(|r| r.insert(at, row));
    };
    let index_of = move |id: usize| places.with(|p| p.iter().position(|&x| x == id));
    let swap = move |id: usize, down: bool| {
        let Some(i) = index_of(id) else { return };
        let j = if down { i + 1 } else { i.wrapping_sub(1) };
        if j < count.get_untracked() {
            rows.update(|r| r.swap(i, j));
        }
    };
    let remove = move |id: usize| {
        if let Some(i) = index_of(id) {
            rows.update(|r| {
                r.remove(i);
            });
        }
    };
    let full = move || count.get() >= MAX_LAYERS;
    view! {
        <ol class="layers" data-testid="layers" aria-label=move || t.get().model.layers>
            <For each=move || rows.get() key=|row| row.id let:row>
                {
                    let index = Memo::new(move |_| index_of(row.id).unwrap_or(0));
                    let name = Memo::new(move |_| names.with(|n| n.get(index.get()).cloned().unwrap_or_default()));
                    view! {
                        <LayerRow row=row name=name index=index count=count
                            on_swap=Callback::new(move |down| swap(row.id, down))
                            on_remove=Callback::new(move |_| remove(row.id)) />
                    }
                }
            </For>
        </ol>
        <div class="actions add-layers">
            <button class="secondary" data-testid="add-layer" disabled=full
                on:click=move |_| add(LayerConfig::Dense(DenseConfig { units: 16, activation: Activation::Relu, ..Default::default() }))>
                {move || t.get().model.add_layer}
            </button>
            <button class="secondary" data-testid="add-dropout" disabled=full
                on:click=move |_| add(LayerConfig::Dropout(DropoutConfig { rate: 0.2 }))>
                {move || t.get().model.add_dropout}
            </button>
            <button class="secondary" data-testid="add-batch-norm" disabled=full
                on:click=move |_| add(LayerConfig::BatchNormalization(BatchNormConfig::default()))>
                {move || t.get().model.add_batch_norm}
            </button>
        </div>
        <Show when=full>
            <p class="hint" data-testid="layers-full">{move || fill(t.get().model.layers_full, &[("max", &MAX_LAYERS)])}</p>
        </Show>
    }
}

/// One layer's row: its name, its fields by kind, and its buttons.
#[component]
fn LayerRow(
    row: Row,
    name: Memo<String>,
    index: Memo<usize>,
    count: Memo<usize>,
    on_swap: Callback<bool>,
    on_remove: Callback<()>,
) -> impl IntoView {
    let t = use_text();
    let layer = row.layer;
    let kind = Memo::new(move |_| layer.with(LayerConfig::keras_class));
    // "Move dense_1 up": a button's words with the layer's name.
    let about = move |pick: Words| move || fill(pick(t.get()), &[("layer", &name.get())]);
    let dense = move || layer.with(|l| l.as_dense().cloned().unwrap_or_default());
    let set_dense = move |f: Box<dyn Fn(&mut DenseConfig)>| {
        layer.update(|l| {
            if let Some(d) = l.as_dense_mut() {
                f(d)
            }
        })
    };
    let factors = move || dense().kernel_regularizer.map_or((0.0, 0.0), Regularizer::factors);
    let set_factor = move |l1: bool, v: f64| {
        set_dense(Box::new(move |d| {
            let (a, b) = d.kernel_regularizer.map_or((0.0, 0.0), Regularizer::factors);
            d.kernel_regularizer = if l1 { Regularizer::from_factors(v, b) } else { Regularizer::from_factors(a, v) };
        }))
    };
    let fields = move || match kind.get() {
        "Dense" => view! {
            <NumberField label=|t| t.model.units testid=Some("layer-units") kind=UNITS
                value=Signal::derive(move || dense().units.to_string())
                on_change=Callback::new(move |u: f64| set_dense(Box::new(move |d| d.units = u as usize))) />
            <Choose label=|t| t.model.activation testid="layer-activation"
                options=named(Activation::ALL.iter().map(|a| a.keras_name()))
                selected=Signal::derive(move || dense().activation.keras_name().to_string())
                on_change=Callback::new(move |v: String| if let Some(a) = Activation::from_keras_name(&v) {
                    set_dense(Box::new(move |d| d.activation = a))
                }) />
            <Choose label=|t| t.model.initializer testid="layer-initializer"
                options=named(INITIALIZERS.iter().map(|i| i.keras_name()))
                selected=Signal::derive(move || dense().kernel_initializer.keras_name().to_string())
                on_change=Callback::new(move |v: String| if let Some(i) = initializer_from_name(&v) {
                    set_dense(Box::new(move |d| d.kernel_initializer = i))
                }) />
            <NumberField label=|_| "L1" testid=Some("layer-l1") kind=FACTOR
                value=Signal::derive(move || factors().0.to_string())
                on_change=Callback::new(move |v: f64| set_factor(true, v)) />
            <NumberField label=|_| "L2" testid=Some("layer-l2") kind=FACTOR
                value=Signal::derive(move || factors().1.to_string())
                on_change=Callback::new(move |v: f64| set_factor(false, v)) />
        }
        .into_any(),
        "Dropout" => view! {
            <NumberField label=|t| t.model.dropout_rate testid=Some("layer-rate") kind=RATE
                value=Signal::derive(move || layer.with(|l| match l {
                    LayerConfig::Dropout(d) => d.rate.to_string(),
                    _ => String::new(),
                }))
                on_change=Callback::new(move |r: f64| layer.set(LayerConfig::Dropout(DropoutConfig { rate: r }))) />
        }
        .into_any(),
        _ => view! { <p class="hint layer-note">{move || t.get().model.batch_norm_note}</p> }.into_any(),
    };
    view! {
        <li class="layer" data-testid="layer" data-kind=move || kind.get()>
            <span class="layer-name">{move || name.get()}</span>
            {fields}
            <span class="layer-buttons">
                <button class="icon" data-testid="layer-up" title=move || t.get().model.move_up
                    aria-label=about(|t| t.model.move_layer_up)
                    disabled=move || index.get() == 0 on:click=move |_| on_swap.run(false)>"↑"</button>
                <button class="icon" data-testid="layer-down" title=move || t.get().model.move_down
                    aria-label=about(|t| t.model.move_layer_down)
                    disabled=move || { index.get() + 1 >= count.get() } on:click=move |_| on_swap.run(true)>"↓"</button>
                <button class="icon" data-testid="layer-remove" title=move || t.get().model.remove
                    aria-label=about(|t| t.model.remove_layer)
                    disabled=move || count.get() <= 1 on:click=move |_| on_remove.run(())>"✕"</button>
            </span>
        </li>
    }
}
