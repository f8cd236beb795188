// The benchmark, side by side with TimelineJS: our release build and a self-hosted TimelineJS page
// showing the same events, each served gzip-compressed from its own 127.0.0.1 origin and loaded
// in Debian's headless Chromium. For each app and run (a fresh browser context, cache disabled):
// bytes transferred, time to first render, time to interactive, and click-to-paint latency of 20
// timeline selections. Prints a table with the ratios and the budgets of issue 8, and writes
// target/bench/results.json. Run it through scripts/bench.sh, or on a build already made:
//
//   BENCH_DIST=dist BENCH_RUNS=5 node tests/bench/bench.mjs
//   BENCH_NETWORK=slow4g ...        the same with a throttled phone connection
//
// Every time is taken inside the page (performance.now(), from navigation start), never by this
// runner's polling. Definitions:
// - first render: the first moment the timeline's markers are in the DOM (a MutationObserver
//   installed before any page script): `.markers a.marker` for ours, `.tl-timemarker` for
//   TimelineJS. Mutation callbacks run as microtasks, so this is when the task that added the
//   markers has finished its synchronous work (nothing can be painted before that).
// - time to interactive (TTI): the end of the last long task (a PerformanceObserver for
//   'longtask', buffered, also installed before any page script) before the first 500 ms window
//   after first render with no long task; first render itself if no long task ends after it.
//   A simplified TTI: unlike Lighthouse's, it does not also wait for the network to be quiet.
// - click-to-paint: from the click event's timeStamp (a capture listener on document) to the paint
//   after the DOM shows the new selection: the MutationObserver callback that first sees it
//   schedules requestAnimationFrame(() => setTimeout(record, 0)), so the time recorded is just
//   after that frame's style, layout and paint. "Shows the selection" is, for ours, the clicked
//   marker carrying aria-current and the detail panel's heading reading its title; for TimelineJS,
//   the clicked event's marker carrying tl-timemarker-active (its slide then animates in over 1 s,
//   which is not counted). Clicks are real mouse input (page.mouse), 20 different events a run,
//   each made once the page has had no DOM change for 300 ms (TimelineJS's transitions finished).
//   Ours: markers spread over the whole axis. TimelineJS: the next 20 events in turn, on their
//   marker where it is in view, else on the "next" arrow (both select the event). The input delay
//   (click timeStamp to the capture listener, before any app code runs) is reported too.
// - bytes: encodedDataLength of every response (CDP Network.loadingFinished): gzip body plus HTTP
//   headers, as DevTools' "transferred". Counted until the page is interactive and the network
//   has been idle for 500 ms.
//
// Every request must stay on the app's own origin: Chromium resolves no host name at all (only the
// 127.0.0.1 literal works), so nothing can leave the machine, and any request to another origin is
// counted, printed and makes the command fail, as do failed requests and page errors. A missed
// budget does not: this is a measurement command. Service workers are blocked (a first visit).
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { startGzipServer } from './gzip-server.mjs';
import { timelinejsOptions, timelinejsVersion, writeTimelinejsPage } from './timelinejs-page.mjs';

const RUNS = Number(process.env.BENCH_RUNS || 5);
// BENCH_NETWORK=slow4g throttles every run like Lighthouse's mobile profile (150 ms round trip,
// 1.6 Mbit/s down, 750 kbit/s up), so the bytes show up in the times as a phone reader feels them.
const NETWORKS = {
  none: null,
  slow4g: { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 },
};
const NETWORK = process.env.BENCH_NETWORK || 'none';
if (!(NETWORK in NETWORKS)) throw new Error(`BENCH_NETWORK must be one of ${Object.keys(NETWORKS).join(', ')}, not ${NETWORK}`);
const CLICKS = 20;
const QUIET_MS = 500; // the TTI window without long tasks
const SETTLE_MS = 300; // no DOM change for this long before each click
const VIEWPORT = { width: 1280, height: 800 };
const dist = resolve(process.env.BENCH_DIST || 'dist');
const outDir = resolve('target/bench');
const KB = 1024;
const BUDGET_BYTES = 120 * KB;
const BUDGET_TTI_RATIO = 0.6;
const BUDGET_CLICK_P95_MS = 16;

