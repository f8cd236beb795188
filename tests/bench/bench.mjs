// The benchmark, side by side with TimelineJS: our release build and a self-hosted TimelineJS page
// showing the same events, each on its own 127.0.0.1 origin, loaded in Debian's headless Chromium
// (1280×800, a fresh context each load, cache disabled, service workers blocked). Ours is served
// the way production serves it (tests/serve.mjs: the build's pre-compressed .br sibling when the
// browser accepts br, else .gz); TimelineJS gzip-compressed at level 9 (tests/bench/gzip-server.mjs).
// Run it through scripts/bench.sh, or on a build already made:
//
//   BENCH_DIST=dist BENCH_RUNS=5 node tests/bench/bench.mjs
//
// One call measures two profiles, each printed as its own table:
// - unthrottled: no network or CPU emulation;
// - phone: Lighthouse's mobile throttling, 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up
//   (CDP Network.emulateNetworkConditions) and a 4× CPU slowdown (Emulation.setCPUThrottlingRate).
// Each run loads, per profile: our default view (the timeline), TimelineJS, and ours at
// `?embed=map` and `?embed=policies`. One unrecorded unthrottled load of each app comes first.
//
// Every time is taken inside the page (performance.now(), from navigation start), never by this
// runner's polling. Definitions:
// - FCP: the 'paint' PerformanceObserver entry first-contentful-paint (buffered).
// - markers: the first moment the timeline's markers are in the DOM (a MutationObserver installed
//   before any page script): `.markers a.marker` for ours, `.tl-timemarker` for TimelineJS.
// - interactive: the moment a click on a marker, made as soon as markers appear, shows that
//   event's detail. From the moment markers are in the DOM the page looks (then every 10 ms) for
//   a point where a marker other than the current one is topmost (elementFromPoint: markers not
//   laid out yet, or TimelineJS's markers still flying in over the current one, cannot be hit) and
//   hands it to this runner (a Playwright binding), which clicks there at once with real mouse
//   input (page.mouse). If the detail has not shown 50 ms later (the app was not ready), it clicks
//   again, every 50 ms, until it does. The event waited for is the one whose marker the click
//   landed on (a capture click listener on document). Interactive is when its detail first showed
//   (seen by the MutationObserver). "Shows the detail": ours, the clicked marker carries
//   aria-current and the detail panel's heading (#detail-heading) reads its title; TimelineJS,
//   the clicked event's slide becomes the current one (the slider removes `inert` from it, and
//   only from it) and its marker carries tl-timemarker-active (the slide's 1 s slide-in animation
//   is not counted). A page that draws markers but does nothing with a click cannot pass: it
//   never becomes interactive and the run fails after 30 s. Also reported: when a marker could
//   first be hit and when the first click event arrived (the runner's reaction, ~10-20 ms).
// - full app working (ours only): as soon as it is interactive, the same kind of probe clicks a
//   legend filter (a category with markers drawn, other than the selected event's) until the
//   button reads aria-pressed="false" and no marker of that category is drawn, then clicks the
//   header's Map tab until the map is drawn (svg.map has its land and its places). Full app = the
//   moment the map was drawn (both have worked by then). TimelineJS has no filters or map.
// - bytes: encodedDataLength of every response (CDP Network.loadingFinished): body as served plus
//   HTTP headers, as DevTools' "transferred". "Before interactive" counts the responses finished by
//   the interactive moment (CDP's clock mapped to the page's through the document's request
//   start); "full app" counts everything until the probes are done and the network has been idle
//   for 500 ms (for ours this includes whatever the Map tab fetched). Our bytes are also given as
//   gzip: the same responses with the .gz sibling's size in place of the .br body served, which
//   the 80 KB gzip budget is measured on.
// - embeds: `?embed=map` and `?embed=policies` (ours): FCP, the moment the view is drawn (map: as
//   above; policies: the comparison table has rows and the policy cards are in), bytes by then and
//   bytes once the network is idle.
// - click-to-paint (unthrottled profile only): 20 different events a run, each clicked with real
//   mouse input once the page has had no DOM change for 300 ms, from the click event's timeStamp
//   (a capture listener on document) to the paint after the DOM shows the selection (the
//   MutationObserver callback that first sees it schedules requestAnimationFrame(() =>
//   setTimeout(record, 0))), on the same page after the probes. Ours: back on the Timeline tab,
//   every category shown again, markers spread over the whole axis (not the current one).
//   TimelineJS: the 20 events after the current one in turn (before it, backwards, if fewer than
//   20 follow), on their marker where it is in view, else on the "next" ("previous") arrow. The
//   input delay (click timeStamp to the capture listener) is reported too.
// Also printed: the gzip size of the offline single file, target/single/ecuador-explainer.html,
// when scripts/build-single.sh has made it ("not built" otherwise; this never builds it), marked
// "stale" when it is older than the measured build's index.html.
// Budgets (issue 12), on medians, printed as PASS/MISS lines: first-view bytes before interactive
// ≤ 80 KB gzip (the larger of the two profiles); phone FCP ≤ 0.35 × TimelineJS's; phone
// interactive ≤ 0.5 × TimelineJS's; phone full app ≤ 2.0 s; unthrottled click-to-paint p95
// ≤ 16 ms and ≤ TimelineJS's p95.
//
// Every request must stay on the app's own origin: Chromium resolves no host name at all (only the
// 127.0.0.1 literal works), so nothing can leave the machine, and any request to another origin is
// counted, printed and makes the command fail, as do failed requests and page errors. A missed
// budget does not: this is a measurement command. Results also go to target/bench/results.json.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, normalize, resolve, sep } from 'node:path';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { startServer } from '../serve.mjs';
import { startGzipServer } from './gzip-server.mjs';
import { timelinejsOptions, timelinejsVersion, writeTimelinejsPage } from './timelinejs-page.mjs';

