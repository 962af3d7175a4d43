//! The benchmark's trainer: a bench-only wasm module, loaded by a module Web Worker of
//! `benches/browser/page/` (built with `wasm-bindgen --target web`, never by trunk).
//!
//! It exports four functions to the worker's JavaScript:
//!
//! - `train(x, y, spec)`: builds a [`Sequential`](mlp_lab::nn::Sequential) and a
//!   [`Training`](mlp_lab::nn::Training) as the app's worker does, runs the fit to its end and
//!   returns its timing ([`train`]);
//! - `peak_f32x4(iterations)`: the throughput of dependent f32x4 multiply-add chains ([`peak`]);
//! - `ceiling_f32x4(flops)`: the f32x4 ceiling, the best of independent multiply, add and fused
//!   chains ([`peak`]);
//! - `gemm(kind, size, repeats)`: the engine's products on `size³` ([`peak`]).
//!
//! Natively it is a trivial program, so that `cargo test` (which builds every bin) still builds.

#[cfg(target_arch = "wasm32")]
mod clock;
#[cfg(target_arch = "wasm32")]
mod peak;
#[cfg(target_arch = "wasm32")]
mod train;

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The benchmark's trainer runs in a browser: `make bench` builds and drives it.");
}
