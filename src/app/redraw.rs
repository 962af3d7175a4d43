//! Redrawing a canvas at most once per animation frame, within a frame budget, without making
//! the browser lay the page out.
//!
//! Many worker messages can arrive between two frames (fast epochs, a boundary map, the
//! speed); drawing on each would waste the page's thread. [`redraw_each_frame`] marks the canvas
//! dirty when what it shows changes, and draws once in a coming `requestAnimationFrame`. It also
//! redraws when its box changes size, when the theme changes and when the language changes (a
//! chart's axis titles are drawn in the canvas). Each draw increments the canvas' `data-draws`
//! attribute, so tests can see how often it happened.
//!
//! All canvases share one callback a frame and one budget ([`FRAME_BUDGET_MS`]): before each
//! draw the queue compares what the frame has spent plus that canvas' last drawing time with the
//! budget, and leaves the draw for the next frame if it would not fit (a frame always draws at
//! least one). A canvas' size comes from a `ResizeObserver`, which reports it after the
//! browser's own layout, so no draw reads `clientWidth` and forces a layout of its own (a canvas
//! first draws once its box has been observed; a drawing that depends on another element's box,
//! as the diagram on its parent's width, [`observe`]s that element too).

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use leptos::html::Canvas;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlCanvasElement, ResizeObserver, ResizeObserverEntry};

use super::lang::use_lang;
use super::theme::use_dark;
use crate::i18n::Text;

/// Drawing time a frame may spend on canvases before the rest waits for the next frame.
pub const FRAME_BUDGET_MS: f64 = 12.0;

/// A queued draw: which canvas (for its cost so far) and the drawing.
struct Job {
    canvas: HtmlCanvasElement,
    draw: Box<dyn FnOnce()>,
}

/// A `ResizeObserver` with the closure it calls.
type Observer = (ResizeObserver, Closure<dyn FnMut(js_sys::Array)>);

thread_local! {
    static QUEUE: RefCell<VecDeque<Job>> = const { RefCell::new(VecDeque::new()) };
    static SCHEDULED: Cell<bool> = const { Cell::new(false) };
    /// Each canvas' last drawing time, in milliseconds.
    static COSTS: RefCell<Vec<(HtmlCanvasElement, f64)>> = const { RefCell::new(Vec::new()) };
    /// Each observed element's content box, in CSS pixels, as the `ResizeObserver` last reported it.
    static SIZES: RefCell<Vec<(Element, f64, f64)>> = const { RefCell::new(Vec::new()) };
    /// Fires when an observed element's box changes: every canvas redraws.
    static RESIZED: ArcTrigger = ArcTrigger::new();
    /// The one `ResizeObserver` and its callback, kept alive together.
    static OBSERVER: RefCell<Option<Observer>> = const { RefCell::new(None) };
}

fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// The content box of `element` in CSS pixels, as last observed (none before its first
/// observation).
pub fn observed_size(element: &Element) -> Option<(f64, f64)> {
    SIZES.with(|s| s.borrow().iter().find(|(e, ..)| e == element).map(|&(_, w, h)| (w, h)))
}

/// Starts observing `element`'s content box: [`observed_size`] follows it, and every canvas
/// redraws when it changes. The first observation comes after the browser's next layout.
pub fn observe(element: &Element) {
    OBSERVER.with(|o| {
        let mut o = o.borrow_mut();
        if o.is_none() {
            let callback = Closure::<dyn FnMut(js_sys::Array)>::new(|entries: js_sys::Array| {
                SIZES.with(|sizes| {
                    let mut sizes = sizes.borrow_mut();
                    for entry in entries.iter() {
                        let entry: ResizeObserverEntry = entry.unchecked_into();
                        let element = entry.target();
                        let rect = entry.content_rect();
                        let size = (rect.width(), rect.height());
                        match sizes.iter_mut().find(|(e, ..)| *e == element) {
                            Some(s) => (s.1, s.2) = size,
                            None => sizes.push((element, size.0, size.1)),
                        }
                    }
                });
                RESIZED.with(|r| r.notify());
            });
            if let Ok(observer) = ResizeObserver::new(callback.as_ref().unchecked_ref()) {
                *o = Some((observer, callback));
            }
        }
        if let Some((observer, _)) = o.as_ref() {
            observer.observe(element);
        }
    });
}

