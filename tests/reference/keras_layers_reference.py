#!/usr/bin/env python3
"""Keras reference numbers for MLP Lab's regularisation layers and long runs.

Writes ``layers_fixtures.json`` next to this file: real Keras 3 (JAX backend,
CPU, float32) running ``model.fit`` on tiny, fully determined cases, so the
Rust tests (``tests/reference_layers.rs``) can check, against Keras itself:

* ``Dropout(0.0)`` changes nothing (a run with it equals the same run without);
* ``kernel_regularizer`` / ``bias_regularizer`` (``L1``, ``L2``, ``L1L2``): the
  loss ``fit`` logs (penalty included), ``val_loss`` (Keras 3 includes the
  penalty there too), the gradients at the initial weights, the final weights;
* ``BatchNormalization()``: training with batch statistics, the moving mean and
  variance after several steps, inference with the moving statistics;
* long runs (240 steps of Adam at learning rate 0.05, and of RMSprop), where a
  ``1 - beta`` formed in float32 instead of from the Python float drifts;
* the learning-rate schedules' values at several steps.

Usage (from the repository root):

    python3 -m venv /work/refenv
    /work/refenv/bin/pip install keras jax h5py scipy
    KERAS_BACKEND=jax /work/refenv/bin/python tests/reference/keras_layers_reference.py

Each case draws from ``np.random.default_rng(index)``: first the initial weights
in ``model.get_weights()`` order (Dense kernel U(-0.8, 0.8) then bias
U(-0.2, 0.2); BatchNormalization gamma U(0.5, 1.5), beta U(-0.2, 0.2), moving
mean U(-0.1, 0.1), moving variance U(0.5, 1.5)), then x ~ U(-1, 1), then the
targets. ``fit`` runs with ``shuffle=False``; ``batch_losses`` are the running
means Keras' batch logs carry (what its progress bar prints).
"""

import json
import os
import sys

os.environ["KERAS_BACKEND"] = "jax"
os.environ.setdefault("JAX_PLATFORMS", "cpu")

import jax  # noqa: E402
import numpy as np  # noqa: E402
import keras  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
OUT_PATH = os.path.join(HERE, "layers_fixtures.json")
N_FEATURES = 3


def dense(units, activation, kernel=None, bias=None):
    return {"class": "Dense", "units": units, "activation": activation,
            "kernel_regularizer": kernel, "bias_regularizer": bias}


def dropout(rate):
    return {"class": "Dropout", "rate": rate}


def batch_norm():
    return {"class": "BatchNormalization"}


# (name, layers, loss, optimizer factory, rows, batch, epochs, validation)
CASES = [
    ("dropout0_adam_bce",
     [dense(4, "relu"), dropout(0.0), dense(1, "sigmoid")],
     "binary_crossentropy",
     lambda: keras.optimizers.Adam(learning_rate=0.01), 8, 4, 3, False),
    ("regularized_sgd_bce",
     [dense(4, "relu", {"l2": 0.05}, {"l1": 0.02}),
      dense(1, "sigmoid", {"l1": 0.01, "l2": 0.03})],
     "binary_crossentropy",
     lambda: keras.optimizers.SGD(learning_rate=0.1), 8, 4, 3, True),
    ("regularized_adam_mse",
     [dense(5, "tanh", {"l1": 0.01}), dense(2, "linear", {"l2": 0.02})],
     "mean_squared_error",
     lambda: keras.optimizers.Adam(learning_rate=0.01), 8, 4, 3, True),
    ("batchnorm_sgd_bce",
     [dense(4, "relu"), batch_norm(), dense(1, "sigmoid")],
     "binary_crossentropy",
     lambda: keras.optimizers.SGD(learning_rate=0.1, momentum=0.9),
     16, 4, 3, True),
    ("batchnorm_adam_cce",
     [batch_norm(), dense(5, "tanh"), batch_norm(), dense(3, "softmax")],
     "categorical_crossentropy",
     lambda: keras.optimizers.Adam(learning_rate=0.01), 12, 4, 3, True),
    ("everything_rmsprop_sparse",
     [dense(6, "relu", {"l2": 0.01}), dropout(0.0), batch_norm(),
      dense(3, "softmax")],
     "sparse_categorical_crossentropy",
     lambda: keras.optimizers.RMSprop(learning_rate=0.01), 12, 4, 2, True),
    ("adam_long_lr005",
     [dense(8, "relu"), dense(1, "sigmoid")],
     "binary_crossentropy",
     lambda: keras.optimizers.Adam(learning_rate=0.05), 96, 8, 20, False),
    ("rmsprop_long",
     [dense(8, "tanh"), dense(2, "linear")],
     "mean_squared_error",
     lambda: keras.optimizers.RMSprop(learning_rate=0.01), 96, 8, 20, False),
]

