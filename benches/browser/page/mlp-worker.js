// MLP Lab's trainer in a Web Worker: the bench_worker wasm (a simd128 or a relaxed-SIMD build).
'use strict';
importScripts('rpc.js', 'data.js');

let lab;

self.answer({
  /** Loads the build `variant` (`simd`, `relaxed` or `baseline`) from /pkg/<variant>/. */
  async init({ variant }) {
    lab = await import(`/pkg/${variant}/bench_worker.js`);
    await lab.default();
    return { engine: `mlp-lab ${variant}`, crossOriginIsolated: self.crossOriginIsolated, threads: 1 };
  },

  /** One timed fit of a workload: the fit's own clock, read inside the wasm module. */
  train({ workload, cut }) {
    const { spec, x, y, checksum } = self.Bench.workload(workload, cut);
    const timing = JSON.parse(lab.train(x, y, JSON.stringify(spec)));
    return { ...timing, checksum, batch_size: spec.batch_size, title: spec.title };
  },

  /** A shared buffer for `count` replicas of a workload's fit (see `replica`). */
  buffer({ workload, count }) {
    const { spec } = self.Bench.workload(workload);
    return lab.replica_buffer(JSON.stringify(spec), count);
  },

  /**
   * One timed fit of a workload as replica `index` of `count`, each in a worker of its own,
   * exchanging gradients through `buffer` as the app's workers do; returns when the fit ends.
   */
  replica({ workload, buffer, index, count }) {
    const { spec, x, y, checksum } = self.Bench.workload(workload);
    const timing = JSON.parse(lab.train_replica(x, y, JSON.stringify(spec), buffer, index, count));
    return { ...timing, checksum, index, count };
  },

  /** A fit of a workload with each part of its steps timed (the products, the rest of the passes, the loss, the update, the batch's copy). */
  profile({ workload }) {
    const { spec, x, y } = self.Bench.workload(workload);
    return JSON.parse(lab.profile(x, y, JSON.stringify(spec)));
  },

  /** Each workload's inputs and layers' units, for the products' flops a sample. */
  shapes() {
    return Object.fromEntries(Object.entries(self.Bench.WORKLOADS).map(([name, w]) => [name, [w.inputs, ...w.layers.map((l) => l.units)]]));
  },

  /** The layer variants (`W-A+dropout`, …) and what each adds. */
  variants() {
    return Object.fromEntries(Object.entries(self.Bench.VARIANTS).map(([name, v]) => [name, v.label]));
  },

  peak({ iterations }) {
    return JSON.parse(lab.peak_f32x4(iterations, 0.999999, 1e-6));
  },

  ceiling({ flops }) {
    return JSON.parse(lab.ceiling_f32x4(flops, 1, 0));
  },

  gemm({ kind, size, repeats }) {
    return JSON.parse(lab.gemm(kind, size, repeats));
  },
});
