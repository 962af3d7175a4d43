// What every end-to-end file of the lab shares: where things are, and the release build served
// on localhost with one headless Chromium for the file's tests.
import { before, after } from 'node:test';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { serve } from './serve.mjs';
import { launch } from './browser.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = resolve(ROOT, 'dist');
/** Screenshots (look at them). */
export const SHOTS = resolve(ROOT, 'target/e2e');

/**
 * Serves dist/ and launches Chromium before the file's tests, and closes both after them.
 * `lab.base` (the page's address) and `lab.browser` are set once the tests run.
 */
export function servedLab() {
  const lab = { base: undefined, browser: undefined, server: undefined };
  before(async () => {
    await mkdir(SHOTS, { recursive: true });
    lab.server = await serve(DIST);
    lab.base = `http://127.0.0.1:${lab.server.address().port}/`;
    lab.browser = await launch();
  });
  after(async () => {
    await lab.browser?.close();
    lab.server?.close();
  });
  return lab;
}

/**
 * Records the page's long tasks (over 50 ms on its main thread), and when `.app` last entered
 * each `data-state`. Call before `page.goto`.
 */
export function watchLongTasks(page) {
  return page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    window.__stateAt = {};
    new MutationObserver((records) => {
      for (const r of records) {
        if (r.target.classList?.contains('app')) window.__stateAt[r.target.dataset.state] = performance.now();
      }
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
  });
}

/**
 * The longest main-thread task a test accepts. The page's own budget is 50 ms a task, measured
 * with attribution in `make bench` (benches/browser/responsiveness.mjs); a test on a loaded
 * 2-core machine, cold, allows four times that, which still catches a freeze (the diagram's
 * 855 ms layouts, a 1 MB link's 31 s task).
 */
export const LONG_TASK_LIMIT_MS = 200;

/** The page's clock now (for `longTasksBetween`). */
export const pageNow = (page) => page.evaluate(() => performance.now());

/**
 * Durations of the long tasks that started from `from` (the page's clock) until `.app` last
 * entered `state` (or until `selector` appeared, measured by the caller as a page time `until`):
 * the span the worker was busy, not the page's rendering of the results after it. Waits two
 * frames first, so every task of the span has been reported.
 */
export async function longTasksBetween(page, from, { state, until }) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0)))));
  return page.evaluate(
    ({ from, state, until }) => {
      const end = until ?? window.__stateAt[state];
      return window.__longTasks.filter((t) => t.start >= from && t.start < end).map((t) => Math.round(t.duration));
    },
    { from, state, until },
  );
}

/** Share of the canvas' pixels close to the given colour. */
export async function colourShare(page, testid, [r, g, b]) {
  // A canvas draws in the frame after its box is first observed (`app/redraw.rs` marks each
  // draw with `data-draws`): a state reached is not yet a canvas drawn.
  await page.waitForSelector(`[data-testid=${testid}][data-draws]`, { state: 'attached' });
  return page.evaluate(
    ({ testid, r, g, b }) => {
      const canvas = document.querySelector(`[data-testid=${testid}]`);
      const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
      let hits = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < 60) hits++;
      }
      return hits / (data.length / 4);
    },
    { testid, r, g, b },
  );
}

/** The page's uncaught errors and console errors, collected as they happen (the tests expect none). */
export function recordErrors(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  return errors;
}

/** Train, wait for the run to end, then two animation frames, in which the charts draw. */
export async function trainToEnd(page) {
  await page.click('[data-testid=train]');
  await page.waitForSelector('.app[data-state="done"]', { timeout: 60_000 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}
