//! The page: mounts the Leptos app (built by trunk as `data-type="main"`).
#[cfg(target_arch = "wasm32")]
fn main() {
    mlp_lab::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("MLP Lab runs in the browser: `make serve`, then open http://127.0.0.1:8080");
}
