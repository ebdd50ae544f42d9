// Builds a worker_threads entry (the audit log's verify worker, the WAL checkpoint worker) into
// out/test-workers/, as electron-vite builds them into out/main/, so tests can run them in real
// worker threads.
import { builtinModules } from 'node:module'
import { join, resolve } from 'node:path'
import { build } from 'vite'

const ROOT = resolve(__dirname, '..', '..')
const built = new Map<string, Promise<string>>()

function buildWorker(entry: string, name: string): Promise<string> {
  const out = join(ROOT, 'out', 'test-workers', name)
  let file = built.get(name)
  if (!file) {
    file = build({
      configFile: false,
      logLevel: 'silent',
      root: ROOT,
      build: {
        ssr: join(ROOT, entry),
        outDir: out,
        emptyOutDir: true,
        target: 'node20',
        minify: false,
        rollupOptions: {
          external: [
            ...builtinModules,
            ...builtinModules.map((m) => `node:${m}`),
            'better-sqlite3-multiple-ciphers'
          ],
          output: { format: 'cjs', entryFileNames: `${name}.js` }
        }
      }
    }).then(() => join(out, `${name}.js`))
    built.set(name, file)
  }
  return file
}

export function buildVerifyWorker(): Promise<string> {
  return buildWorker('src/main/audit/verify-worker.ts', 'audit-verify-worker')
}

export function buildCheckpointWorker(): Promise<string> {
  return buildWorker('src/main/data/checkpoint-worker.ts', 'wal-checkpoint-worker')
}
