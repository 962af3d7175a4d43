//! Data from a file: the built-in datasets, or the user's CSV (picker or drag and drop), read
//! in the worker with a progress bar; then what the file held and how it was prepared, with
//! the label column to choose.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, DragEvent, HtmlInputElement};

use super::fields::{named, Choose, Words};
use crate::app::lang::use_text;
use crate::data::{ColumnSummary, Report, Scaling, SummaryKind};
use crate::i18n::{fill, Bilingual, Lang, Text, Words as _};
use crate::page::Notice;

/// Fetches a built-in dataset (`public/data/<name>.csv`, served as `data/…`) and hands it on as
/// a file; `on_error` gets what went wrong.
pub fn load_built_in(name: &'static str, on_file: Callback<(String, Blob)>, on_error: impl Fn(Notice) + 'static) {
    leptos::task::spawn_local(async move {
        let url = format!("data/{name}.csv");
        // What went wrong is a catalogue entry, said in both languages at the end.
        let blob = async {
            let window = web_sys::window().ok_or((|t| t.data.fetch_no_window) as Words)?;
            let response: web_sys::Response = JsFuture::from(window.fetch_with_str(&url))
                .await
                .map_err(|_| (|t| t.data.fetch_failed) as Words)?
                .unchecked_into();
            if !response.ok() {
                return Err((|t| t.data.fetch_missing) as Words);
            }
            let body = response.blob().map_err(|_| (|t| t.data.fetch_no_body) as Words)?;
            let blob = JsFuture::from(body).await.map_err(|_| (|t| t.data.fetch_broke_off) as Words)?;
            Ok::<Blob, Words>(blob.unchecked_into())
        };
        match blob.await {
            Ok(blob) => on_file.run((format!("{name}.csv"), blob)),
            Err(why) => {
                let say = |lang| {
                    let t = Text::of(lang);
                    fill(t.data.built_in_failed, &[("url", &url), ("why", &why(t))])
                };
                on_error(Notice::Said(Bilingual::new(say(Lang::En), say(Lang::Zh))))
            }
        }
    });
}

/// The file picker and drop zone.
#[component]
pub fn FileDrop(on_file: Callback<(String, Blob)>) -> impl IntoView {
    let t = use_text();
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
            <span>{move || t.get().data.drop_here}</span>
            // The browser's own file button speaks the browser's language: ours speaks the page's.
            <span class="pick-button" aria-hidden="true">{move || t.get().data.choose_file}</span>
            <input
                type="file"
                class="visually-hidden"
                accept=".csv,.tsv,.txt,text/csv"
                data-testid="csv-file"
                aria-label=move || t.get().data.choose_file
                on:change=on_pick
            />
        </label>
    }
}

/// Reading progress of a file.
#[component]
pub fn LoadProgress(loading: Memo<Option<(String, u64, u64)>>) -> impl IntoView {
    let t = use_text();
    view! {
        {move || {
            loading.get().map(|(name, bytes, total)| {
                let share = if total == 0 { 1.0 } else { bytes as f64 / total as f64 };
                let t = &t.get().data;
                let reading = fill(
                    t.reading,
                    &[
                        ("name", &name),
                        ("percent", &format!("{:.0}", share * 100.0)),
                        ("size", &format!("{:.1}", total as f64 / 1e6)),
                    ],
                );
                view! {
                    <div class="loading" data-testid="load-progress">
                        <p class="hint">{reading}</p>
                        <div class="progress" role="progressbar" aria-label=t.reading_progress aria-valuemin="0"
                            aria-valuemax="100" aria-valuenow=format!("{:.0}", share * 100.0)>
                            <div class="progress-fill" style=format!("transform:scaleX({:.4})", share)></div>
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
    let t = use_text();
    let label = report.label.clone();
    // The choices the data was prepared with (from the worker): changing one prepares it again.
    let chosen_label = RwSignal::new(label.clone());
    let excluded = RwSignal::new(excluded);
    let scaling = RwSignal::new(scaling);
    let again =
        move || on_prepare.run((chosen_label.get_untracked(), excluded.get_untracked(), scaling.get_untracked()));
    let labels = named(columns.iter().map(|c| &c.name));
    let scalings = Signal::derive(move || {
        let t = &t.get().data;
        [("standard", t.scaling_standard), ("min_max", t.scaling_min_max), ("none", t.scaling_none)]
            .map(|(value, title)| (value.to_string(), title.to_string()))
            .to_vec()
    });
    let number = |v: Option<f64>| v.map_or("".to_string(), |v| format!("{v:.3}"));
    let rows = columns
        .iter()
        .map(|c| {
            let (kind, levels) = (c.kind, c.levels);
            let kind = move || {
                let t = &t.get().data;
                match kind {
                    SummaryKind::Numeric => t.kind_number.to_string(),
                    SummaryKind::Label => t.kind_label.to_string(),
                    _ => levels.map_or(t.kind_text.to_string(), |n| fill(t.kind_levels, &[("n", &n)])),
                }
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
            let name = c.name.clone();
            view! {
                <tr>
                    <td>
                        <input type="checkbox" checked=!excluded.with_untracked(|e| e.contains(&c.name)) disabled=is_label on:change=toggle
                            aria-label=move || fill(t.get().data.use_column, &[("name", &name)]) data-testid="use-column" />
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
    let lang = crate::app::lang::use_lang();
    let notes = report.notes.iter().cloned().map(|n| view! { <li>{move || n.in_lang(lang.get())}</li> }).collect_view();
    let heading = move |pick: fn(&'static Text) -> &'static str| view! { <th>{move || pick(t.get())}</th> };
    view! {
        <div class="file-summary" data-testid="file-summary">
            <p class="shape"><strong>{name}</strong></p>
            <ul class="notes" data-testid="prepare-notes">{notes}</ul>
            <div class="fields two">
                <Choose label=|t| t.data.label_column testid="label-column" options=labels
                    selected=chosen_label
                    on_change=Callback::new(move |column: String| {
                        chosen_label.set(column);
                        again();
                    }) />
                <Choose label=|t| t.data.scaling testid="scaling" options=scalings
                    selected=Signal::derive(move || scaling_key(scaling.get()).to_string())
                    on_change=Callback::new(move |key: String| {
                        scaling.set(match key.as_str() {
                            "min_max" => Scaling::MinMax,
                            "none" => Scaling::None,
                            _ => Scaling::Standard,
                        });
                        again();
                    }) />
            </div>
            <div class="table-wrap">
                <table class="preview columns" data-testid="column-summary">
                    <thead><tr>
                        {heading(|t| t.data.col_use)}{heading(|t| t.data.col_name)}{heading(|t| t.data.col_kind)}
                        {heading(|t| t.data.col_mean)}{heading(|t| t.data.col_std)}{heading(|t| t.data.col_missing)}
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </div>
    }
}

/// A scaling's `value` in its selector.
fn scaling_key(scaling: Scaling) -> &'static str {
    match scaling {
        Scaling::Standard => "standard",
        Scaling::MinMax => "min_max",
        Scaling::None => "none",
    }
}
