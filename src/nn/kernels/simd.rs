//! `simd128` products: four `f32` lanes at a time, accumulators kept in registers.
//!
//! `gemm_nn` and `gemm_tn` compute each output row in column blocks of 16 (four `f32x4`
//! accumulators live across the whole `k` loop, so `c` is written once), then blocks of 4,
//! then a scalar tail. `gemm_nt` is a row-by-row dot product with four lanes and a horizontal
//! sum at the end. Callers go through [`super`], which checks every slice length first; that
//! check is what makes the unchecked loads below sound.

use core::arch::wasm32::*;

/// `c = a · b`; see [`super::gemm_nn`].
pub fn gemm_nn(m: usize, k: usize, n: usize, a: &[f32], b: &[f32], c: &mut [f32]) {
    for i in 0..m {
        // a[i, p] is at i * k + p.
        // SAFETY: the caller checked a.len() >= m*k, b.len() >= k*n, c.len() >= m*n.
        unsafe { row_times_matrix(a.as_ptr().add(i * k), 1, k, n, b.as_ptr(), c.as_mut_ptr().add(i * n)) }
    }
}

/// `c = aᵀ · b`; see [`super::gemm_tn`].
pub fn gemm_tn(m: usize, k: usize, n: usize, a: &[f32], b: &[f32], c: &mut [f32]) {
    for i in 0..m {
        // aᵀ[i, p] = a[p, i] is at p * m + i.
        // SAFETY: the caller checked a.len() >= k*m, b.len() >= k*n, c.len() >= m*n.
        unsafe { row_times_matrix(a.as_ptr().add(i), m, k, n, b.as_ptr(), c.as_mut_ptr().add(i * n)) }
    }
}

/// `c = a · bᵀ`; see [`super::gemm_nt`].
pub fn gemm_nt(m: usize, k: usize, n: usize, a: &[f32], b: &[f32], c: &mut [f32]) {
    for i in 0..m {
        for j in 0..n {
            // SAFETY: the caller checked a.len() >= m*k, b.len() >= n*k, c.len() >= m*n.
            unsafe { *c.as_mut_ptr().add(i * n + j) = dot(a.as_ptr().add(i * k), b.as_ptr().add(j * k), k) }
        }
    }
}

/// `c_row[0..n] = Σ_p a_row[p * stride] · b[p, 0..n]`, for a row of `a` read with a stride.
///
/// # Safety
/// `a_row` must be readable at `p * stride` for `p < k`, `b` for `k * n` floats, `c_row` writable
/// for `n` floats.
#[inline(always)]
unsafe fn row_times_matrix(a_row: *const f32, stride: usize, k: usize, n: usize, b: *const f32, c_row: *mut f32) {
    let mut j = 0;
    while j + 16 <= n {
        let (mut c0, mut c1, mut c2, mut c3) = (f32x4_splat(0.0), f32x4_splat(0.0), f32x4_splat(0.0), f32x4_splat(0.0));
        for p in 0..k {
            let s = f32x4_splat(*a_row.add(p * stride));
            let bp = b.add(p * n + j);
            c0 = f32x4_add(c0, f32x4_mul(s, v128_load(bp as *const v128)));
            c1 = f32x4_add(c1, f32x4_mul(s, v128_load(bp.add(4) as *const v128)));
            c2 = f32x4_add(c2, f32x4_mul(s, v128_load(bp.add(8) as *const v128)));
            c3 = f32x4_add(c3, f32x4_mul(s, v128_load(bp.add(12) as *const v128)));
        }
        let cp = c_row.add(j);
        v128_store(cp as *mut v128, c0);
        v128_store(cp.add(4) as *mut v128, c1);
        v128_store(cp.add(8) as *mut v128, c2);
        v128_store(cp.add(12) as *mut v128, c3);
        j += 16;
    }
    while j + 4 <= n {
        let mut c0 = f32x4_splat(0.0);
        for p in 0..k {
            let s = f32x4_splat(*a_row.add(p * stride));
            c0 = f32x4_add(c0, f32x4_mul(s, v128_load(b.add(p * n + j) as *const v128)));
        }
        v128_store(c_row.add(j) as *mut v128, c0);
        j += 4;
    }
    while j < n {
        let mut acc = 0.0;
        for p in 0..k {
            acc += *a_row.add(p * stride) * *b.add(p * n + j);
        }
        *c_row.add(j) = acc;
        j += 1;
    }
}

/// `Σ_p x[p] · y[p]` for `p < k`.
///
/// # Safety
/// `x` and `y` must be readable for `k` floats.
#[inline(always)]
unsafe fn dot(x: *const f32, y: *const f32, k: usize) -> f32 {
    let mut acc = f32x4_splat(0.0);
    let mut p = 0;
    while p + 4 <= k {
        acc = f32x4_add(acc, f32x4_mul(v128_load(x.add(p) as *const v128), v128_load(y.add(p) as *const v128)));
        p += 4;
    }
    let mut sum = f32x4_extract_lane::<0>(acc)
        + f32x4_extract_lane::<1>(acc)
        + f32x4_extract_lane::<2>(acc)
        + f32x4_extract_lane::<3>(acc);
    while p < k {
        sum += *x.add(p) * *y.add(p);
        p += 1;
    }
    sum
}
