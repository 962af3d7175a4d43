//! The page's components, one region of the screen each; [`App`] wires them to the worker.

mod apply_panel;
mod compile_fields;
mod compute;
mod data_panel;
mod evaluation;
mod fields;
mod file_source;
mod fit_fields;
mod frame;
mod keras_panel;
mod layer_editor;
mod live_charts;
mod model_panel;
mod results;
mod run_controls;
mod setup_errors;
mod theme_toggle;
mod train_panel;

use leptos::prelude::*;
use web_sys::Blob;

use crate::data::Scaling;
use crate::i18n::{Bilingual, Localize};

use super::client::{TrainerClient, WorkerEvent};
use super::diagram::KeyFactors;
use super::lang::use_lang;
use super::link;
use super::state::{Lab, Phase, Stage};
use crate::protocol::{DataSummary, FromWorker, Origin, ToWorker};
use crate::setup::{keras_code, output_misfit, DataSource, Setup, SetupError};
use apply_panel::ApplyPanel;
use data_panel::DataPanel;
use frame::{About, ErrorBanner, Header};
use model_panel::ModelPanel;
use results::Results;
use run_controls::RunControls;
use setup_errors::SetupErrors;
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
    super::theme::Theme::install();
    super::lang::LangSignal::install();
    provide_context(lab.speed.read_only()); // for the diagram's compute node
                                            // The set-up: from the address, else the seed document's; kept in the address as it changes.
    let (initial, errors) = Setup::from_hash(&link::read_hash());
    let lang = use_lang();
    let setup_errors = RwSignal::new(errors.iter().map(Localize::bilingual).collect::<Vec<_>>());
    let spec = RwSignal::new(initial.generator);
    let source = RwSignal::new(initial.source);
    let model = RwSignal::new(initial.model.clone());
    let fit = RwSignal::new(initial.fit.clone());
    let setup = Memo::new(move |_| Setup {
        source: source.get(),
        generator: spec.get(),
        model: model.get(),
        fit: fit.get(),
        run: false,
    });
    Effect::new(move |_| setup.with(|s| link::write_hash(&s.to_hash())));
    // Editors are made again when the address brings another set-up.
    let revision = RwSignal::new(0u32);
    // `run=1`: train as soon as the data is there.
    let pending_run = RwSignal::new(false);
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

    let on_generate = Callback::new(move |_: ()| {
        lab.error.set(None);
        let generator = setup.with_untracked(|s| s.generator_spec()).unwrap_or(spec.get_untracked());
        send(ToWorker::Generate(generator), None);
    });
    let on_file = Callback::new(move |(name, blob): (String, Blob)| {
        lab.error.set(None);
        lab.loading.set(Some((name.clone(), 0, blob.size() as u64)));
        lab.data.set(None); // the worker lets the old data go as it starts reading
        send(ToWorker::LoadCsv { name }, Some(blob));
    });
    let on_error = Callback::new(move |message: Bilingual| lab.error.set(Some(message)));
    let on_prepare = Callback::new(move |(label, exclude, scaling): (String, Vec<String>, Scaling)| {
        lab.error.set(None);
        send(ToWorker::Prepare { label: Some(label), exclude, scaling }, None)
    });
    let on_train = Callback::new(move |_: ()| {
        lab.clear_run();
        lab.phase.set(Phase::Training);
        send(ToWorker::Train(setup.with_untracked(Setup::train_spec)), None);
    });
    let on_stop = Callback::new(move |_: ()| send(ToWorker::Stop, None));
    provide_context(RunControls {
        pause: Callback::new(move |_: ()| send(ToWorker::Pause, None)),
        resume: Callback::new(move |_: ()| send(ToWorker::Resume, None)),
    });

    // The data the loaded summary describes, when it is the set-up's source.
    let source_data = Memo::new(move |_| lab.data.with(|d| d.as_ref().filter(|d| describes(d, source.get())).cloned()));
    let data_of_source = move || source_data.get();
    // Does the output fit the data (loaded, or what the source will make)? If not, Train is off.
    let misfit = Memo::new(move |_| {
        let task = data_of_source().map(|d| (d.task, d.classes.len())).or_else(|| setup.with(Setup::expected_task));
        let (task, classes) = task?;
        model.with(|m| output_misfit(&m.layers, m.loss, task, classes))
    });
    Effect::new(move |_| lab.blocked.set(misfit.get()));
    // Another source or number of classes, chosen by the user: the output layer follows.
    let on_task = Callback::new(move |_: ()| {
        if let Some((task, classes)) = setup.with_untracked(Setup::expected_task) {
            let mut m = model.get_untracked();
            if m.fit_output_to(task, classes) {
                model.set(m);
            }
        }
    });
    let load_data = move || match source.get_untracked() {
        DataSource::Generated(_) => on_generate.run(()),
        DataSource::BuiltIn(b) => file_source::load_built_in(b.name(), on_file, move |e| on_error.run(e)),
        DataSource::Csv => {
            pending_run.set(false);
            setup_errors.update(|e| e.push(SetupError::csv_cannot_run().bilingual()));
        }
    };
    // A file's task is known once read: the output follows it. With `run=1`, train now.
    Effect::new(move |_| {
        let Some(d) = lab.data.get() else { return };
        if source.get_untracked() == DataSource::Csv {
            let mut m = model.get_untracked();
            if m.fit_output_to(d.task, d.classes.len()) {
                model.set(m);
            }
        }
        if pending_run.get_untracked() && lab.phase.get_untracked() == Phase::Data {
            pending_run.set(false);
            if misfit.get_untracked().is_none() {
                on_train.run(());
            }
        }
    });
    if initial.run {
        pending_run.set(true);
        load_data();
    }
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        let (restored, errors) = Setup::from_hash(&link::read_hash());
        setup_errors.set(errors.iter().map(Localize::bilingual).collect());
        source.set(restored.source);
        spec.set(restored.generator);
        model.set(restored.model);
        fit.set(restored.fit);
        revision.update(|r| *r += 1);
        if restored.run {
            pending_run.set(true);
            load_data();
        }
    });
    on_cleanup(move || handle.remove());
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
    let features =
        Signal::derive(move || data_of_source().map(|d| d.features).or_else(|| setup.with(Setup::expected_features)));
    let code = Signal::derive(move || setup.with(|s| keras_code(s, data_of_source().as_ref())));
    view! {
        <div class="app" data-state=move || phase.get().as_str()>
            <Header kernels=lab.kernels.read_only() speed=lab.speed.read_only() />
            <ErrorBanner error=lab.error.read_only() />
            <SetupErrors errors=setup_errors />
            <div class="layout">
                <aside class="sidebar">
                    <KeyFactors stage=stage />
                </aside>
                <main class="grid">
                    <div class="column">
                        {move || {
                            revision.track();
                            view! {
                                <DataPanel
                                    spec=spec
                                    source=source
                                    data=lab.data.read_only()
                                    phase=phase.read_only()
                                    loading=lab.loading.read_only()
                                    on_generate=on_generate
                                    on_file=on_file
                                    on_prepare=on_prepare
                                    on_error=on_error
                                    on_task=on_task
                                />
                                <ModelPanel
                                    model=model
                                    fit=fit
                                    features=features
                                    misfit=Signal::derive(move || misfit.get().map(|m| m.get(lang.get()).to_string()))
                                    code=code
                                    spec=spec
                                />
                            }
                        }}
                    </div>
                    <div class="column">
                        <TrainPanel lab=lab on_train=on_train on_stop=on_stop />
                        <Results
                            history=lab.history.read_only()
                            test=lab.test.read_only()
                            data=lab.data.read_only()
                            report=lab.report.read_only()
                        />
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

/// Whether `data` came from `source` (and not from the source chosen before it).
fn describes(data: &DataSummary, source: DataSource) -> bool {
    match (&data.origin, source) {
        (Origin::Generated { generator, .. }, DataSource::Generated(g)) => *generator == g,
        (Origin::File { name, .. }, DataSource::BuiltIn(b)) => name.strip_suffix(".csv") == Some(b.name()),
        (Origin::File { .. }, DataSource::Csv) => true,
        _ => false,
    }
}
