//! In a dedicated worker, where the trainer runs (wasm-bindgen-test, headless Chromium and
//! Firefox): the SIMD products equal the scalar reference on odd sizes. (The engine's own suites,
//! `engine`, `reference` and `learning`, run in a dedicated worker too.)
#![cfg(target_arch = "wasm32")]

use mlp_lab::nn::kernels::{self, scalar};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_dedicated_worker);

const SIZES: [usize; 6] = [1, 3, 5, 16, 17, 63];

fn random(len: usize, rng: &mut ChaCha8Rng) -> Vec<f32> {
    (0..len).map(|_| rng.random_range(-1.0..1.0)).collect()
}

type Product = fn(usize, usize, usize, &[f32], &[f32], &mut [f32]);

/// `fast` against `reference` for every `m × k × n` of [`SIZES`]; `a_len(m, k)` and
/// `b_len(k, n)` give the operands' sizes. Each element may differ by float rounding of a
/// reassociated sum: 1e-6 of the sum of its terms' magnitudes.
fn agree(
    name: &str,
    fast: Product,
    reference: Product,
    a_len: fn(usize, usize) -> usize,
    b_len: fn(usize, usize) -> usize,
) {
    let mut rng = ChaCha8Rng::seed_from_u64(7);
    for m in SIZES {
        for k in SIZES {
            for n in SIZES {
                let (a, b) = (random(a_len(m, k), &mut rng), random(b_len(k, n), &mut rng));
                let (mut fast_c, mut slow_c) = (vec![f32::NAN; m * n], vec![f32::NAN; m * n]);
                fast(m, k, n, &a, &b, &mut fast_c);
                reference(m, k, n, &a, &b, &mut slow_c);
                for (i, (x, y)) in fast_c.iter().zip(&slow_c).enumerate() {
                    assert!((x - y).abs() <= 1e-6 * k as f32, "{name} {m}×{k}×{n}, element {i}: simd {x}, scalar {y}");
                }
            }
        }
    }
}

#[wasm_bindgen_test]
fn this_build_runs_simd_kernels() {
    assert!(kernels::SIMD, "the wasm build must have target-feature=+simd128 (.cargo/config.toml)");
}

#[wasm_bindgen_test]
fn simd_products_equal_the_scalar_reference() {
    agree("gemm_nn", kernels::gemm_nn, scalar::gemm_nn, |m, k| m * k, |k, n| k * n);
    agree("gemm_tn", kernels::gemm_tn, scalar::gemm_tn, |m, k| k * m, |k, n| k * n);
    agree("gemm_nt", kernels::gemm_nt, scalar::gemm_nt, |m, k| m * k, |k, n| n * k);
}
