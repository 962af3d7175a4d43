//! Native benchmarks of the dense layer's products and of a whole training step, each beside
//! a reference in the same run: ndarray's `dot` (matrixmultiply's blocked sgemm).
//!
//! `make bench` (or `cargo bench --bench kernels`). Compare the `ours` and `ndarray` lines of a
//! group: their ratio is the figure that matters, not the absolute times of this machine.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use mlp_lab::data::seed_example;
use mlp_lab::nn::kernels::{adam, gemm_nn, gemm_nt, gemm_tn, AdamStep};
use mlp_lab::nn::{
    Activation, BatchNormConfig, DenseConfig, DropoutConfig, FitOptions, LayerConfig, Loss, Optimizer, Sequential,
    Training,
};
use ndarray::{Array1, Array2, Zip};
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

/// W-A, the seed: 800 rows of 10 features, 64 relu → 1 sigmoid, batch 32, Adam: one step,
/// plain and with a Dropout(0.3) or a BatchNormalization() after the hidden layer (what each
/// layer costs a step).
fn seed_epoch(c: &mut Criterion) {
    let data = seed_example(800, 10, 42);
    let hidden = LayerConfig::Dense(DenseConfig { units: 64, activation: Activation::Relu, ..Default::default() });
    let output = LayerConfig::Dense(DenseConfig { units: 1, activation: Activation::Sigmoid, ..Default::default() });
    let variants = [
        ("ours", None),
        ("ours + Dropout(0.3)", Some(LayerConfig::Dropout(DropoutConfig { rate: 0.3 }))),
        ("ours + BatchNormalization()", Some(LayerConfig::BatchNormalization(BatchNormConfig::default()))),
    ];
    let mut group = c.benchmark_group("train step W-A (seed, batch 32)");
    group.throughput(Throughput::Elements(32));
    for (name, extra) in variants {
        let layers: Vec<LayerConfig> =
            [Some(hidden.clone()), extra, Some(output.clone())].into_iter().flatten().collect();
        let model = Sequential::new(10, &layers, 42).unwrap();
        let options = FitOptions { epochs: usize::MAX, ..Default::default() };
        let mut fit = Training::new(
            model,
            Loss::BinaryCrossentropy,
            Optimizer::default(),
            data.x.clone(),
            data.y.clone(),
            options,
        )
        .unwrap();
        group.bench_function(name, |bench| bench.iter(|| fit.step(|| 0.0).unwrap()));
    }
    group.finish();
}

/// Adam's update of a 256 × 256 kernel: ours against the same formula written with ndarray's
/// `Zip` (what a straightforward port would do).
fn adam_update(c: &mut Criterion) {
    let n = 256 * 256;
    let step = AdamStep { alpha: 1e-3, one_minus_beta_1: 0.1, one_minus_beta_2: 0.001, epsilon: 1e-7 };
    let g = matrix(256, 256, 3).into_shape_with_order(n).unwrap();
    let (mut w, mut m, mut v) = (Array1::<f32>::zeros(n), Array1::<f32>::zeros(n), Array1::<f32>::zeros(n));
    let mut group = c.benchmark_group("adam update 65536 weights");
    group.throughput(Throughput::Elements(n as u64));
    group.bench_function("ours", |bench| {
        let (w, g, m, v) =
            (w.as_slice_mut().unwrap(), g.as_slice().unwrap(), m.as_slice_mut().unwrap(), v.as_slice_mut().unwrap());
        bench.iter(|| adam(&step, w, black_box(g), m, v, None))
    });
    group.bench_function("ndarray Zip", |bench| {
        bench.iter(|| {
            Zip::from(&mut w).and(black_box(&g)).and(&mut m).and(&mut v).for_each(|w, &g, m, v| {
                *m += (g - *m) * step.one_minus_beta_1;
                *v += (g * g - *v) * step.one_minus_beta_2;
                *w -= step.alpha * *m / (v.sqrt() + step.epsilon);
            })
        })
    });
    group.finish();
}

criterion_group!(benches, products, seed_epoch, adam_update);
criterion_main!(benches);
