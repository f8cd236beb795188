// Journeys through the drawn route map: routes and places by mouse and keyboard, layers, scales,
// zoom, links to the timeline, and the map's own text alternative.
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, openTracked, waitForApp } from './helpers.mjs';

test('opens a route from the map by mouse and a place by keyboard', async ({ page }) => {
  const { errors, requests } = await openTracked(page, '/#map?lang=en');
  await expect(page.locator('svg.map .land path')).not.toHaveCount(0);
  const route = page.locator('svg.map a.route[data-route="pacific-boats-to-mexico"]');
  const id = await route.getAttribute('data-route');
  // Click the route with the mouse where it runs alone: the middle of its line.
  const point = await route.evaluate((a) => {
    const path = a.querySelector('path');
    const p = path.getPointAtLength(path.getTotalLength() * 0.55);
    const m = path.getScreenCTM();
    return { x: p.x * m.a + p.y * m.c + m.e, y: p.x * m.b + p.y * m.d + m.f };
  });
  await page.mouse.click(point.x, point.y);
  await expect(page).toHaveURL(new RegExp(`#map/${id}\\?lang=en$`));
  await expect(page.locator('#detail-heading')).toBeVisible();
  await expect(page.locator(`svg.map a.route.current[data-route="${id}"]`)).toHaveCount(1);
  // Mouse: an isolated marker (the Galápagos) on the regional scale.
  await page.locator('button[data-scale="region"]').click();
  await page.locator('svg.map a.place[data-place="galapagos"]').click();
  await expect(page).toHaveURL(/#map\/galapagos\?lang=en$/);
  // Keyboard: a place on the map is a focusable link.
  const place = page.locator('svg.map a.place[data-place="guayaquil"]');
  await place.focus();
  await expect(place).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#map\/guayaquil\?lang=en$/);
  await expect(page.locator('#detail-heading')).toHaveText('Guayaquil');
  // Nothing is fetched from elsewhere: no tiles, no fonts.
  expect(requests.filter((u) => !u.startsWith('http://127.0.0.1:4173/'))).toEqual([]);
  expect(errors).toEqual([]);
});

test('toggles layers, switches scale, zooms within bounds and resets', async ({ page }) => {
  const { errors } = await openTracked(page, '/#map?lang=en');
  await page.locator('button[data-scale="world"]').click();
  const money = page.locator('svg.map a.route.money');
  await expect(money).not.toHaveCount(0);
  await page.locator('[data-layer="money"]').click();
  await expect(page.locator('[data-layer="money"]')).toHaveAttribute('aria-pressed', 'false');
  await expect(money).toHaveCount(0);
  const before = await page.locator('svg.map').getAttribute('viewBox');
  await page.locator('[data-map="zoom-in"]').click();
  const zoomed = await page.locator('svg.map').getAttribute('viewBox');
  expect(zoomed).not.toBe(before);
  for (let i = 0; i < 10; i++) await page.locator('[data-map="east"]').click();
  await page.locator('[data-map="reset"]').click();
  await expect(page.locator('svg.map')).toHaveAttribute('viewBox', before);
  await page.locator('button[data-scale="region"]').click();
  await expect(page.locator('svg.map')).toHaveAttribute('data-scale', 'region');
  expect(errors).toEqual([]);
});

test('a place links to its timeline events and back, and the deep link reloads', async ({ page }) => {
  const { errors } = await openTracked(page, '/#map/manta?lang=es');
  await expect(page.locator('svg.map a.place.current[data-place="manta"]')).toHaveCount(1);
  await page.locator('.events-here a').first().click();
  await expect(page.locator('#view-heading')).toHaveText('Cronología');
  await page.goBack();
  await page.reload();
  await waitForApp(page);
  await expect(page.locator('#detail-heading')).toContainText('Manta');
  expect(errors).toEqual([]);
});

for (const lang of ['en', 'es']) {
  test(`axe finds no violations on the map (${lang})`, async ({ page }) => {
    await openTracked(page, `/#map/colombia-to-europe-by-container?lang=${lang}`);
    await expectNoAxeViolations(page, `map (${lang})`);
  });
}

test('selecting an event on the timeline circles its places on the map', async ({ page }) => {
  const { errors } = await openTracked(page, '/#timeline/coordinated-prison-massacres-2021?lang=en');
  await page.locator('.detail .places a').first().click();
  await expect(page.locator('#view-heading')).toHaveText('Route map');
  await expect(page.locator('.event-highlight a')).toContainText('prison');
  const circled = page.locator('svg.map a.place.of-event');
  expect(await circled.count()).toBeGreaterThanOrEqual(2);
  await expect(page.locator('svg.map .event-ring').first()).toBeVisible();
  expect(errors).toEqual([]);
});

test('the map draws quickly', async ({ page }) => {
  await openTracked(page, '/#timeline?lang=en');
  const ms = await page.evaluate(async () => {
    const t0 = performance.now();
    location.hash = '#map?lang=en';
    while (!document.querySelector('svg.map .land path')) await new Promise((r) => setTimeout(r, 0));
    await new Promise((r) => requestAnimationFrame(() => r()));
    return performance.now() - t0;
  });
  console.log(`MAP first render (view switch to drawn map, next frame): ${ms.toFixed(1)} ms`);
  expect(ms).toBeLessThan(2000);
});

// WCAG 2.2 target size: every place and route on the map takes the pointer over at least 24×24
// CSS px: an invisible 24 px dot under each place and line under each route, whatever the zoom
// (checked as drawn, and by the pointer 11 px off an isolated place's centre).
test('every place and route on the map has a hit area of at least 24 px, on a phone too', async ({ browser }) => {
  for (const viewport of [{ width: 1366, height: 768 }, { width: 390, height: 844 }]) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    const { errors } = await openTracked(page, '/#map?lang=en');
    for (const scale of ['world', 'region']) {
      await page.locator(`button[data-scale="${scale}"]`).click();
      await expect(page.locator('svg.map a.place').first()).toBeAttached();
      const small = await page.evaluate(() => {
        const out = [];
        for (const a of document.querySelectorAll('svg.map a.route, svg.map a.place')) {
          const hit = a.querySelector('path.hit');
          const style = hit && getComputedStyle(hit);
          const round = a.classList.contains('route') || style?.strokeLinecap === 'round';
          if (!style || parseFloat(style.strokeWidth) < 24 || style.pointerEvents !== 'stroke' || !round) {
            out.push(`${a.dataset.route ?? a.dataset.place}: no 24 px hit area`);
          }
        }
        return out;
      });
      expect(small, `${viewport.width} px, ${scale} scale`).toEqual([]);
    }
    // The pointer 11 px to the right of the Galápagos' centre (alone on the regional scale) hits it.
    const galapagos = page.locator('svg.map a.place[data-place="galapagos"]');
    const box = await galapagos.locator(':scope > :not(.hit):not(title)').first().boundingBox();
    const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.closest('a')?.dataset.place ?? null,
      [box.x + box.width / 2 + 11, box.y + box.height / 2]);
    expect(hit).toBe('galapagos');
    expect(errors).toEqual([]);
    await context.close();
  }
});
