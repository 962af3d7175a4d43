//! The browser's f32x4 peak, and the engine's products measured against it.
//!
//! `peak_f32x4` runs [`CHAINS`] independent multiply-add chains, `acc ← acc · m + a` on `f32x4`,
//! so that the loop is bound by the SIMD units' throughput, not by one chain's latency. Each
//! multiply-add of an `f32x4` counts 8 flops (4 multiplies, 4 adds). Built with the crate feature `relaxed-simd` it
//! is one `f32x4.relaxed_madd` (a fused multiply-add where the CPU has one), otherwise an
//! `f32x4.mul` then an `f32x4.add`.
//!
//! `gemm` times `gemm_nn`, `gemm_tn` or `gemm_nt` on `size × size × size`, `2 · size³` flops a
//! product.

use core::arch::wasm32::{f32x4_add, f32x4_extract_lane, f32x4_splat, v128};
use std::hint::black_box;

use mlp_lab::nn::kernels::{gemm_nn, gemm_nt, gemm_tn};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::clock::now;

/// Independent accumulators: enough to hide a multiply-add's latency (4 to 8 cycles on two
/// ports), few enough to stay in the 16 `xmm` registers V8 allocates from, beside `m` and `a`.
const CHAINS: usize = 12;

/// One of the kernels' products: `(m, k, n, a, b, c)`.
type Product = fn(usize, usize, usize, &[f32], &[f32], &mut [f32]);

/// A throughput measurement, returned to the page in JSON.
#[derive(Debug, Serialize)]
struct Rate {
    ms: f64,
    flops: f64,
    gflops: f64,
}

impl Rate {
    fn new(ms: f64, flops: f64) -> Self {
        Self { ms, flops, gflops: flops / ms / 1e6 }
    }
}

#[cfg(feature = "relaxed-simd")]
#[target_feature(enable = "relaxed-simd")]
#[inline]
fn madd(acc: v128, m: v128, a: v128) -> v128 {
    core::arch::wasm32::f32x4_relaxed_madd(acc, m, a)
}

#[cfg(not(feature = "relaxed-simd"))]
#[inline(always)]
fn madd(acc: v128, m: v128, a: v128) -> v128 {
    f32x4_add(core::arch::wasm32::f32x4_mul(acc, m), a)
}

#[cfg_attr(feature = "relaxed-simd", target_feature(enable = "relaxed-simd"))]
#[inline(never)]
fn chains(iterations: u32, m: v128, a: v128) -> v128 {
    let mut acc = [f32x4_splat(1.0); CHAINS];
    for _ in 0..iterations {
        for x in &mut acc {
            *x = madd(*x, m, a);
        }
    }
    acc.into_iter().fold(f32x4_splat(0.0), |s, x| f32x4_add(s, x))
}

/// Runs `iterations` rounds of [`CHAINS`] f32x4 multiply-adds; `m` and `a` come from the caller
/// so that nothing is folded at compile time (pass `m` just under 1 and `a` small: the chains
/// then settle on `a / (1 − m)`, far from overflow and from subnormals).
#[wasm_bindgen]
pub fn peak_f32x4(iterations: u32, m: f32, a: f32) -> String {
    let start = now();
    // SAFETY: with the feature, the page loads this build only where relaxed SIMD validates.
    #[allow(unused_unsafe)]
    let sum = unsafe { chains(iterations, f32x4_splat(m), f32x4_splat(a)) };
    let ms = now() - start;
    black_box(f32x4_extract_lane::<0>(sum));
    let flops = iterations as f64 * CHAINS as f64 * 8.0;
    serde_json::to_string(&Rate::new(ms, flops)).expect("numbers serialise")
}

/// Times `repeats` products `kind` (`"nn"`, `"tn"` or `"nt"`) of `size`-square matrices.
#[wasm_bindgen]
pub fn gemm(kind: &str, size: usize, repeats: u32) -> Result<String, String> {
    let product: Product = match kind {
        "nn" => gemm_nn,
        "tn" => gemm_tn,
        "nt" => gemm_nt,
        other => return Err(format!("no product \"{other}\": use nn, tn or nt")),
    };
    let a: Vec<f32> = (0..size * size).map(|i| ((i * 7 % 13) as f32 - 6.0) / 8.0).collect();
    let b: Vec<f32> = (0..size * size).map(|i| ((i * 5 % 11) as f32 - 5.0) / 8.0).collect();
    let mut c = vec![0.0f32; size * size];
    let start = now();
    for _ in 0..repeats {
        product(size, size, size, black_box(&a), black_box(&b), black_box(&mut c));
    }
    let ms = now() - start;
    black_box(&c);
    let flops = 2.0 * (size as f64).powi(3) * repeats as f64;
    serde_json::to_string(&Rate::new(ms, flops)).map_err(|e| e.to_string())
}
