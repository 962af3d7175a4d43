//! The page's components, one region of the screen each; [`App`] wires them: the page's state
//! ([`Lab`]), the set-up ([`SetupStore`]) and the worker ([`WorkerLink`]), then the layout.

mod apply_panel;
mod column_table;
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
mod phone_bar;
mod results;
mod run_controls;
mod setup_errors;
mod theme_toggle;
mod train_panel;

use leptos::prelude::*;
use web_sys::Blob;

use super::client::WorkerEvent;
use super::diagram::KeyFactors;
use super::setup_store::SetupStore;
use super::store::Lab;
use super::worker_link::WorkerLink;
use crate::data::Scaling;
use crate::page::{Event, Notice, Phase, Stage};
use crate::protocol::{DataSummary, Origin, ToWorker};
use crate::setup::{keras_code, output_misfit, DataSource, Setup, SetupError};
use apply_panel::ApplyPanel;
use data_panel::DataPanel;
use frame::{About, ErrorBanner, Header};
use model_panel::ModelPanel;
use phone_bar::{ActionBar, StageStrip};
use results::Results;
use run_controls::RunControls;
use setup_errors::SetupErrors;
use train_panel::TrainPanel;

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    let lab = Lab::new();
    super::theme::Theme::install();
    super::lang::LangSignal::install();
    provide_context(lab.speed); // for the diagram's compute node
    super::leave_guard::guard_leaving(lab.phase);
    let worker = StoredValue::new_local(WorkerLink::start(move |event| match event {
        WorkerEvent::Message(message) => lab.dispatch(Event::Worker(message)),
        WorkerEvent::Crashed(detail) => lab.dispatch(Event::WorkerLost(Notice::WorkerStopped { detail })),
        WorkerEvent::NotStarted(detail) => lab.dispatch(Event::WorkerLost(Notice::WorkerNotStarted { detail })),
    }));
    let send = move |message: ToWorker, blob: Option<Blob>| worker.with_value(|w| w.send(message, blob));
    // `run=1`: train as soon as the data is there.
    let pending_run = RwSignal::new(false);
    let load_data = StoredValue::new_local(None::<Box<dyn Fn()>>);
    let (store, run_on_load) = SetupStore::from_address(move |run| {
        if run {
            pending_run.set(true);
            load_data.with_value(|load| load.as_ref().map(|load| load()));
        }
    });
    let setup = store.setup;
    // Results on screen from another set-up are marked stale.
    Effect::new(move |first: Option<()>| {
        setup.track();
        if first.is_some() {
            lab.dispatch(Event::SetupChanged);
        }
    });

    let on_generate = Callback::new(move |_: ()| {
        lab.dispatch(Event::DataAsked);
        if let Some(generator) = setup.with_untracked(Setup::generator_spec) {
            send(ToWorker::Generate(generator), None);
        }
    });
    let on_file = Callback::new(move |(name, blob): (String, Blob)| {
        lab.dispatch(Event::FileChosen { name: name.clone(), size: blob.size() as u64 });
        send(ToWorker::LoadCsv { name }, Some(blob));
    });
    let on_notice = Callback::new(move |notice: Notice| lab.dispatch(Event::Notice(notice)));
    let on_prepare = Callback::new(move |(label, exclude, scaling): (String, Vec<String>, Scaling)| {
        lab.dispatch(Event::DataAsked);
        send(ToWorker::Prepare { label: Some(label), exclude, scaling }, None)
    });
    let on_train = Callback::new(move |_: ()| {
        lab.dispatch(Event::TrainAsked);
        send(ToWorker::Train(setup.with_untracked(Setup::train_spec)), None);
    });
    let on_stop = Callback::new(move |_: ()| send(ToWorker::Stop, None));
    provide_context(RunControls {
        pause: Callback::new(move |_: ()| send(ToWorker::Pause, None)),
        resume: Callback::new(move |_: ()| send(ToWorker::Resume, None)),
    });

    // The data the loaded summary describes, when it is the set-up's source.
    let source_data =
        Memo::new(move |_| lab.data.with(|d| d.as_ref().filter(|d| describes(d, store.source.get())).cloned()));
    // Does the output fit the data (loaded, or what the source will make)? If not, Train is off.
    let misfit = Memo::new(move |_| {
        let task = source_data.with(|d| d.as_ref().map(|d| (d.task, d.classes.len())));
        let (task, classes) = task.or_else(|| setup.with(Setup::expected_task))?;
        store.model.with(|m| output_misfit(&m.layers, m.loss, task, classes))
    });
    // Another source or number of classes, chosen by the user: the output layer follows.
    let on_task = Callback::new(move |_: ()| {
        if let Some((task, classes)) = setup.with_untracked(Setup::expected_task) {
            store.update(|s| {
                s.fit_output_to(task, classes);
            });
        }
    });
    load_data.set_value(Some(Box::new(move || match store.source.get_untracked() {
        DataSource::Generated(_) => on_generate.run(()),
        DataSource::BuiltIn(b) => file_source::load_built_in(b.name(), on_file, move |n| on_notice.run(n)),
        DataSource::Csv => {
            pending_run.set(false);
            store.errors.update(|e| e.push(SetupError::csv_cannot_run()));
        }
    })));
    // A file's task is known once read: the output follows it. With `run=1`, train now.
    Effect::new(move |_| {
        let Some(d) = lab.data.get() else { return };
        if store.source.get_untracked() == DataSource::Csv {
            store.update(|s| {
                s.fit_output_to(d.task, d.classes.len());
            });
        }
        if pending_run.get_untracked() && lab.phase.get_untracked() == Phase::Data {
            pending_run.set(false);
            if misfit.get_untracked().is_none() {
                on_train.run(());
            }
        }
    });
    if run_on_load {
        pending_run.set(true);
        load_data.with_value(|load| load.as_ref().map(|load| load()));
    }
    let on_predict = Callback::new(move |cells: Vec<String>| send(ToWorker::Predict(cells), None));

    let phase = lab.phase;
    // Asking the trained model about a row is the last stage: application.
    let stage = Signal::derive(move || match (phase.get(), lab.prediction.with(|p| matches!(p, Some(Ok(_))))) {
        (Phase::Done, true) => Stage::Application,
        (phase, _) => phase.stage(),
    });
    let features = Signal::derive(move || {
        source_data.with(|d| d.as_ref().map(|d| d.features)).or_else(|| setup.with(Setup::expected_features))
    });
    let code = Signal::derive(move || setup.with(|s| source_data.with(|d| keras_code(s, d.as_ref()))));
    // On a phone the diagram is folded into the stage strip until the user unfolds it.
    let diagram_open = RwSignal::new(false);
    view! {
        <div class="app" data-state=move || phase.get().as_str()>
            <Header kernels=lab.kernels speed=lab.speed workers=lab.workers />
            <ErrorBanner notice=lab.notice />
            <SetupErrors errors=store.errors />
            <div class="layout">
                <aside class="sidebar" class:open=move || diagram_open.get()>
                    <StageStrip stage=stage diagram_open=diagram_open />
                    <KeyFactors stage=stage />
                </aside>
                <main class="grid">
                    <div class="column">
                        {move || {
                            store.revision.track();
                            view! {
                                <DataPanel
                                    store=store
                                    lab=lab
                                    on_generate=on_generate
                                    on_file=on_file
                                    on_prepare=on_prepare
                                    on_notice=on_notice
                                    on_task=on_task
                                />
                                <ModelPanel store=store features=features misfit=misfit.into() code=code />
                            }
                        }}
                    </div>
                    <div class="column">
                        <TrainPanel lab=lab blocked=misfit.into() on_train=on_train on_stop=on_stop />
                        <Results lab=lab />
                        <ApplyPanel lab=lab on_predict=on_predict />
                    </div>
                </main>
            </div>
            <About />
            <ActionBar lab=lab blocked=misfit.into() on_train=on_train on_stop=on_stop />
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
