//! Native benchmarks of the dense layer's products and of a whole training step, each beside
//! a reference in the same run: ndarray's `dot` (matrixmultiply's blocked sgemm).
//!
//! `make bench` (or `cargo bench --bench kernels`). Compare the `ours` and `ndarray` lines of a
//! group: their ratio is the figure that matters, not the absolute times of this machine.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use mlp_lab::data::seed_example;
use mlp_lab::nn::kernels::{gemm_nn, gemm_nt, gemm_tn};
use mlp_lab::nn::{Activation, Adam, DenseConfig, FitOptions, Loss, Sequential, Training};
use ndarray::Array2;
use std::hint::black_box;

/// (name, m, k, n): the seed model's products at batch 32, and a 256-wide layer.
const SHAPES: [(&str, usize, usize, usize); 3] =
    [("seed 32x10x64", 32, 10, 64), ("seed 32x64x1", 32, 64, 1), ("wide 256x256x256", 256, 256, 256)];

fn matrix(rows: usize, cols: usize, seed: u64) -> Array2<f32> {
    seed_example(rows, cols, seed).x
}

fn products(c: &mut Criterion) {
    for (name, m, k, n) in SHAPES {
        let mut group = c.benchmark_group(format!("products {name}"));
        group.throughput(Throughput::Elements((2 * m * k * n) as u64)); // flops
        let (a, b) = (matrix(m, k, 1), matrix(k, n, 2));
        let (at, bt) = (a.t().as_standard_layout().into_owned(), b.t().as_standard_layout().into_owned());
        let mut out = vec![0.0f32; m * n];
        let (a_s, b_s, at_s, bt_s) =
            (a.as_slice().unwrap(), b.as_slice().unwrap(), at.as_slice().unwrap(), bt.as_slice().unwrap());
        group.bench_function(BenchmarkId::new("ours", "a·b"), |bench| {
            bench.iter(|| gemm_nn(m, k, n, black_box(a_s), black_box(b_s), &mut out))
        });
        group.bench_function(BenchmarkId::new("ours", "aᵀ·b"), |bench| {
            bench.iter(|| gemm_tn(m, k, n, black_box(at_s), black_box(b_s), &mut out))
        });
        group.bench_function(BenchmarkId::new("ours", "a·bᵀ"), |bench| {
            bench.iter(|| gemm_nt(m, k, n, black_box(a_s), black_box(bt_s), &mut out))
        });
        group.bench_function(BenchmarkId::new("ndarray", "a·b"), |bench| {
            bench.iter(|| black_box(&a).dot(black_box(&b)))
        });
        group.finish();
    }
}

/// W-A, the seed: 800 rows of 10 features, 64 relu → 1 sigmoid, batch 32, Adam: one epoch.
fn seed_epoch(c: &mut Criterion) {
    let data = seed_example(800, 10, 42);
    let layers = [
        DenseConfig { units: 64, activation: Activation::Relu, ..Default::default() },
        DenseConfig { units: 1, activation: Activation::Sigmoid, ..Default::default() },
    ];
    let model = Sequential::new(10, &layers, 42).unwrap();
    let options = FitOptions { epochs: usize::MAX, ..Default::default() };
    let mut fit = Training::new(model, Loss::BinaryCrossentropy, Adam::default(), data.x, data.y, options).unwrap();
    let mut group = c.benchmark_group("train step W-A (seed, batch 32)");
    group.throughput(Throughput::Elements(32));
    group.bench_function("ours", |bench| bench.iter(|| fit.step(|| 0.0).unwrap()));
    group.finish();
}

criterion_group!(benches, products, seed_epoch);
criterion_main!(benches);
