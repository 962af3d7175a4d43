//! What the worker measures and computes for the page's views beside the Keras log: the
//! training speed (over the time spent in steps, not the idle time between slices), the
//! decision boundary of a 2-feature classifier.

use ndarray::Array2;

use super::Worker;
use crate::data::{Dataset, Scaler};
use crate::nn::{batch_rows, boundary_map, Grid, Loss, Sequential, Throughput, Training, GRID_SIZE};
use crate::protocol::FromWorker;

/// The boundary is predicted and posted at most this often (and after the last epoch).
const BOUNDARY_EVERY_MS: f64 = 200.0;

/// A fit's speed so far, and the grid its boundary is predicted on.
pub(super) struct Insight {
    throughput: Throughput,
    /// The grid, and its cells as the model's input (scaled as the training rows were).
    grid: Option<(Grid, Array2<f32>)>,
    last_boundary_ms: f64,
}

impl Insight {
    /// For a fit on `data` (features before scaling) with `loss`: a boundary grid when the data
    /// has 2 features and the task is a classification.
    pub(super) fn new(data: &Dataset, scaler: Option<&Scaler>, loss: Loss) -> Self {
        let grid = (data.features() == 2 && loss != Loss::MeanSquaredError)
            .then(|| Grid::covering(data.x.rows().into_iter().map(|r| (r[0], r[1])), GRID_SIZE))
            .flatten()
            .and_then(|grid| {
                let mut inputs = grid.inputs();
                match scaler {
                    Some(scaler) => scaler.transform(&mut inputs).ok().map(|()| (grid, inputs)),
                    None => Some((grid, inputs)),
                }
            });
        Self { throughput: Throughput::default(), grid, last_boundary_ms: f64::NEG_INFINITY }
    }

    /// Step `batch` (from 1) of `training` took `ms` milliseconds.
    pub(super) fn step_took(&mut self, training: &Training, batch_size: usize, batch: usize, ms: f64) {
        self.throughput.record(batch_rows(training.train_rows(), batch_size, batch), ms);
    }
}

impl Worker {
    /// Posts the speed so far.
    pub(super) fn post_speed(&self, insight: &Insight) {
        if let Some(speed) = insight.throughput.speed() {
            self.post(&FromWorker::Speed(speed));
        }
    }

    /// Predicts and posts the boundary, if there is one and it is due (or `now_anyway`).
    pub(super) fn post_boundary(&self, insight: &mut Insight, model: &Sequential, now_ms: f64, now_anyway: bool) {
        let Some((grid, inputs)) = &insight.grid else { return };
        if !now_anyway && now_ms - insight.last_boundary_ms < BOUNDARY_EVERY_MS {
            return;
        }
        insight.last_boundary_ms = now_ms;
        if let Ok(outputs) = model.predict(inputs) {
            self.post(&FromWorker::Boundary(boundary_map(grid, &outputs)));
        }
    }
}
