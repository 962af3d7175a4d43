//! Zoom and pan of the diagram: the box scrolls a sheet the size of the scaled chart, and the
//! canvas, sticky in the box, draws the window of it in view ([`crate::diagram::View`] does the
//! arithmetic). The zoom bar's − and + step the zoom, Fit shows the whole chart; in the box,
//! Ctrl (or ⌘) + wheel zooms about the pointer, `+`, `-` and `0` zoom from the keyboard, and a
//! mouse drags the sheet (touch scrolls it as any box).
//!
//! Everything that touches the page's layout happens in the diagram's animation frame
//! ([`Viewport::frame`]): the sheet's and the box's sizes are set there, and a zoom's new
//! scroll position is applied there, after them; the scroll position is otherwise read in the
//! box's `scroll` events, never in a frame.

use std::cell::Cell;
use std::rc::Rc;

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::{AddEventListenerOptions, HtmlElement, KeyboardEvent, PointerEvent, WheelEvent};

use crate::app::lang::use_text;
use crate::app::redraw::observed_size;
use crate::diagram::{fit_all, stepped, view_height, wheel_zoom, zoom_range, View, Window, Zoom};

/// A listener of the box, kept alive with it.
type Listener = Closure<dyn FnMut(web_sys::Event)>;

/// A mouse must move this far (CSS px) before a press becomes a drag (and not a click).
const DRAG_PX: f64 = 4.0;

/// What the last frame showed: the chart's size, the view, and the box's visible size.
#[derive(Debug, Clone, Copy)]
struct Shown {
    size: (f64, f64),
    view: View,
    visible: (f64, f64),
}

/// The diagram's zoom and scroll, and the handles of its box and sheet.
#[derive(Clone, Copy)]
pub(super) struct Viewport {
    /// The zoom chosen (fit the width, until the user zooms).
    pub zoom: RwSignal<Zoom>,
    /// The box's scroll position, as its last `scroll` event left it.
    pub scroll: RwSignal<(f64, f64)>,
    /// The scale of the last frame, for the zoom bar.
    pub scale: RwSignal<f64>,
    /// A scroll position to apply in the next frame (after a zoom).
    pending: StoredValue<Option<(f64, f64)>>,
    /// The layout shown last (its number): a new one is shown from its top centre.
    layout: StoredValue<u32>,
    shown: StoredValue<Option<Shown>>,
    /// The scrolling box, and the sheet in it.
    pub box_ref: NodeRef<Div>,
    pub sheet_ref: NodeRef<Div>,
    /// Set when a press became a drag, so the click that ends it does not press a node.
    dragged: StoredValue<bool>,
}

fn set_px(element: &HtmlElement, property: &str, value: f64) {
    let value = format!("{value}px");
    let style = element.style();
    if style.get_property_value(property).ok().as_deref() != Some(value.as_str()) {
        let _ = style.set_property(property, &value);
    }
}

impl Viewport {
    /// A viewport fitting the width, scrolled to the top.
    pub fn new() -> Viewport {
        Viewport {
            zoom: RwSignal::new(Zoom::FitWidth),
            scroll: RwSignal::new((0.0, 0.0)),
            scale: RwSignal::new(1.0),
            pending: StoredValue::new(None),
            layout: StoredValue::new(0),
            shown: StoredValue::new(None),
            box_ref: NodeRef::new(),
            sheet_ref: NodeRef::new(),
            dragged: StoredValue::new(false),
        }
    }

    /// Back to fitting the width, at the top (a new diagram chosen).
    pub fn reset(&self) {
        self.pending.set_value(Some((0.0, 0.0)));
        self.zoom.set(Zoom::FitWidth);
    }

    /// Whether a node's click is the end of a drag (and so no click); reading clears it.
    pub fn took_drag(&self) -> bool {
        let dragged = self.dragged.get_value();
        self.dragged.set_value(false);
        dragged
    }

