//! The engine, natively and (in `make test`) in a browser worker: gradients against central
//! differences, the fit loop's Keras semantics (validation, callbacks, schedules, cancel and
//! resume), determinism, errors in words, divergence.

use mlp_lab::data::{seed_example, train_test_split, Dataset};
use mlp_lab::nn::{
    Activation, Adam, BatchNormConfig, DenseConfig, DropoutConfig, EarlyStopping, FitOptions, Initializer, LayerConfig,
    LearningRate, Loss, Monitor, Optimizer, Progress, ReduceLrOnPlateau, Regularizer, Sequential, Sgd, Training,
    Validation,
};
use ndarray::Array2;
use std::sync::atomic::AtomicBool;

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_dedicated_worker);

fn dense(units: usize, activation: Activation) -> DenseConfig {
    DenseConfig { units, activation, ..Default::default() }
}

/// The training objective of `model` on all rows: the mean loss in training mode (batch
/// statistics, Dropout's mask of seed 7) plus the regularizers' penalty.
fn training_loss(model: &Sequential, data: &Dataset, loss: Loss) -> f64 {
    model.gradients(&data.x, &data.y, loss, 7).unwrap().0
}

/// Every trainable weight's analytic gradient against `(L(w + h) − L(w − h)) / 2h`, found
/// through each layer's own tensors (a Dense layer's kernel and bias, BatchNormalization's γ, β).
fn check_gradients(model: &Sequential, data: &Dataset, loss: Loss) {
    let (_, grads) = model.gradients(&data.x, &data.y, loss, 7).unwrap();
    let h = 1e-3f32;
    let mut checked = 0;
    for (l, tensors) in grads.iter().enumerate() {
        for (t, tensor) in tensors.iter().enumerate() {
            for (i, &g) in tensor.iter().enumerate() {
                let at = |delta: f32| {
                    let mut m = model.clone();
                    m.layers[l].weights_mut()[t][i] += delta;
                    training_loss(&m, data, loss)
                };
                let numeric = (at(h) - at(-h)) / (2.0 * h as f64);
                let g = g as f64;
                assert!(
                    (g - numeric).abs() <= 2e-3 + 2e-2 * numeric.abs(),
                    "{loss:?}, {:?}: layer {l} tensor {t} [{i}]: analytic {g:.6}, numeric {numeric:.6}",
                    model.configs()
                );
                checked += 1;
            }
        }
    }
    assert_eq!(checked, model.param_count());
}

fn set_biases(model: &mut Sequential) {
    for layer in &mut model.layers {
        if let Some(bias) = layer.weights_mut().get_mut(1) {
            bias.iter_mut().enumerate().for_each(|(i, b)| *b = 0.05 * i as f32 - 0.1);
        }
    }
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn dense_relu_sigmoid_gradients_under_binary_crossentropy() {
    // A small copy of the seed model: 4 → 6 relu → 1 sigmoid, with nonzero biases so that
    // their gradients are checked away from the initial point.
    let data = seed_example(24, 4, 3);
    let mut model = Sequential::new(4, &[dense(6, Activation::Relu), dense(1, Activation::Sigmoid)], 5).unwrap();
    set_biases(&mut model);
    check_gradients(&model, &data, Loss::BinaryCrossentropy);
}

/// Dropout (a fixed mask), BatchNormalization (batch statistics, non-trivial γ and β) and every
/// regularizer, together and apart, under the seed's loss and under mean squared error.
#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn gradients_through_dropout_batch_norm_and_regularizers() {
    let data = seed_example(16, 4, 9);
    let regularized = |r: Regularizer| {
        LayerConfig::Dense(DenseConfig {
            units: 5,
            activation: Activation::Tanh,
            kernel_regularizer: Some(r),
            bias_regularizer: Some(Regularizer::L2 { l2: 0.2 }),
            ..Default::default()
        })
    };
    let out = LayerConfig::Dense(dense(1, Activation::Sigmoid));
    let bn = LayerConfig::BatchNormalization(BatchNormConfig::default());
    let stacks = [
        vec![regularized(Regularizer::L2 { l2: 0.1 }), out.clone()],
        vec![regularized(Regularizer::L1 { l1: 0.05 }), out.clone()],
        vec![
            regularized(Regularizer::L1L2 { l1: 0.02, l2: 0.3 }),
            LayerConfig::Dropout(DropoutConfig { rate: 0.4 }),
            out.clone(),
        ],
        vec![LayerConfig::Dense(dense(6, Activation::Relu)), bn.clone(), out.clone()],
        vec![
            bn.clone(),
            LayerConfig::Dense(dense(6, Activation::ELU)),
            LayerConfig::Dropout(DropoutConfig { rate: 0.25 }),
            bn,
            out,
        ],
    ];
    for layers in stacks {
        let mut model = Sequential::new(4, &layers, 3).unwrap();
        set_biases(&mut model);
        for layer in &mut model.layers {
            if let mlp_lab::nn::Layer::BatchNormalization(b) = layer {
                b.gamma.iter_mut().enumerate().for_each(|(i, g)| *g = 0.7 + 0.1 * i as f32);
                b.beta.iter_mut().enumerate().for_each(|(i, g)| *g = 0.05 * i as f32);
            }
        }
        check_gradients(&model, &data, Loss::BinaryCrossentropy);
        let mse = Dataset { x: data.x.clone(), y: data.y.mapv(|v| v * 2.0 - 0.5) };
        let mut linear = layers.clone();
        *linear.last_mut().unwrap() = LayerConfig::Dense(dense(1, Activation::Linear));
        check_gradients(&Sequential::new(4, &linear, 3).unwrap(), &mse, Loss::MeanSquaredError);
    }
}

