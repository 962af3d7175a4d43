//! The data panel: a generator and its parameters, and what it made (shape, class balance,
//! first rows, and for 2-feature data a scatter plot).

use leptos::html::Canvas;
use leptos::prelude::*;

use super::fields::{with_code, Choose, ParamField};
use super::file_source::{load_built_in, FileDrop, FilePanel, LoadProgress};
use crate::app::lang::use_text;
use crate::app::redraw::redraw_each_frame;
use crate::app::scatter::draw_scatter;
use crate::app::setup_store::SetupStore;
use crate::app::store::Lab;
use crate::data::{Generator, Scaling};
use crate::i18n::{fill, Text};
use crate::page::{colours, Notice, Phase};
use crate::protocol::{DataSummary, Origin};
use crate::setup::{BuiltIn, DataSource};
use web_sys::Blob;

/// A source's title in the dataset selector (its `value` is its name in links).
fn title(source: DataSource, t: &'static Text) -> &'static str {
    let t = &t.data;
    match source {
        DataSource::Generated(g) => match g {
            Generator::Seed => t.gen_seed,
            Generator::Blobs => t.gen_blobs,
            Generator::Xor => t.gen_xor,
            Generator::Circles => t.gen_circles,
            Generator::Moons => t.gen_moons,
            Generator::Spirals => t.gen_spirals,
            Generator::Linear => t.gen_linear,
        },
        DataSource::BuiltIn(BuiltIn::BreastCancer) => t.breast_cancer,
        DataSource::BuiltIn(BuiltIn::Iris) => t.iris,
        DataSource::BuiltIn(BuiltIn::Wine) => t.wine,
        DataSource::Csv => t.own_csv,
    }
}

/// What each generator is, in a few words.
fn describe(generator: Generator, t: &'static Text) -> &'static str {
    let t = &t.data;
    match generator {
        Generator::Seed => t.about_seed,
        Generator::Blobs => t.about_blobs,
        Generator::Xor => t.about_xor,
        Generator::Circles => t.about_circles,
        Generator::Moons => t.about_moons,
        Generator::Spirals => t.about_spirals,
        Generator::Linear => t.about_linear,
    }
}

/// The generator, its fields, the Generate button, and a summary of the data.
#[component]
pub fn DataPanel(
    store: SetupStore,
    lab: Lab,
    on_generate: Callback<()>,
    on_file: Callback<(String, Blob)>,
    on_prepare: Callback<(String, Vec<String>, Scaling)>,
    on_notice: Callback<Notice>,
    /// The data's task may have changed (another source, another number of classes).
    on_task: Callback<()>,
) -> impl IntoView {
    let t = use_text();
    let choice = store.source;
    let options = Signal::derive(move || {
        DataSource::all().map(|s| (s.name().to_string(), title(s, t.get()).to_string())).collect::<Vec<_>>()
    });
    let on_choose = Callback::new(move |key: String| {
        if let Some(c) = DataSource::from_name(&key) {
            store.update(|s| {
                s.source = c;
                if let DataSource::Generated(g) = c {
                    s.generator.generator = g;
                }
            });
            on_task.run(());
        }
    });
    // Fields that do not parse keep Generate disabled; the set-up keeps its last good value.
    let invalid = RwSignal::new([false; 5]);
    let valid = move |i: usize| Callback::new(move |ok: bool| invalid.update(|f| f[i] = !ok));
    let generator = move || store.generator.with(|s| s.generator);
    let generated = move || matches!(choice.get(), DataSource::Generated(_));
    let disabled =
        move || lab.phase.get() == Phase::Loading || invalid.get().contains(&true) || lab.loading.with(Option::is_some);
    let on_click = move |_| match choice.get_untracked() {
        DataSource::Generated(_) => on_generate.run(()),
        DataSource::BuiltIn(b) => load_built_in(b.name(), on_file, move |n| on_notice.run(n)),
        DataSource::Csv => {}
    };
    view! {
        <section class="card" id="panel-data" aria-labelledby="data-title">
            <h2 id="data-title"><span class="step">"1"</span>{move || t.get().data.title}</h2>
            <Choose label=|t| t.data.dataset testid="dataset" options=options
                selected=Signal::derive(move || choice.get().name().to_string()) on_change=on_choose />
            <Show when=generated>
            <p class="hint">{move || with_code(describe(generator(), t.get()))}</p>
            <div class="fields">
                <ParamField store=store key="rows" id="rows" label=|t| t.data.rows on_valid=valid(0) />
                <Show when=move || !generator().is_planar()>
                    <ParamField store=store key="features" id="features" label=|t| t.data.features on_valid=valid(1) />
                </Show>
                <Show when=move || generator() == Generator::Blobs>
                    <ParamField store=store key="classes" id="classes" label=|t| t.data.classes on_valid=valid(2)
                        on_changed=on_task />
                </Show>
                <Show when=move || generator() != Generator::Seed>
                    <ParamField store=store key="noise" id="noise" label=|t| t.data.noise on_valid=valid(3) />
                </Show>
                <ParamField store=store key="label_noise" id="label-noise" label=|t| t.data.label_noise percent=true
                    on_valid=valid(4) />
            </div>
            <Show when=move || generator().is_planar()>
                <p class="hint" data-testid="fixed-shape">{move || t.get().data.fixed_shape}</p>
            </Show>
            </Show>
            <Show when=move || choice.get() == DataSource::Csv>
                <FileDrop on_file=on_file />
            </Show>
            <Show when=move || choice.get() != DataSource::Csv>
                <button class="primary" data-testid="generate" disabled=disabled on:click=on_click>
                    {move || if generated() { t.get().data.generate } else { t.get().data.load }}
                </button>
            </Show>
            <LoadProgress loading=lab.loading />
            <FilePanel data=lab.data on_prepare=on_prepare />
            {move || lab.data.get().map(|d| view! { <DataSummaryView data=d /> })}
        </section>
    }
}

/// Rows, features, class balance, the first rows, and a scatter plot of 2-feature data (a file's
/// own summary is [`FilePanel`], above it).
#[component]
fn DataSummaryView(data: DataSummary) -> impl IntoView {
    let total = data.rows.max(1) as f64;
    let balance = data
        .class_counts
        .iter()
        .enumerate()
        .map(|(class, &n)| {
            let share = 100.0 * n as f64 / total;
            // The class' colour, with the ink that reads on it (4.5:1 or more); set through the
            // CSSOM (`style:`), not a `style` attribute, which the page's CSP refuses.
            let colour = colours::class_colour(class);
            let (background, ink) = (colours::css(colour), colours::css(colours::ink_on(colour)));
            let width = format!("{share:.1}%");
            let name = data.classes.get(class).cloned().unwrap_or_else(|| class.to_string());
            view! {
                <div class="bar" style:width=width style:background=background style:color=ink title=format!("{name}: {n}")>
                    {format!("{name} · {share:.1}%")}
                </div>
            }
        })
        .collect_view();
    let t = use_text();
    let counts = data.class_counts.clone();
    let balance_text = move || {
        let t = &t.get().data;
        let classes = counts
            .iter()
            .enumerate()
            .map(|(class, n)| fill(t.class_count, &[("n", n), ("class", &class)]))
            .collect::<Vec<_>>()
            .join(t.list_separator);
        fill(t.class_balance, &[("classes", &classes)])
    };
    let shown = data.features.min(4); // and the label: the table fits the column unscrolled
    let names: Vec<String> = match &data.origin {
        Origin::File { report, .. } => report.features.clone(),
        Origin::Generated { .. } => (0..data.features).map(|j| format!("x{j}")).collect(),
    };
    let header = names.iter().take(shown).map(|n| view! { <th>{n.clone()}</th> }).collect_view();
    let more = data.features > shown;
    let rows = data
        .preview
        .iter()
        .map(|row| {
            let cells = row[..shown].iter().map(|v| view! { <td>{format!("{v:.3}")}</td> }).collect_view();
            let label = row.last().copied().unwrap_or_default();
            let label = data
                .classes
                .get(label as usize)
                .filter(|_| !data.classes.is_empty())
                .cloned()
                .unwrap_or_else(|| format!("{label:.3}"));
            view! { <tr>{cells}{more.then(|| view! { <td>"…"</td> })}<td class="label">{label}</td></tr> }
        })
        .collect_view();
    let noise = (data.label_noise() > 0.0).then(|| {
        let percent = format!("{:.0}", data.label_noise() * 100.0);
        move || fill(t.get().data.flipped, &[("percent", &percent)])
    });
    let points = data.points.clone();
    view! {
        <div class="summary" data-testid="data-summary">
            <p class="shape">
                <strong>{data.rows}</strong>{move || t.get().data.rows_times}
                <strong>{data.features}</strong>{move || t.get().data.features_after}
            </p>
            <div class="balance" role="img" aria-label=balance_text>{balance}</div>
            {noise.map(|n| view! { <p class="hint">{n}</p> })}
            {(!points.is_empty()).then(|| view! { <Scatter points=points /> })}
            <div class="table-wrap">
                <table class="preview">
                    <thead><tr>{header}{more.then(|| view! { <th>"…"</th> })}<th>"y"</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </div>
    }
}

/// The scatter plot, drawn in an animation frame once its canvas' box is known (drawing as the
/// data arrives would lay the page out inside the worker's message).
#[component]
fn Scatter(points: Vec<[f32; 3]>) -> impl IntoView {
    let canvas_ref = NodeRef::<Canvas>::new();
    let count = points.len();
    let t = use_text();
    redraw_each_frame(
        canvas_ref,
        || {},
        move |canvas, dark, _| {
            if let Err(e) = draw_scatter(canvas, &points, dark) {
                web_sys::console::warn_1(&format!("scatter plot: {e}").into());
            }
        },
    );
    view! {
        <canvas
            class="scatter"
            node_ref=canvas_ref
            data-testid="scatter"
            role="img"
            aria-label=move || fill(t.get().data.scatter, &[("count", &count)])
        ></canvas>
    }
}
