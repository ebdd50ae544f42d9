// Build of the three Electron processes. main also builds the headless entry (bin/keylab.js runs
// out/main/cli.js), which never loads Electron, the audit log's verify worker thread and the
// WAL checkpoint worker thread.
import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'

export default defineConfig({
  main: {
    build: {
      externalizeDeps: { exclude: ['@noble/curves', '@noble/hashes'] },
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          cli: resolve(__dirname, 'src/main/cli/index.ts'),
          'audit-verify-worker': resolve(__dirname, 'src/main/audit/verify-worker.ts'),
          'wal-checkpoint-worker': resolve(__dirname, 'src/main/data/checkpoint-worker.ts')
        }
      }
    }
  },
  preload: {
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') } }
    }
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    resolve: { alias: { '@renderer': resolve(__dirname, 'src/renderer/src') } },
    plugins: [vue()],
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } }
    }
  }
})