if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error(`BENCH_RUNS must be a positive integer, not ${process.env.BENCH_RUNS}`);

/** What differs between the two apps (how a selection shows is in `instrument`). */
const apps = {
  ours: {
    label: 'ours',
    path: '/', // the default view (no fragment) is the timeline
    marker: '.markers a.marker',
    firstRender: '.markers a.marker',
  },
  timelinejs: {
    label: `TimelineJS ${timelinejsVersion}`,
    path: '/',
    marker: '.tl-timemarker',
    firstRender: '.tl-timemarker',
  },
};

/**
 * Installed in every page before its own scripts: records first render, long tasks and, for each
 * armed click, the click's timestamp, the moment the DOM shows the selection and the paint after.
 */
function instrument({ app, firstRender }) {
  const b = (window.__bench = { firstRender: null, longTasks: [], clicks: [], expect: null, pending: null, lastMutation: 0, longtaskSupported: false });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longTasks.push([e.startTime, e.startTime + e.duration]);
    }).observe({ type: 'longtask', buffered: true });
    b.longtaskSupported = true;
  } catch {
    // Reported by the runner: TTI cannot be measured without it.
  }
  const selected =
    app === 'ours'
      ? (key) =>
          document.querySelector('.markers a[aria-current]')?.dataset.event === key.id &&
          document.getElementById('detail-heading')?.textContent === key.title
      : (key) => !!document.getElementById(`${key.id}-marker`)?.classList.contains('tl-timemarker-active');
  document.addEventListener(
    'click',
    (event) => {
      if (!b.expect) return;
      b.pending = { key: b.expect, click: event.timeStamp, handler: performance.now() };
      b.expect = null;
    },
    true,
  );
  new MutationObserver(() => {
    const now = performance.now();
    b.lastMutation = now;
    if (b.firstRender === null && document.querySelector(firstRender)) b.firstRender = now;
    const p = b.pending;
    if (p && p.changed === undefined && selected(p.key)) {
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

/** TTI from first render and the long tasks, as defined in the header. */
function timeToInteractive(firstRender, longTasks) {
  let tti = firstRender;
  for (const [start, end] of [...longTasks].sort((a, b) => a[0] - b[0])) {
    if (end <= tti) continue;
    if (start - tti >= QUIET_MS) break;
    tti = end;
  }
  return tti;
}

/** The kind of a response, by its path: what the per-type byte totals are keyed by. */
function kindOf(url) {
  const path = new URL(url).pathname;
  if (path.endsWith('/') || path.endsWith('.html')) return 'html';
  const ext = path.slice(path.lastIndexOf('.') + 1);
  return { js: 'js', mjs: 'js', wasm: 'wasm', css: 'css', json: 'data', woff: 'font', woff2: 'font', ttf: 'font', eot: 'font' }[ext] || 'other';
}

/** A point inside the element that a real click would hit (the element or a descendant), or null. */
async function clickPoint(page, selector) {
  return page.evaluate((selector) => {
    const el = document.querySelector(selector);
    if (!el) return null;
    const r = el.getBoundingClientRect();
    if (r.bottom < 0 || r.top > innerHeight) {
      el.scrollIntoView({ block: 'center' });
      return { scrolled: true };
    }
    // Sample points over the part of the element inside the viewport; elementFromPoint answers for
    // clipping and overlap (TimelineJS's markers overlap, and its axis is wider than its window).
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
  }, selector);
}

/** Waits until the page's DOM has not changed for SETTLE_MS. */
async function settle(page) {
  await page.waitForFunction((ms) => performance.now() - window.__bench.lastMutation >= ms, SETTLE_MS, { timeout: 15_000, polling: 50 });
}

/** Clicks at a point found by clickPoint, scrolling first if the element is off-screen. */
async function clickOn(page, selector) {
  let point = await clickPoint(page, selector);
  if (point?.scrolled) {
    await settle(page);
    point = await clickPoint(page, selector);
  }
  if (!point || point.scrolled) return false;
  await page.mouse.click(point.x, point.y);
  return true;
}

/** The 20 events to select, and how to click each: spread over the whole timeline for ours. */
async function plannedClicks(page, name) {
  if (name === 'ours') {
    const markers = await page.$$eval(apps.ours.marker, (els) =>
      els.map((el) => ({ id: el.dataset.event, title: el.querySelector('.event-title')?.textContent })),
    );
    if (markers.length < CLICKS) throw new Error(`only ${markers.length} markers on our timeline, ${CLICKS} needed`);
    return Array.from({ length: CLICKS }, (_, i) => markers[Math.round((i * (markers.length - 1)) / (CLICKS - 1))]);
  }
  // TimelineJS opens on the first event and centres the axis on the selection, so step through
  // the next 20 events: a click on the marker, or on the "next" arrow when it is out of view.
  const ids = await page.$$eval(apps.timelinejs.marker, (els) => els.map((el) => el.id.replace(/-marker$/, '')));
  if (ids.length < CLICKS + 1) throw new Error(`only ${ids.length} TimelineJS markers, ${CLICKS + 1} needed`);
  return ids.slice(1, CLICKS + 1).map((id) => ({ id }));
}

/** One load of one app in a fresh context: bytes, first render, TTI and the clicks. */
async function measure(browser, name, origin) {
  const app = apps[name];
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US', serviceWorkers: 'block' });
  await context.addInitScript(instrument, { app: name, firstRender: app.firstRender });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));

  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (NETWORKS[NETWORK]) await cdp.send('Network.emulateNetworkConditions', NETWORKS[NETWORK]);
  const requests = new Map(); // requestId -> { url, bytes, done }
  const foreign = [];
  let lastNetwork = Date.now();
  cdp.on('Network.requestWillBeSent', ({ requestId, request }) => {
    lastNetwork = Date.now();
    if (/^(data|blob):/.test(request.url)) return;
    if (new URL(request.url).origin !== origin) foreign.push(request.url);
    requests.set(requestId, { url: request.url, bytes: 0, done: false, status: null });
  });
  cdp.on('Network.responseReceived', ({ requestId, response }) => {
    const r = requests.get(requestId);
    if (r) r.status = response.status;
  });
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    lastNetwork = Date.now();
    const r = requests.get(requestId);
    if (r) Object.assign(r, { bytes: encodedDataLength, done: true });
  });
  cdp.on('Network.loadingFailed', ({ requestId, errorText }) => {
    lastNetwork = Date.now();
    const r = requests.get(requestId);
    if (r) Object.assign(r, { done: true, failed: errorText });
  });

  await page.goto(origin + app.path, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__bench?.firstRender !== null, null, { timeout: 30_000, polling: 50 });
  if (!(await page.evaluate(() => window.__bench.longtaskSupported))) throw new Error('this Chromium does not report long tasks');
  // Wait for the quiet window that ends TTI (no long task for QUIET_MS after first render or the
  // last long task), and for the network to be idle.
  await page.waitForFunction(
    (quiet) => {
      const b = window.__bench;
      const last = Math.max(b.firstRender, ...b.longTasks.map((t) => t[1]));
      return performance.now() - last >= quiet;
    },
    QUIET_MS,
    { timeout: 30_000, polling: 50 },
  );
  for (const started = Date.now(); ; await page.waitForTimeout(50)) {
    const pending = [...requests.values()].some((r) => !r.done);
    if (!pending && Date.now() - lastNetwork >= 500) break;
    if (Date.now() - started > 15_000) throw new Error(`${name}: the network never went idle`);
  }
  const load = await page.evaluate(() => ({ firstRender: window.__bench.firstRender, longTasks: window.__bench.longTasks }));
  const tti = timeToInteractive(load.firstRender, load.longTasks);
  const loaded = [...requests.values()];
  const bytes = { total: 0 };
  for (const r of loaded) {
    const kind = kindOf(r.url);
    bytes[kind] = (bytes[kind] || 0) + r.bytes;
    bytes.total += r.bytes;
  }
  const failed = loaded.filter((r) => r.failed || r.status >= 400).map((r) => `${r.url} (${r.failed || r.status})`);

  // The clicks.
  const plan = await plannedClicks(page, name);
  const clicks = [];
  for (const key of plan) {
    await settle(page);
    await page.evaluate((key) => (window.__bench.expect = key), key);
    // TimelineJS's marker element has no width: its card (content container) takes the click.
    const selector = name === 'ours' ? `.markers a[data-event="${key.id}"]` : `[id="${key.id}-marker"] .tl-timemarker-content-container`;
    let via = 'marker';
    let clicked = await clickOn(page, selector);
    if (!clicked && name === 'timelinejs') {
      via = 'next arrow';
      clicked = await clickOn(page, '.tl-slidenav-next');
    }
    if (!clicked) throw new Error(`${name}: could not click the marker of ${key.id}`);
    const done = await page
      .waitForFunction((n) => window.__bench.clicks.length === n, clicks.length + 1, { timeout: 5_000, polling: 50 })
      .then(() => true, () => false);
    if (!done) throw new Error(`${name}: selecting ${key.id} never showed (${await page.evaluate(() => JSON.stringify(window.__bench.pending))})`);
    const c = await page.evaluate(() => window.__bench.clicks.at(-1));
    clicks.push({ id: key.id, via, inputDelay: c.handler - c.click, toDom: c.changed - c.click, toPaint: c.painted - c.click });
  }
  const offOrigin = [...foreign];
  await context.close();
  return { firstRender: load.firstRender, tti, longTasks: load.longTasks, requests: loaded.length, bytes, clicks, offOrigin, failed, errors };
}

