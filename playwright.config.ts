import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { defineConfig, devices } from '@playwright/test'

// Several checkouts or sessions on one machine can each use their own port and build folder.
const PORT = Number(process.env.E2E_PORT ?? 4173)
// The README's run command (`npm run dev`) gets its own tests, against the dev server on a port of its own.
const DEV_PORT = PORT + 1000
const DEV_SERVER_SPECS = /dev-server\.spec\.ts$/
const OUT_DIR = process.env.E2E_OUT_DIR ?? 'dist'
// `npm test` builds while the unit tests run, and says so with E2E_PREBUILT.
const BUILD = process.env.E2E_PREBUILT ? '' : `npx vite build --outDir ${OUT_DIR} --emptyOutDir && `
const DEBIAN_CHROMIUM = '/usr/bin/chromium'
// Playwright's own browser where it can be downloaded; Debian's Chromium otherwise.
const fullChromium = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE ?? (existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined)
// A full Chromium (not Playwright's headless shell) starts and renders its address bar's popup, two WebUI
// pages, for every browser context: most of a test's fixed processor cost. They are turned off through a
// script that keeps Playwright's own list of disabled features, since Chromium honours only one such list.
if (fullChromium) process.env.E2E_CHROMIUM = fullChromium
const withoutAddressBarPopup = fullChromium ? ['--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup'] : []

const chromium = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    executablePath: fullChromium && fileURLToPath(new URL('e2e/support/chromium.sh', import.meta.url)),
    args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', ...withoutAddressBarPopup],
  },
}

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  timeout: 30_000,
  reporter: [['list'], ['json', { outputFile: '.test-output/playwright.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    // Only the log of a CI run is kept, and recording a trace of every test costs processor time.
    trace: process.env.CI ? 'off' : 'retain-on-failure',
  },
  projects: [
    { name: 'chromium', use: chromium, testIgnore: DEV_SERVER_SPECS },
    { name: 'dev-server', use: { ...chromium, baseURL: `http://127.0.0.1:${DEV_PORT}/` }, testMatch: DEV_SERVER_SPECS },
  ],
  webServer: [
    {
      command: `${BUILD}npx vite preview --outDir ${OUT_DIR} --port ${PORT} --strictPort --host 127.0.0.1`,
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
    {
      command: `npx vite --port ${DEV_PORT} --strictPort --host 127.0.0.1`,
      url: `http://127.0.0.1:${DEV_PORT}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
  ],
})
