//! Asks before the page is left while a fit is under way: a reload, a closed tab or a link
//! would end the run in the worker and lose its curves, so the browser's own "Leave site?"
//! dialog comes first (the `beforeunload` event, cancelled). At any other time the page leaves
//! at once, as the browser's back-forward cache prefers.

use std::cell::Cell;
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use crate::page::Phase;

/// Listens to `beforeunload` for as long as the page lives, and cancels it while `phase` is a
/// fit ([`Phase::is_fitting`]).
pub fn guard_leaving(phase: Memo<Phase>) {
    let Some(window) = web_sys::window() else { return };
    let fitting = Rc::new(Cell::new(false));
    let listener = {
        let fitting = fitting.clone();
        Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            if fitting.get() {
                // Cancelling the event is what asks (browsers show their own words); a non-empty
                // `returnValue` is the older way, which some browsers still read.
                event.prevent_default();
                let _ = js_sys::Reflect::set(&event, &"returnValue".into(), &"a fit is running".into());
            }
        })
    };
    let _ = window.add_event_listener_with_callback("beforeunload", listener.as_ref().unchecked_ref());
    // The page's one listener, for the page's whole life.
    listener.forget();
    Effect::new(move |_| fitting.set(phase.get().is_fitting()));
}
