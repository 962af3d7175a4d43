// The page's main-thread budget, measured with attribution: the release app (dist/) served on
// localhost, used as a person would in headless Chromium, cold (a new page each time), while
// the worker trains. Every animation frame over 50 ms is reported with what it spent its time
// on (the long-animation-frame API: scripts by invoker, forced layout, rendering), so a long
// task names its cause. The tests allow a wide margin (a loaded 2-core machine); this is where
// the 50 ms budget itself is measured.
//
//   node benches/browser/responsiveness.mjs        (after `trunk build --release --offline`)
//
// Writes target/bench-responsiveness.json; `make bench` puts its table in RESULTS.md.
import { createServer } from 'node:http';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { extname, join, normalize, resolve, dirname, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
const DIST = resolve(ROOT, 'dist');
const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';
const ROUNDS = Number(process.env.BENCH_REPS ?? 3);
export const BUDGET_MS = 50;

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.csv': 'text/csv; charset=utf-8',
};

function serve(root) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    const file = join(root, path.endsWith('/') ? `${path}index.html` : path);
    if (file !== root && !file.startsWith(root + sep)) return res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((r) => server.listen(0, '127.0.0.1', () => r(server)));
}

/** What a person does in each scenario, from a fresh page to the end of the run. */
const SCENARIOS = [
  {
    name: 'seed example: Generate, then Train (10 epochs)',
    hash: '',
    async act(page) {
      await page.click('[data-testid=generate]');
      await page.waitForSelector('.app[data-state="data"]');
      await page.click('[data-testid=train]');
    },
  },
  {
    name: 'spirals by link, with the live decision boundary (run=1, 40 epochs)',
    hash: '#data=spirals&rows=1000&noise=0.05&layers=32:relu,32:relu,1:sigmoid&lr=0.01&epochs=40&run=1',
    async act() {},
  },
  {
    name: 'regularised circles by link (Dropout, L2, BatchNormalization; run=1, 30 epochs)',
    hash: '#data=circles&noise=0.1&layers=32:relu:l2=0.001,dropout:0.2,batch_norm,16:relu,1:sigmoid&epochs=30&run=1',
    async act() {},
  },
];

async function measure(browser, base, scenario) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  await page.addInitScript(() => {
    window.__frames = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const end = e.startTime + e.duration;
        window.__frames.push({
          start: e.startTime,
          duration: e.duration,
          render: e.renderStart ? end - e.renderStart : 0,
          styleAndLayout: e.styleAndLayoutStart ? end - e.styleAndLayoutStart : 0,
          scripts: e.scripts.map((s) => ({
            invoker: s.invoker,
            ms: s.duration,
            forcedLayout: s.forcedStyleAndLayoutDuration,
          })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  });
  await page.goto(`${base}${scenario.hash}`);
  await page.waitForSelector('.app[data-state]');
  const from = await page.evaluate(() => performance.now());
  await scenario.act(page);
  await page.waitForSelector('.app[data-state="done"]', { timeout: 180_000 });
  await page.waitForTimeout(200);
  const frames = await page.evaluate((from) => window.__frames.filter((f) => f.start >= from), from);
  await page.close();
  return frames;
}

const round = (v) => Math.round(v * 10) / 10;

/** A long frame's cause in words: its scripts by invoker, forced layout, rendering. */
function attribute(frame) {
  const scripts = frame.scripts
    .filter((s) => s.ms >= 1)
    .map((s) => `${s.invoker} ${round(s.ms)} ms${s.forcedLayout >= 1 ? ` (forced layout ${round(s.forcedLayout)} ms)` : ''}`);
  return [...scripts, `rendering ${round(frame.render)} ms`].join('; ');
}

export async function responsiveness() {
  const server = await serve(DIST);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const results = [];
  for (const scenario of SCENARIOS) {
    const runs = [];
    for (let r = 0; r < ROUNDS; r++) {
      const frames = await measure(browser, base, scenario);
      const long = frames.filter((f) => f.duration > BUDGET_MS);
      runs.push({
        worst: round(Math.max(0, ...frames.map((f) => f.duration))),
        over: long.length,
        causes: long.map((f) => `${round(f.duration)} ms: ${attribute(f)}`),
      });
      console.log(`${scenario.name}, run ${r + 1}: worst long frame ${runs.at(-1).worst} ms, ${long.length} over ${BUDGET_MS} ms`);
      runs.at(-1).causes.forEach((c) => console.log(`  ${c}`));
    }
    results.push({ scenario: scenario.name, runs });
  }
  await browser.close();
  server.close();
  return { budget_ms: BUDGET_MS, rounds: ROUNDS, results };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const figures = await responsiveness();
  await mkdir(resolve(ROOT, 'target'), { recursive: true });
  await writeFile(resolve(ROOT, 'target/bench-responsiveness.json'), JSON.stringify(figures, null, 1));
}
