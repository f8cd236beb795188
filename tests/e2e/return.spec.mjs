// Every selection shows its answer where the reader is, on a phone (390×844): a card's
// "Compare →", a place "(on the map)", a route tapped on the map and an event tapped in the
// list each bring the answer's heading into view, and a floating "back" button returns the
// reader to the same scroll place with focus on the link they tapped (src/ui/return_to.rs). An
// event tapped in the phone list opens in place, under it, so it needs no way back.
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, openTracked } from './helpers.mjs';

test.use({ viewport: { width: 390, height: 844 } });

const scrollY = (page) => page.evaluate(() => Math.round(window.scrollY));

/** The answer's heading is wholly on screen. */
async function expectOnScreen(page, selector) {
  const box = await page.locator(selector).evaluate((e) => {
    const r = e.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, height: innerHeight };
  });
  expect(box.top, `${selector} top`).toBeGreaterThanOrEqual(-1);
  expect(box.bottom, `${selector} bottom`).toBeLessThanOrEqual(box.height);
}

/** Taps `link` (scrolled into view first), checks the answer and the way back. */
async function tapAndReturn(page, link, heading, backLabel, urlAfterBack) {
  await link.scrollIntoViewIfNeeded();
  const before = await scrollY(page);
  const linkId = await link.evaluate((a) => a.outerHTML.slice(0, 120));
  await link.click();
  await expectOnScreen(page, heading);
  const jump = Math.abs((await scrollY(page)) - before);
  const back = page.locator('.return-button');
  await expect(back).toBeVisible();
  await expect(back).toContainText(backLabel);
  await back.click();
  await expect(back).toHaveCount(0);
  if (urlAfterBack) await expect(page).toHaveURL(urlAfterBack);
  await expect.poll(() => scrollY(page)).toBe(before);
  // Focus is back on the link that was tapped (found again after any redraw).
  const focused = await page.evaluate(() => document.activeElement.outerHTML.slice(0, 120));
  console.log(`RETURN ${heading}: answer was ${jump} px away; back to ${before} px, focus ${focused.slice(0, 60)}`);
  expect(focused.split(' href')[0]).toBe(linkId.split(' href')[0]);
  return jump;
}

test('a card\'s Compare link shows the comparison, and the way back returns to the card', async ({ page }) => {
  const { errors } = await openTracked(page, '/#policies?lang=en');
  const link = page.locator('.compare-link').nth(2);
  await tapAndReturn(page, link, '#compare-heading', 'Back to the list');
  expect(errors).toEqual([]);
});

test('a place "(on the map)" opens the map with its detail in view, and the way back returns to the event', async ({ page }) => {
  const { errors } = await openTracked(page, '/#timeline/tc-television-raid?lang=es');
  const link = page.locator('.detail .places a').first();
  await tapAndReturn(page, link, '#detail-heading', 'Cronología', /#timeline\/tc-television-raid\?lang=es$/);
  expect(errors).toEqual([]);
});

test('a route tapped on the map shows its detail, and the way back returns to the map', async ({ page }) => {
  const { errors } = await openTracked(page, '/#map?lang=en');
  await page.locator('button[data-scale="world"]').click();
  await page.locator('svg.map').scrollIntoViewIfNeeded();
  // A point on the route's line where nothing else takes the tap.
  const id = 'guayaquil-to-turkey';
  const point = await page.locator(`svg.map a.route[data-route="${id}"]`).evaluate((a) => {
    const path = a.querySelector('path:not(.hit)');
    const m = path.getScreenCTM();
    for (let f = 0.3; f < 0.95; f += 0.05) {
      const p = path.getPointAtLength(path.getTotalLength() * f);
      const x = p.x * m.a + p.y * m.c + m.e;
      const y = p.x * m.b + p.y * m.d + m.f;
      if (document.elementFromPoint(x, y)?.closest('a') === a) return { x, y };
    }
    return null;
  });
  expect(point).not.toBeNull();
  const before = await scrollY(page);
  await page.mouse.click(point.x, point.y);
  await expect(page).toHaveURL(new RegExp(`#map/${id}\\?lang=en$`));
  await expectOnScreen(page, '#detail-heading');
  const back = page.locator('.return-button');
  await expect(back).toContainText('Route map');
  await back.click();
  await expect.poll(() => scrollY(page)).toBe(before);
  await expect(page.locator(`svg.map a[data-route="${id}"]`)).toBeFocused();
  await expect(page).toHaveURL(new RegExp(`#map/${id}\\?lang=en$`)); // the selection stays
  expect(errors).toEqual([]);
});

test('an event tapped in the phone list opens in place, under it: no jump, no way back needed', async ({ page }) => {
  const { errors } = await openTracked(page, '/#timeline?lang=en');
  const detailGap = () => page.evaluate(() => {
    const marker = document.querySelector('.markers a[aria-current]').getBoundingClientRect();
    return Math.round(document.getElementById('detail-heading').getBoundingClientRect().top - marker.bottom);
  });
  const openUnderSelected = page.locator('.markers li:has(> a[aria-current]) > .detail-slot #detail-heading');
  const link = page.locator('.markers a.marker').nth(30);
  await link.scrollIntoViewIfNeeded();
  const before = await scrollY(page);
  await link.click();
  await expect(openUnderSelected).toHaveCount(1);
  await expectOnScreen(page, '#detail-heading');
  expect(await detailGap()).toBeGreaterThanOrEqual(0);
  expect(await detailGap()).toBeLessThan(60);
  expect(Math.abs((await scrollY(page)) - before), 'the page barely moves').toBeLessThan(844);
  await expect(page.locator('.return-button')).toHaveCount(0);

  // The next event down: the detail closes above it and opens under it; the event tapped stays
  // where the finger was (the page follows what the list lost above it).
  const next = page.locator('.markers a.marker').nth(31);
  await next.evaluate((a) => a.scrollIntoView({ block: 'center' }));
  const top = await next.evaluate((a) => a.getBoundingClientRect().top);
  await next.click();
  await expect(openUnderSelected).toHaveCount(1);
  await expect(page.locator('.detail')).toHaveCount(1);
  await expect(page.locator('.markers a[aria-current]')).toHaveAttribute('data-event', await next.getAttribute('data-event'));
  await expectOnScreen(page, '#detail-heading');
  const moved = Math.abs((await next.evaluate((a) => a.getBoundingClientRect().top)) - top);
  expect(moved, 'the tapped event stays under the finger').toBeLessThan(40);

  // The arrow keys move the selection, and the detail follows it; keys inside the detail are its own.
  await page.locator('.markers a[aria-current]').focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('.markers a[aria-current]')).toHaveAttribute('data-event', await page.locator('.markers a.marker').nth(32).getAttribute('data-event'));
  await expect(openUnderSelected).toHaveCount(1);
  const url = page.url();
  await page.locator('.detail-slot .sources summary').first().focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  expect(page.url()).toBe(url);
  await expectNoAxeViolations(page, 'an event open in the phone list');
  expect(errors).toEqual([]);
});

for (const [lang, scheme] of [['en', 'light'], ['es', 'dark']]) {
  test(`axe finds no violations with the way back shown (${lang}, ${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await openTracked(page, `/#policies?lang=${lang}`);
    const link = page.locator('.compare-link').nth(2);
    await link.scrollIntoViewIfNeeded();
    await link.click();
    await expect(page.locator('.return-button')).toBeVisible();
    await expectNoAxeViolations(page, `way back (${lang}, ${scheme})`);
  });
}
