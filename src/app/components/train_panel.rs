//! The training panel: Train and Stop, the progress bar, the loss chart and the Keras log.

use leptos::html::{Canvas, Pre};
use leptos::prelude::*;

use crate::app::chart::draw_loss_chart;
use crate::app::state::{Lab, Phase};
use crate::nn::EpochLogs;

/// Controls, progress, chart and log of the current fit.
#[component]
pub fn TrainPanel(lab: Lab, on_train: Callback<()>, on_stop: Callback<()>) -> impl IntoView {
    let phase = lab.phase;
    let training = move || phase.get() == Phase::Training;
    let can_train = move || lab.data.with(Option::is_some) && !training() && phase.get() != Phase::Loading;
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
    let status = move || match (phase.get(), lab.history.with(Vec::len), epochs.get()) {
        (Phase::Training, n, e) => format!("Training… epoch {} of {e}", (n + 1).min(e)),
        (Phase::Done, _, _) => "Done: trained, and tested on rows the model never saw.".to_string(),
        (Phase::Stopped, n, e) => format!("Stopped after {n} of {e} epochs."),
        (Phase::Failed, _, _) => "The run failed; see the message above.".to_string(),
        _ => "Generate the data, then train.".to_string(),
    };

    let log_ref = NodeRef::<Pre>::new();
    // Keep the newest log line in view, as a terminal does.
    Effect::new(move |_| {
        lab.console.track();
        if let Some(pre) = log_ref.get() {
            pre.set_scroll_top(pre.scroll_height());
        }
    });

    view! {
        <section class="card" id="panel-train" aria-labelledby="train-title">
            <h2 id="train-title"><span class="step">"3"</span>"Train"</h2>
            <div class="actions">
                <button class="primary" data-testid="train" disabled=move || !can_train() on:click=move |_| on_train.run(())>
                    "Train"
                </button>
                <button class="secondary" data-testid="stop" disabled=move || !training() on:click=move |_| on_stop.run(())>
                    "Stop"
                </button>
                <span class="status" aria-live="polite" data-testid="status">{status}</span>
            </div>
            <div
                class="progress"
                role="progressbar"
                aria-label="Training progress"
                aria-valuemin="0"
                aria-valuemax="100"
                aria-valuenow=move || format!("{:.0}", done() * 100.0)
            >
                <div class="progress-fill" style=move || format!("width:{:.1}%", done() * 100.0)></div>
            </div>
            <LossChart history=lab.history.read_only() epochs=epochs />
            <pre class="console" data-testid="log" node_ref=log_ref aria-label="Training log" tabindex="0">
                {move || lab.console.with(|c| c.text())}
            </pre>
        </section>
    }
}

/// Loss and val_loss per epoch, redrawn as each epoch ends and when the window resizes.
#[component]
fn LossChart(history: ReadSignal<Vec<EpochLogs>>, epochs: Signal<usize>) -> impl IntoView {
    let canvas_ref = NodeRef::<Canvas>::new();
    let resized = RwSignal::new(0u32);
    let handle = window_event_listener(leptos::ev::resize, move |_| resized.update(|n| *n += 1));
    on_cleanup(move || handle.remove());
    let dark = crate::app::theme::prefers_dark();
    Effect::new(move |_| {
        resized.track();
        let Some(canvas) = canvas_ref.get() else { return };
        history.with(|h| {
            if let Err(e) = draw_loss_chart(&canvas, h, epochs.get(), dark) {
                web_sys::console::warn_1(&format!("loss chart: {e}").into());
            }
        });
    });
    let description = move || {
        history.with(|h| match h.last() {
            None => "Loss chart: no epoch has finished yet.".to_string(),
            Some(e) => format!(
                "Loss chart: after epoch {}, training loss {:.4}{}.",
                e.epoch,
                e.loss,
                e.val_loss.map(|v| format!(", validation loss {v:.4}")).unwrap_or_default()
            ),
        })
    };
    view! {
        <figure class="chart">
            <canvas node_ref=canvas_ref data-testid="loss-chart" role="img" aria-label=description></canvas>
            <figcaption class="legend">
                <span class="swatch loss"></span>"loss (training)"
                <span class="swatch val"></span>"val_loss (test split)"
            </figcaption>
        </figure>
    }
}
