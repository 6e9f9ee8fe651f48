import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import { pythonWheels } from './tooling/pythonWheels.ts'
import { sandboxCors } from './tooling/sandboxCors.ts'
import { pythonRuntime } from './tooling/pythonRuntime.ts'

export default defineConfig({
  plugins: [vue(), sandboxCors(), pythonWheels(), pythonRuntime()],
  worker: {
    format: 'es',
    rolldownOptions: {
      output: {
        entryFileNames: 'runtime/[name]-[hash].js',
        chunkFileNames: 'runtime/[name]-[hash].js',
      },
    },
  },
})
