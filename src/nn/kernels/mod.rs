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
//! The optimizers' updates ([`adam`], [`rmsprop`], [`sgd`]) and Dropout's two passes
//! ([`dropout`], [`dropout_backward`]) are kernels too: one pass over a tensor, element by
//! element.
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

mod mask;
pub mod scalar;
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
pub mod simd;
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
pub mod simd_updates;

pub(crate) use mask::MaskKey;
pub use mask::MaskStream;

use super::profile::{part, Part};

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
use {simd as best, simd_updates as best_updates};

#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
use {scalar as best, scalar as best_updates};

/// Whether the products run on 128-bit SIMD in this build.
pub const SIMD: bool = cfg!(all(target_arch = "wasm32", target_feature = "simd128"));

/// Whether the products fuse their multiply-adds with relaxed SIMD (`f32x4.relaxed_madd`): the
/// crate feature `relaxed-simd`, in a SIMD build.
pub const RELAXED_SIMD: bool = SIMD && cfg!(feature = "relaxed-simd");

/// `c (m×n) = a (m×k) · b (k×n)`, overwriting `c`.
///
/// # Panics
/// If a slice is shorter than its shape says (a programming error, never user input).
#[inline]
pub fn gemm_nn(m: usize, k: usize, n: usize, a: &[f32], b: &[f32], c: &mut [f32]) {
    check(m * k, a.len(), m * n, c.len(), k * n, b.len());
    part(Part::Products, || best::gemm_nn(m, k, n, a, b, c))
}

/// `c (m×n) = a (m×k) · b (k×n) + bias`, the bias (length `n`) added to every row: a dense
/// layer's `x · W + b` in one pass.
///
/// # Panics
/// If a slice is shorter than its shape says (a programming error, never user input).
#[inline]
pub fn gemm_nn_bias(m: usize, k: usize, n: usize, a: &[f32], b: &[f32], bias: &[f32], c: &mut [f32]) {
    check(m * k, a.len(), m * n, c.len(), k * n, b.len());
    assert!(bias.len() >= n, "gemm: bias too short ({} of {n})", bias.len());
    part(Part::Products, || best::gemm_nn_bias(m, k, n, a, b, Some(bias), c))
}

/// `c (m×n) = aᵀ · b` where `a` is `k × m` and `b` is `k × n`, overwriting `c`.
///
/// # Panics
/// If a slice is shorter than its shape says (a programming error, never user input).
#[inline]
pub fn gemm_tn(m: usize, k: usize, n: usize, a: &[f32], b: &[f32], c: &mut [f32]) {
    check(k * m, a.len(), m * n, c.len(), k * n, b.len());
    part(Part::Products, || best::gemm_tn(m, k, n, a, b, c))
}

/// `c (m×n) = a · bᵀ` where `a` is `m × k` and `b` is `n × k`, overwriting `c`.
///
/// # Panics
/// If a slice is shorter than its shape says (a programming error, never user input).
#[inline]
pub fn gemm_nt(m: usize, k: usize, n: usize, a: &[f32], b: &[f32], c: &mut [f32]) {
    check(m * k, a.len(), m * n, c.len(), n * k, b.len());
    part(Part::Products, || best::gemm_nt(m, k, n, a, b, c))
}

#[inline]
fn check(a_need: usize, a_len: usize, c_need: usize, c_len: usize, b_need: usize, b_len: usize) {
    assert!(
        a_len >= a_need && b_len >= b_need && c_len >= c_need,
        "gemm: operands too short (a {a_len} of {a_need}, b {b_len} of {b_need}, c {c_len} of {c_need})"
    );
}

/// One Adam step's scalars (see [`crate::nn::Adam`]): `α_t` and `1 − β` as Keras rounds them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AdamStep {
    /// `α_t = lr · √(1 − β₂ᵗ) / (1 − β₁ᵗ)`.
    pub alpha: f32,
    /// `1 − β₁`.
    pub one_minus_beta_1: f32,
    /// `1 − β₂`.
    pub one_minus_beta_2: f32,
    /// `ε`.
    pub epsilon: f32,
}

