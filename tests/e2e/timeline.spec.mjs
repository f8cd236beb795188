// Journeys through the timeline: mouse, keyboard, filter, zoom, the chart, links and phones.
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, layoutReadsInClicks, openTracked, recordLayoutReadsInClicks, waitForApp } from './helpers.mjs';

const markers = (page) => page.locator('.markers a.marker');

test('selects an event with the mouse and shows its detail, sources and announcement', async ({ page }) => {
  const { errors } = await openTracked(page, '/#timeline?lang=en');
  const marker = page.locator('.markers a[data-event="us-leaves-manta"]');
  await marker.click();
  await expect(page).toHaveURL(/#timeline\/us-leaves-manta\?lang=en$/);
  await expect(page.locator('#detail-heading')).toHaveText('The United States leaves Manta');
  await expect(page.locator('.detail .precision')).toHaveText('period');
  await expect(page.locator('.detail .sources li')).not.toHaveCount(0);
  await expect(page.locator('[aria-live="polite"].visually-hidden')).toContainText('The United States leaves Manta');
  await expect(marker).toHaveAttribute('aria-current', 'true');
  await expect(marker).toHaveAttribute('tabindex', '0');

  // A second click moves the mark and the tab stop (patched, not redrawn); Back returns.
  const otherId = await page.locator('.markers a.marker:not([aria-current])').first().getAttribute('data-event');
  const other = page.locator(`.markers a[data-event="${otherId}"]`);
  await other.click();
  await expect(page).toHaveURL(new RegExp(`#timeline/${otherId}\\?lang=en$`));
  await expect(other).toHaveAttribute('aria-current', 'true');
  await expect(page.locator('.markers [aria-current]')).toHaveCount(1);
  await expect(page.locator('.markers [tabindex="0"]')).toHaveCount(1);
  await expect(marker).toHaveAttribute('tabindex', '-1');
  await other.click(); // the same event again adds no history entry
  await page.goBack();
  await expect(page.locator('#detail-heading')).toHaveText('The United States leaves Manta');
  await expect(marker).toHaveAttribute('aria-current', 'true');
  expect(errors).toEqual([]);
});

test('moves between events with the keyboard only inside the timeline', async ({ page }) => {
  const { errors } = await openTracked(page, '/#timeline/plan-colombia-announced?lang=en');
  // Arrow keys elsewhere on the page do nothing to the timeline.
  await page.locator('.nav-link[data-view="timeline"]').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/plan-colombia-announced/);

  const first = page.locator('.markers a[aria-current]');
  await first.focus();
  await expect(first).toHaveAttribute('tabindex', '0');
  await page.keyboard.press('ArrowRight');
  await expect(page).not.toHaveURL(/plan-colombia-announced/);
  await expect(page.locator('.markers a[aria-current]')).not.toHaveAttribute('data-event', 'plan-colombia-announced');
  await expect(page.locator('.markers a[aria-current]')).toBeFocused();
  const second = await page.evaluate(() => document.activeElement.dataset.event);
  expect(second).toBeTruthy();
  await expect(page).toHaveURL(new RegExp(`#timeline/${second}\\?lang=en$`));
  await expect(page.locator('.markers a[aria-current]')).toBeFocused();

  await page.keyboard.press('End');
  await expect(page.locator('.markers a[data-event="record-homicides-2025"]')).toBeFocused();
  await expect(page.locator('.markers a[aria-current]')).toHaveAttribute('data-event', 'record-homicides-2025');
  await page.keyboard.press('Home');
  await expect(page.locator('.markers a[data-event="plan-colombia-announced"]')).toBeFocused();
  await expect(page).toHaveURL(/#timeline\/plan-colombia-announced\?lang=en$/);
  await page.keyboard.press('ArrowLeft'); // already first: stays
  await expect(page).toHaveURL(/#timeline\/plan-colombia-announced\?lang=en$/);
  expect(errors).toEqual([]);
});

// Stepping through events with the keys replaces the history entry: after ten presses one Back
// returns to where the reader was before, not to the ninth event. A click still adds an entry.
test('arrow keys replace the history entry; clicks add one', async ({ page }) => {
  const { errors } = await openTracked(page, '/#map?lang=en');
  await page.goto('/#timeline/plan-colombia-announced?lang=en');
  await expect(page.locator('.markers a[aria-current]')).toHaveAttribute('data-event', 'plan-colombia-announced');
  await page.locator('.markers a[aria-current]').focus();
  for (let i = 0; i < 10; i += 1) await page.keyboard.press('ArrowRight');
  const tenth = await page.evaluate(() => document.activeElement.dataset.event);
  expect(tenth).not.toBe('plan-colombia-announced');
  await expect(page).toHaveURL(new RegExp(`#timeline/${tenth}\\?lang=en$`));
  await page.goBack();
  await expect(page).toHaveURL(/#map\?lang=en$/);
  await page.goForward();
  await expect(page).toHaveURL(new RegExp(`#timeline/${tenth}\\?lang=en$`));
  // A click pushes: Back returns to the event before it.
  await page.locator('.markers a[data-event="plan-colombia-announced"]').click();
  await expect(page).toHaveURL(/#timeline\/plan-colombia-announced\?lang=en$/);
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`#timeline/${tenth}\\?lang=en$`));
  expect(errors).toEqual([]);
});

test('the legend filters categories, shows counts and keyboard movement skips hidden ones', async ({ page }) => {
  const { errors } = await openTracked(page, '/#timeline?lang=en');
  const violence = page.locator('.legend-item[data-category="violence"]');
  await expect(violence).toHaveAttribute('aria-pressed', 'true');
  await expect(violence.locator('.count')).toHaveText(/\(\d+\)/);
  const before = await markers(page).count();
  await violence.click();
  await expect(violence).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('.marker-item[data-category="violence"]')).toHaveCount(0);
  expect(await markers(page).count()).toBeLessThan(before);
  // Keyboard movement skips the hidden category.
  await page.goto('/#timeline/rotterdam-record-seizure?lang=en');
  await page.locator('.markers a[aria-current]').focus();
  await page.keyboard.press('ArrowRight');
  const next = await page.evaluate(() => document.activeElement.closest('[data-category]')?.dataset.category);
  expect(next).not.toBe('violence');
  // A link to an event in a hidden category shows that category again.
  await page.goto('/#timeline/manta-mayor-assassinated?lang=en');
  await expect(page.locator('#detail-heading')).toContainText('Manta');
  await expect(violence).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.markers a[aria-current]')).toHaveAttribute('data-event', 'manta-mayor-assassinated');
  for (const category of ['violence', 'prisons', 'politics', 'cooperation', 'trafficking', 'justice']) {
    await page.locator(`.legend-item[data-category="${category}"]`).click();
  }
  await expect(page.locator('.no-events')).toBeVisible();
  expect(errors).toEqual([]);
});

test('zooms to a decade and a year around the selection, and pans', async ({ page }) => {
  const { errors } = await openTracked(page, '/#timeline/constitution-bans-foreign-bases?lang=en');
  await page.locator('[data-zoom="year"]').click();
  await expect(page.locator('[data-zoom="year"]')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.markers a[aria-current]')).toBeVisible();
  await expect(page.locator('.markers a[aria-current]')).toHaveAttribute('data-event', 'constitution-bans-foreign-bases');
  const yearCount = await markers(page).count();
  await page.locator('[data-zoom="decade"]').click();
  expect(await markers(page).count()).toBeGreaterThan(yearCount);
  await page.locator('[data-pan="later"]').click();
  await page.locator('[data-zoom="all"]').click();
  await expect(page.locator('[data-pan="later"]')).toBeDisabled();
  // Pinch (ctrl + wheel) over the timeline zooms in and out; a plain wheel scrolls the page.
  const frame = page.locator('.timeline-frame');
  await frame.hover();
  await page.mouse.wheel(0, 200);
  await expect(page.locator('[data-zoom="all"]')).toHaveAttribute('aria-pressed', 'true');
  // The page scrolled under the pointer: back over the timeline (the detail under it scrolls).
  await frame.hover();
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -100);
  await page.keyboard.up('Control');
  await expect(page.locator('[data-zoom="decade"]')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, 100);
  await page.keyboard.up('Control');
  await expect(page.locator('[data-zoom="all"]')).toHaveAttribute('aria-pressed', 'true');
  expect(errors).toEqual([]);
});

test('the homicide chart shares the axis and shows a value on focus', async ({ page }) => {
  const { errors } = await openTracked(page, '/#timeline?lang=es');
  const bar = page.locator('.bar[data-year="2023"]');
  await bar.focus();
  await expect(bar.locator('.bar-value')).toBeVisible();
  await expect(bar.locator('.bar-value')).toHaveText(/^2023: \d+(,\d+)?$/);
  await page.locator('.chart-sources > summary').click();
  await expect(page.locator('.chart-sources .sources li')).not.toHaveCount(0);
  // Aligned: the 2023 bar starts where the axis puts 2023.
  const barBox = await bar.boundingBox();
  const tick = page.locator('.axis li', { hasText: /^2025$/ });
  await expect(tick, 'the axis has a 2025 tick').toHaveCount(1);
  const bar2025 = page.locator('.bar[data-year="2025"]');
  await expect(bar2025, 'the chart has a 2025 bar').toHaveCount(1);
  const tickBox = await tick.boundingBox();
  const bar2025Box = await bar2025.boundingBox();
  expect(Math.abs(bar2025Box.x - (tickBox.x + tickBox.width / 2))).toBeLessThan(4);
  expect(barBox.width).toBeGreaterThan(0);
  expect(errors).toEqual([]);
});

test('the place link opens the map, and the deep link reopens the event', async ({ page }) => {
  const { errors } = await openTracked(page, '/#timeline/tc-television-raid?lang=en');
  await page.locator('.detail .places a').first().click();
  await expect(page).toHaveURL(/#map\/guayaquil\?lang=en$/);
  await expect(page.locator('#detail-heading')).toHaveText('Guayaquil');
  await page.goBack();
  await page.reload();
  await waitForApp(page);
  await expect(page.locator('#detail-heading')).toContainText('TC Televisión');
  await expect(page.locator('.markers a[aria-current]')).toHaveAttribute('data-event', 'tc-television-raid');
  expect(errors).toEqual([]);
});

test('on a phone the timeline is a list of every event, and a tap shows the detail', async ({ browser }) => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  const { errors } = await openTracked(page, '/#timeline?lang=es');
  await expect(page.locator('.marker-text').first()).toBeVisible();
  await expect(page.locator('.cluster')).toHaveCount(0);
  const total = await page.locator('.legend-item .count').evaluateAll((els) => els.reduce((n, el) => n + Number(el.textContent.replace(/\D/g, '')), 0));
  await expect(markers(page)).toHaveCount(total);
  await page.locator('.markers a[data-event="fito-escapes"]').click();
  await expect(page.locator('#detail-heading')).toBeInViewport();
  await expectNoAxeViolations(page, 'timeline on a phone (es)');
  expect(errors).toEqual([]);
  await page.close();
});

for (const lang of ['en', 'es']) {
  test(`axe finds no violations with the timeline filtered and zoomed (${lang})`, async ({ page }) => {
    await openTracked(page, `/#timeline/caso-metastasis?lang=${lang}`);
    await page.locator('.legend-item[data-category="prisons"]').click();
    await page.locator('[data-zoom="decade"]').click();
    await expectNoAxeViolations(page, `timeline filtered and zoomed (${lang})`);
  });
}

// Issue 15: on a laptop the detail appears where the eye is, under the axis, with the clicked
// marker still in view (no scrolling by the reader), for markers low and high on the screen.
test('at 1366×768 a click shows the detail under the axis with the marker still in view', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const { errors } = await openTracked(page, '/#timeline?lang=en');
  for (const [where, offset] of [['low on the screen', 40], ['high on the screen', 500]]) {
    // The axis's bottom `offset` px above the bottom of the screen.
    await page.evaluate((offset) => {
      const r = document.querySelector('.markers').getBoundingClientRect();
      window.scrollBy(0, r.bottom - innerHeight + offset);
    }, offset);
    const marker = page.locator('.markers a.marker:not([aria-current])').nth(where === 'low on the screen' ? 30 : 10);
    const id = await marker.getAttribute('data-event');
    await marker.click();
    await expect(page.locator('.markers a[aria-current]')).toHaveAttribute('data-event', id);
    await expect(page.locator('#detail-heading'), where).toBeInViewport();
    await expect(page.locator(`.markers a[data-event="${id}"]`), where).toBeInViewport();
    // Under the axis, above the chart.
    const [axis, detail, chart] = await Promise.all(
      ['.axis', '.timeline-view .detail', '.timeline-chart'].map((s) => page.locator(s).boundingBox()),
    );
    expect(detail.y).toBeGreaterThan(axis.y);
    expect(chart.y).toBeGreaterThan(detail.y);
  }
  // A cluster says what it is.
  await page.locator('.zoom-controls button').first().click();
  const cluster = page.locator('.cluster').first();
  if (await cluster.count()) {
    await expect(cluster).toHaveAttribute('aria-label', /^\d+ more events here: zoom in$/);
    await expect(cluster).toContainText(/^\+\d+/);
  }
  expect(errors).toEqual([]);
});

