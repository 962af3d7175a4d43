//! Portable reference products: plain loops in the order a textbook writes them, except that
//! `gemm_nn` and `gemm_tn` run the inner loop along a row of the output so it reads memory in
//! order. Callers go through [`super`], which checks the slice lengths.

/// `c = a · b`; see [`super::gemm_nn`].
pub fn gemm_nn(m: usize, k: usize, n: usize, a: &[f32], b: &[f32], c: &mut [f32]) {
    for i in 0..m {
        let c_row = &mut c[i * n..(i + 1) * n];
        c_row.fill(0.0);
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
