#!/usr/bin/env python3
"""Generate Keras reference numbers for MLP Lab's Rust engine.

Runs a set of tiny, fully deterministic MLP training cases through real
Keras 3 (TensorFlow backend, float32 everywhere) and writes every input and
output to ``fixtures.json`` next to this file, so the Rust tests can check
the forward pass, the losses and the optimizer updates against Keras.

Usage (from the repository root):

    python3 -m venv /work/refenv
    /work/refenv/bin/pip install -r tests/reference/requirements.txt
    /work/refenv/bin/python tests/reference/keras_reference.py

Per case (see CASES below; ``case_seed`` = index of the case in CASES):

* ``rng = np.random.default_rng(case_seed)``; draws happen in this order:
  1. for each layer in order: kernel ~ U(-0.8, 0.8) with shape
     (inputs, units), then bias ~ U(-0.2, 0.2) with shape (units,) (the bias
     is only drawn when the layer has use_bias=True);
  2. x ~ U(-1, 1) with shape (8, 3);
  3. targets (see ``draw_targets``).
  All draws are float64 and are then cast to float32.
* The Keras model is ``keras.Sequential([keras.Input((3,)), Dense...])``;
  ``model.set_weights`` loads the drawn weights.
* ``predict_initial`` = ``model(x, training=False)`` before any update.
* Training is a manual loop (no ``model.fit``): epochs=3, batch_size=4, no
  shuffling (batches are rows 0-3 then rows 4-7), i.e. 6 steps. Each step:

      with tf.GradientTape() as tape:
          pred = model(xb, training=True)
          loss = loss_fn(yb, pred)   # default reduction: sum_over_batch_size
      grads = tape.gradient(loss, model.trainable_variables)
      optimizer.apply_gradients(zip(grads, model.trainable_variables))

  ``batch_losses`` holds each step's loss (computed before that step's
  update); ``epoch_losses`` the float32 mean of the two batch losses of each
  epoch; ``final_weights`` the weights after the 6 steps.

Number formatting: data numbers (weights, x, y, predictions, losses) are
written as ``repr(float(np.float32(v)))``: the exact decimal value of the
float32, which parses exactly into an f64 and then casts exactly to f32.
Optimizer hyper-parameters are written as the shortest decimal that
round-trips the float32 Keras uses (e.g. 0.01 rather than
0.009999999776482582); both parse to the same f32.
"""

import json
import os
import sys

# Must be set before TensorFlow is imported.
#  * quiet TF's C++ logging;
#  * disable oneDNN so the CPU kernels (and thus the rounding) do not depend
#    on the instruction set of the machine that regenerates the fixture;
#  * force CPU even if a GPU happens to be present.
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"
os.environ["CUDA_VISIBLE_DEVICES"] = ""
os.environ["KERAS_BACKEND"] = "tensorflow"

import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402
import keras  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
OUT_PATH = os.path.join(HERE, "fixtures.json")

N_ROWS = 8
N_FEATURES = 3
BATCH_SIZE = 4
EPOCHS = 3

# BCE-case guard: every predicted probability seen during training (before
# each update) must stay in [PROB_MIN, PROB_MAX], so that Keras' clip-based
# and from-logits BCE formulas agree to ~1e-7.
PROB_MIN, PROB_MAX = 0.01, 0.99

# (name, [(units, activation, use_bias), ...], loss, optimizer factory)
# The order is fixed: the index is the case seed.
CASES = [
    ("sgd_mse",
     [(4, "tanh", True), (2, "linear", True)],
     "mean_squared_error",
     lambda: keras.optimizers.SGD(learning_rate=0.1)),
    ("sgd_momentum_bce",
     [(4, "relu", True), (1, "sigmoid", True)],
     "binary_crossentropy",
     lambda: keras.optimizers.SGD(learning_rate=0.1, momentum=0.9)),
    ("sgd_nesterov_cce",
     [(5, "elu", True), (3, "softmax", True)],
     "categorical_crossentropy",
     lambda: keras.optimizers.SGD(learning_rate=0.1, momentum=0.9,
                                  nesterov=True)),
    ("adam_bce",
     [(4, "relu", True), (1, "sigmoid", True)],
     "binary_crossentropy",
     lambda: keras.optimizers.Adam(learning_rate=0.01)),
    ("adam_amsgrad_sparse",
     [(5, "leaky_relu", True), (3, "softmax", True)],
     "sparse_categorical_crossentropy",
     lambda: keras.optimizers.Adam(learning_rate=0.01, amsgrad=True)),
    ("rmsprop_mse",
     [(4, "sigmoid", True), (2, "linear", True)],
     "mean_squared_error",
     lambda: keras.optimizers.RMSprop(learning_rate=0.01)),
    ("rmsprop_momentum_cce",
     [(5, "tanh", True), (3, "softmax", True)],
     "categorical_crossentropy",
     lambda: keras.optimizers.RMSprop(learning_rate=0.01, momentum=0.5)),
    ("adam_nobias_bce",
     [(4, "relu", False), (1, "sigmoid", True)],
     "binary_crossentropy",
     lambda: keras.optimizers.Adam(learning_rate=0.01)),
    ("sgd_relu_deep_mse",
     [(6, "relu", True), (5, "relu", True), (1, "linear", True)],
     "mean_squared_error",
     lambda: keras.optimizers.SGD(learning_rate=0.05, momentum=0.5)),
]

