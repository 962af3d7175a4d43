// A static file server for the built app (dist/), on a free localhost port, with the headers
// `trunk serve` sends (Trunk.toml's [serve] headers: the Content-Security-Policy, and COOP and
// COEP, which make the page cross-origin isolated).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const TRUNK_TOML = resolve(dirname(fileURLToPath(import.meta.url)), '../../Trunk.toml');

/** Trunk.toml's `[serve] headers`, name → value. */
export const HEADERS = (() => {
  const line = readFileSync(TRUNK_TOML, 'utf8').match(/^headers\s*=\s*\{(.*)\}\s*$/m);
  if (!line) throw new Error('Trunk.toml has no [serve] headers');
  return Object.fromEntries([...line[1].matchAll(/"([^"]+)"\s*=\s*"([^"]*)"/g)].map(([, name, value]) => [name, value]));
})();

/** The Content-Security-Policy header of Trunk.toml's `[serve] headers`. */
export const CSP_HEADER = (() => {
  const found = HEADERS['Content-Security-Policy'];
  if (!found) throw new Error('Trunk.toml sets no Content-Security-Policy header');
  return found;
})();

/** The headers that make a page cross-origin isolated. */
const ISOLATION = ['Cross-Origin-Opener-Policy', 'Cross-Origin-Embedder-Policy'];

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
};

/**
 * Serves `root` on 127.0.0.1 with Trunk.toml's headers (without COOP and COEP when `isolated` is
 * false, as a host that does not send them); resolves to the listening server.
 */
export function serve(root, { isolated = true } = {}) {
  const headers = Object.fromEntries(Object.entries(HEADERS).filter(([name]) => isolated || !ISOLATION.includes(name)));
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    const file = join(root, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
        ...headers,
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: ${path}`);
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
