// MLP Lab's own drawing of the seed's three flowcharts, against the real `mermaid` package in
// the same headless Chromium: the same nodes and labels, the same number of edges, every node in
// the same layer. Screenshots of both, and of both side by side, go to target/e2e/ (look at them).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { serve } from './serve.mjs';
import { launch } from './browser.mjs';
import { recordErrors } from './lab.mjs';
import { layersFromBoxes, mermaidBundle, outside, overlaps, readLab, readRustStrings, renderMermaid, rows } from './mermaid-render.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = resolve(ROOT, 'dist');
const SHOTS = resolve(ROOT, 'target/e2e');
const SEEDS_RS = resolve(ROOT, 'src/diagram/seeds.rs');

/** The app's selector values and the seed constants behind them. */
const DIAGRAMS = [
  { key: 'pipeline', zh: 'PIPELINE_ZH', en: 'PIPELINE_EN' },
  { key: 'decisions', zh: 'DECISIONS_ZH', en: 'DECISIONS_EN' },
  { key: 'problems', zh: 'PROBLEMS_ZH', en: 'PROBLEMS_EN' },
];

let server;
let browser;
let base;
let seeds;
let mermaidPage;
let mermaidVersion;

before(async () => {
  await mkdir(SHOTS, { recursive: true });
  const bundle = mermaidBundle();
  mermaidVersion = bundle.version;
  seeds = readRustStrings(SEEDS_RS);
  server = await serve(DIST);
  base = `http://127.0.0.1:${server.address().port}/`;
  browser = await launch();

  // One blank page with mermaid loaded from the package (no network), reused for every render.
  mermaidPage = await browser.newPage({ viewport: { width: 1400, height: 1200 } });
  await mermaidPage.setContent(
    '<!doctype html><meta charset="utf-8"><style>body{margin:0;background:#fff}#out{width:1400px}</style><div id="out"></div>',
  );
  await mermaidPage.addScriptTag({ path: bundle.path });
  await mermaidPage.evaluate(() => window.mermaid.initialize({ startOnLoad: false, theme: 'default' }));
});

after(async () => {
  await browser?.close();
  server?.close();
});

async function openLab() {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  const errors = recordErrors(page);
  await page.goto(base);
  await page.waitForSelector('.app[data-state="ready"]');
  return { page, errors };
}

/** Both pictures in one page, two columns, captioned. */
async function sideBySide(title, lab, whole, theirs, path) {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 }, locale: 'en-US' });
  const img = (png) => `data:image/png;base64,${png.toString('base64')}`;
  await page.setContent(`<!doctype html><meta charset="utf-8">
    <style>
      body { margin: 0; padding: 16px; font: 14px system-ui, sans-serif; background: #fff; color: #111; }
      h1 { font-size: 16px; margin: 0 0 12px; }
      .cols { display: flex; gap: 24px; align-items: flex-start; }
      figure { margin: 0; }
      figcaption { font-weight: 600; margin-bottom: 6px; }
      img { display: block; border: 1px solid #ccc; }
    </style>
    <h1>${title}</h1>
    <div class="cols">
      <figure><figcaption>MLP Lab (the card as shown)</figcaption><img src="${img(lab)}"></figure>
      ${whole ? `<figure><figcaption>MLP Lab (the whole canvas, partly scrolled out of view)</figcaption><img src="${whole}"></figure>` : ''}
      <figure><figcaption>mermaid ${mermaidVersion} (SVG)</figcaption><img src="${img(theirs)}"></figure>
    </div>`);
  await page.waitForFunction(() => [...document.images].every((i) => i.complete && i.naturalWidth > 0));
  await page.screenshot({ path, fullPage: true });
  await page.close();
}

const byId = (nodes, field) => Object.fromEntries(nodes.map((n) => [n.id, n[field]]).sort(([a], [b]) => a.localeCompare(b)));

