import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { runCommand } from './helpers'

const SAMPLES = ['cases.csv', 'doe/cases-shell.csv', 'doe/cases-dummy.csv', 'doe/cases-thresholds.csv', 'doe/cases-invalid.csv']
const sampleText = (path: string) => readFile(new URL(`../../../public/samples/${path}`, import.meta.url), 'utf8')

describe('workspace samples for the DOE Runner', () => {
  it('are listed in the sample index', async () => {
    const index = JSON.parse(await sampleText('index.json'))
    expect(index.files).toEqual(expect.arrayContaining(SAMPLES))
  })

  it.each([
    ['cases.csv', 0, { total: 4, success: 4, threshold_violations: 0 }],
    ['doe/cases-shell.csv', 0, { total: 7, success: 7, threshold_violations: 0 }],
    ['doe/cases-dummy.csv', 0, { total: 8, success: 8, threshold_violations: 0 }],
    ['doe/cases-thresholds.csv', 2, { total: 3, success: 3, threshold_violations: 4 }],
    ['doe/cases-invalid.csv', 3, { total: 0 }],
  ])('%s ends with exit code %s', async (path, exitCode, stats) => {
    const { result } = await runCommand('execute_cases', { cases_path: path, max_workers: 4 }, { files: { [path]: await sampleText(path) } })
    expect(result).toMatchObject({ status: 'success', exit_code: exitCode, stats })
  })
})
