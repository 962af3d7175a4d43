//! The key-factors card: the seed's three diagrams (a selector), in Chinese or English, drawn
//! on a canvas; the first is the map of the app, its node of the current stage lit, each node a
//! button that brings its panel into view. An editor redraws the diagram as the user types and
//! shows a parse error at its line.
//!
//! The built-in diagram is shown in the page's language, and follows it when it changes, unless
//! the user edited the text (an edit is never thrown away); the header's toggle is the one
//! language switch.
//!
//! Nothing here costs a frame on a big chart: the text is parsed 250 ms after the last keystroke
//! ([`SETTLE_MS`]), laid out once per parsed chart (a `Memo`), and only repainted when the stage,
//! the theme, the language or the box changes. A chart of any size is seen through the box at
//! any zoom, panned by scrolling or dragging ([`super::viewport`]); the canvas draws only the
//! window in view. The canvas counts its layouts in `data-layouts`
//! (as it counts draws in `data-draws`), for the tests. Positions go through the CSSOM
//! (`style:left=…` sets `element.style`), never an inline `style` attribute, so the page works
//! under `style-src 'self'`.

use std::time::Duration;

use leptos::html::Canvas;
use leptos::prelude::*;

use super::draw::{draw_window, lay_out, placed, Placed};
use super::viewport::{Viewport, ZoomBar};
use crate::app::lang::{use_lang, use_text};
use crate::app::redraw::{observe, redraw_each_frame};
use crate::app::scroll_to;
use crate::diagram::{parse, seeds, shown_label, Flowchart, Layout};
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

/// How long the text must rest before it is parsed and laid out again.
const SETTLE_MS: u64 = 250;

