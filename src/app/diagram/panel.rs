//! The key-factors card: the seed's three diagrams (a selector), in Chinese or English, drawn
//! on a canvas; the first is the map of the app, its node of the current stage lit, each node a
//! button that brings its panel into view. An editor redraws the diagram as the user types and
//! shows a parse error at its line.

use leptos::html::Canvas;
use leptos::prelude::*;

use super::draw::{draw_flowchart, lay_out, Placed};
use crate::app::state::Stage;
use crate::diagram::{parse, seeds, Flowchart};

/// The built-in diagrams.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Builtin {
    Pipeline,
    Decisions,
    Problems,
}

impl Builtin {
    const ALL: [Builtin; 3] = [Builtin::Pipeline, Builtin::Decisions, Builtin::Problems];

    fn key(self) -> &'static str {
        match self {
            Builtin::Pipeline => "pipeline",
            Builtin::Decisions => "decisions",
            Builtin::Problems => "problems",
        }
    }

    fn title(self) -> &'static str {
        match self {
            Builtin::Pipeline => "Key factors (the map of this lab)",
            Builtin::Decisions => "Key factors, with decisions",
            Builtin::Problems => "The Stability AI case: a chain of causes",
        }
    }

    fn source(self, chinese: bool) -> &'static str {
        match (self, chinese) {
            (Builtin::Pipeline, true) => seeds::PIPELINE_ZH,
            (Builtin::Pipeline, false) => seeds::PIPELINE_EN,
            (Builtin::Decisions, true) => seeds::DECISIONS_ZH,
            (Builtin::Decisions, false) => seeds::DECISIONS_EN,
            (Builtin::Problems, true) => seeds::PROBLEMS_ZH,
            (Builtin::Problems, false) => seeds::PROBLEMS_EN,
        }
    }
}

/// A node as the overlay shows it: where, what, and which panel it stands for.
#[derive(Debug, Clone, PartialEq)]
struct NodeButton {
    id: String,
    label: String,
    layer: usize,
    at: Placed,
    stage: Option<Stage>,
}

/// The diagram card. `stage` lights the pipeline's node of the user's stage.
#[component]
pub fn KeyFactors(stage: Signal<Stage>) -> impl IntoView {
    let which = RwSignal::new(Builtin::Pipeline);
    let chinese = RwSignal::new(true);
    let text = RwSignal::new(Builtin::Pipeline.source(true).to_string());
    let parsed = Memo::new(move |_| text.with(|t| parse(t)));
    // The last chart that parsed: a typo keeps the drawing, and the error shows under the editor.
    let chart = Memo::new(move |previous: Option<&Flowchart>| match parsed.get() {
        Ok(chart) => chart,
        Err(_) => previous.cloned().unwrap_or_default(),
    });
    let error = move || parsed.with(|p| p.as_ref().err().map(|e| e.to_string()));
    let buttons = RwSignal::new(Vec::<NodeButton>::new());
    let edges = RwSignal::new(0usize);
    let canvas_ref = NodeRef::<Canvas>::new();
    let resized = RwSignal::new(0u32);
    let handle = window_event_listener(leptos::ev::resize, move |_| resized.update(|n| *n += 1));
    on_cleanup(move || handle.remove());

    // Drawing is the one thing here that talks to the world outside the signals: the canvas.
    Effect::new(move |_| {
        resized.track();
        let Some(canvas) = canvas_ref.get() else { return };
        let is_map = which.get() == Builtin::Pipeline;
        chart.with(|chart| {
            let layout = lay_out(&canvas, chart);
            let stage_of = |id: &str| if is_map { Stage::ALL.into_iter().find(|s| s.node_id() == id) } else { None };
            let lit = chart.nodes.iter().position(|n| stage_of(&n.id) == Some(stage.get()));
            let placed = draw_flowchart(&canvas, chart, &layout, lit, crate::app::theme::prefers_dark());
            edges.set(chart.edges.len());
            buttons.set(
                chart
                    .nodes
                    .iter()
                    .zip(&layout.nodes)
                    .zip(placed)
                    .map(|((node, laid), at)| NodeButton {
                        id: node.id.clone(),
                        label: node.label.clone(),
                        layer: laid.layer,
                        at,
                        stage: stage_of(&node.id),
                    })
                    .collect(),
            );
        });
    });

    let choose = move |b: Builtin, zh: bool| {
        which.set(b);
        chinese.set(zh);
        text.set(b.source(zh).to_string());
    };
    let go_to = move |stage: Stage| {
        let target = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(stage.panel_id()));
        if let Some(element) = target {
            element.scroll_into_view();
        }
    };
    view! {
        <section class="card diagram-card" id="panel-diagram" aria-labelledby="diagram-title">
            <div class="diagram-head">
                <h2 id="diagram-title">"Key factors"</h2>
                <button
                    class="chip"
                    data-testid="diagram-lang"
                    aria-label="Switch the diagram's language"
                    on:click=move |_| choose(which.get_untracked(), !chinese.get_untracked())
                >
                    {move || if chinese.get() { "English" } else { "中文" }}
                </button>
            </div>
            <label class="field">
                <span>"Diagram"</span>
                <select
                    data-testid="diagram-select"
                    on:change=move |ev| {
                        let key = event_target_value(&ev);
                        if let Some(b) = Builtin::ALL.into_iter().find(|b| b.key() == key) {
                            choose(b, chinese.get_untracked());
                        }
                    }
                >
                    {Builtin::ALL
                        .into_iter()
                        .map(|b| view! { <option value=b.key() selected=move || which.get() == b>{b.title()}</option> })
                        .collect_view()}
                </select>
            </label>
            <div class="diagram-box">
                <canvas
                    node_ref=canvas_ref
                    data-testid="diagram"
                    data-edges=move || edges.get()
                    role="img"
                    aria-label=move || {
                        let names: Vec<String> = buttons.with(|b| b.iter().map(|n| n.label.clone()).collect());
                        format!("Flowchart: {}", names.join(" → "))
                    }
                ></canvas>
                {move || {
                    buttons
                        .get()
                        .into_iter()
                        .map(|n| {
                            let style = format!(
                                "left:{:.1}px;top:{:.1}px;width:{:.1}px;height:{:.1}px",
                                n.at.left, n.at.top, n.at.width, n.at.height
                            );
                            let target = n.stage;
                            let current = move || target.is_some() && target == Some(stage.get());
                            view! {
                                <button
                                    class="diagram-node"
                                    style=style
                                    data-testid="diagram-node"
                                    data-node-id=n.id
                                    data-layer=n.layer
                                    data-lit=move || current().then_some("true")
                                    aria-current=move || current().then_some("step")
                                    aria-label=n.label
                                    on:click=move |_| {
                                        if let Some(stage) = target {
                                            go_to(stage)
                                        }
                                    }
                                ></button>
                            }
                        })
                        .collect_view()
                }}
            </div>
            <details class="diagram-editor">
                <summary>"Edit the Mermaid source"</summary>
                <textarea
                    data-testid="diagram-source"
                    spellcheck="false"
                    rows="9"
                    aria-label="Mermaid source of the diagram"
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))
                ></textarea>
                <Show when=move || error().is_some()>
                    <p class="diagram-error" role="alert" data-testid="diagram-error">{error}</p>
                </Show>
            </details>
        </section>
    }
}
