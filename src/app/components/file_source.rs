//! Data from a file: the built-in datasets, or the user's CSV (picker or drag and drop), read
//! in the worker with a progress bar; then what the file held and how it was prepared, with
//! the label column to choose.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, DragEvent, HtmlInputElement};

use crate::data::{ColumnSummary, Report, Scaling, SummaryKind};

/// The datasets shipped in `public/data/` (served as `data/…`).
pub const BUILT_IN: [(&str, &str); 3] = [
    ("breast_cancer", "Breast cancer (569 × 30, binary)"),
    ("iris", "Iris (150 × 4, three species)"),
    ("wine", "Wine (178 × 13, three cultivars)"),
];

/// Fetches a built-in dataset and hands it on as a file.
pub fn load_built_in(name: &'static str, on_file: Callback<(String, Blob)>, on_error: impl Fn(String) + 'static) {
    leptos::task::spawn_local(async move {
        let url = format!("data/{name}.csv");
        let blob = async {
            let window = web_sys::window().ok_or("no window")?;
            let response: web_sys::Response =
                JsFuture::from(window.fetch_with_str(&url)).await.map_err(|_| "the request failed")?.unchecked_into();
            if !response.ok() {
                return Err("the server does not have it");
            }
            let blob =
                JsFuture::from(response.blob().map_err(|_| "no body")?).await.map_err(|_| "the download broke off")?;
            Ok::<Blob, &str>(blob.unchecked_into())
        };
        match blob.await {
            Ok(blob) => on_file.run((format!("{name}.csv"), blob)),
            Err(why) => on_error(format!("could not load the built-in dataset {url}: {why}")),
        }
    });
}

/// The file picker and drop zone.
#[component]
pub fn FileDrop(on_file: Callback<(String, Blob)>) -> impl IntoView {
    let over = RwSignal::new(false);
    let on_drop = move |ev: DragEvent| {
        ev.prevent_default();
        over.set(false);
        if let Some(file) = ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
            on_file.run((file.name(), file.into()));
        }
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let input: HtmlInputElement = event_target(&ev);
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            on_file.run((file.name(), file.into()));
        }
        input.set_value("");
    };
    view! {
        <label
            class="dropzone"
            class:over=move || over.get()
            data-testid="dropzone"
            on:dragover=move |ev: DragEvent| {
                ev.prevent_default();
                over.set(true);
            }
            on:dragleave=move |_| over.set(false)
            on:drop=on_drop
        >
            <span>"Drop a CSV file here, or choose one. It is read in this page's worker and never leaves your machine."</span>
            <input type="file" accept=".csv,.tsv,.txt,text/csv" data-testid="csv-file" on:change=on_pick />
        </label>
    }
}

/// Reading progress of a file.
#[component]
pub fn LoadProgress(loading: ReadSignal<Option<(String, u64, u64)>>) -> impl IntoView {
    view! {
        {move || {
            loading.get().map(|(name, bytes, total)| {
                let share = if total == 0 { 1.0 } else { bytes as f64 / total as f64 };
                view! {
                    <div class="loading" data-testid="load-progress">
                        <p class="hint">{format!("Reading {name}: {:.0}% of {:.1} MB", share * 100.0, total as f64 / 1e6)}</p>
                        <div class="progress" role="progressbar" aria-label="Reading the file" aria-valuemin="0"
                            aria-valuemax="100" aria-valuenow=format!("{:.0}", share * 100.0)>
                            <div class="progress-fill" style=format!("width:{:.1}%", share * 100.0)></div>
                        </div>
                    </div>
                }
            })
        }}
    }
}

/// What the file held: how it was prepared (in sentences), the label column to choose, and a
/// summary of every column.
#[component]
pub fn FileSummary(
    name: String,
    columns: Vec<ColumnSummary>,
    report: Report,
    excluded: Vec<String>,
    scaling: Scaling,
    on_prepare: Callback<(String, Vec<String>, Scaling)>,
) -> impl IntoView {
    let label = report.label.clone();
    // The choices the data was prepared with (from the worker): changing one prepares it again.
    let chosen_label = RwSignal::new(label.clone());
    let excluded = RwSignal::new(excluded);
    let scaling = RwSignal::new(scaling);
    let scaling_key = match scaling.get_untracked() {
        Scaling::Standard => "standard",
        Scaling::MinMax => "min_max",
        Scaling::None => "none",
    };
    let again =
        move || on_prepare.run((chosen_label.get_untracked(), excluded.get_untracked(), scaling.get_untracked()));
    let options = columns
        .iter()
        .map(|c| {
            let selected = c.name == label;
            view! { <option value=c.name.clone() selected=selected>{c.name.clone()}</option> }
        })
        .collect_view();
    let number = |v: Option<f64>| v.map_or("".to_string(), |v| format!("{v:.3}"));
    let rows = columns
        .iter()
        .map(|c| {
            let kind = match c.kind {
                SummaryKind::Numeric => "number".to_string(),
                SummaryKind::Label => "label".to_string(),
                _ => c.levels.map_or("text".to_string(), |n| format!("text, {n} values")),
            };
            let column = c.name.clone();
            let is_label = c.name == label;
            let toggle = move |ev: leptos::ev::Event| {
                let used = event_target_checked(&ev);
                excluded.update(|e| {
                    e.retain(|n| n != &column);
                    if !used {
                        e.push(column.clone());
                    }
                });
                again();
            };
            view! {
                <tr>
                    <td>
                        <input type="checkbox" checked=!excluded.with_untracked(|e| e.contains(&c.name)) disabled=is_label on:change=toggle
                            aria-label=format!("Use column {}", c.name) data-testid="use-column" />
                    </td>
                    <td class="name">{c.name.clone()}</td>
                    <td>{kind}</td>
                    <td>{number(c.mean)}</td>
                    <td>{number(c.std)}</td>
                    <td>{c.missing}</td>
                </tr>
            }
        })
        .collect_view();
    let notes = report.notes.iter().map(|n| view! { <li>{n.clone()}</li> }).collect_view();
    view! {
        <div class="file-summary" data-testid="file-summary">
            <p class="shape"><strong>{name}</strong></p>
            <ul class="notes" data-testid="prepare-notes">{notes}</ul>
            <div class="fields two">
                <label class="field">
                    <span>"Label column"</span>
                    <select
                        data-testid="label-column"
                        on:change=move |ev| {
                            chosen_label.set(event_target_value(&ev));
                            again();
                        }
                    >
                        {options}
                    </select>
                </label>
                <label class="field">
                    <span>"Scaling (fitted on the training rows)"</span>
                    <select
                        data-testid="scaling"
                        on:change=move |ev| {
                            scaling.set(match event_target_value(&ev).as_str() {
                                "min_max" => Scaling::MinMax,
                                "none" => Scaling::None,
                                _ => Scaling::Standard,
                            });
                            again();
                        }
                    >
                        <option value="standard" selected=scaling_key == "standard">"z-score (the seed's)"</option>
                        <option value="min_max" selected=scaling_key == "min_max">"min-max to [0, 1]"</option>
                        <option value="none" selected=scaling_key == "none">"none"</option>
                    </select>
                </label>
            </div>
            <div class="table-wrap">
                <table class="preview columns" data-testid="column-summary">
                    <thead><tr><th>"use"</th><th>"column"</th><th>"kind"</th><th>"mean"</th><th>"std"</th><th>"missing"</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </div>
    }
}
