// Builds the project's own Python plugins (python/<distribution>/) into pure-Python wheels, with no
// network and byte for byte the same on every run: sorted entries, fixed timestamps, fixed attributes.
// Run: node scripts/build-wheels.mjs [output folder]   (default public/py/)
import { createHash } from 'node:crypto'
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { zipSync } from 'fflate'
import { parse as parseToml } from 'smol-toml'

export const PYTHON_SOURCES = fileURLToPath(new URL('../python/', import.meta.url))
export const DEFAULT_WHEEL_DIR = fileURLToPath(new URL('../public/py/', import.meta.url))
const GENERATOR = 'strataregula-playground build-wheels'
// Local midnight of the earliest date a zip can hold, so the stored date is the same in every time zone.
const FIXED_MTIME = new Date(1980, 0, 1)
const FILE_ATTRIBUTES = 0o100644 << 16

/** PEP 503 normalisation with `_`, as wheel file and `.dist-info` names use it. */
export function wheelName(distribution) {
  return distribution.toLowerCase().replace(/[-_.]+/g, '_')
}

function recordHash(bytes) {
  return `sha256=${createHash('sha256').update(bytes).digest('base64url')}`
}

async function filesBelow(folder) {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true })
  return entries
    .filter((entry) => entry.isFile() && !entry.name.endsWith('.pyc') && !entry.parentPath.split(sep).includes('__pycache__'))
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort()
}

function metadataText(project) {
  const lines = ['Metadata-Version: 2.1', `Name: ${project.name}`, `Version: ${project.version}`]
  if (project.description) lines.push(`Summary: ${project.description}`)
  const authors = (project.authors ?? []).map((author) => author.name).filter(Boolean)
  if (authors.length) lines.push(`Author: ${authors.join(', ')}`)
  if (project['requires-python']) lines.push(`Requires-Python: ${project['requires-python']}`)
  return lines.join('\n') + '\n'
}

function entryPointsText(groups) {
  return Object.entries(groups ?? {})
    .map(
      ([group, entries]) =>
        `[${group}]\n${Object.entries(entries)
          .map(([name, target]) => `${name} = ${target}\n`)
          .join('')}`,
    )
    .join('\n')
}

/** One distribution folder (pyproject.toml + src/) → its wheel's file name and bytes. */
export async function buildWheel(distributionFolder) {
  const { project } = parseToml(await readFile(join(distributionFolder, 'pyproject.toml'), 'utf8'))
  if (!project?.name || !project.version) throw new Error(`${distributionFolder}: pyproject.toml needs project.name and project.version`)
  const base = `${wheelName(project.name)}-${project.version}`
  const distInfo = `${base}.dist-info`
  const sourceFolder = join(distributionFolder, 'src')
  const contents = new Map()
  for (const path of await filesBelow(sourceFolder)) contents.set(path, await readFile(join(sourceFolder, path)))
  const encoder = new TextEncoder()
  contents.set(`${distInfo}/METADATA`, encoder.encode(metadataText(project)))
  contents.set(`${distInfo}/WHEEL`, encoder.encode(`Wheel-Version: 1.0\nGenerator: ${GENERATOR}\nRoot-Is-Purelib: true\nTag: py3-none-any\n`))
  if (project['entry-points']) contents.set(`${distInfo}/entry_points.txt`, encoder.encode(entryPointsText(project['entry-points'])))
  const record = [...contents].map(([path, bytes]) => `${path},${recordHash(bytes)},${bytes.length}\n`).join('') + `${distInfo}/RECORD,,\n`
  contents.set(`${distInfo}/RECORD`, encoder.encode(record))

  const files = Object.fromEntries([...contents].map(([path, bytes]) => [path, [bytes, { mtime: FIXED_MTIME, os: 3, attrs: FILE_ATTRIBUTES }]]))
  return { fileName: `${base}-py3-none-any.whl`, bytes: zipSync(files, { level: 9 }) }
}

/** Every distribution under python/, built. */
export async function buildProjectWheels() {
  const distributions = (await readdir(PYTHON_SOURCES, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
  return Promise.all(distributions.map((name) => buildWheel(join(PYTHON_SOURCES, name))))
}

/** Writes the project's wheels into `outputFolder`, removing wheels no longer built; returns their file names. */
export async function buildWheels(outputFolder = DEFAULT_WHEEL_DIR) {
  const wheels = await buildProjectWheels()
  const names = wheels.map((wheel) => wheel.fileName)
  await mkdir(outputFolder, { recursive: true })
  for (const stale of (await readdir(outputFolder)).filter((name) => name.endsWith('.whl') && !names.includes(name))) {
    await rm(join(outputFolder, stale), { force: true })
  }
  for (const wheel of wheels) await writeIfChanged(join(outputFolder, wheel.fileName), wheel.bytes)
  return names
}

/** Builds run side by side (the dev server, the headless runner): a wheel is replaced whole, and only when it changed. */
async function writeIfChanged(path, bytes) {
  const current = await readFile(path).catch(() => undefined)
  if (current && Buffer.compare(current, bytes) === 0) return
  const temporary = `${path}.${process.pid}-${Date.now()}.tmp`
  await writeFile(temporary, bytes)
  await rename(temporary, path)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const names = await buildWheels(process.argv[2] ?? DEFAULT_WHEEL_DIR)
  for (const name of names) console.log(name)
}