/// One RMSprop step's scalars (see [`crate::nn::Rmsprop`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RmspropStep {
    /// The step's learning rate.
    pub learning_rate: f32,
    /// `ρ`.
    pub rho: f32,
    /// `1 − ρ`, as Keras rounds it.
    pub one_minus_rho: f32,
    /// `μ` (unused without a velocity).
    pub momentum: f32,
    /// `ε`.
    pub epsilon: f32,
}

/// One SGD step's scalars (see [`crate::nn::Sgd`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SgdStep {
    /// The step's learning rate.
    pub learning_rate: f32,
    /// `μ` (unused without a velocity).
    pub momentum: f32,
    /// Nesterov momentum.
    pub nesterov: bool,
}

/// Adam: `m ← m + (g − m)(1 − β₁)`, `v ← v + (g² − v)(1 − β₂)`, with AMSGrad `v̂ ← max(v̂, v)`,
/// then `w ← w − α_t m / (√v̂ + ε)` (`v̂ = v` without AMSGrad), for every weight.
///
/// # Panics
/// If `g`, `m`, `v` or `v_hat` is shorter than `w` (a programming error).
#[inline]
pub fn adam(h: &AdamStep, w: &mut [f32], g: &[f32], m: &mut [f32], v: &mut [f32], v_hat: Option<&mut [f32]>) {
    let n = w.len();
    let hat = v_hat.as_ref().map_or(n, |h| h.len());
    assert!(g.len() >= n && m.len() >= n && v.len() >= n && hat >= n, "adam: a slot is shorter than the weights");
    best_updates::adam(h, w, g, m, v, v_hat)
}

/// RMSprop: `v ← ρ v + (1 − ρ) g²`, `Δ = lr g / √(v + ε)`, then `w ← w − Δ`, or with a velocity
/// `m ← μ m + Δ`, `w ← w − m`.
///
/// # Panics
/// If `g`, `v` or the velocity is shorter than `w` (a programming error).
#[inline]
pub fn rmsprop(h: &RmspropStep, w: &mut [f32], g: &[f32], v: &mut [f32], velocity: Option<&mut [f32]>) {
    let n = w.len();
    let vel = velocity.as_ref().map_or(n, |m| m.len());
    assert!(g.len() >= n && v.len() >= n && vel >= n, "rmsprop: a slot is shorter than the weights");
    best_updates::rmsprop(h, w, g, v, velocity)
}

/// SGD: `w ← w − lr g`, or with a velocity `m ← μ m − lr g` and `w ← w + m` (Nesterov:
/// `w ← w + μ m − lr g`).
///
/// # Panics
/// If `g` or the velocity is shorter than `w` (a programming error).
#[inline]
pub fn sgd(h: &SgdStep, w: &mut [f32], g: &[f32], velocity: Option<&mut [f32]>) {
    let n = w.len();
    let vel = velocity.as_ref().map_or(n, |m| m.len());
    assert!(g.len() >= n && vel >= n, "sgd: a slot is shorter than the weights");
    best_updates::sgd(h, w, g, velocity)
}

/// Dropout in training, Keras' `select(mask, x / keep, 0)`: each value is kept when its draw
/// from `stream` is below `threshold` (a Bernoulli draw with probability `threshold / 2³²`),
/// then divided by `keep`; `mask` gets 1 where kept and 0 where dropped.
///
/// # Panics
/// If `out` or `mask` is shorter than `x` (a programming error).
#[inline]
pub fn dropout(stream: &mut MaskStream, threshold: u32, keep: f32, x: &[f32], out: &mut [f32], mask: &mut [f32]) {
    let n = x.len();
    assert!(out.len() >= n && mask.len() >= n, "dropout: the output or the mask is shorter than the input");
    best_updates::dropout(stream, threshold, keep, x, &mut out[..n], &mut mask[..n])
}

/// Dropout's backward pass: `dx = g / keep` where `mask` is not 0, and 0 where it is.
///
/// # Panics
/// If `mask` or `dx` is shorter than `g` (a programming error).
#[inline]
pub fn dropout_backward(keep: f32, g: &[f32], mask: &[f32], dx: &mut [f32]) {
    let n = g.len();
    assert!(mask.len() >= n && dx.len() >= n, "dropout: the mask or the input gradient is shorter than the gradient");
    best_updates::dropout_backward(keep, g, &mask[..n], &mut dx[..n])
}
