//! `Sequential`: a stack of [`Dense`] layers, its training step, `evaluate`, `predict` and
//! `summary()`.
//!
//! A training step on a batch `x` (rows × inputs) with targets `y`:
//! forward through every layer, the batch's mean loss, `dz` of the output from the loss, then
//! back through the layers (`dx` of a layer is `∂L/∂a` of the one below, taken through that
//! layer's activation), and last the optimizer updates every kernel and bias. Every buffer lives
//! in a [`Workspace`] sized once for the largest batch, so a step allocates nothing.
//!
//! ```
//! use mlp_lab::nn::{Activation, DenseConfig, Sequential};
//! let model = Sequential::new(10, &[
//!     DenseConfig { units: 64, activation: Activation::Relu, ..Default::default() },
//!     DenseConfig { units: 1, activation: Activation::Sigmoid, ..Default::default() },
//! ], 42).unwrap();
//! assert_eq!(model.param_count(), 769);
//! assert!(model.summary().contains("Total params: 769"));
//! ```

use ndarray::{Array1, Array2};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use super::metrics::correct_count;
use super::{Dense, DenseConfig, Loss, NnError, Optimizer, OptimizerState};

/// One layer's gradients: `(∂L/∂W, ∂L/∂b)`.
pub type LayerGradients = (Array2<f32>, Array1<f32>);

/// A Keras `Sequential` model of dense layers.
#[derive(Debug, Clone, PartialEq)]
pub struct Sequential {
    /// The layers, input side first.
    pub layers: Vec<Dense>,
}

/// `model.evaluate`'s figures: mean loss and accuracy over the rows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Evaluation {
    /// Mean loss per sample.
    pub loss: f64,
    /// Share of rows predicted right, as the loss defines accuracy; `None` for a regression.
    pub accuracy: Option<f64>,
}

/// Buffers of one layer for one batch: `rows × units` activations and gradients, and the
/// weight gradients.
#[derive(Debug, Clone)]
struct LayerBuffers {
    z: Vec<f32>,
    a: Vec<f32>,
    dz: Vec<f32>,
    dw: Vec<f32>,
    db: Vec<f32>,
}

/// Every buffer a training step needs, sized for at most `capacity` rows.
#[derive(Debug, Clone)]
pub(crate) struct Workspace {
    capacity: usize,
    layers: Vec<LayerBuffers>,
}

impl Workspace {
    pub(crate) fn new(model: &Sequential, capacity: usize) -> Self {
        let layers = model
            .layers
            .iter()
            .map(|l| LayerBuffers {
                z: vec![0.0; capacity * l.units()],
                a: vec![0.0; capacity * l.units()],
                dz: vec![0.0; capacity * l.units()],
                dw: vec![0.0; l.kernel.len()],
                db: vec![0.0; l.units()],
            })
            .collect();
        Self { capacity, layers }
    }
}

impl Sequential {
    /// Builds the layers for `inputs` features, weights drawn from `seed` layer by layer.
    pub fn new(inputs: usize, configs: &[DenseConfig], seed: u64) -> Result<Self, NnError> {
        if inputs == 0 || configs.is_empty() || configs.iter().any(|c| c.units == 0) {
            return Err(NnError::EmptyModel);
        }
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let mut fan_in = inputs;
        let layers = configs
            .iter()
            .map(|config| {
                let layer = Dense::new(fan_in, config.clone(), &mut rng);
                fan_in = config.units;
                layer
            })
            .collect();
        Ok(Self { layers })
    }

    /// Features the model takes.
    pub fn inputs(&self) -> usize {
        self.layers[0].inputs()
    }

    /// Units of the last layer.
    pub fn outputs(&self) -> usize {
        self.layers.last().expect("a model has layers").units()
    }

    /// Trainable parameters of all layers.
    pub fn param_count(&self) -> usize {
        self.layers.iter().map(Dense::param_count).sum()
    }

