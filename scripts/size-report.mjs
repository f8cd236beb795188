// Prints raw, gzip (level 9) and brotli (quality 11) sizes of every file in a folder, and totals.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dir = process.argv[2] || 'dist';
const files = [];
const walk = (d) => {
  for (const name of readdirSync(d)) {
    const path = join(d, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (!/\.(gz|br)$/.test(name)) files.push(path); // the pre-compressed siblings are copies
  }
};
walk(dir);
files.sort();

const rows = files.map((path) => {
  const body = readFileSync(path);
  return {
    file: relative(dir, path),
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
});
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const width = Math.max(5, ...rows.map((r) => r.file.length));
console.log(`${'file'.padEnd(width)}  ${'raw'.padStart(10)}  ${'gzip'.padStart(10)}  ${'brotli'.padStart(10)}`);
for (const r of [...rows, { file: 'total', ...total }]) {
  console.log(`${r.file.padEnd(width)}  ${kb(r.raw).padStart(10)}  ${kb(r.gzip).padStart(10)}  ${kb(r.brotli).padStart(10)}`);
}
// The first view loads the page, its script, styles and wasm; downloads load only on request.
const firstView = rows.filter((r) => !r.file.startsWith('downloads/')).reduce((t, r) => t + r.gzip, 0);
const budget = 120 * 1024;
console.log(`first view (all but downloads/): ${kb(firstView)} gzip of the ${kb(budget)} budget (${firstView <= budget ? 'within' : `OVER by ${kb(firstView - budget)}`})`);
