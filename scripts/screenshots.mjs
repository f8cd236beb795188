// Takes screenshots of the built app (dist/) for people to look at, into target/screenshots/.
//   node scripts/screenshots.mjs [out-dir] [hash ...]    a few views (or the given ones) at phone
//                                                       and desktop sizes
//   node scripts/screenshots.mjs --matrix [out-dir]      every view at 1366×768 and 390×844, in
//        English and Spanish, light and dark, beside TimelineJS's page from the benchmark
//        (target/bench/timelinejs/, written by scripts/bench.sh) when it exists; plus one contact
//        sheet per view (sheet-<view>.png) with its eight shots side by side.
// Uses Debian's Chromium, like the tests.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { startServer } from '../tests/serve.mjs';

const args = process.argv.slice(2);
const matrix = args[0] === '--matrix';
if (matrix) args.shift();
const out = resolve(args[0] || 'target/screenshots');
const PORT = 4175;

const VIEWS = {
  timeline: '#timeline/tc-television-raid',
  story: '#story',
  map: '#map/colombia-to-europe-by-container',
  policies: '#policies',
  about: '#about',
};
const SIZES = matrix
  ? { desktop: { width: 1366, height: 768 }, phone: { width: 390, height: 844 } }
  : { phone: { width: 390, height: 844 }, desktop: { width: 1366, height: 900 } };

const shots = [];
if (matrix) {
  for (const [view, hash] of Object.entries(VIEWS)) {
    for (const size of Object.keys(SIZES)) {
      for (const lang of ['en', 'es']) {
        for (const scheme of ['light', 'dark']) shots.push({ view, size, lang, scheme, url: `${hash}?lang=${lang}` });
      }
    }
  }
} else {
  const hashes = args.length > 1 ? args.slice(1) : [
    '#timeline/tc-television-raid?lang=en', '#timeline/tc-television-raid?lang=es', '#map/guayaquil?lang=en', '#policies?lang=en', '#about?lang=es',
  ];
  for (const size of Object.keys(SIZES)) for (const url of hashes) shots.push({ size, scheme: 'light', url });
}

mkdirSync(out, { recursive: true });
const server = await startServer({ dir: new URL('../dist', import.meta.url).pathname, listenPort: PORT, basePath: '/' });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu', '--no-sandbox'],
});
const name = (s) => (s.view ? `${s.view}-${s.size}-${s.lang}-${s.scheme}` : `${s.size}-${s.url.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '')}`);
try {
  for (const shot of shots) {
    const page = await browser.newPage({ viewport: SIZES[shot.size], colorScheme: shot.scheme });
    await page.goto(`http://127.0.0.1:${PORT}/${shot.url}`);
    await page.waitForFunction(() => !document.querySelector('#app')?.hasAttribute('aria-busy') && !document.querySelector('.boot-message'));
    await page.waitForTimeout(300); // scrolling into place and transitions
    shot.file = `${name(shot)}.png`;
    await page.screenshot({ path: join(out, shot.file) });
    await page.close();
    console.log(join(out, shot.file));
  }
  if (matrix) {
    // TimelineJS's page from the benchmark, at both sizes, for comparison.
    const tljs = resolve('target/bench/timelinejs');
    const tl = [];
    if (existsSync(join(tljs, 'index.html'))) {
      const tlServer = await startServer({ dir: tljs, listenPort: PORT + 1, basePath: '/' });
      try {
        for (const size of Object.keys(SIZES)) {
          const page = await browser.newPage({ viewport: SIZES[size] });
          await page.goto(`http://127.0.0.1:${PORT + 1}/index.html`);
          await page.waitForTimeout(2500);
          const file = `timelinejs-${size}.png`;
          await page.screenshot({ path: join(out, file) });
          await page.close();
          tl.push(file);
          console.log(join(out, file));
        }
      } finally {
        tlServer.close();
      }
    } else {
      console.log(`no TimelineJS page in ${tljs}: run scripts/bench.sh once to compare`);
    }
    // One contact sheet per view: desktop shots in a row of four, phone shots in a row of four,
    // and TimelineJS's page at the end of each row.
    for (const view of Object.keys(VIEWS)) {
      const row = (size) => shots.filter((s) => s.view === view && s.size === size)
        .map((s) => `<figure><img src="${s.file}"><figcaption>${s.lang} · ${s.scheme}</figcaption></figure>`).join('')
        + (tl.find((f) => f.includes(size)) ? `<figure><img src="${tl.find((f) => f.includes(size))}"><figcaption>TimelineJS</figcaption></figure>` : '');
      const html = `<!doctype html><meta charset=utf-8><style>body{margin:8px;font:14px system-ui;background:#888}
        .row{display:flex;gap:8px;align-items:flex-start;margin-bottom:8px} figure{margin:0} img{display:block;border:1px solid #000}
        .desktop img{width:460px} .phone img{width:200px}</style>
        <div class="row desktop">${row('desktop')}</div><div class="row phone">${row('phone')}</div>`;
      const sheet = join(out, `sheet-${view}.html`);
      writeFileSync(sheet, html);
      const page = await browser.newPage({ viewport: { width: 2440, height: 900 } });
      await page.goto(`file://${sheet}`);
      await page.screenshot({ path: join(out, `sheet-${view}.png`), fullPage: true });
      await page.close();
      console.log(join(out, `sheet-${view}.png`));
    }
  }
} finally {
  await browser.close();
  server.close();
}
