//! Portable reference products: plain loops in the order a textbook writes them, except that
//! `gemm_nn` and `gemm_tn` run the inner loop along a row of the output so it reads memory in
//! order; the optimizers' updates, element by element, exactly as Keras writes them; and
//! Dropout's two passes. Callers go through [`super`], which checks the slice lengths.

use super::{AdamStep, MaskStream, RmspropStep, SgdStep};

/// `c = a · b`; see [`super::gemm_nn`].
pub fn gemm_nn(m: usize, k: usize, n: usize, a: &[f32], b: &[f32], c: &mut [f32]) {
    gemm_nn_bias(m, k, n, a, b, None, c)
}

/// `c = a · b + bias`; see [`super::gemm_nn_bias`].
pub fn gemm_nn_bias(m: usize, k: usize, n: usize, a: &[f32], b: &[f32], bias: Option<&[f32]>, c: &mut [f32]) {
    for i in 0..m {
        let c_row = &mut c[i * n..(i + 1) * n];
        match bias {
            Some(bias) => c_row.copy_from_slice(&bias[..n]),
            None => c_row.fill(0.0),
        }
        for p in 0..k {
            let s = a[i * k + p];
            let b_row = &b[p * n..(p + 1) * n];
            for (c, b) in c_row.iter_mut().zip(b_row) {
                *c += s * b;
            }
        }
    }
}

/// `c = aᵀ · b`; see [`super::gemm_tn`].
pub fn gemm_tn(m: usize, k: usize, n: usize, a: &[f32], b: &[f32], c: &mut [f32]) {
    c[..m * n].fill(0.0);
    for p in 0..k {
        let b_row = &b[p * n..(p + 1) * n];
        for i in 0..m {
            let s = a[p * m + i];
            let c_row = &mut c[i * n..(i + 1) * n];
            for (c, b) in c_row.iter_mut().zip(b_row) {
                *c += s * b;
            }
        }
    }
}

/// `c = a · bᵀ`; see [`super::gemm_nt`].
pub fn gemm_nt(m: usize, k: usize, n: usize, a: &[f32], b: &[f32], c: &mut [f32]) {
    for i in 0..m {
        let a_row = &a[i * k..(i + 1) * k];
        for j in 0..n {
            let b_row = &b[j * k..(j + 1) * k];
            c[i * n + j] = a_row.iter().zip(b_row).map(|(a, b)| a * b).sum();
        }
    }
}

/// Adam's update; see [`super::adam`].
pub fn adam(h: &AdamStep, w: &mut [f32], g: &[f32], m: &mut [f32], v: &mut [f32], v_hat: Option<&mut [f32]>) {
    let n = w.len();
    let (g, m, v) = (&g[..n], &mut m[..n], &mut v[..n]);
    match v_hat {
        Some(v_hat) => {
            let v_hat = &mut v_hat[..n];
            for i in 0..n {
                m[i] += (g[i] - m[i]) * h.one_minus_beta_1;
                v[i] += (g[i] * g[i] - v[i]) * h.one_minus_beta_2;
                v_hat[i] = v_hat[i].max(v[i]);
                w[i] -= h.alpha * m[i] / (v_hat[i].sqrt() + h.epsilon);
            }
        }
        None => {
            for i in 0..n {
                m[i] += (g[i] - m[i]) * h.one_minus_beta_1;
                v[i] += (g[i] * g[i] - v[i]) * h.one_minus_beta_2;
                w[i] -= h.alpha * m[i] / (v[i].sqrt() + h.epsilon);
            }
        }
    }
}

