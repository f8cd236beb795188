// The single-file build (scripts/single-file.mjs): ONE HTML file, opened from disk (file://) with
// the network switched off and every non-local request aborted, starts cleanly, works, and asks
// for no file but itself. The wasm and the data file are inlined gzip-compressed (base64) and
// unpacked by the browser's DecompressionStream: the app mounting proves that works; a browser
// without it, or a payload that does not unpack, keeps the static first view with the calm
// notice. Built from the release in dist/ (SINGLE_DIST=… to use another folder).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { pdfPageCount, waitForApp } from './helpers.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dist = resolve(root, process.env.SINGLE_DIST || 'dist');
const out = resolve(root, process.env.SINGLE_OUT || 'test-results/single/ecuador-explainer.html');
const fileUrl = pathToFileURL(out).href;

test.beforeAll(() => {
  execFileSync(process.execPath, ['scripts/single-file.mjs', '--dist', dist, '--out', out], { cwd: root, stdio: 'pipe' });
});

/** A context with no network: offline, and anything but file:, data: and blob: aborted. `init`
 * runs in the page before its scripts; `mount: false` opens it without waiting for the app. */
async function openOffline(browser, hash, { init, mount = true } = {}) {
  const context = await browser.newContext();
  if (init) await context.addInitScript(init);
  await context.setOffline(true);
  const aborted = [];
  const requests = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (/^(file|data|blob):/.test(url)) return route.continue();
    aborted.push(url);
    return route.abort('internetdisconnected');
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('request', (r) => requests.push(r.url()));
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
  await page.goto(fileUrl + hash);
  if (mount) await waitForApp(page);
  return { context, page, errors, aborted, requests };
}

