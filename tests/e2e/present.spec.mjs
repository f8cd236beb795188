// Classroom use: presentation mode stepped with the keys a presentation clicker sends, in both
// languages, and the printed handout (captured as a PDF).
import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, expectSameOrigin, openTracked } from './helpers.mjs';

const ORIGIN = 'http://127.0.0.1:4173';

test('presentation mode steps through events with clicker keys and Esc leaves it', async ({ page }) => {
  const { errors, requests } = await openTracked(page, '/#timeline?lang=en');
  await page.getByRole('button', { name: 'Present' }).click();
  const show = page.getByRole('dialog', { name: 'Presentation' });
  await expect(show).toBeVisible();
  await expect(page).toHaveURL(/present=1/);
  const progress = show.locator('.progress');
  await expect(progress).toHaveText(/^1 \/ \d+$/);
  const total = Number((await progress.textContent()).split('/')[1]);
  expect(total).toBeGreaterThan(20);
  const heading = show.locator('#slide-heading');
  const first = await heading.textContent();

  for (const [key, expected] of [
    ['ArrowRight', 2],
    ['PageDown', 3],
    ['Space', 4],
    ['PageUp', 3],
    ['ArrowLeft', 2],
    ['ArrowLeft', 1],
    ['ArrowLeft', 1], // stays on the first
    ['End', total],
    ['PageDown', total], // stays on the last
    ['Home', 1],
  ]) {
    await page.keyboard.press(key);
    await expect(progress, `after ${key}`).toHaveText(`${expected} / ${total}`);
  }
  await expect(heading).toHaveText(first);
  await page.keyboard.press('ArrowRight');
  const second = await heading.textContent();
  expect(second).not.toBe(first);
  // Each slide is a link: Back returns to the previous one.
  await expect(page).toHaveURL(/#timeline\/[a-z0-9-]+\?lang=en&present=1(&part=\d+)?$/);
  await page.goBack();
  await expect(heading).toHaveText(first);
  await page.keyboard.press('ArrowRight');
  await expectNoAxeViolations(page, 'presentation');

  // Space on a focused button presses it (here: the previous-slide button), as everywhere else.
  await show.locator('.present-previous').focus();
  await page.keyboard.press('Space');
  await expect(heading).toHaveText(first);
  await page.keyboard.press('ArrowRight');
  await expect(heading).toHaveText(second);

  await page.keyboard.press('Escape');
  await expect(show).toHaveCount(0);
  await expect(page).not.toHaveURL(/present=1/);
  // Back on the timeline, on the event the class stopped at, with focus on the Present button.
  await expect(page.locator('#detail-heading')).toHaveText(second.replace(/ \(continued\)$/, ''));
  await expect(page.getByRole('button', { name: 'Present' })).toBeFocused();
  expect(errors).toEqual([]);
  expectSameOrigin(requests, ORIGIN);
});

test('presentation mode works in Spanish and presents the policy comparison row by row', async ({ page }) => {
  const { errors } = await openTracked(page, '/#policies/plan-colombia-vs-merida-initiative?lang=es&present=1');
  const show = page.getByRole('dialog', { name: 'Presentación' });
  await expect(show).toBeVisible();
  await expect(show.locator('.presentation-hint')).toContainText('Siguiente');
  await expect(show.locator('.progress')).toHaveText(/^1 \/ (\d+)$/);
  const total = Number((await show.locator('.progress').textContent()).split('/')[1]);
  await expect(show.locator('.slide-cell h3')).toHaveText(['Plan Colombia', /Mérida/]);
  const firstRow = await show.locator('#slide-heading').textContent();
  await show.getByRole('button', { name: /Siguiente/ }).click();
  await expect(show.locator('.progress')).toHaveText(`2 / ${total}`);
  await expect(show.locator('#slide-heading')).not.toHaveText(firstRow);
  await expect(page).toHaveURL(/dim=[a-z-]+/);
  await expectNoAxeViolations(page, 'presentation (es, policies)');
  await show.getByRole('button', { name: 'Salir (Esc)' }).click();
  await expect(page.locator('#view-heading')).toHaveText('Políticas');
  expect(errors).toEqual([]);
});

// Every slide of every deck fits a projector: nothing of the presentation below the fold (or
// scrolled). Logs, per deck, language and size, how many slides would overflow.
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1280, height: 720 },
];
const DECKS = [
  ['timeline', '#timeline?present=1'],
  ['policies', '#policies?present=1'],
  ['map', '#map?present=1'],
  ['story', '#story?present=1'],
];

