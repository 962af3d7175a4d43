//! The training panel: Train and Stop, the progress bar, the live charts and the Keras log.

use leptos::html::Pre;
use leptos::prelude::*;

use super::live_charts::LiveCharts;
use crate::app::lang::use_text;
use crate::app::state::{Lab, Phase};
use crate::i18n::fill;

/// Controls, progress, chart and log of the current fit.
#[component]
pub fn TrainPanel(lab: Lab, on_train: Callback<()>, on_stop: Callback<()>) -> impl IntoView {
    let phase = lab.phase;
    let t = use_text();
    let training = move || matches!(phase.get(), Phase::Training | Phase::Paused);
    let can_train = move || {
        lab.data.with(Option::is_some)
            && !training()
            && phase.get() != Phase::Loading
            && lab.blocked.with(Option::is_none)
    };
    let epochs = Signal::derive(move || lab.run.with(|r| r.as_ref().map_or(10, |r| r.epochs)));

    // Share of all steps done, from the finished epochs and the running one's last batch.
    let done = move || {
        let Some((total_epochs, steps)) = lab.run.with(|r| r.as_ref().map(|r| (r.epochs, r.steps))) else {
            return 0.0;
        };
        let finished = lab.history.with(Vec::len) * steps;
        let current = lab.batch.with(|b| b.map_or(0, |b| b.batch));
        (finished + current) as f64 / (total_epochs * steps).max(1) as f64
    };
    let status = move || {
        let t = &t.get().train;
        match (phase.get(), lab.history.with(Vec::len), epochs.get()) {
            (Phase::Training, n, e) => fill(t.training, &[("n", &(n + 1).min(e)), ("epochs", &e)]),
            (Phase::Done, _, _) => t.done.to_string(),
            (Phase::Stopped, n, e) => fill(t.stopped, &[("n", &n), ("epochs", &e)]),
            (Phase::Paused, n, e) => fill(t.paused, &[("n", &(n + 1).min(e)), ("epochs", &e)]),
            (Phase::Failed, _, _) => t.failed.to_string(),
            _ => t.idle.to_string(),
        }
    };

    let log_ref = NodeRef::<Pre>::new();
    // Keep the newest log line in view, as a terminal does: once a frame, not once a message
    // (reading the log's height lays the page out; many messages can come in one frame).
    let scroll_pending = StoredValue::new(false);
    Effect::new(move |_| {
        lab.console.track();
        if scroll_pending.get_value() {
            return;
        }
        scroll_pending.set_value(true);
        request_animation_frame(move || {
            scroll_pending.set_value(false);
            if let Some(pre) = log_ref.get_untracked() {
                pre.set_scroll_top(pre.scroll_height());
            }
        });
    });

    view! {
        <section class="card" id="panel-train" aria-labelledby="train-title">
            <h2 id="train-title"><span class="step">"3"</span>{move || t.get().train.title}</h2>
            <div class="actions">
                <button class="primary" data-testid="train" disabled=move || !can_train() on:click=move |_| on_train.run(())>
                    {move || t.get().train.train}
                </button>
                <button class="secondary" data-testid="stop" disabled=move || !training() on:click=move |_| on_stop.run(())>
                    {move || t.get().train.stop}
                </button>
                <super::run_controls::PauseResume lab=lab />
                <span class="status" aria-live="polite" data-testid="status">{status}</span>
            </div>
            <div
                class="progress"
                role="progressbar"
                aria-label=move || t.get().train.progress
                aria-valuemin="0"
                aria-valuemax="100"
                aria-valuenow=move || format!("{:.0}", done() * 100.0)
            >
                <div class="progress-fill" style=move || format!("transform:scaleX({:.4})", done())></div>
            </div>
            <LiveCharts lab=lab epochs=epochs />
            <pre class="console" data-testid="log" node_ref=log_ref aria-label=move || t.get().train.log tabindex="0">
                {move || lab.console.with(|c| c.text())}
            </pre>
        </section>
    }
}
