//! The data panel: the seed example's generator, and what it made.

use leptos::prelude::*;

use crate::app::state::Phase;
use crate::protocol::{DataSummary, GenerateSpec};

/// A number field that reads into `value` when it parses within `min..=max`, and otherwise
/// says what is wrong under the field, keeping what the user typed.
#[component]
fn NumberField(
    id: &'static str,
    label: &'static str,
    min: u64,
    max: u64,
    value: u64,
    on_change: Callback<Option<u64>>,
) -> impl IntoView {
    let (error, set_error) = signal(None::<String>);
    let on_input = move |ev| {
        let text = event_target_value(&ev);
        let parsed = text.trim().parse::<u64>().ok().filter(|v| (min..=max).contains(v));
        set_error.set(parsed.is_none().then(|| format!("{label}: enter a whole number from {min} to {max}")));
        on_change.run(parsed);
    };
    view! {
        <label class="field" for=id>
            <span>{label}</span>
            <input
                id=id
                type="number"
                inputmode="numeric"
                min=min
                max=max
                value=value
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                on:input=on_input
            />
            <Show when=move || error.with(Option::is_some)>
                <small class="field-error" role="alert">{move || error.get()}</small>
            </Show>
        </label>
    }
}

/// The generator's fields, the Generate button, and a summary of the data.
#[component]
pub fn DataPanel(
    spec: RwSignal<GenerateSpec>,
    data: ReadSignal<Option<DataSummary>>,
    phase: ReadSignal<Phase>,
    on_generate: Callback<()>,
) -> impl IntoView {
    // Fields that do not parse keep Generate disabled; the spec keeps its last good value.
    let invalid = RwSignal::new([false; 3]);
    let field = move |i: usize, apply: fn(&mut GenerateSpec, u64)| {
        Callback::new(move |v: Option<u64>| {
            invalid.update(|f| f[i] = v.is_none());
            if let Some(v) = v {
                spec.update(|s| apply(s, v));
            }
        })
    };
    let start = spec.get_untracked();
    let disabled = move || phase.get() == Phase::Loading || invalid.get().contains(&true);
    view! {
        <section class="card" id="panel-data" aria-labelledby="data-title">
            <h2 id="data-title"><span class="step">"1"</span>"Data"</h2>
            <p class="hint">
                "The seed example: " <code>"X = np.random.rand(rows, features)"</code> ", "
                <code>"y = np.random.randint(0, 2, rows)"</code> ". The labels are coin flips: there is nothing to learn."
            </p>
            <div class="fields">
                <NumberField id="rows" label="Rows" min=10 max=200_000 value=start.rows as u64
                    on_change=field(0, |s, v| s.rows = v as usize) />
                <NumberField id="features" label="Features" min=1 max=1000 value=start.features as u64
                    on_change=field(1, |s, v| s.features = v as usize) />
                <NumberField id="seed" label="Seed" min=0 max=u32::MAX as u64 value=start.seed
                    on_change=field(2, |s, v| s.seed = v) />
            </div>
            <button class="primary" data-testid="generate" disabled=disabled on:click=move |_| on_generate.run(())>
                "Generate"
            </button>
            {move || data.get().map(|d| view! { <DataSummaryView data=d /> })}
        </section>
    }
}

/// Rows, features, class balance and the first rows.
#[component]
fn DataSummaryView(data: DataSummary) -> impl IntoView {
    let (zeros, ones) =
        (data.class_counts.first().copied().unwrap_or(0), data.class_counts.get(1).copied().unwrap_or(0));
    let share = |n: usize| 100.0 * n as f64 / data.rows.max(1) as f64;
    let (p0, p1) = (share(zeros), share(ones));
    let shown = data.features.min(6);
    let header = (0..shown).map(|j| view! { <th>{format!("x{j}")}</th> }).collect_view();
    let more = data.features > shown;
    let rows = data
        .preview
        .iter()
        .map(|row| {
            let cells = row[..shown].iter().map(|v| view! { <td>{format!("{v:.3}")}</td> }).collect_view();
            let label = row.last().copied().unwrap_or_default();
            view! { <tr>{cells}{more.then(|| view! { <td>"…"</td> })}<td class="label">{format!("{label:.0}")}</td></tr> }
        })
        .collect_view();
    view! {
        <div class="summary" data-testid="data-summary">
            <p class="shape"><strong>{data.rows}</strong>" rows × "<strong>{data.features}</strong>" features"</p>
            <div class="balance" role="img" aria-label=format!("Class balance: {zeros} labelled 0, {ones} labelled 1")>
                <div class="bar zero" style=format!("width:{p0:.1}%")>{format!("0 · {p0:.1}%")}</div>
                <div class="bar one" style=format!("width:{p1:.1}%")>{format!("1 · {p1:.1}%")}</div>
            </div>
            <div class="table-wrap">
                <table class="preview">
                    <thead><tr>{header}{more.then(|| view! { <th>"…"</th> })}<th>"y"</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </div>
    }
}
