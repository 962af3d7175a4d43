// A static file server for the built app (dist/), on a free localhost port, with the headers
// `trunk serve` sends (Trunk.toml's [serve] headers: the Content-Security-Policy).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const TRUNK_TOML = resolve(dirname(fileURLToPath(import.meta.url)), '../../Trunk.toml');

/** The Content-Security-Policy header of Trunk.toml's `[serve] headers`. */
export const CSP_HEADER = (() => {
  const found = readFileSync(TRUNK_TOML, 'utf8').match(/"Content-Security-Policy"\s*=\s*"([^"]*)"/);
  if (!found) throw new Error('Trunk.toml sets no Content-Security-Policy header');
  return found[1];
})();

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

/** Serves `root` on 127.0.0.1; resolves to the listening server. */
export function serve(root) {
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
        'content-security-policy': CSP_HEADER,
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: ${path}`);
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