test('opens from disk with no network: timeline, map and language all work', async ({ browser }) => {
  const { context, page, errors, aborted, requests } = await openOffline(browser, '#timeline?lang=en');
  await expect(page.locator('head meta[name="explainer-build"]')).toHaveAttribute('content', 'single-file');
  await expect(page.locator('h1')).toHaveText("Ecuador's security crisis");
  // Styled: the stylesheet is inlined (the header is a grid, the boot message gone).
  expect(await page.locator('.site-header').evaluate((e) => getComputedStyle(e).display)).toBe('grid');

  // Timeline: markers drawn; a click selects an event and shows its detail.
  await expect(page.locator('.markers a.marker')).not.toHaveCount(0);
  const marker = page.locator('.markers a[data-event="us-leaves-manta"]');
  await marker.click();
  await expect(page).toHaveURL(/#timeline\/us-leaves-manta\?lang=en$/);
  await expect(page.locator('#detail-heading')).toHaveText('The United States leaves Manta');
  await expect(page.locator('.detail .sources li')).not.toHaveCount(0);
  await expect(marker).toHaveAttribute('aria-current', 'true');

  // Map: the view's link draws the SVG map from the geometry compiled into the wasm.
  await page.locator('.views-nav a[data-view="map"]').click();
  await expect(page).toHaveURL(/#map/);
  await expect(page.locator('#view-heading')).toHaveText('Route map');
  await expect(page.locator('svg.map .land path')).not.toHaveCount(0);
  await expect(page.locator('svg.map a.route')).not.toHaveCount(0);

  // Language: the EN/ES switch.
  await page.getByRole('link', { name: 'Español' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.locator('h1')).toHaveText('La crisis de seguridad del Ecuador');
  await expect(page).toHaveURL(/#map.*\?lang=es$/);

  // About: the downloads cannot be inside one file, so it says where they are instead of linking
  // to files that are not there.
  await page.locator('.views-nav a[data-view="about"]').click();
  await expect(page.locator('.downloads-offline')).toBeVisible();
  await expect(page.locator('a[data-download]')).toHaveCount(0);
  // Nor does it offer an embed snippet: a file on a stick has no address a news page could use.
  await expect(page.locator('.embed-button')).toHaveCount(0);
  await expect(page.locator('.present-button')).toBeVisible();

  expect(errors).toEqual([]);
  expect(aborted, 'requests that tried to leave the file').toEqual([]);
  // One file: the only file: request is the page itself (no script, stylesheet or wasm beside it).
  const base = (u) => u.replace(/#.*$/, '');
  expect([...new Set(requests.filter((u) => u.startsWith('file:')).map(base))]).toEqual([fileUrl]);
  expect(requests.filter((u) => !/^(file|data|blob):/.test(u))).toEqual([]);
  await context.close();
});

test('a teacher prints the class sheet from the file with no network: two A4 pages with the chart', async ({ browser }) => {
  const { context, page, errors, aborted } = await openOffline(browser, '#story?lang=es', {
    init: () => {
      window.__printed = 0;
      window.print = () => (window.__printed += 1); // a headless browser has no print window
    },
  });
  await page.getByRole('button', { name: 'Imprimir una ficha' }).click();
  const dialog = page.getByRole('dialog', { name: 'Imprimir una ficha' });
  await dialog.getByRole('radio', { name: 'Hoja para la clase (2 páginas)' }).check();
  await dialog.getByRole('button', { name: 'Imprimir', exact: true }).click();
  await expect.poll(() => page.evaluate(() => window.__printed)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  const sheet = page.locator('.handout.class-sheet');
  await expect(sheet).toBeVisible();
  // The homicide chart is drawn inline, with its bars, from the data unpacked in the page.
  await expect(sheet.locator('.handout-picture svg rect')).not.toHaveCount(0);
  await expect(sheet.locator('.handout-steps li')).not.toHaveCount(0);
  const pages = pdfPageCount(await page.pdf({ format: 'A4', printBackground: false }));
  expect(pages, 'the class sheet fits two A4 pages').toBeLessThanOrEqual(2);
  expect(pages).toBeGreaterThan(0);
  expect(errors).toEqual([]);
  expect(aborted, 'requests that tried to leave the file').toEqual([]);
  await context.close();
});

test('the file is self-contained: no script, stylesheet or preload names another file', () => {
  const html = readFileSync(out, 'utf8');
  expect(html).not.toMatch(/<script\b[^>]*\bsrc\s*=/i);
  expect(html).not.toMatch(/<link\b[^>]*\brel\s*=\s*["']?(stylesheet|modulepreload|preload)\b/i);
  // No file of the build is named: in the markup, none at all; in the script (the glue may hold
  // strings of its own), none of Trunk's hashed files.
  const markup = html.replace(/(<script\b[^>]*>)[\s\S]*?(<\/script>)/gi, '$1$2');
  for (const name of readdirSync(dist).filter((f) => f !== 'index.html' && statSync(join(dist, f)).isFile())) {
    // As a file name, not inside another word (a source's address may end in "…cies.html").
    const named = new RegExp(`(?<![\\w.-])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
    expect(markup, `the markup names ${name}`).not.toMatch(named);
    if (/-[0-9a-f]{16}(_bg)?\.(js|css|wasm)$/.test(name)) expect(html, `the file names ${name}`).not.toContain(name);
  }
  expect(html.match(/<script\b/gi)).toHaveLength(1);
  expect(html).toContain('<meta name="explainer-build" content="single-file">');
  // The <template> the panic hook uses, the static first view and its noscript note are kept.
  expect(html).toMatch(/<template id=["']?crash-card/);
  expect(html).toMatch(/class=["']?fv-marker/);
  expect(html).toMatch(/<noscript>/);
});

test('the wasm and the data are inlined as gzip, so the file gzips to about what its parts do', () => {
  const html = readFileSync(out);
  const script = html.toString('utf8').match(/<script type="module">([\s\S]*)<\/script>/)[1];
  // Two long base64 strings, each a gzip stream (1f 8b 08 is "H4sI" in base64); no raw wasm
  // ("\0asm" is "AGFzbQ") anywhere.
  const payloads = [...script.matchAll(/"([A-Za-z0-9+/]{1000,}={0,2})"/g)].map((m) => m[1]);
  expect(payloads).toHaveLength(2);
  for (const p of payloads) expect(p.slice(0, 4)).toBe('H4sI');
  expect(script).not.toContain('"AGFzbQ');
  expect(script).toContain('new DecompressionStream("gzip")');
  // The whole file, gzip -9, within 5% of the sum of its parts' own gzip -9 sizes (with raw
  // base64 it was about 30% over): a regression to uncompressed payloads fails here.
  const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
  const file = (pattern) => {
    const names = readdirSync(dist).filter((f) => pattern.test(f));
    expect(names, String(pattern)).toHaveLength(1);
    return readFileSync(join(dist, names[0]));
  };
  const parts = [/_bg\.wasm$/, /^data-all-.*\.bin$/, /^index\.html$/, /^main-.*\.css$/, /^ecuador-explainer-[0-9a-f]+\.js$/].map((p) => gz(file(p)));
  const sum = parts.reduce((a, b) => a + b, 0);
  expect(gz(html), `gzip -9 of the file against ${sum} B for its parts`).toBeLessThanOrEqual(Math.round(sum * 1.05));
});

// Where the app cannot be unpacked, the page does not freeze or go blank: the static first view
// stays, readable, with the page's own notice (the text the boot script shows), and the reason
// goes to the console as a warning, not an uncaught error.
for (const [label, init] of [
  ['a browser without DecompressionStream', () => {
    delete window.DecompressionStream;
  }],
  ['a payload that does not unpack', () => {
    window.DecompressionStream = class extends TransformStream {
      constructor() {
        super({ transform: (_chunk, controller) => controller.error(new TypeError('damaged gzip data (test)')) });
      }
    };
  }],
]) {
  test(`${label}: the static first view stays, with the calm notice`, async ({ browser }) => {
    const { context, page, errors, aborted } = await openOffline(browser, '', { init, mount: false });
    const notice = page.locator('.fv-status .notice');
    await expect(notice).toHaveText('The interactive explainer could not load. The timeline below works as it is.');
    await expect(notice.locator('button')).toHaveCount(0);
    await expect(page.locator('#app')).not.toHaveAttribute('data-mounted');
    await expect(page.locator('#app')).toHaveAttribute('data-first-view');
    await expect(page.locator('h1')).toHaveText("Ecuador's security crisis");
    // The static timeline is there to read (its markers and their links need no script).
    const marker = page.locator('a.fv-marker').first();
    await expect(marker).toBeVisible();
    expect(errors.filter((e) => !e.startsWith('console warning:'))).toEqual([]);
    expect(errors.join('\n')).toMatch(/could not start/);
    expect(aborted).toEqual([]);
    await context.close();
  });
}
