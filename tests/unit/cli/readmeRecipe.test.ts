import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'

const RECIPE = /<!-- registry-ci-recipe -->\n```sh\n([\s\S]*?)```\n<!-- \/registry-ci-recipe -->/

/** The README's CI recipe, as a registry's CI would run it; the clone and install steps are this checkout. */
function recipeCommands(): string[] {
  const recipe = RECIPE.exec(readFileSync('README.md', 'utf8'))
  if (!recipe) throw new Error('README.md has no registry CI recipe')
  return recipe[1].split('\n').filter((line) => line.startsWith('npx strataregula-playground '))
}

test('the README recipe checks a registry with the runner', () => {
  const commands = recipeCommands()
  expect(commands).toHaveLength(3)
  for (const command of commands) {
    const run = spawnSync('bash', ['-c', command], { env: { ...process.env, REGISTRY: 'public/registry.json' }, encoding: 'utf8' })
    expect({ command, status: run.status, stderr: run.stderr }).toMatchObject({ command, status: 0 })
  }
  const broken = spawnSync('bash', ['-c', commands[0]], { env: { ...process.env, REGISTRY: 'e2e/fixtures/corpus/registry.json' }, encoding: 'utf8' })
  expect(broken.status).toBe(1)
}, 120_000)
