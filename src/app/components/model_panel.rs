//! The model panel: the layers, `compile` and `fit` as editable fields, the live `summary()`,
//! whether the output fits the data, and the equivalent Keras program.

use leptos::prelude::*;

use super::compile_fields::CompileFields;
use super::fit_fields::FitFields;
use super::keras_panel::KerasCode;
use super::layer_editor::LayerEditor;
use crate::app::lang::use_text;
use crate::app::setup_store::SetupStore;
use crate::i18n::{fill, Words};
use crate::nn::{ModelSummary, Sequential};
use crate::setup::OutputMisfit;

/// The model's editor and what it makes.
#[component]
pub fn ModelPanel(
    store: SetupStore,
    /// Features of the data loaded, when there is data.
    features: Signal<Option<usize>>,
    /// Why the output does not fit the data, if it does not.
    misfit: Signal<Option<OutputMisfit>>,
    /// The Keras program of the whole set-up.
    code: Signal<String>,
) -> impl IntoView {
    let t = use_text();
    let model = store.model;
    let summary = move || {
        let d = features.get()?;
        let seed = store.generator.with(|s| s.seed);
        Some(model.with(|m| match Sequential::new(d, &m.layers, seed) {
            Ok(model) => view! { <SummaryTable summary=model.summary_table() /> }.into_any(),
            Err(e) => {
                view! { <pre class="code summary-text" data-testid="model-summary">{e.words(t.get())}</pre> }.into_any()
            }
        }))
    };
    view! {
        <section class="card" id="panel-model" aria-labelledby="model-title">
            <h2 id="model-title"><span class="step">"2"</span>{move || t.get().model.title}</h2>
            <p class="hint">{move || t.get().model.intro}</p>
            <h3 class="sub">"Sequential"</h3>
            <LayerEditor store=store />
            <h3 class="sub">"compile"</h3>
            <CompileFields store=store />
            <h3 class="sub">"fit"</h3>
            <FitFields store=store />
            <Show when=move || misfit.with(Option::is_some)>
                <p class="field-error misfit" role="alert" data-testid="model-misfit">
                    {move || misfit.with(|m| m.as_ref().map(|why| fill(t.get().model.misfit, &[("why", &why.words(t.get()))])))}
                </p>
            </Show>
            {summary}
            <KerasCode code=code />
        </section>
    }
}

/// `model.summary()` as a table: Keras' columns and totals, in cells that wrap, so a narrow
/// column shows every column (Param # included) rather than cutting the text off.
#[component]
fn SummaryTable(summary: ModelSummary) -> impl IntoView {
    let rows = summary
        .rows
        .iter()
        .map(|r| {
            view! {
                <tr>
                    <td>{r.name.clone()}" "<span class="layer-class">{format!("({})", r.class)}</span></td>
                    <td>{r.output_shape.clone()}</td>
                    <td class="number">{r.params}</td>
                </tr>
            }
        })
        .collect_view();
    let totals = summary.totals().map(|line| view! { <p>{line}</p> });
    view! {
        <div class="summary-box" data-testid="model-summary">
            <table class="summary-table">
                <caption>"Model: \"sequential\""</caption>
                <thead>
                    <tr><th scope="col">"Layer (type)"</th><th scope="col">"Output Shape"</th><th scope="col" class="number">"Param #"</th></tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            <div class="summary-totals">{totals.into_iter().collect_view()}</div>
        </div>
    }
}
