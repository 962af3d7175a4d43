//! The step profile `make bench` reports: a real fit's time split into its parts.

use std::sync::OnceLock;
use std::time::Instant;

use mlp_lab::nn::profile::{profile, Part};
use mlp_lab::nn::{Activation, Adam, DenseConfig, FitOptions, LayerConfig, Loss, Optimizer, Sequential, Training};
use ndarray::Array2;

fn clock() -> f64 {
    static START: OnceLock<Instant> = OnceLock::new();
    START.get_or_init(Instant::now).elapsed().as_secs_f64() * 1000.0
}

fn dense(units: usize, activation: Activation) -> LayerConfig {
    LayerConfig::Dense(DenseConfig { units, activation, ..Default::default() })
}

#[test]
fn a_fit_splits_into_its_parts_and_they_add_up_to_no_more_than_the_fit() {
    let rows = 512;
    let x = Array2::from_shape_fn((rows, 64), |(i, j)| ((i * 31 + j * 17) % 23) as f32 / 23.0 - 0.5);
    let y = Array2::from_shape_fn((rows, 1), |(i, _)| (i % 3 == 0) as u8 as f32);
    let model = Sequential::new(64, &[dense(128, Activation::Relu), dense(1, Activation::Sigmoid)], 1).unwrap();
    let options = FitOptions { epochs: 3, batch_size: 64, ..Default::default() };
    let mut fit =
        Training::new(model, Loss::BinaryCrossentropy, Optimizer::Adam(Adam::default()), x, y, options).unwrap();
    let begun = clock();
    let ((), p) = profile(clock, || {
        while !fit.is_finished() {
            fit.step(clock).unwrap();
        }
    });
    let wall = clock() - begun;
    for part in Part::ALL {
        assert!(p.of(part) > 0.0, "{} took no time: {p:?}", part.name());
    }
    assert!(p.total() <= wall, "the parts ({} ms) add up to more than the fit ({wall} ms)", p.total());
    // 64 → 128 → 1 at batch 64: the products are most of the work.
    assert!(p.of(Part::Products) > p.of(Part::Forward), "{p:?}");
}
