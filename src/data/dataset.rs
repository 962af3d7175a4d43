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

    /// How many rows have each class id `0..k` in the first label column (`k` is the largest
    /// id plus one, at least 2). Real-valued labels are rounded.
    pub fn class_counts(&self) -> Vec<usize> {
        let ids: Vec<usize> = self.y.column(0).iter().map(|v| v.round().max(0.0) as usize).collect();
        let mut counts = vec![0; ids.iter().copied().max().map_or(2, |m| (m + 1).max(2))];
        ids.into_iter().for_each(|c| counts[c] += 1);
        counts
    }
}
