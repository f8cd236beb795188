// A static file server for the benchmark that answers as a real host would: text, JavaScript, CSS,
// JSON, SVG and WebAssembly gzip-compressed (level 9, compressed once per file and cached), so the
// bytes the benchmark counts are the bytes a reader downloads. Serves only files inside the given
// folder, on 127.0.0.1. Used by tests/bench/bench.mjs for the TimelineJS page (our build is served
// by tests/serve.mjs, with the pre-compressed .br/.gz siblings production serves); on its own:
//
//   node tests/bench/gzip-server.mjs [--dir dist] [--port 8081]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

import { types as serveTypes } from '../serve.mjs';

const types = {
  ...serveTypes,
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.eot': 'application/vnd.ms-fontobject',
};
/** Types worth compressing (fonts and images are compressed already). */
const compressible = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.svg', '.csv', '.txt', '.ttf', '.eot']);

/**
 * Starts a server for `dir` on a free port (or `port`) of 127.0.0.1 and resolves to
 * `{ server, origin }`.
 */
export function startGzipServer({ dir, port = 0 }) {
  const root = resolve(dir);
  /** path -> { mtimeMs, body } for compressed bodies, so each file is compressed once. */
  const cache = new Map();
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://127.0.0.1');
      let file = normalize(join(root, decodeURIComponent(url.pathname)));
      if (file !== root && !file.startsWith(root + sep)) {
        res.writeHead(403).end();
        return;
      }
      let info = await stat(file).catch(() => null);
      if (info?.isDirectory()) {
        file = join(file, 'index.html');
        info = await stat(file).catch(() => null);
      }
      if (!info?.isFile()) throw new Error('not found');
      const ext = extname(file);
      const gzip = compressible.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] || '');
      let body;
      if (gzip) {
        const cached = cache.get(file);
        if (cached?.mtimeMs === info.mtimeMs) {
          body = cached.body;
        } else {
          body = gzipSync(await readFile(file), { level: 9 });
          cache.set(file, { mtimeMs: info.mtimeMs, body });
        }
      } else {
        body = await readFile(file);
      }
      res.writeHead(200, {
        'content-type': types[ext] || 'application/octet-stream',
        'content-length': body.length,
        'cache-control': 'no-cache',
        vary: 'Accept-Encoding',
        ...(gzip ? { 'content-encoding': 'gzip' } : {}),
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address();
      done({ server, origin: `http://127.0.0.1:${actual}` });
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
  };
  const dir = option('dir', 'dist');
  const { origin } = await startGzipServer({ dir, port: Number(option('port', 8081)) });
  console.log(`Serving ${resolve(dir)} gzip-compressed at ${origin}/`);
}
