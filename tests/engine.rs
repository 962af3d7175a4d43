//! The engine, natively: gradients against central differences, the fit loop's Keras semantics,
//! determinism, and that it learns what can be learned.

use mlp_lab::data::{seed_example, train_test_split, Dataset};
use mlp_lab::nn::{
    Activation, Adam, DenseConfig, FitOptions, Loss, Optimizer, Progress, Sequential, Training, Validation,
};
use ndarray::Array2;

fn dense(units: usize, activation: Activation) -> DenseConfig {
    DenseConfig { units, activation, ..Default::default() }
}

/// Loss of `model` on all rows, in f64 from f32 arithmetic.
fn mean_loss(model: &Sequential, data: &Dataset, loss: Loss) -> f64 {
    model.evaluate(&data.x, &data.y, loss, data.rows()).unwrap().loss
}

/// Every weight's analytic gradient against `(L(w + h) − L(w − h)) / 2h`.
fn check_gradients(model: &Sequential, data: &Dataset, loss: Loss) {
    let (_, grads) = model.gradients(&data.x, &data.y, loss).unwrap();
    let h = 1e-3f32;
    let mut checked = 0;
    for (l, (dw, db)) in grads.iter().enumerate() {
        let analytic = dw.iter().map(|&g| (g, true)).chain(db.iter().map(|&g| (g, false)));
        for (i, (g, is_kernel)) in analytic.enumerate() {
            let numeric = {
                let mut at = |delta: f32| {
                    let mut m = model.clone();
                    let w = if is_kernel {
                        &mut m.layers[l].kernel.as_slice_mut().unwrap()[i]
                    } else {
                        &mut m.layers[l].bias.as_slice_mut().unwrap()[i - dw.len()]
                    };
                    *w += delta;
                    mean_loss(&m, data, loss)
                };
                (at(h) - at(-h)) / (2.0 * h as f64)
            };
            let g = g as f64;
            assert!(
                (g - numeric).abs() <= 2e-3 + 2e-2 * numeric.abs(),
                "{loss:?}, {:?}: layer {l} {} {i}: analytic {g:.6}, numeric {numeric:.6}",
                model.layers.iter().map(|l| l.config.activation).collect::<Vec<_>>(),
                if is_kernel { "kernel" } else { "bias" }
            );
            checked += 1;
        }
    }
    assert_eq!(checked, model.param_count());
}

#[test]
fn dense_relu_sigmoid_gradients_under_binary_crossentropy() {
    // A small copy of the seed model: 4 → 6 relu → 1 sigmoid, with nonzero biases so that
    // their gradients are checked away from the initial point.
    let data = seed_example(24, 4, 3);
    let mut model = Sequential::new(4, &[dense(6, Activation::Relu), dense(1, Activation::Sigmoid)], 5).unwrap();
    model.layers[0].bias.iter_mut().enumerate().for_each(|(i, b)| *b = 0.05 * i as f32 - 0.1);
    model.layers[1].bias[0] = 0.2;
    check_gradients(&model, &data, Loss::BinaryCrossentropy);
}

#[test]
fn gradients_of_every_activation_under_both_losses() {
    let data = seed_example(16, 3, 11);
    for loss in [Loss::BinaryCrossentropy, Loss::MeanSquaredError] {
        for hidden in [Activation::Linear, Activation::Relu, Activation::Sigmoid, Activation::Tanh] {
            for out in [Activation::Sigmoid, Activation::Linear] {
                if loss == Loss::BinaryCrossentropy && out == Activation::Linear {
                    continue; // probabilities outside (0, 1) are clipped: no gradient to check
                }
                let model =
                    Sequential::new(3, &[dense(5, hidden), dense(4, Activation::Tanh), dense(1, out)], 2).unwrap();
                check_gradients(&model, &data, loss);
            }
        }
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

#[test]
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

#[test]
fn random_labels_are_memorised_not_learned() {
    // The seed document prints 68.6% test accuracy on random labels. The truth: training loss
    // falls, while held-out accuracy stays at chance.
    let (_, fit) = seed_run(42);
    let h = &fit.history().epochs;
    assert!(h[9].loss < h[0].loss, "training loss falls: {} → {}", h[0].loss, h[9].loss);
    let val = h[9].val_accuracy.unwrap();
    assert!((val - 0.5).abs() <= 0.06, "test accuracy {val} should be 50% ± 6%");
}

#[test]
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
        Optimizer::Adam(Adam { learning_rate: 0.01, ..Default::default() }),
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

#[test]
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

#[test]
fn bad_input_is_an_error_that_says_what() {
    let data = seed_example(10, 9, 1);
    let model = Sequential::new(10, &[dense(1, Activation::Sigmoid)], 1).unwrap();
    let err = Training::new(
        model.clone(),
        Loss::BinaryCrossentropy,
        Optimizer::default(),
        data.x.clone(),
        data.y.clone(),
        FitOptions::default(),
    )
    .unwrap_err();
    assert_eq!(err.to_string(), "expected 10 features, got 9");
    let data = seed_example(10, 10, 1);
    let y = data.y.mapv(|v| v * 3.0);
    let err = Training::new(model, Loss::BinaryCrossentropy, Optimizer::default(), data.x, y, FitOptions::default())
        .unwrap_err();
    assert_eq!(err.to_string(), "label 3 in row 1 is outside what binary_crossentropy accepts (values from 0 to 1)");
}

#[test]
fn divergence_stops_with_the_epoch_and_batch_and_keeps_the_last_good_weights() {
    let data = seed_example(64, 4, 1);
    let y = data.x.column(0).mapv(|v| v * 1e30).insert_axis(ndarray::Axis(1));
    let model = Sequential::new(4, &[dense(8, Activation::Relu), dense(1, Activation::Linear)], 1).unwrap();
    let adam = Optimizer::Adam(Adam { learning_rate: 1e30, ..Default::default() });
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
    assert!(fit.model().layers.iter().all(|l| l.kernel.iter().all(|w| w.is_finite())));
}
