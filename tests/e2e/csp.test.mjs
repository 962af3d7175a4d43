// The page under its Content-Security-Policy (index.html's meta element, and Trunk.toml's
// header, which tests/e2e/serve.mjs sends as `trunk serve` does): a full use of the lab breaks no
// rule and asks no other origin for anything, and the policy is really enforced (an inline
// script does not run, an inline style is not applied, and the browser reports both).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { servedLab, DIST, recordErrors, trainToEnd } from './lab.mjs';
import { CSP_HEADER } from './serve.mjs';

const lab = servedLab();

/** The policy's directives, as a map from name to its sources. */
const directives = (policy) =>
  new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name, sources.join(' ')]),
  );

/** A page that records CSP violations (from before the app starts) and every request's origin. */
async function openLab() {
  const page = await lab.browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  const errors = recordErrors(page);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__violations.push({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample }),
    );
  });
  await page.goto(lab.base);
  await page.waitForSelector('.app[data-state="ready"]');
  return { page, errors, requests };
}

const violations = (page) => page.evaluate(() => window.__violations);

test('the meta element and the header state the same policy (the header adds frame-ancestors)', async () => {
  const html = await readFile(resolve(DIST, 'index.html'), 'utf8');
  const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/);
  assert.ok(meta, 'dist/index.html has no CSP meta element');
  const fromMeta = directives(meta[1]);
  const fromHeader = directives(CSP_HEADER);
  assert.equal(fromHeader.get('frame-ancestors'), "'none'");
  fromHeader.delete('frame-ancestors');
  assert.deepEqual(fromMeta, fromHeader);
  // What the policy must say: nothing inline, wasm allowed, no plug-ins, no other origin.
  assert.equal(fromMeta.get('script-src'), "'self' 'wasm-unsafe-eval'");
  assert.equal(fromMeta.get('style-src'), "'self'");
  assert.equal(fromMeta.get('default-src'), "'self'");
  assert.equal(fromMeta.get('object-src'), "'none'");
  assert.equal(fromMeta.get('base-uri'), "'none'");
  // trunk's bootstrap is a file: the built page has no inline script and no style attribute.
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'an inline <script> in dist/index.html');
  assert.doesNotMatch(html, /\sstyle=/, 'a style attribute in dist/index.html');
});

test('a full use of the lab breaks no rule of the policy and asks no other origin', async () => {
  const { page, errors, requests } = await openLab();
  const response = await page.request.get(lab.base);
  assert.equal(response.headers()['content-security-policy'], CSP_HEADER);

  // Generated data, the worker's training, the charts, the evaluation, the theme and the language.
  await page.selectOption('[data-testid=dataset]', 'circles');
  await page.click('[data-testid=generate]');
  await page.waitForSelector('.app[data-state="data"]');
  await trainToEnd(page);
  await page.waitForSelector('[data-testid=confusion-cell]');
  // Styles the code sets (the class bar, the accuracy bars, the confusion matrix' shades, the
  // progress bar) are applied through the CSSOM: they are there, without a style attribute.
  const progress = await page.$eval('.progress-fill', (e) => [e.style.transform, e.hasAttribute('style')]);
  assert.equal(progress[0], 'scaleX(1)');
  const shaded = await page.$$eval('[data-testid=confusion-cell]', (cells) => cells.map((c) => c.style.background));
  assert.ok(shaded.every((b) => b.startsWith('color-mix')), `confusion shades: ${shaded}`);
  await page.click('[data-testid=theme-dark]');
  await page.click('[data-testid=lang]');
  await page.click('[data-testid=lang]');

  // A built-in dataset (fetched from the page's own origin) and the user's own file.
  await page.selectOption('[data-testid=dataset]', 'iris');
  await page.click('[data-testid=generate]');
  await page.waitForSelector('[data-testid=file-summary]');
  await page.selectOption('[data-testid=dataset]', 'csv');
  const rows = Array.from({ length: 60 }, (_, i) => `${i % 7},${(i * 13) % 11},${i % 2 ? 'yes' : 'no'}`);
  await page.setInputFiles('[data-testid=csv-file]', {
    name: 'own.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`a,b,target\n${rows.join('\n')}\n`),
  });
  await page.waitForSelector('[data-testid=file-summary]');
  await page.waitForSelector('.app[data-state="data"]');
  await trainToEnd(page);

  assert.deepEqual(await violations(page), []);
  const origin = new URL(lab.base).origin;
  const elsewhere = requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'));
  assert.deepEqual(elsewhere, [], 'requests to another origin');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the policy is enforced: an inline script does not run, an inline style is not applied, both are reported', async () => {
  const { page } = await openLab();
  const outcome = await page.evaluate(async () => {
    window.__ran = false;
    const script = document.createElement('script');
    script.textContent = 'window.__ran = true;';
    document.body.append(script);
    const probe = document.createElement('div');
    probe.setAttribute('style', 'width: 123px');
    document.body.append(probe);
    await new Promise((r) => setTimeout(r, 100));
    return { ran: window.__ran, width: probe.getBoundingClientRect().width === 123 };
  });
  assert.deepEqual(outcome, { ran: false, width: false });
  const seen = (await violations(page)).map((v) => v.directive);
  assert.ok(seen.includes('script-src-elem'), `violations: ${seen}`);
  assert.ok(seen.includes('style-src-attr'), `violations: ${seen}`);
  await page.close();
});
