// The printed handout in each scope the Print dialog offers (the class sheet, this view, the
// story, everything), captured as A4 PDFs: the class sheet must fit two pages in both languages.
// window.print is stubbed (a headless browser has no print window); the PDF is what Chromium
// prints with the print stylesheet.
import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, expectSameOrigin, openTracked, pdfPageCount as pageCount } from './helpers.mjs';

const ORIGIN = 'http://127.0.0.1:4173';
const WORDS = {
  en: { button: 'Print a handout', dialog: 'Print a handout', go: 'Print', sheet: 'Class sheet (2 pages)', view: 'This view', story: 'The story', everything: 'Everything (full reference)' },
  es: { button: 'Imprimir una ficha', dialog: 'Imprimir una ficha', go: 'Imprimir', sheet: 'Hoja para la clase (2 páginas)', view: 'Esta vista', story: 'El relato', everything: 'Todo (referencia completa)' },
};

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    window.__printed = 0;
    window.print = () => {
      window.__printed += 1;
    };
  });
});

/** Picks `choice` in the Print dialog and prints; returns the handout, shown as printed. */
async function printScope(page, lang, choice) {
  const words = WORDS[lang];
  await page.getByRole('button', { name: words.button }).click();
  const dialog = page.getByRole('dialog', { name: words.dialog });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('radio', { name: words[choice] }).check();
  await dialog.getByRole('button', { name: words.go, exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => page.evaluate(() => window.__printed)).toBeGreaterThan(0);
  await page.emulateMedia({ media: 'print' });
  const handout = page.locator('.handout');
  await expect(handout).toBeVisible();
  return handout;
}

/** The handout as an A4 PDF, kept in test-results/ with a picture of it to look at: the page
 * in print media at the width of the class sheet's A4 text (210 mm less two 14 mm margins: 688 px), taken
 * first, since printing to PDF ends with `afterprint`, which takes the handout away. */
async function pdfOf(page, name) {
  mkdirSync('test-results', { recursive: true });
  await page.setViewportSize({ width: 688, height: 1032 });
  await page.screenshot({ path: `test-results/${name}.png`, fullPage: true });
  return page.pdf({ path: `test-results/${name}.pdf`, format: 'A4', printBackground: false });
}

async function endPrint(page) {
  await page.evaluate(() => dispatchEvent(new Event('afterprint')));
  await page.emulateMedia({ media: 'screen' });
  await expect(page.locator('.handout')).toHaveCount(0);
}

for (const lang of ['en', 'es']) {
  test(`the class sheet (${lang}): the story's steps, the key number, one picture, numbered sources, on at most two A4 pages`, async ({ page }) => {
    const { errors, requests } = await openTracked(page, `/#timeline?lang=${lang}`);
    const handout = await printScope(page, lang, 'sheet');
    await expect(handout).toHaveAttribute('data-scope', 'class-sheet');
    await expect(handout.locator('.handout-figure')).toContainText('→');
    const steps = handout.locator('.handout-steps > li');
    expect(await steps.count()).toBeGreaterThanOrEqual(8);
    for (const step of await steps.all()) {
      await expect(step.locator('h3')).not.toBeEmpty();
      await expect(step.locator('.handout-refs')).toHaveText(/^\[\d+(?:[–,] ?\d+)*\]$/);
    }
    // One picture, the homicide chart, as "Download image" writes it: title, sources, address.
    await expect(handout.locator('.handout-picture')).toHaveCount(1);
    const chart = handout.locator('.handout-picture[data-picture="chart"] svg');
    await expect(chart).toHaveAttribute('role', 'img');
    await expect(chart.locator('title')).toHaveText(lang === 'en' ? /Homicide/ : /omicidio/);
    await expect(chart).toContainText(ORIGIN);
    // The sources: a numbered list of short citations, every number cited exists.
    const citations = handout.locator('.handout-citations ol > li');
    const cited = await citations.count();
    expect(cited).toBeGreaterThan(10);
    const highest = Math.max(...(await handout.locator('.handout-refs').allTextContents()).flatMap((t) => t.match(/\d+/g).map(Number)));
    expect(highest).toBe(cited);
    await expect(handout.locator('.handout-address').first()).toContainText(ORIGIN);
    // Not the reference: no event list, no table, no route list, no full citations.
    for (const part of ['.handout-events', 'table', '.handout-routes', '.handout-sources']) {
      await expect(handout.locator(part), part).toHaveCount(0);
    }
    // Nothing runs past the page's width (a picture counts as a whole: it clips its drawing).
    const overflow = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      return [...document.querySelectorAll('.handout *')]
        .filter((el) => !el.ownerSVGElement && el.getBoundingClientRect().right > width + 1)
        .map((el) => el.tagName.toLowerCase());
    });
    expect(overflow).toEqual([]);
    const pdf = await pdfOf(page, `class-sheet-${lang}`);
    const pages = pageCount(pdf);
    console.log(`class sheet (${lang}): ${pages} A4 pages`);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    await endPrint(page);
    expectSameOrigin(requests, ORIGIN);
    expect(errors).toEqual([]);
  });
}