    /// Sizes the sheet and the box for a chart of `size` (layout number `layout`) in this frame,
    /// applies a zoom's scroll, and says what to draw: the view and the canvas' window (none
    /// before the box is observed). A new layout wider than the box is shown from its top centre,
    /// where a top-down chart's first nodes are (its top left may well be empty).
    pub fn frame(&self, size: (f64, f64), layout: u32) -> Option<(View, Window)> {
        let boxed = self.box_ref.get_untracked()?;
        let sheet = self.sheet_ref.get_untracked()?;
        let (width, observed) = observed_size(&boxed)?;
        let view = View::new(size, self.zoom.get_untracked(), width);
        let window_height = web_sys::window().and_then(|w| w.inner_height().ok()).and_then(|h| h.as_f64());
        let height = view_height(view.sheet.1, window_height.unwrap_or(800.0));
        set_px(&sheet, "width", view.sheet.0);
        set_px(&sheet, "height", view.sheet.1);
        set_px(&boxed, "height", height);
        if self.layout.get_value() != layout {
            self.layout.set_value(layout);
            if self.pending.get_value().is_none() {
                self.pending.set_value(Some(((view.sheet.0 - width) / 2.0, 0.0)));
            }
        }
        // A horizontal scrollbar takes some of the box's height: the observed content box says
        // how much, once it was observed at this height.
        let visible = (width, if observed <= height && observed > height - 32.0 { observed } else { height });
        let scroll = match self.pending.get_value() {
            // Already there (a new chart that fits, at the top): nothing to set, and no layout.
            Some(target) if (target.0.round(), target.1.round()) == self.scroll.get_untracked() => {
                self.pending.set_value(None);
                target
            }
            Some((left, top)) => {
                self.pending.set_value(None);
                boxed.set_scroll_left(left.round() as i32);
                boxed.set_scroll_top(top.round() as i32);
                let now = (boxed.scroll_left() as f64, boxed.scroll_top() as f64);
                self.scroll.set(now);
                now
            }
            None => self.scroll.get_untracked(),
        };
        self.shown.set_value(Some(Shown { size, view, visible }));
        if self.scale.get_untracked() != view.scale {
            self.scale.set(view.scale);
        }
        Some((view, view.window(scroll, visible)))
    }

    /// Changes the zoom to `scale`, keeping the chart's point under `anchor` (CSS px in the box;
    /// the box's centre when none) where it is.
    fn zoom_to(&self, scale: impl FnOnce(&Shown) -> f64, anchor: Option<(f64, f64)>) {
        let Some(shown) = self.shown.get_value() else { return };
        let scale = scale(&shown);
        let next = View::new(shown.size, Zoom::Scale(scale), shown.visible.0);
        let anchor = anchor.unwrap_or((shown.visible.0 / 2.0, shown.visible.1 / 2.0));
        self.pending.set_value(Some(shown.view.scroll_after(&next, self.scroll.get_untracked(), anchor)));
        self.zoom.set(Zoom::Scale(scale));
    }

    /// Zooms in (`steps` > 0) or out by whole steps, about `anchor`.
    pub fn step(&self, steps: i32, anchor: Option<(f64, f64)>) {
        self.zoom_to(|s| stepped(s.view.scale, steps, zoom_range(s.size, s.visible)), anchor);
    }

    /// Shows the whole chart, from its top left.
    pub fn fit(&self) {
        let Some(shown) = self.shown.get_value() else { return };
        let window_height = web_sys::window().and_then(|w| w.inner_height().ok()).and_then(|h| h.as_f64());
        let tallest = view_height(f64::MAX, window_height.unwrap_or(800.0));
        self.pending.set_value(Some((0.0, 0.0)));
        self.zoom.set(Zoom::Scale(fit_all(shown.size, (shown.visible.0, tallest))));
    }

