// The browser benchmark's driver: serves the page, runs every engine in Web Workers of one
// headless Chromium, and writes benches/RESULTS.md. It builds nothing: `make bench` builds the
// two bench_worker variants (target/bench-web/{simd,relaxed}), the release app (dist/) and runs
// the native criterion benchmarks first.
//
//   node benches/browser/run.mjs            (from anywhere)
//   BENCH_REPS=1 BENCH_WORKLOADS=W-A BENCH_ENGINES='mlp-lab simd,tfjs cpu' node benches/browser/run.mjs
//       a quick look at some engines and workloads; it writes RESULTS.md only when it runs them all
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';
import { nativeFigures, sizes } from './figures.mjs';
import { report } from './report.mjs';
import { responsiveness } from './responsiveness.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';
const REPS = Number(process.env.BENCH_REPS ?? 5);
const WORKLOADS = (process.env.BENCH_WORKLOADS ?? 'W-A,W-B,W-C').split(',');
const ONLY = process.env.BENCH_ENGINES?.split(',');
const WRITE = !process.argv.includes('--no-write') && !ONLY;

// `--report target/bench-results.json`: write RESULTS.md again from a run's saved figures
// (after a change to the report's wording), measuring nothing.
const saved = process.argv.indexOf('--report');
if (saved > 0) {
  const { readFile } = await import('node:fs/promises');
  const md = report(JSON.parse(await readFile(resolve(process.argv[saved + 1]), 'utf8')));
  await writeFile(resolve(ROOT, 'benches/RESULTS.md'), md);
  console.log(md);
  process.exit(0);
}

/**
 * Where a TF.js engine fits the first rows of a workload only, to keep `make bench` near 15
 * minutes on a small machine: on this 2-core machine a full W-B fit took TF.js wasm about 30 s,
 * and W-C took its cpu backend about a minute. A step's cost does not depend on how many rows
 * the epoch has, so samples/s stay comparable; RESULTS.md says which rows were cut.
 */
const CUTS = {
  'tfjs wasm 1 thread': { 'W-B': { rows: 5120, epochs: 1 } },
  'tfjs wasm default threads': { 'W-B': { rows: 5120, epochs: 1 } },
  'tfjs cpu': { 'W-B': { rows: 1280, epochs: 1 }, 'W-C': { rows: 10240 } },
};
const PEAK_ITERATIONS = 20_000_000;
// Flops each loop of the ceiling runs a measurement (about 10 ms at 50 GFLOP/s).
const CEILING_FLOPS = 5e8;
const WARM_UP_MS = 1000;
const SETTLE_MS = 300;
// The peak and the products take about 0.1 s a round, so they get more rounds than the fits: on a
// shared machine other jobs disturb some of them, and more rounds give more undisturbed ones.
const GEMM = { size: 256, repeats: 20, rounds: Math.max(REPS, 15), kinds: ['nn', 'tn', 'nt'] };

const log = (...a) => console.log(new Date().toISOString().slice(11, 19), ...a);

function need(path, what) {
  if (!existsSync(resolve(ROOT, path))) {
    console.error(`${path} is missing: ${what} (\`make bench\` builds everything this needs)`);
    process.exit(1);
  }
}

need('target/bench-web/simd/bench_worker.js', 'the simd128 build of bench_worker');
// An earlier commit's simd128 build, timed beside this one when `make bench BASELINE=<commit>`
// built it: the same run, so a change's effect shows on a noisy machine as a ratio.
const BASELINE = 'mlp-lab baseline';
const baselineCommit = existsSync(resolve(ROOT, 'target/bench-web/baseline/COMMIT'))
  ? readFileSync(resolve(ROOT, 'target/bench-web/baseline/COMMIT'), 'utf8').trim()
  : null;
if (!ONLY || ONLY.includes('mlp-lab relaxed')) need('target/bench-web/relaxed/bench_worker.js', 'the relaxed-SIMD build of bench_worker');
need('benches/browser/node_modules/@tensorflow/tfjs/dist/tf.min.js', 'TF.js (`npm ci` in benches/browser)');