// Small statistics.
const median = (xs) => quantile(xs, 0.5);
function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  if (q === 0.5) return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]; // nearest rank
}

function summarise(runs) {
  const kinds = [...new Set(runs.flatMap((r) => Object.keys(r.bytes)))];
  const bytes = Object.fromEntries(kinds.map((k) => [k, median(runs.map((r) => r.bytes[k] || 0))]));
  const clicks = runs.flatMap((r) => r.clicks);
  return {
    bytes,
    requests: median(runs.map((r) => r.requests)),
    firstRender: { median: median(runs.map((r) => r.firstRender)), min: Math.min(...runs.map((r) => r.firstRender)), max: Math.max(...runs.map((r) => r.firstRender)) },
    tti: { median: median(runs.map((r) => r.tti)), min: Math.min(...runs.map((r) => r.tti)), max: Math.max(...runs.map((r) => r.tti)) },
    longTasks: median(runs.map((r) => r.longTasks.length)),
    clicksVia: clicks.reduce((n, c) => ({ ...n, [c.via]: (n[c.via] || 0) + 1 }), {}),
    inputDelay: { median: median(clicks.map((c) => c.inputDelay)) },
    clickToDom: { median: median(clicks.map((c) => c.toDom)), p95: quantile(clicks.map((c) => c.toDom), 0.95) },
    clickToPaint: { median: median(clicks.map((c) => c.toPaint)), p95: quantile(clicks.map((c) => c.toPaint), 0.95), max: Math.max(...clicks.map((c) => c.toPaint)), n: clicks.length },
    offOrigin: runs.reduce((n, r) => n + r.offOrigin.length, 0),
  };
}