/// Every hidden activation under every loss, with every output activation the loss accepts,
/// through three layers.
#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn gradients_of_every_activation_under_every_loss() {
    let data = seed_example(16, 3, 11);
    let mut checked = 0;
    for loss in Loss::ALL {
        let (units, y) = match loss {
            Loss::BinaryCrossentropy | Loss::MeanSquaredError => (1, data.y.clone()),
            // Three classes: ids 0, 1, 2 from the rows' first feature.
            Loss::SparseCategoricalCrossentropy => {
                (3, data.x.column(0).mapv(|v| (v * 3.0).floor()).insert_axis(ndarray::Axis(1)))
            }
            Loss::CategoricalCrossentropy => {
                let ids = data.x.column(0).mapv(|v| (v * 3.0).floor() as usize);
                (3, Array2::from_shape_fn((16, 3), |(i, j)| (ids[i] == j) as u8 as f32))
            }
        };
        let labelled = Dataset { x: data.x.clone(), y };
        for hidden in Activation::ALL {
            for out in Activation::ALL {
                let last = dense(units, out);
                if loss.misfit(out, units).is_some() || (loss == Loss::BinaryCrossentropy && out != Activation::Sigmoid)
                {
                    continue; // a pairing Keras users do not make (or whose clipped gradient is zero)
                }
                if loss == Loss::MeanSquaredError && out == Activation::Softmax {
                    continue; // a 1-unit softmax is constant: nothing to check
                }
                let model = Sequential::new(3, &[dense(5, hidden), dense(4, Activation::Tanh), last], 2).unwrap();
                check_gradients(&model, &labelled, loss);
                checked += 1;
            }
        }
    }
    assert!(checked >= 7 * 8, "{checked} combinations checked");
}

/// Each initializer, as the first layer's: the gradients hold from any starting point.
#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn gradients_from_every_initializer() {
    let data = seed_example(12, 3, 5);
    let initializers = [
        Initializer::GlorotUniform,
        Initializer::GlorotNormal,
        Initializer::HeUniform,
        Initializer::HeNormal,
        Initializer::RandomNormal { mean: 0.0, stddev: 0.5 },
        Initializer::RandomUniform { minval: -0.5, maxval: 0.5 },
        Initializer::Zeros,
    ];
    for init in initializers {
        let first =
            DenseConfig { units: 6, activation: Activation::Sigmoid, kernel_initializer: init, ..Default::default() };
        let model = Sequential::new(3, &[first, dense(1, Activation::Sigmoid)], 9).unwrap();
        check_gradients(&model, &data, Loss::BinaryCrossentropy);
    }
}

