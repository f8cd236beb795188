// The static first view (src/first_view.rs, written into index.html and es.html at build time):
// usable before the wasm arrives and without JavaScript; the app mounts over it and keeps the
// reader's place; and when the app cannot load, the page stays usable with a calm notice.
import { expect, test } from '@playwright/test';
import { waitForApp } from './helpers.mjs';

const WASM = /_bg\.wasm(\?.*)?$/;
const GLUE = /\/ecuador-explainer-[0-9a-f]{16}\.js(\?.*)?$/;
const DATA = /\/data-(en|es)-[0-9a-f]{16}\.bin(\?.*)?$/;
const DATA_ES = /\/data-es-[0-9a-f]{16}\.bin(\?.*)?$/;
const RAID = 'tc-television-raid';

/** Holds every request whose address matches `pattern` until `release()` is called. */
async function hold(page, pattern) {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(pattern, async (route) => {
    await held;
    await route.continue().catch(() => {});
  });
  return () => release();
}

/** Holds every wasm request until `release()` is called: the page stays static meanwhile. */
const holdWasm = (page) => hold(page, WASM);
/** Holds the loader back: whatever asks for the app's code meanwhile is the page itself. */
const holdBoot = (page) => hold(page, /\/boot-[0-9a-f]{16}\.js$/);

/** Records page errors (an uncaught exception is a failure in every fault). */
function trackPageErrors(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

test('before the wasm arrives, every event is there and opens by click and by keyboard', async ({ page }) => {
  const errors = trackPageErrors(page);
  const release = await holdWasm(page);
  await page.goto('/');
  const markers = page.locator('.fv-marker');
  expect(await markers.count()).toBeGreaterThan(50);
  await expect(page.locator('.lede-figure')).toContainText('46.5');
  // No detail shows until one is chosen.
  await expect(page.locator('.fv-detail:visible')).toHaveCount(0);

  await page.getByRole('link', { name: /Gunmen storm TC Televisión/ }).click();
  await expect(page).toHaveURL(new RegExp(`#timeline/${RAID}\\?lang=en$`));
  const raid = page.locator(`#fv-detail-${RAID}`).locator('xpath=ancestor::div[@class="fv-detail"]');
  await expect(raid).toBeVisible();
  await expect(raid.locator('.summary')).toContainText('Decree 111');
  await expect(raid.locator('.sources li').first()).toBeVisible();

  // Keyboard: Enter on another event's link shows that one instead.
  const manta = page.locator('.fv-marker[data-event="manta-base-agreement"]');
  await manta.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.fv-detail:visible')).toHaveCount(1);
  await expect(page.locator('.fv-detail:visible .summary')).toContainText('Manta');
  await expect(raid).toBeHidden();

  // All of that happened with the app still on its way.
  await expect(page.locator('#app[data-mounted]')).toHaveCount(0);
  release();
  await waitForApp(page);
  expect(errors).toEqual([]);
});

test('a deep link shows its event with no script at all, in English and in Spanish', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  for (const [path, title] of [
    [`/#timeline/${RAID}`, 'Gunmen storm TC Televisión'],
    [`/#timeline/${RAID}?lang=en`, 'Gunmen storm TC Televisión'],
    [`/es.html#timeline/${RAID}?lang=es`, 'Hombres armados irrumpen en TC Televisión'],
  ]) {
    await page.goto(path);
    const shown = page.locator('.fv-detail:visible');
    await expect(shown, path).toHaveCount(1);
    await expect(shown.locator('h3')).toContainText(title);
    // The page scrolled to it.
    await expect(page.locator(`.fv-marker[data-event="${RAID}"]`)).toBeInViewport();
  }
  await context.close();
});

