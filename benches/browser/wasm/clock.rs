//! The worker's clock: `performance.now()` of its global scope, in milliseconds.

use wasm_bindgen::JsCast;
use web_sys::{Performance, WorkerGlobalScope};

thread_local! {
    static PERFORMANCE: Option<Performance> =
        js_sys::global().dyn_into::<WorkerGlobalScope>().ok().and_then(|scope| scope.performance());
}

/// Milliseconds since the worker started (0 outside a worker, where there is no clock to read).
pub fn now() -> f64 {
    PERFORMANCE.with(|p| p.as_ref().map_or(0.0, Performance::now))
}