LOSS_CLASSES = {
    "mean_squared_error": keras.losses.MeanSquaredError,
    "binary_crossentropy": keras.losses.BinaryCrossentropy,
    "categorical_crossentropy": keras.losses.CategoricalCrossentropy,
    "sparse_categorical_crossentropy":
        keras.losses.SparseCategoricalCrossentropy,
}

# Optimizer hyper-parameters to read back from get_config(), per optimizer.
OPT_FIELDS = {
    "sgd": ["learning_rate", "momentum", "nesterov"],
    "adam": ["learning_rate", "beta_1", "beta_2", "epsilon", "amsgrad"],
    "rmsprop": ["learning_rate", "rho", "momentum", "epsilon", "centered"],
}


# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------

def f32(v):
    """Exact float64 value of a float32 (repr round-trips it exactly)."""
    return float(np.float32(v))


def f32_short(v):
    """Shortest decimal that round-trips the float32 nearest to v."""
    return float(repr(np.float32(v)).replace("np.float32(", "").rstrip(")"))


def tolist32(a):
    """Nested Python lists of exact float32 values."""
    a = np.asarray(a, dtype=np.float32)
    if a.ndim == 0:
        return f32(a)
    return [tolist32(r) for r in a] if a.ndim > 1 else [f32(v) for v in a]


def draw_targets(rng, loss, out_units):
    """Draw the 8 targets for a case from the case's rng (after x)."""
    if loss == "mean_squared_error":
        return rng.uniform(-1.0, 1.0, size=(N_ROWS, out_units)).astype(
            np.float32)
    if loss == "binary_crossentropy":
        # Redraw (deterministically, same rng) until both classes appear.
        while True:
            y = rng.integers(0, 2, size=(N_ROWS, 1))
            if 0 < y.sum() < N_ROWS:
                return y.astype(np.float32)
    if loss in ("categorical_crossentropy",
                "sparse_categorical_crossentropy"):
        # Redraw (deterministically, same rng) until every class appears.
        while True:
            ids = rng.integers(0, out_units, size=N_ROWS)
            if len(set(ids.tolist())) == out_units:
                break
        if loss == "sparse_categorical_crossentropy":
            return ids.astype(np.int32)
        return np.eye(out_units, dtype=np.float32)[ids]
    raise ValueError(loss)


def weights_to_json(layer_specs, flat):
    """model.get_weights() order -> [{"kernel": ..., "bias": ...}, ...]."""
    out, i = [], 0
    for _, _, use_bias in layer_specs:
        kernel = flat[i]
        i += 1
        bias = []
        if use_bias:
            bias = tolist32(flat[i])
            i += 1
        out.append({"kernel": tolist32(kernel), "bias": bias})
    assert i == len(flat)
    return out


def optimizer_json(opt):
    cfg = opt.get_config()
    # cfg["name"] gets uniquified ("sgd_1", ...), so map the class instead.
    name = {keras.optimizers.SGD: "sgd", keras.optimizers.Adam: "adam",
            keras.optimizers.RMSprop: "rmsprop"}[type(opt)]
    # No extras (weight decay, clipping, EMA, loss scaling, accumulation)
    # may be active: the Rust side does not model them.
    for k in ("weight_decay", "clipnorm", "global_clipnorm", "clipvalue",
              "loss_scale_factor", "gradient_accumulation_steps"):
        assert cfg.get(k) is None, (k, cfg.get(k))
    assert not cfg.get("use_ema")
    out = {"name": name}
    for k in OPT_FIELDS[name]:
        v = cfg[k]
        out[k] = v if isinstance(v, bool) else f32_short(v)
    return out


