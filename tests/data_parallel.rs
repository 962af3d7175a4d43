//! Data-parallel training equals training on one worker: for every optimizer (SGD plain, with
//! momentum, with Nesterov momentum; Adam, with AMSGrad; RMSprop, with momentum), each under a
//! learning-rate schedule, with an L2 kernel regularizer, an L1 bias regularizer and Dropout, on
//! binary, categorical and regression losses, a fit on 2 and on 3 replicas ends with the single
//! worker's weights and logs up to float32 summation noise (the batch's rows are summed in
//! shares, then the shares in replica order), ends after as many epochs (EarlyStopping and
//! ReduceLROnPlateau too), and its replicas stay one model bit for bit at every step.
//!
//! The tolerance `TOL` is relative, `|a − b| ≤ TOL · max(1, |a|)`. The largest difference seen
//! here is a few `1e-7` (printed by `cargo test -- --nocapture`); the bugs this machinery could
//! have (the regularizer counted once per replica, each replica's mean averaged instead of the
//! batch's mean) move the weights by more than `1e-3`, far past it (`the_tolerance_catches_*`).

use mlp_lab::data::{generate, Dataset, Generator, GeneratorSpec};
use mlp_lab::nn::{
    shard, sum_in_order, Activation, Adam, BatchNormConfig, DataParallel, DenseConfig, DropoutConfig, EarlyStopping,
    EpochLogs, FitOptions, LayerConfig, LearningRate, Loss, Monitor, Optimizer, ReduceLrOnPlateau, Regularizer,
    ReplicaError, Rmsprop, Sequential, Sgd, ShardStats, Training, Validation,
};
use ndarray::Array2;

/// Float32 summation noise, relative: a weight or a logged figure of the parallel fit is within
/// `TOL · max(1, |value|)` of the single worker's.
const TOL: f64 = 1e-5;

/// The largest relative difference over every weight of two models.
fn weight_difference(a: &Sequential, b: &Sequential) -> f64 {
    let mut worst = 0.0f64;
    for (la, lb) in a.layers.iter().zip(&b.layers) {
        for (wa, wb) in la.weights().iter().zip(lb.weights()) {
            assert_eq!(wa.len(), wb.len());
            for (&x, &y) in wa.iter().zip(wb) {
                worst = worst.max((x as f64 - y as f64).abs() / (x.abs() as f64).max(1.0));
            }
        }
    }
    worst
}

/// The largest relative difference between two epochs' loss, accuracy, val_loss, val_accuracy;
/// panics when one has a figure the other has not, or the epochs or learning rates differ.
fn log_difference(a: &EpochLogs, b: &EpochLogs) -> f64 {
    assert_eq!((a.epoch, a.steps), (b.epoch, b.steps));
    assert_eq!(a.learning_rate, b.learning_rate, "epoch {}", a.epoch);
    let pairs = [(Some(a.loss), Some(b.loss)), (a.accuracy, b.accuracy), (a.val_loss, b.val_loss)];
    let pairs = pairs.into_iter().chain([(a.val_accuracy, b.val_accuracy)]);
    pairs
        .map(|pair| match pair {
            (Some(x), Some(y)) => (x - y).abs() / x.abs().max(1.0),
            (None, None) => 0.0,
            _ => panic!("epoch {}: {a:?} against {b:?}", a.epoch),
        })
        .fold(0.0, f64::max)
}

/// The largest difference between two finished fits, after checking they ran alike: the same
/// epochs, the same early stop and restored epoch.
fn fit_difference(one: &Training, many: &Training) -> f64 {
    let (h1, h2) = (&one.history().epochs, &many.history().epochs);
    assert_eq!(h1.len(), h2.len(), "epochs run");
    assert_eq!(one.stopped_early(), many.stopped_early());
    assert_eq!(one.restored_epoch(), many.restored_epoch());
    let logs = h1.iter().zip(h2).map(|(a, b)| log_difference(a, b)).fold(0.0, f64::max);
    logs.max(weight_difference(one.model(), many.model()))
}

/// Runs `fit` to its end on one worker.
fn run_one(mut fit: Training) -> Training {
    while !fit.is_finished() {
        fit.step(|| 0.0).unwrap();
    }
    fit
}

/// Runs `fit` to its end on `count` replicas in lockstep, checking at every step that every
/// replica reports the same progress and holds the same weights, bit for bit.
fn run_parallel(fit: Training, count: usize) -> Training {
    let mut parallel = DataParallel::new(fit, count).unwrap();
    while !parallel.is_finished() {
        parallel.step(|| 0.0).unwrap();
        assert!(parallel.in_lockstep());
    }
    parallel.fit().clone()
}