// ---- Run ------------------------------------------------------------------------------------

const tljsPage = writeTimelinejsPage({ dist, out: join(outDir, 'timelinejs') });
const servers = {
  ours: await startGzipServer({ dir: dist }),
  timelinejs: await startGzipServer({ dir: tljsPage.dir }),
};
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
const results = { ours: [], timelinejs: [] };
let failure = null;
try {
  // One unrecorded load of each first (warms the servers' gzip caches and Chromium's processes),
  // then the runs, alternating between the apps so a busy moment of the machine hits both.
  for (const name of ['ours', 'timelinejs']) await measure(browser, name, servers[name].origin);
  for (let run = 1; run <= RUNS; run++) {
    for (const name of ['ours', 'timelinejs']) {
      const r = await measure(browser, name, servers[name].origin);
      results[name].push(r);
      process.stderr.write(
        `run ${run}/${RUNS} ${name.padEnd(10)} first render ${r.firstRender.toFixed(0)} ms, TTI ${r.tti.toFixed(0)} ms, ` +
          `${(r.bytes.total / KB).toFixed(1)} KB, click-to-paint median ${median(r.clicks.map((c) => c.toPaint)).toFixed(1)} ms\n`,
      );
    }
  }
} catch (e) {
  failure = e;
} finally {
  await browser.close();
  for (const { server } of Object.values(servers)) server.close();
}
if (failure) {
  console.error(`The benchmark could not take its measurements: ${failure.stack || failure}`);
  process.exit(1);
}
load.after = loadavg()[0];

