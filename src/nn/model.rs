//! `Sequential`: a stack of [`Layer`]s, its training step, `evaluate`, `predict`.
//!
//! A training step on a batch `x` (rows × inputs) with targets `y`: forward through every layer
//! in training mode, the batch's mean loss (plus the regularizers' penalty), `dz` of the output
//! from the loss, then back through the layers (each turns `∂L/∂a` of its output into
//! `∂L/∂x` for the layer below), the regularizers' gradients added, and last the optimizer
//! updates every trainable tensor, found through each layer's walk over its own. Every buffer
//! lives in a [`Workspace`] sized once for the largest batch, so a step allocates nothing.
//!
//! The last layer is `Dense`: the loss reads its units and activation (and computes from its
//! logits where Keras does).
//!
//! ```
//! use mlp_lab::nn::{Activation, DenseConfig, DropoutConfig, LayerConfig, Sequential};
//! let model = Sequential::new(10, &[
//!     LayerConfig::Dense(DenseConfig { units: 64, activation: Activation::Relu, ..Default::default() }),
//!     LayerConfig::Dropout(DropoutConfig { rate: 0.3 }),
//!     LayerConfig::Dense(DenseConfig { units: 1, activation: Activation::Sigmoid, ..Default::default() }),
//! ], 42).unwrap();
//! assert_eq!(model.param_count(), 769);
//! assert!(model.summary().contains("Total params: 769"));
//! ```

use ndarray::Array2;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use super::layers::{Buffers, Pass};
use super::metrics::correct_count;
use super::profile::{part, Part};
use super::workspace::Workspace;
use super::{Dense, Layer, LayerConfig, Loss, NnError, OptimizerState};

/// One layer's gradients: one vector per trainable tensor, in Keras' order (a Dense layer's
/// kernel, row-major `(inputs, units)`, then its bias).
pub type LayerGradients = Vec<Vec<f32>>;

/// A Keras `Sequential` model.
#[derive(Debug, Clone, PartialEq)]
pub struct Sequential {
    /// The layers, input side first; the last is `Dense`.
    pub layers: Vec<Layer>,
}

/// `model.evaluate`'s figures: mean loss and accuracy over the rows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Evaluation {
    /// Mean loss per sample, with the regularizers' penalty (as Keras reports it).
    pub loss: f64,
    /// Share of rows predicted right, as the loss defines accuracy; `None` for a regression.
    pub accuracy: Option<f64>,
}

impl Sequential {
    /// Builds the layers for `inputs` features, the Dense layers' weights drawn from `seed`
    /// layer by layer (a Dropout or BatchNormalization layer draws nothing, so adding one leaves
    /// the Dense layers' starting weights as they were).
    pub fn new<C: Clone + Into<LayerConfig>>(inputs: usize, configs: &[C], seed: u64) -> Result<Self, NnError> {
        let configs: Vec<LayerConfig> = configs.iter().cloned().map(Into::into).collect();
        if inputs == 0 || configs.is_empty() {
            return Err(NnError::EmptyModel);
        }
        if let Some((layer, problem)) = configs.iter().enumerate().find_map(|(i, c)| c.problem().map(|p| (i, p))) {
            return Err(NnError::BadLayer { layer, problem });
        }
        let last = configs.last().expect("not empty");
        if last.as_dense().is_none() {
            return Err(NnError::OutputNotDense { class: last.keras_class().to_string() });
        }
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let mut fan_in = inputs;
        let layers = configs
            .iter()
            .map(|config| {
                let layer = Layer::new(config, fan_in, &mut rng);
                fan_in = layer.units();
                layer
            })
            .collect();
        Ok(Self { layers })
    }

    /// The layers' arguments, input side first.
    pub fn configs(&self) -> Vec<LayerConfig> {
        self.layers.iter().map(Layer::config).collect()
    }

    /// Features the model takes.
    pub fn inputs(&self) -> usize {
        self.layers[0].inputs()
    }

    /// Units of the last layer.
    pub fn outputs(&self) -> usize {
        self.output_layer().units()
    }

    /// The last layer, `Dense` by construction.
    pub fn output_layer(&self) -> &Dense {
        self.layers.last().and_then(Layer::as_dense).expect("a model ends with a Dense layer")
    }

    /// Trainable parameters of all layers.
    pub fn param_count(&self) -> usize {
        self.layers.iter().map(|l| l.param_counts().0).sum()
    }

    /// Parameters that are not trained (BatchNormalization's moving statistics).
    pub fn non_trainable_count(&self) -> usize {
        self.layers.iter().map(|l| l.param_counts().1).sum()
    }

    /// The regularizers' penalty on the current weights.
    pub fn penalty(&self) -> f64 {
        self.layers.iter().map(Layer::penalty).sum()
    }

