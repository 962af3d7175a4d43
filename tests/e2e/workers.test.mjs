// One fit on several workers, as a user meets it: served cross-origin isolated (as `trunk
// serve` serves it), a fit with long steps is shared among the machine's cores and the page
// says so with the measured speed-up (or, where they were no faster than one, says how fast
// they were and goes on on one); served without COOP and COEP, the same link trains on one
// worker, says why, and ends with the same figures (the sum of the replicas' gradients in a
// fixed order is the one worker's up to float rounding). A fit that cannot be shared
// (BatchNormalization) or whose steps are too short says so too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { DIST, SHOTS, servedLab, recordErrors } from './lab.mjs';
import { serve } from './serve.mjs';

const lab = servedLab();
/** The same build, served as a host without the isolation headers would. */
const plain = { server: undefined, base: undefined };
before(async () => {
  plain.server = await serve(DIST, { isolated: false });
  plain.base = `http://127.0.0.1:${plain.server.address().port}/`;
});
after(() => plain.server?.close());

/** A fit whose steps take milliseconds: 200 features, 256 and 128 units, batches of 128. */
const WIDE = '#data=seed&rows=6000&features=200&layers=256:relu,128:relu,1:sigmoid&batch=128&epochs=3&run=1';

async function trained(base, hash) {
  const page = await lab.browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  const errors = recordErrors(page);
  await page.goto(`${base}${hash}`);
  await page.waitForSelector('.app[data-state="done"]', { timeout: 120_000 });
  await page.waitForSelector('[data-testid=workers]');
  const workers = await page.$eval('[data-testid=workers]', (p) => ({ count: Number(p.dataset.count), text: p.textContent }));
  const isolated = await page.evaluate(() => self.crossOriginIsolated);
  const log = await page.textContent('[data-testid=log]');
  // Every figure of the Keras log: each epoch's loss, accuracy, val_loss, val_accuracy, and the test's.
  const figures = [...log.matchAll(/(?:loss|accuracy): (\d+\.\d+)/g)].map((m) => Number(m[1]));
  return { page, errors, workers, isolated, log, figures };
}

test('a fit with long steps trains on every core, says so with the speed-up, and ends as on one worker', async () => {
  const many = await trained(lab.base, WIDE);
  assert.equal(many.isolated, true, 'served with COOP and COEP, the page is cross-origin isolated');
  const cores = await many.page.evaluate(() => navigator.hardwareConcurrency);
  assert.ok(cores >= 2, `this test needs two cores, the browser reports ${cores}`);
  // The fit starts on every core; after its first steps the workers go on if they are faster
  // than one (the page says how much), or give the fit back to one (and say how fast they were:
  // on a loaded 2-core machine the page's own drawing may leave them less than a core each).
  const speed = await many.page.textContent('[data-testid=speed]');
  if (many.workers.count >= 2) {
    assert.match(many.workers.text, /^\d+ workers share this fit, \d+\.\d\d× one worker's speed \(measured\)/);
    assert.match(speed, new RegExp(`· ${many.workers.count} workers · \\d+\\.\\d\\d×`));
  } else {
    assert.match(many.workers.text, /^One worker trains this fit: \d+ workers were tried for its first 16 steps and ran at \d+\.\d\d× one worker's speed .*, so it went on on one\.$/);
    assert.doesNotMatch(speed, /workers/);
  }
  console.log(`several workers: ${many.workers.text}`);
  await many.page.screenshot({ path: resolve(SHOTS, 'workers-many-1280x800.png') });

  const one = await trained(plain.base, WIDE);
  assert.equal(one.isolated, false);
  assert.equal(one.workers.count, 1);
  assert.match(one.workers.text, /^One worker trains this fit: this page is not cross-origin isolated/);
  assert.doesNotMatch(await one.page.textContent('[data-testid=speed]'), /workers/);

  // The same fit: every figure the log printed (4 decimals) within rounding of the other's.
  assert.equal(many.figures.length, one.figures.length, `${many.log}\n---\n${one.log}`);
  assert.ok(many.figures.length >= 3 * 4 + 2, many.log);
  many.figures.forEach((f, i) => assert.ok(Math.abs(f - one.figures[i]) <= 2e-4, `figure ${i}: ${f} on several workers, ${one.figures[i]} on one\n${many.log}\n---\n${one.log}`));
  assert.deepEqual([...many.errors, ...one.errors], []);
  await many.page.close();
  await one.page.close();
});

test('a fit that cannot be shared, or whose steps are short, stays on one worker and says why', async () => {
  const batchNorm = await trained(lab.base, WIDE.replace('256:relu,', '256:relu,batch_norm,'));
  assert.equal(batchNorm.workers.count, 1);
  assert.match(batchNorm.workers.text, /^One worker trains this fit: .*BatchNormalization/);
  // The seed's fit: 10 features, 64 units, batches of 32: a step of microseconds.
  const seed = await trained(lab.base, '#data=seed&epochs=2&run=1');
  assert.equal(seed.workers.count, 1);
  assert.match(seed.workers.text, /^One worker trains this fit: a step takes [\d.]+ ms on one worker, too short for sharing it out to pay\.$/);
  assert.deepEqual([...batchNorm.errors, ...seed.errors], []);
  await batchNorm.page.close();
  await seed.page.close();
});
