import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/unit/**/*.test.ts'],
    // Tests wait for states, not for time: a generous limit keeps them green on a busy machine.
    testTimeout: 60_000,
  },
})