test('without JavaScript, every event has its title, date, summary and sources, and the language link works', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
  const problems = await page.evaluate(() =>
    [...document.querySelectorAll('.fv-event')].flatMap((li) => {
      const id = li.querySelector('.fv-marker')?.dataset.event ?? '?';
      const missing = [];
      if (!li.querySelector('.fv-marker time')?.textContent.trim()) missing.push('date');
      if (!li.querySelector('.fv-title')?.textContent.trim()) missing.push('title');
      if (!li.querySelector('.fv-detail .summary')?.textContent.trim()) missing.push('summary');
      if (!li.querySelector('.fv-detail .sources li')) missing.push('sources');
      return missing.length ? [`${id}: no ${missing.join(', ')}`] : [];
    }),
  );
  expect(problems).toEqual([]);
  expect(await page.locator('.fv-event').count()).toBeGreaterThan(50);
  // What needs the app is said, not hidden.
  expect(await page.locator('noscript').first().textContent()).toContain('The map, the policy comparison');
  await page.getByRole('link', { name: 'Español' }).click();
  await expect(page).toHaveURL(/\/es\.html#timeline\?lang=es$/);
  await expect(page.locator('h1')).toHaveText('La crisis de seguridad del Ecuador');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await context.close();
});

test('a Spanish browser gets the Spanish page; a link that names a language keeps it', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'es-EC' });
  const page = await context.newPage();
  const release = await holdWasm(page);
  await page.goto(`/#timeline/${RAID}`);
  await expect(page).toHaveURL(new RegExp(`/es\\.html#timeline/${RAID}$`));
  await expect(page.locator('h1')).toHaveText('La crisis de seguridad del Ecuador');
  await expect(page.locator('.fv-detail:visible h3')).toContainText('Hombres armados');
  await page.goto(`/#timeline/${RAID}?lang=en`);
  await expect(page).toHaveURL(new RegExp(`127\\.0\\.0\\.1:\\d+/#timeline/${RAID}\\?lang=en$`));
  await expect(page.locator('h1')).toHaveText("Ecuador's security crisis");
  release();
  await waitForApp(page);
  await expect(page.locator('h1')).toHaveText("Ecuador's security crisis");
  await context.close();
});

test('once the first view has painted, the page asks for the app\'s code at low priority, once; a page that moves to the other language asks for none; an embed asks at once', async ({ browser }) => {
  // An English reader: the wasm and the glue are requested after the first contentful paint,
  // at low priority, and the loader then uses those same responses.
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const priorities = {};
  cdp.on('Network.requestWillBeSent', ({ request }) => {
    if (WASM.test(request.url) || GLUE.test(request.url)) priorities[request.url.split('/').pop()] = request.initialPriority;
  });
  const asked = [];
  page.on('request', (request) => (WASM.test(request.url()) || GLUE.test(request.url())) && asked.push(request.url()));
  const release = await holdBoot(page);
  // Not until 'load': the held loader keeps the page from finishing.
  await page.goto('/', { waitUntil: 'commit' });
  await expect.poll(() => asked.length).toBe(2);
  expect(Object.values(priorities), JSON.stringify(priorities)).toEqual(['Low', 'Low']);
  const timing = await page.evaluate(() => ({
    wasmAsked: performance.getEntriesByType('resource').find((e) => /_bg\.wasm$/.test(e.name))?.startTime,
    painted: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
  }));
  expect(timing.wasmAsked, JSON.stringify(timing)).toBeGreaterThanOrEqual(timing.painted);
  release();
  await waitForApp(page);
  expect(asked.filter((u) => WASM.test(u))).toHaveLength(1);
  expect(asked.filter((u) => GLUE.test(u))).toHaveLength(1);
  await context.close();

  // A Spanish reader landing on the English page: only the Spanish page asks for the code.
  const spanish = await browser.newContext({ locale: 'es-EC' });
  const esPage = await spanish.newPage();
  const referrers = [];
  esPage.on('request', (request) => (WASM.test(request.url()) || GLUE.test(request.url())) && referrers.push(request.headers()['referer'] ?? ''));
  const releaseEs = await holdBoot(esPage);
  await esPage.goto('/', { waitUntil: 'commit' });
  await expect(esPage).toHaveURL(/\/es\.html$/);
  await expect.poll(() => referrers.length).toBe(2);
  expect(referrers.every((r) => r.endsWith('/es.html')), JSON.stringify(referrers)).toBe(true);
  releaseEs();
  await waitForApp(esPage);
  expect(referrers).toHaveLength(2);
  await spanish.close();

  // An embed shows nothing without the app: it asks at once, still at low priority.
  const embedContext = await browser.newContext({ locale: 'en-US' });
  const embed = await embedContext.newPage();
  const embedCdp = await embedContext.newCDPSession(embed);
  await embedCdp.send('Network.enable');
  const embedAsked = [];
  embedCdp.on('Network.requestWillBeSent', ({ request }) => {
    if (WASM.test(request.url) || GLUE.test(request.url)) embedAsked.push(request.initialPriority);
  });
  const releaseEmbed = await holdBoot(embed);
  await embed.goto('/?embed=map', { waitUntil: 'commit' });
  await expect.poll(() => embedAsked.length).toBe(2);
  expect(embedAsked).toEqual(['Low', 'Low']);
  releaseEmbed();
  await expect(embed.locator('svg.map')).toBeVisible();
  expect(embedAsked).toHaveLength(2);
  await embedContext.close();
});

