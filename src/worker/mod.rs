//! The training worker: a thin adapter between the page's messages and the engine.
//!
//! It keeps the data ([`data`]: generated, or a CSV file read in chunks) and the running fit
//! ([`train`]), and works in slices of about [`SLICE_MS`] milliseconds, each slice a task of its
//! own (queued through a `MessageChannel`), so that a `Stop` from the page is read between two
//! slices. Progress is posted at most every [`POST_EVERY_MS`] milliseconds (an epoch's end
//! always), which keeps message traffic independent of how small the batches are.

mod data;
mod train;

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::{Blob, DedicatedWorkerGlobalScope, MessageChannel, MessageEvent, MessagePort};

use crate::data::{Scaler, Schema};
use crate::nn::{kernels, Sequential};
use crate::protocol::{FromWorker, ToWorker};
use data::{Load, Source};
use train::Run;

/// Work runs this long before the worker yields to read its messages.
const SLICE_MS: f64 = 25.0;
/// Progress is posted at most this often.
const POST_EVERY_MS: f64 = 40.0;

struct Worker {
    scope: DedicatedWorkerGlobalScope,
    wake: MessagePort,
    /// The data trained on.
    source: Option<Source>,
    /// A CSV file as read (name and table), kept to prepare it again.
    table: Option<(String, crate::data::Table)>,
    /// A CSV file being read.
    load: Option<Load>,
    /// The running fit.
    run: Option<Run>,
    /// The last fully trained model, for `Predict`, with how a file's rows become its input.
    trained: Option<(Sequential, Option<(Schema, Scaler)>)>,
}

/// Starts the worker: installs its message handler and posts [`FromWorker::Ready`].
pub fn start() {
    console_error_panic_hook::set_once();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let channel = MessageChannel::new().expect("MessageChannel exists in workers");
    let worker = Rc::new(RefCell::new(Worker {
        scope: scope.clone(),
        wake: channel.port2(),
        source: None,
        table: None,
        load: None,
        run: None,
        trained: None,
    }));

    let handler = worker.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        // A message is JSON text, or `[json, blob]` when a file comes with it.
        let data = event.data();
        let (text, blob) = match data.dyn_ref::<js_sys::Array>() {
            Some(parts) => (parts.get(0).as_string(), parts.get(1).dyn_into::<Blob>().ok()),
            None => (data.as_string(), None),
        };
        match serde_json::from_str::<ToWorker>(&text.unwrap_or_default()) {
            Ok(message) => handler.borrow_mut().handle(message, blob),
            Err(e) => handler
                .borrow()
                .post(&FromWorker::Failed { message: format!("the worker got a message it cannot read: {e}") }),
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();

    let pumped = worker.clone();
    let on_wake = Closure::<dyn FnMut()>::new(move || pumped.borrow_mut().pump());
    channel.port1().set_onmessage(Some(on_wake.as_ref().unchecked_ref()));
    on_wake.forget();

    worker.borrow().post(&FromWorker::Ready { simd: kernels::SIMD });
}

impl Worker {
    fn post(&self, message: &FromWorker) {
        let text = serde_json::to_string(message).expect("messages serialise");
        // Posting a string to the page cannot fail.
        let _ = self.scope.post_message(&JsValue::from_str(&text));
    }

    fn fail(&self, message: impl std::fmt::Display) {
        self.post(&FromWorker::Failed { message: message.to_string() });
    }

    fn now(&self) -> f64 {
        self.scope.performance().map(|p| p.now()).unwrap_or(0.0)
    }

    /// Queues the next slice behind any message already waiting.
    fn schedule(&self) {
        let _ = self.wake.post_message(&JsValue::NULL);
    }

    fn handle(&mut self, message: ToWorker, blob: Option<Blob>) {
        match message {
            ToWorker::Generate(spec) => self.generate(spec),
            ToWorker::LoadCsv { name } => match blob {
                Some(blob) => self.begin_load(name, blob),
                None => self.fail(format!("{name}: the file did not reach the worker")),
            },
            ToWorker::Prepare { label, exclude, scaling } => self.prepare(label, exclude, scaling),
            ToWorker::Train(spec) => match self.begin(spec) {
                Ok(()) => self.schedule(),
                Err(e) => self.fail(e),
            },
            ToWorker::Stop => {
                if self.run.take().is_some() {
                    self.post(&FromWorker::Stopped);
                }
            }
            ToWorker::Predict(row) => self.predict(row),
        }
    }

    /// One slice of whatever is under way: reading a file, or training.
    fn pump(&mut self) {
        if self.load.is_some() {
            self.pump_load();
        } else {
            self.pump_run();
        }
    }
}
