//! The decision boundary of a classifier of 2 features: what it predicts over a grid.
//!
//! A [`Grid`] of `size × size` cells covers the data's range (padded by 5% on each side, as the
//! scatter plot pads it), in the features' own units. Its [`Grid::inputs`] are the cells' centres,
//! row 0 at the top (largest `x₁`), column 0 at the left (smallest `x₀`). The model's outputs for
//! them become a [`BoundaryMap`]: per cell, the class it predicts (the arg-max, or for one sigmoid
//! unit `p > 0.5`) and its confidence in that class, both quantised to a byte so a 64 × 64 map
//! travels to the page as about 20 kB of JSON.
//!
//! ```
//! use mlp_lab::nn::{boundary_map, Grid};
//! let grid = Grid::covering([(0.0, 0.0), (1.0, 2.0)].into_iter(), 4).unwrap();
//! assert_eq!(grid.inputs().dim(), (16, 2));
//! // One sigmoid unit: p = 0.8 everywhere, class 1 with confidence 0.8 (204 / 255).
//! let map = boundary_map(&grid, &ndarray::Array2::from_elem((16, 1), 0.8));
//! assert_eq!((map.class[0], map.confidence[0]), (1, 204));
//! ```

use ndarray::Array2;
use serde::{Deserialize, Serialize};

/// Cells along each side of the grid the worker predicts on.
pub const GRID_SIZE: usize = 64;

/// A square grid over a rectangle of the feature plane.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Grid {
    /// Cells along each side.
    pub size: usize,
    /// `x₀` from left edge to right edge.
    pub x: (f32, f32),
    /// `x₁` from bottom edge to top edge.
    pub y: (f32, f32),
}

impl Grid {
    /// The grid over `points`' range, each axis padded by 5% of its span (at least 0.05);
    /// `None` when there are no finite points.
    pub fn covering(points: impl Iterator<Item = (f32, f32)>, size: usize) -> Option<Self> {
        let (mut x, mut y) = ((f32::INFINITY, f32::NEG_INFINITY), (f32::INFINITY, f32::NEG_INFINITY));
        for (a, b) in points.filter(|(a, b)| a.is_finite() && b.is_finite()) {
            x = (x.0.min(a), x.1.max(a));
            y = (y.0.min(b), y.1.max(b));
        }
        if !x.0.is_finite() || size == 0 {
            return None;
        }
        let pad = |(lo, hi): (f32, f32)| {
            let p = ((hi - lo) * 0.05).max(0.05);
            (lo - p, hi + p)
        };
        Some(Self { size, x: pad(x), y: pad(y) })
    }

    /// The cells' centres, `size²` rows of `(x₀, x₁)`, row by row from the top.
    pub fn inputs(&self) -> Array2<f32> {
        let n = self.size;
        let centre = |(lo, hi): (f32, f32), i: usize| lo + (hi - lo) * (i as f32 + 0.5) / n as f32;
        Array2::from_shape_fn((n * n, 2), |(cell, j)| {
            let (row, col) = (cell / n, cell % n);
            if j == 0 {
                centre(self.x, col)
            } else {
                centre(self.y, n - 1 - row)
            }
        })
    }
}

/// What a classifier predicts over a [`Grid`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BoundaryMap {
    /// The grid predicted on.
    pub grid: Grid,
    /// Classes the model tells apart (2 for one sigmoid unit).
    pub classes: usize,
    /// Per cell (row by row from the top), the class predicted.
    pub class: Vec<u8>,
    /// Per cell, the predicted class' probability, times 255 and rounded.
    pub confidence: Vec<u8>,
}

impl BoundaryMap {
    /// The predicted class and its probability at cell `(row, col)`.
    pub fn cell(&self, row: usize, col: usize) -> (usize, f32) {
        let i = row * self.grid.size + col;
        (self.class[i] as usize, self.confidence[i] as f32 / 255.0)
    }
}

/// The map of `outputs` (one row per cell of `grid`, as [`Grid::inputs`] orders them): one unit
/// is a sigmoid's `P(class 1)`, more units a softmax over the classes.
pub fn boundary_map(grid: &Grid, outputs: &Array2<f32>) -> BoundaryMap {
    let units = outputs.ncols();
    let byte = |p: f32| (p.clamp(0.0, 1.0) * 255.0).round() as u8;
    let (class, confidence) = outputs
        .rows()
        .into_iter()
        .map(|row| {
            if units == 1 {
                let p = row[0];
                if p > super::metrics::BINARY_THRESHOLD {
                    (1, byte(p))
                } else {
                    (0, byte(1.0 - p))
                }
            } else {
                let (c, p) =
                    row.iter()
                        .enumerate()
                        .fold((0, f32::NEG_INFINITY), |best, (i, &v)| if v > best.1 { (i, v) } else { best });
                (c.min(255) as u8, byte(p))
            }
        })
        .unzip();
    BoundaryMap { grid: *grid, classes: units.max(2), class, confidence }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_grid_pads_the_range_and_orders_cells_from_the_top_left() {
        let grid = Grid::covering([(0.0, -1.0), (10.0, 1.0), (f32::NAN, 5.0)].into_iter(), 2).unwrap();
        assert_eq!((grid.x, grid.y), ((-0.5, 10.5), (-1.1, 1.1)));
        let inputs = grid.inputs();
        // Cell centres: x at 1/4 and 3/4 of [-0.5, 10.5], y from the top.
        let near = |row: usize, want: [f32; 2]| {
            let got = inputs.row(row).to_vec();
            assert!((got[0] - want[0]).abs() < 1e-6 && (got[1] - want[1]).abs() < 1e-6, "row {row}: {got:?}");
        };
        near(0, [2.25, 0.55]);
        near(1, [7.75, 0.55]);
        near(2, [2.25, -0.55]);
        assert!(Grid::covering(std::iter::empty(), 8).is_none());
        // A single point still gets an area.
        let one = Grid::covering([(1.0, 1.0)].into_iter(), 3).unwrap();
        assert_eq!((one.x, one.y), ((0.95, 1.05), (0.95, 1.05)));
    }

    #[test]
    fn a_sigmoid_cell_says_its_side_and_a_softmax_cell_its_arg_max() {
        let grid = Grid { size: 2, x: (0.0, 1.0), y: (0.0, 1.0) };
        let sigmoid = Array2::from_shape_vec((4, 1), vec![0.8, 0.5, 0.2, 1.0]).unwrap();
        let map = boundary_map(&grid, &sigmoid);
        assert_eq!(map.classes, 2);
        // 0.5 is not above the threshold: class 0 with 0.5.
        assert_eq!(map.class, vec![1, 0, 0, 1]);
        assert_eq!(map.confidence, vec![204, 128, 204, 255]);
        assert_eq!(map.cell(1, 0), (0, 0.8));

        let softmax = Array2::from_shape_vec(
            (4, 3),
            vec![
                0.72, 0.18, 0.1, //
                0.1, 0.3, 0.6, //
                0.2, 0.5, 0.3, //
                0.34, 0.33, 0.33,
            ],
        )
        .unwrap();
        let map = boundary_map(&grid, &softmax);
        assert_eq!((map.classes, map.class.clone()), (3, vec![0, 2, 1, 0]));
        assert_eq!(map.confidence, vec![184, 153, 128, 87]);
    }
}