    /// Whether every weight is a finite number.
    pub fn is_finite(&self) -> bool {
        self.layers.iter().all(Layer::is_finite)
    }

    /// Checks that the loss suits the output layer, and that `x` and `y` fit the model and the loss.
    pub fn check_data(&self, x: &Array2<f32>, y: &Array2<f32>, loss: Loss) -> Result<(), NnError> {
        let last = self.output_layer();
        if let Some(misfit) = loss.misfit(last.config.activation, last.units()) {
            return Err(NnError::LossMisfit { loss, misfit });
        }
        if x.ncols() != self.inputs() {
            return Err(NnError::FeatureCount { expected: self.inputs(), got: x.ncols() });
        }
        if x.nrows() != y.nrows() {
            return Err(NnError::RowMismatch { features: x.nrows(), labels: y.nrows() });
        }
        let width = loss.label_width(self.outputs());
        if y.ncols() != width {
            return Err(NnError::LabelWidth { expected: width, got: y.ncols(), loss });
        }
        if let Some((i, value, accepts)) = loss.invalid_label(&standard(y), self.outputs()) {
            return Err(NnError::LabelOutOfRange { row: i / width, value, loss, accepts });
        }
        if let Some((i, _)) = x.iter().enumerate().find(|(_, v)| !v.is_finite()) {
            return Err(NnError::NonFiniteFeature { row: i / x.ncols(), column: i % x.ncols() });
        }
        Ok(())
    }

    /// Forward pass over `rows` rows of `x`; every layer's output is in `ws`.
    fn forward(&self, ws: &mut Workspace, x: &[f32], rows: usize, pass: Pass) {
        let Workspace { layers: buffers, masks, .. } = ws;
        for (l, layer) in self.layers.iter().enumerate() {
            let (below, here) = buffers.split_at_mut(l);
            let input = if l == 0 { x } else { &below[l - 1].out };
            layer.forward(input, rows, pass, &mut here[0], (masks, l));
        }
    }

    /// The output layer's loss summed over the rows and how many rows it predicted right,
    /// from its buffers after a forward pass.
    fn output_loss(&self, out: &Buffers, y: &[f32], rows: usize, loss: Loss) -> (f64, Option<usize>) {
        let last = self.output_layer();
        let (act, units) = (last.config.activation, last.units());
        let (n, m) = (rows * units, rows * loss.label_width(units));
        let loss_sum = loss.sum(act, units, &out.saved[..n], &out.out[..n], &y[..m]);
        (loss_sum, correct_count(loss, units, &out.out[..n], &y[..m]))
    }

    /// Forward (training) and backward over `rows` rows: fills every trainable tensor's gradient
    /// in `ws` with the gradient of the loss summed over the rows and divided by `batch_rows`
    /// (without the penalty's: [`Self::update`] adds it), and returns the loss summed over the
    /// rows (without the penalty) and how many rows it predicted right (both before any update,
    /// as Keras reports them). One worker passes `batch_rows = rows`, the batch's mean loss; a
    /// replica passes the whole batch's rows for its share of them.
    pub(crate) fn backprop(
        &self,
        ws: &mut Workspace,
        x: &[f32],
        y: &[f32],
        rows: usize,
        batch_rows: usize,
        loss: Loss,
    ) -> (f64, Option<usize>) {
        debug_assert!(rows <= ws.capacity);
        part(Part::Forward, || self.forward(ws, x, rows, Pass::Training));
        let last = self.layers.len() - 1;
        let (act, units) = (self.output_layer().config.activation, self.outputs());
        let out = &mut ws.layers[last];
        let result = part(Part::Loss, || {
            let result = self.output_loss(out, y, rows, loss);
            let (n, m) = (rows * units, rows * loss.label_width(units));
            let (z, a, dz) = (&out.saved[..n], &out.out[..n], &mut out.grad[..n]);
            loss.output_gradient(act, units, z, a, &y[..m], dz, batch_rows);
            result
        });

        part(Part::Backward, || {
            for l in (0..=last).rev() {
                let (below, here) = ws.layers.split_at_mut(l);
                let layer = &self.layers[l];
                match below.last_mut() {
                    None => layer.backward(x, rows, &mut here[0], l == last, None),
                    Some(prev) => layer.backward(&prev.out, rows, &mut here[0], l == last, Some(&mut prev.grad)),
                }
            }
        });
        result
    }

    /// Adds the regularizers' gradients, on the current weights, to the gradients in `ws`.
    fn add_penalty_gradients(&self, ws: &mut Workspace) {
        for (layer, buffers) in self.layers.iter().zip(&mut ws.layers) {
            layer.add_penalty_gradients(buffers);
        }
    }

