//! The data panel: a generator and its parameters, and what it made (shape, class balance,
//! first rows, and for 2-feature data a scatter plot).

use leptos::html::Canvas;
use leptos::prelude::*;

use super::file_source::{load_built_in, FileDrop, FileSummary, LoadProgress, BUILT_IN};
use crate::app::scatter::draw_scatter;
use crate::app::state::Phase;
use crate::data::{Generator, GeneratorSpec, Scaling};
use crate::protocol::{DataSummary, Origin};
use web_sys::Blob;

/// Where the data comes from, as the dataset selector offers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Choice {
    Generated(Generator),
    BuiltIn(&'static str),
    Csv,
}

impl Choice {
    fn key(self) -> String {
        match self {
            Choice::Generated(g) => g.name().to_string(),
            Choice::BuiltIn(name) => name.to_string(),
            Choice::Csv => "csv".to_string(),
        }
    }
}

/// What each generator is, in a few words.
fn describe(generator: Generator) -> &'static str {
    match generator {
        Generator::Seed => {
            "The seed example: X = np.random.rand(rows, features), y = np.random.randint(0, 2, rows). \
                            The labels are coin flips: there is nothing to learn."
        }
        Generator::Blobs => "Gaussian blobs, one class each: well separated unless the noise is large.",
        Generator::Xor => {
            "The XOR quadrants: class 1 where x0 and x1 have the same sign. No straight line separates them."
        }
        Generator::Circles => "Two circles, one inside the other.",
        Generator::Moons => "Two interleaved half moons.",
        Generator::Spirals => "Two interleaved spirals: the hardest of these shapes.",
        Generator::Linear => "Two classes split by a plane through the origin: a single layer could learn it.",
    }
}

/// A number field that reads into `on_change` when it parses within `min..=max` (whole numbers
/// only when `integer`), and otherwise says under the field what is wrong, keeping what the user
/// typed.
#[component]
fn NumberField(
    id: &'static str,
    label: &'static str,
    min: f64,
    max: f64,
    value: f64,
    #[prop(optional)] integer: bool,
    #[prop(optional, into)] disabled: Signal<bool>,
    on_change: Callback<Option<f64>>,
) -> impl IntoView {
    let (error, set_error) = signal(None::<String>);
    let on_input = move |ev| {
        let text = event_target_value(&ev);
        let parsed =
            text.trim().parse::<f64>().ok().filter(|v| (min..=max).contains(v) && (!integer || v.fract() == 0.0));
        let kind = if integer { "a whole number" } else { "a number" };
        set_error.set(parsed.is_none().then(|| format!("{label}: enter {kind} from {min} to {max}")));
        on_change.run(parsed);
    };
    view! {
        <label class="field" for=id>
            <span>{label}</span>
            <input
                id=id
                type="number"
                inputmode=if integer { "numeric" } else { "decimal" }
                step=if integer { "1" } else { "any" }
                min=min
                max=max
                value=value
                disabled=disabled
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                on:input=on_input
            />
            <Show when=move || error.with(Option::is_some)>
                <small class="field-error" role="alert">{move || error.get()}</small>
            </Show>
        </label>
    }
}

