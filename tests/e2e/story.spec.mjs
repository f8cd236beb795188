// The story mode (#story/<step>): walked first → last by keyboard in both languages, each step's
// views showing what data/story.toml promises (events lit on the timeline strip, routes and
// places lit on the map), axe at every step in light and dark, deep links, the "open the full
// view" link, the embed and a bad step id.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, openTracked } from './helpers.mjs';

/** The steps of data/story.toml, read with a few patterns (its layout is regular: one key a line). */
function storySteps() {
  const text = readFileSync(new URL('../../data/story.toml', import.meta.url), 'utf8');
  const list = (block, key) => {
    const m = block.match(new RegExp(`^${key} = \\[(.*)\\]$`, 'm'));
    return m ? [...m[1].matchAll(/"([^"]+)"/g)].map((x) => x[1]) : [];
  };
  const value = (block, key) => block.match(new RegExp(`^${key} = "(.*)"$`, 'm'))?.[1];
  return text.split(/^\[\[step\]\]$/m).slice(1).map((block) => ({
    id: value(block, 'id'),
    title: { en: value(block, 'title.en'), es: value(block, 'title.es') },
    events: list(block, 'events'),
    places: list(block, 'places'),
    routes: list(block, 'routes'),
    policies: list(block, 'policies'),
    view: value(block, 'view'),
  }));
}

const STEPS = storySteps();

async function expectStepState(page, step, lang, { embedded = false } = {}) {
  await expect(page.locator('.story-view')).toHaveAttribute('data-step', step.id);
  await expect(page.locator('.story-title')).toHaveText(step.title[lang].replace(/\\"/g, '"'));
  // The timeline strip and the list light exactly the step's events.
  const strip = page.locator('.story-strip rect.lit');
  await expect(strip).toHaveCount(step.events.length);
  for (const id of step.events) {
    await expect(page.locator(`.story-strip [data-event="${id}"].lit`)).toHaveCount(1);
    await expect(page.locator(`.story-timeline li.lit[data-event="${id}"] a`)).toHaveAttribute('href', new RegExp(`#timeline/${id}`));
  }
  // The map lights exactly its routes and places.
  await expect(page.locator('.story-map-figure .route.lit')).toHaveCount(step.routes.length);
  await expect(page.locator('.story-map-figure .place.lit')).toHaveCount(step.places.length);
  for (const id of step.routes) await expect(page.locator(`.story-map-figure [data-route="${id}"].lit`)).toHaveCount(1);
  for (const id of step.places) await expect(page.locator(`.story-map-figure [data-place="${id}"].lit`)).toHaveCount(1);
  // The compared row, when the step names a pair.
  await expect(page.locator('.story-comparison .story-cell')).toHaveCount(step.policies.length);
  // The step's link in the address, with its language.
  // (An embed's language is in its own options, not in the fragment.)
  await expect(page).toHaveURL(new RegExp(`#story/${step.id}${embedded ? `(\\?lang=${lang})?` : `\\?lang=${lang}`}$`));
}

test('the story has 8 to 12 steps', () => {
  expect(STEPS.length).toBeGreaterThanOrEqual(8);
  expect(STEPS.length).toBeLessThanOrEqual(12);
});

for (const lang of ['en', 'es']) {
  test(`walked first to last by keyboard in ${lang}, every step showing its state, axe clean`, async ({ page }) => {
    test.setTimeout(120_000);
    const { errors, requests } = await openTracked(page, `/?lang=${lang}#?lang=${lang}`);
    // The lede's entry opens the first step.
    const start = page.locator('.lede .story-start');
    await expect(start).toBeVisible();
    await start.focus();
    await page.keyboard.press('Enter');
    await expectStepState(page, STEPS[0], lang);
    await expect(page.locator('.story-prev')).toBeDisabled();
    for (let i = 0; i < STEPS.length; i++) {
      if (i > 0) {
        // Alternate the keys: → anywhere on the page, and the Next button by keyboard.
        if (i % 2) {
          await page.keyboard.press('ArrowRight');
        } else {
          await page.locator('.story-next').focus();
          await page.keyboard.press('Enter');
          await expect(page.locator('.story-next')).toBeFocused();
        }
        await expectStepState(page, STEPS[i], lang);
      }
      await expect(page.locator('.story-count')).toHaveText(new RegExp(`${i + 1}\\D+${STEPS.length}`));
      await expect(page.locator('.story-steps a[aria-current="step"]')).toHaveAttribute('data-step', STEPS[i].id);
      await page.emulateMedia({ colorScheme: i % 2 ? 'dark' : 'light' });
      await expectNoAxeViolations(page, `story step ${STEPS[i].id} (${lang})`);
    }
    // At the last step → does nothing; ← goes back; Home returns to the first.
    await page.keyboard.press('ArrowRight');
    await expectStepState(page, STEPS[STEPS.length - 1], lang);
    await page.keyboard.press('ArrowLeft');
    await expectStepState(page, STEPS[STEPS.length - 2], lang);
    await page.keyboard.press('Home');
    await expectStepState(page, STEPS[0], lang);
    expect(errors).toEqual([]);
    const origin = new URL(page.url()).origin;
    expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:'))).toEqual([]);
  });
}

test('a deep link reopens its step, and its "open the full view" link lands in that view with the state', async ({ page }) => {
  const { errors } = await openTracked(page, '/#story/europes-ports?lang=en');
  const step = STEPS.find((s) => s.id === 'europes-ports');
  await expectStepState(page, step, 'en');
  await expect(page.locator('.notice')).toHaveCount(0);
  await page.locator('.story-open').click();
  await expect(page).toHaveURL(new RegExp(`#map/${step.routes[0]}\\?lang=en$`));
  await expect(page.locator('.map-view, .route-map-view, [class*="map"]').first()).toBeVisible();
  await expect(page.locator('.views-nav a[data-view="map"]')).toHaveAttribute('aria-current', 'page');
  // Back returns to the step.
  await page.goBack();
  await expectStepState(page, step, 'en');

  // A timeline step opens its first event selected; a policies step its pair on its row.
  for (const id of ['prisons-erupt', 'the-choice-ahead']) {
    const s = STEPS.find((x) => x.id === id);
    await page.goto(`/#story/${id}?lang=es`);
    await expectStepState(page, s, 'es');
    await page.locator('.story-open').click();
    if (s.view === 'timeline') {
      await expect(page).toHaveURL(new RegExp(`#timeline/${s.events[0]}\\?lang=es$`));
      await expect(page.locator(`[aria-current="true"][href*="${s.events[0]}"], .event-detail, #event-detail`).first()).toBeVisible();
    } else {
      await expect(page).toHaveURL(new RegExp(`#policies/${s.policies[0]}-vs-${s.policies[1]}\\?lang=es&dim=`));
      await expect(page.locator('.comparison')).toBeVisible();
    }
  }
  expect(errors).toEqual([]);
});

test('a swipe moves the story on a phone', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  const { errors } = await openTracked(page, `/#story/${STEPS[1].id}?lang=en`);
  const box = await page.locator('.story-narrative').boundingBox();
  const swipe = async (from, to) => {
    const y = box.y + 40;
    await page.locator('.story-narrative').dispatchEvent('pointerdown', { pointerType: 'touch', clientX: from, clientY: y, isPrimary: true });
    await page.locator('.story-narrative').dispatchEvent('pointerup', { pointerType: 'touch', clientX: to, clientY: y + 5, isPrimary: true });
  };
  await swipe(300, 100);
  await expectStepState(page, STEPS[2], 'en');
  await swipe(100, 300);
  await expectStepState(page, STEPS[1], 'en');
  // On a phone the narrative sits above the live view.
  const narrative = await page.locator('.story-narrative').boundingBox();
  const stage = await page.locator('.story-stage').boundingBox();
  expect(stage.y).toBeGreaterThanOrEqual(narrative.y + narrative.height - 1);
  expect(errors).toEqual([]);
  await context.close();
});

test('on a wide screen the narrative sits beside the live view', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openTracked(page, `/#story/${STEPS[0].id}?lang=en`);
  const narrative = await page.locator('.story-narrative').boundingBox();
  const stage = await page.locator('.story-stage').boundingBox();
  expect(stage.x).toBeGreaterThanOrEqual(narrative.x + narrative.width - 1);
});

