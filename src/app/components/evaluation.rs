//! The Evaluate view's detail: training against test accuracy with what the gap means, the
//! confusion matrix, precision / recall / F1 per class, and for a binary task the ROC curve.

use leptos::html::Canvas;
use leptos::prelude::*;

use crate::app::lang::use_text;
use crate::app::redraw::redraw_each_frame;
use crate::app::roc::draw_roc;
use crate::i18n::{fill, Text};
use crate::nn::{accuracy_margin, generalisation, EvaluationReport};

/// Everything the report says, under the test figures.
#[component]
pub fn Evaluation(report: EvaluationReport, test_accuracy: Option<f64>, classes: Vec<String>) -> impl IntoView {
    let name = move |c: usize| classes.get(c).cloned().unwrap_or_else(|| c.to_string());
    let names: Vec<String> = (0..report.confusion.len()).map(name).collect();
    let pair = report.train_accuracy.zip(test_accuracy).map(|(train, test)| {
        view! { <AccuracyPair train=train test=test chance=report.chance() rows=report.rows() /> }
    });
    let roc = report.roc.is_some().then(|| view! { <RocChart report=report.clone() /> });
    view! {
        {pair}
        <div class="eval-grid">
            <ConfusionTable report=report.clone() names=names.clone() />
            <ScoresTable report=report.clone() names=names />
        </div>
        {roc}
    }
}

/// Two bars, training rows and test rows, with chance marked, and a sentence.
#[component]
fn AccuracyPair(train: f64, test: f64, chance: f64, rows: usize) -> impl IntoView {
    let t = use_text();
    let bar = move |label: fn(&'static Text) -> &'static str, value: f64, class: &'static str, testid: &'static str| {
        view! {
            <div class="bar-row">
                <span class="bar-label">{move || label(t.get())}</span>
                <span class="bar-track">
                    <span class=format!("bar-fill {class}") style:width=format!("{:.1}%", value * 100.0)></span>
                    <span
                        class="bar-chance"
                        style:left=format!("{:.1}%", chance * 100.0)
                        title=move || t.get().results.chance
                    ></span>
                </span>
                <span class="bar-value" data-testid=testid>{format!("{:.1}%", value * 100.0)}</span>
            </div>
        }
    };
    let g = generalisation(train, test, chance, rows);
    let margin = format!("{:.0}", accuracy_margin(test, rows) * 100.0);
    let verdict = move || fill(t.get().results.verdict(g), &[("rows", &rows), ("margin", &margin)]);
    view! {
        <div class="accuracy-pair" data-testid="accuracy-pair" data-verdict=format!("{g:?}").to_lowercase()>
            <h3>{move || t.get().results.pair_title}</h3>
            {bar(|t| t.results.bar_train, train, "train", "train-accuracy")}
            {bar(|t| t.results.bar_test, test, "test", "pair-test-accuracy")}
            <p class="bar-note">
                {move || fill(t.get().results.chance_note, &[("chance", &format!("{:.0}", chance * 100.0))])}
            </p>
            <p class="verdict" data-testid="verdict">{verdict}</p>
        </div>
    }
}

/// Counts of true class (rows) against predicted class (columns), shaded by share of the row.
#[component]
fn ConfusionTable(report: EvaluationReport, names: Vec<String>) -> impl IntoView {
    let t = use_text();
    let rows = report.rows();
    let header = names.iter().map(|n| view! { <th scope="col">{n.clone()}</th> }).collect_view();
    let body = report
        .confusion
        .iter()
        .enumerate()
        .map(|(t, row)| {
            let total = row.iter().sum::<usize>().max(1) as f64;
            let cells = row
                .iter()
                .enumerate()
                .map(|(p, &count)| {
                    let share = count as f64 / total;
                    let colour = if p == t { "var(--accent)" } else { "var(--orange)" };
                    let background =
                        format!("color-mix(in srgb, {colour} {:.0}%, var(--card))", (share * 55.0).round());
                    view! {
                        <td data-testid="confusion-cell" data-true=t data-pred=p class:hit=p == t style:background=background>
                            {count}
                        </td>
                    }
                })
                .collect_view();
            view! { <tr><th scope="row">{names[t].clone()}</th>{cells}</tr> }
        })
        .collect_view();
    view! {
        <figure class="confusion-box">
            <table class="confusion" data-testid="confusion-matrix">
                <caption>{move || fill(t.get().results.confusion_caption, &[("rows", &rows)])}</caption>
                <thead>
                    <tr>
                        <td></td>
                        <th scope="colgroup" colspan=names.len() class="axis">{move || t.get().results.predicted}</th>
                    </tr>
                    <tr><th scope="col" class="axis">{move || t.get().results.actual}</th>{header}</tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </figure>
    }
}

/// Precision, recall and F1 of each class, and their macro average.
#[component]
fn ScoresTable(report: EvaluationReport, names: Vec<String>) -> impl IntoView {
    let t = use_text();
    let matrix = report.matrix();
    let f = |v: f64| format!("{v:.2}");
    let rows = (0..names.len())
        .map(|c| {
            let s = matrix.class(c);
            view! {
                <tr>
                    <th scope="row">{names[c].clone()}</th>
                    <td>{f(s.precision)}</td><td>{f(s.recall)}</td><td>{f(s.f1)}</td><td>{s.support}</td>
                </tr>
            }
        })
        .collect_view();
    let m = matrix.macro_average();
    view! {
        <table class="scores" data-testid="class-scores">
            <caption>{move || t.get().results.scores_caption}</caption>
            <thead>
                <tr>
                    <th scope="col">{move || t.get().results.class}</th>
                    <th scope="col">{move || t.get().results.precision}</th>
                    <th scope="col">{move || t.get().results.recall}</th>
                    <th scope="col">{move || t.get().results.f1}</th>
                    <th scope="col">{move || t.get().results.support}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
            <tfoot>
                <tr data-testid="macro-average">
                    <th scope="row">{move || t.get().results.macro_avg}</th>
                    <td>{f(m.precision)}</td><td>{f(m.recall)}</td><td>{f(m.f1)}</td><td>{m.support}</td>
                </tr>
            </tfoot>
        </table>
    }
}

/// The ROC curve and its area, for a binary task.
#[component]
fn RocChart(report: EvaluationReport) -> impl IntoView {
    let Some(roc) = report.roc else { return ().into_any() };
    let canvas_ref = NodeRef::<Canvas>::new();
    let t = use_text();
    let area = roc.auc;
    let auc = format!("{area:.3}");
    let reading = move || t.get().results.roc_reading(area);
    let shown = StoredValue::new(roc);
    redraw_each_frame(
        canvas_ref,
        || {},
        move |canvas, dark, text| {
            if let Some(Err(e)) = shown.try_with_value(|roc| draw_roc(canvas, roc, dark, text)) {
                web_sys::console::warn_1(&format!("ROC curve: {e}").into());
            }
        },
    );
    let label = {
        let auc = auc.clone();
        move || fill(t.get().results.roc_label, &[("auc", &auc), ("reading", &reading())])
    };
    view! {
        <figure class="chart roc">
            <canvas node_ref=canvas_ref data-testid="roc-chart" role="img" aria-label=label></canvas>
            <figcaption class="roc-caption">
                <strong data-testid="auc">{move || fill(t.get().results.auc, &[("auc", &auc)])}</strong>
                {move || fill(t.get().results.roc_caption, &[("reading", &reading())])}
            </figcaption>
        </figure>
    }
    .into_any()
}
