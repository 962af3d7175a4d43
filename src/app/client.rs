//! The page's end of the worker: spawns it, sends [`ToWorker`], hands each [`FromWorker`] on.

use wasm_bindgen::prelude::*;
use web_sys::{ErrorEvent, Event, MessageEvent, Worker, WorkerOptions, WorkerType};

use crate::protocol::{self, Failure, FromWorker, ToWorker, WorkerProblem};

/// Where trunk puts the workers' loaders (`data-type="worker" data-loader-shim`): the trainer
/// whose products fuse multiply-adds with relaxed SIMD, and the plain SIMD one.
const RELAXED_WORKER_URL: &str = "./worker_relaxed_loader.js";
const WORKER_URL: &str = "./worker_loader.js";

/// The smallest module using `f32x4.relaxed_madd`: `(func (param v128) (result v128)
/// (f32x4.relaxed_madd (local.get 0) (local.get 0) (local.get 0)))`. It validates exactly where
/// the relaxed worker can run.
const RELAXED_SIMD_PROBE: [u8; 35] = [
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version 1
    0x01, 0x06, 0x01, 0x60, 0x01, 0x7b, 0x01, 0x7b, // types: [v128] -> [v128]
    0x03, 0x02, 0x01, 0x00, // one function of type 0
    0x0a, 0x0d, 0x01, 0x0b, 0x00, // code: one body of 11 bytes, no locals
    0x20, 0x00, 0x20, 0x00, 0x20, 0x00, // local.get 0, three times
    0xfd, 0x85, 0x02, 0x0b, // f32x4.relaxed_madd, end
];

/// The worker this browser runs fastest: the relaxed-SIMD build where relaxed SIMD validates.
fn worker_url() -> &'static str {
    let probe = js_sys::Uint8Array::from(&RELAXED_SIMD_PROBE[..]);
    match js_sys::WebAssembly::validate(&probe) {
        Ok(true) => RELAXED_WORKER_URL,
        _ => WORKER_URL,
    }
}

/// What the worker did: said something, or died.
#[derive(Debug, Clone, PartialEq)]
pub enum WorkerEvent {
    /// A message it posted.
    Message(FromWorker),
    /// It failed to load or trapped (a panic, out of memory): it is gone and must be started
    /// again. The browser's words, when it gave some.
    Crashed(Option<String>),
    /// It could not be started: the browser's error.
    NotStarted(String),
}

/// A running training worker.
pub struct TrainerClient {
    worker: Worker,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(Event)>,
}

impl TrainerClient {
    /// Starts the worker; `on_event` receives everything it says, and its death.
    pub fn spawn(on_event: impl Fn(WorkerEvent) + 'static) -> Result<Self, String> {
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        let worker = Worker::new_with_options(worker_url(), &options).map_err(|e| format!("{e:?}"))?;
        let on_event = std::rc::Rc::new(on_event);
        let handler = on_event.clone();
        let on_message_closure = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let bytes = js_sys::Uint8Array::new(&event.data()).to_vec();
            handler(WorkerEvent::Message(protocol::decode(&bytes).unwrap_or_else(|detail| {
                FromWorker::Failed(Failure::Worker(WorkerProblem::MessageUnreadable { detail }))
            })));
        });
        // An error in the worker is an `ErrorEvent`; a script the browser would not load (a
        // network error, a missing header) is a plain `Event`, with no words.
        let on_error = Closure::<dyn FnMut(Event)>::new(move |event: Event| {
            event.prevent_default();
            let detail = event.dyn_ref::<ErrorEvent>().map(ErrorEvent::message).unwrap_or_default();
            on_event(WorkerEvent::Crashed((!detail.is_empty()).then_some(detail)));
        });
        worker.set_onmessage(Some(on_message_closure.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Ok(Self { worker, _on_message: on_message_closure, _on_error: on_error })
    }

    /// Sends a message to the worker, with a file beside it when there is one (posted as the
    /// array `[bytes, blob]`; the browser hands the worker the same file, not a copy of its bytes).
    pub fn send(&self, message: &ToWorker, blob: Option<&web_sys::Blob>) {
        let bytes = js_sys::Uint8Array::from(protocol::encode(message).as_slice());
        let _ = match blob {
            Some(blob) => self.worker.post_message(&js_sys::Array::of2(&bytes, blob)),
            None => self.worker.post_message(&bytes),
        };
    }
}

impl Drop for TrainerClient {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}