/// Most nodes that get a button over the canvas: beyond it, thousands of focusable buttons would
/// cost the page more to lay out (a 2,000-node chain: some 200 ms) than the drawing, and help
/// no one; the canvas alone shows the chart, and says its node count in `data-nodes`.
const MAX_OVERLAY_NODES: usize = 500;

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
    // The language of the built-in diagram shown: the page's.
    let shown = RwSignal::new(page.get_untracked());
    // What the editor holds, and what was last parsed: the latter follows once typing rests.
    let text = RwSignal::new(Builtin::Pipeline.source(shown.get_untracked()).to_string());
    let settled = RwSignal::new(text.get_untracked());
    let pending = StoredValue::new(None::<TimeoutHandle>);
    let canvas_ref = NodeRef::<Canvas>::new();
    let parsed = Memo::new(move |_| settled.with(|t| parse(t)));
    // The last chart that parsed: a typo keeps the drawing, and the error shows under the editor.
    let chart = Memo::new(move |previous: Option<&Flowchart>| match parsed.get() {
        Ok(chart) => chart,
        Err(_) => previous.cloned().unwrap_or_default(),
    });
    // One layout per chart (and canvas), numbered: a stage, a theme or a language only repaints.
    // The canvas shows its last layout's time in `data-layout-ms` (what the caps were chosen by).
    let laid = Memo::new(move |previous: Option<&(u32, Option<Layout>, f64)>| {
        let count = previous.map_or(0, |(count, ..)| *count);
        let now = || web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now());
        match canvas_ref.get() {
            Some(canvas) => {
                let began = now();
                let layout = chart.with(|chart| lay_out(&canvas, chart));
                (count + 1, Some(layout), now() - began)
            }
            None => (count, None, 0.0),
        }
    });
    let error = move || parsed.with(|p| p.as_ref().err().map(|e| e.words(t.get())));
    let buttons = RwSignal::new(Vec::<NodeButton>::new());
    let edges = RwSignal::new(0usize);
    let boxes = RwSignal::new(Vec::<(String, Placed)>::new());
    let viewport = Viewport::new();
    viewport.install();
    // The drawing fits its box's width: observe that box (its first observation draws).
    Effect::new(move |_| {
        if let Some(boxed) = viewport.box_ref.get() {
            observe(&boxed);
        }
    });
    // Drawing is the one thing here that talks to the world outside the signals: the canvas.
    // It happens in the next animation frame (once, however many changes came before it), so a
    // worker message that moves the lit stage never lays the page out in its own task; a
    // scroll redraws only the window in view.
    redraw_each_frame(
        canvas_ref,
        move || {
            laid.track();
            which.track();
            stage.track();
            viewport.zoom.track();
            viewport.scroll.track();
        },
        move |canvas, dark, _| {
            let is_map = which.get_untracked() == Builtin::Pipeline;
            let lit_stage = stage.get_untracked();
            laid.with_untracked(|(count, layout, ms)| {
                let Some(layout) = layout else { return };
                // The box's width as its `ResizeObserver` saw it: reading it from the element
                // would lay the page out in this frame, once more.
                let Some((view, window)) = viewport.frame((layout.width, layout.height), *count) else { return };
                let _ = canvas.set_attribute("data-layouts", &count.to_string());
                let _ = canvas.set_attribute("data-layout-ms", &format!("{ms:.1}"));
                let _ = canvas.set_attribute("data-scale", &format!("{:.3}", view.scale));
                chart.with_untracked(|chart| {
                    let stage_of =
                        |id: &str| if is_map { Stage::ALL.into_iter().find(|s| s.node_id() == id) } else { None };
                    let lit = chart.nodes.iter().position(|n| stage_of(&n.id) == Some(lit_stage));
                    draw_window(canvas, chart, layout, lit, dark, &view, &window);
                    edges.set(chart.edges.len());
                    let shown_boxes: Vec<(String, Placed)> = chart
                        .subgraphs
                        .iter()
                        .zip(&layout.subgraphs)
                        .map(|(subgraph, at)| {
                            let (left, top, width, height) =
                                view.place((at.left, at.top, at.left + at.width, at.top + at.height));
                            (subgraph.id.clone(), Placed { left, top, width, height })
                        })
                        .collect();
                    if boxes.with_untracked(|shown| *shown != shown_boxes) {
                        boxes.set(shown_boxes);
                    }
                    let overlay: Vec<NodeButton> = chart
                        .nodes
                        .iter()
                        .take(if chart.nodes.len() > MAX_OVERLAY_NODES { 0 } else { MAX_OVERLAY_NODES })
                        .zip(&layout.nodes)
                        .zip(placed(layout, &view))
                        .map(|((node, laid), at)| NodeButton {
                            id: node.id.clone(),
                            label: shown_label(&node.label).into_owned(),
                            layer: laid.layer,
                            at,
                            stage: stage_of(&node.id),
                        })
                        .collect();
                    let _ = canvas.set_attribute("data-nodes", &chart.nodes.len().to_string());
                    // A repaint (a stage, the theme, a scroll) moves no node: the buttons stay.
                    if buttons.with_untracked(|shown| *shown != overlay) {
                        buttons.set(overlay);
                    }
                });
            });
        },
    );

    let settle_now = move || {
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        settled.set(text.get_untracked());
    };
    let typed = move |value: String| {
        text.set(value);
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        let handle =
            set_timeout_with_handle(move || settled.set(text.get_untracked()), Duration::from_millis(SETTLE_MS));
        pending.set_value(handle.ok());
    };
    let choose = move |b: Builtin, lang: Lang| {
        if which.get_untracked() != b {
            viewport.reset();
        }
        which.set(b);
        shown.set(lang);
        text.set(b.source(lang).to_string());
        settle_now();
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
    view! {
        <section class="card diagram-card" id="panel-diagram" aria-labelledby="diagram-title">
            <div class="diagram-head">
                <h2 id="diagram-title">{move || t.get().diagram.title}</h2>
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
            <ZoomBar viewport=viewport />
            <div
                class="diagram-box"
                node_ref=viewport.box_ref
                data-testid="diagram-box"
                tabindex="0"
                role="group"
                aria-label=move || t.get().diagram.zoom_help
            >
                <div class="diagram-sheet" node_ref=viewport.sheet_ref>
                    <canvas
                        node_ref=canvas_ref
                        data-testid="diagram"
                        data-edges=move || edges.get()
                        role="img"
                        aria-label=move || {
                            let names: Vec<String> = buttons.with(|b| b.iter().take(50).map(|n| n.label.clone()).collect());
                            fill(t.get().diagram.flowchart, &[("nodes", &names.join(" → "))])
                        }
                    ></canvas>
                    // Where each subgraph's box is, for tests and tools (drawn on the canvas; not focusable).
                    {move || {
                        boxes
                            .get()
                            .into_iter()
                            .map(|(id, at)| {
                                let px = |v: f64| format!("{v:.1}px");
                                view! {
                                    <div
                                        class="diagram-subgraph"
                                        data-testid="diagram-subgraph"
                                        data-subgraph-id=id
                                        aria-hidden="true"
                                        style:left=px(at.left)
                                        style:top=px(at.top)
                                        style:width=px(at.width)
                                        style:height=px(at.height)
                                    ></div>
                                }
                            })
                            .collect_view()
                    }}
                    {move || {
                        buttons
                            .get()
                            .into_iter()
                            .map(|n| {
                                let px = |v: f64| format!("{v:.1}px");
                                let (left, top, width, height) = (px(n.at.left), px(n.at.top), px(n.at.width), px(n.at.height));
                                let target = n.stage;
                                let current = move || target.is_some() && target == Some(stage.get());
                                // 计算资源 says how fast the worker trains, once it has: under the node, right
                                // of the arrow down from it (the map is top-down; beside the node, a
                                // narrow sidebar has no room).
                                let badge = (target == Some(Stage::Compute)).then(|| {
                                    let at = (px(n.at.left + n.at.width / 2.0 + 8.0), px(n.at.top + n.at.height + 6.0));
                                    view! { <ComputeBadge at=at /> }
                                });
                                view! {
                                    <button
                                        class="diagram-node"
                                        style:left=left
                                        style:top=top
                                        style:width=width
                                        style:height=height
                                        data-testid="diagram-node"
                                        data-node-id=n.id
                                        data-layer=n.layer
                                        data-lit=move || current().then_some("true")
                                        aria-current=move || current().then_some("step")
                                        aria-label=n.label
                                        on:click=move |_| {
                                            if viewport.took_drag() {
                                                return;
                                            }
                                            if let Some(stage) = target {
                                                scroll_to(stage.panel_id())
                                            }
                                        }
                                    ></button>
                                    {badge}
                                }
                            })
                            .collect_view()
                    }}
                </div>
            </div>
            <details class="diagram-editor">
                <summary>{move || t.get().diagram.edit}</summary>
                <textarea
                    data-testid="diagram-source"
                    spellcheck="false"
                    rows="9"
                    aria-label=move || t.get().diagram.source
                    prop:value=move || text.get()
                    on:input=move |ev| typed(event_target_value(&ev))
                ></textarea>
                <Show when=move || error().is_some()>
                    <p class="diagram-error" role="alert" data-testid="diagram-error">{error}</p>
                </Show>
            </details>
        </section>
    }
}

/// The training speed beside the compute node (the app provides the speed signal), its `left`
/// and `top` given in `at`.
#[component]
fn ComputeBadge(at: (String, String)) -> impl IntoView {
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
            <span
                class="node-badge"
                style:left=at.0.clone()
                style:top=at.1.clone()
                data-testid="compute-node-speed"
                aria-hidden="true"
            >
                {text}
            </span>
        </Show>
    }
}
