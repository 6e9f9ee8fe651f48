import { expect, type Page } from '@playwright/test'

/** Answers the dialog named `dialogName` with the button `answer`, and waits until it is closed. */
export async function confirmIn(page: Page, dialogName: string, answer: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: dialogName })
  await expect(dialog).toBeVisible()
  await dialog.getByRole('button', { name: answer, exact: true }).click()
  await expect(dialog).toBeHidden()
}
