//! The evaluation: test loss and accuracy beside the training accuracy, and what they mean.

use leptos::prelude::*;

use super::evaluation::Evaluation;
use crate::app::lang::use_text;
use crate::app::store::Lab;
use crate::data::Generator;
use crate::i18n::{fill, Text};
use crate::protocol::DataSummary;

/// What the figures mean for this data, in the words of `text`: the lesson of the seed article,
/// told by what happened. A lead (ending in a space in English) and the rest. None while the
/// data of the run is gone (another file is being read): the figures stay, the lesson waits.
fn lesson(data: Option<&DataSummary>, text: &Text) -> Option<(&'static str, String)> {
    let t = &text.results;
    let d = data?;
    Some(match d {
        d if d.generator() == Some(Generator::Seed) => (t.seed_lead, t.seed_lesson.to_string()),
        d if d.label_noise() > 0.0 => {
            let flipped = format!("{:.0}", d.label_noise() * 100.0);
            let ceiling = format!("{:.0}", 100.0 - d.label_noise() * 100.0);
            (t.noise_lead, fill(t.noise_lesson, &[("flipped", &flipped), ("ceiling", &ceiling)]))
        }
        d if d.generator().is_none() => (t.file_lead, t.file_lesson.to_string()),
        _ => (t.structure_lead, t.structure_lesson.to_string()),
    })
}

/// Test figures once the run is evaluated, with the lesson of the random labels.
#[component]
pub fn Results(lab: Lab) -> impl IntoView {
    let (history, test, data, report) = (lab.history, lab.test, lab.data, lab.report);
    let t = use_text();
    // The final model on its training rows when the worker measured it, else Keras' last epoch.
    let train_accuracy = move || {
        report
            .with(|r| r.as_ref().and_then(|r| r.train_accuracy))
            .or_else(|| history.with(|h| h.last().and_then(|e| e.accuracy)))
    };
    let percent = |v: Option<f64>| v.map_or("–".to_string(), |v| format!("{:.1}%", v * 100.0));
    view! {
        <section class="card" id="panel-evaluate" aria-labelledby="results-title" class:stale=move || lab.stale.get()>
            <h2 id="results-title"><span class="step">"4"</span>{move || t.get().results.title}</h2>
            <Show when=move || lab.stale.get()>
                <p class="stale-note" data-testid="stale">{move || t.get().results.stale}</p>
            </Show>
            {move || match test.get() {
                None => view! {
                    <p class="hint">{move || t.get().results.waiting}</p>
                }
                .into_any(),
                Some(logs) => {
                    let train = train_accuracy();
                    view! {
                        <div class="metrics">
                            <div class="metric">
                                <span class="metric-label">{move || t.get().results.test_accuracy}</span>
                                <span class="metric-value" data-testid="test-accuracy">{percent(logs.accuracy)}</span>
                            </div>
                            <div class="metric">
                                <span class="metric-label">{move || t.get().results.test_loss}</span>
                                <span class="metric-value" data-testid="test-loss">{format!("{:.4}", logs.loss)}</span>
                            </div>
                            <div class="metric muted">
                                <span class="metric-label">{move || t.get().results.train_accuracy}</span>
                                <span class="metric-value">{percent(train)}</span>
                            </div>
                        </div>
                        {report.get().map(|r| {
                            let classes = data.with(|d| d.as_ref().map(|d| d.classes.clone()).unwrap_or_default());
                            view! { <Evaluation report=r test_accuracy=logs.accuracy classes=classes /> }
                        })}
                        {move || {
                            data.with(|d| lesson(d.as_ref(), t.get())).map(|(lead, rest)| {
                                view! {
                                    <p class="lesson" data-testid="lesson">
                                        <strong>{lead}</strong>{rest}
                                    </p>
                                }
                            })
                        }}
                    }
                    .into_any()
                }
            }}
        </section>
    }
}
