//! Matrix products of the dense layer, on row-major `f32` slices.
//!
//! Three shapes cover a dense layer's forward and backward passes (`x`: batch × in,
//! `W`: in × out, `dZ`: batch × out):
//!
//! | product | use | function |
//! |---|---|---|
//! | `C = A · B` | forward, `Z = X · W` | [`gemm_nn`] |
//! | `C = Aᵀ · B` | kernel gradient, `dW = Xᵀ · dZ` | [`gemm_tn`] |
//! | `C = A · Bᵀ` | input gradient, `dX = dZ · Wᵀ` | [`gemm_nt`] |
//!
//! Each has a portable [`scalar`] version, the reference, and on `wasm32` built with
//! `target-feature=+simd128` a [`simd`] version using `f32x4`. The functions here pick the
//! fastest one compiled in. The two agree to float rounding (the SIMD sums are reassociated),
//! which the browser tests check on odd sizes.
//!
//! ```
//! use mlp_lab::nn::kernels::gemm_nn;
//! let a = [1.0, 2.0, 3.0, 4.0]; // 2 × 2
//! let b = [1.0, 0.0, 0.0, 1.0]; // identity
//! let mut c = [0.0; 4];
//! gemm_nn(2, 2, 2, &a, &b, &mut c);
//! assert_eq!(c, a);
//! ```

pub mod scalar;
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
pub mod simd;

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
use simd as best;

#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
use scalar as best;

/// Whether the products run on 128-bit SIMD in this build.
pub const SIMD: bool = cfg!(all(target_arch = "wasm32", target_feature = "simd128"));

/// `c (m×n) = a (m×k) · b (k×n)`, overwriting `c`.
///
/// # Panics
/// If a slice is shorter than its shape says (a programming error, never user input).
#[inline]
pub fn gemm_nn(m: usize, k: usize, n: usize, a: &[f32], b: &[f32], c: &mut [f32]) {
    check(m * k, a.len(), m * n, c.len(), k * n, b.len());
    best::gemm_nn(m, k, n, a, b, c)
}

/// `c (m×n) = aᵀ · b` where `a` is `k × m` and `b` is `k × n`, overwriting `c`.
///
/// # Panics
/// If a slice is shorter than its shape says (a programming error, never user input).
#[inline]
pub fn gemm_tn(m: usize, k: usize, n: usize, a: &[f32], b: &[f32], c: &mut [f32]) {
    check(k * m, a.len(), m * n, c.len(), k * n, b.len());
    best::gemm_tn(m, k, n, a, b, c)
}

/// `c (m×n) = a · bᵀ` where `a` is `m × k` and `b` is `n × k`, overwriting `c`.
///
/// # Panics
/// If a slice is shorter than its shape says (a programming error, never user input).
#[inline]
pub fn gemm_nt(m: usize, k: usize, n: usize, a: &[f32], b: &[f32], c: &mut [f32]) {
    check(m * k, a.len(), m * n, c.len(), n * k, b.len());
    best::gemm_nt(m, k, n, a, b, c)
}

#[inline]
fn check(a_need: usize, a_len: usize, c_need: usize, c_len: usize, b_need: usize, b_len: usize) {
    assert!(
        a_len >= a_need && b_len >= b_need && c_len >= c_need,
        "gemm: operands too short (a {a_len} of {a_need}, b {b_len} of {b_need}, c {c_len} of {c_need})"
    );
}
