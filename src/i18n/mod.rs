//! The page's two languages, English and 中文: every word a user reads, in both.
//!
//! - [`Lang`]: the language in force, from the browser's preferences or the user's choice.
//! - [`Text`]: the catalogue of the page's words, one struct per region of the screen, each with
//!   an English and a Chinese constant (a key missing from either does not compile).
//! - [`fill`]: templates with named places, `"{rows} rows"` → `"1000 rows"`.
//! - [`Words`]: how an error or a note of the engine, the data, the diagram or the worker, sent
//!   as facts, is said in the language in force.
//! - [`Bilingual`]: a message made in one place (the page) that
//!   the page shows in whichever language is in force, now or after the user switches.
//!
//! ```
//! use mlp_lab::i18n::{fill, Lang, Text};
//! let t = Text::of(Lang::Zh);
//! assert_eq!(t.train.title, "训练");
//! assert_eq!(fill(Text::of(Lang::En).train.stopped, &[("n", &3), ("epochs", &10)]), "Stopped after 3 of 10 epochs.");
//! ```

#[macro_use]
mod catalogue;
// Before the modules that use its `english_display!`.
#[macro_use]
mod words;
mod bilingual;
#[cfg(test)]
pub(crate) mod check;
mod data;
mod diagram;
mod engine;
mod failure;
mod lang;
mod setup;
mod template;
mod text;
mod workers;

pub use bilingual::Bilingual;
pub use engine::{bytes, misfit_words};
pub use lang::Lang;
pub use template::{fill, places};
pub use text::{Entry, Text};
pub use words::Words;
pub use workers::workers_words;
