//! MLP Lab: train a Keras-style multilayer perceptron in the browser, and see why it learns.
//!
//! The crate is layered so that everything that computes knows nothing of the browser:
//!
//! - [`nn`]: the engine (dense layers, activations, losses, optimizers, the fit loop);
//! - [`data`]: datasets, generators and splits;
//! - [`console`]: the Keras-style training log, as text;
//! - [`diagram`]: Mermaid flowcharts, parsed and laid out in layers;
//! - [`protocol`]: the typed messages between the page and the training worker;
//! - [`i18n`]: the page's words in English and 中文, and messages in both;
//! - [`setup`]: a whole run's set-up as one value: in the page's address, and as Keras code.
//! - [`page`]: what the page shows, as one value changed by one pure function of events;
//! - [`trainer`]: what the training worker does, without the browser: a request to a run, its end.
//!
//! These build and test natively with `cargo test`. The browser adapters, `app` (the Leptos page)
//! and `worker` (the Web Worker that trains), exist only on `wasm32` and stay thin.

#![warn(missing_docs)]

pub mod console;
pub mod data;
pub mod diagram;
pub mod i18n;
pub mod nn;
pub mod page;
pub mod protocol;
pub mod setup;
pub mod trainer;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod worker;
