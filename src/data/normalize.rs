//! Scaling the features, with statistics of the TRAINING rows only (the seed normalises all
//! rows, test rows included, and the label too: both are mistakes; labels are never scaled).
//!
//! | [`Scaling`] | `offset` | `scale` | a feature becomes |
//! |---|---|---|---|
//! | `Standard` (default) | mean | sample std, `ddof = 1` | `(x − mean) / std` |
//! | `MinMax` | min | max − min | `(x − min) / (max − min)`, in `[0, 1]` on the training rows |
//! | `None` | 0 | 1 | `x` |
//!
//! The standard deviation is pandas' `data.std()` (the seed's `(data - data.mean()) / data.std()`),
//! which divides by `n − 1`; scikit-learn's `StandardScaler` divides by `n`. A constant column
//! (min = max on the training rows, or a single row) is centred, never divided: `scale` is 1, so
//! no NaN can appear. The scaler is serialisable, to be kept with the model for new rows.
//!
//! ```
//! use mlp_lab::data::{Scaler, Scaling};
//! use ndarray::array;
//! let train = array![[1.0, 5.0], [3.0, 5.0]];
//! let scaler = Scaler::fit(&train, Scaling::Standard);
//! // column 0: mean 2, sample std √2; column 1 is constant: centred on 5.
//! let mut test = array![[2.0 + 2f32.sqrt(), 7.0]];
//! scaler.transform(&mut test).unwrap();
//! assert!((test[[0, 0]] - 1.0).abs() < 1e-6 && test[[0, 1]] == 2.0);
//! assert_eq!(scaler.constant_columns(), &[1]);
//! ```

use ndarray::{Array2, Axis};
use serde::{Deserialize, Serialize};

/// How features are scaled.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scaling {
    /// z-score with the sample standard deviation (pandas' `std()`, `ddof = 1`): the seed's.
    #[default]
    Standard,
    /// Min-max to `[0, 1]` (scikit-learn's `MinMaxScaler`).
    MinMax,
    /// Features as they are.
    None,
}

/// A fitted scaling: `x ↦ (x − offset) / scale`, per feature.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scaler {
    /// How it was fitted.
    pub scaling: Scaling,
    /// Subtracted from each feature.
    pub offset: Vec<f32>,
    /// Each feature is divided by this (1 for a constant feature).
    pub scale: Vec<f32>,
    /// Features that were constant on the training rows, from 0.
    pub constant: Vec<usize>,
}

/// What can go wrong applying a scaler.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ScaleError {
    /// The rows have another number of features than the scaler was fitted on.
    Width {
        /// Features the scaler was fitted on.
        expected: usize,
        /// Features of the rows.
        found: usize,
    },
}

/// Its English `Display` is in the page's words, beside the Chinese.
impl std::error::Error for ScaleError {}

impl Scaler {
    /// Fits a scaling on the training rows `x` (rows × features). With no rows, every feature
    /// counts as constant, centred on 0.
    pub fn fit(x: &Array2<f32>, scaling: Scaling) -> Scaler {
        let mut scaler = Scaler { scaling, offset: Vec::new(), scale: Vec::new(), constant: Vec::new() };
        for (j, column) in x.axis_iter(Axis(1)).enumerate() {
            let (mut min, mut max, mut sum) = (f64::INFINITY, f64::NEG_INFINITY, 0.0);
            for &v in column {
                (min, max, sum) = (min.min(v as f64), max.max(v as f64), sum + v as f64);
            }
            let n = column.len() as f64;
            let constant = min >= max;
            let (offset, scale) = match scaling {
                Scaling::None => (0.0, 1.0),
                _ if column.is_empty() => (0.0, 1.0),
                Scaling::Standard => {
                    let mean = sum / n;
                    let ss: f64 = column.iter().map(|&v| (v as f64 - mean).powi(2)).sum();
                    (mean, if constant { 1.0 } else { (ss / (n - 1.0)).sqrt() })
                }
                Scaling::MinMax => (min, if constant { 1.0 } else { max - min }),
            };
            if constant && scaling != Scaling::None {
                scaler.constant.push(j);
            }
            let finite = offset.is_finite() && scale.is_finite() && scale > 0.0;
            scaler.offset.push(if finite { offset as f32 } else { 0.0 });
            scaler.scale.push(if finite { scale as f32 } else { 1.0 });
        }
        scaler
    }

    /// Features the scaler was fitted on.
    pub fn features(&self) -> usize {
        self.offset.len()
    }

    /// Features that were constant on the training rows (centred, not divided).
    pub fn constant_columns(&self) -> &[usize] {
        &self.constant
    }

    /// Scales `x` (rows × features) in place: the test split, or new rows to predict.
    pub fn transform(&self, x: &mut Array2<f32>) -> Result<(), ScaleError> {
        if x.ncols() != self.features() {
            return Err(ScaleError::Width { expected: self.features(), found: x.ncols() });
        }
        for mut row in x.rows_mut() {
            for ((v, &offset), &scale) in row.iter_mut().zip(&self.offset).zip(&self.scale) {
                *v = (*v - offset) / scale;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn standard_uses_the_sample_std() {
        // pandas: pd.Series([1., 2., 3., 6.]).std() == 2.1602468994692865 (mean 3)
        let s = Scaler::fit(&array![[1.0], [2.0], [3.0], [6.0]], Scaling::Standard);
        assert_eq!(s.offset, [3.0]);
        assert!((s.scale[0] - 2.160_246_9).abs() < 1e-6);
    }

    #[test]
    fn min_max_maps_the_training_range_to_unit() {
        let s = Scaler::fit(&array![[2.0], [6.0], [4.0]], Scaling::MinMax);
        let mut x = array![[2.0], [6.0], [8.0]];
        s.transform(&mut x).unwrap();
        assert_eq!(x, array![[0.0], [1.0], [1.5]], "beyond the training range, beyond [0, 1]");
    }

    #[test]
    fn constant_empty_and_single_rows_never_give_nan() {
        for rows in [array![[4.0f32], [4.0]], array![[4.0f32]], Array2::<f32>::zeros((0, 1))] {
            for scaling in [Scaling::Standard, Scaling::MinMax, Scaling::None] {
                let s = Scaler::fit(&rows, scaling);
                let mut x = array![[4.0], [5.0]];
                s.transform(&mut x).unwrap();
                assert!(x.iter().all(|v| v.is_finite()), "{scaling:?} {rows:?}");
                assert_eq!(s.scale, [1.0]);
            }
        }
        assert_eq!(Scaler::fit(&array![[4.0f32], [4.0]], Scaling::Standard).constant, [0]);
    }

    #[test]
    fn none_leaves_features_and_width_is_checked() {
        let s = Scaler::fit(&array![[1.0, 9.0]], Scaling::None);
        let mut x = array![[3.0, 4.0]];
        s.transform(&mut x).unwrap();
        assert_eq!(x, array![[3.0, 4.0]]);
        let err = s.transform(&mut array![[1.0]]).unwrap_err();
        assert_eq!(err, ScaleError::Width { expected: 2, found: 1 });
    }

    #[test]
    fn survives_json() {
        let s = Scaler::fit(&array![[1.0], [3.0]], Scaling::MinMax);
        assert_eq!(serde_json::from_str::<Scaler>(&serde_json::to_string(&s).unwrap()).unwrap(), s);
    }
}
