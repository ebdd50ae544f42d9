// Unit, contract and integration tests: node projects for main/shared and for the contract suite,
// happy-dom for the renderer.
import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

export default defineConfig({
  plugins: [vue()],
  resolve: { alias: { '@renderer': resolve(__dirname, 'src/renderer/src') } },
  test: {
    reporters: ['default', './tests/summary-reporter.ts'],
    env: { AWS_EC2_METADATA_DISABLED: 'true' },
    projects: [
      {
        extends: true,
        test: {
          name: 'main',
          environment: 'node',
          include: [
            'tests/unit/main/**/*.test.ts',
            'tests/unit/shared/**/*.test.ts',
            'tests/integration/**/*.test.ts'
          ],
          testTimeout: 30_000,
          hookTimeout: 60_000
        }
      },
      {
        // The one KMS contract suite, on every target; one moto_server serves the whole run.
        extends: true,
        test: {
          name: 'contract',
          environment: 'node',
          include: ['tests/contract/**/*.test.ts'],
          globalSetup: ['tests/contract/moto-global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000
        }
      },
      {
        extends: true,
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          include: ['tests/unit/renderer/**/*.test.ts', 'tests/web/**/*.test.ts']
        }
      }
    ]
  }
})
