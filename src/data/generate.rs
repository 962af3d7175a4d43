//! Seeded data generators, all with one signature: [`generate`] takes a [`GeneratorSpec`]
//! (which generator, how many rows, noise, label noise, seed) and returns a [`Dataset`].
//!
//! | generator | features | labels |
//! |---|---|---|
//! | `seed` | `features` uniform in `[0, 1)` | 0/1 coin flips, unrelated to the features (the seed document's `np.random.rand`, `np.random.randint(0, 2)`) |
//! | `blobs` | `features` Gaussian blobs (sd `1 + noise`) around centres uniform in `[−5, 5)` | class id of the blob, `0..classes` |
//! | `xor` | 2, uniform in `[−1, 1)` | 1 when `x₀ x₁ > 0` |
//! | `circles` | 2: a circle of radius 1 and one of radius 0.5 | 1 for the inner circle |
//! | `moons` | 2: two interleaved half circles (scikit-learn's `make_moons`) | 1 for the lower moon |
//! | `spirals` | 2: two interleaved spirals, 1.75 turns each | 1 for the second spiral |
//! | `linear` | `features` standard normal | 1 when `x · w > 0`, `w` a random direction |
//!
//! `noise` adds Gaussian noise of that standard deviation to the 2-D generators' coordinates.
//! `label_noise` then flips exactly `round(label_noise · rows)` labels, chosen at random: to the
//! other class (binary) or to a different random class (blobs). It is the "data quality" knob: a
//! model can do no better on held-out rows than the labels allow.

use ndarray::Array2;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, StandardNormal};
use serde::{Deserialize, Serialize};
use std::f64::consts::PI;

use super::Dataset;

/// Which data to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Generator {
    /// The seed document's random features and random labels.
    Seed,
    /// Gaussian blobs, one class each.
    Blobs,
    /// The XOR quadrants.
    Xor,
    /// Two concentric circles.
    Circles,
    /// Two interleaved half circles.
    Moons,
    /// Two interleaved spirals.
    Spirals,
    /// Two classes split by a hyperplane through the origin.
    Linear,
}

impl Generator {
    /// Every generator.
    pub const ALL: [Generator; 7] = [
        Generator::Seed,
        Generator::Blobs,
        Generator::Xor,
        Generator::Circles,
        Generator::Moons,
        Generator::Spirals,
        Generator::Linear,
    ];

    /// The name used in links and messages.
    pub fn name(self) -> &'static str {
        match self {
            Generator::Seed => "seed",
            Generator::Blobs => "blobs",
            Generator::Xor => "xor",
            Generator::Circles => "circles",
            Generator::Moons => "moons",
            Generator::Spirals => "spirals",
            Generator::Linear => "linear",
        }
    }

    /// Whether the rows have exactly two features whatever `features` says.
    pub fn is_planar(self) -> bool {
        matches!(self, Generator::Xor | Generator::Circles | Generator::Moons | Generator::Spirals)
    }
}

/// A generator and its parameters.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct GeneratorSpec {
    /// Which data.
    pub generator: Generator,
    /// Samples.
    pub rows: usize,
    /// Features, where the generator has a choice (seed, blobs, linear).
    pub features: usize,
    /// Classes of `blobs` (the others have two).
    pub classes: usize,
    /// Standard deviation of the noise added to the features.
    pub noise: f64,
    /// Share of labels flipped, from 0 to 1.
    pub label_noise: f64,
    /// Seed of everything random.
    pub seed: u64,
}

impl Default for GeneratorSpec {
    /// The seed document's `np.random.rand(1000, 10)`, seeded 42.
    fn default() -> Self {
        Self {
            generator: Generator::Seed,
            rows: 1000,
            features: 10,
            classes: 3,
            noise: 0.0,
            label_noise: 0.0,
            seed: 42,
        }
    }
}

