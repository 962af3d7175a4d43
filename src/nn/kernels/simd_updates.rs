//! `simd128` optimizer updates and Dropout: the [`super::scalar`] formulas four values at a time.
//!
//! Every operation is the same IEEE operation as the scalar reference, in the same order
//! (multiplies and adds are never fused here, even with `relaxed-simd`), and `sqrt` and division
//! are correctly rounded in both, so the results are bit-for-bit the scalar ones. The last
//! `len % 4` weights go through the scalar reference itself.

use core::arch::wasm32::*;

use super::{scalar, AdamStep, MaskStream, RmspropStep, SgdStep};

/// Loads four floats at `p + i`.
///
/// # Safety
/// `p + i .. p + i + 4` must be readable.
#[inline(always)]
unsafe fn ld(p: *const f32, i: usize) -> v128 {
    v128_load(p.add(i) as *const v128)
}

/// Stores four floats at `p + i`.
///
/// # Safety
/// `p + i .. p + i + 4` must be writable.
#[inline(always)]
unsafe fn st(p: *mut f32, i: usize, v: v128) {
    v128_store(p.add(i) as *mut v128, v)
}

/// Adam's update; see [`super::adam`].
pub fn adam(h: &AdamStep, w: &mut [f32], g: &[f32], m: &mut [f32], v: &mut [f32], mut v_hat: Option<&mut [f32]>) {
    let n = w.len();
    let body = n - n % 4;
    let (b1, b2) = (f32x4_splat(h.one_minus_beta_1), f32x4_splat(h.one_minus_beta_2));
    let (alpha, eps) = (f32x4_splat(h.alpha), f32x4_splat(h.epsilon));
    let (wp, gp, mp, vp) = (w.as_mut_ptr(), g.as_ptr(), m.as_mut_ptr(), v.as_mut_ptr());
    let hp = v_hat.as_deref_mut().map(<[f32]>::as_mut_ptr);
    // SAFETY: the caller checked that g, m, v (and v_hat) hold at least n = w.len() floats.
    unsafe {
        for i in (0..body).step_by(4) {
            let gi = ld(gp, i);
            let mi = f32x4_add(ld(mp, i), f32x4_mul(f32x4_sub(gi, ld(mp, i)), b1));
            let vi = f32x4_add(ld(vp, i), f32x4_mul(f32x4_sub(f32x4_mul(gi, gi), ld(vp, i)), b2));
            st(mp, i, mi);
            st(vp, i, vi);
            let denominator_of = match hp {
                Some(hp) => {
                    // pmax(a, b) is `a < b ? b : a`: f32::max for every value but NaN.
                    let hi = f32x4_pmax(ld(hp, i), vi);
                    st(hp, i, hi);
                    hi
                }
                None => vi,
            };
            let step = f32x4_div(f32x4_mul(alpha, mi), f32x4_add(f32x4_sqrt(denominator_of), eps));
            st(wp, i, f32x4_sub(ld(wp, i), step));
        }
    }
    scalar::adam(h, &mut w[body..], &g[body..n], &mut m[body..n], &mut v[body..n], v_hat.map(|h| &mut h[body..n]));
}

/// RMSprop's update; see [`super::rmsprop`].
pub fn rmsprop(h: &RmspropStep, w: &mut [f32], g: &[f32], v: &mut [f32], mut velocity: Option<&mut [f32]>) {
    let n = w.len();
    let body = n - n % 4;
    let (rho, one_rho) = (f32x4_splat(h.rho), f32x4_splat(h.one_minus_rho));
    let (lr, eps, mu) = (f32x4_splat(h.learning_rate), f32x4_splat(h.epsilon), f32x4_splat(h.momentum));
    let (wp, gp, vp) = (w.as_mut_ptr(), g.as_ptr(), v.as_mut_ptr());
    let mp = velocity.as_deref_mut().map(<[f32]>::as_mut_ptr);
    // SAFETY: the caller checked that g, v (and the velocity) hold at least n = w.len() floats.
    unsafe {
        for i in (0..body).step_by(4) {
            let gi = ld(gp, i);
            let vi = f32x4_add(f32x4_mul(rho, ld(vp, i)), f32x4_mul(f32x4_mul(one_rho, gi), gi));
            st(vp, i, vi);
            let delta = f32x4_div(f32x4_mul(lr, gi), f32x4_sqrt(f32x4_add(vi, eps)));
            let step = match mp {
                Some(mp) => {
                    let mi = f32x4_add(f32x4_mul(mu, ld(mp, i)), delta);
                    st(mp, i, mi);
                    mi
                }
                None => delta,
            };
            st(wp, i, f32x4_sub(ld(wp, i), step));
        }
    }
    scalar::rmsprop(h, &mut w[body..], &g[body..n], &mut v[body..n], velocity.map(|m| &mut m[body..n]));
}

