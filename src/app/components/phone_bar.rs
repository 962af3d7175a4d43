//! On a phone, the page is one long column: the diagram, the data, the whole model editor, then
//! Train. Two small regions keep the workflow in reach there (CSS shows them below 720 px only):
//!
//! - [`StageStrip`], the key-factors diagram folded to one line: the seven stages numbered, the
//!   current one lit and named, and a button that unfolds the whole diagram;
//! - [`ActionBar`], fixed to the bottom of the screen: a tab for each panel (it scrolls there)
//!   and Train, or Stop while a fit runs, so Train is never more than a tap away.

use leptos::prelude::*;

use crate::app::lang::use_text;
use crate::app::scroll_to;
use crate::app::store::Lab;
use crate::i18n::Text;
use crate::page::Stage;
use crate::setup::OutputMisfit;

/// The stages in one line, the current one lit; `diagram_open` unfolds the diagram card.
#[component]
pub fn StageStrip(stage: Signal<Stage>, diagram_open: RwSignal<bool>) -> impl IntoView {
    let t = use_text();
    // Seven names do not fit a phone's width, nor does one beside the seven numbers in every
    // language: each stage is its number (its name is there for screen readers), and the
    // current one's name is the caption under them, so the strip keeps its size as the stage
    // moves on.
    let items = Stage::ALL
        .into_iter()
        .enumerate()
        .map(|(i, s)| {
            view! {
                <li
                    class="stage"
                    class:current=move || stage.get() == s
                    class:past=move || { stage.get() > s }
                    aria-current=move || (stage.get() == s).then_some("step")
                >
                    <span class="stage-n" aria-hidden="true">{i + 1}</span>
                    <span class="stage-name">{move || t.get().frame.stage(s)}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="stage-strip" data-testid="stage-strip" aria-label=move || t.get().frame.stages>
            <ol>{items}</ol>
            <p class="stage-caption" aria-hidden="true">{move || t.get().frame.stage(stage.get())}</p>
            <button
                class="chip"
                data-testid="show-diagram"
                aria-expanded=move || diagram_open.get().to_string()
                on:click=move |_| diagram_open.update(|open| *open = !*open)
            >
                {move || t.get().frame.show_diagram}
            </button>
        </nav>
    }
}

/// The panels' tabs and Train (or Stop), fixed to the bottom of a phone's screen.
#[component]
pub fn ActionBar(
    lab: Lab,
    /// Why the model's output does not fit the data, if it does not (Train is off then).
    blocked: Signal<Option<OutputMisfit>>,
    on_train: Callback<()>,
    on_stop: Callback<()>,
) -> impl IntoView {
    let t = use_text();
    let fitting = move || lab.phase.get().is_fitting();
    // Numbered as the panels' own step badges, so the Train tab and the Train button differ.
    let tab = |step: &'static str, id: &'static str, testid: &'static str, name: fn(&'static Text) -> &'static str| {
        view! {
            <button class="tab" data-testid=testid on:click=move |_| scroll_to(id)>
                <span class="tab-step">{step}</span>{move || name(t.get())}
            </button>
        }
    };
    view! {
        <nav class="action-bar" data-testid="action-bar" aria-label=move || t.get().frame.action_bar>
            {tab("1", "panel-data", "tab-data", |t| t.data.title)}
            {tab("2", "panel-model", "tab-model", |t| t.model.title)}
            {tab("3", "panel-train", "tab-train", |t| t.train.title)}
            {tab("4", "panel-evaluate", "tab-results", |t| t.results.title)}
            <Show
                when=fitting
                fallback=move || {
                    view! {
                        <button
                            class="primary"
                            data-testid="bar-train"
                            disabled=move || !lab.can_train(blocked.with(Option::is_some))
                            on:click=move |_| {
                                on_train.run(());
                                scroll_to("panel-train");
                            }
                        >
                            {move || t.get().train.train}
                        </button>
                    }
                }
            >
                <button class="secondary" data-testid="bar-stop" on:click=move |_| on_stop.run(())>
                    {move || t.get().train.stop}
                </button>
            </Show>
        </nav>
    }
}
