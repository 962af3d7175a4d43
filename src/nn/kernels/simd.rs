//! `simd128` products: register-tiled micro-kernels over four `f32` lanes.
//!
//! - `gemm_nn` and `gemm_tn` share one micro-kernel: a tile of up to 4 rows × 8 columns of `c`
//!   is eight `f32x4` accumulators held in registers across the whole `k` loop; each step
//!   broadcasts one element of `a` per row (`v128.load32_splat`) and multiplies it into two
//!   vectors of a row of `b`. The two products differ only in how a row of `a` is strided.
//!   Column blocks run outermost, and each full `k × 8` block of `b` is first copied into one
//!   contiguous panel (reused, never reallocated once grown), so it stays in L1 for every row
//!   tile: read in place, rows `n` floats apart alias a few L1 sets. Packing made 256³ `gemm_nn`
//!   about 20% faster, and W-A, W-B and W-C 1.37, 1.16 and 1.18 times faster (`make bench`'s
//!   page, both builds in one run, Chromium 156, AMD EPYC).
//!   Edges use the same kernel with fewer rows, one vector, or a partial vector (1 to 3 lanes,
//!   loaded and stored with the lane instructions, never past the slice).
//! - `gemm_nt` (`a · bᵀ`, the backward pass' `dy · Wᵀ`) runs through the same micro-kernel: each
//!   `k × 8` column block of `bᵀ` is 8 rows of `b`, transposed into the panel four by four
//!   (`f32x4` loads and shuffles), so the hot loop is `gemm_nn`'s. Fewer than four rows of `a`
//!   (a pack would cost as much as the product) or one output column take dot products instead:
//!   a tile of 2 rows of `a` × 4 rows of `b` keeps eight `f32x4` partial sums over `k`, then one
//!   4 × 4 transpose-and-add turns each row's four vectors into the four outputs.
//! - One-column and one-deep shapes (the seed's 64 → 1 layer) are rewritten into the shape that
//!   vectorises: `a · b` with `n = 1` is a dot product per row, `aᵀ · b` with `n = 1` is
//!   `(bᵀ · a)ᵀ`, and `a · bᵀ` with `k = 1` is `a · b` (a `n × 1` matrix is its own transpose).
//! - With the crate feature `relaxed-simd` (the `worker_relaxed` build, for browsers that
//!   validate relaxed SIMD), the multiply-add is `f32x4.relaxed_madd`, one fused instruction
//!   where the hardware has FMA; otherwise a multiply and an add. Only these functions are
//!   compiled with the wasm feature, so the rest of the crate and its dependencies are shared
//!   with the plain build.
//!
//! Callers go through [`super`], which checks every slice length first; that check is what
//! makes the unchecked pointer arithmetic below sound.

use core::arch::wasm32::*;
use std::cell::RefCell;

std::thread_local! {
    /// The packed `k × 8` column block of `b` in [`tiles`]; it grows to the largest `k` once and
    /// is reused, so a training step allocates nothing.
    static PANEL: RefCell<Vec<f32>> = const { RefCell::new(Vec::new()) };
}

/// Rows of `c` per tile in `gemm_nn` / `gemm_tn`. Four rows are eight accumulators, which with
/// the two vectors of `b`, the broadcast and the product fit V8's 15 allocatable `xmm` registers
/// (it keeps one as scratch); six rows need 16, and ran at 35 GFLOP/s where four run at 59 (256³
/// in Chromium 156 on an AMD EPYC whose f32x4 peak is 66, `make bench`).
const MR: usize = 4;
/// Columns of `c` per tile in `gemm_nn` / `gemm_tn` (two vectors).
const NR: usize = 8;

/// `c = a · b`; see [`super::gemm_nn`].
pub fn gemm_nn(m: usize, k: usize, n: usize, a: &[f32], b: &[f32], c: &mut [f32]) {
    gemm_nn_bias(m, k, n, a, b, None, c)
}

/// `c = a · b + bias` (the bias added to every row); see [`super::gemm_nn_bias`].
pub fn gemm_nn_bias(m: usize, k: usize, n: usize, a: &[f32], b: &[f32], bias: Option<&[f32]>, c: &mut [f32]) {
    let bias = bias.map(<[f32]>::as_ptr);
    // SAFETY: the caller checked a.len() >= m*k, b.len() >= k*n, c.len() >= m*n, bias.len() >= n.
    unsafe {
        if n == 1 {
            // One output column: a dot product of every row of `a` with the column `b`.
            dots(m, k, 1, a.as_ptr(), b.as_ptr(), c.as_mut_ptr());
            if let Some(bias) = bias {
                c[..m].iter_mut().for_each(|c| *c += *bias);
            }
        } else {
            // a[i, p] is at i * k + p.
            tiles(m, k, n, a.as_ptr(), k, 1, b.as_ptr(), false, bias, c.as_mut_ptr());
        }
    }
}

