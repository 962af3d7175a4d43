//! The page's link to the training worker: started at once, sent to when it has said `Ready`
//! (messages wait until then), started again if it dies, with the data it had made sent again
//! before anything that needs it.

use std::cell::RefCell;
use std::rc::Rc;

use web_sys::Blob;

use super::client::{TrainerClient, WorkerEvent};
use crate::protocol::{FromWorker, ToWorker};

/// A message for the worker, with the file that goes with it (for `LoadCsv`).
type Outgoing = (ToWorker, Option<Blob>);

struct Inner {
    client: Option<TrainerClient>,
    ready: bool,
    dead: bool,
    pending: Vec<Outgoing>,
    /// The last message that made data, sent again to a replacement worker.
    data_source: Option<Outgoing>,
    on_event: Rc<dyn Fn(WorkerEvent)>,
}

/// The worker as the page holds it.
#[derive(Clone)]
pub struct WorkerLink(Rc<RefCell<Inner>>);

impl WorkerLink {
    /// Starts a worker; `on_event` gets everything it says, and its death.
    pub fn start(on_event: impl Fn(WorkerEvent) + 'static) -> Self {
        let link = WorkerLink(Rc::new(RefCell::new(Inner {
            client: None,
            ready: false,
            dead: false,
            pending: Vec::new(),
            data_source: None,
            on_event: Rc::new(on_event),
        })));
        link.spawn();
        link
    }

    fn spawn(&self) {
        let weak = Rc::downgrade(&self.0);
        let on_event = self.0.borrow().on_event.clone();
        let spawned = TrainerClient::spawn(move |event: WorkerEvent| {
            if let Some(inner) = weak.upgrade() {
                WorkerLink(inner).heard(&event);
            }
            on_event(event);
        });
        let mut inner = self.0.borrow_mut();
        match spawned {
            Ok(client) => (inner.client, inner.ready, inner.dead) = (Some(client), false, false),
            Err(detail) => {
                inner.dead = true;
                let on_event = inner.on_event.clone();
                drop(inner);
                on_event(WorkerEvent::NotStarted(detail));
            }
        }
    }

    /// What the link itself does with the worker's news: send what waited, or mark it dead.
    fn heard(&self, event: &WorkerEvent) {
        let mut inner = self.0.borrow_mut();
        match event {
            WorkerEvent::Message(FromWorker::Ready { .. }) => {
                inner.ready = true;
                let pending = std::mem::take(&mut inner.pending);
                if let Some(client) = &inner.client {
                    pending.iter().for_each(|(m, blob)| client.send(m, blob.as_ref()));
                }
            }
            // The old client is dropped at the next send, not inside its own callback.
            WorkerEvent::Crashed(_) | WorkerEvent::NotStarted(_) => (inner.ready, inner.dead) = (false, true),
            WorkerEvent::Message(_) => {}
        }
    }

    /// Sends now if the worker is ready, else once it is; a dead worker is replaced first, and
    /// gets the data again before anything that needs it.
    pub fn send(&self, message: ToWorker, blob: Option<Blob>) {
        let makes_data = matches!(message, ToWorker::Generate(_) | ToWorker::LoadCsv { .. });
        let dead = self.0.borrow().dead || self.0.borrow().client.is_none();
        if dead {
            self.0.borrow_mut().client = None;
            self.spawn();
            let mut inner = self.0.borrow_mut();
            if let (false, Some(again)) = (makes_data, inner.data_source.clone()) {
                inner.pending.push(again);
            }
        }
        let mut inner = self.0.borrow_mut();
        if makes_data {
            inner.data_source = Some((message.clone(), blob.clone()));
        }
        match (&inner.client, inner.ready) {
            (Some(client), true) => client.send(&message, blob.as_ref()),
            _ => inner.pending.push((message, blob)),
        }
    }
}
