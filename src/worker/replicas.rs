//! One fit on several workers. The page's trainer (replica 0) starts the other workers itself,
//! once, from its own script (so they run the same build, and its products round alike):
//! as many as the browser has cores, up to [`MAX_WORKERS`], when the page is cross-origin
//! isolated (else no `SharedArrayBuffer` exists). For a fit worth sharing out
//! ([`crate::trainer::plan`]) it sends each of them the fit's rows and a shared buffer
//! ([`ToWorker::Replica`]); each makes the same fit ([`fit_of`]), trains its share of every
//! batch through the [`Exchange`] until the fit ends or is stopped, and posts nothing to the
//! page: replica 0 speaks for all.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, WorkerGlobalScope, WorkerOptions, WorkerType};

use super::exchange::{Exchange, Step};
use super::Worker;
use crate::nn::{Training, Validation};
use crate::protocol::{self, FromReplica, ReplicaSpec, ToWorker};
use crate::trainer::{fit_of, OneWorker};

/// Workers one fit uses at most: as many as an exchange holds.
pub const MAX_WORKERS: usize = super::exchange::MAX_REPLICAS;

/// The name the page's trainer gives the workers it starts (a worker so named starts none).
const HELPER_NAME: &str = "mlp-lab-replica";

/// How a started worker is doing.
#[derive(Debug, Clone, PartialEq)]
enum State {
    Loading,
    Ready,
    /// It failed to load, trapped, or refused a fit: the browser's or the worker's words.
    Failed(Option<String>),
}

/// A worker the page's trainer started.
struct Helper {
    worker: web_sys::Worker,
    state: Rc<RefCell<State>>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

/// The other workers, or why there are none.
pub(super) struct Helpers {
    started: Result<Vec<Helper>, OneWorker>,
}

/// How long the page's trainer waits for the workers it started before it says it is ready
/// without them (they may still join later fits).
const SETTLE_MS: i32 = 5000;

/// What to do once the helpers are settled (taken when done).
type Then = Rc<RefCell<Option<Box<dyn FnOnce()>>>>;

/// Calls `then` once, when every helper of `states` is ready or failed, or after
/// [`SETTLE_MS`].
#[derive(Clone)]
struct Settle {
    states: Rc<RefCell<Vec<Rc<RefCell<State>>>>>,
    then: Then,
}

impl Settle {
    fn check(&self, anyway: bool) {
        let settled = anyway || self.states.borrow().iter().all(|s| *s.borrow() != State::Loading);
        if settled {
            let then = self.then.borrow_mut().take();
            if let Some(then) = then {
                then();
            }
        }
    }
}

/// Whether this worker was started by the page's trainer, to be a replica.
pub(super) fn is_helper(scope: &DedicatedWorkerGlobalScope) -> bool {
    scope.name() == HELPER_NAME
}

impl Helpers {
    /// None (for a worker that is itself a replica).
    pub(super) fn none() -> Self {
        Self { started: Ok(Vec::new()) }
    }

    /// Starts a worker for every core but this one's, up to [`MAX_WORKERS`] in all (none where
    /// the page is not cross-origin isolated or the browser reports one core), and calls
    /// `settled` once all of them are ready or failed (or after [`SETTLE_MS`]): a fit asked for
    /// on loading the page (`run=1`) then finds them ready.
    pub(super) fn start(scope: &DedicatedWorkerGlobalScope, settled: impl FnOnce() + 'static) -> Self {
        let settle = Settle { states: Rc::default(), then: Rc::new(RefCell::new(Some(Box::new(settled)))) };
        let helpers = Self::spawn_all(scope, &settle);
        if let Ok(started) = &helpers.started {
            *settle.states.borrow_mut() = started.iter().map(|h| h.state.clone()).collect();
        }
        let later = settle.clone();
        let timeout = Closure::once_into_js(move || later.check(true));
        let _ = scope.set_timeout_with_callback_and_timeout_and_arguments_0(timeout.unchecked_ref(), SETTLE_MS);
        settle.check(false);
        helpers
    }

