//! The Train view's live charts: loss (with a log-scale toggle) and accuracy, training against
//! validation per epoch, and for 2-feature data the decision boundary under the points. Each is
//! redrawn at most once per animation frame, and described in words for screen readers.

use leptos::html::Canvas;
use leptos::prelude::*;

use crate::app::boundary::draw_boundary;
use crate::app::chart::{draw_history_chart, Metric};
use crate::app::lang::use_text;
use crate::app::redraw::redraw_each_frame;
use crate::app::store::Lab;
use crate::i18n::{fill, Text};
use crate::nn::EpochLogs;

/// "1 epoch", "10 epochs", "10 轮".
fn epoch_count(text: &Text, n: usize) -> String {
    let t = &text.train;
    fill(if n == 1 { t.epoch_one } else { t.epoch_many }, &[("n", &n)])
}

/// What a history chart shows, in a sentence in the words of `text`: "Loss fell from 0.6931 to
/// 0.2100 over 10 epochs; validation 0.2500."
fn describe(history: &[EpochLogs], metric: Metric, text: &Text) -> String {
    let t = &text.train;
    let (name, lower) = match metric {
        Metric::Loss => (t.loss_name, t.chart_loss),
        Metric::Accuracy => (t.accuracy_name, t.chart_accuracy),
    };
    let value = |v: f64| match metric {
        Metric::Loss => format!("{v:.4}"),
        Metric::Accuracy => format!("{:.1}%", v * 100.0),
    };
    let pick = |e: &EpochLogs| match metric {
        Metric::Loss => (Some(e.loss), e.val_loss),
        Metric::Accuracy => (e.accuracy, e.val_accuracy),
    };
    let (Some(first), Some(last)) = (history.first(), history.last()) else {
        return fill(t.chart_empty, &[("name", &name)]);
    };
    let (Some(from), Some(to)) = (pick(first).0, pick(last).0) else {
        return fill(t.chart_none, &[("name", &name), ("metric", &lower)]);
    };
    let change = if to < from {
        t.chart_fell
    } else if to > from {
        t.chart_rose
    } else {
        t.chart_stayed
    };
    let change = fill(change, &[("from", &value(from)), ("to", &value(to))]);
    let validation = pick(last).1.map(|v| fill(t.chart_validation, &[("value", &value(v))])).unwrap_or_default();
    fill(
        t.chart_summary,
        &[
            ("name", &name),
            ("change", &change),
            ("epochs", &epoch_count(text, history.len())),
            ("validation", &validation),
        ],
    )
}

/// The live charts of the current fit.
#[component]
pub fn LiveCharts(lab: Lab, epochs: Signal<usize>) -> impl IntoView {
    let has_points =
        move || lab.data.with(|d| d.as_ref().is_some_and(|d| !d.points.is_empty() && !d.classes.is_empty()));
    view! {
        <HistoryChart history=lab.history epochs=epochs metric=Metric::Loss />
        <HistoryChart history=lab.history epochs=epochs metric=Metric::Accuracy />
        <Show when=has_points>
            <BoundaryChart lab=lab />
        </Show>
    }
}

/// One metric per epoch, training in blue and validation in orange.
#[component]
fn HistoryChart(history: Memo<Vec<EpochLogs>>, epochs: Signal<usize>, metric: Metric) -> impl IntoView {
    let canvas_ref = NodeRef::<Canvas>::new();
    let log_scale = RwSignal::new(false);
    let t = use_text();
    redraw_each_frame(
        canvas_ref,
        move || {
            history.track();
            epochs.track();
            log_scale.track();
        },
        move |canvas, dark, text| {
            let log = log_scale.get_untracked();
            let epochs = epochs.get_untracked();
            let result = history.with_untracked(|h| draw_history_chart(canvas, h, epochs, metric, log, dark, text));
            if let Err(e) = result {
                web_sys::console::warn_1(&format!("history chart: {e}").into());
            }
        },
    );
    let testid = match metric {
        Metric::Loss => "loss-chart",
        Metric::Accuracy => "accuracy-chart",
    };
    let legend = move || {
        let t = &t.get().train;
        match metric {
            Metric::Loss => (t.legend_loss, t.legend_val_loss),
            Metric::Accuracy => (t.legend_accuracy, t.legend_val_accuracy),
        }
    };
    let description = move || history.with(|h| describe(h, metric, t.get()));
    view! {
        <figure class="chart">
            <canvas node_ref=canvas_ref data-testid=testid role="img" aria-label=description></canvas>
            <figcaption class="legend">
                <span class="legend-item"><span class="swatch loss"></span>{move || legend().0}</span>
                <span class="legend-item"><span class="swatch val"></span>{move || legend().1}</span>
                {(metric == Metric::Loss).then(|| view! {
                    <label class="log-toggle">
                        <input
                            type="checkbox"
                            data-testid="log-scale"
                            prop:checked=move || log_scale.get()
                            on:change=move |ev| log_scale.set(event_target_checked(&ev))
                        />
                        {move || t.get().train.log_scale}
                    </label>
                })}
            </figcaption>
        </figure>
    }
}

/// The model's decision boundary as it trains, under the data's points.
#[component]
fn BoundaryChart(lab: Lab) -> impl IntoView {
    let canvas_ref = NodeRef::<Canvas>::new();
    let t = use_text();
    redraw_each_frame(
        canvas_ref,
        move || {
            lab.boundary.track();
            lab.data.track();
        },
        // Its axes are the features' names (x0, x1), the same in both languages.
        move |canvas, dark, _| {
            let result = lab.data.with_untracked(|d| {
                let points = d.as_ref().map_or(&[][..], |d| &d.points[..]);
                lab.boundary.with_untracked(|m| draw_boundary(canvas, m.as_ref(), points, dark))
            });
            if let Err(e) = result {
                web_sys::console::warn_1(&format!("decision boundary: {e}").into());
            }
        },
    );
    let description = move || {
        let text = t.get();
        let epochs = epoch_count(text, lab.history.with(|h| h.len()));
        let classes = lab.data.with(|d| d.as_ref().map_or(0, |d| d.classes.len()));
        match lab.boundary.with(Option::is_some) {
            false => text.train.boundary_waiting.to_string(),
            true => fill(text.train.boundary_after, &[("epochs", &epochs), ("classes", &classes)]),
        }
    };
    view! {
        <figure class="chart boundary">
            <canvas node_ref=canvas_ref data-testid="boundary" role="img" aria-label=description></canvas>
            <figcaption class="legend">
                {move || t.get().train.boundary_legend}
            </figcaption>
        </figure>
    }
}