/// The generator, its fields, the Generate button, and a summary of the data.
#[component]
#[allow(clippy::too_many_arguments)]
pub fn DataPanel(
    spec: RwSignal<GeneratorSpec>,
    data: ReadSignal<Option<DataSummary>>,
    phase: ReadSignal<Phase>,
    loading: ReadSignal<Option<(String, u64, u64)>>,
    on_generate: Callback<()>,
    on_file: Callback<(String, Blob)>,
    on_prepare: Callback<(String, Vec<String>, Scaling)>,
    on_error: Callback<String>,
) -> impl IntoView {
    let choice = RwSignal::new(Choice::Generated(spec.get_untracked().generator));
    let choices: Vec<(Choice, &'static str)> = Generator::ALL
        .into_iter()
        .map(|g| (Choice::Generated(g), label(g)))
        .chain(BUILT_IN.into_iter().map(|(name, title)| (Choice::BuiltIn(name), title)))
        .chain([(Choice::Csv, "Your CSV file…")])
        .collect();
    // Fields that do not parse keep Generate disabled; the spec keeps its last good value.
    let invalid = RwSignal::new([false; 6]);
    let field = move |i: usize, apply: fn(&mut GeneratorSpec, f64)| {
        Callback::new(move |v: Option<f64>| {
            invalid.update(|f| f[i] = v.is_none());
            if let Some(v) = v {
                spec.update(|s| apply(s, v));
            }
        })
    };
    let start = spec.get_untracked();
    let generator = move || spec.with(|s| s.generator);
    let generated = move || matches!(choice.get(), Choice::Generated(_));
    let disabled =
        move || phase.get() == Phase::Loading || invalid.get().contains(&true) || loading.with(Option::is_some);
    let on_click = move |_| match choice.get_untracked() {
        Choice::Generated(_) => on_generate.run(()),
        Choice::BuiltIn(name) => load_built_in(name, on_file, move |e| on_error.run(e)),
        Choice::Csv => {}
    };
    view! {
        <section class="card" id="panel-data" aria-labelledby="data-title">
            <h2 id="data-title"><span class="step">"1"</span>"Data"</h2>
            <label class="field">
                <span>"Dataset"</span>
                <select
                    data-testid="dataset"
                    on:change=move |ev| {
                        let key = event_target_value(&ev);
                        if let Some(&(c, _)) = choices.iter().find(|(c, _)| c.key() == key) {
                            choice.set(c);
                            if let Choice::Generated(g) = c {
                                spec.update(|s| s.generator = g);
                            }
                        }
                    }
                >
                    {choices
                        .iter()
                        .map(|&(c, title)| view! { <option value=c.key() selected=move || choice.get() == c>{title}</option> })
                        .collect_view()}
                </select>
            </label>
            <Show when=generated>
            <p class="hint">{move || describe(generator())}</p>
            <div class="fields">
                <NumberField id="rows" label="Rows" min=10.0 max=200_000.0 value=start.rows as f64 integer=true
                    on_change=field(0, |s, v| s.rows = v as usize) />
                <NumberField id="features" label="Features" min=1.0 max=1000.0 value=start.features as f64 integer=true
                    disabled=Signal::derive(move || generator().is_planar())
                    on_change=field(1, |s, v| s.features = v as usize) />
                <NumberField id="classes" label="Classes" min=2.0 max=10.0 value=start.classes as f64 integer=true
                    disabled=Signal::derive(move || generator() != Generator::Blobs)
                    on_change=field(2, |s, v| s.classes = v as usize) />
                <NumberField id="noise" label="Noise" min=0.0 max=2.0 value=start.noise
                    disabled=Signal::derive(move || generator() == Generator::Seed)
                    on_change=field(3, |s, v| s.noise = v) />
                <NumberField id="label-noise" label="Label noise %" min=0.0 max=50.0 value=start.label_noise * 100.0
                    on_change=field(4, |s, v| s.label_noise = v / 100.0) />
                <NumberField id="seed" label="Seed" min=0.0 max=u32::MAX as f64 value=start.seed as f64 integer=true
                    on_change=field(5, |s, v| s.seed = v as u64) />
            </div>
            </Show>
            <Show when=move || choice.get() == Choice::Csv>
                <FileDrop on_file=on_file />
            </Show>
            <Show when=move || choice.get() != Choice::Csv>
                <button class="primary" data-testid="generate" disabled=disabled on:click=on_click>
                    {move || if generated() { "Generate" } else { "Load" }}
                </button>
            </Show>
            <LoadProgress loading=loading />
            {move || data.get().map(|d| view! { <DataSummaryView data=d on_prepare=on_prepare /> })}
        </section>
    }
}

/// The generator's name as the selector shows it.
fn label(generator: Generator) -> &'static str {
    match generator {
        Generator::Seed => "Random labels (the seed example)",
        Generator::Blobs => "Gaussian blobs",
        Generator::Xor => "XOR",
        Generator::Circles => "Circles",
        Generator::Moons => "Moons",
        Generator::Spirals => "Spirals",
        Generator::Linear => "Linearly separable",
    }
}

/// Rows, features, class balance, the first rows, and a scatter plot of 2-feature data; for a
/// file, how it was prepared and its columns.
#[component]
fn DataSummaryView(data: DataSummary, on_prepare: Callback<(String, Vec<String>, Scaling)>) -> impl IntoView {
    let file = match &data.origin {
        Origin::File { name, columns, report, excluded, scaling } => Some(view! {
            <FileSummary
                name=name.clone()
                columns=columns.clone()
                report=report.clone()
                excluded=excluded.clone()
                scaling=*scaling
                on_prepare=on_prepare
            />
        }),
        Origin::Generated { .. } => None,
    };
    let total = data.rows.max(1) as f64;
    let balance = data
        .class_counts
        .iter()
        .enumerate()
        .map(|(class, &n)| {
            let share = 100.0 * n as f64 / total;
            let colour = crate::app::scatter::CLASS_COLOURS[class % crate::app::scatter::CLASS_COLOURS.len()];
            let style = format!("width:{share:.1}%;background:rgb({},{},{})", colour.0, colour.1, colour.2);
            let name = data.classes.get(class).cloned().unwrap_or_else(|| class.to_string());
            view! { <div class="bar" style=style title=format!("{name}: {n}")>{format!("{name} · {share:.1}%")}</div> }
        })
        .collect_view();
    let balance_text =
        data.class_counts.iter().enumerate().map(|(c, n)| format!("{n} of class {c}")).collect::<Vec<_>>().join(", ");
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
        format!(
            "{:.0}% of the labels were flipped on purpose: no model can be right about those rows.",
            data.label_noise() * 100.0
        )
    });
    let points = data.points.clone();
    view! {
        <div class="summary" data-testid="data-summary">
            {file}
            <p class="shape"><strong>{data.rows}</strong>" rows × "<strong>{data.features}</strong>" features"</p>
            <div class="balance" role="img" aria-label=format!("Class balance: {balance_text}")>{balance}</div>
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

/// The scatter plot, drawn once its canvas is in the page.
#[component]
fn Scatter(points: Vec<[f32; 3]>) -> impl IntoView {
    let canvas_ref = NodeRef::<Canvas>::new();
    let dark = crate::app::theme::prefers_dark();
    let count = points.len();
    Effect::new(move |_| {
        if let Some(canvas) = canvas_ref.get() {
            if let Err(e) = draw_scatter(&canvas, &points, dark) {
                web_sys::console::warn_1(&format!("scatter plot: {e}").into());
            }
        }
    });
    view! {
        <canvas
            class="scatter"
            node_ref=canvas_ref
            data-testid="scatter"
            role="img"
            aria-label=format!("Scatter plot of {count} rows: x0 across, x1 up, coloured by class")
        ></canvas>
    }
}