    fn spawn_all(scope: &DedicatedWorkerGlobalScope, settle: &Settle) -> Self {
        let global: &WorkerGlobalScope = scope.unchecked_ref();
        let isolated = js_sys::Reflect::get(global, &"crossOriginIsolated".into()).is_ok_and(|v| v.is_truthy());
        if !isolated || !shared_memory_exists() {
            return Self { started: Err(OneWorker::NotIsolated) };
        }
        let cores = global.navigator().hardware_concurrency() as usize;
        if cores < 2 {
            return Self { started: Err(OneWorker::OneCore) };
        }
        let script = global.location().href();
        let started =
            (1..cores.min(MAX_WORKERS)).map(|_| Helper::spawn(&script, settle)).collect::<Result<Vec<_>, _>>();
        Self { started: started.map_err(|detail| OneWorker::HelpersFailed(Some(detail))) }
    }

    /// Workers that can train a fit now, this one included; or why only this one.
    pub(super) fn available(&self) -> Result<usize, OneWorker> {
        let helpers = self.started.as_ref().map_err(Clone::clone)?;
        let states: Vec<State> = helpers.iter().map(|h| h.state.borrow().clone()).collect();
        let ready = states.iter().filter(|s| **s == State::Ready).count();
        match states.iter().find_map(|s| if let State::Failed(why) = s { Some(why.clone()) } else { None }) {
            _ if ready > 0 => Ok(ready + 1),
            Some(why) => Err(OneWorker::HelpersFailed(why)),
            None if helpers.is_empty() => Ok(1),
            None => Err(OneWorker::HelpersLoading),
        }
    }

    /// Among the workers `sharing` a fit (as [`Self::send`] returned them), the first that has
    /// failed since, with its words.
    pub(super) fn lost(&self, sharing: &[usize]) -> Option<Option<String>> {
        let helpers = self.started.as_ref().ok()?;
        sharing.iter().find_map(|&i| match &*helpers[i].state.borrow() {
            State::Failed(why) => Some(why.clone()),
            _ => None,
        })
    }

    /// Sends replicas `1..count` of `fit` (replica 0's, made from `spec`) to the ready workers,
    /// with `exchange`'s buffer; returns which workers got them.
    pub(super) fn send(&self, fit: &Training, spec: &crate::protocol::TrainSpec, exchange: &Exchange) -> Vec<usize> {
        let Ok(helpers) = &self.started else { return Vec::new() };
        let (x, y) = fit.training_data();
        let validation = fit.validation_data();
        let rows = |a: &ndarray::Array2<f32>| {
            js_sys::Float32Array::from(a.as_slice().expect("the fit's rows are contiguous")).into()
        };
        let (x_js, y_js): (JsValue, JsValue) = (rows(x), rows(y));
        let val_js: Option<(JsValue, JsValue)> = validation.map(|(vx, vy)| (rows(vx), rows(vy)));
        let ready = helpers.iter().enumerate().filter(|(_, h)| *h.state.borrow() == State::Ready);
        let mut sharing = Vec::new();
        for (index, (i, helper)) in (1..exchange.count()).zip(ready) {
            sharing.push(i);
            let message = ToWorker::Replica(ReplicaSpec {
                spec: spec.clone(),
                index,
                count: exchange.count(),
                features: x.ncols(),
                outputs: y.ncols(),
                validated: val_js.is_some(),
            });
            let parts = js_sys::Array::of4(
                &js_sys::Uint8Array::from(protocol::encode(&message).as_slice()),
                exchange.buffer(),
                &x_js,
                &y_js,
            );
            if let Some((vx, vy)) = &val_js {
                parts.push(vx);
                parts.push(vy);
            }
            let _ = helper.worker.post_message(&parts);
        }
        sharing
    }
}

/// Posts `message` from a replica to the page's trainer.
pub(super) fn post_to_trainer(scope: &DedicatedWorkerGlobalScope, message: &FromReplica) {
    let _ = scope.post_message(&js_sys::Uint8Array::from(protocol::encode(message).as_slice()));
}

/// Whether `SharedArrayBuffer` can be made here (it exists only in cross-origin isolated
/// pages).
fn shared_memory_exists() -> bool {
    js_sys::Reflect::get(&js_sys::global(), &"SharedArrayBuffer".into()).is_ok_and(|v| v.is_function())
}

impl Helper {
    fn spawn(script: &str, settle: &Settle) -> Result<Self, String> {
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        options.set_name(HELPER_NAME);
        let worker = web_sys::Worker::new_with_options(script, &options).map_err(|e| format!("{e:?}"))?;
        let state = Rc::new(RefCell::new(State::Loading));
        let (heard, settled) = (state.clone(), settle.clone());
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let bytes = js_sys::Uint8Array::new(&event.data()).to_vec();
            *heard.borrow_mut() = match protocol::decode::<FromReplica>(&bytes) {
                Ok(FromReplica::Ready) => State::Ready,
                Ok(FromReplica::Refused(why)) => State::Failed(Some(why)),
                Err(detail) => State::Failed(Some(detail)),
            };
            settled.check(false);
        });
        let (died, settled) = (state.clone(), settle.clone());
        // A trap is an `ErrorEvent`; a script the browser would not load, a plain `Event`.
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            event.prevent_default();
            let detail = event.dyn_ref::<web_sys::ErrorEvent>().map(web_sys::ErrorEvent::message).unwrap_or_default();
            *died.borrow_mut() = State::Failed((!detail.is_empty()).then_some(detail));
            settled.check(false);
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Ok(Self { worker, state, _on_message: on_message, _on_error: on_error })
    }
}