    /// Checks that the loss suits the output layer, and that `x` and `y` fit the model and the loss.
    pub fn check_data(&self, x: &Array2<f32>, y: &Array2<f32>, loss: Loss) -> Result<(), NnError> {
        let last = self.layers.last().expect("a model has layers");
        if let Some(reason) = loss.misfit(last.config.activation, last.units()) {
            return Err(NnError::LossMisfit { loss: loss.keras_name(), reason });
        }
        if x.ncols() != self.inputs() {
            return Err(NnError::FeatureCount { expected: self.inputs(), got: x.ncols() });
        }
        if x.nrows() != y.nrows() {
            return Err(NnError::RowMismatch { features: x.nrows(), labels: y.nrows() });
        }
        let width = loss.label_width(self.outputs());
        if y.ncols() != width {
            return Err(NnError::LabelWidth { expected: width, got: y.ncols(), loss: loss.keras_name() });
        }
        if let Some((i, value, accepts)) = loss.invalid_label(&standard(y), self.outputs()) {
            return Err(NnError::LabelOutOfRange { row: i / width, value, loss: loss.keras_name(), accepts });
        }
        if let Some((i, _)) = x.iter().enumerate().find(|(_, v)| !v.is_finite()) {
            return Err(NnError::NonFiniteFeature { row: i / x.ncols(), column: i % x.ncols() });
        }
        Ok(())
    }

    /// Forward pass over `rows` rows of `x`; the output layer's `z` and `a` are in `ws`.
    fn forward(&self, ws: &mut Workspace, x: &[f32], rows: usize) {
        for (l, layer) in self.layers.iter().enumerate() {
            let (below, here) = ws.layers.split_at_mut(l);
            let input = if l == 0 { x } else { &below[l - 1].a };
            let LayerBuffers { z, a, .. } = &mut here[0];
            layer.forward(input, rows, z, a);
        }
    }

    /// Forward and backward over a batch: fills every layer's `dw` and `db` in `ws` with the
    /// gradient of the batch's mean loss, and returns the loss summed over the rows and how many
    /// rows it predicted right (both before any update, as Keras reports them).
    fn backprop(&self, ws: &mut Workspace, x: &[f32], y: &[f32], rows: usize, loss: Loss) -> (f64, Option<usize>) {
        debug_assert!(rows <= ws.capacity);
        self.forward(ws, x, rows);
        let last = self.layers.len() - 1;
        let act = self.layers[last].config.activation;
        let units = self.outputs();
        let (n, m) = (rows * units, rows * loss.label_width(units));
        let out = &mut ws.layers[last];
        let loss_sum = loss.sum(act, units, &out.z[..n], &out.a[..n], &y[..m]);
        let correct = correct_count(loss, units, &out.a[..n], &y[..m]);
        loss.output_gradient(act, units, &out.z[..n], &out.a[..n], &y[..m], &mut out.dz[..n]);

        for l in (0..=last).rev() {
            let (below, here) = ws.layers.split_at_mut(l);
            let LayerBuffers { dz, dw, db, .. } = &mut here[0];
            let layer = &self.layers[l];
            if l == 0 {
                layer.backward(x, rows, dz, dw, db, None);
            } else {
                let prev = &mut below[l - 1];
                layer.backward(&prev.a, rows, dz, dw, db, Some(&mut prev.dz));
                let k = self.layers[l - 1].units();
                let m = rows * k;
                self.layers[l - 1].config.activation.backward(&prev.z[..m], &prev.a[..m], &mut prev.dz[..m], k);
            }
        }
        (loss_sum, correct)
    }