test('the app mounts over the first view and keeps the selection, the focus and the place', async ({ page }) => {
  const errors = trackPageErrors(page);
  await page.setViewportSize({ width: 390, height: 844 });
  const release = await holdWasm(page);
  await page.goto('/');
  const marker = page.locator(`.fv-marker[data-event="${RAID}"]`);
  await marker.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.fv-detail:visible')).toHaveCount(1);
  expect(await page.evaluate(() => scrollY)).toBeGreaterThan(1000);
  release();
  await waitForApp(page);
  await expect(page.locator('.fv-marker')).toHaveCount(0);
  await expect(page).toHaveURL(new RegExp(`#timeline/${RAID}\\?lang=en$`));
  await expect(page.locator('.markers a[aria-current]')).toHaveAttribute('data-event', RAID);
  await expect(page.locator('#detail-heading')).toContainText('TC Televisión');
  await expect(page.locator('#detail-heading')).toBeInViewport();
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.dataset?.event ?? document.activeElement?.tagName))
    .toBe(RAID);
  expect(errors).toEqual([]);
});

test('asking for a view the first view cannot show loads the app and opens it', async ({ page }) => {
  const errors = trackPageErrors(page);
  const release = await holdWasm(page);
  await page.goto('/');
  await page.locator('.views-nav a[data-view="map"]').click();
  await expect(page.locator('.fv-status')).toContainText('Opening the interactive explainer');
  release();
  await waitForApp(page);
  await expect(page.locator('#view-heading')).toHaveText('Route map');
  expect(errors).toEqual([]);
});

const FAULTS = [
  ['the wasm is missing (404)', WASM, (route) => route.fulfill({ status: 404, body: 'not found' })],
  ['the glue script is missing (404)', GLUE, (route) => route.fulfill({ status: 404, body: 'not found' })],
  [
    'the wasm is corrupt',
    WASM,
    (route) => route.fulfill({ status: 200, contentType: 'application/wasm', body: Buffer.from('this is not a wasm module') }),
  ],
  ['the glue script is from another build', GLUE, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: 'export default async function () { throw new Error("wrong version"); }' })],
  ['the data file is missing (404)', DATA, (route) => route.fulfill({ status: 404, body: 'not found' })],
  [
    'the server answers the data file with a page',
    DATA,
    (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><p>Moved</p>' }),
  ],
  [
    'the data file is cut short',
    DATA,
    async (route) => {
      const body = await (await route.fetch()).body();
      await route.fulfill({ status: 200, contentType: 'application/octet-stream', body: body.subarray(0, body.length >> 1) });
    },
  ],
  [
    'the data file is from another build',
    DATA,
    async (route) => {
      const body = Buffer.from(await (await route.fetch()).body());
      body[4] ^= 0xff; // the model's fingerprint, after the 4-byte magic
      await route.fulfill({ status: 200, contentType: 'application/octet-stream', body });
    },
  ],
];

