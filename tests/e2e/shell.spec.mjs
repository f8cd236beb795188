// Journeys through the app shell: language, views, deep links, history, damaged links, privacy,
// accessibility and sub-path hosting.
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { startServer } from '../serve.mjs';
import { expectNoAxeViolations, expectSameOrigin, openTracked, waitForApp } from './helpers.mjs';

const ORIGIN = 'http://127.0.0.1:4173';

test('opens on the timeline with real, sourced content and no errors', async ({ page }) => {
  const { errors, requests } = await openTracked(page, '/#?lang=en');
  await expect(page.locator('h1')).toHaveText("Ecuador's security crisis");
  await expect(page.locator('#view-heading')).toHaveText('Timeline');
  await expect(page.locator('.markers li')).not.toHaveCount(0);
  await expect(page.locator('.boot-message')).toHaveCount(0);
  await expect(page).toHaveTitle("Ecuador's security crisis");
  expect(errors).toEqual([]);
  expectSameOrigin(requests, ORIGIN);
});

test('switches language and keeps the view and the selection', async ({ page }) => {
  const { errors } = await openTracked(page, '/#timeline/tc-television-raid?lang=en');
  await expect(page.locator('#detail-heading')).toContainText('TC Televisión');
  await page.getByRole('link', { name: 'Español' }).click();
  await expect(page.locator('h1')).toHaveText('La crisis de seguridad del Ecuador');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page).toHaveURL(/#timeline\/tc-television-raid\?lang=es$/);
  await expect(page.locator('#detail-heading')).toHaveText(
    'Hombres armados irrumpen en TC Televisión; se declara el “conflicto armado interno”',
  );
  await expect(page.locator('.detail-date time')).toHaveText('9 de enero de 2024');
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('.detail-date time')).toHaveText('9 January 2024');
  expect(errors).toEqual([]);
});

test('reaches every view by keyboard alone', async ({ page }) => {
  const { errors } = await openTracked(page, '/#?lang=en');
  const expected = { map: 'Route map', policies: 'Policies', about: 'About & sources', timeline: 'Timeline' };
  for (const [slug, heading] of Object.entries(expected)) {
    const link = page.locator(`.views-nav a[data-view="${slug}"]`);
    await link.focus();
    await expect(link).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('#view-heading')).toHaveText(heading);
    await expect(link).toHaveAttribute('aria-current', 'page');
  }
  // The first Tab lands on the skip link, which is visible when focused.
  await page.goto('about:blank');
  await page.goto('/#about?lang=en');
  await waitForApp(page);
  await page.keyboard.press('Tab');
  await expect(page.locator('.skip-link')).toBeFocused();
  await expect(page.locator('.skip-link')).toBeInViewport();
  expect(errors).toEqual([]);
});

test('a deep link reopens the same state after a reload', async ({ page }) => {
  const { errors } = await openTracked(page, '/#map/guayaquil?lang=es');
  await expect(page.locator('#view-heading')).toHaveText('Mapa de rutas');
  await expect(page.locator('#detail-heading')).toHaveText('Guayaquil');
  await page.reload();
  await waitForApp(page);
  await expect(page.locator('#view-heading')).toHaveText('Mapa de rutas');
  await expect(page.locator('#detail-heading')).toHaveText('Guayaquil');
  await expect(page.locator('.place-list a[aria-current]')).toHaveAttribute('data-place', 'guayaquil');
  expect(errors).toEqual([]);
});