SCHEDULES = [
    ({"name": "exponential_decay", "initial_learning_rate": 0.1,
      "decay_steps": 100, "decay_rate": 0.96, "staircase": False},
     lambda: keras.optimizers.schedules.ExponentialDecay(0.1, 100, 0.96)),
    ({"name": "exponential_decay", "initial_learning_rate": 0.05,
      "decay_steps": 7, "decay_rate": 0.5, "staircase": True},
     lambda: keras.optimizers.schedules.ExponentialDecay(
         0.05, 7, 0.5, staircase=True)),
    ({"name": "cosine_decay", "initial_learning_rate": 1.0,
      "decay_steps": 100, "alpha": 0.1},
     lambda: keras.optimizers.schedules.CosineDecay(1.0, 100, alpha=0.1)),
    ({"name": "cosine_decay", "initial_learning_rate": 0.001,
      "decay_steps": 1000, "alpha": 0.0},
     lambda: keras.optimizers.schedules.CosineDecay(0.001, 1000)),
    ({"name": "piecewise_constant_decay", "boundaries": [10, 20],
      "values": [1.0, 0.5, 0.1]},
     lambda: keras.optimizers.schedules.PiecewiseConstantDecay(
         [10, 20], [1.0, 0.5, 0.1])),
]
SCHEDULE_STEPS = [0, 1, 6, 7, 9, 10, 11, 20, 21, 50, 99, 100, 101, 500, 1000,
                  5000]


def f32(v):
    """Exact float64 value of a float32 (repr round-trips it exactly)."""
    return float(np.float32(v))


def flat32(a):
    return [f32(v) for v in np.asarray(a, dtype=np.float32).ravel()]


def regularizer(spec):
    if spec is None:
        return None
    l1, l2 = spec.get("l1", 0.0), spec.get("l2", 0.0)
    if l1 and l2:
        return keras.regularizers.L1L2(l1=l1, l2=l2)
    return keras.regularizers.L1(l1) if l1 else keras.regularizers.L2(l2)


def keras_layer(spec):
    if spec["class"] == "Dense":
        return keras.layers.Dense(
            spec["units"], activation=spec["activation"],
            kernel_regularizer=regularizer(spec["kernel_regularizer"]),
            bias_regularizer=regularizer(spec["bias_regularizer"]))
    if spec["class"] == "Dropout":
        return keras.layers.Dropout(spec["rate"])
    return keras.layers.BatchNormalization()


def draw_weights(rng, model):
    out = []
    for layer in model.layers:
        for w in layer.weights:
            name = w.path.split("/")[-1]
            low, high = {"kernel": (-0.8, 0.8), "bias": (-0.2, 0.2),
                         "gamma": (0.5, 1.5), "beta": (-0.2, 0.2),
                         "moving_mean": (-0.1, 0.1),
                         "moving_variance": (0.5, 1.5)}[name]
            out.append(rng.uniform(low, high, size=tuple(w.shape))
                       .astype(np.float32))
    return out


def draw_targets(rng, loss, rows, units):
    if loss == "mean_squared_error":
        return rng.uniform(-1.0, 1.0, size=(rows, units)).astype(np.float32)
    if loss == "binary_crossentropy":
        while True:
            y = rng.integers(0, 2, size=(rows, 1))
            if 0 < y.sum() < rows:
                return y.astype(np.float32)
    while True:
        ids = rng.integers(0, units, size=rows)
        if len(set(ids.tolist())) == units:
            break
    if loss == "sparse_categorical_crossentropy":
        return ids.astype(np.int32)
    return np.eye(units, dtype=np.float32)[ids]


def per_layer(model, arrays):
    """Flat get_weights()-ordered arrays -> one list of flat lists per layer."""
    out, i = [], 0
    for layer in model.layers:
        n = len(layer.weights)
        out.append([flat32(a) for a in arrays[i:i + n]])
        i += n
    assert i == len(arrays)
    return out


def initial_gradients(model, loss_fn, x, y):
    """The loss (penalty included) and its gradient in training mode, per
    trainable variable, at the model's current weights."""
    trainable = [v.value for v in model.trainable_variables]
    non_trainable = [v.value for v in model.non_trainable_variables]

    def total(tv):
        pred, _, losses = model.stateless_call(
            tv, non_trainable, x, training=True, return_losses=True)
        return loss_fn(y, pred) + sum(losses)

    value, grads = jax.value_and_grad(total)(trainable)
    by_layer, i = [], 0
    for layer in model.layers:
        n = len(layer.trainable_weights)
        by_layer.append([flat32(g) for g in grads[i:i + n]])
        i += n
    return f32(value), by_layer


