//! `model.predict` on one row the user typed: a file's row is encoded and scaled as the
//! training rows were; a generated row is its numbers.

use ndarray::Array2;

use super::Encoding;
use crate::nn::Sequential;
use crate::protocol::{Failure, WorkerProblem};

/// The model's outputs for `cells` (one value per input column, as typed), or why the row
/// cannot be read.
pub fn predict_row(model: &Sequential, encoding: Option<&Encoding>, cells: &[String]) -> Result<Vec<f32>, Failure> {
    let x = match encoding {
        Some((schema, scaler)) => {
            let values: Vec<&str> = cells.iter().map(String::as_str).collect();
            let row = schema.encode_row(&values).map_err(|e| Failure::Row(e.into()))?;
            let mut x = Array2::from_shape_vec((1, row.len()), row).expect("one row of its own length");
            scaler.transform(&mut x).map_err(|e| Failure::Row(e.into()))?;
            x
        }
        None => {
            let row = cells
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    c.trim()
                        .parse::<f32>()
                        .ok()
                        .filter(|v| v.is_finite())
                        .ok_or_else(|| Failure::Worker(WorkerProblem::NotANumber { n: i + 1, value: c.clone() }))
                })
                .collect::<Result<Vec<f32>, Failure>>()?;
            Array2::from_shape_vec((1, row.len()), row).expect("one row of its own length")
        }
    };
    model.predict(&x).map(|out| out.iter().copied().collect()).map_err(Failure::Engine)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nn::{Activation, DenseConfig, NnError};

    #[test]
    fn a_generated_row_is_its_numbers() {
        let out = DenseConfig { units: 1, activation: Activation::Sigmoid, ..Default::default() };
        let model = Sequential::new(2, &[out], 1).unwrap();
        assert_eq!(predict_row(&model, None, &["0.5".into(), " -1 ".into()]).unwrap().len(), 1);
        assert_eq!(
            predict_row(&model, None, &["0.5".into(), "inf".into()]),
            Err(Failure::Worker(WorkerProblem::NotANumber { n: 2, value: "inf".into() }))
        );
        assert_eq!(
            predict_row(&model, None, &["0.5".into()]),
            Err(Failure::Engine(NnError::FeatureCount { expected: 2, got: 1 }))
        );
    }
}
