// Module loader hook of a Python thread: `import text from './file.py?raw'` gives the file's text, as Vite does.
import { readFile } from 'node:fs/promises'

export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || new URL(url).search !== '?raw') return nextLoad(url, context)
  const text = await readFile(new URL(url), 'utf8')
  return { format: 'module', source: `export default ${JSON.stringify(text)}`, shortCircuit: true }
}
