//! The key-factors card: the seed's three diagrams (a selector), in Chinese or English, drawn
//! on a canvas; the first is the map of the app, its node of the current stage lit, each node a
//! button that brings its panel into view. An editor redraws the diagram as the user types and
//! shows a parse error at its line.
//!
//! The built-in diagram is shown in the page's language, and follows it when it changes, unless
//! the user edited the text (an edit is never thrown away). The card's own chip shows the other
//! language's diagram.

use leptos::html::Canvas;
use leptos::prelude::*;

use super::draw::{draw_flowchart, lay_out, Placed};
use crate::app::lang::{use_lang, use_text};
use crate::app::redraw::redraw_each_frame;
use crate::diagram::{parse, seeds, Flowchart};
use crate::i18n::{fill, Lang, Text, Words};
use crate::page::Stage;

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

    fn title(self, text: &Text) -> &'static str {
        let t = &text.diagram;
        match self {
            Builtin::Pipeline => t.pipeline,
            Builtin::Decisions => t.decisions,
            Builtin::Problems => t.problems,
        }
    }

    fn source(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Builtin::Pipeline, Lang::Zh) => seeds::PIPELINE_ZH,
            (Builtin::Pipeline, Lang::En) => seeds::PIPELINE_EN,
            (Builtin::Decisions, Lang::Zh) => seeds::DECISIONS_ZH,
            (Builtin::Decisions, Lang::En) => seeds::DECISIONS_EN,
            (Builtin::Problems, Lang::Zh) => seeds::PROBLEMS_ZH,
            (Builtin::Problems, Lang::En) => seeds::PROBLEMS_EN,
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
    let t = use_text();
    let page = use_lang();
    let which = RwSignal::new(Builtin::Pipeline);
    // The language of the built-in diagram shown: the page's, or the other one by the chip.
    let shown = RwSignal::new(page.get_untracked());
    let text = RwSignal::new(Builtin::Pipeline.source(shown.get_untracked()).to_string());
    let parsed = Memo::new(move |_| text.with(|t| parse(t)));
    // The last chart that parsed: a typo keeps the drawing, and the error shows under the editor.
    let chart = Memo::new(move |previous: Option<&Flowchart>| match parsed.get() {
        Ok(chart) => chart,
        Err(_) => previous.cloned().unwrap_or_default(),
    });
    let error = move || parsed.with(|p| p.as_ref().err().map(|e| e.words(t.get())));
    let buttons = RwSignal::new(Vec::<NodeButton>::new());
    let edges = RwSignal::new(0usize);
    let canvas_ref = NodeRef::<Canvas>::new();
    // Drawing is the one thing here that talks to the world outside the signals: the canvas.
    // It happens in the next animation frame (once, however many changes came before it), so a
    // worker message that moves the lit stage never lays the page out in its own task.
    redraw_each_frame(
        canvas_ref,
        move || {
            chart.track();
            which.track();
            stage.track();
        },
        move |canvas, dark, _| {
            let is_map = which.get_untracked() == Builtin::Pipeline;
            let lit_stage = stage.get_untracked();
            chart.with_untracked(|chart| {
                let layout = lay_out(canvas, chart);
                let stage_of =
                    |id: &str| if is_map { Stage::ALL.into_iter().find(|s| s.node_id() == id) } else { None };
                let lit = chart.nodes.iter().position(|n| stage_of(&n.id) == Some(lit_stage));
                let placed = draw_flowchart(canvas, chart, &layout, lit, dark);
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
        },
    );

    let choose = move |b: Builtin, lang: Lang| {
        which.set(b);
        shown.set(lang);
        text.set(b.source(lang).to_string());
    };
    // The page's language changed: show the built-in diagram in it, if the editor still holds the
    // built-in text (what the user wrote stays).
    Effect::new(move |_| {
        let lang = page.get();
        let (b, was) = (which.get_untracked(), shown.get_untracked());
        if lang != was && text.with_untracked(|t| t == b.source(was)) {
            choose(b, lang);
        }
    });
    let go_to = move |stage: Stage| {
        let target = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(stage.panel_id()));
        if let Some(element) = target {
            element.scroll_into_view();
        }
    };
    view! {
        <section class="card diagram-card" id="panel-diagram" aria-labelledby="diagram-title">
            <div class="diagram-head">
                <h2 id="diagram-title">{move || t.get().diagram.title}</h2>
                <button
                    class="chip"
                    data-testid="diagram-lang"
                    aria-label=move || t.get().diagram.switch_lang
                    on:click=move |_| choose(which.get_untracked(), shown.get_untracked().other())
                >
                    {move || shown.get().other().name()}
                </button>
            </div>
            <label class="field">
                <span>{move || t.get().diagram.select}</span>
                <select
                    data-testid="diagram-select"
                    on:change=move |ev| {
                        let key = event_target_value(&ev);
                        if let Some(b) = Builtin::ALL.into_iter().find(|b| b.key() == key) {
                            choose(b, shown.get_untracked());
                        }
                    }
                >
                    {Builtin::ALL
                        .into_iter()
                        .map(|b| {
                            view! {
                                <option value=b.key() selected=move || which.get() == b>
                                    {move || b.title(t.get())}
                                </option>
                            }
                        })
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
                        fill(t.get().diagram.flowchart, &[("nodes", &names.join(" → "))])
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
                            // 计算资源 says how fast the worker trains, once it has: under the node, right
                            // of the arrow down from it (the map is top-down; beside the node, a
                            // narrow sidebar has no room).
                            let badge = (target == Some(Stage::Compute)).then(|| {
                                let at = format!(
                                    "left:{:.1}px;top:{:.1}px",
                                    n.at.left + n.at.width / 2.0 + 8.0,
                                    n.at.top + n.at.height + 6.0
                                );
                                view! { <ComputeBadge style=at /> }
                            });
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
                                {badge}
                            }
                        })
                        .collect_view()
                }}
            </div>
            <details class="diagram-editor">
                <summary>{move || t.get().diagram.edit}</summary>
                <textarea
                    data-testid="diagram-source"
                    spellcheck="false"
                    rows="9"
                    aria-label=move || t.get().diagram.source
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

/// The training speed beside the compute node (the app provides the speed signal).
#[component]
fn ComputeBadge(style: String) -> impl IntoView {
    let speed = use_context::<Memo<Option<crate::nn::Speed>>>();
    let t = use_text();
    let text = move || {
        let n = speed.and_then(|s| s.get()).map(|s| match s.samples_per_second {
            v if v >= 1e6 => format!("{:.1}M", v / 1e6),
            v if v >= 1e3 => format!("{:.0}k", v / 1e3),
            v => format!("{v:.0}"),
        })?;
        Some(fill(t.get().frame.samples_per_second, &[("n", &n)]))
    };
    view! {
        <Show when=move || text().is_some()>
            <span class="node-badge" style=style.clone() data-testid="compute-node-speed" aria-hidden="true">{text}</span>
        </Show>
    }
}
