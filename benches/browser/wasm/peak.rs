//! The browser's f32x4 peak, and the engine's products measured against it.
//!
//! `peak_f32x4` runs [`CHAINS`] independent multiply-add chains, `acc ← acc · m + a` on `f32x4`,
//! so that the loop is bound by the SIMD units' throughput, not by one chain's latency. Each
//! multiply-add of an `f32x4` counts 8 flops (4 multiplies, 4 adds). Built with the crate feature `relaxed-simd` it
//! is one `f32x4.relaxed_madd` (a fused multiply-add where the CPU has one), otherwise an
//! `f32x4.mul` then an `f32x4.add`.
//!
//! `ceiling_f32x4` is the ceiling the products are judged against: nothing this wasm runs should
//! beat it. One dependent multiply-then-add per chain (the loop above) leaves the adder idle
//! while the multiply runs, so it measures less than the machine can do; the ceiling instead
//! interleaves independent multiply chains (`x ← x · one`) with independent add chains
//! (`y ← y + zero`), 4 flops an instruction, so that every port that takes either is busy, and,
//! built with `relaxed-simd`, independent `f32x4.relaxed_madd` chains too (8 flops each). Several
//! chain counts are tried and the best is kept: too few chains wait on latency, too many spill
//! out of V8's 15 allocatable `xmm` registers.
//!
//! `gemm` times `gemm_nn`, `gemm_tn` or `gemm_nt` on `size × size × size`, `2 · size³` flops a
//! product.

use core::arch::wasm32::{f32x4_add, f32x4_extract_lane, f32x4_mul, f32x4_splat, v128};
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

/// `M` multiply chains and `A` add chains, interleaved, each independent of the others; `one`
/// and `zero` come from the caller (1 and 0: the values never change, so there is no overflow
/// and no subnormal, and nothing is folded at compile time).
#[cfg_attr(feature = "relaxed-simd", target_feature(enable = "relaxed-simd"))]
#[inline(never)]
fn mul_add_chains<const M: usize, const A: usize>(iterations: u32, one: v128, zero: v128) -> v128 {
    let mut x = [f32x4_splat(1.0); M];
    let mut y = [f32x4_splat(1.0); A];
    for _ in 0..iterations {
        for i in 0..M.max(A) {
            if i < M {
                x[i] = f32x4_mul(x[i], one);
            }
            if i < A {
                y[i] = f32x4_add(y[i], zero);
            }
        }
    }
    x.into_iter().chain(y).fold(f32x4_splat(0.0), |s, v| f32x4_add(s, v))
}

/// `N` independent fused multiply-add chains `acc ← acc · one + zero` (the relaxed build only).
#[cfg(feature = "relaxed-simd")]
#[target_feature(enable = "relaxed-simd")]
#[inline(never)]
fn fma_chains<const N: usize>(iterations: u32, one: v128, zero: v128) -> v128 {
    let mut acc = [f32x4_splat(1.0); N];
    for _ in 0..iterations {
        for x in &mut acc {
            *x = core::arch::wasm32::f32x4_relaxed_madd(*x, one, zero);
        }
    }
    acc.into_iter().fold(f32x4_splat(0.0), |s, v| f32x4_add(s, v))
}

/// One loop of the ceiling: its name, the f32x4 instructions an iteration runs and the flops
/// each counts, and the loop.
struct Candidate {
    name: &'static str,
    instructions: u32,
    flops_each: u32,
    run: fn(u32, v128, v128) -> v128,
}

/// Each multiply-and-add mix, `(multiplies, adds)` chains.
macro_rules! mixes {
    ($(($m:literal, $a:literal)),*) => {
        [$(Candidate {
            name: concat!($m, " mul + ", $a, " add chains"),
            instructions: $m + $a,
            flops_each: 4,
            // SAFETY: with the feature, the page loads this build only where relaxed SIMD validates.
            #[allow(unused_unsafe)]
            run: |i, one, zero| unsafe { mul_add_chains::<$m, $a>(i, one, zero) },
        }),*]
    };
}

#[cfg(feature = "relaxed-simd")]
macro_rules! fmas {
    ($($n:literal),*) => {
        [$(Candidate {
            name: concat!($n, " relaxed_madd chains"),
            instructions: $n,
            flops_each: 8,
            // SAFETY: the page loads this build only where relaxed SIMD validates.
            #[allow(unused_unsafe)]
            run: |i, one, zero| unsafe { fma_chains::<$n>(i, one, zero) },
        }),*]
    };
}

fn candidates() -> Vec<Candidate> {
    let mixes = mixes!((2, 2), (3, 3), (4, 4), (5, 5), (6, 6), (4, 8), (8, 4), (6, 3), (3, 6));
    #[cfg(feature = "relaxed-simd")]
    return mixes.into_iter().chain(fmas!(4, 6, 8, 10, 12, 14)).collect();
    #[cfg(not(feature = "relaxed-simd"))]
    mixes.into()
}

/// A ceiling measurement: the best loop, and every loop tried.
#[derive(Debug, Serialize)]
struct Ceiling {
    best: String,
    gflops: f64,
    tried: Vec<(String, f64)>,
}

/// Runs every ceiling loop for about `flops` flops each (`one` = 1, `zero` = 0 from the caller),
/// and returns the best rate with all of them, in JSON.
#[wasm_bindgen]
pub fn ceiling_f32x4(flops: f64, one: f32, zero: f32) -> String {
    let (one, zero) = (f32x4_splat(one), f32x4_splat(zero));
    let mut tried = Vec::new();
    for c in candidates() {
        let per_iteration = f64::from(c.instructions * c.flops_each);
        let iterations = (flops / per_iteration).max(1.0) as u32;
        let start = now();
        let sum = (c.run)(iterations, one, zero);
        let ms = now() - start;
        black_box(f32x4_extract_lane::<0>(sum));
        tried.push((c.name.to_string(), Rate::new(ms, f64::from(iterations) * per_iteration).gflops));
    }
    let (best, gflops) = tried.iter().cloned().fold((String::new(), 0.0), |b, t| if t.1 > b.1 { t } else { b });
    serde_json::to_string(&Ceiling { best, gflops, tried }).expect("numbers serialise")
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
