// The page: one Web Worker per engine, each driven by calls from run.mjs (window.bench).

/** The engines, each in a worker of its own: its name, script and init arguments. */
const ENGINES = {
  'mlp-lab simd': { script: 'mlp-worker.js', init: { variant: 'simd' } },
  'mlp-lab relaxed': { script: 'mlp-worker.js', init: { variant: 'relaxed' } },
  // An earlier commit's simd128 build (`make bench BASELINE=<commit>`), when there is one.
  'mlp-lab baseline': { script: 'mlp-worker.js', init: { variant: 'baseline' } },
  'tfjs wasm 1 thread': { script: 'tfjs-worker.js', init: { backend: 'wasm', threads: 1 } },
  'tfjs wasm default threads': { script: 'tfjs-worker.js', init: { backend: 'wasm', threads: 'default' } },
  'tfjs cpu': { script: 'tfjs-worker.js', init: { backend: 'cpu' } },
};

/**
 * Started only to see what TF.js makes of a thread count asked explicitly
 * (navigator.hardwareConcurrency): no fits are timed on it.
 */
const PROBES = {
  'tfjs wasm all cores': { script: 'tfjs-worker.js', init: { backend: 'wasm', threads: 'all' } },
};

/** A worker answering calls in order (see rpc.js). */
class Remote {
  constructor(script) {
    this.worker = new Worker(script);
    this.pending = new Map();
    this.next = 0;
    this.worker.onmessage = ({ data }) => {
      const { resolve, reject } = this.pending.get(data.id);
      this.pending.delete(data.id);
      data.ok ? resolve(data.result) : reject(new Error(data.error));
    };
    this.worker.onerror = (e) => {
      for (const { reject } of this.pending.values()) reject(new Error(`worker ${script} failed: ${e.message}`));
      this.pending.clear();
    };
  }

  call(cmd, args = {}) {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, cmd, args });
    });
  }
}

const remotes = new Map();

window.bench = {
  engines: Object.keys(ENGINES),
  probes: Object.keys(PROBES),
  crossOriginIsolated: self.crossOriginIsolated,

  /** Starts an engine's worker; resolves to what it reports of itself. */
  async start(engine) {
    const { script, init } = ENGINES[engine] ?? PROBES[engine];
    const remote = new Remote(script);
    remotes.set(engine, remote);
    return remote.call('init', init);
  },

  /** Calls `cmd` on a started engine's worker. */
  call(engine, cmd, args) {
    return remotes.get(engine).call(cmd, args);
  },

  /**
   * One fit of `workload` on `count` workers of MLP Lab's build `variant` (workers of their own,
   * started once and kept), as the app shares a fit out: resolves to every replica's timing.
   */
  async parallel(variant, workload, count) {
    const pool = (pools[variant] ??= []);
    while (pool.length < count) {
      const remote = new Remote('mlp-worker.js');
      await remote.call('init', { variant });
      pool.push(remote);
    }
    const buffer = await pool[0].call('buffer', { workload, count });
    return Promise.all(pool.slice(0, count).map((r, index) => r.call('replica', { workload, buffer, index, count })));
  },

  cores: navigator.hardwareConcurrency,
};

/** Workers for `bench.parallel`, by build. */
const pools = {};
window.benchReady = true;
