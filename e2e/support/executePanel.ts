import { expect, type Page } from '@playwright/test'

/** The Execute panel's controls, found by their labels and accessible names. */
export function executePanel(page: Page) {
  const panel = {
    tab: page.getByRole('tab', { name: 'Execute' }),
    plugin: page.getByLabel('Plugin', { exact: true }),
    command: page.getByLabel('Command', { exact: true }),
    argumentsInput: page.getByLabel('Arguments', { exact: true }),
    timeLimit: page.getByLabel('Time limit (s)'),
    run: page.getByRole('button', { name: 'Run', exact: true }),
    cancel: page.getByRole('button', { name: 'Cancel' }),
    argumentsError: page.locator('#run-arguments-error'),
    argumentsWarning: page.locator('#run-arguments-warning'),
    runTitle: page.getByRole('region', { name: 'Run output' }).getByRole('heading', { name: /^Run \d+: / }),
    exitNote: page.locator('.run-status .exit-note'),
    outcome: page.getByRole('status').filter({ hasText: /^Command (executed successfully|failed: )/ }),
    result: page.getByRole('region', { name: 'Result' }),
    log: page.getByRole('log', { name: 'Log' }),
    progress: page.getByRole('progressbar', { name: 'Progress' }),
    history: page.getByRole('region', { name: 'Run history' }),

    async open() {
      await panel.tab.click()
    },

    /** Chooses plugin and command, types the arguments and presses Run. */
    async start(plugin: string, command: string, args = '', timeLimitSeconds?: number) {
      await panel.open()
      await expect(panel.plugin.locator(`option[value="${plugin}"]`)).toBeEnabled()
      await panel.plugin.selectOption(plugin)
      await panel.command.selectOption(command)
      await panel.argumentsInput.fill(args)
      if (timeLimitSeconds !== undefined) await panel.timeLimit.fill(String(timeLimitSeconds))
      await panel.run.click()
    },

    async resultObject(): Promise<Record<string, unknown>> {
      return JSON.parse(await panel.result.locator('pre').innerText()) as Record<string, unknown>
    },
  }
  return panel
}