/** The slide's overflow: the presentation scrolls, or a visible element ends below the screen. */
async function overflow(page) {
  return page.evaluate(() => {
    const show = document.querySelector('.presentation');
    // What is drawn: not the inside of a closed <details> nor the shapes an <svg> clips.
    const below = [...show.querySelectorAll('*')].filter((el) => {
      if (el.closest('svg') && el.tagName.toLowerCase() !== 'svg') return false;
      if (!el.checkVisibility()) return false;
      const r = el.getBoundingClientRect();
      return r.height > 0 && r.bottom > innerHeight + 1;
    });
    // The slide's own box is the room between the bar and the hint: nothing may spill out of it.
    const slide = show.querySelector('.slide');
    const spills = slide.scrollHeight > slide.clientHeight + 1;
    if (show.scrollHeight <= show.clientHeight + 1 && below.length === 0 && !spills) return null;
    const heading = show.querySelector('#slide-heading')?.textContent ?? '';
    return `${location.hash} "${heading.slice(0, 40)}" scroll ${show.scrollHeight}/${show.clientHeight} slide ${slide.scrollHeight}/${slide.clientHeight}`;
  });
}

for (const { width, height } of SIZES) {
  for (const lang of ['en', 'es']) {
    for (const [deck, hash] of DECKS) {
      test(`every ${deck} slide fits ${width}×${height} (${lang})`, async ({ page }) => {
        test.setTimeout(120_000);
        await page.setViewportSize({ width, height });
        const [path, query] = hash.split('?');
        const { errors } = await openTracked(page, `/${path}?lang=${lang}&${query}`);
        const progress = page.locator('.presentation .progress');
        await expect(progress).toHaveText(/^1 \/ \d+$/);
        const total = Number((await progress.textContent()).split('/')[1]);
        const over = [];
        for (let n = 1; n <= total; n += 1) {
          if (n > 1) {
            await page.keyboard.press('ArrowDown');
            await expect(progress).toHaveText(`${n} / ${total}`);
          }
          // The slide is fitted in the frame after it is drawn.
          await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
          const problem = await overflow(page);
          if (problem) over.push(problem);
        }
        console.log(`OVERFLOW ${deck} ${lang} ${width}x${height}: ${over.length} of ${total}`);
        expect(over).toEqual([]);
        expect(errors).toEqual([]);
      });
    }
  }
}

