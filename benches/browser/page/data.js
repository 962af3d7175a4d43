// The workloads and their data: the same seeded rows for every engine.
//
// A classic script (loaded with importScripts by every worker): it defines self.Bench.
// Features are uniform in [-1, 1) from mulberry32; a binary label is whether a fixed random
// projection of the row is positive, a class the argmax of ten such projections, so both engines
// have something to learn and their final losses can be compared.
'use strict';

self.Bench = (() => {
  /** The three workloads: Adam (Keras defaults), shuffle on, no validation. */
  const WORKLOADS = {
    'W-A': {
      title: 'W-A seed: 10→64 relu→1 sigmoid, 800 rows, batch 32, 10 epochs',
      inputs: 10,
      layers: [
        { units: 64, activation: 'relu' },
        { units: 1, activation: 'sigmoid' },
      ],
      loss: 'binary_crossentropy',
      rows: 800,
      batch_size: 32,
      epochs: 10,
      seed: 42,
    },
    'W-B': {
      title: 'W-B: 784→256 relu→128 relu→10 softmax, 10,000 rows, batch 128, 2 epochs',
      inputs: 784,
      layers: [
        { units: 256, activation: 'relu' },
        { units: 128, activation: 'relu' },
        { units: 10, activation: 'softmax' },
      ],
      loss: 'categorical_crossentropy',
      rows: 10000,
      batch_size: 128,
      epochs: 2,
      seed: 42,
    },
    'W-C': {
      title: 'W-C: 30→128 relu→64 relu→1 sigmoid, 100,000 rows, batch 256, 1 epoch',
      inputs: 30,
      layers: [
        { units: 128, activation: 'relu' },
        { units: 64, activation: 'relu' },
        { units: 1, activation: 'sigmoid' },
      ],
      loss: 'binary_crossentropy',
      rows: 100000,
      batch_size: 256,
      epochs: 1,
      seed: 42,
    },
  };

  /** mulberry32: a small seeded generator of uniform floats in [0, 1). */
  function mulberry32(seed) {
    let a = seed >>> 0;
    return () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  /** x (rows × inputs) and y (rows × outputs, 0/1 or one-hot), row-major Float32Arrays. */
  function generate(w) {
    const random = mulberry32(w.seed);
    const outputs = w.layers[w.layers.length - 1].units;
    const classes = outputs === 1 ? 1 : outputs;
    const proj = new Float32Array(w.inputs * classes).map(() => random() * 2 - 1);
    const x = new Float32Array(w.rows * w.inputs);
    const y = new Float32Array(w.rows * outputs);
    const score = new Float64Array(classes);
    for (let r = 0; r < w.rows; r++) {
      score.fill(0);
      for (let j = 0; j < w.inputs; j++) {
        const v = random() * 2 - 1;
        x[r * w.inputs + j] = v;
        for (let c = 0; c < classes; c++) score[c] += v * proj[j * classes + c];
      }
      if (outputs === 1) {
        y[r] = score[0] > 0 ? 1 : 0;
      } else {
        let best = 0;
        for (let c = 1; c < classes; c++) if (score[c] > score[best]) best = c;
        y[r * outputs + best] = 1;
      }
    }
    return { x, y, checksum: checksum(x) + checksum(y) };
  }

  /** An order-sensitive digest, so that the page can check every engine got the same rows. */
  function checksum(a) {
    let s = 0;
    for (let i = 0; i < a.length; i += 97) s = (s * 31 + Math.round(a[i] * 1e6)) % 1000000007;
    return s;
  }

  /**
   * The new layers' cost: a workload named `W-A+dropout` is W-A with a Dropout(0.3) after each
   * hidden Dense layer; `+batch_norm` puts a BatchNormalization() there instead, `+l2` gives each
   * Dense layer an L2(0.001) kernel regularizer. Same rows, same steps.
   */
  const VARIANTS = {
    dropout: {
      label: 'Dropout(0.3) after each hidden layer',
      layers: (ls) => ls.flatMap((l, i) => (i < ls.length - 1 ? [l, { dropout: 0.3 }] : [l])),
    },
    batch_norm: {
      label: 'BatchNormalization() after each hidden layer',
      layers: (ls) => ls.flatMap((l, i) => (i < ls.length - 1 ? [l, { batch_norm: {} }] : [l])),
    },
    l2: {
      label: 'L2(0.001) on every kernel',
      layers: (ls) => ls.map((l) => ({ ...l, l2: 0.001 })),
    },
  };

  const cache = new Map();

  /**
   * The workload `name`, optionally cut to its first `rows` rows and `epochs` epochs (the cpu
   * backend's W-B, which would take minutes otherwise); the data is made once per worker.
   */
  function workload(fullName, cut = {}) {
    const [name, variant] = fullName.split('+');
    let base = WORKLOADS[name];
    if (!base) throw new Error(`no workload ${name}: the workloads are ${Object.keys(WORKLOADS).join(', ')}`);
    if (variant !== undefined) {
      const v = VARIANTS[variant];
      if (!v) throw new Error(`no variant ${variant}: the variants are ${Object.keys(VARIANTS).join(', ')}`);
      base = { ...base, title: `${base.title} + ${v.label}`, layers: v.layers(base.layers) };
    }
    if (!cache.has(name)) cache.set(name, generate(base));
    const full = cache.get(name);
    const w = { ...base, ...cut };
    const outputs = base.layers[base.layers.length - 1].units;
    const x = w.rows === base.rows ? full.x : full.x.subarray(0, w.rows * base.inputs);
    const y = w.rows === base.rows ? full.y : full.y.subarray(0, w.rows * outputs);
    return { spec: w, x, y, checksum: full.checksum };
  }

  return { WORKLOADS, VARIANTS, workload };
})();