/// A task: data and the output layer and loss that suit it.
struct Task {
    name: &'static str,
    data: Dataset,
    last: DenseConfig,
    loss: Loss,
}

/// 254 rows: with `validation_split = 0.2`, 203 to train on, so a batch of 32 leaves a last
/// batch of 11 (6 + 5 rows on 2 replicas, 4 + 4 + 3 on 3).
fn tasks() -> Vec<Task> {
    let binary = generate(&GeneratorSpec { generator: Generator::Moons, rows: 254, noise: 0.2, ..Default::default() });
    let blobs = generate(&GeneratorSpec {
        generator: Generator::Blobs,
        rows: 254,
        features: 3,
        classes: 3,
        noise: 1.0,
        ..Default::default()
    });
    let one_hot = Array2::from_shape_fn((254, 3), |(i, j)| (blobs.y[[i, 0]] as usize == j) as u8 as f32);
    let uniform = generate(&GeneratorSpec { generator: Generator::Seed, rows: 254, features: 4, ..Default::default() });
    let target = Array2::from_shape_fn((254, 2), |(i, j)| {
        let x = uniform.x.row(i);
        if j == 0 {
            x[0] - 2.0 * x[1] + 0.5 * x[2] * x[3]
        } else {
            (3.0 * x[0]).sin() + x[3]
        }
    });
    let out = |units, activation| DenseConfig { units, activation, ..Default::default() };
    vec![
        Task { name: "binary", data: binary, last: out(1, Activation::Sigmoid), loss: Loss::BinaryCrossentropy },
        Task {
            name: "categorical",
            data: Dataset { x: blobs.x.clone(), y: one_hot },
            last: out(3, Activation::Softmax),
            loss: Loss::CategoricalCrossentropy,
        },
        Task {
            name: "sparse",
            data: blobs,
            last: out(3, Activation::Softmax),
            loss: Loss::SparseCategoricalCrossentropy,
        },
        Task {
            name: "regression",
            data: Dataset { x: uniform.x, y: target },
            last: out(2, Activation::Linear),
            loss: Loss::MeanSquaredError,
        },
    ]
}

/// Every optimizer and its variants, each under a learning-rate schedule.
fn optimizers() -> Vec<(&'static str, Optimizer)> {
    let exponential = |lr| LearningRate::ExponentialDecay {
        initial_learning_rate: lr,
        decay_steps: 5,
        decay_rate: 0.9,
        staircase: false,
    };
    let cosine = |lr| LearningRate::CosineDecay { initial_learning_rate: lr, decay_steps: 30, alpha: 0.1 };
    let piecewise = |lr: f64| LearningRate::PiecewiseConstantDecay {
        boundaries: vec![10, 20],
        values: vec![lr, lr / 2.0, lr / 4.0],
    };
    vec![
        ("sgd", Optimizer::Sgd(Sgd { learning_rate: exponential(0.1), ..Default::default() })),
        ("sgd momentum", Optimizer::Sgd(Sgd { learning_rate: cosine(0.05), momentum: 0.9, nesterov: false })),
        ("sgd nesterov", Optimizer::Sgd(Sgd { learning_rate: piecewise(0.05), momentum: 0.8, nesterov: true })),
        ("adam", Optimizer::Adam(Adam { learning_rate: exponential(0.01), ..Default::default() })),
        ("adam amsgrad", Optimizer::Adam(Adam { learning_rate: cosine(0.01), amsgrad: true, ..Default::default() })),
        ("rmsprop", Optimizer::Rmsprop(Rmsprop { learning_rate: piecewise(0.005), ..Default::default() })),
        (
            "rmsprop momentum",
            Optimizer::Rmsprop(Rmsprop { learning_rate: exponential(0.002), momentum: 0.5, ..Default::default() }),
        ),
    ]
}

/// Dense(16, relu, L2 on the kernel) → Dropout(0.25) → Dense(8, tanh, L1 on the bias) → `last`.
fn layers(last: &DenseConfig) -> Vec<LayerConfig> {
    vec![
        LayerConfig::Dense(DenseConfig {
            units: 16,
            activation: Activation::Relu,
            kernel_regularizer: Some(Regularizer::L2 { l2: 0.01 }),
            ..Default::default()
        }),
        LayerConfig::Dropout(DropoutConfig { rate: 0.25 }),
        LayerConfig::Dense(DenseConfig {
            units: 8,
            activation: Activation::Tanh,
            bias_regularizer: Some(Regularizer::L1 { l1: 0.001 }),
            ..Default::default()
        }),
        LayerConfig::Dense(last.clone()),
    ]
}