def bce_formula_check(model, xb, yb, keras_loss, pred):
    """First-step diagnostic for BCE with a sigmoid output.

    Keras' TF backend uses tf.nn.sigmoid_cross_entropy_with_logits when the
    prediction tensor carries `_keras_logits` (set by the sigmoid
    activation); otherwise it uses
        -(y*log(clip(p, eps, 1-eps)) + (1-y)*log(1 - clip(p, eps, 1-eps))).
    Compute both by hand, print them next to the Keras value and return
    which path Keras took.
    """
    eps = keras.config.epsilon()
    h = tf.convert_to_tensor(xb)
    for layer in model.layers[:-1]:
        h = layer(h, training=True)
    last = model.layers[-1]
    logits = tf.matmul(h, last.kernel) + last.bias
    yb = tf.convert_to_tensor(yb)
    from_logits = tf.reduce_mean(tf.reduce_mean(
        tf.nn.sigmoid_cross_entropy_with_logits(labels=yb, logits=logits),
        axis=-1))
    p = tf.clip_by_value(tf.sigmoid(logits), eps, 1.0 - eps)
    clip_based = tf.reduce_mean(tf.reduce_mean(
        -(yb * tf.math.log(p) + (1.0 - yb) * tf.math.log(1.0 - p)), axis=-1))
    has_logits = hasattr(pred, "_keras_logits")
    # Decisive test of the path: same probabilities, but (a) no cached
    # logits (tf.identity drops the Python attribute), (b) deliberately
    # wrong cached logits. If (b) changes the loss, Keras reads the logits.
    no_attr = tf.identity(pred)
    assert not hasattr(no_attr, "_keras_logits")
    fake = tf.identity(pred)
    fake._keras_logits = logits + 1.0
    loss_fn = keras.losses.BinaryCrossentropy()
    loss_no_attr = float(loss_fn(yb, no_attr))
    loss_fake = float(loss_fn(yb, fake))
    used = ("from_logits" if has_logits and loss_fake != float(keras_loss)
            else "clip_based")
    print(f"    BCE step-1 check: keras={float(keras_loss)!r} "
          f"from_logits={float(from_logits)!r} "
          f"clip_based={float(clip_based)!r} "
          f"pred has _keras_logits={has_logits} "
          f"keras(no cached logits)={loss_no_attr!r} "
          f"keras(shifted cached logits)={loss_fake!r} -> Keras used {used}")
    assert abs(float(from_logits) - float(clip_based)) < 1e-6
    return used


# --------------------------------------------------------------------------
# One case
# --------------------------------------------------------------------------