test('the Print dialog works from the keyboard, passes axe, and Esc leaves without printing', async ({ page }) => {
  const { errors } = await openTracked(page, '/#map?lang=en');
  const button = page.getByRole('button', { name: 'Print a handout' });
  await button.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Print a handout' });
  await expect(dialog).toBeVisible();
  // The class sheet is offered first and chosen; the arrow keys move the choice.
  const sheet = dialog.getByRole('radio', { name: 'Class sheet (2 pages)' });
  await expect(sheet).toBeChecked();
  await expect(sheet).toHaveAccessibleDescription(/two A4 pages/);
  await sheet.focus();
  await page.keyboard.press('ArrowDown');
  await expect(dialog.getByRole('radio', { name: 'This view' })).toBeChecked();
  await expectNoAxeViolations(page, 'the Print dialog');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();
  expect(await page.evaluate(() => window.__printed)).toBe(0);
  await expect(page.locator('.handout')).toHaveCount(0);
  // In Spanish, every word of it.
  await page.goto('/#map?lang=es');
  await page.getByRole('button', { name: 'Imprimir una ficha' }).click();
  const spanish = page.getByRole('dialog', { name: 'Imprimir una ficha' });
  for (const name of ['Hoja para la clase (2 páginas)', 'Esta vista', 'El relato', 'Todo (referencia completa)']) {
    await expect(spanish.getByRole('radio', { name })).toBeVisible();
  }
  await expectNoAxeViolations(page, 'the Print dialog (es)');
  await spanish.getByRole('button', { name: 'Cancelar' }).click();
  await expect(spanish).toBeHidden();
  expect(errors).toEqual([]);
});

