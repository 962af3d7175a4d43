//! A dataset: `x`, the features (rows × features), and `y`, the labels (rows × outputs).

use ndarray::{Array2, Axis};

/// Features and labels, row `i` of one belonging to row `i` of the other.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    /// Features, one row per sample.
    pub x: Array2<f32>,
    /// Labels, one row per sample.
    pub y: Array2<f32>,
}

impl Dataset {
    /// Number of samples.
    pub fn rows(&self) -> usize {
        self.x.nrows()
    }

    /// Number of features.
    pub fn features(&self) -> usize {
        self.x.ncols()
    }

    /// The rows at `indices`, in that order.
    pub fn select(&self, indices: &[usize]) -> Dataset {
        Dataset { x: self.x.select(Axis(0), indices), y: self.y.select(Axis(0), indices) }
    }

    /// How many rows have each 0/1 label: `[zeros, ones]` (labels are read as `> 0.5`).
    pub fn class_counts(&self) -> [usize; 2] {
        let ones = self.y.column(0).iter().filter(|&&v| v > 0.5).count();
        [self.rows() - ones, ones]
    }
}
