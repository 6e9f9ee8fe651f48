import { chromium, type Browser } from '@playwright/test'
import playwrightConfig from '../../playwright.config'

/** Chromium started as the browser tests start it: the same executable rule and the same arguments. */
export function launchChromium(): Promise<Browser> {
  const testProject = playwrightConfig.projects?.find((project) => project.name === 'chromium')
  return chromium.launch(testProject?.use?.launchOptions)
}
