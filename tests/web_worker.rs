//! In a dedicated worker, where the trainer runs (wasm-bindgen-test, headless Chromium and
//! Firefox): the SIMD products, updates and Dropout passes equal the scalar reference on odd
//! sizes, and never write outside their output. (The engine's own suites,
//! `engine`, `reference` and `learning`, run in a dedicated worker too.)
#![cfg(target_arch = "wasm32")]

use mlp_lab::nn::kernels::{self, scalar};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_dedicated_worker);

/// Every edge of the tiles: 1 to 9 (partial vectors, row and column remainders), one past a
/// tile, and odd sizes across several tiles.
const SIZES: [usize; 12] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 16, 17, 63];
/// Floats after the output that a product must leave alone.
const GUARD: usize = 9;

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
                let (mut fast_c, mut slow_c) = (vec![f32::NAN; m * n + GUARD], vec![f32::NAN; m * n]);
                fast(m, k, n, &a, &b, &mut fast_c[..m * n]);
                reference(m, k, n, &a, &b, &mut slow_c);
                for (i, (x, y)) in fast_c.iter().zip(&slow_c).enumerate() {
                    let bound = 1e-6 * (k + 1) as f32;
                    assert!((x - y).abs() <= bound, "{name} {m}×{k}×{n}, element {i}: simd {x}, scalar {y}");
                }
                assert!(fast_c[m * n..].iter().all(|x| x.is_nan()), "{name} {m}×{k}×{n} wrote past its output");
            }
        }
    }
}

#[wasm_bindgen_test]
#[allow(clippy::assertions_on_constants)] // a check of how this wasm was built: constant by design
fn this_build_runs_simd_kernels() {
    assert!(kernels::SIMD, "the wasm build must have target-feature=+simd128 (.cargo/config.toml)");
    // `--features relaxed-simd` (make test-chromium, test-firefox) runs this suite on the fused kernels.
    assert_eq!(kernels::RELAXED_SIMD, cfg!(feature = "relaxed-simd"));
}

#[wasm_bindgen_test]
fn simd_products_equal_the_scalar_reference() {
    agree("gemm_nn", kernels::gemm_nn, scalar::gemm_nn, |m, k| m * k, |k, n| k * n);
    agree("gemm_tn", kernels::gemm_tn, scalar::gemm_tn, |m, k| k * m, |k, n| k * n);
    agree("gemm_nt", kernels::gemm_nt, scalar::gemm_nt, |m, k| m * k, |k, n| n * k);
    agree(
        "gemm_nn_bias",
        |m, k, n, a, b, c| kernels::gemm_nn_bias(m, k, n, a, b, &bias(n), c),
        |m, k, n, a, b, c| scalar::gemm_nn_bias(m, k, n, a, b, Some(&bias(n)), c),
        |m, k| m * k,
        |k, n| k * n,
    );
}

/// A bias of `n` distinct values.
fn bias(n: usize) -> Vec<f32> {
    (0..n).map(|j| (j as f32 * 0.37).sin()).collect()
}

