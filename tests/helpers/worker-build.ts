// Builds the audit log's verify worker (src/main/audit/verify-worker.ts) into out/test/, as
// electron-vite builds it into out/main/, so tests can run verification in real worker threads.
import { builtinModules } from 'node:module'
import { join, resolve } from 'node:path'
import { build } from 'vite'

const ROOT = resolve(__dirname, '..', '..')
const OUT = join(ROOT, 'out', 'test-verify-worker')
let built: Promise<string> | undefined

export function buildVerifyWorker(): Promise<string> {
  built ??= build({
    configFile: false,
    logLevel: 'silent',
    root: ROOT,
    build: {
      ssr: join(ROOT, 'src/main/audit/verify-worker.ts'),
      outDir: OUT,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      rollupOptions: {
        external: [
          ...builtinModules,
          ...builtinModules.map((m) => `node:${m}`),
          'better-sqlite3-multiple-ciphers'
        ],
        output: { format: 'cjs', entryFileNames: 'audit-verify-worker.js' }
      }
    }
  }).then(() => join(OUT, 'audit-verify-worker.js'))
  return built
}
