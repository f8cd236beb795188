// Journeys through the drawn route map: routes and places by mouse and keyboard, layers, scales,
// zoom, links to the timeline, and the map's own text alternative.
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, openTracked, waitForApp } from './helpers.mjs';

test('opens a route from the map by mouse and a place by keyboard', async ({ page }) => {
  const { errors, requests } = await openTracked(page, '/#map?lang=en');
  await expect(page.locator('svg.map .land path')).not.toHaveCount(0);
  const route = page.locator('svg.map a.route').first();
  const id = await route.getAttribute('data-route');
  // Routes overlap where they share a port, so activate this one's link directly.
  await route.dispatchEvent('click');
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