/// RMSprop's update; see [`super::rmsprop`].
pub fn rmsprop(h: &RmspropStep, w: &mut [f32], g: &[f32], v: &mut [f32], velocity: Option<&mut [f32]>) {
    let n = w.len();
    let (g, v) = (&g[..n], &mut v[..n]);
    match velocity {
        Some(m) => {
            let m = &mut m[..n];
            for i in 0..n {
                v[i] = h.rho * v[i] + h.one_minus_rho * g[i] * g[i];
                m[i] = h.momentum * m[i] + h.learning_rate * g[i] / (v[i] + h.epsilon).sqrt();
                w[i] -= m[i];
            }
        }
        None => {
            for i in 0..n {
                v[i] = h.rho * v[i] + h.one_minus_rho * g[i] * g[i];
                w[i] -= h.learning_rate * g[i] / (v[i] + h.epsilon).sqrt();
            }
        }
    }
}

/// SGD's update; see [`super::sgd`].
pub fn sgd(h: &SgdStep, w: &mut [f32], g: &[f32], velocity: Option<&mut [f32]>) {
    let n = w.len();
    let g = &g[..n];
    match velocity {
        Some(m) => {
            let m = &mut m[..n];
            for i in 0..n {
                m[i] = h.momentum * m[i] - h.learning_rate * g[i];
                w[i] += if h.nesterov { h.momentum * m[i] - h.learning_rate * g[i] } else { m[i] };
            }
        }
        None => {
            for i in 0..n {
                w[i] -= h.learning_rate * g[i];
            }
        }
    }
}

/// Dropout in training; see [`super::dropout`]. Four values a draw of the four lanes, the last
/// `len % 4` from one more draw (its unused lanes thrown away). Where a value is dropped its
/// bits are cleared rather than branched on, as the vector version does: a draw is kept or not
/// at random, which a branch predictor cannot learn.
pub fn dropout(stream: &mut MaskStream, threshold: u32, keep: f32, x: &[f32], out: &mut [f32], mask: &mut [f32]) {
    for ((x, out), mask) in x.chunks(4).zip(out.chunks_mut(4)).zip(mask.chunks_mut(4)) {
        let draws = stream.next4();
        for (((&x, o), m), &r) in x.iter().zip(out).zip(mask).zip(&draws) {
            let kept = all_ones_if(r < threshold);
            *m = f32::from_bits(1.0f32.to_bits() & kept);
            *o = f32::from_bits((x / keep).to_bits() & kept);
        }
    }
}

/// Dropout's backward pass; see [`super::dropout_backward`].
pub fn dropout_backward(keep: f32, g: &[f32], mask: &[f32], dx: &mut [f32]) {
    for ((d, &g), &m) in dx.iter_mut().zip(g).zip(mask) {
        *d = f32::from_bits((g / keep).to_bits() & all_ones_if(m != 0.0));
    }
}

/// All 32 bits set if `b`, none if not: a lane of a vector comparison's result.
#[inline(always)]
fn all_ones_if(b: bool) -> u32 {
    (b as u32).wrapping_neg()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The three products against hand-computed values:
    /// `a = [[1,2,3],[4,5,6]]`, `b = [[1,0],[0,1],[1,1]]` gives `a·b = [[4,5],[10,11]]`.
    #[test]
    fn small_products_by_hand() {
        let a = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0];
        let b = [1.0, 0.0, 0.0, 1.0, 1.0, 1.0];
        let mut c = [f32::NAN; 4];
        gemm_nn(2, 3, 2, &a, &b, &mut c);
        assert_eq!(c, [4.0, 5.0, 10.0, 11.0]);

        // aᵀ (3×2) · [[1,0],[0,1]] = aᵀ.
        let mut ct = [f32::NAN; 6];
        gemm_tn(3, 2, 2, &a, &[1.0, 0.0, 0.0, 1.0], &mut ct);
        assert_eq!(ct, [1.0, 4.0, 2.0, 5.0, 3.0, 6.0]);

        // a (2×3) · bᵀ where b is 2×3 = [[1,0,1],[0,1,1]] → [[4,5],[10,11]].
        let mut cn = [f32::NAN; 4];
        gemm_nt(2, 3, 2, &a, &[1.0, 0.0, 1.0, 0.0, 1.0, 1.0], &mut cn);
        assert_eq!(cn, [4.0, 5.0, 10.0, 11.0]);
    }
}
