//! The training worker: a thin adapter between the page's messages and the engine.
//!
//! It keeps the data ([`data`]: generated, or a CSV file read in chunks) and the running fit
//! ([`train`]), and works in slices of about [`SLICE_MS`] milliseconds, each slice a task of its
//! own (queued through a `MessageChannel`), so that a `Stop` from the page is read between two
//! slices. Progress is posted at most every [`POST_EVERY_MS`] milliseconds (an epoch's end
//! always), which keeps message traffic independent of how small the batches are.

mod data;
pub mod exchange;
mod insight;
mod replicas;
mod train;

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::{Blob, DedicatedWorkerGlobalScope, MessageChannel, MessageEvent, MessagePort};

use crate::nn::kernels;
use crate::protocol::{self, Failure, FileProblem, FromWorker, ToWorker, WorkerProblem};
use crate::trainer::Data;
use data::Load;
use replicas::Helpers;
use train::{Run, Trained};

/// Work runs this long before the worker yields to read its messages.
const SLICE_MS: f64 = 25.0;
/// Progress is posted at most this often.
const POST_EVERY_MS: f64 = 40.0;

struct Worker {
    scope: DedicatedWorkerGlobalScope,
    wake: MessagePort,
    /// The data trained on.
    source: Option<Data>,
    /// A CSV file as read (name and table), kept to prepare it again.
    table: Option<(String, crate::data::Table)>,
    /// A CSV file being read.
    load: Option<Load>,
    /// The running fit.
    run: Option<Run>,
    /// The last fully trained model, for `Predict`, with how a file's rows become its input.
    trained: Option<Trained>,
    /// The other workers a fit can be shared out among (none in a worker that is one of them).
    helpers: Helpers,
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
        helpers: Helpers::none(),
    }));

    let handler = worker.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        // A message is its bytes (a `Uint8Array`), or an array of them and what comes with them:
        // `[bytes, blob]` for a file, `[bytes, buffer, rows…]` for a replica.
        let data = event.data();
        let parts = data.dyn_ref::<js_sys::Array>().cloned().unwrap_or_else(|| js_sys::Array::of1(&data));
        let bytes = parts.get(0).dyn_into::<js_sys::Uint8Array>().map(|b| b.to_vec()).unwrap_or_default();
        match protocol::decode::<ToWorker>(&bytes) {
            Ok(message) => handler.borrow_mut().handle(message, &parts),
            Err(detail) => handler.borrow().fail(Failure::Worker(WorkerProblem::MessageUnreadable { detail })),
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();

    let pumped = worker.clone();
    let on_wake = Closure::<dyn FnMut()>::new(move || pumped.borrow_mut().pump());
    channel.port1().set_onmessage(Some(on_wake.as_ref().unchecked_ref()));
    on_wake.forget();

    // The page's trainer starts the workers that can share its fits, and says it is ready once
    // they are (a replica is ready at once).
    let ready = {
        let worker = worker.clone();
        move || worker.borrow().post(&FromWorker::Ready { simd: kernels::SIMD, relaxed: kernels::RELAXED_SIMD })
    };
    if replicas::is_helper(&scope) {
        replicas::post_to_trainer(&scope, &crate::protocol::FromReplica::Ready);
    } else {
        let helpers = Helpers::start(&scope, ready);
        worker.borrow_mut().helpers = helpers;
    }
}

impl Worker {
    fn post(&self, message: &FromWorker) {
        // Posting bytes to the page cannot fail.
        let _ = self.scope.post_message(&js_sys::Uint8Array::from(protocol::encode(message).as_slice()));
    }

    /// Tells the page what went wrong.
    fn fail(&self, failure: Failure) {
        self.post(&FromWorker::Failed(failure));
    }

    fn now(&self) -> f64 {
        self.scope.performance().map(|p| p.now()).unwrap_or(0.0)
    }

    /// Queues the next slice behind any message already waiting.
    fn schedule(&self) {
        let _ = self.wake.post_message(&JsValue::NULL);
    }

    fn handle(&mut self, message: ToWorker, parts: &js_sys::Array) {
        let blob = parts.get(1).dyn_into::<Blob>().ok();
        match message {
            ToWorker::Generate(spec) => self.generate(spec),
            ToWorker::LoadCsv { name } => match blob {
                Some(blob) => self.begin_load(name, blob),
                None => self.fail(Failure::Worker(WorkerProblem::FileMissing { name })),
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
            ToWorker::Pause => {
                if let Some(run) = &mut self.run {
                    run.paused = true;
                    self.post(&FromWorker::Paused);
                }
            }
            ToWorker::Resume => {
                if let Some(run) = self.run.as_mut().filter(|r| r.paused) {
                    run.paused = false;
                    // The slice queued before the pause may not have run yet: queue one only
                    // when it has (else two chains of slices would run).
                    let queue = std::mem::take(&mut run.idle);
                    self.post(&FromWorker::Resumed);
                    if queue {
                        self.schedule();
                    }
                }
            }
            ToWorker::Predict(row) => self.predict(row),
            ToWorker::Replica(spec) => self.serve_replica(spec, parts),
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

/// An error in the file `name`, from the data layer.
fn in_file(name: &str, error: impl Into<FileProblem>) -> Failure {
    Failure::File { name: name.to_string(), problem: error.into() }
}