for (const lang of ['zh', 'en']) {
  for (const { key, [lang]: constant } of DIAGRAMS) {
    const name = lang === 'zh' ? key : `${key}-en`;

    test(`${constant}: MLP Lab draws the same nodes, edges and layers as mermaid`, async (t) => {
      const source = seeds[constant];
      assert.ok(source, `no \`pub const ${constant}: &str = "…";\` in ${SEEDS_RS}`);

      // mermaid's side.
      const theirs = await renderMermaid(mermaidPage, source, `mermaid-${name}`);
      assert.ok(theirs.nodes.length > 0, `mermaid drew no nodes for ${constant}`);
      const theirLayers = layersFromBoxes(theirs.nodes);
      const theirShot = await mermaidPage.locator('#out svg').screenshot({ path: resolve(SHOTS, `diagram-${name}-mermaid.png`) });

      // MLP Lab's side: choose the language, then the diagram, and wait for its nodes.
      const { page, errors } = await openLab();
      try {
        // The page is English, so its diagrams are; the chip shows the Chinese ones.
        if (lang === 'zh') {
          assert.equal((await page.textContent('[data-testid=diagram-lang]')).trim(), '中文');
          await page.click('[data-testid=diagram-lang]');
          await page.waitForFunction(() => document.querySelector('[data-testid=diagram-lang]').textContent.trim() === 'English');
        }
        await page.selectOption('select[data-testid=diagram-select]', key);
        const expected = theirs.nodes.map((n) => `${n.id}:${n.label}`).sort();
        await page
          .waitForFunction(
            (expected) =>
              JSON.stringify(
                [...document.querySelectorAll('button[data-testid=diagram-node]')]
                  .map((b) => `${b.dataset.nodeId}:${b.getAttribute('aria-label')}`)
                  .sort(),
              ) === JSON.stringify(expected),
            expected,
            { timeout: 5_000 },
          )
          .catch(() => {}); // the assertions below say what differs
        const ours = await readLab(page);

        const theirRows = rows(theirs.nodes, (n) => theirLayers[n.id]);
        const ourRows = rows(ours.nodes, (n) => n.layer);
        t.diagnostic(`mermaid ${mermaidVersion}: ${theirs.nodes.length} nodes, ${theirs.edges.length} edges, rows ${JSON.stringify(theirRows)}`);
        t.diagnostic(`MLP Lab: ${ours.nodes.length} nodes, ${ours.edges} edges, rows ${JSON.stringify(ourRows)}`);

        // Not asserted (the box scrolls sideways by design), but worth a look: nodes cut off.
        const hidden = outside(ours.nodes, ours.visible);
        if (hidden.length) {
          const width = Math.round(ours.canvas.right - ours.canvas.left);
          const shown = Math.round(ours.visible.right - ours.visible.left);
          t.diagnostic(`MLP Lab: the drawing is ${width}px wide in a ${shown}px box; cut off until scrolled: ${hidden.join(', ')}`);
        }
        // Pictures first, so that they are there to look at when an assertion fails.
        const shot = (what) => resolve(SHOTS, `diagram-${name}-${what}.png`);
        const labShot = await page.locator('#panel-diagram').screenshot({ path: shot('mlp-lab') });
        await sideBySide(`${constant}: MLP Lab vs mermaid`, labShot, hidden.length ? ours.png : null, theirShot, shot('side-by-side'));

        // The same nodes with the same labels.
        assert.deepEqual(byId(ours.nodes, 'label'), byId(theirs.nodes, 'label'), 'node ids and labels');
        // The same number of edges.
        assert.equal(ours.edges, theirs.edges.length, `edge count (mermaid's edges: ${theirs.edges.join(', ')})`);
        // Every node in the same layer, counted from the top.
        assert.deepEqual(byId(ours.nodes, 'layer'), byId(theirs.nodes.map((n) => ({ ...n, layer: theirLayers[n.id] })), 'layer'), 'layers');
        // Within each layer, the same order left to right (so the same crossings, here none).
        assert.deepEqual(ourRows, theirRows, 'nodes of each layer, left to right');
        // A readable drawing: no node box on another, and every node on the canvas.
        assert.deepEqual(overlaps(ours.nodes), [], 'MLP Lab node boxes that overlap');
        assert.deepEqual(outside(ours.nodes, ours.canvas), [], 'MLP Lab nodes outside the canvas');
        assert.deepEqual(errors, []);
      } finally {
        await page.close();
      }
    });
  }
}
