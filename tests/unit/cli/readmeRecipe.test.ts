import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from 'vitest'

const RECIPE = /<!-- registry-ci-recipe -->\n```sh\n([\s\S]*?)```\n<!-- \/registry-ci-recipe -->/

/** The README's CI recipe, as a registry's CI would run it; the clone and install steps are this checkout. */
function recipeCommands(): string[] {
  const recipe = RECIPE.exec(readFileSync('README.md', 'utf8'))
  if (!recipe) throw new Error('README.md has no registry CI recipe')
  return recipe[1].split('\n').filter((line) => line.startsWith('npx strataregula-playground '))
}

test('the README recipe checks a registry of ES modules and wheels with the runner', () => {
  const commands = recipeCommands()
  expect(commands).toHaveLength(4)
  // The recipe's temporary folders go where the test can remove them.
  const temporary = mkdtempSync(join(tmpdir(), 'registry-ci-recipe-'))
  try {
    for (const command of commands) {
      const run = spawnSync('bash', ['-c', command], { env: { ...process.env, REGISTRY: 'public/registry.json', TMPDIR: temporary }, encoding: 'utf8' })
      expect({ command, status: run.status, stderr: run.stderr }).toMatchObject({ command, status: 0 })
    }
  } finally {
    rmSync(temporary, { recursive: true, force: true })
  }
  const broken = spawnSync('bash', ['-c', commands[0]], { env: { ...process.env, REGISTRY: 'e2e/fixtures/corpus/registry.json' }, encoding: 'utf8' })
  expect(broken.status).toBe(1)
}, 300_000)
