//! The page's components, one region of the screen each; [`App`] wires them to the worker.

mod apply_panel;
mod data_panel;
mod file_source;
mod frame;
mod model_panel;
mod results;
mod train_panel;

use leptos::prelude::*;
use web_sys::Blob;

use crate::data::Scaling;

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

/// A message for the worker, with the file that goes with it (for `LoadCsv`).
type Outgoing = (ToWorker, Option<Blob>);

/// The worker as the page holds it: the client, whether it said `Ready`, what waits for that,
/// and the last message that made data (sent again to a replacement worker).
struct Link {
    client: Option<TrainerClient>,
    ready: bool,
    dead: bool,
    pending: Vec<Outgoing>,
    data_source: Option<Outgoing>,
}

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    let lab = Lab::new();
    let spec = RwSignal::new(crate::data::GeneratorSpec::default());
    let link = StoredValue::new_local(Link {
        client: None,
        ready: false,
        dead: false,
        pending: Vec::new(),
        data_source: None,
    });

    let on_event = move |event: WorkerEvent| {
        match &event {
            WorkerEvent::Message(FromWorker::Ready { .. }) => link.update_value(|l| {
                l.ready = true;
                if let Some(client) = &l.client {
                    l.pending.drain(..).for_each(|(m, blob)| client.send(&m, blob.as_ref()));
                }
            }),
            // The old client is dropped at the next send, not inside its own callback.
            WorkerEvent::Crashed(_) => link.update_value(|l| (l.ready, l.dead) = (false, true)),
            WorkerEvent::Message(_) => {}
        }
        lab.apply(event);
    };
    let spawn = move || match TrainerClient::spawn(on_event) {
        Ok(client) => link.update_value(|l| {
            let data_source = l.data_source.take();
            *l = Link { client: Some(client), ready: false, dead: false, pending: Vec::new(), data_source };
        }),
        Err(message) => {
            lab.error.set(Some(message));
            lab.phase.set(Phase::Failed);
        }
    };
    // Sends now if the worker is ready, else once it is; a dead worker is replaced first, and
    // gets the data again before anything that needs it.
    let send = move |message: ToWorker, blob: Option<Blob>| {
        let makes_data = matches!(message, ToWorker::Generate(_) | ToWorker::LoadCsv { .. });
        if link.with_value(|l| l.dead || l.client.is_none()) {
            spawn();
            if !makes_data {
                link.update_value(|l| {
                    if let Some(again) = l.data_source.clone() {
                        l.pending.push(again)
                    }
                });
            }
        }
        link.update_value(|l| {
            if makes_data {
                l.data_source = Some((message.clone(), blob.clone()));
            }
            match (&l.client, l.ready) {
                (Some(client), true) => client.send(&message, blob.as_ref()),
                _ => l.pending.push((message, blob)),
            }
        });
    };
    spawn();

    let train_spec = Signal::derive(move || {
        let seed = spec.with(|s| s.seed);
        lab.data.with(|d| d.as_ref().map_or_else(|| TrainSpec { seed, ..TrainSpec::default() }, |d| d.train_spec(seed)))
    });
    let on_generate = Callback::new(move |_: ()| {
        lab.error.set(None);
        send(ToWorker::Generate(spec.get_untracked()), None);
    });
    let on_file = Callback::new(move |(name, blob): (String, Blob)| {
        lab.error.set(None);
        lab.loading.set(Some((name.clone(), 0, blob.size() as u64)));
        lab.data.set(None); // the worker lets the old data go as it starts reading
        send(ToWorker::LoadCsv { name }, Some(blob));
    });
    let on_error = Callback::new(move |message: String| lab.error.set(Some(message)));
    let on_prepare = Callback::new(move |(label, exclude, scaling): (String, Vec<String>, Scaling)| {
        lab.error.set(None);
        send(ToWorker::Prepare { label: Some(label), exclude, scaling }, None)
    });
    let on_train = Callback::new(move |_: ()| {
        lab.clear_run();
        lab.phase.set(Phase::Training);
        send(ToWorker::Train(train_spec.get_untracked()), None);
    });
    let on_stop = Callback::new(move |_: ()| send(ToWorker::Stop, None));
    let on_predict = Callback::new(move |cells: Vec<String>| send(ToWorker::Predict(cells), None));

    let phase = lab.phase;
    // Asking the trained model about a row is the last stage: application.
    // A failure without data (a file refused, say) is the data stage's, not training's.
    let stage = Signal::derive(move || {
        match (phase.get(), lab.prediction.with(|p| matches!(p, Some(Ok(_)))), lab.data.with(Option::is_some)) {
            (Phase::Done, true, _) => Stage::Application,
            (Phase::Failed, _, false) => Stage::Data,
            (phase, _, _) => phase.stage(),
        }
    });
    let features = Signal::derive(move || lab.data.with(|d| d.as_ref().map(|d| d.features)));
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
                        <DataPanel
                            spec=spec
                            data=lab.data.read_only()
                            phase=phase.read_only()
                            loading=lab.loading.read_only()
                            on_generate=on_generate
                            on_file=on_file
                            on_prepare=on_prepare
                            on_error=on_error
                        />
                        <ModelPanel features=features spec=train_spec />
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
