//! The Dense layers, editable: units, activation and kernel initializer of each; add, remove,
//! move up and down. Rows keep their element across moves (keyed by an id of their own).

use leptos::prelude::*;

use super::fields::{named, Choose, Range, Words};
use crate::app::lang::use_text;
use crate::i18n::fill;
use crate::nn::{Activation, DenseConfig};
use crate::setup::check::layer_name;
use crate::setup::{initializer_from_name, ModelSetup, INITIALIZERS};

/// The layer list of `model`.
#[component]
pub fn LayerEditor(model: RwSignal<ModelSetup>) -> impl IntoView {
    let t = use_text();
    let units_range = Range::whole(1.0, 4096.0);
    // One id per layer, in the layers' order; new layers get fresh ids.
    let next = StoredValue::new(model.with_untracked(|m| m.layers.len()));
    let ids = RwSignal::new((0..next.get_value()).collect::<Vec<usize>>());
    // The ids follow the layers' count if something else (the task) changed it.
    Effect::new(move |_| {
        let n = model.with(|m| m.layers.len());
        if ids.with_untracked(Vec::len) != n {
            ids.set(
                (0..n)
                    .map(|_| {
                        next.update_value(|k| *k += 1);
                        next.get_value()
                    })
                    .collect(),
            );
        }
    });
    let index_of = move |id: usize| ids.with(|v| v.iter().position(|&x| x == id));
    let add = move |_| {
        // A hidden layer goes before the output layer, as Keras users insert them.
        let at = model.with_untracked(|m| m.layers.len().saturating_sub(1));
        next.update_value(|k| *k += 1);
        let id = next.get_value();
        ids.update(|v| v.insert(at.min(v.len()), id));
        model.update(|m| {
            m.layers.insert(at, DenseConfig { units: 16, activation: Activation::Relu, ..Default::default() })
        });
    };
    let swap = move |id: usize, down: bool| {
        let Some(i) = index_of(id) else { return };
        let j = if down { i + 1 } else { i.wrapping_sub(1) };
        if j < ids.with_untracked(Vec::len) {
            ids.update(|v| v.swap(i, j));
            model.update(|m| m.layers.swap(i, j));
        }
    };
    let remove = move |id: usize| {
        if let Some(i) = index_of(id) {
            ids.update(|v| {
                v.remove(i);
            });
            model.update(|m| {
                m.layers.remove(i);
            });
        }
    };
    view! {
        <ol class="layers" data-testid="layers" aria-label=move || t.get().model.layers>
            <For each=move || ids.get() key=|id| *id let:id>
                {
                    let index = move || index_of(id).unwrap_or(0);
                    let layer = move || model.with(|m| m.layers.get(index()).cloned().unwrap_or_default());
                    let name = move || layer_name(index());
                    let count = move || model.with(|m| m.layers.len());
                    let activations = named(Activation::ALL.iter().map(|a| a.keras_name()));
                    let initializers = named(INITIALIZERS.iter().map(|i| i.keras_name()));
                    // "Move dense_1 up": a button's words with the layer's name.
                    let about = move |pick: Words| {
                        move || fill(pick(t.get()), &[("layer", &name())])
                    };
                    let set = move |f: Box<dyn Fn(&mut DenseConfig)>| {
                        let i = index();
                        model.update(|m| {
                            if let Some(l) = m.layers.get_mut(i) {
                                f(l)
                            }
                        })
                    };
                    let (units_error, set_units_error) = signal(false);
                    view! {
                        <li class="layer" data-testid="layer">
                            <span class="layer-name">{name}</span>
                            <label class="field units">
                                <span>{move || t.get().model.units}</span>
                                <input type="number" min="1" max="4096" step="1" inputmode="numeric"
                                    data-testid="layer-units"
                                    aria-label=about(|t| t.model.units_of)
                                    aria-invalid=move || units_error.get().then_some("true")
                                    prop:value=move || layer().units.to_string()
                                    on:input=move |ev| {
                                        match event_target_value(&ev).trim().parse::<f64>().ok().filter(|u| units_range.takes(*u)) {
                                            Some(u) => {
                                                set_units_error.set(false);
                                                set(Box::new(move |l| l.units = u as usize));
                                            }
                                            None => set_units_error.set(true),
                                        }
                                    } />
                            </label>
                            <Choose label=|t| t.model.activation testid="layer-activation" options=activations
                                selected=Signal::derive(move || layer().activation.keras_name().to_string())
                                on_change=Callback::new(move |v: String| if let Some(a) = Activation::from_keras_name(&v) {
                                    set(Box::new(move |l| l.activation = a))
                                }) />
                            <Choose label=|t| t.model.initializer testid="layer-initializer" options=initializers
                                selected=Signal::derive(move || layer().kernel_initializer.keras_name().to_string())
                                on_change=Callback::new(move |v: String| if let Some(i) = initializer_from_name(&v) {
                                    set(Box::new(move |l| l.kernel_initializer = i))
                                }) />
                            <span class="layer-buttons">
                                <button class="icon" data-testid="layer-up" title=move || t.get().model.move_up
                                    aria-label=about(|t| t.model.move_layer_up)
                                    disabled=move || index() == 0 on:click=move |_| swap(id, false)>"↑"</button>
                                <button class="icon" data-testid="layer-down" title=move || t.get().model.move_down
                                    aria-label=about(|t| t.model.move_layer_down)
                                    disabled=move || { index() + 1 >= count() } on:click=move |_| swap(id, true)>"↓"</button>
                                <button class="icon" data-testid="layer-remove" title=move || t.get().model.remove
                                    aria-label=about(|t| t.model.remove_layer)
                                    disabled=move || { count() <= 1 } on:click=move |_| remove(id)>"✕"</button>
                            </span>
                            <Show when=move || units_error.get()>
                                <small class="field-error" role="alert">
                                    {move || units_range.refused(t.get().model.units, t.get())}
                                </small>
                            </Show>
                        </li>
                    }
                }
            </For>
        </ol>
        <button class="secondary" data-testid="add-layer" on:click=add>{move || t.get().model.add_layer}</button>
    }
}
