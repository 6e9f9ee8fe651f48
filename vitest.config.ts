import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

// Tests wait for states, not for time: a generous limit keeps them green on a busy machine.
const testTimeout = 60_000

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', environment: 'node', include: ['tests/unit/**/*.test.ts'], testTimeout } },
      // Components render in a simulated DOM; everything else runs in plain Node.
      { plugins: [vue()], test: { name: 'component', environment: 'happy-dom', include: ['tests/component/**/*.test.ts'], testTimeout } },
    ],
  },
})
