//! The page's state without the browser: where the user is in the workflow ([`Phase`], and
//! the key factor it lights, [`Stage`]), and everything the page shows, changed only by
//! [`PageState::apply`], one pure function of the state and an [`Event`] (what the worker said,
//! what the user asked). The Leptos page (`crate::app`) holds a `PageState` in a signal and reads
//! it through memos; this module is tested natively. [`colours`] holds the classes' colours and
//! the ink that reads on each.

pub mod colours;
mod phase;
mod state;

pub use phase::{Kernels, Phase, Stage};
pub use state::{Event, Notice, PageState};
