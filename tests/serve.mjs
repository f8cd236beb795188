// A small static file server for the built app, used by `scripts/serve.sh` and the end-to-end
// tests. Serves only files inside the given folder, never outside it, on 127.0.0.1.
//
//   node tests/serve.mjs [--dir dist] [--port 8080] [--base /some/sub/path/]
//
// --base serves the app under a sub-path (as a newsroom's CDN folder would), to prove the build
// has no absolute asset paths.
//
// Served the way deploy/ tells a host to: the pre-compressed sibling (`<file>.br`, else
// `<file>.gz`, written by the post-build step) when the browser accepts it, with
// `Content-Encoding` and `Vary: Accept-Encoding`; content-hashed files (`name-<16 hex>.ext`)
// cached for a year as immutable, everything else (index.html, downloads) revalidated.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const root = resolve(option('dir', 'dist'));
const port = Number(option('port', process.env.PORT || 8080));
const base = option('base', '/');

export const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** A year, immutable, for files whose name carries their content hash; revalidate the rest. */
export function cacheControl(file) {
  return /-[0-9a-f]{16}(_bg)?\.[a-z0-9]+$/.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

export function startServer({ dir = root, listenPort = port, basePath = base, headers = {} } = {}) {
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://127.0.0.1');
      let path = decodeURIComponent(url.pathname);
      if (!path.startsWith(basePath)) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      path = path.slice(basePath.length);
      let file = normalize(join(dir, path));
      if (file !== dir && !file.startsWith(dir + sep)) {
        res.writeHead(403).end();
        return;
      }
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      await stat(file); // a missing file is a 404, even if a stray sibling exists
      // The encodings the client accepts, without those it refuses (`br;q=0`).
      const accepted = String(req.headers['accept-encoding'] || '')
        .split(',')
        .map((part) => part.trim().split(';'))
        .filter(([, q]) => !/^\s*q\s*=\s*0(\.0*)?\s*$/.test(q || ''))
        .map(([name]) => name.trim().toLowerCase());
      let body = null;
      let encoding = null;
      for (const [name, ext] of [['br', '.br'], ['gzip', '.gz']]) {
        if (!accepted.includes(name)) continue;
        body = await readFile(file + ext).catch(() => null);
        if (body) {
          encoding = name;
          break;
        }
      }
      body ??= await readFile(file);
      res.writeHead(200, {
        'content-type': types[extname(file)] || 'application/octet-stream',
        'cache-control': cacheControl(file),
        vary: 'Accept-Encoding',
        ...(encoding ? { 'content-encoding': encoding } : {}),
        ...headers,
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((done) => server.listen(listenPort, '127.0.0.1', () => done(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await startServer();
  console.log(`Serving ${root} at http://127.0.0.1:${port}${base}`);
}