/// Draws `canvas` with `draw(canvas, dark, text)` (`text`: the page's words in the language in
/// force) in a coming animation frame after any signal read by `track` changes (and after its
/// box, the theme or the language changes); `draw` should read signals untracked.
pub fn redraw_each_frame(
    canvas: NodeRef<Canvas>,
    track: impl Fn() + 'static,
    draw: impl Fn(&HtmlCanvasElement, bool, &'static Text) + 'static,
) {
    let dark = use_dark();
    let lang = use_lang();
    let resized = RESIZED.with(Clone::clone);
    let draw = Rc::new(draw);
    let pending = Rc::new(Cell::new(false));
    let draws = Rc::new(Cell::new(0u32));
    Effect::new(move |_| {
        if let Some(c) = canvas.get() {
            observe(&c);
        }
    });
    Effect::new(move |_| {
        track();
        dark.track();
        lang.track();
        resized.track();
        let Some(element) = canvas.get_untracked() else { return };
        if pending.replace(true) {
            return;
        }
        let (draw, pending, draws) = (draw.clone(), pending.clone(), draws.clone());
        in_a_frame(Job {
            canvas: element.clone(),
            draw: Box::new(move || {
                pending.set(false);
                // The component may have gone (a new run replaced it) before the frame came.
                let Some(canvas) = canvas.try_get_untracked().flatten() else { return };
                // Its box is not known yet: its first observation (after this frame's layout)
                // brings the draw back.
                if observed_size(&canvas).is_none() {
                    return;
                }
                draws.set(draws.get() + 1);
                let _ = canvas.set_attribute("data-draws", &draws.get().to_string());
                let text = Text::of(lang.try_get_untracked().unwrap_or_default());
                draw(&canvas, dark.try_get_untracked().unwrap_or(false), text);
            }),
        });
    });
}

/// Queues `job` for a coming animation frame (one callback serves every canvas).
fn in_a_frame(job: Job) {
    QUEUE.with(|q| q.borrow_mut().push_back(job));
    if !SCHEDULED.replace(true) {
        request_animation_frame(run_queue);
    }
}

/// The last drawing time of `canvas` (none before it first drew).
fn cost(canvas: &HtmlCanvasElement) -> f64 {
    COSTS.with(|c| c.borrow().iter().find(|(k, _)| k == canvas).map_or(0.0, |&(_, ms)| ms))
}

fn record_cost(canvas: HtmlCanvasElement, ms: f64) {
    COSTS.with(|c| {
        let mut c = c.borrow_mut();
        match c.iter_mut().find(|(k, _)| *k == canvas) {
            Some(entry) => entry.1 = ms,
            None => c.push((canvas, ms)),
        }
    });
}

/// Runs queued draws while each fits the frame's budget (the first always runs); the rest wait
/// for the next frame.
fn run_queue() {
    let start = now();
    let mut ran = 0;
    loop {
        let fits = QUEUE
            .with(|q| q.borrow().front().map(|job| ran == 0 || now() - start + cost(&job.canvas) <= FRAME_BUDGET_MS));
        if fits != Some(true) {
            break;
        }
        let Some(job) = QUEUE.with(|q| q.borrow_mut().pop_front()) else { break };
        let began = now();
        (job.draw)();
        record_cost(job.canvas, now() - began);
        ran += 1;
    }
    if QUEUE.with(|q| q.borrow().is_empty()) {
        SCHEDULED.set(false);
    } else {
        request_animation_frame(run_queue);
    }
}
