// Figures run.mjs reads from disk: the release app's wasm sizes, and the native criterion run.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The release app's two wasm files in dist/ (trunk may hash the page's name: app-<hash>_bg.wasm),
 * raw and gzipped at level 9 (as `gzip -9`).
 */
export async function sizes(root) {
  const dist = resolve(root, 'dist');
  let files;
  try {
    files = await readdir(dist);
  } catch {
    return { error: 'dist/ is missing: run `trunk build --release --offline` (make bench does)' };
  }
  const out = {};
  for (const [name, pattern] of [
    ['app', /^app(-[0-9a-f]+)?_bg\.wasm$/],
    ['worker', /^worker(-[0-9a-f]+)?_bg\.wasm$/],
    ['worker_relaxed', /^worker_relaxed(-[0-9a-f]+)?_bg\.wasm$/],
  ]) {
    const file = files.find((f) => pattern.test(f));
    if (!file) return { error: `dist/ has no ${name}_bg.wasm` };
    const body = await readFile(join(dist, file));
    out[name] = { file: `dist/${file}`, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length, built: (await stat(join(dist, file))).mtime.toISOString() };
  }
  return out;
}

/** Every criterion benchmark under target/criterion: its id, mean time (ns) and throughput. */
export async function nativeFigures(root) {
  const found = [];
  async function walk(dir) {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const path = join(dir, e.name);
      if (e.isDirectory() && e.name === 'new') {
        try {
          const bench = JSON.parse(await readFile(join(path, 'benchmark.json'), 'utf8'));
          const estimates = JSON.parse(await readFile(join(path, 'estimates.json'), 'utf8'));
          found.push({
            id: bench.full_id,
            group: bench.group_id,
            meanNs: estimates.mean.point_estimate,
            elements: bench.throughput?.Elements ?? null,
            measured: (await stat(join(path, 'estimates.json'))).mtime.toISOString(),
          });
        } catch {
          // A criterion folder without its figures: nothing to report.
        }
      } else if (e.isDirectory() && e.name !== 'base' && e.name !== 'report' && e.name !== 'change') {
        await walk(path);
      }
    }
  }
  await walk(resolve(root, 'target/criterion'));
  return found.sort((a, b) => a.id.localeCompare(b.id));
}