impl Worker {
    /// In a worker the page's trainer started: trains replica `spec.index` of its fit on the
    /// rows `parts` holds (`[bytes, buffer, x, y, validation x, validation y]`), as long as
    /// the fit runs. Blocks this worker meanwhile: it has nothing else to do, and reads no
    /// message until the fit ends or is stopped.
    pub(super) fn serve_replica(&mut self, spec: ReplicaSpec, parts: &js_sys::Array) {
        let array = |i: u32| parts.get(i).dyn_into::<js_sys::Float32Array>().map(|a| a.to_vec());
        let matrix = |i: u32, columns: usize| -> Result<ndarray::Array2<f32>, String> {
            let values = array(i).map_err(|_| format!("part {i} of the replica's message is not rows"))?;
            let rows = values.len() / columns.max(1);
            ndarray::Array2::from_shape_vec((rows, columns), values).map_err(|_| format!("part {i}: {rows} rows"))
        };
        let made = (|| -> Result<(Training, Exchange), String> {
            let buffer =
                parts.get(1).dyn_into::<js_sys::SharedArrayBuffer>().map_err(|_| "no shared buffer".to_string())?;
            let (x, y) = (matrix(2, spec.features)?, matrix(3, spec.outputs)?);
            let validation = match spec.validated {
                true => Validation::Data(matrix(4, spec.features)?, matrix(5, spec.outputs)?),
                false => Validation::None,
            };
            // Replica 0 made this fit from these rows: it cannot be refused here.
            let fit =
                fit_of(&spec.spec, spec.features, x, y, validation).map_err(|_| "the fit was refused".to_string())?;
            let fit = fit.replica(spec.index, spec.count).map_err(|_| "the fit cannot be shared".to_string())?;
            let exchange = Exchange::join(buffer, spec.index, spec.count, fit.model().param_count())?;
            Ok((fit, exchange))
        })();
        let (mut fit, mut exchange) = match made {
            Ok(made) => made,
            Err(why) => return post_to_trainer(&self.scope, &FromReplica::Refused(why)),
        };
        let scope = self.scope.clone();
        let now = move || scope.performance().map(|p| p.now()).unwrap_or(0.0);
        while !fit.is_finished() {
            match exchange.step(&mut fit, &now, None) {
                Step::Done(Ok(_)) => {}
                // Every replica meets the same error at the same step: replica 0 reports it.
                Step::Done(Err(_)) | Step::Stopped => break,
                Step::Waiting => unreachable!("a wait without a deadline ends"),
            }
        }
    }
}
