import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { buildProjectWheels, PYTHON_SOURCES } from '../../../scripts/build-wheels.mjs'

const run = promisify(execFile)
const distributions = readdirSync(PYTHON_SOURCES)

describe.each(distributions)('python/%s', (distribution) => {
  it('passes its own Python unit tests', async () => {
    const folder = join(PYTHON_SOURCES, distribution)
    const { stderr } = await run('python3', ['-m', 'unittest', 'discover', '-s', 'tests'], {
      cwd: folder,
      env: { ...process.env, PYTHONPATH: join(folder, 'src'), PYTHONDONTWRITEBYTECODE: '1' },
    })
    expect(stderr).toMatch(/^OK$/m)
  })
})

describe('the project wheels', () => {
  it('are built byte for byte the same every time', async () => {
    const [first, second] = await Promise.all([buildProjectWheels(), buildProjectWheels()])
    expect(first.map((wheel) => wheel.fileName)).toEqual([
      'strataregula_hello_py-1.2.0-py3-none-any.whl',
      'strataregula_pattern_expander-0.1.0-py3-none-any.whl',
    ])
    expect(second).toEqual(first)
  })

  it('record the sha256 and size of every file and declare their entry points', async () => {
    for (const wheel of await buildProjectWheels()) {
      const files = unzipSync(wheel.bytes)
      const distInfo = wheel.fileName.replace(/-py3-none-any\.whl$/, '.dist-info')
      const record = strFromU8(files[`${distInfo}/RECORD`]!).trimEnd().split('\n')
      expect(record.map((line) => line.split(',')[0]).sort()).toEqual(Object.keys(files).sort())
      for (const line of record) {
        const [path, hash, size] = line.split(',')
        if (path === `${distInfo}/RECORD`) continue
        const bytes = files[path!]!
        expect(hash).toBe(`sha256=${createHash('sha256').update(bytes).digest('base64url')}`)
        expect(Number(size)).toBe(bytes.length)
      }
      expect(strFromU8(files[`${distInfo}/WHEEL`]!)).toContain('Tag: py3-none-any\n')
      expect(strFromU8(files[`${distInfo}/entry_points.txt`]!)).toMatch(/^\[strataregula\.plugins\]\n\w+ = strataregula_\w+\.plugin:\w+Plugin\n$/)
    }
  })
})