/// Makes the data `spec` describes.
///
/// ```
/// use mlp_lab::data::{generate, Generator, GeneratorSpec};
/// let data = generate(&GeneratorSpec { generator: Generator::Spirals, rows: 200, ..Default::default() });
/// assert_eq!(data.x.dim(), (200, 2));
/// ```
pub fn generate(spec: &GeneratorSpec) -> Dataset {
    let mut rng = ChaCha8Rng::seed_from_u64(spec.seed);
    let n = spec.rows;
    let d = if spec.generator.is_planar() { 2 } else { spec.features.max(1) };
    let classes = if spec.generator == Generator::Blobs { spec.classes.max(2) } else { 2 };
    let mut x = Array2::<f32>::zeros((n, d));
    let mut y = Array2::<f32>::zeros((n, 1));
    let normal = |rng: &mut ChaCha8Rng| -> f64 { StandardNormal.sample(rng) };
    match spec.generator {
        Generator::Seed => {
            x.iter_mut().for_each(|v| *v = rng.random::<f32>());
            y.iter_mut().for_each(|v| *v = rng.random_range(0..2u8) as f32);
        }
        Generator::Blobs => {
            let centres: Vec<Vec<f64>> =
                (0..classes).map(|_| (0..d).map(|_| rng.random_range(-5.0..5.0)).collect()).collect();
            for i in 0..n {
                let c = i % classes;
                for j in 0..d {
                    x[[i, j]] = (centres[c][j] + (1.0 + spec.noise) * normal(&mut rng)) as f32;
                }
                y[[i, 0]] = c as f32;
            }
        }
        Generator::Linear => {
            let w: Vec<f64> = (0..d).map(|_| normal(&mut rng)).collect();
            for i in 0..n {
                let mut dot = 0.0;
                for j in 0..d {
                    let v = normal(&mut rng);
                    x[[i, j]] = v as f32;
                    dot += v * w[j];
                }
                y[[i, 0]] = (dot > 0.0) as u8 as f32;
            }
        }
        planar => {
            for i in 0..n {
                let label = i % 2;
                let (px, py) = planar_point(planar, label, i / 2, n.div_ceil(2), &mut rng);
                x[[i, 0]] = (px + spec.noise * normal(&mut rng)) as f32;
                x[[i, 1]] = (py + spec.noise * normal(&mut rng)) as f32;
                y[[i, 0]] = match planar {
                    Generator::Xor => (px * py > 0.0) as u8 as f32,
                    _ => label as f32,
                };
            }
        }
    }
    flip_labels(&mut y, spec.label_noise, classes, &mut rng);
    Dataset { x, y }
}

/// The `k`-th of `per_class` noiseless points of class `label` of a 2-D generator.
fn planar_point(generator: Generator, label: usize, k: usize, per_class: usize, rng: &mut ChaCha8Rng) -> (f64, f64) {
    let t = k as f64 / per_class.max(1) as f64; // 0..1 along the shape
    match generator {
        Generator::Xor => (rng.random_range(-1.0..1.0), rng.random_range(-1.0..1.0)),
        Generator::Circles => {
            let angle = 2.0 * PI * rng.random::<f64>();
            let r = if label == 1 { 0.5 } else { 1.0 };
            (r * angle.cos(), r * angle.sin())
        }
        Generator::Moons => {
            let a = PI * rng.random::<f64>();
            if label == 0 {
                (a.cos(), a.sin())
            } else {
                (1.0 - a.cos(), 0.5 - a.sin())
            }
        }
        Generator::Spirals => {
            let turn = 0.05 + 0.95 * t; // radius and angle grow together from near the centre
            let angle = 3.5 * PI * turn + label as f64 * PI;
            (turn * angle.cos(), turn * angle.sin())
        }
        _ => unreachable!("only 2-D generators have planar points"),
    }
}

/// Flips exactly `round(share · rows)` labels, to another class.
fn flip_labels(y: &mut Array2<f32>, share: f64, classes: usize, rng: &mut ChaCha8Rng) {
    let n = y.nrows();
    let flips = ((share.clamp(0.0, 1.0) * n as f64).round() as usize).min(n);
    if flips == 0 {
        return;
    }
    let mut rows: Vec<usize> = (0..n).collect();
    rows.shuffle(rng);
    for &i in &rows[..flips] {
        let old = y[[i, 0]] as usize;
        let shift = if classes == 2 { 1 } else { rng.random_range(1..classes) };
        y[[i, 0]] = ((old + shift) % classes) as f32;
    }
}

