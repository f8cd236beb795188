import { test, expect } from '@playwright/test';
test('dbg', async ({ page }) => {
  page.on('console', (m) => console.log('console:', m.type(), m.text()));
  page.on('pageerror', (e) => console.log('pageerror:', e.message));
  await page.goto('/#story/europes-ports?lang=en');
  await page.waitForSelector('#app[data-mounted]');
  await page.goto('/#story/prisons-erupt?lang=es');
  await page.waitForTimeout(1500);
  console.log('title', await page.locator('.story-title').textContent());
  await page.locator('.story-open').click();
  await page.waitForTimeout(1500);
  console.log('url', page.url());
  console.log('cur', await page.locator('[aria-current="true"]').evaluateAll((els) => els.map((e) => e.outerHTML.slice(0, 150))));
  console.log('detail', await page.locator('.event-detail, #event-detail, #detail-heading').count());
  await page.screenshot({ path: '/tmp/dbg.png' });
});