test('"This view" prints the view on screen: the map with its routes, the comparison, the filtered timeline', async ({ page }) => {
  const { errors, requests } = await openTracked(page, '/#map?lang=en');
  let handout = await printScope(page, 'en', 'view');
  await expect(handout).toHaveAttribute('data-scope', 'view');
  await expect(handout.locator('.handout-picture[data-picture="map"] svg .land path').first()).toBeAttached();
  await expect(handout.locator('.handout-picture[data-picture="map"] > svg')).toContainText('Natural Earth');
  await expect(handout.locator('.handout-routes > li')).not.toHaveCount(0);
  for (const part of ['.handout-events', 'table', '.handout-steps', '.handout-picture[data-picture="chart"]']) {
    await expect(handout.locator(part), part).toHaveCount(0);
  }
  await pdfOf(page, 'view-map');
  await endPrint(page);

  await page.locator('.views-nav a[data-view="policies"]').click();
  await expect(page.locator('.policy-card').first()).toBeVisible();
  handout = await printScope(page, 'en', 'view');
  await expect(handout.locator('table thead th')).toHaveText(['Plan Colombia', /Mérida/]);
  // The pair's small charts, as on screen: US funding and homicide rates, both programmes on one
  // scale, in the light theme, with their sources; no other picture.
  await expect(handout.locator('.handout-picture')).toHaveCount(2);
  for (const key of ['funding', 'policy-homicide']) {
    const picture = handout.locator(`.handout-picture[data-picture="${key}"] > svg`);
    await expect(picture, key).toContainText('Plan Colombia');
    await expect(picture, key).toContainText(/Mérida/);
    await expect(picture, key).toContainText('Sources');
  }
  // A bar for each year of each programme's funding.
  expect(await handout.locator('.handout-picture[data-picture="funding"] svg rect').count()).toBeGreaterThan(10);
  for (const part of ['.handout-events', '.handout-routes', '.handout-steps', '.handout-picture[data-picture="chart"]', '.handout-picture[data-picture="map"]']) {
    await expect(handout.locator(part), part).toHaveCount(0);
  }
  await pdfOf(page, 'view-policies');
  await endPrint(page);

  // The timeline as filtered: fewer events than the whole reference, with the chart.
  await page.locator('.views-nav a[data-view="timeline"]').click();
  await page.locator('.legend-item[data-category="politics"]').click();
  await expect(page.locator('.legend-item[data-category="politics"]')).toHaveAttribute('aria-pressed', 'false');
  handout = await printScope(page, 'en', 'view');
  const filtered = await handout.locator('.handout-events > li').count();
  expect(filtered).toBeGreaterThan(0);
  await expect(handout.locator('.handout-picture[data-picture="chart"]')).toHaveCount(1);
  await endPrint(page);
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  const all = await page.locator('.handout .handout-events > li').count();
  expect(filtered).toBeLessThan(all);
  await page.evaluate(() => dispatchEvent(new Event('afterprint')));
  expectSameOrigin(requests, ORIGIN);
  expect(errors).toEqual([]);
});

test('the story and everything: the story with full sources and both pictures; the full reference keeps every part and every picture; Ctrl+P prints everything', async ({ page }) => {
  const { errors, requests } = await openTracked(page, '/#story?lang=es');
  let handout = await printScope(page, 'es', 'story');
  await expect(handout).toHaveAttribute('data-scope', 'story');
  const steps = handout.locator('.handout-steps > li');
  expect(await steps.count()).toBeGreaterThanOrEqual(8);
  await expect(steps.first().locator('.handout-sources')).not.toBeEmpty();
  await expect(handout.locator('.handout-picture')).toHaveCount(2);
  await expect(handout.locator('.handout-picture[data-picture="map"] svg .route.lit').first()).toBeAttached();
  for (const part of ['.handout-events', 'table', '.handout-routes', '.handout-citations']) {
    await expect(handout.locator(part), part).toHaveCount(0);
  }
  const story = pageCount(await pdfOf(page, 'story-es'));
  await endPrint(page);

  handout = await printScope(page, 'es', 'everything');
  await expect(handout).toHaveAttribute('data-scope', 'everything');
  expect(await handout.locator('.handout-events > li').count()).toBeGreaterThan(50);
  await expect(handout.locator('table tbody tr')).not.toHaveCount(0);
  await expect(handout.locator('.handout-routes > li')).not.toHaveCount(0);
  await expect(handout.locator('.handout-steps > li')).toHaveCount(await steps.count());
  // Every picture: the homicide chart, the map, and the compared pair's small charts.
  await expect(handout.locator('.handout-picture')).toHaveCount(4);
  for (const key of ['chart', 'map', 'funding', 'policy-homicide']) {
    await expect(handout.locator(`.handout-picture[data-picture="${key}"] > svg`), key).toBeAttached();
  }
  const everything = pageCount(await pdfOf(page, 'everything-es'));
  console.log(`story (es): ${story} pages; everything (es): ${everything} pages`);
  expect(story).toBeGreaterThan(2);
  expect(everything).toBeGreaterThan(story);
  await endPrint(page);

  // The browser's own Print cannot ask: it prints the full reference.
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  await expect(page.locator('.handout')).toHaveAttribute('data-scope', 'everything');
  await page.evaluate(() => dispatchEvent(new Event('afterprint')));
  await expect(page.locator('.handout')).toHaveCount(0);
  expectSameOrigin(requests, ORIGIN);
  expect(errors).toEqual([]);
});
