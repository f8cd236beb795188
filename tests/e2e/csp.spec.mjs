// The app under a strict Content-Security-Policy, as a careful newsroom would serve it: no
// 'unsafe-inline', no 'unsafe-eval'. Every view and mode is visited and no violation may occur.
import { expect, test } from '@playwright/test';
import { startServer } from '../serve.mjs';
import { waitForApp } from './helpers.mjs';

const PORT = 4176;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  'frame-ancestors *',
].join('; ');

let server;
test.beforeAll(async () => {
  server = await startServer({ dir: new URL('../../dist', import.meta.url).pathname, listenPort: PORT, basePath: '/', headers: { 'content-security-policy': CSP } });
});
test.afterAll(() => new Promise((done) => server.close(done)));

test('runs every view and mode under a strict CSP with no violation', async ({ page }) => {
  const violations = [];
  const errors = [];
  const requests = [];
  await page.exposeFunction('reportViolation', (v) => violations.push(v));
  await page.addInitScript(() => {
    window.pendingReports = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      pendingReports.push(window.reportViolation(`${e.violatedDirective}: ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} ${e.sample}`)),
    );
  });
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => requests.push(r.url()));

  const response = await page.goto(`${ORIGIN}/#timeline?lang=en`);
  expect(response.headers()['content-security-policy']).toBe(CSP);
  await waitForApp(page);
  // The timeline: its markers are placed through the CSSOM, which the policy allows.
  await page.locator('.markers a').nth(3).click();
  await expect(page.locator('#detail-heading')).toBeVisible();
  await page.getByRole('button', { name: 'Year' }).click();
  // The map, the policies and About.
  await page.locator('.views-nav a[data-view="map"]').click();
  await expect(page.locator('svg.map')).toBeVisible();
  await page.locator('.views-nav a[data-view="policies"]').click();
  await expect(page.locator('.policy-card').first()).toBeVisible();
  await page.locator('.views-nav a[data-view="about"]').click();
  await expect(page.locator('.bibliography li').first()).toBeVisible();
  // The Embed dialog, presentation mode, the handout, and the embedded page.
  await page.getByRole('button', { name: 'Embed' }).click();
  await expect(page.locator('.embed-dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Present' }).click();
  await expect(page.locator('.presentation')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Escape');
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  await expect(page.locator('.handout')).toHaveCount(1);
  await page.goto(`${ORIGIN}/index.html?embed=timeline&dark=true#timeline?lang=es`);
  await waitForApp(page);
  await page.locator('.markers a').first().click();
  // A damaged link shows the notice.
  await page.goto(`${ORIGIN}/#nowhere/%3Cscript%3E`);
  await waitForApp(page);
  await expect(page.locator('.notice')).toBeVisible();

  // Instead of a sleep: the last page's fonts are in, it has painted twice, a task queued after
  // those (and after any violation event queued meanwhile) has run, and every violation it
  // reported has reached the test (each report resolves once the test has recorded it).
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    await new Promise((done) => setTimeout(done, 0));
    await Promise.all(window.pendingReports);
  });
  expect(violations, 'CSP violations').toEqual([]);
  expect(errors.filter((e) => /Content Security Policy|Refused/.test(e)), 'CSP console errors').toEqual([]);
  expect(errors).toEqual([]);
  expect(requests.filter((u) => !u.startsWith(ORIGIN) && !u.startsWith('data:'))).toEqual([]);
});