def run_case(seed, name, layer_specs, loss_name, make_opt):
    print(f"[{seed}] {name}")
    rng = np.random.default_rng(seed)

    # 1. Initial weights, layer by layer: kernel, then bias (if any).
    flat_w = []
    fan_in = N_FEATURES
    for units, _, use_bias in layer_specs:
        flat_w.append(rng.uniform(-0.8, 0.8, size=(fan_in, units))
                      .astype(np.float32))
        if use_bias:
            flat_w.append(rng.uniform(-0.2, 0.2, size=(units,))
                          .astype(np.float32))
        fan_in = units
    # 2. Inputs, 3. targets.
    x = rng.uniform(-1.0, 1.0, size=(N_ROWS, N_FEATURES)).astype(np.float32)
    y = draw_targets(rng, loss_name, layer_specs[-1][0])

    model = keras.Sequential(
        [keras.Input(shape=(N_FEATURES,), dtype="float32")]
        + [keras.layers.Dense(u, activation=a, use_bias=b, dtype="float32")
           for u, a, b in layer_specs])
    model.set_weights(flat_w)
    for got, want in zip(model.get_weights(), flat_w):
        assert got.dtype == np.float32 and np.array_equal(got, want)

    loss_fn = LOSS_CLASSES[loss_name]()
    assert loss_fn.reduction == "sum_over_batch_size", loss_fn.reduction
    optimizer = make_opt()

    predict_initial = model(x, training=False).numpy()
    if loss_name == "binary_crossentropy":
        assert predict_initial.min() > PROB_MIN, predict_initial.min()
        assert predict_initial.max() < PROB_MAX, predict_initial.max()

    # Manual training loop: no model.fit, no shuffling.
    batch_losses = []
    bce_path = None
    for epoch in range(EPOCHS):
        for start in range(0, N_ROWS, BATCH_SIZE):
            xb = x[start:start + BATCH_SIZE]
            yb = y[start:start + BATCH_SIZE]
            with tf.GradientTape() as tape:
                pred = model(xb, training=True)
                loss = loss_fn(yb, pred)
            if epoch == 0 and start == 0:
                # Diagnostic: does the prediction carry cached logits?
                # (binary/categorical CE use them; sparse CE and MSE don't.)
                print(f"    step-1 pred has _keras_logits: "
                      f"{hasattr(pred, '_keras_logits')}")
            if loss_name == "binary_crossentropy":
                p = pred.numpy()
                assert p.min() > PROB_MIN and p.max() < PROB_MAX, (
                    "saturated BCE prediction", epoch, start, p)
                if bce_path is None:
                    bce_path = bce_formula_check(model, xb, yb, loss, pred)
            grads = tape.gradient(loss, model.trainable_variables)
            assert all(g is not None for g in grads)
            optimizer.apply_gradients(zip(grads, model.trainable_variables))
            assert loss.dtype == tf.float32
            batch_losses.append(np.float32(loss.numpy()))
    assert int(optimizer.iterations.numpy()) == EPOCHS * N_ROWS // BATCH_SIZE

    per_epoch = N_ROWS // BATCH_SIZE
    epoch_losses = [
        np.float32(np.sum(np.array(batch_losses[e * per_epoch:
                                                (e + 1) * per_epoch],
                                   dtype=np.float32), dtype=np.float32)
                   / np.float32(per_epoch))
        for e in range(EPOCHS)]

    case = {
        "name": name,
        "layers": [{"units": u, "activation": a, "use_bias": b}
                   for u, a, b in layer_specs],
        "loss": loss_name,
        "optimizer": optimizer_json(optimizer),
        "x": tolist32(x),
        "y": ([int(v) for v in y] if y.dtype.kind == "i" else tolist32(y)),
        "batch_size": BATCH_SIZE,
        "epochs": EPOCHS,
        "initial_weights": weights_to_json(layer_specs, flat_w),
        "predict_initial": tolist32(predict_initial),
        "batch_losses": [f32(v) for v in batch_losses],
        "epoch_losses": [f32(v) for v in epoch_losses],
        "final_weights": weights_to_json(layer_specs, model.get_weights()),
    }
    print(f"    batch_losses={[float(v) for v in batch_losses]}")
    return case, bce_path


# --------------------------------------------------------------------------
# JSON output: indented, but innermost number lists kept on one line.
# --------------------------------------------------------------------------

def dump(obj, indent=0):
    pad = "  " * indent
    if isinstance(obj, dict):
        items = [f'{pad}  {json.dumps(k)}: {dump(v, indent + 1).lstrip()}'
                 for k, v in obj.items()]
        return pad + "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(obj, list):
        if all(not isinstance(v, (list, dict)) for v in obj):
            return pad + json.dumps(obj)
        items = [dump(v, indent + 1) for v in obj]
        return pad + "[\n" + ",\n".join(items) + "\n" + pad + "]"
    return pad + json.dumps(obj)


def main():
    # Nothing here is random on the Keras side (weights are set explicitly,
    # no dropout, no shuffling), but pin the seeds and ask TF for
    # deterministic kernels anyway.
    keras.utils.set_random_seed(0)
    tf.config.experimental.enable_op_determinism()
    tf.config.threading.set_inter_op_parallelism_threads(1)
    tf.config.threading.set_intra_op_parallelism_threads(1)

    leaky_alpha = keras.activations.leaky_relu.__defaults__[0]
    # Check the default slope really is what 'leaky_relu' applies.
    probe = keras.activations.get("leaky_relu")(
        tf.constant([-1.0], dtype=tf.float32)).numpy()[0]
    assert np.float32(probe) == np.float32(-leaky_alpha), (probe, leaky_alpha)

    cases, bce_paths = [], set()
    for seed, (name, specs, loss_name, make_opt) in enumerate(CASES):
        case, bce_path = run_case(seed, name, specs, loss_name, make_opt)
        cases.append(case)
        if bce_path:
            bce_paths.add(bce_path)
    print(f"BCE formula used by Keras in this loop: {sorted(bce_paths)}")

    fixture = {
        "generator": "tests/reference/keras_reference.py",
        "keras_version": keras.__version__,
        "tensorflow_version": tf.__version__,
        "numpy_version": np.__version__,
        "leaky_relu_alpha": f32_short(leaky_alpha),
        "cases": cases,
    }
    text = dump(fixture) + "\n"
    # Round-trip sanity check.
    assert json.loads(text) == json.loads(json.dumps(fixture))
    with open(OUT_PATH, "w") as fh:
        fh.write(text)
    print(f"wrote {OUT_PATH} ({len(text)} bytes)")


if __name__ == "__main__":
    sys.exit(main())
