// A static file server for the benchmark, on a free localhost port, cross-origin isolated
// (COOP same-origin + COEP require-corp): TF.js' wasm backend needs SharedArrayBuffer for its
// threads, in the page and in its workers.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
};

const ISOLATED = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
};

/**
 * Serves `mounts`, an object from URL prefix ('/', '/pkg/', …) to a directory, on 127.0.0.1;
 * the longest matching prefix wins. Resolves to the listening server.
 */
export function serve(mounts) {
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    const prefix = prefixes.find((p) => path.startsWith(p));
    const root = mounts[prefix];
    const rest = path.slice(prefix.length);
    const file = join(root, rest === '' || rest.endsWith('/') ? `${rest}index.html` : rest);
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...ISOLATED });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain', ...ISOLATED }).end(`not found: ${path}`);
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