const RUNS = Number(process.env.BENCH_RUNS || 5);
if (process.env.BENCH_NETWORK) console.error('BENCH_NETWORK is no longer read: every call measures both profiles (unthrottled and phone).');
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error(`BENCH_RUNS must be a positive integer, not ${process.env.BENCH_RUNS}`);
const PROFILES = [
  { name: 'unthrottled', label: 'unthrottled (no network or CPU emulation)', network: null, cpu: 1, latency: true },
  {
    name: 'phone',
    label: 'phone (150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up, 4× CPU slowdown)',
    network: { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 },
    cpu: 4,
    latency: false,
  },
];
const CLICKS = 20;
const RETRY_MS = 50; // a probe clicks again after this long without an effect
const PROBE_TIMEOUT_MS = 30_000;
const SETTLE_MS = 300; // no DOM change for this long before each latency click
const IDLE_MS = 500; // the network idle window
const VIEWPORT = { width: 1280, height: 800 };
const dist = resolve(process.env.BENCH_DIST || 'dist');
const outDir = resolve('target/bench');
const singleFile = resolve('target/single/ecuador-explainer.html');
const KB = 1024;
const BUDGET_FIRST_VIEW_BYTES = 80 * KB;
const BUDGET_FCP_RATIO = 0.35;
const BUDGET_INTERACTIVE_RATIO = 0.5;
const BUDGET_FULL_APP_MS = 2000;
const BUDGET_CLICK_P95_MS = 16;

/** What is loaded: the two timelines and our two one-view embeds. */
const targets = {
  // Ours: the static first view's event links (written into index.html at build time), then the
  // app's markers once it has mounted over it.
  ours: { app: 'ours', label: 'ours', path: '/', markers: '.markers a.marker, .fv-events a.fv-marker', drawn: null },
  timelinejs: { app: 'timelinejs', label: `TimelineJS ${timelinejsVersion}`, path: '/', markers: '.tl-timemarker', drawn: null },
  embedMap: { app: 'ours', label: 'ours ?embed=map', path: '/?embed=map', markers: null, drawn: 'map' },
  embedPolicies: { app: 'ours', label: 'ours ?embed=policies', path: '/?embed=policies', markers: null, drawn: 'policies' },
};

/**
 * Installed in every page before its own scripts: records FCP, when the markers appear (and then
 * picks the marker to click and tells the runner), when an armed probe's effect first shows, when
 * an embed's view is drawn, and, for each latency click, the click, the DOM change and the paint.
 */
