// Reads a restaurant configuration from the workspace: YAML or JSON, with the line of every entry.

import { LineCounter, parseDocument } from '../vendor/yaml.js'
import { CommandError } from './command-error.js'
import { lineLookup } from './source-lines.js'

/** `{format, data, lineOf}`; a file that cannot be read or parsed raises a CommandError. */
export async function readConfigFile(fs, path) {
  let text
  try {
    text = await fs.readText(path)
  } catch (error) {
    throw new CommandError(error?.message ?? String(error))
  }
  text = text.replace(/^\uFEFF/, '')
  return detectFormat(path, text) === 'json' ? parseJson(path, text) : parseYaml(path, text)
}

/** By extension; a file with neither extension is JSON when it starts with '{'. */
function detectFormat(path, text) {
  if (/\.json$/i.test(path)) return 'json'
  if (/\.ya?ml$/i.test(path)) return 'yaml'
  return text.trimStart().startsWith('{') ? 'json' : 'yaml'
}

function parseYaml(path, text) {
  const { doc, lineCounter } = parseWithPositions(text)
  const [error] = doc.errors
  if (error) {
    const { line, col: column } = lineCounter.linePos(error.pos[0])
    throw new CommandError(`${path} is not valid YAML: ${error.message} (line ${line}, column ${column})`, { line, column })
  }
  let data
  try {
    data = doc.toJS()
  } catch (error) {
    throw new CommandError(`${path} is not valid YAML: ${error.message}`)
  }
  return { format: 'yaml', data, lineOf: lineLookup(doc, lineCounter) }
}

function parseJson(path, text) {
  let data
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw new CommandError(`${path} is not valid JSON: ${error.message}`)
  }
  // JSON is also YAML, so the YAML parser can tell the lines; JSON.parse stays the judge of validity.
  const { doc, lineCounter } = parseWithPositions(text)
  return { format: 'json', data, lineOf: doc.errors.length ? () => undefined : lineLookup(doc, lineCounter) }
}

function parseWithPositions(text) {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true })
  return { doc, lineCounter }
}