/// The seed example: `rows × features` uniform `[0, 1)` features and random 0/1 labels.
///
/// ```
/// let data = mlp_lab::data::seed_example(1000, 10, 42);
/// assert_eq!(data.x.dim(), (1000, 10));
/// assert_eq!(data.y.dim(), (1000, 1));
/// ```
pub fn seed_example(rows: usize, features: usize, seed: u64) -> Dataset {
    generate(&GeneratorSpec { generator: Generator::Seed, rows, features, seed, ..Default::default() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_example_shapes_ranges_and_balance() {
        let data = seed_example(1000, 10, 42);
        assert_eq!(data.x.dim(), (1000, 10));
        assert_eq!(data.y.dim(), (1000, 1));
        assert!(data.x.iter().all(|&v| (0.0..1.0).contains(&v)));
        assert!(data.y.iter().all(|&v| v == 0.0 || v == 1.0));
        // Uniform [0, 1): mean 0.5, and every tenth of the range is used.
        let mean = data.x.mean().unwrap();
        assert!((mean - 0.5).abs() < 0.02, "mean {mean}");
        for decile in 0..10 {
            let lo = decile as f32 / 10.0;
            assert!(data.x.iter().any(|&v| v >= lo && v < lo + 0.1), "decile {decile} empty");
        }
        // Fair coin labels: 1000 draws stay within 4.5 standard deviations (±71) of 500.
        let counts = data.class_counts();
        assert_eq!(counts.iter().sum::<usize>(), 1000);
        assert!(counts[1].abs_diff(500) < 71, "{counts:?}");
    }

    #[test]
    fn every_generator_makes_its_shape_and_is_seeded() {
        for generator in Generator::ALL {
            let spec =
                GeneratorSpec { generator, rows: 301, features: 4, classes: 4, noise: 0.1, ..Default::default() };
            let data = generate(&spec);
            let d = if generator.is_planar() { 2 } else { 4 };
            assert_eq!(data.x.dim(), (301, d), "{generator:?}");
            assert!(data.x.iter().all(|v| v.is_finite()));
            let k = if generator == Generator::Blobs { 4 } else { 2 };
            let counts = data.class_counts();
            assert_eq!(counts.len(), k, "{generator:?}: {counts:?}");
            assert!(counts.iter().all(|&c| c > 301 / k / 3), "{generator:?}: every class present: {counts:?}");
            assert_eq!(generate(&spec), data, "{generator:?}: same seed, same data");
            assert_ne!(generate(&GeneratorSpec { seed: 7, ..spec }), data, "{generator:?}: other seed");
        }
    }

    #[test]
    fn label_noise_flips_exactly_that_share() {
        let clean = GeneratorSpec { generator: Generator::Moons, rows: 1000, ..Default::default() };
        let noisy = GeneratorSpec { label_noise: 0.2, ..clean };
        let (a, b) = (generate(&clean), generate(&noisy));
        let flipped = a.y.iter().zip(b.y.iter()).filter(|(p, q)| p != q).count();
        assert_eq!(flipped, 200);
        let blobs = GeneratorSpec { generator: Generator::Blobs, classes: 5, rows: 500, ..Default::default() };
        let (a, b) = (generate(&blobs), generate(&GeneratorSpec { label_noise: 0.1, ..blobs }));
        assert_eq!(a.y.iter().zip(b.y.iter()).filter(|(p, q)| p != q).count(), 50);
        assert!(b.y.iter().all(|&c| c < 5.0));
    }

    #[test]
    fn planar_shapes_are_where_they_should_be() {
        let circles = generate(&GeneratorSpec { generator: Generator::Circles, rows: 200, ..Default::default() });
        for (row, label) in circles.x.rows().into_iter().zip(circles.y.iter()) {
            let r = (row[0] * row[0] + row[1] * row[1]).sqrt();
            assert!((r - if *label == 1.0 { 0.5 } else { 1.0 }).abs() < 1e-5);
        }
        let xor = generate(&GeneratorSpec { generator: Generator::Xor, rows: 200, ..Default::default() });
        for (row, label) in xor.x.rows().into_iter().zip(xor.y.iter()) {
            assert_eq!(*label == 1.0, row[0] * row[1] > 0.0);
        }
    }
}