fn fit(task: &Task, optimizer: Optimizer, options: FitOptions) -> Training {
    let model = Sequential::new(task.data.features(), &layers(&task.last), 3).unwrap();
    Training::new(model, task.loss, optimizer, task.data.x.clone(), task.data.y.clone(), options).unwrap()
}

fn options(epochs: usize, batch_size: usize) -> FitOptions {
    FitOptions { epochs, batch_size, validation: Validation::Split(0.2), seed: 11, ..Default::default() }
}

#[test]
fn every_optimizer_and_loss_on_2_and_3_replicas_equals_one_worker() {
    let mut worst = (0.0, String::new());
    for task in tasks() {
        for (name, optimizer) in optimizers() {
            let start = fit(&task, optimizer, options(4, 32));
            assert_eq!(start.train_rows() % 32, 11, "a partial last batch");
            let one = run_one(start.clone());
            for count in [2, 3] {
                let many = run_parallel(start.clone(), count);
                let difference = fit_difference(&one, &many);
                let case = format!("{}, {name}, {count} replicas", task.name);
                assert!(difference <= TOL, "{case}: {difference:e}");
                if difference > worst.0 {
                    worst = (difference, case);
                }
            }
            // It trained: the weights moved well past the tolerance.
            assert!(weight_difference(one.model(), start.model()) > 1e3 * TOL, "{}, {name}", task.name);
        }
    }
    println!("largest difference from one worker: {:e} ({})", worst.0, worst.1);
}

/// EarlyStopping (with `restore_best_weights`) and ReduceLROnPlateau decide on the same epochs:
/// the fit stops early after the same epoch with the same weights, its rate cut alike.
#[test]
fn early_stopping_and_plateaus_end_the_parallel_fit_alike() {
    let task = &tasks()[0];
    let adam = Optimizer::Adam(Adam { learning_rate: LearningRate::Constant(0.05), ..Default::default() });
    let options = FitOptions {
        early_stopping: Some(EarlyStopping { patience: 2, restore_best_weights: true, ..Default::default() }),
        reduce_lr_on_plateau: Some(ReduceLrOnPlateau {
            monitor: Monitor::Loss,
            patience: 1,
            factor: 0.5,
            min_delta: 0.05,
            ..Default::default()
        }),
        ..options(60, 20)
    };
    let start = fit(task, adam, options);
    let one = run_one(start.clone());
    assert!(one.stopped_early() && one.history().epochs.len() < 60, "{} epochs", one.history().epochs.len());
    let rates: Vec<f32> = one.history().epochs.iter().map(|e| e.learning_rate).collect();
    assert!(rates.windows(2).any(|w| w[1] < w[0]), "the plateau cut the rate: {rates:?}");
    for count in [2, 3] {
        let many = run_parallel(start.clone(), count);
        let difference = fit_difference(&one, &many);
        assert!(difference <= TOL, "{count} replicas: {difference:e}");
    }
}

/// A batch smaller than the replicas: some replicas have no rows and contribute zeros. Batch 1
/// on 2 and 3 replicas, batch 2 on 3, and batch 4 on 3 with a last batch of one row.
#[test]
fn batches_smaller_than_the_replicas() {
    for task in tasks() {
        let rows = 29; // 23 to train on: batch 2 ends with 1 row, batch 4 with 3
        let small = Task {
            data: Dataset {
                x: task.data.x.slice(ndarray::s![..rows, ..]).to_owned(),
                y: task.data.y.slice(ndarray::s![..rows, ..]).to_owned(),
            },
            ..task
        };
        for (batch, count) in [(1, 2), (1, 3), (2, 3), (4, 3)] {
            let sgd =
                Optimizer::Sgd(Sgd { learning_rate: LearningRate::Constant(0.05), momentum: 0.9, nesterov: true });
            let start = fit(&small, sgd, options(2, batch));
            let one = run_one(start.clone());
            let many = run_parallel(start, count);
            let difference = fit_difference(&one, &many);
            assert!(difference <= TOL, "{}, batch {batch} on {count}: {difference:e}", small.name);
        }
    }
}

/// One replica is the single worker, bit for bit: the two halves are `step`'s own code.
#[test]
fn one_replica_is_the_single_worker_bit_for_bit() {
    for task in tasks() {
        let start = fit(&task, Optimizer::default(), options(3, 32));
        let one = run_one(start.clone());
        let single = run_parallel(start, 1);
        assert!(one.model().same_bits(single.model()), "{}", task.name);
        assert_eq!(one.history(), single.history(), "{}", task.name);
    }
}

