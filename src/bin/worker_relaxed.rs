//! The trainer with fused multiply-adds: `worker`, built with the crate feature `relaxed-simd`
//! (trunk: `data-cargo-features="relaxed-simd"`). The page starts it where relaxed SIMD validates.
#[cfg(target_arch = "wasm32")]
fn main() {
    mlp_lab::worker::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The MLP Lab worker runs in the browser, started by the page.");
}