/// `c = aᵀ · b`; see [`super::gemm_tn`].
pub fn gemm_tn(m: usize, k: usize, n: usize, a: &[f32], b: &[f32], c: &mut [f32]) {
    // SAFETY: the caller checked a.len() >= k*m, b.len() >= k*n, c.len() >= m*n.
    unsafe {
        if n == 1 && m > 1 {
            // c (m × 1) = aᵀ · b is, laid out in memory, the row bᵀ (1 × k) · a (k × m).
            tiles(1, k, m, b.as_ptr(), k, 1, a.as_ptr(), false, None, c.as_mut_ptr());
        } else {
            // aᵀ[i, p] = a[p, i] is at p * m + i.
            tiles(m, k, n, a.as_ptr(), 1, m, b.as_ptr(), false, None, c.as_mut_ptr());
        }
    }
}

/// `c = a · bᵀ`; see [`super::gemm_nt`].
pub fn gemm_nt(m: usize, k: usize, n: usize, a: &[f32], b: &[f32], c: &mut [f32]) {
    // SAFETY: the caller checked a.len() >= m*k, b.len() >= n*k, c.len() >= m*n.
    unsafe {
        if k == 1 {
            // b (n × 1) has the layout of bᵀ (1 × n): an outer product, as a · b.
            tiles(m, 1, n, a.as_ptr(), 1, 1, b.as_ptr(), false, None, c.as_mut_ptr());
        } else if m < MR || n == 1 {
            dots(m, k, n, a.as_ptr(), b.as_ptr(), c.as_mut_ptr());
        } else {
            // a[i, p] is at i * k + p; bᵀ is packed from b's rows.
            tiles(m, k, n, a.as_ptr(), k, 1, b.as_ptr(), true, None, c.as_mut_ptr());
        }
    }
}

/// `x · y + acc`, fused when the build has `relaxed-simd`.
#[cfg_attr(feature = "relaxed-simd", target_feature(enable = "relaxed-simd"), inline)]
#[cfg_attr(not(feature = "relaxed-simd"), inline(always))]
fn madd(x: v128, y: v128, acc: v128) -> v128 {
    #[cfg(feature = "relaxed-simd")]
    {
        f32x4_relaxed_madd(x, y, acc)
    }
    #[cfg(not(feature = "relaxed-simd"))]
    {
        f32x4_add(f32x4_mul(x, y), acc)
    }
}

/// The first `len` (0 to 4) floats at `p`, the other lanes zero; reads nothing past them.
///
/// # Safety
/// `p` must be readable for `len` floats.
#[inline(always)]
unsafe fn load(p: *const f32, len: usize) -> v128 {
    match len {
        4.. => v128_load(p as *const v128),
        3 => v128_load32_lane::<2>(v128_load64_zero(p as *const u64), p.add(2) as *const u32),
        2 => v128_load64_zero(p as *const u64),
        1 => v128_load32_zero(p as *const u32),
        _ => f32x4_splat(0.0),
    }
}

/// Stores the first `len` (0 to 4) lanes of `v` at `p`; writes nothing past them.
///
/// # Safety
/// `p` must be writable for `len` floats.
#[inline(always)]
unsafe fn store(p: *mut f32, v: v128, len: usize) {
    match len {
        4.. => v128_store(p as *mut v128, v),
        3 => {
            v128_store64_lane::<0>(v, p as *mut u64);
            v128_store32_lane::<2>(v, p.add(2) as *mut u32);
        }
        2 => v128_store64_lane::<0>(v, p as *mut u64),
        1 => v128_store32_lane::<0>(v, p as *mut u32),
        _ => {}
    }
}