/// The replicas stay one model, bit for bit, after every step, however the workers' halves
/// interleave: here the replicas compute their shares in reverse order, and each applies the
/// sum itself (as a worker does), summed in replica order.
#[test]
fn replicas_stay_bit_identical_at_every_step() {
    let task = &tasks()[1];
    let rms = optimizers().into_iter().find(|(n, _)| *n == "rmsprop momentum").unwrap().1;
    let start = fit(task, rms, options(3, 32));
    let count = 3;
    let mut replicas: Vec<Training> = (0..count).map(|k| start.clone().replica(k, count).unwrap()).collect();
    assert_eq!(replicas[2].replica_of(), (2, 3));
    let mut steps = 0;
    while !replicas[0].is_finished() {
        let mut parts: Vec<(Vec<f32>, ShardStats)> = Vec::new();
        for fit in replicas.iter_mut().rev() {
            let (part, stats) = fit.local_gradients(|| 0.0);
            parts.push((part.to_vec(), stats));
        }
        parts.reverse();
        let slots: Vec<&[f32]> = parts.iter().map(|(p, _)| p.as_slice()).collect();
        let stats: Vec<ShardStats> = parts.iter().map(|(_, s)| *s).collect();
        let mut progress = Vec::new();
        for fit in &mut replicas {
            let mut summed = vec![f32::NAN; slots[0].len()];
            sum_in_order(&slots, &mut summed);
            progress.push(fit.apply_gradients(&summed, ShardStats::sum_in_order(&stats), || 0.0).unwrap());
        }
        steps += 1;
        for (k, fit) in replicas.iter().enumerate().skip(1) {
            assert!(fit.model().same_bits(replicas[0].model()), "step {steps}: replica {k} drifted");
            assert_eq!(progress[k], progress[0], "step {steps}: replica {k} logged otherwise");
        }
    }
    assert_eq!(steps, 3 * 7);
    // And the shares were the batch's: 32 rows as 11 + 11 + 10.
    assert_eq!([0, 1, 2].map(|k| shard(32, k, 3).len()), [11, 11, 10]);
}

/// The same seed, the same parallel run, bit for bit.
#[test]
fn a_parallel_run_is_reproducible() {
    let task = &tasks()[0];
    let start = fit(task, Optimizer::default(), options(2, 16));
    let (a, b) = (run_parallel(start.clone(), 3), run_parallel(start, 3));
    assert!(a.model().same_bits(b.model()));
    assert_eq!(a.history(), b.history());
}

/// A fit with BatchNormalization refuses more than one replica, naming the layer in a sentence;
/// on one replica it trains. A replica that does not exist is refused.
#[test]
fn batch_normalization_trains_on_one_worker_only() {
    let task = &tasks()[0];
    let configs = [
        LayerConfig::Dense(DenseConfig { units: 8, activation: Activation::Relu, ..Default::default() }),
        LayerConfig::BatchNormalization(BatchNormConfig::default()),
        LayerConfig::Dense(task.last.clone()),
    ];
    let model = Sequential::new(2, &configs, 1).unwrap();
    let (x, y) = (task.data.x.clone(), task.data.y.clone());
    let start = Training::new(model, task.loss, Optimizer::default(), x, y, options(1, 32)).unwrap();
    let expected = ReplicaError::BatchStatistics { layer: 1, class: "BatchNormalization".into() };
    assert_eq!(start.replicable(), Err(expected.clone()));
    assert_eq!(start.clone().replica(0, 2).err(), Some(expected.clone()));
    assert_eq!(DataParallel::new(start.clone(), 2).err(), Some(expected.clone()));
    assert_eq!(
        expected.to_string(),
        "BatchNormalization (layer 2) normalises with the statistics of each whole batch, which no worker taking a share of it sees"
    );
    let one = run_one(start.clone());
    let single = run_parallel(start.clone(), 1);
    assert!(one.model().same_bits(single.model()));

    assert_eq!(start.clone().replica(3, 3).err(), Some(ReplicaError::NoSuchReplica { index: 3, count: 3 }));
    assert!(DataParallel::new(start, 0).is_err());
    let dense = fit(task, Optimizer::default(), options(1, 32));
    assert_eq!(dense.replicable(), Ok(()));
}

