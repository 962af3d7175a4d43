//! The evaluation: test loss and accuracy beside the training accuracy, and what they mean.

use leptos::prelude::*;

use crate::nn::EpochLogs;
use crate::protocol::TestLogs;

/// Test figures once the run is evaluated, with the lesson of the random labels.
#[component]
pub fn Results(history: ReadSignal<Vec<EpochLogs>>, test: ReadSignal<Option<TestLogs>>) -> impl IntoView {
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
                        <p class="lesson">
                            <strong>"Why about 50%? "</strong>
                            "The labels are coin flips, unrelated to the features. A network can memorise the rows it "
                            "trains on, but nothing carries over to rows it has not seen, so held-out accuracy stays at "
                            "chance. The article this lab comes from printed 68.6% here; that cannot happen. "
                            "Data quality decides what a model can learn."
                        </p>
                    }
                    .into_any()
                }
            }}
        </section>
    }
}
