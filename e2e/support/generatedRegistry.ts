import type { ServerResponse } from 'node:http'

/**
 * Generated registries of trivial plugins, served by the fixture server under `/generated/`:
 * - `/generated/<count>/registry.json` declares `gen0` … `gen<count-1>`, each its own module `./gen<i>.js`;
 *   `?broken=<name>,<name>` also declares broken plugins from `./broken/<name>.js` (see BROKEN_PLUGINS).
 * - `/generated/<count>/gen<i>.js` answers `get_info()` with its name, version 1.0.0 and the command `echo`,
 *   and `health_check()` with `{ healthy: true, index: <i> }`.
 */
export const BROKEN_PLUGINS: Record<string, string> = {
  loops: 'export default { get_info() { for (;;) {} } }',
  throws: "export default { get_info() { throw new Error('generated failure') } }",
}

export function generatedRegistryUrl(origin: string, count: number, broken: string[] = []): string {
  return `${origin}/generated/${count}/registry.json${broken.length ? `?broken=${broken.join(',')}` : ''}`
}

function pluginModule(index: number): string {
  return `export class Plugin {
  get_info() { return { name: 'gen${index}', version: '1.0.0', description: 'Generated plugin ${index}', supported_commands: ['echo'] } }
  echo(kwargs) { return { status: 'success', echoed: kwargs, index: ${index} } }
  health_check() { return { healthy: true, index: ${index} } }
}
`
}

function manifest(count: number, broken: string[]): object {
  const plugins: Record<string, string> = {}
  for (let index = 0; index < count; index++) plugins[`gen${index}`] = `./gen${index}.js:Plugin`
  for (const name of broken) plugins[name] = `./broken/${name}.js`
  return { name: `Generated registry of ${count} plugins`, 'entry-points': { 'strataregula.plugins': plugins } }
}

/** Answers a request for a generated registry or module; false when `url` is not one. */
export function serveGenerated(url: URL, response: ServerResponse): boolean {
  const match = /^\/generated\/(\d+)\/(?:(registry\.json)|gen(\d+)\.js|broken\/(\w+)\.js)$/.exec(url.pathname)
  if (!match) return false
  const [, countText, registry, index, brokenName] = match
  const count = Number(countText)
  const headers = { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-store' }
  if (registry) {
    const broken = url.searchParams.get('broken')?.split(',').filter(Boolean) ?? []
    response.writeHead(200, { ...headers, 'Content-Type': 'application/json' }).end(JSON.stringify(manifest(count, broken)))
  } else if (index !== undefined && Number(index) < count) {
    response.writeHead(200, { ...headers, 'Content-Type': 'text/javascript' }).end(pluginModule(Number(index)))
  } else if (brokenName && Object.hasOwn(BROKEN_PLUGINS, brokenName)) {
    response.writeHead(200, { ...headers, 'Content-Type': 'text/javascript' }).end(BROKEN_PLUGINS[brokenName])
  } else {
    response.writeHead(404, { ...headers, 'Content-Type': 'text/plain' }).end('not found')
  }
  return true
}