/// The seed example, end to end as the worker runs it: 800/200 split, 64 relu → 1 sigmoid,
/// Adam, 10 epochs of batch 32, test split as validation data.
fn seed_run(seed: u64) -> (Vec<Progress>, Training) {
    let data = seed_example(1000, 10, 42);
    let (train, test) = train_test_split(&data, 0.2, seed);
    let model = Sequential::new(10, &[dense(64, Activation::Relu), dense(1, Activation::Sigmoid)], seed).unwrap();
    let options = FitOptions {
        epochs: 10,
        batch_size: 32,
        validation: Validation::Data(test.x, test.y),
        seed,
        ..Default::default()
    };
    let mut fit =
        Training::new(model, Loss::BinaryCrossentropy, Optimizer::default(), train.x, train.y, options).unwrap();
    let mut events = Vec::new();
    while !fit.is_finished() {
        events.push(fit.step(|| 0.0).unwrap());
    }
    (events, fit)
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn seed_example_takes_true_step_counts_and_repeats_bit_for_bit() {
    let (events, fit) = seed_run(42);
    assert_eq!(fit.steps_per_epoch(), 25, "800 rows / batch 32");
    assert_eq!(events.len(), 250);
    let epochs: Vec<_> =
        events.iter().filter_map(|e| if let Progress::Epoch(l) = e { Some(*l) } else { None }).collect();
    assert_eq!(epochs.len(), 10);
    assert!(epochs.iter().all(|l| l.steps == 25 && l.val_loss.is_some()));
    let (again, _) = seed_run(42);
    assert_eq!(events, again, "same seed, same run, bit for bit");
    let (other, _) = seed_run(43);
    assert_ne!(events, other);
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn learns_a_rule_that_is_in_the_data() {
    // Same features, but the label is a rule of them: x0 + x1 > 1.
    let mut data = seed_example(1000, 10, 42);
    let labels: Vec<f32> = data.x.rows().into_iter().map(|r| (r[0] + r[1] > 1.0) as u8 as f32).collect();
    data.y = Array2::from_shape_vec((1000, 1), labels).unwrap();
    let (train, test) = train_test_split(&data, 0.2, 42);
    let model = Sequential::new(10, &[dense(64, Activation::Relu), dense(1, Activation::Sigmoid)], 42).unwrap();
    let options = FitOptions { epochs: 60, batch_size: 32, ..Default::default() };
    let mut fit = Training::new(
        model,
        Loss::BinaryCrossentropy,
        Optimizer::Adam(Adam { learning_rate: LearningRate::Constant(0.01), ..Default::default() }),
        train.x,
        train.y,
        options,
    )
    .unwrap();
    while !fit.is_finished() {
        fit.step(|| 0.0).unwrap();
    }
    let eval = fit.model().evaluate(&test.x, &test.y, Loss::BinaryCrossentropy, 32).unwrap();
    assert!(eval.accuracy.unwrap() >= 0.95, "test accuracy {:?}", eval.accuracy);
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn validation_split_takes_the_last_rows_before_shuffling() {
    let data = seed_example(100, 2, 1);
    let model = Sequential::new(2, &[dense(1, Activation::Sigmoid)], 1).unwrap();
    let options = FitOptions { epochs: 1, batch_size: 32, validation: Validation::Split(0.25), ..Default::default() };
    let mut fit = Training::new(
        model.clone(),
        Loss::BinaryCrossentropy,
        Optimizer::default(),
        data.x.clone(),
        data.y.clone(),
        options,
    )
    .unwrap();
    assert_eq!(fit.train_rows(), 75);
    assert_eq!(fit.steps_per_epoch(), 3, "75 rows: two full batches and a partial one");
    let logs = loop {
        if let Progress::Epoch(logs) = fit.step(|| 0.0).unwrap() {
            break logs;
        }
    };
    // The validation figures are those of rows 75..100 under the updated model.
    let tail = data.select(&(75..100).collect::<Vec<_>>());
    let expected = fit.model().evaluate(&tail.x, &tail.y, Loss::BinaryCrossentropy, 32).unwrap();
    assert_eq!(logs.val_loss, Some(expected.loss));
    assert_eq!(logs.val_accuracy, expected.accuracy);
}

/// The message with which `fit` refuses `x`, `y` under `loss` (Keras' defaults otherwise).
fn refusal(model: &Sequential, loss: Loss, x: Array2<f32>, y: Array2<f32>) -> String {
    Training::new(model.clone(), loss, Optimizer::default(), x, y, FitOptions::default()).unwrap_err().to_string()
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn bad_input_is_an_error_that_says_what() {
    let data = seed_example(10, 9, 1);
    let model = Sequential::new(10, &[dense(1, Activation::Sigmoid)], 1).unwrap();
    assert_eq!(refusal(&model, Loss::BinaryCrossentropy, data.x, data.y), "expected 10 features, got 9");
    let data = seed_example(10, 10, 1);
    let y = data.y.mapv(|v| v * 3.0);
    assert_eq!(
        refusal(&model, Loss::BinaryCrossentropy, data.x, y),
        "label 3 in row 1 is outside what binary_crossentropy accepts (values from 0 to 1)"
    );
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn divergence_stops_with_the_epoch_and_batch_and_keeps_the_last_good_weights() {
    let data = seed_example(64, 4, 1);
    let y = data.x.column(0).mapv(|v| v * 1e30).insert_axis(ndarray::Axis(1));
    let model = Sequential::new(4, &[dense(8, Activation::Relu), dense(1, Activation::Linear)], 1).unwrap();
    let adam = Optimizer::Adam(Adam { learning_rate: LearningRate::Constant(1e30), ..Default::default() });
    let options = FitOptions { epochs: 50, batch_size: 16, ..Default::default() };
    let mut fit = Training::new(model, Loss::MeanSquaredError, adam, data.x, y, options).unwrap();
    let err = loop {
        match fit.step(|| 0.0) {
            Ok(_) => continue,
            Err(e) => break e,
        }
    };
    assert!(err.to_string().starts_with("training diverged"), "{err}");
    assert!(fit.is_finished());
    assert!(fit.model().is_finite());
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn a_loss_that_does_not_fit_the_output_is_refused_in_words() {
    let data = seed_example(10, 4, 1);
    let model = Sequential::new(4, &[dense(3, Activation::Softmax)], 1).unwrap();
    assert_eq!(
        refusal(&model, Loss::BinaryCrossentropy, data.x.clone(), data.y.clone()),
        "binary_crossentropy needs independent probabilities: give the last layer a sigmoid activation, \
         or use categorical_crossentropy with its softmax over 3 units"
    );
    let y = data.y.mapv(|v| v * 4.0); // class ids 0 and 4 for a 3-class output
    let err = refusal(&model, Loss::SparseCategoricalCrossentropy, data.x, y);
    assert!(err.ends_with("is outside what sparse_categorical_crossentropy accepts (class ids 0 to 2)"), "{err}");
}

fn small_fit(options: FitOptions, optimizer: Optimizer) -> Training {
    let data = seed_example(200, 3, 4);
    let model = Sequential::new(3, &[dense(8, Activation::Relu), dense(1, Activation::Sigmoid)], 3).unwrap();
    Training::new(model, Loss::BinaryCrossentropy, optimizer, data.x, data.y, options).unwrap()
}

/// Pausing (not calling `step`), cancelling `run` and resuming give exactly the uninterrupted fit.
#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn cancel_pause_and_resume_lose_nothing() {
    let options = FitOptions { epochs: 4, validation: Validation::Split(0.2), ..Default::default() };
    let mut whole = small_fit(options.clone(), Optimizer::default());
    whole.run(&AtomicBool::new(false), || 0.0, |_| {}).unwrap();

    let mut paused = small_fit(options, Optimizer::default());
    let cancel = AtomicBool::new(false);
    let mut seen = 0;
    paused
        .run(
            &cancel,
            || 0.0,
            |_| {
                seen += 1;
                if seen == 7 {
                    cancel.store(true, std::sync::atomic::Ordering::Relaxed);
                }
            },
        )
        .unwrap();
    assert_eq!(seen, 7, "cancel is read between batches");
    assert!(!paused.is_finished());
    cancel.store(false, std::sync::atomic::Ordering::Relaxed);
    paused.run(&cancel, || 0.0, |_| {}).unwrap();
    assert_eq!(paused.history(), whole.history());
    assert_eq!(paused.model(), whole.model());
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn early_stopping_ends_the_fit_and_restores_the_best_weights() {
    // Random labels: val_loss soon stops improving.
    let stop =
        EarlyStopping { monitor: Monitor::ValLoss, patience: 2, restore_best_weights: true, ..Default::default() };
    let options = FitOptions {
        epochs: 200,
        validation: Validation::Split(0.3),
        early_stopping: Some(stop),
        ..Default::default()
    };
    let mut fit =
        small_fit(options, Optimizer::Adam(Adam { learning_rate: LearningRate::Constant(0.05), ..Default::default() }));
    fit.run(&AtomicBool::new(false), || 0.0, |_| {}).unwrap();
    let h = &fit.history().epochs;
    assert!(fit.stopped_early() && h.len() < 200, "stopped after {} epochs", h.len());
    let best = h.iter().min_by(|a, b| a.val_loss.partial_cmp(&b.val_loss).unwrap()).unwrap();
    assert_eq!(best.epoch, h.len() - 2, "stops {} epochs after the best", 2);
    // The model now scores the best epoch's val_loss again.
    let data = seed_example(200, 3, 4);
    let at = (200.0 * 0.7f64).floor() as usize;
    let val = data.select(&(at..200).collect::<Vec<_>>());
    let now = fit.model().evaluate(&val.x, &val.y, Loss::BinaryCrossentropy, 32).unwrap().loss;
    assert_eq!(Some(now), best.val_loss);
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn reduce_lr_on_plateau_and_schedules_set_each_steps_learning_rate() {
    let plateau =
        ReduceLrOnPlateau { monitor: Monitor::Loss, patience: 1, min_delta: 10.0, factor: 0.5, ..Default::default() };
    let options = FitOptions { epochs: 4, reduce_lr_on_plateau: Some(plateau), ..Default::default() };
    let mut fit =
        small_fit(options, Optimizer::Sgd(Sgd { learning_rate: LearningRate::Constant(0.1), ..Default::default() }));
    fit.run(&AtomicBool::new(false), || 0.0, |_| {}).unwrap();
    // min_delta 10 means nothing ever improves after epoch 1: halve after epochs 2, 3 and 4.
    let lrs: Vec<f32> = fit.history().epochs.iter().map(|e| e.learning_rate).collect();
    assert_eq!(lrs, [0.1, 0.1, 0.05, 0.025]);

    let learning_rate =
        LearningRate::ExponentialDecay { initial_learning_rate: 0.1, decay_steps: 7, decay_rate: 0.5, staircase: true };
    let options = FitOptions { epochs: 2, ..Default::default() };
    let mut fit = small_fit(options, Optimizer::Sgd(Sgd { learning_rate, ..Default::default() }));
    let mut lrs = Vec::new();
    fit.run(
        &AtomicBool::new(false),
        || 0.0,
        |p| {
            lrs.push(match p {
                Progress::Batch(b) => b.learning_rate,
                Progress::Epoch(e) => e.learning_rate,
            })
        },
    )
    .unwrap();
    assert_eq!(lrs.len(), 14, "200 rows / 32: 7 steps an epoch");
    assert_eq!(lrs[6], 0.1);
    assert_eq!(lrs[7], 0.05, "step 7 starts the second stair");
}

/// Each batch's own mean loss, from the running means the logs carry (equal batches).
fn batch_losses(fit: &mut Training) -> Vec<Vec<f64>> {
    let (mut epochs, mut current, mut previous) = (Vec::new(), Vec::new(), 0.0);
    while !fit.is_finished() {
        let (batch, mean, end) = match fit.step(|| 0.0).unwrap() {
            Progress::Batch(l) => (l.batch, l.loss, false),
            Progress::Epoch(l) => (l.steps, l.loss, true),
        };
        current.push(batch as f64 * mean - (batch - 1) as f64 * previous);
        previous = mean;
        if end {
            epochs.push(std::mem::take(&mut current));
            previous = 0.0;
        }
    }
    epochs
}

/// Keras' `shuffle`: every epoch visits every row once, in an order of its own drawn from the
/// seed (the same seed, the same orders); without it, rows go in their order.
#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn shuffling_visits_every_row_once_an_epoch_in_a_seeded_order() {
    // A linear unit at zero predicts 0, so a row's loss is its label squared: y = i identifies
    // row i, and a batch's mean loss says which rows it held. The learning rate is too small to
    // move the weights.
    let rows = 64;
    let x = Array2::<f32>::ones((rows, 1));
    let y = Array2::from_shape_fn((rows, 1), |(i, _)| i as f32);
    let zeros = DenseConfig { units: 1, kernel_initializer: Initializer::Zeros, ..Default::default() };
    let sgd = Optimizer::Sgd(Sgd { learning_rate: LearningRate::Constant(1e-30), ..Default::default() });
    let run = |shuffle: bool, seed: u64| {
        let model = Sequential::new(1, std::slice::from_ref(&zeros), 0).unwrap();
        let options = FitOptions { epochs: 3, batch_size: 8, shuffle, seed, ..Default::default() };
        let mut fit = Training::new(model, Loss::MeanSquaredError, sgd.clone(), x.clone(), y.clone(), options).unwrap();
        batch_losses(&mut fit)
    };
    let in_order = run(false, 1);
    for epoch in &in_order {
        for (b, &loss) in epoch.iter().enumerate() {
            let expected = (8 * b..8 * (b + 1)).map(|i| (i * i) as f64).sum::<f64>() / 8.0;
            assert!((loss - expected).abs() < 1e-3, "batch {b}: {loss} vs {expected}");
        }
    }
    let shuffled = run(true, 1);
    let total: f64 = (0..rows).map(|i| (i * i) as f64).sum();
    for epoch in &shuffled {
        let sum: f64 = epoch.iter().map(|l| l * 8.0).sum();
        assert!((sum - total).abs() < 1e-2, "an epoch covers every row once: {sum} vs {total}");
        assert_ne!(epoch, &in_order[0], "shuffled batches differ from the rows' order");
    }
    assert_ne!(shuffled[0], shuffled[1], "each epoch draws its own order");
    assert_eq!(shuffled, run(true, 1), "the same seed, the same orders");
    assert_ne!(shuffled, run(true, 2), "another seed, other orders");
}