const problems = Object.entries(results).flatMap(([name, runs]) =>
  runs.flatMap((r) => [...r.failed.map((f) => `${name}: failed request ${f}`), ...r.errors.map((e) => `${name}: ${e}`)]),
);
const ours = summarise(results.ours);
const tljs = summarise(results.timelinejs);

// ---- Report ---------------------------------------------------------------------------------

const kb = (n) => `${(n / KB).toFixed(1)} KB`;
const ms = (n) => `${n.toFixed(1)} ms`;
const ratio = (a, b) => (b > 0 ? (a / b).toFixed(2) : '—');
const range = (s) => `${s.median.toFixed(0)} ms (${s.min.toFixed(0)}–${s.max.toFixed(0)})`;
const rows = [
  ['bytes transferred (gzip), total', kb(ours.bytes.total), kb(tljs.bytes.total), ratio(ours.bytes.total, tljs.bytes.total)],
  ...['html', 'js', 'wasm', 'css', 'data', 'font', 'other']
    .filter((k) => ours.bytes[k] || tljs.bytes[k])
    .map((k) => [`  ${k === 'data' ? 'data (json)' : k}`, kb(ours.bytes[k] || 0), kb(tljs.bytes[k] || 0), ratio(ours.bytes[k] || 0, tljs.bytes[k] || 0)]),
  ['requests', String(ours.requests), String(tljs.requests), ratio(ours.requests, tljs.requests)],
  ['first render, median (min–max)', range(ours.firstRender), range(tljs.firstRender), ratio(ours.firstRender.median, tljs.firstRender.median)],
  ['time to interactive, median (min–max)', range(ours.tti), range(tljs.tti), ratio(ours.tti.median, tljs.tti.median)],
  ['long tasks during load, median', String(ours.longTasks), String(tljs.longTasks), ''],
  ['click → page sees it (input delay), median', ms(ours.inputDelay.median), ms(tljs.inputDelay.median), ratio(ours.inputDelay.median, tljs.inputDelay.median)],
  ['click → DOM shows selection, median', ms(ours.clickToDom.median), ms(tljs.clickToDom.median), ratio(ours.clickToDom.median, tljs.clickToDom.median)],
  ['click → paint, median', ms(ours.clickToPaint.median), ms(tljs.clickToPaint.median), ratio(ours.clickToPaint.median, tljs.clickToPaint.median)],
  ['click → paint, p95', ms(ours.clickToPaint.p95), ms(tljs.clickToPaint.p95), ratio(ours.clickToPaint.p95, tljs.clickToPaint.p95)],
  ['click → paint, max', ms(ours.clickToPaint.max), ms(tljs.clickToPaint.max), ratio(ours.clickToPaint.max, tljs.clickToPaint.max)],
  ['requests off the app origin', String(ours.offOrigin), String(tljs.offOrigin), ''],
];
const header = ['', 'ours', apps.timelinejs.label, 'ours/TimelineJS'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('   ');

const tljsStatic = (tljs.bytes.js || 0) + (tljs.bytes.css || 0);
const budgets = [
  {
    name: `first-view bytes ≤ ${kb(BUDGET_BYTES)} gzip`,
    pass: ours.bytes.total <= BUDGET_BYTES,
    detail: `${kb(ours.bytes.total)}, ${ours.bytes.total <= BUDGET_BYTES ? `${kb(BUDGET_BYTES - ours.bytes.total)} to spare` : `over by ${kb(ours.bytes.total - BUDGET_BYTES)}`}; TimelineJS ships ${kb(tljsStatic)} of JS+CSS before any data`,
  },
  {
    name: `our TTI ≤ ${BUDGET_TTI_RATIO} × TimelineJS's TTI`,
    pass: ours.tti.median <= BUDGET_TTI_RATIO * tljs.tti.median,
    detail: `${ms(ours.tti.median)} against a limit of ${ms(BUDGET_TTI_RATIO * tljs.tti.median)} (${ratio(ours.tti.median, tljs.tti.median)} × TimelineJS's ${ms(tljs.tti.median)})`,
  },
  {
    name: `our click-to-paint p95 ≤ ${BUDGET_CLICK_P95_MS} ms`,
    pass: ours.clickToPaint.p95 <= BUDGET_CLICK_P95_MS,
    detail: `${ms(ours.clickToPaint.p95)}, ${ours.clickToPaint.p95 <= BUDGET_CLICK_P95_MS ? `${ms(BUDGET_CLICK_P95_MS - ours.clickToPaint.p95)} to spare` : `over by ${ms(ours.clickToPaint.p95 - BUDGET_CLICK_P95_MS)}`}`,
  },
];

console.log(`Benchmark: the explainer (${dist}) against TimelineJS ${timelinejsVersion} showing the same ${tljsPage.events} events`);
console.log(
  `${RUNS} runs each (plus one unrecorded warm-up), ${CLICKS} selections a run; Chromium ${browserVersion} headless, ${VIEWPORT.width}×${VIEWPORT.height}, ` +
    `fresh context, cache disabled and service workers blocked each run; gzip level 9 from 127.0.0.1, ${NETWORK === 'none' ? 'no network throttling' : `network throttled as ${NETWORK} (150 ms RTT, 1.6 Mbit/s down)`}; load average ${load.before.toFixed(2)} before, ${load.after.toFixed(2)} after`,
);
console.log(`Ours opens at index.html with no fragment, whose first view is the timeline. TimelineJS loads timeline.json by URL, options ${JSON.stringify(timelinejsOptions)}.`);
console.log('');
console.log(line(header));
for (const r of rows) console.log(line(r));
console.log('');
console.log('Budgets (issue 8):');
for (const b of budgets) console.log(`  ${b.pass ? 'PASS' : 'MISS'}  ${b.name}: ${b.detail}`);
console.log('');
const via = Object.entries(tljs.clicksVia).map(([k, n]) => `${n} on ${k === 'marker' ? 'markers' : 'the next arrow'}`).join(', ');
for (const note of [
  'How it was measured (times in the page, from navigation start):',
  '  first render   the timeline markers are in the DOM (seen by a MutationObserver, i.e. once the task that added them is done)',
  `  TTI            end of the last long task (>50 ms) before ${QUIET_MS} ms without one after first render; first render if none`,
  '  click → paint  click event timeStamp to the frame after the DOM shows the selection (rAF + setTimeout 0); ours: the marker',
  '                 is aria-current and the detail heading shows the event; TimelineJS: the marker is tl-timemarker-active',
  `                 (its 1 s slide animation not counted). ${ours.clickToPaint.n} + ${tljs.clickToPaint.n} real mouse clicks on 20 different events a run`,
  `                 (TimelineJS: ${via}); p95 by nearest rank`,
  '  input delay    click event timeStamp to the first click listener (capture phase, on document): the part before any app code',
  "  bytes          encoded bytes of every response incl. HTTP headers; our data is inside the wasm, TimelineJS's in timeline.json",
]) {
  console.log(note);
}
const offOrigin = Object.entries(results).flatMap(([name, runs]) => runs.flatMap((r) => r.offOrigin.map((u) => `${name}: ${u}`)));
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
      loadAverage: load,
      definitions: {
        firstRender: 'performance.now() when the first timeline marker is in the DOM (MutationObserver)',
        tti: `end of the last long task before a ${QUIET_MS} ms window without long tasks after first render, or first render if none`,
        clickToPaint: 'click event timeStamp to requestAnimationFrame + setTimeout(0) after the DOM shows the selection',
        bytes: 'CDP Network.loadingFinished encodedDataLength (gzip body + headers), per response',
      },
      summary: { ours, timelinejs: tljs },
      budgets: budgets.map(({ name, pass, detail }) => ({ name, pass, detail })),
      raw: results,
    },
    null,
    2,
  ) + '\n',
);
console.log(`Results written to ${join(outDir, 'results.json')}`);
// A measurement command: a missed budget is reported, not failed. Off-origin requests or failed
// loads mean the comparison is not valid.
if (offOrigin.length || problems.length) process.exit(1);
