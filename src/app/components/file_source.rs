//! Data from a file: the built-in datasets, or the user's CSV (picker or drag and drop), read
//! in the worker with a progress bar; then what the file held and how it was prepared, with
//! the label column to choose and its columns' table ([`ColumnTable`]).

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, DragEvent, HtmlInputElement};

use super::column_table::ColumnTable;
use super::fields::{named, Choose, Words};
use crate::app::lang::use_text;
use crate::data::{ColumnSummary, Report, Scaling};
use crate::i18n::{fill, Bilingual, Lang, Text, Words as _};
use crate::page::Notice;
use crate::protocol::{DataSummary, Origin};

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
                            <div class="progress-fill" style:transform=format!("scaleX({:.4})", share)></div>
                        </div>
                    </div>
                }
            })
        }}
    }
}

/// What a file's data shows of the file: the parts of the worker's [`DataSummary`] that come
/// from it.
#[derive(Debug, Clone, PartialEq)]
struct FileView {
    name: String,
    columns: Vec<ColumnSummary>,
    report: Report,
    excluded: Vec<String>,
    scaling: Scaling,
}

impl FileView {
    fn of(data: &DataSummary) -> Option<Self> {
        match &data.origin {
            Origin::File { name, columns, report, excluded, scaling } => Some(FileView {
                name: name.clone(),
                columns: columns.clone(),
                report: report.clone(),
                excluded: excluded.clone(),
                scaling: *scaling,
            }),
            Origin::Generated { .. } => None,
        }
    }
}

/// The summary of the loaded file, while the data is a file's. It lives as long as the file
/// is loaded: preparing it again (another label, a column left out, another scaling) updates it
/// in place instead of making every row again; another file (the data cleared when it is
/// chosen) makes a new one.
#[component]
pub fn FilePanel(
    /// The data on the page.
    data: Memo<Option<DataSummary>>,
    /// Prepare the file again: the label, the columns left out, the scaling.
    on_prepare: Callback<(String, Vec<String>, Scaling)>,
) -> impl IntoView {
    let file = Memo::new(move |_| data.with(|d| d.as_ref().and_then(FileView::of)));
    let loaded = Memo::new(move |_| file.with(Option::is_some));
    move || {
        loaded.get().then(|| {
            let first = file.get_untracked()?;
            Some(view! { <FileSummary first=first file=file on_prepare=on_prepare /> })
        })
    }
}

/// What the file held: how it was prepared (in sentences), the label column to choose, and a
/// summary of every column.
#[component]
fn FileSummary(
    first: FileView,
    file: Memo<Option<FileView>>,
    on_prepare: Callback<(String, Vec<String>, Scaling)>,
) -> impl IntoView {
    let t = use_text();
    let lang = crate::app::lang::use_lang();
    // The choices, as the user made them (the worker prepares with them and echoes them).
    let chosen_label = RwSignal::new(first.report.label.clone());
    let excluded = RwSignal::new(first.excluded.clone());
    let scaling = RwSignal::new(first.scaling);
    let again =
        move || on_prepare.run((chosen_label.get_untracked(), excluded.get_untracked(), scaling.get_untracked()));
    let scalings = Signal::derive(move || {
        let t = &t.get().data;
        [("standard", t.scaling_standard), ("min_max", t.scaling_min_max), ("none", t.scaling_none)]
            .map(|(value, title)| (value.to_string(), title.to_string()))
            .to_vec()
    });
    let columns = Memo::new(move |_| file.with(|f| f.as_ref().map(|f| f.columns.clone()).unwrap_or_default()));
    let on_toggle = Callback::new(move |(column, used): (String, bool)| {
        excluded.update(|e| {
            e.retain(|n| n != &column);
            if !used {
                e.push(column);
            }
        });
        again();
    });
    // One closure for all the notes (a wide file has one a column): the language or another
    // preparing says them again.
    let notes = move || {
        let lang = lang.get();
        file.with(|f| {
            let notes = f.as_ref().map_or(&[][..], |f| &f.report.notes[..]);
            notes.iter().map(|n| view! { <li>{n.in_lang(lang)}</li> }).collect_view()
        })
    };
    let names: Vec<String> = first.columns.iter().map(|c| c.name.clone()).collect();
    let on_label = Callback::new(move |name: String| {
        chosen_label.set(name);
        again();
    });
    view! {
        <div class="file-summary" data-testid="file-summary">
            <p class="shape"><strong>{first.name.clone()}</strong></p>
            <ul class="notes" data-testid="prepare-notes">{notes}</ul>
            <div class="fields two">
                <LabelColumn names=names chosen=chosen_label.read_only().into() on_choose=on_label />
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
            <ColumnTable columns=columns excluded=excluded.read_only().into() on_toggle=on_toggle />
        </div>
    }
}

/// Up to this many columns the label is picked from a list; beyond it, it is typed, the
/// columns' names offered as the user types. The list's options are elements the page restyles
/// whenever its language changes (1,000 of them made a language switch a 60 ms task), where a
/// `<datalist>`'s, never displayed, are not.
const LABEL_LIST_MAX: usize = 100;

/// The label column: a list of the file's columns, or for a wide file a field that offers
/// their names and says when what was typed is not one of them.
#[component]
fn LabelColumn(names: Vec<String>, chosen: Signal<String>, on_choose: Callback<String>) -> impl IntoView {
    if names.len() <= LABEL_LIST_MAX {
        return view! {
            <Choose label=|t| t.data.label_column testid="label-column" options=Signal::stored(named(&names))
                selected=chosen on_change=on_choose />
        }
        .into_any();
    }
    let t = use_text();
    let count = names.len();
    let datalist = names.iter().map(|n| view! { <option value=n.clone()></option> }).collect_view();
    let names = StoredValue::new(names);
    // What was typed, when it is no column's name (the label stays the last one chosen).
    let unknown = RwSignal::new(None::<String>);
    let hint = move || {
        let t = t.get();
        match unknown.get() {
            Some(typed) => fill(t.data.label_unknown, &[("typed", &typed)]),
            None => fill(t.data.label_type, &[("count", &count)]),
        }
    };
    view! {
        <label class="field">
            <span>{move || t.get().data.label_column}</span>
            <input type="text" list="label-columns" data-testid="label-column" autocomplete="off" spellcheck="false"
                aria-describedby="label-column-hint"
                aria-invalid=move || unknown.with(Option::is_some).then_some("true")
                prop:value=move || chosen.get()
                on:change=move |ev| {
                    let typed = event_target_value(&ev);
                    if names.with_value(|n| n.contains(&typed)) {
                        unknown.set(None);
                        on_choose.run(typed);
                    } else {
                        unknown.set(Some(typed));
                    }
                } />
            <datalist id="label-columns">{datalist}</datalist>
            <small id="label-column-hint" data-testid="label-column-hint"
                class:field-error=move || unknown.with(Option::is_some) aria-live="polite">
                {hint}
            </small>
        </label>
    }
    .into_any()
}

/// A scaling's `value` in its selector.
fn scaling_key(scaling: Scaling) -> &'static str {
    match scaling {
        Scaling::Standard => "standard",
        Scaling::MinMax => "min_max",
        Scaling::None => "none",
    }
}