/// The replicas' contributions add up to the single worker's gradient of the batch's mean loss:
/// a fit's first step, SGD at rate 1 without momentum, moves each weight by minus its gradient.
#[test]
fn the_contributions_sum_to_the_batch_gradient() {
    let task = &tasks()[3];
    let sgd = Optimizer::Sgd(Sgd { learning_rate: LearningRate::Constant(1.0), ..Default::default() });
    let start = fit(task, sgd, FitOptions { validation: Validation::None, ..options(1, 37) });
    let mut one = start.clone().replica(0, 1).unwrap();
    let (whole, whole_stats) = one.local_gradients(|| 0.0);
    let (whole, whole_stats) = (whole.to_vec(), whole_stats);
    let mut parts = Vec::new();
    for k in 0..3 {
        let mut replica = start.clone().replica(k, 3).unwrap();
        let (part, stats) = replica.local_gradients(|| 0.0);
        assert_eq!(stats.rows, shard(37, k, 3).len());
        parts.push((part.to_vec(), stats));
    }
    let slots: Vec<&[f32]> = parts.iter().map(|(p, _)| p.as_slice()).collect();
    let mut summed = vec![0.0; whole.len()];
    sum_in_order(&slots, &mut summed);
    let worst = whole.iter().zip(&summed).map(|(a, b)| (a - b).abs() as f64 / (a.abs() as f64).max(1.0));
    let worst = worst.fold(0.0, f64::max);
    assert!(worst <= 1e-6, "{worst:e}");
    assert!(whole.iter().any(|&g| g.abs() > 1e-3));
    let stats = ShardStats::sum_in_order(&parts.iter().map(|(_, s)| *s).collect::<Vec<_>>());
    assert_eq!(stats.rows, whole_stats.rows);
    assert!((stats.loss_sum - whole_stats.loss_sum).abs() <= 1e-9 * whole_stats.loss_sum);
}

/// The tolerance would catch a regularizer counted once per replica: its gradient doubled on 2
/// replicas is the fit with twice the factor, and that ends far from the fit.
#[test]
fn the_tolerance_catches_a_regularizer_counted_per_replica() {
    let task = &tasks()[0];
    let adam = Optimizer::Adam(Adam { learning_rate: LearningRate::Constant(0.01), ..Default::default() });
    let one = run_one(fit(task, adam.clone(), options(4, 32)));
    let mut doubled = layers(&task.last);
    if let LayerConfig::Dense(d) = &mut doubled[0] {
        d.kernel_regularizer = Some(Regularizer::L2 { l2: 0.02 });
    }
    let model = Sequential::new(task.data.features(), &doubled, 3).unwrap();
    let (x, y) = (task.data.x.clone(), task.data.y.clone());
    let buggy = run_one(Training::new(model, task.loss, adam, x, y, options(4, 32)).unwrap());
    let difference = weight_difference(one.model(), buggy.model());
    println!("a regularizer counted twice: {difference:e}");
    assert!(difference > 100.0 * TOL, "{difference:e}");
}

/// The tolerance would catch each replica taking the mean over its own rows (the mean of the
/// shares' means, not the batch's mean): wrong on the partial last batch, 6 + 5 rows.
#[test]
fn the_tolerance_catches_a_mean_of_the_shares_means() {
    let task = &tasks()[2];
    let adam = Optimizer::Adam(Adam { learning_rate: LearningRate::Constant(0.01), ..Default::default() });
    let start = fit(task, adam, options(4, 32));
    let one = run_one(start.clone());
    let count = 2;
    let mut replicas: Vec<Training> = (0..count).map(|k| start.clone().replica(k, count).unwrap()).collect();
    while !replicas[0].is_finished() {
        let mut parts = Vec::new();
        for fit in &mut replicas {
            let (part, stats) = fit.local_gradients(|| 0.0);
            parts.push((part.to_vec(), stats));
        }
        let batch: usize = parts.iter().map(|(_, s)| s.rows).sum();
        // The bug: each share's mean (× batch / rows), averaged over the replicas (÷ count).
        let scaled: Vec<Vec<f32>> = parts
            .iter()
            .map(|(p, s)| p.iter().map(|g| g * batch as f32 / (s.rows.max(1) * count) as f32).collect())
            .collect();
        let slots: Vec<&[f32]> = scaled.iter().map(Vec::as_slice).collect();
        let mut summed = vec![0.0; slots[0].len()];
        sum_in_order(&slots, &mut summed);
        let stats = ShardStats::sum_in_order(&parts.iter().map(|(_, s)| *s).collect::<Vec<_>>());
        for fit in &mut replicas {
            fit.apply_gradients(&summed, stats, || 0.0).unwrap();
        }
    }
    let difference = weight_difference(one.model(), replicas[0].model());
    println!("a mean of the shares' means: {difference:e}");
    assert!(difference > 100.0 * TOL, "{difference:e}");
}
