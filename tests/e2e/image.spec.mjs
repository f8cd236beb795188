// "Download image" on the map, the homicide chart and the policy funding chart (src/picture/):
// each writes a well-formed SVG holding its title and sources line, and a decodable PNG at twice
// its size, in both languages and both themes, made in the page with no request off the origin.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, expectSameOrigin, openTracked } from './helpers.mjs';

const ORIGIN = 'http://127.0.0.1:4173/';

/** The short citations listed under a chart (its folded sources), once each, in order. */
async function citations(scope) {
  for (const summary of await scope.locator('.chart-sources > summary').all()) await summary.click();
  const all = await scope.locator('.chart-sources .sources li summary').allTextContents();
  return [...new Set(all.map((t) => t.trim()))];
}

/** What each picture should say, read from the page as the reader sees it. */
const TARGETS = {
  map: {
    path: (lang) => `/#map?lang=${lang}`,
    actions: '.map-block > .picture-actions',
    title: async (page) => page.locator('#map-svg-title').textContent(),
    sources: async () => null,
    credit: async (page) => page.locator('.map-credit').textContent(),
  },
  homicide: {
    path: (lang) => `/#timeline?lang=${lang}`,
    actions: 'figure.chart .picture-actions',
    title: async (page) => (await page.locator('#chart-heading').textContent()).replace(/\s+/g, ' ').trim(),
    sources: async (page) => citations(page.locator('figure.chart')),
    credit: async () => null,
  },
  funding: {
    path: (lang) => `/#policies?lang=${lang}`,
    actions: '.pair-charts .picture-actions',
    title: async (page) => {
      const [left, right] = await page.locator('.comparison thead th').allTextContents();
      return `${await page.locator('.pair-charts h4').first().textContent()}: ${left}, ${right}`;
    },
    sources: async (page) => citations(page.locator('.pair-charts').first()),
    credit: async () => null,
  },
};

/** Clicks a button and returns the downloaded file's name and bytes. */
async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path), file };
}

/** Parses an SVG in the page: parse errors, the root, its size and the text it shows. */
async function parseSvg(page, text) {
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      error: doc.getElementsByTagName('parsererror').length > 0,
      root: root.localName,
      ns: root.namespaceURI,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      title: root.querySelector(':scope > title')?.textContent,
      shown: [...root.querySelectorAll('text')].map((t) => t.textContent).join(''),
      background: root.querySelector(':scope > rect')?.getAttribute('fill'),
      styled: root.querySelectorAll('[style]').length,
      lang: root.getAttribute('xml:lang'),
    };
  }, text);
}

/** Decodes a PNG in the page (an <img> from a data: address): its natural size. */
async function decodePng(page, bytes) {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    return { width: img.naturalWidth, height: img.naturalHeight };
  }, bytes.toString('base64'));
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