/// `c (m × n) = A · B [+ bias]`, where `A[i, p]` is at `a + i·rs + p·ps`, and `B` (`k × n`) is
/// `b` itself or, with `transposed`, `bᵀ` for a `b` of `n × k` (then every column block is
/// packed, [`pack_transposed`]).
///
/// # Safety
/// `A` readable at every `i·rs + p·ps` for `i < m, p < k`; `b` for `k·n`, `bias` (if any) for `n`
/// floats; `c` writable for `m·n`.
#[allow(clippy::too_many_arguments)]
#[cfg_attr(feature = "relaxed-simd", target_feature(enable = "relaxed-simd"), inline)]
#[cfg_attr(not(feature = "relaxed-simd"), inline(always))]
unsafe fn tiles(
    m: usize,
    k: usize,
    n: usize,
    a: *const f32,
    rs: usize,
    ps: usize,
    b: *const f32,
    transposed: bool,
    bias: Option<*const f32>,
    c: *mut f32,
) {
    // Copy each full `k × 8` column block of `b` into one contiguous panel when enough row tiles
    // read it: in place its rows are `n` floats apart, and at such strides (1 KB at n = 256) the
    // panel's lines fall in a few L1 sets and evict each other, so every step would read from L2.
    // A transposed `b` is always packed: its columns are not contiguous.
    let pack = transposed || (m >= 2 * MR && n > NR);
    let mut panel = if pack { PANEL.take() } else { Vec::new() };
    if pack && panel.len() < k * NR {
        panel.resize(k * NR, 0.0);
    }
    let mut j = 0;
    while j < n {
        let cols = (n - j).min(NR);
        let (b, bs) = if transposed {
            pack_transposed(panel.as_mut_ptr(), b.add(j * k), k, cols);
            (panel.as_ptr(), NR)
        } else if pack && cols == NR {
            let dst = panel.as_mut_ptr();
            for p in 0..k {
                let src = b.add(p * n + j);
                v128_store(dst.add(p * NR) as *mut v128, v128_load(src as *const v128));
                v128_store(dst.add(p * NR + 4) as *mut v128, v128_load(src.add(4) as *const v128));
            }
            (panel.as_ptr(), NR)
        } else {
            (b.add(j), n)
        };
        let mut i = 0;
        while i + MR <= m {
            tile::<MR>(k, a.add(i * rs), rs, ps, b, bs, n, bias.map(|p| p.add(j)), c.add(i * n + j), cols);
            i += MR;
        }
        let (a, c, bias) = (a.add(i * rs), c.add(i * n + j), bias.map(|p| p.add(j)));
        match m - i {
            3 => tile::<3>(k, a, rs, ps, b, bs, n, bias, c, cols),
            2 => tile::<2>(k, a, rs, ps, b, bs, n, bias, c, cols),
            1 => tile::<1>(k, a, rs, ps, b, bs, n, bias, c, cols),
            _ => {}
        }
        j += cols;
    }
    if pack {
        PANEL.set(panel);
    }
}

/// One tile: `R` rows × `cols` (1 to 8) columns of `c`, over all of `k`.
///
/// # Safety
/// As [`tiles`], for the tile's rows and columns.
#[allow(clippy::too_many_arguments)]
#[cfg_attr(feature = "relaxed-simd", target_feature(enable = "relaxed-simd"), inline)]
#[cfg_attr(not(feature = "relaxed-simd"), inline(always))]
unsafe fn tile<const R: usize>(
    k: usize,
    a: *const f32,
    rs: usize,
    ps: usize,
    b: *const f32,
    bs: usize,
    n: usize,
    bias: Option<*const f32>,
    c: *mut f32,
    cols: usize,
) {
    if cols == NR {
        tile_full::<R>(k, a, rs, ps, b, bs, n, bias, c);
    } else {
        tile_edge::<R>(k, a, rs, ps, b, bs, n, bias, c, cols);
    }
}

/// `R` rows × 8 columns: the hot loop.
///
/// # Safety
/// As [`tiles`], for the tile's rows and 8 columns.
#[allow(clippy::too_many_arguments)]
#[cfg_attr(feature = "relaxed-simd", target_feature(enable = "relaxed-simd"), inline)]
#[cfg_attr(not(feature = "relaxed-simd"), inline(always))]
unsafe fn tile_full<const R: usize>(
    k: usize,
    a: *const f32,
    rs: usize,
    ps: usize,
    b: *const f32,
    bs: usize,
    n: usize,
    bias: Option<*const f32>,
    c: *mut f32,
) {
    let (init0, init1) = match bias {
        Some(p) => (v128_load(p as *const v128), v128_load(p.add(4) as *const v128)),
        None => (f32x4_splat(0.0), f32x4_splat(0.0)),
    };
    let mut acc0 = [init0; R];
    let mut acc1 = [init1; R];
    for p in 0..k {
        let bp = b.add(p * bs);
        let b0 = v128_load(bp as *const v128);
        let b1 = v128_load(bp.add(4) as *const v128);
        let ap = a.add(p * ps);
        for r in 0..R {
            let s = v128_load32_splat(ap.add(r * rs) as *const u32);
            acc0[r] = madd(s, b0, acc0[r]);
            acc1[r] = madd(s, b1, acc1[r]);
        }
    }
    for r in 0..R {
        v128_store(c.add(r * n) as *mut v128, acc0[r]);
        v128_store(c.add(r * n + 4) as *mut v128, acc1[r]);
    }
}

