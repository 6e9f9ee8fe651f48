// Entry of a plugin's worker thread: TypeScript support for the runtime, http(s) module loading, then the host.
import { register } from 'node:module'
import { register as registerTypeScript } from 'tsx/esm/api'

registerTypeScript()
register('./remoteModuleHooks.mjs', import.meta.url)
await import('./pluginThreadHost.ts')