    /// One training step on a batch at learning rate `lr`: [`Self::backprop`], then the
    /// optimizer updates every kernel and bias. Returns what `backprop` returns.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn train_step(
        &mut self,
        ws: &mut Workspace,
        x: &[f32],
        y: &[f32],
        rows: usize,
        loss: Loss,
        optimizer: &Optimizer,
        state: &mut OptimizerState,
        lr: f32,
    ) -> (f64, Option<usize>) {
        let result = self.backprop(ws, x, y, rows, loss);
        optimizer.begin_step(state, lr);
        for (l, (layer, buffers)) in self.layers.iter_mut().zip(&ws.layers).enumerate() {
            let kernel = layer.kernel.as_slice_mut().expect("the kernel is kept in standard layout");
            optimizer.update(state, 2 * l, kernel, &buffers.dw);
            if layer.config.use_bias {
                let bias = layer.bias.as_slice_mut().expect("the bias is contiguous");
                optimizer.update(state, 2 * l + 1, bias, &buffers.db);
            }
        }
        result
    }

    /// The gradient of the mean loss over all rows of `x` with respect to every layer's kernel
    /// and bias, as `(∂L/∂W, ∂L/∂b)` per layer, with the mean loss itself.
    pub fn gradients(
        &self,
        x: &Array2<f32>,
        y: &Array2<f32>,
        loss: Loss,
    ) -> Result<(f64, Vec<LayerGradients>), NnError> {
        self.check_data(x, y, loss)?;
        let rows = x.nrows();
        if rows == 0 {
            return Err(NnError::NoRows);
        }
        let mut ws = Workspace::new(self, rows);
        let (loss_sum, _) = self.backprop(&mut ws, &standard(x), &standard(y), rows, loss);
        let grads = self
            .layers
            .iter()
            .zip(ws.layers)
            .map(|(layer, b)| {
                let dw = Array2::from_shape_vec(layer.kernel.dim(), b.dw).expect("dw has the kernel's shape");
                (dw, Array1::from_vec(b.db))
            })
            .collect();
        Ok((loss_sum / rows as f64, grads))
    }

    /// The sizes of the trainable tensors in the order the optimizer state keeps them
    /// (kernel then bias, layer by layer).
    pub fn tensor_sizes(&self) -> impl Iterator<Item = usize> + '_ {
        self.layers.iter().flat_map(|l| [l.kernel.len(), l.bias.len()])
    }

    /// `model.evaluate(x, y)`: mean loss and accuracy, computed `batch_size` rows at a time.
    pub fn evaluate(
        &self,
        x: &Array2<f32>,
        y: &Array2<f32>,
        loss: Loss,
        batch_size: usize,
    ) -> Result<Evaluation, NnError> {
        self.check_data(x, y, loss)?;
        if x.nrows() == 0 {
            return Err(NnError::NoRows);
        }
        let batch = batch_size.clamp(1, x.nrows());
        let mut ws = Workspace::new(self, batch);
        let (xs, ys) = (standard(x), standard(y));
        let (inputs, units) = (self.inputs(), self.outputs());
        let width = loss.label_width(units);
        let act = self.layers.last().expect("a model has layers").config.activation;
        let (mut loss_sum, mut correct) = (0.0, Some(0));
        for (xb, yb) in xs.chunks(batch * inputs).zip(ys.chunks(batch * width)) {
            let rows = yb.len() / width;
            self.forward(&mut ws, xb, rows);
            let out = ws.layers.last().expect("a model has layers");
            let n = rows * units;
            loss_sum += loss.sum(act, units, &out.z[..n], &out.a[..n], yb);
            correct = correct.zip(correct_count(loss, units, &out.a[..n], yb)).map(|(a, b)| a + b);
        }
        let rows = x.nrows() as f64;
        let per_row = if loss == Loss::BinaryCrossentropy { units as f64 } else { 1.0 };
        Ok(Evaluation { loss: loss_sum / rows, accuracy: correct.map(|c| c as f64 / (rows * per_row)) })
    }

    /// `model.predict(x)`: the last layer's activations, one row per sample.
    pub fn predict(&self, x: &Array2<f32>) -> Result<Array2<f32>, NnError> {
        if x.ncols() != self.inputs() {
            return Err(NnError::FeatureCount { expected: self.inputs(), got: x.ncols() });
        }
        let rows = x.nrows();
        let mut ws = Workspace::new(self, rows);
        self.forward(&mut ws, &standard(x), rows);
        let out = ws.layers.pop().expect("a model has layers");
        Ok(Array2::from_shape_vec((rows, self.outputs()), out.a).expect("the buffer holds rows × units"))
    }

    /// Keras' `model.summary()` text.
    pub fn summary(&self) -> String {
        let rule = "_".repeat(65);
        let double = "=".repeat(65);
        let mut s = format!(
            "Model: \"sequential\"\n{rule}\n {:<28}{:<26}{:<10}\n{double}\n",
            "Layer (type)", "Output Shape", "Param #"
        );
        for (i, layer) in self.layers.iter().enumerate() {
            let name = if i == 0 { "dense".to_string() } else { format!("dense_{i}") };
            let shape = format!("(None, {})", layer.units());
            s += &format!(" {:<28}{:<26}{:<10}\n", format!("{name} (Dense)"), shape, layer.param_count());
            s += if i + 1 < self.layers.len() { "\n" } else { "" };
        }
        let total = self.param_count();
        s += &format!("{double}\nTotal params: {total}\nTrainable params: {total}\nNon-trainable params: 0\n{rule}\n");
        s
    }
}

/// The elements of `a` in row-major order, borrowed when already laid out so.
fn standard(a: &Array2<f32>) -> std::borrow::Cow<'_, [f32]> {
    match a.as_slice() {
        Some(s) => std::borrow::Cow::Borrowed(s),
        None => std::borrow::Cow::Owned(a.iter().copied().collect()),
    }
}
