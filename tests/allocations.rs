//! After the first batch, a training step allocates nothing: every buffer (batch copies,
//! activations, gradients, dropout masks, batch statistics, optimizer state) is sized when the
//! fit starts. A counting global
//! allocator checks it for every optimizer and every loss, and for a fit shared out among
//! replicas ([`DataParallel`]: both halves of every replica's step and the sum in order).

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard};

use mlp_lab::data::{generate, Generator, GeneratorSpec};
use mlp_lab::nn::{
    Activation, Adam, BatchNormConfig, DataParallel, DenseConfig, DropoutConfig, FitOptions, LayerConfig, LearningRate,
    Loss, Optimizer, Progress, Regularizer, Rmsprop, Sequential, Sgd, Training,
};

struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

thread_local! {
    /// Only the measuring thread counts (the test harness allocates on its own threads).
    static COUNTING: Cell<bool> = const { Cell::new(false) };
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if COUNTING.with(Cell::get) {
            ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        }
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if COUNTING.with(Cell::get) {
            ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        }
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// The count is one for the whole binary: the tests take turns.
static TURN: Mutex<()> = Mutex::new(());

fn my_turn() -> MutexGuard<'static, ()> {
    TURN.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Allocations made by the batch steps of a fit (epoch ends are not steps: they validate and
/// keep the history, once an epoch).
fn allocations_per_batch(
    loss: Loss,
    mut optimizer: Optimizer,
    last: DenseConfig,
    labels: GeneratorSpec,
) -> (usize, usize) {
    let data = generate(&labels);
    // Every layer kind, with regularizers: none of them may allocate in a step.
    let l2 = Some(Regularizer::L1L2 { l1: 0.001, l2: 0.01 });
    let layers = [
        LayerConfig::Dense(DenseConfig {
            units: 16,
            activation: Activation::Relu,
            kernel_regularizer: l2,
            ..Default::default()
        }),
        LayerConfig::Dropout(DropoutConfig { rate: 0.2 }),
        LayerConfig::BatchNormalization(BatchNormConfig::default()),
        LayerConfig::Dense(last),
    ];
    let model = Sequential::new(data.features(), &layers, 1).unwrap();
    let initial = optimizer.learning_rate().initial();
    *optimizer.learning_rate_mut() =
        LearningRate::CosineDecay { initial_learning_rate: initial, decay_steps: 100, alpha: 0.0 };
    let options = FitOptions { epochs: 3, batch_size: 32, ..Default::default() };
    let mut fit = Training::new(model, loss, optimizer, data.x, data.y, options).unwrap();
    fit.step(|| 0.0).unwrap(); // the first batch may warm up
    let (mut batches, mut allocations) = (0, 0);
    while !fit.is_finished() {
        ALLOCATIONS.store(0, Ordering::Relaxed);
        COUNTING.with(|c| c.set(true));
        let progress = fit.step(|| 0.0).unwrap();
        COUNTING.with(|c| c.set(false));
        if let Progress::Batch(_) = progress {
            batches += 1;
            allocations += ALLOCATIONS.load(Ordering::Relaxed);
        }
    }
    (batches, allocations)
}

#[test]
fn a_training_step_allocates_nothing() {
    let _turn = my_turn();
    let binary = GeneratorSpec { generator: Generator::Moons, rows: 300, ..Default::default() };
    let classes =
        GeneratorSpec { generator: Generator::Blobs, rows: 300, features: 3, classes: 3, ..Default::default() };
    let sigmoid = DenseConfig { units: 1, activation: Activation::Sigmoid, ..Default::default() };
    let softmax = DenseConfig { units: 3, activation: Activation::Softmax, ..Default::default() };
    let linear = DenseConfig { units: 1, activation: Activation::Linear, ..Default::default() };
    let cases = [
        (
            "adam, binary",
            Loss::BinaryCrossentropy,
            Optimizer::Adam(Adam { amsgrad: true, ..Default::default() }),
            sigmoid.clone(),
            binary,
        ),
        (
            "sgd, sparse",
            Loss::SparseCategoricalCrossentropy,
            Optimizer::Sgd(Sgd { momentum: 0.9, nesterov: true, ..Default::default() }),
            softmax.clone(),
            classes,
        ),
        (
            "rmsprop, mse",
            Loss::MeanSquaredError,
            Optimizer::Rmsprop(Rmsprop { momentum: 0.5, ..Default::default() }),
            linear,
            binary,
        ),
        ("sgd, binary", Loss::BinaryCrossentropy, Optimizer::Sgd(Sgd::default()), sigmoid, binary),
    ];
    for (name, loss, optimizer, last, data) in cases {
        let (batches, allocations) = allocations_per_batch(loss, optimizer, last, data);
        assert!(batches >= 20, "{name}: only {batches} batches measured");
        assert_eq!(allocations, 0, "{name}: {allocations} allocations in {batches} batch steps");
    }
    // The counter counts: making data allocates.
    ALLOCATIONS.store(0, Ordering::Relaxed);
    COUNTING.with(|c| c.set(true));
    let data = generate(&binary);
    COUNTING.with(|c| c.set(false));
    assert!(ALLOCATIONS.load(Ordering::Relaxed) > 0 && data.rows() == 300);
}

/// The replica path allocates nothing after its first step either: 3 replicas in lockstep, each
/// computing its share's gradient and applying the sum, with Dropout and regularizers, a batch
/// that does not split evenly (32 rows as 11 + 11 + 10) and a last one that does not fill.
#[test]
fn a_data_parallel_step_allocates_nothing() {
    let _turn = my_turn();
    let data = generate(&GeneratorSpec { generator: Generator::Moons, rows: 300, ..Default::default() });
    let layers = [
        LayerConfig::Dense(DenseConfig {
            units: 16,
            activation: Activation::Relu,
            kernel_regularizer: Some(Regularizer::L2 { l2: 0.01 }),
            ..Default::default()
        }),
        LayerConfig::Dropout(DropoutConfig { rate: 0.2 }),
        LayerConfig::Dense(DenseConfig { units: 1, activation: Activation::Sigmoid, ..Default::default() }),
    ];
    for optimizer in Optimizer::all() {
        let model = Sequential::new(data.features(), &layers, 1).unwrap();
        let options = FitOptions { epochs: 3, batch_size: 32, ..Default::default() };
        let fit =
            Training::new(model, Loss::BinaryCrossentropy, optimizer.clone(), data.x.clone(), data.y.clone(), options)
                .unwrap();
        let mut parallel = DataParallel::new(fit, 3).unwrap();
        parallel.step(|| 0.0).unwrap(); // the first step may warm up
        let (mut batches, mut allocations) = (0, 0);
        while !parallel.is_finished() {
            ALLOCATIONS.store(0, Ordering::Relaxed);
            COUNTING.with(|c| c.set(true));
            let progress = parallel.step(|| 0.0).unwrap();
            COUNTING.with(|c| c.set(false));
            if let Progress::Batch(_) = progress {
                batches += 1;
                allocations += ALLOCATIONS.load(Ordering::Relaxed);
            }
        }
        let name = optimizer.keras_name();
        assert!(batches >= 20, "{name}: only {batches} batches measured");
        assert_eq!(allocations, 0, "{name}: {allocations} allocations in {batches} data-parallel steps");
    }
}
