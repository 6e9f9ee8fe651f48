import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import { docsPages } from './tooling/docsPages.ts'
import { pythonWheels } from './tooling/pythonWheels.ts'
import { sandboxBundles } from './tooling/sandboxBundles.ts'
import { sandboxCors } from './tooling/sandboxCors.ts'
import { pythonRuntime } from './tooling/pythonRuntime.ts'

export default defineConfig({
  // sandboxCors first: its header must be set before sandboxBundles answers for the runtime.
  plugins: [vue(), sandboxCors(), sandboxBundles(), pythonWheels(), pythonRuntime(), docsPages()],
  build: {
    rolldownOptions: {
      input: { main: 'index.html', help: 'help.html' },
    },
  },
})
