// Journeys through the policy comparison: the pair, the row, sources, charts, lessons and phones.
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, openTracked, waitForApp } from './helpers.mjs';

test('compares Plan Colombia with Mérida by default, row by row with sources', async ({ page }) => {
  const { errors } = await openTracked(page, '/#policies?lang=en');
  await expect(page.locator('.comparison thead th')).toHaveText(['Plan Colombia', /Mérida/]);
  await expect(page.locator('.comparison tbody tr')).not.toHaveCount(0);
  const years = page.locator('.comparison tr[data-dimension="years"]');
  await expect(years.locator('td').first()).toContainText('2000');
  await expect(years.locator('td .sources li').first()).toBeVisible();
  // Cells where sources disagree say so.
  await expect(page.locator('.comparison td.has-note .disagreement').first()).toBeVisible();
  // Each card has key figures, each with a link to its source.
  const card = page.locator('#policy-plan-colombia');
  await expect(card.locator('.key-figures dt')).toHaveText(['Years', 'US funding', 'Context']);
  await expect(card.locator('.key-figures dd .bib-link').first()).toHaveAttribute('href', /#about\/e/);
  // The charts of each programme share a scale.
  await expect(page.locator('.mini-chart[data-series="us-aid-colombia"]')).toBeVisible();
  await expect(page.locator('.mini-chart[data-series="us-aid-merida"]')).toBeVisible();
  expect(errors).toEqual([]);
});

test('changes the compared pair and reloads the deep link', async ({ page }) => {
  const { errors } = await openTracked(page, '/#policies?lang=en');
  await page.locator('#compare-right').selectOption({ label: await page.locator('#compare-right option').nth(2).textContent() });
  await expect(page).toHaveURL(/#policies\/plan-colombia-vs-plan-ecuador\?lang=en$/);
  await expect(page.locator('.comparison thead th').nth(1)).toContainText('Ecuador');
  // Choosing the other side's programme swaps the two.
  await page.locator('#compare-left').selectOption({ index: 2 });
  await expect(page).toHaveURL(/#policies\/plan-ecuador-vs-plan-colombia\?lang=en$/);
  await page.reload();
  await waitForApp(page);
  await expect(page.locator('#compare-left')).toHaveValue('plan-ecuador');
  await expect(page.locator('.comparison thead th').first()).toContainText('Ecuador');
  expect(errors).toEqual([]);
});

test('a card compares its programme, and a source link opens the bibliography', async ({ page }) => {
  const { errors } = await openTracked(page, '/#policies?lang=es');
  await page.locator('[data-compare="el-salvador"]').click();
  await expect(page).toHaveURL(/#policies\/plan-colombia-vs-el-salvador\?lang=es$/);
  // A cell's sources are short citations; one opens its full entry, which links to the bibliography.
  const entry = page.locator('.comparison .source-entry').first();
  await entry.locator('summary').click();
  await expect(entry.locator('cite')).toBeVisible();
  await entry.locator('.bib-link').click();
  await expect(page).toHaveURL(/#about\/[a-z0-9-]+\?lang=es$/);
  await expect(page.locator('.bibliography li.highlighted')).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('lessons link to the comparison rows and the timeline', async ({ page }) => {
  const { errors } = await openTracked(page, '/#policies?lang=en');
  const lessons = page.locator('.lesson');
  expect(await lessons.count()).toBeGreaterThanOrEqual(4);
  const row = page.locator('.lesson .lesson-links a[href*="dim="]').first();
  await row.click();
  await expect(page).toHaveURL(/dim=[a-z-]+/);
  await expect(page.locator('.comparison tbody tr:not(.dim-hidden)')).toHaveCount(1);
  const event = page.locator('.lesson .lesson-links a[href*="#timeline/"]').first();
  await expect(event, 'a lesson links to a timeline event').toHaveCount(1);
  await event.click();
  await expect(page.locator('#view-heading')).toHaveText('Timeline');
  await expect(page.locator('#detail-heading')).toBeVisible();
  expect(errors).toEqual([]);
});

test('on a phone the comparison stacks and a row can be picked', async ({ browser }) => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  const { errors } = await openTracked(page, '/#policies?lang=es');
  await page.locator('#compare-dimension').selectOption('outcomes-violence');
  await expect(page).toHaveURL(/dim=outcomes-violence/);
  const visible = page.locator('.comparison tbody tr:not(.dim-hidden)');
  await expect(visible).toHaveCount(1);
  await expect(visible.locator('td').first()).toBeVisible();
  const box = await visible.locator('td').first().boundingBox();
  expect(box.width).toBeGreaterThan(300); // stacked: each cell takes the full width
  await expectNoAxeViolations(page, 'policies on a phone (es)');
  await page.close();
  expect(errors).toEqual([]);
});

for (const lang of ['en', 'es']) {
  test(`axe finds no violations in a comparison (${lang})`, async ({ page }) => {
    await openTracked(page, `/#policies/merida-initiative-vs-plan-ecuador?lang=${lang}&dim=lessons`);
    await expectNoAxeViolations(page, `policies (${lang})`);
  });
}
