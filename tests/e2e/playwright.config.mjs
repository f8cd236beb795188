// End-to-end journeys in Debian's headless Chromium (never a downloaded browser).
import { defineConfig } from '@playwright/test';

export const PORT = 4173;
// The release to test: dist/ (what scripts/test.sh builds), or another build folder.
const DIST = process.env.E2E_DIST || 'dist';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.mjs',
  outputDir: '../../test-results',
  timeout: 30_000,
  retries: 0,
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-gpu',
        '--no-sandbox',
      ],
    },
  },
  webServer: {
    command: `node tests/serve.mjs --dir ${DIST} --port ${PORT}`,
    cwd: '../..',
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 20_000,
  },
});