test('?embed=story embeds the story, and keys and buttons work inside it', async ({ page }) => {
  const { errors } = await openTracked(page, `/index.html?embed=story&lang=es#story/${STEPS[3].id}`);
  await expect(page.locator('html')).toHaveAttribute('data-embed', 'story');
  await expect(page.locator('.views-nav')).toHaveCount(0);
  await expect(page.locator('.lede')).toHaveCount(0);
  await expectStepState(page, STEPS[3], 'es', { embedded: true });
  await page.locator('.story-next').click();
  await expectStepState(page, STEPS[4], 'es', { embedded: true });
  await page.keyboard.press('ArrowLeft');
  await expectStepState(page, STEPS[3], 'es', { embedded: true });
  await expectNoAxeViolations(page, 'embedded story');
  // An embed of the story with no step opens the first.
  await page.goto('/index.html?embed=story&lang=en');
  await expect(page.locator('.story-view')).toHaveAttribute('data-step', STEPS[0].id);
  expect(errors).toEqual([]);
});

test('a bad step id falls back calmly to the first step with a notice', async ({ page }) => {
  const { errors } = await openTracked(page, '/#story/no-such-step?lang=en');
  await expect(page.locator('.notice')).toBeVisible();
  await expect(page.locator('.story-view')).toHaveAttribute('data-step', STEPS[0].id);
  await expect(page.locator('.story-title')).toHaveText(STEPS[0].title.en);
  await expect(page).toHaveURL(/#story\?lang=en$/);
  await page.goto('/#story/%3Cscript%3E?lang=es');
  await expect(page.locator('.notice')).toBeVisible();
  await expect(page.locator('.story-view')).toHaveAttribute('data-step', STEPS[0].id);
  await expectNoAxeViolations(page, 'story after a bad link');
  expect(errors).toEqual([]);
});