for (const [what, url, fault] of FAULTS) {
  test(`when ${what}, the first view stays usable, says so calmly, and a retry loads the app`, async ({ page }) => {
    const errors = trackPageErrors(page);
    await page.route(url, fault);
    await page.goto('/');
    const notice = page.locator('.fv-status .notice');
    await expect(notice).toContainText('could not load');
    await expect(notice.getByRole('button', { name: 'Try again' })).toBeVisible();
    // Still usable.
    await page.getByRole('link', { name: /Gunmen storm TC Televisión/ }).click();
    await expect(page.locator('.fv-detail:visible .summary')).toContainText('Decree 111');
    expect(errors).toEqual([]);
    // The network is back: a retry mounts the app on the same selection.
    await page.unroute(url);
    await notice.getByRole('button', { name: 'Try again' }).click();
    await waitForApp(page);
    await expect(page.locator('.markers a[aria-current]')).toHaveAttribute('data-event', RAID);
    expect(errors).toEqual([]);
  });
}

test('a page fetches its own language\'s data only; switching language fetches the other, keeps the place and the focus', async ({ page }) => {
  const errors = trackPageErrors(page);
  const fetched = [];
  page.on('request', (request) => {
    const m = request.url().match(DATA);
    if (m) fetched.push(m[1]);
  });
  await page.goto(`/#timeline/${RAID}?lang=en`);
  await waitForApp(page);
  expect(fetched).toEqual(['en']);
  await expect(page.locator('#detail-heading')).toContainText('TC Televisión');
  const spanish = page.locator('.lang-link[hreflang="es"]');
  await spanish.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.locator('.views-nav')).toContainText('Mapa');
  expect(fetched).toEqual(['en', 'es']);
  // The same event, and focus back on the link the reader pressed.
  await expect(page.locator('.markers a[aria-current]')).toHaveAttribute('data-event', RAID);
  await expect(page.locator('.lang-link[hreflang="es"]')).toBeFocused();
  // Back to English and to Spanish again: both are there now, nothing more is fetched.
  await page.locator('.lang-link[hreflang="en"]').click();
  await expect(page.locator('.views-nav')).toContainText('Route map');
  await page.locator('.lang-link[hreflang="es"]').click();
  await expect(page.locator('.views-nav')).toContainText('Mapa');
  expect(fetched).toEqual(['en', 'es']);
  expect(errors).toEqual([]);
});

test('when the other language cannot load, the page keeps its language and says so; choosing again works', async ({ page }) => {
  const errors = trackPageErrors(page);
  await page.route(DATA_ES, (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto(`/#timeline/${RAID}?lang=en`);
  await waitForApp(page);
  await page.locator('.lang-link[hreflang="es"]').click();
  await expect(page.locator('.notice-region')).toContainText('could not load');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('.views-nav')).toContainText('Route map');
  await expect(page).toHaveURL(/lang=en/);
  await page.unroute(DATA_ES);
  await page.locator('.lang-link[hreflang="es"]').click();
  await expect(page.locator('.views-nav')).toContainText('Mapa');
  await expect(page.locator('.markers a[aria-current]')).toHaveAttribute('data-event', RAID);
  expect(errors).toEqual([]);
});

test('when the app takes too long, the reader is told and keeps the first view', async ({ page }) => {
  const errors = trackPageErrors(page);
  await page.addInitScript(() => {
    window.explainerBootTimeoutMs = 1000;
  });
  const release = await holdWasm(page);
  await page.goto('/');
  await expect(page.locator('.fv-status .notice')).toContainText('taking a while', { timeout: 5_000 });
  await page.getByRole('link', { name: /Gunmen storm TC Televisión/ }).click();
  await expect(page.locator('.fv-detail:visible .summary')).toContainText('Decree 111');
  release();
  await waitForApp(page);
  await expect(page.locator('.fv-status')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('an embed with controls=min never shows the list or the language switch, even before the app', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('/index.html?embed=map&lang=es&controls=min');
  await expect(page.locator('.fv-header h1')).toBeVisible();
  await expect(page.locator('.fv-header .lang-switch')).toBeHidden();
  await expect(page.locator('.fv-main')).toBeHidden();
  release();
  await waitForApp(page);
  await expect(page.locator('.lang-switch')).toHaveCount(0);
});