/// The SIMD optimizer updates give bit for bit the scalar reference's weights and slots, on
/// every length from 0 to 19 and a long one (vector body, scalar tail), for each variant.
#[wasm_bindgen_test]
fn simd_updates_equal_the_scalar_reference() {
    use kernels::{AdamStep, RmspropStep, SgdStep};
    let adam = AdamStep { alpha: 0.0031, one_minus_beta_1: 0.1, one_minus_beta_2: 0.001, epsilon: 1e-7 };
    let rms = RmspropStep { learning_rate: 0.01, rho: 0.9, one_minus_rho: 0.1, momentum: 0.5, epsilon: 1e-7 };
    let mut rng = ChaCha8Rng::seed_from_u64(11);
    for n in (0..20).chain([257]) {
        // Weights, gradients and two or three slots; the slots start non-negative, like v.
        let fresh = |rng: &mut ChaCha8Rng| -> [Vec<f32>; 5] {
            let slot = |rng: &mut ChaCha8Rng| random(n, rng).into_iter().map(f32::abs).collect::<Vec<_>>();
            [random(n, rng), random(n, rng), slot(rng), slot(rng), slot(rng)]
        };
        for variant in 0..6 {
            let [mut w1, g, mut s1, mut t1, mut u1] = fresh(&mut rng);
            let (mut w2, mut s2, mut t2, mut u2) = (w1.clone(), s1.clone(), t1.clone(), u1.clone());
            match variant {
                0 => {
                    kernels::adam(&adam, &mut w1, &g, &mut s1, &mut t1, None);
                    scalar::adam(&adam, &mut w2, &g, &mut s2, &mut t2, None);
                }
                1 => {
                    kernels::adam(&adam, &mut w1, &g, &mut s1, &mut t1, Some(&mut u1));
                    scalar::adam(&adam, &mut w2, &g, &mut s2, &mut t2, Some(&mut u2));
                }
                2 => {
                    kernels::rmsprop(&rms, &mut w1, &g, &mut s1, None);
                    scalar::rmsprop(&rms, &mut w2, &g, &mut s2, None);
                }
                3 => {
                    kernels::rmsprop(&rms, &mut w1, &g, &mut s1, Some(&mut t1));
                    scalar::rmsprop(&rms, &mut w2, &g, &mut s2, Some(&mut t2));
                }
                _ => {
                    let sgd = SgdStep { learning_rate: 0.01, momentum: 0.9, nesterov: variant == 5 };
                    kernels::sgd(&sgd, &mut w1, &g, Some(&mut s1));
                    scalar::sgd(&sgd, &mut w2, &g, Some(&mut s2));
                    kernels::sgd(&sgd, &mut t1, &g, None);
                    scalar::sgd(&sgd, &mut t2, &g, None);
                }
            }
            for (what, x, y) in [("w", &w1, &w2), ("slot 1", &s1, &s2), ("slot 2", &t1, &t2), ("slot 3", &u1, &u2)] {
                let same = x.iter().zip(y.iter()).all(|(a, b)| a.to_bits() == b.to_bits());
                assert!(same, "update {variant}, n = {n}: {what} differs: simd {x:?}, scalar {y:?}");
            }
        }
    }
}

/// Dropout four values a vector draws exactly what the scalar version draws: the same masks, the
/// same outputs and gradients bit for bit, the stream left in the same state, over several calls
/// of odd sizes (so tails and bodies interleave), and nothing written past `n`.
#[wasm_bindgen_test]
fn simd_dropout_equals_the_scalar_reference() {
    let mut rng = ChaCha8Rng::seed_from_u64(12);
    let (mut fast, mut slow) = (kernels::MaskStream::new(5), kernels::MaskStream::new(5));
    for (call, n) in (0..20).chain([257, 3, 64]).enumerate() {
        let keep = [0.7f32, 0.5, 0.1][call % 3];
        let threshold = (keep as f64 * 4_294_967_296.0) as u32;
        let x = random(n, &mut rng);
        let (mut out1, mut mask1) = (vec![7.0f32; n + GUARD], vec![7.0f32; n + GUARD]);
        let (mut out2, mut mask2) = (out1.clone(), mask1.clone());
        kernels::dropout(&mut fast, threshold, keep, &x, &mut out1, &mut mask1);
        scalar::dropout(&mut slow, threshold, keep, &x, &mut out2[..n], &mut mask2[..n]);
        assert_eq!(fast, slow, "call {call}, n = {n}: the streams moved apart");
        let bits = |v: &[f32]| v.iter().map(|f| f.to_bits()).collect::<Vec<_>>();
        assert_eq!(bits(&mask1), bits(&mask2), "call {call}, n = {n}: masks");
        assert_eq!(bits(&out1), bits(&out2), "call {call}, n = {n}: outputs");
        let g = random(n, &mut rng);
        let (mut dx1, mut dx2) = (vec![7.0f32; n + GUARD], vec![7.0f32; n + GUARD]);
        kernels::dropout_backward(keep, &g, &mask1, &mut dx1);
        scalar::dropout_backward(keep, &g, &mask2[..n], &mut dx2[..n]);
        assert_eq!(bits(&dx1), bits(&dx2), "call {call}, n = {n}: gradients");
    }
}