test('on a phone the header tools fold into one button', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await openTracked(page, '/#timeline?lang=en');
  const toggle = page.getByRole('button', { name: 'Tools' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(page.locator('.present-button')).toBeHidden();
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(page.locator('.present-button')).toBeVisible();
  await expectNoAxeViolations(page, 'the phone header with its tools open');
  await context.close();
});

// Core events carry short labels over the axis where they fit (state::place_labels): none may
// cover another, the selection's is among them, and the phone list (which shows titles) has none.
test('core events are labelled on the axis without overlapping; the selection is labelled', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  for (const lang of ['en', 'es']) {
    await page.goto(`/#timeline/tc-television-raid?lang=${lang}`);
    await page.waitForSelector('#app[data-mounted]');
    const labels = page.locator('.axis-labels .axis-label');
    await expect(labels.first()).toBeVisible();
    await expect(page.locator('.axis-label.selected')).toHaveText(lang === 'en' ? 'TC Televisión raid' : /TC Televisión/);
    const boxes = await labels.evaluateAll((els) => els.map((el) => {
      const r = el.getBoundingClientRect();
      return { text: el.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom, clipped: el.scrollWidth > el.clientWidth + 1 };
    }));
    expect(boxes.length).toBeGreaterThan(3);
    const axis = await page.locator('.markers').boundingBox();
    for (const [i, a] of boxes.entries()) {
      expect(a.clipped, `"${a.text}" is cut`).toBe(false);
      expect(a.left >= axis.x - 1 && a.right <= axis.x + axis.width + 1, `"${a.text}" leaves the axis`).toBe(true);
      for (const b of boxes.slice(i + 1)) {
        const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
        expect(apart, `"${a.text}" overlaps "${b.text}"`).toBe(true);
      }
    }
  }
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.locator('.axis-labels')).toBeHidden();
});

test('a click on a marker reads no layout while the page is being updated', async ({ page }) => {
  // Reading a position or a size in the middle of a selection forces the browser to lay out a
  // half-updated page, which it then lays out again for the frame: milliseconds of every click.
  // Reads belong in the next animation frame, or come from a ResizeObserver.
  await page.setViewportSize({ width: 1366, height: 768 });
  const { errors } = await openTracked(page, '/#timeline?lang=en');
  await recordLayoutReadsInClicks(page);
  for (const n of [5, 20, 40]) {
    const marker = page.locator('.markers a.marker:not([aria-current])').nth(n);
    const id = await marker.getAttribute('data-event');
    await marker.click();
    await expect(page.locator('.markers a[aria-current]')).toHaveAttribute('data-event', id);
    await expect(page.locator('#detail-heading')).toBeInViewport();
  }
  expect(await layoutReadsInClicks(page)).toEqual([]);
  expect(errors).toEqual([]);
});