const started = new Date();
const loadStart = loadavg();
const server = await serve({
  '/': resolve(HERE, 'page'),
  '/pkg/': resolve(ROOT, 'target/bench-web'),
  '/node_modules/': resolve(HERE, 'node_modules'),
});
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
});

try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => log('page error:', e.message));
  page.on('console', (m) => m.type() === 'error' && log('console error:', m.text()));
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForFunction(() => window.benchReady === true);
  const isolated = await page.evaluate(() => window.bench.crossOriginIsolated);
  const engines = (await page.evaluate(() => window.bench.engines))
    .filter((e) => !ONLY || ONLY.includes(e))
    .filter((e) => e !== BASELINE || baselineCommit);
  const call = (engine, cmd, args) => page.evaluate(([e, c, a]) => window.bench.call(e, c, a), [engine, cmd, args]);

  const info = {};
  for (const engine of engines) {
    info[engine] = await page.evaluate((e) => window.bench.start(e), engine);
    log('started', engine, JSON.stringify(info[engine]));
  }
  const probes = {};
  for (const probe of await page.evaluate(() => window.bench.probes)) {
    probes[probe] = await page.evaluate((e) => window.bench.start(e), probe);
    log('probed', probe, JSON.stringify(probes[probe]));
  }

  // Peak and products, MLP Lab's two builds interleaved.
  const builds = engines.filter((e) => e.startsWith('mlp-lab') && e !== BASELINE);
  const peak = Object.fromEntries(builds.map((b) => [b, { peak: [], ceiling: [], gemm: Object.fromEntries(GEMM.kinds.map((k) => [k, []])) }]));
  for (const b of builds) {
    for (let i = 0; i < 3; i++) await call(b, 'peak', { iterations: PEAK_ITERATIONS / 4 });
    for (let i = 0; i < 3; i++) await call(b, 'ceiling', { flops: CEILING_FLOPS / 4 });
    for (const kind of GEMM.kinds) for (let i = 0; i < 3; i++) await call(b, 'gemm', { kind, size: GEMM.size, repeats: 4 });
  }
  for (let round = 0; round < GEMM.rounds; round++) {
    for (const b of builds) {
      peak[b].peak.push(await call(b, 'peak', { iterations: PEAK_ITERATIONS }));
      peak[b].ceiling.push(await call(b, 'ceiling', { flops: CEILING_FLOPS }));
      for (const kind of GEMM.kinds) peak[b].gemm[kind].push(await call(b, 'gemm', { kind, size: GEMM.size, repeats: GEMM.repeats }));
    }
  }
  for (const b of builds) {
    log(b, 'ceiling GFLOP/s', peak[b].ceiling.map((r) => `${r.gflops.toFixed(1)} (${r.best})`).join(' '));
    log(b, 'peak GFLOP/s', peak[b].peak.map((r) => r.gflops.toFixed(1)).join(' '),
      '| gemm_nn', peak[b].gemm.nn.map((r) => r.gflops.toFixed(1)).join(' '));
  }

  // The workloads: a warm-up fit per engine, then REPS interleaved rounds.
  const runs = Object.fromEntries(WORKLOADS.map((w) => [w, Object.fromEntries(engines.map((e) => [e, []]))]));
  // Warm-up: fits until a second has gone by, so that V8 has tiered the hot wasm functions up
  // from its baseline compiler (Liftoff) to TurboFan before anything is timed.
  for (const w of WORKLOADS) {
    for (const engine of engines) {
      const times = [];
      do {
        times.push((await call(engine, 'train', { workload: w, cut: CUTS[engine]?.[w] })).fit_ms);
      } while (times.reduce((a, b) => a + b) < WARM_UP_MS);
      log('warm-up', w, engine, `${times.length} fits:`, times.length > 4 ? `${times[0].toFixed(1)} … ${times.at(-1).toFixed(1)} ms` : times.map((t) => `${t.toFixed(1)} ms`).join(' '));
    }
  }
  // Each round starts one engine further on, so that no engine always follows the same one;
  // a pause before each fit lets the previous engine's worker finish its garbage collection
  // (TF.js leaves plenty) instead of competing with the next fit for the machine's cores.
  for (let rep = 0; rep < REPS; rep++) {
    const order = engines.map((_, i) => engines[(i + rep) % engines.length]);
    for (const w of WORKLOADS) {
      for (const engine of order) {
        await new Promise((done) => setTimeout(done, SETTLE_MS));
        const r = await call(engine, 'train', { workload: w, cut: CUTS[engine]?.[w] });
        runs[w][engine].push(r);
        log(`rep ${rep + 1}/${REPS}`, w, engine, `${r.fit_ms.toFixed(1)} ms`, `${r.steps} steps`, `loss ${r.loss.toFixed(4)}`);
      }
    }
  }

  // The new layers' cost, on MLP Lab's builds only: W-A and W-B plain and with each layer
  // variant (data.js), warmed up, then REPS interleaved rounds, so that each variant's time is
  // compared with the plain fit measured beside it.
  const layerWorkloads = WORKLOADS.filter((w) => w === 'W-A' || w === 'W-B');
  const variants = builds.length ? await call(builds[0], 'variants', {}) : {};
  const shapes = builds.length ? await call(builds[0], 'shapes', {}) : {};
  const layerCost = Object.fromEntries(layerWorkloads.map((w) => [w, Object.fromEntries(builds.map((b) => [b, { plain: [] }]))]));
  for (const w of layerWorkloads) {
    for (const b of builds) {
      for (const v of Object.keys(variants)) {
        layerCost[w][b][v] = [];
        await call(b, 'train', { workload: `${w}+${v}` });
      }
    }
  }
  for (let rep = 0; rep < REPS; rep++) {
    for (const w of layerWorkloads) {
      for (const b of builds) {
        for (const v of ['plain', ...Object.keys(variants)]) {
          await new Promise((done) => setTimeout(done, SETTLE_MS));
          const r = await call(b, 'train', { workload: v === 'plain' ? w : `${w}+${v}` });
          layerCost[w][b][v].push(r);
          log(`layers ${rep + 1}/${REPS}`, w, b, v, `${r.fit_ms.toFixed(1)} ms`, `loss ${r.loss.toFixed(4)}`);
        }
      }
    }
  }

  // Where a step's time goes, on MLP Lab's builds: each workload's fit with its parts timed
  // (after the fits above, so warm), REPS rounds.
  const profiles = Object.fromEntries(WORKLOADS.map((w) => [w, Object.fromEntries(builds.map((b) => [b, []]))]));
  for (let rep = 0; rep < REPS; rep++) {
    for (const w of WORKLOADS) {
      for (const b of builds) {
        await new Promise((done) => setTimeout(done, SETTLE_MS));
        const r = await call(b, 'profile', { workload: w });
        profiles[w][b].push(r);
        log(`profile ${rep + 1}/${REPS}`, w, b, r.parts.map(([p, ms]) => `${p} ${ms.toFixed(1)}`).join(', '), `of ${r.fit_ms.toFixed(1)} ms`);
      }
    }
  }

  // One fit on several workers (the app's data parallelism), on MLP Lab's builds: W-B and W-C
  // on 1 to every core's worker count, beside the same build's fit on one worker alone, warmed
  // up, then REPS interleaved rounds.
  const cores = await page.evaluate(() => window.bench.cores);
  // An exchange holds 8 replicas at most (src/worker/exchange.rs, MAX_REPLICAS).
  const counts = Array.from({ length: Math.min(Math.max(cores, 2), 8) }, (_, i) => i + 1);
  const scaleWorkloads = WORKLOADS.filter((w) => w === 'W-B' || w === 'W-C');
  const scaling = Object.fromEntries(scaleWorkloads.map((w) => [w, Object.fromEntries(builds.map((b) => [b, { alone: [], ...Object.fromEntries(counts.map((n) => [n, []])) }]))]));
  const parallel = (b, w, n) => page.evaluate(([v, w, n]) => window.bench.parallel(v, w, n), [info[b].engine.replace('mlp-lab ', ''), w, n]);
  for (const w of scaleWorkloads) for (const b of builds) for (const n of counts) await parallel(b, w, n);
  for (let rep = 0; rep < REPS; rep++) {
    for (const w of scaleWorkloads) {
      for (const b of builds) {
        await new Promise((done) => setTimeout(done, SETTLE_MS));
        const alone = await call(b, 'train', { workload: w });
        scaling[w][b].alone.push(alone);
        const line = [`alone ${alone.fit_ms.toFixed(1)} ms`];
        for (const n of counts) {
          await new Promise((done) => setTimeout(done, SETTLE_MS));
          const replicas = await parallel(b, w, n);
          // The fit took as long as its slowest replica.
          const r = { ...replicas[0], fit_ms: Math.max(...replicas.map((x) => x.fit_ms)), losses: replicas.map((x) => x.loss) };
          scaling[w][b][n].push(r);
          line.push(`${n} workers ${r.fit_ms.toFixed(1)} ms (loss ${r.loss.toFixed(4)})`);
        }
        log(`scaling ${rep + 1}/${REPS}`, w, b, line.join(', '));
      }
    }
  }

  // The wasm backends' thread pools after their fits (XNNPACK may start threads on first use).
  for (const engine of engines.filter((e) => e.startsWith('tfjs wasm'))) {
    info[engine].after = await call(engine, 'threads', {});
  }

  // The page's main thread while the app trains (the release app in dist/, a fresh page each
  // run), long frames with their causes: a whole run only.
  let pageResponsiveness = null;
  if (!ONLY && existsSync(resolve(ROOT, 'dist/index.html'))) {
    log('responsiveness: the release app, cold, while it trains');
    pageResponsiveness = await responsiveness();
  }

  const browserVersion = browser.version();
  const results = {
    started: started.toISOString(),
    finished: new Date().toISOString(),
    machine: { cpu: cpuModel(), mhz: cpuMhz(), cores: cpus().length, loadStart, loadEnd: loadavg() },
    browser: `Chromium ${browserVersion} (headless, ${CHROMIUM})`,
    crossOriginIsolated: isolated,
    commit: git(['rev-parse', '--short', 'HEAD']),
    baselineCommit,
    kernelsDirty: git(['status', '--porcelain', 'src/nn']) !== '',
    info,
    probes,
    reps: REPS,
    settleMs: SETTLE_MS,
    cuts: CUTS,
    gemmConfig: GEMM,
    peak,
    runs,
    variants,
    shapes,
    profiles,
    layerCost,
    scaling,
    cores,
    responsiveness: pageResponsiveness,
    sizes: await sizes(ROOT),
    native: await nativeFigures(ROOT),
  };
  await writeFile(resolve(ROOT, 'target/bench-results.json'), JSON.stringify(results, null, 2));
  const md = report(results);
  console.log(`\n${md}`);
  if (WRITE) {
    await writeFile(resolve(ROOT, 'benches/RESULTS.md'), md);
    log('wrote benches/RESULTS.md (raw figures: target/bench-results.json)');
  }
} finally {
  await browser.close();
  server.close();
}

function cpuModel() {
  return cpus()[0]?.model ?? 'unknown';
}

/** The clock Linux reports for the first core (`cpu MHz` in /proc/cpuinfo), or null. */
function cpuMhz() {
  try {
    const mhz = readFileSync('/proc/cpuinfo', 'utf8').match(/^cpu MHz\s*:\s*([\d.]+)/m);
    return mhz ? Number(mhz[1]) : null;
  } catch {
    return null;
  }
}

function git(args) {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