/// SGD's update; see [`super::sgd`].
pub fn sgd(h: &SgdStep, w: &mut [f32], g: &[f32], mut velocity: Option<&mut [f32]>) {
    let n = w.len();
    let body = n - n % 4;
    let (lr, mu) = (f32x4_splat(h.learning_rate), f32x4_splat(h.momentum));
    let (wp, gp) = (w.as_mut_ptr(), g.as_ptr());
    let mp = velocity.as_deref_mut().map(<[f32]>::as_mut_ptr);
    // SAFETY: the caller checked that g (and the velocity) hold at least n = w.len() floats.
    unsafe {
        for i in (0..body).step_by(4) {
            let gi = ld(gp, i);
            let wi = match mp {
                Some(mp) => {
                    let mi = f32x4_sub(f32x4_mul(mu, ld(mp, i)), f32x4_mul(lr, gi));
                    st(mp, i, mi);
                    let step = if h.nesterov { f32x4_sub(f32x4_mul(mu, mi), f32x4_mul(lr, gi)) } else { mi };
                    f32x4_add(ld(wp, i), step)
                }
                None => f32x4_sub(ld(wp, i), f32x4_mul(lr, gi)),
            };
            st(wp, i, wi);
        }
    }
    scalar::sgd(h, &mut w[body..], &g[body..n], velocity.map(|m| &mut m[body..n]));
}

/// Dropout in training; see [`super::dropout`]. The four lanes of [`MaskStream`] are the four
/// lanes of the vectors: the same draws as the scalar version, value for value.
pub fn dropout(stream: &mut MaskStream, threshold: u32, keep: f32, x: &[f32], out: &mut [f32], mask: &mut [f32]) {
    let n = x.len();
    let body = n - n % 4;
    let (thr, keep_v, one) = (u32x4_splat(threshold), f32x4_splat(keep), f32x4_splat(1.0));
    let (xp, op, mp) = (x.as_ptr(), out.as_mut_ptr(), mask.as_mut_ptr());
    let sp = stream.s.as_mut_ptr() as *mut v128;
    // SAFETY: the caller checked that out and mask hold n = x.len() floats; the stream's state is
    // four [u32; 4], four vectors.
    unsafe {
        let (mut s0, mut s1, mut s2, mut s3) =
            (v128_load(sp), v128_load(sp.add(1)), v128_load(sp.add(2)), v128_load(sp.add(3)));
        for i in (0..body).step_by(4) {
            // xoshiro128++: rotl(s0 + s3, 7) + s0, then the state moves on.
            let sum = i32x4_add(s0, s3);
            let r = i32x4_add(v128_or(i32x4_shl(sum, 7), u32x4_shr(sum, 25)), s0);
            let t = i32x4_shl(s1, 9);
            s2 = v128_xor(s2, s0);
            s3 = v128_xor(s3, s1);
            s1 = v128_xor(s1, s2);
            s0 = v128_xor(s0, s3);
            s2 = v128_xor(s2, t);
            s3 = v128_or(i32x4_shl(s3, 11), u32x4_shr(s3, 21));
            let kept = u32x4_lt(r, thr);
            st(mp, i, v128_and(kept, one));
            st(op, i, v128_and(f32x4_div(ld(xp, i), keep_v), kept));
        }
        v128_store(sp, s0);
        v128_store(sp.add(1), s1);
        v128_store(sp.add(2), s2);
        v128_store(sp.add(3), s3);
    }
    scalar::dropout(stream, threshold, keep, &x[body..], &mut out[body..n], &mut mask[body..n]);
}

/// Dropout's backward pass; see [`super::dropout_backward`].
pub fn dropout_backward(keep: f32, g: &[f32], mask: &[f32], dx: &mut [f32]) {
    let n = g.len();
    let body = n - n % 4;
    let (keep_v, zero) = (f32x4_splat(keep), f32x4_splat(0.0));
    let (gp, mp, dp) = (g.as_ptr(), mask.as_ptr(), dx.as_mut_ptr());
    // SAFETY: the caller checked that mask and dx hold n = g.len() floats.
    unsafe {
        for i in (0..body).step_by(4) {
            let kept = f32x4_ne(ld(mp, i), zero);
            st(dp, i, v128_and(f32x4_div(ld(gp, i), keep_v), kept));
        }
    }
    scalar::dropout_backward(keep, &g[body..], &mask[body..n], &mut dx[body..n]);
}
