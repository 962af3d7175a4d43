//! Redrawing a canvas at most once per animation frame.
//!
//! Many worker messages can arrive between two frames (fast epochs, a boundary map, the
//! speed); drawing on each would waste the page's thread. [`redraw_each_frame`] marks the canvas
//! dirty when what it shows changes, and draws once in the next `requestAnimationFrame`. It also
//! redraws when the window resizes, when the theme changes and when the language changes (a
//! chart's axis titles are drawn in the canvas). Each draw increments the canvas' `data-draws`
//! attribute, so tests can see how often it happened.
//!
//! All canvases share one frame budget ([`FRAME_BUDGET_MS`]): when a frame has many to draw (the
//! end of a run: both charts, the ROC curve, the diagram's new stage), those past the budget wait
//! for the next frame, so no frame becomes a long task.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use leptos::html::Canvas;
use leptos::prelude::*;
use web_sys::HtmlCanvasElement;

use super::lang::use_lang;
use super::theme::use_dark;
use crate::i18n::Text;

/// Draws `canvas` with `draw(canvas, dark, text)` (`text`: the page's words in the language in
/// force) in the animation frame after any signal read by `track` changes (and after resizes,
/// theme and language changes); `draw` should read signals untracked.
pub fn redraw_each_frame(
    canvas: NodeRef<Canvas>,
    track: impl Fn() + 'static,
    draw: impl Fn(&HtmlCanvasElement, bool, &'static Text) + 'static,
) {
    let dark = use_dark();
    let lang = use_lang();
    let resized = RwSignal::new(0u32);
    let handle = window_event_listener(leptos::ev::resize, move |_| resized.update(|n| *n += 1));
    on_cleanup(move || handle.remove());
    let draw = Rc::new(draw);
    let pending = Rc::new(Cell::new(false));
    let draws = Rc::new(Cell::new(0u32));
    Effect::new(move |_| {
        track();
        dark.track();
        lang.track();
        resized.track();
        if pending.replace(true) {
            return;
        }
        let (draw, pending, draws) = (draw.clone(), pending.clone(), draws.clone());
        in_a_frame(move || {
            pending.set(false);
            // The component may have gone (a new run replaced it) before the frame came.
            let Some(canvas) = canvas.try_get_untracked().flatten() else { return };
            draws.set(draws.get() + 1);
            let _ = canvas.set_attribute("data-draws", &draws.get().to_string());
            let text = Text::of(lang.try_get_untracked().unwrap_or_default());
            draw(&canvas, dark.try_get_untracked().unwrap_or(false), text);
        });
    });
}

/// Drawing time a frame may spend on canvases before the rest waits for the next frame.
pub const FRAME_BUDGET_MS: f64 = 12.0;

thread_local! {
    static QUEUE: RefCell<VecDeque<Box<dyn FnOnce()>>> = RefCell::new(VecDeque::new());
    static SCHEDULED: Cell<bool> = const { Cell::new(false) };
}

/// Runs `job` in an animation frame: the next one, unless the frames before it used their budget.
fn in_a_frame(job: impl FnOnce() + 'static) {
    QUEUE.with(|q| q.borrow_mut().push_back(Box::new(job)));
    if !SCHEDULED.replace(true) {
        request_animation_frame(run_queue);
    }
}

/// Runs queued jobs (at least one) until the frame's budget is spent; the rest go to the next.
fn run_queue() {
    let now = || web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now());
    let start = now();
    while let Some(job) = QUEUE.with(|q| q.borrow_mut().pop_front()) {
        job();
        if now() - start > FRAME_BUDGET_MS {
            break;
        }
    }
    if QUEUE.with(|q| q.borrow().is_empty()) {
        SCHEDULED.set(false);
    } else {
        request_animation_frame(run_queue);
    }
}
