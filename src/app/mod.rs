//! The page: a Leptos (client-side rendered) app, a thin view over the worker's messages.
//!
//! [`store`] holds the page's state (changed by `crate::page`'s reducer), [`setup_store`] the
//! set-up and the address, [`worker_link`] the worker; each component owns one region of the
//! screen and reads only the parts it shows.

mod boundary;
mod chart;
mod client;
mod components;
mod diagram;
mod lang;
mod leave_guard;
mod link;
mod redraw;
mod roc;
mod scatter;
mod setup_store;
mod store;
mod theme;
mod worker_link;

pub use boundary::draw_boundary;
pub use chart::{draw_history_chart, Metric};
pub use components::App;
pub use diagram::{draw_flowchart, lay_out, Placed};
pub use scatter::draw_scatter;

/// Brings the element `id` (a panel) into view: the phone's tabs and the diagram's nodes go there.
fn scroll_to(id: &str) {
    let target = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id));
    if let Some(element) = target {
        element.scroll_into_view();
    }
}

/// Mounts the app on `<body>`.
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}
