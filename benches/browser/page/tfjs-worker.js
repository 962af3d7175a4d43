// TensorFlow.js 4.22 in a Web Worker, on one backend (a backend is global to its worker).
'use strict';
importScripts(
  '/node_modules/@tensorflow/tfjs/dist/tf.min.js',
  '/node_modules/@tensorflow/tfjs-backend-wasm/dist/tf-backend-wasm.min.js',
  'rpc.js',
  'data.js',
);

const LOSSES = { binary_crossentropy: 'binaryCrossentropy', categorical_crossentropy: 'categoricalCrossentropy' };

/** XNNPACK's pool size, and the Emscripten pthread workers behind it (wasm backend only). */
function pool() {
  if (tf.getBackend() !== 'wasm') return { threads: 1 };
  const pthreads = tf.backend().wasm.PThread;
  return {
    threads: tf.wasm.getThreadsCount(),
    pthreadWorkers: pthreads ? pthreads.runningWorkers.length + pthreads.unusedWorkers.length : 0,
    pthreadsRunning: pthreads ? pthreads.runningWorkers.length : 0,
  };
}

self.answer({
  /**
   * Sets the backend: `cpu`, or `wasm` with `threads` 1, `default` (XNNPACK's thread pool at
   * TF.js' default size) or `all` (navigator.hardwareConcurrency); threads need a cross-origin
   * isolated page. Reports what it really got.
   */
  async init({ backend, threads }) {
    if (backend === 'wasm') {
      tf.wasm.setWasmPaths('/node_modules/@tensorflow/tfjs-backend-wasm/dist/');
      if (threads === 'all') tf.wasm.setThreadsCount(navigator.hardwareConcurrency);
      else if (threads !== 'default') tf.wasm.setThreadsCount(threads);
    }
    if (!(await tf.setBackend(backend))) throw new Error(`TF.js could not start its ${backend} backend`);
    await tf.ready();
    return {
      engine: `tfjs ${backend}`,
      version: tf.version.tfjs,
      backend: tf.getBackend(),
      simd: backend === 'wasm' ? await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT') : false,
      multithread: backend === 'wasm' ? await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT') : false,
      crossOriginIsolated: self.crossOriginIsolated,
      hardwareConcurrency: navigator.hardwareConcurrency,
      binary: performance
        .getEntriesByType('resource')
        .map((e) => e.name.split('/').at(-1))
        .filter((n) => n.endsWith('.wasm')),
      ...pool(),
    };
  },

  /** The thread pool as it is now (after fits: XNNPACK starts its threads on first use). */
  threads: pool,

  /**
   * One timed `model.fit` of a workload on a fresh model: the same layers, glorot_uniform
   * kernels, Adam with Keras' defaults, the accuracy metric as MLP Lab computes it.
   */
  async train({ workload, cut }) {
    const { spec, x, y, checksum } = self.Bench.workload(workload, cut);
    const outputs = spec.layers[spec.layers.length - 1].units;
    const model = tf.sequential();
    spec.layers.forEach((l, i) =>
      model.add(
        tf.layers.dense({
          units: l.units,
          activation: l.activation,
          kernelInitializer: tf.initializers.glorotUniform({ seed: spec.seed + i }),
          ...(i === 0 ? { inputShape: [spec.inputs] } : {}),
        }),
      ),
    );
    const optimizer = tf.train.adam(0.001, 0.9, 0.999, 1e-7);
    model.compile({ optimizer, loss: LOSSES[spec.loss], metrics: ['accuracy'] });
    const xs = tf.tensor2d(x, [spec.rows, spec.inputs]);
    const ys = tf.tensor2d(y, [spec.rows, outputs]);
    const start = performance.now();
    const history = await model.fit(xs, ys, {
      batchSize: spec.batch_size,
      epochs: spec.epochs,
      shuffle: true,
      yieldEvery: 'never',
      verbose: 0,
    });
    const fit_ms = performance.now() - start;
    tf.dispose([xs, ys]);
    model.dispose();
    optimizer.dispose(); // its moments: model.dispose() keeps them
    return {
      fit_ms,
      steps: spec.epochs * Math.ceil(spec.rows / spec.batch_size),
      rows: spec.rows,
      epochs: history.epoch.length,
      loss: history.history.loss.at(-1),
      checksum,
      batch_size: spec.batch_size,
      tensors: tf.memory().numTensors,
    };
  },
});
