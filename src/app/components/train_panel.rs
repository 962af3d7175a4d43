//! The training panel: Train and Stop, the progress bar, the live charts and the Keras log.
//!
//! The log keeps its newest line in view with CSS alone (a reversed flex column pins the scroll
//! to the bottom), so no frame reads the log's height and forces a layout. When Train disables
//! itself, the keyboard focus moves to Stop; when a run ends, its test accuracy is announced.

use leptos::html::Button;
use leptos::prelude::*;

use super::live_charts::LiveCharts;
use crate::app::lang::use_text;
use crate::app::store::Lab;
use crate::i18n::{fill, workers_words};
use crate::page::Phase;
use crate::setup::OutputMisfit;

/// Controls, progress, chart and log of the current fit.
#[component]
pub fn TrainPanel(
    lab: Lab,
    /// Why the model's output does not fit the data, if it does not (Train is off then).
    blocked: Signal<Option<OutputMisfit>>,
    on_train: Callback<()>,
    on_stop: Callback<()>,
) -> impl IntoView {
    let phase = lab.phase;
    let t = use_text();
    let training = move || phase.get().is_fitting();
    let can_train = move || lab.can_train(blocked.with(Option::is_some));
    let early = Memo::new(move |_| lab.test.with(|t| t.and_then(|t| t.stopped_early)));
    // The epochs the charts span: those asked for, or those run when EarlyStopping ended the fit.
    let epochs = Signal::derive(move || match early.get() {
        Some((run, _)) => run,
        None => lab.run.with(|r| r.as_ref().map_or(10, |r| r.epochs)),
    });

    // Share of all steps done, from the finished epochs and the running one's last batch.
    let done = move || {
        if phase.get() == Phase::Done {
            return 1.0;
        }
        let Some((total_epochs, steps)) = lab.run.with(|r| r.as_ref().map(|r| (r.epochs, r.steps))) else {
            return 0.0;
        };
        let finished = lab.history.with(Vec::len) * steps;
        let current = lab.batch.with(|b| b.map_or(0, |b| b.batch));
        (finished + current) as f64 / (total_epochs * steps).max(1) as f64
    };
    let status = move || {
        let t = &t.get().train;
        let epochs = lab.run.with(|r| r.as_ref().map_or(10, |r| r.epochs));
        match (phase.get(), lab.history.with(Vec::len)) {
            (Phase::Training, n) => fill(t.training, &[("n", &(n + 1).min(epochs)), ("epochs", &epochs)]),
            (Phase::Done, _) => t.done.to_string(),
            (Phase::Stopped, n) => fill(t.stopped, &[("n", &n), ("epochs", &epochs)]),
            (Phase::Paused, n) => fill(t.paused, &[("n", &(n + 1).min(epochs)), ("epochs", &epochs)]),
            (Phase::Failed, _) => t.failed.to_string(),
            (Phase::Refused, _) => t.refused.to_string(),
            (Phase::Data, _) => t.ready.to_string(),
            _ => t.idle.to_string(),
        }
    };
    let stopped_early = move || {
        let t = &t.get().train;
        let (n, restored) = early.get()?;
        let epochs = lab.run.with(|r| r.as_ref().map_or(n, |r| r.epochs));
        let mut text = fill(t.early_stopped, &[("n", &n), ("epochs", &epochs)]);
        if let Some(best) = restored {
            text += " ";
            text += &fill(t.restored, &[("n", &best)]);
        }
        Some(text)
    };
    // How many workers train, and why not more; with the measured speed-up.
    let workers = move || {
        let step = lab.speed.with(|s| s.map(|s| s.ms_per_step));
        lab.workers.with(|w| w.as_ref().map(|w| workers_words(w, step, t.get())))
    };
    let worker_count = move || lab.workers.with(|w| w.as_ref().map_or(0, |w| w.count));

    // What a screen reader hears when a run ends.
    let announce = move || match (phase.get(), lab.test.get()) {
        (Phase::Done, Some(test)) => {
            let accuracy = test.accuracy.map_or_else(|| format!("{:.4}", test.loss), |a| format!("{:.1}%", a * 100.0));
            fill(t.get().train.announce_done, &[("accuracy", &accuracy)])
        }
        _ => String::new(),
    };

    // Train disables itself as it is pressed: the focus goes to Stop rather than to the page.
    let stop_ref = NodeRef::<Button>::new();
    let start = move |_| {
        on_train.run(());
        if let Some(stop) = stop_ref.get_untracked() {
            request_animation_frame(move || {
                let _ = stop.focus();
            });
        }
    };

    view! {
        <section class="card" id="panel-train" aria-labelledby="train-title">
            <h2 id="train-title"><span class="step">"3"</span>{move || t.get().train.title}</h2>
            <div class="actions">
                <button class="primary" data-testid="train" disabled=move || !can_train() on:click=start>
                    {move || t.get().train.train}
                </button>
                <button class="secondary" data-testid="stop" node_ref=stop_ref disabled=move || !training()
                    on:click=move |_| on_stop.run(())>
                    {move || t.get().train.stop}
                </button>
                <super::run_controls::PauseResume lab=lab blocked=blocked />
                <span class="status" data-testid="status">{status}</span>
            </div>
            <p class="visually-hidden" aria-live="polite" data-testid="announce">{announce}</p>
            <Show when=move || early.with(Option::is_some)>
                <p class="hint" data-testid="stopped-epoch">{stopped_early}</p>
            </Show>
            <div
                class="progress"
                role="progressbar"
                aria-label=move || t.get().train.progress
                aria-valuemin="0"
                aria-valuemax="100"
                aria-valuenow=move || format!("{:.0}", done() * 100.0)
            >
                <div class="progress-fill" style:transform=move || format!("scaleX({:.4})", done())></div>
            </div>
            <Show when=move || lab.workers.with(Option::is_some)>
                <p class="hint workers" data-testid="workers" data-count=worker_count>{workers}</p>
            </Show>
            <LiveCharts lab=lab epochs=epochs />
            <div class="console" tabindex="0" aria-label=move || t.get().train.log>
                <pre class="console-text" data-testid="log">{move || lab.console.with(|c| c.text())}</pre>
            </div>
        </section>
    }
}
