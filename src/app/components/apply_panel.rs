//! The apply panel: a row of values in (one per input column), the trained model's prediction
//! out. A file's row is encoded and scaled in the worker as the training rows were.

use leptos::prelude::*;

use crate::app::lang::{use_lang, use_text};
use crate::app::store::Lab;
use crate::data::Task;
use crate::i18n::{fill, Bilingual, Text, Words};
use crate::page::Phase;
use crate::protocol::Origin;

/// Splits `text` into `inputs` values (commas, semicolons or, for numbers only, spaces), or
/// says what is wrong. Generated data takes numbers only.
pub fn parse_row(text: &str, inputs: usize, numbers_only: bool) -> Result<Vec<String>, Bilingual> {
    let separators = |c: char| c == ',' || c == ';' || (numbers_only && c.is_whitespace());
    let cells: Vec<String> = text.split(separators).map(|c| c.trim().to_string()).filter(|c| !c.is_empty()).collect();
    if cells.len() != inputs {
        return Err(Bilingual::filled(|t| t.apply.wrong_count, &[("inputs", &inputs), ("got", &cells.len())]));
    }
    if numbers_only {
        if let Some((i, cell)) = cells.iter().enumerate().find(|(_, c)| !c.parse::<f32>().is_ok_and(f32::is_finite)) {
            return Err(Bilingual::filled(|t| t.apply.not_a_number, &[("n", &(i + 1)), ("cell", cell)]));
        }
    }
    Ok(cells)
}

/// The prediction in words: the class and its probability, or the number.
fn describe(outputs: &[f32], task: Task, classes: &[String], t: &Text) -> String {
    let name = |c: usize| classes.get(c).cloned().unwrap_or_else(|| c.to_string());
    match task {
        Task::Binary => {
            let p = outputs.first().copied().unwrap_or_default();
            let class = usize::from(p > 0.5);
            let p = format!("{p:.4}");
            fill(t.apply.binary, &[("positive", &name(1)), ("p", &p), ("class", &name(class))])
        }
        Task::MultiClass => {
            let (best, p) =
                outputs.iter().enumerate().fold((0, f32::MIN), |b, (i, &v)| if v > b.1 { (i, v) } else { b });
            fill(t.apply.multi_class, &[("class", &name(best)), ("p", &format!("{p:.4}"))])
        }
        Task::Regression => {
            let value = format!("{:.4}", outputs.first().copied().unwrap_or_default());
            fill(t.apply.regression, &[("value", &value)])
        }
    }
}

/// A row in, the model's answer out.
#[component]
pub fn ApplyPanel(lab: Lab, on_predict: Callback<Vec<String>>) -> impl IntoView {
    let (data, phase, prediction) = (lab.data, lab.phase, lab.prediction);
    let (t, lang) = (use_text(), use_lang());
    let text = RwSignal::new(String::new());
    let inputs = move || data.with(|d| d.as_ref().map(|d| d.inputs.clone()).unwrap_or_default());
    let generated = move || data.with(|d| d.as_ref().is_some_and(|d| matches!(d.origin, Origin::Generated { .. })));
    let parsed = move || parse_row(&text.get(), inputs().len(), generated());
    let trained = move || phase.get() == Phase::Done;
    let use_first_row = move |_| {
        if let Some(row) = data.with(|d| d.as_ref().and_then(|d| d.preview.first().cloned()).filter(|_| generated())) {
            let values: Vec<String> = row[..row.len() - 1].iter().map(|v| format!("{v:.3}")).collect();
            text.set(values.join(", "));
        }
    };
    let answer = move || {
        let (task, classes) =
            data.with(|d| d.as_ref().map(|d| (d.task, d.classes.clone())).unwrap_or((Task::Binary, Vec::new())));
        prediction.get().filter(|_| trained()).map(|p| match p {
            Ok(out) => {
                view! { <p class="prediction" data-testid="prediction">{move || describe(&out, task, &classes, t.get())}</p> }.into_any()
            }
            Err(e) => {
                view! { <p class="field-error" role="alert" data-testid="prediction-error">{move || e.words(t.get())}</p> }
                    .into_any()
            }
        })
    };
    view! {
        <section class="card" id="panel-apply" aria-labelledby="apply-title">
            <h2 id="apply-title"><span class="step">"5"</span>{move || t.get().apply.title}</h2>
            <p class="hint">{move || t.get().apply.intro}</p>
            <label class="field" for="apply-row">
                <span>
                    {move || {
                        let t = &t.get().apply;
                        fill(t.values_for, &[("columns", &inputs().join(t.column_separator))])
                    }}
                </span>
                <input
                    id="apply-row"
                    data-testid="apply-row"
                    type="text"
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
                        if let Ok(cells) = parsed() {
                            on_predict.run(cells)
                        }
                    }
                >
                    {move || t.get().apply.predict}
                </button>
                <Show when=generated>
                    <button class="secondary" on:click=use_first_row>{move || t.get().apply.use_first_row}</button>
                </Show>
            </div>
            <Show when=move || !text.with(String::is_empty) && parsed().is_err()>
                <p class="field-error" role="alert">{move || parsed().err().map(|e| e.get(lang.get()).to_string())}</p>
            </Show>
            <Show when=move || !trained()>
                <p class="hint">{move || t.get().apply.train_first}</p>
            </Show>
            {answer}
        </section>
    }
}
