// The dataset reaches readers whole: downloads from About & sources, generated from the same data.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { openTracked } from './helpers.mjs';

const ORIGIN = 'http://127.0.0.1:4173';

test('downloads the events as CSV and JSON from About & sources', async ({ page }) => {
  const { errors, requests } = await openTracked(page, '/#about?lang=en');
  await expect(page.locator('#downloads')).toHaveText('Download the data');

  const [csvDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-download="events-csv"]').click(),
  ]);
  expect(csvDownload.suggestedFilename()).toBe('ecuador-events.csv');
  const csv = readFileSync(await csvDownload.path(), 'utf8');
  const lines = csv.split('\r\n').filter(Boolean);
  expect(lines[0]).toBe('id,ref,date,date_note_en,date_note_es,priority,categories,places,sources,title_en,title_es,summary_en,summary_es,note_en,note_es');
  expect(lines.length - 1).toBeGreaterThanOrEqual(50);
  expect(csv).toContain('tc-television-raid,A57,2024-01-09');

  const [jsonDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-download="events-json"]').click(),
  ]);
  const events = JSON.parse(readFileSync(await jsonDownload.path(), 'utf8'));
  expect(events.length).toBe(lines.length - 1);
  const raid = events.find((e) => e.id === 'tc-television-raid');
  expect(raid.date).toBe('2024-01-09');
  expect(raid.title.es).toContain('TC Televisión');
  expect(raid.sources.length).toBeGreaterThan(0);

  expect(errors).toEqual([]);
  expect(requests.filter((u) => !u.startsWith(ORIGIN))).toEqual([]);
});

test('every download link serves a file', async ({ page, request }) => {
  await openTracked(page, '/#about?lang=es');
  const hrefs = await page.locator('.downloads a').evaluateAll((links) => links.map((a) => a.href));
  expect(hrefs.length).toBe(12);
  for (const href of hrefs) {
    const response = await request.get(href);
    expect(response.status(), href).toBe(200);
    const body = await response.text();
    if (href.endsWith('.json')) expect(() => JSON.parse(body), href).not.toThrow();
    else expect(body.split('\r\n')[0].length, href).toBeGreaterThan(10);
  }
});

test('a route opens with its path, sources and links to its places', async ({ page }) => {
  const { errors } = await openTracked(page, '/#map?lang=en');
  const first = page.locator('.route-list a').first();
  const id = await first.getAttribute('data-route');
  await first.click();
  await expect(page).toHaveURL(new RegExp(`#map/${id}\\?lang=en$`));
  await expect(page.locator('.detail .route-path li')).not.toHaveCount(0);
  await expect(page.locator('.detail .sources li')).not.toHaveCount(0);
  await page.locator('.detail .route-path a').first().click();
  await expect(page.locator('.detail .place-kind')).toBeVisible();
  await page.goBack();
  await expect(page.locator('.route-list a[aria-current]')).toHaveAttribute('data-route', id);
  expect(errors).toEqual([]);
});

// Readers see real titles, publishers and dates: never a seed document's file name, an internal
// key in brackets, or a description in brackets dressed as a quoted title.
test('no view or handout shows a file name, a bracketed key or a pseudo-title', async ({ page }) => {
  const { errors } = await openTracked(page, '/#timeline?lang=en');
  const seedFile = /\b\d{3}_[0-9a-f]{16}(\.txt)?\b/;
  const bracketedKey = /\[(E\d+[a-z]?|A\d+)\]/;
  const pseudoTitle = /“\[/;
  for (const lang of ['en', 'es']) {
    for (const hash of ['#timeline', '#timeline/tc-television-raid', '#map', '#map/guayaquil', '#policies', '#policies/plan-colombia-vs-el-salvador', '#about']) {
      await page.goto(`/${hash}?lang=${lang}`);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.locator('main')).not.toBeEmpty();
      const text = await page.evaluate(() => document.body.textContent);
      expect(text, `${hash} (${lang})`).not.toMatch(seedFile);
      expect(text, `${hash} (${lang})`).not.toMatch(bracketedKey);
      expect(text, `${hash} (${lang})`).not.toMatch(pseudoTitle);
    }
    await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
    await expect(page.locator('.handout .handout-events > li').first()).toBeAttached();
    const handout = await page.locator('.handout').textContent();
    expect(handout.length).toBeGreaterThan(10_000);
    for (const pattern of [seedFile, bracketedKey, pseudoTitle]) {
      expect(handout, `handout (${lang})`).not.toMatch(pattern);
    }
  }
  // The about page says which sources have no public copy, in the reader's language.
  await expect(page.locator('.bibliography').getByText('No se encontró una copia pública.').first()).toBeAttached();
  expect(errors).toEqual([]);
});