for (const [lang, scheme] of [['en', 'light'], ['es', 'dark']]) {
  for (const [name, target] of Object.entries(TARGETS)) {
    test(`the ${name} downloads as SVG and PNG (${lang}, ${scheme})`, async ({ page }, info) => {
      await page.emulateMedia({ colorScheme: scheme });
      const { errors, requests } = await openTracked(page, target.path(lang));
      const actions = page.locator(target.actions).first();
      await expect(actions).toBeVisible();
      await expect(actions).toHaveAttribute('aria-label', lang === 'en' ? 'Download image' : 'Descargar imagen');
      const title = (await target.title(page)).trim();
      const cited = await target.sources(page);
      const credit = await target.credit(page);
      const label = lang === 'en' ? 'Sources' : 'Fuentes';
      const background = await page.locator('body').evaluate((b) => getComputedStyle(b).backgroundColor);

      // The SVG: well-formed, in the SVG namespace, with the title, the sources line, the
      // credit (the map) and the address; in the page's colours; no style attribute needed.
      const svg = await download(page, actions.locator('button[data-picture="svg"]'));
      expect(svg.name).toMatch(/^[a-z0-9-]+\.svg$/);
      const text = svg.bytes.toString('utf8');
      expect(text.length).toBeGreaterThan(500);
      const parsed = await parseSvg(page, text);
      expect(parsed.error, 'the SVG parses').toBe(false);
      expect(parsed.root).toBe('svg');
      expect(parsed.ns).toBe('http://www.w3.org/2000/svg');
      expect(parsed.lang).toBe(lang);
      expect(parsed.title).toBe(title);
      expect(parsed.shown).toContain(title);
      if (cited) {
        expect(cited.length).toBeGreaterThan(0);
        expect(parsed.shown).toContain(`${label}: ${cited.join('; ')}.`);
      } else {
        expect(parsed.shown).toMatch(new RegExp(`${label}: [^.]+`));
      }
      if (credit) expect(parsed.shown).toContain(credit.trim());
      expect(parsed.shown).toContain(ORIGIN);
      expect(parsed.shown, 'the address without the view').not.toMatch(/127\.0\.0\.1:4173\/\S*#/);
      expect(parsed.background).toBe(background);
      expect(parsed.styled).toBe(0);

      // The PNG: the signature, and it decodes at twice the SVG's size.
      const png = await download(page, actions.locator('button[data-picture="png"]'));
      expect(png.name).toBe(svg.name.replace(/\.svg$/, '.png'));
      expect(png.bytes.length).toBeGreaterThan(5000);
      expect(png.bytes.subarray(0, 8).equals(PNG_SIGNATURE), 'the PNG signature').toBe(true);
      const size = await decodePng(page, png.bytes);
      expect(size.width).toBe(2 * parsed.width);
      expect(size.height).toBe(2 * parsed.height);
      await png.file.saveAs(info.outputPath(png.name));
      await svg.file.saveAs(info.outputPath(svg.name));

      await expect(actions.locator('.picture-status')).toHaveText('');
      expectSameOrigin(requests, ORIGIN);
      expect(errors).toEqual([]);
    });
  }
}

// The buttons are ordinary buttons: reached with Tab, pressed with Enter, named in full.
test('the buttons work from the keyboard and pass axe in both themes', async ({ page }) => {
  const { errors, requests } = await openTracked(page, '/#policies?lang=es');
  const png = page.locator('.pair-charts .picture-actions button[data-picture="png"]');
  await expect(png).toHaveAccessibleName('Descargar imagen en PNG');
  await page.locator('.pair-charts .picture-actions button[data-picture="svg"]').focus();
  await page.keyboard.press('Tab');
  await expect(png).toBeFocused();
  const [file] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(file.suggestedFilename()).toMatch(/^financiamiento-eeuu-por-ano-.+\.png$/);
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    await expectNoAxeViolations(page, `policies with Download image (es, ${scheme})`);
  }
  expectSameOrigin(requests, ORIGIN);
  expect(errors).toEqual([]);
});

// In a map embed the action sits after the folded lists (the detail stays right under the map),
// and still writes the map with its credit.
test('the map embed downloads its picture too', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 700 });
  const { errors, requests } = await openTracked(page, '/index.html?embed=map&lang=es');
  const actions = page.locator('.map-lists + .picture-actions');
  await expect(actions).toBeVisible();
  const svg = await download(page, actions.locator('button[data-picture="svg"]'));
  const parsed = await parseSvg(page, svg.bytes.toString('utf8'));
  expect(parsed.error).toBe(false);
  expect(parsed.shown).toContain('Natural Earth');
  expect(parsed.shown).toMatch(/Fuentes: [^.]+/);
  expect(parsed.shown).toContain(`${ORIGIN}index.html`);
  const png = await download(page, actions.locator('button[data-picture="png"]'));
  expect(png.bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect((await decodePng(page, png.bytes)).width).toBe(2 * parsed.width);
  expectSameOrigin(requests, ORIGIN);
  expect(errors).toEqual([]);
});