def optimizer_json(opt):
    cfg = opt.get_config()
    name = {keras.optimizers.SGD: "sgd", keras.optimizers.Adam: "adam",
            keras.optimizers.RMSprop: "rmsprop"}[type(opt)]
    fields = {"sgd": ["learning_rate", "momentum", "nesterov"],
              "adam": ["learning_rate", "beta_1", "beta_2", "epsilon",
                       "amsgrad"],
              "rmsprop": ["learning_rate", "rho", "momentum", "epsilon"]}
    out = {"name": name}
    for k in fields[name]:
        v = cfg[k]
        # The Python floats as the user wrote them (learning_rate comes back
        # from a float32 variable: shortest repr of that float32).
        out[k] = v if isinstance(v, bool) else float(
            repr(np.float32(v)).replace("np.float32(", "").rstrip(")")
            if k == "learning_rate" else v)
    return out


class BatchLosses(keras.callbacks.Callback):
    def __init__(self):
        super().__init__()
        self.losses = []

    def on_train_batch_end(self, batch, logs=None):
        self.losses.append(f32(logs["loss"]))


def run_case(index, name, layers, loss, make_opt, rows, batch, epochs,
             validation):
    print(f"[{index}] {name}")
    rng = np.random.default_rng(index)
    model = keras.Sequential([keras.Input(shape=(N_FEATURES,))]
                             + [keras_layer(s) for s in layers])
    weights = draw_weights(rng, model)
    model.set_weights(weights)
    x = rng.uniform(-1.0, 1.0, size=(rows, N_FEATURES)).astype(np.float32)
    units = layers[-1]["units"]
    y = draw_targets(rng, loss, rows, units)
    loss_fn = {
        "binary_crossentropy": keras.losses.BinaryCrossentropy,
        "categorical_crossentropy": keras.losses.CategoricalCrossentropy,
        "sparse_categorical_crossentropy":
            keras.losses.SparseCategoricalCrossentropy,
        "mean_squared_error": keras.losses.MeanSquaredError,
    }[loss]()

    predict_initial = np.asarray(model(x, training=False))
    initial_loss, grads = initial_gradients(model, loss_fn, x, y)

    optimizer = make_opt()
    model.compile(optimizer=optimizer, loss=loss)
    logger = BatchLosses()
    history = model.fit(x, y, batch_size=batch, epochs=epochs, shuffle=False,
                        validation_data=(x, y) if validation else None,
                        callbacks=[logger], verbose=0)
    evaluate = model.evaluate(x, y, batch_size=batch, verbose=0)
    return {
        "name": name,
        "layers": layers,
        "loss": loss,
        "optimizer": optimizer_json(optimizer),
        "x": flat32(x),
        "y": ([int(v) for v in y] if y.dtype.kind == "i" else flat32(y)),
        "label_width": 1 if y.ndim == 1 else int(y.shape[1]),
        "batch_size": batch,
        "epochs": epochs,
        "validation": validation,
        "initial_weights": per_layer(model, weights),
        "predict_initial": flat32(predict_initial),
        "initial_loss": initial_loss,
        "initial_gradients": grads,
        "batch_losses": logger.losses,
        "epoch_losses": [f32(v) for v in history.history["loss"]],
        "val_losses": [f32(v) for v in history.history.get("val_loss", [])],
        "final_weights": per_layer(model, model.get_weights()),
        "predict_final": flat32(model.predict(x, batch_size=batch,
                                              verbose=0)),
        "evaluate_loss": f32(evaluate),
    }


def main():
    keras.utils.set_random_seed(0)
    cases = [run_case(i, *case) for i, case in enumerate(CASES)]
    schedules = []
    for spec, make in SCHEDULES:
        schedule = make()
        schedules.append({"schedule": spec, "steps": SCHEDULE_STEPS,
                          "values": [f32(schedule(s))
                                     for s in SCHEDULE_STEPS]})
    fixture = {
        "generator": "tests/reference/keras_layers_reference.py",
        "keras_version": keras.__version__,
        "backend": keras.backend.backend(),
        "jax_version": jax.__version__,
        "numpy_version": np.__version__,
        "cases": cases,
        "schedules": schedules,
    }
    with open(OUT_PATH, "w") as fh:
        json.dump(fixture, fh, indent=1)
        fh.write("\n")
    print(f"wrote {OUT_PATH}")


if __name__ == "__main__":
    sys.exit(main())
