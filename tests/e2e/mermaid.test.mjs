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
        // The page is English, so its diagrams are; the page's one toggle shows the Chinese ones.
        if (lang === 'zh') {
          await page.click('[data-testid=lang]');
          await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
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

// Beyond the seeds: a data pipeline with subgraphs (one nested), classDef, class, style and every
// shape, typed into the editor. Compared with mermaid: the nodes and labels, the number of edges,
// the layers (both read from the drawn boxes, as mermaid gives no ranks), and every subgraph's
// nodes inside its box, in both drawings.
const PIPELINE_SHAPES = `flowchart TD
    raw[(Raw data)] --> clean
    subgraph prep [Preparation]
        clean[[Clean]] --> split{{Split}}
    end
    split --> train[/Train/]
    split --> test[\\Test\\]
    subgraph model [Model]
        train --> fit[/Fit\\]
        subgraph scoring [Scoring]
            evaluate[\\Evaluate/]
        end
        test --> fit
        fit --> evaluate
    end
    evaluate --> report>Report]
    report --> done(Done) --> ship([Ship]) --> bye((Bye)) --> ok{OK?}
    classDef store fill:#fde68a,stroke:#b45309
    class raw store
    style report fill:#bbf7d0,stroke:#15803d
    split:::hot
    classDef hot fill:#fecaca`;
const MEMBERS = { prep: ['clean', 'split'], model: ['train', 'test', 'fit', 'evaluate'], scoring: ['evaluate'] };

/** mermaid's subgraph boxes: { id: box } from its g.cluster elements. */
async function mermaidClusters(page) {
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('#out g.cluster')].map((g) => {
        const r = (g.querySelector('rect') ?? g).getBoundingClientRect();
        return [g.id, { left: r.left, top: r.top, right: r.right, bottom: r.bottom }];
      }),
    ),
  );
}

const inside = (node, box, slack = 1) =>
  node.left >= box.left - slack && node.right <= box.right + slack && node.top >= box.top - slack && node.bottom <= box.bottom + slack;

test('subgraphs, classDef and every shape: the same nodes, edges and layers as mermaid, each subgraph around its nodes', async (t) => {
  const theirs = await renderMermaid(mermaidPage, PIPELINE_SHAPES, 'mermaid-shapes');
  const theirShot = await mermaidPage.locator('#out svg').screenshot({ path: resolve(SHOTS, 'diagram-shapes-mermaid.png') });
  const theirBoxes = await mermaidClusters(mermaidPage);
  const { page, errors } = await openLab();
  try {
    await page.click('.diagram-editor summary');
    await page.fill('[data-testid=diagram-source]', PIPELINE_SHAPES);
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=diagram-node]').length === n, theirs.nodes.length, { timeout: 5_000 }).catch(() => {});
    assert.equal(await page.locator('[data-testid=diagram-error]').count(), 0, 'the source parses');
    const ours = await readLab(page);
    const ourBoxes = await page.$$eval('[data-testid=diagram-subgraph]', (boxes) =>
      Object.fromEntries(boxes.map((b) => {
        const r = b.getBoundingClientRect();
        return [b.dataset.subgraphId, { left: r.left, top: r.top, right: r.right, bottom: r.bottom }];
      })),
    );
    const labShot = await page.locator('#panel-diagram').screenshot({ path: resolve(SHOTS, 'diagram-shapes-mlp-lab.png') });
    await sideBySide('Subgraphs, classDef and every shape: MLP Lab vs mermaid', labShot, null, theirShot, resolve(SHOTS, 'diagram-shapes-side-by-side.png'));

    assert.deepEqual(byId(ours.nodes, 'label'), byId(theirs.nodes, 'label'), 'node ids and labels');
    assert.equal(ours.edges, theirs.edges.length, 'edge count');
    const ourLayers = layersFromBoxes(ours.nodes);
    const theirLayers = layersFromBoxes(theirs.nodes);
    const sets = (layers) => {
      const rows = [];
      for (const [id, layer] of Object.entries(layers)) (rows[layer] ??= []).push(id);
      return rows.filter(Boolean).map((ids) => ids.sort().join(' '));
    };
    t.diagnostic(`layers: ours ${JSON.stringify(sets(ourLayers))}, mermaid's ${JSON.stringify(sets(theirLayers))}`);
    assert.deepEqual(sets(ourLayers), sets(theirLayers), 'the same nodes in each layer, top to bottom');
    for (const [sub, members] of Object.entries(MEMBERS)) {
      const theirBox = Object.entries(theirBoxes).find(([id]) => id === sub || id.endsWith(`-${sub}`))?.[1];
      assert.ok(theirBox, `mermaid drew no box for ${sub}: ${Object.keys(theirBoxes)}`);
      assert.ok(ourBoxes[sub], `MLP Lab drew no box for ${sub}: ${Object.keys(ourBoxes)}`);
      for (const id of members) {
        assert.ok(inside(theirs.nodes.find((n) => n.id === id), theirBox), `mermaid: ${id} inside ${sub}`);
        assert.ok(inside(ours.nodes.find((n) => n.id === id), ourBoxes[sub]), `MLP Lab: ${id} inside ${sub}`);
      }
      for (const n of ours.nodes.filter((n) => !members.includes(n.id))) {
        assert.ok(!inside(n, ourBoxes[sub], -1), `MLP Lab: ${n.id} is not in ${sub} but inside its box`);
      }
    }
    assert.ok(inside(ourBoxes.scoring, ourBoxes.model), 'the nested box inside its parent');
    assert.deepEqual(overlaps(ours.nodes), [], 'MLP Lab node boxes that overlap');
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});


test('what mermaid refuses, MLP Lab refuses, with its line and column', async () => {
  const { page, errors } = await openLab();
  try {
    await page.click('.diagram-editor summary');
    for (const [source, where] of [
      ['graph TD\n  A[Start --> B[End]', /^line 2, column 16: /],
      ['graph TD\n  A[f(x)] --> B', /^line 2, column 6: /],
      ['graph TD\n  A[x]] --> B', /^line 2, column 7: /],
      ['graph TD\n  A --> B\n  subgraph one\n  C', /^line 3, column 3: /],
    ]) {
      const refused = await mermaidPage.evaluate((s) => window.mermaid.parse(s).then(() => false, () => true), source);
      assert.ok(refused, `mermaid accepts ${JSON.stringify(source)}`);
      await page.fill('[data-testid=diagram-source]', source);
      assert.match(await page.textContent('[data-testid=diagram-error]', { timeout: 5_000 }), where, source);
      await page.fill('[data-testid=diagram-source]', 'graph TD\n  ok');
      await page.waitForSelector('[data-testid=diagram-error]', { state: 'detached' });
    }
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});
