// benches/RESULTS.md from run.mjs' measurements: medians and ranges, ratios, targets.

const OURS = 'mlp-lab simd';
const SIZE_LIMIT = 600_000; // bytes gzipped, the app and the worker it loads together ("600 KB")

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const min = (xs) => Math.min(...xs);
const max = (xs) => Math.max(...xs);

/** A number with 3 significant figures at least, and thousands separators. */
function num(x) {
  if (!Number.isFinite(x)) return String(x);
  const digits = Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 10 ? 1 : 2;
  return x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
const spread = (xs) => `${num(median(xs))} (${num(min(xs))}–${num(max(xs))})`;
const pass = (ok) => (ok ? '**pass**' : '**FAIL**');

/**
 * The products' flops a sample of a dense stack `[inputs, units…]`: forward `x · W` (2·in·out a
 * layer), backward `dW = xᵀ · dz` (2·in·out) and `dx = dz · Wᵀ` (2·in·out, but for the first
 * layer, whose input needs no gradient). Activations, losses and the optimizer are left out.
 */
export function productFlops(shape) {
  const layers = shape.slice(1).map((out, i) => shape[i] * out);
  return layers.reduce((sum, inOut, i) => sum + (i === 0 ? 4 : 6) * inOut, 0);
}

/** Per run: µs a step and samples a second. */
function rates(runs) {
  return {
    usPerStep: runs.map((r) => (r.fit_ms * 1000) / r.steps),
    samplesPerS: runs.map((r) => (r.rows * r.epochs) / (r.fit_ms / 1000)),
    loss: runs.map((r) => r.loss),
  };
}

export function report(res) {
  const engines = Object.keys(res.info);
  const workloads = Object.keys(res.runs);
  const ours = (w) => rates(res.runs[w][OURS]);
  const lines = [];
  const out = (s = '') => lines.push(s);

  out('# MLP Lab · browser benchmark');
  out();
  out(`Written by \`make bench\` (\`benches/browser/run.mjs\`) from the run of ${res.started.replace('T', ' ').slice(0, 16)} to ${res.finished.slice(11, 16)} UTC. Every figure below was measured in that run.`);
  out();
  out(`- Machine: ${res.machine.cpu}, ${res.machine.cores} logical cores (shared with other jobs: load average ${res.machine.loadStart.map((l) => l.toFixed(2)).join(', ')} at the start, ${res.machine.loadEnd.map((l) => l.toFixed(2)).join(', ')} at the end)`);
  out(`- Browser: ${res.browser}; page cross-origin isolated: ${res.crossOriginIsolated}`);
  const tf = Object.values(res.info).find((i) => i.version);
  out(`- TensorFlow.js ${tf?.version ?? '?'} (\`@tensorflow/tfjs\`, \`@tensorflow/tfjs-backend-wasm\`); threads each backend reported from inside its worker: ${engines.filter((e) => e.startsWith('tfjs')).map((e) => `${e}: ${res.info[e].threads}`).join(', ')} (navigator.hardwareConcurrency ${tf?.hardwareConcurrency ?? '?'})`);
  out(`- MLP Lab at commit ${res.commit}${res.kernelsDirty ? ' with uncommitted changes in src/nn/' : ''}: \`bench_worker\` built twice, like the app's two workers: \`+simd128\`, and with the crate feature \`relaxed-simd\` (fused multiply-adds in the products)`);
  if (res.baselineCommit) {
    out(`- \`mlp-lab baseline\`: the simd128 \`bench_worker\` of commit ${res.baselineCommit} (\`make bench BASELINE=${res.baselineCommit}\`), timed in the same rounds on the same rows: its ratio is this commit's simd build ÷ that one (above 1, this commit is faster)`);
  }
  out();
  out('Each engine runs in a Web Worker of its own in the same page, on the same seeded rows (a checksum of them is compared), with the same layers, glorot_uniform kernels, Adam (lr 0.001, β₁ 0.9, β₂ 0.999, ε 1e-7), shuffling each epoch, no validation, and the accuracy metric. Warm-up fits per engine and workload until a second has gone by (so that V8 has tiered the hot wasm up to TurboFan), then ' +
    `${res.reps} rounds, each running every workload on every engine in turn${res.settleMs ? ` (each round starting one engine further on, with a pause of ${res.settleMs} ms before each fit so that the previous engine's garbage collection does not run into it)` : ''}. A fresh model each fit; the clock covers the fit only (MLP Lab: \`Training::new\` to the last step; TF.js: \`await model.fit(…, {yieldEvery: 'never'})\`). Figures are medians, with the range (min–max) of the ${res.reps} fits in brackets. The ratio is MLP Lab (simd) samples/s ÷ the engine's samples/s: above 1, MLP Lab is faster.`);
  out();

  // Targets.
  const has = (w) => workloads.includes(w);
  const aUs = has('W-A') && median(ours('W-A').usPerStep);
  const bSps = has('W-B') && median(ours('W-B').samplesPerS);
  const cSps = has('W-C') && median(ours('W-C').samplesPerS);
  const peakOf = (b) => median(res.peak[b].peak.map((r) => r.gflops));
  const gemmOf = (b, k) => median(res.peak[b].gemm[k].map((r) => r.gflops));
  const ratios = {};
  for (const w of workloads) {
    for (const e of engines.filter((e) => e.startsWith('tfjs'))) {
      ratios[`${w} ${e}`] = median(ours(w).samplesPerS) / median(rates(res.runs[w][e]).samplesPerS);
    }
  }
  const behind = Object.entries(ratios).filter(([, r]) => r <= 1);
  // A browser loads the app and one of the two workers (the relaxed one where relaxed SIMD
  // validates): the budget holds for the larger pair.
  const worker = res.sizes.error ? null : [res.sizes.worker, res.sizes.worker_relaxed].reduce((a, b) => (b.gzip > a.gzip ? b : a));
  const gz = res.sizes.error ? NaN : res.sizes.app.gzip + worker.gzip;
  out('## Targets');
  out();
  out('Pass or fail is judged on the median of MLP Lab\'s plain simd128 build (the `worker` every SIMD browser can run), the GEMM share on the best measurements (see its row); the best fit is shown beside each, since other jobs shared the machine. The page starts the relaxed build (`worker_relaxed`, fused multiply-adds) where relaxed SIMD validates, as in this Chromium: its figures are the `mlp-lab relaxed` rows.');
  out();
  out('| target | measured (MLP Lab simd, median) | best fit | |');
  out('|---|---|---|---|');
  if (has('W-A')) out(`| W-A ≤ 30 µs a step | ${num(aUs)} µs | ${num(min(ours('W-A').usPerStep))} µs | ${pass(aUs <= 30)} |`);
  if (has('W-B')) out(`| W-B ≥ 10,000 samples/s | ${num(bSps)} samples/s | ${num(max(ours('W-B').samplesPerS))} samples/s | ${pass(bSps >= 10000)} |`);
  if (has('W-C')) out(`| W-C ≥ 100,000 samples/s on one worker | ${num(cSps)} samples/s | ${num(max(ours('W-C').samplesPerS))} samples/s | ${pass(cSps >= 100000)} |`);
  // The ceiling and the products are short loops: on a shared machine their best measurements
  // are the least disturbed. The ceiling is the best loop of the best round; a product's share
  // is its best measurement over it.
  const ceilingOf = (b) => (res.peak[b].ceiling?.length ? max(res.peak[b].ceiling.map((r) => r.gflops)) : NaN);
  const bestOf = (b, k) => max(res.peak[b].gemm[k].map((r) => r.gflops));
  const shares = Object.keys(res.peak).flatMap((b) => ['nn', 'tn', 'nt'].map((k) => [b, k, bestOf(b, k) / ceilingOf(b)]));
  const failed = shares.filter(([, , x]) => x > 1);
  const low = shares.filter(([, , x]) => x < 0.85);
  out(`| gemm_nn, gemm_tn and gemm_nt at 256³ each ≥ 85% of its build's f32x4 ceiling (best ÷ ceiling) | ${shares.map(([b, k, x]) => `${b.replace('mlp-lab ', '')} ${k} ${num(x * 100)}%`).join(', ')}${failed.length ? `; above 100%, a failed measurement: ${failed.map(([b, k]) => `${b} ${k}`).join(', ')}` : ''} | | ${pass(!failed.length && !low.length && shares.length > 0)} |`);
  if (res.profiles?.['W-B']?.[OURS]?.length) {
    const fits = res.profiles['W-B'][OURS];
    const rest = median(fits.map((f) => 1 - f.parts.find(([p]) => p === 'products')[1] / f.parts.reduce((sum, [, ms]) => sum + ms, 0)));
    out(`| W-B: the work besides the products under 10% of a step | ${num(rest * 100)}% | | ${pass(rest < 0.1)} |`);
  }
  out(`| ahead of every TF.js backend on every workload | ${behind.length === 0 ? `lowest ratio of medians ${num(min(Object.values(ratios)))}` : `behind on ${behind.map(([k, r]) => `${k} (${num(r)})`).join(', ')}`} | | ${pass(behind.length === 0)} |`);
  if (res.responsiveness) {
    const worstMedians = res.responsiveness.results.map((sc) => [sc.scenario, median(sc.runs.map((x) => x.worst))]);
    const over = worstMedians.filter(([, w]) => w > res.responsiveness.budget_ms);
    out(`| the page's main thread: no frame over ${res.responsiveness.budget_ms} ms while training (median of runs, each scenario) | ${over.length ? over.map(([n, w]) => `${n}: ${num(w)} ms`).join('; ') : `worst ${num(max(worstMedians.map(([, w]) => w)))} ms`} | | ${pass(over.length === 0)} |`);
  }
  // One fit on two workers against the same build's fit alone, medians of the same rounds.
  const speedup = (w, b, n) => median(res.scaling[w][b].alone.map((r) => r.fit_ms)) / median(res.scaling[w][b][n].map((r) => r.fit_ms));
  for (const w of Object.keys(res.scaling ?? {}).filter((w) => res.scaling[w][OURS]?.[2]?.length)) {
    const x = speedup(w, OURS, 2);
    out(`| ${w} on 2 workers ≥ 1.6× one worker (fit time alone ÷ on 2 workers) | ${num(x)}× | | ${pass(x >= 1.6)} |`);
  }
  out(`| app + worker wasm (the larger of the two workers) ≤ 600 KB gzipped | ${res.sizes.error ?? `${num(gz / 1000)} KB (${gz.toLocaleString('en-US')} bytes; 600 KB read as 600,000 bytes)`} | | ${pass(gz <= SIZE_LIMIT)} |`);
  out();

  // Workloads.
  for (const w of workloads) {
    const first = res.runs[w][OURS][0];
    out(`## ${w}`);
    out();
    out(`${first ? `${first.rows.toLocaleString('en-US')} rows × ${first.epochs} epoch${first.epochs > 1 ? 's' : ''}, batch ${first.batch_size}, ${first.steps} steps a fit.` : ''}${Object.keys(res.cuts).some((e) => res.cuts[e][w]) ? ' A cut fit takes fewer steps, so its final loss is not comparable; its µs a step and samples/s are.' : ''}`);
    out();
    out('| engine | µs a step | samples/s | MLP Lab (simd) ÷ engine | final loss | note |');
    out('|---|---|---|---|---|---|');
    for (const e of engines) {
      const runs = res.runs[w][e];
      const r = rates(runs);
      const cut = res.cuts[e]?.[w];
      const note = cut ? `cut to the first ${runs[0].rows.toLocaleString('en-US')} rows × ${runs[0].epochs} epoch${runs[0].epochs > 1 ? 's' : ''} (${runs[0].steps} steps)` : '';
      const ratio = e === OURS ? '1' : num(median(ours(w).samplesPerS) / median(r.samplesPerS));
      out(`| ${e} | ${spread(r.usPerStep)} | ${spread(r.samplesPerS)} | ${ratio} | ${num(median(r.loss))} | ${note} |`);
    }
    out();
  }

  // The new layers' cost.
  if (res.layerCost && Object.keys(res.layerCost).length) {
    const variants = Object.entries(res.variants);
    out('## What each layer costs');
    out();
    out(`MLP Lab's two builds only: each workload plain and with one kind of layer added (${variants.map(([, label]) => label).join('; ')}), ${res.reps} interleaved rounds after a warm-up fit of each, the plain fit measured in the same rounds. Medians of µs a step, with the range; the ratio is the variant's time over the plain fit's (1.10: 10% slower).`);
    out();
    out(`| workload | build | plain | ${variants.map(([, label]) => label).join(' | ')} |`);
    out(`|---|---|---|${variants.map(() => '---|').join('')}`);
    for (const [w, builds] of Object.entries(res.layerCost)) {
      for (const [b, byVariant] of Object.entries(builds)) {
        const us = (v) => rates(byVariant[v]).usPerStep;
        const plain = median(us('plain'));
        const cells = variants.map(([v]) => `${spread(us(v))} (×${(median(us(v)) / plain).toFixed(2)})`);
        out(`| ${w} | ${b} | ${spread(us('plain'))} | ${cells.join(' | ')} |`);
      }
    }
    out();
  }

  // The page's main thread.
  if (res.responsiveness) {
    const r = res.responsiveness;
    out(`## The page's main thread while it trains (budget ${r.budget_ms} ms a frame)`);
    out();
    out(`The release app (dist/) served on localhost, a fresh page each run (cold), ${r.rounds} runs of each scenario while the worker trains; every animation frame over ${r.budget_ms} ms is counted, with its cause from the long-animation-frame API (scripts by invoker, forced layout, rendering). The end-to-end tests allow a wider margin, for a loaded machine; this is where the budget is measured.`);
    out();
    out(`| scenario | worst frame, median of runs (range) | frames over ${r.budget_ms} ms, per run | the longest frame's cause |`);
    out('|---|---|---|---|');
    for (const sc of r.results) {
      const worst = sc.runs.map((x) => x.worst);
      const longest = sc.runs.reduce((a, b) => (b.worst > a.worst ? b : a));
      const cause = longest.causes.find((c) => c.startsWith(`${longest.worst} ms`)) ?? (longest.over ? longest.causes[0] : 'none over budget');
      out(`| ${sc.scenario} | ${spread(worst)} ms | ${sc.runs.map((x) => x.over).join(', ')} | ${cause.replaceAll('|', '\\|')} |`);
    }
    out();
  }

  // Ceiling and products.
  out(`## The f32x4 ceiling and the products (${res.gemmConfig.size}³, ${res.gemmConfig.repeats} products a measurement, ${res.gemmConfig.rounds} rounds of the builds in turn)`);
  out();
  out('The ceiling is what nothing this wasm runs should beat (`ceiling_f32x4` in `benches/browser/wasm/peak.rs`): independent `f32x4.mul` chains interleaved with independent `f32x4.add` chains (4 flops an instruction), in several mixes (2 + 2 to 8 + 4 chains), so that every port that takes a multiply or an add is busy; the relaxed build also tries 4 to 14 independent `f32x4.relaxed_madd` chains (8 flops each). The best loop of the best round is the ceiling; FLOP a cycle is that over the clock Linux reports (`cpu MHz`; a boost clock would make it lower). The earlier peak loop (12 chains of a dependent multiply then add, `acc = acc · m + a`) is shown beside it: it leaves the adder idle while each multiply runs, so it is not the ceiling. A product\'s share is its best measurement over its build\'s ceiling, with the median\'s in brackets; a share above 100% is a failed measurement.');
  out();
  const ghz = res.machine.mhz ? res.machine.mhz / 1000 : NaN;
  out('| build | ceiling GFLOP/s (best loop) | ceiling, median of rounds | FLOP a cycle | dependent multiply-add loop GFLOP/s | gemm_nn GFLOP/s | gemm_tn GFLOP/s | gemm_nt GFLOP/s |');
  out('|---|---|---|---|---|---|---|---|');
  for (const b of Object.keys(res.peak)) {
    const c = ceilingOf(b);
    const best = res.peak[b].ceiling?.reduce((a, r) => (r.gflops > a.gflops ? r : a));
    const cell = (k) => {
      const share = bestOf(b, k) / c;
      return `${spread(res.peak[b].gemm[k].map((r) => r.gflops))}: ${num(share * 100)}% (${num((gemmOf(b, k) / c) * 100)}%)${share > 1 ? ', **failed measurement**' : ''}`;
    };
    out(`| ${b} | ${num(c)} (${best?.best ?? '?'}) | ${res.peak[b].ceiling?.length ? num(median(res.peak[b].ceiling.map((r) => r.gflops))) : '?'} | ${num(c / ghz)} at ${num(ghz)} GHz | ${spread(res.peak[b].peak.map((r) => r.gflops))} | ${cell('nn')} | ${cell('tn')} | ${cell('nt')} |`);
  }
  out();
  const anyCeiling = Object.values(res.peak).find((p) => p.ceiling?.length)?.ceiling;
  if (anyCeiling) {
    out('Every loop of the ceiling, best of the rounds (GFLOP/s):');
    out();
    for (const b of Object.keys(res.peak)) {
      const names = res.peak[b].ceiling[0].tried.map(([n]) => n);
      const bestOfLoop = names.map((n, i) => [n, max(res.peak[b].ceiling.map((r) => r.tried[i][1]))]);
      out(`- ${b}: ${bestOfLoop.map(([n, g]) => `${n} ${num(g)}`).join('; ')}`);
    }
    out();
  }

  // Where a step's time goes.
  if (res.profiles && Object.keys(res.profiles).length) {
    out('## Where a step\'s time goes');
    out();
    out(`Each workload fitted again on MLP Lab's builds with each part of its steps timed (\`mlp_lab::nn::profile\`: performance.now() around each part, a part's time less that of the parts inside it), ${res.reps} fits; medians of the milliseconds a step, with each part's share of the timed parts. The products are \`gemm_nn\`, \`gemm_tn\` and \`gemm_nt\` wherever they run; forward and backward are the rest of the passes (bias, activations and their derivatives, bias gradients); the loss is the output's loss and its gradient; the update is Adam's; the batch is the shuffled rows' copy. W-A's steps are about 15 µs, a few clock reads each at the worker's 5 µs resolution: its split is rough.`);
    out();
    const parts = Object.values(Object.values(res.profiles)[0])[0]?.[0]?.parts.map(([p]) => p) ?? [];
    out(`| workload | build | µs a step | ${parts.join(' | ')} | all but the products |`);
    out(`|---|---|---|${parts.map(() => '---|').join('')}---|`);
    for (const [w, byBuild] of Object.entries(res.profiles)) {
      for (const [b, fits] of Object.entries(byBuild)) {
        if (!fits.length) continue;
        const perStep = (i) => median(fits.map((f) => (f.parts[i][1] * 1000) / f.steps));
        const total = median(fits.map((f) => (f.parts.reduce((sum, [, ms]) => sum + ms, 0) * 1000) / f.steps));
        const cells = parts.map((_, i) => `${num(perStep(i))} (${num((perStep(i) / total) * 100)}%)`);
        const rest = median(fits.map((f) => 1 - f.parts.find(([p]) => p === 'products')[1] / f.parts.reduce((sum, [, ms]) => sum + ms, 0)));
        out(`| ${w} | ${b} | ${num(total)} | ${cells.join(' | ')} | ${num(rest * 100)}% |`);
      }
    }
    out();
  }

  // Useful work of each workload.
  if (res.shapes && Object.keys(res.shapes).length) {
    out('## Useful GFLOP/s of each workload');
    out();
    out('The products\' flops a sample (forward `x · W`, 2·in·out a layer; backward `xᵀ · dz` and `dz · Wᵀ`, 2·in·out each, but no `dz · Wᵀ` for the first layer; activations, loss and optimizer left out), times the median samples/s, beside each build\'s ceiling.');
    out();
    out('| workload | layers | products\' FLOP a sample | build | samples/s | useful GFLOP/s | share of the ceiling |');
    out('|---|---|---|---|---|---|---|');
    for (const w of workloads) {
      const shape = res.shapes[w];
      if (!shape) continue;
      const flops = productFlops(shape);
      for (const b of Object.keys(res.peak)) {
        if (!res.runs[w][b]?.length) continue;
        const sps = median(rates(res.runs[w][b]).samplesPerS);
        const g = (flops * sps) / 1e9;
        out(`| ${w} | ${shape.join('→')} | ${flops.toLocaleString('en-US')} | ${b} | ${num(sps)} | ${num(g)} | ${num((g / ceilingOf(b)) * 100)}% |`);
      }
    }
    out();
  }

  // Sizes.
  // Data parallelism.
  if (res.scaling && Object.keys(res.scaling).length) {
    const counts = Object.keys(Object.values(Object.values(res.scaling)[0])[0]).filter((k) => k !== 'alone');
    out('## One fit on several workers');
    out();
    out(`Each workload fitted as the app shares out a fit with long steps: replica \`k\` of \`N\`, each in a Web Worker of its own, trains its share of every batch, writes its gradients to a \`SharedArrayBuffer\`, waits at a barrier on \`Atomics\`, and sums every replica's gradients in replica order before applying the same update (\`mlp_lab::worker::exchange\`, the code the app's workers run). Beside it, the same build's fit on one worker alone (\`Training::step\`). ${res.reps} interleaved rounds after a warm-up of each; a fit's time is its slowest replica's. Medians of the fit's milliseconds (range); the speed-up is the fit alone ÷ the fit on N workers. The machine has ${res.cores} logical cores; the final losses of every replica count are shown to agree (float rounding apart: the rows' sums are regrouped).`);
    out();
    out(`| workload | build | alone | ${counts.map((n) => `${n} worker${n > 1 ? 's' : ''}`).join(' | ')} | final loss (alone; ${counts.map((n) => `${n}`).join(', ')}) |`);
    out(`|---|---|---|${counts.map(() => '---|').join('')}---|`);
    for (const [w, byBuild] of Object.entries(res.scaling)) {
      for (const [b, fits] of Object.entries(byBuild)) {
        const ms = (xs) => xs.map((r) => r.fit_ms);
        const cells = counts.map((n) => `${spread(ms(fits[n]))} ms (×${num(speedup(w, b, n))})`);
        const losses = [fits.alone, ...counts.map((n) => fits[n])].map((xs) => median(xs.map((r) => r.loss)).toFixed(4));
        out(`| ${w} | ${b} | ${spread(ms(fits.alone))} ms | ${cells.join(' | ')} | ${losses.join('; ')} |`);
      }
    }
    out();
  }

  out('## Release build size');
  out();
  if (res.sizes.error) {
    out(res.sizes.error);
  } else {
    out('`trunk build --release --offline`, gzipped at level 9:');
    out();
    out('| file | bytes | gzipped |');
    out('|---|---|---|');
    for (const k of ['app', 'worker', 'worker_relaxed']) {
      const s = res.sizes[k];
      out(`| ${s.file} | ${s.bytes.toLocaleString('en-US')} | ${s.gzip.toLocaleString('en-US')} |`);
    }
    out(`| the app and the larger worker (what a browser loads) | ${(res.sizes.app.bytes + worker.bytes).toLocaleString('en-US')} | ${gz.toLocaleString('en-US')} |`);
  }
  out();

  // Native.
  out('## Native (criterion, `benches/kernels.rs`)');
  out();
  if (res.native.length === 0) {
    out('No criterion figures under target/criterion.');
  } else {
    out('The same products natively (the scalar kernels: SIMD is wasm-only), beside ndarray\'s `dot`; mean times of the criterion run `make bench` started.');
    out();
    out('| benchmark | mean | throughput |');
    out('|---|---|---|');
    for (const n of res.native) {
      const us = n.meanNs / 1000;
      const tput = n.elements == null ? '' : n.id.startsWith('products') ? `${num(n.elements / n.meanNs)} GFLOP/s` : `${num((n.elements / n.meanNs) * 1e9)} samples/s`;
      out(`| ${n.id} | ${num(us)} µs | ${tput} |`);
    }
  }
  out();
  out(checks(res).join('\n'));
  return `${lines.join('\n')}\n`;
}

/** What the run checked of itself. */
function checks(res) {
  const out = ['## Checks', ''];
  for (const w of Object.keys(res.runs)) {
    const sums = new Set(Object.values(res.runs[w]).flat().map((r) => r.checksum));
    out.push(`- ${w}: every engine fitted the same rows (one data checksum: ${sums.size === 1 ? 'yes' : `NO, ${[...sums].join(', ')}`}); every fit ran its epochs: ${Object.values(res.runs[w]).flat().every((r) => r.epochs > 0) ? 'yes' : 'NO'}.`);
  }
  for (const [e, i] of Object.entries(res.info).filter(([e]) => e.startsWith('tfjs wasm'))) {
    out.push(`- ${e}: binary ${i.binary.join(', ')}; XNNPACK pool ${i.threads} thread(s) (\`tf.wasm.getThreadsCount()\`), ${i.after?.pthreadsRunning ?? '?'} of ${i.pthreadWorkers} Emscripten pthread workers running after the fits; SharedArrayBuffer threads ${i.multithread ? 'available' : 'NOT available'} (crossOriginIsolated ${i.crossOriginIsolated}).`);
  }
  for (const [e, i] of Object.entries(res.probes ?? {})) {
    out.push(`- ${e} (not timed): \`tf.wasm.setThreadsCount(${i.hardwareConcurrency})\` gave an XNNPACK pool of ${i.threads} thread(s).`);
  }
  const leaks = Object.values(res.runs).flatMap((w) => Object.values(w).flat()).filter((r) => r.tensors > 0);
  out.push(`- TF.js tensors left after each fit: ${leaks.length ? `some (max ${Math.max(...leaks.map((r) => r.tensors))})` : 'none'}.`);
  return out;
}
