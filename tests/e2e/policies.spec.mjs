// Journeys through the policy comparison: the pair, the row, sources, charts, lessons and phones;
// the compact layout (verdicts first, footnote markers, one sources drawer per card and per row,
// rows one line until opened) and its height budget.
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, openTracked, waitForApp } from './helpers.mjs';

test('compares Plan Colombia with Mérida by default, row by row with sources', async ({ page }) => {
  const { errors } = await openTracked(page, '/#policies?lang=en');
  await expect(page.locator('.comparison thead th')).toHaveText(['Plan Colombia', /Mérida/]);
  await expect(page.locator('.comparison tbody.dim-row')).not.toHaveCount(0);
  // A row is one line until opened: then both texts, their notes and the row's sources.
  const years = page.locator('.comparison tbody[data-dimension="years"]');
  await expect(years.locator('td').first()).toContainText('2000');
  const toggle = years.getByRole('button', { name: 'Years' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(years.locator('.fn-drawer')).toBeHidden();
  await expect(years.locator('.disagreement')).toBeHidden();
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(years.locator('td').first().locator('.fn-ref').first()).toBeVisible();
  // Cells where sources disagree say so.
  await expect(years.locator('td.has-note .disagreement').first()).toBeVisible();
  const drawer = years.locator('.fn-drawer');
  await drawer.locator('summary').click();
  await expect(drawer.locator('.fn-list li').first()).toBeVisible();
  // Each card leads with its verdict and key figures, each with markers linking to their sources.
  const card = page.locator('#policy-plan-colombia');
  await expect(card.locator(':scope > *').nth(1)).toHaveClass('verdict');
  await expect(card.locator('.key-figures dt')).toHaveText(['Years', 'US funding', 'Context']);
  await expect(card.locator('.key-figures dd .fn-ref').first()).toHaveAttribute('href', /#about\/e/);
  // No full reference in the card or the table until asked for.
  await expect(page.locator('.policy-cards cite:visible')).toHaveCount(0);
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
  // A row's sources drawer lists each full entry, which links to the bibliography.
  const row = page.locator('.comparison tbody.dim-row').first();
  await row.locator('.row-toggle').click();
  await row.locator('.fn-drawer summary').click();
  const entry = row.locator('.fn-list li').first();
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
  // Each lesson shows its title and summary; its evidence, links and sources fold under them.
  const lesson = page.locator('.lesson').filter({ has: page.locator('a[href*="#timeline/"]') }).first();
  await expect(lesson.locator('.lesson-more .evidence')).toBeHidden();
  await lesson.locator('.lesson-more summary').click();
  await expect(lesson.locator('.lesson-more .evidence')).toBeVisible();
  await expect(lesson.locator('.fn-list li').first()).toBeVisible();
  const row = lesson.locator('.lesson-links a[href*="dim="]').first();
  await row.click();
  await expect(page).toHaveURL(/dim=[a-z-]+/);
  // The row in focus is the only one shown, and it is open.
  const shown = page.locator('.comparison tbody.dim-row:not(.dim-hidden)');
  await expect(shown).toHaveCount(1);
  await expect(shown.locator('.row-toggle')).toHaveAttribute('aria-expanded', 'true');
  await expect(shown.locator('.fn-drawer')).toBeVisible();
  const event = lesson.locator('.lesson-links a[href*="#timeline/"]').first();
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
  const visible = page.locator('.comparison tbody.dim-row:not(.dim-hidden)');
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

// Issue 15: the four verdicts must not drown in references. The budgets are the page's height
// once the view is drawn, in its default state (every row and drawer closed).
const BUDGETS = [
  { name: 'desktop', viewport: { width: 1366, height: 768 }, max: 5000 },
  { name: 'phone', viewport: { width: 390, height: 844 }, max: 12000 },
];
for (const { name, viewport, max } of BUDGETS) {
  for (const lang of ['en', 'es']) {
    test(`the policies page stays within ${max} px on a ${name} (${lang})`, async ({ browser }) => {
      const page = await browser.newPage({ viewport });
      const { errors } = await openTracked(page, `/#policies?lang=${lang}`);
      await expect(page.locator('.policy-card')).toHaveCount(4);
      await expect(page.locator('.lesson').first()).toBeVisible();
      await expect(page.locator('.row-toggle[aria-expanded="true"]')).toHaveCount(0);
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      expect(height, `scrollHeight on a ${name} in ${lang}`).toBeLessThanOrEqual(max);
      expect(errors).toEqual([]);
      await page.close();
    });
  }
}

test("by keyboard: a card's drawer, a row's detail, and a marker leading to its full entry", async ({ page }) => {
  const { errors } = await openTracked(page, '/#policies?lang=en');
  const card = page.locator('#policy-merida-initiative');
  // The card's one drawer: "Sources (n)", opened with the keyboard, lists n full entries.
  const drawer = card.locator('.fn-drawer');
  const summary = drawer.locator('summary');
  const count = Number((await summary.textContent()).match(/\((\d+)\)/)[1]);
  expect(count).toBeGreaterThan(1);
  await summary.focus();
  await page.keyboard.press('Enter');
  await expect(drawer).toHaveAttribute('open', '');
  await expect(drawer.locator('.fn-list > li')).toHaveCount(count);
  await expect(drawer.locator('.fn-list > li a.bib-link')).toHaveCount(count);
  await page.keyboard.press('Enter');
  await expect(drawer).not.toHaveAttribute('open', '');

  // A comparison row opens and closes from its button.
  const row = page.locator('.comparison tbody[data-dimension="outcomes-violence"]');
  const toggle = row.locator('.row-toggle');
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(row.locator('.disagreement').first()).toBeVisible();
  const rowDrawer = row.locator('.fn-drawer');
  await rowDrawer.locator('summary').focus();
  await page.keyboard.press('Space');
  await expect(rowDrawer).toHaveAttribute('open', '');
  await toggle.focus();
  await page.keyboard.press('Space');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(row.locator('.disagreement').first()).toBeHidden();

  // A footnote marker names its source and, activated, opens the drawer at its full entry.
  const marker = card.locator('.key-figures .fn-ref').last();
  const number = (await marker.textContent()).trim();
  await expect(marker).toHaveAttribute('aria-label', new RegExp(`^Source ${number}: .+`));
  const bibliography = await marker.getAttribute('href');
  expect(bibliography).toMatch(/^#about\/[a-z0-9-]+\?lang=en$/);
  await marker.focus();
  await page.keyboard.press('Enter');
  const entry = page.locator(`#fn-card-merida-initiative-${number}`);
  await expect(drawer).toHaveAttribute('open', '');
  await expect(entry).toBeFocused();
  await expect(entry).toHaveAttribute('data-current', '');
  await expect(entry.locator('cite')).toBeVisible();
  await expect(entry.locator('a.bib-link')).toHaveAttribute('href', bibliography);
  await expect(page).toHaveURL(/#policies\?lang=en$/);
  await expectNoAxeViolations(page, 'policies with a drawer and a row open (en)');
  // The entry's bibliography link goes to the source in About.
  await entry.locator('a.bib-link').click();
  await expect(page).toHaveURL(new RegExp(`${bibliography.replace('?', '\\?')}$`));
  await expect(page.locator('.bibliography li.highlighted')).toHaveCount(1);
  expect(errors).toEqual([]);
});
