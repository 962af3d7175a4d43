//! The apply panel: a row of feature values in, the trained model's prediction out.

use leptos::prelude::*;

use crate::app::state::Phase;
use crate::protocol::DataSummary;

/// Reads `text` as `features` comma- (or space-) separated numbers, or says what is wrong.
pub fn parse_row(text: &str, features: usize) -> Result<Vec<f32>, String> {
    let cells: Vec<&str> =
        text.split(|c: char| c == ',' || c == ';' || c.is_whitespace()).filter(|c| !c.is_empty()).collect();
    if cells.len() != features {
        return Err(format!("expected {features} values, one per feature, got {}", cells.len()));
    }
    cells
        .iter()
        .enumerate()
        .map(|(i, cell)| match cell.parse::<f32>() {
            Ok(v) if v.is_finite() => Ok(v),
            _ => Err(format!("value {} (\"{cell}\") is not a number", i + 1)),
        })
        .collect()
}

/// A row in, `P(label = 1)` and the predicted class out.
#[component]
pub fn ApplyPanel(
    data: ReadSignal<Option<DataSummary>>,
    phase: ReadSignal<Phase>,
    prediction: ReadSignal<Option<Vec<f32>>>,
    on_predict: Callback<Vec<f32>>,
) -> impl IntoView {
    let text = RwSignal::new(String::new());
    let features = move || data.with(|d| d.as_ref().map_or(0, |d| d.features));
    let parsed = move || parse_row(&text.get(), features());
    let trained = move || phase.get() == Phase::Done;
    let fill = move |_| {
        if let Some(row) = data.with(|d| d.as_ref().and_then(|d| d.preview.first().cloned())) {
            let values: Vec<String> = row[..row.len() - 1].iter().map(|v| format!("{v:.3}")).collect();
            text.set(values.join(", "));
        }
    };
    view! {
        <section class="card" id="panel-apply" aria-labelledby="apply-title">
            <h2 id="apply-title"><span class="step">"5"</span>"Apply"</h2>
            <p class="hint">"Ask the trained model about a row of feature values."</p>
            <label class="field" for="apply-row">
                <span>{move || format!("{} feature values, separated by commas", features())}</span>
                <input
                    id="apply-row"
                    data-testid="apply-row"
                    type="text"
                    inputmode="decimal"
                    placeholder="0.5, 0.2, …"
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))
                />
            </label>
            <div class="actions">
                <button
                    class="primary"
                    data-testid="predict"
                    disabled=move || !trained() || parsed().is_err()
                    on:click=move |_| {
                        if let Ok(row) = parsed() {
                            on_predict.run(row)
                        }
                    }
                >
                    "Predict"
                </button>
                <button class="secondary" disabled=move || data.with(Option::is_none) on:click=fill>
                    "Use the first data row"
                </button>
            </div>
            <Show when=move || !text.with(String::is_empty) && parsed().is_err()>
                <p class="field-error" role="alert">{move || parsed().err()}</p>
            </Show>
            <Show when=move || !trained()>
                <p class="hint">"Train a model first."</p>
            </Show>
            {move || {
                prediction
                    .get()
                    .filter(|_| trained())
                    .map(|out| {
                        let p = out.first().copied().unwrap_or_default();
                        let class = if p > 0.5 { 1 } else { 0 };
                        view! {
                            <p class="prediction" data-testid="prediction">
                                "P(label = 1) = " <strong>{format!("{p:.4}")}</strong>
                                {format!(" → predicts class {class}")}
                            </p>
                        }
                    })
            }}
        </section>
    }
}
