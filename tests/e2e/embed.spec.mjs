// Embeds in a news page: a host page on a second origin frames each view; the iframe follows the
// content's height through static/embed.js; forged and malformed messages change nothing; the
// host's documented commands work and nothing else does; the Embed dialog's snippet works pasted
// into a host page; every request the embed makes stays on the app's origin.
import { createServer } from 'node:http';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, openTracked, waitForApp } from './helpers.mjs';

const APP = 'http://127.0.0.1:4173';
const HOST_PORT = 4174;
const HOST = `http://127.0.0.1:${HOST_PORT}`; // another port: another origin

// The host server answers each path with the page registered for it.
const pages = new Map();
let server;
test.beforeAll(async () => {
  server = createServer((req, res) => {
    const body = pages.get(new URL(req.url, HOST).pathname);
    if (body === undefined) return res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise((done) => server.listen(HOST_PORT, '127.0.0.1', done));
});
test.afterAll(() => new Promise((done) => server.close(done)));

function hostPage(iframes, { script = true } = {}) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>A news article</title></head>
<body style="margin:0;font-family:serif"><h1>Newsroom article</h1><p>Some reporting before the graphic.</p>
${iframes}
<p>Some reporting after the graphic.</p>
${script ? `<script src="${APP}/embed.js" async></script>` : ''}
</body></html>`;
}

function frameTag(id, query, height = 150) {
  return `<iframe id="${id}" src="${APP}/index.html?${query}" title="Explainer" width="100%" height="${height}" style="width:100%;border:0;height:${height}px" data-ecuador-explainer></iframe>`;
}

/** Opens a host page, tracking page errors in every frame and the requests the embeds make. */
async function openHost(page, path, html) {
  pages.set(path, html);
  const errors = [];
  const embedRequests = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('request', (r) => {
    const frame = r.frame();
    if (frame && frame !== page.mainFrame()) embedRequests.push(r.url());
  });
  await page.goto(`${HOST}${path}`);
  return { errors, embedRequests };
}

async function embedFrame(page, id) {
  const frame = page.frameLocator(`#${id}`);
  // The app, not the static first view under it: only the app answers a host's commands.
  await expect(frame.locator('#app[data-mounted]')).toBeAttached({ timeout: 15_000 });
  await expect(frame.locator('.site-header h1')).toBeVisible({ timeout: 15_000 });
  return frame;
}

const frameHeight = (page, id) => page.locator(`#${id}`).evaluate((f) => f.getBoundingClientRect().height);
/** The embedded page's own measure of its content (the bottom of #app). */
async function contentHeight(page, id) {
  const frame = await (await page.locator(`#${id}`).elementHandle()).contentFrame();
  return frame.evaluate(() => Math.ceil(document.getElementById('app').getBoundingClientRect().bottom + scrollY));
}

test('each view, embedded on another origin, resizes its iframe to its content', async ({ page }) => {
  const views = ['timeline', 'map', 'policies', 'all'];
  const { errors, embedRequests } = await openHost(
    page,
    '/views.html',
    hostPage(views.map((v) => frameTag(`embed-${v}`, `embed=${v}&lang=en`)).join('\n')),
  );
  for (const view of views) {
    const id = `embed-${view}`;
    const frame = await embedFrame(page, id);
    // Compact chrome: a way out to the full explainer; tabs only for the whole explainer.
    const full = frame.locator('.open-full');
    await expect(full).toHaveAttribute('target', '_blank');
    await expect(full).toHaveAttribute('href', /index\.html#/);
    expect(await full.getAttribute('href')).not.toContain('embed=');
    await expect(frame.locator('.views-nav')).toHaveCount(view === 'all' ? 1 : 0);
    await expect(frame.locator('.tools')).toHaveCount(0);
    await expect.poll(() => frameHeight(page, id), { message: `${view} iframe grows`, timeout: 15_000 }).toBeGreaterThan(400);
    const content = await contentHeight(page, id);
    await expect.poll(() => frameHeight(page, id), { message: `${view} iframe fits`, timeout: 10_000 }).toBe(content);
  }
  // The timeline embed shows the timeline; the map embed the map.
  await expect((await embedFrame(page, 'embed-timeline')).locator('#view-heading')).toHaveText('Timeline');
  await expect((await embedFrame(page, 'embed-map')).locator('svg.map')).toBeVisible();

  // A state change that changes the height is followed: selecting an event opens its detail.
  const frame = await embedFrame(page, 'embed-timeline');
  const before = await frameHeight(page, 'embed-timeline');
  await frame.locator('.markers a').first().click();
  await expect(frame.locator('#detail-heading')).toBeVisible();
  const after = await contentHeight(page, 'embed-timeline');
  expect(after).not.toBe(before);
  await expect.poll(() => frameHeight(page, 'embed-timeline')).toBe(after);

  expect(errors).toEqual([]);
  const foreign = embedRequests.filter((u) => !u.startsWith(APP) && !u.startsWith('data:'));
  expect(foreign, 'requests from the embeds that left the app origin').toEqual([]);
});

test('posts its height in the Pym.js, Datawrapper, AMP and iframe.resize conventions', async ({ page }) => {
  const html = `${frameTag('pym', 'embed=timeline&childId=graphic-1&initialWidth=800&parentTitle=News&parentUrl=http%3A%2F%2Fnews')}
<script>
  window.received = [];
  addEventListener('message', (e) => { if (e.source === document.getElementById('pym').contentWindow) received.push(e.data); });
</script>`;
  const { errors } = await openHost(page, '/pym.html', hostPage(html, { script: false }));
  await embedFrame(page, 'pym');
  await expect.poll(() => page.evaluate(() => received.length)).toBeGreaterThan(4);
  const received = await page.evaluate(() => received);
  const pym = received.find((m) => typeof m === 'string' && m.startsWith('pymxPYMx'));
  expect(pym).toMatch(/^pymxPYMxgraphic-1xPYMxheightxPYMx\d+$/);
  const height = Number(pym.split('xPYMx').pop());
  expect(height).toBeGreaterThan(400);
  expect(received).toContainEqual({ 'datawrapper-height': { 'graphic-1': height } });
  expect(received).toContainEqual({ sentinel: 'amp', type: 'embed-size', height });
  expect(received).toContainEqual({ type: 'ecuador-explainer:height', height });
  const resize = received.filter((m) => typeof m === 'string' && m.startsWith('{')).map((m) => JSON.parse(m));
  expect(resize).toContainEqual({ src: `${APP}/index.html?embed=timeline&childId=graphic-1&initialWidth=800&parentTitle=News&parentUrl=http%3A%2F%2Fnews`, context: 'iframe.resize', height });
  expect(received.some((m) => m && m.type === 'ecuador-explainer:state' && m.hash.startsWith('#timeline'))).toBe(true);
  expect(errors).toEqual([]);
});

test('forged and malformed messages change nothing', async ({ page }) => {
  // A second frame from the host's own origin plays the attacker.
  pages.set('/evil.html', '<!doctype html><title>evil</title><p>evil</p>');
  const html = `${frameTag('real', 'embed=timeline&lang=en')}
<iframe id="evil" src="${HOST}/evil.html" title="other" style="height:120px"></iframe>`;
  const { errors } = await openHost(page, '/forged.html', hostPage(html));
  const frame = await embedFrame(page, 'real');
  await expect.poll(() => frameHeight(page, 'real')).toBeGreaterThan(400);
  const settled = await frameHeight(page, 'real');
  const hashOf = () => frame.locator('body').evaluate(() => location.hash);
  const hashBefore = await hashOf();
  const real = await (await page.locator('#real').elementHandle()).contentFrame();
  // Recorders for the sentinels below, each added after the listener under test (the app's, and
  // embed.js's: the iframe's height proves it runs), so they see a message after it was handled.
  await real.evaluate(() => {
    window.typesSeen = [];
    addEventListener('message', (e) => typesSeen.push(e.data && e.data.type));
  });
  await page.evaluate(() => {
    const frame = document.getElementById('real');
    const source = frame.contentWindow;
    window.fromReal = [];
    addEventListener('message', (e) => {
      if (e.source === source) fromReal.push(e.data);
    });
    // Every height embed.js sets from now on: an accepted forged height would not last (the
    // embed posts its own again as soon as it is resized), so the end state alone cannot show it.
    window.heightsSet = [];
    new MutationObserver(() => heightsSet.push(frame.getAttribute('height'))).observe(frame, { attributeFilter: ['height'] });
  });

  // To the host script: messages from the page itself, from another frame, and malformed ones
  // from the real embed.
  await page.evaluate(() => postMessage({ type: 'ecuador-explainer:height', height: 3333 }, '*'));
  const evil = page.frameLocator('#evil');
  await evil.locator('p').evaluate(() => {
    parent.postMessage({ type: 'ecuador-explainer:height', height: 4444 }, '*');
    parent.postMessage({ type: 'ecuador-explainer:state', hash: '#map/guayaquil' }, '*');
  });
  await real.evaluate(() => {
    for (const height of ['999', 99999, -5, 1.5, Number.NaN, Infinity, null, { valueOf: 1 }, [500], 50]) {
      try {
        parent.postMessage({ type: 'ecuador-explainer:height', height }, '*');
      } catch {
        /* not cloneable: the browser refuses it, which is fine */
      }
    }
    parent.postMessage('{"type":"ecuador-explainer:height","height":777}', '*');
    parent.postMessage({ type: 'ecuador-explainer:state', hash: 'javascript:alert(1)' }, '*');
    parent.postMessage({ type: 'ecuador-explainer:state', hash: `#${'a'.repeat(600)}` }, '*');
  });
  // To the embed: commands from a window that is not its host, malformed and out-of-scope ones.
  await evil.locator('p').evaluate(() => {
    parent.frames[0].postMessage({ type: 'ecuador-explainer:navigate', hash: '#timeline/tc-television-raid' }, '*');
  });
  await page.evaluate(() => {
    const target = document.getElementById('real').contentWindow;
    const bad = [
      'ecuador-explainer:navigate',
      { type: 'ecuador-explainer:navigate' },
      { type: 'ecuador-explainer:navigate', hash: '#map/guayaquil' },
      { type: 'ecuador-explainer:navigate', hash: '#timeline/<img src=x onerror=alert(1)>' },
      { type: 'ecuador-explainer:navigate', hash: '#timeline/no-such-event' },
      { type: 'ecuador-explainer:navigate', hash: 42 },
      { type: 'navigate', hash: '#timeline/tc-television-raid' },
      { type: ['ecuador-explainer:navigate'], hash: '#timeline/tc-television-raid' },
      null,
      [1, 2, 3],
      new Array(1000).fill('x').join(''),
    ];
    for (const message of bad) target.postMessage(message, '*');
  });
  // Sentinels instead of a sleep (messages between two windows arrive in order): the host sends
  // the documented request-height command last; once the embed has seen it, every command before
  // it has been handled (a navigation sets the hash at once) and its answer is posted. The embed
  // then posts a marker; once the host has it, the forged messages and the answer before it have
  // been handled by embed.js too.
  await page.evaluate(() => document.getElementById('real').contentWindow.postMessage({ type: 'ecuador-explainer:request-height' }, '*'));
  await expect.poll(() => real.evaluate(() => typesSeen.includes('ecuador-explainer:request-height'))).toBe(true);
  await real.evaluate(() => parent.postMessage({ type: 'test:sentinel' }, '*'));
  await expect.poll(() => page.evaluate(() => fromReal.some((m) => m && m.type === 'test:sentinel'))).toBe(true);
  // The legitimate command was answered with the deep link (the embed still listens).
  const answered = await page.evaluate(() => fromReal.filter((m) => m && m.type === 'ecuador-explainer:state').map((m) => m.hash));
  expect(answered.at(-1)).toMatch(/^#timeline/);
  expect(await frameHeight(page, 'real')).toBe(settled);
  const heightsSet = await page.evaluate(() => heightsSet);
  expect(heightsSet.filter((h) => h !== String(settled)), 'heights embed.js set meanwhile').toEqual([]);
  expect(await hashOf()).toBe(hashBefore);
  expect(await page.locator('#real').getAttribute('data-hash')).toMatch(/^#timeline/);
  expect(await page.locator('#evil').getAttribute('style')).toBe('height:120px');
  expect(errors).toEqual([]);
});

test('the host can navigate the embed and mirror its deep links', async ({ page }) => {
  const html = `${frameTag('mirror', 'embed=timeline&lang=en')}
<script>
  window.mirrored = [];
  document.getElementById('mirror').addEventListener('ecuador-explainer:state', (e) => mirrored.push(e.detail.hash));
</script>`;
  const { errors } = await openHost(page, '/mirror.html', hostPage(html));
  const frame = await embedFrame(page, 'mirror');
  // The documented command.
  await page.evaluate(() =>
    document.getElementById('mirror').contentWindow.postMessage({ type: 'ecuador-explainer:navigate', hash: '#timeline/tc-television-raid?lang=es' }, '*'),
  );
  await expect(frame.locator('#detail-heading')).toContainText('TC Televisión');
  await expect(frame.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.locator('#mirror')).toHaveAttribute('data-hash', '#timeline/tc-television-raid?lang=es');
  // A reader's click inside is reported too.
  await frame.locator('.markers a').first().click();
  await expect.poll(() => page.evaluate(() => mirrored.at(-1))).toMatch(/^#timeline\/[a-z0-9-]+\?lang=es$/);
  // A link to another view opens the full explainer in a new tab; the embed stays put.
  const placeLink = frame.locator('.detail .places a').first();
  await expect(placeLink, 'the open event links to a place (another view)').toHaveCount(1);
  const [popup] = await Promise.all([page.waitForEvent('popup'), placeLink.click()]);
  await popup.waitForLoadState();
  // A Spanish embed opens the Spanish page (index.html sends a `lang=es` link there).
  expect(popup.url()).toMatch(/^http:\/\/127\.0\.0\.1:4173\/es\.html#map\/[^?]+\?lang=es$/);
  await expect(frame.locator('#view-heading')).toHaveText('Cronología');
  await popup.close();
  expect(errors).toEqual([]);
});

test('dark, light and auto colour schemes match what the embed paints', async ({ page }) => {
  const html = ['true', 'false', 'auto'].map((d) => frameTag(`dark-${d}`, `embed=map&dark=${d}`)).join('\n');
  await openHost(page, '/dark.html', hostPage(html));
  for (const [d, scheme] of [['true', 'dark'], ['false', 'light'], ['auto', 'light dark']]) {
    const frame = await embedFrame(page, `dark-${d}`);
    const seen = await frame.locator('html').evaluate((el) => getComputedStyle(el).colorScheme);
    expect(seen, `dark=${d}`).toBe(scheme);
  }
  const darkBg = await (await embedFrame(page, 'dark-true')).locator('body').evaluate((b) => getComputedStyle(b).backgroundColor);
  expect(darkBg).toBe('rgb(18, 20, 23)');
});

test('the snippet from the Embed dialog works pasted into a host page', async ({ page, context }) => {
  await page.goto(`${APP}/#map?lang=en`);
  await waitForApp(page);
  await page.getByRole('button', { name: 'Embed' }).click();
  const dialog = page.getByRole('dialog', { name: 'Embed this explainer' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('What to show').selectOption('policies');
  await dialog.getByLabel('Language', { exact: true }).selectOption('es');
  // The frame's title is in the embed's language: the page fetches the Spanish words for it.
  await expect(dialog.getByLabel('Code to paste')).toHaveValue(/title="La crisis de seguridad del Ecuador"/);
  const code = await dialog.getByLabel('Code to paste').inputValue();
  expect(code).toContain(`src="${APP}/index.html?embed=policies&amp;lang=es&amp;dark=auto"`);
  expect(code).toContain('loading="lazy"');
  expect(code).toContain(`<script src="${APP}/embed.js" async></script>`);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: APP });
  await dialog.getByRole('button', { name: 'Copy the code' }).click();
  await expect(dialog.locator('.copy-status')).toHaveText('Code copied.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  const pasted = await context.newPage();
  const { errors } = await openHost(pasted, '/pasted.html', hostPage(code, { script: false }));
  const frame = pasted.frameLocator('iframe');
  await expect(frame.locator('#view-heading')).toHaveText('Políticas', { timeout: 15_000 });
  await expect.poll(() => pasted.locator('iframe').evaluate((f) => f.getBoundingClientRect().height)).toBeGreaterThan(1000);
  expect(errors).toEqual([]);
});

test('a release built without EXPLAINER_URL has no oEmbed document pointing at a developer machine', async ({ page, request }) => {
  // The test build sets no EXPLAINER_URL: no oembed.json, and no page links to one. (Its content,
  // when the address is set, is checked natively: src/bin/post_build/host.rs.)
  for (const path of ['/', '/es.html']) {
    await page.goto(`${APP}${path}`);
    await expect(page.locator('link[type="application/json+oembed"]')).toHaveCount(0);
  }
  const response = await request.get(`${APP}/oembed.json`);
  expect(response.status()).toBe(404);
});

test('an embed never presents, whatever its link or its host says', async ({ page }) => {
  await page.goto(`${APP}/index.html?embed=map&lang=en#map?present=1`);
  await waitForApp(page);
  await expect(page.locator('svg.map')).toBeVisible();
  await expect(page.locator('.presentation')).toHaveCount(0);
  await expect(page).not.toHaveURL(/present=1/);
});

test('axe finds no violations in the Embed dialog, an embed, or the dark palette', async ({ page }) => {
  await page.goto(`${APP}/#timeline?lang=en`);
  await waitForApp(page);
  await page.getByRole('button', { name: 'Embed' }).click();
  await expect(page.locator('.embed-dialog')).toBeVisible();
  await expectNoAxeViolations(page, 'the Embed dialog');
  for (const query of ['embed=map&lang=es', 'embed=all&dark=true&lang=en', 'embed=policies&dark=false']) {
    await page.goto(`${APP}/index.html?${query}`);
    await waitForApp(page);
    await expectNoAxeViolations(page, `index.html?${query}`);
  }
  // The dark palette on the timeline with an event open (its detail, notes and sources).
  await page.goto(`${APP}/index.html?embed=timeline&dark=true#timeline/tc-television-raid?lang=es`);
  await waitForApp(page);
  await expect(page.locator('#detail-heading')).toBeVisible();
  await expectNoAxeViolations(page, 'the dark timeline');
});

// ---- Embeds sized for an article (issue 15) ----
// A journalist's column is 700 px on a desktop and 375 px on a phone. Before any selection an
// embed must stay under 900 px, and under 1,200 px with one item open, whose detail must appear
// where the reader is looking (under the map), not thousands of pixels below.
const WIDTHS = [700, 375];
const BEFORE_BUDGET = 900;
const AFTER_BUDGET = 1200;
const ROUTE = 'colombia-to-europe-by-container'; // drawn at the world scale
const PLACE = 'guayaquil'; // the region scale (a taller map), and the longest list of events
const docHeight = (target) => target.evaluate(() => document.documentElement.scrollHeight);

/** Selects a map item as a keyboard user does: focus its link on the map, press Enter. */
async function selectOnMap(target, attribute, id) {
  await target.locator(`svg.map a[${attribute}="${id}"]`).press('Enter');
  await expect(target.locator('.embed-detail #detail-heading')).toBeVisible();
}

// Both languages: the Spanish words are longer.
for (const [width, lang] of WIDTHS.flatMap((w) => [[w, 'en'], [w, 'es']])) {
  test(`the map embed fits an article at ${width} px (${lang}): lists folded, the detail under the map`, async ({ page }) => {
    // A short window: the document's height is then the content's, not the window's.
    await page.setViewportSize({ width, height: 480 });
    const { errors } = await openTracked(page, `${APP}/index.html?embed=map&lang=${lang}`);
    await expect(page.locator('svg.map')).toBeVisible();
    // The lists are folded, yet in the page (the map's text alternative).
    await expect(page.locator('.map-lists')).not.toHaveAttribute('open');
    await expect(page.locator('.map-lists .route-list a')).toHaveCount(await page.locator('svg.map a.route').count());
    await expect(page.locator('.map-lists .route-list')).toBeHidden();
    // The map starts near the top of the frame, after only the title, the view's two-line
    // introduction and its controls: a phone shows all of it with the frame's top at the top.
    const map = await page.locator('svg.map').evaluate((m) => {
      const r = m.getBoundingClientRect();
      return { top: r.top + scrollY, bottom: r.bottom + scrollY };
    });
    expect(map.top, 'the map starts near the top').toBeLessThan(460);
    expect(map.bottom, 'the whole map fits a phone screen').toBeLessThan(800);
    const before = await docHeight(page);
    expect(before, `height before a selection at ${width} px`).toBeLessThanOrEqual(BEFORE_BUDGET);

    for (const [attribute, id] of [['data-route', ROUTE], ['data-place', PLACE]]) {
      await selectOnMap(page, attribute, id);
      await expect(page).toHaveURL(new RegExp(`#map/${id}`));
      const after = await docHeight(page);
      expect(after, `height with ${id} open at ${width} px`).toBeLessThanOrEqual(AFTER_BUDGET);
      // The detail begins right under the map, and starts at its top (the panel is reset once
      // the new selection is drawn, a moment after the address changes).
      await expect.poll(() => page.locator('.embed-detail').evaluate((p) => p.scrollTop), { message: 'a new detail starts at its top' }).toBe(0);
      const gap = await page.evaluate(() => {
        const map = document.querySelector('svg.map').getBoundingClientRect();
        const panel = document.querySelector('.embed-detail');
        return {
          below: panel.getBoundingClientRect().top - map.bottom,
          scrolled: panel.scrollTop,
          overflows: panel.scrollHeight > panel.clientHeight,
        };
      });
      expect(gap.below, 'the detail sits under the map').toBeLessThan(120);
      expect(gap.below).toBeGreaterThanOrEqual(0);
      expect(gap.scrolled, 'a new detail starts at its top').toBe(0);
      // A long detail scrolls inside its panel instead of stretching the frame; the next
      // selection must start at its top again.
      expect(gap.overflows).toBe(true);
      await page.locator('.embed-detail').evaluate((p) => p.scrollTo(0, 200));
    }
    expect(errors).toEqual([]);
  });
}

test('through a host page with embed.js, the map embed stays within the budgets at 700 and 375 px', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const columns = WIDTHS.map((w) => `<div style="width:${w}px">${frameTag(`map-${w}`, 'embed=map&lang=en')}</div>`).join('\n');
  const { errors } = await openHost(page, '/columns.html', hostPage(columns));
  for (const width of WIDTHS) {
    const id = `map-${width}`;
    const frame = await embedFrame(page, id);
    await expect(frame.locator('svg.map')).toBeVisible();
    await expect.poll(() => frameHeight(page, id), { message: `${width} px frame grows`, timeout: 15_000 }).toBeGreaterThan(400);
    await expect.poll(async () => (await frameHeight(page, id)) === (await contentHeight(page, id)), { timeout: 10_000 }).toBe(true);
    expect(await frameHeight(page, id), `frame at ${width} px before a selection`).toBeLessThanOrEqual(BEFORE_BUDGET);
    await selectOnMap(frame, 'data-route', ROUTE);
    const after = await contentHeight(page, id);
    await expect.poll(() => frameHeight(page, id)).toBe(after);
    expect(after, `frame at ${width} px with a route open`).toBeLessThanOrEqual(AFTER_BUDGET);
  }
  expect(errors).toEqual([]);
});

test("the map embed's folded lists open and work from the keyboard", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 700 });
  const { errors } = await openTracked(page, `${APP}/index.html?embed=map&lang=es`);
  const summary = page.locator('.map-lists > summary');
  await expect(summary).toHaveText('Rutas y lugares en una lista');
  // Reached with Tab like any control: from the last button before it (Reset the map)…
  await page.locator('.map-toolbar button').last().focus();
  for (let i = 0; i < 200 && !(await summary.evaluate((s) => s === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(summary).toBeFocused();
  // …opened with Enter, its links next in the tab order.
  await page.keyboard.press('Enter');
  await expect(page.locator('.map-lists')).toHaveAttribute('open', '');
  await expect(page.locator('.map-lists .route-list')).toBeVisible();
  await page.keyboard.press('Tab');
  const first = page.locator('.map-lists .route-list a').first();
  await expect(first).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('.embed-detail #detail-heading')).toBeVisible();
  await expect(first).toHaveAttribute('aria-current', 'true');
  // The open list scrolls inside its own box: the frame stays within the budget.
  expect(await docHeight(page)).toBeLessThanOrEqual(AFTER_BUDGET + 24 * 16);
  // Space folds it again.
  await summary.focus();
  await page.keyboard.press('Space');
  await expect(page.locator('.map-lists .route-list')).toBeHidden();
  await expectNoAxeViolations(page, 'the embedded map with its lists and a detail open');
  expect(errors).toEqual([]);
});

test('controls=min hides the language switch, and the Embed dialog writes it', async ({ page }) => {
  await page.goto(`${APP}/index.html?embed=map&lang=es&controls=min`);
  await waitForApp(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.locator('.lang-switch, .lang-link')).toHaveCount(0);
  await expect(page.locator('.open-full')).toBeVisible();
  await expect(page.locator('#view-heading')).toHaveText('Mapa de rutas');
  // Without it, the switch is there.
  await page.goto(`${APP}/index.html?embed=map&lang=es`);
  await waitForApp(page);
  await expect(page.locator('.lang-switch .lang-link')).toHaveCount(2);

  await page.goto(`${APP}/#map?lang=en`);
  await waitForApp(page);
  await page.getByRole('button', { name: 'Embed' }).click();
  const dialog = page.getByRole('dialog', { name: 'Embed this explainer' });
  await dialog.getByLabel('What to show').selectOption('map');
  const code = dialog.getByLabel('Code to paste');
  await expect(code).not.toHaveValue(/controls=/);
  const hide = dialog.getByLabel('Hide the language switch (your page sets the language)');
  await hide.check();
  await expect(code).toHaveValue(/index\.html\?embed=map&amp;lang=en&amp;dark=auto&amp;controls=min"/);
  await hide.uncheck();
  await expect(code).not.toHaveValue(/controls=/);
});

test('embed.js logs no console error, even when the page posts before the embeds have loaded', async ({ page }) => {
  // embed.js runs at once (not async) while the frames still show their blank first document; a
  // lazy frame far below stays blank until it is scrolled to; another frame is added afterwards;
  // and the page asks for deep links at once, before any embed has loaded.
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Early</title></head>
<body style="margin:0"><h1>Newsroom article</h1>
${frameTag('early', 'embed=map&lang=en')}
<script src="${APP}/embed.js"></script>
<script>
  document.getElementById('early').dispatchEvent(new CustomEvent('ecuador-explainer:navigate', { detail: { hash: '#map/guayaquil?lang=en' } }));
  const late = document.createElement('div');
  late.innerHTML = ${JSON.stringify(frameTag('added', 'embed=timeline&lang=en'))};
  document.body.appendChild(late.firstChild);
  document.getElementById('added').dispatchEvent(new CustomEvent('ecuador-explainer:navigate', { detail: { hash: '#timeline/tc-television-raid?lang=en' } }));
  // Not a deep link: ignored.
  document.getElementById('added').dispatchEvent(new CustomEvent('ecuador-explainer:navigate', { detail: { hash: 'javascript:alert(1)' } }));
</script>
<div style="height:12000px">Much more reporting.</div>
${frameTag('lazy', 'embed=map&lang=en').replace('<iframe ', '<iframe loading="lazy" ')}
</body></html>`;
  // Chromium reports a post to a frame of another origin as a warning, other versions as an
  // error: both count.
  const warnings = [];
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
  });
  const { errors } = await openHost(page, '/early.html', html);
  // The queued deep links arrive once each embed has said hello.
  const early = await embedFrame(page, 'early');
  await expect(early.locator('#detail-heading')).toHaveText('Guayaquil');
  const added = await embedFrame(page, 'added');
  await expect(added.locator('#detail-heading')).toContainText('TC Televisión');
  for (const id of ['early', 'added']) {
    await expect.poll(async () => (await frameHeight(page, id)) === (await contentHeight(page, id)), { timeout: 10_000 }).toBe(true);
  }
  // The lazy frame has not loaded; scrolled to, it loads and is resized like the others.
  expect(await page.locator('#lazy').evaluate((f) => f.getBoundingClientRect().height)).toBe(150);
  await page.locator('#lazy').scrollIntoViewIfNeeded();
  await embedFrame(page, 'lazy');
  await expect.poll(() => frameHeight(page, 'lazy'), { timeout: 15_000 }).toBeGreaterThan(400);
  // A page command once loaded goes straight through.
  await page.locator('#lazy').evaluate((f) => f.dispatchEvent(new CustomEvent('ecuador-explainer:navigate', { detail: { hash: '#map/quito?lang=en' } })));
  await expect((await embedFrame(page, 'lazy')).locator('#detail-heading')).toHaveText('Quito');
  expect(errors).toEqual([]);
  expect(warnings).toEqual([]);
});

// The timeline embed keeps to an article's size: the list and the detail scroll in bounded boxes
// and the chart folds away (it was 5,500 px at 700 px and 7,300 px at 375 px).
for (const width of WIDTHS) {
  test(`the timeline embed fits an article at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 480 });
    await openTracked(page, `${APP}/index.html?embed=timeline&lang=en`);
    expect(await docHeight(page)).toBeLessThanOrEqual(BEFORE_BUDGET);
    await page.locator('.markers a').first().click();
    await expect(page.locator('#detail-heading')).toBeVisible();
    expect(await docHeight(page)).toBeLessThanOrEqual(AFTER_BUDGET);
  });
}

test('one moment: the Embed dialog writes a single event or story step, and each embeds alone', async ({ page, context }) => {
  // The reader is on an event; the dialog offers that event, and the story's first step.
  await page.goto(`${APP}/#timeline?lang=en`);
  await waitForApp(page);
  const marker = page.locator('.markers a').nth(3);
  const eventId = (await marker.getAttribute('href')).match(/#timeline\/([^?]+)/)[1];
  await marker.click();
  const title = (await page.locator('#detail-heading').textContent()).trim();
  await page.getByRole('button', { name: 'Embed' }).click();
  const dialog = page.getByRole('dialog', { name: 'Embed this explainer' });
  await dialog.getByLabel('What to show').selectOption('event');
  await expect(dialog.getByLabel('Event', { exact: true })).toHaveValue(eventId);
  const code = dialog.getByLabel('Code to paste');
  await expect(code).toHaveValue(new RegExp(`index\\.html\\?embed=event&amp;id=${eventId}&amp;lang=en&amp;dark=auto"`));
  const eventCode = await code.inputValue();
  await expectNoAxeViolations(page, 'the Embed dialog, one event');
  await dialog.getByLabel('What to show').selectOption('step');
  const stepPicker = dialog.getByLabel('Step', { exact: true });
  const steps = await stepPicker.locator('option').evaluateAll((os) => os.map((o) => o.value));
  expect(steps.length).toBeGreaterThanOrEqual(8);
  await expect(stepPicker).toHaveValue(steps[0]);
  await stepPicker.selectOption(steps[2]);
  await expect(code).toHaveValue(new RegExp(`embed=step&amp;id=${steps[2]}&amp;`));
  await page.keyboard.press('Escape');

  // The event alone, pasted into an article: its card, no timeline, an article-sized frame.
  const article = await context.newPage();
  const { errors, embedRequests } = await openHost(article, '/moment.html', hostPage(eventCode.replace(/<script[^>]*><\/script>/, '').replace('<iframe ', '<iframe id="moment" ')));
  const frame = await embedFrame(article, 'moment');
  await expect(frame.locator('#detail-heading')).toHaveText(title);
  await expect(frame.locator('.detail .sources li').first()).toBeVisible();
  await expect(frame.locator('.markers, .views-nav, .lede, .timeline-chart')).toHaveCount(0);
  await expect(frame.locator('.open-full')).toHaveAttribute('href', new RegExp(`index\\.html#timeline/${eventId}\\?lang=en$`));
  await expect.poll(() => contentHeight(article, 'moment')).toBeLessThanOrEqual(900);
  const frameDoc = await (await article.locator('#moment').elementHandle()).contentFrame();
  await expectNoAxeViolations(frameDoc, 'an embedded event');
  expect(errors).toEqual([]);
  expect(embedRequests.filter((u) => !u.startsWith(APP) && !u.startsWith('data:'))).toEqual([]);
  await article.close();

  // One step, in Spanish: the step and its live view, without the stepper; keys do not move it.
  await page.goto(`${APP}/index.html?embed=step&id=${steps[2]}&lang=es`);
  await waitForApp(page);
  const view = page.locator('.story-view');
  await expect(view).toHaveAttribute('data-step', steps[2]);
  await expect(page.locator('.story-title')).toBeVisible();
  await expect(page.locator('.story-stage')).toBeVisible();
  await expect(page.locator('.story-controls, .story-steps, .views-nav')).toHaveCount(0);
  await page.locator('body').press('ArrowRight');
  await page.locator('body').press('End');
  await expect(view).toHaveAttribute('data-step', steps[2]);
  await expect(page.locator('.open-full')).toHaveAttribute('href', new RegExp(`#story/${steps[2]}\\?lang=es$`));
  await expectNoAxeViolations(page, 'an embedded story step (es)');

  // An id that names nothing: the whole timeline, and a calm notice; the timeline works.
  await page.goto(`${APP}/index.html?embed=event&id=no-such-event&lang=en`);
  await waitForApp(page);
  await expect(page.locator('.notice')).toBeVisible();
  await page.locator('.markers a').first().click();
  await expect(page.locator('#detail-heading')).toBeVisible();
});
