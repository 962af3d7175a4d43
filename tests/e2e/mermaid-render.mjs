// Helpers for comparing MLP Lab's diagrams with the real `mermaid` package: the seed sources
// (read from the Rust file the app is built from), mermaid's rendering in a blank page, the
// app's node overlay, and layers from drawn positions.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';

const require = createRequire(import.meta.url);

/** The browser bundle of the installed mermaid; throws a clear message when it is missing. */
export function mermaidBundle() {
  let pkg;
  try {
    pkg = require.resolve('mermaid/package.json');
  } catch {
    throw new Error('the `mermaid` package is not installed: run `npm install` in tests/e2e');
  }
  const bundle = resolve(dirname(pkg), 'dist/mermaid.min.js');
  if (!existsSync(bundle)) {
    throw new Error(`mermaid ${require('mermaid/package.json').version} has no ${bundle} (a browser bundle is needed)`);
  }
  return { path: bundle, version: require('mermaid/package.json').version };
}

/** Every `pub const NAME: &str = "...";` in a Rust file, as { NAME: text }. */
export function readRustStrings(file) {
  const text = readFileSync(file, 'utf8');
  const found = {};
  for (const [, name, body] of text.matchAll(/pub const (\w+): &str = "([^"]*)";/g)) found[name] = body;
  return found;
}

const tidy = (s) => s.replace(/\s+/g, ' ').trim();

/**
 * Renders `source` with mermaid in `page` (which already has the bundle loaded) into `#out`,
 * and reads the drawing back: nodes (id, label, box in CSS px) and edges.
 */
export async function renderMermaid(page, source, renderId) {
  const drawn = await page.evaluate(
    async ({ source, renderId }) => {
      const out = document.getElementById('out');
      const { svg } = await window.mermaid.render(renderId, source);
      out.innerHTML = svg;
      const nodes = [...out.querySelectorAll('g.node')].map((g) => {
        const box = g.getBoundingClientRect();
        return { domId: g.id, label: g.textContent, top: box.top, bottom: box.bottom, left: box.left, right: box.right };
      });
      const paths = [...out.querySelectorAll('g.edgePaths path, path.flowchart-link')];
      const edges = [...new Set(paths)].map((p) => p.getAttribute('data-id') ?? p.id);
      return { nodes, edges };
    },
    { source, renderId },
  );
  const nodes = drawn.nodes.map((n) => {
    const id = n.domId.match(/flowchart-(.+)-\d+$/)?.[1];
    if (!id) throw new Error(`cannot read a Mermaid id from the node element id "${n.domId}"`);
    return { ...n, id, label: tidy(n.label) };
  });
  return { nodes, edges: drawn.edges };
}

/**
 * Layers of a top-down drawing: nodes whose vertical extents overlap share a layer (mermaid
 * aligns a rank's nodes by centre or by top depending on their shapes, so neither alone works;
 * ranks never overlap because of the rank gap). Returns { id: layer }, 0 at the top.
 */
export function layersFromBoxes(nodes, tolerance = 5) {
  const sorted = [...nodes].sort((a, b) => a.top - b.top);
  const layers = {};
  let layer = -1;
  let bottom = -Infinity;
  for (const n of sorted) {
    if (n.top >= bottom - tolerance) {
      layer++;
      bottom = n.bottom;
    } else {
      bottom = Math.max(bottom, n.bottom);
    }
    layers[n.id] = layer;
  }
  return layers;
}

/** The ids of each layer, left to right by the centre of their boxes: [[layer 0 ids], …]. */
export function rows(nodes, layerOf) {
  const out = [];
  for (const n of [...nodes].sort((a, b) => a.left + a.right - (b.left + b.right))) (out[layerOf(n)] ??= []).push(n.id);
  return out;
}

/** MLP Lab's diagram as its page shows it: the node buttons and the canvas' edge count. */
export function readLab(page) {
  return page.evaluate(() => {
    const canvas = document.querySelector('canvas[data-testid=diagram]');
    const nodes = [...document.querySelectorAll('button[data-testid=diagram-node]')].map((b) => {
      const box = b.getBoundingClientRect();
      return {
        id: b.dataset.nodeId,
        label: b.getAttribute('aria-label'),
        layer: Number(b.dataset.layer),
        left: box.left,
        top: box.top,
        right: box.right,
        bottom: box.bottom,
      };
    });
    // The whole drawing is the sheet the box scrolls; the canvas draws the window of it in view.
    const c = document.querySelector('.diagram-sheet').getBoundingClientRect();
    const v = document.querySelector('[data-testid=diagram-box]').getBoundingClientRect();
    return {
      nodes,
      edges: Number(canvas.dataset.edges),
      canvas: { left: c.left, top: c.top, right: c.right, bottom: c.bottom },
      // The part of the drawing shown without scrolling (the box scrolls sideways).
      visible: { left: v.left, top: v.top, right: v.right, bottom: v.bottom },
      // The window in view.
      png: canvas.toDataURL('image/png'),
    };
  });
}

/** Ids of the nodes not wholly inside `area` (by more than `slack` px). */
export function outside(nodes, area, slack = 1) {
  return nodes
    .filter((n) => n.left < area.left - slack || n.right > area.right + slack || n.top < area.top - slack || n.bottom > area.bottom + slack)
    .map((n) => n.id);
}

/** Pairs of boxes that overlap (by more than `slack` px each way). */
export function overlaps(nodes, slack = 1) {
  const hits = [];
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const [a, b] = [nodes[i], nodes[j]];
      const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (x > slack && y > slack) hits.push(`${a.id}×${b.id}`);
    }
  }
  return hits;
}
