// Shared helpers for the journeys: page-error and request tracking, and the axe-core scan
// (injected from node_modules, so nothing is fetched from elsewhere).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect } from '@playwright/test';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Opens a page that records page errors, console errors and every request's URL. */
export async function openTracked(page, path = '') {
  const errors = [];
  const requests = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('request', (r) => requests.push(r.url()));
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`http ${r.status()}: ${r.url()}`);
  });
  await page.goto(path);
  await waitForApp(page);
  return { errors, requests };
}

/** Waits until the wasm app has replaced the static first view (the explainer, or a presentation). */
export async function waitForApp(page) {
  await expect(page.locator('#app[data-mounted]')).toBeAttached({ timeout: 15_000 });
  await expect(page.locator('.site-header h1, .presentation').first()).toBeVisible({ timeout: 15_000 });
}

/** Runs axe-core on the page and fails on any violation, listing them readably. */
export async function expectNoAxeViolations(page, label) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) {
    await page.addScriptTag({ content: axeSource });
  }
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
  });
  expect(result, `axe violations on ${label}`).toEqual([]);
}

/** Every URL must be on the app's own origin (or data:/blob:). */
export function expectSameOrigin(requests, origin) {
  const foreign = requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
  expect(foreign, 'requests that left the app origin').toEqual([]);
}

/** The pages of a PDF: its page objects (`/Type /Page`, not `/Pages`). */
export function pdfPageCount(pdf) {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![A-Za-z])/g) || []).length;
}

/** Records, from now on, every read of an element's position or size made while a click is being
 * handled: from the click until the next frame begins. Such a read
 * forces the browser to lay out a half-updated page, which it then lays out again for the frame.
 * `layoutReadsInClicks` returns what was read, e.g. "clientWidth of markers". */
export async function recordLayoutReadsInClicks(page) {
  await page.evaluate(() => {
    window.__reads = [];
    let inClick = false;
    document.addEventListener('click', () => {
      inClick = true;
      // Until the next frame: the click's task, its microtasks and the tasks it starts (a link's
      // hashchange); this callback runs before any frame callback the app asks for meanwhile.
      requestAnimationFrame(() => (inClick = false));
    }, true);
    const note = (name, el) => inClick && window.__reads.push(`${name} of ${el.id || el.getAttribute('class') || el.tagName}`);
    const rect = Element.prototype.getBoundingClientRect;
    Element.prototype.getBoundingClientRect = function () {
      note('getBoundingClientRect', this);
      return rect.call(this);
    };
    for (const [proto, names] of [
      [Element.prototype, ['clientWidth', 'clientHeight', 'scrollHeight', 'scrollWidth']],
      [HTMLElement.prototype, ['offsetWidth', 'offsetHeight', 'offsetTop', 'offsetLeft']],
    ]) {
      for (const name of names) {
        const d = Object.getOwnPropertyDescriptor(proto, name);
        Object.defineProperty(proto, name, { configurable: true, get() { note(name, this); return d.get.call(this); } });
      }
    }
  });
}

export function layoutReadsInClicks(page) {
  return page.evaluate(() => window.__reads);
}
