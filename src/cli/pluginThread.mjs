// Entry of a plugin's worker thread: TypeScript support for the runtime, http(s) module loading, then the host
// the thread was started for (`workerData.host`): an ES-module plugin's, or a manifest's Python environment,
// whose runtime imports its Python files as text (`?raw`, as the page's bundler does).
import { register } from 'node:module'
import { workerData } from 'node:worker_threads'
import { register as registerTypeScript } from 'tsx/esm/api'

const HOSTS = { module: './pluginThreadHost.ts', python: './pythonThreadHost.ts' }

registerTypeScript()
register('./remoteModuleHooks.mjs', import.meta.url)
if (workerData.host === 'python') register('./rawTextHooks.mjs', import.meta.url)
await import(HOSTS[workerData.host])
