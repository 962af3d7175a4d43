//! The page's end of the worker: spawns it, sends [`ToWorker`], hands each [`FromWorker`] on.

use wasm_bindgen::prelude::*;
use web_sys::{ErrorEvent, MessageEvent, Worker, WorkerOptions, WorkerType};

use crate::protocol::{FromWorker, ToWorker};

/// Where trunk puts the worker's loader (`data-type="worker" data-loader-shim`).
const WORKER_URL: &str = "./worker_loader.js";

/// What the worker did: said something, or died.
#[derive(Debug, Clone, PartialEq)]
pub enum WorkerEvent {
    /// A message it posted.
    Message(FromWorker),
    /// It failed to load or trapped (a panic): it is gone and must be started again.
    Crashed(String),
}

/// A running training worker.
pub struct TrainerClient {
    worker: Worker,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(ErrorEvent)>,
}

impl TrainerClient {
    /// Starts the worker; `on_event` receives everything it says, and its death.
    pub fn spawn(on_event: impl Fn(WorkerEvent) + 'static) -> Result<Self, String> {
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        let worker = Worker::new_with_options(WORKER_URL, &options)
            .map_err(|e| format!("the browser could not start the training worker: {e:?}"))?;
        let on_event = std::rc::Rc::new(on_event);
        let handler = on_event.clone();
        let on_message_closure = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let text = event.data().as_string().unwrap_or_default();
            handler(WorkerEvent::Message(serde_json::from_str(&text).unwrap_or_else(|e| FromWorker::Failed {
                message: format!("the page could not read the worker's message: {e}"),
            })));
        });
        let on_error = Closure::<dyn FnMut(ErrorEvent)>::new(move |event: ErrorEvent| {
            event.prevent_default();
            let detail = event.message();
            let detail = if detail.is_empty() { "it failed to load".to_string() } else { detail };
            on_event(WorkerEvent::Crashed(format!("the training worker stopped: {detail}")));
        });
        worker.set_onmessage(Some(on_message_closure.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Ok(Self { worker, _on_message: on_message_closure, _on_error: on_error })
    }

    /// Sends a message to the worker, with a file beside it when there is one (posted as the
    /// array `[json, blob]`; the browser hands the worker the same file, not a copy of its bytes).
    pub fn send(&self, message: &ToWorker, blob: Option<&web_sys::Blob>) {
        let text = JsValue::from_str(&serde_json::to_string(message).expect("messages serialise"));
        let _ = match blob {
            Some(blob) => self.worker.post_message(&js_sys::Array::of2(&text, blob)),
            None => self.worker.post_message(&text),
        };
    }
}

impl Drop for TrainerClient {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}