/// `R` rows × `cols` (1 to 7) columns: one full vector when `cols > 4`, then a partial one.
///
/// # Safety
/// As [`tiles`], for the tile's rows and `cols` columns.
#[allow(clippy::too_many_arguments)]
#[cfg_attr(feature = "relaxed-simd", target_feature(enable = "relaxed-simd"))]
#[inline(never)]
unsafe fn tile_edge<const R: usize>(
    k: usize,
    a: *const f32,
    rs: usize,
    ps: usize,
    b: *const f32,
    bs: usize,
    n: usize,
    bias: Option<*const f32>,
    c: *mut f32,
    cols: usize,
) {
    let (w0, w1) = (cols.min(4), cols.saturating_sub(4));
    let (init0, init1) = match bias {
        Some(p) => (load(p, w0), load(p.add(4), w1)),
        None => (f32x4_splat(0.0), f32x4_splat(0.0)),
    };
    let mut acc0 = [init0; R];
    let mut acc1 = [init1; R];
    for p in 0..k {
        let bp = b.add(p * bs);
        let b0 = load(bp, w0);
        let b1 = load(bp.add(4), w1);
        let ap = a.add(p * ps);
        for r in 0..R {
            let s = v128_load32_splat(ap.add(r * rs) as *const u32);
            acc0[r] = madd(s, b0, acc0[r]);
            acc1[r] = madd(s, b1, acc1[r]);
        }
    }
    for r in 0..R {
        store(c.add(r * n), acc0[r], w0);
        store(c.add(r * n + 4), acc1[r], w1);
    }
}

/// Writes the `k × 8` block `bᵀ[.., 0..cols]` at `dst` (8 floats a row, the columns past `cols`
/// left as they are: the edge tile reads only `cols` of them), for `b` of `? × k` whose first row
/// is at `b`. Four rows of `b` at a time, four of `k`: four loads, a 4 × 4 transpose in eight
/// shuffles, four stores; the remainders one float at a time.
///
/// # Safety
/// `b` readable for `cols·k` floats; `dst` writable for `k·8`.
#[cfg_attr(feature = "relaxed-simd", target_feature(enable = "relaxed-simd"), inline)]
#[cfg_attr(not(feature = "relaxed-simd"), inline(always))]
unsafe fn pack_transposed(dst: *mut f32, b: *const f32, k: usize, cols: usize) {
    let mut q = 0;
    while q + 4 <= cols {
        let rows = [b.add(q * k), b.add((q + 1) * k), b.add((q + 2) * k), b.add((q + 3) * k)];
        let mut p = 0;
        while p + 4 <= k {
            let [r0, r1, r2, r3] = rows.map(|r| v128_load(r.add(p) as *const v128));
            let (lo01, hi01) = (i32x4_shuffle::<0, 4, 1, 5>(r0, r1), i32x4_shuffle::<2, 6, 3, 7>(r0, r1));
            let (lo23, hi23) = (i32x4_shuffle::<0, 4, 1, 5>(r2, r3), i32x4_shuffle::<2, 6, 3, 7>(r2, r3));
            let at = dst.add(p * NR + q);
            v128_store(at as *mut v128, i32x4_shuffle::<0, 1, 4, 5>(lo01, lo23));
            v128_store(at.add(NR) as *mut v128, i32x4_shuffle::<2, 3, 6, 7>(lo01, lo23));
            v128_store(at.add(2 * NR) as *mut v128, i32x4_shuffle::<0, 1, 4, 5>(hi01, hi23));
            v128_store(at.add(3 * NR) as *mut v128, i32x4_shuffle::<2, 3, 6, 7>(hi01, hi23));
            p += 4;
        }
        for p in p..k {
            for (r, row) in rows.iter().enumerate() {
                *dst.add(p * NR + q + r) = *row.add(p);
            }
        }
        q += 4;
    }
    for q in q..cols {
        for p in 0..k {
            *dst.add(p * NR + q) = *b.add(q * k + p);
        }
    }
}

