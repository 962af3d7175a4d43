//! The page's components, one region of the screen each; [`App`] wires them to the worker.

mod apply_panel;
mod data_panel;
mod frame;
mod model_panel;
mod results;
mod train_panel;

use leptos::prelude::*;

use super::client::{TrainerClient, WorkerEvent};
use super::diagram::KeyFactors;
use super::state::{Lab, Phase, Stage};
use crate::protocol::{FromWorker, ToWorker, TrainSpec};
use apply_panel::ApplyPanel;
use data_panel::DataPanel;
use frame::{About, ErrorBanner, Header};
use model_panel::ModelPanel;
use results::Results;
use train_panel::TrainPanel;

/// The worker as the page holds it: the client, whether it said `Ready`, and what waits for that.
struct Link {
    client: Option<TrainerClient>,
    ready: bool,
    dead: bool,
    pending: Vec<ToWorker>,
}

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    let lab = Lab::new();
    let spec = RwSignal::new(crate::data::GeneratorSpec::default());
    let link = StoredValue::new_local(Link { client: None, ready: false, dead: false, pending: Vec::new() });

    let on_event = move |event: WorkerEvent| {
        match &event {
            WorkerEvent::Message(FromWorker::Ready { .. }) => link.update_value(|l| {
                l.ready = true;
                if let Some(client) = &l.client {
                    l.pending.drain(..).for_each(|m| client.send(&m));
                }
            }),
            // The old client is dropped at the next send, not inside its own callback.
            WorkerEvent::Crashed(_) => link.update_value(|l| (l.ready, l.dead) = (false, true)),
            WorkerEvent::Message(_) => {}
        }
        lab.apply(event);
    };
    let spawn = move || match TrainerClient::spawn(on_event) {
        Ok(client) => {
            link.update_value(|l| *l = Link { client: Some(client), ready: false, dead: false, pending: Vec::new() })
        }
        Err(message) => {
            lab.error.set(Some(message));
            lab.phase.set(Phase::Failed);
        }
    };
    // Sends now if the worker is ready, else once it is; a dead worker is replaced first, and
    // gets the data again before anything that needs it.
    let send = move |message: ToWorker| {
        if link.with_value(|l| l.dead || l.client.is_none()) {
            spawn();
            if !matches!(message, ToWorker::Generate(_)) {
                link.update_value(|l| l.pending.push(ToWorker::Generate(spec.get_untracked())));
            }
        }
        link.update_value(|l| match (&l.client, l.ready) {
            (Some(client), true) => client.send(&message),
            _ => l.pending.push(message),
        });
    };
    spawn();

    let on_generate = Callback::new(move |_: ()| {
        lab.error.set(None);
        send(ToWorker::Generate(spec.get_untracked()));
    });
    let on_train = Callback::new(move |_: ()| {
        lab.clear_run();
        lab.phase.set(Phase::Training);
        let classes = lab.data.with_untracked(|d| d.as_ref().map_or(2, |d| d.class_counts.len()));
        send(ToWorker::Train(TrainSpec::for_classes(classes, spec.get_untracked().seed)));
    });
    let on_stop = Callback::new(move |_: ()| send(ToWorker::Stop));
    let on_predict = Callback::new(move |row: Vec<f32>| send(ToWorker::Predict(row)));

    let phase = lab.phase;
    // Asking the trained model about a row is the last stage: application.
    let stage = Signal::derive(move || match (phase.get(), lab.prediction.with(Option::is_some)) {
        (Phase::Done, true) => Stage::Application,
        (phase, _) => phase.stage(),
    });
    let features = Signal::derive(move || lab.data.with(|d| d.as_ref().map(|d| d.features)));
    let classes = Signal::derive(move || lab.data.with(|d| d.as_ref().map_or(2, |d| d.class_counts.len())));
    view! {
        <div class="app" data-state=move || phase.get().as_str()>
            <Header simd=lab.simd.read_only() />
            <ErrorBanner error=lab.error.read_only() />
            <div class="layout">
                <aside class="sidebar">
                    <KeyFactors stage=stage />
                </aside>
                <main class="grid">
                    <div class="column">
                        <DataPanel spec=spec data=lab.data.read_only() phase=phase.read_only() on_generate=on_generate />
                        <ModelPanel features=features classes=classes seed=Signal::derive(move || spec.get().seed) />
                    </div>
                    <div class="column">
                        <TrainPanel lab=lab on_train=on_train on_stop=on_stop />
                        <Results history=lab.history.read_only() test=lab.test.read_only() data=lab.data.read_only() />
                        <ApplyPanel
                            data=lab.data.read_only()
                            phase=phase.read_only()
                            prediction=lab.prediction.read_only()
                            on_predict=on_predict
                        />
                    </div>
                </main>
            </div>
            <About />
        </div>
    }
}
