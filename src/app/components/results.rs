//! The evaluation: test loss and accuracy beside the training accuracy, and what they mean.

use leptos::prelude::*;

use crate::data::Generator;
use crate::nn::EpochLogs;
use crate::protocol::{DataSummary, TestLogs};

/// What the figures mean for this data: the lesson of the seed article, told by what happened.
fn lesson(data: Option<&DataSummary>) -> (&'static str, String) {
    match data {
        Some(d) if d.generator() == Some(Generator::Seed) => (
            "Why about 50%? ",
            "The labels are coin flips, unrelated to the features. A network can memorise the rows it trains on, \
             but nothing carries over to rows it has not seen, so held-out accuracy stays at chance. The article this \
             lab comes from printed 68.6% here; that cannot happen. Data quality decides what a model can learn."
                .to_string(),
        ),
        Some(d) if d.label_noise() > 0.0 => (
            "Data quality sets the ceiling. ",
            format!(
                "{:.0}% of the labels were flipped at random, so even a perfect model is wrong about that share of the \
                 test rows: held-out accuracy cannot rise much above {:.0}%.",
                d.label_noise() * 100.0,
                100.0 - d.label_noise() * 100.0
            ),
        ),
        Some(d) if d.generator().is_none() => (
            "Held out, honestly. ",
            "The test rows were split off before training and scaled with the training rows' statistics only, so \
             these figures are what to expect on new rows like them."
                .to_string(),
        ),
        _ => (
            "Structure is learned. ",
            "These labels follow from the features, so what the network learned on the training rows carries over to \
             rows it has not seen. Compare with the random labels of the seed example."
                .to_string(),
        ),
    }
}

/// Test figures once the run is evaluated, with the lesson of the random labels.
#[component]
pub fn Results(
    history: ReadSignal<Vec<EpochLogs>>,
    test: ReadSignal<Option<TestLogs>>,
    data: ReadSignal<Option<DataSummary>>,
) -> impl IntoView {
    let train_accuracy = move || history.with(|h| h.last().and_then(|e| e.accuracy));
    let percent = |v: Option<f64>| v.map_or("–".to_string(), |v| format!("{:.1}%", v * 100.0));
    view! {
        <section class="card" id="panel-evaluate" aria-labelledby="results-title">
            <h2 id="results-title"><span class="step">"4"</span>"Evaluate"</h2>
            {move || match test.get() {
                None => view! {
                    <p class="hint">"When training ends, the model is tested on the 20% of rows it never saw."</p>
                }
                .into_any(),
                Some(t) => {
                    let train = train_accuracy();
                    view! {
                        <div class="metrics">
                            <div class="metric">
                                <span class="metric-label">"Test accuracy"</span>
                                <span class="metric-value" data-testid="test-accuracy">{percent(t.accuracy)}</span>
                            </div>
                            <div class="metric">
                                <span class="metric-label">"Test loss"</span>
                                <span class="metric-value" data-testid="test-loss">{format!("{:.4}", t.loss)}</span>
                            </div>
                            <div class="metric muted">
                                <span class="metric-label">"Training accuracy"</span>
                                <span class="metric-value">{percent(train)}</span>
                            </div>
                        </div>
                        {
                            let (lead, text) = data.with(|d| lesson(d.as_ref()));
                            view! { <p class="lesson" data-testid="lesson"><strong>{lead}</strong>{text}</p> }
                        }
                    }
                    .into_any()
                }
            }}
        </section>
    }
}