test('links between views, with back and forward', async ({ page }) => {
  const { errors } = await openTracked(page, '/#timeline/fito-escapes?lang=en');
  await page.locator('.detail .places a', { hasText: 'Guayaquil' }).click();
  await expect(page).toHaveURL(/#map\/guayaquil\?lang=en$/);
  await expect(page.locator('#detail-heading')).toHaveText('Guayaquil');
  await page.locator('.events-here a', { hasText: 'TC Televisión' }).click();
  await expect(page.locator('#detail-heading')).toContainText('TC Televisión');
  await page.goBack();
  await expect(page.locator('#detail-heading')).toHaveText('Guayaquil');
  await page.goBack();
  await expect(page.locator('#detail-heading')).toContainText('Fito');
  await page.goForward();
  await expect(page.locator('#view-heading')).toHaveText('Route map');
  expect(errors).toEqual([]);
});

test('a garbage link falls back to a view with a polite notice', async ({ page }) => {
  const { errors } = await openTracked(page, '/#%3Cscript%3Ealert(1)%3C/script%3E/x/y?lang=es');
  await expect(page.locator('#view-heading')).toHaveText('Cronología');
  const notice = page.locator('.notice-region');
  await expect(notice).toHaveAttribute('role', 'status');
  await expect(notice).toContainText('Ese enlace estaba dañado');
  await notice.getByRole('button', { name: 'Cerrar' }).click();
  await expect(page.locator('.notice')).toHaveCount(0);
  // An unknown item in a known view keeps the view and says so.
  await page.goto('/#map/atlantis?lang=en');
  await expect(page.locator('#view-heading')).toHaveText('Route map');
  await expect(page.locator('.notice')).toContainText('could not find');
  await expect(page).toHaveURL(/#map\?lang=en$/);
  expect(errors).toEqual([]);
});

test('hostile fragments never break the page', async ({ page }) => {
  const { errors } = await openTracked(page, '/');
  const nasty = ['#', '#%', '#?&&=', '#//', '#timeline/%E2%80%AE', '#😀', '#map?lang=😀', `#${'a/'.repeat(400)}`, '#about/../../etc', '#javascript:alert(1)'];
  for (const hash of nasty) {
    await page.evaluate((h) => { location.hash = h; }, hash);
    await expect(page.locator('#view-heading')).toBeVisible();
  }
  await expect(page.locator('.crash-card')).toHaveCount(0);
  expect(errors).toEqual([]);
});

for (const lang of ['en', 'es']) {
  test(`axe finds no violations in any view (${lang})`, async ({ page }) => {
    const { errors, requests } = await openTracked(page, `/#timeline/tc-television-raid?lang=${lang}`);
    await expectNoAxeViolations(page, `timeline (${lang})`);
    for (const hash of [`#map/guayaquil?lang=${lang}`, `#policies?lang=${lang}`, `#about/e08?lang=${lang}`, `#nowhere?lang=${lang}`]) {
      await page.evaluate((h) => { location.hash = h; }, hash);
      await expect(page.locator('#view-heading')).toBeVisible();
      await expectNoAxeViolations(page, `${hash}`);
    }
    expect(errors).toEqual([]);
    expectSameOrigin(requests, ORIGIN);
  });
}

test('works from a sub-path, as a newsroom CDN folder would serve it', async ({ page }) => {
  const dist = fileURLToPath(new URL('../../dist', import.meta.url));
  const server = await startServer({ dir: dist, listenPort: 4174, basePath: '/news/2026/ecuador/' });
  try {
    const requests = [];
    const errors = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('http://127.0.0.1:4174/news/2026/ecuador/#policies?lang=en');
    await waitForApp(page);
    await expect(page.locator('#view-heading')).toHaveText('Policies');
    expect(requests.every((u) => u.startsWith('http://127.0.0.1:4174/news/2026/ecuador/'))).toBe(true);
    expect(errors).toEqual([]);
  } finally {
    server.close();
  }
});

test('a crash shows the readable error card, not a frozen page', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/#timeline?lang=en');
  await waitForApp(page);
  // Make the browser refuse to create elements, as a broken extension or host page might: the
  // next render panics inside the framework, and the panic hook must take over the page.
  await page.evaluate(() => {
    Document.prototype.createElement = () => { throw new Error('simulated DOM failure'); };
    document.createElement = Document.prototype.createElement;
  });
  await page.locator('.views-nav a[data-view="map"]').click();
  const card = page.locator('.crash-card');
  await expect(card).toBeVisible();
  await expect(card).toHaveAttribute('role', 'alert');
  await expect(card).toContainText('Something went wrong');
  await expect(card).toContainText('Algo salió mal');
  await expect(page.locator('.site-header')).toHaveCount(0);
  expect(errors.length).toBeGreaterThan(0); // the panic itself is reported to the console
});

test('a thousand random and adversarial links leave no error and no crash', async ({ page }) => {
  test.setTimeout(120_000);
  const { errors } = await openTracked(page, '/#timeline?lang=en');
  // A small seeded generator, so a failure can be replayed.
  let seed = 20261125;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pieces = ['#', '/', '?', '&', '=', '%', '%25', '%00', 'timeline', 'map', 'policies', 'about', 'lang', 'es', 'en', 'dim',
    '-vs-', 'plan-colombia', 'guayaquil', '<script>', '"', "'", '😀', '\u202e', '..', ' ', 'A'.repeat(300), 'javascript:'];
  const hashes = [];
  for (let i = 0; i < 1000; i++) {
    let s = '';
    const n = 1 + Math.floor(random() * 8);
    for (let j = 0; j < n; j++) {
      s += random() < 0.8 ? pieces[Math.floor(random() * pieces.length)] : String.fromCharCode(32 + Math.floor(random() * 0x2fff));
    }
    hashes.push(s);
  }
  await page.evaluate(async (list) => {
    for (const h of list) {
      location.hash = h;
      await new Promise((r) => setTimeout(r, 0));
    }
  }, hashes);
  await expect(page.locator('#view-heading')).toBeVisible();
  await expect(page.locator('.crash-card')).toHaveCount(0);
  // Query strings load the page anew: a sample of them.
  for (const q of ['?lang=<b>', '?embed=%%', '?x=' + 'y'.repeat(2000), '?#', '?lang=es&lang=en#map', '?%E2%80%AE#about']) {
    await page.goto('/' + q);
    await waitForApp(page);
  }
  expect(errors).toEqual([]);
});

// Served as deploy/ tells a host to: the pre-compressed sibling the browser accepts, hashed files
// cached for a year, the page itself revalidated (so a new release shows at once).
test('serves pre-compressed files, hashed ones cached as immutable', async ({ page }) => {
  const responses = [];
  page.on('response', (r) => responses.push(r));
  await openTracked(page, '/#timeline?lang=en');
  const find = (test) => responses.find((r) => test(new URL(r.url()).pathname));
  const checks = [
    ['the page', find((p) => p === '/'), 'no-cache'],
    ['the wasm', find((p) => p.endsWith('_bg.wasm')), 'public, max-age=31536000, immutable'],
    ['the styles', find((p) => p.endsWith('.css')), 'public, max-age=31536000, immutable'],
  ];
  for (const [what, response, cache] of checks) {
    expect(response, what).toBeTruthy();
    const headers = response.headers();
    expect(['br', 'gzip'], `${what}: content-encoding`).toContain(headers['content-encoding']);
    expect(headers['cache-control'], what).toBe(cache);
    expect(headers.vary, what).toBe('Accept-Encoding');
  }
});

// A phone reader never scrolls sideways: no view may be wider than a 360 px screen, in either
// language (Spanish labels run longer).
for (const lang of ['en', 'es']) {
  test(`no sideways scrolling at 360 px (${lang})`, async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    const { errors } = await openTracked(page, `/#timeline?lang=${lang}`);
    for (const hash of ['#timeline', '#timeline/tc-television-raid', '#map', '#map/guayaquil', '#policies', '#policies/plan-colombia-vs-el-salvador', '#about']) {
      await page.goto(`/${hash}?lang=${lang}`);
      await expect(page.locator('main')).not.toBeEmpty();
      const overflow = await page.evaluate(() => {
        const root = document.documentElement;
        const wide = [...document.querySelectorAll('body *')]
          .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1 && getComputedStyle(el).position !== 'fixed')
          // Inside a box that scrolls or clips sideways (the tab bar, a wide table) is fine.
          .filter((el) => {
            for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
              if (getComputedStyle(up).overflowX !== 'visible') return false;
            }
            return true;
          })
          .slice(0, 3)
          .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}#${el.id} (${Math.round(el.getBoundingClientRect().right)} px)`);
        return { by: root.scrollWidth - root.clientWidth, wide };
      });
      expect(overflow, `${hash} (${lang})`).toEqual({ by: 0, wide: [] });
    }
    expect(errors).toEqual([]);
  });
}