    /// The update after [`Self::backprop`] (or after a replica's summed gradients were written
    /// into `ws`): the regularizers' gradients are added, once, then the optimizer updates
    /// every trainable tensor at learning rate `lr`, and each layer commits what else the
    /// pass changes (BatchNormalization's moving statistics).
    pub(crate) fn update(&mut self, ws: &mut Workspace, optimizer: &mut OptimizerState, lr: f32) {
        self.add_penalty_gradients(ws);
        part(Part::Update, || {
            optimizer.begin_step(lr);
            let mut tensor = 0;
            for (layer, buffers) in self.layers.iter_mut().zip(&ws.layers) {
                layer.commit(buffers);
                layer.for_each_trainable(&buffers.param_grads, &mut |w, g| {
                    optimizer.update(tensor, w, g);
                    tensor += 1;
                });
            }
        });
    }

    /// Whether `other` has the same layers with the same weights, bit for bit (`-0` is not `0`,
    /// a NaN equals the same NaN): how replicas are checked to stay one model.
    pub fn same_bits(&self, other: &Sequential) -> bool {
        self.layers.len() == other.layers.len()
            && self.layers.iter().zip(&other.layers).all(|(a, b)| a.config() == b.config() && a.same_bits(b))
    }

    /// The gradient of the mean loss (with the penalty) over all rows of `x`, in training mode,
    /// with respect to every trainable tensor, one [`LayerGradients`] per layer, and that loss.
    /// Dropout's mask comes from `seed`: the same seed, the same mask.
    pub fn gradients(
        &self,
        x: &Array2<f32>,
        y: &Array2<f32>,
        loss: Loss,
        seed: u64,
    ) -> Result<(f64, Vec<LayerGradients>), NnError> {
        self.check_data(x, y, loss)?;
        let rows = x.nrows();
        if rows == 0 {
            return Err(NnError::NoRows);
        }
        let mut ws = Workspace::new(self, rows, seed);
        let (loss_sum, _) = self.backprop(&mut ws, &standard(x), &standard(y), rows, rows, loss);
        self.add_penalty_gradients(&mut ws);
        let grads = ws.layers.into_iter().map(|b| b.param_grads).collect();
        Ok((loss_sum / rows as f64 + self.penalty(), grads))
    }

    /// The sizes of the trainable tensors in the order the optimizer sees them.
    pub fn trainable_sizes(&self) -> Vec<usize> {
        self.layers.iter().flat_map(Layer::trainable_sizes).collect()
    }

    /// `model.evaluate(x, y)`: mean loss (with the penalty, as Keras 3 reports it) and accuracy,
    /// computed `batch_size` rows at a time in inference mode.
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
        let mut ws = Workspace::new(self, batch, 0);
        let (xs, ys) = (standard(x), standard(y));
        let width = loss.label_width(self.outputs());
        let (mut loss_sum, mut correct) = (0.0, Some(0));
        for (xb, yb) in xs.chunks(batch * self.inputs()).zip(ys.chunks(batch * width)) {
            let rows = yb.len() / width;
            self.forward(&mut ws, xb, rows, Pass::Inference);
            let (l, c) = self.output_loss(ws.layers.last().expect("a model has layers"), yb, rows, loss);
            loss_sum += l;
            correct = correct.zip(c).map(|(a, b)| a + b);
        }
        let rows = x.nrows() as f64;
        let per_row = if loss == Loss::BinaryCrossentropy { self.outputs() as f64 } else { 1.0 };
        Ok(Evaluation {
            loss: loss_sum / rows + self.penalty(),
            accuracy: correct.map(|c| c as f64 / (rows * per_row)),
        })
    }

    /// `model.predict(x)`: the last layer's activations, one row per sample, in inference mode.
    pub fn predict(&self, x: &Array2<f32>) -> Result<Array2<f32>, NnError> {
        if x.ncols() != self.inputs() {
            return Err(NnError::FeatureCount { expected: self.inputs(), got: x.ncols() });
        }
        let rows = x.nrows();
        let mut ws = Workspace::new(self, rows, 0);
        self.forward(&mut ws, &standard(x), rows, Pass::Inference);
        let mut out = ws.layers.pop().expect("a model has layers").out;
        out.truncate(rows * self.outputs());
        Ok(Array2::from_shape_vec((rows, self.outputs()), out).expect("the buffer holds rows × units"))
    }
}

/// The elements of `a` in row-major order, borrowed when already laid out so.
pub(crate) fn standard(a: &Array2<f32>) -> std::borrow::Cow<'_, [f32]> {
    match a.as_slice() {
        Some(s) => std::borrow::Cow::Borrowed(s),
        None => std::borrow::Cow::Owned(a.iter().copied().collect()),
    }
}
