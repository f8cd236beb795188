// Takes screenshots of the built app (dist/) at phone and desktop sizes, for people to look at.
//   node scripts/screenshots.mjs [out-dir] [hash ...]
// Writes PNGs to target/screenshots/ by default. Uses Debian's Chromium, like the tests.
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { startServer } from '../tests/serve.mjs';

const out = process.argv[2] || 'target/screenshots';
const hashes = process.argv.length > 3 ? process.argv.slice(3) : [
  '#timeline/tc-television-raid?lang=en',
  '#timeline/tc-television-raid?lang=es',
  '#map/guayaquil?lang=en',
  '#policies?lang=en',
  '#about?lang=es',
];
const sizes = { phone: { width: 390, height: 844 }, desktop: { width: 1366, height: 900 } };

mkdirSync(out, { recursive: true });
const server = await startServer({ dir: new URL('../dist', import.meta.url).pathname, listenPort: 4175, basePath: '/' });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu', '--no-sandbox'],
});
try {
  for (const [name, viewport] of Object.entries(sizes)) {
    const page = await browser.newPage({ viewport });
    for (const hash of hashes) {
      await page.goto(`http://127.0.0.1:4175/${hash}`);
      await page.waitForFunction(() => !document.querySelector('#app')?.hasAttribute('aria-busy') && !document.querySelector('.boot-message'));
      const file = `${out}/${name}-${hash.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '')}.png`;
      await page.screenshot({ path: file, fullPage: name === 'phone' ? false : false });
      console.log(file);
    }
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