/// `c (m × n) = a (m × k) · bᵀ` for `b` of `n × k`: dot products of rows, in 2 × 4 tiles.
///
/// # Safety
/// `a` readable for `m·k` floats, `b` for `n·k`, `c` writable for `m·n`.
#[cfg_attr(feature = "relaxed-simd", target_feature(enable = "relaxed-simd"), inline)]
#[cfg_attr(not(feature = "relaxed-simd"), inline(always))]
unsafe fn dots(m: usize, k: usize, n: usize, a: *const f32, b: *const f32, c: *mut f32) {
    let mut i = 0;
    while i < m {
        let rows = (m - i).min(2);
        let mut j = 0;
        while j < n {
            let cols = (n - j).min(4);
            let (a, b, c) = (a.add(i * k), b.add(j * k), c.add(i * n + j));
            if rows == 2 && cols == 4 {
                dot_tile::<2, 4>(k, a, b, c, n);
            } else {
                dot_edge(k, a, b, c, n, rows, cols);
            }
            j += cols;
        }
        i += rows;
    }
}

/// Edges of [`dots`]: `rows` (1 or 2) × `cols` (1 to 4).
///
/// # Safety
/// As [`dots`], for the tile's rows and columns.
#[cfg_attr(feature = "relaxed-simd", target_feature(enable = "relaxed-simd"))]
#[inline(never)]
unsafe fn dot_edge(k: usize, a: *const f32, b: *const f32, c: *mut f32, n: usize, rows: usize, cols: usize) {
    match (rows, cols) {
        (2, 3) => dot_tile::<2, 3>(k, a, b, c, n),
        (2, 2) => dot_tile::<2, 2>(k, a, b, c, n),
        (2, 1) => dot_tile::<2, 1>(k, a, b, c, n),
        (1, 4) => dot_tile::<1, 4>(k, a, b, c, n),
        (1, 3) => dot_tile::<1, 3>(k, a, b, c, n),
        (1, 2) => dot_tile::<1, 2>(k, a, b, c, n),
        _ => dot_tile::<1, 1>(k, a, b, c, n),
    }
}

/// `R` rows of `a` against `C` rows of `b`: `R × C` vector partial sums over `k`, then summed
/// across lanes into `C` outputs per row.
///
/// # Safety
/// `a` readable for `R·k` floats, `b` for `C·k`, `c` writable for `C` floats in each of `R` rows
/// `n` apart.
#[cfg_attr(feature = "relaxed-simd", target_feature(enable = "relaxed-simd"), inline)]
#[cfg_attr(not(feature = "relaxed-simd"), inline(always))]
// Rows and columns by index, as the tile is written on paper (the loops unroll: R, C are constants).
#[allow(clippy::needless_range_loop)]
unsafe fn dot_tile<const R: usize, const C: usize>(k: usize, a: *const f32, b: *const f32, c: *mut f32, n: usize) {
    let zero = f32x4_splat(0.0);
    let mut acc = [[zero; 4]; R];
    let mut p = 0;
    while p < k {
        let w = (k - p).min(4);
        let mut av = [zero; R];
        for r in 0..R {
            av[r] = load(a.add(r * k + p), w);
        }
        for q in 0..C {
            let bv = load(b.add(q * k + p), w);
            for r in 0..R {
                acc[r][q] = madd(av[r], bv, acc[r][q]);
            }
        }
        p += 4;
    }
    for r in 0..R {
        store(c.add(r * n), horizontal_sums(acc[r]), C);
    }
}

/// `[Σ x₀, Σ x₁, Σ x₂, Σ x₃]`: the lane sums of four vectors, as one vector.
#[inline(always)]
fn horizontal_sums([x0, x1, x2, x3]: [v128; 4]) -> v128 {
    // [x0₀+x0₂, x1₀+x1₂, x0₁+x0₃, x1₁+x1₃] and the same for x2, x3.
    let s01 = f32x4_add(i32x4_shuffle::<0, 4, 1, 5>(x0, x1), i32x4_shuffle::<2, 6, 3, 7>(x0, x1));
    let s23 = f32x4_add(i32x4_shuffle::<0, 4, 1, 5>(x2, x3), i32x4_shuffle::<2, 6, 3, 7>(x2, x3));
    f32x4_add(i32x4_shuffle::<0, 1, 4, 5>(s01, s23), i32x4_shuffle::<2, 3, 6, 7>(s01, s23))
}