function instrument({ app, markers, drawn }) {
  const b = (window.__bench = {
    fcp: null,
    firstRender: null,
    firstHittable: null,
    drawn: null,
    longTasks: [],
    probe: null,
    clicks: [],
    expect: null,
    pending: null,
    lastMutation: 0,
  });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'first-contentful-paint' && b.fcp === null) b.fcp = e.startTime;
    }).observe({ type: 'paint', buffered: true });
  } catch {
    // Reported by the runner as a missing FCP.
  }
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longTasks.push([e.startTime, e.startTime + e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // Only informative.
  }
  const byId = (id) => `[id="${CSS.escape(id)}"]`;
  /** Whether the page shows what a probe's click asked for. */
  const tests = {
    event:
      app === 'ours'
        ? (key) => {
            if (!key) return false;
            // The app: the marker is the current one and its detail is shown.
            if (document.querySelector('.markers a[aria-current]')?.dataset.event === key.id &&
              document.getElementById('detail-heading')?.textContent === key.title) return true;
            // The static first view: that event's detail is displayed (:target) with its title.
            const heading = document.getElementById(`fv-detail-${key.id}`);
            const detail = heading?.closest('.fv-detail');
            return !!detail && getComputedStyle(detail).display !== 'none' && detail.getBoundingClientRect().height > 0 &&
              heading.textContent === key.title;
          }
        : (key) => {
            if (!key) return false;
            const slide = document.querySelector(`.tl-slide${byId(key.id)}`);
            return !!slide && !slide.hasAttribute('inert') && !!document.querySelector(byId(`${key.id}-marker`))?.classList.contains('tl-timemarker-active');
          },
    filter: (key) =>
      document.querySelector(`.legend-item[data-category="${key.category}"]`)?.getAttribute('aria-pressed') === 'false' &&
      !document.querySelector(`.markers [data-category="${key.category}"]`),
    map: () => !!document.querySelector('svg.map .land path') && !!document.querySelector('svg.map a.place'),
    policies: () => !!document.querySelector('.comparison tbody tr') && !!document.querySelector('.policy-card'),
  };
  /** Where each probe clicks. TimelineJS's marker element has no width: its card takes the click. */
  b.selectorFor = (name, key) =>
    ({
      event: app === 'ours' ? `.markers a[data-event="${CSS.escape(key.id)}"]` : `${byId(`${key.id}-marker`)} .tl-timemarker-content-container`,
      filter: `.legend-item[data-category="${key.category}"]`,
      map: 'a.nav-link[data-view="map"]',
      timeline: 'a.nav-link[data-view="timeline"]',
    })[name];
  /**
   * A point inside the element that a real click would hit (the element or a descendant), null if
   * there is none, or { scrolled } after scrolling an element out of view into it.
   */
  b.pointFor = (selector) => {
    const el = document.querySelector(selector);
    if (!el) return null;
    const r = el.getBoundingClientRect();
    if (r.bottom < 0 || r.top > innerHeight) {
      el.scrollIntoView({ block: 'center' });
      return { scrolled: true };
    }
    // elementFromPoint answers for clipping and overlap (TimelineJS's markers overlap, and its
    // axis is wider than its window).
    const left = Math.max(r.left, 0);
    const right = Math.min(r.right, innerWidth);
    const top = Math.max(r.top, 0);
    const bottom = Math.min(r.bottom, innerHeight);
    if (right - left < 1 || bottom - top < 1) return null;
    const fractions = [0.5, 0.3, 0.7, 0.15, 0.85, 0.05, 0.95];
    for (const fy of fractions) {
      for (const fx of fractions) {
        const x = left + (right - left) * fx;
        const y = top + (bottom - top) * fy;
        const hit = document.elementFromPoint(x, y);
        if (hit && el.contains(hit)) return { x, y };
      }
    }
    return null;
  };
  /** Arms a probe; false if the page already shows its effect (the probe would mean nothing). */
  b.arm = (name, key) => {
    if (tests[name](key)) return false;
    b.probe = { name, key, armed: performance.now(), firstClick: null, clicks: 0, shown: null };
    return true;
  };
  /** A marker that is not the current one: what the interactive probe may click. */
  const markerSelector = app === 'ours' ? '.markers a.marker, .fv-events a.fv-marker' : '.tl-timemarker';
  const isStatic = (m) => m.classList.contains('fv-marker');
  const isCurrent = (m) =>
    app === 'ours'
      ? m.hasAttribute('aria-current') || (isStatic(m) && !!m.parentElement.querySelector('.fv-anchor:target'))
      : m.classList.contains('tl-timemarker-active');
  const keyOf = (m) =>
    app === 'ours'
      ? { id: m.dataset.event, title: m.querySelector(isStatic(m) ? '.fv-title' : '.event-title')?.textContent }
      : { id: m.id.replace(/-marker$/, '') };
  /**
   * Where to click a marker now: a point whose topmost element belongs to a marker that is not
   * the current one (TimelineJS's markers fly in from the centre and overlap for about 0.6 s, so
   * the point counts whichever marker is on top). Ours from the middle of the axis outwards.
   * Which event was clicked is decided by the click itself (the listener below).
   */
  b.markerPoint = () => {
    const all = [...document.querySelectorAll(markerSelector)].filter((m) => !isCurrent(m));
    const mid = Math.floor(all.length / 2);
    // The app's axis from the middle outwards; the static list (one event per line) in its order.
    const ordered = app === 'ours' && !all.some(isStatic) ? all.map((m, i) => [Math.abs(i - mid), m]).sort((x, y) => x[0] - y[0]).map(([, m]) => m) : all;
    // Again on the marker clicked last, if it can still be hit.
    const last = b.probe?.key && all.find((m) => keyOf(m).id === b.probe.key.id);
    if (last) ordered.unshift(last);
    for (const m of ordered.slice(0, 20)) {
      // TimelineJS's marker element has no width: its card (content container) takes the click.
      const r = (app === 'ours' ? m : m.querySelector('.tl-timemarker-content-container') ?? m).getBoundingClientRect();
      if (r.bottom < 0 || r.top > innerHeight || r.right < 0 || r.left > innerWidth) continue;
      const left = Math.max(r.left, 0);
      const right = Math.min(r.right, innerWidth);
      const top = Math.max(r.top, 0);
      const bottom = Math.min(r.bottom, innerHeight);
      for (const f of [0.5, 0.3, 0.7]) {
        const x = left + (right - left) * f;
        const y = top + (bottom - top) * 0.5;
        const hit = document.elementFromPoint(x, y)?.closest(markerSelector);
        if (hit && !isCurrent(hit)) {
          b.firstHittable ??= performance.now();
          return { x, y };
        }
      }
    }
    return null;
  };
  document.addEventListener(
    'click',
    (event) => {
      const p = b.probe;
      if (p && p.shown === null) {
        p.clicks += 1;
        p.firstClick ??= event.timeStamp;
        // The interactive probe waits for the detail of the marker this click landed on.
        const m = p.name === 'event' && event.target instanceof Element ? event.target.closest(markerSelector) : null;
        if (m && !isCurrent(m)) p.key = keyOf(m);
      }
      if (!b.expect) return;
      b.pending = { key: b.expect, click: event.timeStamp, handler: performance.now() };
      b.expect = null;
    },
    true,
  );
  new MutationObserver(() => {
    const now = performance.now();
    b.lastMutation = now;
    if (b.firstRender === null && markers && document.querySelector(markers)) {
      b.firstRender = now;
      b.arm('event', null);
      // Hand the runner the first point where a marker can be hit: now, or (markers not laid out
      // yet, or overlapping the current one) as soon as one can, looking again every 10 ms.
      const handOver = () => {
        const point = b.markerPoint();
        if (point) window.__benchMarkers({ point, at: performance.now() });
        else setTimeout(handOver, 10);
      };
      handOver();
    }
    if (b.drawn === null && drawn && tests[drawn]()) b.drawn = now;
    const pr = b.probe;
    if (pr && pr.shown === null && tests[pr.name](pr.key)) pr.shown = now;
    const p = b.pending;
    if (p && p.changed === undefined && tests.event(p.key)) {
      p.changed = now;
      requestAnimationFrame(() =>
        setTimeout(() => {
          p.painted = performance.now();
          b.clicks.push(p);
          b.pending = null;
        }, 0),
      );
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
}

/** The kind of a response, by its path: what the per-type byte totals are keyed by. */
function kindOf(url) {
  const path = new URL(url).pathname;
  if (path.endsWith('/') || path.endsWith('.html')) return 'html';
  const ext = path.slice(path.lastIndexOf('.') + 1);
  return { js: 'js', mjs: 'js', wasm: 'wasm', css: 'css', json: 'data', bin: 'data', svg: 'other', woff: 'font', woff2: 'font', ttf: 'font', eot: 'font' }[ext] || 'other';
}

/** The file our server answered a URL with (as tests/serve.mjs resolves it), or null. */
function distFile(url) {
  const file = normalize(join(dist, decodeURIComponent(new URL(url).pathname)));
  if (file !== dist && !file.startsWith(dist + sep)) return null;
  const path = existsSync(file) && statSync(file).isDirectory() ? join(file, 'index.html') : file;
  return existsSync(path) ? path : null;
}

const gzipSizes = new Map();
/** Bytes of one of our responses had it been served gzip: the .gz sibling instead of the .br body. */
function asGzip(r) {
  if (r.encoding !== 'br') return r.bytes;
  const file = distFile(r.url);
  if (!file) return r.bytes;
  if (!gzipSizes.has(file)) {
    const gz = existsSync(`${file}.gz`) ? statSync(`${file}.gz`).size : gzipSync(readFileSync(file), { level: 9 }).length;
    gzipSizes.set(file, { br: statSync(`${file}.br`).size, gz });
  }
  const { br, gz } = gzipSizes.get(file);
  return r.bytes - br + gz;
}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/**
 * Clicks (real mouse input) on `selector` until the armed probe's effect shows, again every
 * RETRY_MS; `point` is where to click first, if the page already found it.
 */
async function runProbe(page, what, selector, point = null) {
  const where = selector ? (s) => window.__bench.pointFor(s) : () => window.__bench.markerPoint();
  const started = Date.now();
  let clicks = 0;
  for (;;) {
    point ??= await page.evaluate(where, selector);
    if (point && !point.scrolled) {
      await page.mouse.click(point.x, point.y);
      clicks += 1;
    }
    point = null;
    await sleep(RETRY_MS);
    const probe = await page.evaluate(() => window.__bench.probe);
    if (probe.shown !== null) return { ...probe, runnerClicks: clicks };
    if (Date.now() - started > PROBE_TIMEOUT_MS) throw new Error(`${what}: no effect after ${clicks} clicks in ${PROBE_TIMEOUT_MS / 1000} s (${JSON.stringify(probe)})`);
  }
}

/** Arms a probe in the page and runs it. */
async function probe(page, what, name, key) {
  if (!(await page.evaluate(([n, k]) => window.__bench.arm(n, k), [name, key]))) throw new Error(`${what}: the page shows it before any click`);
  return runProbe(page, what, await page.evaluate(([n, k]) => window.__bench.selectorFor(n, k), [name, key]));
}

/** Waits until the page's DOM has not changed for SETTLE_MS. */
async function settle(page) {
  await page.waitForFunction((ms) => performance.now() - window.__bench.lastMutation >= ms, SETTLE_MS, { timeout: 15_000, polling: 50 });
}

/** Clicks on an element, scrolling first if it is off-screen; false if nothing can be hit. */
async function clickOn(page, selector) {
  let point = await page.evaluate((s) => window.__bench.pointFor(s), selector);
  if (point?.scrolled) {
    await settle(page);
    point = await page.evaluate((s) => window.__bench.pointFor(s), selector);
  }
  if (!point || point.scrolled) return false;
  await page.mouse.click(point.x, point.y);
  return true;
}

/** The 20 events to select: spread over the whole timeline for ours, the next 20 for TimelineJS. */
async function plannedClicks(page, app) {
  if (app === 'ours') {
    const markers = await page.$$eval('.markers a.marker:not([aria-current])', (els) =>
      els.map((el) => ({ id: el.dataset.event, title: el.querySelector('.event-title')?.textContent })),
    );
    if (markers.length < CLICKS) throw new Error(`only ${markers.length} markers on our timeline, ${CLICKS} needed`);
    return Array.from({ length: CLICKS }, (_, i) => markers[Math.round((i * (markers.length - 1)) / (CLICKS - 1))]);
  }
  // TimelineJS centres the axis on the selection, so step through the events after the current
  // one (before it, backwards, if the interactive probe left it near the end): a click on the
  // marker, or on the "next" ("previous") arrow when the marker is out of view.
  const ids = await page.$$eval('.tl-timemarker', (els) => els.map((el) => ({ id: el.id.replace(/-marker$/, ''), active: el.classList.contains('tl-timemarker-active') })));
  const current = ids.findIndex((m) => m.active);
  const after = ids.slice(current + 1);
  const before = ids.slice(0, Math.max(current, 0)).reverse();
  const [steps, arrow] = after.length >= CLICKS ? [after, '.tl-slidenav-next'] : [before, '.tl-slidenav-previous'];
  if (steps.length < CLICKS) throw new Error(`only ${steps.length} TimelineJS markers on either side of the current one, ${CLICKS} needed`);
  return steps.slice(0, CLICKS).map(({ id }) => ({ id, arrow }));
}

/** The click-to-paint measurement on a loaded page. */
async function latencyClicks(page, app) {
  if (app === 'ours') {
    // Back to the timeline tab, every category shown again.
    if (!(await clickOn(page, 'a.nav-link[data-view="timeline"]'))) throw new Error('ours: could not click the Timeline tab');
    await page.waitForSelector('.markers a.marker', { timeout: 10_000 });
    await settle(page);
    for (const category of await page.$$eval('.legend-item[aria-pressed="false"]', (els) => els.map((el) => el.dataset.category))) {
      if (!(await clickOn(page, `.legend-item[data-category="${category}"]`))) throw new Error(`ours: could not show ${category} again`);
      await settle(page);
    }
  }
  const plan = await plannedClicks(page, app);
  const clicks = [];
  for (const key of plan) {
    await settle(page);
    await page.evaluate((key) => (window.__bench.expect = key), key);
    const selector = await page.evaluate((key) => window.__bench.selectorFor('event', key), key);
    let via = 'marker';
    let clicked = await clickOn(page, selector);
    if (!clicked && app === 'timelinejs') {
      via = key.arrow === '.tl-slidenav-next' ? 'next arrow' : 'previous arrow';
      clicked = await clickOn(page, key.arrow);
    }
    if (!clicked) throw new Error(`${app}: could not click the marker of ${key.id}`);
    const done = await page
      .waitForFunction((n) => window.__bench.clicks.length === n, clicks.length + 1, { timeout: 5_000, polling: 50 })
      .then(() => true, () => false);
    if (!done) throw new Error(`${app}: selecting ${key.id} never showed (${await page.evaluate(() => JSON.stringify(window.__bench.pending))})`);
    const c = await page.evaluate(() => window.__bench.clicks.at(-1));
    clicks.push({ id: key.id, via, inputDelay: c.handler - c.click, toDom: c.changed - c.click, toPaint: c.painted - c.click });
  }
  return clicks;
}

/** One load of one target in one profile, in a fresh context. */
async function measure(browser, targetName, origin, profile, { latency = profile.latency } = {}) {
  const target = targets[targetName];
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US', serviceWorkers: 'block' });
  let markersShown;
  const markersSeen = new Promise((done) => (markersShown = done));
  await context.exposeBinding('__benchMarkers', (_source, info) => markersShown(info));
  await context.addInitScript(instrument, { app: target.app, markers: target.markers, drawn: target.drawn });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));

  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (profile.network) await cdp.send('Network.emulateNetworkConditions', profile.network);
  if (profile.cpu !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  const requests = new Map(); // requestId -> { url, bytes, done, finished, status, encoding }
  const foreign = [];
  let documentTiming = null;
  let lastNetwork = Date.now();
  cdp.on('Network.requestWillBeSent', ({ requestId, request }) => {
    lastNetwork = Date.now();
    if (/^(data|blob):/.test(request.url)) return;
    if (new URL(request.url).origin !== origin) foreign.push(request.url);
    requests.set(requestId, { url: request.url, bytes: 0, done: false, finished: null, status: null, encoding: null });
  });
  cdp.on('Network.responseReceived', ({ requestId, type, response }) => {
    const r = requests.get(requestId);
    if (!r) return;
    r.status = response.status;
    const headers = Object.fromEntries(Object.entries(response.headers).map(([k, v]) => [k.toLowerCase(), v]));
    r.encoding = headers['content-encoding'] || null;
    if (type === 'Document' && !documentTiming) documentTiming = response.timing;
  });
  cdp.on('Network.loadingFinished', ({ requestId, timestamp, encodedDataLength }) => {
    lastNetwork = Date.now();
    const r = requests.get(requestId);
    if (r) Object.assign(r, { bytes: encodedDataLength, done: true, finished: timestamp });
  });
  cdp.on('Network.loadingFailed', ({ requestId, timestamp, errorText }) => {
    lastNetwork = Date.now();
    const r = requests.get(requestId);
    if (r) Object.assign(r, { done: true, finished: timestamp, failed: errorText });
  });
  const networkIdle = async () => {
    for (const started = Date.now(); ; await sleep(50)) {
      const pending = [...requests.values()].some((r) => !r.done);
      if (!pending && Date.now() - lastNetwork >= IDLE_MS) return;
      if (Date.now() - started > 30_000) throw new Error(`${targetName}: the network never went idle`);
    }
  };

  const result = { target: targetName, profile: profile.name };
  await page.goto(origin + target.path, { waitUntil: 'commit' });
  if (target.markers) {
    // The page tells us the moment markers appear, with the marker to click and where.
    let timer;
    const seen = await Promise.race([markersSeen, new Promise((done) => (timer = setTimeout(done, PROBE_TIMEOUT_MS, null)))]);
    clearTimeout(timer);
    if (!seen) throw new Error(`${targetName}: no marker that a click can hit after ${PROBE_TIMEOUT_MS / 1000} s`);
    const interactive = await runProbe(page, `${targetName}: clicking a marker`, null, seen.point);
    Object.assign(result, {
      interactive: interactive.shown,
      firstClick: interactive.firstClick,
      clicksToInteractive: interactive.clicks,
      runnerClicksToInteractive: interactive.runnerClicks,
      clickedEvent: interactive.key.id,
    });
    if (target.app === 'ours') {
      // Full app: a legend filter, then the Map tab, once the app has mounted over the first view
      // (the times are still counted from navigation).
      await page.waitForSelector('.markers li.marker-item[data-category]', { timeout: PROBE_TIMEOUT_MS });
      const key = await page.evaluate(() => {
        const current = document.querySelector('.markers a[aria-current]')?.closest('[data-category]')?.dataset.category;
        const categories = [...new Set([...document.querySelectorAll('.markers li.marker-item[data-category]')].map((el) => el.dataset.category))];
        return { category: categories.find((c) => c !== current) ?? null };
      });
      if (!key.category) throw new Error('ours: no category to filter');
      const filter = await probe(page, `ours: the ${key.category} filter`, 'filter', key);
      const map = await probe(page, 'ours: the Map tab', 'map', {});
      Object.assign(result, { filterWorks: filter.shown, mapWorks: map.shown, fullApp: Math.max(filter.shown, map.shown), filterCategory: key.category });
    }
  } else {
    await page.waitForFunction(() => window.__bench?.drawn !== null, null, { timeout: PROBE_TIMEOUT_MS, polling: 50 });
  }
  await networkIdle();
  const page_ = await page.evaluate(() => {
    const b = window.__bench;
    return { fcp: b.fcp, firstRender: b.firstRender, firstHittable: b.firstHittable, drawn: b.drawn, longTasks: b.longTasks,
      requestStart: performance.getEntriesByType('navigation')[0]?.requestStart,
      // Resource Timing's view of when each response ended, kept beside ours as a cross-check.
      responseEnd: Object.fromEntries(performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource')).map((e) => [e.name, e.responseEnd])),
    };
  });
  if (page_.fcp === null) throw new Error(`${targetName}: no first-contentful-paint entry`);
  if (!documentTiming || page_.requestStart === undefined) throw new Error(`${targetName}: no timing for the document request`);
  // CDP's clock (seconds) to the page's (ms from navigation start), through the document's request start.
  const offset = documentTiming.requestTime * 1000 + documentTiming.sendStart - page_.requestStart;
  const pageTime = (t) => t * 1000 - offset;
  const loaded = [...requests.values()].map((r) => ({ ...r, at: r.finished === null ? null : pageTime(r.finished), gzip: target.app === 'ours' ? asGzip(r) : r.bytes }));
  const sum = (rs, field = 'bytes') => rs.reduce((n, r) => n + r[field], 0);
  const byKind = {};
  for (const r of loaded) byKind[kindOf(r.url)] = (byKind[kindOf(r.url)] || 0) + r.bytes;
  const until = result.interactive ?? page_.drawn;
  const early = loaded.filter((r) => r.at !== null && r.at <= until);
  Object.assign(result, {
    fcp: page_.fcp,
    firstRender: page_.firstRender,
    firstHittable: page_.firstHittable,
    drawn: page_.drawn,
    longTasksBefore: page_.longTasks.filter(([, end]) => end <= until).length,
    bytesBefore: sum(early),
    gzipBytesBefore: sum(early, 'gzip'),
    requestsBefore: early.length,
    bytesFull: sum(loaded),
    gzipBytesFull: sum(loaded, 'gzip'),
    bytesByKind: byKind,
    requests: loaded.length,
    encodings: [...new Set(loaded.map((r) => r.encoding || 'identity'))],
    responses: loaded.map(({ url, bytes, gzip, at, encoding }) => ({ path: new URL(url).pathname + new URL(url).search, bytes, gzip, at, resourceTimingEnd: page_.responseEnd[url] ?? null, encoding })),
  });
  if (latency && target.markers) result.clicks = await latencyClicks(page, target.app);
  result.offOrigin = [...foreign];
  result.failed = loaded.filter((r) => r.failed || r.status >= 400).map((r) => `${r.url} (${r.failed || r.status})`);
  result.errors = errors;
  await context.close();
  return result;
}

// Small statistics.
const median = (xs) => quantile(xs, 0.5);
function quantile(xs, q) {
  const s = xs.filter((x) => typeof x === 'number' && !Number.isNaN(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  if (q === 0.5) return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]; // nearest rank
}
const spread = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });

function summarise(runs) {
  if (!runs.length) return null;
  const pick = (field) => runs.map((r) => r[field]).filter((x) => typeof x === 'number');
  const kinds = [...new Set(runs.flatMap((r) => Object.keys(r.bytesByKind)))];
  const clicks = runs.flatMap((r) => r.clicks || []);
  const s = {
    runs: runs.length,
    fcp: spread(pick('fcp')),
    firstRender: pick('firstRender').length ? spread(pick('firstRender')) : null,
    drawn: pick('drawn').length ? spread(pick('drawn')) : null,
    interactive: pick('interactive').length ? spread(pick('interactive')) : null,
    firstHittable: pick('firstHittable').length ? spread(pick('firstHittable')) : null,
    firstClick: pick('firstClick').length ? spread(pick('firstClick')) : null,
    clicksToInteractive: pick('clicksToInteractive').length ? spread(pick('clicksToInteractive')) : null,
    filterWorks: pick('filterWorks').length ? spread(pick('filterWorks')) : null,
    mapWorks: pick('mapWorks').length ? spread(pick('mapWorks')) : null,
    fullApp: pick('fullApp').length ? spread(pick('fullApp')) : null,
    longTasksBefore: median(pick('longTasksBefore')),
    bytesBefore: median(pick('bytesBefore')),
    gzipBytesBefore: median(pick('gzipBytesBefore')),
    requestsBefore: median(pick('requestsBefore')),
    bytesFull: median(pick('bytesFull')),
    gzipBytesFull: median(pick('gzipBytesFull')),
    bytesByKind: Object.fromEntries(kinds.map((k) => [k, median(runs.map((r) => r.bytesByKind[k] || 0))])),
    requests: median(pick('requests')),
    encodings: [...new Set(runs.flatMap((r) => r.encodings))],
    offOrigin: runs.reduce((n, r) => n + r.offOrigin.length, 0),
  };
  if (clicks.length) {
    s.clicksVia = clicks.reduce((n, c) => ({ ...n, [c.via]: (n[c.via] || 0) + 1 }), {});
    s.inputDelay = { median: median(clicks.map((c) => c.inputDelay)) };
    s.clickToDom = { median: median(clicks.map((c) => c.toDom)), p95: quantile(clicks.map((c) => c.toDom), 0.95) };
    s.clickToPaint = { median: median(clicks.map((c) => c.toPaint)), p95: quantile(clicks.map((c) => c.toPaint), 0.95), max: Math.max(...clicks.map((c) => c.toPaint)), n: clicks.length };
  }
  return s;
}

/** The offline single file's sizes, or null if scripts/build-single.sh has not made it. */
function singleFileSizes() {
  if (!existsSync(singleFile)) return null;
  const raw = readFileSync(singleFile);
  const index = join(dist, 'index.html');
  return {
    stale: existsSync(index) && statSync(singleFile).mtimeMs < statSync(index).mtimeMs,
    raw: raw.length,
    gzip: gzipSync(raw, { level: 9 }).length,
    brotli: brotliCompressSync(raw, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

// ---- Run ------------------------------------------------------------------------------------

const tljsPage = writeTimelinejsPage({ dist, out: join(outDir, 'timelinejs') });
const oursServer = await startServer({ dir: dist, listenPort: 0, basePath: '/' });
const tljsServer = await startGzipServer({ dir: tljsPage.dir });
const origins = {
  ours: `http://127.0.0.1:${oursServer.address().port}`,
  timelinejs: tljsServer.origin,
};
const originOf = (name) => (targets[name].app === 'ours' ? origins.ours : origins.timelinejs);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--headless=new',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    // No host name resolves: a request meant for another origin fails on this machine.
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
  ],
});
const browserVersion = browser.version();
const load = { before: loadavg()[0] };
const results = Object.fromEntries(PROFILES.map((p) => [p.name, Object.fromEntries(Object.keys(targets).map((t) => [t, []]))]));
const started = Date.now();
let failure = null;
try {
  // One unrecorded load of each app first (warms the TimelineJS server's gzip cache and
  // Chromium's processes), then the runs, alternating between profiles and pages so a busy
  // moment of the machine hits all of them.
  for (const name of ['ours', 'timelinejs']) await measure(browser, name, originOf(name), PROFILES[0], { latency: false });
  for (let run = 1; run <= RUNS; run++) {
    for (const profile of PROFILES) {
      for (const name of Object.keys(targets)) {
        const r = await measure(browser, name, originOf(name), profile);
        results[profile.name][name].push(r);
        const parts = [`FCP ${r.fcp.toFixed(0)} ms`];
        if (r.interactive !== undefined) parts.push(`interactive ${r.interactive.toFixed(0)} ms (${r.clicksToInteractive} click${r.clicksToInteractive === 1 ? '' : 's'})`);
        if (r.fullApp !== undefined) parts.push(`full app ${r.fullApp.toFixed(0)} ms`);
        if (r.drawn !== null && r.interactive === undefined) parts.push(`drawn ${r.drawn.toFixed(0)} ms`);
        parts.push(`${(r.bytesBefore / KB).toFixed(1)} KB before, ${(r.bytesFull / KB).toFixed(1)} KB in all`);
        if (r.clicks) parts.push(`click-to-paint median ${median(r.clicks.map((c) => c.toPaint)).toFixed(1)} ms`);
        process.stderr.write(`run ${run}/${RUNS} ${profile.name.padEnd(11)} ${targets[name].label.padEnd(21)} ${parts.join(', ')}\n`);
      }
    }
  }
} catch (e) {
  failure = e;
} finally {
  await browser.close();
  oursServer.close();
  tljsServer.server.close();
}
if (failure) {
  console.error(`The benchmark could not take its measurements: ${failure.stack || failure}`);
  process.exit(1);
}
load.after = loadavg()[0];
const minutes = (Date.now() - started) / 60_000;

const allRuns = Object.values(results).flatMap((byTarget) => Object.entries(byTarget).flatMap(([name, runs]) => runs.map((r) => [name, r])));
const problems = allRuns.flatMap(([name, r]) => [...r.failed.map((f) => `${name} (${r.profile}): failed request ${f}`), ...r.errors.map((e) => `${name} (${r.profile}): ${e}`)]);
const offOrigin = allRuns.flatMap(([name, r]) => r.offOrigin.map((u) => `${name}: ${u}`));
const summary = Object.fromEntries(
  PROFILES.map((p) => [p.name, Object.fromEntries(Object.keys(targets).map((t) => [t, summarise(results[p.name][t])]))]),
);
const single = singleFileSizes();

// ---- Report ---------------------------------------------------------------------------------

const kb = (n) => `${(n / KB).toFixed(1)} KB`;
const ms = (n) => `${n.toFixed(1)} ms`;
const ratio = (a, b) => (b > 0 && Number.isFinite(a) ? (a / b).toFixed(2) : '—');
const range = (s) => (s ? `${s.median.toFixed(0)} ms (${s.min.toFixed(0)}–${s.max.toFixed(0)})` : '—');
const clicksRange = (s) => (s ? `${s.median} (${s.min}–${s.max})` : '—');

function table(profile) {
  const o = summary[profile.name].ours;
  const t = summary[profile.name].timelinejs;
  const m = summary[profile.name].embedMap;
  const p = summary[profile.name].embedPolicies;
  const rows = [
    ['first contentful paint, median (min–max)', range(o.fcp), range(t.fcp), ratio(o.fcp.median, t.fcp.median)],
    ['markers in the DOM', range(o.firstRender), range(t.firstRender), ratio(o.firstRender.median, t.firstRender.median)],
    ['a marker can be hit (not the current one)', range(o.firstHittable), range(t.firstHittable), ratio(o.firstHittable.median, t.firstHittable.median)],
    ['first click event on it', range(o.firstClick), range(t.firstClick), ratio(o.firstClick.median, t.firstClick.median)],
    ['INTERACTIVE (that click shows its detail)', range(o.interactive), range(t.interactive), ratio(o.interactive.median, t.interactive.median)],
    ['  clicks until it did, median (min–max)', clicksRange(o.clicksToInteractive), clicksRange(t.clicksToInteractive), ''],
    ['  long tasks before it, median', String(o.longTasksBefore), String(t.longTasksBefore), ''],
    ['legend filter works', range(o.filterWorks), 'no filters', ''],
    ['FULL APP (filter, then Map tab drawn)', range(o.fullApp), 'no map', ''],
    ['bytes before interactive (as served)', kb(o.bytesBefore), kb(t.bytesBefore), ratio(o.bytesBefore, t.bytesBefore)],
    ['  the same as gzip', kb(o.gzipBytesBefore), kb(t.gzipBytesBefore), ratio(o.gzipBytesBefore, t.gzipBytesBefore)],
    ['  requests', String(o.requestsBefore), String(t.requestsBefore), ''],
    ['bytes of the full app, network idle', kb(o.bytesFull), kb(t.bytesFull), ratio(o.bytesFull, t.bytesFull)],
    ['  the same as gzip', kb(o.gzipBytesFull), kb(t.gzipBytesFull), ratio(o.gzipBytesFull, t.gzipBytesFull)],
    ...['html', 'js', 'wasm', 'css', 'data', 'font', 'other']
      .filter((k) => o.bytesByKind[k] || t.bytesByKind[k])
      .map((k) => [`  ${k === 'data' ? 'data (json, bin)' : k}`, kb(o.bytesByKind[k] || 0), kb(t.bytesByKind[k] || 0), ratio(o.bytesByKind[k] || 0, t.bytesByKind[k] || 0)]),
    ['  requests', String(o.requests), String(t.requests), ''],
    ['  content encodings', o.encodings.join(', '), t.encodings.join(', '), ''],
  ];
  if (o.clickToPaint) {
    rows.push(
      ['click → page sees it (input delay), median', ms(o.inputDelay.median), ms(t.inputDelay.median), ratio(o.inputDelay.median, t.inputDelay.median)],
      ['click → DOM shows selection, median', ms(o.clickToDom.median), ms(t.clickToDom.median), ratio(o.clickToDom.median, t.clickToDom.median)],
      ['click → paint, median', ms(o.clickToPaint.median), ms(t.clickToPaint.median), ratio(o.clickToPaint.median, t.clickToPaint.median)],
      ['click → paint, p95', ms(o.clickToPaint.p95), ms(t.clickToPaint.p95), ratio(o.clickToPaint.p95, t.clickToPaint.p95)],
      ['click → paint, max', ms(o.clickToPaint.max), ms(t.clickToPaint.max), ratio(o.clickToPaint.max, t.clickToPaint.max)],
    );
  }
  for (const [label, e] of [['?embed=map', m], ['?embed=policies', p]]) {
    rows.push(
      [`${label}: first contentful paint`, range(e.fcp), '', ''],
      [`${label}: view drawn`, range(e.drawn), '', ''],
      [`${label}: bytes by then / network idle`, `${kb(e.bytesBefore)} / ${kb(e.bytesFull)}`, '', ''],
      [`${label}: the same as gzip`, `${kb(e.gzipBytesBefore)} / ${kb(e.gzipBytesFull)}`, '', ''],
    );
  }
  rows.push(['requests off the app origin', String(o.offOrigin + m.offOrigin + p.offOrigin), String(t.offOrigin), '']);
  const header = [`${profile.label}`, 'ours', targets.timelinejs.label, 'ours/TimelineJS'];
  const widths = header.map((h, i) => Math.max(i === 0 ? 0 : h.length, ...rows.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('   ');
  console.log(`Profile: ${profile.label}`);
  console.log(line(['', ...header.slice(1)]));
  for (const r of rows) console.log(line(r));
  console.log('');
}

const un = summary.unthrottled;
const ph = summary.phone;
const firstViewProfile = un.ours.gzipBytesBefore >= ph.ours.gzipBytesBefore ? 'unthrottled' : 'phone';
const firstView = summary[firstViewProfile].ours.gzipBytesBefore;
const p95 = un.ours.clickToPaint.p95;
const tljsP95 = un.timelinejs.clickToPaint.p95;
const spare = (value, limit, fmt) => (value <= limit ? `${fmt(limit - value)} to spare` : `over by ${fmt(value - limit)}`);
const budgets = [
  {
    name: `first-view bytes before interactive ≤ ${kb(BUDGET_FIRST_VIEW_BYTES)} gzip`,
    pass: firstView <= BUDGET_FIRST_VIEW_BYTES,
    detail: `${kb(firstView)} gzip (${kb(summary[firstViewProfile].ours.bytesBefore)} as served), the larger of the two profiles (${firstViewProfile}); ${spare(firstView, BUDGET_FIRST_VIEW_BYTES, kb)}`,
  },
  {
    name: `phone FCP ≤ ${BUDGET_FCP_RATIO} × TimelineJS's`,
    pass: ph.ours.fcp.median <= BUDGET_FCP_RATIO * ph.timelinejs.fcp.median,
    detail: `${ms(ph.ours.fcp.median)} against a limit of ${ms(BUDGET_FCP_RATIO * ph.timelinejs.fcp.median)} (${ratio(ph.ours.fcp.median, ph.timelinejs.fcp.median)} × TimelineJS's ${ms(ph.timelinejs.fcp.median)})`,
  },
  {
    name: `phone interactive ≤ ${BUDGET_INTERACTIVE_RATIO} × TimelineJS's`,
    pass: ph.ours.interactive.median <= BUDGET_INTERACTIVE_RATIO * ph.timelinejs.interactive.median,
    detail: `${ms(ph.ours.interactive.median)} against a limit of ${ms(BUDGET_INTERACTIVE_RATIO * ph.timelinejs.interactive.median)} (${ratio(ph.ours.interactive.median, ph.timelinejs.interactive.median)} × TimelineJS's ${ms(ph.timelinejs.interactive.median)})`,
  },
  {
    name: `phone full app (filters, map) working ≤ ${(BUDGET_FULL_APP_MS / 1000).toFixed(1)} s`,
    pass: ph.ours.fullApp.median <= BUDGET_FULL_APP_MS,
    detail: `${ms(ph.ours.fullApp.median)}, ${spare(ph.ours.fullApp.median, BUDGET_FULL_APP_MS, ms)}`,
  },
  {
    name: `unthrottled click→paint p95 ≤ ${BUDGET_CLICK_P95_MS} ms and ≤ TimelineJS's`,
    pass: p95 <= BUDGET_CLICK_P95_MS && p95 <= tljsP95,
    detail: `${ms(p95)}; ${spare(p95, BUDGET_CLICK_P95_MS, ms)} on ${BUDGET_CLICK_P95_MS} ms; TimelineJS's p95 ${ms(tljsP95)} (${ratio(p95, tljsP95)} ×)`,
  },
];

console.log(`Benchmark: the explainer (${dist}) against TimelineJS ${timelinejsVersion} showing the same ${tljsPage.events} events`);
console.log(
  `${RUNS} runs per profile and page (plus one unrecorded warm-up load of each app), ${CLICKS} latency selections a run; Chromium ${browserVersion} headless, ` +
    `${VIEWPORT.width}×${VIEWPORT.height}, fresh context, cache disabled and service workers blocked each load; ours served as production ` +
    `(pre-compressed .br/.gz siblings), TimelineJS gzip level 9, both from 127.0.0.1; load average ${load.before.toFixed(2)} before, ${load.after.toFixed(2)} after; ${minutes.toFixed(1)} min`,
);
console.log(`Ours opens at index.html with no fragment, whose first view is the timeline. TimelineJS loads timeline.json by URL, options ${JSON.stringify(timelinejsOptions)}.`);
console.log('');
for (const profile of PROFILES) table(profile);
console.log(
  single
    ? `Offline single file (target/single/ecuador-explainer.html): ${kb(single.gzip)} gzip -9 (${kb(single.brotli)} brotli, ${kb(single.raw)} raw)${single.stale ? `; stale: older than ${join(dist, 'index.html')}, rebuild it with scripts/build-single.sh` : ''}`
    : 'Offline single file (target/single/ecuador-explainer.html): not built (scripts/build-single.sh makes it)',
);
console.log('');
console.log('Budgets (issue 12):');
for (const b of budgets) console.log(`  ${b.pass ? 'PASS' : 'MISS'}  ${b.name}: ${b.detail}`);
console.log('');
const via = Object.entries(un.timelinejs.clicksVia)
  .map(([k, n]) => `${n} on ${k === 'marker' ? 'markers' : `the ${k}`}`)
  .join(', ');
for (const note of [
  'How it was measured (times in the page, from navigation start; medians over the runs, min–max in brackets):',
  '  FCP            the first-contentful-paint entry of a PerformanceObserver for paint',
  '  interactive    as soon as a marker other than the current one can be hit (looked for from the moment markers are in the',
  `                 DOM, then every 10 ms), a real mouse click on it, again every ${RETRY_MS} ms while nothing shows; the moment the`,
  "                 clicked event's detail first shows. Ours: the marker is aria-current and #detail-heading reads its title;",
  "                 TimelineJS: the event's slide is the current one (not inert) and its marker tl-timemarker-active (the 1 s",
  '                 slide-in animation not counted). A page that ignores the click never passes',
  '  full app       ours, from interactive: a legend filter clicked until its category is hidden, then the Map tab clicked until',
  '                 svg.map has land and places (the same retries); the time the map was drawn',
  '  bytes          encoded bytes of every response incl. HTTP headers, as served (ours: br); "before interactive" = responses',
  '                 finished by then; full app = all until the network was idle 500 ms after the probes; "as gzip" = ours with',
  "                 each .br body replaced by its .gz sibling. Our data is a postcard file per language (.bin), TimelineJS's timeline.json",
  '  embeds         ours at ?embed=map / ?embed=policies: drawn = svg.map has land and places / the comparison table has rows',
  '  click → paint  unthrottled only: click event timeStamp to the frame after the DOM shows the selection (rAF + setTimeout 0),',
  `                 ${un.ours.clickToPaint.n} + ${un.timelinejs.clickToPaint.n} real mouse clicks on ${CLICKS} different events a run (TimelineJS: ${via}); p95 by nearest rank`,
  '  input delay    click event timeStamp to the first click listener (capture phase, on document): the part before any app code',
]) {
  console.log(note);
}
for (const u of new Set(offOrigin)) console.log(`OFF-ORIGIN REQUEST ${u}`);
for (const p of new Set(problems)) console.log(`PROBLEM ${p}`);

mkdirSync(outDir, { recursive: true });
writeFileSync(
  join(outDir, 'results.json'),
  JSON.stringify(
    {
      date: new Date().toISOString(),
      dist,
      chromium: browserVersion,
      timelinejs: { version: timelinejsVersion, options: timelinejsOptions, events: tljsPage.events },
      runs: RUNS,
      clicksPerRun: CLICKS,
      viewport: VIEWPORT,
      profiles: PROFILES,
      loadAverage: load,
      minutes,
      definitions: {
        fcp: "PerformanceObserver 'paint' entry first-contentful-paint",
        interactive: `performance.now() when a real mouse click on a marker, made as soon as markers appear and repeated every ${RETRY_MS} ms while nothing shows, first shows that event's detail`,
        fullApp: 'ours: when, after interactive, a legend filter click has hidden its category and a Map tab click has drawn the map (land and places)',
        bytesBefore: 'CDP Network.loadingFinished encodedDataLength (body as served + headers) of the responses finished by interactive (embeds: by drawn)',
        bytesFull: 'the same for every response until the network was idle for 500 ms after the probes',
        gzip: "ours: the same responses with each .br body replaced by its .gz sibling's size",
        clickToPaint: 'unthrottled only: click event timeStamp to requestAnimationFrame + setTimeout(0) after the DOM shows the selection',
      },
      singleFile: single ? { path: singleFile, ...single } : null,
      summary,
      budgets: budgets.map(({ name, pass, detail }) => ({ name, pass, detail })),
      raw: results,
    },
    null,
    2,
  ) + '\n',
);
console.log(`Results written to ${join(outDir, 'results.json')}`);
// A measurement command: a missed budget is reported, not failed. Off-origin requests, failed
// requests or page errors mean the comparison is not valid.
if (offOrigin.length || problems.length) process.exit(1);
