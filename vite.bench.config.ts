// Builds the benchmark scripts (scripts/bench/*.bench.ts) for plain Node into out/bench/, with
// the audit log's verify worker, the WAL checkpoint worker and the endpoint benchmark's SigV4
// server beside them.
import { readdirSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { resolve } from 'node:path'
import { defineConfig } from 'vite'
import pkg from './package.json'

const dir = resolve(__dirname, 'scripts/bench')
const input = {
  ...Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith('.bench.ts'))
      .map((f) => [f.replace(/\.ts$/, ''), resolve(dir, f)])
  ),
  'endpoint-sigv4-server': resolve(dir, 'endpoint/sigv4-server.ts'),
  'audit-verify-worker': resolve(__dirname, 'src/main/audit/verify-worker.ts'),
  'wal-checkpoint-worker': resolve(__dirname, 'src/main/data/checkpoint-worker.ts')
}
const external = [
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
  ...Object.keys(pkg.dependencies),
  ...Object.keys(pkg.devDependencies)
]

export default defineConfig({
  build: {
    ssr: true,
    outDir: resolve(__dirname, 'out/bench'),
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rollupOptions: {
      input,
      external: (id) => external.some((e) => id === e || id.startsWith(`${e}/`)),
      output: { format: 'cjs', entryFileNames: '[name].cjs' }
    }
  }
})
