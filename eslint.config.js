import pluginVue from 'eslint-plugin-vue'
import { defineConfigWithVueTs, vueTsConfigs } from '@vue/eslint-config-typescript'
import prettierConfig from 'eslint-config-prettier'
import globals from 'globals'

/** Imports a layer may not make: the layers of the README's Architecture section, as rules. */
const OUTER_OF_CORE = ['**/runtime/**', '**/api/**', '**/stores/**', '**/panels/**', '**/components/**', '**/composables/**']
const restrict = (groups, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: groups, message }] }],
})

export default defineConfigWithVueTs(
  {
    ignores: [
      'dist/**',
      '.e2e-dist*/**',
      'node_modules/**',
      'public/plugins/restaurant-config/vendor/**',
      '.test-output/**',
      'bench/results/**',
      'e2e/fixtures/corpus/syntax-error.js',
    ],
  },
  pluginVue.configs['flat/essential'],
  vueTsConfigs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'off',
    },
  },
  {
    files: ['src/core/**'],
    rules: restrict([...OUTER_OF_CORE, 'vue', 'pinia'], 'src/core is framework-free and imports nothing outer.'),
  },
  {
    files: ['src/runtime/**'],
    rules: restrict(
      ['**/api/**', '**/stores/**', '**/panels/**', '**/components/**', '**/composables/**', 'vue', 'pinia'],
      'src/runtime imports only src/runtime and src/core.',
    ),
  },
  {
    files: ['src/components/**', 'src/panels/**', 'src/composables/**'],
    rules: restrict(['**/api/**'], 'Components reach I/O through stores, never src/api directly.'),
  },
  {
    files: ['public/plugins/**/*.js', 'scripts/**/*.{js,mjs}', 'e2e/fixtures/**/*.js'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  prettierConfig,
)