test('Present on the map presents the map, one route or place per slide', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const { errors, requests } = await openTracked(page, '/#map/guayaquil?lang=en');
  await page.getByRole('button', { name: 'Present' }).click();
  const show = page.getByRole('dialog', { name: 'Presentation' });
  await expect(show).toBeVisible();
  await expect(page).toHaveURL(/#map\/guayaquil\?lang=en&present=1$/);
  await expect(show.locator('.slide-map-item[data-kind="place"][data-item="guayaquil"]')).toBeVisible();
  await expect(show.locator('#slide-heading')).toContainText('Guayaquil');
  await expect(show.locator('.slide-map svg .place.lit[data-place="guayaquil"]')).toBeAttached();
  // The deck is the map's: its first slide is a route, and every slide a route or a place.
  await page.keyboard.press('Home');
  await expect(show.locator('.slide-map-item[data-kind="route"]')).toBeVisible();
  await expect(show.locator('.slide-map svg .route.lit')).toHaveCount(1);
  await expect(page).toHaveURL(/#map\/[a-z0-9-]+\?lang=en&present=1$/);
  await page.keyboard.press('PageDown');
  await expect(show.locator('.slide-map-item')).toBeVisible();
  await expectNoAxeViolations(page, 'presentation (map)');
  await page.keyboard.press('Escape');
  await expect(show).toHaveCount(0);
  await expect(page.locator('#view-heading')).toHaveText('Route map');
  await expect(page.getByRole('button', { name: 'Present' })).toBeFocused();
  expect(errors).toEqual([]);
  expectSameOrigin(requests, ORIGIN);
});

test('presentation mode walks the story, its map steps included (es)', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const { errors } = await openTracked(page, '/#story?lang=es');
  await page.getByRole('button', { name: 'Presentar' }).click();
  const show = page.getByRole('dialog', { name: 'Presentación' });
  await expect(show).toBeVisible();
  await expect(page).toHaveURL(/#story(\/plan-colombia-and-manta)?\?lang=es&present=1$/);
  const progress = show.locator('.progress');
  const total = Number((await progress.textContent()).split('/')[1]);
  const steps = [];
  const onMap = [];
  for (let n = 1; n <= total; n += 1) {
    if (n > 1) {
      await page.keyboard.press(n % 2 ? 'PageDown' : 'ArrowDown');
      await expect(progress).toHaveText(`${n} / ${total}`);
    }
    const slide = show.locator('[data-kind="step"]');
    const id = await slide.getAttribute('data-item');
    if (!steps.includes(id)) steps.push(id);
    if ((await show.locator('.slide-map svg').count()) > 0 && !onMap.includes(id)) onMap.push(id);
  }
  expect(steps).toEqual([
    'plan-colombia-and-manta', 'manta-closes', 'new-approaches', 'cocaine-corridor',
    'trouble-on-the-border', 'prisons-erupt', 'violence-spreads', 'europes-ports',
    'election-under-fire', 'internal-armed-conflict', 'after-the-declaration', 'the-choice-ahead',
  ]);
  expect(onMap).toEqual(['manta-closes', 'cocaine-corridor', 'europes-ports']);
  await expectNoAxeViolations(page, 'presentation (es, story)');
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/#story\/the-choice-ahead\?lang=es$/);
  expect(errors).toEqual([]);
});

test('the timeline deck follows the filter on screen', async ({ page }) => {
  const { errors } = await openTracked(page, '/#timeline?lang=en');
  await page.getByRole('button', { name: 'Present' }).click();
  const progress = page.locator('.presentation .progress');
  const whole = Number((await progress.textContent()).split('/')[1]);
  await page.keyboard.press('Escape');
  for (const category of ['politics', 'cooperation', 'trafficking', 'justice', 'prisons']) {
    await page.locator(`.legend-item[data-category="${category}"]`).click();
  }
  await page.getByRole('button', { name: 'Present' }).click();
  const filtered = Number((await progress.textContent()).split('/')[1]);
  expect(filtered).toBeGreaterThan(0);
  expect(filtered).toBeLessThan(whole);
  await page.keyboard.press('Escape');
  // The filter is still there when the class comes back.
  await expect(page.locator('.legend-item[data-category="politics"]')).toHaveAttribute('aria-pressed', 'false');
  expect(errors).toEqual([]);
});

test('prints a handout: dated timeline with sources, comparison table, route list, no controls', async ({ page }) => {
  const { errors } = await openTracked(page, '/#policies?lang=en');
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  const handout = page.locator('.handout');
  await expect(handout).toBeVisible();
  const events = handout.locator('.handout-events > li');
  expect(await events.count()).toBeGreaterThan(50);
  await expect(events.first().locator('.handout-sources')).not.toBeEmpty();
  await expect(handout.locator('table tbody tr')).not.toHaveCount(0);
  await expect(handout.locator('table thead th')).toHaveText(['Plan Colombia', /Mérida/]);
  await expect(handout.locator('.handout-routes > li')).not.toHaveCount(0);
  // No controls, no screen chrome.
  for (const selector of ['.site-header', 'main', 'button', '.site-footer']) {
    await expect(page.locator(selector).first(), selector).toBeHidden();
  }
  // Nothing clipped: every element of the handout ends inside the page's width. A picture counts
  // as a whole (the map's land runs past its frame, which the picture clips).
  const overflow = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll('.handout *')]
      .filter((el) => !el.ownerSVGElement)
      .filter((el) => el.getBoundingClientRect().right > width + 1)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`)
      .slice(0, 5);
  });
  expect(overflow).toEqual([]);
  mkdirSync('test-results', { recursive: true });
  const pdf = await page.pdf({ path: 'test-results/handout.pdf', format: 'A4', printBackground: false });
  expect(pdf.length).toBeGreaterThan(20_000);
  await page.evaluate(() => dispatchEvent(new Event('afterprint')));
  await page.emulateMedia({ media: 'screen' });
  await expect(handout).toHaveCount(0);
  expect(errors).toEqual([]);
});
