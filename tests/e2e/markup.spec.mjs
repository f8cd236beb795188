// Text from the data that carries markup or script is shown as text, never run: the app built from
// a copy of data/ with markup planted in every text (scripts/build-markup-fixture.sh, which the
// test command runs before this) is walked through every view and mode.
import { existsSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { startServer } from '../serve.mjs';

const PORT = 4177;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const DIST = new URL('../../target/dist-markup', import.meta.url).pathname;
const PLANTED = "<script>window.__pwned='script'</script>";

/** The app has started (the planted text makes the layout too odd for visibility checks). */
async function waitForApp(page) {
  await expect(page.locator('#app[data-mounted]')).toBeAttached({ timeout: 15_000 });
  await expect(page.locator('.site-header h1, .presentation').first()).toBeAttached({ timeout: 15_000 });
}

let server;
test.beforeAll(async () => {
  expect(existsSync(`${DIST}/index.html`), `${DIST} is missing: run bash scripts/build-markup-fixture.sh`).toBe(true);
  server = await startServer({ dir: DIST, listenPort: PORT, basePath: '/' });
});
test.afterAll(() => server && new Promise((done) => server.close(done)));

/** Nothing planted became an element, ran, or fetched anything. */
async function expectInert(page, where, requests) {
  const found = await page.evaluate(() => ({
    pwned: window.__pwned ?? null,
    images: document.querySelectorAll('img[src="x"]').length,
    probes: document.querySelectorAll('.probe, u').length,
    scripts: document.querySelectorAll('#app script').length,
    attributes: document.querySelectorAll('[onmouseover], [data-x]').length,
  }));
  expect(found, `planted markup came alive on ${where}`).toEqual({ pwned: null, images: 0, probes: 0, scripts: 0, attributes: 0 });
  expect(requests.filter((u) => /\/x$/.test(u)), `requests for the planted image on ${where}`).toEqual([]);
}

// Clicks are dispatched: the planted text makes words so long that elements overlap.
test('markup planted in every text is shown as text in every view and mode', async ({ page }) => {
  test.setTimeout(60_000);
  const errors = [];
  const requests = [];
  const dialogs = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => requests.push(r.url()));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });

  await page.goto(`${ORIGIN}/#timeline?lang=en`);
  await waitForApp(page);
  // The planted text is there, visibly, as characters.
  await expect(page.locator('.site-header h1')).toContainText(PLANTED);
  await expect(page).toHaveTitle(new RegExp(PLANTED.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')));
  await page.locator('.markers a').nth(2).dispatchEvent('click');
  await expect(page.locator('#detail-heading')).toContainText(PLANTED);
  await expectInert(page, 'the timeline', requests);

  await page.locator('.views-nav a[data-view="map"]').dispatchEvent('click');
  await page.locator('svg.map a.place').first().dispatchEvent('click');
  await expect(page.locator('#detail-heading')).toContainText(PLANTED);
  await page.locator('svg.map a.route').first().dispatchEvent('click');
  await expectInert(page, 'the map', requests);

  await page.locator('.views-nav a[data-view="policies"]').dispatchEvent('click');
  await expect(page.locator('.policy-card h3').first()).toContainText(PLANTED);
  await expectInert(page, 'the policies', requests);

  await page.locator('.views-nav a[data-view="about"]').dispatchEvent('click');
  await expect(page.locator('.bibliography li').first()).toContainText(PLANTED);
  await expectInert(page, 'About', requests);

  await page.locator('.embed-button').dispatchEvent('click');
  await expect(page.locator('#embed-code')).toHaveValue(/&lt;script&gt;/);
  await page.keyboard.press('Escape');
  await page.locator('.present-button').dispatchEvent('click');
  await expect(page.locator('#slide-heading')).toContainText(PLANTED);
  await page.keyboard.press('ArrowRight');
  await expectInert(page, 'the presentation', requests);
  await page.keyboard.press('Escape');
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  await expect(page.locator('.handout h1')).toContainText(PLANTED);
  await expectInert(page, 'the handout', requests);

  await page.goto(`${ORIGIN}/index.html?embed=map&lang=es#map`);
  await waitForApp(page);
  await expectInert(page, 'an embed', requests);

  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
});

// The static first view is written at build time from the same data: its planted text must be
// just as inert (checked before the app arrives: the wasm request is never answered).
test('markup planted in every text is shown as text in the static first view', async ({ page }) => {
  const errors = [];
  const requests = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => requests.push(r.url()));
  await page.route(/_bg\.wasm/, () => {});
  for (const path of ['/', `/es.html#timeline?lang=es`]) {
    await page.goto(`${ORIGIN}${path}`);
    await expect(page.locator('.fv-header h1')).toContainText(PLANTED);
    await page.locator('.fv-marker').nth(2).dispatchEvent('click');
    await expect(page.locator('.fv-detail:visible .summary')).toContainText(PLANTED);
    await expect(page.locator('.lede-text')).toContainText(PLANTED);
    await expect(page.locator('#app[data-mounted]')).toHaveCount(0);
    await expectInert(page, `the first view at ${path}`, requests);
  }
  expect(errors).toEqual([]);
});
