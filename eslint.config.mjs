// Lint, including the process boundaries of STYLE.md: shared/ imports nothing runtime, the
// renderer never imports main or preload, and `electron` is imported only where it may run.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import pluginVue from 'eslint-plugin-vue'
import prettier from 'eslint-config-prettier'
import globals from 'globals'

const ELECTRON_ALLOWED = [
  'src/main/index.ts',
  'src/main/window.ts',
  'src/main/ipc/**',
  'src/main/platform/**',
  'src/preload/**'
]

const noElectron = {
  name: 'electron',
  message: 'electron is imported only in main/index.ts, window.ts, ipc/, platform/ and preload/.'
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: {
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] }
    }
  },
  {
    files: ['src/main/**', 'src/preload/**', 'tests/**', 'scripts/**', 'bin/**', '*.config.*'],
    languageOptions: { globals: { ...globals.node } }
  },
  {
    files: ['src/renderer/**', 'tests/e2e/**', 'tests/web/**', 'tests/unit/renderer/**'],
    languageOptions: { globals: { ...globals.browser } }
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
      ],
      'no-restricted-imports': ['error', { paths: [noElectron] }]
    }
  },
  {
    files: ['tests/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ ...noElectron, allowTypeImports: true }] }]
    }
  },
  {
    files: ['bin/**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' }
  },
  {
    files: ELECTRON_ALLOWED,
    rules: { 'no-restricted-imports': 'off' }
  },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^[^.]',
              allowTypeImports: true,
              message:
                'shared/ imports no runtime package, node:* or electron (type-only imports are fine).'
            }
          ]
        }
      ]
    }
  },
  {
    files: ['src/renderer/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            {
              regex: '(^|/)(main|preload)(/|$)',
              message: 'the renderer never imports main or preload code.'
            },
            { regex: '^node:', message: 'the renderer runs in a sandboxed browser context.' }
          ]
        }
      ]
    }
  },
  {
    files: ['src/main/**', 'src/preload/**'],
    ignores: ELECTRON_ALLOWED,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, { name: 'vue', message: 'main-process code does not use vue.' }],
          patterns: [{ regex: '(^|/)renderer(/|$)', message: 'main never imports renderer code.' }]
        }
      ]
    }
  },
  prettier
)
