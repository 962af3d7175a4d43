//! The trainer: a Web Worker (built by trunk as `data-type="worker"`).
#[cfg(target_arch = "wasm32")]
fn main() {
    mlp_lab::worker::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The MLP Lab worker runs in the browser, started by the page.");
}