    /// Installs the box's own handlers: the scroll position, Ctrl + wheel, the keys and the
    /// mouse drag. Call once, in the component.
    pub fn install(self) {
        // The listeners live as long as the component.
        let listeners: StoredValue<Vec<Listener>, LocalStorage> = StoredValue::new_local(Vec::new());
        Effect::new(move |_| {
            let Some(boxed) = self.box_ref.get() else { return };
            let element: HtmlElement = boxed.clone().into();
            let anchor_of = move |x: i32, y: i32| {
                let rect = element.get_bounding_client_rect();
                (x as f64 - rect.left(), y as f64 - rect.top())
            };
            let add = |name: &str, passive: bool, handler: Box<dyn FnMut(web_sys::Event)>| {
                let closure = Closure::wrap(handler);
                let options = AddEventListenerOptions::new();
                options.set_passive(passive);
                let _ = boxed.add_event_listener_with_callback_and_add_event_listener_options(
                    name,
                    closure.as_ref().unchecked_ref(),
                    &options,
                );
                listeners.update_value(|l| l.push(closure));
            };
            let scrolled = boxed.clone();
            add(
                "scroll",
                true,
                Box::new(move |_| {
                    self.scroll.set((scrolled.scroll_left() as f64, scrolled.scroll_top() as f64));
                }),
            );
            let anchor = anchor_of.clone();
            add(
                "wheel",
                false,
                Box::new(move |event| {
                    let event: WheelEvent = event.unchecked_into();
                    if !(event.ctrl_key() || event.meta_key()) {
                        return;
                    }
                    event.prevent_default();
                    let at = anchor(event.client_x(), event.client_y());
                    let delta =
                        event.delta_y() * if event.delta_mode() == WheelEvent::DOM_DELTA_LINE { 16.0 } else { 1.0 };
                    self.zoom_to(|s| wheel_zoom(s.view.scale, delta, zoom_range(s.size, s.visible)), Some(at));
                }),
            );
            add(
                "keydown",
                false,
                Box::new(move |event| {
                    let event: KeyboardEvent = event.unchecked_into();
                    if event.ctrl_key() || event.meta_key() || event.alt_key() {
                        return;
                    }
                    match event.key().as_str() {
                        "+" | "=" => self.step(1, None),
                        "-" | "_" => self.step(-1, None),
                        "0" => self.fit(),
                        _ => return,
                    }
                    event.prevent_default();
                }),
            );
            // A mouse drag pans: from the press, once it moved past `DRAG_PX` (a click stays a
            // click), the pointer captured so the drag goes on outside the box.
            let press = Rc::new(Cell::new(None::<(f64, f64, f64, f64, i32)>));
            let (down, dragging) = (press.clone(), boxed.clone());
            add(
                "pointerdown",
                true,
                Box::new(move |event| {
                    let event: PointerEvent = event.unchecked_into();
                    self.dragged.set_value(false);
                    if event.pointer_type() == "mouse" && event.button() == 0 {
                        let (x, y) = (event.client_x() as f64, event.client_y() as f64);
                        let (left, top) = (dragging.scroll_left() as f64, dragging.scroll_top() as f64);
                        down.set(Some((x, y, left, top, event.pointer_id())));
                    }
                }),
            );
            let (moving, panned) = (press.clone(), boxed.clone());
            add(
                "pointermove",
                true,
                Box::new(move |event| {
                    let event: PointerEvent = event.unchecked_into();
                    let Some((x, y, left, top, id)) = moving.get() else { return };
                    let (dx, dy) = (event.client_x() as f64 - x, event.client_y() as f64 - y);
                    if !self.dragged.get_value() && dx.abs() + dy.abs() < DRAG_PX {
                        return;
                    }
                    if !self.dragged.get_value() {
                        self.dragged.set_value(true);
                        let _ = panned.set_pointer_capture(id);
                        let _ = panned.class_list().add_1("panning");
                    }
                    panned.set_scroll_left((left - dx).round() as i32);
                    panned.set_scroll_top((top - dy).round() as i32);
                }),
            );
            for name in ["pointerup", "pointercancel"] {
                let (up, released) = (press.clone(), boxed.clone());
                add(
                    name,
                    true,
                    Box::new(move |_| {
                        up.set(None);
                        let _ = released.class_list().remove_1("panning");
                    }),
                );
            }
        });
    }
}

/// The zoom bar: −, the zoom in percent, +, and Fit.
#[component]
pub(super) fn ZoomBar(viewport: Viewport) -> impl IntoView {
    let t = use_text();
    // A percentage reads the same in both languages.
    let percent = move || format!("{:.0}%", viewport.scale.get() * 100.0);
    view! {
        <div class="diagram-zoom" role="toolbar" aria-label=move || t.get().diagram.zoom>
            <button
                class="chip"
                data-testid="diagram-zoom-out"
                aria-label=move || t.get().diagram.zoom_out
                title=move || t.get().diagram.zoom_out
                on:click=move |_| viewport.step(-1, None)
            >
                "−"
            </button>
            <output data-testid="diagram-zoom" aria-live="polite">
                {percent}
            </output>
            <button
                class="chip"
                data-testid="diagram-zoom-in"
                aria-label=move || t.get().diagram.zoom_in
                title=move || t.get().diagram.zoom_in
                on:click=move |_| viewport.step(1, None)
            >
                "+"
            </button>
            <button
                class="chip"
                data-testid="diagram-fit"
                title=move || t.get().diagram.zoom_fit_title
                on:click=move |_| viewport.fit()
            >
                {move || t.get().diagram.zoom_fit}
            </button>
            <span class="diagram-zoom-help">{move || t.get().diagram.zoom_help}</span>
        </div>
    }
}
